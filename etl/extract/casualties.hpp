#pragma once
// Casualty figures from one sentence: how many were killed, injured, kidnapped and arrested, and
// how many of the dead were perpetrators.
//
// A figure is a number phrase (numbers.hpp), "a"/"an"/"the"/"his"... with a singular noun for a
// person ("a journalist", "his driver" = 1), "both" (2), "he"/"him"/"she"/"her" (1), a capitalised
// name followed by "was"/a cue ("Smith, 23, was shot dead" = 1), or "no one"/"nobody"/"none" (0).
// A figure counts people only when its noun names people (lexicon `persons`, `perpetrators`,
// or a demonym such as "Afghans") or when it has no noun ("5 were killed", "5 dead"): "224
// attacks", "16 devices" and "3 vehicles" are never read. Figures joined by "and" / "," make one
// coordinated figure whose values add up ("N civilians and M soldiers", "a journalist and two
// others", "him and his driver").
//
// Each figure is attached to one cue (lexicon `cues`) by position, not by wording:
//   cue first:    "killed at least 5 people", "killing 5 and wounding 12", "the death toll from the
//                 attack rose to 63", "claimed the lives of 12", "the deaths of 5 people"
//   figure first: "5 people were killed", "5 dead", "left 5 dead", "12 others were wounded",
//                 "63 deaths", "20 injuries", "5 were reported killed"
// Only auxiliaries, adverbs and similar small words may stand between them (a parenthesis such
// as ", including the bomber," or ", police said," is skipped). A figure followed by a cue that
// itself takes an object ("2 gunmen killed 5 people") is the agent, not a casualty. When a
// coordinated figure has a cue on both sides ("killed 5 people and 12 were injured"), its last
// member takes the cue after it. An infinitive cue is an intention, not an event ("threatened to
// kill 5"); "not" stops attachment ("5 were not injured"); "how many" counts nothing.
//
// Not counted: figures introduced by "including", "among them", "of whom", or followed by "of
// them" ("20 of them seriously"): they are parts of a figure already given. A perpetrator in such
// a part ("5 people, including the bomber, were killed") adds to perpetrators_killed only.
//
// Perpetrators (GTD): killed counts victims and perpetrators, as GTD's nkill does;
// perpetrators_killed (nkillter) counts perpetrators alone. A perpetrator death reported on its own
// ("the bomber blew himself up", "the attacker was shot dead", "3 militants were killed") adds to
// both; one inside a part of a total ("including the bomber") only to perpetrators_killed.
//
// Several figures for one category in a sentence, in order of preference:
//   1. an update wins ("raising the toll to 63", "the toll rose from 50 to 63": the figure after
//      "to"; a long phrase may stand between the toll and its verb: "the toll from the bombings
//      at churches and hotels has since climbed to 310"); figures after "from" are dropped; it is
//      flagged as revised, and a report takes it over an earlier sentence's figure;
//   2. figures in the main clause beat those after "after", "since", "following", "than", "last"
//      (an earlier event: "5 were killed, days after an attack killed 20" gives 5). A sentence
//      whose only figure is such a one still gives it, with rule "casualties.<pattern>.subordinate"
//      in its explanation ("... two days after militants killed 40 people");
//   3. figures naming different specific groups are added ("2 policemen were killed and 3
//      civilians died" = 5); otherwise, when any is generic ("people", no noun), the largest is
//      taken, as restatements of one total ("at least 10 people were killed ... 12 dead").
// Ranges give their lower bound (numbers.hpp). "no one was hurt" / "there were no casualties"
// give 0 when no other figure is given ("no immediate reports of casualties" gives nothing).
// Vague quantities use the convention in numbers.hpp, with values from the lexicon.
//
// Text in ALL CAPS reads the same (tokens are folded); only names need mixed case.

#include "core/incident_report.hpp"
#include "extract/numbers.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etl::extract {

struct casualty_figures {
    std::optional<casualty_count> killed; ///< victims and perpetrators (GTD nkill)
    std::optional<casualty_count> injured;
    std::optional<casualty_count> kidnapped;
    std::optional<casualty_count> arrested;
    std::optional<casualty_count> perpetrators_killed; ///< GTD nkillter; also counted in killed
    bool killed_revised = false;  ///< the death toll is a revised total ("rose to 63", "bringing the toll to 14")
    bool injured_revised = false;
    std::vector<field_explanation> explanations;       ///< one per figure used; rule "casualties.<pattern>"
};

class casualty_extractor {
public:
    /// Reads config/lexicon/casualties.yaml; throws config_error naming the file, key and line.
    static casualty_extractor load(std::string const &yaml_path);
    /// The same from YAML text; `source_name` is used in error messages.
    static casualty_extractor parse(std::string const &yaml_text, std::string const &source_name);

    /// Figures in one sentence. casualty_count::text and explanations quote `text` when it is the
    /// text the tokens were made from (token offsets minus `base` index it), else the tokens' norms.
    casualty_figures extract(std::vector<token> const &tokens, std::string_view text = {}, std::size_t base = 0) const;

    /// Does the sentence hold any cue? extract() returns nothing without one; callers may use this
    /// to skip sentences cheaply.
    bool has_cue(std::vector<token> const &tokens) const;

    /// Does a person noun of the lexicon (`persons`, not `perpetrators`) end just before token
    /// `end` ("a businessman", "a security guard")?
    bool person_noun_ends_at(std::vector<token> const &tokens, std::size_t end) const;

    /// The values given to vague quantities (lexicon `vague_quantities`).
    vague_convention const &vague() const;

private:
    struct lexicon;
    explicit casualty_extractor(std::shared_ptr<lexicon const> lex);

    std::shared_ptr<lexicon const> m_lexicon; ///< immutable: copies share it, extract() is thread-safe
};

} // namespace etl::extract
