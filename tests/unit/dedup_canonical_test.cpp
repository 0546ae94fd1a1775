#include "dedup/canonical.hpp"

#include <gtest/gtest.h>

using namespace etl;
using namespace etl::dedup;

namespace {

incident_report make(std::string article, std::optional<date_range> date = std::nullopt)
{
    incident_report r;
    r.article_id = std::move(article);
    r.date = date;
    return r;
}

incident of(std::vector<incident_report> reports)
{
    incident inc;
    inc.reports = std::move(reports);
    return inc;
}

casualty_count count(long n, count_qualifier q = count_qualifier::exact) { return {n, q, {}}; }

} // namespace

TEST(DedupCanonical, MostPreciseDateInsideTheOthers)
{
    auto inc = of({make("a", date_range::month(2021, 10)), make("b", date_range::day({2021, 10, 8})),
                   make("c", date_range::year(2021)), make("d")});
    compute_canonical(inc);
    ASSERT_TRUE(inc.date);
    EXPECT_EQ(inc.date->precision, date_precision::day);
    EXPECT_EQ(inc.date->label(), "2021-10-08");
}

TEST(DedupCanonical, IntersectionOfOverlappingRanges)
{
    date_range const week{{2021, 9, 27}, {2021, 10, 3}, date_precision::week};
    auto inc = of({make("a", week), make("b", date_range::month(2021, 10))});
    compute_canonical(inc);
    ASSERT_TRUE(inc.date);
    EXPECT_EQ(inc.date->start, (civil_date{2021, 10, 1}));
    EXPECT_EQ(inc.date->end, (civil_date{2021, 10, 3}));
    EXPECT_EQ(inc.date->precision, date_precision::week);
}

TEST(DedupCanonical, DisagreeingDaysPickTheBestSupported)
{
    auto inc = of({make("a", date_range::day({2021, 10, 9})), make("b", date_range::day({2021, 10, 8})),
                   make("c", date_range::day({2021, 10, 9})), make("d", date_range::month(2021, 10))});
    compute_canonical(inc);
    EXPECT_EQ(inc.date->label(), "2021-10-09");
    auto tie = of({make("a", date_range::day({2021, 10, 9})), make("b", date_range::day({2021, 10, 8}))});
    compute_canonical(tie);
    EXPECT_EQ(tie.date->label(), "2021-10-08") << "ties: the earliest";
}

TEST(DedupCanonical, MostSpecificPlaceWithItsCoordinates)
{
    auto province = make("a");
    province.location = {"AF", "Kunduz", "", 36.5, 68.9, geo_precision::admin1};
    auto city = make("b");
    city.location = {"AF", "", "Kunduz", 36.7286, 68.857, geo_precision::city};
    auto country = make("c");
    country.location = {"AF", "", "", 33.0, 65.0, geo_precision::country};
    auto inc = of({country, province, city});
    compute_canonical(inc);
    EXPECT_EQ(inc.location.country, "AF");
    EXPECT_EQ(inc.location.admin1, "Kunduz");
    EXPECT_EQ(inc.location.city, "Kunduz");
    EXPECT_EQ(inc.location.precision, geo_precision::city);
    EXPECT_EQ(inc.location.latitude, 36.7286);

    auto only_admin = of({country, province});
    compute_canonical(only_admin);
    EXPECT_EQ(only_admin.location.precision, geo_precision::admin1);
    EXPECT_EQ(only_admin.location.latitude, 36.5);
}

TEST(DedupCanonical, CityMustAgreeWithTheCanonicalAdmin1)
{
    auto a = make("a");
    a.location = {"AF", "Kabul", "", std::nullopt, std::nullopt, geo_precision::admin1};
    auto b = make("b");
    b.location = {"AF", "Kabul", "", std::nullopt, std::nullopt, geo_precision::admin1};
    auto c = make("c");
    c.location = {"AF", "Parwan", "Charikar", std::nullopt, std::nullopt, geo_precision::city};
    auto inc = of({a, b, c});
    compute_canonical(inc);
    EXPECT_EQ(inc.location.admin1, "Kabul");
    EXPECT_EQ(inc.location.city, "");
    EXPECT_EQ(inc.location.precision, geo_precision::admin1);
}

TEST(DedupCanonical, AttackerPrefersTheBranchOverItsParent)
{
    auto a = make("a");
    a.attacker = "Islamic State";
    a.attacker_status = claim_status::suspected;
    auto b = a;
    b.article_id = "b";
    auto c = make("c");
    c.attacker = "ISKP";
    c.attacker_status = claim_status::claimed;
    auto d = make("d");
    d.attacker = "Taliban";
    d.attacker_status = claim_status::blamed;
    auto e = d;
    e.article_id = "e";
    attacker_is_branch_fn const branch = [](std::string const &child, std::string const &parent) {
        return child == "ISKP" && parent == "Islamic State";
    };
    auto inc = of({a, b, c, d, e});
    compute_canonical(inc, branch);
    EXPECT_EQ(inc.attacker, "ISKP");
    EXPECT_EQ(inc.attacker_status, claim_status::claimed);

    // Without the hierarchy the family does not pool its support: a tie, broken by claim status.
    auto flat = of({a, b, c, d, e});
    compute_canonical(flat);
    EXPECT_EQ(flat.attacker, "Taliban");
    EXPECT_EQ(flat.attacker_status, claim_status::blamed);
}

