#pragma once
// Does a sentence report a concrete violent incident? Trigger phrases ("blast", "opened fire",
// "kidnapped") against negative contexts (foiled plots, arrests and trials, statements,
// threats, hypotheticals, anniversaries, aggregates, accidents), read from
// config/lexicon/incident_cues.yaml.
//
// A trigger is strong (one is enough: "a blast", "gunmen opened fire") or weak ("killed",
// "attacked": needs a perpetrator or casualty word nearby, a quantity, a time anchor such as
// "on Monday", or another trigger). A negative cue cancels the triggers within its window in
// the same sentence: mostly those after it ("condemned the bombing", "arrested over the
// attack"), some before it ("the bomb was defused"). Plural triggers after a count or a
// collective ("224 attacks", "a wave of bombings") and weak or plural triggers in a sentence with
// a period ("since 2021", "so far this year") are aggregates.

#include "extract/lexicon_yaml.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

namespace etl::extract {

enum class trigger_state {
    qualified,   ///< counts: strong, or weak with support
    unsupported, ///< weak, nothing around it says it happened
    cancelled    ///< a negative context or an aggregate; see trigger_hit::reason
};

struct trigger_hit {
    std::size_t first_token = 0;   ///< into the token vector given to classify()
    std::size_t token_count = 0;
    std::string lemma;             ///< "bombing", "explode", "open_fire", "kidnap", ...
    std::string hint;              ///< GTD attack type the trigger suggests; empty for "killed", "attacked"
    bool strong = false;
    bool plural = false;
    trigger_state state = trigger_state::unsupported;
    std::string reason;            ///< cancelled: the negative reason ("foiled"); qualified: "strong" or the support
    std::string cue;               ///< cancelled: the negative phrase that did it
};

struct cue_result {
    bool incident = false;
    /// Positive: "strong_trigger" or "supported_trigger". Negative: "no_trigger", "weak_trigger",
    /// "aggregate" or a negative reason from the YAML ("foiled", "legal", "statement", "threat",
    /// "hypothetical", "commemoration", "security_operation", "not_violent").
    std::string reason;
    std::vector<std::string> triggers; ///< lemmas of the qualified triggers, first occurrence order, no repeats
    std::string attack_hint;           ///< from the qualified triggers, by GTD hierarchy; may be empty
    std::vector<trigger_hit> hits;     ///< every trigger with its position and state, left to right
    std::string rule;                  ///< short explanation: "strong 'blast'", "statement 'condemned' -> 'bombing'"
};

class incident_cue_lexicon {
public:
    static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

    /// Reads incident_cues.yaml; throws config_error naming file, key and line.
    static incident_cue_lexicon load(std::string const &path);

    /// Classifies tokens [first, last) as one sentence (a range holding several sentences is
    /// read sentence by sentence for the windows, but gets one verdict).
    cue_result classify(std::vector<token> const &tokens, std::size_t first = 0, std::size_t last = npos) const;

    /// Token positions where a new incident starts in a sentence that lists several
    /// ("A bomb killed 5 in Kabul, while gunmen kidnapped 3 in Kunduz"): the first qualified
    /// trigger, then each one after a clause break that either suggests a different attack type
    /// or follows "another"/"second"/"separately" ("..., and another bomb went off in Khost").
    std::vector<std::size_t> incident_starts(std::vector<token> const &tokens, cue_result const &result) const;

private:
    enum class form { verb, noun };
    enum class applies { all, verb, noun, plural };
    enum class entry_kind { trigger, negative, neutral, perpetrator, casualty, time, month, collective, period,
                            perfect };
    struct trigger_def {
        std::string lemma;
        std::string hint;
        bool strong = false;
        bool plural = false;
        form f = form::noun;
    };
    struct negative_def {
        std::string reason;
        std::string phrase;
        std::size_t before = 0;
        std::size_t after = 0;
        applies to = applies::all;
    };
    struct entry {
        entry_kind kind;
        std::size_t index; ///< into m_triggers / m_negatives; unused otherwise
    };

    std::vector<trigger_def> m_triggers;
    std::vector<negative_def> m_negatives;
    std::vector<entry> m_entries;
    lexicon::fast_matcher m_matcher; ///< value: index into m_entries
    lexicon::fast_matcher m_since_followers; ///< read only right after "since"
    lexicon::fast_matcher m_superlatives;    ///< read only right before "since"
    std::unordered_set<std::string> m_breakers;
    std::unordered_set<std::string> m_months;
    std::vector<std::string> m_hint_priority;
    std::size_t m_support_window = 8;
    std::size_t m_quantity_window = 5;
};

} // namespace etl::extract
