#include "dedup/scoring.hpp"
#include "dedup_report_builder.hpp"

#include <gtest/gtest.h>

using namespace etl;
using namespace etl::dedup;

namespace {

using test::report;

count_level killed_level(report const &a, report const &b) { return score_pair(a, b).killed.level; }

report kunduz(std::string article)
{
    return std::move(report(std::move(article)).day(2021, 10, 8).at("AF", "Kunduz", "Kunduz")
                         .kind("Bombing/Explosion", "Religious Figures/Institutions"));
}

} // namespace

TEST(DedupScoring, QualifierIntervals)
{
    EXPECT_EQ(interval_of({63, count_qualifier::at_least, ""}).low, 63);
    EXPECT_GT(interval_of({63, count_qualifier::at_least, ""}).high, 63);
    EXPECT_EQ(interval_of({60, count_qualifier::almost, ""}).high, 60);
    EXPECT_LT(interval_of({60, count_qualifier::almost, ""}).low, 60);
    EXPECT_EQ(interval_of({10, count_qualifier::more_than, ""}).low, 11);
    auto const about = interval_of({20, count_qualifier::about, ""});
    EXPECT_LT(about.low, 20);
    EXPECT_GT(about.high, 20);
    // Vague quantities carry the extractor's conventional value (extract/numbers.hpp).
    auto const dozens = interval_of({12, count_qualifier::vague, "dozens of people"});
    EXPECT_TRUE(dozens.vague);
    EXPECT_EQ(dozens.low, 12);
    EXPECT_EQ(dozens.high, 99);
    EXPECT_EQ(interval_of({300, count_qualifier::vague, "several hundred"}).high, 999);
    EXPECT_EQ(interval_of({3, count_qualifier::vague, "several"}).high, 9);
    EXPECT_EQ(interval_of({10000, count_qualifier::vague, "tens of thousands"}).high, 99999);
}

TEST(DedupScoring, AtLeastSixtyThreeAgreesWithAlmostSixty)
{
    auto const a = kunduz("a").killed(63, count_qualifier::at_least);
    auto const b = kunduz("b").killed(60, count_qualifier::almost);
    EXPECT_EQ(killed_level(a, b), count_level::agree);
    EXPECT_EQ(killed_level(b, a), count_level::agree);
}

TEST(DedupScoring, EightAndTwentyOneConflict)
{
    auto const a = kunduz("a").killed(8).published(2021, 10, 8);
    auto const b = kunduz("b").killed(21).published(2021, 10, 8);
    EXPECT_EQ(killed_level(a, b), count_level::conflict);
    EXPECT_LT(score_pair(a, b).killed.weight, 0);
}

TEST(DedupScoring, VictimsAreComparedWithoutTheAttackersWhoDied)
{
    auto const eight = kunduz("a").killed(8).published(2021, 10, 8);
    auto const nine_with_gunman = kunduz("b").killed(9).attackers_killed(1).published(2021, 10, 8);
    EXPECT_EQ(killed_level(eight, nine_with_gunman), count_level::agree);
    auto const only_gunman = kunduz("c").killed(1).attackers_killed(1).published(2021, 10, 8);
    EXPECT_EQ(killed_level(eight, only_gunman), count_level::unknown) << "'the gunman killed himself' alone";
    auto const none_killed = kunduz("d").killed(0).published(2021, 10, 8);
    EXPECT_EQ(killed_level(eight, none_killed), count_level::conflict) << "an explicit zero still counts";
}

TEST(DedupScoring, DozensCompatibleWithTwelveToNinetyNine)
{
    auto const vague = kunduz("v").killed(12, count_qualifier::vague, "dozens");
    EXPECT_EQ(killed_level(vague, kunduz("a").killed(12)), count_level::agree_weak);
    EXPECT_EQ(killed_level(vague, kunduz("a").killed(99)), count_level::agree_weak);
    EXPECT_EQ(killed_level(vague, kunduz("a").killed(40, count_qualifier::at_least)), count_level::agree_weak);
    EXPECT_EQ(killed_level(vague, kunduz("a").killed(5)), count_level::conflict);
    EXPECT_EQ(killed_level(vague, kunduz("a").killed(250)), count_level::conflict);
}

TEST(DedupScoring, TollMayRiseLaterOrBeRevisedDownALittle)
{
    auto const early = kunduz("a").killed(40).published(2021, 10, 8);
    auto const late_higher = kunduz("b").killed(63).published(2021, 10, 12);
    auto const late_revised = kunduz("r").killed(30).published(2021, 10, 12); // 25% lower
    auto const late_lower = kunduz("c").killed(20).published(2021, 10, 12);   // half
    EXPECT_EQ(killed_level(early, late_higher), count_level::growth);
    EXPECT_EQ(killed_level(late_higher, early), count_level::growth);
    EXPECT_EQ(killed_level(early, late_revised), count_level::growth);
    EXPECT_EQ(killed_level(early, late_lower), count_level::conflict);
    // Same publication day: order unknown, the higher figure is taken as the later one.
    auto const same_day = kunduz("d").killed(25).published(2021, 10, 8);
    EXPECT_EQ(killed_level(early, same_day), count_level::growth);
    // Growth has a limit.
    EXPECT_EQ(killed_level(early, kunduz("e").killed(200).published(2021, 10, 20)), count_level::conflict);
}

