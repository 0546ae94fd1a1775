#include "synthetic_articles.hpp"

#include "core/errors.hpp"
#include "core/files.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <unordered_map>

namespace etl::bench {

namespace {

std::vector<std::string> tab_fields(std::string const &line)
{
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t'))
        out.push_back(field);
    return out;
}

constexpr char const *weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr char const *months[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
constexpr char const *outlets[] = {"wire.example",    "daily.example",   "times.example", "post.example",
                                   "herald.example",  "tribune.example", "news.example",  "chronicle.example",
                                   "observer.example", "courier.example"};

// How an attack was carried out and on what: the words outlets use for it.
struct method_words {
    char const *noun;      // "a car bomb"
    char const *event;     // "explosion"
    char const *perpetrator; // "a suicide bomber"
};
constexpr method_words methods[] = {
    {"a car bomb", "blast", "a suicide bomber"},
    {"a roadside bomb", "explosion", "militants"},
    {"an explosive device", "bombing", "attackers"},
    {"gunfire", "shooting", "gunmen"},
    {"a grenade", "grenade attack", "assailants"},
    {"rockets", "rocket attack", "fighters"},
};
constexpr char const *targets[] = {"a crowded market", "a mosque", "a police checkpoint", "a bus station",
                                   "a wedding party",  "a school", "an army convoy",    "a hotel",
                                   "a church",         "a government office", "a football match", "a hospital"};
constexpr char const *said[] = {"police said", "officials said", "a provincial spokesman said",
                                "hospital officials said", "the interior ministry said", "witnesses said"};

// Other news: subjects, actions and objects combined into sentences with no attack in them.
constexpr char const *subjects[] = {"The finance minister", "The central bank", "Local farmers", "The city council",
                                    "Opposition leaders", "The national football team", "Teachers' unions",
                                    "The health ministry", "Exporters", "The weather service", "Shop owners",
                                    "The electoral commission", "University students", "Energy companies"};
constexpr char const *actions[] = {"met on", "announced on", "discussed on", "warned on", "celebrated on",
                                   "criticised on", "presented on", "approved on"};
constexpr char const *objects[] = {
    "a plan to cut fuel subsidies over the next two years",
    "the results of the wheat harvest, which was better than expected",
    "new rules for small businesses that sell goods online",
    "the budget for roads, schools and clinics in the coming year",
    "a heat wave expected to last until the end of the month",
    "a victory that lifts the team to second place in the league",
    "talks with neighbouring countries on water sharing and trade",
    "a programme to train nurses and doctors in rural districts",
    "rising prices for rice, cooking oil and sugar",
    "the date of local elections and the rules for candidates",
    "a new railway line that will link the port with the capital",
    "plans to expand mobile internet coverage to remote villages"};
constexpr char const *tails[] = {"Analysts expect little change before the end of the year.",
                                 "The proposal still needs the approval of parliament.",
                                 "Details are due to be published next week.",
                                 "Critics said the measures came too late.",
                                 "Supporters welcomed the decision.",
                                 "The figures will be reviewed in three months."};

std::string count_phrase(int n, std::mt19937_64 &rng)
{
    switch (rng() % 5) {
    case 0: return "at least " + std::to_string(n);
    case 1: return n >= 12 ? "almost " + std::to_string((n + 9) / 10 * 10) : std::to_string(n);
    case 2: return n > 3 ? "more than " + std::to_string(n - 2) : std::to_string(n);
    default: return std::to_string(n);
    }
}

} // namespace

article_generator::article_generator(generator_options options, std::string const &gazetteer_dir,
                                     std::string const &lexicon_dir)
    : m_options(options), m_rng(options.seed)
{
    std::unordered_map<std::string, std::string> country_names;
    {
        std::istringstream in(read_config_file(gazetteer_dir + "/countries.tsv", "the gazetteer's countries"));
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#')
                if (auto const f = tab_fields(line); f.size() > 1)
                    country_names[f[0]] = f[1];
    }
    {
        std::istringstream in(read_config_file(gazetteer_dir + "/cities.tsv", "the gazetteer's cities"));
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#')
                continue;
            auto const f = tab_fields(line);
            if (f.size() < 10 || std::atol(f[9].c_str()) < 100000 || !country_names.count(f[4]))
                continue;
            auto const &name = f[2].empty() ? f[1] : f[2];
            if (!name.empty())
                m_places.push_back({name, country_names[f[4]], f[4]});
        }
    }
    auto const actors = YAML::LoadFile(lexicon_dir + "/actors.yaml")["actors"];
    for (auto const &a : actors)
        if (a["kind"] && a["kind"].as<std::string>() == "group") {
            actor x{a["canonical"].as<std::string>(), {}};
            if (a["countries"])
                x.countries = a["countries"].as<std::vector<std::string>>();
            m_actors.push_back(std::move(x));
        }
    if (m_places.empty() || m_actors.empty())
        throw config_error("the benchmark generator found no cities in " + gazetteer_dir + " or no groups in " +
                           lexicon_dir + "/actors.yaml");
}

synthetic_article article_generator::next()
{
    // Tellings of recent attacks come out interleaved with new events, so that the reports of
    // one attack are near each other in the stream but not adjacent, as in a day's feed.
    if (!m_pending.empty() && (uniform() < 0.5 || m_pending.size() > 16)) {
        auto const t = m_pending.front();
        m_pending.pop_front();
        return tell(t);
    }
    // An attack gives (1 + max_outlets) / 2 articles on average: the chance of a new attack that
    // makes `incident_share` of the articles about attacks.
    double const tellings = (1.0 + std::max(1, m_options.max_outlets)) / 2.0;
    double const share = std::clamp(m_options.incident_share, 0.0, 1.0);
    if (uniform() >= share / (tellings - share * (tellings - 1.0)))
        return other_news();
    auto const a = new_attack();
    int const outlets_count = 1 + below(std::max(1, m_options.max_outlets));
    for (int i = 1; i < outlets_count; ++i)
        m_pending.push_back({a, i, below(3)});
    return tell({a, 0, below(2)});
}

article_generator::place const &article_generator::any_place() { return pick(m_places); }

article_generator::attack article_generator::new_attack()
{
    attack a;
    a.id = m_next_event++;
    a.day = m_options.first_day.plus_days(below(std::max(1, m_options.days)));
    a.method = below(static_cast<int>(std::size(methods)));
    a.target = below(static_cast<int>(std::size(targets)));
    a.killed = 2 + static_cast<int>(std::exp(uniform() * 4.0)); // 3..56, most small
    a.injured = a.killed * below(4) + below(10);
    if (uniform() < 0.6) {
        auto const &group = pick(m_actors);
        a.attacker = group.name;
        if (!group.countries.empty()) {
            // somewhere the group operates, if the gazetteer has a city there
            auto const &code = group.countries[static_cast<std::size_t>(below(static_cast<int>(group.countries.size())))];
            std::vector<place const *> there;
            for (auto const &p : m_places)
                if (p.country_code == code)
                    there.push_back(&p);
            a.where = there.empty() ? any_place() : *there[static_cast<std::size_t>(below(static_cast<int>(there.size())))];
            return a;
        }
    }
    a.where = any_place();
    return a;
}

std::string article_generator::when(civil_date day, civil_date published)
{
    auto const gap = published.to_days() - day.to_days();
    if (gap == 0 && uniform() < 0.5)
        return "on " + std::string(weekdays[day.weekday()]);
    if (gap <= 1 && uniform() < 0.5)
        return gap == 0 ? "today" : "yesterday";
    if (gap < 6 && uniform() < 0.6)
        return "on " + std::string(weekdays[day.weekday()]);
    return "on " + std::to_string(day.day) + " " + months[day.month - 1];
}

std::string article_generator::lead(telling const &t)
{
    auto const &a = t.event;
    auto const &m = methods[a.method];
    auto const published = a.day.plus_days(t.days_after);
    std::string const where = uniform() < 0.5 ? a.where.city + ", " + a.where.country
                                              : "the " + a.where.country + " city of " + a.where.city;
    std::string const date = when(a.day, published);
    std::string const killed = count_phrase(a.killed, m_rng);
    std::string const source = said[below(static_cast<int>(std::size(said)))];
    switch ((a.method + t.outlet) % 4) {
    case 0:
        return std::string(1, static_cast<char>(std::toupper(m.perpetrator[0]))) + (m.perpetrator + 1) + " killed " +
               killed + " people at " + targets[a.target] + " in " + where + " " + date + ", " + source + ".";
    case 1:
        return "At least " + std::to_string(a.killed) + " people were killed and " + std::to_string(a.injured) +
               " wounded when " + m.noun + " struck " + targets[a.target] + " in " + where + " " + date + ", " +
               source + ".";
    case 2:
        return (std::strchr("aeiou", m.event[0]) ? "An " : "A ") + std::string(m.event) + " at " + targets[a.target] + " in " + where + " " + date + " killed " +
               killed + " people and injured " + std::to_string(a.injured) + ", " + source + ".";
    default:
        return "The death toll from " + std::string(m.noun) + " attack on " + targets[a.target] + " in " + where +
               " " + date + " has risen to " + std::to_string(a.killed + t.outlet) + ", " + source + ".";
    }
}

std::string article_generator::follow_up(telling const &t)
{
    auto const &a = t.event;
    switch (below(4)) {
    case 0:
        return a.attacker.empty() ? "No group has claimed responsibility for the attack."
                                  : a.attacker + " claimed responsibility for the attack in a statement.";
    case 1:
        return a.attacker.empty() ? "Officials blamed militants but gave no details."
                                  : "Officials blamed " + a.attacker + " for the attack.";
    case 2:
        return "Ambulances took the wounded to two hospitals, where doctors said several were in critical condition.";
    default:
        return "Security forces sealed off the area and began a search for accomplices.";
    }
}

std::string article_generator::filler_sentence(place const &where, civil_date published)
{
    std::string s = subjects[below(static_cast<int>(std::size(subjects)))];
    s += " in ";
    s += where.country;
    s += " ";
    s += actions[below(static_cast<int>(std::size(actions)))];
    s += " ";
    s += weekdays[published.weekday()];
    s += " ";
    s += objects[below(static_cast<int>(std::size(objects)))];
    s += ". ";
    s += tails[below(static_cast<int>(std::size(tails)))];
    return s;
}

std::size_t article_generator::article_length()
{
    // log-normal around 1,800 characters, clipped to the 300-6,000 of real news
    std::normal_distribution<double> normal(std::log(1800.0), 0.6);
    return static_cast<std::size_t>(std::clamp(std::exp(normal(m_rng)), 300.0, 6000.0));
}

void article_generator::pad(std::string &text, std::size_t length, place const &where, civil_date published)
{
    while (text.size() < length) {
        text += "\n\n";
        text += filler_sentence(where, published);
    }
}

synthetic_article article_generator::tell(telling const &t)
{
    synthetic_article out;
    auto &art = out.art;
    char id[32];
    std::snprintf(id, sizeof id, "syn-%09ld", m_next_article++);
    art.id = id;
    art.source = outlets[(t.event.id + t.outlet) % static_cast<long>(std::size(outlets))];
    art.published = t.event.day.plus_days(t.days_after);
    art.title = std::string(methods[t.event.method].event) + " in " + t.event.where.city;
    art.text = lead(t) + " " + follow_up(t);
    pad(art.text, article_length(), t.event.where, *art.published);
    out.event = t.event.id;
    return out;
}

synthetic_article article_generator::other_news()
{
    synthetic_article out;
    auto &art = out.art;
    char id[32];
    std::snprintf(id, sizeof id, "syn-%09ld", m_next_article++);
    art.id = id;
    art.source = outlets[below(static_cast<int>(std::size(outlets)))];
    art.published = m_options.first_day.plus_days(below(std::max(1, m_options.days)));
    auto const &where = any_place();
    art.title = "News from " + where.city;
    art.text = filler_sentence(where, *art.published);
    pad(art.text, article_length(), where, *art.published);
    return out;
}

} // namespace etl::bench
