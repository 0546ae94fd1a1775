#pragma once
// GTD attack type and target type of an incident, scored from cue phrases in a token range
// (config/lexicon/attack_types.yaml, target_types.yaml; the YAML headers document the GTD rules).
//
// Attack type: each type sums the weights of its cues in the range; among the types that reach
// the threshold (and a share of the best sum), the first in GTD's hierarchy wins:
//   Assassination > Hijacking > Kidnapping > Barricade > Bombing/Explosion > Armed Assault >
//   Unarmed Assault > Facility/Infrastructure Attack.
// A kill verb aimed at a prominent title ("shot dead the district governor") adds to Assassination.
//
// Target type: each cue occurrence scores weight (specific nouns high: mosque 3, people 0.5)
// x proximity to the nearest attack cue in its sentence (the noun the attack governs beats a
// background noun) x a bonus after "on/at/targeting". Context words re-type ambiguous nouns
// ("checkpoint" near "police"); nouns that are the news source ("police said") do not count.

#include "extract/lexicon_yaml.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace etl::extract {

class category_lexicon {
public:
    struct category_choice {
        std::string category; ///< GTD name, e.g. "Bombing/Explosion", "Religious Figures/Institutions"
        std::string rule;     ///< "attack_type.hierarchy", "attack_type.weak", "target_type.context", ...
        std::string matched;  ///< the cue that decided, as normalised tokens ("suicide bomber")
    };
    /// Token spans [first, first + count) the caller wants ignored (e.g. actor names:
    /// "Arakan Army" must not read as a Military target).
    using span_list = std::vector<std::pair<std::size_t, std::size_t>>;

    /// Reads both files; throws config_error naming file, key and line.
    static category_lexicon load(std::string const &attack_yaml, std::string const &target_yaml);

    /// Attack type over tokens [first, last) (last is clamped); nullopt when no cue is found.
    std::optional<category_choice> attack_type(std::vector<token> const &tokens, std::size_t first,
                                               std::size_t last) const;
    /// The likeliest attack type of a deadly attack whose text names no method (the
    /// `casualty_prior` steps of attack_types.yaml); nullopt when no step applies.
    std::optional<category_choice> attack_type_prior(long killed) const;
    /// Target type over tokens [first, last); nullopt when no cue is found.
    std::optional<category_choice> target_type(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                                               span_list const &ignore = {}) const;

    std::vector<std::string> const &attack_hierarchy() const { return m_hierarchy; }
    std::vector<std::string> const &target_types() const { return m_target_names; }

private:
    struct attack_cue {
        std::size_t type = 0;              ///< index into m_hierarchy
        double weight = 0;
        std::vector<std::size_t> yields_to;
    };
    struct context_rule {
        word_set words;
        std::size_t category = 0;          ///< index into m_target_names
    };
    struct context_block {
        std::vector<context_rule> rules;   ///< first match wins
        std::size_t window = 3;
    };
    struct target_cue {
        int category = -1;                 ///< -1: contextual only
        double weight = 0;
        bool object_only = false;
        int context = -1;                  ///< index into m_context_blocks, -1 when none
        bool ignore = false;               ///< consumed without scoring
    };
    struct cue_hit {
        std::size_t first;
        std::size_t count;
        std::size_t value;
    };

    /// Longest matches of `matcher` in [first, last), non-overlapping, left to right.
    static std::vector<cue_hit> scan(phrase_matcher const &matcher, std::vector<token> const &tokens,
                                     std::size_t first, std::size_t last);
    bool targeted_killing(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                          std::string *matched) const;
    /// Is the title followed by "and" plus other victims ("a journalist and two others")?
    bool among_victims(std::vector<token> const &tokens, std::size_t after_title, std::size_t last) const;
    int context_category(context_block const &block, std::vector<token> const &tokens, std::size_t first,
                         std::size_t count, std::size_t lo, std::size_t hi) const;
    bool is_source(std::vector<token> const &tokens, std::size_t end, std::size_t hi) const;

    // attack types
    std::vector<std::string> m_hierarchy;
    std::vector<attack_cue> m_attack_cues;
    phrase_matcher m_attack_matcher;
    double m_threshold = 2.0;
    double m_weak_threshold = 1.0;
    double m_dominance = 0.25;
    word_set m_background_words; ///< "after", "following": open a background clause
    double m_background_factor = 0.25;
    std::vector<std::pair<long, std::string>> m_casualty_prior; ///< (min_killed, type), highest first
    std::size_t m_assassination = 0;
    double m_tk_weight = 3.0;
    std::size_t m_tk_window = 5;
    phrase_matcher m_tk_verbs;
    phrase_matcher m_tk_titles;
    phrase_matcher m_tk_passive;
    word_set m_tk_blockers;

    // target types
    std::vector<std::string> m_target_names;
    std::vector<target_cue> m_target_cues;
    phrase_matcher m_target_matcher;
    std::vector<context_block> m_context_blocks;
    std::size_t m_near = 4, m_mid = 10;
    double m_near_factor = 2.0, m_mid_factor = 1.5, m_sentence_factor = 1.2, m_far_factor = 1.0;
    word_set m_prepositions;
    std::size_t m_prep_window = 3;
    double m_prep_factor = 1.3;
    double m_repeat_factor = 0.25;
    word_set m_address_words; ///< "Road", "Highway" capitalised: an address
    phrase_matcher m_anchors;
    word_set m_source_words;
    phrase_matcher m_victim_before; ///< reversed phrases
    phrase_matcher m_victim_after;
};

} // namespace etl::extract
