// Least privilege: the ETL needs no superuser. A plain login role that owns its database runs
// `migrate` and `run`; it cannot read other databases' data or the server's password table.

#include "core/process.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

using etl::test::source_path;
using etl::test::test_database;

TEST(LeastPrivilege, APlainRoleOwningItsDatabaseMigratesAndRuns)
{
    test_database admin; // a superuser connection to the test server
    auto const suffix = admin.name().substr(admin.name().size() - 8);
    std::string const role = "etl_writer_" + suffix, database = "etl_owned_" + suffix;
    auto const exec = [&](std::string const &sql) { pqxx::nontransaction(admin.conn()).exec0(sql); };
    exec("drop database if exists " + database);
    exec("drop role if exists " + role);
    exec("create role " + role + " login nosuperuser nocreatedb nocreaterole");
    exec("create database " + database + " owner " + role);
    // the BI role is the server's, created once by an administrator (schema/004 then skips it)
    exec("do $$ begin if not exists (select 1 from pg_roles where rolname = 'incident_bi') then"
         " create role incident_bi nologin noinherit; end if; end $$");

    // libpq takes the last value of a repeated keyword
    auto const url = "--database-url=" + admin.conninfo() + " dbname=" + database + " user=" + role;
    auto const migrated = etl::run_process({ETL_BINARY, "migrate", url});
    EXPECT_EQ(migrated.exit_code, 0) << migrated.output;
    auto const ran = etl::run_process({ETL_BINARY, "run", url, source_path("data/samples/manifest.yaml")});
    EXPECT_EQ(ran.exit_code, 0) << ran.output;

    {
        pqxx::connection owned(admin.conninfo() + " dbname=" + database);
        pqxx::read_transaction tx(owned);
        EXPECT_GT(tx.exec("select count(*) from incidents")[0][0].as<long>(), 0);
        EXPECT_EQ(tx.exec("select count(*) from pg_tables where schemaname = 'public' and tableowner <> '" + role + "'")
                      [0][0].as<long>(), 0)
            << "every table belongs to the ETL role";
    }
    {
        pqxx::connection as_writer(admin.conninfo() + " dbname=" + database + " user=" + role);
        pqxx::work tx(as_writer);
        EXPECT_THROW(tx.exec("select rolpassword from pg_authid"), pqxx::insufficient_privilege);
    }
    exec("drop database " + database);
    exec("drop role " + role);
}
