#include "extract/categories.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

using lexicon::get_number;
using lexicon::get_string;
using lexicon::get_strings;
using lexicon::key_of;
using lexicon::required;

std::size_t index_in(std::string const &path, YAML::Node const &node, std::string_view key,
                     std::vector<std::string> const &names, std::string const &name)
{
    auto const it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        lexicon::fail(path, node, key, "unknown category '" + name + "'");
    return static_cast<std::size_t>(it - names.begin());
}

std::size_t get_count(std::string const &path, YAML::Node const &map, std::string_view key, std::size_t fallback)
{
    double const v = get_number(path, map, key, static_cast<double>(fallback));
    if (v < 0 || v > 1000)
        lexicon::fail(path, map[std::string(key)], key, "expected a small non-negative number");
    return static_cast<std::size_t>(v);
}

/// Sentence number of every token in [first, last), indexed from `first`.
std::vector<std::size_t> sentence_ids(std::vector<token> const &tokens, std::size_t first, std::size_t last)
{
    std::vector<std::size_t> ids(last - first);
    std::size_t id = 0;
    for (std::size_t i = first; i < last; ++i) {
        ids[i - first] = id;
        if (lexicon::is_sentence_end(tokens, i))
            ++id;
    }
    return ids;
}

} // namespace

std::vector<category_lexicon::cue_hit> category_lexicon::scan(phrase_matcher const &matcher,
                                                              std::vector<token> const &tokens, std::size_t first,
                                                              std::size_t last)
{
    std::vector<cue_hit> hits;
    for (std::size_t i = first; i < last;) {
        auto const here = matcher.matches_at(tokens, i);
        std::size_t len = 0;
        for (auto const &m : here) {
            if (i + m.token_count > last)
                continue;
            if (len == 0)
                len = m.token_count;
            if (m.token_count == len)
                hits.push_back({i, m.token_count, m.value});
        }
        i += len ? len : 1;
    }
    return hits;
}

