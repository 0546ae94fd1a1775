#pragma once
// Word tokens with character offsets, and a longest-match phrase matcher over them.
// Every lexicon (places, groups, categories, triggers) matches through these, so a
// spelling variant such as "al-Shabaab" / "Al Shabaab" / "AL SHABAAB" is one key.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
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
};

/// Splits text into words (letters and digits; hyphens split words: "Mazar-i-Sharif" is three
/// tokens), numbers ("1,000", "3.5") and single punctuation marks. A possessive "'s" is dropped
/// and the word before it marked `possessive`; so is a word ending in "s" before a lone "'".
/// Offsets are byte offsets into `text` plus `base`.
std::vector<token> tokenize(std::string_view text, std::size_t base = 0);

/// Lower-cases ASCII and folds common Latin-1/Latin Extended-A letters to ASCII ("Ã©" -> "e").
std::string fold(std::string_view text);

/// Splits a phrase into the normalised token keys that tokenize() would produce.
std::vector<std::string> phrase_keys(std::string_view phrase);

struct phrase_match {
    std::size_t first_token = 0; ///< index into the token vector
    std::size_t token_count = 0;
    std::size_t value = 0;       ///< the id given to add()
};

/// Longest-match dictionary of multi-token phrases. Built once; lookups are hash probes.
class phrase_matcher {
public:
    /// Adds `phrase` (any spelling; it is tokenized and folded) with an id. Duplicates keep all ids.
    void add(std::string_view phrase, std::size_t value);

    /// All matches starting at token i, longest first.
    std::vector<phrase_match> matches_at(std::vector<token> const &tokens, std::size_t i) const;

    /// Non-overlapping longest matches, left to right.
    std::vector<phrase_match> find_all(std::vector<token> const &tokens) const;

    std::size_t size() const { return m_count; }

private:
    struct entry {
        std::vector<std::string> rest; ///< tokens after the first
        std::size_t value;
    };
    std::unordered_map<std::string, std::vector<entry>> m_by_first;
    std::size_t m_count = 0;
};

} // namespace etl::extract
