#pragma once
// Exception types. Messages name the culprit: the config key and line, the article, the query.

#include <stdexcept>
#include <string>

namespace etl {

struct etl_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Bad configuration: the message names the key and, where known, the file and line.
struct config_error : etl_error {
    using etl_error::etl_error;
};

/// Bad command-line usage.
struct usage_error : etl_error {
    using etl_error::etl_error;
};

/// One input (file, line, article) cannot be used; the run records it and goes on.
struct input_error : etl_error {
    using etl_error::etl_error;
};

/// The database cannot be reached or refused a statement; aborts the run.
struct db_error : etl_error {
    using etl_error::etl_error;
};

/// Another writer (run, merge, split) holds the database: exit status 4.
struct busy_error : etl_error {
    using etl_error::etl_error;
};

/// SIGINT or SIGTERM ended a command before it changed anything: exit status 128 + signal.
struct interrupted_error : etl_error {
    interrupted_error(std::string const &what, int signal) : etl_error(what), signal(signal) {}
    int signal;
};

} // namespace etl
