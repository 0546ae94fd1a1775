// The dedup corpus (tests/data/dedup_corpus) loaded as nightly runs load it: the earlier half of
// each file first, then everything. Reports of the second run must find the incidents of the
// first through the database's indexes and score as well as one run does.

#include "load/incident_store.hpp"
#include "load/run_log.hpp"
#include "pipeline.hpp"
#include "support/dedup_corpus.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

using etl::test::test_database;

namespace {

void run(test_database &db, std::vector<std::string> const &inputs) { db.run(inputs); }

etl::test::pairwise_score score(test_database &db, etl::test::dedup_corpus const &corpus,
                                std::vector<etl::incident> &incidents)
{
    pqxx::read_transaction tx(db.conn());
    etl::load::for_each_incident(tx, [&](etl::incident const &inc) { incidents.push_back(inc); });
    return etl::test::score_clustering(corpus, incidents);
}

/// The articles of each file published before that file's median publication date, in a
/// temporary directory.
std::vector<std::string> earlier_halves(std::vector<std::string> const &files, std::filesystem::path const &dir)
{
    std::vector<std::string> out;
    for (auto const &file : files) {
        std::vector<std::pair<std::string, std::string>> lines; // published, line
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);)
            if (!line.empty())
                lines.emplace_back(nlohmann::json::parse(line).value("published", ""), line);
        std::vector<std::string> dates;
        for (auto const &l : lines)
            dates.push_back(l.first);
        std::sort(dates.begin(), dates.end());
        auto const median = dates[dates.size() / 2];
        auto const path = dir / std::filesystem::path(file).filename();
        std::ofstream outf(path);
        for (auto const &[published, line] : lines)
            if (published < median)
                outf << line << "\n";
        out.push_back(path.string());
    }
    return out;
}

} // namespace

TEST(DedupCorpusRuns, TwoNightlyRunsScoreLikeOne)
{
    auto const corpus = etl::test::load_dedup_corpus(std::string(ETL_TEST_DATA_DIR) + "/dedup_corpus");
    auto const dir = std::filesystem::temp_directory_path() / ("dedup_corpus_runs_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);

    test_database one;
    run(one, corpus.article_files);
    std::vector<etl::incident> one_incidents;
    auto const single = score(one, corpus, one_incidents);

    test_database two;
    run(two, earlier_halves(corpus.article_files, dir));
    auto const first_run_incidents = two.count("incidents");
    run(two, corpus.article_files);
    std::vector<etl::incident> two_incidents;
    auto const nightly = score(two, corpus, two_incidents);
    std::filesystem::remove_all(dir);

    std::cerr << "one run:  P " << single.precision() << " R " << single.recall() << " F1 " << single.f1() << "\n"
              << "two runs: P " << nightly.precision() << " R " << nightly.recall() << " F1 " << nightly.f1()
              << " (" << first_run_incidents << " incidents after the first)\n";
    EXPECT_GT(first_run_incidents, 0);
    EXPECT_EQ(two.count("report_links"), two.count("incident_reports"));
    EXPECT_GE(nightly.precision(), 0.97);
    EXPECT_GE(nightly.f1(), single.f1() - 0.05) << "a later run finds the stored incidents";
    EXPECT_GE(single.f1(), 0.95);
}