category_lexicon category_lexicon::load(std::string const &attack_yaml, std::string const &target_yaml)
{
    category_lexicon lex;

    // ------------------------------------------------------------------ attack types
    {
        std::string const &path = attack_yaml;
        YAML::Node const root = lexicon::load_file(path);
        lex.m_hierarchy = get_strings(path, root, "hierarchy", true);
        if (lex.m_hierarchy.empty())
            lexicon::fail(path, root["hierarchy"], "hierarchy", "must list the attack types");
        lex.m_threshold = get_number(path, root, "threshold", 2.0);
        lex.m_weak_threshold = get_number(path, root, "weak_threshold", 1.0);
        lex.m_dominance = get_number(path, root, "dominance", 0.25);
        if (YAML::Node const background = root["background"]) {
            lex.m_background_words = lexicon::word_set(path, background, "words");
            lex.m_background_factor = get_number(path, background, "factor", 0.25);
        }

        YAML::Node const types = required(path, root, "types");
        if (!types.IsSequence())
            lexicon::fail(path, types, "types", "expected a list of attack types");
        // Cues with yields_to name other types, so resolve names after all are read.
        std::vector<std::pair<std::size_t, YAML::Node>> pending;
        for (auto const &type : types) {
            std::size_t const t = index_in(path, type, "name", lex.m_hierarchy, get_string(path, type, "name"));
            YAML::Node const cues = required(path, type, "cues");
            if (!cues.IsSequence())
                lexicon::fail(path, cues, "cues", "expected a list of cue groups");
            for (auto const &group : cues) {
                attack_cue cue;
                cue.type = t;
                cue.weight = get_number(path, group, "weight", -1);
                if (cue.weight <= 0)
                    lexicon::fail(path, group, "weight", "each cue group needs a positive weight");
                for (auto const &name : get_strings(path, group, "yields_to"))
                    cue.yields_to.push_back(index_in(path, group["yields_to"], "yields_to", lex.m_hierarchy, name));
                for (auto const &phrase : get_strings(path, group, "phrases", true)) {
                    if (phrase_keys(phrase).empty())
                        lexicon::fail(path, group["phrases"], "phrases", "empty phrase");
                    lex.m_attack_matcher.add(phrase, lex.m_attack_cues.size());
                }
                lex.m_attack_cues.push_back(std::move(cue));
            }
        }
        if (YAML::Node const prior = root["casualty_prior"]) {
            if (!prior.IsSequence())
                lexicon::fail(path, prior, "casualty_prior", "expected a list of {min_killed, type}");
            for (auto const &step : prior) {
                long const min_killed = static_cast<long>(get_count(path, step, "min_killed", 0));
                if (min_killed < 1)
                    lexicon::fail(path, step, "min_killed", "must be at least 1");
                std::string const type = get_string(path, step, "type");
                index_in(path, step, "type", lex.m_hierarchy, type);
                if (!lex.m_casualty_prior.empty() && min_killed >= lex.m_casualty_prior.back().first)
                    lexicon::fail(path, step, "min_killed", "steps must go from the highest count down");
                lex.m_casualty_prior.emplace_back(min_killed, type);
            }
        }
        YAML::Node const tk = required(path, root, "targeted_killing");
        lex.m_assassination = index_in(path, tk, "category", lex.m_hierarchy, get_string(path, tk, "category"));
        lex.m_tk_weight = get_number(path, tk, "weight", 3.0);
        lex.m_tk_window = get_count(path, tk, "window", 5);
        for (auto const &p : get_strings(path, tk, "verbs", true))
            lex.m_tk_verbs.add(p, 0);
        for (auto const &p : get_strings(path, tk, "titles", true))
            lex.m_tk_titles.add(p, 0);
        for (auto const &p : get_strings(path, tk, "passive", true))
            lex.m_tk_passive.add(lexicon::reversed_key(p), 0);
        lex.m_tk_blockers = lexicon::word_set(path, tk, "blockers");
    }

    // ------------------------------------------------------------------ target types
    {
        std::string const &path = target_yaml;
        YAML::Node const root = lexicon::load_file(path);

        YAML::Node const prox = required(path, root, "proximity");
        lex.m_near = get_count(path, prox, "near", 4);
        lex.m_mid = get_count(path, prox, "mid", 10);
        lex.m_near_factor = get_number(path, prox, "near_factor", 2.0);
        lex.m_mid_factor = get_number(path, prox, "mid_factor", 1.5);
        lex.m_sentence_factor = get_number(path, prox, "sentence_factor", 1.2);
        lex.m_far_factor = get_number(path, prox, "far_factor", 1.0);
        YAML::Node const prep = required(path, root, "preposition");
        lex.m_prepositions = lexicon::word_set(path, prep, "words");
        lex.m_prep_window = get_count(path, prep, "window", 3);
        lex.m_prep_factor = get_number(path, prep, "factor", 1.3);
        lex.m_repeat_factor = get_number(path, root, "repeat_factor", 0.25);
        lex.m_address_words = lexicon::word_set(path, root, "address_words");
        for (auto const &p : get_strings(path, root, "anchors", true))
            lex.m_anchors.add(p, 0);
        lex.m_source_words = lexicon::word_set(path, root, "source_words");
        for (auto const &p : get_strings(path, root, "victim_before", true))
            lex.m_victim_before.add(lexicon::reversed_key(p), 0);
        for (auto const &p : get_strings(path, root, "victim_after", true))
            lex.m_victim_after.add(p, 0);

        std::unordered_map<std::string, std::vector<std::size_t>> cue_by_key;
        auto add_cue = [&](std::string const &phrase, target_cue cue, YAML::Node const &node) {
            std::string const key = key_of(phrase);
            if (key.empty())
                lexicon::fail(path, node, "phrases", "empty phrase");
            cue_by_key[key].push_back(lex.m_target_cues.size());
            lex.m_target_matcher.add(key, lex.m_target_cues.size());
            lex.m_target_cues.push_back(cue);
        };
        for (auto const &p : get_strings(path, root, "ignore")) {
            target_cue cue;
            cue.ignore = true;
            add_cue(p, cue, root["ignore"]);
        }

        YAML::Node const types = required(path, root, "types");
        if (!types.IsSequence())
            lexicon::fail(path, types, "types", "expected a list of target types");
        for (auto const &type : types)
            lex.m_target_names.push_back(get_string(path, type, "name"));
        for (std::size_t t = 0; t < lex.m_target_names.size(); ++t)
            for (std::size_t u = 0; u < t; ++u)
                if (lex.m_target_names[t] == lex.m_target_names[u])
                    lexicon::fail(path, types[t], "name", "duplicate target type '" + lex.m_target_names[t] + "'");
        std::size_t t = 0;
        for (auto const &type : types) {
            YAML::Node const cues = required(path, type, "cues");
            if (!cues.IsSequence())
                lexicon::fail(path, cues, "cues", "expected a list of cue groups");
            for (auto const &group : cues) {
                target_cue cue;
                cue.category = static_cast<int>(t);
                cue.weight = get_number(path, group, "weight", -1);
                if (cue.weight <= 0)
                    lexicon::fail(path, group, "weight", "each cue group needs a positive weight");
                cue.object_only = lexicon::get_bool(path, group, "object_only", false);
                for (auto const &phrase : get_strings(path, group, "phrases", true))
                    add_cue(phrase, cue, group["phrases"]);
            }
            ++t;
        }
        if (YAML::Node const contextual = root["contextual"]) {
            target_cue cue;
            cue.weight = get_number(path, contextual, "weight", 2.0);
            for (auto const &phrase : get_strings(path, contextual, "phrases", true))
                add_cue(phrase, cue, contextual["phrases"]);
        }
        if (YAML::Node const blocks = root["context"]) {
            if (!blocks.IsSequence())
                lexicon::fail(path, blocks, "context", "expected a list of context blocks");
            for (auto const &b : blocks) {
                context_block block;
                block.window = get_count(path, b, "window", 3);
                YAML::Node const rules = required(path, b, "rules");
                if (!rules.IsSequence())
                    lexicon::fail(path, rules, "rules", "expected a list of rules");
                for (auto const &r : rules) {
                    context_rule rule;
                    rule.words = lexicon::word_set(path, r, "words");
                    rule.category = index_in(path, r, "category", lex.m_target_names, get_string(path, r, "category"));
                    block.rules.push_back(std::move(rule));
                }
                int const index = static_cast<int>(lex.m_context_blocks.size());
                for (auto const &phrase : get_strings(path, b, "cues", true)) {
                    auto const it = cue_by_key.find(key_of(phrase));
                    if (it == cue_by_key.end())
                        lexicon::fail(path, b["cues"], "cues", "'" + phrase + "' is not a target cue phrase");
                    for (std::size_t c : it->second)
                        lex.m_target_cues[c].context = index;
                }
                lex.m_context_blocks.push_back(std::move(block));
            }
        }
    }
    return lex;
}

