#include "load/bi_role.hpp"

#include "core/errors.hpp"
#include "core/hashing.hpp"

#include <cstdlib>

namespace etl::load {

bi_password_source bi_password(etl_config const &cfg)
{
    if (char const *env = std::getenv("INCIDENT_ETL_BI_PASSWORD"); env && *env)
        return {env, "INCIDENT_ETL_BI_PASSWORD"};
    if (!cfg.database.bi_password.empty())
        return {cfg.database.bi_password, "database.bi_password"};
    return {};
}

void enable_bi_login(pqxx::connection &conn, std::string const &password)
{
    try {
        pqxx::work tx(conn);
        // a SCRAM verifier, not the password: the server (and its statement log) never sees it
        tx.exec0("alter role " + tx.quote_name(bi_role_name) + " login password " +
                 tx.quote(scram_sha256_verifier(password)));
        tx.commit();
    } catch (pqxx::sql_error const &e) {
        // report the server's message only, not the statement
        throw db_error(std::string("cannot set the password of role ") + bi_role_name + ": " + e.what());
    }
}

} // namespace etl::load
