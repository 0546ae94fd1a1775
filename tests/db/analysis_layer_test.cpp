// The analysis layer (sql/analysis) over the sample corpus: marts hold every incident, run after
// run; dashboards read materialized views refreshed at the end of each run; the quality checks
// pass and their count is recorded; `migrate` rebuilds the layer only when its files change.

#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "load/analysis_layer.hpp"
#include "load/bi_role.hpp"
#include "load/run_log.hpp"
#include "pipeline.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

using etl::test::source_path;
using etl::test::test_database;

namespace {

std::string const samples = source_path("data/samples/manifest.yaml");
std::string const analysis_dir = source_path("sql/analysis");

long run(test_database &db, std::vector<std::string> const &inputs) { return db.run(inputs).run_id; }

} // namespace

TEST(AnalysisLayer, MartsHoldEveryIncidentAfterARun)
{
    test_database db;
    auto const id = run(db, {samples});
    EXPECT_GT(db.count("incidents"), 0);
    EXPECT_EQ(db.count("marts.fct_incidents"), db.count("incidents"));
    EXPECT_EQ(db.count("marts.fct_incident_reports"), db.count("incident_reports"));
    EXPECT_EQ(db.count("marts.fct_incidents", "country_name is null and country is not null"), 0)
        << "every country has its name";
    EXPECT_EQ(db.count("marts.fct_incidents f", "not exists (select 1 from marts.dim_actor a where a.actor_key = f.actor_key)"),
              0);
    EXPECT_EQ(db.count("marts.fct_incidents f",
                       "not exists (select 1 from marts.dim_location l where l.location_key = f.location_key)"),
              0);
    EXPECT_EQ(db.count("marts.fct_incidents f",
                       "date_start is not null and not exists (select 1 from marts.dim_date d where d.date = f.date_start)"),
              0);
    EXPECT_EQ(db.scalar("select sum(incidents) from marts.agg_incidents_by_month_country"),
              db.scalar("select count(*) from incidents where date_start is not null"));
    EXPECT_EQ(db.scalar("select sum(killed) from marts.agg_incidents_by_month_group"),
              db.scalar("select coalesce(sum(killed_best), 0) from incidents where date_start is not null"));
    EXPECT_EQ(db.count("marts.dim_actor", "actor = 'Haqqani Network' and parent = 'Taliban' and top_group = 'Taliban'"),
              1)
        << "the lexicon's parent groups reach dim_actor";
    EXPECT_EQ(db.scalar("select quality_failures from etl_runs where run_id = " + std::to_string(id)), "0");
    EXPECT_EQ(db.scalar("select sum(failures) from quality.summary"), "0");
}

TEST(AnalysisLayer, ASecondRunRefreshesTheMaterializedViews)
{
    test_database db;
    run(db, {source_path("data/samples/manifest_early.yaml")});
    auto const early = db.count("marts.fct_incidents");
    run(db, {samples});
    EXPECT_GT(db.count("marts.fct_incidents"), early);
    EXPECT_EQ(db.count("marts.fct_incidents"), db.count("incidents"));
    EXPECT_EQ(db.count("marts.agg_source_disagreement"), db.count("incidents", "source_count >= 2"));
}

TEST(AnalysisLayer, QualityChecksReturnTheFailingRows)
{
    test_database db;
    run(db, {samples});
    {
        pqxx::work tx(db.conn());
        // An incident whose reports were all unlinked behind the ETL's back.
        tx.exec0("delete from report_links where incident_id = (select min(incident_id) from incidents)");
        tx.commit();
    }
    EXPECT_EQ(db.count("quality.incident_without_reports"), 1);
    EXPECT_GE(db.count("quality.report_without_incident"), 1);
    {
        // A link to a report that is gone, as on Citus, where no foreign key forbids it
        // (docs/scaling.md): replica mode skips the foreign-key triggers.
        pqxx::work tx(db.conn());
        tx.exec0("set local session_replication_role = replica");
        tx.exec0("insert into report_links (article_id, ordinal, incident_id, linked_run)"
                 " select 'no-such-article', 0, max(incident_id), max(created_run) from incidents");
        tx.commit();
    }
    EXPECT_EQ(db.count("quality.link_without_report"), 1);
    EXPECT_EQ(db.count("quality.report_in_two_incidents"), 0) << "the primary key still holds here";
    long total = 0;
    for (auto const &[check, n] : etl::load::quality_failures(db.conn()))
        total += n;
    EXPECT_GE(total, 3);
}

