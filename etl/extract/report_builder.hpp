#pragma once
// Turns one article's sentences into incident reports: which sentences tell which incident,
// and every field of each report from the lexicon modules.
//
// Grouping (docs/extraction.md has the long form):
//  - A sentence with a qualified incident trigger opens a report; a sentence listing several
//    incidents is cut at incident_cue_lexicon::incident_starts().
//  - A trigger segment joins an earlier report instead when it refers back to it: a definite
//    noun phrase ("the blast", "the January 3 attack", "this bombing", "Friday's massacre") joins
//    the latest report it is compatible with (no conflicting date, no place farther than 30 km;
//    without a place or figures of its own, its date may be up to three days later: the date of
//    a claim or statement).
//    Any other trigger within three sentences of the latest report joins it when compatible and
//    it adds no date of its own (or the same date and place, or a date for an undated report);
//    an indefinite one ("a bomb killed 5") also must not contradict its death toll. "another", "second", "separate", "also" and the
//    like always open a new report.
//  - A sentence without a trigger supports the report just before it (up to two sentences
//    later) when it gives a claim or casualty figures ("ISIS claimed the attack").
//  - The sentence just before a new report is its lead-in: it lends the attack type the report
//    lacks; when it belongs to no other report also the attacker, and when it moreover stands in
//    the same paragraph the date and place ("Earlier this year, two governors ... The two officials were killed by
//    suicide bombers").
//  - Figures come from the first sentence that gives them, unless a later one revises the
//    total ("bringing the death toll to 14").
//  - The date is the most precise one consistent across the report's sentences ("last week's
//    bombings" ... "the January 3 attack": January 3).
//  - A headline (the first line, without a full stop, or the article's title) adds to the first
//    body report it is compatible with rather than standing alone.
//  - A dateline ("KABUL, May 31 (Reuters) -", "CHICAGO -") names where the story was filed: it
//    places reports that name no place of their own, and never competes with the places a
//    story's sentences name ("BOGOTA - ... blew up a pipeline near Saravena"); its date is the
//    filing date, never the incident's.
//  - A report needs something beyond its trigger: a date, a place, figures or an attacker.
//  - A report whose sentence lists far-apart places ("the governors of Balkh and Badakhshan were
//    killed by suicide bombers") is one attack per place, when its figures can be shared out.

#include "core/article.hpp"
#include "core/incident_report.hpp"
#include "extract/casualties.hpp"
#include "extract/dates.hpp"
#include "extract/incident_cues.hpp"
#include "extract/named_perpetrators.hpp"
#include "extract/place_finder.hpp"
#include "extract/sentences.hpp"
#include "extract/tokens.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace etl::extract {

class actor_lexicon;
class named_perpetrator_finder;
class category_lexicon;
struct actor_mention;

class report_builder {
public:
    struct lexicons {
        place_finder const &places;
        actor_lexicon const &actors;
        named_perpetrator_finder const &named_perpetrators;
        category_lexicon const &categories;
        incident_cue_lexicon const &cues;
        casualty_extractor const &casualties;
        word_set const &non_event_verbs;
    };

    report_builder(lexicons const &lex, article const &a, std::string const &text, std::vector<sentence> sentences,
                   bool explain);
    std::vector<incident_report> build();

private:
    enum class segment_kind { trigger, support, context, headline };
    struct segment {
        std::size_t sentence = 0;
        std::size_t first = 0; ///< token range [first, last)
        std::size_t last = 0;
        segment_kind kind = segment_kind::trigger;
        bool locates = true; ///< may give the date and place (a lead-in from another paragraph may not)
        bool free = true;    ///< belongs to no other report (a lead-in may), so may name the attacker
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
        std::optional<std::uint32_t> place; ///< the most specific place named, for compatibility
        std::optional<long> killed;
    };

    void analyse_sentences();
    struct dateline {
        place_mention place;
        std::size_t end = 0; ///< byte offset of its dash or colon
    };
    /// The dateline opening the story, if any.
    std::optional<dateline> find_dateline() const;
    /// The dateline opening with `first`, a place that begins a paragraph, if what follows is one.
    std::optional<dateline> dateline_at(place_mention const &first) const;
    std::vector<segment> trigger_segments(std::size_t s) const;
    /// The first incident date in tokens [first, last) of a sentence.
    std::optional<date_range> clause_date(std::size_t sentence, std::size_t first, std::size_t last) const;
    /// The most specific division or town named in tokens [first, last).
    std::optional<std::uint32_t> clause_place(std::size_t first, std::size_t last) const;
    void group();
    int determiner_of(segment const &seg) const;
    bool refers_back(segment const &seg) const;
    bool indefinite(segment const &seg) const;
    bool opens_new_incident(segment const &seg) const;
    /// No conflicting date and no distant place. `later_days`: the segment's date may also lie
    /// that many days after (or before) the report's.
    bool compatible(draft const &d, segment const &seg, int later_days = 0) const;
    bool places_compatible(std::uint32_t a, std::uint32_t b) const;
    /// The draft a trigger segment continues, or nullptr for a new incident.
    draft *continued_draft(segment const &seg);
    void attach(draft &d, segment const &seg);
    bool supports(std::size_t s) const;
    bool is_headline(std::size_t s) const;
    void fold_headline();

