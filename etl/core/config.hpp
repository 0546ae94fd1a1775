#pragma once
// The run configuration: defaults, overlaid by config/etl.yaml, overlaid by flags.

#include <cstddef>
#include <string>

namespace etl {

struct database_config {
    std::string url;                 ///< empty: embedded cluster
    std::string embedded_dir;        ///< absolute after load
    std::string embedded_database = "incidents";
    std::string postgres_bin_dir = "/usr/lib/postgresql/15/bin";
    std::string schema_dir;          ///< absolute after load
    std::string analysis_dir;        ///< sql/analysis: views and marts `migrate` rebuilds; absolute after load
    std::string bi_password;         ///< for the role incident_bi; INCIDENT_ETL_BI_PASSWORD overrides; never logged
    std::size_t retries = 5;         ///< transient failures (lost connection, deadlock) retried per unit of work
    std::size_t retry_delay_ms = 1000; ///< first pause before a retry; doubles each time, at most 30 s
};

struct input_config {
    std::size_t max_article_bytes = 10 * 1024 * 1024;
    bool follow_links_outside = false; ///< read symlinks and manifest paths that lead out of the input's folder
};

struct extract_config {
    std::string lexicon_dir;         ///< absolute after load
    std::string gazetteer_dir;       ///< absolute after load
    unsigned threads = 0;            ///< 0 = hardware concurrency
};

struct dedup_config {
    std::string settings_file;       ///< absolute after load
};

struct load_config {
    std::size_t batch_size = 500;
};

struct log_config {
    std::string level = "info";
    std::size_t progress_every = 1000;
};

struct etl_config {
    std::string source_file;         ///< the YAML file read, empty for built-in defaults
    database_config database;
    input_config input;
    extract_config extract;
    dedup_config dedup;
    load_config load;
    log_config log;

    /// A stable digest of the effective settings, recorded with each run.
    std::string hash() const;
};

/// Defaults with paths relative to `base_dir` (the directory a config file would live in).
etl_config default_config(std::string const &base_dir);

/// Reads a YAML config file over the defaults. Throws config_error naming the key and line
/// for unknown keys, wrong types and unreadable files.
etl_config load_config_file(std::string const &path);

/// The config file used when none is given: $INCIDENT_ETL_CONFIG, else config/etl.yaml of the
/// source tree the binary was built from.
std::string default_config_path();

} // namespace etl
