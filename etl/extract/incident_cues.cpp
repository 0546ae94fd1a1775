#include "extract/incident_cues.hpp"

#include "extract/date_lexicon.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_set>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

using lexicon::get_number;
using lexicon::get_string;
using lexicon::get_strings;
using lexicon::required;

std::size_t get_count(std::string const &path, YAML::Node const &map, std::string_view key, std::size_t fallback)
{
    double const v = get_number(path, map, key, static_cast<double>(fallback));
    if (v < 0 || v > 1000)
        lexicon::fail(path, map[std::string(key)], key, "expected a small non-negative number");
    return static_cast<std::size_t>(v);
}

bool is_year(token const &t)
{
    if (t.kind != token_kind::number || t.norm.find('.') != std::string::npos)
        return false;
    long const v = lexicon::quantity_value(t);
    return v >= 1900 && v <= 2100;
}

/// A number that counts things near a trigger ("killed 12", "three soldiers"), not a year,
/// a distance or a clock time.
bool is_count(std::vector<token> const &tokens, std::size_t i, std::size_t last)
{
    token const &t = tokens[i];
    if (!lexicon::is_quantity(t) || is_year(t))
        return false;
    if (t.norm == "some"sv || t.norm == "few"sv || t.norm == "single"sv)
        return false;
    if (i + 1 < last) {
        static std::unordered_set<std::string> const units{
            "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
            "meter", "percent", "%", "hours", "hour", "minutes", "minute", "years", "year", "days", "day", "months",
            "month", "weeks", "week", "kg", "am", "pm", ":", "th", "st", "nd", "rd", "a", "p", "o"};
        if (units.count(tokens[i + 1].norm))
            return false;
    }
    return true;
}

} // namespace

