#pragma once
// Turns one article's sentences into incident reports: which sentences tell which incident,
// and every field of each report from the lexicon modules.
//
// Grouping (docs/extraction.md has the long form):
//  - A sentence with a qualified incident trigger opens a report; a sentence listing several
//    incidents is cut at incident_cue_lexicon::incident_starts().
//  - A trigger segment joins an earlier report instead when it refers back to it: a definite
//    noun phrase ("the blast", "the January 3 attack", "this bombing") compatible with that
//    report (no conflicting date, place or figures), or an elaboration right after it that
//    brings no date and no figures of its own ("Two devices were detonated outside the school").
//    "another", "second", "first", "separate" and the like always open a new report.
//  - A sentence without a trigger supports the report just before it (up to two sentences
//    later) when it gives a claim or casualty figures ("ISIS claimed the attack").
//  - A new report whose own sentence has no date or no place takes them from the sentence just
//    before it, when that sentence belongs to no report ("Earlier this year, two governors ...
//    The two officials were killed by suicide bombers").
//  - A report needs something beyond its trigger: a date, a place, figures or an attacker.

#include "core/article.hpp"
#include "core/incident_report.hpp"
#include "extract/dates.hpp"
#include "extract/incident_cues.hpp"
#include "extract/place_finder.hpp"
#include "extract/sentences.hpp"
#include "extract/tokens.hpp"

#include <optional>
#include <string>
#include <vector>

namespace etl::extract {

class actor_lexicon;
class category_lexicon;
class casualty_extractor;
struct actor_mention;

class report_builder {
public:
    struct lexicons {
        place_finder const &places;
        actor_lexicon const &actors;
        category_lexicon const &categories;
        incident_cue_lexicon const &cues;
        casualty_extractor const &casualties;
    };

    report_builder(lexicons const &lex, article const &a, std::string const &text, std::vector<sentence> sentences,
                   bool explain);
    std::vector<incident_report> build();

private:
    enum class segment_kind { trigger, support, context };
    struct segment {
        std::size_t sentence = 0;
        std::size_t first = 0; ///< token range [first, last)
        std::size_t last = 0;
        segment_kind kind = segment_kind::trigger;
    };
    struct sentence_info {
        std::size_t first = 0; ///< token range [first, last)
        std::size_t last = 0;
        cue_result cue;
        std::vector<date_mention> dates; ///< token indices are global
    };
    struct draft {
        std::vector<segment> segments;
        std::optional<date_range> date;
        std::optional<std::string> city_key; ///< the most specific place named, for compatibility
        std::optional<long> killed;
    };

    void analyse_sentences();
    std::vector<segment> trigger_segments(std::size_t s) const;
    void group();
    bool refers_back(segment const &seg) const;
    bool opens_new_incident(segment const &seg) const;
    bool compatible(draft const &d, segment const &seg) const;
    void attach(draft &d, segment const &seg);
    bool supports(std::size_t s) const;

    std::optional<date_range> segment_date(segment const &seg) const;
    std::optional<place_mention> segment_place(segment const &seg) const;
    std::optional<long> segment_killed(segment const &seg) const;
    std::string place_key(place_mention const &m) const;

    std::optional<incident_report> make_report(draft const &d, int ordinal) const;
    void explain(incident_report &r, char const *field, std::string rule, std::string matched) const;
    std::vector<token> slice(std::size_t first, std::size_t last) const;
    std::string token_text(std::size_t first, std::size_t count) const;

    lexicons m_lex;
    article const &m_article;
    std::string const &m_text;
    std::vector<sentence> m_sentences;
    bool m_explain;

    std::vector<token> m_tokens;
    std::vector<sentence_info> m_info;
    country_context m_context;
    std::vector<place_mention> m_places;
    std::vector<actor_mention> m_actors;
    std::vector<draft> m_drafts;
};

} // namespace etl::extract
