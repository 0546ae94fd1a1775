#include "core/failpoint.hpp"

#include "core/logging.hpp"

#include <atomic>
#include <chrono>
#include <thread>
#include <csignal>
#include <cstdlib>
#include <string>

namespace etl {

namespace {

struct armed_point {
    std::string name; ///< empty: nothing armed
    long hit = 1;
    bool disconnect = false;
    long pause_ms = 0; ///< > 0: pause instead of killing
};

armed_point parse_armed_point()
{
    armed_point p;
    char const *env = std::getenv("ETL_FAILPOINT");
    if (!env || !*env)
        return p;
    std::string spec(env);
    if (auto const at = spec.find('@'); at != std::string::npos) {
        auto const action = spec.substr(at + 1);
        p.disconnect = action == "disconnect";
        if (action.rfind("pause:", 0) == 0)
            p.pause_ms = std::max(1L, std::strtol(action.c_str() + 6, nullptr, 10));
        spec.resize(at);
    }
    if (auto const colon = spec.find(':'); colon != std::string::npos) {
        p.hit = std::max(1L, std::strtol(spec.c_str() + colon + 1, nullptr, 10));
        spec.resize(colon);
    }
    p.name = spec;
    return p;
}

armed_point const &armed()
{
    static armed_point const point = parse_armed_point();
    return point;
}

std::atomic<long> passes{0};
std::function<void()> disconnect_action;

} // namespace

void failpoint(std::string_view name)
{
    auto const &p = armed();
    if (p.name.empty() || name != p.name || ++passes != p.hit)
        return;
    if (p.disconnect) {
        log_warn("failpoint ", name, ":", p.hit, ": dropping the database connection");
        if (disconnect_action)
            disconnect_action();
        return;
    }
    if (p.pause_ms > 0) {
        log_warn("failpoint ", name, ":", p.hit, ": pausing ", p.pause_ms, " ms");
        std::this_thread::sleep_for(std::chrono::milliseconds(p.pause_ms));
        return;
    }
    log_warn("failpoint ", name, ":", p.hit, ": killing the process");
    std::raise(SIGKILL);
}

void set_failpoint_disconnect(std::function<void()> disconnect) { disconnect_action = std::move(disconnect); }

} // namespace etl
