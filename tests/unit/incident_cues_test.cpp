#include "extract/incident_cues.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

using namespace etl::extract;

namespace {

incident_cue_lexicon const &lexicon()
{
    static incident_cue_lexicon const lex =
        incident_cue_lexicon::load(std::string(ETL_SOURCE_DIR) + "/config/lexicon/incident_cues.yaml");
    return lex;
}

cue_result classify(std::string const &text)
{
    auto const tokens = tokenize(text);
    return lexicon().classify(tokens);
}

struct cue_case {
    char const *text;
    bool incident;
    char const *reason;      ///< expected reason
    char const *hint = "";   ///< expected attack hint, positives only ("" = the triggers suggest none)
};

std::ostream &operator<<(std::ostream &out, cue_case const &c) { return out << c.text; }

// Instances are named IncidentCue* so that --gtest_filter='IncidentCue*' runs them.
class CueCases : public ::testing::TestWithParam<cue_case> {};

TEST_P(CueCases, ClassifiesTheSentence)
{
    auto const &c = GetParam();
    auto const r = classify(c.text);
    EXPECT_EQ(r.incident, c.incident) << r.reason << " " << r.rule;
    EXPECT_EQ(r.reason, c.reason) << r.rule;
    if (c.incident)
        EXPECT_EQ(r.attack_hint, c.hint) << r.rule;
    else
        EXPECT_TRUE(r.triggers.empty());
}

constexpr char const *bombing = "Bombing/Explosion";
constexpr char const *armed = "Armed Assault";
constexpr char const *kidnap = "Hostage Taking (Kidnapping)";

INSTANTIATE_TEST_SUITE_P(
    IncidentCuePositive, CueCases,
    ::testing::Values(
        cue_case{"A suicide bomber blew himself up at a mosque in Kunduz on Friday, killing at least 55 worshippers.",
                 true, "strong_trigger", bombing},
        cue_case{"Gunmen opened fire on a bus carrying Hazara passengers in Balochistan.", true, "strong_trigger", armed},
        cue_case{"Militants attacked a police checkpoint in Zabul province on Tuesday night.", true, "supported_trigger",
                 ""},
        cue_case{"Gunmen took more than 200 people hostage at a hotel in Bamako on Friday.", true,
                 "supported_trigger", "Hostage Taking (Barricade Incident)"},
        // a superlative singles out one incident among many
        cue_case{"In one of the most brazen attacks, gunmen stormed a boarding school in Kebbi in 2021, killing a "
                 "teacher.",
                 true, "supported_trigger", armed},
        cue_case{"In one of the deadliest bombings of the war, a truck bomb killed 92 people in Mosul in 2016.", true,
                 "strong_trigger", bombing},
        cue_case{"Five soldiers were killed when their vehicle hit a roadside bomb in North Waziristan.", true,
                 "strong_trigger", bombing},
        cue_case{"A man was shot and killed Saturday night in the 1200 block of West Madison Street, police said.", true,
                 "strong_trigger", armed},
        cue_case{"Police are investigating a shooting that left one man dead early Sunday.", true, "strong_trigger",
                 armed},
        cue_case{"GUNMEN KIDNAPPED 20 PASSENGERS FROM A BUS IN ZAMFARA STATE ON SUNDAY, POLICE SAID.", true,
                 "strong_trigger", kidnap},
        cue_case{"Assailants abducted four civilians in Dessa, Tillaberi, Niger.", true, "strong_trigger", kidnap},
        cue_case{"An explosive device detonated near a checkpoint in Mosul city, Nineveh, Iraq.", true, "strong_trigger",
                 bombing},
        cue_case{"The suicide bombing was the deadliest attack in Kabul since 2021.", true, "strong_trigger", bombing},
        cue_case{"Five people were injured in the blast, a hospital official said.", true, "strong_trigger", bombing},
        cue_case{"Israeli airstrikes killed 30 people in Gaza overnight, health officials said.", true,
                 "supported_trigger", bombing},
        cue_case{"A bomb exploded at a market in Maiduguri, killing five people, while police defused a second device.",
                 true, "strong_trigger", bombing},
        cue_case{"Twin bombings on Monday killed 20 people in Baghdad.", true, "strong_trigger", bombing},
        cue_case{"Gunmen on motorcycles shot dead a police officer in Peshawar.", true, "strong_trigger", armed},
        cue_case{"A gunman stabbed three people at a shopping mall in Sydney before police shot him dead.", true,
                 "strong_trigger", armed},
        cue_case{"Four policemen were martyred when militants attacked a check post in Lakki Marwat.", true,
                 "supported_trigger", ""},
        cue_case{"BLAST KILLS 12 IN KABUL", true, "strong_trigger", bombing},
        cue_case{"Nigeria: bandits kill 15 villagers in Zamfara", true, "supported_trigger", ""},
        cue_case{"The militants torched 20 houses in the village.", true, "strong_trigger",
                 "Facility/Infrastructure Attack"},
        cue_case{"The death toll from Friday's bombing rose to 60.", true, "strong_trigger", bombing},
        cue_case{"Al-Shabaab fighters stormed a hotel in Mogadishu and took hostages.", true, "strong_trigger",
                 "Hostage Taking (Barricade Incident)"},
        cue_case{"The provincial governor was assassinated in a car bombing in Jalalabad.", true, "strong_trigger",
                 "Assassination"},
        cue_case{"Armed men hijacked a passenger bus on the Karachi highway.", true, "strong_trigger", "Hijacking"},
        cue_case{"A man threw acid on two women outside a market in Lahore.", true, "strong_trigger", "Unarmed Assault"},
        cue_case{"Houthi rebels fired missiles at a commercial ship in the Red Sea.", true, "supported_trigger", bombing},
        cue_case{"At least 20 people have been killed in a bomb blast in Kabul.", true, "strong_trigger", bombing},
        cue_case{"Ten days later, gunmen killed 36 quarry workers as they slept in their tents.", true,
                 "supported_trigger", ""},
        // a vigil for counted victims, with the time of their death, still tells the shooting
        cue_case{"Hundreds gathered at vigils to remember the eight people shot to death Thursday night at the "
                 "FedEx facility.",
                 true, "strong_trigger", armed}));

INSTANTIATE_TEST_SUITE_P(
    IncidentCueNegative, CueCases,
    ::testing::Values(
        cue_case{"Boko Haram has carried out 224 attacks since 2021, according to a report.", false, "aggregate"},
        cue_case{"There has been a wave of bombings across the province in recent months.", false, "aggregate"},
        cue_case{"Pakistan has witnessed a surge in terrorist attacks.", false, "aggregate"},
        cue_case{"Terrorist attacks have killed more than 500 people in Burkina Faso since January.", false, "aggregate"},
        cue_case{"Hundreds of people have been killed in attacks on villages in the region.", false, "aggregate"},
        cue_case{"Dozens of kidnappings were reported in the state last year.", false, "aggregate"},
        cue_case{"The group has intensified its campaign, including suicide bombings, ambushes, and assassination, "
                 "with 224 attacks since 2021.",
                 false, "aggregate"},
        cue_case{"Militants have stepped up raids, kidnapping and assassination across the north this year.", false,
                 "aggregate"},
        cue_case{"Police defused a bomb planted near a school in Quetta.", false, "foiled"},
        cue_case{"Security forces foiled a plot to attack a church in Lahore.", false, "foiled"},
        cue_case{"A bomb disposal squad defused an IED on the Quetta road.", false, "foiled"},
        cue_case{"Police arrested three men over the bombing that killed 12 people.", false, "legal"},
        cue_case{"The court sentenced him to death for the 2008 Mumbai attacks.", false, "legal"},
        cue_case{"The complaint also includes a special-circumstance allegation of multiple murder.", false, "legal"},
        cue_case{"The UN Secretary-General condemned the attack in the strongest terms.", false, "statement"},
        cue_case{"At a news conference on Wednesday, the sergeant would not discuss how many guns were fired.", false,
                 "statement"},
        cue_case{"Iran accused the US of supporting terrorist attacks in the region.", false, "statement"},
        cue_case{"The Taliban threatened to attack government offices if the talks fail.", false, "threat"},
        cue_case{"Militants could attack polling stations during the election.", false, "hypothetical"},
        cue_case{"If the army withdraws, the Taliban will attack Kandahar.", false, "hypothetical"},
        cue_case{"Friday marks the 10th anniversary of the Peshawar school massacre, in which 150 people were killed.",
                 false, "commemoration"},
        cue_case{"Twelve people were killed in a road accident on the Kabul-Kandahar highway.", false, "not_violent"},
        cue_case{"The gas cylinder explosion killed three people in a restaurant.", false, "not_violent"},
        cue_case{"A quarry blast killed four miners on Monday.", false, "not_violent"},
        cue_case{"Security forces killed 10 militants in an intelligence-based operation in North Waziristan.", false,
                 "security_operation"},
        cue_case{"The president said the government will not bow to terrorists.", false, "no_trigger"},
        cue_case{"He died of a heart attack on Monday.", false, "no_trigger"},
        cue_case{"The company suffered a cyber attack that disrupted its systems.", false, "no_trigger"},
        cue_case{"ISKP claimed responsibility for the attack.", false, "weak_trigger"},
        cue_case{"The attack was the deadliest since 2019.", false, "weak_trigger"},
        cue_case{"Attacks on schools have doubled, the report said.", false, "weak_trigger"},
        cue_case{"THE MILITANTS PLAN TO ATTACK THE CITY, INTELLIGENCE OFFICIALS WARNED.", false, "threat"}));

// Several incidents summarised in one plural: a collective, an exact count of 2 or more, or a
// distributive word before an incident noun; device plurals ("blasts", "bombs") only with a
// distributive word or a large count. The triggers that narrate the aggregate go with it.
INSTANTIATE_TEST_SUITE_P(
    IncidentCueAggregate, CueCases,
    ::testing::Values(
        cue_case{"In October 2021, the group also conducted two separate suicide attacks at mosques, two of the "
                 "deadliest incidents of the year.",
                 false, "aggregate"},
        cue_case{"On Friday, the group carried out two separate suicide attacks at mosques in Kunduz and Kandahar, "
                 "killing 80 worshippers.",
                 false, "aggregate"},
        cue_case{"Two bombings on Monday killed 20 people in Baghdad.", false, "aggregate"},
        cue_case{"Three deadly bombings struck Baghdad on Monday, killing 30 people.", false, "aggregate"},
        cue_case{"Several coordinated attacks hit the capital on Friday night.", false, "aggregate"},
        cue_case{"Militants carried out three attacks on police posts in Bannu on Tuesday.", false, "aggregate"},
        cue_case{"A number of deadly ambushes on army convoys were reported in the region on Sunday.", false,
                 "aggregate"},
        cue_case{"Gunmen struck villages in separate raids on Sunday, killing 20 people.", false, "aggregate"},
        cue_case{"Bandits attacked the two villages in different raids overnight.", false, "aggregate"},
        cue_case{"Twelve people were killed in three separate attacks in Kaduna state on Sunday.", false,
                 "aggregate"},
        cue_case{"The town was hit by a wave of bombings on Sunday.", false, "aggregate"},
        cue_case{"A series of explosions rocked the capital on Monday.", false, "aggregate"},
        cue_case{"Two bombs exploded in different parts of Kabul on Monday, killing 12 people.", false, "aggregate"},
        cue_case{"Two separate blasts hit Quetta and Peshawar on Monday.", false, "aggregate"},
        cue_case{"Seven bombs exploded across the capital on Sunday.", false, "aggregate"},
        cue_case{"Three gun attacks in Karachi killed five people on Friday.", false, "aggregate"},
        cue_case{"Both attacks were claimed by the Islamic State on Monday.", false, "aggregate"}));

// One event after all: devices counted small, "twin", or a concrete incident beside the aggregate.
INSTANTIATE_TEST_SUITE_P(
    IncidentCueOneEvent, CueCases,
    ::testing::Values(
        cue_case{"Two blasts ripped through a market in Quetta, killing 12 people.", true, "strong_trigger", bombing},
        cue_case{"Two bombs exploded at a bus station in Kabul on Monday, killing 12 people.", true, "strong_trigger",
                 bombing},
        cue_case{"Three explosions were heard near the airport on Monday.", true, "supported_trigger", bombing},
        cue_case{"Twin suicide attacks killed 30 people at a police academy in Kabul on Tuesday.", true,
                 "supported_trigger", bombing},
        cue_case{"Twin blasts ripped through a market in Quetta on Monday.", true, "strong_trigger", bombing},
        cue_case{"Three bombings struck Baghdad on Monday, including a car bomb that killed 12 people at a market.",
                 true, "strong_trigger", bombing},
        cue_case{"After two separate attacks on police posts last week, gunmen opened fire on a checkpoint in Bannu "
                 "on Monday, killing two officers.",
                 true, "strong_trigger", armed},
        cue_case{"A suicide bomber killed 12 people at a mosque in Kunduz, the second of two attacks on Shia mosques "
                 "this month.",
                 true, "strong_trigger", bombing},
        cue_case{"Gunmen killed 12 people in an attack on a village in Zamfara on Sunday.", true, "supported_trigger",
                 ""}));

// A trigger in the object of a comparison is a passing reference unless that object gives figures.
INSTANTIATE_TEST_SUITE_P(
    IncidentCueComparison, CueCases,
    ::testing::Values(
        cue_case{"The attack is the deadliest in Russia since the 2004 school siege in Beslan.", false, "comparison"},
        cue_case{"The attack was deadlier than the 2015 bombing of the embassy.", false, "comparison"},
        cue_case{"It was the incident with the highest toll after the bombing of the girls' school in May.", false,
                 "comparison"},
        cue_case{"The attack was similar to the 2017 bombing of a Sufi shrine in Sehwan.", false, "comparison"},
        cue_case{"The raid was the first on the capital since a suicide bomber struck a mosque in March.", false,
                 "comparison"},
        cue_case{"The assault was the deadliest in the country after the 2008 Mumbai attacks.", false, "comparison"},
        cue_case{"The bombing was the deadliest in Peshawar since March last year.", true, "strong_trigger", bombing},
        cue_case{"The bombing was the deadliest in Peshawar since March last year, when a suicide attacker struck a "
                 "Shia mosque in the city, killing 64 worshippers.",
                 true, "strong_trigger", bombing},
        cue_case{"More than 20 people were killed in the blast.", true, "strong_trigger", bombing},
        cue_case{"In a scene reminiscent of the 2014 school massacre, gunmen stormed a college in Charsadda on "
                 "Wednesday.",
                 true, "supported_trigger", armed},
        cue_case{"The worst violence came after gunmen stormed the village.", true, "supported_trigger", armed},
        cue_case{"It sounded like an explosion, a witness told reporters.", true, "strong_trigger", bombing}));

TEST(IncidentCues, ComparisonObjectWithFiguresIsAnIncident)
{
    // The object of "since" gives figures: its triggers are read as usual.
    auto const tokens = tokenize("The blast was the worst since the 2004 school siege in Beslan, in which 334 hostages "
                                 "were killed.");
    auto const r = lexicon().classify(tokens);
    ASSERT_TRUE(r.incident);
    auto const siege =
        std::find_if(r.hits.begin(), r.hits.end(), [](trigger_hit const &h) { return h.lemma == "hostage"; });
    ASSERT_NE(siege, r.hits.end());
    EXPECT_EQ(siege->state, trigger_state::qualified);

    // Without figures the same object is a passing reference.
    auto const bare = classify("The blast was the worst since the 2004 school siege in Beslan.");
    EXPECT_TRUE(bare.incident) << "the subject 'blast' is strong";
    ASSERT_EQ(bare.hits.size(), 2u);
    EXPECT_EQ(bare.hits[1].state, trigger_state::cancelled);
    EXPECT_EQ(bare.hits[1].reason, "comparison");
    EXPECT_EQ(bare.hits[1].cue, "since");

    // A clause-initial "Like ...": the object ends at the comma; the main clause is read as usual.
    auto const like = classify("Like the Beslan siege, the attack on the school killed more than 300 people.");
    EXPECT_TRUE(like.incident);
    EXPECT_EQ(like.hits.front().reason, "comparison");
}

TEST(IncidentCues, AnAggregateTakesTheTriggersThatNarrateIt)
{
    auto const r = classify("Three deadly bombings struck Baghdad on Monday, killing 30 people.");
    EXPECT_EQ(r.rule, "aggregate 'three' -> 'bombings'");
    ASSERT_EQ(r.hits.size(), 3u);
    for (auto const &h : r.hits) {
        EXPECT_EQ(h.state, trigger_state::cancelled) << h.lemma;
        EXPECT_EQ(h.reason, "aggregate") << h.lemma;
    }
    EXPECT_EQ(r.hits[1].cue, "three deadly bombings");

    // Backward through "in": the killing is the content of the attacks.
    auto const in = classify("Gunmen killed 12 people in two villages in separate attacks on Sunday.");
    EXPECT_FALSE(in.incident);
    EXPECT_EQ(in.hits.front().cue, "separate attacks");

    // A clause of its own ("and 12 people were killed in ...") does not reach the bomb before it.
    auto const two = classify("A bomb exploded at a market in Kabul on Friday, and 12 people were killed in two "
                              "separate attacks in Kandahar.");
    EXPECT_TRUE(two.incident);
    EXPECT_EQ(two.triggers, (std::vector<std::string>{"bomb", "explode"}));
}

TEST(IncidentCues, TriggerPositionsPointIntoTheTokens)
{
    std::string const text = "Gunmen stormed a hotel in Kabul and opened fire on guests.";
    auto const tokens = tokenize(text);
    auto const r = lexicon().classify(tokens);
    ASSERT_TRUE(r.incident);
    ASSERT_EQ(r.hits.size(), 2u);
    EXPECT_EQ(r.hits[0].lemma, "storm");
    EXPECT_EQ(tokens[r.hits[0].first_token].norm, "stormed");
    EXPECT_EQ(r.hits[1].lemma, "open_fire");
    EXPECT_EQ(r.hits[1].token_count, 2u);
    EXPECT_EQ(r.hits[1].state, trigger_state::qualified);
    EXPECT_EQ(r.triggers, (std::vector<std::string>{"storm", "open_fire"}));
}

TEST(IncidentCues, SplitsASentenceListingTwoIncidents)
{
    auto const tokens =
        tokenize("A bomb exploded at a market in Kabul, killing five people, while gunmen kidnapped three aid workers in Kunduz.");
    auto const r = lexicon().classify(tokens);
    ASSERT_TRUE(r.incident);
    auto const starts = lexicon().incident_starts(tokens, r);
    ASSERT_EQ(starts.size(), 2u);
    EXPECT_EQ(tokens[starts[0]].norm, "a"); // a new incident starts at its determiner
    EXPECT_EQ(tokens[starts[1]].norm, "kidnapped");

    auto const one = tokenize("Gunmen stormed a hotel in Kabul and opened fire on guests.");
    EXPECT_EQ(lexicon().incident_starts(one, lexicon().classify(one)).size(), 1u);

    auto const same_kind = tokenize("A bomb exploded in Kandahar, and another bomb went off in Lashkar Gah.");
    auto const kinds = lexicon().incident_starts(same_kind, lexicon().classify(same_kind));
    ASSERT_EQ(kinds.size(), 2u);
    EXPECT_EQ(same_kind[kinds[1]].norm, "another");
}

TEST(IncidentCues, ARangeIsClassifiedOnItsOwn)
{
    auto const tokens = tokenize("The UN condemned the violence. A suicide bomber struck a market in Mogadishu.");
    std::size_t split = 0;
    while (tokens[split].norm != ".")
        ++split;
    EXPECT_FALSE(lexicon().classify(tokens, 0, split + 1).incident);
    auto const second = lexicon().classify(tokens, split + 1, tokens.size());
    EXPECT_TRUE(second.incident);
    EXPECT_GE(second.hits.front().first_token, split + 1);
    // A negative in one sentence does not reach into the next.
    auto const whole = lexicon().classify(tokens);
    EXPECT_TRUE(whole.incident);
}

TEST(IncidentCues, CancelledTriggersCarryTheirReason)
{
    auto const r = classify("Police defused a bomb planted near a school in Quetta.");
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].state, trigger_state::cancelled);
    EXPECT_EQ(r.hits[0].reason, "foiled");
    EXPECT_EQ(r.hits[0].cue, "defused");
    EXPECT_EQ(r.rule, "foiled 'defused' -> 'bomb'");
}

