#include "extract/numbers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace etl::extract;
using etl::count_qualifier;

namespace {

struct found {
    long value;
    count_qualifier qualifier;
    std::string text;
};

std::vector<found> numbers_in(std::string const &text, vague_convention const &vague = {})
{
    std::vector<found> out;
    for (auto const &p : find_numbers(tokenize(text), vague))
        out.push_back({p.value, p.qualifier, text.substr(p.begin, p.end - p.begin)});
    return out;
}

/// The single number phrase in `text`; fails the test when there is not exactly one.
found only(std::string const &text)
{
    auto const all = numbers_in(text);
    EXPECT_EQ(all.size(), 1u) << text;
    return all.empty() ? found{-1, count_qualifier::exact, ""} : all.front();
}

} // namespace

TEST(Numbers, DigitsAndThousandsSeparators)
{
    EXPECT_EQ(only("killed 63 people").value, 63);
    found const f = only("more than 1,250 people");
    EXPECT_EQ(f.value, 1250);
    EXPECT_EQ(f.qualifier, count_qualifier::more_than);
    EXPECT_EQ(f.text, "more than 1,250");
    EXPECT_EQ(only("1.5 million people fled").value, 1500000);
    EXPECT_EQ(only("3 million people").value, 3000000);
}

TEST(Numbers, NumberWords)
{
    EXPECT_EQ(only("Ninety-one people died").value, 91);
    EXPECT_EQ(only("two hundred and forty were hurt").value, 240);
    EXPECT_EQ(only("one thousand two hundred and five").value, 1205);
    EXPECT_EQ(only("twenty-five hundred troops").value, 2500);
    EXPECT_EQ(only("a dozen people").value, 12);
    EXPECT_EQ(only("two dozen people").value, 24);
    EXPECT_EQ(only("half a dozen people").value, 6);
    EXPECT_EQ(only("a hundred people").value, 100);
    EXPECT_EQ(only("a hundred and fifty people").value, 150);
    EXPECT_EQ(only("one person died").value, 1);
    EXPECT_EQ(only("zero casualties").value, 0);
    EXPECT_EQ(only("a pair of gunmen").value, 2);
}

TEST(Numbers, SeparateNumbersStaySeparate)
{
    auto const all = numbers_in("five soldiers and six civilians; twelve, thirteen");
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].value, 5);
    EXPECT_EQ(all[1].value, 6);
    EXPECT_EQ(all[2].value, 12);
    EXPECT_EQ(all[3].value, 13);
}

TEST(Numbers, ArticlesAreNotNumbers)
{
    EXPECT_TRUE(numbers_in("a journalist and an aid worker were killed").empty());
    EXPECT_TRUE(numbers_in("no one was hurt; the one who fled; they blamed one another").empty());
}

TEST(Numbers, Qualifiers)
{
    struct row {
        char const *text;
        long value;
        count_qualifier q;
    };
    row const rows[] = {
        {"at least 63", 63, count_qualifier::at_least},
        {"no fewer than 9", 9, count_qualifier::at_least},
        {"more than 100", 100, count_qualifier::more_than},
        {"over 20", 20, count_qualifier::more_than},
        {"upwards of 20", 20, count_qualifier::more_than},
        {"almost 60", 60, count_qualifier::almost},
        {"nearly 60", 60, count_qualifier::almost},
        {"close to 40", 40, count_qualifier::almost},
        {"about 7", 7, count_qualifier::about},
        {"around 30", 30, count_qualifier::about},
        {"approximately 12", 12, count_qualifier::about},
        {"some 20", 20, count_qualifier::about},
        {"roughly 80", 80, count_qualifier::about},
        {"an estimated 50", 50, count_qualifier::about},
        {"up to 30", 30, count_qualifier::up_to},
        {"as many as 12", 12, count_qualifier::up_to},
        {"more than a dozen", 12, count_qualifier::more_than},
        {"nearly two hundred", 200, count_qualifier::almost},
        {"50 or more", 50, count_qualifier::at_least},
        {"40-odd", 40, count_qualifier::about},
        {"50-plus", 50, count_qualifier::more_than},
        {"a total of 17", 17, count_qualifier::exact},
    };
    for (auto const &r : rows) {
        found const f = only(std::string(r.text) + " people");
        EXPECT_EQ(f.value, r.value) << r.text;
        EXPECT_EQ(f.qualifier, r.q) << r.text;
        EXPECT_EQ(f.text, r.text) << r.text;
    }
    found const couple = only("a couple of people");
    EXPECT_EQ(couple.value, 2);
    EXPECT_EQ(couple.qualifier, count_qualifier::about);
    EXPECT_EQ(couple.text, "a couple"); // "of people" is the noun, not the number
}

