#include "cli/commands.hpp"

#include "core/logging.hpp"
#include "load/analysis_layer.hpp"
#include "load/bi_role.hpp"
#include "load/database.hpp"
#include "load/migrations.hpp"

namespace etl::cli {

std::string command_migrate::description() const
{
    return "Applies the schema migrations (schema/NNN_*.sql, database.schema_dir) that the database does not\n"
           "have yet, in order, each in its own transaction, and records them in schema_migrations with a\n"
           "SHA-256 checksum. Refuses to run when a migration that was already applied has changed.\n"
           "Then rebuilds the analysis layer (database.analysis_dir: schemas staging, marts, quality) in one\n"
           "transaction when its files changed; it is derived from the tables, so nothing is lost. Sets the\n"
           "password of the read-only BI role incident_bi from INCIDENT_ETL_BI_PASSWORD or database.bi_password.";
}

void command_migrate::add_options(po::options_description &options, po::positional_options_description &)
{
    options.add_options()("schema-dir", po::value<std::string>(&m_schema_dir)->value_name("DIR"),
                          "folder of NNN_*.sql migrations (overrides database.schema_dir)")(
        "rebuild-analysis", po::bool_switch(&m_rebuild),
        "rebuild the analysis layer (database.analysis_dir) even when its files did not change");
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
    if (load::rebuild_analysis_layer(*conn, config().database.analysis_dir, m_rebuild))
        log_info("analysis layer rebuilt from ", config().database.analysis_dir);
    else
        log_info("analysis layer is up to date");
    if (auto const bi = load::bi_password(config()); !bi.password.empty()) {
        load::enable_bi_login(*conn, bi.password);
        log_info("BI role ", load::bi_role_name, " may log in (password from ", bi.origin, ")");
    } else {
        log_info("BI role ", load::bi_role_name, " has no password set here (INCIDENT_ETL_BI_PASSWORD or "
                 "database.bi_password); it cannot log in unless one was set before");
    }
    return exit_ok;
}

} // namespace etl::cli
