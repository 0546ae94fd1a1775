#include "support/dedup_corpus.hpp"

#include "extract/tokens.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <tuple>

namespace etl::test {

namespace {

struct matched_report {
    incident_report const *report;
    std::string event;     ///< gold event id
    std::size_t incident;  ///< index of the system incident
};

double agreement(incident_report const &r, gold_event const &e, gold_mention const &m)
{
    double score = 0;
    if (r.date) {
        auto const day = civil_date::parse_iso(e.date);
        if (day && r.date->start.plus_days(-1) <= *day && *day <= r.date->end.plus_days(1))
            score += 1;
    }
    if (!r.location.city.empty() && extract::fold(r.location.city) == extract::fold(e.city))
        score += 1;
    if (r.location.country == e.country)
        score += 0.5;
    if (m.killed && r.killed && r.killed->value == *m.killed)
        score += 1;
    return score;
}

} // namespace

dedup_corpus load_dedup_corpus(std::string const &dir)
{
    namespace fs = std::filesystem;
    dedup_corpus corpus;
    std::vector<fs::path> files;
    for (auto const &entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".jsonl")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (auto const &file : files) {
        corpus.article_files.push_back(file.string());
        auto const gold_path = file.parent_path() / (file.stem().string() + "_events.yaml");
        auto const gold = YAML::LoadFile(gold_path.string());
        for (auto const &e : gold["events"]) {
            gold_event ev{e["id"].as<std::string>(), e["date"].as<std::string>(), e["country"].as<std::string>(),
                          e["city"] ? e["city"].as<std::string>("") : std::string()};
            corpus.events.emplace(ev.id, ev);
        }
        for (auto const &a : gold["articles"]) {
            auto &list = corpus.mentions[a["id"].as<std::string>()];
            for (auto const &m : a["mentions"]) {
                gold_mention mention{m["event"].as<std::string>(), m["role"] ? m["role"].as<std::string>() : "primary",
                                     std::nullopt};
                if (m["killed"] && !m["killed"].IsNull())
                    mention.killed = m["killed"].as<long>();
                if (!corpus.events.count(mention.event))
                    throw std::runtime_error(gold_path.string() + ": unknown event " + mention.event);
                list.push_back(std::move(mention));
            }
        }
    }
    return corpus;
}

pairwise_score score_clustering(dedup_corpus const &corpus, std::vector<incident> const &incidents)
{
    pairwise_score out;
    std::map<std::string, std::vector<std::pair<incident_report const *, std::size_t>>> by_article;
    for (std::size_t i = 0; i < incidents.size(); ++i)
        for (auto const &r : incidents[i].reports)
            by_article[r.article_id].emplace_back(&r, i);

    std::vector<matched_report> matched;
    for (auto const &[article, mentions] : corpus.mentions) {
        out.mentions += static_cast<long>(mentions.size());
        auto const &reports = by_article[article];
        std::vector<std::tuple<double, std::size_t, std::size_t>> options; // score, mention, report
        for (std::size_t m = 0; m < mentions.size(); ++m)
            for (std::size_t r = 0; r < reports.size(); ++r) {
                double const s = agreement(*reports[r].first, corpus.events.at(mentions[m].event), mentions[m]);
                if (s >= 1.5)
                    options.emplace_back(s, m, r);
            }
        std::stable_sort(options.begin(), options.end(),
                         [](auto const &x, auto const &y) { return std::get<0>(x) > std::get<0>(y); });
        std::vector<bool> mention_used(mentions.size()), report_used(reports.size());
        for (auto const &[s, m, r] : options) {
            if (mention_used[m] || report_used[r])
                continue;
            mention_used[m] = report_used[r] = true;
            auto const &rep = *reports[r].first;
            matched.push_back({&rep, mentions[m].event, reports[r].second});
            out.matched.emplace_back(&rep, mentions[m].event);
        }
    }
    for (std::size_t i = 0; i < matched.size(); ++i)
        for (std::size_t k = i + 1; k < matched.size(); ++k) {
            auto const &a = matched[i];
            auto const &b = matched[k];
            if (a.report->article_id == b.report->article_id)
                continue;
            bool const same_system = a.incident == b.incident;
            bool const same_gold = a.event == b.event;
            out.system_pairs += same_system;
            out.gold_pairs += same_gold;
            out.both += same_system && same_gold;
            if (same_system != same_gold)
                (same_system ? out.false_merges : out.missed_merges).push_back({a.report, b.report, a.event, b.event});
        }
    return out;
}

} // namespace etl::test
