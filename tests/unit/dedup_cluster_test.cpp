#include "dedup/dedup.hpp"
#include "dedup_report_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

using namespace etl;
using namespace etl::dedup;

namespace {

using test::report;

std::string const bombing = "Bombing/Explosion";
std::string const religious = "Religious Figures/Institutions";
std::string const school = "Educational Institution";
std::string const police = "Police";

attackers_compatible_fn const islamic_state_family = [](std::string const &x, std::string const &y) {
    auto const family = [](std::string const &n) { return n == "Islamic State" || n == "ISKP"; };
    return x == y || (family(x) && family(y));
};

/// The Kunduz mosque bombing as a first outlet reports it.
report mosque(std::string article)
{
    return std::move(report(std::move(article))
                         .day(2021, 10, 8)
                         .published(2021, 10, 8)
                         .at("AF", "Kunduz", "Kunduz")
                         .by("Islamic State")
                         .kind(bombing, religious)
                         .killed(46, count_qualifier::at_least)
                         .text("A suicide bomber attacked the Sayed Abad mosque in Kunduz during Friday prayers, "
                               "killing at least 46 worshippers."));
}

/// "article#ordinal" of each incident's reports, one incident per line.
std::string signature(dedup_result const &res)
{
    std::ostringstream out;
    for (auto const &inc : res.incidents) {
        out << '[' << inc.id << ']';
        for (auto const &r : inc.reports)
            out << ' ' << r.article_id << '#' << r.ordinal;
        out << " date=" << (inc.date ? inc.date->label() : "-") << " city=" << inc.location.city
            << " killed=" << inc.killed.best.value_or(-1) << '\n';
    }
    return out.str();
}

bool together(dedup_result const &res, std::string const &x, std::string const &y)
{
    for (auto const &inc : res.incidents) {
        bool hx = false, hy = false;
        for (auto const &r : inc.reports) {
            hx |= r.article_id == x;
            hy |= r.article_id == y;
        }
        if (hx && hy)
            return true;
    }
    return false;
}

} // namespace

TEST(DedupCluster, SameEventFromThreeOutletsMerges)
{
    auto const reuters = mosque("reuters");
    auto const ap = report("ap")
                        .month(2021, 10)
                        .published(2021, 10, 9)
                        .at("AF", "Kunduz", "Kunduz")
                        .by("ISKP")
                        .kind(bombing, religious)
                        .killed(50, count_qualifier::almost)
                        .text("Almost 50 Shiite worshippers died at the Sayed Abad Mosque this month.");
    auto const aljazeera = report("aljazeera")
                               .day(2021, 10, 9) // a day off: another time zone
                               .published(2021, 10, 10)
                               .at("AF", "Kunduz")
                               .kind(bombing, religious)
                               .killed(55)
                               .text("The bombing of a Shia mosque at Sayed Abad in Kunduz province killed 55.");
    auto const res = deduplicate({}, {aljazeera, reuters, ap}, {}, islamic_state_family);
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    auto const &inc = res.incidents[0];
    EXPECT_TRUE(inc.id.empty());
    EXPECT_EQ(inc.reports.size(), 3u);
    ASSERT_TRUE(inc.date);
    EXPECT_EQ(inc.date->label(), "2021-10-08");
    EXPECT_EQ(inc.location.city, "Kunduz");
    EXPECT_EQ(inc.killed.low, 46);
    EXPECT_EQ(inc.killed.best, 55);
    EXPECT_EQ(inc.killed.high, 55);
    EXPECT_EQ(res.stats.unions, 2u);
}