bool category_lexicon::among_victims(std::vector<token> const &tokens, std::size_t after_title, std::size_t last) const
{
    // "killed a journalist and two others": the person is one of the victims of an indiscriminate
    // attack; "killed the police chief and two guards" still targets the chief.
    std::size_t const end = std::min(last, after_title + m_tk_window);
    for (std::size_t k = after_title; k < end; ++k) {
        if (lexicon::is_sentence_end(tokens, k) || tokens[k].norm == ";"sv)
            return false;
        if (tokens[k].norm != "and"sv)
            continue;
        for (std::size_t j = k + 1; j < std::min(last, k + 4); ++j)
            if (m_tk_blockers.contains(tokens[j]) && tokens[j].norm != "and"sv)
                return true;
        return false;
    }
    return false;
}

bool category_lexicon::targeted_killing(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                                        std::string *matched) const
{
    auto blocks = [&](std::size_t k) {
        token const &t = tokens[k];
        return lexicon::is_sentence_end(tokens, k) || t.norm == ";"sv || m_tk_blockers.contains(t) ||
               lexicon::is_quantity(t);
    };
    for (auto const &v : scan(m_tk_verbs, tokens, first, last)) {
        // Active: "shot dead the district governor", "killed Kandahar's police chief".
        std::size_t k = v.first + v.count;
        for (std::size_t steps = 0; k < last && steps < m_tk_window; ++k, ++steps) {
            if (blocks(k))
                break;
            auto const title = m_tk_titles.matches_at(tokens, k);
            if (!title.empty() && k + title.front().token_count <= last &&
                !among_victims(tokens, k + title.front().token_count, last)) {
                *matched = lexicon::joined(tokens, v.first, v.count) + " ... " +
                           lexicon::joined(tokens, k, title.front().token_count);
                return true;
            }
        }
        // Passive: "the provincial governor, Ahmad Khan, was shot dead".
        std::vector<token> left;
        for (std::size_t j = v.first; j > first && left.size() < 3; --j)
            left.push_back(tokens[j - 1]);
        auto const aux = m_tk_passive.matches_at(left, 0);
        if (aux.empty())
            continue;
        std::size_t const aux_first = v.first - aux.front().token_count;
        for (std::size_t j = aux_first, steps = 0; j > first && steps < m_tk_window + 3; --j, ++steps) {
            std::size_t const at = j - 1;
            if (blocks(at))
                break;
            for (auto const &title : m_tk_titles.matches_at(tokens, at)) {
                if (at + title.token_count > aux_first)
                    continue;
                // Only a name, commas or "of <Place>" may stand between the title and the verb.
                bool named = true;
                for (std::size_t n = at + title.token_count; n < aux_first && named; ++n)
                    named = tokens[n].capitalised || tokens[n].norm == ","sv || tokens[n].norm == "of"sv;
                if (named) {
                    *matched = lexicon::joined(tokens, at, title.token_count) + " ... " +
                               lexicon::joined(tokens, v.first, v.count);
                    return true;
                }
            }
        }
    }
    return false;
}

