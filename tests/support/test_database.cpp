#include "support/test_database.hpp"

#include "load/analysis_layer.hpp"
#include "load/migrations.hpp"
#include "load/writer_session.hpp"
#include "pipeline.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace etl::test {

namespace {

std::string admin_conninfo()
{
    char const *url = std::getenv("ETL_TEST_DATABASE_URL");
    return url ? url : "";
}

std::string with_dbname(std::string const &conninfo, std::string const &db)
{
    return conninfo + (conninfo.empty() ? "" : " ") + "dbname=" + db;
}

std::string unique_name()
{
    static std::atomic<int> counter{0};
    auto const now = std::chrono::system_clock::now().time_since_epoch().count();
    return "etl_test_" + std::to_string(getpid()) + "_" + std::to_string(now % 1000000000) + "_" +
           std::to_string(counter++);
}

} // namespace

std::string source_path(std::string const &relative) { return std::string(ETL_SOURCE_DIR) + "/" + relative; }

test_database::test_database() : m_name(unique_name())
{
    try {
        pqxx::connection admin(admin_conninfo());
        pqxx::nontransaction tx(admin);
        tx.exec0("create database " + tx.quote_name(m_name));
    } catch (pqxx::broken_connection const &e) {
        throw std::runtime_error(std::string("cannot reach the test PostgreSQL server: ") + e.what() +
                                 "\nDatabase tests need the server that scripts/test starts: run scripts/test.");
    }
    m_conninfo = with_dbname(admin_conninfo(), m_name);
    m_conn = std::make_unique<pqxx::connection>(m_conninfo);
    load::apply_migrations(*m_conn, source_path("schema"));
    load::rebuild_analysis_layer(*m_conn, source_path("sql/analysis"));
}

test_database::~test_database()
{
    m_conn.reset();
    if (std::getenv("ETL_KEEP_TEST_DB"))
        return;
    try {
        pqxx::connection admin(admin_conninfo());
        pqxx::nontransaction tx(admin);
        tx.exec0("drop database if exists " + tx.quote_name(m_name) + " with (force)");
    } catch (std::exception const &) {
        // a leftover test database is harmless: the server is thrown away after the run
    }
}

etl_config test_database::config() const
{
    auto cfg = load_config_file(source_path("config/etl.yaml"));
    cfg.database.url = m_conninfo;
    cfg.log.progress_every = 0;
    return cfg;
}

test_database::recorded_run test_database::run(std::vector<std::string> const &inputs) { return run(inputs, config()); }

test_database::recorded_run test_database::run(std::vector<std::string> const &inputs, etl_config const &cfg)
{
    load::writer_session session(cfg, load::connection_target{m_conninfo, false, m_name}, false);
    recorded_run r;
    r.run_id = load::start_run(session.conn(), inputs, cfg.hash());
    r.counts = run_into_database(cfg, session, inputs, r.run_id);
    load::finish_run(session.conn(), r.run_id, r.counts.articles_rejected ? "completed_with_rejections" : "completed",
                     r.counts);
    return r;
}

long test_database::count(std::string const &table, std::string const &where)
{
    pqxx::read_transaction tx(*m_conn);
    return tx.exec("select count(*) from " + table + " where " + where)[0][0].as<long>();
}

std::string test_database::scalar(std::string const &sql)
{
    pqxx::read_transaction tx(*m_conn);
    auto const r = tx.exec(sql);
    return r.empty() || r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str());
}

} // namespace etl::test
