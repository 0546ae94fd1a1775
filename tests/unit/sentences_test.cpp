#include "extract/sentences.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace etl::extract;

namespace {

abbreviation_list const &abbrevs()
{
    static abbreviation_list const list =
        abbreviation_list::from_file(std::string(ETL_SOURCE_DIR) + "/config/lexicon/abbreviations.txt");
    return list;
}

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/// Splits and checks the offsets: in range, ordered, not overlapping, trimmed.
std::vector<sentence> split_checked(std::string_view text)
{
    auto const sentences = split_sentences(text, abbrevs());
    std::size_t previous_end = 0;
    std::size_t previous_paragraph = 0;
    for (auto const &s : sentences) {
        EXPECT_LT(s.begin, s.end);
        EXPECT_LE(s.end, text.size());
        EXPECT_GE(s.begin, previous_end);
        EXPECT_GE(s.paragraph, previous_paragraph);
        EXPECT_LE(s.paragraph, previous_paragraph + 1);
        if (s.begin < s.end && s.end <= text.size()) {
            EXPECT_FALSE(is_ws(text[s.begin]));
            EXPECT_FALSE(is_ws(text[s.end - 1]));
        }
        previous_end = s.end;
        previous_paragraph = s.paragraph;
    }
    return sentences;
}

std::vector<std::string> split(std::string_view text)
{
    std::vector<std::string> out;
    for (auto const &s : split_checked(text))
        out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using strings = std::vector<std::string>;

} // namespace

// ------------------------------------------------------------------ basics

TEST(Sentences, SplitsAtTerminalPunctuation)
{
    EXPECT_EQ(split("A bomb exploded. Six people died! Who did it? Nobody knows."),
              (strings{"A bomb exploded.", "Six people died!", "Who did it?", "Nobody knows."}));
}

TEST(Sentences, OffsetsRoundTrip)
{
    std::string const text = "  First one.   Second one.\n\nThird one.  ";
    auto const sentences = split_checked(text);
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(sentences[0].begin, 2u);
    EXPECT_EQ(text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin), "First one.");
    EXPECT_EQ(text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin), "Second one.");
    EXPECT_EQ(text.substr(sentences[2].begin, sentences[2].end - sentences[2].begin), "Third one.");
    EXPECT_EQ(sentences[2].paragraph, 1u);
}

TEST(Sentences, NoSplitBeforeLowerCase)
{
    EXPECT_EQ(split("The blast hit at approx. noon. then silence."),
              (strings{"The blast hit at approx. noon. then silence."}));
}

TEST(Sentences, DigitAndQuoteAndBracketOpenSentences)
{
    EXPECT_EQ(split("It ended in 2019. 12 people died."), (strings{"It ended in 2019.", "12 people died."}));
    EXPECT_EQ(split("He left. \"We are safe,\" she said."), (strings{"He left.", "\"We are safe,\" she said."}));
    EXPECT_EQ(split("He left. (The road was closed.) Then rain."),
              (strings{"He left.", "(The road was closed.)", "Then rain."}));
}

TEST(Sentences, EmptyAndDegenerateInput)
{
    EXPECT_TRUE(split("").empty());
    EXPECT_TRUE(split("   \n\n \t ").empty());
    EXPECT_TRUE(split("...").empty());
    EXPECT_TRUE(split("\"\n\n* * *").empty());
    EXPECT_EQ(split("no punctuation at all"), (strings{"no punctuation at all"}));
    EXPECT_EQ(split("x"), (strings{"x"}));
    EXPECT_EQ(split("Ends with a period."), (strings{"Ends with a period."}));
}

// ------------------------------------------------------------------ abbreviations

TEST(Sentences, TitlesNeverEndASentence)
{
    for (char const *text : {"Gen. Amina Yusuf led the raid.", "Lt. Col. Daniel Obi was hurt.",
                             "Sgt. Maj. Ruth Kimani spoke.", "Capt. Ali Said and Maj. Omar Haji fled.",
                             "Dr. Lee and Mr. and Mrs. Park and Ms. Ruiz came.", "Prof. Ade Bello wrote it.",
                             "Sen. Mary Holt and Rep. Sam Cole and Gov. Ann Fry met.", "It was Brig. Gen. Musa Kalu.",
                             "Fighters, e.g. Those from the north, left.", "The rivals, i.e. The two clans, met.",
                             "Team A vs. Team B ended.", "Approx. 40 died."}) {
        EXPECT_EQ(split(text).size(), 1u) << text;
    }
}

