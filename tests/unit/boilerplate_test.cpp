#include "extract/boilerplate.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace etl::extract;

namespace {

boilerplate_filter const &lexicon()
{
    static boilerplate_filter const filter =
        boilerplate_filter::from_file(std::string(ETL_SOURCE_DIR) + "/config/lexicon/boilerplate.txt");
    return filter;
}

} // namespace

TEST(Boilerplate, LexiconLoads)
{
    EXPECT_GT(lexicon().size(), 100u);
}

TEST(Boilerplate, WholeLinePhrases)
{
    for (char const *line : {"Leave a Comment", "MOST READ", "Exit mobile version", "Share this article",
                             "Share on Facebook", "Share on Twitter", "Share on WhatsApp", "Published", "on",
                             "Advertisement", "ADVERTISEMENT", "Image caption", "All rights reserved",
                             "Skip to main content", "Continue reading", "Read more", "Related Articles",
                             "You may also like", "Story continues below advertisement", "Loading...", "ASIA",
                             "Middle East", "Leave a comment »", "  Share this article  "}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, IgnoresCaseDiacriticsAndPunctuation)
{
    EXPECT_TRUE(lexicon().is_boilerplate("leave a comment"));
    EXPECT_TRUE(lexicon().is_boilerplate("LEAVE A COMMENT:"));
    EXPECT_TRUE(lexicon().is_boilerplate("Léave a Cómment"));
    EXPECT_TRUE(lexicon().is_boilerplate("Share this:"));
    EXPECT_TRUE(lexicon().is_boilerplate("• Share this article"));
}

TEST(Boilerplate, NumbersInLines)
{
    EXPECT_TRUE(lexicon().is_boilerplate("12 Comments"));
    EXPECT_TRUE(lexicon().is_boilerplate("0 comments"));
    EXPECT_TRUE(lexicon().is_boilerplate("4 min read"));
    EXPECT_FALSE(lexicon().is_boilerplate("12 people were killed"));
}

TEST(Boilerplate, ShareButtonRows)
{
    EXPECT_TRUE(lexicon().is_boilerplate("Facebook Twitter WhatsApp Email"));
    EXPECT_TRUE(lexicon().is_boilerplate("Share 0 Tweet 0 Pin 0"));
    EXPECT_TRUE(lexicon().is_boilerplate("Share on X | Share via Email | Print"));
    EXPECT_FALSE(lexicon().is_boilerplate("Share prices fell after the attack."));
}

TEST(Boilerplate, DatesOfThePage)
{
    EXPECT_TRUE(lexicon().is_boilerplate("Published on 12 March 2023"));
    EXPECT_TRUE(lexicon().is_boilerplate("Updated: 10:45 GMT, 3 June 2023"));
    EXPECT_TRUE(lexicon().is_boilerplate("Last updated on Tuesday"));
    EXPECT_TRUE(lexicon().is_boilerplate("Posted on May 4, 2022 by admin"));
    EXPECT_TRUE(lexicon().is_boilerplate("Updated 5 Jan 2024"));
    EXPECT_FALSE(lexicon().is_boilerplate("Updated figures from the ministry show 40 dead and 112 wounded."));
    EXPECT_FALSE(lexicon().is_boilerplate(
        "Published reports said 12 people were killed in the attack on the market in the north."));
}

TEST(Boilerplate, Stamps)
{
    for (char const *line : {"Published May 2, 2023 by Amaka Obi", "Updated 5:12 PM CDT, Sat. Jun. 3, 2023",
                             "Last updated: 2 hours ago", "Posted on Tuesday, 3 June 2023 at 10:45",
                             "Published: 14/05/2015 09:10 PKT", "Date: 2021-10-15", "First published on Mon 3 Jan 2022",
                             "Updated 5 Jan 2024."}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
    for (char const *line : {"Updated casualty figures were released on Monday.", "Posted guards fled the base.",
                             "Published in 2019, the report listed 40 attacks.", "Dated graffiti covered the walls"}) {
        EXPECT_FALSE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, Bylines)
{
    for (char const *line : {"By John Smith", "By John Smith and Jane Doe, Reuters", "BY JOHN SMITH",
                             "By Aisha Bello | Updated 10:30 AM", "By Our Correspondent", "By AFP",
                             "By Staff Reporter", "By J. R. Okafor", "By María José Núñez in Bogotá",
                             "Written by Lena Hart", "Posted by admin",
                             "Reporting by Ali Khan in Kabul; Editing by Jane Roe",
                             "By Tom Reed, Example News, May 31, 2024", "By KAREN DOE | kdoe@example.com",
                             "By Sam Carter @samcarter"}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, SentencesStartingWithByAreKept)
{
    for (char const *line :
         {"By the time police arrived, the gunmen had fled.", "By Monday, 12 people had died.",
          "By Monday night the toll had risen", "By nightfall, rescuers had pulled 30 bodies from the rubble.",
          "BY THE TIME POLICE ARRIVED, THE GUNMEN HAD FLED.", "By then, the attackers were gone!",
          "By detonating the device early, the bomber killed only himself."}) {
        EXPECT_FALSE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, PhotoCredits)
{
    for (char const *line : {"Picture source: IRNA", "Photo: AFP", "(Photo by Jane Roe/AFP)", "Image: Reuters",
                             "Image caption: Residents inspect the damage", "File photo", "Photo credit: Sam Carter",
                             "Residents at the scene. (AFP/Getty Images)", "Credit: Reuters"}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
    EXPECT_FALSE(lexicon().is_boilerplate("Photos posted online showed the burnt-out bus."));
    EXPECT_FALSE(lexicon().is_boilerplate("Photographers were among those detained by the militia."));
}

TEST(Boilerplate, LinksPromotionsAndSubscriptions)
{
    for (char const *line : {"Related: Five killed in market blast", "Read more: Who are the insurgents?",
                             "Subscribe to our newsletter", "Sign up for our daily briefing",
                             "Click here to read more", "Follow us on Twitter and Facebook",
                             "Join our WhatsApp channel", "Tags: Nigeria, Kaduna, kidnapping"}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, CopyrightAndCookies)
{
    for (char const *line :
         {"© 2024 Example Media. All rights reserved.", "Copyright 2021 The Daily Example",
          "(c) 2019 Example Broadcasting Corporation", "Copyright © Example Press Agency. All Rights Reserved",
          "This material may not be published, broadcast, rewritten or redistributed.",
          "We use cookies to improve your experience on our site. By continuing to browse you agree to our "
          "use of cookies.",
          "This website uses cookies to ensure you get the best experience.", "Accept all cookies"}) {
        EXPECT_TRUE(lexicon().is_boilerplate(line)) << line;
    }
}

TEST(Boilerplate, LongSentencesMentioningFurnitureWordsAreKept)
{
    EXPECT_FALSE(lexicon().is_boilerplate(
        "The militants posted a video in which they said all rights reserved by the group's council would be "
        "enforced, and they warned residents to share the message with everyone in the district before the "
        "end of the week."));
    EXPECT_FALSE(lexicon().is_boilerplate(
        "Click here was the name of the website the attackers used to recruit followers, officials said."));
    EXPECT_FALSE(lexicon().is_boilerplate(
        "Source: a senior police official in the province told reporters that at least 14 people died in the "
        "twin blasts on Friday evening."));
    EXPECT_FALSE(lexicon().is_boilerplate("On Monday, gunmen attacked a checkpoint."));
    EXPECT_FALSE(lexicon().is_boilerplate("Share"
                                          "holders fled the city."));
}

TEST(Boilerplate, DecorationLines)
{
    for (char const *line : {"* * *", "---", "|", "...", "\xE2\x80\xA2 \xE2\x80\xA2", "\xC2\xA9"})
        EXPECT_TRUE(boilerplate_filter().is_boilerplate(line)) << line;
    EXPECT_FALSE(boilerplate_filter().is_boilerplate("قتل خمسة أشخاص"));
    EXPECT_FALSE(boilerplate_filter().is_boilerplate("12"));
    EXPECT_FALSE(boilerplate_filter().is_boilerplate(""));
}

TEST(Boilerplate, RemoveKeepsParagraphs)
{
    std::string const text = "ASIA\n\nPublished\n\non\n\nFirst paragraph.\n\nLeave a Comment\n\n"
                             "Second paragraph, line one.\nShare on Facebook\nline two.\n\n"
                             "MOST READ\n\nExit mobile version";
    EXPECT_EQ(lexicon().remove(text), "First paragraph.\n\nSecond paragraph, line one.\nline two.");
}

TEST(Boilerplate, RemoveEdgeCases)
{
    EXPECT_EQ(lexicon().remove(""), "");
    EXPECT_EQ(lexicon().remove("MOST READ\n\nLeave a Comment"), "");
    EXPECT_EQ(lexicon().remove("\n\nText.\n\n\n\n"), "Text.");
    EXPECT_EQ(lexicon().remove("One.\nTwo."), "One.\nTwo.");
    EXPECT_EQ(lexicon().remove("  One.  \n\n  Two.  "), "One.\n\nTwo.");
}

TEST(Boilerplate, CustomEntries)
{
    auto const filter = boilerplate_filter::from_string("# a comment\n"
                                                        "Sponsored by Example\n"
                                                        "prefix 3: note:\n"
                                                        "contains 6: do not reply\n"
                                                        "words: alpha beta\n"
                                                        "byline: filed by\n"
                                                        "\n");
    EXPECT_EQ(filter.size(), 5u);
    EXPECT_TRUE(filter.is_boilerplate("sponsored by example"));
    EXPECT_TRUE(filter.is_boilerplate("Note: none"));
    EXPECT_FALSE(filter.is_boilerplate("Note: this one is long"));
    EXPECT_FALSE(filter.is_boilerplate("Notes: none"));
    EXPECT_TRUE(filter.is_boilerplate("Please do not reply here"));
    EXPECT_FALSE(filter.is_boilerplate("Please do not reply to this message at all"));
    EXPECT_TRUE(filter.is_boilerplate("Beta alpha beta"));
    EXPECT_FALSE(filter.is_boilerplate("Beta gamma"));
    auto const one_letter = boilerplate_filter::from_string("contains: x\n");
    EXPECT_TRUE(one_letter.is_boilerplate("a x"));
    EXPECT_TRUE(one_letter.is_boilerplate("X"));
    EXPECT_FALSE(one_letter.is_boilerplate("ax"));
    EXPECT_TRUE(filter.is_boilerplate("Filed by Ana Ruiz"));
    EXPECT_FALSE(filter.is_boilerplate("By Ana Ruiz"));
}

TEST(Boilerplate, ConfigErrorsNameFileAndLine)
{
    try {
        boilerplate_filter::from_string("Fine line\nprefix x: bad limit\n", "test.txt");
        FAIL() << "expected config_error";
    } catch (etl::config_error const &e) {
        EXPECT_NE(std::string(e.what()).find("test.txt:2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(boilerplate_filter::from_string("prefix:\n"), etl::config_error);
    EXPECT_THROW(boilerplate_filter::from_string("contains 5:   \n"), etl::config_error);
    EXPECT_THROW(boilerplate_filter::from_string("line: ***\n"), etl::config_error);
    EXPECT_THROW(boilerplate_filter::from_file("/nonexistent/boilerplate.txt"), etl::config_error);
}

TEST(Boilerplate, UnknownKindIsAPhrase)
{
    auto const filter = boilerplate_filter::from_string("Note: see below\n");
    EXPECT_TRUE(filter.is_boilerplate("Note: see below"));
    EXPECT_FALSE(filter.is_boilerplate("Note: see above"));
}

TEST(Boilerplate, MegabyteText)
{
    std::string text;
    while (text.size() < (1u << 20))
        text += "Gunmen killed four people at a checkpoint on the main road, police said on Sunday.\n\n"
                "Share on Facebook\n\nShort line.\n";
    std::string const out = lexicon().remove(text);
    EXPECT_EQ(out.find("Share on Facebook"), std::string::npos);
    EXPECT_GT(out.size(), text.size() / 2);
}
