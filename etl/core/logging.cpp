#include "core/logging.hpp"

#include "core/errors.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace etl {

namespace {
std::atomic<log_level> g_level{log_level::info};
std::mutex g_write_mutex;

char const *level_name(log_level level)
{
    switch (level) {
    case log_level::debug: return "debug";
    case log_level::info: return "info";
    case log_level::warn: return "warn";
    case log_level::error: return "error";
    case log_level::quiet: break;
    }
    return "";
}
} // namespace

void set_log_level(log_level level) { g_level = level; }
log_level current_log_level() { return g_level; }

log_level parse_log_level(std::string_view name)
{
    for (auto level : {log_level::debug, log_level::info, log_level::warn, log_level::error})
        if (name == level_name(level))
            return level;
    if (name == "quiet")
        return log_level::quiet;
    throw usage_error("unknown log level '" + std::string(name) + "' (debug, info, warn, error, quiet)");
}

void write_log_line(log_level level, std::string const &message)
{
    auto const now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    std::lock_guard<std::mutex> lock(g_write_mutex);
    std::fprintf(stderr, "%s [%s] %s\n", stamp, level_name(level), message.c_str());
}

} // namespace etl
