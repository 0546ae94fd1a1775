#pragma once
// The measurements behind `incident-etl bench`: each stage of the pipeline on synthetic articles
// (bench/synthetic_articles.hpp), timed alone, with its peak memory.
//
//   extract  normalising and extracting N articles on 1 thread and on T threads
//   dedup    deduplicating the reports extracted from them (in memory)
//   load     storing articles and reports the way `run` does, against `psql \copy` of the same
//            rows into the same tables, both in one database of the target server
//   all      a whole `run` of the N articles (read from a JSON Lines file) into that database

#include "core/civil_date.hpp"
#include "core/config.hpp"

#include <string>
#include <vector>

namespace etl::bench {

struct stage_result {
    std::string stage;    ///< "extract (1 thread)", "dedup", "load", "load: psql \\copy", "run (end to end)"
    long items = 0;       ///< articles, or reports for dedup
    std::string unit;     ///< "articles" or "reports"
    double seconds = 0;
    double megabytes = 0; ///< article text processed (0 where it does not apply)
    long rows = 0;        ///< rows written (load stages)
    long reports = 0;     ///< reports produced or consumed
    double peak_rss_mb = 0;
};

struct bench_options {
    long articles = 10000;
    std::vector<std::string> stages{"extract", "dedup", "load", "all"};
    unsigned threads = 0;            ///< extraction threads for the parallel measurement; 0 = one per core
    std::string database;            ///< the benchmark's own database on the target server (dropped first)
    std::string work_dir;            ///< where the JSON Lines and COPY files go
    std::uint64_t seed = 20240109;
    double incident_share = 0.3;     ///< share of articles about attacks
    civil_date first_day{2023, 1, 1}; ///< the generated year of news starts here
};

/// Runs the stages in order and returns one result per measurement. `conninfo` names any
/// database of the target server (the benchmark creates and drops its own there).
std::vector<stage_result> run_benchmark(etl_config const &cfg, std::string const &conninfo,
                                        bench_options const &options);

/// Writes `options.articles` synthetic articles to `path` as JSON Lines (the input of `run`).
void write_synthetic_articles(etl_config const &cfg, bench_options const &options, std::string const &path);

/// A field of /proc/self/status in MB ("VmRSS", "VmHWM"); 0 where there is none.
double status_megabytes(char const *field);
/// Peak resident memory of this process since the last reset, in MB (VmHWM).
double peak_rss_mb();
/// Starts a new peak (Linux: /proc/self/clear_refs); the peak then starts from the current use.
void reset_peak_rss();

} // namespace etl::bench