incident_cue_lexicon incident_cue_lexicon::load(std::string const &path)
{
    incident_cue_lexicon lex;
    YAML::Node const root = lexicon::load_file(path);

    auto add = [&](std::string const &phrase, entry_kind kind, std::size_t index, YAML::Node const &node,
                   std::string_view key) {
        if (phrase_keys(phrase).empty())
            lexicon::fail(path, node, key, "empty phrase");
        lex.m_matcher.add(phrase, lex.m_entries.size());
        lex.m_entries.push_back({kind, index});
    };

    lex.m_hint_priority = get_strings(path, root, "hint_priority", true);
    lex.m_support_window = get_count(path, root, "support_window", 8);
    lex.m_quantity_window = get_count(path, root, "quantity_window", 5);

    YAML::Node const triggers = required(path, root, "triggers");
    if (!triggers.IsSequence())
        lexicon::fail(path, triggers, "triggers", "expected a list of trigger groups");
    for (auto const &group : triggers) {
        trigger_def def;
        def.lemma = get_string(path, group, "lemma");
        def.hint = get_string(path, group, "hint", false);
        if (!def.hint.empty() &&
            std::find(lex.m_hint_priority.begin(), lex.m_hint_priority.end(), def.hint) == lex.m_hint_priority.end())
            lexicon::fail(path, group["hint"], "hint", "'" + def.hint + "' is not in hint_priority");
        std::string const strength = get_string(path, group, "strength");
        if (strength != "strong" && strength != "weak")
            lexicon::fail(path, group["strength"], "strength", "expected strong or weak, got '" + strength + "'");
        def.strong = strength == "strong";
        std::string const f = get_string(path, group, "form");
        if (f != "verb" && f != "noun")
            lexicon::fail(path, group["form"], "form", "expected verb or noun, got '" + f + "'");
        def.f = f == "verb" ? form::verb : form::noun;
        def.plural = lexicon::get_bool(path, group, "plural", false);
        if (def.plural && def.strong)
            lexicon::fail(path, group["strength"], "strength", "plural triggers must be weak (they may be counts)");
        def.devices = lexicon::get_bool(path, group, "devices", false);
        if (def.devices && !def.plural)
            lexicon::fail(path, group["devices"], "devices", "only plural triggers count devices");
        std::size_t const index = lex.m_triggers.size();
        lex.m_triggers.push_back(def);
        for (auto const &phrase : get_strings(path, group, "phrases", true))
            add(phrase, entry_kind::trigger, index, group["phrases"], "phrases");
    }

    for (auto const &phrase : get_strings(path, root, "neutral"))
        add(phrase, entry_kind::neutral, 0, root["neutral"], "neutral");

    YAML::Node const negatives = required(path, root, "negatives");
    if (!negatives.IsSequence())
        lexicon::fail(path, negatives, "negatives", "expected a list of negative groups");
    for (auto const &group : negatives) {
        negative_def def;
        def.reason = get_string(path, group, "reason");
        def.before = get_count(path, group, "before", 0);
        def.after = get_count(path, group, "after", 0);
        std::string const to = get_string(path, group, "applies_to", false);
        if (to.empty() || to == "all")
            def.to = applies::all;
        else if (to == "verb")
            def.to = applies::verb;
        else if (to == "noun")
            def.to = applies::noun;
        else if (to == "plural")
            def.to = applies::plural;
        else
            lexicon::fail(path, group["applies_to"], "applies_to", "expected all, verb, noun or plural, got '" + to + "'");
        for (auto const &phrase : get_strings(path, group, "phrases", true)) {
            def.phrase = phrase;
            add(phrase, entry_kind::negative, lex.m_negatives.size(), group["phrases"], "phrases");
            lex.m_negatives.push_back(def);
        }
    }

    lex.m_breakers = lexicon::word_set(path, root, "breakers");

    YAML::Node const support = required(path, root, "support");
    for (auto const &p : get_strings(path, support, "perpetrators", true))
        add(p, entry_kind::perpetrator, 0, support["perpetrators"], "perpetrators");
    for (auto const &p : get_strings(path, support, "casualties", true))
        add(p, entry_kind::casualty, 0, support["casualties"], "casualties");
    for (auto const &p : get_strings(path, support, "time_anchors", true))
        add(p, entry_kind::time, 0, support["time_anchors"], "time_anchors");
    lex.m_months = lexicon::word_set(path, support, "months");
    for (auto const &p : get_strings(path, support, "months", true))
        add(p, entry_kind::month, 0, support["months"], "months");

    YAML::Node const aggregate = required(path, root, "aggregate");
    for (auto const &p : get_strings(path, aggregate, "collectives", true))
        add(p, entry_kind::collective, 0, aggregate["collectives"], "collectives");
    for (auto const &p : get_strings(path, aggregate, "periods", true))
        add(p, entry_kind::period, 0, aggregate["periods"], "periods");
    for (auto const &p : get_strings(path, aggregate, "perfect", true))
        add(p, entry_kind::perfect, 0, aggregate["perfect"], "perfect");
    for (auto const &p : get_strings(path, aggregate, "since_followers", true))
        lex.m_since_followers.add(p, 0);
    for (auto const &p : get_strings(path, aggregate, "superlatives", true))
        lex.m_superlatives.add(p, 0);
    lex.m_count_window = get_count(path, aggregate, "count_window", 4);
    lex.m_distributive_window = get_count(path, aggregate, "distributive_window", 6);
    lex.m_device_count_max = get_count(path, aggregate, "device_count_max", 5);
    lex.m_count_stops = lexicon::word_set(path, aggregate, "count_stops");
    lex.m_one_event = lexicon::word_set(path, aggregate, "one_event");
    lex.m_distributive = lexicon::word_set(path, aggregate, "distributive");
    lex.m_links = lexicon::word_set(path, aggregate, "links");
    lex.m_determiners = lexicon::word_set(path, aggregate, "determiners");
    lex.m_subordinators = lexicon::word_set(path, aggregate, "subordinators");
    lex.m_reach_ends = lexicon::word_set(path, aggregate, "reach_ends");
    lex.m_new_event = lexicon::word_set(path, aggregate, "new_event");
    lex.m_list_words = lexicon::word_set(path, aggregate, "list_words");

    YAML::Node const comparison = required(path, root, "comparison");
    lex.m_comparison_window = get_count(path, comparison, "window", 6);
    YAML::Node const frames = required(path, comparison, "frames");
    if (!frames.IsSequence())
        lexicon::fail(path, frames, "frames", "expected a list of comparison frames");
    for (auto const &group : frames) {
        comparison_frame frame;
        frame.words = lexicon::word_set(path, group, "words");
        frame.clause_initial = lexicon::get_bool(path, group, "clause_initial", false);
        frame.noun_object = lexicon::get_bool(path, group, "noun_object", false);
        frame.clause_object = lexicon::get_bool(path, group, "clause_object", false);
        frame.after_duration = lexicon::get_bool(path, group, "after_duration", false);
        for (auto const &p : get_strings(path, group, "markers", true)) {
            if (phrase_keys(p).empty())
                lexicon::fail(path, group["markers"], "markers", "empty phrase");
            lex.m_comparison_markers.add(p, lex.m_comparison_frames.size());
        }
        lex.m_comparison_frames.push_back(std::move(frame));
    }
    for (auto const &p : get_strings(path, comparison, "not_markers"))
        lex.m_not_comparisons.add(p, 0);
    for (auto const &p : get_strings(path, comparison, "relatives", true))
        lex.m_relatives.add(p, 0);
    return lex;
}

