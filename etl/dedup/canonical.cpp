#include "dedup/canonical.hpp"

#include "dedup/scoring.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace etl::dedup {

namespace {

int rank(date_precision p)
{
    switch (p) {
    case date_precision::day: return 4;
    case date_precision::week: return 3;
    case date_precision::month: return 2;
    case date_precision::year: return 1;
    }
    return 0;
}

int rank(geo_precision p)
{
    switch (p) {
    case geo_precision::city: return 3;
    case geo_precision::admin1: return 2;
    case geo_precision::country: return 1;
    case geo_precision::none: return 0;
    }
    return 0;
}

int rank(claim_status s)
{
    switch (s) {
    case claim_status::claimed: return 3;
    case claim_status::blamed: return 2;
    case claim_status::suspected: return 1;
    case claim_status::none: return 0;
    }
    return 0;
}

/// Same-day tie-break for the "best" figure: the firmer statement wins.
int rank(count_qualifier q)
{
    switch (q) {
    case count_qualifier::exact: return 4;
    case count_qualifier::about: return 3;
    case count_qualifier::at_least:
    case count_qualifier::more_than: return 2;
    case count_qualifier::almost:
    case count_qualifier::up_to: return 1;
    case count_qualifier::vague: return 0;
    }
    return 0;
}

int specificity(incident_report const &r)
{
    int s = (r.date ? rank(r.date->precision) : 0) + rank(r.location.precision);
    s += !r.attacker.empty();
    s += is_known_category(r.attack_type);
    s += is_known_category(r.target_type);
    s += r.killed.has_value();
    s += r.injured.has_value();
    return s;
}

/// The most frequent value; ties: the value of the earliest report in `by_specificity`.
/// `value_of` returns the value of report i or nullptr when it does not take part.
template <typename Value>
std::string majority(std::vector<incident_report> const &reports, std::vector<std::size_t> const &by_specificity,
                     Value value_of)
{
    std::map<std::string, int> counts;
    for (auto const &r : reports)
        if (auto const *v = value_of(r))
            ++counts[*v];
    int best = 0;
    for (auto const &[v, n] : counts)
        best = std::max(best, n);
    for (std::size_t i : by_specificity)
        if (auto const *v = value_of(reports[i]); v && counts[*v] == best)
            return *v;
    return {};
}

std::optional<date_range> canonical_date(std::vector<incident_report> const &reports,
                                         std::vector<std::size_t> const &by_specificity)
{
    std::vector<date_range> ranges;
    for (std::size_t i : by_specificity)
        if (reports[i].date)
            ranges.push_back(*reports[i].date);
    if (ranges.empty())
        return std::nullopt;
    auto width = [](date_range const &d) { return d.end.to_days() - d.start.to_days() + 1; };
    auto within = [](date_range const &inner, date_range const &outer) {
        return outer.start <= inner.start && inner.end <= outer.end;
    };

    civil_date lo = ranges.front().start, hi = ranges.front().end;
    for (auto const &d : ranges) {
        if (lo < d.start)
            lo = d.start;
        if (d.end < hi)
            hi = d.end;
    }
    if (lo <= hi) {
        date_range best{};
        bool found = false;
        for (auto const &d : ranges)
            if (d.start == lo && d.end == hi && (!found || rank(d.precision) > rank(best.precision))) {
                best = d;
                found = true;
            }
        if (found)
            return best;
        date_range d{lo, hi, date_precision::year};
        long const w = width(d);
        d.precision = w == 1 ? date_precision::day
                      : w <= 7 ? date_precision::week
                      : w <= 31 ? date_precision::month
                                : date_precision::year;
        return d;
    }

    // No common range: the reported range that the most others agree with.
    std::optional<date_range> best;
    std::tuple<int, long, int, long> best_key{};
    for (auto const &c : ranges) {
        int containing = 0, exact = 0;
        for (auto const &d : ranges) {
            containing += within(c, d);
            exact += d.start == c.start && d.end == c.end;
        }
        // Larger is better in every component.
        std::tuple<int, long, int, long> const key{containing, -width(c), exact, -c.start.to_days()};
        if (!best || key > best_key) {
            best = c;
            best_key = key;
        }
    }
    return best;
}

place canonical_place(std::vector<incident_report> const &reports, std::vector<std::size_t> const &by_specificity)
{
    place out;
    out.country = majority(reports, by_specificity, [](incident_report const &r) {
        return r.location.country.empty() ? nullptr : &r.location.country;
    });
    auto country_ok = [&](incident_report const &r) {
        return r.location.country.empty() || r.location.country == out.country;
    };
    out.admin1 = majority(reports, by_specificity, [&](incident_report const &r) {
        return r.location.admin1.empty() || !country_ok(r) ? nullptr : &r.location.admin1;
    });
    auto admin1_ok = [&](incident_report const &r) {
        return r.location.admin1.empty() || out.admin1.empty() || r.location.admin1 == out.admin1;
    };
    out.city = majority(reports, by_specificity, [&](incident_report const &r) {
        return r.location.city.empty() || !country_ok(r) || !admin1_ok(r) ? nullptr : &r.location.city;
    });

    auto take_coordinates = [&](auto accept) {
        for (std::size_t i : by_specificity) {
            auto const &l = reports[i].location;
            if (accept(reports[i]) && l.latitude && l.longitude) {
                out.latitude = l.latitude;
                out.longitude = l.longitude;
                return;
            }
        }
    };
    if (!out.city.empty()) {
        out.precision = geo_precision::city;
        for (std::size_t i : by_specificity) {
            auto const &r = reports[i];
            if (r.location.city == out.city && country_ok(r) && admin1_ok(r)) {
                if (out.admin1.empty())
                    out.admin1 = r.location.admin1;
                break;
            }
        }
        take_coordinates([&](incident_report const &r) {
            return r.location.precision == geo_precision::city && r.location.city == out.city && country_ok(r) &&
                   admin1_ok(r);
        });
    } else if (!out.admin1.empty()) {
        out.precision = geo_precision::admin1;
        take_coordinates([&](incident_report const &r) {
            return r.location.precision == geo_precision::admin1 && r.location.admin1 == out.admin1 && country_ok(r);
        });
    } else if (!out.country.empty()) {
        out.precision = geo_precision::country;
        take_coordinates([&](incident_report const &r) {
            return r.location.precision == geo_precision::country && r.location.country == out.country;
        });
    }
    return out;
}

void canonical_attacker(incident &inc, std::vector<std::size_t> const &by_specificity,
                        attacker_is_branch_fn const &is_branch)
{
    auto const &reports = inc.reports;
    std::vector<std::string> names;
    for (std::size_t i : by_specificity)
        if (!reports[i].attacker.empty() &&
            std::find(names.begin(), names.end(), reports[i].attacker) == names.end())
            names.push_back(reports[i].attacker); // first appearance = most specific report naming it
    inc.attacker.clear();
    inc.attacker_status = claim_status::none;
    if (names.empty())
        return;

    auto branch = [&](std::string const &child, std::string const &ancestor) {
        return is_branch && child != ancestor && is_branch(child, ancestor);
    };
    auto related = [&](std::string const &x, std::string const &y) {
        return x == y || branch(x, y) || branch(y, x);
    };
    auto support = [&](std::string const &name) {
        int n = 0;
        for (auto const &r : reports)
            n += !r.attacker.empty() && related(r.attacker, name);
        return n;
    };
    auto best_status = [&](std::string const &name) {
        int best = 0;
        for (auto const &r : reports)
            if (r.attacker == name)
                best = std::max(best, rank(r.attacker_status));
        return best;
    };
    // `names` is in specificity order, so keeping the first maximum breaks the last ties.
    auto pick = [&](std::vector<std::string> const &candidates, auto count) {
        std::string const *best = nullptr;
        std::pair<int, int> best_key{};
        for (auto const &n : candidates) {
            std::pair<int, int> const key{count(n), best_status(n)};
            if (!best || key > best_key) {
                best = &n;
                best_key = key;
            }
        }
        return *best;
    };

    std::string chosen = pick(names, support);
    // Bounded, in case the caller's relation has a cycle.
    for (std::size_t guard = 0; guard < names.size(); ++guard) {
        std::vector<std::string> branches;
        for (auto const &n : names)
            if (branch(n, chosen))
                branches.push_back(n);
        if (branches.empty())
            break;
        chosen = pick(branches, support);
    }
    inc.attacker = chosen;
    for (auto const &r : reports)
        if (!r.attacker.empty() && related(r.attacker, chosen) && rank(r.attacker_status) > rank(inc.attacker_status))
            inc.attacker_status = r.attacker_status;
}

} // namespace

