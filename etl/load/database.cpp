#include "load/database.hpp"

#include "core/errors.hpp"
#include "core/logging.hpp"
#include "load/embedded_postgres.hpp"

#include <cstdlib>

namespace etl::load {

namespace {
bool any_pg_variable()
{
    for (char const *name : {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"})
        if (char const *v = std::getenv(name); v && *v)
            return true;
    return false;
}

/// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db"; "password=x" -> "password=***".
std::string without_password(std::string s)
{
    if (auto const scheme = s.find("://"); scheme != std::string::npos) {
        auto const at = s.find('@', scheme);
        auto const colon = s.find(':', scheme + 3);
        if (at != std::string::npos && colon != std::string::npos && colon < at)
            s.replace(colon + 1, at - colon - 1, "***");
    }
    if (auto const pw = s.find("password="); pw != std::string::npos) {
        auto const end = s.find(' ', pw);
        s.replace(pw + 9, (end == std::string::npos ? s.size() : end) - pw - 9, "***");
    }
    return s;
}
} // namespace

connection_target resolve_connection(etl_config const &cfg, bool url_from_flag)
{
    if (url_from_flag && !cfg.database.url.empty())
        return {cfg.database.url, false, without_password(cfg.database.url) + " (--database-url)"};
    if (char const *env = std::getenv("INCIDENT_ETL_DATABASE_URL"); env && *env)
        return {env, false, without_password(env) + " (INCIDENT_ETL_DATABASE_URL)"};
    if (any_pg_variable())
        return {"", false, "the server named by the PG* environment variables"};
    if (!cfg.database.url.empty())
        return {cfg.database.url, false, without_password(cfg.database.url) + " (database.url)"};
    embedded_postgres const pg(cfg.database);
    return {pg.conninfo(), true, "the embedded cluster in " + pg.directory()};
}

std::unique_ptr<pqxx::connection> connect(etl_config const &cfg, connection_target const &target)
{
    if (target.embedded)
        embedded_postgres(cfg.database).ensure_running();
    setenv("PGAPPNAME", "incident-etl", 0);
    try {
        auto conn = std::make_unique<pqxx::connection>(target.conninfo);
        // libpqxx 6 reconnects a broken connection silently on its next use, losing session state:
        // the writer lock and temp tables. A lost connection must be an error the caller sees.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        conn->inhibit_reactivation(true);
#pragma GCC diagnostic pop
        log_debug("connected to ", target.description);
        return conn;
    } catch (pqxx::broken_connection const &e) {
        throw db_error("cannot connect to " + target.description + ": " + e.what());
    }
}

} // namespace etl::load
