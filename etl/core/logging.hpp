#pragma once
// Levelled log lines on stderr: "2024-01-09 10:00:00 [info] message". Data goes to stdout.

#include <sstream>
#include <string>
#include <string_view>

namespace etl {

enum class log_level { debug = 0, info = 1, warn = 2, error = 3, quiet = 4 };

void set_log_level(log_level level);
log_level current_log_level();
/// "debug", "info", "warn", "error", "quiet"; throws usage_error otherwise.
log_level parse_log_level(std::string_view name);
void write_log_line(log_level level, std::string const &message);

namespace detail {
template <typename... Args>
void log(log_level level, Args const &...args)
{
    if (level < current_log_level())
        return;
    std::ostringstream out;
    (out << ... << args);
    write_log_line(level, out.str());
}
} // namespace detail

template <typename... Args> void log_debug(Args const &...args) { detail::log(log_level::debug, args...); }
template <typename... Args> void log_info(Args const &...args) { detail::log(log_level::info, args...); }
template <typename... Args> void log_warn(Args const &...args) { detail::log(log_level::warn, args...); }
template <typename... Args> void log_error(Args const &...args) { detail::log(log_level::error, args...); }

} // namespace etl
