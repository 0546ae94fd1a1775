#pragma once
// Number phrases in a token stream: digits ("63", "1,250", "1.5 million"), number words
// ("Ninety-one", "two hundred and forty", "a dozen", "half a dozen"), their qualifiers
// ("at least 63", "nearly 60", "40-odd", "50 or more"), ranges ("between 10 and 15", "10 to 15",
// "10-15", "two or three") and vague quantities ("dozens", "several hundred", "tens of thousands").
//
// Not numbers here: years ("in 2015"), dates ("March 5", "5 May"), times ("9:30", "10 a.m.",
// "0300 GMT"), ordinals and fractions ("twenty-third", "two thirds"), percentages, money ("$5",
// "5 million dollars"), ages ("a 23-year-old", "aged 23", "John Smith, 23,"), labels ("No. 5",
// "Route 66", "Flight 370", "the 500 block"), measures ("5 km", "20 years", "3 hours") and
// decimals without a scale word ("3.5").
//
// An article ("a journalist") is never a number here: whether "a"/"an" counts as 1 depends on
// the noun that follows, which the casualty extractor decides.
//
// Ranges are reported as their lower bound with qualifier at_least ("between 10 and 15" is
// at_least 10, upper 15): the figure the text commits to, as ACLED and GTD code conflicting or
// ranged reports with the lowest figure.
//
// Vague quantities get qualifier vague and a conventional value (vague_convention). ACLED codes
// "tens" as 10, "dozens" as 12 and "hundreds" as 100 "and so on"; we follow it and extend it with
// thousands = 1000, millions = 1000000 and scores = 20 (a score is twenty). For words that give
// no order of magnitude ("several", "a few", "a handful", "a number of", "many", "numerous",
// "multiple") we use 3, the smallest count such a word plausibly commits to, so that a sum of
// figures is never inflated by a guess; the qualifier vague tells consumers the value is a
// convention. Combined forms multiply: "several hundred" = 300, "tens of thousands" = 10000,
// "a few dozen" = 36. config/lexicon/casualties.yaml may override every value.

#include "core/incident_report.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace etl::extract {

/// Values of vague quantities (see the file comment).
struct vague_convention {
    long tens = 10;
    long dozens = 12;
    long scores = 20;
    long hundreds = 100;
    long thousands = 1000;
    long millions = 1000000;
    long several = 3; ///< also "a number of", "multiple"
    long a_few = 3;   ///< also "a handful (of)"
    long many = 3;    ///< also "numerous"
};

struct number_phrase {
    long value = 0; ///< a range's lower bound
    long upper = 0; ///< a range's upper bound; value otherwise
    count_qualifier qualifier = count_qualifier::exact;
    std::size_t first_token = 0; ///< from the qualifier, when there is one
    std::size_t token_count = 0;
    std::size_t begin = 0; ///< byte span of those tokens
    std::size_t end = 0;

    std::size_t end_token() const { return first_token + token_count; }
};

/// All number phrases, left to right, not overlapping, without the excluded kinds above.
std::vector<number_phrase> find_numbers(std::vector<token> const &tokens, vague_convention const &vague = {});

/// The value of a text that is one number and nothing else ("two hundred and forty", "Ninety-one",
/// "1,250", "1.5 million", "a dozen"); nullopt for anything else, qualifiers and vague words included.
std::optional<long> parse_number_words(std::string_view text);

/// An ordinal: "second" (spelled, up to "twentieth", and "thirtieth") or "5th", "22nd" (digits,
/// at most three). Ordinals are no counts (find_numbers leaves them out); dates read "the 3rd"
/// and "July Fourth" from them, casualties "a fifth person has died".
struct ordinal {
    long value = 0;
    bool spelled = false;
};
std::optional<ordinal> read_ordinal(token const &t);

} // namespace etl::extract