TEST(DedupCluster, SameCitySameWeekDifferentAttacksStayApart)
{
    auto const school_blast = report("tolo")
                                  .day(2022, 4, 19)
                                  .published(2022, 4, 19)
                                  .at("AF", "Kabul", "Kabul")
                                  .kind(bombing, school)
                                  .killed(6)
                                  .text("Blasts at the Abdul Rahim Shahid high school in Dasht-e-Barchi killed six.");
    auto const school_again = report("bbc")
                                  .day(2022, 4, 19)
                                  .published(2022, 4, 20)
                                  .at("AF", "Kabul", "Kabul")
                                  .kind(bombing, school)
                                  .killed(6, count_qualifier::at_least)
                                  .text("At least six were killed at Abdul Rahim Shahid school in west Kabul.");
    auto const mosque_blast = report("reuters")
                                  .day(2022, 4, 21)
                                  .published(2022, 4, 21)
                                  .at("AF", "Kabul", "Kabul")
                                  .kind(bombing, religious)
                                  .killed(31)
                                  .text("A blast tore through the Khalifa Sahib mosque in Kabul, killing 31.");
    auto const res = deduplicate({}, {school_blast, school_again, mosque_blast});
    ASSERT_EQ(res.incidents.size(), 2u) << signature(res);
    EXPECT_TRUE(together(res, "tolo", "bbc"));
    EXPECT_FALSE(together(res, "tolo", "reuters"));
    EXPECT_FALSE(together(res, "bbc", "reuters"));
}

TEST(DedupCluster, TwoReportsOfOneArticleNeverMerge)
{
    auto first = mosque("article");
    auto second = mosque("article");
    second.r.ordinal = 1;
    second.killed(12);
    auto const res = deduplicate({}, {first, second});
    EXPECT_EQ(res.incidents.size(), 2u) << signature(res);
    // Identical figures change nothing: the extractor said two incidents.
    second.killed(46, count_qualifier::at_least);
    EXPECT_EQ(deduplicate({}, {first, second}).incidents.size(), 2u);
}

TEST(DedupCluster, ThirdOutletJoinsOnlyOneOfAnArticlesTwoReports)
{
    auto first = mosque("article");
    auto second = mosque("article");
    second.r.ordinal = 1;
    second.killed(12);
    auto const other = mosque("other");
    auto const res = deduplicate({}, {first, second, other});
    ASSERT_EQ(res.incidents.size(), 2u) << signature(res);
    for (auto const &inc : res.incidents) {
        std::set<std::string> articles;
        for (auto const &r : inc.reports)
            EXPECT_TRUE(articles.insert(r.article_id).second) << signature(res);
    }
    // "other" says at least 46: it goes with ordinal 0 (at least 46), not ordinal 1 (12).
    auto const &joined = res.incidents[0].reports.size() == 2 ? res.incidents[0] : res.incidents[1];
    EXPECT_EQ(joined.reports[0].ordinal, 0);
}

TEST(DedupCluster, NoChainingThroughAVagueReport)
{
    // B is vague enough to match A and C; A and C are different attacks. The weights are the
    // test's own (a strong toll conflict), so that the clustering rule is what is tested.
    dedup_settings s;
    s.weights.killed.conflict = -4.0;
    s.weights.target_type.different = -3.0;
    auto const a = report("a").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul")
                       .kind(bombing, "Government (General)").killed(10);
    auto const b = report("b").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul").kind(bombing, "");
    auto const c = report("c").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul")
                       .kind(bombing, police).killed(30);
    ASSERT_TRUE(score_pair(a, b, s).is_match(s));
    ASSERT_TRUE(score_pair(b, c, s).is_match(s));
    ASSERT_FALSE(score_pair(a, c, s).is_match(s));
    auto const res = deduplicate({}, {a, b, c}, s);
    EXPECT_EQ(res.incidents.size(), 2u) << signature(res);
    EXPECT_FALSE(together(res, "a", "c"));
    EXPECT_GE(res.stats.rejected_unions, 1u);
}

TEST(DedupCluster, NoMemberMayVeto)
{
    // C matches B strongly but is another report of A's article.
    auto const a = mosque("x");
    auto const b = mosque("y");
    auto c = mosque("x");
    c.r.ordinal = 1;
    auto const res = deduplicate({}, {a, b, c});
    EXPECT_EQ(res.incidents.size(), 2u) << signature(res);
    for (auto const &inc : res.incidents)
        EXPECT_LE(inc.reports.size(), 2u);
}