TEST(IncidentCues, MayTheMonthIsNotMayTheModal)
{
    EXPECT_TRUE(classify("In May gunmen attacked a village in Plateau state.").incident);
    EXPECT_FALSE(classify("Gunmen may attack villages in Plateau state.").incident);
}

TEST(IncidentCues, ConfigErrorsNameFileKeyAndLine)
{
    std::string const path = ::testing::TempDir() + "cues_bad.yaml";
    std::ofstream(path) << "hint_priority: [Armed Assault]\n"
                           "triggers:\n"
                           "  - {lemma: shoot, hint: Armed Assault, strength: very, form: verb, phrases: [shot]}\n";
    try {
        incident_cue_lexicon::load(path);
        ADD_FAILURE() << "no error";
    } catch (etl::config_error const &e) {
        std::string const what = e.what();
        EXPECT_NE(what.find(path + ":3: strength: expected strong or weak, got 'very'"), std::string::npos) << what;
    }
    std::ofstream(path) << "hint_priority: [Armed Assault]\n"
                           "triggers:\n"
                           "  - {lemma: shoot, hint: Armed Assault, strength: weak, form: verb, devices: true,\n"
                           "     phrases: [shot]}\n";
    try {
        incident_cue_lexicon::load(path);
        ADD_FAILURE() << "no error";
    } catch (etl::config_error const &e) {
        std::string const what = e.what();
        EXPECT_NE(what.find(path + ":3: devices: only plural triggers count devices"), std::string::npos) << what;
    }
}

} // namespace
