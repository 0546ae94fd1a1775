#include "extract/actors.hpp"

#include "extract/lexicon_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

using lexicon::get_bool;
using lexicon::get_string;
using lexicon::get_strings;
using lexicon::key_of;
using lexicon::required;

bool is_single_letter(token const &t) { return t.kind == token_kind::word && t.norm.size() == 1; }

bool is_bracket(token const &t)
{
    return t.kind == token_kind::punct && (t.norm == "("sv || t.norm == ")"sv || t.norm == "/"sv);
}

/// An initialism starting at i ("U.S.", "U.N."): letters joined by adjacent dots. Returns the
/// index of its last token (the final dot when there is one), or i when there is none.
std::size_t initialism_end(std::vector<token> const &tokens, std::size_t i)
{
    if (!is_single_letter(tokens[i]) || i + 2 >= tokens.size() || tokens[i + 1].norm != "."sv ||
        tokens[i + 1].begin != tokens[i].end || !is_single_letter(tokens[i + 2]) ||
        tokens[i + 2].begin != tokens[i + 1].end)
        return i;
    std::size_t last = i + 2;
    while (last + 1 < tokens.size() && tokens[last + 1].norm == "."sv && tokens[last + 1].begin == tokens[last].end) {
        ++last;
        if (last + 1 < tokens.size() && is_single_letter(tokens[last + 1]) && tokens[last + 1].begin == tokens[last].end)
            ++last;
        else
            break;
    }
    return last;
}

/// The initialism tokens[i..last] as one all-caps word token ("us").
token join_initialism(std::vector<token> const &tokens, std::size_t i, std::size_t last)
{
    token joined = tokens[i];
    joined.norm.clear();
    bool caps = true;
    for (std::size_t k = i; k <= last; ++k) {
        if (tokens[k].kind != token_kind::word)
            continue;
        joined.norm += tokens[k].norm;
        caps = caps && tokens[k].capitalised;
    }
    joined.end = tokens[last].end;
    joined.capitalised = tokens[i].capitalised;
    joined.all_caps = caps && joined.norm.size() >= 2;
    look_up_word(joined);
    return joined;
}

/// An alias as text tokens would show it: initialisms joined ("U.S. forces" -> [us, forces]).
std::vector<token> alias_tokens(std::string_view text)
{
    auto const raw = tokenize(text);
    std::vector<token> out;
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t const last = initialism_end(raw, i);
        if (last != i) {
            out.push_back(join_initialism(raw, i, last));
            i = last + 1;
            continue;
        }
        out.push_back(raw[i]);
        ++i;
    }
    return out;
}

bool is_iso2(std::string const &s) { return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'; }

void check_keys(std::string const &path, YAML::Node const &map, std::initializer_list<std::string_view> allowed,
                std::string_view where)
{
    for (auto const &kv : map) {
        auto const key = kv.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            lexicon::fail(path, kv.first, key, "unknown key in " + std::string(where));
    }
}

int rank(claim_status s, bool denied)
{
    if (denied)
        return 4;
    switch (s) {
    case claim_status::claimed: return 3;
    case claim_status::blamed: return 2;
    case claim_status::suspected: return 1;
    case claim_status::none: break;
    }
    return 0;
}

} // namespace

std::string_view to_string(actor_kind k)
{
    switch (k) {
    case actor_kind::group: return "group";
    case actor_kind::state: return "state";
    case actor_kind::other: return "other";
    }
    return "group";
}

std::string_view to_string(actor_role r)
{
    switch (r) {
    case actor_role::unknown: return "unknown";
    case actor_role::perpetrator: return "perpetrator";
    case actor_role::target: return "target";
    }
    return "unknown";
}