TEST(DedupScoring, DateLevels)
{
    auto base = kunduz("a");
    auto other = kunduz("b");
    EXPECT_EQ(score_pair(base, other).date.level, date_level::same_day);
    other.day(2021, 10, 10);
    EXPECT_EQ(score_pair(base, other).date.level, date_level::within_slack);
    other.day(2021, 10, 12);
    auto const far = score_pair(base, other);
    EXPECT_EQ(far.date.level, date_level::incompatible);
    EXPECT_EQ(far.veto, veto_reason::incompatible_date);
    other.month(2021, 10);
    EXPECT_EQ(score_pair(base, other).date.level, date_level::overlap);
    other.month(2021, 11);
    EXPECT_EQ(score_pair(base, other).veto, veto_reason::incompatible_date) << "no slack for month precision";
    other.r.date.reset();
    EXPECT_EQ(score_pair(base, other).date.level, date_level::unknown);
    EXPECT_TRUE(score_pair(base, other).weak);
    other.r.date = date_range::year(2021);
    EXPECT_EQ(score_pair(base, other).date.level, date_level::unknown) << "a year says nothing";
    EXPECT_TRUE(score_pair(base, other).weak);
    other.r.date = date_range::year(2020);
    EXPECT_EQ(score_pair(base, other).veto, veto_reason::incompatible_date);
}

TEST(DedupScoring, PlaceLevels)
{
    auto a = kunduz("a");
    auto b = kunduz("b");
    EXPECT_EQ(score_pair(a, b).place.level, place_level::same_city);
    b.at("AF", "Kunduz");
    EXPECT_EQ(score_pair(a, b).place.level, place_level::same_admin1);
    b.at("AF", "Kunduz", "Khanabad");
    auto const different = score_pair(a, b);
    EXPECT_EQ(different.place.level, place_level::different_city);
    EXPECT_LE(different.place.weight, -4.0);
    // Suburb: coordinates 10 km apart.
    a.coords(36.7286, 68.8570);
    b.at("AF", "Kunduz", "Sherkhan Suburb").coords(36.80, 68.93);
    auto const near = score_pair(a, b);
    EXPECT_EQ(near.place.level, place_level::near);
    ASSERT_TRUE(near.distance_km);
    EXPECT_LT(*near.distance_km, 25.0);
    b.at("AF", "Balkh", "Mazar-i-Sharif");
    EXPECT_EQ(score_pair(a, b).veto, veto_reason::different_admin1);
    b.at("PK", "Khyber Pakhtunkhwa", "Peshawar");
    EXPECT_EQ(score_pair(a, b).veto, veto_reason::different_country);
    b.at("AF", "");
    EXPECT_EQ(score_pair(a, b).place.level, place_level::country_only);
    EXPECT_EQ(score_pair(a, b).place.weight, 0.0);
}

TEST(DedupScoring, AttackerLevelsUseCallback)
{
    auto const is = kunduz("a").by("Islamic State");
    auto const iskp = kunduz("b").by("Islamic State Khorasan Province");
    auto const taliban = kunduz("c").by("Taliban");
    auto const unknown = kunduz("d");
    EXPECT_EQ(score_pair(is, is).attacker.level, attacker_level::same);
    EXPECT_EQ(score_pair(is, iskp).attacker.level, attacker_level::conflicting) << "default: equal names only";
    attackers_compatible_fn const family = [](std::string const &x, std::string const &y) {
        return x == y || (x.rfind("Islamic State", 0) == 0 && y.rfind("Islamic State", 0) == 0);
    };
    EXPECT_EQ(score_pair(is, iskp, {}, family).attacker.level, attacker_level::compatible);
    EXPECT_EQ(score_pair(is, taliban, {}, family).attacker.level, attacker_level::conflicting);
    EXPECT_LT(score_pair(is, taliban, {}, family).attacker.weight, 0);
    EXPECT_EQ(score_pair(is, unknown).attacker.level, attacker_level::unknown);
}

TEST(DedupScoring, SameArticleIsVetoedWhateverTheScore)
{
    auto const a = kunduz("same").killed(40);
    auto b = kunduz("same");
    b.r.ordinal = 1;
    b.killed(40);
    auto const e = score_pair(a, b);
    EXPECT_EQ(e.veto, veto_reason::same_article);
    EXPECT_GT(e.score, 6.0);
    EXPECT_FALSE(e.is_match({}));
}