TEST(DedupCluster, MemberMinimumScoreKeepsOutAConflictingReport)
{
    auto const a = report("a").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul")
                       .kind(bombing, "Government (General)").killed(10);
    auto const b = report("b").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul").kind(bombing, "");
    auto const c = report("c").day(2023, 3, 5).published(2023, 3, 5).at("AF", "Kabul", "Kabul")
                       .kind(bombing, police).killed(30);
    dedup_settings lenient; // weights of the test's own: A and C score 0.5
    lenient.weights.date.same_day = 3.5;
    lenient.weights.attack_type.same = 1.0;
    lenient.weights.killed.conflict = -4.0;
    lenient.weights.target_type.different = -3.0;
    lenient.decision.match_threshold = 3.0; // the average now passes ...
    lenient.decision.member_min_score = 1.0; // ... but A and C score below 1
    ASSERT_LT(score_pair(a, c, lenient).score, 1.0);
    auto const res = deduplicate({}, {a, b, c}, lenient);
    EXPECT_FALSE(together(res, "a", "c")) << signature(res);
    lenient.decision.member_min_score = 0.0;
    EXPECT_TRUE(together(deduplicate({}, {a, b, c}, lenient), "a", "c"));
}

TEST(DedupCluster, MonthPrecisionMeetsEveryDayOfItsMonth)
{
    auto const day = report("day").day(2021, 3, 31).published(2021, 3, 31).at("ML", "Mopti", "Sevare")
                         .kind("Armed Assault", "Military").killed(33);
    auto const month = report("month").month(2021, 3).published(2021, 4, 20).at("ML", "Mopti", "Sevare")
                           .kind("Armed Assault", "Military").killed(33);
    EXPECT_EQ(deduplicate({}, {day, month}).incidents.size(), 1u);
    auto const next_month = report("april").month(2021, 4).published(2021, 4, 20).at("ML", "Mopti", "Sevare")
                                .kind("Armed Assault", "Military").killed(33);
    EXPECT_EQ(deduplicate({}, {day, next_month}).incidents.size(), 2u) << "no slack for a month";
    auto const res = deduplicate({}, {day, month, next_month});
    EXPECT_FALSE(together(res, "month", "april"));
}

TEST(DedupCluster, DaySlackIsConfigurable)
{
    auto const a = mosque("a");
    auto const b = mosque("b").day(2021, 10, 10);
    EXPECT_EQ(deduplicate({}, {a, b}).incidents.size(), 1u);
    dedup_settings strict;
    strict.blocking.day_slack_days = 1;
    EXPECT_EQ(deduplicate({}, {a, b}, strict).incidents.size(), 2u);
}

TEST(DedupCluster, FollowUpAMonthLaterRaisingTheTollMerges)
{
    auto const original = mosque("reuters");
    auto const follow_up = report("tolo")
                               .undated()
                               .published(2021, 11, 7)
                               .at("AF", "Kunduz", "Kunduz")
                               .kind(bombing, religious)
                               .killed(72)
                               .text("The death toll from last month's bombing of the Sayed Abad mosque in Kunduz "
                                     "has risen to 72, officials said.");
    auto const res = deduplicate({}, {original, follow_up});
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    EXPECT_EQ(res.incidents[0].killed.low, 46);
    EXPECT_EQ(res.incidents[0].killed.best, 72);
    EXPECT_EQ(res.incidents[0].last_reported, (civil_date{2021, 11, 7}));
    ASSERT_EQ(res.joins.size(), 1u);
    EXPECT_TRUE(res.joins[0].pairs[0].weak);
    EXPECT_EQ(res.joins[0].pairs[0].killed.level, count_level::growth);

    // Dated to the month instead: an ordinary (not weak) pair.
    auto dated = follow_up;
    dated.month(2021, 10);
    EXPECT_EQ(deduplicate({}, {original, dated}).incidents.size(), 1u);
}

TEST(DedupCluster, FollowUpNeedsPlaceTargetAndToComeAfter)
{
    auto const original = mosque("reuters");
    auto follow_up = report("tolo").undated().published(2021, 11, 7).at("AF", "Kunduz", "Kunduz")
                         .kind(bombing, religious).killed(72)
                         .text("The death toll from last month's bombing of the Sayed Abad mosque has risen to 72.");
    auto elsewhere = follow_up;
    elsewhere.at("AF", "Kandahar", "Kandahar");
    EXPECT_EQ(deduplicate({}, {original, elsewhere}).incidents.size(), 2u);
    auto other_target = follow_up;
    other_target.kind(bombing, police).text("The toll of last month's attack on police has risen to 72.");
    EXPECT_EQ(deduplicate({}, {original, other_target}).incidents.size(), 2u);
    // an undated mention meets the reports of its place before its publication, however old
    // ("the 2021 bombing of the Sayed Abad mosque" told without its date years later) ...
    auto years_later = follow_up;
    years_later.published(2023, 3, 1);
    EXPECT_EQ(deduplicate({}, {original, years_later}).incidents.size(), 1u);
    // ... but none published after it
    auto too_early = follow_up;
    too_early.published(2021, 10, 1);
    EXPECT_EQ(deduplicate({}, {original, too_early}).incidents.size(), 2u);
}

