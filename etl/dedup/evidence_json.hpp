#pragma once
// Deduplication evidence as JSON, the form stored in report_links.join_evidence and read back
// by `incident-etl explain-incident` (docs/deduplication.md, "Inspecting decisions").

#include "dedup/dedup.hpp"

#include <nlohmann/json.hpp>

namespace etl::dedup {

/// {"a": "art#0", "b": "art#1", "score": 9.5, "veto": null, "weak": false, "text": describe(e),
///  "fields": {"date": {"level": "same_day", "weight": 3.5}, ...}, "distance_km": 3.2}
nlohmann::json evidence_to_json(pair_evidence const &e);

/// {"summary": "... joins ... (average 9.25, minimum 8.50)", "analyst": false, "average": 9.25,
///  "minimum": 8.5, "joining": [...], "members": [...], "pairs": [evidence_to_json, ...]};
/// the summary is join_summary(j).
nlohmann::json join_to_json(join_evidence const &j);

} // namespace etl::dedup
