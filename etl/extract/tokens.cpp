#include "extract/tokens.hpp"

#include <algorithm>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/// Length of the UTF-8 sequence starting with lead byte c (1 for invalid leads).
std::size_t utf8_length(unsigned char c)
{
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) return 2;
    if ((c & 0xF0) == 0xE0) return 3;
    if ((c & 0xF8) == 0xF0) return 4;
    return 1;
}

/// Code point of a 2-byte sequence, or 0.
unsigned two_byte_code_point(std::string_view s, std::size_t i)
{
    if (i + 1 >= s.size())
        return 0;
    return ((static_cast<unsigned char>(s[i]) & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
}

/// ASCII letter for a Latin-1 Supplement / Latin Extended-A letter, or 0 when it has none.
char fold_code_point(unsigned cp)
{
    static char const latin1[] = // U+00C0 .. U+00FF
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) { // Latin Extended-A: pairs of upper/lower case
        static char const ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
        std::size_t const idx = cp - 0x100;
        return idx < sizeof ext_a - 1 ? ext_a[idx] : 0;
    }
    return 0;
}

bool is_upper_code_point(unsigned cp)
{
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
}

/// Is the character at i part of a word (letter, digit, or any non-ASCII letter-like byte)?
bool is_word_byte(unsigned char c) { return is_ascii_alpha(c) || is_digit(c) || c >= 0x80; }

} // namespace

std::string fold(std::string_view text)
{
    // Folding never lengthens the text, so it is written in place and trimmed at the end.
    std::string out(text.size(), '\0');
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto const c = static_cast<unsigned char>(text[i]);
        std::size_t const len = utf8_length(c);
        char const f = len == 2 ? fold_code_point(two_byte_code_point(text, i)) : 0;
        if (c < 0x80) {
            out[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (f) {
            out[n++] = f;
        } else {
            std::size_t const copied = std::min(len, text.size() - i);
            text.copy(&out[n], copied, i);
            n += copied;
        }
        i += len;
    }
    out.resize(n);
    return out;
}

std::vector<token> tokenize(std::string_view text, std::size_t base)
{
    std::vector<token> tokens;
    tokens.reserve(text.size() / 4 + 1); // running text has about one token per five bytes
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (is_digit(c)) {
            // A number: digits with internal thousands commas or a decimal point.
            std::size_t j = i;
            std::string norm;
            while (j < text.size()) {
                auto const d = static_cast<unsigned char>(text[j]);
                if (is_digit(d)) {
                    norm.push_back(static_cast<char>(d));
                    ++j;
                } else if ((d == ',' || d == '.') && j + 1 < text.size() &&
                           is_digit(static_cast<unsigned char>(text[j + 1])) && j > i) {
                    if (d == '.')
                        norm.push_back('.');
                    ++j;
                } else {
                    break;
                }
            }
            // "3rd", "1990s", "7th": digits glued to letters stay one word token.
            if (j < text.size() && is_ascii_alpha(static_cast<unsigned char>(text[j]))) {
                std::size_t k = j;
                while (k < text.size() && is_word_byte(static_cast<unsigned char>(text[k])))
                    ++k;
                tokens.push_back({base + i, base + k, fold(text.substr(i, k - i)), token_kind::word, false, false});
                i = k;
                continue;
            }
            tokens.push_back({base + i, base + j, norm, token_kind::number, false, false});
            i = j;
            continue;
        }
        if (is_word_byte(c)) {
            std::size_t j = i;
            bool has_lower = false;
            int letters = 0;
            while (j < text.size()) {
                auto const d = static_cast<unsigned char>(text[j]);
                if (!is_word_byte(d))
                    break;
                // Typographic punctuation (U+2000..U+206F: dashes, quotes) ends a word.
                if (d == 0xE2 && j + 1 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80)
                    break;
                if (d >= 'a' && d <= 'z')
                    has_lower = true;
                if (is_ascii_alpha(d))
                    ++letters;
                if (d >= 0x80) {
                    std::size_t const len = utf8_length(d);
                    if (len == 2) {
                        unsigned const cp = two_byte_code_point(text, j);
                        if (fold_code_point(cp)) {
                            ++letters;
                            if (!is_upper_code_point(cp))
                                has_lower = true;
                        }
                    }
                    j += len;
                } else {
                    ++j;
                }
            }
            j = std::min(j, text.size());
            if (j == i) { // a lone typographic mark
                std::size_t const len = std::min(utf8_length(c), text.size() - i);
                tokens.push_back({base + i, base + i + len, std::string(text.substr(i, len)), token_kind::punct});
                i += len;
                continue;
            }
            token t{base + i, base + j, fold(text.substr(i, j - i)), token_kind::word, false, false};
            if (is_ascii_alpha(c) && c >= 'A' && c <= 'Z')
                t.capitalised = true;
            else if (c >= 0x80 && utf8_length(c) == 2 && is_upper_code_point(two_byte_code_point(text, i)))
                t.capitalised = true;
            t.all_caps = t.capitalised && !has_lower && letters >= 2;
            tokens.push_back(std::move(t));
            i = j;
            continue;
        }
        // Possessive "'s" after a word is dropped; other apostrophes too. The word keeps the
        // possessive as a flag: "Kabul's National Military Hospital" ends a name at "Kabul".
        if (c == '\'') {
            bool const after_word = i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]));
            auto const word_at = [&](std::size_t k) {
                return k < text.size() && is_word_byte(static_cast<unsigned char>(text[k]));
            };
            auto const mark_possessive = [&] {
                if (!tokens.empty() && tokens.back().end == base + i && tokens.back().kind == token_kind::word)
                    tokens.back().possessive = true;
            };
            if (after_word && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') && !word_at(i + 2)) {
                mark_possessive();
                i += 2;
                continue;
            }
            // "Philippines' south": a plural possessive.
            if (after_word && (text[i - 1] == 's' || text[i - 1] == 'S') && !word_at(i + 1))
                mark_possessive();
            ++i;
            continue;
        }
        if (c == '-') { // hyphens join nothing: "ISIS-K" is [isis, k]
            ++i;
            continue;
        }
        tokens.push_back({base + i, base + i + 1, std::string(1, static_cast<char>(c)), token_kind::punct});
        ++i;
    }
    for (auto &t : tokens)
        look_up_word(t);
    return tokens;
}

