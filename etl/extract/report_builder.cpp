#include "extract/report_builder.hpp"

#include "extract/actors.hpp"
#include "extract/casualties.hpp"
#include "extract/date_lexicon.hpp"
#include "core/logging.hpp"
#include "extract/categories.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

// Closed-class words of English grammar, not lexicon data: determiners that make a noun phrase
// refer back to something already told, and words that announce a different incident.
word_set const definite_determiners{"the", "this", "that", "these", "those", "its", "their", "same"};
word_set const indefinite_determiners{"a", "an", "another", "one", "two", "three", "several", "some", "other",
                                      "new", "twin"};
// A span of time and a preposition that reckon a time from an incident: "hours after the
// attack", "two days before Monday's bombing".
word_set const temporal_prepositions{"after", "before"};
// Adverbs that announce another incident anywhere before its trigger ("Also in April, six people
// were killed"), and adjectives that do so only inside the trigger's noun phrase ("another
// attack", "a second blast"; not "in the first hours of the attack").
word_set const new_incident_adverbs{"separately", "also", "earlier", "elsewhere", "meanwhile"};
word_set const new_incident_adjectives{"another", "second", "third", "first", "separate", "other", "previous",
                                       "latest", "similar"};
// Venues a place name may name ("the Olympia shopping centre", "the Westgate mall").
word_set const venue_nouns{"shopping", "mall", "centre", "center", "hotel", "arena", "stadium", "market",
                           "supermarket", "cinema", "theatre", "theater", "nightclub", "club", "restaurant"};
word_set const locative_prepositions{"in", "near", "at", "inside", "on", "across", "around", "within", "off"};
word_set const city_anaphors{"city", "town"};
word_set const copulas{"was", "is", "were", "be", "been", "as", "marked"};
word_set const total_words{"total", "all", "combined", "altogether", "overall"};
word_set const made_in_words{"flagged", "registered", "owned", "based", "operated", "made", "born", "bound"};
word_set const speech_verbs{"said", "says", "told", "announced", "claimed", "denied", "described", "stated",
                            "reported", "confirmed"};
word_set const direction_words{"to", "towards", "toward"};
word_set const travel_verbs{"travelling", "traveling", "returning", "coming", "driving", "heading", "moving",
                            "fleeing", "returned", "travelled", "traveled", "came", "drove"};
/// Words in a state actor's alias that name its own act ("French airstrike", "Afghan shelling").
word_set const state_acts{"airstrike", "airstrikes", "strike", "strikes", "drone", "drones", "shelling", "shelled",
                          "raid", "raids", "bombing", "bombings", "bombardment", "missile", "missiles", "rocket",
                          "rockets"};
word_set const clause_words{"when", "and", "after", "as", "while", "where", "killing", "in", "near", "inside",
                            "on"};
word_set const caps_modifiers{"the", "a", "an", "of", "city", "town", "village", "province", "district", "state",
                              "region", "capital", "northern", "southern", "eastern", "western", "central",
                              "northeastern", "northwestern", "southeastern", "southwestern", "north", "south",
                              "east", "west", "nearby", "neighbouring", "neighboring", "restive", "remote",
                              "border", "port"};
word_set const clause_openers{"before", "after", "when", "while", "as", "because", "until", "once", "since", "and",
                              "but", "where", "that", "which", "who"};
word_set const ordinal_heads{"first", "second", "third", "fourth", "latter", "former"};
word_set const residence_words{"lives", "lived", "living", "works", "worked", "working", "resides", "resided",
                               "residing", "moved", "grew", "raised", "born", "studied", "studies", "hails"};
word_set const statement_words{"statement", "issued", "released", "published", "interview", "conference",
                               "briefing", "reporters", "journalists", "speaking", "spoke"};
word_set const people_words{"those", "people", "passengers", "workers", "labourers", "laborers", "migrants",
                            "residents", "men", "women", "pilgrims", "students", "tourists", "visitors", "settlers",
                            "truckers"};
// What a country owns or sends rather than where it is: "the U.S. embassy", "Iraq troops".
word_set const owned_nouns{"embassy", "embassies", "consulate", "mission", "troops", "forces", "soldiers",
                           "warships", "warship", "navy", "army", "military", "officials", "official", "government",
                           "ambassador", "diplomat", "diplomats", "citizens", "nationals", "drone", "drones",
                           "jets", "aircraft", "envoy", "president"};
word_set const attacker_nouns{"bomber", "bombers", "attacker", "attackers", "gunman", "gunmen", "assailant",
                              "assailants", "shooter", "shooters"};
word_set const event_anaphors{"incident", "attack", "assault", "shooting", "bombing", "blast", "explosion",
                              "ambush", "raid", "massacre"};
word_set const route_words{"between", "from", "to", "via", "through"};
word_set const group_anaphors{"group", "militants", "organisation", "organization", "outfit", "terrorists",
                              "insurgents", "jihadists", "extremists", "rebels", "guerrillas", "fighters",
                              "attackers"};

int specificity(place_kind k)
{
    switch (k) {
    case place_kind::city: return 4;
    case place_kind::district: return 3;
    case place_kind::admin1: return 2;
    case place_kind::country: return 1;
    }
    return 0;
}

int claim_strength(claim_status s)
{
    switch (s) {
    case claim_status::claimed: return 3;
    case claim_status::blamed: return 2;
    case claim_status::suspected: return 1;
    case claim_status::none: break;
    }
    return 0;
}

bool disjoint(date_range const &a, date_range const &b) { return a.end < b.start || b.end < a.start; }

/// Great-circle distance, when both places have coordinates.
std::optional<double> distance_km(gazetteer_place const &a, gazetteer_place const &b)
{
    if (!a.has_coordinates || !b.has_coordinates)
        return std::nullopt;
    constexpr double radians = 3.14159265358979323846 / 180.0;
    double const dlat = (b.latitude - a.latitude) * radians;
    double const dlon = (b.longitude - a.longitude) * radians;
    double const h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.latitude * radians) * std::cos(b.latitude * radians) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

/// The first qualified trigger in [first, last), or last.
std::size_t first_trigger(cue_result const &cue, std::size_t first, std::size_t last)
{
    for (auto const &h : cue.hits)
        if (h.state == trigger_state::qualified && h.first_token >= first && h.first_token < last)
            return h.first_token;
    return last;
}

template <typename T> bool within(T const &m, std::size_t first, std::size_t last)
{
    return m.first_token >= first && m.first_token < last;
}

} // namespace

report_builder::report_builder(lexicons const &lex, article const &a, std::string const &text,
                               std::vector<sentence> sentences, bool explain)
    : m_lex(lex), m_article(a), m_text(text), m_sentences(std::move(sentences)), m_explain(explain)
{
}

std::vector<incident_report> report_builder::build()
{
    analyse_sentences();
    group();
    std::vector<incident_report> reports;
    for (std::size_t i = 0; i < m_drafts.size(); ++i) {
        auto const &d = m_drafts[i];
        auto r = make_report(i, reports.empty());
        if (!r)
            continue;
        for (auto &part : split_by_place(std::move(*r), d)) {
            part.ordinal = static_cast<int>(reports.size());
            reports.push_back(std::move(part));
        }
    }
    lend_same_day_claims(reports);
    return reports;
}

void report_builder::lend_same_day_claims(std::vector<incident_report> &reports) const
{
    // "Militants attacked police stations in Kalat ... passengers were shot dead in Musakhel ...
    // The BLA claimed responsibility for the attacks": one claim for attacks told apart
    for (auto &r : reports) {
        if (!r.attacker.empty() || !r.date || r.date->precision != date_precision::day)
            continue;
        std::string const *claimant = nullptr;
        claim_status status = claim_status::none;
        bool several = false;
        for (auto const &o : reports) {
            if (&o == &r || o.attacker.empty() || !o.date || o.date->precision != date_precision::day ||
                (o.attacker_status != claim_status::claimed && o.attacker_status != claim_status::blamed) ||
                std::abs(o.date->start.to_days() - r.date->start.to_days()) > 1)
                continue;
            several = several || (claimant && *claimant != o.attacker);
            claimant = &o.attacker;
            status = o.attacker_status;
        }
        if (!claimant || several)
            continue;
        r.attacker = *claimant;
        r.attacker_status = status;
        explain(r, "attacker", "actor.same_day_claim", *claimant);
    }
}

