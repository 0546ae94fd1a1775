#pragma once
// Which PostgreSQL server a command uses, and connecting to it. This folder (load/) is the only
// code that talks to the database.

#include "core/config.hpp"

#include <pqxx/pqxx>

#include <memory>
#include <string>

namespace etl::load {

struct connection_target {
    std::string conninfo;     ///< libpq URI or key=value string; empty = libpq's PG* variables
    bool embedded = false;    ///< the project's own cluster, started on demand
    std::string description;  ///< for logs; never contains a password
};

/// The server to use: INCIDENT_ETL_DATABASE_URL, else the PG* variables, else database.url
/// (config file or --database-url, which wins over the environment), else the embedded cluster.
connection_target resolve_connection(etl_config const &cfg, bool url_from_flag);

/// Connects, starting the embedded cluster first when that is the target.
std::unique_ptr<pqxx::connection> connect(etl_config const &cfg, connection_target const &target);

} // namespace etl::load