actor_lexicon actor_lexicon::load(std::string const &path)
{
    actor_lexicon lex;
    YAML::Node const root = lexicon::load_file(path);

    YAML::Node const context = required(path, root, "context");
    lex.m_group_after = lexicon::word_set(path, context, "group_after");
    lex.m_group_before = lexicon::word_set(path, context, "group_before");
    lex.m_no_article = lexicon::word_set(path, context, "no_article");

    YAML::Node const claims = required(path, root, "claims");
    std::array<std::pair<char const *, cue_kind>, 5> const cue_lists{{
        {"claimed", cue_kind::claimed},
        {"claimed_adjacent", cue_kind::claimed_adjacent},
        {"blamed", cue_kind::blamed},
        {"suspected", cue_kind::suspected},
        {"denied", cue_kind::denied},
    }};
    for (auto const &[key, kind] : cue_lists) {
        for (auto const &phrase : get_strings(path, claims, key, true)) {
            lex.m_cue_matcher.add(phrase, lex.m_cues.size());
            lex.m_cues.push_back({kind, phrase});
        }
    }
    lex.m_negators = lexicon::word_set(path, claims, "negators");
    lex.m_not_followed_by = lexicon::word_set(path, claims, "not_followed_by");

    YAML::Node const roles = required(path, root, "roles");
    lex.m_role_skip = lexicon::word_set(path, roles, "skip");
    lex.m_neutral_nouns = lexicon::word_set(path, roles, "neutral_nouns");
    auto add_roles = [&](char const *key, phrase_matcher &matcher, bool reversed) {
        for (auto const &phrase : get_strings(path, roles, key, true)) {
            matcher.add(reversed ? lexicon::reversed_key(phrase) : phrase, lex.m_role_phrases.size());
            lex.m_role_phrases.push_back(phrase);
        }
    };
    add_roles("perpetrator_nouns", lex.m_perp_nouns, false);
    add_roles("perpetrator_after", lex.m_perp_after, false);
    add_roles("target_after", lex.m_target_after, false);
    add_roles("perpetrator_before", lex.m_perp_before, true);
    add_roles("target_before", lex.m_target_before, true);

    YAML::Node const list = required(path, root, "actors");
    if (!list.IsSequence())
        lexicon::fail(path, list, "actors", "expected a list of actors");

    std::vector<YAML::Node> parent_nodes;
    for (auto const &entry : list) {
        if (!entry.IsMap())
            lexicon::fail(path, entry, "actors", "each actor must be a map");
        check_keys(path, entry, {"canonical", "gtd_name", "kind", "parent", "countries", "aliases"}, "actor");
        actor a;
        a.canonical = get_string(path, entry, "canonical");
        if (a.canonical.empty())
            lexicon::fail(path, entry, "canonical", "must not be empty");
        a.gtd_name = get_string(path, entry, "gtd_name", false);
        std::string const kind = get_string(path, entry, "kind", false);
        if (kind.empty() || kind == "group")
            a.kind = actor_kind::group;
        else if (kind == "state")
            a.kind = actor_kind::state;
        else if (kind == "other")
            a.kind = actor_kind::other;
        else
            lexicon::fail(path, entry["kind"], "kind", "expected group, state or other, got '" + kind + "'");
        a.parent = get_string(path, entry, "parent", false);
        a.countries = get_strings(path, entry, "countries");
        for (auto const &c : a.countries)
            if (!is_iso2(c))
                lexicon::fail(path, entry["countries"], "countries", "'" + c + "' is not an ISO 3166-1 alpha-2 code");
        if (!lex.m_by_name.emplace(key_of(a.canonical), lex.m_actors.size()).second)
            lexicon::fail(path, entry["canonical"], "canonical", "duplicate actor '" + a.canonical + "'");
        parent_nodes.push_back(entry["parent"]);
        lex.m_actors.push_back(std::move(a));
    }

    // Parents refer to canonical names; checked once all actors are known.
    lex.m_parent_index.assign(lex.m_actors.size(), -1);
    for (std::size_t i = 0; i < lex.m_actors.size(); ++i) {
        auto const &parent = lex.m_actors[i].parent;
        if (parent.empty())
            continue;
        auto it = std::find_if(lex.m_actors.begin(), lex.m_actors.end(),
                               [&](actor const &a) { return a.canonical == parent; });
        if (it == lex.m_actors.end())
            lexicon::fail(path, parent_nodes[i], "parent", "unknown actor '" + parent + "'");
        lex.m_parent_index[i] = static_cast<int>(it - lex.m_actors.begin());
    }
    for (std::size_t i = 0; i < lex.m_actors.size(); ++i) {
        int p = lex.m_parent_index[i];
        for (std::size_t steps = 0; p >= 0; ++steps) {
            if (steps > lex.m_actors.size() || static_cast<std::size_t>(p) == i)
                lexicon::fail(path, parent_nodes[i], "parent", "cycle through '" + lex.m_actors[i].canonical + "'");
            p = lex.m_parent_index[static_cast<std::size_t>(p)];
        }
    }

    auto add_alias = [&](alias a, bool case_sensitive, YAML::Node const &node) {
        for (auto const &t : tokenize(a.text))
            if (is_bracket(t))
                lexicon::fail(path, node, "aliases",
                              "alias '" + a.text + "' has '" + t.norm + "'; list the spellings without it");
        std::string keys;
        for (auto const &t : alias_tokens(a.text)) {
            if (t.kind == token_kind::punct && t.norm != "&"sv)
                continue;
            if (!keys.empty())
                keys.push_back(' ');
            keys += t.norm;
            if (case_sensitive)
                a.shape.push_back(t.all_caps ? 2 : t.capitalised ? 1 : 0);
        }
        if (keys.empty())
            lexicon::fail(path, node, "aliases", "alias '" + a.text + "' has no words");
        if (a.only_in.empty()) // "al-Shabaab" names the Somali group even though Mozambique reuses it
            lex.m_by_name.emplace(keys, a.actor);
        lex.m_alias_matcher.add(keys, lex.m_aliases.size());
        lex.m_aliases.push_back(std::move(a));
    };

    std::size_t index = 0;
    for (auto const &entry : list) {
        actor const &owner = lex.m_actors[index];
        if (!owner.gtd_name.empty()) {
            std::string plain = owner.gtd_name.substr(0, owner.gtd_name.find('('));
            while (!plain.empty() && plain.back() == ' ')
                plain.pop_back();
            lex.m_by_name.emplace(key_of(owner.gtd_name), index);
            add_alias({index, plain, {}, context_rule::never, {}}, false, entry["gtd_name"]);
        }
        YAML::Node const aliases = required(path, entry, "aliases");
        if (!aliases.IsSequence() || aliases.size() == 0)
            lexicon::fail(path, aliases, "aliases", "expected a non-empty list for '" + owner.canonical + "'");
        for (auto const &item : aliases) {
            alias a;
            a.actor = index;
            bool case_sensitive = false;
            if (item.IsScalar()) {
                a.text = item.Scalar();
            } else if (item.IsMap()) {
                check_keys(path, item, {"name", "case_sensitive", "context", "only_in"}, "alias");
                a.text = get_string(path, item, "name");
                case_sensitive = get_bool(path, item, "case_sensitive", false);
                std::string const ctx = get_string(path, item, "context", false);
                if (ctx.empty())
                    a.context = case_sensitive ? context_rule::shouting : context_rule::never;
                else if (ctx == "never")
                    a.context = context_rule::never;
                else if (ctx == "shouting")
                    a.context = context_rule::shouting;
                else if (ctx == "always")
                    a.context = context_rule::always;
                else
                    lexicon::fail(path, item["context"], "context", "expected never, shouting or always, got '" + ctx + "'");
                a.only_in = get_strings(path, item, "only_in");
                for (auto const &c : a.only_in)
                    if (!is_iso2(c))
                        lexicon::fail(path, item["only_in"], "only_in", "'" + c + "' is not an ISO 3166-1 alpha-2 code");
            } else {
                lexicon::fail(path, item, "aliases", "expected a string or a map with 'name'");
            }
            add_alias(std::move(a), case_sensitive, item);
        }
        ++index;
    }
    return lex;
}

