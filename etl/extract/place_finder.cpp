#include "extract/place_finder.hpp"

#include <algorithm>
#include <unordered_set>
#include <cmath>
#include <string_view>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

/// Words that make the next capitalised word a person's name.
word_set const titles{"mr", "mrs", "ms", "miss", "dr", "gen", "general", "col", "colonel", "maj", "major",
                      "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "cpl", "corporal", "brig",
                      "brigadier", "admiral", "marshal", "president", "minister", "premier", "sheikh",
                      "shaikh", "mullah", "mawlawi", "maulvi", "maulana", "imam", "ayatollah", "senator",
                      "sen", "rep", "representative", "gov", "judge", "justice", "prof", "professor",
                      "commander", "cmdr", "king", "prince", "princess", "queen", "pope", "emir", "sultan",
                      "sir", "lord", "lady", "mayor", "secretary", "ambassador", "envoy", "inspector",
                      "constable", "hajji", "haji", "spokesman", "spokeswoman", "spokesperson", "sheriff",
                      "deputy", "detective", "det", "officer", "chief", "superintendent", "supt", "trooper",
                      "agent", "father", "rev", "reverend", "bishop", "pastor", "rabbi", "attorney",
                      "prosecutor", "coach", "principal", "councilman", "councilwoman",
                      "alderman", "commissioner", "director"};

/// Particles inside a person's name: "General Francisco de Paula Santander".
word_set const name_particles{"de", "da", "del", "do", "dos", "van", "von", "bin", "ibn", "al", "el"};

word_set const neighbourhood_words{"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "suburb",
                                   "quarter"};

/// Capitalised words that may follow a place name without making it part of another name.
word_set const continuations{
    "province", "provinces", "state", "governorate", "region", "district", "districts", "agency", "county",
    "municipality", "city", "town", "village", "valley", "river", "airport", "airfield", "airbase", "air",
    "base", "university", "college", "school", "hospital", "prison", "jail", "mosque", "church", "temple",
    "shrine", "market", "bazaar", "bridge", "road", "highway", "street", "square", "stadium", "hotel", "dam",
    "police", "governor", "council", "camp", "checkpoint", "station", "border", "crossing", "gate", "port",
    "harbour", "harbor", "zone", "area", "division", "corps", "command", "garrison", "cantonment", "office",
    "court", "international", "central", "old", "new", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "province's", "military", "army", "security", "residents", "officials"};

/// Capitalised words that are not a person's first name (title-case headlines, compass).
word_set const function_words{"in", "at", "on", "of", "the", "a", "an", "and", "or", "for", "to", "from", "near",
                              "by", "with", "as", "after", "before", "over", "under", "into", "across", "outside",
                              "inside", "amid", "against", "says", "said", "north", "south", "east", "west",
                              "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
                              "northeastern", "northwestern", "southeastern", "southwestern", "downtown",
                              "rural", "suburban", "war", "torn", "hit"};

/// Words after a name that make it a street's name ("West Madison Street", "Haifa Street").
/// Text in capitals cannot show a proper name, so there only the unmistakable ones count.
word_set const street_words{"street", "st", "avenue", "ave", "boulevard", "blvd", "road", "rd", "lane", "drive",
                            "parkway"};

word_set const caps_street_words{"street", "st", "avenue", "ave", "boulevard", "blvd"};

/// Words after a name that make it a natural feature's name ("Ohio River", "Caspian Sea"): the
/// feature is no evidence of where the event happened.
word_set const feature_words{"river", "sea", "ocean", "gulf", "lake", "bay", "creek", "canal", "mountains"};

/// Compass words: a name made only of them ("North-Western", "Eastern") is an adjective when a
/// generic place noun follows ("NORTH-WESTERN CITY OF PESHAWAR").
word_set const compass_words{"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "central", "northeastern", "northwestern", "southeastern", "southwestern", "north-western",
                             "north-eastern", "south-western", "south-eastern", "northwest", "northeast", "southwest",
                             "southeast", "-"};
word_set const generic_place_nouns{"city", "town", "village", "district", "province", "region", "state", "part",
                                   "parts", "areas", "area", "border", "outskirts", "suburb", "suburbs", "capital"};

