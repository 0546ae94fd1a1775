#include "extract/categories.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

using namespace etl::extract;

namespace {

category_lexicon const &lexicon()
{
    static category_lexicon const lex =
        category_lexicon::load(std::string(ETL_SOURCE_DIR) + "/config/lexicon/attack_types.yaml",
                               std::string(ETL_SOURCE_DIR) + "/config/lexicon/target_types.yaml");
    return lex;
}

struct category_case {
    char const *text;
    char const *expected; ///< GTD name, or "" for no category
};

std::ostream &operator<<(std::ostream &out, category_case const &c) { return out << c.text; }

std::string describe(std::optional<category_lexicon::category_choice> const &c)
{
    return c ? c->category + " [" + c->rule + ": " + c->matched + "]" : "(none)";
}

class AttackTypeCases : public ::testing::TestWithParam<category_case> {};
class TargetTypeCases : public ::testing::TestWithParam<category_case> {};

TEST_P(AttackTypeCases, PicksTheGtdAttackType)
{
    auto const tokens = tokenize(GetParam().text);
    auto const choice = lexicon().attack_type(tokens, 0, tokens.size());
    EXPECT_EQ(choice ? choice->category : "", GetParam().expected) << describe(choice);
}

TEST_P(TargetTypeCases, PicksTheGtdTargetType)
{
    auto const tokens = tokenize(GetParam().text);
    auto const choice = lexicon().target_type(tokens, 0, tokens.size());
    EXPECT_EQ(choice ? choice->category : "", GetParam().expected) << describe(choice);
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, AttackTypeCases,
    ::testing::Values(
        category_case{"A suicide bomber blew himself up inside a Shiite mosque in Kunduz during Friday prayers.",
                      "Bombing/Explosion"},
        category_case{"Gunmen stormed a police checkpoint in Zabul, killing five policemen.", "Armed Assault"},
        category_case{"Gunmen shot dead the district governor of Nad Ali on Tuesday.", "Assassination"},
        category_case{"Boko Haram insurgents abducted 276 schoolgirls from a school in Chibok.",
                      "Hostage Taking (Kidnapping)"},
        category_case{"Militants took hostages inside the Radisson Blu hotel in Bamako before the siege ended.",
                      "Hostage Taking (Barricade Incident)"},
        category_case{"Militants hijacked a passenger bus on the Quetta highway.", "Hijacking"},
        category_case{"Assailants set fire to a girls' school in Diamer overnight.", "Facility/Infrastructure Attack"},
        category_case{"A man threw acid on two women outside a market in Lahore.", "Unarmed Assault"},
        category_case{"A roadside bomb struck a military convoy in North Waziristan, killing three soldiers.",
                      "Bombing/Explosion"},
        category_case{"Gunmen opened fire and hurled grenades at worshippers in a church in Owo.", "Armed Assault"},
        category_case{"A grenade attack on a vegetable market in Srinagar wounded 12 civilians.", "Bombing/Explosion"},
        category_case{"A suicide car bomb exploded at the gate of a military base before gunmen stormed the compound.",
                      "Bombing/Explosion"},
        category_case{"Unidentified gunmen kidnapped a Chinese engineer working for a construction company.",
                      "Hostage Taking (Kidnapping)"},
        category_case{"A bomb hidden in a motorcycle killed the district police chief and two guards.", "Assassination"},
        category_case{"The provincial governor of Nangarhar was killed when a bomb went off at his office.",
                      "Assassination"},
        category_case{"A man was stabbed to death outside a mosque in Birmingham.", "Armed Assault"},
        category_case{"A truck rammed into a crowd at a Christmas market in Berlin.", "Unarmed Assault"},
        category_case{"The attack targeted a bus carrying pilgrims to Karbala.", ""},
        category_case{"A bomb killed 20 people, including a judge, at a market in Quetta.", "Bombing/Explosion"},
        category_case{"GUNMEN KIDNAPPED 20 PASSENGERS FROM A BUS IN ZAMFARA STATE ON SUNDAY.",
                      "Hostage Taking (Kidnapping)"},
        category_case{"Assailants set fire to a school building in Diamer district, Gilgit-Baltistan, Pakistan.",
                      "Facility/Infrastructure Attack"},
        category_case{"Militants fired rockets at an army base in Kandahar.", "Bombing/Explosion"},
        category_case{"An Israeli drone strike hit a car in southern Lebanon.", "Bombing/Explosion"},
        category_case{"A mob lynched a man accused of blasphemy in Sialkot.", "Unarmed Assault"},
        category_case{"The hostage standoff at the school in Beslan ended after three days.",
                      "Hostage Taking (Barricade Incident)"},
        category_case{"Attackers raided the village and torched houses.", "Armed Assault"},
        category_case{"A car bomb exploded outside a hotel, killing 12. The blast destroyed shops and a second explosion "
                      "followed. In 2014 the group kidnapped tourists.",
                      "Bombing/Explosion"},
        category_case{"An explosive device detonated near a checkpoint in Mosul city, Nineveh, Iraq.",
                      "Bombing/Explosion"},
        category_case{"Assailants shot and killed a tribal elder in Khost, Afghanistan.", "Assassination"},
        category_case{"Fighters stormed the hotel, setting off car bombs before holding guests hostage in a siege "
                      "that lasted 30 hours.",
                      "Hostage Taking (Barricade Incident)"},
        category_case{"Gunmen held the engineer hostage for a week and demanded a ransom.",
                      "Hostage Taking (Kidnapping)"},
        category_case{"On Monday, militants attacked a police post in Dera Ismail Khan, killing 10 policemen.",
                      "Armed Assault"},
        category_case{"Scores were feared dead after jihadists attacked the town of Barsalogho.", "Armed Assault"},
        category_case{"Gunmen riding motorcycles stormed the school and marched scores of pupils into the bush.",
                      "Hostage Taking (Kidnapping)"},
        category_case{"Police arrested two men over the gunfire that tore through a Sweet 16 party on Saturday.",
                      "Armed Assault"},
        category_case{"A powerful blast tore through a crowded market in Peshawar.", "Bombing/Explosion"},
        category_case{"Militants raided the village, killing 11 civilians after a ransom demand for two kidnapped "
                      "villagers went unpaid.",
                      "Armed Assault"},
        category_case{"Unidentified assailants hurled a grenade at a crowded market in Srinagar.", "Bombing/Explosion"},
        category_case{"Militants obliterated a minibus, which killed a journalist and two others in Kabul.",
                      "Bombing/Explosion"},
        category_case{"The bus was blown apart near the border, killing a senator and 12 passengers.",
                      "Bombing/Explosion"}));

INSTANTIATE_TEST_SUITE_P(
    Sentences, TargetTypeCases,
    ::testing::Values(
        category_case{"A suicide bomber blew himself up inside a Shiite mosque in Kunduz during Friday prayers.",
                      "Religious Figures/Institutions"},
        category_case{"Gunmen stormed a police checkpoint in Zabul, killing five policemen, police said.", "Police"},
        category_case{"Gunmen shot dead the district governor of Nad Ali on Tuesday.", "Government (General)"},
        // the agent of a passive is the perpetrator, not the target
        category_case{"Two soldiers were wounded by militants at a checkpoint in Bajaur.", "Military"},
        category_case{"Boko Haram insurgents abducted 276 schoolgirls from a school in Chibok.",
                      "Educational Institution"},
        category_case{"Militants took hostages inside the Radisson Blu hotel in Bamako.", "Business"},
        category_case{"Militants hijacked a passenger bus on the Quetta highway.", "Transportation"},
        category_case{"A man threw acid on two women outside a market in Lahore.", "Private Citizens & Property"},
        category_case{"A roadside bomb struck a military convoy in North Waziristan, killing three soldiers.", "Military"},
        category_case{"Gunmen opened fire on worshippers in a church in Owo.", "Religious Figures/Institutions"},
        category_case{"A grenade attack on a vegetable market in Srinagar wounded 12 civilians.",
                      "Private Citizens & Property"},
        category_case{"A drone strike killed five militants in a compound in Jilib.", "Terrorists/Non-State Militia"},
        category_case{"Militants attacked a police station in Dera Ismail Khan.", "Police"},
        category_case{"A bomb exploded near a polling station in Quetta.", "Government (General)"},
        category_case{"An explosion hit a gas pipeline in Sinai, security sources said.", "Utilities"},
        category_case{"Rebels attacked a UN peacekeepers' base in Kidal with rockets.", "Government (Diplomatic)"},
        category_case{"Gunmen killed six aid workers from Doctors Without Borders in Kunduz.", "NGO"},
        category_case{"The Houthis claimed a drone attack on an oil facility in Abqaiq that caused fires, according to "
                      "Saudi officials.",
                      "Utilities"},
        category_case{"Scores of people were feared dead after jihadists attacked the town of Barsalogho.",
                      "Private Citizens & Property"},
        category_case{"The first shooting happened at Young's Asian Massage on Highway 92 near Acworth.", "Business"},
        category_case{"Officers found three women shot dead at Gold Spa on Piedmont Road.", "Business"},
        category_case{"Three aid workers were kidnapped by gunmen on the road between Gao and Menaka.", "NGO"},
        category_case{"Insurgents blew up a bridge on the main road to the capital.", "Transportation"},
        category_case{"Militants blew up a telecom tower in Kech district.", "Telecommunication"},
        category_case{"Maoists triggered an IED blast targeting a CRPF vehicle in Bijapur.", "Police"},
        category_case{"A suicide bomber rammed his car into a checkpoint manned by soldiers.", "Military"},
        category_case{"Gunmen attacked a checkpoint, killing three police officers.", "Police"},
        category_case{"Two journalists were shot dead by gunmen outside the press club in Peshawar.",
                      "Journalists & Media"},
        category_case{"Police said gunmen opened fire on a wedding party in the village.", "Private Citizens & Property"},
        category_case{"A bomb exploded near a hospital in Kabul.", "Business"},
        category_case{"A bomb exploded at a military hospital in Kabul.", "Military"},
        category_case{"Gunmen attacked a tour bus near Luxor.", "Tourists"},
        category_case{"An explosion damaged a water pipeline supplying the city.", "Food or Water Supply"},
        category_case{"A gunman opened fire at an abortion clinic in Colorado Springs.", "Abortion Related"},
        category_case{"A bomb exploded on a ferry carrying passengers in Basilan.", "Maritime"},
        category_case{"Militants attacked the airport in Kandahar with rockets.", "Airports & Aircraft"},
        category_case{"Gunmen killed members of a peace committee in Bajaur.", "Terrorists/Non-State Militia"},
        category_case{"GUNMEN KIDNAPPED 20 PASSENGERS FROM A BUS IN ZAMFARA STATE ON SUNDAY.", "Transportation"},
        category_case{"Gunmen opened fire on an ambulance in Quetta.", "Other"},
        category_case{"An IED destroyed an electricity pylon in Quetta.", "Utilities"},
        category_case{"A man was shot in the 1200 block of Main Street on Saturday; officers responded to the scene.",
                      "Private Citizens & Property"},
        category_case{"Gunmen shot dead a Sikh shopkeeper in Peshawar.", "Business"},
        category_case{"A suicide bomber targeted the Russian embassy in Kabul.", "Government (Diplomatic)"},
        category_case{"Assailants attacked a madrassa in Charsadda.", "Educational Institution"},
        category_case{"A bomb hit the offices of a private TV station in Kabul.", "Journalists & Media"},
        category_case{"Gunmen opened fire on a minibus carrying passengers, killing 10 people.", "Transportation"},
        category_case{"The attack targeted the Shah Noorani shrine, killing dozens of devotees.",
                      "Religious Figures/Institutions"},
        category_case{"Officials said the attack was aimed at the provincial council building.", "Government (General)"},
        category_case{"Attacks on schools have increased.", "Educational Institution"}));

TEST(Categories, SpecificBeatsGenericAndGovernedBeatsBackground)
{
    // "people" is generic; the mosque is where the bomb went off.
    auto t = tokenize("The blast at the mosque killed 30 people.");
    auto c = lexicon().target_type(t, 0, t.size());
    ASSERT_TRUE(c);
    EXPECT_EQ(c->category, "Religious Figures/Institutions");
    // The hotel is background; the bus is what was attacked.
    t = tokenize("Guests at a nearby hotel heard the blast. A bomb exploded on a bus carrying passengers.");
    c = lexicon().target_type(t, 0, t.size());
    ASSERT_TRUE(c);
    EXPECT_EQ(c->category, "Transportation");
}

TEST(Categories, TheAgentOfAPassiveIsNotTheTarget)
{
    auto const t = tokenize("Twelve herders killed by suspected Fulani militants while grazing cattle near Jos, in "
                            "Plateau State's Riyom area, were buried on Monday, a day after the attack.");
    auto const c = lexicon().target_type(t, 0, t.size());
    EXPECT_TRUE(!c || c->category != "Terrorists/Non-State Militia") << c->category << " via " << c->matched;
}

TEST(Categories, RangeLimitsTheEvidence)
{
    auto const t = tokenize("Gunmen kidnapped a trader in Kano. A bomb exploded at a church in Jos.");
    std::size_t split = 0;
    while (t[split].norm != ".")
        ++split;
    auto const first = lexicon().attack_type(t, 0, split + 1);
    auto const second = lexicon().attack_type(t, split + 1, t.size());
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->category, "Hostage Taking (Kidnapping)");
    EXPECT_EQ(second->category, "Bombing/Explosion");
    auto const target = lexicon().target_type(t, split + 1, t.size() + 10); // last is clamped
    ASSERT_TRUE(target);
    EXPECT_EQ(target->category, "Religious Figures/Institutions");
    EXPECT_FALSE(lexicon().attack_type(t, 3, 3));
}