namespace {

/// The token after [i, i + n) / before i, looking past brackets ("(LeT) militants"); null at the edge.
token const *next_word(std::vector<token> const &tokens, std::size_t i, std::size_t n)
{
    for (std::size_t k = i + n; k < tokens.size(); ++k)
        if (!is_bracket(tokens[k]))
            return &tokens[k];
    return nullptr;
}

token const *previous_word(std::vector<token> const &tokens, std::size_t i)
{
    for (std::size_t k = i; k > 0; --k)
        if (!is_bracket(tokens[k - 1]))
            return &tokens[k - 1];
    return nullptr;
}

} // namespace

bool actor_lexicon::has_group_context(std::vector<token> const &tokens, std::size_t i, std::size_t n) const
{
    token const *next = next_word(tokens, i, n);
    if (next && m_group_after.contains(*next))
        return true;
    token const *previous = previous_word(tokens, i);
    return previous && m_group_before.contains(*previous);
}

bool actor_lexicon::accepts(alias const &a, std::vector<token> const &tokens, std::size_t i, std::size_t n,
                            std::string_view country) const
{
    if (!country.empty() && !a.only_in.empty() &&
        std::find(a.only_in.begin(), a.only_in.end(), country) == a.only_in.end())
        return false;
    if (a.shape.empty())
        return true;
    for (std::size_t k = 0; k < n && k < a.shape.size(); ++k) {
        token const &t = tokens[i + k];
        if ((a.shape[k] == 2 && !t.all_caps) || (a.shape[k] == 1 && !t.capitalised))
            return false;
    }
    // "an Islamic State" is an idea, "an IS fighter" or "a US drone" is not: acronyms are exempt.
    bool const has_acronym = std::find(a.shape.begin(), a.shape.end(), 2) != a.shape.end();
    token const *next = next_word(tokens, i, n);
    token const *previous = previous_word(tokens, i);
    bool const after_context = next && m_group_after.contains(*next);
    if (!has_acronym && previous && m_no_article.contains(*previous) && !after_context)
        return false;
    if (a.context == context_rule::never)
        return true;
    if (a.context == context_rule::always)
        return has_group_context(tokens, i, n);
    // Shouting text: every token passes the shape test, so "IS" may be the verb.
    std::size_t words = 0, caps = 0;
    std::size_t const lo = i >= 6 ? i - 6 : 0;
    std::size_t const hi = std::min(tokens.size(), i + n + 6);
    for (std::size_t k = lo; k < hi; ++k) {
        if (k >= i && k < i + n)
            continue;
        token const &t = tokens[k];
        if (t.kind != token_kind::word || t.norm.size() < 2)
            continue;
        ++words;
        if (t.all_caps)
            ++caps;
    }
    bool const shouting = words >= 3 && caps * 4 >= words * 3;
    return !shouting || has_group_context(tokens, i, n);
}

