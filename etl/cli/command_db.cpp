#include "cli/commands.hpp"

#include "core/errors.hpp"
#include "core/process.hpp"
#include "load/database.hpp"
#include "load/embedded_postgres.hpp"

#include <iostream>

namespace etl::cli {

std::string command_db::description() const
{
    return "Manages the embedded PostgreSQL cluster (database.embedded_dir), which listens on a unix socket\n"
           "only and is used when no database is configured.\n"
           "  start   create the cluster and its database if needed, and start the server\n"
           "  stop    stop the server\n"
           "  status  say whether it exists and runs, and which server the other commands would use\n"
           "  psql    open psql on the database the other commands would use (--command: run SQL and exit)";
}

void command_db::add_options(po::options_description &options, po::positional_options_description &positional)
{
    options.add_options()("action", po::value<std::string>(&m_action)->required()->value_name("ACTION"),
                          "start, stop, status or psql (also accepted as the first argument)")(
        "command", po::value<std::string>(&m_sql)->value_name("SQL"), "with psql: run SQL and exit instead of an interactive session");
    positional.add("action", 1);
}

void command_db::validate(po::variables_map const &)
{
    if (m_action != "start" && m_action != "stop" && m_action != "status" && m_action != "psql")
        throw usage_error("unknown action '" + m_action + "' (start, stop, status, psql)");
}

int command_db::run()
{
    load::embedded_postgres pg(config().database);
    if (m_action == "start") {
        pg.ensure_running();
        std::cout << pg.status_text() << "\n";
    } else if (m_action == "stop") {
        pg.stop();
    } else if (m_action == "status") {
        auto const target = load::resolve_connection(config(), database_url_from_flag());
        std::cout << pg.status_text() << "\n"
                  << "commands use: " << target.description << "\n";
    } else {
        auto const target = load::resolve_connection(config(), database_url_from_flag());
        if (target.embedded)
            pg.ensure_running();
        std::vector<std::string> argv{"psql"};
        if (!target.conninfo.empty())
            argv.push_back(target.conninfo);
        if (!m_sql.empty())
            argv.insert(argv.end(), {"--no-psqlrc", "--command", m_sql});
        exec_process(argv);
    }
    return exit_ok;
}

} // namespace etl::cli