word_set const locatives{"in", "near", "at", "outside", "from", "around", "towards", "toward", "into",
                         "across", "inside", "to", "through", "between", "nearby", "on"};

word_set const speech_verbs{"said", "says", "told", "added", "tweeted", "wrote", "stated", "claimed", "denied"};

enum class kind_hint { none, admin1, district, city };

enum class rule_id { none, unique, hint, local, context, prior, demonym, capital };

char const *rule_name(rule_id r)
{
    switch (r) {
    case rule_id::none:
    case rule_id::unique: return "unique";
    case rule_id::hint: return "hint";
    case rule_id::local: return "local";
    case rule_id::context: return "context";
    case rule_id::prior: return "prior";
    case rule_id::demonym: return "demonym";
    case rule_id::capital: return "capital";
    }
    return "unique";
}

word_set const admin1_words{"province", "provinces", "state", "governorate", "region", "prefecture", "oblast",
                            "department", "emirate"};
word_set const district_words{"district", "districts", "agency", "county", "municipality", "tehsil", "lga"};
word_set const city_words{"city", "town", "village", "township", "neighbourhood", "neighborhood", "suburb"};

kind_hint hint_of(token const &t)
{
    if (admin1_words.contains(t))
        return kind_hint::admin1;
    if (district_words.contains(t))
        return kind_hint::district;
    if (city_words.contains(t))
        return kind_hint::city;
    return kind_hint::none;
}

bool fits(kind_hint h, place_kind k)
{
    switch (h) {
    case kind_hint::none: return true;
    case kind_hint::admin1: return k == place_kind::admin1 || k == place_kind::district;
    case kind_hint::district: return k == place_kind::district;
    case kind_hint::city: return k == place_kind::city;
    }
    return true;
}

bool is_word(std::vector<token> const &t, std::size_t i) { return i < t.size() && t[i].kind == token_kind::word; }

word_set const boundary_marks{".", "!", "?", ":", ";", "\"", "(", ")", "[", "]", "|", "\xE2\x80\x9C", "\xE2\x80\x9D",
                              "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2"};

bool is_boundary(token const &t) { return t.kind == token_kind::punct && boundary_marks.contains(t); }

bool sentence_start(std::vector<token> const &t, std::size_t i) { return i == 0 || is_boundary(t[i - 1]); }

/// Does the match run on past a possessive ("Pakistan's army" read as "Pakistan Army")?
bool crosses_possessive(std::vector<token> const &t, phrase_match const &m)
{
    for (std::size_t k = m.first_token; k + 1 < m.first_token + m.token_count; ++k)
        if (t[k].possessive)
            return true;
    return false;
}

/// Words after "capital" that make it money, not a city.
word_set const money_words{"punishment", "market", "markets", "gains", "flight", "flows", "spending", "expenditure",
                           "investment", "investments", "costs", "controls", "account", "goods", "requirements",
                           "ratio", "ratios"};

bool capital_as_money(std::vector<token> const &t, std::size_t i)
{
    return is_word(t, i) && money_words.contains(t[i]);
}

} // namespace

void country_context::add(weights &w, int &total, std::uint32_t id, int weight)
{
    total += weight;
    for (auto &p : w)
        if (p.first == id) {
            p.second += weight;
            return;
        }
    w.emplace_back(id, weight);
}

int country_context::weight(weights const &w, std::uint32_t id)
{
    for (auto const &p : w)
        if (p.first == id)
            return p.second;
    return 0;
}

std::uint32_t country_context::dominant_country() const
{
    std::uint32_t best = no_place;
    int best_weight = 0;
    for (auto const &[id, w] : m_countries)
        if (w > best_weight) {
            best = id;
            best_weight = w;
        }
    return best;
}

bool place_finder::looks_all_caps(std::vector<token> const &tokens)
{
    std::size_t caps = 0, cased = 0;
    for (auto const &t : tokens) {
        if (t.kind != token_kind::word || t.norm.size() < 2)
            continue;
        if (t.all_caps) {
            caps += t.end - t.begin;
            cased += t.end - t.begin;
        } else if (!(t.norm[0] >= '0' && t.norm[0] <= '9')) {
            cased += t.end - t.begin;
        }
    }
    return cased > 0 && caps * 10 > cased * 6;
}

