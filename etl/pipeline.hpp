#pragma once
// The stage order: articles in -> extract -> load -> resolve duplicates -> incidents out.

#include "core/config.hpp"
#include "core/incident.hpp"
#include "dedup/scoring.hpp"
#include "dedup/settings.hpp"
#include "extract/extractor.hpp"
#include "ingest/article_source.hpp"
#include "load/incident_store.hpp"
#include "load/run_log.hpp"
#include "load/writer_session.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl {

/// `incident-etl run`: reads the inputs in batches, extracts new and changed articles, stores
/// each batch in one transaction, then deduplicates every unlinked report against the stored
/// incidents and saves the result in one transaction, then refreshes the analysis layer. Each of
/// these transactions is retried after a transient failure. Safe to re-run after an interruption.
load::run_counts run_into_database(etl_config const &cfg, load::writer_session &db,
                                   std::vector<std::string> const &inputs, long run_id);

/// The dedup settings file (dedup.settings_file), told which words name actors.
dedup::dedup_settings dedup_settings_for(etl_config const &cfg, extract::extractor const &ex);

/// The extractor's actor lexicon as the scorer's parent/branch test.
dedup::attackers_compatible_fn compatibility_of(extract::extractor const &ex);

/// Deduplication of reports among themselves, in memory (no stored incidents); ids assigned.
std::vector<incident> deduplicate_in_memory(extract::extractor const &ex, dedup::dedup_settings const &settings,
                                            std::vector<incident_report> reports);

/// The deduplication step alone, in the caller's transaction: links every unlinked report and
/// recomputes incidents marked needs_refresh, respecting the analysts' decisions. `merge` and
/// `split` use it after changing links.
load::save_counts resolve_pending(etl_config const &cfg, pqxx::work &tx, long run_id);

/// `incident-etl extract`: the same stages in memory, without a database.
std::vector<incident> extract_without_database(etl_config const &cfg, std::vector<std::string> const &inputs,
                                               bool explain, std::vector<ingest::rejection> &rejections);

} // namespace etl
