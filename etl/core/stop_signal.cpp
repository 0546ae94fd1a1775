#include "core/stop_signal.hpp"

#include <atomic>
#include <csignal>
#include <ctime>

namespace etl {

namespace {

std::atomic<int> requested{0};
std::atomic<long long> first_at_ms{0};

long long monotonic_ms()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts); // async-signal-safe
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

extern "C" void on_stop_signal(int sig)
{
    if (requested.load() == 0) {
        first_at_ms.store(monotonic_ms());
        requested.store(sig);
        return;
    }
    // `timeout` and process-group kills deliver one request twice within moments: only a second
    // signal sent a second or more after the first ends the process the default way.
    if (monotonic_ms() - first_at_ms.load() < 1000)
        return;
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

} // namespace

void install_stop_handlers()
{
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
}

int stop_requested() { return requested.load(); }

} // namespace etl
