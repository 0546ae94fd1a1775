#pragma once
// One real-world event: the canonical values merged from all the reports of it.

#include "core/incident_report.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace etl {

/// A casualty figure over several sources, as UCDP GED keeps it.
struct count_range {
    std::optional<long> low;
    std::optional<long> best;
    std::optional<long> high;
};

struct incident {
    std::string id;                      ///< stable: the database id, or derived from the first report
    std::optional<date_range> date;
    place location;
    std::string attacker;
    claim_status attacker_status = claim_status::none;
    std::string attack_type;
    std::string target_type;
    count_range killed;
    count_range injured;
    std::optional<civil_date> first_reported; ///< earliest publication date among the reports
    std::optional<civil_date> last_reported;
    std::vector<incident_report> reports;
};

} // namespace etl

namespace etl {

/// The stable id of an incident founded by this report: "inc-" and 16 hex digits of the
/// SHA-256 of "article_id#ordinal" (attempt 0) or "article_id#ordinal#attempt". Content-derived,
/// so a re-run after an interruption gives the same ids as an uninterrupted run.
std::string incident_id_for(incident_report const &founding, int attempt = 0);

/// The report an incident's id derives from: the earliest published (undated last), then the
/// smallest (article_id, ordinal). Null for an incident without reports.
incident_report const *founding_report(incident const &inc);

/// Tells which of the given ids are already in use (by stored incidents).
using ids_in_use_fn = std::function<std::vector<std::string>(std::vector<std::string> const &)>;

/// Gives every incident without an id the id of its founding report. An id already in use (the founding report's article
/// changed and its old incident lives on) or given twice moves to the next attempt.
void assign_missing_ids(std::vector<incident> &incidents, ids_in_use_fn const &in_use = {});

} // namespace etl
