#include "extract/named_perpetrators.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_map>

namespace etl::extract {

using namespace std::string_view_literals;

using lexicon::get_strings;

named_perpetrator_finder named_perpetrator_finder::load(std::string const &path)
{
    YAML::Node const root = lexicon::load_file(path);
    named_perpetrator_finder f;
    f.m_skip = lexicon::word_set(path, root, "skip");
    f.m_suffixes = lexicon::word_set(path, root, "suffixes");
    f.m_not_names = lexicon::word_set(path, root, "not_names");
    f.m_titles = lexicon::word_set(path, root, "titles");
    f.m_apposition_openers = lexicon::word_set(path, root, "apposition_openers");
    auto const add = [&](phrase_matcher &m, char const *key, bool reversed) {
        for (auto const &p : get_strings(path, root, key, true)) {
            m.add(reversed ? lexicon::reversed_key(p) : p, f.m_phrases.size());
            f.m_phrases.push_back(p);
        }
    };
    add(f.m_roles, "roles", true);
    // a role noun opening a sentence ("Suspect Wade Michael Page ...") is no part of the name
    for (auto const &role : get_strings(path, root, "roles", true))
        for (auto const &word : phrase_keys(role))
            f.m_not_names.insert(word);
    add(f.m_before, "before", true);
    add(f.m_after, "after", false);
    return f;
}

std::size_t named_perpetrator_finder::name_end(std::vector<token> const &tokens, std::size_t i,
                                               std::size_t last) const
{
    auto const name_word = [&](std::size_t k) {
        token const &t = tokens[k];
        return t.kind == token_kind::word && t.capitalised && !t.all_caps && t.norm.size() >= 2 &&
               !m_not_names.contains(t) && !m_titles.contains(t);
    };
    if (i >= last || !name_word(i))
        return i;
    std::size_t k = i + 1;
    int words = 1;
    while (k < last && words < 4) {
        token const &t = tokens[k];
        bool const initial = t.kind == token_kind::word && t.capitalised && t.norm.size() == 1 && k + 1 < last &&
                             tokens[k + 1].norm == "."sv;
        if (initial) {
            k += 2;
        } else if (words >= 2 && m_suffixes.contains(t)) {
            ++k;
            if (k < last && tokens[k].norm == "."sv && t.norm.size() == 2)
                ++k;
            break;
        } else if (name_word(k) && !t.possessive && !tokens[k - 1].possessive) {
            ++k;
            ++words;
        } else {
            break;
        }
    }
    return words >= 2 ? k : i;
}

std::string named_perpetrator_finder::cue_before(std::vector<token> const &tokens, std::size_t name,
                                                 std::size_t first) const
{
    std::vector<token> left;
    for (std::size_t k = name; k > first && left.size() < 8; --k)
        left.push_back(tokens[k - 1]);
    for (std::size_t offset = 0; offset < left.size(); ++offset) {
        for (auto const *m : {&m_before, &m_roles})
            if (auto const found = m->matches_at(left, offset); !found.empty())
                return m_phrases[found.front().value];
        if (!m_skip.contains(left[offset]) || offset >= 4)
            break;
    }
    return {};
}

std::string named_perpetrator_finder::cue_after(std::vector<token> const &tokens, std::size_t end,
                                                std::size_t last) const
{
    // an apposition first: "Marcus Reed, 24, was charged", "Payton S. Gendron, 18, of Conklin in
    // Broome County, was arraigned", "Aldrich, who was arrested in 2021, faces ..."
    std::size_t k = end;
    if (k + 1 < last && tokens[k].norm == ","sv &&
        (tokens[k + 1].kind == token_kind::number || m_apposition_openers.contains(tokens[k + 1]))) {
        std::size_t close = k + 1;
        while (close < last && close < k + 16 && tokens[close].norm != "."sv && tokens[close].norm != ";"sv) {
            // the age and the home town may be two appositions: ", 18, of Conklin,"
            if (tokens[close].norm == ","sv && !(close + 1 < last && tokens[close + 1].norm == "of"sv))
                break;
            ++close;
        }
        if (close < last && tokens[close].norm == ","sv)
            k = close + 1;
    }
    if (auto const found = m_after.matches_at(tokens, k); !found.empty() && k + found.front().token_count <= last)
        return m_phrases[found.front().value];
    return {};
}

std::vector<named_perpetrator> named_perpetrator_finder::find(
    std::vector<token> const &tokens, std::size_t first, std::size_t last,
    std::vector<std::pair<std::size_t, std::size_t>> const &excluded) const
{
    // Full names, then their cues: at the name itself or at a later mention of its surname
    // alone ("Anderson Lee Aldrich slumped in a chair ... Aldrich faces five counts of murder").
    std::vector<named_perpetrator> names;
    last = std::min(last, tokens.size());
    for (std::size_t i = first; i < last;) {
        // only a capitalised word can start a name: most tokens need no further test
        if (tokens[i].kind != token_kind::word || !tokens[i].capitalised) {
            ++i;
            continue;
        }
        // a name starts after a word that is not itself capitalised (or is a title)
        bool const inside_run = i > first && tokens[i - 1].kind == token_kind::word && tokens[i - 1].capitalised &&
                                !tokens[i - 1].all_caps && !m_not_names.contains(tokens[i - 1]);
        // "Sheriff Michael Bouchard", "Sgt. Tom Miller"; not "... said the sheriff. Ethan Crumbley"
        bool const after_title =
            i > first && (m_titles.contains(tokens[i - 1]) ||
                          (tokens[i - 1].norm == "."sv && i > first + 1 && m_titles.contains(tokens[i - 2]) &&
                           tokens[i - 2].capitalised && tokens[i - 2].norm.size() <= 4));
        std::size_t const end = inside_run || after_title ? i : name_end(tokens, i, last);
        if (end == i) {
            ++i;
            continue;
        }
        // "Colorado Springs", "Islamic State" are no names; "Anderson Lee Aldrich" is one though
        // Anderson is also a town
        bool const taken = std::any_of(excluded.begin(), excluded.end(), [&](auto const &span) {
            return span.first < end && end <= span.first + span.second;
        });
        if (!taken)
            names.push_back({i, end - i, {}});
        i = end;
    }

    // The surname: the last name word, before any suffix or initial.
    auto const surname_of = [&](named_perpetrator const &n) {
        std::size_t k = n.first_token + n.token_count - 1;
        while (k > n.first_token &&
               (m_suffixes.contains(tokens[k]) || tokens[k].norm == "."sv || tokens[k].norm.size() == 1))
            --k;
        return tokens[k].norm;
    };
    std::unordered_map<std::string, std::vector<std::size_t>> waiting; // surname -> names without a cue
    for (std::size_t ni = 0; ni < names.size(); ++ni) {
        auto &n = names[ni];
        n.cue = cue_before(tokens, n.first_token, first);
        if (n.cue.empty())
            n.cue = cue_after(tokens, n.first_token + n.token_count, last);
        if (n.cue.empty())
            waiting[surname_of(n)].push_back(ni);
    }
    // one pass over the later mentions of waiting surnames
    for (std::size_t k = first; k < last && !waiting.empty(); ++k) {
        token const &t = tokens[k];
        if (t.kind != token_kind::word || !t.capitalised || t.all_caps)
            continue;
        auto const it = waiting.find(t.norm);
        if (it == waiting.end())
            continue;
        std::string cue;
        for (std::size_t const ni : it->second) {
            auto &n = names[ni];
            if (!n.cue.empty() || k < n.first_token + n.token_count)
                continue;
            if (cue.empty())
                cue = cue_before(tokens, k, first);
            if (cue.empty())
                cue = cue_after(tokens, k + 1, last);
            if (cue.empty())
                break;
            n.cue = cue;
        }
    }
    std::vector<named_perpetrator> out;
    for (auto &n : names)
        if (!n.cue.empty())
            out.push_back(std::move(n));
    return out;
}

} // namespace etl::extract