std::optional<category_lexicon::category_choice> category_lexicon::attack_type_prior(long killed) const
{
    for (auto const &[min_killed, type] : m_casualty_prior)
        if (killed >= min_killed)
            return category_choice{type, "attack_type.casualty_prior", std::to_string(killed) + " killed"};
    return std::nullopt;
}

std::optional<category_lexicon::category_choice>
category_lexicon::attack_type(std::vector<token> const &tokens, std::size_t first, std::size_t last) const
{
    last = std::min(last, tokens.size());
    if (first >= last)
        return std::nullopt;
    auto const hits = scan(m_attack_matcher, tokens, first, last);

    // "killing 11 civilians after a ransom demand for two kidnapped villagers went unpaid": a clause
    // opened by "after" tells what came before, and its cues weigh little
    std::vector<char> background(last - first, 0);
    for (std::size_t i = first, in = 0; i < last; ++i) {
        std::string const &w = tokens[i].norm;
        if (w == ","sv || w == ";"sv || lexicon::is_sentence_end(tokens, i))
            in = 0;
        else if (m_background_words.contains(tokens[i]))
            in = 1;
        background[i - first] = static_cast<char>(in);
    }
    // ... unless the main clause names no method at all ("feared dead after jihadists attacked")
    bool const main_cues = std::any_of(hits.begin(), hits.end(), [&](cue_hit const &h) { return !background[h.first - first]; });
    auto const weight_of = [&](cue_hit const &h) {
        double const w = m_attack_cues[h.value].weight;
        return main_cues && background[h.first - first] ? w * m_background_factor : w;
    };

    std::size_t const n = m_hierarchy.size();
    std::vector<double> base(n, 0.0), score(n, 0.0), best_weight(n, 0.0);
    std::vector<std::string> matched(n);
    for (auto const &h : hits) {
        auto const &cue = m_attack_cues[h.value];
        if (cue.yields_to.empty())
            base[cue.type] += weight_of(h);
    }
    for (auto const &h : hits) {
        auto const &cue = m_attack_cues[h.value];
        // only to a type the text supports: "assailants hurled a grenade" is still a bombing
        bool const yielded = std::any_of(cue.yields_to.begin(), cue.yields_to.end(),
                                         [&](std::size_t other) { return base[other] >= m_threshold; });
        if (yielded)
            continue;
        double const w = weight_of(h);
        score[cue.type] += w;
        if (w > best_weight[cue.type]) {
            best_weight[cue.type] = w;
            matched[cue.type] = lexicon::joined(tokens, h.first, h.count);
        }
    }
    std::string tk_matched;
    bool const tk = targeted_killing(tokens, first, last, &tk_matched);
    if (tk) {
        score[m_assassination] += m_tk_weight;
        if (m_tk_weight >= best_weight[m_assassination])
            matched[m_assassination] = tk_matched;
    }

    double const top = *std::max_element(score.begin(), score.end());
    if (top <= 0)
        return std::nullopt;
    std::size_t supported = 0;
    int chosen = -1;
    for (std::size_t t = 0; t < n; ++t) {
        if (score[t] >= m_threshold && score[t] >= m_dominance * top) {
            ++supported;
            if (chosen < 0)
                chosen = static_cast<int>(t);
        }
    }
    if (chosen >= 0) {
        auto const c = static_cast<std::size_t>(chosen);
        std::string rule = supported > 1 ? "attack_type.hierarchy" : "attack_type.cue";
        if (c == m_assassination && tk && matched[c] == tk_matched)
            rule = "attack_type.targeted_killing";
        return category_choice{m_hierarchy[c], rule, matched[c]};
    }
    if (top < m_weak_threshold)
        return std::nullopt;
    auto const best = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
    return category_choice{m_hierarchy[best], "attack_type.weak", matched[best]};
}

