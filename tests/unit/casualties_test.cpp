#include "extract/casualties.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>

using namespace etl::extract;
using etl::casualty_count;
using etl::count_qualifier;

namespace {

constexpr long none = -1;

casualty_extractor const &lexicon()
{
    static casualty_extractor const x = casualty_extractor::load(ETL_SOURCE_DIR "/config/lexicon/casualties.yaml");
    return x;
}

casualty_figures read(std::string const &text) { return lexicon().extract(tokenize(text), text); }

long value_of(std::optional<casualty_count> const &c) { return c ? c->value : none; }

std::string upper(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

struct sentence_case {
    char const *text;
    long killed;
    long injured;
    long kidnapped;
    long arrested;
    long perpetrators;
    bool caps = true; ///< reads the same in ALL CAPS (names need mixed case)
};

void PrintTo(sentence_case const &c, std::ostream *os) { *os << '"' << c.text << '"'; }

class CasualtySentence : public ::testing::TestWithParam<sentence_case> {};

void expect_figures(std::string const &text, sentence_case const &c)
{
    casualty_figures const f = read(text);
    EXPECT_EQ(value_of(f.killed), c.killed) << "killed: " << text;
    EXPECT_EQ(value_of(f.injured), c.injured) << "injured: " << text;
    EXPECT_EQ(value_of(f.kidnapped), c.kidnapped) << "kidnapped: " << text;
    EXPECT_EQ(value_of(f.arrested), c.arrested) << "arrested: " << text;
    EXPECT_EQ(value_of(f.perpetrators_killed), c.perpetrators) << "perpetrators_killed: " << text;
}

TEST_P(CasualtySentence, Figures)
{
    sentence_case const &c = GetParam();
    expect_figures(c.text, c);
    if (c.caps)
        expect_figures(upper(c.text), c);
}

//                killed  injured kidnap  arrest  perps
sentence_case const sentences[] = {
    // figure first, cue first, both in one sentence
    {"At least 63 people were killed and 120 others injured.", 63, 120, none, none, none},
    {"The blast killed 5 people and wounded 12 more.", 5, 12, none, none, none},
    {"Gunmen killed at least 10 people in Kabul on Monday.", 10, none, none, none, none},
    {"5 dead, 12 wounded in market blast", 5, 12, none, none, none},
    {"The explosion left 7 dead.", 7, none, none, none, none},
    {"The attack left 3 people dead and 2 injured.", 3, 2, none, none, none},
    {"Eleven were killed.", 11, none, none, none, none},
    {"Ninety-one people were killed and two hundred and forty were wounded.", 91, 240, none, none, none},
    {"Killing 5 and wounding 12 more.", 5, 12, none, none, none},
    {"The explosion killed 4 and injured 20, 5 of them critically.", 4, 20, none, none, none},
    {"A roadside bomb killed two soldiers and wounded three others in Helmand province on Sunday, officials said.", 2,
     3, none, none, none},
    {"Police said 5 people were killed and at least 12 others were injured, 3 of them critically, in the attack.", 5,
     12, none, none, none},
    {"Killed were 3 soldiers and a civilian.", 4, none, none, none, none},
    {"Up to 30 people may have been killed.", 30, none, none, none, none},
    {"Rescuers pulled 12 bodies from the rubble.", 12, none, none, none, none},
    {"Casualties included 5 dead and 20 wounded.", 5, 20, none, none, none},
    // death toll and nominal cues
    {"The death toll rose to 63 on Tuesday.", 63, none, none, none, none},
    {"The death toll from Monday's bombing in Kabul has climbed to 81.", 81, none, none, none, none},
    {"Officials put the death toll at 27.", 27, none, none, none, none},
    {"The number of people killed in the attacks rose to 45.", 45, none, none, none, none},
    {"The attack claimed the lives of 12 people.", 12, none, none, none, none},
    {"The attack resulted in the deaths of at least 20 people, with over 50 injuries.", 20, 50, none, none, none},
    // updates and several figures
    {"The attack killed 50 people, raising the toll to 63.", 63, none, none, none, none},
    {"The death toll rose from 50 to 63.", 63, none, none, none, none},
    {"Mass abductions began when insurgents carried off 276 girls from their dormitories.", none, none, 276, none,
     none},
    {"The bomb killed four cavalrymen as they rode through the park.", 4, none, none, none, none},
    {"The second bomb killed seven army bandsmen.", 7, none, none, none, none},
    {"The death toll from Sunday's coordinated bombings at churches and hotels in Colombo rose to 310.", 310, none,
     none, none, none},
    {"The death toll has since climbed to 45, with 60 others wounded.", 45, 60, none, none, none},
    {"The number of people killed in the bombing has risen to 53, and at least 46 of them were girls.", 53, none,
     none, none, none},
    {"Five people were killed, days after an attack in the same town killed 20.", 5, none, none, none, none},
    {"The bombing, the deadliest since 2015, when 130 people were killed, left 20 dead.", 20, none, none, none, none},
    {"Two policemen were killed and three civilians died.", 5, none, none, none, none},
    {"At least 10 people were killed; officials said 12 people were dead.", 12, none, none, none, none},
    // vague quantities
    {"Three people died and hundreds were injured.", 3, 100, none, none, none},
    {"Dozens of people were killed and scores wounded.", 12, 20, none, none, none},
    {"Several people were wounded.", none, 3, none, none, none},
    {"Between 10 and 15 people were killed.", 10, none, none, none, none},
    {"10 to 15 people were killed.", 10, none, none, none, none},
    {"More than 100 people were injured, 20 of them seriously.", none, 100, none, none, none},
    // articles, determiners, pronouns, coordination
    {"Militants killed a journalist and two others.", 3, none, none, none, none},
    {"The two officials were killed.", 2, none, none, none, none},
    {"A police officer was shot dead.", 1, none, none, none, none},
    {"A 23-year-old man was killed.", 1, none, none, none, none},
    {"The gunmen ambushed the convoy, killing him and his driver.", 2, none, none, none, none},
    {"She was shot dead in front of her home.", 1, none, none, none, none},
    {"Gunmen shot dead a police officer and his son.", 2, none, none, none, none},
    {"Both men were killed.", 2, none, none, none, none},
    {"One person was killed and another injured.", 1, 1, none, none, none},
    {"Five civilians and three soldiers were killed.", 8, none, none, none, none},
    {"Militants killed 5 Afghans and 2 Pakistanis.", 7, none, none, none, none},
    {"The attack killed 5 U.S. soldiers.", 5, none, none, none, none},
    {"A 34-year-old man was pronounced dead at the scene, and a 17-year-old girl was taken to a local hospital "
     "with non-life-threatening injuries, police said.",
     1, 1, none, none, none},
    {"Two children were among the dead.", 2, none, none, none, none},
    // parts of a total
    {"Twenty people were killed, including 8 children.", 20, none, none, none, none},
    {"Nine people, including the bomber, were killed.", 9, none, none, none, 1},
    {"The blast killed 7 people including two attackers.", 7, none, none, none, 2},
    // perpetrators
    {"The bomber blew himself up.", 1, none, none, none, 1},
    {"The attacker was shot dead by police.", 1, none, none, none, 1},
    {"Two attackers were killed in the shootout.", 2, none, none, none, 2},
    {"Three militants were killed and a soldier was wounded.", 3, 1, none, none, 3},
    {"The 3 attackers were killed by security forces after killing 10 civilians.", 13, none, none, none, 3},
    {"Police killed 3 militants after they attacked a checkpoint, killing 2 soldiers.", 5, none, none, none, 3},
    {"The gunman, who killed 5 people, was later shot dead by police.", 6, none, none, none, 1},
    {"Two of the attackers were killed and one was arrested.", 2, none, none, 1, 2},
    // agents are not casualties
    {"Two gunmen killed 5 people before fleeing.", 5, none, none, none, none},
    {"A suicide bomber killed 12 worshippers at a mosque.", 12, none, none, none, none},
    // none
    {"No one was hurt in the blast.", 0, 0, none, none, none},
    {"There were no casualties.", 0, 0, none, none, none},
    {"Nobody was killed.", 0, none, none, none, none},
    {"No deaths were reported.", 0, none, none, none, none},
    {"No one was killed or injured in the blast.", 0, 0, none, none, none},
    {"Two people were killed but no one else was hurt.", 2, 0, none, none, none},
    {"There were no immediate reports of casualties.", none, none, none, none, none},
    {"No arrests have been made.", none, none, none, 0, none},
    // arrests and kidnappings
    {"Police arrested 3 suspects.", none, none, none, 3, none},
    {"Four people were arrested on Sunday.", none, none, none, 4, none},
    {"Police detained 12 suspects after the attack.", none, none, none, 12, none},
    {"Seven people have been detained.", none, none, none, 7, none},
    {"Twelve aid workers were kidnapped.", none, none, 12, none, none},
    {"Gunmen abducted 30 students from a school.", none, none, 30, none, none},
    {"As many as 12 people were abducted.", none, none, 12, none, none},
    {"Gunmen seized 3 aid workers and 2 vehicles.", none, none, 3, none, none},
    {"The militants took 20 hostages.", none, none, 20, none, none},
    {"20 people are missing after the attack.", none, none, 20, none, none},
    {"An American contractor was kidnapped.", none, none, 1, none, none},
    // figures about something else
    {"The group has carried out 224 attacks since 2010.", none, none, none, none, none},
    {"Police found 16 devices near the stadium.", none, none, none, none, none},
    {"He was sentenced to 20 years in prison.", none, none, none, none, none},
    {"3 vehicles were destroyed in the blast.", none, none, none, none, none},
    {"The attack killed 5 people in 3 villages.", 5, none, none, none, none},
    {"The bomb, which weighed 50 kg, killed 5.", 5, none, none, none, none},
    {"Gunmen stormed a bus carrying 40 passengers, killing 5.", 5, none, none, none, none},
    {"The explosion at 9:30 a.m. killed 5 people and injured 14.", 5, 14, none, none, none},
    {"In 2015, 130 people were killed in the attacks.", 130, none, none, none, none},
    {"Over 2 days, 15 people were killed.", 15, none, none, none, none},
    {"Three people were shot.", none, none, none, none, none}, // "shot" alone may be either
    {"It was not clear how many people were killed.", none, none, none, none, none},
    {"Five people were not injured.", none, none, none, none, none},
    {"Gunmen tried to kidnap two engineers.", none, none, none, none, none},
    {"The group vowed to kill 5 soldiers for every fighter lost.", none, none, none, none, none},
    {"A 19-year-old man was killed and two other people were wounded in a shooting early Sunday.", 1, 2, none, none,
     none},
    {"Two additional victims were found dead in a field.", 2, none, none, none, none},
    {"Officers responded to the 1400 block of Oak Street around 2:15 a.m. and found the victims.", none, none, none,
     none, none},
    // names (mixed case only)
    {"John Smith, 23, of Springfield, was shot dead on Tuesday.", 1, none, none, none, none, false},
    {"John Smith, 23, and Jane Doe, 25, were killed in the crash.", 2, none, none, none, none, false},
    {"Police said Smith was arrested at his home.", none, none, none, 1, none, false},
    {"Mohammed al-Masri was killed in the raid.", 1, none, none, none, none, false},
    {"A gunman shot the senator at a rally, killing Benazir Rahman and at least 20 other people.", 21, none, none,
     none, none, false},
    // a noun naming the victims' plight gives way to what happened to them
    {"At least 40 hostages were killed when troops stormed the building.", 40, none, none, none, none},
    {"Gunmen took more than 200 people hostage at a hotel.", none, none, 200, none, none},
    {"The rebels took 20 hostages on Monday.", none, none, 20, none, none},
    // an ordinal victim counts all before it
    {"A fifth person has died after the shooting at the bank.", 5, none, none, none, none},
    {"The 12th victim died in hospital on Sunday.", 12, none, none, none, none},
    {"A second officer was wounded in the exchange of fire.", none, 2, none, none, none},
    {"The first victim was a 70-year-old customer who was killed near the deli.", 1, none, none, none, none},
    // where the victims came from
    {"Twenty-three people from 18 countries were killed in the siege.", 23, none, none, none, none},
};

INSTANTIATE_TEST_SUITE_P(CasualtyCases, CasualtySentence, ::testing::ValuesIn(sentences));

} // namespace

TEST(Casualties, QualifiersAndTextComeFromTheFigure)
{
    casualty_figures f = read("At least 63 people were killed and hundreds were injured.");
    ASSERT_TRUE(f.killed && f.injured);
    EXPECT_EQ(f.killed->qualifier, count_qualifier::at_least);
    EXPECT_EQ(f.killed->text, "At least 63");
    EXPECT_EQ(f.injured->qualifier, count_qualifier::vague);
    EXPECT_EQ(f.injured->text, "hundreds");

    f = read("Between 10 and 15 people were killed.");
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->qualifier, count_qualifier::at_least);
    EXPECT_EQ(f.killed->text, "Between 10 and 15");

