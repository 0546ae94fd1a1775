#include "load/analysis_layer.hpp"

#include "core/failpoint.hpp"

#include "core/errors.hpp"
#include "core/files.hpp"
#include "core/hashing.hpp"
#include "core/logging.hpp"
#include "load/migrations.hpp"

namespace etl::load {

namespace {

// Serialises concurrent rebuilds (pg_advisory_xact_lock key; arbitrary but fixed).
constexpr long long analysis_lock_key = 0x616e616c79736973LL;

std::string file_text(migration_file const &f)
{
    std::string error;
    auto text = read_file(f.path, error);
    if (!text)
        throw config_error("cannot read analysis file " + f.path + ": " + error);
    return std::move(*text);
}

std::optional<std::string> stored_checksum(pqxx::transaction_base &tx)
{
    if (tx.exec("select 1 from pg_tables where schemaname = 'public' and tablename = 'analysis_layer'").empty())
        throw db_error("the database has no analysis_layer table; run `incident-etl migrate`");
    auto const rows = tx.exec("select checksum from analysis_layer");
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::string>();
}

} // namespace

std::vector<std::string> const &analysis_schemas()
{
    static std::vector<std::string> const schemas{"staging", "marts", "quality"};
    return schemas;
}

std::string analysis_checksum(std::string const &dir)
{
    std::string all;
    for (auto const &f : list_migrations(dir))
        all += f.name + "\n" + f.checksum + "\n";
    return sha256_hex(all);
}

bool rebuild_analysis_layer(pqxx::connection &conn, std::string const &dir, bool force)
{
    auto const files = list_migrations(dir);
    auto const checksum = analysis_checksum(dir);
    pqxx::work tx(conn);
    tx.exec_params("select pg_advisory_xact_lock($1)", analysis_lock_key);
    if (!force && stored_checksum(tx) == checksum)
        return false;
    for (auto const &schema : analysis_schemas())
        tx.exec0("drop schema if exists " + tx.quote_name(schema) + " cascade");
    for (auto const &f : files) {
        log_info("analysis layer: applying ", f.name);
        try {
            tx.exec0(file_text(f));
        } catch (pqxx::sql_error const &e) {
            throw db_error("analysis file " + f.path + " failed: " + e.what());
        }
    }
    tx.exec_params0("insert into analysis_layer (checksum) values ($1)"
                    " on conflict (singleton) do update set checksum = excluded.checksum, applied_at = now()",
                    checksum);
    tx.commit();
    return true;
}

void require_current_analysis_layer(pqxx::connection &conn, std::string const &dir)
{
    auto const wanted = analysis_checksum(dir);
    pqxx::read_transaction tx(conn);
    if (stored_checksum(tx) != wanted)
        throw db_error("the database's analysis layer (staging, marts, quality) differs from " + dir +
                       "; run `incident-etl migrate` to rebuild it");
}

std::size_t refresh_analysis_layer(pqxx::connection &conn)
{
    pqxx::work tx(conn);
    auto const views = tx.exec("select schemaname, matviewname from pg_matviews where schemaname = 'marts'"
                               " order by case when matviewname like 'dim\\_%' then 0"
                               "               when matviewname like 'fct\\_%' then 1 else 2 end, matviewname");
    for (auto const &row : views)
    {
        tx.exec0("refresh materialized view concurrently " + tx.quote_name(row[0].as<std::string>()) + "." +
                 tx.quote_name(row[1].as<std::string>()));
        failpoint("refresh.view");
    }
    tx.commit();
    return views.size();
}

std::vector<std::pair<std::string, long>> quality_failures(pqxx::connection &conn)
{
    pqxx::read_transaction tx(conn);
    std::vector<std::pair<std::string, long>> out;
    for (auto const &row : tx.exec("select check_name, failures from quality.summary order by check_name"))
        out.emplace_back(row[0].as<std::string>(), row[1].as<long>());
    return out;
}

} // namespace etl::load