TEST(Numbers, RangesGiveTheirLowerBound)
{
    auto const tokens = tokenize("between 10 and 15 people");
    auto const all = find_numbers(tokens);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].value, 10);
    EXPECT_EQ(all[0].upper, 15);
    EXPECT_EQ(all[0].qualifier, count_qualifier::at_least);
    EXPECT_EQ(all[0].token_count, 4u);

    for (char const *text : {"10 to 15 people", "10-15 people",
                             "10\xE2\x80\x93"
                             "15 people",
                             "ten or fifteen people"}) {
        found const f = only(text);
        EXPECT_EQ(f.value, 10) << text;
        EXPECT_EQ(f.qualifier, count_qualifier::at_least) << text;
    }
    EXPECT_EQ(only("up to 10 to 15 people").qualifier, count_qualifier::up_to);
}

TEST(Numbers, FromToIsAnUpdateNotARange)
{
    auto const all = numbers_in("the toll rose from 50 to 63");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].value, 50);
    EXPECT_EQ(all[1].value, 63);
    EXPECT_EQ(all[1].qualifier, count_qualifier::exact);
}

TEST(Numbers, VagueQuantitiesFollowTheConvention)
{
    struct row {
        char const *text;
        long value;
        char const *matched;
    };
    row const rows[] = {
        {"dozens of people", 12, "dozens"},
        {"scores of people", 20, "scores"},
        {"scores were hurt", 20, "scores"},
        {"hundreds were injured", 100, "hundreds"},
        {"thousands of people", 1000, "thousands"},
        {"tens of people", 10, "tens"},
        {"tens of thousands of people", 10000, "tens of thousands"},
        {"hundreds of thousands of people", 100000, "hundreds of thousands"},
        {"several hundred people", 300, "several hundred"},
        {"a few dozen people", 36, "a few dozen"},
        {"several people", 3, "several"},
        {"a few people", 3, "a few"},
        {"a handful of people", 3, "a handful"},
        {"a number of people", 3, "a number"},
        {"many people", 3, "many"},
        {"numerous people", 3, "numerous"},
    };
    for (auto const &r : rows) {
        found const f = only(r.text);
        EXPECT_EQ(f.value, r.value) << r.text;
        EXPECT_EQ(f.qualifier, count_qualifier::vague) << r.text;
        EXPECT_EQ(f.text, r.matched) << r.text;
    }
    vague_convention custom;
    custom.several = 10;
    custom.dozens = 24;
    auto const all = numbers_in("several people and dozens of others", custom);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].value, 10);
    EXPECT_EQ(all[1].value, 24);
    // A qualifier does not make a vague word exact.
    EXPECT_EQ(only("at least dozens of people").qualifier, count_qualifier::vague);
    EXPECT_TRUE(numbers_in("the test scores were high").empty());
    EXPECT_TRUE(numbers_in("tens were").empty());
}

TEST(Numbers, YearsDatesAndTimesAreExcluded)
{
    for (char const *text : {"in 2015", "since 1998,", "the 2015 attacks", "between 2010 and 2015", "from 2010 to 2015",
                             "2014-15", "on March 5", "on Jan. 5", "5 January", "on 5 May 2019", "at 9:30",
                             "at 10 a.m.", "at 7 pm", "0300 GMT", "mid-2016", "2015 was the worst year"})
        EXPECT_TRUE(numbers_in(text).empty()) << text;
    // A four-digit number before a noun is a count, and "5 may" before a verb is no date.
    EXPECT_EQ(only("killed 2000 people").value, 2000);
    EXPECT_EQ(only("at least 1999 people").value, 1999);
    EXPECT_EQ(only("five may have died").value, 5);
}

