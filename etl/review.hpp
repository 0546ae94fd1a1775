#pragma once
// Analyst review of deduplication: merge incidents the scores kept apart, split reports out of
// an incident, and explain why an incident holds its reports. Merge and split record their
// decisions in dedup_overrides, so every later run respects them (docs/deduplication.md).

#include "core/config.hpp"
#include "dedup/scoring.hpp"
#include "load/incident_store.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl {

/// "article_id#ordinal" (the last '#' separates); throws usage_error otherwise.
dedup::report_ref parse_report_ref(std::string const &text);

struct merge_outcome {
    std::string incident_id;    ///< the incident that now holds every report (the first id given)
    std::size_t reports_moved = 0;
    std::size_t decisions = 0;  ///< "same" decisions recorded
    load::save_counts saved;    ///< incidents created, updated, deleted
};

/// Merges the incidents into the first one, in one transaction: every report of the others is
/// recorded as the same incident as the first one's founding report, "different" decisions
/// between them are dropped, the links move and the canonical values are recomputed.
/// Throws usage_error for an unknown or repeated id.
merge_outcome merge_incidents(etl_config const &cfg, pqxx::connection &conn, std::vector<std::string> const &ids,
                              std::string const &note, long run_id);

struct split_outcome {
    std::vector<std::string> now_in; ///< incident ids holding the split reports afterwards
    std::size_t decisions = 0;       ///< "different" decisions recorded
    load::save_counts saved;         ///< incidents created, updated, deleted
};

/// Takes the reports out of the incident, in one transaction: each is recorded as a different
/// incident from every report that stays, "same" decisions between the two sides are dropped, and
/// the reports are deduplicated again (they may form an incident together, or join another one,
/// never this one). Throws usage_error for an unknown incident, a report not in it, or a split
/// that would leave it empty.
split_outcome split_incident(etl_config const &cfg, pqxx::connection &conn, std::string const &incident_id,
                             std::vector<dedup::report_ref> const &reports, std::string const &note, long run_id);

/// The text `incident-etl explain-incident` prints: the canonical values, each member report with
/// its figures, evidence and the stored reason it joined (the pair scores of that union), the
/// analysts' decisions about its reports, and with `all_pairs` every pair scored again with the
/// current settings. Throws usage_error for an unknown incident.
std::string explain_incident(etl_config const &cfg, pqxx::connection &conn, std::string const &incident_id,
                             bool all_pairs);

} // namespace etl