TEST(Sentences, AbbreviationsBeforeNumbers)
{
    EXPECT_EQ(split("He lived at No. 10 Park Road.").size(), 1u);
    EXPECT_EQ(split("Wards Nos. 3 and 4 were hit.").size(), 1u);
    for (char const *text : {"On Jan. 6 a mob attacked.", "By Feb. 2 it was over.", "On Aug. 6 a bomb went off.",
                             "Since Sept. 11 the city changed.", "On Oct. 7 gunmen came.", "On Nov. 13 they struck.",
                             "On Dec. 25 a church was hit."}) {
        EXPECT_EQ(split(text).size(), 1u) << text;
    }
    EXPECT_EQ(split("They asked and he said no. The crowd left."),
              (strings{"They asked and he said no.", "The crowd left."}));
}

TEST(Sentences, AmbiguousAbbreviations)
{
    EXPECT_EQ(split("U.S. officials said the U.N. Security Council would meet.").size(), 1u);
    EXPECT_EQ(split("The blast came at 9 a.m. Monday and a second at 5 p.m. local time.").size(), 1u);
    EXPECT_EQ(split("Example Inc. said Acme Ltd. and Zed Co. Limited were fined.").size(), 1u);
    EXPECT_EQ(split("Climbers on Mt. Kenya and people in St. Louis heard it.").size(), 1u);
    EXPECT_EQ(split("Troops flew to the U.S. The next day they left."),
              (strings{"Troops flew to the U.S.", "The next day they left."}));
    EXPECT_EQ(split("The shooting began at 3 p.m. Police arrived later."),
              (strings{"The shooting began at 3 p.m.", "Police arrived later."}));
    EXPECT_EQ(split("The attack in Washington, D.C. drew crowds.").size(), 1u); // dotted acronym
}

TEST(Sentences, EtcCanEndASentence)
{
    EXPECT_EQ(split("They seized rifles, grenades, etc. Police said more raids would follow."),
              (strings{"They seized rifles, grenades, etc.", "Police said more raids would follow."}));
    EXPECT_EQ(split("They seized rifles, grenades, etc. and burned the rest.").size(), 1u);
}

TEST(Sentences, StateAbbreviationsOnlyWhenCapitalised)
{
    EXPECT_EQ(split("A gunman in Springfield, Ill. Opened fire.").size(), 1u);
    EXPECT_EQ(split("The guard fell ill. Paramedics came."), (strings{"The guard fell ill.", "Paramedics came."}));
}

TEST(Sentences, Initials)
{
    EXPECT_EQ(split("J. K. Rowling was not there.").size(), 1u);
    EXPECT_EQ(split("They flew from John F. Kennedy Airport.").size(), 1u);
    EXPECT_EQ(split("It was Plan B. The second plan failed."), (strings{"It was Plan B.", "The second plan failed."}));
}

TEST(Sentences, DecimalsUrlsAndHyphenatedAbbreviations)
{
    EXPECT_EQ(split("A 3.5 magnitude quake and $1.2 million in aid.").size(), 1u);
    EXPECT_EQ(split("See example.org. Then call.").size(), 2u);
    EXPECT_EQ(split("The U.S.-led coalition struck.").size(), 1u);
    EXPECT_EQ(split("Version 2.0. Next line.").size(), 2u);
}

TEST(Sentences, ListNumbers)
{
    EXPECT_EQ(split("1. The first demand.\n2. The second demand."),
              (strings{"1. The first demand.", "2. The second demand."}));
}

// ------------------------------------------------------------------ ellipses and quotes

TEST(Sentences, Ellipses)
{
    EXPECT_EQ(split("He said he was ... shocked by it.").size(), 1u);
    EXPECT_EQ(split("He said he was... shocked by it.").size(), 1u);
    EXPECT_EQ(split("The toll could rise... Officials feared the worst."),
              (strings{"The toll could rise...", "Officials feared the worst."}));
}