TEST(DedupCanonical, NoAttackerNoStatus)
{
    auto a = make("a");
    a.attacker_status = claim_status::suspected;
    auto inc = of({a, make("b")});
    compute_canonical(inc);
    EXPECT_EQ(inc.attacker, "");
    EXPECT_EQ(inc.attacker_status, claim_status::none);
}

TEST(DedupCanonical, CategoriesByMajorityTiesToTheMostSpecificReport)
{
    auto a = make("a");
    a.attack_type = "Armed Assault";
    a.target_type = "Police";
    auto b = make("b", date_range::day({2022, 1, 1}));
    b.attack_type = "Bombing/Explosion";
    b.target_type = "Military";
    b.location = {"NG", "Borno", "Maiduguri", std::nullopt, std::nullopt, geo_precision::city};
    auto c = make("c");
    c.target_type = "Military";
    auto inc = of({a, b, c});
    compute_canonical(inc);
    EXPECT_EQ(inc.target_type, "Military");
    EXPECT_EQ(inc.attack_type, "Bombing/Explosion") << "1:1 tie, b is more specific";
}

TEST(DedupCanonical, CasualtiesLowBestHigh)
{
    // "at least 63" and "almost 60", in either publication order: best 63.
    auto const r1 = combine_counts({count(63, count_qualifier::at_least), count(60, count_qualifier::almost)},
                                   {civil_date{2021, 10, 8}, civil_date{2021, 10, 9}});
    EXPECT_EQ(r1.low, 60);
    EXPECT_EQ(r1.best, 63);
    EXPECT_EQ(r1.high, 63);
    auto const r2 = combine_counts({count(63, count_qualifier::at_least), count(60, count_qualifier::almost)},
                                   {civil_date{2021, 10, 9}, civil_date{2021, 10, 8}});
    EXPECT_EQ(r2.best, 63);
    // The latest report's figure is the best estimate ...
    auto const rising = combine_counts({count(40), count(72), count(55)},
                                       {civil_date{2021, 10, 8}, civil_date{2021, 11, 7}, civil_date{2021, 10, 9}});
    EXPECT_EQ(rising.low, 40);
    EXPECT_EQ(rising.best, 72);
    EXPECT_EQ(rising.high, 72);
    // ... also when it corrects an earlier figure downwards.
    auto const corrected = combine_counts({count(70), count(65)}, {civil_date{2021, 10, 8}, civil_date{2021, 10, 10}});
    EXPECT_EQ(corrected.best, 65);
    // Same day: the exact figure beats the rounder one.
    auto const same_day = combine_counts({count(50, count_qualifier::about), count(47)},
                                         {civil_date{2021, 10, 8}, civil_date{2021, 10, 8}});
    EXPECT_EQ(same_day.best, 47);
    EXPECT_FALSE(combine_counts({}, {}).best);
}

TEST(DedupCanonical, VagueFiguresOnlyWhenNothingPrecise)
{
    auto const mixed = combine_counts({count(12, count_qualifier::vague), count(13)}, {std::nullopt, std::nullopt});
    EXPECT_EQ(mixed.low, 13);
    EXPECT_EQ(mixed.best, 13);
    EXPECT_EQ(mixed.high, 13);
    auto const vague = combine_counts({count(12, count_qualifier::vague), count(300, count_qualifier::vague)},
                                      {std::nullopt, std::nullopt});
    EXPECT_EQ(vague.low, 12);
    EXPECT_EQ(vague.high, 300);
}

TEST(DedupCanonical, IncidentCountsAndReportingDates)
{
    auto a = make("a");
    a.published = civil_date{2021, 10, 8};
    a.killed = count(46, count_qualifier::at_least);
    a.injured = count(100);
    auto b = make("b");
    b.published = civil_date{2021, 10, 10};
    b.killed = count(55);
    auto c = make("c");
    c.published = civil_date{2021, 10, 9};
    auto inc = of({c, b, a});
    compute_canonical(inc);
    EXPECT_EQ(inc.killed.low, 46);
    EXPECT_EQ(inc.killed.best, 55);
    EXPECT_EQ(inc.killed.high, 55);
    EXPECT_EQ(inc.injured.best, 100);
    EXPECT_EQ(inc.first_reported, (civil_date{2021, 10, 8}));
    EXPECT_EQ(inc.last_reported, (civil_date{2021, 10, 10}));
    EXPECT_EQ(inc.reports.front().article_id, "a") << "reports sorted by (article_id, ordinal)";
}
