#pragma once
// Integer ids for the folded token keys that lexicons match on. Lexicons intern the words of
// their phrases while they load; tokenize() looks every token's norm up once, so a phrase
// matcher compares integers, and a word no lexicon knows (unknown_word) is rejected at once.
//
// The table is process-wide and only grows. Interning is not synchronised: it must not run
// while other threads tokenize or match, so every lexicon is loaded before extraction starts.

#include <cstdint>
#include <string_view>

namespace etl::extract {

using word_id = std::uint32_t;

inline constexpr word_id unknown_word = 0;

namespace vocabulary {

/// The id of `key`, added to the vocabulary when new.
word_id intern(std::string_view key);

/// The id of `key`, or unknown_word.
word_id find(std::string_view key);

namespace detail {
/// Only intern() changes it; a variable rather than a function so that word_of() costs no call.
inline std::uint32_t word_count = 0;
} // namespace detail

/// How many words are known. Grows as lexicons load.
inline std::uint32_t size() { return detail::word_count; }

} // namespace vocabulary

} // namespace etl::extract
