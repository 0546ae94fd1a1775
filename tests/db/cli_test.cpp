// The binary end to end against the test database: migrate, run, export.

#include "core/process.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

using etl::test::source_path;
using etl::test::test_database;

namespace {
etl::process_result cli(test_database const &db, std::vector<std::string> args)
{
    args.insert(args.begin(), {ETL_BINARY});
    args.push_back("--database-url=" + db.conninfo());
    return etl::run_process(args);
}
} // namespace

TEST(Cli, RunThenExportGivesEveryIncidentWithItsReports)
{
    test_database db;
    auto const run = cli(db, {"run", "--input", source_path("data/samples/manifest.yaml")});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("[info] dedup:"), std::string::npos) << "one summary line per stage";

    auto const exported = cli(db, {"export", "--log-level", "warn"});
    ASSERT_EQ(exported.exit_code, 0) << exported.output;
    std::istringstream lines(exported.output);
    std::string line;
    long incidents = 0, reports = 0;
    while (std::getline(lines, line)) {
        auto const j = nlohmann::json::parse(line);
        ++incidents;
        reports += static_cast<long>(j.at("reports").size());
        EXPECT_EQ(j.at("source_count").get<long>(), static_cast<long>(j.at("reports").size()));
        EXPECT_TRUE(j.contains("killed") && j["killed"].contains("best"));
    }
    EXPECT_EQ(incidents, db.count("incidents"));
    EXPECT_EQ(reports, db.count("incident_reports"));

    auto const csv = cli(db, {"export", "--format", "csv", "--log-level", "warn"});
    ASSERT_EQ(csv.exit_code, 0) << csv.output;
    EXPECT_EQ(csv.output.rfind("incident_id,date,", 0), 0u);
}

TEST(Cli, RunWithRejectionsExitsWithThree)
{
    test_database db;
    auto const run = cli(db, {"run", source_path("tests/data/inputs/dir")});
    EXPECT_EQ(run.exit_code, 3) << run.output;
    EXPECT_EQ(db.scalar("select status from etl_runs"), "completed_with_rejections");
}

TEST(Cli, RunRefusesADatabaseWithoutSchema)
{
    test_database db;
    {
        pqxx::work tx(db.conn());
        tx.exec0("drop table schema_migrations");
        tx.commit();
    }
    auto const run = cli(db, {"run", source_path("data/samples/manifest.yaml")});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.output.find("incident-etl migrate"), std::string::npos) << run.output;
}