std::vector<place_mention> report_builder::listed_places(draft const &d) const
{
    auto const &g = m_lex.places.places();
    auto const region = [&](std::uint32_t id) { return g.place(id).kind != place_kind::city; };
    std::vector<place_mention> list;
    for (auto const &seg : d.segments) {
        if (seg.kind == segment_kind::support || seg.kind == segment_kind::headline || !seg.locates)
            continue;
        for (auto const &m : m_places) {
            if (!within(m, seg.first, seg.last) || m.rule == "demonym"sv ||
                g.place(m.place_id).kind == place_kind::country)
                continue;
            if (list.empty()) {
                // "between Kabul and Kandahar", "from Quetta and Karachi" name a route or origins
                bool const route = m.first_token > seg.first && route_words.contains(m_tokens[m.first_token - 1]);
                if (!route)
                    list.push_back(m);
                continue;
            }
            place_mention const &prev = list.back();
            std::size_t const gap_first = prev.first_token + prev.token_count;
            bool coordinated = m.first_token >= gap_first && m.first_token - gap_first <= 6 &&
                               region(m.place_id) == region(prev.place_id);
            // "X and Y", "X, Y and Z"; "X, Y" alone names a place and its container
            bool joined = false;
            for (std::size_t k = gap_first; coordinated && k < m.first_token; ++k) {
                coordinated = !lexicon::is_sentence_end(m_tokens, k);
                joined = joined || m_tokens[k].norm == "and"sv ||
                         (m_tokens[k].norm == ","sv && has_and_after(m.first_token + m.token_count, seg.last));
            }
            for (auto const &other : list)
                coordinated = coordinated && !places_compatible(other.place_id, m.place_id);
            if (coordinated && joined) {
                list.push_back(m);
            } else if (list.size() < 2) {
                list.assign(1, m);
            }
        }
        if (list.size() >= 2)
            return list;
        list.clear();
    }
    return {};
}

bool report_builder::says_total(draft const &d) const
{
    for (auto const &seg : d.segments)
        if (seg.kind == segment_kind::trigger)
            for (std::size_t i = seg.first; i + 1 < seg.last; ++i)
                if ((m_tokens[i].norm == "in"sv && total_words.contains(m_tokens[i + 1])) ||
                    m_tokens[i].norm == "altogether"sv || m_tokens[i].norm == "combined"sv)
                    return true;
    return false;
}

bool report_builder::has_and_after(std::size_t first, std::size_t last) const
{
    // the "and" that closes a list: "Kano, Kaduna and Zaria"
    for (std::size_t k = first; k < last && k < first + 6; ++k) {
        if (m_tokens[k].norm == "and"sv)
            return true;
        if (lexicon::is_sentence_end(m_tokens, k))
            break;
    }
    return false;
}

