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
};

/// Records a new run as 'running' and returns its id (committed at once, so a crash leaves a trace).
long start_run(pqxx::connection &conn, std::vector<std::string> const &inputs, std::string const &config_hash);

/// Records the end of a run: status, counts, optional error.
void finish_run(pqxx::connection &conn, long run_id, std::string const &status, run_counts const &counts,
                std::string const &error = {});

/// Adds rejections within the caller's transaction.
void record_rejections(pqxx::work &tx, long run_id, std::vector<ingest::rejection> const &rejections);

} // namespace etl::load
