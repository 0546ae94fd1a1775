#include "extract/tokens.hpp"

#include <gtest/gtest.h>

using namespace etl::extract;

namespace {
std::vector<std::string> norms(std::string_view text)
{
    std::vector<std::string> out;
    for (auto const &t : tokenize(text))
        out.push_back(t.norm);
    return out;
}
} // namespace

TEST(Tokens, SplitsHyphensAndDropsPossessive)
{
    EXPECT_EQ(norms("Mazar-i-Sharif's governor"), (std::vector<std::string>{"mazar", "i", "sharif", "governor"}));
    EXPECT_EQ(norms("ISIS-K claimed it."), (std::vector<std::string>{"isis", "k", "claimed", "it", "."}));
}

TEST(Tokens, PossessiveMarksTheWordBeforeIt)
{
    auto const flags = [](std::string_view text) {
        std::vector<std::pair<std::string, bool>> out;
        for (auto const &t : tokenize(text))
            out.emplace_back(t.norm, t.possessive);
        return out;
    };
    using v = std::vector<std::pair<std::string, bool>>;
    EXPECT_EQ(flags("Peshawar's Police Lines"), (v{{"peshawar", true}, {"police", false}, {"lines", false}}));
    EXPECT_EQ(flags("IN KANDAHAR'S OLD CITY"), (v{{"in", false}, {"kandahar", true}, {"old", false}, {"city", false}}));
    // A plural possessive: the apostrophe alone after an "s".
    EXPECT_EQ(flags("the Philippines' south"), (v{{"the", false}, {"philippines", true}, {"south", false}}));
    // Other apostrophes mark nothing.
    EXPECT_EQ(flags("'Kabul' Ma'arrat don't"),
              (v{{"kabul", false}, {"ma", false}, {"arrat", false}, {"don", false}, {"t", false}}));
    EXPECT_EQ(flags("in the 1990's"), (v{{"in", false}, {"the", false}, {"1990", false}}));
    EXPECT_EQ(flags("Kabul Bank"), (v{{"kabul", false}, {"bank", false}}));
}

TEST(Tokens, NumbersKeepThousandsAndDecimals)
{
    auto const t = tokenize("killed 1,250 people, 3.5 km away");
    ASSERT_GE(t.size(), 6u);
    EXPECT_EQ(t[1].norm, "1250");
    EXPECT_EQ(t[1].kind, token_kind::number);
    EXPECT_EQ(t[3].norm, ",");
    EXPECT_EQ(t[4].norm, "3.5");
}

TEST(Tokens, OffsetsPointIntoText)
{
    std::string const text = "In Kabul, a blast.";
    auto const t = tokenize(text, 100);
    ASSERT_EQ(t[1].norm, "kabul");
    EXPECT_EQ(t[1].begin, 103u);
    EXPECT_EQ(text.substr(t[1].begin - 100, t[1].end - t[1].begin), "Kabul");
}

TEST(Tokens, CaseFlagsAndDiacritics)
{
    auto const t = tokenize("KABUL Kabul kabul Hérat");
    EXPECT_TRUE(t[0].all_caps);
    EXPECT_TRUE(t[1].capitalised);
    EXPECT_FALSE(t[1].all_caps);
    EXPECT_FALSE(t[2].capitalised);
    EXPECT_EQ(t[3].norm, "herat");
    EXPECT_TRUE(t[3].capitalised);
}

TEST(Tokens, TypographicDashEndsWord)
{
    EXPECT_EQ(norms("ISKP\xE2\x80\x94" "Daesh"), (std::vector<std::string>{"iskp", "\xE2\x80\x94", "daesh"}));
}

TEST(PhraseMatcher, LongestMatchWinsAndSpellingsMeet)
{
    phrase_matcher m;
    m.add("Islamic State", 1);
    m.add("Islamic State Khorasan Province", 2);
    m.add("al-Shabaab", 3);
    auto const t = tokenize("The Islamic State Khorasan Province and Al Shabaab, not the Islamic State.");
    auto const found = m.find_all(t);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].value, 2u);
    EXPECT_EQ(found[1].value, 3u);
    EXPECT_EQ(found[2].value, 1u);
}

TEST(PhraseMatcher, DoesNotMatchAcrossPunctuation)
{
    phrase_matcher m;
    m.add("New York", 1);
    EXPECT_TRUE(m.find_all(tokenize("new, york")).empty());
    EXPECT_EQ(m.find_all(tokenize("in NEW YORK today")).size(), 1u);
}
