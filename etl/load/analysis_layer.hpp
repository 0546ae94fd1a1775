#pragma once
// The analysis layer (sql/analysis, docs/analysis.md): staging views, marts and data-quality
// checks over the raw tables. Derived entirely from them, so `migrate` drops and rebuilds it in
// one transaction whenever its files change; every run refreshes its materialized views and
// counts the failing rows of its checks.

#include <pqxx/pqxx>

#include <string>
#include <utility>
#include <vector>

namespace etl::load {

/// The schemas the layer owns (dropped and recreated by rebuild_analysis_layer).
std::vector<std::string> const &analysis_schemas();

/// SHA-256 over the NNN_*.sql files of `dir` (names and contents, in order).
std::string analysis_checksum(std::string const &dir);

/// Rebuilds the layer from the files of `dir` unless the database already holds that version
/// (or `force`). Returns whether it rebuilt.
bool rebuild_analysis_layer(pqxx::connection &conn, std::string const &dir, bool force = false);

/// Throws db_error unless the database holds the layer of `dir` ("run incident-etl migrate").
void require_current_analysis_layer(pqxx::connection &conn, std::string const &dir);

/// Refreshes every materialized view of the marts (dimensions, then facts, then aggregates),
/// concurrently and in one transaction: a dashboard sees the old state until the new one is
/// complete. Returns how many were refreshed.
std::size_t refresh_analysis_layer(pqxx::connection &conn);

/// Each data-quality check (quality.summary) with its count of failing rows.
std::vector<std::pair<std::string, long>> quality_failures(pqxx::connection &conn);

} // namespace etl::load