    /// Is the token in the object of a comparison that tells no incident of its own ("came two
    /// days after the massacre in Monterey Park")? Its date and place are the other incident's.
    bool in_comparison(std::size_t token, std::size_t sentence) const;
    /// An event date that is not the date of a statement or a later act ("said on Monday",
    /// "were charged late on Sunday").
    bool is_incident_date(date_mention const &d, std::size_t sentence) const;
    std::optional<date_mention> segment_date_mention(segment const &seg) const;
    std::optional<date_range> segment_date(segment const &seg) const;
    /// The most specific place named in the segment; demonyms ("Iranian") only when asked.
    /// `actor_countries`: where the report's attacker operates, when known.
    std::optional<place_mention> segment_place(segment const &seg, bool with_demonyms = true,
                                               std::vector<std::string> const &actor_countries = {}) const;
    /// A city resolved only because its spelling is unique, by population or by a place-type word
    /// ("Las" -> Lāsh, Afghanistan, in a story from the Philippines) is dropped when the story
    /// points elsewhere: another country in the dateline, a country the article names more often,
    /// or, when nothing else in the article supports its country, a country the attacker does
    /// not operate in. A small namesake chosen by population or country context, or a unique
    /// name without a place preposition, is dropped when it lies over 300 km from the dateline.
    bool implausible(place_mention const &m, std::vector<std::string> const &actor_countries) const;
    /// Is `branch` an affiliate or province of `ancestor` (JNIM of al-Qaeda)?
    bool is_branch_of(actor_mention const &branch, actor_mention const &ancestor) const;
    /// Is the mention a country named as an owner ("the U.S. embassy", "Kenyan troops")?
    bool owner(place_mention const &m) const;
    /// Does a trigger segment say "here" or "this city" (the dateline's city in wire copy)?
    bool says_here(std::vector<segment> const &segments) const;
    /// Is the mention a government speaking ("officials in Kabul said"), where someone travels
    /// from or to ("travelling from Islamabad to their camp at Dasu") or a flag or base
    /// ("the Belize-flagged ship")?
    bool not_the_scene(place_mention const &m) const;
    /// Is the mention a person's home town ("Eduardo Uvaldo, 69, of Waukegan")?
    bool home_town(place_mention const &m) const;
    /// Is the mention one end of a route named by two places ("the Abuja-Kaduna railway")?
    bool in_route_name(place_mention const &m) const;
    /// Is the demonym a person's nationality ("South African Adrian Nel")?
    bool names_a_person(place_mention const &demonym) const;
    /// The city "the city", "the town" or "the same square" in the segment refers to: the last one
    /// named before it.
    std::optional<place_mention> anaphoric_city(segment const &seg) const;
    /// Is the mention the object of a place preposition ("in Kabul", "near the town of X")?
    bool locative(place_mention const &m) const;
    /// Is the country named in the mention's sentence or the one before?
    bool country_named_near(place_mention const &m, std::uint32_t country) const;
    /// The victims a segment says were killed (dead attackers left out); none when it gives none.
    std::optional<long> segment_killed(segment const &seg) const;
    /// The casualty figures of tokens [first, last), quoting the text. Grouping and the reports
    /// ask for the same ranges again and again, so each is extracted once.
    casualty_figures const &figures(std::size_t first, std::size_t last) const;

    /// The report of draft `index` of m_drafts (its ordinal is set by build()); `first_report`
    /// when no report of the article came before it.
    std::optional<incident_report> make_report(std::size_t index, bool first_report) const;
    /// A lone attacker named in the report's sentences, or, for the article's first report, anywhere.
    named_perpetrator const *named_attacker(draft const &d, bool first_report) const;
    /// Far-apart divisions or towns that one of the report's sentences lists together ("the
    /// governors of Balkh and Badakhshan"); empty unless there are two or more.
    std::vector<place_mention> listed_places(draft const &d) const;
    /// Does a trigger sentence call its figure a total ("killing 45 people in total")?
    bool says_total(draft const &d) const;
    /// Is there an "and" within a few tokens after `first` (closing a list of places)?
    bool has_and_after(std::size_t first, std::size_t last) const;
    /// A report without an attacker takes the group that claimed, or was blamed for, another
    /// report of the article dated the same day (give or take one), when there is one such group.
    void lend_same_day_claims(std::vector<incident_report> &reports) const;
    /// One report per listed place: a sentence that tells of attacks in several far-apart
    /// places tells of several attacks. Only when no figure would have to be guessed: no
    /// injured or kidnapped, and either no death toll, one death per place, or a toll called a
    /// total (which then goes to none of them).
    std::vector<incident_report> split_by_place(incident_report r, draft const &d) const;
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
    std::vector<place_mention> m_places;   ///< without the dateline's
    std::optional<dateline> m_dateline;
    std::vector<actor_mention> m_actors;
    std::vector<named_perpetrator> m_named; ///< lone attackers named in the article
    std::vector<draft> m_drafts;
    mutable std::map<std::pair<std::size_t, std::size_t>, casualty_figures> m_figures; ///< by token range
};

} // namespace etl::extract
