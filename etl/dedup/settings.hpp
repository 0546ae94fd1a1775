#pragma once
// Weights and thresholds of the cross-source deduplicator. The defaults here are the values
// documented in config/dedup.yaml, so the module works without the file.
//
// Weights are log2 likelihood ratios in the Fellegi-Sunter sense: log2(m / u), where m is the
// probability of the agreement level among pairs that describe the same event and u among pairs
// that survived blocking (same country, overlapping dates) but describe different events.
// A pair's score is the sum of its field weights; 0 means "no evidence either way".

#include <string>
#include <unordered_set>

namespace etl::dedup {

struct blocking_settings {
    int day_slack_days = 3;        ///< day/week-precision dates this many days apart may still match
    int max_range_days = 31;       ///< wider date ranges (years) block like undated reports
    int undated_lookback_days = 60; ///< an undated report is about an event at most this long before publication
    int max_bucket_candidates = 1000; ///< cap for reports with neither date nor publication date
    /// An undated report (with a publication date) meets at most this many reports of its place
    /// published or dated before it, nearest first.
    int undated_place_candidates = 200;
};

struct place_settings {
    double near_km = 25.0;         ///< two city-level places closer than this count as "near"
};

struct casualty_settings {
    double close_ratio = 0.10;     ///< figures this close (relative) agree ("at least 63" vs "almost 60")
    long close_abs = 1;            ///< ... or this close in absolute terms
    double growth_ratio = 1.0;     ///< a later report may raise the toll by this factor ...
    long growth_abs = 2;           ///< ... plus this many
    double revision_ratio = 0.35;  ///< ... or lower it by at most this fraction (a revised count)
    long small = 2;                ///< agreement on figures up to this is weak evidence
};

struct terms_settings {
    double high_overlap = 0.5;      ///< shared terms / the smaller side's terms, for "high" ...
    int min_shared_for_high = 2;    ///< ... with at least this many shared
    double partial_overlap = 0.2;   ///< for "partial" (at least one shared)
    int min_terms_for_disjoint = 2; ///< both sides need this many terms before "no overlap" counts against
    double max_df_fraction = 0.001; ///< a term in more than this fraction of the batch is not distinctive ...
    int min_df_cap = 20;            ///< ... unless it is in at most this many reports
    /// Words of actor names ("daesh", "shabaab"): the attacker field scores them, so they are no
    /// distinctive terms. Filled by the caller from the actor lexicon, not from the YAML file.
    std::unordered_set<std::string> actor_words;
};

struct decision_settings {
    double match_threshold = 4.0;   ///< a pair, and a cluster join on average, must reach this
    double member_min_score = 0.0;  ///< every pair between a joining report and a member must reach this
    double member_average_score = 3.0; ///< ... and their average this
    double weak_link_extra = 2.5;   ///< added to the threshold for undated or country-less seed pairs
    int max_members_compared = 50;  ///< a joining report meets at most this many members, evenly spread
    int max_pairs_recorded = 8;     ///< pairs kept per join for explanations (the seed pair and the weakest)
};

struct date_weights {
    double same_day = 3.0;
    double overlap = 1.0;
    double within_slack = -1.0;
};

struct place_weights {
    double same_city = 3.0;
    double near = 1.5;
    double same_admin1 = 0.5;
    double different_city = -5.0;
};

struct attacker_weights {
    double same = 1.5;
    double compatible = 1.0;
    double conflicting = -3.0;
};

struct category_weights {
    double same = 1.0;
    double different = -2.0;
};

struct count_weights {
    double agree = 2.0;
    double agree_weak = 0.5;
    double growth = 0.5;
    double conflict = -1.5;
};

struct terms_weights {
    double high = 2.5;
    double partial = 2.0;
    double disjoint = -1.25;
};

struct street_weights {
    double same = 2.0;
    double different = -5.0;
};

struct dedup_weights {
    date_weights date;
    place_weights place;
    attacker_weights attacker;
    category_weights attack_type{0.5, -1.0};
    category_weights target_type{1.0, -0.5};
    count_weights killed{2.0, 0.5, 0.5, -1.5};
    count_weights injured{2.0, 0.5, 0.0, -2.5};
    terms_weights terms;
    street_weights street;
};

struct dedup_settings {
    blocking_settings blocking;
    place_settings place;
    casualty_settings casualties;
    terms_settings terms;
    decision_settings decision;
    dedup_weights weights;
};

/// Reads config/dedup.yaml. Every key is optional (missing keys keep their defaults); unknown
/// keys, wrong types and out-of-range values throw etl::config_error naming file, key and line.
dedup_settings load_dedup_settings(std::string const &path);

/// As load_dedup_settings, from YAML text; `origin` names it in messages.
dedup_settings parse_dedup_settings(std::string const &yaml_text, std::string const &origin);

/// Throws etl::config_error when a value is out of range (negative slack, agreement weight < 0, ...).
void validate(dedup_settings const &settings, std::string const &origin);

} // namespace etl::dedup
