#pragma once
// dedup_overrides: analysts' decisions that two reports are, or are not, the same incident
// (written by `incident-etl merge` and `split`, read by every deduplication step).

#include "dedup/dedup.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl::load {

enum class decision { same, different };

using report_pair = std::pair<dedup::report_ref, dedup::report_ref>;

/// The decisions naming at least one of the given reports.
dedup::analyst_decisions decisions_about(pqxx::transaction_base &tx, std::vector<dedup::report_ref> const &reports);

/// Ids of the incidents the given reports are linked to (each once, sorted).
std::vector<std::string> incidents_holding(pqxx::transaction_base &tx, std::vector<dedup::report_ref> const &reports);

/// Records one decision per pair; a pair decided before gets the new decision.
void record_decisions(pqxx::work &tx, std::vector<report_pair> const &pairs, decision d, std::string const &note);

/// Deletes the decisions of kind `d` about pairs whose two reports are both in `reports`.
void forget_decisions_within(pqxx::work &tx, std::vector<dedup::report_ref> const &reports, decision d);

struct stored_decision {
    dedup::report_ref a;
    dedup::report_ref b;
    std::string kind; ///< "same" or "different"
    std::string note;
    std::string decided_by;
    std::string decided_at;
};

/// The decisions naming a report of this incident, oldest first.
std::vector<stored_decision> decisions_for_incident(pqxx::transaction_base &tx, std::string const &incident_id);

} // namespace etl::load
