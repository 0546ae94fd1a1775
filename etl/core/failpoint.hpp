#pragma once
// Failure injection for the crash-safety tests (tests/db/kill_points_test.cpp): named points in
// a run where the process can be made to die as SIGKILL would end it, or to lose its database
// connection as a server restart would. One environment variable, read once, arms one point:
//
//     ETL_FAILPOINT=NAME[:HIT][@ACTION]
//
// HIT counts passes through the point from 1 (default 1); ACTION is `kill` (default),
// `disconnect`, or `pause:MS` (sleep, so that a test can restart the server meanwhile). Unset, a failpoint costs one comparison. The names are listed in
// docs/operations.md ("Crash safety").

#include <functional>
#include <string_view>

namespace etl {

/// Passes through the named point: dies or disconnects when the armed point is hit.
void failpoint(std::string_view name);

/// What `@disconnect` does: installed by the code that owns the database connection.
void set_failpoint_disconnect(std::function<void()> disconnect);

} // namespace etl
