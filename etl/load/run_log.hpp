#pragma once
// etl_runs and rejected_inputs: what each run did and which inputs it could not use.

#include "ingest/article_source.hpp"

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <vector>

namespace etl::load {

struct run_counts {
    long articles_read = 0;
    long articles_new = 0;
    long articles_changed = 0;
    long articles_unchanged = 0;
    long articles_rejected = 0;
    long reports_extracted = 0;
    long incidents_created = 0;
    long incidents_updated = 0;
    long incidents_deleted = 0;
    std::optional<long> quality_failures; ///< failing rows of the data-quality checks after the run
    int stopped_by_signal = 0;            ///< SIGINT/SIGTERM stopped the run after a batch
};

/// Records a new run as 'running' and returns its id (committed at once, so a crash leaves a trace).
/// Call while holding the writer lock: then no other run can be running, and runs left 'running'
/// by a process that died are marked 'abandoned' (logged as a warning).
long start_run(pqxx::connection &conn, std::vector<std::string> const &inputs, std::string const &config_hash);

/// Records the end of a run: status, counts, optional error.
void finish_run(pqxx::connection &conn, long run_id, std::string const &status, run_counts const &counts,
                std::string const &error = {});

/// One row of etl_runs, for `incident-etl status`.
struct run_record {
    long run_id = 0;
    std::string started;      ///< "2026-11-21 03:00:05" (UTC)
    std::optional<double> seconds; ///< finished - started
    std::string status;
    std::string inputs;       ///< comma-separated
    run_counts counts;
    long rejections = 0;      ///< rows in rejected_inputs for the run
    std::string error;
};

/// The latest `limit` runs, newest first.
std::vector<run_record> recent_runs(pqxx::connection &conn, int limit);

/// Adds rejections within the caller's transaction.
void record_rejections(pqxx::work &tx, long run_id, std::vector<ingest::rejection> const &rejections);

} // namespace etl::load
