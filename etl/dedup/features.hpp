#pragma once
// Internal to dedup/: a report reduced to what the scorer compares (interned ids, day numbers,
// casualty intervals, term ids), and the scorer over those features. Not part of the public API.

#include "dedup/scoring.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace etl::dedup::detail {

/// Dense ids for strings; id 0 is the empty string.
class string_ids {
public:
    std::uint32_t id(std::string const &s);
    std::string const &name(std::uint32_t id) const { return m_names[id]; }
    std::size_t size() const { return m_names.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_names{std::string{}};
};

struct report_features {
    std::uint32_t article = 0;
    std::uint32_t country = 0; ///< folded names; 0 when empty
    std::uint32_t admin1 = 0;
    std::uint32_t city = 0;
    bool has_coords = false;   ///< city-precision coordinates, in radians
    double lat = 0;
    double lon = 0;

    bool has_date = false;
    bool usable_date = false;  ///< has_date and not wider than blocking.max_range_days
    bool day_precision = false;
    bool slack_allowed = false; ///< day or week precision
    long date_start = 0;       ///< days since 1970-01-01, inclusive
    long date_end = 0;
    bool has_published = false;
    long published = 0;

    std::uint32_t attacker = 0;
    std::uint32_t attack_type = 0;
    std::uint32_t target_type = 0;
    std::optional<count_interval> killed;
    std::optional<count_interval> injured;
    std::vector<std::uint32_t> terms; ///< sorted term ids
    std::vector<std::uint32_t> streets; ///< sorted street-name ids

    bool weak() const { return !usable_date || country == 0; }
};

/// Interns every string field; one builder per batch so ids are comparable.
class feature_builder {
public:
    explicit feature_builder(dedup_settings const &settings) : m_settings(settings) {}

    report_features build(incident_report const &r);

    string_ids const &attackers() const { return m_attackers; }
    std::size_t term_count() const { return m_terms.size(); }

private:
    dedup_settings const &m_settings;
    string_ids m_articles;
    string_ids m_places;
    string_ids m_attackers;
    string_ids m_categories;
    string_ids m_terms;
    string_ids m_streets;
};

class pair_scorer {
public:
    pair_scorer(dedup_settings const &settings, attackers_compatible_fn const &compatible,
                string_ids const &attackers);

    /// Fills `out` (not its report refs). With a finite `need`, gives up and returns false as soon
    /// as the score can no longer reach `need` or a veto is found; `out` is then incomplete.
    bool score(report_features const &a, report_features const &b, pair_evidence &out,
               double need = -1e300) const;

private:
    bool compatible(std::uint32_t a, std::uint32_t b) const;

    dedup_settings const &m_settings;
    attackers_compatible_fn const &m_compatible;
    string_ids const &m_attackers;
    mutable std::unordered_map<std::uint64_t, bool> m_compatible_cache;
    // Largest weight each remaining field can still add, for early exit.
    double m_max_attacker = 0;
    double m_max_counts = 0;
    double m_max_terms = 0;
    double m_max_categories = 0;
};

/// The score a pair must reach to match on its own (pair_evidence::is_match).
inline double needed_score(dedup_settings const &s, bool weak)
{
    return s.decision.match_threshold + (weak ? s.decision.weak_link_extra : 0.0);
}

} // namespace etl::dedup::detail
