#pragma once
// Cross-source deduplication: which reports, from different articles, describe the same
// real-world incident. Pure and in memory; the caller loads existing incidents and stores the
// result.
//
// 1. Order. All reports (existing and fresh) are sorted by (article_id, ordinal, existing
//    incident, evidence span, evidence); every later tie is broken by this order, so the output
//    does not depend on the order of the input.
// 2. Blocking (which pairs are scored at all; everything else is never merged):
//    - Reports with a country and a usable date (a range of at most blocking.max_range_days;
//      day and week precision widened by day_slack_days on each side) are swept per country in
//      order of window start; a pair is a candidate when the windows overlap. A month-precision
//      date thus meets every day of its month. Cost ~ n x reports active in the same country and
//      window.
//    - "Weak" reports: no usable date (none, or only a year) or no country. They are compared
//      only with reports from other articles that name the same city (or, having no city, the
//      same admin1), in the same country or with none. Their window is the date range when they
//      have one; undated, they meet the undated_place_candidates reports of the place dated
//      before their publication, nearest first (the event precedes the article); without either
//      they meet the first max_bucket_candidates reports of the place. A report with neither a
//      city nor an admin1 looks the reports up by its distinctive terms and streets. A weak pair
//      must also carry a strong other signal and a higher score (scoring.hpp).
//    - Never scored: two reports of the same article (an article reporting two attacks with
//      different figures reports two incidents), two reports of existing incidents.
// 3. Seeds: candidate pairs that match on their own (pair_evidence::is_match), strongest first
//    (ties by report order).
// 4. Clustering without chaining. Each seed proposes to unite its two clusters. Every pair
//    across the two is scored, and the union happens only when none is vetoed, each scores at
//    least decision.member_min_score and their average reaches decision.member_average_score: a
//    report joins an incident because it fits the incident as a whole, not one member of it.
//    So A~B and B~C with A and C in conflict never make one incident. A side larger than
//    decision.max_members_compared is represented by an even spread of that many of its
//    members (the seed's among them), so a story told by hundreds of outlets costs linear time.
// 5. Analyst decisions (dedup_overrides, written by `incident-etl merge` and `split`): a
//    "different" pair never ends in one incident, whatever the scores; a "same" pair is united
//    before any seed, unless that would put a "different" pair together or unite two existing
//    incidents (merging stored incidents is the merge command's job).
// 6. Incremental. Existing incidents are clusters from the start; fresh reports (and clusters
//    of them) may join one, two existing incidents are never united. The result lists the
//    existing incidents that gained reports (with their id and all their reports) and the new
//    incidents (empty id), canonical values recomputed (canonical.hpp).
//
// Fresh reports must not repeat reports already in the existing incidents: being of the same
// article, they could never join them. Existing incidents that cannot match any fresh report
// cost only memory; it is enough to pass those of the fresh reports' countries whose dates lie
// within the fresh dates -/+ max(day_slack_days, undated_lookback_days), plus undated ones.

#include "core/incident.hpp"
#include "dedup/canonical.hpp"
#include "dedup/scoring.hpp"
#include "dedup/settings.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace etl::dedup {

/// An incident already stored, with its stable id and all its reports.
struct existing_incident {
    std::string id;
    std::vector<incident_report> reports;
};

/// Pairs of reports an analyst has judged (table dedup_overrides).
struct analyst_decisions {
    std::vector<std::pair<report_ref, report_ref>> same;
    std::vector<std::pair<report_ref, report_ref>> different;
};

/// One union step: why `joining` became part of the incident that held `members`.
struct join_evidence {
    std::size_t incident = 0;            ///< index into dedup_result::incidents
    bool analyst = false;                ///< forced by an analyst's "same" decision, not by the scores
    std::vector<report_ref> added;       ///< every report this step added
    std::vector<report_ref> joining;     ///< those compared (at most max_members_compared of `added`)
    std::vector<report_ref> members;     ///< the members they were compared with (at most max_members_compared)
    double average_score = 0;            ///< over every pair compared
    double minimum_score = 0;
    std::vector<pair_evidence> pairs;    ///< seed pair first, then the weakest (at most max_pairs_recorded)
};

struct dedup_stats {
    std::size_t reports = 0;             ///< existing + fresh
    std::size_t candidate_pairs = 0;     ///< pairs from blocking that were scored
    std::size_t seed_pairs = 0;          ///< candidate pairs matching on their own
    std::size_t unions = 0;
    std::size_t rejected_unions = 0;     ///< seeds whose clusters did not fit as a whole
    std::size_t analyst_unions = 0;      ///< unions forced by "same" decisions
    std::size_t analyst_separations = 0; ///< unions refused because of "different" decisions
};

struct dedup_result {
    /// Existing incidents that gained reports (sorted by id), then new incidents (id empty,
    /// in report order of their first report).
    std::vector<incident> incidents;
    std::vector<join_evidence> joins;    ///< in the order the unions happened
    dedup_stats stats;
};

/// "aljazeera#0 joins reuters#0, ap#0 (average 9.25, minimum 8.50)", or "... by analyst decision".
std::string join_summary(join_evidence const &j);

/// "incident 0: aljazeera#0 joins reuters#0, ap#0 (average 9.25, minimum 8.50)" (an analyst's
/// union: "... by analyst decision"), then one describe(pair_evidence) line per pair, indented.
std::string describe(join_evidence const &j);

dedup_result deduplicate(std::vector<existing_incident> existing, std::vector<incident_report> fresh,
                         dedup_settings const &settings = {}, attackers_compatible_fn const &compatible = {},
                         attacker_is_branch_fn const &is_branch = {}, analyst_decisions const &decisions = {});

} // namespace etl::dedup