count_range combine_counts(std::vector<casualty_count> const &counts,
                           std::vector<std::optional<civil_date>> const &published)
{
    count_range out;
    bool any_precise = std::any_of(counts.begin(), counts.end(),
                                   [](casualty_count const &c) { return c.qualifier != count_qualifier::vague; });
    std::optional<std::size_t> latest;
    auto later = [&](std::size_t i, std::size_t j) { // is i a better "latest" than j?
        long const pi = published[i] ? published[i]->to_days() : -1000000000L;
        long const pj = published[j] ? published[j]->to_days() : -1000000000L;
        return std::make_tuple(pi, rank(counts[i].qualifier), counts[i].value) >
               std::make_tuple(pj, rank(counts[j].qualifier), counts[j].value);
    };
    std::optional<long> lower_bound;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        auto const &c = counts[i];
        if (any_precise && c.qualifier == count_qualifier::vague)
            continue;
        out.low = out.low ? std::min(*out.low, c.value) : c.value;
        out.high = out.high ? std::max(*out.high, c.value) : c.value;
        if (!latest || later(i, *latest))
            latest = i;
        if (c.qualifier == count_qualifier::at_least || c.qualifier == count_qualifier::more_than)
            lower_bound = lower_bound ? std::max(*lower_bound, c.value) : c.value;
    }
    if (latest) {
        long best = counts[*latest].value;
        if (lower_bound)
            best = std::max(best, *lower_bound);
        out.best = best;
    }
    return out;
}

