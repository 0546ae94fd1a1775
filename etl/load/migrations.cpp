#include "load/migrations.hpp"

#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "core/logging.hpp"
#include "core/files.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace etl::load {

namespace {

// Serialises concurrent `migrate` runs (pg_advisory_xact_lock key; arbitrary but fixed).
constexpr long long migration_lock_key = 0x696e636964656e74LL;

void ensure_table(pqxx::connection &conn)
{
    pqxx::work tx(conn);
    tx.exec0("create table if not exists schema_migrations ("
             " version text primary key,"
             " name text not null,"
             " checksum char(64) not null,"
             " applied_at timestamptz not null default now())");
    tx.commit();
}

std::map<std::string, std::pair<std::string, std::string>> applied(pqxx::transaction_base &tx)
{
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (auto const &row : tx.exec("select version, name, checksum from schema_migrations"))
        out[row[0].as<std::string>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    return out;
}

void check_unchanged(std::vector<migration_file> const &files,
                     std::map<std::string, std::pair<std::string, std::string>> const &done)
{
    for (auto const &f : files) {
        auto const it = done.find(f.version);
        if (it != done.end() && it->second.second != f.checksum)
            throw db_error("schema file " + f.name + " has changed since it was applied (checksum " +
                           it->second.second.substr(0, 12) + " in schema_migrations, " + f.checksum.substr(0, 12) +
                           " on disk); add a new migration instead of editing an applied one");
    }
}

} // namespace

std::vector<migration_file> list_migrations(std::string const &dir)
{
    std::vector<migration_file> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto const name = it->path().filename().string();
        if (it->path().extension() != ".sql")
            continue;
        if (name.size() < 5 || !std::isdigit(static_cast<unsigned char>(name[0])) ||
            !std::isdigit(static_cast<unsigned char>(name[1])) || !std::isdigit(static_cast<unsigned char>(name[2])) ||
            name[3] != '_')
            throw config_error("schema file " + it->path().string() + " is not named NNN_description.sql");
        std::string error;
        auto const text = read_file(it->path().string(), error);
        if (!text)
            throw config_error("cannot read schema file " + it->path().string() + ": " + error);
        files.push_back({name.substr(0, 3), name, it->path().string(), sha256_hex(*text)});
    }
    if (ec)
        throw config_error("cannot list schema directory " + dir + ": " + ec.message());
    std::sort(files.begin(), files.end(), [](auto const &a, auto const &b) { return a.version < b.version; });
    for (std::size_t i = 1; i < files.size(); ++i)
        if (files[i].version == files[i - 1].version)
            throw config_error("two schema files share version " + files[i].version + ": " + files[i - 1].name +
                               ", " + files[i].name);
    return files;
}

std::vector<std::string> apply_migrations(pqxx::connection &conn, std::string const &dir)
{
    auto const files = list_migrations(dir);
    ensure_table(conn);
    std::vector<std::string> done_now;
    for (auto const &f : files) {
        pqxx::work tx(conn);
        tx.exec_params("select pg_advisory_xact_lock($1)", migration_lock_key);
        auto const done = applied(tx);
        check_unchanged(files, done);
        if (done.count(f.version))
            continue;
        std::string error;
        auto const sql = read_file(f.path, error);
        if (!sql || sha256_hex(*sql) != f.checksum)
            throw db_error("schema file " + f.name + " changed while migrating");
        log_info("applying ", f.name);
        try {
            tx.exec(*sql);
        } catch (pqxx::sql_error const &e) {
            throw db_error("migration " + f.name + " failed: " + e.what());
        }
        tx.exec_params("insert into schema_migrations (version, name, checksum) values ($1, $2, $3)", f.version, f.name,
                       f.checksum);
        tx.commit();
        done_now.push_back(f.name);
    }
    return done_now;
}

void require_current_schema(pqxx::connection &conn, std::string const &dir)
{
    auto const files = list_migrations(dir);
    pqxx::read_transaction tx(conn);
    auto const exists = tx.exec("select to_regclass('schema_migrations') is not null")[0][0].as<bool>();
    if (!exists)
        throw db_error("the database has no schema yet: run 'incident-etl migrate' first");
    auto const done = applied(tx);
    check_unchanged(files, done);
    for (auto const &f : files)
        if (!done.count(f.version))
            throw db_error("migration " + f.name + " is not applied yet: run 'incident-etl migrate'");
}

} // namespace etl::load
