#include "load/runner_lock.hpp"

#include "core/errors.hpp"
#include "core/logging.hpp"
#include "core/stop_signal.hpp"

#include <chrono>
#include <thread>

namespace etl::load {

namespace {

// The advisory lock key of writers (arbitrary but fixed: "incwrite").
constexpr long long writer_lock_key = 0x696e637772697465LL;

} // namespace

runner_lock::runner_lock(pqxx::connection &conn, bool wait) : m_conn(conn)
{
    auto const try_lock = [&] {
        pqxx::nontransaction tx(m_conn);
        return tx.exec_params("select pg_try_advisory_lock($1)", writer_lock_key)[0][0].as<bool>();
    };
    bool taken = try_lock();
    if (!taken && wait) {
        // polled rather than blocking in pg_advisory_lock, so that SIGINT/SIGTERM end the wait
        log_info("waiting for the writer lock: ", runner_lock_holder(m_conn));
        while (!(taken = try_lock())) {
            if (int const sig = stop_requested())
                throw interrupted_error("stopped by signal " + std::to_string(sig) + " while waiting for the writer lock",
                                        sig);
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
    if (!taken) {
        auto const holder = runner_lock_holder(m_conn);
        throw busy_error("another incident-etl run, merge or split is changing this database" +
                         (holder.empty() ? std::string() : " (" + holder + ")") +
                         "; try again later, or pass --wait to wait for it");
    }
}

runner_lock::~runner_lock()
{
    try {
        pqxx::nontransaction tx(m_conn);
        tx.exec_params("select pg_advisory_unlock($1)", writer_lock_key);
    } catch (std::exception const &) {
        // the connection is gone, and the lock with it
    }
}

std::string runner_lock_holder(pqxx::connection &conn)
{
    pqxx::nontransaction tx(conn);
    auto const rows = tx.exec_params(
        "select a.pid, coalesce(nullif(a.application_name, ''), 'a client'),"
        " to_char(a.backend_start at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'"
        " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
        " where l.locktype = 'advisory' and l.granted"
        " and ((l.classid::bigint << 32) | l.objid::bigint) = $1 limit 1",
        writer_lock_key);
    if (rows.empty())
        return {};
    return "pid " + std::string(rows[0][0].c_str()) + " (" + rows[0][1].c_str() + "), connected since " +
           rows[0][2].c_str();
}

} // namespace etl::load
