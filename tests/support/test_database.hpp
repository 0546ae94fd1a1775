#pragma once
// A fresh database per test on the server scripts/test starts (ETL_TEST_DATABASE_URL, else the
// PG* variables), with the schema applied. Dropped afterwards unless ETL_KEEP_TEST_DB is set.
// Without a server the test fails with a hint: a database test must never pass untested.

#include "core/config.hpp"
#include "load/run_log.hpp"

#include <pqxx/pqxx>

#include <memory>
#include <string>
#include <vector>

namespace etl::test {

class test_database {
public:
    test_database();
    ~test_database();
    test_database(test_database const &) = delete;
    test_database &operator=(test_database const &) = delete;

    std::string const &name() const { return m_name; }
    std::string const &conninfo() const { return m_conninfo; }
    pqxx::connection &conn() { return *m_conn; }
    /// A new connection, after the server restarted under the old one.
    void reconnect() { m_conn = std::make_unique<pqxx::connection>(m_conninfo); }

    /// The project's config/etl.yaml with database.url pointing at this database.
    etl_config config() const;

    struct recorded_run {
        long run_id = 0;
        load::run_counts counts;
    };
    /// A whole `run` of the pipeline into this database (config() unless `cfg` is given),
    /// recorded in etl_runs as the command records it.
    recorded_run run(std::vector<std::string> const &inputs);
    recorded_run run(std::vector<std::string> const &inputs, etl_config const &cfg);

    long count(std::string const &table, std::string const &where = "true");
    /// The first column of the first row of a query, as text ("" for NULL).
    std::string scalar(std::string const &sql);

private:
    std::string m_name;
    std::string m_conninfo;
    std::unique_ptr<pqxx::connection> m_conn;
};

/// The source tree (for config/, schema/, data/).
std::string source_path(std::string const &relative);

} // namespace etl::test
