#include "cli/commands.hpp"

#include "core/logging.hpp"
#include "load/database.hpp"
#include "load/migrations.hpp"

namespace etl::cli {

std::string command_migrate::description() const
{
    return "Applies the schema migrations (schema/NNN_*.sql, database.schema_dir) that the database does not\n"
           "have yet, in order, each in its own transaction, and records them in schema_migrations with a\n"
           "SHA-256 checksum. Refuses to run when a migration that was already applied has changed.";
}

void command_migrate::add_options(po::options_description &options, po::positional_options_description &)
{
    options.add_options()("schema-dir", po::value<std::string>(&m_schema_dir)->value_name("DIR"),
                          "folder of NNN_*.sql migrations (overrides database.schema_dir)");
}

int command_migrate::run()
{
    auto const dir = m_schema_dir.empty() ? config().database.schema_dir : m_schema_dir;
    auto const target = load::resolve_connection(config(), database_url_from_flag());
    auto conn = load::connect(config(), target);
    auto const applied = load::apply_migrations(*conn, dir);
    if (applied.empty())
        log_info("schema is up to date (", target.description, ")");
    else
        log_info("applied ", applied.size(), " migration(s) to ", target.description);
    return exit_ok;
}

} // namespace etl::cli
