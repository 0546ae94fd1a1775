#pragma once
// Pair scoring: do two reports describe the same event?
//
// Each field is compared to an agreement level, each level has a log2 likelihood-ratio weight
// (config/dedup.yaml, dedup_settings), and the score is their sum. Some levels are vetoes: the
// pair can never be merged whatever the score.
//
//   field        levels (weight key)                                              veto
//   article      -                                                                same article_id
//   date         same_day | overlap | within_slack | unknown (0)                  incompatible
//                  same_day: both day precision, same day
//                  overlap: ranges overlap, one coarser than a day (week, month)
//                  within_slack: both day/week precision, at most day_slack_days apart
//                  unknown: a side has no date, or a range wider than max_range_days
//                  incompatible: the ranges (with slack where allowed) do not meet
//   place        same_city | near | same_admin1 | country_only (0) | different_city
//                  near: both city precision with coordinates, < near_km apart, different names
//                  different_city: both name a city, not near (same or unknown admin1)
//                                                                                 different country,
//                                                                                 different admin1
//   attacker     same | compatible (callback) | unknown (0) | conflicting
//   attack_type  same | unknown (0) | different
//   target_type  same | unknown (0) | different
//   killed,      agree | agree_weak | growth | unknown (0) | conflict
//   injured        Each figure becomes an interval of values its qualifier allows:
//                    exact N [N, N]; about N [N-d, N+d], d = max(1, 15% N);
//                    at_least N [N, N+max(2, N/4)]; more_than N the same from N+1;
//                    almost N [N-d, N]; up_to N [N/2, N];
//                    vague N (N is the extractor's conventional value, extract/numbers.hpp):
//                    [N, the end of N's order of magnitude]: "dozens" (12) [12, 99],
//                    "several" (3) [3, 9], "several hundred" (300) [300, 999].
//                  agree: the intervals are within max(close_abs, close_ratio x figure)
//                  agree_weak: the same, but both figures <= casualties.small or one is vague
//                  growth: the later report (publication date; unknown order: the higher
//                    figure is taken as the later) is higher, by at most growth_ratio x + growth_abs.
//                    Never with vague figures. A later report with a lower figure beyond the
//                    close tolerance is a conflict: tolls rise, they rarely fall.
//   terms        high | partial | none (0) | disjoint
//                  Distinctive terms of the evidence (distinctive_terms()), without the
//                  reports' own city/admin1 names and actor names. overlap = shared terms /
//                  the smaller side's count. high: at least min_shared_for_high shared and
//                  overlap >= high_overlap; partial: one shared and overlap >= partial_overlap;
//                  disjoint: both sides have at least min_terms_for_disjoint terms, none shared.
//   street       same | unknown (0) | different
//                  Street names in the evidence (street_names()): same when they share one,
//                  different when both name streets and share none. Local stories place a
//                  shooting by its block ("the 4200 block of West Madison Street"): two
//                  shootings in one city on one day differ there.
//
// A pair is "weak" when a side has no usable date (none, or wider than max_range_days) or no
// country. A weak pair is only a match with a strong other signal (terms at least partial, or
// same attack type and target type plus the same/compatible attacker or agreeing death toll)
// and a score of at least match_threshold + weak_link_extra.

#include "core/incident_report.hpp"
#include "dedup/settings.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etl::dedup {

/// May two canonical group names denote the same perpetrator (equal, or one is a branch of the
/// other: "ISKP" and "Islamic State")? Must be symmetric. An empty function means: equal names.
using attackers_compatible_fn = std::function<bool(std::string const &, std::string const &)>;

enum class date_level { same_day, overlap, within_slack, unknown, incompatible };
enum class place_level {
    same_city,
    near,
    same_admin1,
    country_only,
    different_city,
    different_admin1,
    different_country,
};
enum class attacker_level { same, compatible, unknown, conflicting };
enum class category_level { same, unknown, different };
enum class count_level { agree, agree_weak, growth, unknown, conflict };
enum class terms_level { high, partial, none, disjoint };
enum class street_level { same, unknown, different };
enum class veto_reason { none, same_article, different_country, different_admin1, incompatible_date };

std::string_view to_string(date_level l);
std::string_view to_string(place_level l);
std::string_view to_string(attacker_level l);
std::string_view to_string(category_level l);
std::string_view to_string(count_level l);
std::string_view to_string(terms_level l);
std::string_view to_string(street_level l);
std::string_view to_string(veto_reason v);

template <typename Level> struct field_score {
    Level level{};
    double weight = 0;
};

/// A report's identity within the corpus.
struct report_ref {
    std::string article_id;
    int ordinal = 0;
};

/// "article#ordinal".
std::string ref_label(report_ref const &r);

/// Why two reports were (or were not) judged the same event.
struct pair_evidence {
    report_ref a;
    report_ref b;
    double score = 0;                   ///< sum of the field weights (also computed when vetoed)
    veto_reason veto = veto_reason::none;
    bool weak = false;                  ///< a side undated (or only a coarse range) or without country
    bool strong_signal = false;
    field_score<date_level> date{date_level::unknown};
    field_score<place_level> place{place_level::country_only};
    field_score<attacker_level> attacker{attacker_level::unknown};
    field_score<category_level> attack_type{category_level::unknown};
    field_score<category_level> target_type{category_level::unknown};
    field_score<count_level> killed{count_level::unknown};
    field_score<count_level> injured{count_level::unknown};
    field_score<terms_level> terms{terms_level::none};
    field_score<street_level> street{street_level::unknown};
    std::size_t shared_terms = 0;       ///< distinctive terms both evidence texts name
    double term_overlap = 0;            ///< shared_terms / the smaller side's term count
    std::optional<double> distance_km;  ///< set when both places have city coordinates

    /// The pair decision on its own: no veto, score >= threshold (weak: + extra and a strong signal).
    bool is_match(dedup_settings const &settings) const;
};

/// One line for logs and `--explain`: "a#0 ~ b#1 score 9.50: date same_day +3.50, place ...".
std::string describe(pair_evidence const &e);

/// Scores one pair. Distinctive terms are not filtered by batch frequency here (there is no
/// batch); deduplicate() does filter them, so its scores can differ slightly on the terms field.
pair_evidence score_pair(incident_report const &a, incident_report const &b, dedup_settings const &settings = {},
                         attackers_compatible_fn const &compatible = {});

/// Distinctive terms of an evidence text: folded words of at least 3 letters that are
/// capitalised in the text (names of places, mosques, markets, people), not sentence-initial
/// unless the next word is capitalised too, not numbers, and not in a built-in stop list
/// (function words, months, weekdays, news and official titles, common demonyms and country
/// names, generic venue nouns such as "Mosque" or "Market"). Sorted, unique.
std::vector<std::string> distinctive_terms(std::string_view evidence);

/// Streets and roads an evidence text names: the capitalised words or ordinals before a
/// capitalised street word ("West Madison Street" -> "madison", "56th Street and Chester
/// Avenue" -> "56th", "chester", "State and Lake streets" -> "state", "lake"; compass words
/// dropped) and numbered roads ("Highway 92" -> "highway 92"). Sorted, unique.
std::vector<std::string> street_names(std::string_view evidence);

/// The interval of true values a figure allows under its qualifier (see the table above).
struct count_interval {
    long low = 0;
    long high = 0;
    bool vague = false;
};
count_interval interval_of(casualty_count const &c);

/// An attack or target type that says something: not empty and not "Unknown" (GTD's value when
/// nothing is known), which must neither agree nor disagree with anything.
bool is_known_category(std::string const &category);

} // namespace etl::dedup
