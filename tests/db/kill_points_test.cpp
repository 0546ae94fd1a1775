// Crash safety: a run killed (SIGKILL) at any of the failpoints of a run, then run again, ends
// with the database an uninterrupted run produces; a run whose connection drops mid-way
// reconnects and finishes by itself. Compared with canonical_dump (run ids and times left out).

#include "core/process.hpp"
#include "support/canonical_dump.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

using etl::test::canonical_dump;
using etl::test::source_path;
using etl::test::test_database;

namespace {

// Two nights: the first loads the samples, three unusable files and two reports of one bombing;
// the second changes one of those articles and adds another, so it updates and deletes incidents.
std::vector<std::string> const first_night{source_path("data/samples/manifest.yaml"),
                                           source_path("tests/data/inputs/dir"),
                                           source_path("tests/data/inputs/founding/first.jsonl")};
std::vector<std::string> const second_night{source_path("tests/data/inputs/founding/second.jsonl"),
                                            source_path("tests/data/inputs/articles.jsonl")};

etl::process_result run(test_database const &db, std::vector<std::string> const &inputs,
                        std::string const &failpoint = {})
{
    std::vector<std::string> args{"env"};
    if (!failpoint.empty())
        args.push_back("ETL_FAILPOINT=" + failpoint);
    // Small batches, so that a run has several. --wait: the server notices a killed client only
    // when its backend next talks to it, so the backend of a run killed mid-statement keeps the
    // writer lock until that statement ends (and is then rolled back).
    for (auto const &a : {std::string(ETL_BINARY), std::string("run"), std::string("--batch-size"), std::string("4"),
                          std::string("--wait"), "--database-url=" + db.conninfo()})
        args.push_back(a);
    args.insert(args.end(), inputs.begin(), inputs.end());
    return etl::run_process(args);
}

constexpr int exit_with_rejections = 3;
constexpr int killed = 128 + 9;

/// The dumps after each night of an uninterrupted pair of runs.
struct uninterrupted {
    std::string after_first;
    std::string after_second;
};

uninterrupted const &baseline()
{
    static uninterrupted const dumps = [] {
        test_database db;
        uninterrupted d;
        EXPECT_EQ(run(db, first_night).exit_code, exit_with_rejections);
        d.after_first = canonical_dump(db.conn());
        EXPECT_EQ(run(db, second_night).exit_code, exit_with_rejections);
        d.after_second = canonical_dump(db.conn());
        return d;
    }();
    return dumps;
}

struct kill_point {
    int night;          ///< 1 or 2: the run that is killed
    std::string spec;   ///< ETL_FAILPOINT: NAME[:HIT]
};

std::ostream &operator<<(std::ostream &os, kill_point const &k) { return os << "night " << k.night << " " << k.spec; }

class KillPoints : public testing::TestWithParam<kill_point> {};

} // namespace

TEST_P(KillPoints, RerunAfterSigkillEndsWithTheUninterruptedDatabase)
{
    auto const &[night, spec] = GetParam();
    test_database db;
    if (night == 2) {
        ASSERT_EQ(run(db, first_night).exit_code, exit_with_rejections);
    }
    auto const &inputs = night == 1 ? first_night : second_night;

    auto const cut = run(db, inputs, spec);
    ASSERT_EQ(cut.exit_code, killed) << "the failpoint was not reached:\n" << cut.output;
    EXPECT_EQ(db.scalar("select status from etl_runs order by run_id desc limit 1"), "running");

    auto const rerun = run(db, inputs);
    ASSERT_EQ(rerun.exit_code, exit_with_rejections) << rerun.output;
    EXPECT_NE(rerun.output.find("marked abandoned"), std::string::npos) << rerun.output;
    EXPECT_EQ(db.count("etl_runs", "status = 'abandoned'"), 1);
    EXPECT_EQ(db.count("etl_runs", "status = 'running'"), 0);

    auto const &expected = night == 1 ? baseline().after_first : baseline().after_second;
    EXPECT_EQ(canonical_dump(db.conn()), expected);
}