std::size_t actor_lexicon::choose(std::vector<std::size_t> const &candidates, std::string_view country) const
{
    if (!country.empty()) {
        for (std::size_t c : candidates) {
            auto const &a = m_aliases[c];
            auto const &countries = m_actors[a.actor].countries;
            if (std::find(a.only_in.begin(), a.only_in.end(), country) != a.only_in.end() ||
                std::find(countries.begin(), countries.end(), country) != countries.end())
                return c;
        }
    }
    // Without a country, an alias restricted to some countries is the weaker reading.
    for (std::size_t c : candidates)
        if (m_aliases[c].only_in.empty())
            return c;
    return candidates.front();
}

std::size_t actor_lexicon::match_alias(std::vector<token> const &tokens, std::size_t i, std::string_view country,
                                      std::size_t *alias_index, bool *shared) const
{
    auto const here = m_alias_matcher.matches_at(tokens, i);
    std::vector<std::size_t> passing;
    for (std::size_t k = 0; k < here.size();) {
        std::size_t const len = here[k].token_count;
        passing.clear();
        for (; k < here.size() && here[k].token_count == len; ++k)
            if (accepts(m_aliases[here[k].value], tokens, i, len, country))
                passing.push_back(here[k].value);
        if (passing.empty())
            continue;
        *alias_index = choose(passing, country);
        std::size_t const owner = m_aliases[*alias_index].actor;
        *shared = std::any_of(passing.begin(), passing.end(), [&](std::size_t c) { return m_aliases[c].actor != owner; });
        return len;
    }
    return 0;
}

