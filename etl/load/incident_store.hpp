#pragma once
// Incidents in the database: the reports still to deduplicate, the stored incidents they may
// join (found through the country/date index, not by loading everything), and saving the result.

#include "core/incident.hpp"

#include <pqxx/pqxx>

#include <functional>
#include <vector>

namespace etl::load {

/// Reports without a link to an incident: new in this run, or left by an interrupted run.
std::vector<incident_report> unlinked_reports(pqxx::transaction_base &tx);

/// Stored incidents, with their member reports, that the given reports might belong to: same
/// country and a date range overlapping theirs widened by `slack_days`; plus every incident
/// marked needs_refresh (it lost reports when an article changed).
std::vector<incident> candidate_incidents(pqxx::transaction_base &tx, std::vector<incident_report> const &reports,
                                          int slack_days);

/// Which of these incident ids exist.
std::vector<std::string> existing_incident_ids(pqxx::transaction_base &tx, std::vector<std::string> const &ids);

/// Ids of the incidents marked needs_refresh.
std::vector<std::string> incidents_needing_refresh(pqxx::transaction_base &tx);

struct save_counts {
    long created = 0;
    long updated = 0;
    long deleted = 0;
};

/// Upserts the incidents (canonical values and report links) and deletes incidents left with
/// no report. Every incident must have its id set.
save_counts save_incidents(pqxx::work &tx, std::vector<incident> const &incidents, long run_id);

/// Every stored incident with its reports, ordered by date then id, one at a time.
void for_each_incident(pqxx::transaction_base &tx, std::function<void(incident const &)> const &visit);

/// One stored incident, if it exists.
std::optional<incident> find_incident(pqxx::transaction_base &tx, std::string const &incident_id);

} // namespace etl::load