TEST(Sentences, ClosingQuotes)
{
    EXPECT_EQ(split("\"We will not leave,\" he said. \"They will lose.\" Then he left."),
              (strings{"\"We will not leave,\" he said.", "\"They will lose.\"", "Then he left."}));
    EXPECT_EQ(split("\"Stop!\" he shouted. \"Why?\" she asked."),
              (strings{"\"Stop!\" he shouted.", "\"Why?\" she asked."}));
    EXPECT_EQ(split("He called it 'a massacre'. Police disagreed."),
              (strings{"He called it 'a massacre'.", "Police disagreed."}));
    EXPECT_EQ(split("She said: 'It is over.' Nobody believed her."),
              (strings{"She said: 'It is over.'", "Nobody believed her."}));
}

// ------------------------------------------------------------------ capitals

TEST(Sentences, AllCapsWireCopy)
{
    EXPECT_EQ(split("GUNMEN KILLED FIVE PEOPLE IN THE TOWN. U.S. OFFICIALS SAID THE ATTACK WAS PLANNED. GEN. "
                    "ABU SAID DENIED IT. THE VICTIMS WERE BURIED AT 4 P.M. THE SAME DAY."),
              (strings{"GUNMEN KILLED FIVE PEOPLE IN THE TOWN.", "U.S. OFFICIALS SAID THE ATTACK WAS PLANNED.",
                       "GEN. ABU SAID DENIED IT.", "THE VICTIMS WERE BURIED AT 4 P.M.", "THE SAME DAY."}));
    EXPECT_EQ(split("ON AUG. 6 A BOMB EXPLODED IN ST. PAUL.").size(), 1u);
}

TEST(Sentences, AllCapsRunsOnAfterWeakStarters)
{
    EXPECT_EQ(split("THE BLAST OCCURRED AT 12:30 P.M. AS WORSHIPPERS LEFT THE MOSQUE.").size(), 1u);
    EXPECT_EQ(split("TROOPS FROM THE U.S. AND BRITAIN ARRIVED.").size(), 1u);
    EXPECT_EQ(split("IT HAPPENED AT 5 P.M. POLICE SEALED THE AREA.").size(), 2u);
    EXPECT_EQ(split("It happened at 5 p.m. As police arrived, the crowd fled.").size(), 2u);
}

TEST(Sentences, CapitalisedAbbreviationAtSentenceStart)
{
    EXPECT_EQ(split("E.g. Gunmen often strike at dawn.").size(), 1u);
}

// ------------------------------------------------------------------ datelines

TEST(Sentences, DatelineStaysInFirstSentence)
{
    EXPECT_EQ(split("KABUL, May 31 (Reuters) - A suicide bomber killed 12 people. Police sealed the area."),
              (strings{"KABUL, May 31 (Reuters) - A suicide bomber killed 12 people.", "Police sealed the area."}));
    EXPECT_EQ(split("ST. LOUIS (AP) - Two men were shot.").size(), 1u);
    EXPECT_EQ(split("WASHINGTON, D.C. (AP) - Two men were shot.").size(), 1u);
    EXPECT_EQ(split("SPRINGFIELD, Ill. (AP) - Two men were shot.").size(), 1u);
    EXPECT_EQ(split("MOGADISHU, Somalia, Sept. 12 (Xinhua) - A car bomb exploded.").size(), 1u);
    EXPECT_EQ(split("KABUL, Afghanistan (AP)\nA suicide bomber struck a mosque."),
              (strings{"KABUL, Afghanistan (AP)\nA suicide bomber struck a mosque."}));
    EXPECT_EQ(split("TEHRAN -\nThe envoy arrived.").size(), 1u);
}

// ------------------------------------------------------------------ lines and paragraphs

TEST(Sentences, BlankLinesStartParagraphs)
{
    auto const sentences = split_checked("One. Two.\n\nThree.\n\n\n\nFour.");
    ASSERT_EQ(sentences.size(), 4u);
    EXPECT_EQ(sentences[0].paragraph, 0u);
    EXPECT_EQ(sentences[1].paragraph, 0u);
    EXPECT_EQ(sentences[2].paragraph, 1u);
    EXPECT_EQ(sentences[3].paragraph, 2u);
}

TEST(Sentences, ParagraphsWithoutSentencesAreNotCounted)
{
    auto const sentences = split_checked("One.\n\n* * *\n\nTwo.");
    ASSERT_EQ(sentences.size(), 2u);
    EXPECT_EQ(sentences[1].paragraph, 1u);
}

