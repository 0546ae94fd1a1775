// Micro benchmark of etl::dedup::deduplicate (not a unit test).
//
//   cmake --build build --target dedup_bench
//   build/bench/dedup_bench [--settings config/dedup.yaml] [N ...]   (default: 10000 100000 1000000;
//                                                                   settings: the compiled defaults)
//
// Generates N synthetic reports of about N/3 events over five years in 60 countries (skewed:
// the busiest country has ~10% of the reports, its capital a fifth of those), with the noise
// real coverage has: a day off, month or year precision, undated follow-ups published weeks
// later with a higher toll, province instead of city, missing or parent-group attackers,
// qualified and vague figures, articles reporting two events. Prints the time of
// deduplicate() alone, reports per second, and pairwise precision/recall against the
// generating events.

#include "dedup/dedup.hpp"
#include "dedup/settings.hpp"
#include "stage_bench.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace etl;
using namespace etl::dedup;

namespace {

struct generator {
    std::mt19937_64 rng{20240109};

    double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng); }
    int below(int n) { return static_cast<int>(rng() % static_cast<unsigned long>(n)); }
    /// Zipf-like index in [0, n): small indices much more likely.
    int skewed(int n, double s)
    {
        double const u = uniform();
        return std::min(n - 1, static_cast<int>(std::pow(u, s) * n));
    }
};

char const *const attack_types[] = {"Bombing/Explosion", "Armed Assault", "Assassination",
                                    "Hostage Taking (Kidnapping)", "Facility/Infrastructure Attack",
                                    "Unarmed Assault", "Hijacking"};
char const *const target_types[] = {"Private Citizens & Property", "Military", "Police", "Government (General)",
                                    "Business", "Religious Figures/Institutions", "Educational Institution",
                                    "Transportation", "Utilities", "Journalists & Media", "NGO", "Telecommunication",
                                    "Government (Diplomatic)", "Terrorists/Non-State Militia", "Tourists",
                                    "Violent Political Party", "Food or Water Supply", "Maritime",
                                    "Airports & Aircraft", "Abortion Related", "Other"};
char const *const syllables[] = {"ka", "zar", "mi", "dun", "sha", "bad", "qal", "rah", "tul", "en", "gho", "ri",
                                 "sa", "yed", "ma", "wa", "ni", "har", "ko", "li", "pur", "dar", "bel", "om"};
char const *const venues[] = {"mosque", "market", "school", "checkpoint", "church", "bus station", "hotel", "camp"};

std::string name_from(std::uint64_t id)
{
    std::string n;
    for (int k = 0; k < 3; ++k) {
        n += syllables[id % 24];
        id /= 24;
    }
    n[0] = static_cast<char>(n[0] - 'a' + 'A');
    return n;
}

struct event {
    int country;
    int city;
    long day;
    int attack;
    int target;
    int group;
    long killed;
    long injured;
    std::uint64_t name;
};

struct synthetic {
    std::vector<incident_report> reports;
    std::vector<int> truth; ///< event of each report
};

synthetic generate(std::size_t n)
{
    generator g;
    int const countries = 60, cities = 200, admin1s = 20, groups = 40;
    long const first_day = civil_date{2019, 1, 1}.to_days();
    long const span = 5 * 365;
    synthetic out;
    out.reports.reserve(n);
    out.truth.reserve(n);
    std::size_t article = 0;
    int event_id = 0;
    while (out.reports.size() < n) {
        event e{};
        e.country = g.skewed(countries, 2.2);
        e.city = g.skewed(cities, 3.0);
        e.day = first_day + g.below(static_cast<int>(span));
        e.attack = g.skewed(7, 1.6);
        e.target = g.skewed(21, 1.8);
        e.group = g.uniform() < 0.35 ? -1 : g.below(groups);
        e.killed = static_cast<long>(std::exp(g.uniform() * 4.5)) - 1;
        e.injured = e.killed * 2 + g.below(5);
        e.name = g.rng();
        int const copies = 1 + g.skewed(6, 1.7);
        for (int c = 0; c < copies && out.reports.size() < n; ++c) {
            incident_report r;
            r.article_id = "art" + std::to_string(article++);
            r.source = "outlet" + std::to_string(g.below(50));
            // Some articles report a second event: share the article id with the previous report.
            if (c == 0 && !out.reports.empty() && g.uniform() < 0.08) {
                r.article_id = out.reports.back().article_id;
                r.ordinal = out.reports.back().ordinal + 1;
                --article;
            }
            bool const follow_up = c > 0 && g.uniform() < 0.06;
            long const published = e.day + (follow_up ? 10 + g.below(40) : g.below(3));
            r.published = civil_date::from_days(published);
            double const p = g.uniform();
            civil_date const d = civil_date::from_days(e.day);
            if (follow_up || p < 0.03) {
                // undated
            } else if (p < 0.06) {
                r.date = date_range::year(d.year);
            } else if (p < 0.16) {
                r.date = date_range::month(d.year, d.month);
            } else if (p < 0.24) {
                r.date = date_range::day(civil_date::from_days(e.day + (g.below(2) ? 1 : -1)));
            } else {
                r.date = date_range::day(d);
            }
            std::string const country = "C" + std::to_string(e.country);
            std::string const admin1 = country + "-A" + std::to_string(e.city % admin1s);
            std::string const city = country + "-City" + std::to_string(e.city);
            double const q = g.uniform();
            double const lat = 10.0 + e.country + (e.city % 37) * 0.21;
            double const lon = 20.0 + e.country + (e.city / 37) * 0.27;
            if (q < 0.72)
                r.location = {country, admin1, city, lat, lon, geo_precision::city};
            else if (q < 0.94)
                r.location = {country, admin1, "", lat + 0.3, lon + 0.3, geo_precision::admin1};
            else
                r.location = {country, "", "", 10.0 + e.country, 20.0 + e.country, geo_precision::country};
            if (e.group >= 0 && g.uniform() < 0.7) {
                // Sometimes the parent ("G7") instead of the branch ("G7/branch").
                r.attacker = "G" + std::to_string(e.group);
                if (e.group % 4 == 0 && g.uniform() < 0.5)
                    r.attacker += "/branch";
                r.attacker_status = g.uniform() < 0.3 ? claim_status::claimed : claim_status::suspected;
            }
            if (g.uniform() < 0.95)
                r.attack_type = attack_types[e.attack];
            if (g.uniform() < 0.85)
                r.target_type = target_types[e.target];
            long const k = follow_up ? e.killed + e.killed / 3 + 2 : e.killed;
            double const kq = g.uniform();
            if (kq < 0.08) {
                // no figure
            } else if (k >= 24 && kq < 0.14) {
                r.killed = casualty_count{12, count_qualifier::vague, "dozens"};
            } else if (kq < 0.35) {
                r.killed = casualty_count{std::max(0L, k - g.below(3)), count_qualifier::at_least, ""};
            } else if (kq < 0.42) {
                r.killed = casualty_count{k + 1 + g.below(3), count_qualifier::almost, ""};
            } else {
                r.killed = casualty_count{k, count_qualifier::exact, ""};
            }
            if (g.uniform() < 0.5)
                r.injured = casualty_count{e.injured + g.below(3), count_qualifier::exact, ""};
            std::string const place = r.location.city.empty() ? r.location.admin1 : r.location.city;
            std::string const named = g.uniform() < 0.6 ? name_from(e.name) + " " + name_from(e.name >> 20) + " " : "";
            r.evidence = "On Friday an attack struck the " + named + venues[e.target % 8] + " in " + place +
                         ", killing " + std::to_string(k) + " people, Police said. The Governor blamed insurgents.";
            out.reports.push_back(std::move(r));
            out.truth.push_back(event_id);
        }
        ++event_id;
    }
    return out;
}

