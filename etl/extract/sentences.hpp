#pragma once
// Sentence boundaries in clean article text, as byte offsets. A sentence is the unit of
// evidence: extractors read one (or a few neighbouring) sentences at a time.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace etl::extract {

enum class abbreviation_kind {
    title,         ///< never ends a sentence: "Mr.", "Gen.", "e.g.", "vs."
    before_number, ///< does not end a sentence before a number: "No. 5", "Aug. 6"
    ambiguous,     ///< ends a sentence only before a sentence-opening word ("The", "He"):
                   ///< "U.S.", "a.m.", "Inc.", "St.", state abbreviations
};

/// Abbreviations that a period does not necessarily end, plus the words that show a
/// sentence has begun after an ambiguous one. Loaded from config/lexicon/abbreviations.txt.
class abbreviation_list {
public:
    /// Throws config_error naming the file and line.
    static abbreviation_list from_file(std::string const &path);
    static abbreviation_list from_string(std::string_view content, std::string_view origin = "<string>");

    /// `abbreviation` as written, with its final period ("Gen.", "U.S.", "a.m.").
    /// Throws config_error when it has no final period.
    void add(std::string_view abbreviation, abbreviation_kind kind);
    /// `in_capitals`: the word opens sentences even in text written in capitals, where
    /// "AT 9 P.M. AS CROWDS LEFT" shows that most starters ("AS") also run on.
    void add_sentence_starter(std::string_view word, bool in_capitals = false);

    /// Kind of `word`, the text before a period ("Gen", "U.S", "A.M"). It matches an entry
    /// spelled the same, capitalised ("E.g"), or in capitals ("GEN", "ILL"): "ill" is not "Ill.".
    std::optional<abbreviation_kind> find(std::string_view word) const;
    /// Case-insensitive; with `in_capitals` only the words added as such.
    bool is_sentence_starter(std::string_view word, bool in_capitals = false) const;

    std::size_t size() const { return m_size; }

private:
    struct entry {
        std::string spelling; ///< without the final period
        abbreviation_kind kind;
    };
    std::unordered_map<std::string, std::vector<entry>> m_by_lower;
    std::unordered_map<std::string, bool> m_starters; ///< word -> opens sentences in capitals too
    std::size_t m_size = 0;
};

struct sentence {
    std::size_t begin = 0;     ///< byte offset of the first character
    std::size_t end = 0;       ///< one past the last character (closing quotes included)
    std::size_t paragraph = 0; ///< from 0; see split_sentences() for what starts a paragraph
};

/// Splits text (normalise_unicode() output; other text works, less tidily) into sentences:
/// - after . ! ? (and closing quotes or brackets) followed by a space and a capital, digit,
///   quote or bracket, except after abbreviations, initials ("J. K."), list numbers ("1.");
/// - at blank lines (new paragraph);
/// - at single line breaks, which are read two ways: in a paragraph whose lines look
///   hard-wrapped (similar lengths, mostly without final punctuation) a line break is a space
///   unless the line is short or the next starts a list item; otherwise each line ends a
///   sentence (titles, headings, one paragraph per line) unless it clearly runs on (next line
///   in lower case, line ending in ',' '-' ':' a connective word, or a dateline).
/// A paragraph starts after a blank line, and after a line break that ends a sentence except
/// in hard-wrapped text, where only a short line ends a paragraph.
/// Sentences without a letter or digit are left out. Offsets are trimmed of whitespace.
std::vector<sentence> split_sentences(std::string_view text, abbreviation_list const &abbrevs);

} // namespace etl::extract
