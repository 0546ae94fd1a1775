#pragma once
// Applies schema/NNN_*.sql in order, each in its own transaction, recorded in
// schema_migrations with a checksum. Refuses to run when an applied file has changed.

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl::load {

struct migration_file {
    std::string version;   ///< "001"
    std::string name;      ///< "001_core_tables.sql"
    std::string path;
    std::string checksum;  ///< SHA-256 of the file
};

/// The NNN_*.sql files of a directory, sorted by version. Throws config_error for a bad name.
std::vector<migration_file> list_migrations(std::string const &dir);

/// Applies the pending migrations; returns the names applied.
std::vector<std::string> apply_migrations(pqxx::connection &conn, std::string const &dir);

/// Throws db_error unless every migration in `dir` is applied unchanged.
void require_current_schema(pqxx::connection &conn, std::string const &dir);

} // namespace etl::load