int category_lexicon::context_category(context_block const &block, std::vector<token> const &tokens,
                                       std::size_t first, std::size_t count, std::size_t lo, std::size_t hi) const
{
    std::size_t const from = first >= lo + block.window ? first - block.window : lo;
    std::size_t const to = std::min(hi, first + count + block.window);
    for (auto const &rule : block.rules)
        for (std::size_t k = from; k < to; ++k)
            if ((k < first || k >= first + count) && rule.words.contains(tokens[k]))
                return static_cast<int>(rule.category);
    return -1;
}

bool category_lexicon::is_source(std::vector<token> const &tokens, std::size_t end, std::size_t hi) const
{
    for (std::size_t k = end; k < hi && k < end + 3; ++k) {
        if (m_source_words.contains(tokens[k]))
            return true;
        if (tokens[k].kind == token_kind::punct && tokens[k].norm != ","sv)
            break;
    }
    return false;
}

std::optional<category_lexicon::category_choice>
category_lexicon::target_type(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                              span_list const &ignore) const
{
    last = std::min(last, tokens.size());
    if (first >= last)
        return std::nullopt;
    auto const sentence = sentence_ids(tokens, first, last);
    auto sid = [&](std::size_t i) { return sentence[i - first]; };

    // Where the violence is: attack-type cues and plain violence words.
    std::vector<cue_hit> violence = scan(m_attack_matcher, tokens, first, last);
    for (auto const &h : scan(m_anchors, tokens, first, last))
        violence.push_back(h);
    std::vector<char> blocked(last - first, 0);
    for (auto const &h : violence)
        for (std::size_t k = h.first; k < h.first + h.count; ++k)
            blocked[k - first] = 1;
    for (auto const &[b, c] : ignore)
        for (std::size_t k = std::max(b, first); k < std::min(b + c, last); ++k)
            blocked[k - first] = 1;

    struct tally {
        double best = 0, sum = 0, best_weight = 0;
        std::string matched, rule;
    };
    std::vector<tally> totals(m_target_names.size());

    for (auto const &h : scan(m_target_matcher, tokens, first, last)) {
        target_cue const &cue = m_target_cues[h.value];
        if (cue.ignore)
            continue;
        bool overlaps = false;
        for (std::size_t k = h.first; k < h.first + h.count && !overlaps; ++k)
            overlaps = blocked[k - first] != 0;
        if (overlaps)
            continue;
        std::size_t const s = sid(h.first);
        std::size_t sb = h.first, se = h.first;
        while (sb > first && sid(sb - 1) == s)
            --sb;
        while (se < last && sid(se) == s)
            ++se;
        if (is_source(tokens, h.first + h.count, se))
            continue;
        if (h.count == 1 && m_address_words.contains(tokens[h.first]) && tokens[h.first].capitalised &&
            !tokens[h.first].all_caps)
            continue; // "on Piedmont Road", "Highway 92"
        // "according to officials", "according to Saudi security officials"
        bool attributed = false;
        for (std::size_t k = h.first; k >= sb + 2 && h.first - k <= 5 && !attributed; --k)
            attributed = tokens[k - 2].norm == "according"sv && tokens[k - 1].norm == "to"sv;
        if (attributed)
            continue;

        int category = cue.category;
        std::string rule = "target_type.cue";
        if (cue.context >= 0) {
            int const c = context_category(m_context_blocks[static_cast<std::size_t>(cue.context)], tokens, h.first,
                                           h.count, sb, se);
            if (c >= 0 && c != category) {
                category = c;
                rule = "target_type.context";
            }
        }
        if (category < 0)
            continue;

        if (cue.object_only) {
            // Militants count as the target only where they are the ones hit; the agent of a
            // passive ("farmers killed by Boko Haram insurgents") is the perpetrator, and so is the
            // subject of a later clause ("were feared dead after jihadists attacked the town").
            static std::unordered_set<std::string> const agent_openers{"by",     "after", "when",      "as",
                                                                      "while",  "before", "because",  "following",
                                                                      "since",  "until",  "once",     ";"};
            bool victim = std::any_of(violence.begin(), violence.end(), [&](cue_hit const &v) {
                if (v.first < sb || v.first + v.count > h.first)
                    return false;
                for (std::size_t k = v.first + v.count; k < h.first; ++k)
                    if (agent_openers.count(tokens[k].norm))
                        return false;
                return true;
            });
            if (!victim && !m_victim_after.matches_at(tokens, h.first + h.count).empty())
                victim = true;
            if (!victim) {
                std::vector<token> left;
                for (std::size_t j = h.first; j > sb && left.size() < 6; --j)
                    left.push_back(tokens[j - 1]);
                for (std::size_t o = 0; o < left.size() && o <= 3 && !victim; ++o) {
                    victim = !m_victim_before.matches_at(left, o).empty();
                    if (!(left[o].kind == token_kind::number || lexicon::is_quantity(left[o]) || left[o].norm == "the"sv))
                        break;
                }
            }
            if (!victim)
                continue;
            rule = "target_type.object";
        }

        std::size_t distance = static_cast<std::size_t>(-1);
        for (auto const &v : violence) {
            if (v.first < sb || v.first >= se)
                continue;
            std::size_t const d = v.first >= h.first + h.count ? v.first - (h.first + h.count)
                                                               : h.first - std::min(h.first, v.first + v.count);
            distance = std::min(distance, d);
        }
        double factor = m_far_factor;
        if (distance <= m_near)
            factor = m_near_factor;
        else if (distance <= m_mid)
            factor = m_mid_factor;
        else if (distance != static_cast<std::size_t>(-1))
            factor = m_sentence_factor;
        for (std::size_t k = h.first, steps = 0; k > sb && steps < m_prep_window; --k, ++steps) {
            if (m_prepositions.contains(tokens[k - 1])) {
                factor *= m_prep_factor;
                break;
            }
        }
        double const score = cue.weight * factor;
        auto &t = totals[static_cast<std::size_t>(category)];
        t.sum += score;
        if (score > t.best) {
            t.best = score;
            t.best_weight = std::max(t.best_weight, cue.weight);
            t.matched = lexicon::joined(tokens, h.first, h.count);
            t.rule = rule;
        }
    }

    int chosen = -1;
    double chosen_total = 0;
    for (std::size_t c = 0; c < totals.size(); ++c) {
        auto const &t = totals[c];
        if (t.best <= 0)
            continue;
        double const total = t.best + m_repeat_factor * (t.sum - t.best);
        if (chosen < 0 || total > chosen_total + 1e-9 ||
            (total > chosen_total - 1e-9 && t.best_weight > totals[static_cast<std::size_t>(chosen)].best_weight)) {
            chosen = static_cast<int>(c);
            chosen_total = total;
        }
    }
    if (chosen < 0)
        return std::nullopt;
    auto const &t = totals[static_cast<std::size_t>(chosen)];
    return category_choice{m_target_names[static_cast<std::size_t>(chosen)], t.rule, t.matched};
}

} // namespace etl::extract