incident_cue_lexicon::comparison_frame const *incident_cue_lexicon::comparison_at(
    std::vector<token> const &tokens, std::size_t marker, std::vector<phrase_match> const &markers,
    std::size_t sentence_first) const
{
    std::size_t const len = markers.front().token_count;
    // "more than 20 people", "rather than": a phrase ending at the marker undoes it.
    for (std::size_t k = marker >= sentence_first + 3 ? marker - 3 : sentence_first; k < marker; ++k)
        for (auto const &m : m_not_comparisons.matches_at(tokens, k))
            if (k + m.token_count == marker + len)
                return nullptr;
    for (auto const &m : markers) {
        if (m.token_count != len)
            continue;
        comparison_frame const &frame = m_comparison_frames[m.value];
        if (frame.clause_initial && marker > sentence_first && tokens[marker - 1].norm != ","sv)
            continue;
        if (frame.after_duration) {
            // "came two days after", "came barely 48 hours after", "five years to the day after";
            // not "came after gunmen stormed the village", one episode told in order
            bool duration = false;
            for (std::size_t k = marker; k > sentence_first && marker - k <= 4 && !duration;)
                duration = date_lexicon::is_time_unit(tokens[--k]);
            if (!duration)
                continue;
        }
        if (frame.words.empty())
            return &frame;
        for (std::size_t k = marker; k > sentence_first && marker - k < m_comparison_window;) {
            token const &t = tokens[--k];
            if (t.norm == ";"sv || t.norm == ":"sv)
                break;
            if (frame.words.contains(t))
                return &frame;
        }
    }
    return nullptr;
}