country_context place_finder::context_of(std::vector<token> const &article_tokens) const
{
    country_context ctx;
    ctx.all_caps = looks_all_caps(article_tokens);
    std::vector<place_mention> ignored;
    country_context const empty;
    scan(article_tokens, empty, ctx.all_caps, ignored, &ctx);
    return ctx;
}

std::vector<place_mention> place_finder::find(std::vector<token> const &tokens, country_context const &ctx) const
{
    std::vector<place_mention> out;
    scan(tokens, ctx, ctx.all_caps || looks_all_caps(tokens), out, nullptr);
    return out;
}

void place_finder::scan(std::vector<token> const &tokens, country_context const &ctx, bool all_caps,
                        std::vector<place_mention> &out, country_context *learn) const
{
    auto const &g = m_gazetteer;
    std::size_t const n = tokens.size();
    std::vector<name_ref> cands;
    std::vector<name_ref> kept;
    cands.reserve(32);
    kept.reserve(32);

    auto const filter = [&](auto &&pred) {
        kept.clear();
        for (auto const &c : cands)
            if (pred(c))
                kept.push_back(c);
        if (kept.empty())
            return false;
        cands.swap(kept);
        return true;
    };
    auto const kind_of = [&](name_ref const &r) { return g.place(r.place).kind; };
    auto const emit = [&](std::size_t first, std::size_t last, std::uint32_t place, rule_id rule) {
        place_mention m;
        m.first_token = first;
        m.token_count = last - first;
        m.begin = tokens[first].begin;
        m.end = tokens[last - 1].end;
        m.place_id = place;
        m.rule = rule_name(rule);
        out.push_back(std::move(m));
    };
    auto const learn_country = [&](std::uint32_t place, int weight) {
        if (learn)
            learn->add_country(g.place(place).country_id, weight);
    };

    // "in the capital": the capital of the country the article is about (not while learning it)
    std::uint32_t const home = learn ? no_place : ctx.dominant_country();
    auto const home_capital = home != no_place ? g.capital_of(g.place(home).country) : std::nullopt;
    // The country named last within the sentence before token i, if any.
    auto const nearby_country = [&](std::size_t i) {
        for (auto it = out.rbegin(); it != out.rend(); ++it) {
            if (it->first_token + 25 < i)
                break;
            bool sentence_break = false;
            for (std::size_t k = it->first_token + it->token_count; k < i && !sentence_break; ++k)
                sentence_break = (tokens[k].norm == "."sv || tokens[k].norm == "!"sv || tokens[k].norm == "?"sv) &&
                                 k > 0 && tokens[k - 1].norm.size() > 1;
            if (sentence_break)
                break;
            auto const &p = g.place(it->place_id);
            if (p.kind == place_kind::country)
                return it->place_id;
        }
        return no_place;
    };
    for (std::size_t i = 0; i < n;) {
        token const &t = tokens[i];
        if (home_capital && t.norm == "capital"sv && i > 0 && tokens[i - 1].norm == "the"sv &&
            !(is_word(tokens, i + 1) && tokens[i + 1].norm == "of"sv) && !capital_as_money(tokens, i + 1)) {
            emit(i - 1, i + 1, *home_capital, rule_id::capital);
            ++i;
            continue;
        }
        if (t.kind != token_kind::word || (!all_caps && !t.capitalised)) {
            ++i;
            continue;
        }

        // "U.S." / "U.K.": the phrase matcher cannot see through the full stops.
        if (t.norm == "u"sv && i + 2 < n && tokens[i + 1].norm == "."sv && is_word(tokens, i + 2) &&
            (tokens[i + 2].norm == "s"sv || tokens[i + 2].norm == "k"sv)) {
            if (auto const c = g.country(tokens[i + 2].norm == "s"sv ? "US" : "GB")) {
                std::size_t const last = i + 3 < n && tokens[i + 3].norm == "."sv ? i + 4 : i + 3;
                emit(i, last, *c, rule_id::unique);
                learn_country(*c, 3);
                i = last;
                continue;
            }
        }

        auto const matches = g.matcher().matches_at(tokens, i);
        phrase_match const *pick = nullptr;
        for (auto const &m : matches) {
            auto const &e = g.entry(m.value);
            if (crosses_possessive(tokens, m) && !e.inner_possessive)
                continue;
            if (e.blocked) {
                pick = &m;
                break;
            }
            if (e.refs.empty())
                continue;
            token const &last = tokens[m.first_token + m.token_count - 1];
            if (!all_caps && m.token_count > 1 && last.kind == token_kind::word && !last.capitalised)
                continue;
            pick = &m;
            break;
        }
        if (!pick) {
            ++i;
            continue;
        }
        auto const &e = g.entry(pick->value);
        if (e.blocked) {
            i += pick->token_count;
            continue;
        }
        std::size_t const end = i + pick->token_count;
        bool const single = pick->token_count == 1;

        cands.assign(e.refs.begin(), e.refs.end());
        // Capitalised acronyms in mixed-case text ("GAO", "IS") are organisations unless they name
        // a country or an admin1 ("US", "NWFP").
        if (!all_caps && single && t.all_caps && t.norm.size() <= 4 && !filter([&](name_ref const &r) {
                auto const k = kind_of(r);
                return (k == place_kind::country || k == place_kind::admin1) && r.source != name_source::demonym;
            })) {
            ++i;
            continue;
        }

        // ---- person contexts ---------------------------------------------------------------
        {
            // A title opens a name that runs over capitalised words and particles: "General
            // Francisco de Paula Santander", "Gen. Abdul Rashid Dostum".
            std::size_t q = i;
            for (std::size_t steps = 0; q > 0 && steps < 5; ++steps) {
                token const &prev = tokens[q - 1];
                bool const name_part = prev.kind == token_kind::word && !titles.contains(prev) &&
                                       ((!all_caps && prev.capitalised) || name_particles.contains(prev));
                if (!name_part)
                    break;
                --q;
            }
            if (q > 0 && tokens[q - 1].norm == "."sv)
                --q;
            if (q > 0 && is_word(tokens, q - 1) && (all_caps || tokens[q - 1].capitalised) &&
                titles.contains(tokens[q - 1])) {
                ++i;
                continue;
            }
        }
        if (is_word(tokens, end) &&
            (all_caps ? caps_street_words.contains(tokens[end])
                      : tokens[end].capitalised && street_words.contains(tokens[end]))) {
            i = end;
            continue;
        }
        if (is_word(tokens, end) && (all_caps || tokens[end].capitalised) && feature_words.contains(tokens[end])) {
            i = end + 1;
            continue;
        }
        if (all_caps && end + 1 < tokens.size() && generic_place_nouns.contains(tokens[end]) &&
            tokens[end + 1].norm == "of"sv &&
            std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.begin() + static_cast<std::ptrdiff_t>(end),
                        [](token const &x) { return compass_words.contains(x); })) {
            i = end;
            continue;
        }
        bool const names_country = std::any_of(cands.begin(), cands.end(), [&](name_ref const &r) {
            return kind_of(r) == place_kind::country;
        });
        bool const prev_is_place = !out.empty() && out.back().first_token + out.back().token_count == i;
        if (!all_caps && single && !names_country) {
            // A possessive ends a name: "Taliban's Kandahar", "Kabul's National Military Hospital";
            // so does a line break: "... on West Side\n\nCHICAGO - ..." (a headline without a stop).
            bool const prev_capitalised = i > 0 && is_word(tokens, i - 1) && tokens[i - 1].capitalised &&
                                          !tokens[i - 1].possessive && tokens[i].begin == tokens[i - 1].end + 1;
            if (prev_capitalised && !prev_is_place && !sentence_start(tokens, i - 1) &&
                !function_words.contains(tokens[i - 1]) && hint_of(tokens[i - 1]) == kind_hint::none) {
                ++i;
                continue;
            }
            // Glued means one space apart: "CHICAGO - A man ..." is a dateline, not a name.
            bool const glued = is_word(tokens, end) && tokens[end].begin == tokens[end - 1].end + 1;
            if (!prev_capitalised && !t.possessive && glued && tokens[end].capitalised &&
                !continuations.contains(tokens[end]) && g.matcher().matches_at(tokens, end).empty()) {
                ++i;
                continue;
            }
            // "Hassan said"; but "Kabul said" is the government speaking.
            bool const capital = std::any_of(cands.begin(), cands.end(), [&](name_ref const &r) {
                return g.place(r.place).national_capital;
            });
            if (!capital && is_word(tokens, end) && speech_verbs.contains(tokens[end]) &&
                !(i > 0 && is_word(tokens, i - 1) && (locatives.contains(tokens[i - 1]) || tokens[i - 1].norm == "of"sv))) {
                ++i;
                continue;
            }
        }

        // ---- local evidence: place-type words and containers ---------------------------------
        rule_id rule = rule_id::none;
        bool strong = false;
        kind_hint hint = is_word(tokens, end) ? hint_of(tokens[end]) : kind_hint::none;
        if (hint == kind_hint::none && i >= 2 && tokens[i - 1].norm == "of"sv && is_word(tokens, i - 2))
            hint = hint_of(tokens[i - 2]);
        bool const hint_follows = is_word(tokens, end) && hint != kind_hint::none;
        // "the San José neighborhood of Barranquilla": a neighbourhood, named or not in the gazetteer
        if (is_word(tokens, end) && neighbourhood_words.contains(tokens[end]) &&
            !filter([&](name_ref const &r) { return g.place(r.place).part_of != no_place; })) {
            i = end + 1;
            continue;
        }
        // an urban district is a neighbourhood: "the Karrada district"
        auto const fits_hint = [&](name_ref const &r) {
            return fits(hint, kind_of(r)) || (hint == kind_hint::district && g.place(r.place).part_of != no_place);
        };
        if (hint != kind_hint::none && filter(fits_hint)) {
            rule = rule_id::hint;
            strong = true;
        } else if (hint_follows && hint != kind_hint::city) {
            // "Oakland County", "Gada district": a division the gazetteer lacks, not a namesake town
            i = end + 1;
            continue;
        } else {
            hint = kind_hint::none;
        }

        if (!out.empty()) {
            place_mention const &pm = out.back();
            std::size_t const pm_end = pm.first_token + pm.token_count;
            // "Pakistan's Khyber Pakhtunkhwa", "the Afghan province of Kandahar", "Kabul's Shar-e Naw"
            // (a city contains only its neighbourhoods)
            bool adjacent = pm_end <= i && i - pm_end <= 3;
            for (std::size_t k = pm_end; adjacent && k < i; ++k)
                adjacent = is_word(tokens, k) &&
                           (hint_of(tokens[k]) != kind_hint::none || tokens[k].norm == "of"sv ||
                            tokens[k].norm == "the"sv || tokens[k].norm == "capital"sv);
            if (adjacent && filter([&](name_ref const &r) { return r.place != pm.place_id && g.contains(pm.place_id, r.place); })) {
                rule = rule_id::local;
                strong = true;
            }
            // "Lahore, Punjab", "Kandahar, Afghanistan": the second contains the first.
            if (pm_end + 1 == i && tokens[i - 1].norm == ","sv &&
                filter([&](name_ref const &r) { return r.place != pm.place_id && g.contains(r.place, pm.place_id); })) {
                rule = rule_id::local;
                strong = true;
            }
        }
        // "El Paso, Texas", "Chibok town, Borno state": a container after a comma. A division or
        // country there that holds none of the candidates means another place of that name, one
        // the gazetteer lacks ("Njaba village, Borno state" is not Njaba in Imo).
        std::size_t const comma = end + (is_word(tokens, end) && hint_of(tokens[end]) != kind_hint::none ? 1 : 0);
        bool contradicted = false;
        if (comma + 1 < n && tokens[comma].norm == ","sv && is_word(tokens, comma + 1) &&
            (all_caps || tokens[comma + 1].capitalised)) {
            for (auto const &m : g.matcher().matches_at(tokens, comma + 1)) {
                auto const &next = g.entry(m.value);
                if (next.blocked || next.refs.empty())
                    continue;
                if (&next == &e) // "northern Mozambique, Mozambique's ministry": a repetition
                    break;
                auto const contains = [&](name_ref const &r) {
                    return std::any_of(next.refs.begin(), next.refs.end(), [&](name_ref const &o) {
                        return o.source != name_source::demonym && o.place != r.place && g.contains(o.place, r.place);
                    });
                };
                if (filter(contains)) {
                    rule = rule_id::local;
                    strong = true;
                } else {
                    // the whole name, not "North" of "North Ossetia"
                    std::size_t const after_name = comma + 1 + m.token_count;
                    bool const whole = after_name >= n || !is_word(tokens, after_name) ||
                                       (!all_caps && !tokens[after_name].capitalised) ||
                                       hint_of(tokens[after_name]) != kind_hint::none;
                    contradicted = whole && !next.ambiguous && std::all_of(next.refs.begin(), next.refs.end(), [&](name_ref const &o) {
                        auto const k = kind_of(o);
                        return o.source != name_source::demonym && (k == place_kind::admin1 || k == place_kind::country);
                    });
                }
                break;
            }
        }
        if (contradicted) {
            i = end;
            continue;
        }

        // ---- names that are also words need support ------------------------------------------
        bool const common = all_caps ? e.any_common : e.common_word;
        if ((e.ambiguous || common) && !strong) {
            bool const after_locative = i > 0 && is_word(tokens, i - 1) && locatives.contains(tokens[i - 1]);
            // "HALF MOON BAY - Seven people ...": capitals in mixed-case text, opening a sentence
            // and closed by a dash (which tokenize() drops: a gap) or a bracket, are a dateline
            bool dateline = !all_caps && end < n &&
                            (i == 0 || tokens[i - 1].kind == token_kind::punct || tokens[i].begin > tokens[i - 1].end + 1) &&
                            (tokens[end].norm == "("sv || tokens[end].begin > tokens[end - 1].end + 1);
            for (std::size_t k = i; dateline && k < end; ++k)
                dateline = tokens[k].all_caps;
            bool const supported =
                !e.ambiguous && (dateline || (after_locative && filter([&](name_ref const &r) {
                                                  return ctx.country_weight(g.place(r.place).country_id) > 0;
                                              })));
            if (!supported) {
                ++i;
                continue;
            }
            rule = rule_id::context;
        }

        // ---- same-named places inside each other -------------------------------------------
        if (hint == kind_hint::none && cands.size() > 1) {
            // "Kandahar": the city, not the province named after it; "Djibouti": the country.
            filter([&](name_ref const &r) {
                auto const k = kind_of(r);
                if (k == place_kind::admin1 || k == place_kind::district)
                    return !std::any_of(cands.begin(), cands.end(), [&](name_ref const &o) {
                        return kind_of(o) == place_kind::city && g.contains(r.place, o.place);
                    });
                if (k == place_kind::city)
                    return !std::any_of(cands.begin(), cands.end(), [&](name_ref const &o) {
                        return kind_of(o) == place_kind::country && g.contains(o.place, r.place);
                    });
                return true;
            });
        }

        // ---- score --------------------------------------------------------------------------
        name_ref best = cands.front();
        if (cands.size() > 1) {
            double best_score = -1e9;
            bool context_used = false;
            for (auto const &c : cands) {
                auto const &p = g.place(c.place);
                double s = 0.5 * std::log10(static_cast<double>(p.population) + 10.0);
                int const cw = ctx.country_weight(p.country_id);
                if (cw > 0)
                    s += 1.0 + 4.0 * cw / ctx.country_total();
                // "Across the border in Syria, ... between Palmyra and Deir ez-Zor"
                if (p.country_id == nearby_country(i))
                    s += 3.0;
                int const aw = p.admin1 == no_place ? 0 : ctx.admin1_weight(p.admin1);
                if (aw > 0)
                    s += 0.5 + 2.0 * aw / ctx.admin1_total();
                switch (p.kind) {
                case place_kind::country: s += 3.0; break;
                case place_kind::admin1: s += 1.5; break;
                case place_kind::district: s += 0.5; break;
                case place_kind::city: break;
                }
                if (p.national_capital)
                    s += 1.0;
                else if (p.admin1_capital)
                    s += 0.5;
                if (c.source == name_source::alternate)
                    s -= 0.3;
                if (s > best_score) {
                    best_score = s;
                    best = c;
                    context_used = cw > 0 || aw > 0;
                }
            }
            if (rule == rule_id::none)
                rule = context_used ? rule_id::context : rule_id::prior;
        } else if (rule == rule_id::none) {
            rule = rule_id::unique;
        }
        if (best.source == name_source::demonym && rule != rule_id::hint && rule != rule_id::local)
            rule = rule_id::demonym;

        // ---- capitals -----------------------------------------------------------------------
        std::size_t first = i, last = end;
        std::uint32_t place = best.place;
        if (kind_of(best) == place_kind::country) {
            auto const &iso2 = g.place(best.place).country;
            bool const after = is_word(tokens, end) && tokens[end].norm == "capital"sv && !capital_as_money(tokens, end + 1);
            bool const before = i >= 2 && tokens[i - 1].norm == "of"sv && tokens[i - 2].norm == "capital"sv;
            if (after || before) {
                if (auto const cap = g.capital_of(iso2)) {
                    place = *cap;
                    rule = rule_id::capital;
                    if (after)
                        last = end + 1;
                    else
                        first = i - 2;
                }
            }
        }

        emit(first, last, place, rule);

        if (learn) {
            bool const demonym = best.source == name_source::demonym;
            std::uint32_t const country = g.place(cands.front().place).country_id;
            bool const one_country = std::all_of(cands.begin(), cands.end(), [&](name_ref const &r) {
                return g.place(r.place).country_id == country;
            });
            if (one_country) {
                learn->add_country(country, demonym ? 1 : kind_of(best) == place_kind::country ? 3 : 2);
            } else {
                // A far more populous namesake decides alone ("Paris" vs Paris, Texas).
                std::uint64_t top = 0, second = 0;
                std::uint32_t top_place = no_place;
                for (auto const &c : cands) {
                    auto const pop = g.place(c.place).population;
                    if (pop > top) {
                        second = top;
                        top = pop;
                        top_place = c.place;
                    } else {
                        second = std::max(second, pop);
                    }
                }
                if (top_place != no_place && top >= 10 * std::max<std::uint64_t>(second, 1))
                    learn->add_country(g.place(top_place).country_id, 1);
            }
            std::uint32_t const a1 = g.place(cands.front().place).admin1;
            if (a1 != no_place && std::all_of(cands.begin(), cands.end(), [&](name_ref const &r) {
                    return g.place(r.place).admin1 == a1;
                }))
                learn->add_admin1(a1, 2);
        }
        i = last;
    }
}

