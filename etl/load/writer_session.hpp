#pragma once
// The connection of `run`, the command that changes the database unattended: it holds the
// one-writer lock for the whole run and rides out transient failures. A unit of work (one
// transaction: a batch, the deduplication, the view refresh) that fails because the connection
// broke, the server restarted, or PostgreSQL picked it as a deadlock or serialization victim is
// run again after a pause, up to database.retries times, reconnecting (and taking the lock again)
// first when the connection is gone. Every unit the pipeline hands it is idempotent, so running
// one twice, even one whose commit went through unseen, leaves the same database.

#include "core/config.hpp"
#include "load/database.hpp"
#include "load/runner_lock.hpp"

#include <pqxx/pqxx>

#include <exception>
#include <memory>
#include <optional>
#include <utility>

namespace etl::load {

/// Whether an error is worth retrying: a lost connection, a server shutting down or starting,
/// a deadlock or a serialization failure.
bool is_transient(std::exception const &e);

class writer_session {
public:
    /// Connects and takes the writer lock (waiting for it with `wait_for_lock`, else busy_error).
    writer_session(etl_config const &cfg, connection_target target, bool wait_for_lock);
    ~writer_session();
    writer_session(writer_session const &) = delete;
    writer_session &operator=(writer_session const &) = delete;

    pqxx::connection &conn() { return *m_conn; }
    connection_target const &target() const { return m_target; }

    /// fn(conn), retried after transient failures; `what` names the unit in log lines and in
    /// the final error.
    template <typename Fn> auto attempt(char const *what, Fn &&fn)
    {
        for (std::size_t failures = 0;; ++failures) {
            try {
                return fn(*m_conn);
            } catch (std::exception const &e) {
                recover(what, e, failures); // rethrows when it cannot be retried
            }
        }
    }

private:
    /// Called inside a handler: rethrows unless `e` is transient and retries are left; otherwise
    /// waits and reconnects when the connection is gone.
    void recover(char const *what, std::exception const &e, std::size_t failures);
    void connect_and_lock(bool wait_for_lock);

    etl_config const &m_cfg;
    connection_target m_target;
    bool m_wait_for_lock;
    std::unique_ptr<pqxx::connection> m_conn;
    std::optional<runner_lock> m_lock;
};

} // namespace etl::load