    f = read("Nearly 60 people have died.");
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->qualifier, count_qualifier::almost);

    f = read("Militants killed a journalist and two others.");
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->qualifier, count_qualifier::exact);
    EXPECT_EQ(f.killed->text, "a journalist and two others");

    f = read("At least 5 civilians and 3 soldiers were killed.");
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->value, 8);
    EXPECT_EQ(f.killed->qualifier, count_qualifier::at_least);

    f = read("No one was hurt.");
    ASSERT_TRUE(f.injured);
    EXPECT_EQ(f.injured->qualifier, count_qualifier::exact);
    EXPECT_EQ(f.injured->text, "No one");
}

TEST(Casualties, PerpetratorsAreCountedInKilledAndApart)
{
    casualty_figures f = read("A suicide bomber blew himself up, killing 5 people.");
    ASSERT_TRUE(f.killed && f.perpetrators_killed);
    EXPECT_EQ(f.killed->value, 6); // GTD nkill counts the perpetrator
    EXPECT_EQ(f.perpetrators_killed->value, 1);

    // Inside a total already given the perpetrator is not added again.
    f = read("Nine people, including the bomber, were killed.");
    ASSERT_TRUE(f.killed && f.perpetrators_killed);
    EXPECT_EQ(f.killed->value, 9);
    EXPECT_EQ(f.perpetrators_killed->value, 1);
    EXPECT_EQ(f.perpetrators_killed->text, "the bomber");

    // Perpetrators wounded are just wounded.
    f = read("Two attackers were wounded.");
    EXPECT_EQ(value_of(f.injured), 2);
    EXPECT_FALSE(f.perpetrators_killed);
    EXPECT_FALSE(f.killed);

    // With a final toll the perpetrators are part of it.
    f = read("Two gunmen were killed, raising the death toll to 20.");
    EXPECT_EQ(value_of(f.killed), 20);
    EXPECT_EQ(value_of(f.perpetrators_killed), 2);
}

