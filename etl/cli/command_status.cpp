#include "cli/commands.hpp"

#include "load/database.hpp"
#include "load/migrations.hpp"
#include "load/run_log.hpp"
#include "load/runner_lock.hpp"

#include <cstdio>
#include <iostream>

namespace etl::cli {

std::string command_status::description() const
{
    return "Prints the latest runs recorded in etl_runs (also merges and splits): when they started, how\n"
           "long they took, their status, articles read, new and rejected, reports, incidents created and\n"
           "updated, data-quality failures and any error; and which process holds the writer lock, if one\n"
           "does. For cron and systemd monitoring, the exit status describes the latest run:\n"
           "0 completed, 3 completed with rejected inputs, 5 completed with data-quality failures,\n"
           "4 still running (it holds the lock), 1 failed, interrupted, abandoned (its process died; marked by\n"
           "the next run), or left 'running' by a process that is gone; 0 when nothing has run yet.";
}

void command_status::add_options(po::options_description &options, po::positional_options_description &)
{
    options.add_options()("runs,n", po::value<int>(&m_runs)->default_value(10)->value_name("N"),
                          "how many runs to show");
}

int command_status::run()
{
    auto const target = load::resolve_connection(config(), database_url_from_flag());
    auto conn = load::connect(config(), target);
    load::require_current_schema(*conn, config().database.schema_dir);
    auto const runs = load::recent_runs(*conn, std::max(1, m_runs));
    auto const holder = load::runner_lock_holder(*conn);

    std::printf("%-6s %-19s %8s %-26s %6s %6s %6s %7s %8s %8s %7s  %s\n", "run", "started (UTC)", "seconds", "status",
                "read", "new", "rejct", "reports", "created", "updated", "quality", "inputs / error");
    for (auto const &r : runs) {
        std::string error = r.error.substr(0, r.error.find('\n')); // the first line says what failed
        char seconds[32] = "-";
        if (r.seconds)
            std::snprintf(seconds, sizeof seconds, "%.1f", *r.seconds);
        std::string const quality = r.counts.quality_failures ? std::to_string(*r.counts.quality_failures) : "-";
        std::printf("%-6ld %-19s %8s %-26s %6ld %6ld %6ld %7ld %8ld %8ld %7s  %s\n", r.run_id, r.started.c_str(),
                    seconds, r.status.c_str(), r.counts.articles_read, r.counts.articles_new, r.rejections,
                    r.counts.reports_extracted, r.counts.incidents_created, r.counts.incidents_updated,
                    quality.c_str(), (error.empty() ? r.inputs : "ERROR: " + error).c_str());
    }
    std::cout << (holder.empty() ? "writer lock: free" : "writer lock: held by " + holder) << "\n";

    if (runs.empty()) {
        std::cout << "no run recorded yet\n";
        return exit_ok;
    }
    auto const &last = runs.front();
    if (last.status == "running")
        return holder.empty() ? exit_failure : exit_busy; // without a holder its process is gone
    if (last.status == "completed_with_rejections")
        return exit_with_rejections;
    if (last.status != "completed")
        return exit_failure;
    return last.counts.quality_failures.value_or(0) > 0 ? exit_quality : exit_ok;
}

} // namespace etl::cli