std::vector<actor_mention> actor_lexicon::find(std::vector<token> const &tokens, std::string_view country) const
{
    std::vector<actor_mention> mentions;
    std::vector<token> window; // "U.S. forces" read as [us, forces], with one token of left context
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t alias_index = 0, last = 0;
        bool shared = false;
        std::size_t const initialism = initialism_end(tokens, i);
        std::size_t len = 0;
        if (initialism != i) {
            window.clear();
            std::size_t const at = i > 0 ? 1 : 0;
            if (i > 0)
                window.push_back(tokens[i - 1]);
            window.push_back(join_initialism(tokens, i, initialism));
            for (std::size_t k = initialism + 1; k < tokens.size() && k <= initialism + 8; ++k)
                window.push_back(tokens[k]);
            if (std::size_t const n = match_alias(window, at, country, &alias_index, &shared)) {
                len = n;
                last = initialism + (n - 1);
            }
        }
        if (!len) {
            len = match_alias(tokens, i, country, &alias_index, &shared);
            last = i + len - 1;
        }
        if (!len) {
            ++i;
            continue;
        }
        alias const &chosen = m_aliases[alias_index];
        bool merged = false;
        if (!mentions.empty() && mentions.back().actor == chosen.actor) {
            // "Islamic State (IS)", "ISKP (Islamic State Khorasan Province)": one mention.
            std::size_t k = mentions.back().first_token + mentions.back().token_count;
            while (k < i && is_bracket(tokens[k]))
                ++k;
            merged = k == i;
        }
        if (merged) {
            mentions.back().token_count = last + 1 - mentions.back().first_token;
        } else {
            actor_mention m;
            m.actor = chosen.actor;
            m.first_token = i;
            m.token_count = last + 1 - i;
            m.rule = "alias '" + chosen.text + "'";
            if (shared || (!country.empty() && !chosen.only_in.empty()))
                m.rule += country.empty() ? " (first of several)" : " (country " + std::string(country) + ")";
            mentions.push_back(std::move(m));
        }
        i = last + 1;
    }
    if (mentions.empty())
        return mentions;

    for (auto &m : mentions) {
        // "Islamic State (IS)": take the closing bracket too when the opening one is inside.
        std::size_t const end = m.first_token + m.token_count;
        if (end < tokens.size() && tokens[end].norm == ")"sv)
            for (std::size_t k = m.first_token; k < end; ++k)
                if (tokens[k].norm == "("sv) {
                    ++m.token_count;
                    break;
                }
        m.begin = tokens[m.first_token].begin;
        m.end = tokens[m.first_token + m.token_count - 1].end;
    }
    assign_claims(tokens, mentions);
    for (auto &m : mentions) {
        std::string why;
        m.role = role_in(tokens, m.first_token, m.token_count, &why);
        if (m.role == actor_role::unknown && !m.denied && m.status != claim_status::none) {
            m.role = actor_role::perpetrator;
            why = "claim status";
        }
        if (m.role != actor_role::unknown)
            m.rule += "; " + std::string(to_string(m.role)) + ": " + why;
    }
    return mentions;
}

