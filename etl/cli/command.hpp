#pragma once
// A subcommand: setup() parses and validates the arguments and opens nothing; run() does the work.

#include "core/config.hpp"

#include <boost/program_options.hpp>

#include <memory>
#include <string>
#include <vector>

namespace etl::cli {

namespace po = boost::program_options;

/// Exit codes of incident-etl (documented in the README).
enum exit_code : int {
    exit_ok = 0,
    exit_failure = 1,            ///< the run failed (database, I/O, internal error)
    exit_usage = 2,              ///< bad arguments or configuration
    exit_with_rejections = 3,    ///< completed, but some inputs were rejected (see rejected_inputs)
    exit_busy = 4,               ///< another run, merge or split is changing the database
    exit_quality = 5,            ///< `status`: the latest run completed, but data-quality checks failed
};

class command {
public:
    virtual ~command() = default;
    virtual std::string name() const = 0;
    /// One line for the command list.
    virtual std::string summary() const = 0;
    /// What follows the command name in the usage line.
    virtual std::string synopsis() const { return "[options]"; }
    /// A paragraph for --help.
    virtual std::string description() const { return summary(); }

    /// Parses and validates; throws usage_error or config_error. Returns false when --help was shown.
    bool setup(std::vector<std::string> const &args);
    virtual int run() = 0;

    std::string help() const;

protected:
    /// Adds the command's own options (and positional arguments).
    virtual void add_options(po::options_description &options, po::positional_options_description &positional) = 0;
    /// Checks the parsed values; called after the config is loaded.
    virtual void validate(po::variables_map const &) {}
    /// Whether the command connects to a database (adds --database-url).
    virtual bool uses_database() const { return false; }

    etl_config const &config() const { return m_config; }
    bool database_url_from_flag() const { return m_url_from_flag; }

private:
    po::options_description all_options() const;

    etl_config m_config;
    bool m_url_from_flag = false;
    mutable std::unique_ptr<po::options_description> m_own;
    mutable po::positional_options_description m_positional;
};

/// Every subcommand, in the order `--help` lists them.
std::vector<std::unique_ptr<command>> make_commands();

} // namespace etl::cli