bool branch_of(std::string const &child, std::string const &parent)
{
    return child.size() == parent.size() + 7 && child.compare(0, parent.size(), parent) == 0 &&
           child.compare(parent.size(), 7, "/branch") == 0;
}

void run(std::size_t n, dedup_settings const &settings)
{
    auto data = generate(n);
    std::unordered_map<std::string, int> truth; // "article#ordinal" -> event
    truth.reserve(n);
    std::unordered_map<int, long> event_sizes;
    for (std::size_t i = 0; i < data.reports.size(); ++i) {
        truth[data.reports[i].article_id + "#" + std::to_string(data.reports[i].ordinal)] = data.truth[i];
        ++event_sizes[data.truth[i]];
    }
    attackers_compatible_fn const compatible = [](std::string const &a, std::string const &b) {
        return a == b || branch_of(a, b) || branch_of(b, a);
    };

    double const rss_before = bench::status_megabytes("VmRSS");
    auto const t0 = std::chrono::steady_clock::now();
    std::clock_t const c0 = std::clock();
    auto const res = deduplicate({}, std::move(data.reports), settings, compatible, branch_of);
    std::clock_t const c1 = std::clock();
    auto const t1 = std::chrono::steady_clock::now();
    double const seconds = std::chrono::duration<double>(t1 - t0).count();
    double const cpu = static_cast<double>(c1 - c0) / CLOCKS_PER_SEC;

    // Pairwise precision / recall against the generating events.
    double true_pairs = 0, found_pairs = 0, correct_pairs = 0;
    for (auto const &[e, k] : event_sizes)
        true_pairs += static_cast<double>(k) * static_cast<double>(k - 1) / 2;
    for (auto const &inc : res.incidents) {
        std::unordered_map<int, long> by_event;
        for (auto const &r : inc.reports)
            ++by_event[truth[r.article_id + "#" + std::to_string(r.ordinal)]];
        double const k = static_cast<double>(inc.reports.size());
        found_pairs += k * (k - 1) / 2;
        for (auto const &[e, m] : by_event)
            correct_pairs += static_cast<double>(m) * static_cast<double>(m - 1) / 2;
    }
    std::printf("%8zu reports  %7zu events  %7.2f s wall  %7.2f s cpu  %9.0f reports/s  incidents %7zu  "
                "candidate pairs %10zu  "
                "seeds %8zu  unions %7zu  rejected %6zu  pair precision %.3f  recall %.3f  "
                "RSS before %.0f MB, peak so far %.0f MB\n",
                n, event_sizes.size(), seconds, cpu, static_cast<double>(n) / seconds, res.incidents.size(),
                res.stats.candidate_pairs, res.stats.seed_pairs, res.stats.unions, res.stats.rejected_unions,
                found_pairs > 0 ? correct_pairs / found_pairs : 1.0, true_pairs > 0 ? correct_pairs / true_pairs : 1.0,
                rss_before, bench::status_megabytes("VmHWM"));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::size_t> sizes;
    dedup_settings settings;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--settings" && i + 1 < argc)
            settings = load_dedup_settings(argv[++i]);
        else
            sizes.push_back(static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)));
    }
    if (sizes.empty())
        sizes = {10000, 100000, 1000000};
    for (auto n : sizes)
        run(n, settings);
}
