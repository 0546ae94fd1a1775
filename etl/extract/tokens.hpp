#pragma once
// Word tokens with character offsets, and a longest-match phrase matcher over them.
// Every lexicon (places, groups, categories, triggers) matches through these, so a
// spelling variant such as "al-Shabaab" / "Al Shabaab" / "AL SHABAAB" is one key.

#include "extract/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace etl::extract {

enum class token_kind { word, number, punct };

struct token {
    std::size_t begin = 0;     ///< byte offset in the text given to tokenize() (plus its base offset)
    std::size_t end = 0;
    std::string norm;          ///< lower-case, Latin diacritics folded; numbers without separators ("1,000" -> "1000")
    token_kind kind = token_kind::word;
    bool capitalised = false;  ///< first letter upper-case in the text
    bool all_caps = false;     ///< every letter upper-case (and at least two letters)
    bool possessive = false;   ///< followed by a possessive "'s" (or "s'") that tokenize() dropped
    word_id word = unknown_word; ///< `norm` in the vocabulary when tokenized; read it through word_of()
    std::uint32_t vocabulary_size = 0; ///< vocabulary::size() when `word` was looked up
};

/// Sets t.word from t.norm; tokenize() does it for every token, code that changes a norm must too.
void look_up_word(token &t);

/// The vocabulary id of t.norm. A token the vocabulary did not know when it was made is looked
/// up again if lexicons have loaded since.
inline word_id word_of(token const &t)
{
    if (t.word != unknown_word || t.vocabulary_size == vocabulary::size())
        return t.word;
    return vocabulary::find(t.norm);
}

/// Splits text into words (letters and digits; hyphens split words: "Mazar-i-Sharif" is three
/// tokens), numbers ("1,000", "3.5") and single punctuation marks. A possessive "'s" is dropped
/// and the word before it marked `possessive`; so is a word ending in "s" before a lone "'".
/// Offsets are byte offsets into `text` plus `base`.
std::vector<token> tokenize(std::string_view text, std::size_t base = 0);

/// Lower-cases ASCII and folds common Latin-1/Latin Extended-A letters to ASCII ("Ã©" -> "e").
std::string fold(std::string_view text);

/// Splits a phrase into the normalised token keys that tokenize() would produce.
std::vector<std::string> phrase_keys(std::string_view phrase);

/// A table of single words, looked up by a token's vocabulary id rather than by hashing its
/// norm. Building it interns its words, so build it during static initialisation or while
/// lexicons load, never while other threads tokenize (vocabulary.hpp).
template <typename T> class word_table {
public:
    word_table() = default;
    /// `entries` keyed by folded words, as tokenize() gives them in `norm`.
    explicit word_table(std::unordered_map<std::string, T> const &entries)
    {
        for (auto const &[word, value] : entries)
            insert(word, value);
    }

    /// Adds `word` (folded) with `value`, unless it is there already.
    void insert(std::string_view word, T const &value)
    {
        word_id const id = vocabulary::intern(word);
        if (m_slots[slot_of(id)].first == id)
            return;
        if (2 * (m_count + 1) > m_slots.size()) {
            auto const previous = std::move(m_slots);
            m_slots.assign(2 * previous.size(), entry{unknown_word, T{}});
            --m_shift;
            for (auto const &e : previous)
                if (e.first != unknown_word)
                    m_slots[slot_of(e.first)] = e;
        }
        m_slots[slot_of(id)] = {id, value};
        ++m_count;
    }

    bool empty() const { return m_count == 0; }

    /// The entry for the token's word, or nullptr.
    T const *find(token const &t) const
    {
        word_id const word = word_of(t);
        if (word == unknown_word)
            return nullptr;
        entry const &e = m_slots[slot_of(word)];
        return e.first == word ? &e.second : nullptr;
    }

private:
    using entry = std::pair<word_id, T>;

    /// The slot holding `word`, or the empty one where it would go. A multiplicative hash: the
    /// words of one list are mostly interned together, and consecutive ids in consecutive slots
    /// would make one long run for every absent word to probe through.
    std::size_t slot_of(word_id word) const
    {
        std::size_t const mask = m_slots.size() - 1;
        std::size_t i = (std::uint64_t{word} * 0x9E3779B97F4A7C15ull) >> m_shift;
        while (m_slots[i].first != unknown_word && m_slots[i].first != word)
            i = (i + 1) & mask;
        return i;
    }

    /// Open addressing; a power of two, at most half full. unknown_word: empty.
    std::vector<entry> m_slots = std::vector<entry>(2, entry{unknown_word, T{}});
    unsigned m_shift = 63; ///< 64 - log2(m_slots.size())
    std::size_t m_count = 0;
};

