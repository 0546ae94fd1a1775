#pragma once
// Page furniture that scrapers leave in article text ("Leave a Comment", "Share on X",
// bylines, photo credits, copyright lines), removed line by line. Only short lines are ever
// dropped, so a real sentence that happens to contain such words survives.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace etl::extract {

class boilerplate_filter {
public:
    /// A filter without phrases drops only lines with no letters or digits ("* * *", "|").
    boilerplate_filter() = default;

    /// Reads config/lexicon/boilerplate.txt or a file in its format (see the file's header).
    /// Throws config_error naming the file and line.
    static boilerplate_filter from_file(std::string const &path);
    static boilerplate_filter from_string(std::string_view content, std::string_view origin = "<string>");

    /// Adds one entry as written in the file, e.g. "prefix 6: photo:" or "Leave a Comment".
    /// Throws config_error (without file position) on a malformed entry.
    void add(std::string_view entry);

    /// Is this one line (no line breaks) page furniture?
    bool is_boilerplate(std::string_view line) const;

    /// Drops furniture lines; blank lines left behind collapse, so paragraphs stay separated
    /// by exactly one blank line. Expects normalise_unicode() output.
    std::string remove(std::string_view text) const;

    std::size_t size() const { return m_entries; }

private:
    struct limited_phrase {
        std::string phrase;        ///< folded (lower case, diacritics folded)
        std::size_t max_words = 0; ///< the line may have at most this many words
    };

    bool is_credit_line(std::string_view line, std::string_view key, std::size_t words) const;

    std::unordered_set<std::string> m_lines; ///< word keys of whole lines; "#" stands for a number
    std::size_t m_max_line_words = 0;
    std::array<std::vector<limited_phrase>, 256> m_prefixes; ///< by first byte
    std::array<std::vector<limited_phrase>, 256> m_contains; ///< by first byte, a letter or digit
    std::vector<limited_phrase> m_contains_symbol;           ///< starting with anything else
    std::size_t m_max_contains_words = 0;
    std::vector<limited_phrase> m_bylines;
    std::vector<limited_phrase> m_stamps;
    std::unordered_set<std::string> m_words; ///< lines made only of these words are furniture
    std::size_t m_words_limit = 0;
    std::size_t m_max_words = 0;             ///< no entry matches a line with more words
    std::size_t m_entries = 0;
};

} // namespace etl::extract
