#pragma once
// The stage order: articles in -> extract -> load -> resolve duplicates -> incidents out.

#include "core/config.hpp"
#include "core/incident.hpp"
#include "ingest/article_source.hpp"
#include "load/run_log.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl {

/// `incident-etl run`: reads the inputs in batches, extracts new and changed articles, stores
/// each batch in one transaction, then deduplicates every unlinked report against the stored
/// incidents and saves the result in one transaction. Safe to re-run after an interruption.
load::run_counts run_into_database(etl_config const &cfg, pqxx::connection &conn,
                                   std::vector<std::string> const &inputs, long run_id);

/// `incident-etl extract`: the same stages in memory, without a database.
std::vector<incident> extract_without_database(etl_config const &cfg, std::vector<std::string> const &inputs,
                                               bool explain, std::vector<ingest::rejection> &rejections);

} // namespace etl