/// A set of single words, tested by a token's vocabulary id rather than by hashing its norm.
/// Building it interns its words, so build it during static initialisation or while lexicons
/// load, never while other threads tokenize (vocabulary.hpp).
class word_set {
public:
    word_set() = default;
    /// Folded words, as tokenize() gives them in `norm`.
    word_set(std::initializer_list<std::string_view> words)
    {
        for (auto const word : words)
            insert(word);
    }

    void insert(std::string_view word) { m_words.insert(word, true); }
    bool empty() const { return m_words.empty(); }
    bool contains(token const &t) const { return m_words.find(t) != nullptr; }

private:
    word_table<bool> m_words;
};

struct phrase_match {
    std::size_t first_token = 0; ///< index into the token vector
    std::size_t token_count = 0;
    std::size_t value = 0;       ///< the id given to add()
};

/// Longest-match dictionary of multi-token phrases: a trie over vocabulary ids. Built once; each
/// token of a match costs one integer probe, and a word no lexicon knows is rejected at once.
class phrase_matcher {
public:
    /// Adds `phrase` (any spelling; it is tokenized and folded, its words interned) with an id.
    /// Duplicates keep all ids.
    void add(std::string_view phrase, std::size_t value);

    /// Does any phrase start with this token's word?
    bool may_start(token const &t) const { return starts(word_of(t)); }

    /// All matches starting at token i, longest first (equal lengths in the order added).
    std::vector<phrase_match> matches_at(std::vector<token> const &tokens, std::size_t i) const
    {
        if (i >= tokens.size() || !may_start(tokens[i]))
            return {};
        return walk(tokens, i);
    }

    /// Non-overlapping longest matches, left to right.
    std::vector<phrase_match> find_all(std::vector<token> const &tokens) const;

    std::size_t size() const { return m_count; }

private:
    using node = std::uint32_t;
    static constexpr node root = 0;
    static constexpr node no_node = 0xFFFFFFFFu;
    static constexpr std::uint32_t no_values = 0;

    /// An edge of the trie, in an open-addressing table keyed by (parent, word).
    struct edge {
        node parent = no_node; ///< no_node: empty slot
        word_id word = unknown_word;
        node child = no_node;
        std::uint32_t values = no_values; ///< index into m_value_lists when phrases end at the child
    };

    bool starts(word_id word) const { return word < m_first_words.size() && m_first_words[word]; }
    /// matches_at() once tokens[i] is known to start a phrase.
    std::vector<phrase_match> walk(std::vector<token> const &tokens, std::size_t i) const;
    /// The edge from `parent` by `word`, or nullptr.
    edge const *find_edge(node parent, word_id word) const;
    std::size_t slot_of(node parent, word_id word) const;
    void grow();

    /// By word id: does a phrase start with the word? Small enough to stay in cache, so most tokens
    /// are rejected without probing the edges.
    std::vector<bool> m_first_words;
    std::vector<edge> m_edges = std::vector<edge>(16); ///< size a power of two, at most half full
    std::size_t m_edge_count = 0; ///< also the number of nodes besides the root
    /// The ids of the phrases ending at a node, in the order added; list 0 stays empty.
    std::vector<std::vector<std::size_t>> m_value_lists = std::vector<std::vector<std::size_t>>(1);
    std::size_t m_count = 0;
};

} // namespace etl::extract