TEST(Casualties, ArrestsAreNeverDeaths)
{
    casualty_figures const f = read("Police arrested 4 militants and killed 2 others.");
    EXPECT_EQ(value_of(f.arrested), 4);
    EXPECT_EQ(value_of(f.killed), 2);
}

TEST(Casualties, ExplanationsNameRuleAndText)
{
    casualty_figures const f = read("The attack killed 50 people, raising the toll to 63.");
    ASSERT_EQ(f.explanations.size(), 1u);
    EXPECT_EQ(f.explanations[0].field, "killed");
    EXPECT_EQ(f.explanations[0].rule, "casualties.update");
    EXPECT_EQ(f.explanations[0].matched, "toll to 63");
    EXPECT_TRUE(f.killed_revised);
    EXPECT_TRUE(read("THE TOLL FROM THE DAYLONG ORDEAL STOOD AT 17 DEAD.").killed_revised);
    EXPECT_FALSE(read("The attack killed 50 people.").killed_revised);

    casualty_figures const g = read("Nine people, including the bomber, were killed.");
    ASSERT_EQ(g.explanations.size(), 2u);
    EXPECT_EQ(g.explanations[0].field, "killed");
    EXPECT_EQ(g.explanations[0].rule, "casualties.figure_first");
    EXPECT_EQ(g.explanations[0].matched, "Nine people, including the bomber, were killed");
    EXPECT_EQ(g.explanations[1].field, "perpetrators_killed");

    casualty_figures const h = read("Gunmen killed at least 10 people.");
    ASSERT_EQ(h.explanations.size(), 1u);
    EXPECT_EQ(h.explanations[0].rule, "casualties.cue_first");
    EXPECT_EQ(h.explanations[0].matched, "killed at least 10 people");

    // A figure only found after "after", "since" ... is still read, but flagged: it may be an earlier event.
    casualty_figures const k = read("The attack came two days after militants killed 40 people.");
    ASSERT_EQ(k.explanations.size(), 1u);
    EXPECT_EQ(value_of(k.killed), 40);
    EXPECT_EQ(k.explanations[0].rule, "casualties.cue_first.subordinate");
}

