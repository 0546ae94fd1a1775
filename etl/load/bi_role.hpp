#pragma once
// The read-only role for BI tools, incident_bi (schema/004_bi_role.sql grants it the marts only,
// sql/analysis/050_bi_access.sql). Its password comes from the environment or a config file
// outside the repository, and is never logged.

#include "core/config.hpp"

#include <pqxx/pqxx>

#include <string>

namespace etl::load {

inline constexpr char const *bi_role_name = "incident_bi";

struct bi_password_source {
    std::string password; ///< empty: none configured
    std::string origin;   ///< "INCIDENT_ETL_BI_PASSWORD" or "database.bi_password"
};

/// INCIDENT_ETL_BI_PASSWORD, else database.bi_password.
bi_password_source bi_password(etl_config const &cfg);

/// Lets incident_bi log in with this password. Throws db_error (without the statement, which
/// holds the password) when the connected role may not alter roles.
void enable_bi_login(pqxx::connection &conn, std::string const &password);

} // namespace etl::load
