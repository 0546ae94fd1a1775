#include "core/errors.hpp"
#include "load/migrations.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using etl::test::test_database;

TEST(Migrations, AppliedOnceAndRecordedWithChecksums)
{
    test_database db; // applies schema/
    auto const files = etl::load::list_migrations(etl::test::source_path("schema"));
    ASSERT_FALSE(files.empty());
    EXPECT_EQ(db.count("schema_migrations"), static_cast<long>(files.size()));
    EXPECT_TRUE(etl::load::apply_migrations(db.conn(), etl::test::source_path("schema")).empty());
    EXPECT_NO_THROW(etl::load::require_current_schema(db.conn(), etl::test::source_path("schema")));
    EXPECT_EQ(db.scalar("select checksum from schema_migrations where version = '001'"), files[0].checksum);
}

TEST(Migrations, RefusesWhenAnAppliedFileChanged)
{
    test_database db;
    auto const dir = fs::temp_directory_path() / ("etl_schema_" + db.name());
    fs::create_directories(dir);
    for (auto const &f : etl::load::list_migrations(etl::test::source_path("schema")))
        fs::copy_file(f.path, dir / f.name);
    std::ofstream(dir / "001_core_tables.sql", std::ios::app) << "\n-- edited after it was applied\n";
    try {
        etl::load::apply_migrations(db.conn(), dir.string());
        ADD_FAILURE() << "an edited migration must be refused";
    } catch (etl::db_error const &e) {
        EXPECT_NE(std::string(e.what()).find("001_core_tables.sql has changed"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}

TEST(Migrations, ChecksConstraintsHold)
{
    test_database db;
    pqxx::work tx(db.conn());
    tx.exec0("insert into etl_runs (config_hash, program_version) values ('x', 'test')");
    EXPECT_THROW(tx.exec0("insert into incidents (incident_id, source_count, killed_low, killed_best, killed_high,"
                          " created_run, updated_run) select 'i', 1, 5, 3, 9, run_id, run_id from etl_runs"),
                 pqxx::check_violation);
}