TEST(Numbers, OrdinalsFractionsPercentMoneyAgesLabelsAndMeasuresAreExcluded)
{
    for (char const *text : {"the third attack",
                             "the 3rd attack",
                             "the twenty-third victim",
                             "two thirds of",
                             "one half",
                             "5% of voters",
                             "5 percent",
                             "5 per cent",
                             "$5 million",
                             "US$ 20",
                             "\xE2\x82\xAC 5",
                             "5 million dollars",
                             "20 rupees",
                             "a 23-year-old man",
                             "23 years old",
                             "aged 23",
                             "John Smith, 23, of Springfield",
                             "Smith (23)",
                             "No. 5",
                             "number 5",
                             "Route 66",
                             "Flight 370",
                             "the 500 block of Main Street",
                             "5 km away",
                             "5km",
                             "3.5 miles",
                             "20 years",
                             "3 hours",
                             "two days",
                             "several weeks",
                             "an F-16",
                             "COVID-19",
                             "an AK-47",
                             "3.5",
                             "0049 555 1234567"})
        EXPECT_TRUE(numbers_in(text).empty()) << text;
}

TEST(Numbers, AllCapsReadsTheSame)
{
    auto const all = numbers_in("KILLED AT LEAST 12 PEOPLE AND WOUNDED TWENTY-FIVE, DOZENS MORE");
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].value, 12);
    EXPECT_EQ(all[0].qualifier, count_qualifier::at_least);
    EXPECT_EQ(all[1].value, 25);
    EXPECT_EQ(all[2].qualifier, count_qualifier::vague);
    EXPECT_TRUE(numbers_in("IN 2015, ON MARCH 5, NO. 5, A 23-YEAR-OLD").empty());
}

TEST(Numbers, SpansCoverQualifierAndNumber)
{
    std::string const text = "Police said nearly 60 people died.";
    auto const tokens = tokenize(text, 1000);
    auto const all = find_numbers(tokens);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].first_token, 2u);
    EXPECT_EQ(all[0].token_count, 2u);
    EXPECT_EQ(all[0].end_token(), 4u);
    EXPECT_EQ(text.substr(all[0].begin - 1000, all[0].end - all[0].begin), "nearly 60");
}

TEST(Numbers, ParseNumberWords)
{
    EXPECT_EQ(parse_number_words("two hundred and forty"), 240);
    EXPECT_EQ(parse_number_words("Ninety-one"), 91);
    EXPECT_EQ(parse_number_words("NINETY ONE"), 91);
    EXPECT_EQ(parse_number_words("1,250"), 1250);
    EXPECT_EQ(parse_number_words("1.5 million"), 1500000);
    EXPECT_EQ(parse_number_words("a dozen"), 12);
    EXPECT_EQ(parse_number_words("three thousand"), 3000);
    EXPECT_FALSE(parse_number_words("dozens"));
    EXPECT_FALSE(parse_number_words("at least 5"));
    EXPECT_FALSE(parse_number_words("five people"));
    EXPECT_FALSE(parse_number_words("twenty and"));
    EXPECT_FALSE(parse_number_words("3.5"));
    EXPECT_FALSE(parse_number_words(""));
    EXPECT_FALSE(parse_number_words("hundred"));
}

TEST(Numbers, OrdinalsSpelledAndInDigits)
{
    auto const read = [](std::string const &word) { return read_ordinal(tokenize(word).front()); };
    ASSERT_TRUE(read("fifth"));
    EXPECT_EQ(read("fifth")->value, 5);
    EXPECT_TRUE(read("Fifth")->spelled);
    ASSERT_TRUE(read("12th"));
    EXPECT_EQ(read("12th")->value, 12);
    EXPECT_FALSE(read("12th")->spelled);
    EXPECT_EQ(read("22nd")->value, 22);
    EXPECT_EQ(read("thirtieth")->value, 30);
    EXPECT_FALSE(read("five"));
    EXPECT_FALSE(read("1234th")) << "at most three digits";
    EXPECT_FALSE(read("12"));
    EXPECT_FALSE(read("5s"));
}
