#pragma once
// Canonical values of an incident from its reports.
//
// Report order: compute_canonical() first sorts the reports by (article_id, ordinal). "The most
// specific report" is the one with the highest specificity: date precision (day 4, week 3,
// month 2, year 1, none 0) + place precision (city 3, admin1 2, country 1, none 0) + one for each
// of attacker, attack type, target type, killed and injured present; ties go to the first in
// report order. All ties below are broken this way, so the result never depends on input order.
//
// date     The intersection of all reported ranges when they have one: when it equals a
//          reported range (e.g. the day of the most precise report, lying within the others'
//          months), that range with its precision; otherwise the intersection with a precision
//          from its width (1 day: day, <= 7: week, <= 31: month, else year). When the ranges
//          do not intersect (two outlets a day apart): the reported range contained in the most
//          reports' ranges; then the narrowest; then the one most reports give exactly; then
//          the earliest.
// place    country: the most frequent non-empty one. admin1: the most frequent among reports of
//          that country (or none). city: the most frequent among reports whose admin1 is empty
//          or the canonical one. Precision is the most specific level reached (city > admin1 >
//          country); latitude/longitude come from the most specific report at that level
//          (a city-level report naming that city, an admin1-level report naming that admin1).
//          An empty canonical admin1 is filled from the report the city came from.
// attacker Each named group is supported by the reports naming it, one of its branches or one of
//          its ancestors (is_branch). The best supported wins (ties: stronger claim status, then
//          the most specific report); then, while some named group is a branch of the winner,
//          the winner moves down to the best supported such branch ("ISKP" over "Islamic
//          State"). Without is_branch only equal names support each other.
// attacker_status  The strongest (claimed > blamed > suspected) among the reports whose group is
//          the canonical one, a branch or an ancestor of it; none when no group is named.
// attack_type, target_type  The most frequent non-empty value; ties: the most specific report's.
// killed, injured  As UCDP GED: low = the smallest reported figure, high = the largest, over the
//          precise figures (every qualifier but vague; vague figures only when no report has a
//          precise one, using their conventional values). "almost N" and "up to N" count as N
//          (upper bounds), "at least N" and "more than N" as N (lower bounds).
//          best = the figure of the latest report (publication date; reports without one are
//          oldest; same day: exact > about > at least/more than > almost/up to, then the larger
//          figure), raised to the largest lower bound ("at least N", "more than N") of any
//          report: tolls rise as bodies are counted, so a lower bound outranks an older or
//          rounder upper bound. "at least 63" and "almost 60" give low 60, best 63, high 63.
// first_reported, last_reported  The earliest and latest publication dates of the reports.
//
// The id is left as it is.

#include "core/incident.hpp"

#include <functional>
#include <string>

namespace etl::dedup {

/// Is `child` a branch, wing or affiliate of `ancestor` ("ISKP", "Islamic State")?
using attacker_is_branch_fn = std::function<bool(std::string const &child, std::string const &ancestor)>;

/// Sorts the reports and recomputes every canonical field from them (see above).
void compute_canonical(incident &inc, attacker_is_branch_fn const &is_branch = {});

/// low/best/high of one casualty field over reports (the killed/injured rule above).
/// `published` is parallel to `counts`.
count_range combine_counts(std::vector<casualty_count> const &counts,
                           std::vector<std::optional<civil_date>> const &published);

} // namespace etl::dedup