TEST(Categories, IgnoredSpansAreNotTargets)
{
    auto const t = tokenize("The Arakan Army shelled a village in Rakhine.");
    auto const c = lexicon().target_type(t, 0, t.size(), {{1, 2}});
    ASSERT_TRUE(c);
    EXPECT_EQ(c->category, "Private Citizens & Property");
}

TEST(Categories, ExplanationsNameTheRuleAndCue)
{
    auto t = tokenize("Gunmen shot dead the district governor of Nad Ali on Tuesday.");
    auto c = lexicon().attack_type(t, 0, t.size());
    ASSERT_TRUE(c);
    EXPECT_EQ(c->rule, "attack_type.targeted_killing");
    EXPECT_EQ(c->matched, "shot dead ... district governor");
    t = tokenize("Gunmen attacked a checkpoint manned by police in Kirkuk.");
    c = lexicon().target_type(t, 0, t.size());
    ASSERT_TRUE(c);
    EXPECT_EQ(c->category, "Police");
    EXPECT_EQ(c->rule, "target_type.context");
    EXPECT_EQ(c->matched, "checkpoint");
}

TEST(Categories, DeathTollGivesTheLikeliestTypeWhenNoMethodIsNamed)
{
    auto const big = lexicon().attack_type_prior(16);
    ASSERT_TRUE(big);
    EXPECT_EQ(big->category, "Bombing/Explosion");
    EXPECT_EQ(big->rule, "attack_type.casualty_prior");
    EXPECT_EQ(big->matched, "16 killed");
    auto const small = lexicon().attack_type_prior(2);
    ASSERT_TRUE(small);
    EXPECT_EQ(small->category, "Armed Assault");
    EXPECT_FALSE(lexicon().attack_type_prior(0));
}

