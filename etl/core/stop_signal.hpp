#pragma once
// Graceful stop: the first SIGINT or SIGTERM asks a run to stop after the batch it is loading
// (the batch commits, the run is recorded as interrupted); a second one, a second or more later,
// ends the process at once (one sooner is the same request delivered twice, as `timeout` does).

namespace etl {

/// Installs the handlers (idempotent).
void install_stop_handlers();

/// The signal that asked to stop, or 0.
int stop_requested();

} // namespace etl
