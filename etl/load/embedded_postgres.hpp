#pragma once
// The project's own PostgreSQL cluster under database.embedded_dir, used when no server is
// configured. It listens on a unix socket in <dir>/run only (never TCP) and never touches a
// system cluster. As root, the server runs as the unprivileged 'postgres' user; when that user
// cannot reach database.embedded_dir (a checkout under /root), the cluster lives in
// /var/lib/incident-etl/<hash of that folder> instead.

#include "core/config.hpp"
#include "core/process.hpp"

#include <string>
#include <vector>

namespace etl::load {

class embedded_postgres {
public:
    explicit embedded_postgres(database_config const &cfg);

    bool initialised() const;
    bool running() const;
    /// Creates the cluster if needed, starts it if needed, creates the database if needed.
    void ensure_running();
    void stop();
    /// A line for `db status`.
    std::string status_text() const;
    /// libpq key=value string for the project's database.
    std::string conninfo() const;
    std::string const &data_dir() const { return m_data_dir; }
    /// Where the cluster lives: database.embedded_dir or its stand-in.
    std::string const &directory() const { return m_dir; }

private:
    void initialise();
    void start();
    void create_database();
    /// Runs a PostgreSQL program, as the server user when we are root.
    process_result run_pg(std::string const &program, std::vector<std::string> const &args, bool check = true) const;

    database_config m_cfg;
    std::string m_dir; ///< database.embedded_dir, or its stand-in when the server user cannot reach it
    std::string m_data_dir;
    std::string m_socket_dir;
    std::string m_log_file;
};

} // namespace etl::load