void look_up_word(token &t)
{
    t.word = vocabulary::find(t.norm);
    t.vocabulary_size = vocabulary::size();
}

std::vector<std::string> phrase_keys(std::string_view phrase)
{
    std::vector<std::string> keys;
    for (auto &t : tokenize(phrase))
        if (t.kind != token_kind::punct || t.norm == "&"sv)
            keys.push_back(std::move(t.norm));
    return keys;
}

void phrase_matcher::add(std::string_view phrase, std::size_t value)
{
    auto const keys = phrase_keys(phrase);
    if (keys.empty())
        return;
    word_id const first = vocabulary::intern(keys.front());
    if (first >= m_first_words.size())
        m_first_words.resize(first + 1);
    m_first_words[first] = true;
    node parent = root;
    std::size_t slot = 0;
    for (auto const &key : keys) {
        word_id const word = vocabulary::intern(key);
        if (2 * (m_edge_count + 1) > m_edges.size())
            grow();
        slot = slot_of(parent, word);
        if (m_edges[slot].parent == no_node)
            m_edges[slot] = {parent, word, static_cast<node>(++m_edge_count), no_values};
        parent = m_edges[slot].child;
    }
    auto &last = m_edges[slot];
    if (last.values == no_values) {
        last.values = static_cast<std::uint32_t>(m_value_lists.size());
        m_value_lists.emplace_back();
    }
    m_value_lists[last.values].push_back(value);
    ++m_count;
}

std::size_t phrase_matcher::slot_of(node parent, word_id word) const
{
    std::size_t const mask = m_edges.size() - 1;
    std::uint64_t const key = (std::uint64_t{parent} << 32) | word;
    for (std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 40 & mask;; i = (i + 1) & mask) {
        edge const &e = m_edges[i];
        if (e.parent == no_node || (e.parent == parent && e.word == word))
            return i;
    }
}

phrase_matcher::edge const *phrase_matcher::find_edge(node parent, word_id word) const
{
    if (word == unknown_word)
        return nullptr;
    edge const &e = m_edges[slot_of(parent, word)];
    return e.parent == no_node ? nullptr : &e;
}

void phrase_matcher::grow()
{
    std::vector<edge> old(2 * m_edges.size());
    old.swap(m_edges);
    for (auto const &e : old)
        if (e.parent != no_node)
            m_edges[slot_of(e.parent, e.word)] = e;
}

std::vector<phrase_match> phrase_matcher::walk(std::vector<token> const &tokens, std::size_t i) const
{
    std::vector<phrase_match> found;
    node at = root;
    for (std::size_t k = i; k < tokens.size(); ++k) {
        edge const *e = find_edge(at, word_of(tokens[k]));
        if (!e)
            break;
        at = e->child;
        if (e->values == no_values)
            continue;
        // Each longer match goes in front of the shorter ones found so far.
        auto const &values = m_value_lists[e->values];
        std::size_t const count = k - i + 1;
        found.insert(found.begin(), values.size(), phrase_match{});
        for (std::size_t v = 0; v < values.size(); ++v)
            found[v] = {i, count, values[v]};
    }
    return found;
}

std::vector<phrase_match> phrase_matcher::find_all(std::vector<token> const &tokens) const
{
    std::vector<phrase_match> found;
    for (std::size_t i = 0; i < tokens.size();) {
        auto here = matches_at(tokens, i);
        if (here.empty()) {
            ++i;
            continue;
        }
        std::size_t const len = here.front().token_count;
        for (auto &m : here)
            if (m.token_count == len)
                found.push_back(m);
        i += len;
    }
    return found;
}

} // namespace etl::extract