TEST(DedupCluster, UndatedReportWithoutStrongSignalStaysApart)
{
    auto const original = mosque("reuters");
    auto const vague = report("blog").undated().published(2021, 10, 20).at("AF", "Kunduz", "Kunduz")
                           .kind(bombing, religious).text("Another attack on worshippers in Kunduz.");
    EXPECT_EQ(deduplicate({}, {original, vague}).incidents.size(), 2u);
}

TEST(DedupCluster, DifferentCountriesNeverMerge)
{
    auto const af = mosque("a");
    auto pk = mosque("b");
    pk.at("PK", "Kunduz", "Kunduz"); // same names, another country
    EXPECT_EQ(deduplicate({}, {af, pk}).incidents.size(), 2u);
}

TEST(DedupCluster, CountrylessReportMatchesOnlyItsCityOrNamesWithAStrongSignal)
{
    auto const original = mosque("reuters");
    auto countryless = mosque("wire");
    countryless.at("", "", "Kunduz");
    auto const res = deduplicate({}, {original, countryless});
    EXPECT_EQ(res.incidents.size(), 1u) << signature(res);
    EXPECT_EQ(res.incidents[0].location.country, "AF");

    // with no place at all, only a shared distinctive name can bring it to a candidate
    auto nowhere = mosque("nowhere");
    nowhere.at("", "", "");
    EXPECT_EQ(deduplicate({}, {original, nowhere}).incidents.size(), 1u) << "both name the Sayed Abad mosque";
    nowhere.text("A suicide bomber attacked a mosque during Friday prayers, killing at least 46 worshippers.");
    EXPECT_EQ(deduplicate({}, {original, nowhere}).incidents.size(), 2u) << "no name to look it up by";
    auto other_city = mosque("other");
    other_city.at("", "", "Herat");
    EXPECT_EQ(deduplicate({}, {original, other_city}).incidents.size(), 2u);
}

TEST(DedupCluster, FreshReportsAttachToExistingIncidents)
{
    existing_incident kunduz{"inc-kunduz", {mosque("reuters"), mosque("ap").killed(50, count_qualifier::almost)}};
    existing_incident kabul{"inc-kabul",
                            {report("tolo").day(2022, 4, 19).at("AF", "Kabul", "Kabul").kind(bombing, school)}};
    auto const late = mosque("aljazeera").killed(55).published(2021, 10, 10);
    auto const new_event = report("dawn").day(2021, 10, 15).published(2021, 10, 15).at("AF", "Kandahar", "Kandahar")
                               .kind(bombing, religious).killed(47);
    auto const res = deduplicate({kabul, kunduz}, {new_event, late});
    ASSERT_EQ(res.incidents.size(), 2u) << signature(res);
    EXPECT_EQ(res.incidents[0].id, "inc-kunduz");
    EXPECT_EQ(res.incidents[0].reports.size(), 3u);
    EXPECT_EQ(res.incidents[0].killed.best, 55);
    EXPECT_TRUE(res.incidents[1].id.empty());
    EXPECT_EQ(res.incidents[1].reports.at(0).article_id, "dawn");

    ASSERT_EQ(res.joins.size(), 1u);
    auto const &j = res.joins[0];
    EXPECT_EQ(j.incident, 0u);
    ASSERT_EQ(j.joining.size(), 1u);
    EXPECT_EQ(j.joining[0].article_id, "aljazeera");
    EXPECT_EQ(j.members.size(), 2u);
    EXPECT_EQ(j.pairs.size(), 2u);
    EXPECT_GE(j.average_score, dedup_settings{}.decision.match_threshold);
    EXPECT_LE(j.minimum_score, j.average_score);
    EXPECT_EQ(j.pairs[0].a.article_id, "aljazeera");
    auto const text = describe(j);
    EXPECT_EQ(text.rfind("incident 0: aljazeera#0 joins ap#0, reuters#0 (average ", 0), 0u) << text;
    EXPECT_NE(text.find("\n  aljazeera#0 ~ "), std::string::npos) << text;
}

