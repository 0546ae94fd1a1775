#include "review.hpp"

#include "core/errors.hpp"
#include "dedup/evidence_json.hpp"
#include "load/decision_store.hpp"
#include "load/incident_store.hpp"
#include "pipeline.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace etl {

namespace {

incident require_incident(pqxx::transaction_base &tx, std::string const &id)
{
    auto inc = load::find_incident(tx, id);
    if (!inc)
        throw usage_error("no incident '" + id + "' in the database");
    return std::move(*inc);
}

dedup::report_ref ref_of(incident_report const &r) { return {r.article_id, r.ordinal}; }

bool same_ref(dedup::report_ref const &a, incident_report const &b)
{
    return a.article_id == b.article_id && a.ordinal == b.ordinal;
}

std::string count_text(std::optional<casualty_count> const &c)
{
    if (!c)
        return "-";
    return std::string(to_string(c->qualifier)) + " " + std::to_string(c->value);
}

std::string range_text(count_range const &r)
{
    auto const v = [](std::optional<long> x) { return x ? std::to_string(*x) : std::string("-"); };
    return "low " + v(r.low) + ", best " + v(r.best) + ", high " + v(r.high);
}

std::string place_text(place const &p)
{
    std::string out;
    for (auto const *part : {&p.city, &p.admin1, &p.country})
        if (!part->empty())
            out += (out.empty() ? "" : ", ") + *part;
    return out.empty() ? "-" : out;
}

std::string or_dash(std::string const &s) { return s.empty() ? "-" : s; }

void write_report(std::ostream &out, incident_report const &r)
{
    out << "      date " << (r.date ? r.date->label() : "-") << "; place " << place_text(r.location)
        << "; attacker " << or_dash(r.attacker);
    if (r.attacker_status != claim_status::none)
        out << " (" << to_string(r.attacker_status) << ")";
    out << "; " << or_dash(r.attack_type) << " / " << or_dash(r.target_type) << "; killed " << count_text(r.killed)
        << "; injured " << count_text(r.injured) << "\n";
    std::string evidence = r.evidence;
    if (evidence.size() > 300)
        evidence = evidence.substr(0, 297) + "...";
    out << "      evidence [" << r.evidence_begin << ", " << r.evidence_end << "): \"" << evidence << "\"\n";
}

void write_reason(std::ostream &out, load::stored_link const &link)
{
    if (link.evidence_json.empty()) {
        out << "      linked in run " << link.linked_run << ": founded the incident\n";
        return;
    }
    auto const j = nlohmann::json::parse(link.evidence_json);
    out << "      linked in run " << link.linked_run << ": " << j.value("summary", std::string()) << "\n";
    if (auto const it = j.find("pairs"); it != j.end())
        for (auto const &p : *it)
            out << "        " << p.value("text", std::string()) << "\n";
}

} // namespace

dedup::report_ref parse_report_ref(std::string const &text)
{
    auto const hash = text.rfind('#');
    if (hash == std::string::npos || hash == 0 || hash + 1 == text.size())
        throw usage_error("'" + text + "' is not a report (expected ARTICLE_ID#ORDINAL, e.g. sample-001#0)");
    auto const digits = text.substr(hash + 1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) || digits.size() > 9)
        throw usage_error("'" + text + "': the ordinal after '#' must be a number");
    return {text.substr(0, hash), std::stoi(digits)};
}

merge_outcome merge_incidents(etl_config const &cfg, pqxx::connection &conn, std::vector<std::string> const &ids,
                              std::string const &note, long run_id)
{
    if (ids.size() < 2)
        throw usage_error("merge needs at least two incident ids");
    if (std::set<std::string>(ids.begin(), ids.end()).size() != ids.size())
        throw usage_error("merge: an incident id is given twice");
    pqxx::work tx(conn);
    std::vector<incident> incidents;
    for (auto const &id : ids)
        incidents.push_back(require_incident(tx, id));
    auto const &survivor = incidents.front();
    auto const founder = ref_of(*founding_report(survivor));

    merge_outcome outcome{survivor.id, 0, 0, {}};
    std::vector<load::report_pair> same;
    std::vector<dedup::report_ref> everyone;
    for (auto const &r : survivor.reports)
        everyone.push_back(ref_of(r));
    for (std::size_t i = 1; i < incidents.size(); ++i) {
        nlohmann::json reason = {{"summary", "merged from " + incidents[i].id + " into " + survivor.id +
                                                 " by analyst decision" + (note.empty() ? "" : ": " + note)},
                                 {"analyst", true},
                                 {"pairs", nlohmann::json::array()}};
        for (auto const &r : incidents[i].reports) {
            same.emplace_back(founder, ref_of(r));
            everyone.push_back(ref_of(r));
        }
        outcome.reports_moved += incidents[i].reports.size();
        load::move_links(tx, incidents[i].id, survivor.id, reason.dump(), run_id);
    }
    load::forget_decisions_within(tx, everyone, load::decision::different);
    load::record_decisions(tx, same, load::decision::same, note);
    outcome.decisions = same.size();
    outcome.saved = resolve_pending(cfg, tx, run_id);
    tx.commit();
    return outcome;
}