bool is_place_type_word(token const &t) { return hint_of(t) != kind_hint::none; }

std::string division_name(std::string const &geonames_name)
{
    // GeoNames writes "Borno State", "Sagaing Region", "Arauca Department", "Garissa County";
    // GTD, news and coders write "Borno", "Sagaing", "Arauca", "Garissa". A bare direction stays
    // whole ("Central Region", "Eastern Province").
    static std::string_view const suffixes[] = {" State", " Region", " Department", " County"};
    // plain strings: names are not tokens, and this may run before any lexicon has loaded
    static std::unordered_set<std::string_view> const bare{"central", "eastern", "western", "northern", "southern",
                                                            "north",   "south",   "east",    "west",     "upper",
                                                            "lower",   "capital", "coastal"};
    for (std::string_view const suffix : suffixes) {
        if (geonames_name.size() <= suffix.size() ||
            geonames_name.compare(geonames_name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        std::string stem = geonames_name.substr(0, geonames_name.size() - suffix.size());
        if (bare.count(fold(stem)) > 0)
            return geonames_name;
        return stem;
    }
    return geonames_name;
}

etl::place place_finder::to_place(std::uint32_t place_id) const
{
    etl::place out;
    if (place_id == no_place || place_id >= m_gazetteer.size())
        return out;
    auto const &p = m_gazetteer.place(place_id);
    // A neighbourhood is reported as its city, at the neighbourhood's own coordinates.
    auto const &settlement = p.part_of != no_place ? m_gazetteer.place(p.part_of) : p;
    out.country = settlement.country;
    if (settlement.admin1 != no_place)
        out.admin1 = division_name(m_gazetteer.place(settlement.admin1).name);
    switch (p.kind) {
    case place_kind::country: out.precision = geo_precision::country; break;
    case place_kind::admin1:
    case place_kind::district: out.precision = geo_precision::admin1; break;
    case place_kind::city:
        out.city = settlement.name;
        out.precision = geo_precision::city;
        break;
    }
    if (p.has_coordinates) {
        out.latitude = p.latitude;
        out.longitude = p.longitude;
    }
    return out;
}

} // namespace etl::extract