TEST(DedupScoring, DistinctiveTermsAreNamesNotStopWords)
{
    auto const terms = distinctive_terms(
        "A suicide bomber struck the Sayed Abad Mosque in Kunduz on Friday, killing dozens, "
        "Taliban officials told Reuters. Gunmen then fled. Hérat Street was closed.");
    EXPECT_EQ(terms, (std::vector<std::string>{"abad", "herat", "kunduz", "sayed", "taliban"}));
}

TEST(DedupScoring, StreetNamesOfLocalStories)
{
    EXPECT_EQ(street_names("shot in the 4200 block of West Madison Street on Sunday"),
              (std::vector<std::string>{"madison"}));
    EXPECT_EQ(street_names("near 56th Street and Chester Avenue in Kingsessing"),
              (std::vector<std::string>{"56th", "chester"}));
    EXPECT_EQ(street_names("near State and Lake streets, off Highway 92"),
              (std::vector<std::string>{"highway 92", "lake", "state"}));
    EXPECT_TRUE(street_names("shot on the street outside a store on Main").empty()) << "no street word after a name";
}

TEST(DedupScoring, DifferentStreetsOfOneCityWeighAgainst)
{
    auto const a = kunduz("a").text("A bomb exploded on Pul-e Kheshti Road in Kunduz.");
    auto const b = kunduz("b").text("A bomb went off near Chardara Road in Kunduz.");
    auto const c = kunduz("c").text("The blast on Pul-e Kheshti Road damaged shops.");
    EXPECT_EQ(score_pair(a, b).street.level, street_level::different);
    EXPECT_LT(score_pair(a, b).street.weight, 0);
    EXPECT_EQ(score_pair(a, c).street.level, street_level::same);
    EXPECT_EQ(score_pair(a, kunduz("d").text("A bomb exploded in Kunduz.")).street.level, street_level::unknown);
}

TEST(DedupScoring, OwnPlaceNamesDoNotCountAsSharedTerms)
{
    auto const a = kunduz("a").text("A blast hit the Sayed Abad mosque in Kunduz city.");
    auto const b = kunduz("b").text("A bomb went off near the Imam Zaman shrine in Kunduz.");
    auto const e = score_pair(a, b);
    EXPECT_EQ(e.shared_terms, 0u);
    EXPECT_EQ(e.terms.level, terms_level::disjoint);
    auto const c =
        kunduz("c").text("Worshippers at Sayed Abad were hit, said Zabihullah Mujahid of the Taliban in Imam Sahib.");
    auto const e_ac = score_pair(a, c);
    EXPECT_EQ(e_ac.shared_terms, 2u);
    EXPECT_EQ(e_ac.terms.level, terms_level::high) << "both of a's names are in c: overlap over the smaller side";
    auto const d = kunduz("d").text("Worshippers at Sayed Abad were hit, said Zabihullah Mujahid in Imam Sahib, near Qala.");
    auto const e_bd = score_pair(b, d);
    EXPECT_EQ(e_bd.shared_terms, 1u) << "imam";
    EXPECT_EQ(e_bd.terms.level, terms_level::partial) << "one of b's two names";
}

TEST(DedupScoring, ActorNamesDoNotCountAsSharedTerms)
{
    auto const a = kunduz("a").text("Later, Daesh Khorasan claimed the bombing in Kunduz.");
    auto const b = kunduz("b").text("The local Daesh Khorasan branch was blamed for a blast in Kunduz.");
    EXPECT_EQ(score_pair(a, b).terms.level, terms_level::high) << "shared names count without the actor lexicon";
    dedup_settings settings;
    settings.terms.actor_words = {"daesh", "khorasan"};
    auto const e = score_pair(a, b, settings);
    EXPECT_EQ(e.shared_terms, 0u) << "the attacker field scores actor names";
    EXPECT_EQ(e.terms.level, terms_level::none);
}

TEST(DedupScoring, WeakPairNeedsStrongSignalAndHigherScore)
{
    auto const dated = kunduz("a").killed(40).text("The Sayed Abad mosque in Kunduz was bombed.");
    auto undated = kunduz("b");
    undated.r.date.reset();
    undated.published(2021, 11, 5).killed(63, count_qualifier::at_least).by("");
    auto const plain = score_pair(dated, undated);
    EXPECT_TRUE(plain.weak);
    EXPECT_FALSE(plain.strong_signal);
    EXPECT_FALSE(plain.is_match({}));
    undated.text("The toll of last month's bombing of the Sayed Abad mosque rose to at least 63.");
    auto const named = score_pair(dated, undated);
    EXPECT_TRUE(named.strong_signal);
    EXPECT_TRUE(named.is_match({})) << describe(named);
}

TEST(DedupScoring, DescribeListsEveryField)
{
    auto const e = score_pair(kunduz("a").killed(3), kunduz("b").killed(3));
    auto const line = describe(e);
    for (char const *field : {"a#0 ~ b#0", "date same_day", "place same_city", "attacker unknown", "killed",
                              "terms", "score"})
        EXPECT_NE(line.find(field), std::string::npos) << line;
}