std::vector<incident_report> report_builder::split_by_place(incident_report r, draft const &d) const
{
    std::vector<incident_report> parts;
    auto const places = listed_places(d);
    // Figures can be shared out only when there is one victim per place; a total over the places
    // ("killing 45 people in total") is left to no one of them.
    bool const one_each = !r.killed || (r.killed->qualifier == count_qualifier::exact &&
                                        r.killed->value == static_cast<long>(places.size()));
    bool const total = r.killed && says_total(d);
    if (places.size() < 2 || !(one_each || total) || r.injured || r.kidnapped) {
        parts.push_back(std::move(r));
        return parts;
    }
    auto const shared = r.killed;
    std::vector<field_explanation> kept;
    for (auto &e : r.explanations)
        if (e.field != "place" && e.field != "killed")
            kept.push_back(std::move(e));
    for (auto const &m : places) {
        incident_report part = r;
        part.explanations = kept;
        part.location = m_lex.places.to_place(m.place_id);
        explain(part, "place", "place.listed." + m.rule, m_text.substr(m.begin, m.end - m.begin));
        if (total) {
            part.killed.reset();
            explain(part, "killed", "casualties.total_of_places", shared->text);
        } else if (shared) {
            part.killed->value = 1;
            explain(part, "killed", "casualties.one_per_place", shared->text);
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<token> report_builder::slice(std::size_t first, std::size_t last) const
{
    return std::vector<token>(m_tokens.begin() + static_cast<std::ptrdiff_t>(first),
                              m_tokens.begin() + static_cast<std::ptrdiff_t>(last));
}

std::string report_builder::token_text(std::size_t first, std::size_t count) const
{
    if (count == 0 || first >= m_tokens.size())
        return {};
    auto const last = std::min(first + count, m_tokens.size()) - 1;
    return m_text.substr(m_tokens[first].begin, m_tokens[last].end - m_tokens[first].begin);
}

void report_builder::analyse_sentences()
{
    m_tokens = tokenize(m_text);
    auto const token_at = [&](std::size_t offset) {
        return static_cast<std::size_t>(
            std::lower_bound(m_tokens.begin(), m_tokens.end(), offset,
                             [](token const &t, std::size_t off) { return t.begin < off; }) -
            m_tokens.begin());
    };
    m_context = m_lex.places.context_of(m_tokens);
    m_places = m_lex.places.find(m_tokens, m_context);
    auto const dominant = m_context.dominant_country();
    std::string const country = dominant == no_place ? std::string() : m_lex.places.places().place(dominant).country;
    m_actors = m_lex.actors.find(m_tokens, country);
    // a place inside a group's name is no place: "the Provisional Irish Republican Army"
    m_places.erase(std::remove_if(m_places.begin(), m_places.end(),
                                  [&](place_mention const &p) {
                                      return std::any_of(m_actors.begin(), m_actors.end(), [&](actor_mention const &a) {
                                          return p.first_token >= a.first_token &&
                                                 p.first_token < a.first_token + a.token_count;
                                      });
                                  }),
                   m_places.end());
    if (!m_context.all_caps) {
        std::vector<std::pair<std::size_t, std::size_t>> taken;
        for (auto const &m : m_places)
            taken.emplace_back(m.first_token, m.token_count);
        for (auto const &m : m_actors)
            taken.emplace_back(m.first_token, m.token_count);
        m_named = m_lex.named_perpetrators.find(m_tokens, 0, m_tokens.size(), taken);
        // a place name the place finder left unresolved is still no person: "in suburban Highland
        // Park was charged"
        auto const &matcher = m_lex.places.places().matcher();
        m_named.erase(std::remove_if(m_named.begin(), m_named.end(),
                                     [&](named_perpetrator const &n) {
                                         auto const found = matcher.matches_at(m_tokens, n.first_token);
                                         return std::any_of(found.begin(), found.end(), [&](phrase_match const &p) {
                                             return p.token_count == n.token_count;
                                         });
                                     }),
                      m_named.end());
    }

    std::optional<date_range> previous;
    m_info.resize(m_sentences.size());
    for (std::size_t s = 0; s < m_sentences.size(); ++s) {
        auto &info = m_info[s];
        info.first = token_at(m_sentences[s].begin);
        info.last = std::max(info.first, token_at(m_sentences[s].end));
        if (info.first == info.last)
            continue;
        info.cue = m_lex.cues.classify(m_tokens, info.first, info.last);
        info.dates = find_dates(m_tokens, info.first, info.last, m_article.published, previous);
        if (auto const last = last_event_date(info.dates))
            previous = last;
    }
    m_dateline = find_dateline();
    if (m_dateline) // its place and the country or state after it ("MOGADISHU, Somalia -")
        m_places.erase(std::remove_if(m_places.begin(), m_places.end(),
                                      [&](place_mention const &m) { return m.begin < m_dateline->end; }),
                       m_places.end());
}

std::optional<report_builder::dateline> report_builder::find_dateline() const
{
    // One of the first paragraphs (after a headline, byline or publication line) opens with a
    // place, then only capitalised words, digits, commas and full stops (country, state, date)
    // up to "(" (the agency), a dash or a colon.
    constexpr std::size_t opening_sentences = 6;
    for (std::size_t s = 0; s < std::min(m_sentences.size(), opening_sentences); ++s) {
        // a paragraph or at least a line of its own ("HEADLINE\nLONDON (AP) - ...")
        bool const line_start = m_sentences[s].begin == 0 || m_text[m_sentences[s].begin - 1] == '\n';
        if (s > 0 && m_sentences[s].paragraph == m_sentences[s - 1].paragraph && !line_start)
            continue;
        auto const first = std::find_if(m_places.begin(), m_places.end(),
                                        [&](place_mention const &m) { return m.begin >= m_sentences[s].begin; });
        if (first == m_places.end())
            break;
        // a city files a story; "Mali: toll from Bamako attack passes 70" is a headline
        bool const city_like = m_lex.places.places().place(first->place_id).kind != place_kind::country;
        if (first->begin == m_sentences[s].begin && city_like)
            if (auto d = dateline_at(*first))
                return d;
    }
    return std::nullopt;
}

std::optional<report_builder::dateline> report_builder::dateline_at(place_mention const &first) const
{
    for (std::size_t i = first.end; i < m_text.size() && i < first.end + 60; ++i) {
        char const c = m_text[i];
        if (c == '(' || c == ':' || (c == '-' && i + 1 < m_text.size() && m_text[i + 1] == ' ')) {
            // the dateline runs to its dash or colon, past an agency in brackets
            auto const close = c == '(' ? m_text.find(')', i) : std::string::npos;
            auto const dash = m_text.find_first_of("-:", close == std::string::npos ? i : close);
            return dateline{first, std::min(dash == std::string::npos ? i : dash, i + 80)};
        }
        bool const capital_word_char = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ',' || c == '.' ||
                                       c == ' ' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
        // lower-case letters are allowed inside capitalised words ("KABUL, Afghanistan -")
        bool const inside_word = c >= 'a' && c <= 'z' && i > 0 && m_text[i - 1] != ' ';
        if (!capital_word_char && !inside_word)
            return std::nullopt;
    }
    return std::nullopt;
}

std::vector<report_builder::segment> report_builder::trigger_segments(std::size_t s) const
{
    auto const &info = m_info[s];
    auto starts = m_lex.cues.incident_starts(m_tokens, info.cue);
    std::vector<segment> out;
    std::size_t first = info.first;
    for (std::size_t k = 1; k < starts.size(); ++k) {
        if (starts[k] <= first || starts[k] >= info.last)
            continue;
        out.push_back({s, first, starts[k], segment_kind::trigger});
        first = starts[k];
    }
    out.push_back({s, first, info.last, segment_kind::trigger});

    // "10 shoppers were killed at a supermarket in Buffalo, and 21 people were shot to death at a
    // school in Uvalde": clauses that each tell a trigger in far-apart places are two incidents.
    std::vector<segment> cut;
    for (auto const &seg : out) {
        std::size_t from = seg.first;
        for (std::size_t k = seg.first + 1; k + 1 < seg.last; ++k) {
            bool const joint = (m_tokens[k].norm == ","sv && m_tokens[k + 1].norm == "and"sv) ||
                               m_tokens[k].norm == ";"sv || m_tokens[k].norm == "while"sv ||
                               m_tokens[k].norm == "whereas"sv;
            if (!joint)
                continue;
            std::size_t const next = m_tokens[k].norm == ","sv ? k + 2 : k + 1;
            auto const before = clause_place(from, k);
            auto const after = clause_place(next, seg.last);
            // "in 1975, a commando stormed ... in Vienna, and in August 1981 gunmen attacked ..."
            auto const then = clause_date(s, from, k), later = clause_date(s, next, seg.last);
            bool const apart = (before && after && !places_compatible(*before, *after)) ||
                               (then && later && disjoint(*then, *later));
            if (apart && first_trigger(info.cue, from, k) < k && first_trigger(info.cue, next, seg.last) < seg.last) {
                cut.push_back({s, from, next, segment_kind::trigger});
                from = next;
            }
        }
        cut.push_back({s, from, seg.last, segment_kind::trigger});
    }
    return cut;
}

std::optional<date_range> report_builder::clause_date(std::size_t sentence, std::size_t first, std::size_t last) const
{
    for (auto const &d : m_info[sentence].dates)
        if (d.first_token >= first && d.first_token < last && is_incident_date(d, sentence))
            return d.range;
    return std::nullopt;
}

std::optional<std::uint32_t> report_builder::clause_place(std::size_t first, std::size_t last) const
{
    // the most specific: "California endured ...: 11 people were shot dead in Monterey Park"
    auto const &g = m_lex.places.places();
    std::optional<std::uint32_t> best;
    for (auto const &m : m_places)
        if (within(m, first, last) && m.rule != "demonym"sv && g.place(m.place_id).kind != place_kind::country &&
            (!best || specificity(g.place(m.place_id).kind) > specificity(g.place(*best).kind)))
            best = m.place_id;
    return best;
}

/// The first qualified trigger of a segment, as a token index (or the segment's end).
bool report_builder::opens_new_incident(segment const &seg) const
{
    // "The assailant was also killed in the incident": the same incident, told further
    for (std::size_t i = seg.first; i + 2 < seg.last; ++i)
        if (m_tokens[i].norm == "in"sv && m_tokens[i + 1].norm == "the"sv && event_anaphors.contains(m_tokens[i + 2]))
            return false;
    // "The attack came two days after | a gunman killed 11 people at a dance studio": the object
    // of a comparison that tells an incident is another one than the sentence's subject
    auto const &described = m_info[seg.sentence].cue.described;
    if (std::find(described.begin(), described.end(), seg.first) != described.end())
        return true;
    auto const trigger = first_trigger(m_info[seg.sentence].cue, seg.first, seg.last);
    for (std::size_t i = seg.first; i < std::min(trigger + 1, seg.last); ++i)
        if (new_incident_adverbs.contains(m_tokens[i]))
            return true;
    // "The first, packed with nails, killed four ... The second, planted under a bandstand, ..."
    if (seg.first + 2 < seg.last && m_tokens[seg.first].norm == "the" &&
        ordinal_heads.contains(m_tokens[seg.first + 1]) && m_tokens[seg.first + 2].kind == token_kind::punct)
        return true;
    // "the second bomber blew himself up" is one more attacker of the same incident
    for (auto const &h : m_info[seg.sentence].cue.hits)
        if (h.first_token == trigger && attacker_nouns.contains(m_tokens[h.first_token + h.token_count - 1]))
            return false;
    for (std::size_t i = std::min(trigger, seg.last), steps = 0; i > seg.first && steps < 4; ++steps) {
        token const &t = m_tokens[--i];
        if (attacker_nouns.contains(t))
            return false;
        // "It was the first suicide bombing in the capital since ...": said of this incident
        bool const predicate = i >= seg.first + 2 && m_tokens[i - 1].norm == "the"sv &&
                               copulas.contains(m_tokens[i - 2]);
        if (new_incident_adjectives.contains(t))
            return !predicate;
        if (t.kind == token_kind::punct || t.norm == "of"sv || t.norm == "in"sv || t.norm == "on"sv || t.norm == "at"sv)
            break;
    }
    return false;
}

/// Walks left from each trigger (not cancelled) of a segment over modifiers ("the deadly January 3
/// suicide attack") to the determiner of its noun phrase: +1 when any trigger is definite,
/// -1 when the first is indefinite ("a blast", "two bombs"), 0 otherwise.
int report_builder::determiner_of(segment const &seg) const
{
    int verdict = 0;
    bool first = true;
    for (auto const &h : m_info[seg.sentence].cue.hits) {
        if (h.state == trigger_state::cancelled || h.first_token < seg.first || h.first_token >= seg.last)
            continue;
        int here = 0;
        std::size_t i = h.first_token;
        for (std::size_t steps = 0; i > seg.first && steps < 5 && here <= 0; ++steps) {
            --i;
            // a date is one modifier, its full stops included: "the Oct. 14 blast"
            for (auto const &dm : m_info[seg.sentence].dates)
                if (dm.first_token < i && i < dm.first_token + dm.token_count && dm.first_token >= seg.first)
                    i = dm.first_token;
            auto const &t = m_tokens[i];
            if (t.kind == token_kind::punct || clause_openers.contains(t))
                break; // "with 40 people at a luncheon before he struck": not the trigger's phrase
            // a genitive is definite: "Friday's massacre", "the group's attack"
            if (definite_determiners.contains(t) || t.possessive)
                here = 1;
            else if (here == 0 && (t.kind == token_kind::number || indefinite_determiners.contains(t)))
                here = -1; // keep walking: "the two bombs", "the January 3 attack" are definite
        }
        // "Hours after the Half Moon Bay attack, shots were fired ...": a time reckoned from an
        // incident tells nothing of the clause's own
        if (here > 0 && i > seg.first + 1 && temporal_prepositions.contains(m_tokens[i - 1]) &&
            date_lexicon::is_time_unit(m_tokens[i - 2]))
            continue;
        if (here > 0)
            return 1;
        if (first)
            verdict = here;
        first = false;
    }
    return verdict;
}

bool report_builder::refers_back(segment const &seg) const { return determiner_of(seg) > 0; }
bool report_builder::indefinite(segment const &seg) const { return determiner_of(seg) < 0; }

bool report_builder::in_comparison(std::size_t token, std::size_t sentence) const
{
    for (auto const &[first, last] : m_info[sentence].cue.compared)
        if (token >= first && token < last)
            return true;
    return false;
}

bool report_builder::is_incident_date(date_mention const &d, std::size_t sentence) const
{
    if (d.role != date_role::event)
        return false;
    if (m_dateline && d.begin < m_dateline->end) // "KABUL, May 31 (Reuters) -": when it was filed
        return false;
    // "the first suicide bombing in the capital since the fall of the government in December"
    if (in_comparison(d.first_token, sentence))
        return false;
    // The date belongs to the nearest verb before it in its clause: "officials said on Monday",
    // "were charged by a court late on Sunday" date those acts. An incident trigger met first
    // ("a bomb exploded on Monday", "the girls seized a week ago say") keeps the date for the
    // incident.
    auto const first = m_info[sentence].first;
    auto const &hits = m_info[sentence].cue.hits;
    auto const trigger_at = [&](std::size_t i) {
        return std::any_of(hits.begin(), hits.end(), [i](trigger_hit const &h) {
            return h.state != trigger_state::cancelled && i >= h.first_token && i < h.first_token + h.token_count;
        });
    };
    // "since the Oct. 25, 2023, shootings", "Saturday's attack": a date that qualifies a
    // trigger noun is that incident's, whatever verb stands before it
    std::size_t next = d.first_token + d.token_count;
    if (next < m_info[sentence].last && m_tokens[next].norm == ","sv)
        ++next;
    if (next < m_info[sentence].last && trigger_at(next))
        return true;
    bool clause_start = true; // nothing but a subject before the date in its clause
    for (std::size_t steps = 0, i = d.first_token; i > first; ++steps) {
        if (steps == 8) {
            clause_start = false;
            break;
        }
        --i;
        auto const &t = m_tokens[i];
        if (t.kind == token_kind::punct && t.norm != "'"sv && t.norm != "\""sv)
            break;
        if (trigger_at(i))
            return true;
        if (m_lex.non_event_verbs.contains(t))
            return false;
        // "Mayor Craig Greenberg, who took office in January, called the shooting ...": a
        // relative clause without a trigger dates its own verb
        if (t.norm == "who"sv || t.norm == "whose"sv || t.norm == "which"sv)
            return false;
    }
    // With no verb before it, the verb right after: "police on Tuesday released video"
    std::size_t const after = d.first_token + d.token_count;
    return !(clause_start && after < m_info[sentence].last && m_lex.non_event_verbs.contains(m_tokens[after]));
}

std::optional<date_mention> report_builder::segment_date_mention(segment const &seg) const
{
    // Of several dates, the one nearest the incident's trigger: "the government on Friday blamed
    // the ELN for Thursday's car bombing"; "the deadliest since February 2003, when a car bomb ...".
    std::size_t const trigger = first_trigger(m_info[seg.sentence].cue, seg.first, seg.last);
    std::optional<date_mention> best;
    std::size_t best_distance = 0;
    for (auto const &d : m_info[seg.sentence].dates) {
        if (!within(d, seg.first, seg.last) || !is_incident_date(d, seg.sentence))
            continue;
        std::size_t const distance = d.first_token >= trigger ? d.first_token - trigger
                                                               : trigger - std::min(trigger, d.first_token + d.token_count);
        if (!best || distance < best_distance) {
            best = d;
            best_distance = distance;
        }
    }
    // "ended an overnight siege on Saturday ... after gunmen attacked the hotel on Friday
    // evening": the incident began on the earlier day
    if (best && best->range.precision == date_precision::day)
        for (auto const &d : m_info[seg.sentence].dates)
            if (within(d, seg.first, seg.last) && d.range.precision == date_precision::day &&
                d.range.end < best->range.start && best->range.start.to_days() - d.range.end.to_days() <= 3 &&
                is_incident_date(d, seg.sentence))
                best = d;
    return best;
}

std::optional<date_range> report_builder::segment_date(segment const &seg) const
{
    auto const d = segment_date_mention(seg);
    return d ? std::optional<date_range>(d->range) : std::nullopt;
}

bool report_builder::implausible(place_mention const &m, std::vector<std::string> const &actor_countries) const
{
    auto const &g = m_lex.places.places();
    auto const &p = g.place(m.place_id);
    if (p.kind != place_kind::city && p.kind != place_kind::district)
        return false;
    // one of several places of that name, chosen by population or the article's country alone,
    // or a unique name not said to be where something happened ("taken to Mount Sinai")
    bool const doubtful = m.rule == "prior"sv || m.rule == "context"sv || (m.rule == "unique"sv && !locative(m));
    auto const own = g.country(p.country);
    int const own_weight = own ? m_context.country_weight(*own) : 0;
    // place_finder::context_of weighs one place mention 2
    constexpr int one_mention = 2;
    // (a name of several words that the gazetteer holds once, "in Half Moon Bay", is no such
    // coincidence)
    bool const unique_compound = m.rule == "context"sv && m.token_count >= 2 && locative(m);
    if (m_dateline && doubtful && !unique_compound && g.place(m_dateline->place.place_id).country == p.country) {
        // Wire stories are filed from capitals far from the incident ("KABUL - ... in Sangin"),
        // but a small place far from the dateline ("Southside" in a Jacksonville story) is most
        // likely a place near it that the gazetteer lacks.
        // So is a larger namesake whose state nothing else in the story names ("a Waffle House
        // in Antioch" in a Nashville story is no California city).
        auto const &d = g.place(m_dateline->place.place_id);
        auto const km = distance_km(d, p);
        bool const unsupported_division = m.rule != "unique"sv && p.admin1 != no_place && p.admin1 != d.admin1 &&
                                          m_context.admin1_weight(p.admin1) <= one_mention;
        if (km && *km > 300.0 && (p.population < 100000 || unsupported_division))
            return true;
    }
    bool const weak = m.rule == "unique"sv || m.rule == "prior"sv || m.rule == "hint"sv;
    if (!weak)
        return false;
    // A town of some size, the only place of that name, named with a place preposition, is a
    // background incident abroad ("beheaded near his school in Conflans-Sainte-Honorine" in a
    // Vienna story), not a namesake: the two rules below spare it.
    constexpr std::uint64_t known_town = 20000;
    bool const known_abroad = m.rule == "unique" && p.population >= known_town && locative(m);
    // a story filed from one country about a place in another names that other country more
    // than the filing one ("COLORADO SPRINGS - ... Daniel Aston, Kelly Loving" is no English town)
    if (m_dateline && g.place(m_dateline->place.place_id).country != p.country && !known_abroad) {
        auto const filed = g.country(g.place(m_dateline->place.place_id).country);
        int const filed_weight = filed ? m_context.country_weight(*filed) : 0;
        if (own_weight <= one_mention || (own_weight <= filed_weight && !(own && country_named_near(m, *own))))
            return true;
    }
    auto const dominant = m_context.dominant_country();
    if (own && dominant != no_place && dominant != *own && own_weight < m_context.country_weight(dominant) &&
        !country_named_near(m, *own) && !known_abroad)
        return true;
    // the attacker's countries overrule only a place that nothing else in the article supports
    // (and not a known town said to be the scene: groups strike abroad, "in Beirut")
    return own_weight <= one_mention && !actor_countries.empty() && !known_abroad &&
           std::find(actor_countries.begin(), actor_countries.end(), p.country) == actor_countries.end();
}

bool report_builder::country_named_near(place_mention const &m, std::uint32_t country) const
{
    // "The insurgents have also hit neighbouring Kenya. In April 2015 ... at Garissa University"
    std::size_t s = 0;
    while (s + 1 < m_info.size() && m_info[s + 1].first <= m.first_token)
        ++s;
    std::size_t const from = m_info[s > 0 ? s - 1 : 0].first;
    return std::any_of(m_places.begin(), m_places.end(), [&](place_mention const &o) {
        return o.place_id == country && o.first_token >= from && o.first_token < m_info[s].last;
    });
}

std::optional<place_mention> report_builder::segment_place(segment const &seg, bool with_demonyms,
                                                           std::vector<std::string> const &actor_countries) const
{
    place_mention const *best = nullptr;
    int best_rank = 0;
    auto const &g = m_lex.places.places();
    for (auto const &m : m_places) {
        if (!within(m, seg.first, seg.last) || in_comparison(m.first_token, seg.sentence))
            continue;
        // An adjective names where something comes from more often than where it happened
        // ("near the German embassy" in Kabul): it places a report only when nothing else does.
        // "the U.S. embassy", "Pakistani troops": whose, not where
        bool const demonym = m.rule == "demonym"sv || owner(m);
        if ((demonym && (!with_demonyms || names_a_person(m))) || in_route_name(m) || home_town(m) ||
            not_the_scene(m) || implausible(m, actor_countries))
            continue;
        // Where the incident happened is said with a preposition ("in Arauca department"); a name
        // used as a modifier ("the Cano Limon-Covenas pipeline", "the Kabul-Kandahar highway") or
        // given as an origin is a weaker witness. Among equals, a neighbourhood ("Kabul's
        // Dasht-e Barchi") is more precise than its city.
        // A place inside another one named always refines it ("at Garissa University College in
        // Kenya").
        auto const &place = g.place(m.place_id);
        int const rank = 2 * specificity(place.kind) + (place.part_of != no_place ? 1 : 0) - (demonym ? 20 : 0) +
                         (locative(m) ? 10 : 0);
        bool const refines = best && !demonym && g.contains(best->place_id, m.place_id) && best->place_id != m.place_id;
        bool const refined = best && g.contains(m.place_id, best->place_id);
        if (!best || refines || (!refined && rank > best_rank)) {
            best = &m;
            best_rank = rank;
        }
    }
    return best ? std::optional<place_mention>(*best) : std::nullopt;
}

bool report_builder::is_branch_of(actor_mention const &branch, actor_mention const &ancestor) const
{
    auto const &target = m_lex.actors.at(ancestor.actor).canonical;
    std::string current = m_lex.actors.at(branch.actor).parent;
    for (int depth = 0; depth < 8 && !current.empty(); ++depth) {
        if (current == target)
            return true;
        current = m_lex.actors.parent_of(current);
    }
    return false;
}

bool report_builder::owner(place_mention const &m) const
{
    std::size_t const after = m.first_token + m.token_count;
    if (after >= m_tokens.size())
        return false;
    return m_lex.places.places().place(m.place_id).kind == place_kind::country && owned_nouns.contains(m_tokens[after]);
}

bool report_builder::says_here(std::vector<segment> const &segments) const
{
    for (auto const &seg : segments) {
        if (seg.kind != segment_kind::trigger)
            continue;
        for (std::size_t i = seg.first; i < seg.last; ++i) {
            if (m_tokens[i].norm == "here"sv && !(i + 1 < seg.last && m_tokens[i + 1].norm == "is"sv))
                return true;
            // "outside this Olympic city", "in this capital"
            if (m_tokens[i].norm == "this"sv)
                for (std::size_t k = i + 1; k < seg.last && k < i + 4; ++k)
                    if (m_tokens[k].norm == "city"sv || m_tokens[k].norm == "capital"sv || m_tokens[k].norm == "town"sv)
                        return true;
        }
    }
    return false;
}

bool report_builder::not_the_scene(place_mention const &m) const
{
    // "the Belize-flagged cargo ship", "a Dubai-based company"
    if (std::size_t const next = m.first_token + m.token_count;
        next < m_tokens.size() && made_in_words.contains(m_tokens[next]))
        return true;
    // a government speaking: "The Taliban government in Kabul said ...", "Kabul said"
    std::size_t const after = m.first_token + m.token_count;
    if (after < m_tokens.size() && speech_verbs.contains(m_tokens[after]))
        return true;
    // where a statement was made: "a statement issued in Dublin", "told reporters in Islamabad"
    for (std::size_t k = m.first_token, steps = 0; k > 0 && steps < 4; ++steps)
        if (statement_words.contains(m_tokens[--k]))
            return true;
    // where someone lives or works: "Chou, who works as a security guard in Las Vegas"
    for (std::size_t k = m.first_token, steps = 0; k > 0 && steps < 7; ++steps) {
        token const &t = m_tokens[--k];
        if (t.norm == "," || lexicon::is_sentence_end(m_tokens, k))
            break;
        if (residence_words.contains(t))
            return true;
    }
    // where someone travels from or to: "travelling from Islamabad to their camp at the Dasu
    // project", "the road to Kabul", "drove to Madison, Wisconsin" (past the city it qualifies)
    auto const place_starting_before = [&](std::size_t end) -> std::optional<std::size_t> {
        for (auto const &o : m_places)
            if (o.first_token + o.token_count == end)
                return o.first_token;
        return std::nullopt;
    };
    for (std::size_t k = m.first_token, steps = 0; k > 0 && steps < 6; ++steps) {
        if (k >= 2 && m_tokens[k - 1].norm == ","sv)
            if (auto const container_of = place_starting_before(k - 1)) {
                k = *container_of;
                continue;
            }
        token const &t = m_tokens[--k];
        // "from" only after travelling or people ("shot dead those from Punjab"): a hijacked
        // flight "took off from Kathmandu" is the scene
        if (direction_words.contains(t) ||
            (t.norm == "from"sv && k > 0 &&
             (travel_verbs.contains(m_tokens[k - 1]) || people_words.contains(m_tokens[k - 1]))))
            return true;
        if (t.kind != token_kind::word || (t.capitalised && !t.all_caps && !t.possessive) || clause_words.contains(t))
            return false;
    }
    return false;
}

bool report_builder::home_town(place_mention const &m) const
{
    // "Eduardo Uvaldo, 69, of Waukegan", "Payton Gendron, 18, of Conklin": where a person lives;
    // "a businessman from Herat", "two students from Lahore": where a person comes from
    std::size_t const i = m.first_token;
    if (i >= 2 && m_tokens[i - 1].norm == "from"sv)
        return m_lex.casualties.person_noun_ends_at(m_tokens, i - 1);
    if (i < 2 || m_tokens[i - 1].norm != "of"sv)
        return false;
    token const &before = m_tokens[i - 2];
    return before.kind == token_kind::number || (before.norm == ","sv && i >= 3 && m_tokens[i - 3].kind == token_kind::number);
}

bool report_builder::in_route_name(place_mention const &m) const
{
    // "the Abuja-Kaduna railway", "the Kabul-Jalalabad highway": two places joined by a hyphen
    auto const place_at = [&](std::size_t token) {
        return std::any_of(m_places.begin(), m_places.end(), [&](place_mention const &o) {
            return token >= o.first_token && token < o.first_token + o.token_count;
        });
    };
    auto const hyphen_between = [&](std::size_t left, std::size_t right) { // tokenize() drops the hyphen
        return m_tokens[right].begin == m_tokens[left].end + 1 && m_text[m_tokens[left].end] == '-';
    };
    std::size_t const after = m.first_token + m.token_count;
    return (after < m_tokens.size() && hyphen_between(after - 1, after) && place_at(after)) ||
           (m.first_token >= 1 && hyphen_between(m.first_token - 1, m.first_token) && place_at(m.first_token - 1));
}

bool report_builder::names_a_person(place_mention const &demonym) const
{
    // "South African Adrian Nel": a nationality before a first and last name
    std::size_t const k = demonym.first_token + demonym.token_count;
    auto const name_word = [&](std::size_t i) {
        return i < m_tokens.size() && m_tokens[i].kind == token_kind::word && m_tokens[i].capitalised &&
               !m_tokens[i].all_caps;
    };
    return name_word(k) && name_word(k + 1);
}

std::optional<place_mention> report_builder::anaphoric_city(segment const &seg) const
{
    auto const &g = m_lex.places.places();
    for (std::size_t i = seg.first; i + 1 < seg.last; ++i) {
        // "the city", "the town"; "the same square", "the same market"
        bool const same = m_tokens[i + 1].norm == "same"sv && i + 2 < seg.last;
        if (m_tokens[i].norm != "the"sv || !(same || city_anaphors.contains(m_tokens[i + 1])) ||
            (!same && i + 2 < seg.last && m_tokens[i + 2].norm == "of"sv))
            continue;
        for (auto it = m_places.rbegin(); it != m_places.rend(); ++it)
            if (it->first_token < seg.first && it->rule != "demonym" &&
                g.place(it->place_id).kind == place_kind::city)
                return *it;
        break;
    }
    return std::nullopt;
}

bool report_builder::locative(place_mention const &m) const
{
    // "in Kabul", "near the northern town of Kunduz", "in Balochistan's Quetta", "IN BEIRUT"; but
    // in "at Mount Sinai Hospital" the preposition governs the facility named after a place
    std::size_t const after = m.first_token + m.token_count;
    if (after < m_tokens.size() && m_tokens[after].kind == token_kind::word && m_tokens[after].capitalised &&
        !m_tokens[after].all_caps && !m_tokens[m.first_token + m.token_count - 1].possessive &&
        !is_place_type_word(m_tokens[after]))
        return false;
    // ... and in "at the Olympia shopping centre" (a venue named after a place)
    if (after < m_tokens.size() && venue_nouns.contains(m_tokens[after]) && m.first_token > 0 &&
        m_tokens[m.first_token - 1].norm == "the"sv)
        return false;
    std::size_t skipped = 0;
    for (std::size_t k = m.first_token; k > 0 && skipped < 5;) {
        token const &t = m_tokens[--k];
        if (locative_prepositions.contains(t))
            return true;
        // In capitals only known modifiers count: "AT WHAT WASHINGTON DESCRIBED" is no location.
        bool const modifier = t.kind == token_kind::word &&
                              (t.all_caps ? caps_modifiers.contains(t) || t.possessive
                                          : !t.capitalised || t.possessive);
        if (!modifier)
            return false;
        if (t.possessive) // the whole of a possessive place: "at Saudi Arabia's southern city of Jizan"
            for (auto const &other : m_places)
                if (other.first_token <= k && k < other.first_token + other.token_count)
                    k = other.first_token;
        ++skipped;
    }
    return false;
}

std::optional<long> report_builder::segment_killed(segment const &seg) const
{
    // victims: "Three attackers were killed" tells no other toll than "23 people were killed"
    auto const &f = figures(seg.first, seg.last);
    if (!f.killed)
        return std::nullopt;
    long const victims = f.killed->value - (f.perpetrators_killed ? f.perpetrators_killed->value : 0);
    return victims > 0 || !f.perpetrators_killed ? std::optional<long>(victims) : std::nullopt;
}

casualty_figures const &report_builder::figures(std::size_t first, std::size_t last) const
{
    auto const [it, fresh] = m_figures.try_emplace({first, last});
    if (fresh) {
        auto const local = slice(first, last);
        if (m_lex.casualties.has_cue(local))
            it->second = m_lex.casualties.extract(local, m_text, 0);
    }
    return it->second;
}

bool report_builder::places_compatible(std::uint32_t a, std::uint32_t b) const
{
    auto const &g = m_lex.places.places();
    // A country named in passing ("supplied by the United States") says little about where an
    // incident happened; only divisions and settlements can contradict each other.
    if (a == b || g.contains(a, b) || g.contains(b, a) || g.place(a).kind == place_kind::country ||
        g.place(b).kind == place_kind::country)
        return true;
    // "the kidnapping in Katsina" may mean the state as well as its capital: a city named like its
    // division stands for the division too (Katsina / Katsina State, Kandahar, Kunduz)
    auto const stands_for_division = [&](std::uint32_t city, std::uint32_t other) {
        auto const &c = g.place(city);
        return c.kind == place_kind::city && c.admin1 != no_place &&
               g.place(c.admin1).name.compare(0, c.name.size(), c.name) == 0 && g.contains(c.admin1, other);
    };
    if (stands_for_division(a, b) || stands_for_division(b, a))
        return true;
    auto const km = distance_km(g.place(a), g.place(b));
    return km && *km <= 30.0; // neighbourhoods and suburbs of one city are a few km apart
}

bool report_builder::compatible(draft const &d, segment const &seg, int later_days) const
{
    if (auto const date = segment_date(seg); date && d.date && disjoint(*date, *d.date)) {
        // within `later_days` either way: a claim or a later death after the report's date, or
        // the start of what the report dated by its end ("ended the siege on Saturday" ... "the
        // gunmen arrived on Friday evening")
        bool const near = d.date->end < date->start ? date->start.to_days() - d.date->end.to_days() <= later_days
                                                    : d.date->start.to_days() - date->end.to_days() <= later_days;
        if (!near)
            return false;
        // an earlier day and another toll: "Wednesday's attack on Charlie Hebdo, in which 12
        // people were killed" in a story about Thursday's killing of a policewoman (a later day
        // may raise the toll: "The seventh person killed died at a hospital Tuesday")
        auto const killed = segment_killed(seg);
        if (date->end < d.date->start && killed && d.killed && *killed != *d.killed)
            return false;
    }
    if (auto const p = segment_place(seg, false); p && d.place && !places_compatible(p->place_id, *d.place))
        return false;
    return true;
}

report_builder::draft *report_builder::continued_draft(segment const &seg)
{
    if (m_drafts.empty() || opens_new_incident(seg))
        return nullptr;
    if (refers_back(seg)) {
        auto match = std::find_if(m_drafts.rbegin(), m_drafts.rend(), [&](draft const &d) { return compatible(d, seg); });
        // A bare back-reference ("claimed responsibility for the attack on Friday") often carries
        // the date of the claim or statement, a few days after the incident.
        // So does a later death or figure ("The seventh person killed died at a hospital Tuesday"),
        // where the place is the same.
        if (match == m_drafts.rend())
            match = std::find_if(m_drafts.rbegin(), m_drafts.rend(),
                                 [&](draft const &d) { return compatible(d, seg, 3); });
        return match == m_drafts.rend() ? nullptr : &*match;
    }
    auto &latest = m_drafts.back();
    if (seg.sentence - latest.segments.back().sentence > 3 || !compatible(latest, seg)) {
        // Far on in a story, a sentence with neither a date nor a place of its own tells more of
        // the incident before it ("Police said the shooting followed an argument"), not another.
        bool const unanchored = !segment_date(seg) && !segment_place(seg, false) && !indefinite(seg);
        return unanchored && compatible(latest, seg) ? &latest : nullptr;
    }
    if (auto const date = segment_date(seg); date && latest.date) {
        // a date of its own: only a retelling of the same day and place continues (an undated
        // report may be dated by what continues it), or of the same day by a definite subject
        // ("The gunmen arrived at about 7.30 p.m. on Friday and opened fire on diners")
        auto const p = segment_place(seg, false);
        bool const same_day_told_again = !p && date->precision == date_precision::day &&
                                         latest.date->precision == date_precision::day &&
                                         date->start == latest.date->start &&
                                         definite_determiners.contains(m_tokens[seg.first]);
        if (!same_day_told_again && (!p || !latest.place || latest.date->precision != date->precision))
            return nullptr;
    }
    if (indefinite(seg)) {
        auto const killed = segment_killed(seg);
        if (killed && latest.killed && *killed != *latest.killed)
            return nullptr;
    }
    return &latest;
}

void report_builder::attach(draft &d, segment const &seg)
{
    d.segments.push_back(seg);
    if (seg.kind == segment_kind::support)
        return;
    if (!d.date)
        d.date = segment_date(seg);
    if (!d.place)
        if (auto const p = segment_place(seg, false))
            d.place = p->place_id;
    if (m_dateline && says_here({seg}) &&
        (!d.place || m_lex.places.places().place(*d.place).kind == place_kind::country))
        d.place = m_dateline->place.place_id;
    if (!d.killed && seg.kind == segment_kind::trigger)
        d.killed = segment_killed(seg);
}

bool report_builder::supports(std::size_t s) const
{
    auto const &info = m_info[s];
    // a tally ("the insurgency has left an estimated 40,000 people dead since 1969") tells no
    // figure of the incident before it
    if (info.cue.reason == "aggregate" ||
        std::any_of(info.dates.begin(), info.dates.end(), [](date_mention const &d) { return d.role == date_role::since; }))
        return false;
    for (auto const &m : m_actors)
        if (within(m, info.first, info.last) && !m.denied && m.status != claim_status::none &&
            m.role != actor_role::target)
            return true;
    auto const &found = figures(info.first, info.last);
    return found.killed || found.injured;
}

void report_builder::group()
{
    std::vector<bool> used(m_sentences.size(), false);
    bool const headline = is_headline(0);
    for (std::size_t s = headline ? 1 : 0; s < m_sentences.size(); ++s) {
        auto const &info = m_info[s];
        if (info.first == info.last)
            continue;
        if (!info.cue.incident) {
            log_debug(m_article.id, " sentence ", s, ": no incident (", info.cue.reason, ": ", info.cue.rule, ")");
            // a claim or a figure supports the report just told; further on, only one that
            // refers back to it ("The Islamic State group said it was behind the attack")
            segment const whole{s, info.first, info.last, segment_kind::support};
            if (!m_drafts.empty() && supports(s) &&
                (s - m_drafts.back().segments.back().sentence <= 2 || refers_back(whole))) {
                log_debug(m_article.id, " sentence ", s, ": supports report ", m_drafts.size() - 1);
                attach(m_drafts.back(), {s, info.first, info.last, segment_kind::support});
                used[s] = true;
            }
            continue;
        }
        for (auto const &seg : trigger_segments(s)) {
            used[s] = true;
            if (auto *d = continued_draft(seg)) {
                log_debug(m_article.id, " sentence ", s, ": continues report ", d - m_drafts.data(), " (",
                          info.cue.rule, ")");
                attach(*d, seg);
                continue;
            }
            log_debug(m_article.id, " sentence ", s, ": opens report ", m_drafts.size(), " (", info.cue.rule, ")");
            draft d;
            if (s > 0) {
                // A summary before the details ("two suicide attacks at mosques ... The first
                // targeted ...") lends its attack type even when it belongs to another report.
                segment lead{s - 1, m_info[s - 1].first, m_info[s - 1].last, segment_kind::context};
                lead.free = !used[s - 1];
                lead.locates = lead.free && m_sentences[s - 1].paragraph == m_sentences[s].paragraph;
                d.segments.push_back(lead);
            }
            attach(d, seg);
            for (auto const &lead : d.segments)
                if (lead.kind == segment_kind::context && lead.locates) {
                    if (!d.date)
                        d.date = segment_date(lead);
                    if (!d.place)
                        if (auto const p = segment_place(lead, false))
                            d.place = p->place_id;
                }
            m_drafts.push_back(std::move(d));
        }
    }
    if (headline)
        fold_headline();
}

bool report_builder::is_headline(std::size_t s) const
{
    if (s != 0 || m_sentences.size() < 2 || m_sentences[1].paragraph == m_sentences[0].paragraph)
        return false;
    auto const text = std::string_view(m_text).substr(m_sentences[0].begin, m_sentences[0].end - m_sentences[0].begin);
    if (!m_article.title.empty() && fold(text) == fold(m_article.title))
        return true;
    char const last = text.empty() ? '.' : text.back();
    return last != '.' && last != '!' && last != '?' && last != '"' && m_info[0].last - m_info[0].first <= 25;
}

void report_builder::fold_headline()
{
    // A headline repeats the main incident of the story: it adds to the first body report it
    // is compatible with, and stands alone only when the body reports nothing.
    auto const &info = m_info[0];
    if (!info.cue.incident)
        return;
    segment const seg{0, info.first, info.last, segment_kind::trigger};
    for (auto &d : m_drafts)
        if (compatible(d, seg)) {
            d.segments.push_back({0, info.first, info.last, segment_kind::headline});
            return;
        }
    if (m_drafts.empty()) {
        draft d;
        attach(d, seg);
        m_drafts.push_back(std::move(d));
    }
}

void report_builder::explain(incident_report &r, char const *field, std::string rule, std::string matched) const
{
    if (m_explain)
        r.explanations.push_back({field, std::move(rule), std::move(matched)});
}

named_perpetrator const *report_builder::named_attacker(draft const &d, bool first_report) const
{
    for (auto const &n : m_named)
        for (auto const &seg : d.segments)
            if (within(n, seg.first, seg.last) && seg.kind != segment_kind::headline)
                return &n;
    // a long local story names the suspect paragraphs after the shooting, outside other reports
    if (!first_report)
        return nullptr;
    for (auto const &n : m_named) {
        bool const elsewhere = std::any_of(m_drafts.begin(), m_drafts.end(), [&](draft const &other) {
            return &other != &d && std::any_of(other.segments.begin(), other.segments.end(), [&](segment const &seg) {
                       return seg.kind != segment_kind::context && within(n, seg.first, seg.last);
                   });
        });
        if (!elsewhere)
            return &n;
    }
    return nullptr;
}

std::optional<incident_report> report_builder::make_report(std::size_t index, bool first_report) const
{
    draft const &d = m_drafts[index];
    // Fields are read from trigger segments first, then supporting and lead-in sentences.
    std::vector<segment> ordered;
    for (auto kind : {segment_kind::trigger, segment_kind::context, segment_kind::support, segment_kind::headline})
        for (auto const &seg : d.segments)
            if (seg.kind == kind)
                ordered.push_back(seg);
    if (ordered.empty() || ordered.front().kind != segment_kind::trigger)
        return std::nullopt;

    incident_report r;
    r.article_id = m_article.id;
    r.source = m_article.source;
    r.published = m_article.published;
    bool substance = false;

    // Supporting sentences lend claims and figures; dates and places come from the incident's
    // own sentences, the lead-in sentence or the headline.
    auto const locates = [](segment const &seg) { return seg.kind != segment_kind::support && seg.locates; };
    // A sentence cut into incidents shares its opening date: "On Sunday, a bomb killed four
    // soldiers in Khyber, while gunmen shot dead two policemen in Bannu."
    auto const with_opening = [&](segment seg) {
        if (seg.kind == segment_kind::trigger && !segment_date_mention(seg))
            seg.first = m_info[seg.sentence].first;
        return seg;
    };
    for (auto const &seg : ordered) {
        if (!locates(seg) || (r.date && seg.kind != segment_kind::trigger))
            continue;
        auto const dm = segment_date_mention(with_opening(seg));
        if (!dm)
            continue;
        // a later, more precise date within the first one refines it; a day up to three days
        // before it is when the incident began ("ended the siege on Saturday" ... "the attack
        // began on Friday evening"): the first one dated a later stage or a statement
        bool const refines = r.date && r.date->start <= dm->range.start && dm->range.end <= r.date->end &&
                             dm->range.precision < r.date->precision;
        auto const seg_killed = segment_killed(seg);
        bool const began_earlier = r.date && r.date->precision == date_precision::day &&
                                   dm->range.precision == date_precision::day && dm->range.end < r.date->start &&
                                   r.date->start.to_days() - dm->range.end.to_days() <= 3 &&
                                   !(seg_killed && d.killed && *seg_killed != *d.killed);
        if (r.date && !refines && !began_earlier)
            continue;
        r.date = dm->range;
        explain(r, "date", "date." + dm->rule, m_text.substr(dm->begin, dm->end - dm->begin));
        substance = true;
    }

    // Attacker: a mention in perpetrator (or unknown) position, perpetrators and claims first.
    // State forces are named mostly as responders ("before French forces ended the siege",
    // "advisers for the Afghan forces"): only an act of their own makes them the attacker.
    auto const responder = [&](actor_mention const &m) {
        if (m_lex.actors.at(m.actor).kind != actor_kind::state || m.role == actor_role::perpetrator)
            return false;
        for (std::size_t i = m.first_token; i < m.first_token + m.token_count; ++i)
            if (state_acts.contains(m_tokens[i]))
                return false;
        return true;
    };
    actor_mention const *chosen = nullptr;
    for (auto const &seg : ordered) {
        for (auto const &m : m_actors) {
            if (!within(m, seg.first, seg.last) || m.denied || m.role == actor_role::target ||
                (seg.kind == segment_kind::context && (!seg.free || m.role != actor_role::perpetrator)) ||
                responder(m))
                continue;
            auto const rank = [](actor_mention const &a) {
                return (a.role == actor_role::perpetrator ? 10 : 0) + claim_strength(a.status);
            };
            // "JNIM, al-Qaeda's affiliate in the Sahel, claimed ...": the branch, not its parent
            if (!chosen || rank(m) > rank(*chosen) || (rank(m) == rank(*chosen) && is_branch_of(m, *chosen)))
                chosen = &m;
        }
        if (chosen)
            break;
    }
    // A branch named beside its parent is the more specific claimant ("JNIM, al-Qaeda's affiliate
    // in the Sahel, claimed responsibility").
    if (chosen)
        for (auto const &m : m_actors)
            if (!m.denied && m.role != actor_role::target && is_branch_of(m, *chosen) &&
                std::any_of(ordered.begin(), ordered.end(), [&](segment const &seg) {
                    return seg.kind != segment_kind::context && within(m, seg.first, seg.last) &&
                           within(*chosen, seg.first, seg.last);
                }))
                chosen = &m;
    claim_status status = chosen ? chosen->status : claim_status::none;
    if (!chosen) {
        // "the group claimed ...": the latest group named in the two sentences before.
        auto const &seg = ordered.front();
        bool anaphor = false;
        for (std::size_t i = seg.first; i < seg.last && !anaphor; ++i)
            anaphor = group_anaphors.contains(m_tokens[i]) && i > seg.first &&
                      definite_determiners.contains(m_tokens[i - 1]);
        std::size_t const window_start = m_info[seg.sentence >= 2 ? seg.sentence - 2 : 0].first;
        for (auto it = m_actors.rbegin(); anaphor && it != m_actors.rend(); ++it)
            if (it->first_token < seg.first && it->first_token >= window_start && !it->denied &&
                it->role != actor_role::target && m_lex.actors.at(it->actor).kind == actor_kind::group) {
                chosen = &*it;
                status = claim_status::none;
                for (std::size_t i = seg.first; i < seg.last; ++i)
                    if (m_tokens[i].norm == "claimed"sv || m_tokens[i].norm == "claiming"sv)
                        status = claim_status::claimed;
                break;
            }
    }
    if (!chosen)
        if (auto const *n = named_attacker(d, first_report)) {
            r.attacker = token_text(n->first_token, n->token_count);
            r.attacker_status = claim_status::suspected;
            explain(r, "attacker", "actor.named_individual; " + n->cue, r.attacker);
            substance = true;
        }
    std::vector<std::string> actor_countries;
    if (chosen) {
        actor_countries = m_lex.actors.at(chosen->actor).countries;
        r.attacker = m_lex.actors.at(chosen->actor).canonical;
        for (auto const &seg : ordered)
            for (auto const &m : m_actors)
                if (within(m, seg.first, seg.last) && !m.denied &&
                    m_lex.actors.compatible(m_lex.actors.at(m.actor).canonical, r.attacker) &&
                    claim_strength(m.status) > claim_strength(status))
                    status = m.status;
        r.attacker_status = status;
        explain(r, "attacker", "actor." + chosen->rule, token_text(chosen->first_token, chosen->token_count));
        substance = true;
    }

    std::optional<place_mention> where;
    for (bool const with_demonyms : {false, true}) {
        for (auto const &seg : ordered) {
            auto p = locates(seg) ? segment_place(seg, with_demonyms, actor_countries) : std::nullopt;
            if (!p)
                continue;
            // "MOGADISHU, Somalia - Somali forces ended a siege ...": the dateline is more precise
            if (p->rule == "demonym" && m_dateline &&
                m_lex.places.to_place(m_dateline->place.place_id).country ==
                    m_lex.places.to_place(p->place_id).country) {
                p = m_dateline->place;
                p->rule = "dateline";
            }
            if (!where) {
                where = p;
                continue;
            }
            // a later sentence may name a place inside the first: "hit neighbouring Kenya. ... at
            // Garissa University College"
            auto const &g = m_lex.places.places();
            if (seg.kind == segment_kind::trigger && g.contains(where->place_id, p->place_id) &&
                where->place_id != p->place_id)
                where = p;
        }
        if (where)
            break;
    }
    if (where) {
        r.location = m_lex.places.to_place(where->place_id);
        explain(r, "place", "place." + where->rule, m_text.substr(where->begin, where->end - where->begin));
        substance = true;
    }
    // "another blast in the city killed nine": the city last named before
    if (r.location.precision == geo_precision::none || r.location.precision == geo_precision::country)
        if (auto const p = anaphoric_city(ordered.front())) {
            r.location = m_lex.places.to_place(p->place_id);
            explain(r, "place", "place.anaphor", m_text.substr(p->begin, p->end - p->begin));
            substance = true;
        }
    // "the bombing of the U.S. embassy here": the dateline's city
    if (m_dateline && r.location.precision != geo_precision::city && says_here(ordered))
        r.location.precision = geo_precision::none;
    // "EL PASO, Texas - ... one of the deadliest mass shootings in Texas history": a division
    // that holds the dateline's city is refined by it (a country is not: stories are filed from
    // capitals)
    if (m_dateline && where && r.location.precision == geo_precision::admin1 &&
        m_lex.places.places().contains(where->place_id, m_dateline->place.place_id) &&
        where->place_id != m_dateline->place.place_id) {
        auto const &p = m_dateline->place;
        r.location = m_lex.places.to_place(p.place_id);
        explain(r, "place", "place.dateline", m_text.substr(p.begin, p.end - p.begin));
    }
    if (r.location.precision == geo_precision::none && m_dateline) {
        auto const &p = m_dateline->place;
        r.location = m_lex.places.to_place(p.place_id);
        explain(r, "place", "place.dateline", m_text.substr(p.begin, p.end - p.begin));
    }
    if (r.location.precision == geo_precision::none) {
        auto const dominant = m_context.dominant_country();
        if (dominant != no_place) {
            r.location = m_lex.places.to_place(dominant);
            explain(r, "place", "place.article_country", r.location.country);
        }
    }

    // names are no targets: "Arakan Army" is no Military target, "Hyde Park" no park
    category_lexicon::span_list name_spans;
    for (auto const &m : m_actors)
        name_spans.emplace_back(m.first_token, m.token_count);
    for (auto const &m : m_places)
        name_spans.emplace_back(m.first_token, m.token_count);
    for (auto const &seg : ordered) {
        if (seg.kind != segment_kind::trigger)
            break;
        if (auto const c = m_lex.categories.attack_type(m_tokens, seg.first, seg.last)) {
            r.attack_type = c->category;
            explain(r, "attack_type", c->rule, c->matched);
            break;
        }
    }
    if (auto const &hint = m_info[ordered.front().sentence].cue.attack_hint; r.attack_type.empty() && !hint.empty()) {
        r.attack_type = hint;
        explain(r, "attack_type", "attack_type.trigger_hint", hint);
    }
    for (auto const &seg : ordered)
        if (r.attack_type.empty() && seg.kind == segment_kind::context)
            if (auto const c = m_lex.categories.attack_type(m_tokens, seg.first, seg.last)) {
                r.attack_type = c->category;
                explain(r, "attack_type", c->rule + ".lead_in", c->matched);
            }

    // When a group is named as the attacker, militants elsewhere in its sentences are mostly
    // the perpetrators described ("the activities of Daesh terrorists"), not the victims: that
    // reading gives way to the next sentence's target, and stands only if nothing else does.
    std::optional<category_lexicon::category_choice> militia;
    for (auto const &seg : ordered) {
        if (seg.kind == segment_kind::context)
            continue;
        auto const c = m_lex.categories.target_type(m_tokens, seg.first, seg.last, name_spans);
        if (!c)
            continue;
        if (c->category == "Terrorists/Non-State Militia" && !r.attacker.empty()) {
            if (!militia)
                militia = c;
            continue;
        }
        r.target_type = c->category;
        explain(r, "target_type", c->rule, c->matched);
        break;
    }
    if (r.target_type.empty() && militia) {
        r.target_type = militia->category;
        explain(r, "target_type", militia->rule, militia->matched);
    }
    if (r.target_type.empty()) {
        r.target_type = "Unknown";
        explain(r, "target_type", "target_type.none", "");
    }

    for (auto const &seg : ordered) {
        if (seg.kind == segment_kind::context)
            continue;
        auto counts = figures(seg.first, seg.last);
        // A later sentence's revised total replaces the first figure ("killing 12 ... bringing
        // the death toll to 14"), and so does an exact figure within a bound ("More than 70 people
        // were killed ... 77 people had died") or a vague count ("several others were wounded"
        // ... "Four other people were taken to hospital"; a headline's "2 dead, 4 hurt").
        auto take = [&](std::optional<casualty_count> &field, std::optional<casualty_count> &found, char const *name,
                        bool revised = false) {
            if (!found)
                return;
            bool const sharper = field && found->qualifier == count_qualifier::exact &&
                                 ((field->qualifier == count_qualifier::more_than && found->value > field->value) ||
                                  (field->qualifier == count_qualifier::at_least && found->value >= field->value) ||
                                  (field->qualifier == count_qualifier::vague && found->value >= field->value));
            // a toll mentioned later that is lower is an earlier estimate ("initially put at 19")
            bool const raised = revised && (!field || found->value >= field->value);
            if (field && !raised && !sharper)
                return;
            field = std::move(found);
            substance = true;
            explain(r, name, "casualties", field->text);
        };
        take(r.killed, counts.killed, "killed", counts.killed_revised);
        take(r.injured, counts.injured, "injured", counts.injured_revised);
        take(r.kidnapped, counts.kidnapped, "kidnapped");
        take(r.perpetrators_killed, counts.perpetrators_killed, "perpetrators_killed");
        if (m_explain)
            for (auto &e : counts.explanations)
                r.explanations.push_back(std::move(e));
    }

    if (!substance)
        return std::nullopt;
    if (r.attack_type.empty() && r.killed)
        if (auto const c = m_lex.categories.attack_type_prior(r.killed->value)) {
            r.attack_type = c->category;
            explain(r, "attack_type", c->rule, c->matched);
        }
    if (r.attack_type.empty()) {
        r.attack_type = "Unknown";
        explain(r, "attack_type", "attack_type.none", "");
    }

    std::size_t begin = std::string::npos, end = 0;
    for (auto const &seg : d.segments) {
        if (seg.kind == segment_kind::context || seg.first >= seg.last)
            continue;
        auto const b = m_tokens[seg.first].begin;
        auto const e = m_tokens[seg.last - 1].end;
        if (!r.evidence.empty())
            r.evidence += ' ';
        r.evidence += m_text.substr(b, e - b);
        begin = std::min(begin, b);
        end = std::max(end, e);
    }
    r.evidence_begin = begin == std::string::npos ? 0 : begin;
    r.evidence_end = end;
    return r;
}

} // namespace etl::extract