void actor_lexicon::assign_claims(std::vector<token> const &tokens, std::vector<actor_mention> &mentions) const
{
    // Only the sentences that name an actor are read for claim cues.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::vector<std::size_t> range_of(mentions.size());
    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
        auto const &m = mentions[mi];
        if (ranges.empty() || m.first_token >= ranges.back().second)
            ranges.push_back(lexicon::sentence_around(tokens, m.first_token, 0, tokens.size()));
        range_of[mi] = ranges.size() - 1;
    }
    std::vector<int> best(mentions.size(), 0);

    for (std::size_t r = 0; r < ranges.size(); ++r) {
        auto const [sb, se] = ranges[r];
        for (std::size_t c = sb; c < se;) {
            auto const here = m_cue_matcher.matches_at(tokens, c);
            if (here.empty() || c + here.front().token_count > se) {
                ++c;
                continue;
            }
            std::size_t const len = here.front().token_count;
            bool inside = false;
            for (auto const &m : mentions)
                inside = inside || (c >= m.first_token && c < m.first_token + m.token_count);
            bool negated = false;
            for (std::size_t k = 1; k <= 4 && c >= sb + k && !negated; ++k)
                negated = m_negators.contains(tokens[c - k]);

            for (std::size_t h = 0; h < here.size() && here[h].token_count == len && !inside && !negated; ++h) {
                cue const &q = m_cues[here[h].value];
                int chosen = -1;
                if (q.kind == cue_kind::claimed_adjacent) {
                    bool casualty = false; // "claimed 20 lives"
                    for (std::size_t k = c + len; k < se && k < c + len + 3 && !casualty; ++k)
                        casualty = m_not_followed_by.contains(tokens[k]);
                    if (casualty)
                        continue;
                    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
                        auto const &m = mentions[mi];
                        std::size_t const end = m.first_token + m.token_count;
                        if (range_of[mi] != r)
                            continue;
                        if (end <= c && c - end <= 3)
                            chosen = static_cast<int>(mi); // "IS (fighters) claimed": the last one before wins
                        std::size_t after = c + len;
                        if (after < se && tokens[after].norm == "by"sv) {
                            ++after;
                            if (after < se && tokens[after].norm == "the"sv)
                                ++after;
                            if (m.first_token == after)
                                chosen = static_cast<int>(mi);
                        }
                    }
                } else {
                    // Nearest mention in the sentence; the subject side is preferred for claims and
                    // denials ("IS claimed"), the object side for blame and suspicion ("blamed IS").
                    bool const prefer_before = q.kind == cue_kind::claimed || q.kind == cue_kind::denied;
                    std::size_t best_distance = static_cast<std::size_t>(-1);
                    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
                        auto const &m = mentions[mi];
                        if (range_of[mi] != r)
                            continue;
                        std::size_t const end = m.first_token + m.token_count;
                        bool const before = end <= c;
                        std::size_t distance = before ? c - end : m.first_token - (c + len);
                        if (before != prefer_before)
                            distance += 3;
                        if (distance < best_distance) {
                            best_distance = distance;
                            chosen = static_cast<int>(mi);
                        }
                    }
                }
                if (chosen < 0)
                    continue;
                auto &m = mentions[static_cast<std::size_t>(chosen)];
                claim_status status = claim_status::none;
                bool denied = false;
                char const *label = "";
                switch (q.kind) {
                case cue_kind::claimed:
                case cue_kind::claimed_adjacent: status = claim_status::claimed; label = "claimed"; break;
                case cue_kind::blamed: status = claim_status::blamed; label = "blamed"; break;
                case cue_kind::suspected: status = claim_status::suspected; label = "suspected"; break;
                case cue_kind::denied: denied = true; label = "denied"; break;
                }
                int const rk = rank(status, denied);
                if (rk > best[static_cast<std::size_t>(chosen)]) {
                    best[static_cast<std::size_t>(chosen)] = rk;
                    m.status = status;
                    m.denied = denied;
                    m.rule += std::string("; ") + label + ": '" + q.text + "'";
                }
            }
            c += len;
        }
    }
}

actor_role actor_lexicon::role_in(std::vector<token> const &tokens, std::size_t first, std::size_t count,
                                  std::string *why) const
{
    auto const [sb, se] = lexicon::sentence_around(tokens, first, 0, tokens.size());
    auto note = [&](char const *side, std::size_t value) {
        if (why)
            *why = std::string(side) + " '" + m_role_phrases[value] + "'";
    };

    // Left of the mention: walk back over skippable words, trying the reversed cue phrases.
    std::vector<token> left;
    for (std::size_t k = first; k > sb && left.size() < 10; --k)
        left.push_back(tokens[k - 1]);
    for (std::size_t offset = 0; offset < left.size(); ++offset) {
        auto const target = m_target_before.matches_at(left, offset);
        auto const perp = m_perp_before.matches_at(left, offset);
        if (!target.empty() || !perp.empty()) {
            bool const is_target = perp.empty() || (!target.empty() && target.front().token_count > perp.front().token_count);
            if (is_target) {
                note("before", target.front().value);
                return actor_role::target;
            }
            note("before", perp.front().value);
            return actor_role::perpetrator;
        }
        token const &t = left[offset];
        if (!(m_role_skip.contains(t) || is_bracket(t) || t.kind == token_kind::number || lexicon::is_quantity(t)) ||
            offset >= 4)
            break;
    }

    // Right of the mention: perpetrator nouns and verbs, or signs that it was attacked.
    std::size_t j = first + count;
    for (std::size_t skipped = 0; j < se && skipped <= 3;) {
        if (auto m = m_perp_nouns.matches_at(tokens, j); !m.empty()) {
            note("after", m.front().value);
            return actor_role::perpetrator;
        }
        if (auto m = m_target_after.matches_at(tokens, j); !m.empty()) {
            note("after", m.front().value);
            return actor_role::target;
        }
        if (auto m = m_perp_after.matches_at(tokens, j); !m.empty()) {
            note("after", m.front().value);
            return actor_role::perpetrator;
        }
        if (!m_neutral_nouns.contains(tokens[j]) && !is_bracket(tokens[j]))
            break;
        ++j;
        ++skipped;
    }
    return actor_role::unknown;
}