TEST(Categories, ListsAllGtdTypes)
{
    EXPECT_EQ(lexicon().attack_hierarchy().size(), 9u);
    EXPECT_EQ(lexicon().attack_hierarchy().front(), "Assassination");
    EXPECT_EQ(lexicon().attack_hierarchy().back(), "Unknown");
    EXPECT_EQ(lexicon().target_types().size(), 21u); // the 22nd, Unknown, has no cues
}

std::string write_temp(std::string const &name, std::string const &text)
{
    std::string const path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

TEST(Categories, ConfigErrorsNameFileKeyAndLine)
{
    std::string const target = std::string(ETL_SOURCE_DIR) + "/config/lexicon/target_types.yaml";
    std::string const bad = write_temp("attack_bad.yaml", "hierarchy: [Bombing/Explosion, Unknown]\n"
                                                          "types:\n"
                                                          "  - name: Bombing/Explosion\n"
                                                          "    cues:\n"
                                                          "      - weight: 3\n"
                                                          "        yields_to: [Armed Assault]\n"
                                                          "        phrases: [blast]\n");
    try {
        category_lexicon::load(bad, target);
        ADD_FAILURE() << "no error";
    } catch (etl::config_error const &e) {
        std::string const what = e.what();
        EXPECT_NE(what.find(bad + ":6: yields_to: unknown category 'Armed Assault'"), std::string::npos) << what;
    }
    std::string const no_weight = write_temp("attack_no_weight.yaml", "hierarchy: [Bombing/Explosion]\n"
                                                                      "types:\n"
                                                                      "  - name: Bombing/Explosion\n"
                                                                      "    cues:\n"
                                                                      "      - phrases: [blast]\n");
    EXPECT_THROW(category_lexicon::load(no_weight, target), etl::config_error);
    std::string const rising = write_temp("attack_prior.yaml", "casualty_prior:\n"
                                                               "  - {min_killed: 1, type: Armed Assault}\n"
                                                               "  - {min_killed: 10, type: Bombing/Explosion}\n"
                                                               "hierarchy: [Bombing/Explosion, Armed Assault]\n"
                                                               "types: []\n");
    try {
        category_lexicon::load(rising, target);
        ADD_FAILURE() << "no error";
    } catch (etl::config_error const &e) {
        std::string const what = e.what();
        EXPECT_NE(what.find(rising + ":3: min_killed: steps must go from the highest count down"), std::string::npos)
            << what;
    }
}

} // namespace
