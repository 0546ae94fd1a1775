#include "load/writer_session.hpp"

#include "core/errors.hpp"
#include "core/failpoint.hpp"
#include "core/logging.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace etl::load {

bool is_transient(std::exception const &e)
{
    if (dynamic_cast<pqxx::broken_connection const *>(&e) || dynamic_cast<pqxx::in_doubt_error const *>(&e))
        return true;
    if (auto const *sql = dynamic_cast<pqxx::sql_error const *>(&e)) {
        auto const state = sql->sqlstate();
        return state == "40001"                  // serialization_failure
               || state == "40P01"               // deadlock_detected
               || state.rfind("08", 0) == 0      // connection exceptions
               || state == "57P01"               // admin_shutdown: the server is stopping or restarting
               || state == "57P02"               // crash_shutdown
               || state == "57P03";              // cannot_connect_now: the server is starting
    }
    return false;
}

writer_session::writer_session(etl_config const &cfg, connection_target target, bool wait_for_lock)
    : m_cfg(cfg), m_target(std::move(target)), m_wait_for_lock(wait_for_lock)
{
    connect_and_lock(wait_for_lock);
    set_failpoint_disconnect([this] {
        // what a server restart does to this session: its backend goes away
        pqxx::connection killer(m_target.conninfo);
        pqxx::nontransaction tx(killer);
        tx.exec_params("select pg_terminate_backend($1)", m_conn->backendpid());
    });
}

writer_session::~writer_session() { set_failpoint_disconnect({}); }

void writer_session::connect_and_lock(bool wait_for_lock)
{
    m_lock.reset();
    m_conn = connect(m_cfg, m_target);
    m_lock.emplace(*m_conn, wait_for_lock);
}

void writer_session::recover(char const *what, std::exception const &e, std::size_t failures)
{
    if (!is_transient(e))
        throw;
    if (failures >= m_cfg.database.retries)
        throw db_error(std::string(what) + " failed after " + std::to_string(failures) +
                       " retries (database.retries): " + e.what());
    auto const delay = std::min<std::size_t>(m_cfg.database.retry_delay_ms << std::min<std::size_t>(failures, 16),
                                             30000);
    log_warn(what, ": ", e.what(), "; retrying in ", delay, " ms (", failures + 1, " of ", m_cfg.database.retries,
             ")");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    if (auto const *sql = dynamic_cast<pqxx::sql_error const *>(&e);
        sql && (sql->sqlstate() == "40001" || sql->sqlstate() == "40P01"))
        return; // a deadlock or serialization victim: the connection is fine
    try {
        // the lock went with the old connection; another writer may have taken it meanwhile
        connect_and_lock(m_wait_for_lock);
        log_info(what, ": reconnected to ", m_target.description);
    } catch (busy_error const &) {
        throw;
    } catch (std::exception const &reconnect) {
        log_warn(what, ": cannot reconnect yet: ", reconnect.what());
        // the next attempt fails on the closed connection and comes back here
    }
}

} // namespace etl::load