TEST(Casualties, TextIsQuotedThroughOffsetsOrRebuiltFromTokens)
{
    std::string const article = "Headline. At least 12 people were killed.";
    std::string const sentence = article.substr(10);
    auto const tokens = tokenize(sentence, 10);
    casualty_figures f = lexicon().extract(tokens, article, 0);
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->text, "At least 12");
    f = lexicon().extract(tokens);
    ASSERT_TRUE(f.killed);
    EXPECT_EQ(f.killed->text, "at least 12");
}

TEST(Casualties, SentencesWithoutCuesGiveNothing)
{
    EXPECT_FALSE(lexicon().has_cue(tokenize("The president met 12 governors on Monday.")));
    EXPECT_TRUE(lexicon().has_cue(tokenize("Two were KILLED.")));
    casualty_figures const f = read("The president met 12 governors on Monday.");
    EXPECT_FALSE(f.killed || f.injured || f.kidnapped || f.arrested || f.perpetrators_killed);
    EXPECT_TRUE(f.explanations.empty());
    EXPECT_FALSE(lexicon().extract({}).killed);
}

TEST(Casualties, VagueValuesComeFromTheLexicon)
{
    casualty_extractor const x = casualty_extractor::parse(R"(
vague_quantities:
  several: 10
  dozens: 24
cues:
  killed:
    either: [killed]
persons:
  plural: [people]
)",
                                                           "test.yaml");
    EXPECT_EQ(x.vague().several, 10);
    EXPECT_EQ(x.vague().hundreds, 100);
    std::string const text = "Several people were killed.";
    EXPECT_EQ(value_of(x.extract(tokenize(text), text).killed), 10);
    std::string const text2 = "Dozens of people were killed.";
    EXPECT_EQ(value_of(x.extract(tokenize(text2), text2).killed), 24);
}

