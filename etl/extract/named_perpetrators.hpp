#pragma once
// Individuals named as the perpetrator of an attack: lone shooters and bombers who belong to no
// group of the actor lexicon (config/lexicon/named_perpetrators.yaml documents the cues).
//
// A name is two to four capitalised words of mixed-case text, with middle initials and suffixes
// ("Payton S. Gendron", "Robert E. Crimo III"), taken only next to a cue: a role noun before it
// ("the gunman, Payton Gendron,"), an identifying phrase ("police identified the shooter as ..."),
// or a charge or act after it, past an apposition ("Marcus Reed, 24, was charged"); the cue may
// also stand at a later mention of the surname alone ("... Aldrich faces five counts of murder").
// ALL-CAPS text is skipped: capitals are no evidence of a name there.

#include "extract/lexicon_yaml.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace etl::extract {

struct named_perpetrator {
    std::size_t first_token = 0; ///< into the token vector given to find()
    std::size_t token_count = 0;
    std::string cue;             ///< the role noun or phrase that made it a perpetrator
};

class named_perpetrator_finder {
public:
    /// Reads named_perpetrators.yaml; throws config_error naming the file, key and line.
    static named_perpetrator_finder load(std::string const &path);

    /// Perpetrator names in tokens [first, last), left to right. A name whose last word lies in
    /// one of the `excluded` spans (places, groups) is none.
    std::vector<named_perpetrator> find(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                                        std::vector<std::pair<std::size_t, std::size_t>> const &excluded = {}) const;

private:
    /// One past the last token of the name starting at i, or i when none starts there.
    std::size_t name_end(std::vector<token> const &tokens, std::size_t i, std::size_t last) const;
    std::string cue_before(std::vector<token> const &tokens, std::size_t name, std::size_t first) const;
    std::string cue_after(std::vector<token> const &tokens, std::size_t end, std::size_t last) const;

    word_set m_skip;
    word_set m_suffixes;
    word_set m_not_names;
    word_set m_titles;
    word_set m_apposition_openers;
    phrase_matcher m_roles;  ///< matched over reversed tokens, walking left from the name
    phrase_matcher m_before; ///< reversed too
    phrase_matcher m_after;
    std::vector<std::string> m_phrases; ///< the phrase behind each matcher value
};

} // namespace etl::extract