TEST(Sentences, TitleLineIsItsOwnSentence)
{
    std::string const text = "Gunmen kill six in northern town\nGunmen killed six people on Sunday. Police said so.";
    auto const sentences = split_checked(text);
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin),
              "Gunmen kill six in northern town");
    EXPECT_EQ(sentences[0].paragraph, 0u);
    EXPECT_EQ(sentences[1].paragraph, 1u);
}

TEST(Sentences, OneParagraphPerLine)
{
    auto const sentences = split_checked("First line ends here.\nSecond line, U.S.\nThird line.");
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(sentences[2].paragraph, 2u);
}

TEST(Sentences, ArabicArticleOpensASentence)
{
    EXPECT_EQ(split("Twelve people died. al-Shabaab said it did it."),
              (strings{"Twelve people died.", "al-Shabaab said it did it."}));
    EXPECT_EQ(split("Twelve people died.\nal-Shabaab said it did it.").size(), 2u);
    EXPECT_EQ(split("Twelve people died. also in the north.").size(), 1u);
}

TEST(Sentences, LowerCaseLineAfterAmbiguousAbbreviation)
{
    EXPECT_EQ(split("The raid was led by the U.S.\nmilitary and local forces.").size(), 1u);
    EXPECT_EQ(split("It ended before 3 p.m.\non Monday.").size(), 1u);
    EXPECT_EQ(split("Troops left the U.S.\nThe envoy stayed.").size(), 2u);
}

TEST(Sentences, LinesThatRunOn)
{
    EXPECT_EQ(split("The attack was carried out by\nmilitants from the north.").size(), 1u); // lower case next
    EXPECT_EQ(split("The attack was carried out by\nMilitants from the north.").size(), 1u); // connective word
    EXPECT_EQ(split("Police said:\n\"Nobody will be spared.\"").size(), 1u);
    EXPECT_EQ(split("Killed were three soldiers,\nTwo police officers and a child.").size(), 1u);
    EXPECT_EQ(split("He spoke to Maj.\nGen. Ruto on Friday.").size(), 1u);
}

TEST(Sentences, HardWrappedParagraph)
{
    std::string const text = "THE BOMB EXPLODED NEAR A CROWDED MARKET IN THE CITY CENTRE ON\n"
                             "FRIDAY, KILLING AT LEAST 14 PEOPLE AND WOUNDING 30 OTHERS, A\n"
                             "POLICE SPOKESMAN SAID. THE DEVICE WAS HIDDEN IN A PARKED CAR AND\n"
                             "WENT OFF AT ABOUT 11 A.M. NO GROUP CLAIMED RESPONSIBILITY.\n"
                             "REPORTERS SAW AT LEAST SIX DESTROYED STALLS.";
    auto const s = split(text);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0], "THE BOMB EXPLODED NEAR A CROWDED MARKET IN THE CITY CENTRE ON\n"
                    "FRIDAY, KILLING AT LEAST 14 PEOPLE AND WOUNDING 30 OTHERS, A\nPOLICE SPOKESMAN SAID.");
    EXPECT_EQ(s[1], "THE DEVICE WAS HIDDEN IN A PARKED CAR AND\nWENT OFF AT ABOUT 11 A.M."); // "NO" opens a sentence
    EXPECT_EQ(s[2], "NO GROUP CLAIMED RESPONSIBILITY.");
    EXPECT_EQ(s[3], "REPORTERS SAW AT LEAST SIX DESTROYED STALLS.");
}

TEST(Sentences, HardWrappedShortLineEndsParagraph)
{
    std::string const text = "Rebels attacked the garrison before dawn on Tuesday and held\n"
                             "the hilltop for several hours before troops arrived from the\n"
                             "capital\n"
                             "Officials gave no toll for the fighting but residents said many\n"
                             "bodies lay in the streets of the town after the battle ended";
    auto const sentences = split_checked(text);
    ASSERT_EQ(sentences.size(), 2u);
    EXPECT_EQ(sentences[0].paragraph, 0u);
    EXPECT_EQ(sentences[1].paragraph, 1u);
    EXPECT_EQ(text.substr(sentences[1].begin, 9), "Officials");
}

TEST(Sentences, HardWrappedListItems)
{
    std::string const text = "The group listed three demands in a statement posted online\n"
                             "overnight and sent to several news agencies in the region\n"
                             "- release of all prisoners held at the central jail\n"
                             "- withdrawal of troops from the northern districts now";
    EXPECT_EQ(split(text).size(), 3u);
}

// ------------------------------------------------------------------ abbreviation_list