actor_role actor_lexicon::role_of(std::vector<token> const &tokens, actor_mention const &m) const
{
    if (m.first_token >= tokens.size())
        return actor_role::unknown;
    actor_role r = role_in(tokens, m.first_token, std::min(m.token_count, tokens.size() - m.first_token), nullptr);
    if (r == actor_role::unknown && !m.denied && m.status != claim_status::none)
        r = actor_role::perpetrator;
    return r;
}

int actor_lexicon::resolve(std::string const &name) const
{
    auto const it = m_by_name.find(key_of(name));
    return it == m_by_name.end() ? -1 : static_cast<int>(it->second);
}

bool actor_lexicon::is_ancestor(std::size_t ancestor, std::size_t of) const
{
    int p = m_parent_index[of];
    for (std::size_t steps = 0; p >= 0 && steps <= m_actors.size(); ++steps) {
        if (static_cast<std::size_t>(p) == ancestor)
            return true;
        p = m_parent_index[static_cast<std::size_t>(p)];
    }
    return false;
}

bool actor_lexicon::compatible(std::string const &a, std::string const &b) const
{
    if (a.empty() || b.empty())
        return true;
    int const ia = resolve(a);
    int const ib = resolve(b);
    // A name outside the lexicon is a lone attacker's ("Payton S. Gendron"): another outlet may
    // name the group behind them, or write the name shorter ("Payton Gendron", "Gendron").
    if (ia < 0 && ib < 0) {
        auto const ka = phrase_keys(a), kb = phrase_keys(b);
        return !ka.empty() && !kb.empty() && ka.back() == kb.back();
    }
    if (ia < 0 || ib < 0)
        return true;
    auto const ua = static_cast<std::size_t>(ia);
    auto const ub = static_cast<std::size_t>(ib);
    return ua == ub || is_ancestor(ua, ub) || is_ancestor(ub, ua);
}

std::string const &actor_lexicon::parent_of(std::string const &name) const
{
    static std::string const none;
    int const i = resolve(name);
    return i < 0 ? none : m_actors[static_cast<std::size_t>(i)].parent;
}

std::string const &actor_lexicon::canonical_of(std::string const &name) const
{
    static std::string const none;
    int const i = resolve(name);
    return i < 0 ? none : m_actors[static_cast<std::size_t>(i)].canonical;
}

std::vector<std::string> actor_lexicon::name_words() const
{
    std::vector<std::string> words;
    auto add = [&](std::string const &name) {
        for (auto &w : phrase_keys(name))
            words.push_back(std::move(w));
    };
    for (auto const &a : m_actors) {
        add(a.canonical);
        add(a.gtd_name);
    }
    for (auto const &a : m_aliases)
        add(a.text);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

std::vector<std::string> actor_lexicon::aliases_of(std::size_t index) const
{
    std::vector<std::string> out;
    for (auto const &a : m_aliases)
        if (a.actor == index && std::find(out.begin(), out.end(), a.text) == out.end())
            out.push_back(a.text);
    return out;
}

} // namespace etl::extract
