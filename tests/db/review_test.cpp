// Analyst review against a real database: merge and split record decisions that later runs
// respect, each link keeps the evidence that made it, and explain-incident shows both.

#include "core/errors.hpp"
#include "load/run_log.hpp"
#include "pipeline.hpp"
#include "review.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

using etl::test::source_path;
using etl::test::test_database;

namespace {

std::string const mogadishu = source_path("tests/data/inputs/review/mogadishu.jsonl");

long recorded_run(test_database &db, std::vector<std::string> const &what)
{
    return etl::load::start_run(db.conn(), what, db.config().hash());
}

void run(test_database &db)
{
    db.run({mogadishu});
}

std::string incident_of(test_database &db, std::string const &article)
{
    return db.scalar("select incident_id from report_links where article_id = '" + article + "'");
}

/// Forgets a report's link, as an interrupted run would leave it: the next run deduplicates it again.
void unlink(test_database &db, std::string const &article)
{
    pqxx::work tx(db.conn());
    tx.exec0("delete from report_links where article_id = '" + article + "'");
    tx.commit();
}

} // namespace

TEST(Review, EachJoinKeepsThePairScoresThatMadeIt)
{
    test_database db;
    run(db);
    // r-1 and r-2 tell the 14 October 2017 truck bombing; r-3 the hotel siege two weeks later.
    ASSERT_EQ(incident_of(db, "r-1"), incident_of(db, "r-2"));
    ASSERT_NE(incident_of(db, "r-1"), incident_of(db, "r-3"));
    EXPECT_EQ(db.scalar("select score is null and join_evidence is null from report_links where article_id = 'r-1'"), "t")
        << "the founding report has no reason to join";
    EXPECT_EQ(db.scalar("select join_evidence->>'summary' from report_links where article_id = 'r-2'")
                  .rfind("r-2#0 joins r-1#0 (average ", 0),
              0u);
    EXPECT_EQ(db.scalar("select join_evidence->'pairs'->0->'fields'->'date'->>'level' from report_links"
                        " where article_id = 'r-2'"),
              "same_day");
    EXPECT_GE(std::stod(db.scalar("select score from report_links where article_id = 'r-2'")),
              6.0); // decision.match_threshold in config/dedup.yaml

    auto const text = etl::explain_incident(db.config(), db.conn(), incident_of(db, "r-1"), true);
    for (auto const *expected : {"r-1#0  hornwire.example, published 2017-10-15", "founded the incident",
                                 "r-2#0 joins r-1#0", "r-2#0 ~ r-1#0 score", "place same_city +3.00",
                                 "pair scores with the current settings", "[match]"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing in:\n" << text;
    EXPECT_THROW(etl::explain_incident(db.config(), db.conn(), "inc-none", false), etl::usage_error);
}

TEST(Review, SplitReportsStayApartInLaterRuns)
{
    test_database db;
    run(db);
    auto const bombing = incident_of(db, "r-1");
    auto const outcome =
        etl::split_incident(db.config(), db.conn(), bombing, {{"r-2", 0}}, "wrong event", recorded_run(db, {"split"}));
    ASSERT_EQ(outcome.now_in.size(), 1u);
    EXPECT_NE(outcome.now_in[0], bombing);
    EXPECT_EQ(incident_of(db, "r-2"), outcome.now_in[0]);
    EXPECT_EQ(incident_of(db, "r-1"), bombing) << "the incident keeps its id";
    EXPECT_EQ(db.count("dedup_overrides", "decision = 'different' and note = 'wrong event'"), 1);
    EXPECT_EQ(db.scalar("select source_count || ' ' || killed_best from incidents where incident_id = '" + bombing + "'"),
              "1 230")
        << "canonical values recomputed without r-2";

    unlink(db, "r-2");
    run(db);
    EXPECT_NE(incident_of(db, "r-2"), bombing) << "a later run respects the decision";
    EXPECT_EQ(db.count("report_links"), db.count("incident_reports"));
}

TEST(Review, MergedIncidentsStayTogetherInLaterRuns)
{
    test_database db;
    run(db);
    auto const bombing = incident_of(db, "r-1");
    auto const siege = incident_of(db, "r-3");
    auto const outcome =
        etl::merge_incidents(db.config(), db.conn(), {bombing, siege}, "", recorded_run(db, {"merge"}));
    EXPECT_EQ(outcome.incident_id, bombing);
    EXPECT_EQ(outcome.reports_moved, 1u);
    EXPECT_EQ(incident_of(db, "r-3"), bombing);
    EXPECT_EQ(db.count("incidents"), 1);
    EXPECT_EQ(db.scalar("select source_count || ' ' || killed_low || ' ' || killed_high from incidents"), "3 23 276");
    EXPECT_EQ(db.scalar("select join_evidence->>'analyst' from report_links where article_id = 'r-3'"), "true");

    unlink(db, "r-3");
    run(db);
    EXPECT_EQ(incident_of(db, "r-3"), bombing) << "a later run respects the decision";
    auto const text = etl::explain_incident(db.config(), db.conn(), bombing, false);
    EXPECT_NE(text.find("same  r-1#0 ~ r-3#0"), std::string::npos) << text;
    EXPECT_NE(text.find("by analyst decision"), std::string::npos) << text;
}

TEST(Review, MergeThenSplitReplacesTheEarlierDecision)
{
    test_database db;
    run(db);
    auto const bombing = incident_of(db, "r-1");
    etl::merge_incidents(db.config(), db.conn(), {bombing, incident_of(db, "r-3")}, "", recorded_run(db, {"merge"}));
    etl::split_incident(db.config(), db.conn(), bombing, {{"r-3", 0}}, "", recorded_run(db, {"split"}));
    EXPECT_EQ(db.count("dedup_overrides", "decision = 'same'"), 0);
    EXPECT_EQ(db.count("dedup_overrides", "decision = 'different'"), 2);
    EXPECT_NE(incident_of(db, "r-3"), bombing);
    EXPECT_EQ(db.count("incidents"), 2);
}

TEST(Review, BadRequestsAreRefusedWithoutChanges)
{
    test_database db;
    run(db);
    auto const bombing = incident_of(db, "r-1");
    auto const cfg = db.config();
    EXPECT_THROW(etl::merge_incidents(cfg, db.conn(), {bombing}, "", 1), etl::usage_error);
    EXPECT_THROW(etl::merge_incidents(cfg, db.conn(), {bombing, bombing}, "", 1), etl::usage_error);
    EXPECT_THROW(etl::merge_incidents(cfg, db.conn(), {bombing, "inc-none"}, "", 1), etl::usage_error);
    EXPECT_THROW(etl::split_incident(cfg, db.conn(), bombing, {{"r-3", 0}}, "", 1), etl::usage_error);
    EXPECT_THROW(etl::split_incident(cfg, db.conn(), bombing, {{"r-1", 0}, {"r-2", 0}}, "", 1), etl::usage_error);
    EXPECT_THROW(etl::parse_report_ref("r-1"), etl::usage_error);
    EXPECT_THROW(etl::parse_report_ref("r-1#x"), etl::usage_error);
    EXPECT_EQ(etl::parse_report_ref("a#b#2").article_id, "a#b");
    EXPECT_EQ(db.count("dedup_overrides"), 0);
    EXPECT_EQ(db.count("incidents"), 2);
}
