#pragma once
// Running helper programs (initdb, pg_ctl, psql) without a shell.

#include <string>
#include <vector>

namespace etl {

struct process_result {
    int exit_code = -1;
    std::string output; ///< stdout and stderr together
};

/// Runs argv[0] (looked up on PATH) with the arguments and waits; captures its output.
process_result run_process(std::vector<std::string> const &argv);

/// Replaces the current process (for `db psql`). Throws etl_error when exec fails.
[[noreturn]] void exec_process(std::vector<std::string> const &argv);

/// True when running as root (uid 0).
bool running_as_root();

} // namespace etl
