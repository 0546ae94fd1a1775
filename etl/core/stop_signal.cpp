#include "core/stop_signal.hpp"

#include <atomic>
#include <csignal>

namespace etl {

namespace {

std::atomic<int> requested{0};

extern "C" void on_stop_signal(int sig)
{
    requested.store(sig);
    // the next one ends the process the default way
    std::signal(sig, SIG_DFL);
}

} // namespace

void install_stop_handlers()
{
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
}

int stop_requested() { return requested.load(); }

} // namespace etl