cue_result incident_cue_lexicon::classify(std::vector<token> const &tokens, std::size_t first, std::size_t last) const
{
    cue_result result;
    last = std::min(last, tokens.size());
    if (first >= last) {
        result.reason = "no_trigger";
        return result;
    }

    struct occurrence {
        std::size_t first;
        std::size_t count;
        entry e;
    };
    // One lean pass: phrase occurrences and sentence starts. Most sentences hold no trigger and
    // stop here, so nothing else is computed or allocated for them.
    std::vector<occurrence> found;
    std::vector<std::size_t> more_starts; // sentence starts after `first`; usually none
    auto sid = [&](std::size_t i) {
        return static_cast<std::size_t>(std::upper_bound(more_starts.begin(), more_starts.end(), i) -
                                        more_starts.begin());
    };
    auto start_of = [&](std::size_t s) { return s == 0 ? first : more_starts[s - 1]; };
    bool any_trigger = false;
    for (std::size_t i = first; i < last;) {
        if (lexicon::is_sentence_end(tokens, i) && i + 1 < last)
            more_starts.push_back(i + 1);
        if (!m_matcher.may_start(tokens[i])) {
            ++i;
            continue;
        }
        auto const here = m_matcher.matches_at(tokens, i);
        std::size_t len = 0;
        for (auto const &m : here) {
            if (i + m.token_count > last)
                continue;
            if (len == 0)
                len = m.token_count;
            if (m.token_count != len)
                continue;
            entry const &e = m_entries[m.value];
            // "May" is a month when capitalised mid-sentence or followed by a day number.
            if (e.kind == entry_kind::negative && len == 1 && m_months.contains(tokens[i])) {
                bool const dated = i + 1 < last && tokens[i + 1].kind == token_kind::number;
                if (dated || (tokens[i].capitalised && i > start_of(sid(i))))
                    continue;
            }
            if (found.empty())
                found.reserve(16);
            found.push_back({i, len, e});
            any_trigger = any_trigger || e.kind == entry_kind::trigger;
        }
        i += len ? len : 1;
    }
    if (!any_trigger) {
        result.reason = "no_trigger";
        return result;
    }

    std::size_t const sentences = more_starts.size() + 1;
    auto end_of = [&](std::size_t s) { return s + 1 < sentences ? more_starts[s] : last; };
    std::vector<char> flags(3 * sentences, 0);
    char *const has_time = flags.data();
    char *const has_period = has_time + sentences;
    char *const has_perfect = has_period + sentences;
    for (auto const &o : found) {
        std::size_t const s = sid(o.first);
        if (o.e.kind == entry_kind::time)
            has_time[s] = 1;
        else if (o.e.kind == entry_kind::month && o.first + 1 < last && tokens[o.first + 1].kind == token_kind::number &&
                 !is_year(tokens[o.first + 1]))
            has_time[s] = 1; // "on March 3"
        else if (o.e.kind == entry_kind::period)
            has_period[s] = 1;
        else if (o.e.kind == entry_kind::perfect)
            has_perfect[s] = 1;
    }
    struct comparison {
        std::size_t marker;
        std::size_t length;
        bool noun_object;
        bool clause_object;
    };
    std::vector<comparison> comparisons; // usually none
    std::vector<std::size_t> described;  // comparison objects that tell an incident with figures
    std::vector<std::pair<std::size_t, std::size_t>> compared; // the other comparison objects
    for (std::size_t i = first; i < last; ++i) {
        token const &t = tokens[i];
        // Clock times anchor a report in time ("at 10:30").
        if (t.kind == token_kind::number && i + 2 < last && tokens[i + 1].norm == ":"sv &&
            tokens[i + 2].kind == token_kind::number)
            has_time[sid(i)] = 1;
        // "since 2021", "since March", "since the start of the year" (not "deadliest since 2019").
        if (t.norm.size() == 5 && t.norm == "since"sv && i + 1 < last) {
            std::size_t const s = sid(i);
            bool period = is_year(tokens[i + 1]) || m_months.contains(tokens[i + 1]) ||
                          !m_since_followers.matches_at(tokens, i + 1).empty();
            for (std::size_t k = i; period && k > start_of(s) && k + 6 > i; --k)
                period = m_superlatives.matches_at(tokens, k - 1).empty();
            if (period)
                has_period[s] = 1;
        }
        if (m_comparison_markers.may_start(t)) {
            auto const markers = m_comparison_markers.matches_at(tokens, i);
            if (!markers.empty() && i + markers.front().token_count <= last)
                if (auto const *frame = comparison_at(tokens, i, markers, start_of(sid(i))))
                    comparisons.push_back({i, markers.front().token_count, frame->noun_object, frame->clause_object});
        }
    }

    struct pending {
        trigger_hit hit;
        trigger_def const *def;
    };
    std::vector<pending> hits;
    for (auto const &o : found) {
        if (o.e.kind != entry_kind::trigger)
            continue;
        trigger_def const &def = m_triggers[o.e.index];
        trigger_hit h;
        h.first_token = o.first;
        h.token_count = o.count;
        h.lemma = def.lemma;
        h.hint = def.hint;
        h.strong = def.strong;
        h.plural = def.plural;
        hits.push_back({std::move(h), &def});
    }

    auto breaker_between = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k)
            if (m_breakers.contains(tokens[k]))
                return true;
        return false;
    };

    // 1. Negative contexts.
    for (auto &p : hits) {
        trigger_hit &h = p.hit;
        std::size_t const s = sid(h.first_token);
        std::size_t best_gap = static_cast<std::size_t>(-1);
        for (auto const &o : found) {
            if (o.e.kind != entry_kind::negative || sid(o.first) != s)
                continue;
            negative_def const &n = m_negatives[o.e.index];
            if ((n.to == applies::verb && p.def->f != form::verb) || (n.to == applies::noun && p.def->f != form::noun) ||
                (n.to == applies::plural && !p.def->plural))
                continue;
            std::size_t gap;
            if (o.first + o.count <= h.first_token) {
                gap = h.first_token - (o.first + o.count);
                if (gap > n.before)
                    continue;
                if (p.def->f == form::verb && breaker_between(o.first + o.count, h.first_token))
                    continue;
            } else if (o.first >= h.first_token + h.token_count) {
                gap = o.first - (h.first_token + h.token_count);
                if (gap > n.after || breaker_between(h.first_token + h.token_count, o.first))
                    continue;
            } else {
                continue;
            }
            if (gap < best_gap) {
                best_gap = gap;
                h.state = trigger_state::cancelled;
                h.reason = n.reason;
                h.cue = n.phrase;
            }
        }
    }

    // A vigil "to remember the eight people shot to death Thursday night at the FedEx facility"
    // still tells the shooting: counted victims right before the trigger, and its time right
    // after it (not "Friday marks the anniversary of the massacre in which 150 were killed").
    auto time_right_after = [&](trigger_hit const &h) {
        std::size_t const from = h.first_token + h.token_count;
        return std::any_of(found.begin(), found.end(), [&](auto const &o) {
            return o.e.kind == entry_kind::time && o.first >= from && o.first <= from + 2;
        });
    };
    for (auto &p : hits) {
        trigger_hit &h = p.hit;
        if (h.state != trigger_state::cancelled || h.reason != "commemoration" || !time_right_after(h))
            continue;
        std::size_t const floor = start_of(sid(h.first_token));
        for (std::size_t k = h.first_token, steps = 0; k > floor && steps < 3; ++steps)
            if (is_count(tokens, --k, last)) {
                h.state = trigger_state::unsupported; // read again below, as any trigger
                h.reason.clear();
                h.cue.clear();
                break;
            }
    }

    auto cancel = [&](trigger_hit &h, std::string const &reason, std::string cue) {
        h.state = trigger_state::cancelled;
        h.reason = reason;
        h.cue = std::move(cue);
    };
    // A noun phrase of its own: "a car bomb", "another deadly blast" (an article two tokens back
    // only for nouns: in "attacks on a checkpoint killed five" it belongs to "checkpoint").
    auto is_new_event = [&](pending const &q) {
        std::size_t const at = q.hit.first_token;
        std::size_t const floor = start_of(sid(at));
        return (at > floor && m_new_event.contains(tokens[at - 1])) ||
               (q.def->f == form::noun && at > floor + 1 && m_new_event.contains(tokens[at - 2]));
    };

    // 2. Comparisons: triggers in the object of "the deadliest since ...", unless it gives figures.
    for (auto const &[marker, marker_len, noun_object, clause_object] : comparisons) {
        std::size_t const s = sid(marker);
        std::size_t const object = marker + marker_len;
        std::size_t const s_last = end_of(s);
        // The object ends at punctuation or a breaker; a relative clause after it belongs to it.
        // A clause object ("came two days after a gunman, Huu Can Tran, opened fire ...") runs on.
        std::size_t end = object;
        bool relative = clause_object;
        for (; end < s_last && !clause_object; ++end) {
            token const &t = tokens[end];
            if (!m_relatives.matches_at(tokens, end).empty())
                relative = true;
            else if (t.kind == token_kind::punct)
                relative = t.norm == ","sv && !m_relatives.matches_at(tokens, end + 1).empty();
            else if (!m_breakers.contains(t))
                continue;
            break;
        }
        if (relative)
            while (end < s_last && tokens[end].norm != ";"sv && tokens[end].norm != ":"sv)
                ++end;
        // A casualty figure: a count near a casualty word or a trigger ("killing 64", "334 people").
        auto near_figure = [&](std::size_t k) {
            auto close = [&](std::size_t at, std::size_t count) {
                return at + count + 3 >= k && at <= k + 4 && at >= object && at < end;
            };
            for (auto const &o : found)
                if (o.e.kind == entry_kind::casualty && close(o.first, o.count))
                    return true;
            for (auto const &q : hits)
                if (close(q.hit.first_token, q.hit.token_count))
                    return true;
            return false;
        };
        bool figures = false;
        for (std::size_t k = object; k < end && !figures; ++k)
            figures = is_count(tokens, k, last) && !(k > object && m_months.contains(tokens[k - 1])) &&
                      near_figure(k);
        if (figures) {
            described.push_back(object);
            continue;
        }
        if (noun_object) {
            // "the worst after the Mumbai attacks", not "came after gunmen stormed the village".
            auto const in_object = std::find_if(hits.begin(), hits.end(), [&](pending const &q) {
                return q.hit.first_token >= object && q.hit.first_token < end;
            });
            if (in_object != hits.end() && in_object->def->f == form::verb)
                continue;
        }
        compared.emplace_back(object, end);
        for (auto &q : hits)
            if (q.hit.state != trigger_state::cancelled && q.hit.first_token >= object && q.hit.first_token < end)
                cancel(q.hit, "comparison", lexicon::joined(tokens, marker, marker_len));
    }

    // 3. Aggregates. A plural noun that counts incidents, with the triggers that narrate it; then
    // weak or plural triggers in a sentence about a period.
    for (auto &p : hits) {
        trigger_hit &h = p.hit;
        if (h.state == trigger_state::cancelled || !h.plural)
            continue;
        std::size_t const s = sid(h.first_token);
        std::size_t const s_first = start_of(s);
        std::size_t const s_last = end_of(s);
        std::size_t const h_end = h.first_token + h.token_count;

        // Walk left over the noun's modifiers: "a wave of", "two separate suicide", "twin".
        std::size_t phrase = h.first_token; // first token of the counted noun phrase
        bool collective = false, one_event = false, distributive = false;
        long count = 0; // 0: no count; -1: vague ("dozens")
        std::string cue;
        std::string distributive_word;
        for (std::size_t k = h.first_token; k > s_first && h.first_token - k < m_count_window && cue.empty() &&
                                            !one_event;) {
            --k;
            token const &t = tokens[k];
            for (auto const &o : found) {
                if (o.e.kind == entry_kind::collective && o.first + o.count == k + 1 && o.first >= s_first) {
                    collective = true;
                    phrase = o.first;
                    cue = lexicon::joined(tokens, o.first, o.count);
                    break;
                }
            }
            if (collective)
                break;
            if (m_one_event.contains(t)) {
                one_event = true;
            } else if (is_count(tokens, k, last)) {
                count = lexicon::quantity_value(t);
                phrase = k;
                cue = t.norm;
            } else if (m_distributive.contains(t)) {
                distributive = true;
                distributive_word = t.norm;
                phrase = k;
            } else if (t.kind == token_kind::punct || m_count_stops.contains(t)) {
                break;
            }
        }
        if (one_event)
            continue;

        // The clause that narrates the aggregate ends at ";", ":", a breaker, "another" and the
        // like; also at a comma when the aggregate stands in a fronted subordinate clause
        // ("After two attacks last week, gunmen opened fire ...").
        bool subordinate = false;
        for (std::size_t k = phrase; k > s_first; --k) {
            token const &t = tokens[k - 1];
            if (t.kind == token_kind::punct)
                break;
            if (m_subordinators.contains(t)) {
                subordinate = true;
                break;
            }
        }
        std::size_t reach = h_end;
        while (reach < s_last) {
            token const &t = tokens[reach];
            if (t.norm == ";"sv || t.norm == ":"sv || (subordinate && t.norm == ","sv) || m_breakers.contains(t) ||
                m_reach_ends.contains(t))
                break;
            ++reach;
        }
        for (std::size_t k = h_end; k < std::min(reach, h_end + m_distributive_window) && !distributive; ++k) {
            if (tokens[k].kind == token_kind::punct)
                break;
            if (m_distributive.contains(tokens[k])) {
                distributive = true;
                distributive_word = tokens[k].norm;
            }
        }

        bool several = collective;
        if (!several && count != 0)
            several = count != 1 &&
                      !(p.def->devices && count >= 2 && static_cast<std::size_t>(count) <= m_device_count_max &&
                        !distributive);
        if (!several && count == 0)
            several = distributive;
        if (!several)
            continue;
        std::string const aggregate = lexicon::joined(tokens, phrase, h_end - phrase);
        cancel(h, "aggregate", cue.empty() ? distributive_word : cue);

        // Forward: the triggers that narrate it, to the end of its clause or a new incident.
        for (auto &q : hits) {
            if (q.hit.first_token < h_end || q.hit.state == trigger_state::cancelled)
                continue;
            if (q.hit.first_token >= reach || is_new_event(q))
                break;
            cancel(q.hit, "aggregate", aggregate);
        }
        // Backward: "12 people were killed in two separate attacks", "hit by a wave of bombings".
        std::size_t link = phrase;
        if (link > s_first && m_determiners.contains(tokens[link - 1]))
            --link;
        if (link > s_first && m_links.contains(tokens[link - 1])) {
            std::size_t clause = link - 1;
            while (clause > s_first) {
                token const &t = tokens[clause - 1];
                if (t.norm == ";"sv || t.norm == ":"sv || m_breakers.contains(t) || m_reach_ends.contains(t) ||
                    (t.norm == "and"sv && clause - 1 > s_first && tokens[clause - 2].norm == ","sv))
                    break;
                --clause;
            }
            for (auto &q : hits)
                if (q.def->f == form::verb && q.hit.state != trigger_state::cancelled && q.hit.first_token >= clause &&
                    q.hit.first_token < link && !is_new_event(q))
                    cancel(q.hit, "aggregate", aggregate);
        }
    }
    for (auto &p : hits) {
        trigger_hit &h = p.hit;
        if (h.state == trigger_state::cancelled)
            continue;
        std::size_t const s = sid(h.first_token);
        // In a tally, a bare noun in a list names a kind of attack, not one attack ("has
        // intensified its violence, including suicide bombings, ambushes and assassination").
        bool const listed = p.def->f == form::noun && h.first_token > start_of(s) &&
                            m_list_words.contains(tokens[h.first_token - 1]);
        if (((h.plural || !h.strong || listed) && has_period[s]) || ((h.plural || listed) && has_perfect[s]))
            cancel(h, "aggregate", has_period[s] ? "period" : "perfect tense");
    }

    // 4. Support for weak triggers; strong ones stand alone.
    for (auto &p : hits) {
        trigger_hit &h = p.hit;
        if (h.state == trigger_state::cancelled)
            continue;
        if (h.strong) {
            h.state = trigger_state::qualified;
            h.reason = "strong";
            continue;
        }
        std::size_t const s = sid(h.first_token);
        std::size_t const h_end = h.first_token + h.token_count;
        auto near = [&](std::size_t at, std::size_t count, std::size_t window) {
            if (sid(at) != s)
                return false;
            std::size_t const gap = at >= h_end ? at - h_end : h.first_token - std::min(h.first_token, at + count);
            return !(at < h_end && at + count > h.first_token) && gap <= window;
        };
        std::string support;
        for (auto const &o : found) {
            if ((o.e.kind == entry_kind::perpetrator || o.e.kind == entry_kind::casualty) &&
                near(o.first, o.count, m_support_window)) {
                support = o.e.kind == entry_kind::perpetrator ? "perpetrator" : "casualty";
                support += " '" + lexicon::joined(tokens, o.first, o.count) + "'";
                break;
            }
        }
        if (support.empty()) {
            std::size_t const lo = h.first_token >= m_quantity_window ? h.first_token - m_quantity_window : 0;
            for (std::size_t k = std::max(lo, first); k < std::min(last, h_end + m_quantity_window) && support.empty(); ++k)
                if ((k < h.first_token || k >= h_end) && sid(k) == s && is_count(tokens, k, last))
                    support = "quantity '" + tokens[k].norm + "'";
        }
        if (support.empty() && has_time[s])
            support = "time anchor";
        if (support.empty()) {
            for (auto const &q : hits) {
                if (&q == &p || q.hit.state == trigger_state::cancelled || sid(q.hit.first_token) != s)
                    continue;
                if (q.hit.strong || q.hit.lemma != h.lemma) {
                    support = "trigger '" + lexicon::joined(tokens, q.hit.first_token, q.hit.token_count) + "'";
                    break;
                }
            }
        }
        if (support.empty()) {
            h.state = trigger_state::unsupported;
        } else {
            h.state = trigger_state::qualified;
            h.reason = support;
        }
    }

    // Verdict.
    trigger_hit const *strongest = nullptr;
    trigger_hit const *cancelled = nullptr;
    for (auto const &p : hits) {
        trigger_hit const &h = p.hit;
        if (h.state == trigger_state::qualified) {
            if (std::find(result.triggers.begin(), result.triggers.end(), h.lemma) == result.triggers.end())
                result.triggers.push_back(h.lemma);
            if (!strongest || (h.strong && !strongest->strong))
                strongest = &h;
        } else if (h.state == trigger_state::cancelled) {
            if (!cancelled || (h.strong && !cancelled->strong))
                cancelled = &h;
        }
    }
    if (strongest) {
        result.incident = true;
        result.reason = strongest->strong ? "strong_trigger" : "supported_trigger";
        result.rule = std::string(strongest->strong ? "strong" : "weak") + " '" +
                      lexicon::joined(tokens, strongest->first_token, strongest->token_count) + "'" +
                      (strongest->strong ? "" : " + " + strongest->reason);
        std::size_t best = m_hint_priority.size();
        for (auto const &p : hits) {
            if (p.hit.state != trigger_state::qualified || p.hit.hint.empty())
                continue;
            auto const rank = static_cast<std::size_t>(
                std::find(m_hint_priority.begin(), m_hint_priority.end(), p.hit.hint) - m_hint_priority.begin());
            if (rank < best) {
                best = rank;
                result.attack_hint = p.hit.hint;
            }
        }
    } else if (cancelled) {
        result.reason = cancelled->reason;
        result.rule = cancelled->reason + " '" + cancelled->cue + "' -> '" +
                      lexicon::joined(tokens, cancelled->first_token, cancelled->token_count) + "'";
    } else if (!hits.empty()) {
        result.reason = "weak_trigger";
        result.rule = "unsupported '" + lexicon::joined(tokens, hits.front().hit.first_token,
                                                        hits.front().hit.token_count) + "'";
    } else {
        result.reason = "no_trigger";
    }
    result.described = std::move(described);
    result.compared = std::move(compared);
    result.hits.reserve(hits.size());
    for (auto &p : hits)
        result.hits.push_back(std::move(p.hit));
    return result;
}

