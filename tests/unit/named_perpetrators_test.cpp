// Lone attackers named in the text: a name next to a role noun, an identifying phrase or a
// charge, through the real lexicon (config/lexicon/named_perpetrators.yaml).

#include "extract/named_perpetrators.hpp"
#include "extract/tokens.hpp"

#include <gtest/gtest.h>

using namespace etl::extract;

namespace {

named_perpetrator_finder const &finder()
{
    static auto const f =
        named_perpetrator_finder::load(std::string(ETL_SOURCE_DIR) + "/config/lexicon/named_perpetrators.yaml");
    return f;
}

/// The names found, as written, joined by " | ".
std::string names_in(std::string const &text)
{
    auto const tokens = tokenize(text);
    std::string out;
    for (auto const &n : finder().find(tokens, 0, tokens.size())) {
        if (!out.empty())
            out += " | ";
        out += text.substr(tokens[n.first_token].begin,
                           tokens[n.first_token + n.token_count - 1].end - tokens[n.first_token].begin);
    }
    return out;
}

struct name_case {
    char const *text;
    char const *expected;
};

class NamedPerpetratorCases : public ::testing::TestWithParam<name_case> {};

TEST_P(NamedPerpetratorCases, FindsTheAttackerByName)
{
    EXPECT_EQ(names_in(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Phrasings, NamedPerpetratorCases,
    ::testing::Values(
        name_case{"The gunman, Payton Gendron, drove three hours to the store.", "Payton Gendron"},
        name_case{"Police identified the shooter as Robert E. Crimo III of Highwood.", "Robert E. Crimo III"},
        name_case{"Payton S. Gendron, 18, of Conklin in Broome County, was arraigned Saturday.", "Payton S. Gendron"},
        name_case{"Marcus Reed, 24, was charged with second-degree murder.", "Marcus Reed"},
        name_case{"Ethan Crumbley, a sophomore, was arraigned by video on Wednesday.", "Ethan Crumbley"},
        name_case{"Anderson Lee Aldrich slumped in a chair. Aldrich faces five counts of murder.",
                  "Anderson Lee Aldrich"},
        name_case{"Suspect Wade Michael Page was killed by a police officer.", "Wade Michael Page"},
        name_case{"Robert Aaron Long was booked into the county jail early Wednesday.", "Robert Aaron Long"},
        // victims, officials and places are not attackers
        name_case{"The dead were identified as Tate Myre, 16, and Justin Shilling, 17.", ""},
        name_case{"Sheriff Michael Bouchard said the suspect was charged.", ""},
        name_case{"Sgt. Tom Miller was charged with leading the inquiry.", ""},
        name_case{"The victim, Maria Lopez, was taken to a hospital.", ""},
        name_case{"MARCUS REED, 24, WAS CHARGED WITH MURDER.", ""}));

} // namespace