TEST(Casualties, LexiconErrorsNameFileKeyAndLine)
{
    auto const message = [](char const *yaml) -> std::string {
        try {
            casualty_extractor::parse(yaml, "lex.yaml");
        } catch (etl::config_error const &e) {
            return e.what();
        }
        return "no error";
    };
    std::string m = message("cues:\n  killed:\n    either: [killed]\npersons:\n  plural: [people]\nvictims: [x]\n");
    EXPECT_NE(m.find("lex.yaml:6"), std::string::npos) << m;
    EXPECT_NE(m.find("victims"), std::string::npos) << m;

    m = message("cues:\n  slain:\n    either: [killed]\npersons:\n  plural: [people]\n");
    EXPECT_NE(m.find("lex.yaml:2"), std::string::npos) << m;
    EXPECT_NE(m.find("cues.slain"), std::string::npos) << m;

    m = message("cues:\n  killed:\n    before: [killed]\npersons:\n  plural: [people]\n");
    EXPECT_NE(m.find("cues.killed.before"), std::string::npos) << m;

    m = message("cues:\n  killed:\n    either: killed\npersons:\n  plural: [people]\n");
    EXPECT_NE(m.find("lex.yaml:3"), std::string::npos) << m;
    EXPECT_NE(m.find("cues.killed.either"), std::string::npos) << m;

    m = message(
        "vague_quantities:\n  dozens: lots\ncues:\n  killed:\n    either: [killed]\npersons:\n  plural: [people]\n");
    EXPECT_NE(m.find("lex.yaml:2"), std::string::npos) << m;
    EXPECT_NE(m.find("vague_quantities.dozens"), std::string::npos) << m;

    m = message("cues: [\n");
    EXPECT_NE(m.find("lex.yaml:"), std::string::npos) << m;

    m = message("persons:\n  plural: [people]\n");
    EXPECT_NE(m.find("cues"), std::string::npos) << m;

    EXPECT_THROW(casualty_extractor::load("/nonexistent/casualties.yaml"), etl::config_error);
}