std::vector<std::size_t> incident_cue_lexicon::incident_starts(std::vector<token> const &tokens,
                                                               cue_result const &result) const
{
    static std::unordered_set<std::string> const clause_breaks{",", ";", "while", "whereas", "meanwhile", "and",
                                                               "separately", "elsewhere", "also", "later"};
    static std::unordered_set<std::string> const another{"another", "second", "separate", "separately", "elsewhere",
                                                         "meanwhile", "also", "other", "third"};
    std::vector<std::size_t> starts;
    trigger_hit const *previous = nullptr;
    std::string run_hint;
    std::unordered_set<std::string> run_lemmas;
    for (auto const &h : result.hits) {
        if (h.state != trigger_state::qualified)
            continue;
        bool start = !previous;
        if (previous) {
            bool clause = false, other = false;
            for (std::size_t k = previous->first_token + previous->token_count; k < h.first_token && k < tokens.size();
                 ++k) {
                clause = clause || clause_breaks.count(tokens[k].norm) > 0 || lexicon::is_sentence_end(tokens, k);
                other = other || another.count(tokens[k].norm) > 0;
            }
            // A different kind of attack after a clause break, or "another bomb" / "a second blast".
            bool const new_kind = h.strong && !h.hint.empty() && !run_hint.empty() && h.hint != run_hint;
            start = clause && (new_kind || (other && (h.strong || run_lemmas.count(h.lemma))));
        }
        if (start) {
            // the new incident's noun phrase starts at its determiner: "..., followed by | a second
            // mass shooting"
            std::size_t at = h.first_token;
            std::size_t const floor = previous ? previous->first_token + previous->token_count : 0;
            while (at > floor && h.first_token - at < 3 &&
                   (another.count(tokens[at - 1].norm) || tokens[at - 1].norm == "a"sv || tokens[at - 1].norm == "an"sv))
                --at;
            starts.push_back(at);
            run_hint = h.hint;
            run_lemmas.clear();
        } else if (run_hint.empty()) {
            run_hint = h.hint;
        }
        run_lemmas.insert(h.lemma);
        previous = &h;
    }
    // a comparison's object that tells another incident starts one
    for (std::size_t const d : result.described) {
        bool before = false, after = false;
        for (auto const &h : result.hits)
            if (h.state == trigger_state::qualified)
                (h.first_token < d ? before : after) = true;
        if (before && after && std::find(starts.begin(), starts.end(), d) == starts.end())
            starts.insert(std::upper_bound(starts.begin(), starts.end(), d), d);
    }
    return starts;
}

} // namespace etl::extract