TEST(AbbreviationList, Loads)
{
    EXPECT_GT(abbrevs().size(), 100u);
    EXPECT_EQ(abbrevs().find("Gen"), abbreviation_kind::title);
    EXPECT_EQ(abbrevs().find("GEN"), abbreviation_kind::title);
    EXPECT_EQ(abbrevs().find("gen"), std::nullopt);
    EXPECT_EQ(abbrevs().find("Aug"), abbreviation_kind::before_number);
    EXPECT_EQ(abbrevs().find("U.S"), abbreviation_kind::ambiguous);
    EXPECT_EQ(abbrevs().find("a.m"), abbreviation_kind::ambiguous);
    EXPECT_EQ(abbrevs().find("A.M"), abbreviation_kind::ambiguous);
    EXPECT_EQ(abbrevs().find("Ill"), abbreviation_kind::ambiguous);
    EXPECT_EQ(abbrevs().find("ill"), std::nullopt);
    EXPECT_EQ(abbrevs().find("etc"), std::nullopt);
    EXPECT_EQ(abbrevs().find(""), std::nullopt);
    EXPECT_TRUE(abbrevs().is_sentence_starter("The"));
    EXPECT_TRUE(abbrevs().is_sentence_starter("THE"));
    EXPECT_TRUE(abbrevs().is_sentence_starter("THE", true));
    EXPECT_TRUE(abbrevs().is_sentence_starter("AS"));
    EXPECT_FALSE(abbrevs().is_sentence_starter("AS", true));
    EXPECT_FALSE(abbrevs().is_sentence_starter("Army"));
}

TEST(AbbreviationList, FromString)
{
    auto const list = abbreviation_list::from_string("# comment\n[title]\nCmdr. Insp.\n[ambiguous]\nX.Y.\n"
                                                     "[sentence_starters]\nso\n");
    EXPECT_EQ(list.size(), 3u);
    EXPECT_EQ(list.find("Insp"), abbreviation_kind::title);
    EXPECT_EQ(list.find("X.Y"), abbreviation_kind::ambiguous);
    EXPECT_TRUE(list.is_sentence_starter("So"));
    EXPECT_EQ(split_sentences("Ask Insp. Moyo. So it goes.", list).size(), 2u);
}

TEST(AbbreviationList, ConfigErrors)
{
    try {
        abbreviation_list::from_string("[title]\nMr.\nMrs\n", "abbr.txt");
        FAIL() << "expected config_error";
    } catch (etl::config_error const &e) {
        EXPECT_NE(std::string(e.what()).find("abbr.txt:3"), std::string::npos) << e.what();
    }
    EXPECT_THROW(abbreviation_list::from_string("Mr.\n"), etl::config_error);
    EXPECT_THROW(abbreviation_list::from_string("[titles]\nMr.\n"), etl::config_error);
    EXPECT_THROW(abbreviation_list::from_file("/nonexistent/abbreviations.txt"), etl::config_error);
}

TEST(AbbreviationList, EmptyListStillSplits)
{
    abbreviation_list const none;
    EXPECT_EQ(split_sentences("One. Two.", none).size(), 2u);
    EXPECT_EQ(split_sentences("Gen. Smith came.", none).size(), 2u);
}

// ------------------------------------------------------------------ robustness

TEST(Sentences, GarbageDoesNotCrash)
{
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> pick(0, 11);
    static char const alphabet[] = ". !?\n\"')aZ1";
    for (int round = 0; round < 100; ++round) {
        std::string text;
        for (int i = 0; i < 2000; ++i)
            text.push_back(round % 2 ? static_cast<char>(byte(rng)) : alphabet[pick(rng)]);
        split_checked(text);
    }
}

TEST(Sentences, MegabyteInput)
{
    std::string text;
    int paragraphs = 0;
    while (text.size() < (1u << 20)) {
        text += "KABUL, Aug. 6 (Reuters) - Gunmen killed 3.5 dozen people, U.S. officials said. \"It was awful,\" "
                "Lt. Gen. J. K. Obi said at 9 a.m. Monday. Police came.\n\n";
        ++paragraphs;
    }
    auto const sentences = split_checked(text);
    EXPECT_EQ(sentences.size(), static_cast<std::size_t>(paragraphs) * 3);
    EXPECT_EQ(sentences.back().paragraph, static_cast<std::size_t>(paragraphs) - 1);
}