TEST(DedupCluster, TwoExistingIncidentsAreNeverUnited)
{
    // The database holds the same event twice (an earlier run's miss); a fresh report fitting
    // both joins one of them and the two stay apart.
    existing_incident first{"inc-1", {mosque("reuters")}};
    existing_incident second{"inc-2", {mosque("ap")}};
    auto const res = deduplicate({first, second}, {mosque("bbc")});
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    EXPECT_EQ(res.incidents[0].reports.size(), 2u);
    EXPECT_FALSE(res.incidents[0].id.empty());
}

TEST(DedupCluster, FreshReportFromAnArticleAlreadyInTheIncidentCannotJoin)
{
    existing_incident stored{"inc-1", {mosque("reuters"), mosque("ap")}};
    auto second = mosque("reuters");
    second.r.ordinal = 1;
    auto const res = deduplicate({stored}, {second});
    ASSERT_EQ(res.incidents.size(), 1u);
    EXPECT_TRUE(res.incidents[0].id.empty());
}

TEST(DedupCluster, FreshClusterJoinsExistingAsAWhole)
{
    existing_incident stored{"inc-1", {mosque("reuters")}};
    auto const res = deduplicate({stored}, {mosque("ap"), mosque("bbc")});
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    EXPECT_EQ(res.incidents[0].id, "inc-1");
    EXPECT_EQ(res.incidents[0].reports.size(), 3u);
}

namespace {

std::vector<incident_report> synthetic(unsigned seed_value, int events)
{
    std::mt19937 rng(seed_value);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    char const *cities[][2] = {
        {"Kabul", "Kabul"}, {"Kunduz", "Kunduz"}, {"Herat", "Herat"}, {"Jalalabad", "Nangarhar"}};
    char const *targets[] = {
        "Police", "Military", "Religious Figures/Institutions", "Business", "Educational Institution"};
    char const *groups[] = {"Taliban", "Islamic State", ""};
    char const *names[] = {"Zarghun", "Sayed Abad", "Mandawi", "Karte Sakhi", "Pul-e-Khishti", "Shah Shaheed"};
    std::vector<incident_report> out;
    for (int e = 0; e < events; ++e) {
        auto const &c = cities[pick(4)];
        int const d = 1 + pick(28);
        std::string const target = targets[pick(5)];
        std::string const group = groups[pick(3)];
        long const dead = 1 + pick(60);
        std::string const name = names[pick(6)];
        int const copies = 1 + pick(4);
        for (int k = 0; k < copies; ++k) {
            report r("ev" + std::to_string(e) + "-src" + std::to_string(k), pick(2));
            if (pick(6) == 0)
                r.month(2023, 5);
            else
                r.day(2023, 5, std::min(28, d + (pick(5) == 0 ? 1 : 0)));
            r.published(2023, 5, std::min(28, d + pick(3)));
            if (pick(5) == 0)
                r.at("AF", c[1]);
            else
                r.at("AF", c[1], c[0]);
            r.by(pick(3) == 0 ? "" : group).kind(bombing, target);
            r.killed(dead + pick(3), pick(3) == 0 ? count_qualifier::at_least : count_qualifier::exact);
            r.text("An attack near " + name + " in " + c[0] + " killed " + std::to_string(dead) + " people.");
            out.push_back(r);
        }
    }
    return out;
}

} // namespace

TEST(DedupCluster, OutputDoesNotDependOnInputOrder)
{
    auto reports = synthetic(7, 120);
    auto const reference = deduplicate({}, reports);
    EXPECT_LT(reference.incidents.size(), reports.size());
    EXPECT_GT(reference.stats.unions, 0u);
    std::mt19937 rng(11);
    for (int round = 0; round < 8; ++round) {
        std::shuffle(reports.begin(), reports.end(), rng);
        auto const res = deduplicate({}, reports);
        EXPECT_EQ(signature(res), signature(reference)) << "round " << round;
        ASSERT_EQ(res.joins.size(), reference.joins.size());
        for (std::size_t i = 0; i < res.joins.size(); ++i)
            EXPECT_EQ(res.joins[i].average_score, reference.joins[i].average_score);
    }
}

