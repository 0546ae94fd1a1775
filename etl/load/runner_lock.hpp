#pragma once
// One writer at a time: `run`, `merge` and `split` hold a session-level PostgreSQL advisory lock
// for as long as they change the database, so two of them never interleave. The lock goes with
// the connection: a killed process releases it.

#include <pqxx/pqxx>

#include <string>

namespace etl::load {

class runner_lock {
public:
    /// Takes the lock. With `wait`, blocks until the holder finishes; without, throws
    /// busy_error naming the holder (its pid, command and start time) when it is taken.
    runner_lock(pqxx::connection &conn, bool wait);
    ~runner_lock();
    runner_lock(runner_lock const &) = delete;
    runner_lock &operator=(runner_lock const &) = delete;

private:
    pqxx::connection &m_conn;
};

/// Who holds the lock, for messages and `incident-etl status`: "pid 1234 (incident-etl run),
/// running since 2026-11-21 03:00:05 UTC"; empty when nobody does.
std::string runner_lock_holder(pqxx::connection &conn);

} // namespace etl::load