TEST(AnalysisLayer, RebuiltOnlyWhenItsFilesChange)
{
    test_database db; // built it
    EXPECT_FALSE(etl::load::rebuild_analysis_layer(db.conn(), analysis_dir));
    EXPECT_NO_THROW(etl::load::require_current_analysis_layer(db.conn(), analysis_dir));
    EXPECT_TRUE(etl::load::rebuild_analysis_layer(db.conn(), analysis_dir, true));
    {
        pqxx::work tx(db.conn());
        tx.exec0("update analysis_layer set checksum = repeat('0', 64)");
        tx.commit();
    }
    EXPECT_THROW(etl::load::require_current_analysis_layer(db.conn(), analysis_dir), etl::db_error);
    EXPECT_TRUE(etl::load::rebuild_analysis_layer(db.conn(), analysis_dir));
    EXPECT_NO_THROW(etl::load::require_current_analysis_layer(db.conn(), analysis_dir));
}

namespace {
/// The stored verifier of a role recomputed with our code from its salt and iteration count.
void expect_verifier_of(test_database &db, std::string const &role, std::string const &password)
{
    auto const stored = db.scalar("select rolpassword from pg_authid where rolname = '" + role + "'");
    ASSERT_EQ(stored.rfind("SCRAM-SHA-256$", 0), 0u) << stored;
    auto const colon = stored.find(':'), dollar = stored.find('$', colon);
    int const iterations = std::stoi(stored.substr(14, colon - 14));
    auto const salt = etl::base64_decode(stored.substr(colon + 1, dollar - colon - 1));
    EXPECT_EQ(etl::scram_sha256_verifier(password, salt, iterations), stored);
}
} // namespace

TEST(AnalysisLayer, PasswordVerifiersAreComputedAsPostgresDoes)
{
    test_database db;
    std::string const role = "etl_scram_check_" + db.name().substr(db.name().size() - 6);
    auto const exec = [&](std::string const &sql) { pqxx::nontransaction(db.conn()).exec0(sql); };
    exec("drop role if exists " + role);
    exec("create role " + role + " password 'Nightly-run 7!'"); // the server hashes this one
    expect_verifier_of(db, role, "Nightly-run 7!");
    exec("drop role " + role);

    etl::load::enable_bi_login(db.conn(), "bi-test-password"); // and this one is hashed by us
    expect_verifier_of(db, "incident_bi", "bi-test-password");
}

TEST(AnalysisLayer, TheBiRoleReadsTheMartsAndNothingElse)
{
    test_database db;
    run(db, {samples});
    etl::load::enable_bi_login(db.conn(), "bi-test-password");
    // libpq takes the last value of a repeated keyword
    pqxx::connection bi(db.conninfo() + " user=incident_bi password=bi-test-password");
    {
        pqxx::read_transaction tx(bi);
        EXPECT_EQ(tx.exec("select count(*) from marts.fct_incidents")[0][0].as<long>(), db.count("incidents"));
        EXPECT_GT(tx.exec("select count(*) from marts.agg_incidents_by_month_country")[0][0].as<long>(), 0);
    }
    auto const refused = [&](std::string const &sql) {
        try {
            pqxx::work tx(bi);
            tx.exec0(sql);
            tx.commit();
            return false;
        } catch (pqxx::insufficient_privilege const &) {
            return true;
        }
    };
    EXPECT_TRUE(refused("select count(*) from public.incidents")) << "raw tables are closed";
    EXPECT_TRUE(refused("select count(*) from public.articles"));
    EXPECT_TRUE(refused("select count(*) from staging.stg_incidents"));
    EXPECT_TRUE(refused("select count(*) from quality.summary"));
    EXPECT_TRUE(refused("delete from marts.fct_incidents")) << "the marts are read-only";
    EXPECT_TRUE(refused("refresh materialized view marts.fct_incidents"));
    EXPECT_TRUE(refused("create table marts.scratch (a int)"));
}