void compute_canonical(incident &inc, attacker_is_branch_fn const &is_branch)
{
    auto &reports = inc.reports;
    std::stable_sort(reports.begin(), reports.end(), [](incident_report const &a, incident_report const &b) {
        return std::tie(a.article_id, a.ordinal) < std::tie(b.article_id, b.ordinal);
    });
    std::vector<std::size_t> by_specificity(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i)
        by_specificity[i] = i;
    std::vector<int> spec(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i)
        spec[i] = specificity(reports[i]);
    std::stable_sort(by_specificity.begin(), by_specificity.end(),
                     [&](std::size_t a, std::size_t b) { return spec[a] > spec[b]; });

    inc.date = canonical_date(reports, by_specificity);
    inc.location = canonical_place(reports, by_specificity);
    canonical_attacker(inc, by_specificity, is_branch);
    // "Unknown" only when no report knows better
    auto const category = [&](std::string incident_report::*field) {
        auto value = majority(reports, by_specificity, [field](incident_report const &r) {
            return is_known_category(r.*field) ? &(r.*field) : nullptr;
        });
        bool const any_unknown = std::any_of(reports.begin(), reports.end(),
                                             [field](incident_report const &r) { return !(r.*field).empty(); });
        return value.empty() && any_unknown ? std::string("Unknown") : value;
    };
    inc.attack_type = category(&incident_report::attack_type);
    inc.target_type = category(&incident_report::target_type);

    auto counts_of = [&](std::optional<casualty_count> incident_report::*field) {
        std::vector<casualty_count> counts;
        std::vector<std::optional<civil_date>> published;
        for (auto const &r : reports)
            if (r.*field) {
                counts.push_back(*(r.*field));
                published.push_back(r.published);
            }
        return combine_counts(counts, published);
    };
    inc.killed = counts_of(&incident_report::killed);
    inc.injured = counts_of(&incident_report::injured);

    inc.first_reported.reset();
    inc.last_reported.reset();
    for (auto const &r : reports) {
        if (!r.published)
            continue;
        if (!inc.first_reported || *r.published < *inc.first_reported)
            inc.first_reported = r.published;
        if (!inc.last_reported || *inc.last_reported < *r.published)
            inc.last_reported = r.published;
    }
}

} // namespace etl::dedup