TEST(DedupCluster, ExistingOrderDoesNotMatterEither)
{
    auto const all = synthetic(3, 60);
    std::vector<existing_incident> existing;
    std::vector<incident_report> fresh;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i % 3 == 0)
            existing.push_back({"inc-" + std::to_string(i), {all[i]}});
        else
            fresh.push_back(all[i]);
    }
    auto const reference = signature(deduplicate(existing, fresh));
    std::mt19937 rng(5);
    for (int round = 0; round < 4; ++round) {
        std::shuffle(existing.begin(), existing.end(), rng);
        std::shuffle(fresh.begin(), fresh.end(), rng);
        EXPECT_EQ(signature(deduplicate(existing, fresh)), reference);
    }
}

TEST(DedupCluster, EveryIncidentIsCompatibleAsAWhole)
{
    auto const reports = synthetic(19, 150);
    auto const res = deduplicate({}, reports);
    dedup_settings const s;
    for (auto const &inc : res.incidents) {
        for (std::size_t i = 0; i < inc.reports.size(); ++i)
            for (std::size_t j = i + 1; j < inc.reports.size(); ++j) {
                auto const e = score_pair(inc.reports[i], inc.reports[j], s);
                EXPECT_EQ(e.veto, veto_reason::none) << describe(e);
                EXPECT_NE(inc.reports[i].article_id, inc.reports[j].article_id);
            }
    }
    for (auto const &j : res.joins) {
        EXPECT_GE(j.average_score, s.decision.member_average_score);
        EXPECT_GE(j.minimum_score, s.decision.member_min_score);
        EXPECT_LT(j.incident, res.incidents.size());
    }
}

TEST(DedupCluster, LargeClustersStayLinearAndKeepFewPairs)
{
    // The same event told by 400 outlets: one incident, compared against a bounded sample of
    // members and with a bounded record of pairs per join.
    std::vector<incident_report> fresh;
    for (int i = 0; i < 400; ++i) {
        incident_report r;
        r.article_id = "syndicated-" + std::to_string(1000 + i);
        r.date = date_range::day({2022, 8, 6});
        r.location = {"AF", "Kabul", "Kabul", 34.53, 69.17, geo_precision::city};
        r.attack_type = "Bombing/Explosion";
        r.target_type = "Religious Figures/Institutions";
        r.killed = casualty_count{8, count_qualifier::at_least, {}};
        r.evidence = "A bomb hidden in a cart exploded in the Sarkariz area of Kabul.";
        fresh.push_back(r);
    }
    dedup_settings settings;
    settings.decision.max_members_compared = 20;
    settings.decision.max_pairs_recorded = 4;
    auto const result = deduplicate({}, fresh, settings);
    ASSERT_EQ(result.incidents.size(), 1u);
    EXPECT_EQ(result.incidents[0].reports.size(), 400u);
    for (auto const &j : result.joins) {
        EXPECT_LE(j.members.size(), 20u);
        EXPECT_LE(j.pairs.size(), 4u);
        EXPECT_GE(j.average_score, settings.decision.match_threshold);
    }
}

TEST(DedupCluster, AnalystDifferentDecisionKeepsMatchingReportsApart)
{
    analyst_decisions decisions;
    decisions.different.push_back({{"ap", 0}, {"reuters", 0}});
    auto const res = deduplicate({}, {mosque("reuters"), mosque("ap"), mosque("bbc")}, {}, {}, {}, decisions);
    // bbc fits both, but joining either would put ap and reuters in one incident.
    ASSERT_EQ(res.incidents.size(), 2u) << signature(res);
    EXPECT_FALSE(together(res, "ap", "reuters"));
    EXPECT_GE(res.stats.analyst_separations, 1u);
}

TEST(DedupCluster, AnalystDifferentDecisionHoldsAgainstAStoredIncident)
{
    existing_incident stored{"inc-1", {mosque("reuters"), mosque("ap")}};
    analyst_decisions decisions;
    decisions.different.push_back({{"bbc", 0}, {"ap", 0}});
    auto const res = deduplicate({stored}, {mosque("bbc")}, {}, {}, {}, decisions);
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    EXPECT_TRUE(res.incidents[0].id.empty()) << "bbc must found its own incident";
}

