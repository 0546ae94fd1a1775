// The binary end to end against the test database: migrate, run, export.

#include "core/errors.hpp"
#include "core/process.hpp"
#include "load/runner_lock.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <optional>
#include <thread>
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

TEST(Cli, ExportWritesAnyMartAsCsvOrJsonLines)
{
    test_database db;
    ASSERT_EQ(cli(db, {"run", "--input", source_path("data/samples/manifest.yaml")}).exit_code, 0);
    auto const csv = cli(db, {"export", "--table", "fct_incidents", "--format", "csv", "--log-level", "warn"});
    ASSERT_EQ(csv.exit_code, 0) << csv.output;
    EXPECT_EQ(csv.output.rfind("incident_id,date_start,date_end,", 0), 0u) << csv.output.substr(0, 200);
    EXPECT_EQ(std::count(csv.output.begin(), csv.output.end(), '\n'), db.count("incidents") + 1) << "header + rows";

    auto const jsonl = cli(db, {"export", "--table", "agg_incidents_by_month_country", "--log-level", "warn"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.output;
    std::istringstream lines(jsonl.output);
    long rows = 0, incidents = 0;
    for (std::string line; std::getline(lines, line); ++rows)
        incidents += nlohmann::json::parse(line).at("incidents").get<long>(); // typed: a number
    EXPECT_EQ(rows, db.count("marts.agg_incidents_by_month_country"));
    EXPECT_EQ(incidents, db.count("incidents", "date_start is not null"));

    auto const unknown = cli(db, {"export", "--table", "incidents"});
    EXPECT_EQ(unknown.exit_code, 2) << "raw tables are not marts";
    EXPECT_NE(unknown.output.find("no mart named 'incidents'"), std::string::npos) << unknown.output;
}

TEST(Cli, OneWriterAtATime)
{
    test_database db;
    pqxx::connection other(db.conninfo());
    std::optional<etl::load::runner_lock> held;
    held.emplace(other, false); // a run in progress elsewhere
    auto const refused = cli(db, {"run", "--input", source_path("data/samples/manifest.yaml")});
    EXPECT_EQ(refused.exit_code, 4) << "OUTPUT: " << refused.output;
    EXPECT_NE(refused.output.find("another incident-etl run, merge or split is changing this database (pid "),
              std::string::npos)
        << refused.output;
    EXPECT_EQ(db.count("etl_runs"), 0) << "a refused run leaves no trace";
    EXPECT_THROW(etl::load::runner_lock(db.conn(), false), etl::busy_error);

    // SIGTERM ends a wait for the lock
    auto const stopped = etl::run_process({"timeout", "--preserve-status", "-s", "TERM", "1", ETL_BINARY, "run",
                                           "--wait", "--database-url=" + db.conninfo(),
                                           source_path("data/samples/manifest.yaml")});
    EXPECT_EQ(stopped.exit_code, 143) << stopped.output;
    EXPECT_NE(stopped.output.find("while waiting for the writer lock"), std::string::npos) << stopped.output;
    EXPECT_EQ(db.count("etl_runs"), 0);

    // --wait waits for the holder instead
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        held.reset();
    });
    auto const waited = cli(db, {"run", "--wait", "--input", source_path("data/samples/manifest.yaml")});
    release.join();
    EXPECT_EQ(waited.exit_code, 0) << waited.output;
    EXPECT_EQ(db.count("etl_runs", "status = 'completed'"), 1);
}

TEST(Cli, StatusShowsTheLatestRunsAndExitsWithTheLatestOutcome)
{
    test_database db;
    auto const empty = cli(db, {"status"});
    EXPECT_EQ(empty.exit_code, 0) << empty.output;
    EXPECT_NE(empty.output.find("no run recorded yet"), std::string::npos) << empty.output;

    ASSERT_EQ(cli(db, {"run", source_path("tests/data/inputs/dir")}).exit_code, 3);
    auto const rejected = cli(db, {"status", "--log-level", "warn"});
    EXPECT_EQ(rejected.exit_code, 3) << rejected.output;
    EXPECT_NE(rejected.output.find("completed_with_rejections"), std::string::npos) << rejected.output;
    EXPECT_NE(rejected.output.find("writer lock: free"), std::string::npos) << rejected.output;

    ASSERT_EQ(cli(db, {"run", source_path("data/samples/manifest.yaml")}).exit_code, 0);
    EXPECT_EQ(cli(db, {"status"}).exit_code, 0);
    {
        pqxx::work tx(db.conn());
        tx.exec0("update etl_runs set quality_failures = 2 where run_id = (select max(run_id) from etl_runs)");
        tx.commit();
    }
    EXPECT_EQ(cli(db, {"status"}).exit_code, 5) << "data-quality failures";
    {
        pqxx::work tx(db.conn());
        tx.exec0("insert into etl_runs (config_hash, program_version) values ('x', 'test')"); // left 'running'
        tx.commit();
    }
    EXPECT_EQ(cli(db, {"status"}).exit_code, 1) << "a run left running by a process that is gone";
}

namespace {

/// `copies` articles cycling through the sample texts, each with its own id, as JSON Lines.
std::string many_articles(std::string const &dir, int copies)
{
    std::vector<std::string> texts;
    for (auto const &entry : std::filesystem::directory_iterator(source_path("data/samples/articles")))
        if (entry.path().extension() == ".txt") {
            std::ifstream in(entry.path());
            texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    std::sort(texts.begin(), texts.end());
    auto const path = dir + "/many.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < copies; ++i)
        out << nlohmann::json{{"id", "copy-" + std::to_string(i)},
                              {"published", "2024-03-2" + std::to_string(3 + i % 5)},
                              {"text", texts[static_cast<std::size_t>(i) % texts.size()]}}
                   .dump()
            << "\n";
    return path;
}

} // namespace

TEST(Cli, SigtermStopsAfterTheBatchAndARerunFinishesTheJob)
{
    auto const dir = std::filesystem::temp_directory_path() / ("etl_sigterm_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto const input = many_articles(dir.string(), 4000);

    test_database stopped;
    auto const cut = etl::run_process({"timeout", "--preserve-status", "-s", "TERM", "1", ETL_BINARY, "run",
                                       "--batch-size", "20", "--input", input,
                                       "--database-url=" + stopped.conninfo()});
    EXPECT_EQ(cut.exit_code, 143) << cut.output;
    EXPECT_EQ(stopped.scalar("select status from etl_runs"), "interrupted");
    auto const loaded = stopped.count("articles");
    EXPECT_GT(loaded, 0);
    EXPECT_LT(loaded, 4000);
    EXPECT_EQ(loaded % 20, 0) << "whole batches only";
    ASSERT_EQ(cli(stopped, {"run", "--input", input}).exit_code, 0);

    test_database whole;
    ASSERT_EQ(cli(whole, {"run", "--input", input}).exit_code, 0);
    for (auto const *query :
         {"select count(*) from articles", "select count(*) from incident_reports", "select count(*) from incidents",
          "select string_agg(incident_id || ':' || source_count || ':' || coalesce(killed_best, -1), ',' order by"
          " incident_id) from incidents",
          "select count(*) from marts.fct_incidents", "select sum(failures) from quality.summary"})
        EXPECT_EQ(stopped.scalar(query), whole.scalar(query)) << query;
    std::filesystem::remove_all(dir);
}
