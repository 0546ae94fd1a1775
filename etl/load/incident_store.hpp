#pragma once
// Incidents in the database: the reports still to deduplicate, the stored incidents they may
// join (found through the country/date index, not by loading everything), and saving the result.

#include "core/incident.hpp"

#include <pqxx/pqxx>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace etl::load {

/// Reports without a link to an incident: new in this run, or left by an interrupted run.
std::vector<incident_report> unlinked_reports(pqxx::transaction_base &tx);

/// Stored incidents, with their member reports, that the given reports might belong to: same
/// country and a date range overlapping theirs widened by `slack_days`; every incident marked
/// needs_refresh (it lost reports when an article changed); and the incidents named in `also`.
std::vector<incident> candidate_incidents(pqxx::transaction_base &tx, std::vector<incident_report> const &reports,
                                          int slack_days, std::vector<std::string> const &also = {});

/// Which of these incident ids exist.
std::vector<std::string> existing_incident_ids(pqxx::transaction_base &tx, std::vector<std::string> const &ids);

/// Ids of the incidents marked needs_refresh.
std::vector<std::string> incidents_needing_refresh(pqxx::transaction_base &tx);

struct save_counts {
    long created = 0;
    long updated = 0;
    long deleted = 0;
};

/// Why a report joined its incident: report_links.score and join_evidence (JSON text).
struct link_reason {
    double score = 0;
    std::string evidence_json;
};
/// Keyed by "article_id#ordinal".
using link_reasons = std::unordered_map<std::string, link_reason>;

/// Upserts the incidents (canonical values and report links) and deletes incidents left with
/// no report. Every incident must have its id set. A report newly linked (or moved) gets its
/// reason from `reasons`, if there is one; links that do not change keep theirs.
save_counts save_incidents(pqxx::work &tx, std::vector<incident> const &incidents, long run_id,
                           link_reasons const &reasons = {});

/// A report's link to its incident as stored: the run that made it and why.
struct stored_link {
    std::string article_id;
    int ordinal = 0;
    long linked_run = 0;
    std::optional<double> score;
    std::string evidence_json; ///< empty for the founding report and links made before evidence was kept
};

/// The links of one incident, by (article_id, ordinal).
std::vector<stored_link> links_of(pqxx::transaction_base &tx, std::string const &incident_id);

/// Moves every report of `from` to `to`, with `evidence_json` as the reason, and marks `to` for
/// recomputation; `from` is deleted by the next save_incidents(), left without reports.
void move_links(pqxx::work &tx, std::string const &from, std::string const &to, std::string const &evidence_json,
                long run_id);

/// Unlinks the reports (they become fresh for the next deduplication step) and marks their
/// incidents for recomputation.
void unlink_reports(pqxx::work &tx, std::vector<std::pair<std::string, int>> const &reports);

/// Marks the incident for recomputation by the next deduplication step.
void mark_needs_refresh(pqxx::work &tx, std::string const &incident_id);

/// Every stored incident with its reports, ordered by date then id, one at a time.
void for_each_incident(pqxx::transaction_base &tx, std::function<void(incident const &)> const &visit);

/// One stored incident, if it exists.
std::optional<incident> find_incident(pqxx::transaction_base &tx, std::string const &incident_id);

} // namespace etl::load
