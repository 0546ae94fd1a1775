// The whole pipeline into a real PostgreSQL database: idempotent re-runs, changed articles,
// rejected inputs, and incremental runs that end with the same incidents as one run.

#include "load/run_log.hpp"
#include "pipeline.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

using etl::test::source_path;
using etl::test::test_database;

namespace {

etl::load::run_counts run(test_database &db, std::vector<std::string> const &inputs) { return db.run(inputs).counts; }

/// Every incident as the sorted list of its report keys: the clustering, independent of ids.
std::string clustering(test_database &db)
{
    return db.scalar("select string_agg(members, ' | ' order by members) from ("
                     " select string_agg(article_id || '#' || ordinal, ',' order by article_id, ordinal) as members"
                     " from report_links group by incident_id) c");
}

std::string const samples = source_path("data/samples/manifest.yaml");

} // namespace

TEST(Pipeline, LoadsSamplesAndSecondRunLoadsNothingNew)
{
    test_database db;
    auto const first = run(db, {samples});
    EXPECT_GT(first.articles_new, 10);
    EXPECT_EQ(first.articles_rejected, 0);
    EXPECT_GT(first.reports_extracted, 0);
    EXPECT_GT(first.incidents_created, 0);
    auto const articles = db.count("articles");
    auto const reports = db.count("incident_reports");
    auto const incidents = db.count("incidents");
    auto const links = db.count("report_links");
    EXPECT_EQ(reports, links) << "every report is linked to an incident after a run";

    auto const second = run(db, {samples});
    EXPECT_EQ(second.articles_new, 0);
    EXPECT_EQ(second.articles_changed, 0);
    EXPECT_EQ(second.articles_unchanged, first.articles_new);
    EXPECT_EQ(second.incidents_created + second.incidents_updated + second.incidents_deleted, 0);
    EXPECT_EQ(db.count("articles"), articles);
    EXPECT_EQ(db.count("incident_reports"), reports);
    EXPECT_EQ(db.count("incidents"), incidents);
    EXPECT_EQ(db.count("etl_runs", "status = 'completed'"), 2);
}

TEST(Pipeline, SameEventFromTwoOutletsIsOneIncidentWithBothFigures)
{
    test_database db;
    run(db, {source_path("tests/data/inputs/articles.jsonl")});
    // j-1 and j-2 tell the same Maiduguri market bombing with 12 and 14 killed.
    EXPECT_EQ(db.scalar("select count(distinct incident_id) from report_links where article_id in ('j-1', 'j-2')"), "1");
    EXPECT_EQ(db.scalar("select killed_low || '-' || killed_high from incidents i join report_links l using "
                        "(incident_id) where l.article_id = 'j-1'"),
              "12-14");
    EXPECT_EQ(db.count("incident_reports", "article_id = 'j-3'"), 0) << "an article with no incident";
}

TEST(Pipeline, BadInputsAreRejectedWithReasonsAndTheRunGoesOn)
{
    test_database db;
    auto const counts = run(db, {source_path("tests/data/inputs/dir"), source_path("tests/data/inputs/articles.jsonl"),
                                 source_path("tests/data/inputs/missing.jsonl")});
    EXPECT_EQ(counts.articles_read, 5) << "two directory articles and three JSON Lines articles";
    EXPECT_EQ(db.count("articles"), 5);
    auto const reasons = db.scalar("select string_agg(reason, ' | ' order by input) from rejected_inputs");
    for (auto const *expected : {"empty article", "binary content", "invalid UTF-8", "invalid JSON",
                                 "'id' must be a string", "unparseable publication date", "input not found"})
        EXPECT_NE(reasons.find(expected), std::string::npos) << expected << " missing in: " << reasons;
    EXPECT_EQ(db.count("rejected_inputs"), counts.articles_rejected);
    EXPECT_EQ(db.count("rejected_inputs"), 8);
}

TEST(Pipeline, ChangedArticleReplacesItsReportsAndRefreshesTheIncident)
{
    test_database db;
    run(db, {source_path("tests/data/inputs/versions/v1.jsonl")});
    EXPECT_EQ(db.scalar("select killed from incident_reports where article_id = 'v-1'"), "3");
    auto const incident = db.scalar("select incident_id from report_links where article_id = 'v-1'");

    auto const counts = run(db, {source_path("tests/data/inputs/versions/v2.jsonl")});
    EXPECT_EQ(counts.articles_changed, 1);
    EXPECT_EQ(db.count("incident_reports", "article_id = 'v-1'"), 1);
    EXPECT_EQ(db.scalar("select killed from incident_reports where article_id = 'v-1'"), "5");
    EXPECT_EQ(db.scalar("select killed_best from incidents"), "5");
    EXPECT_EQ(db.count("incidents"), 1);
    EXPECT_EQ(db.count("incidents", "needs_refresh"), 0);
    EXPECT_EQ(db.scalar("select incident_id from report_links where article_id = 'v-1'"), incident)
        << "the incident keeps its id";
}

TEST(Pipeline, TwoRunsGiveTheSameIncidentsAsOne)
{
    test_database one;
    run(one, {samples});
    test_database two;
    // First the articles published before 2023, then all of them.
    run(two, {source_path("data/samples/manifest_early.yaml")});
    run(two, {samples});
    EXPECT_EQ(clustering(one), clustering(two));
    EXPECT_EQ(one.count("incidents"), two.count("incidents"));
}

TEST(Pipeline, ChangedFoundingArticleDoesNotReuseALiveIncidentId)
{
    // v-1 founds an incident that a second outlet joins; then v-1 is rewritten to tell a
    // different event. The old incident lives on with the other report, and the new one
    // must get an id of its own.
    test_database db;
    run(db, {source_path("tests/data/inputs/founding/first.jsonl")});
    ASSERT_EQ(db.count("incidents"), 1);
    auto const old_id = db.scalar("select incident_id from incidents");
    auto const counts = run(db, {source_path("tests/data/inputs/founding/second.jsonl")});
    EXPECT_EQ(counts.articles_changed, 1);
    EXPECT_EQ(db.count("incidents"), 2);
    EXPECT_EQ(db.scalar("select incident_id from report_links where article_id = 'f-2'"), old_id);
    EXPECT_NE(db.scalar("select incident_id from report_links where article_id = 'f-1'"), old_id);
    EXPECT_EQ(db.count("incidents i", "not exists (select 1 from report_links l where l.incident_id = i.incident_id)"),
              0);
}
