#pragma once
// Does a sentence report a concrete violent incident? Trigger phrases ("blast", "opened fire",
// "kidnapped") against negative contexts (foiled plots, arrests and trials, statements,
// threats, hypotheticals, anniversaries, comparisons, aggregates, accidents), read from
// config/lexicon/incident_cues.yaml.
//
// A trigger is strong (one is enough: "a blast", "gunmen opened fire") or weak ("killed",
// "attacked": needs a perpetrator or casualty word nearby, a quantity, a time anchor such as
// "on Monday", or another trigger). A negative cue cancels the triggers within its window in
// the same sentence: mostly those after it ("condemned the bombing", "arrested over the
// attack"), some before it ("the bomb was defused").
//
// Comparisons: a trigger in the object of a comparison ("the deadliest since the 2004 school
// siege", "deadlier than the 2015 bombing", "similar to the attack on ...") is a passing
// reference, cancelled as "comparison", unless that object or the relative clause describing it
// gives a casualty figure ("since March last year, when a suicide attacker ... killing 64").
//
// Aggregates: a plural trigger noun that counts several incidents: after a collective ("a wave
// of bombings", "several attacks"), after an exact count of 2 or more ("two separate suicide
// attacks", "three deadly bombings"), or with a distributive word ("separate", "different").
// Plurals of devices and detonations ("two blasts", "three bombs") may be one event and are
// aggregates only with a distributive word or a count above aggregate.device_count_max; "twin",
// "double" make any plural one event. An aggregate also cancels the triggers that narrate it:
// those after it to the end of its clause ("three bombings struck Baghdad, killing 30") and
// those of the clause it is an adverbial of ("12 were killed in two separate attacks"), except a
// trigger with its own indefinite article ("..., including a car bomb that ..."). Weak or plural
// triggers in a sentence with a period ("since 2021", "so far this year") are aggregates too, and
// so are nouns in a list of attack kinds in such a sentence or a present-perfect tally
// ("including suicide bombings, ambushes, and assassination").

#include "extract/lexicon_yaml.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <limits>
#include <string>
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
    /// "aggregate", "comparison" or a negative reason from the YAML ("foiled", "legal", "statement",
    /// "threat", "hypothetical", "commemoration", "security_operation", "not_violent").
    std::string reason;
    std::vector<std::string> triggers; ///< lemmas of the qualified triggers, first occurrence order, no repeats
    std::string attack_hint;           ///< from the qualified triggers, by GTD hierarchy; may be empty
    std::vector<trigger_hit> hits;     ///< every trigger with its position and state, left to right
    /// Where the object of a comparison starts that tells an incident of its own, with figures
    /// ("the deadliest since February 2003, | when a car bomb ... killed 36 people").
    std::vector<std::size_t> described;
    /// Token ranges [first, last) of the objects of comparisons that tell no incident of their own
    /// ("the first bombing in the capital | since the fall of the government in December |").
    std::vector<std::pair<std::size_t, std::size_t>> compared;
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
        bool devices = false; ///< plural of devices or detonations: a small count may be one event
        form f = form::noun;
    };
    struct negative_def {
        std::string reason;
        std::string phrase;
        std::size_t before = 0;
        std::size_t after = 0;
        applies to = applies::all;
    };
    /// Words before a comparison marker that make it one ("deadliest" ... "since").
    struct comparison_frame {
        word_set words; ///< empty: the marker alone is a comparison
        bool clause_initial = false;           ///< the marker must open the sentence or follow a comma
        bool noun_object = false;              ///< not when the object's first trigger is a verb
        bool clause_object = false;            ///< the object runs to the sentence's end (or ";")
        bool after_duration = false;           ///< only right after a span of time ("two days after")
    };
    struct entry {
        entry_kind kind;
        std::size_t index; ///< into m_triggers / m_negatives; unused otherwise
    };

    /// The frame by which `markers` (the matches of m_comparison_markers at `marker`) make a
    /// comparison there, or null.
    comparison_frame const *comparison_at(std::vector<token> const &tokens, std::size_t marker,
                                          std::vector<phrase_match> const &markers, std::size_t sentence_first) const;

    std::vector<trigger_def> m_triggers;
    std::vector<negative_def> m_negatives;
    std::vector<entry> m_entries;
    phrase_matcher m_matcher;            ///< value: index into m_entries
    phrase_matcher m_since_followers;    ///< read only right after "since"
    phrase_matcher m_superlatives;       ///< read only right before "since"
    phrase_matcher m_comparison_markers; ///< value: index into m_comparison_frames
    phrase_matcher m_not_comparisons;    ///< "more than", "rather than": end at a marker
    phrase_matcher m_relatives;          ///< open a clause describing a comparison object
    std::vector<comparison_frame> m_comparison_frames;
    std::size_t m_comparison_window = 6;
    word_set m_breakers;
    word_set m_count_stops;   ///< end the walk over a plural's modifiers
    word_set m_one_event;     ///< "twin", "double"
    word_set m_distributive;  ///< "separate", "different"
    word_set m_links;         ///< "killed in / hit by" an aggregate
    word_set m_determiners;   ///< may stand between a link and an aggregate
    word_set m_subordinators; ///< "after two attacks, ...": reach ends at a comma
    word_set m_reach_ends;    ///< "another", "elsewhere"
    word_set m_new_event;     ///< "a", "an", "another" right before a trigger
    word_set m_list_words;    ///< ",", "and", "including" before a listed kind of attack
    std::size_t m_count_window = 4;
    std::size_t m_distributive_window = 6;
    std::size_t m_device_count_max = 5;
    word_set m_months;
    std::vector<std::string> m_hint_priority;
    std::size_t m_support_window = 8;
    std::size_t m_quantity_window = 5;
};

} // namespace etl::extract