TEST(DedupCluster, AnalystSameDecisionUnitesReportsTheScoresKeepApart)
{
    // Different cities and tolls: the scores alone would never merge these.
    auto const far = report("local").day(2021, 10, 8).published(2021, 10, 9).at("AF", "Kunduz", "Imam Sahib")
                         .kind(bombing, religious).killed(12);
    analyst_decisions decisions;
    decisions.same.push_back({{"reuters", 0}, {"local", 0}});
    EXPECT_EQ(deduplicate({}, {mosque("reuters"), far}).incidents.size(), 2u);
    auto const res = deduplicate({}, {mosque("reuters"), far}, {}, {}, {}, decisions);
    ASSERT_EQ(res.incidents.size(), 1u) << signature(res);
    ASSERT_EQ(res.joins.size(), 1u);
    EXPECT_TRUE(res.joins[0].analyst);
    EXPECT_EQ(res.joins[0].added.size(), 1u);
    EXPECT_EQ(res.stats.analyst_unions, 1u);
    EXPECT_NE(describe(res.joins[0]).find("by analyst decision"), std::string::npos) << describe(res.joins[0]);
}

TEST(DedupCluster, AnalystSameDecisionYieldsToADifferentDecision)
{
    analyst_decisions decisions;
    decisions.same.push_back({{"reuters", 0}, {"ap", 0}});
    decisions.same.push_back({{"ap", 0}, {"bbc", 0}});
    decisions.different.push_back({{"reuters", 0}, {"bbc", 0}});
    auto const res = deduplicate({}, {mosque("reuters"), mosque("ap"), mosque("bbc")}, {}, {}, {}, decisions);
    EXPECT_FALSE(together(res, "reuters", "bbc")) << signature(res);
    // Report order decides which "same" pair is honoured: ap#0 and bbc#0 come first.
    EXPECT_TRUE(together(res, "ap", "bbc")) << signature(res);
    EXPECT_GE(res.stats.analyst_separations, 1u);
}

TEST(DedupCluster, DecisionsAboutReportsOutsideTheBatchAreIgnored)
{
    analyst_decisions decisions;
    decisions.different.push_back({{"elsewhere", 3}, {"ap", 0}});
    decisions.same.push_back({{"elsewhere", 3}, {"reuters", 0}});
    EXPECT_EQ(deduplicate({}, {mosque("reuters"), mosque("ap")}, {}, {}, {}, decisions).incidents.size(), 1u);
}

TEST(DedupCluster, EveryReportAddedByAJoinIsListed)
{
    auto const res = deduplicate({}, {mosque("reuters"), mosque("ap"), mosque("bbc")});
    ASSERT_EQ(res.incidents.size(), 1u);
    std::set<std::string> added;
    for (auto const &j : res.joins)
        for (auto const &r : j.added)
            added.insert(r.article_id);
    EXPECT_EQ(added.size(), 2u) << "all but the founding report joined";
}

namespace {

/// A shooting in Chicago on 17 March 2024 as a local outlet reports it.
report chicago_shooting(std::string article, std::string text)
{
    return std::move(report(std::move(article))
                         .day(2024, 3, 17)
                         .published(2024, 3, 17)
                         .at("US", "Illinois", "Chicago")
                         .kind("Armed Assault", "Private Citizens & Property")
                         .killed(1)
                         .text(std::move(text)));
}

} // namespace

TEST(DedupCluster, ShootingsOnOtherStreetsOfOneCityAndDayStayApart)
{
    auto const madison = chicago_shooting("a", "A man was killed in a shooting in the 4200 block of West Madison "
                                               "Street early Sunday, police said.");
    auto const halsted = chicago_shooting("b", "A teenager was shot and killed on South Halsted Street in "
                                               "Englewood on Sunday afternoon.");
    auto const madison_again = chicago_shooting("c", "The man shot dead on West Madison Street on Sunday was 24, the "
                                                     "medical examiner said.");
    auto const res = deduplicate({}, {madison, halsted, madison_again});
    EXPECT_EQ(res.incidents.size(), 2u) << signature(res);

    // a follow-up that names neither city nor state is found through its street
    auto nowhere = madison_again;
    nowhere.at("", "", "");
    EXPECT_EQ(deduplicate({}, {madison, halsted, nowhere}).incidents.size(), 2u);
}