INSTANTIATE_TEST_SUITE_P(
    EveryStage, KillPoints,
    testing::Values(kill_point{1, "run.started"},           // before any batch
                    kill_point{1, "batch.read:2"},          // after one batch is stored
                    kill_point{1, "articles.copy:6"},       // inside the second batch's COPY of articles
                    kill_point{1, "reports.copy:3"},        // inside a COPY of reports
                    kill_point{1, "batch.before_commit:3"}, // a batch written, not committed
                    kill_point{1, "batch.committed:4"},     // right after a commit
                    kill_point{1, "dedup.candidates_loaded"},
                    kill_point{1, "incidents.copy:3"},      // inside the COPY of incidents
                    kill_point{1, "dedup.before_commit"},
                    kill_point{1, "dedup.committed"},       // incidents saved, views not refreshed
                    kill_point{1, "refresh.view:3"},        // in the middle of the refresh
                    kill_point{1, "refresh.committed"},
                    kill_point{1, "run.before_finish"},
                    kill_point{2, "articles.copy"},         // a changed article half stored
                    kill_point{2, "incidents.copy:2"},      // stored incidents half updated
                    kill_point{2, "dedup.before_commit"},
                    kill_point{2, "refresh.view:5"}),
    [](testing::TestParamInfo<kill_point> const &info) {
        std::string name = "night" + std::to_string(info.param.night) + "_" + info.param.spec;
        for (auto &c : name)
            if (!std::isalnum(static_cast<unsigned char>(c)))
                c = '_';
        return name;
    });

TEST(ConnectionLoss, ARunReconnectsAndFinishesWithTheSameDatabase)
{
    for (auto const *spec : {"batch.before_commit:2@disconnect", "dedup.candidates_loaded@disconnect",
                             "refresh.view:2@disconnect"}) {
        test_database db;
        auto const result = run(db, first_night, spec);
        EXPECT_EQ(result.exit_code, exit_with_rejections) << spec << "\n" << result.output;
        EXPECT_NE(result.output.find("reconnected to"), std::string::npos) << spec << "\n" << result.output;
        EXPECT_EQ(db.count("etl_runs"), 1) << spec;
        EXPECT_EQ(db.scalar("select status from etl_runs"), "completed_with_rejections") << spec;
        EXPECT_EQ(canonical_dump(db.conn()), baseline().after_first) << spec;
    }
}

TEST(ConnectionLoss, AServerRestartMidRunIsRiddenOut)
{
    test_database db;
    // the server's own data folder and the account that owns it (pg_ctl refuses to run as root)
    auto const data_dir = db.scalar("show data_directory");
    struct stat owner {};
    ASSERT_EQ(::stat(data_dir.c_str(), &owner), 0) << data_dir;
    // -l: the restarted server must not inherit our output pipe, or reading it never ends
    std::vector<std::string> pg_ctl{"/usr/lib/postgresql/15/bin/pg_ctl", "-D", data_dir, "-l", "/dev/null", "-m", "fast",
                                    "-w", "restart"};
    if (::getuid() == 0 && owner.st_uid != 0) {
        auto const user = etl::run_process({"id", "-nu", std::to_string(owner.st_uid)}).output;
        pg_ctl.insert(pg_ctl.begin(), {"runuser", "-u", user.substr(0, user.find('\n')), "--"});
    }
    auto const pid = db.scalar("select pg_backend_pid()");

    // the run pauses after its second batch; the server restarts meanwhile
    auto running = std::async(std::launch::async, [&] { return run(db, first_night, "batch.committed:2@pause:4000"); });
    for (int i = 0; i < 200 && db.count("articles") < 8; ++i) // two batches of four committed
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_GE(db.count("articles"), 8);
    auto const restarted = etl::run_process(pg_ctl);
    ASSERT_EQ(restarted.exit_code, 0) << restarted.output;
    auto const result = running.get();

    db.reconnect();
    EXPECT_NE(db.scalar("select pg_backend_pid()"), pid) << "the server did restart";
    EXPECT_EQ(result.exit_code, exit_with_rejections) << result.output;
    EXPECT_NE(result.output.find("reconnected to"), std::string::npos) << result.output;
    EXPECT_EQ(db.scalar("select status from etl_runs"), "completed_with_rejections");
    EXPECT_EQ(canonical_dump(db.conn()), baseline().after_first);
}