split_outcome split_incident(etl_config const &cfg, pqxx::connection &conn, std::string const &incident_id,
                             std::vector<dedup::report_ref> const &reports, std::string const &note, long run_id)
{
    if (reports.empty())
        throw usage_error("split needs at least one --report ARTICLE_ID#ORDINAL");
    pqxx::work tx(conn);
    auto const inc = require_incident(tx, incident_id);
    std::vector<dedup::report_ref> leaving, staying;
    for (auto const &r : inc.reports) {
        bool const listed =
            std::any_of(reports.begin(), reports.end(), [&](dedup::report_ref const &x) { return same_ref(x, r); });
        (listed ? leaving : staying).push_back(ref_of(r));
    }
    for (auto const &x : reports)
        if (std::none_of(inc.reports.begin(), inc.reports.end(), [&](incident_report const &r) { return same_ref(x, r); }))
            throw usage_error("report " + dedup::ref_label(x) + " is not in incident " + incident_id);
    if (staying.empty())
        throw usage_error("split would leave incident " + incident_id + " without reports; name fewer reports");

    std::vector<load::report_pair> different;
    for (auto const &x : leaving)
        for (auto const &y : staying)
            different.emplace_back(x, y);
    for (auto const &x : leaving)
        for (auto const &y : staying)
            load::forget_decisions_within(tx, {x, y}, load::decision::same);
    load::record_decisions(tx, different, load::decision::different, note);
    std::vector<std::pair<std::string, int>> keys;
    for (auto const &x : leaving)
        keys.emplace_back(x.article_id, x.ordinal);
    load::unlink_reports(tx, keys);
    auto const saved = resolve_pending(cfg, tx, run_id);
    split_outcome outcome{load::incidents_holding(tx, leaving), different.size(), saved};
    tx.commit();
    return outcome;
}

std::string explain_incident(etl_config const &cfg, pqxx::connection &conn, std::string const &incident_id,
                             bool all_pairs)
{
    pqxx::read_transaction tx(conn);
    auto const inc = require_incident(tx, incident_id);
    auto const links = load::links_of(tx, incident_id);
    auto const decisions = load::decisions_for_incident(tx, incident_id);

    std::ostringstream out;
    out << "incident " << inc.id << "\n"
        << "  date      " << (inc.date ? inc.date->label() : "-") << "\n"
        << "  place     " << place_text(inc.location) << " (" << to_string(inc.location.precision) << ")\n"
        << "  attacker  " << or_dash(inc.attacker);
    if (inc.attacker_status != claim_status::none)
        out << " (" << to_string(inc.attacker_status) << ")";
    out << "\n  type      " << or_dash(inc.attack_type) << " / " << or_dash(inc.target_type) << "\n"
        << "  killed    " << range_text(inc.killed) << "\n"
        << "  injured   " << range_text(inc.injured) << "\n"
        << "  reported  " << inc.reports.size() << " report(s), first "
        << (inc.first_reported ? inc.first_reported->iso() : "-") << ", last "
        << (inc.last_reported ? inc.last_reported->iso() : "-") << "\n\nreports\n";
    for (auto const &r : inc.reports) {
        out << "  " << r.article_id << "#" << r.ordinal << "  " << or_dash(r.source) << ", published "
            << (r.published ? r.published->iso() : "-") << "\n";
        write_report(out, r);
        auto const link = std::find_if(links.begin(), links.end(), [&](load::stored_link const &l) {
            return l.article_id == r.article_id && l.ordinal == r.ordinal;
        });
        if (link != links.end())
            write_reason(out, *link);
    }
    out << "\nanalyst decisions\n";
    if (decisions.empty())
        out << "  none\n";
    for (auto const &d : decisions)
        out << "  " << d.kind << "  " << dedup::ref_label(d.a) << " ~ " << dedup::ref_label(d.b) << "  by "
            << d.decided_by << " at " << d.decided_at << (d.note.empty() ? "" : "  \"" + d.note + "\"") << "\n";
    if (all_pairs) {
        auto const ex = extract::extractor::load(cfg.extract);
        auto const settings = dedup_settings_for(cfg, *ex);
        auto const compatible = compatibility_of(*ex);
        // every pair of at most this many reports (435 pairs): enough to see what a weight does
        constexpr std::size_t most = 30;
        std::size_t const n = std::min(inc.reports.size(), most);
        out << "\npair scores with the current settings (" << cfg.dedup.settings_file << ")";
        if (n < inc.reports.size())
            out << ", among the first " << n << " of " << inc.reports.size() << " reports";
        out << "\n";
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = i + 1; k < n; ++k) {
                auto const e = dedup::score_pair(inc.reports[i], inc.reports[k], settings, compatible);
                out << "  " << describe(e) << (e.is_match(settings) ? "  [match]" : "") << "\n";
            }
    }
    return out.str();
}

} // namespace etl
