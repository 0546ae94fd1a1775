#pragma once
// Perpetrator lexicon (config/lexicon/actors.yaml): finds group, state and other actor names in
// tokens, and reads from the same sentence whether the actor claimed the attack, was blamed or
// suspected, denied it, or is only mentioned as the side that was attacked or fought.

#include "core/incident_report.hpp"
#include "extract/lexicon_yaml.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace etl::extract {

enum class actor_kind { group, state, other };

/// Where a mention stands relative to the violence in its sentence.
enum class actor_role {
    unknown,     ///< nothing around the mention says
    perpetrator, ///< "by X", "X claimed", "X gunmen", "X attacked ..."
    target       ///< "operation against X", "killed 5 X fighters", "X hideouts", "X fighters were killed"
};

std::string_view to_string(actor_kind k);
std::string_view to_string(actor_role r);

struct actor {
    std::string canonical;              ///< the name we output
    std::string gtd_name;               ///< GTD's spelling; may be empty
    actor_kind kind = actor_kind::group;
    std::string parent;                 ///< canonical name of the parent, empty when none
    std::vector<std::string> countries; ///< ISO 3166-1 alpha-2 codes where it operates
};

struct actor_mention {
    std::size_t actor = 0;          ///< index into actor_lexicon::actors()
    std::size_t first_token = 0;    ///< into the token vector given to find()
    std::size_t token_count = 0;
    std::size_t begin = 0;          ///< character span (token offsets)
    std::size_t end = 0;
    claim_status status = claim_status::none;
    bool denied = false;            ///< the actor denied involvement (status is then none)
    actor_role role = actor_role::unknown;
    std::string rule;               ///< why: "alias 'ISIS-K'", "+ claimed: 'claimed responsibility'", ...
};

class actor_lexicon {
public:
    /// Reads actors.yaml; throws config_error naming file, key and line.
    static actor_lexicon load(std::string const &path);

    /// All mentions, left to right. `country` (ISO2, may be empty) resolves aliases shared by
    /// several actors ("Taliban" in Pakistan is the TTP) and drops aliases restricted elsewhere.
    std::vector<actor_mention> find(std::vector<token> const &tokens, std::string_view country = {}) const;

    /// Role of a mention from its neighbours (also stored in actor_mention::role by find()).
    actor_role role_of(std::vector<token> const &tokens, actor_mention const &m) const;
    bool in_perpetrator_position(std::vector<token> const &tokens, actor_mention const &m) const
    {
        return role_of(tokens, m) == actor_role::perpetrator;
    }

    /// Same group, or one is an ancestor of the other. Names may be canonical names, GTD names
    /// or aliases; an empty name (unknown attacker) is compatible with everything, a name outside
    /// the lexicon (a lone attacker) with any group and with names of the same last word.
    bool compatible(std::string const &a, std::string const &b) const;

    /// Canonical parent of the actor named `name` (any known spelling); empty when none or unknown.
    std::string const &parent_of(std::string const &name) const;

    /// Canonical name for any known spelling, or empty.
    std::string const &canonical_of(std::string const &name) const;

    std::vector<actor> const &actors() const { return m_actors; }
    /// Every folded word of every alias and canonical name ("islamic", "state", "daesh").
    std::vector<std::string> name_words() const;
    actor const &at(std::size_t index) const { return m_actors.at(index); }
    /// The aliases of one actor as the lexicon writes them.
    std::vector<std::string> aliases_of(std::size_t index) const;

private:
    enum class context_rule { never, shouting, always };
    struct alias {
        std::size_t actor = 0;
        std::string text;                 ///< as written in the YAML
        std::vector<int> shape;           ///< per token: 0 any case, 1 capitalised, 2 all caps
        context_rule context = context_rule::never;
        std::vector<std::string> only_in;
    };
    enum class cue_kind { claimed, claimed_adjacent, blamed, suspected, denied };
    struct cue {
        cue_kind kind;
        std::string text;
    };

    bool accepts(alias const &a, std::vector<token> const &tokens, std::size_t i, std::size_t n,
                 std::string_view country) const;
    /// Longest acceptable alias at tokens[i]: its length (0 when none) and the chosen alias.
    std::size_t match_alias(std::vector<token> const &tokens, std::size_t i, std::string_view country,
                            std::size_t *alias_index, bool *shared) const;
    bool has_group_context(std::vector<token> const &tokens, std::size_t i, std::size_t n) const;
    std::size_t choose(std::vector<std::size_t> const &candidates, std::string_view country) const;
    void assign_claims(std::vector<token> const &tokens, std::vector<actor_mention> &mentions) const;
    actor_role role_in(std::vector<token> const &tokens, std::size_t first, std::size_t count,
                       std::string *why) const;
    int resolve(std::string const &name) const;
    bool is_ancestor(std::size_t ancestor, std::size_t of) const;

    std::vector<actor> m_actors;
    std::vector<int> m_parent_index;     ///< -1 when none
    std::vector<alias> m_aliases;
    phrase_matcher m_alias_matcher; ///< value: index into m_aliases
    std::unordered_map<std::string, std::size_t> m_by_name; ///< key_of(any spelling) -> actor

    word_set m_group_after;
    word_set m_group_before;
    word_set m_no_article;

    std::vector<cue> m_cues;
    phrase_matcher m_cue_matcher;   ///< value: index into m_cues
    word_set m_negators;
    word_set m_not_followed_by;

    word_set m_role_skip;
    word_set m_neutral_nouns;
    phrase_matcher m_perp_nouns;    ///< after the mention
    phrase_matcher m_perp_after;
    phrase_matcher m_target_after;
    phrase_matcher m_perp_before;   ///< phrases reversed: matched walking left from the mention
    phrase_matcher m_target_before;
    std::vector<std::string> m_role_phrases; ///< texts for explanations, indexed by matcher value
};

} // namespace etl::extract
