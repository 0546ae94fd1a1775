#include "extract/sentences.hpp"

#include "core/files.hpp"

#include "core/errors.hpp"

#include <algorithm>

namespace etl::extract {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_terminal(char c) { return c == '.' || c == '!' || c == '?'; }
bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool is_opener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = to_lower(c);
    return out;
}

/// Can the character at text[i] open a sentence? Capitals, digits, quotes, brackets,
/// letters outside ASCII except Latin-1 lower case, and a lower-case Arabic article before a
/// capital ("al-Shabaab", "el-Sisi").
bool starts_sentence(std::string_view text, std::size_t i)
{
    if (i >= text.size())
        return false;
    char const c = text[i];
    if (is_upper(c) || is_digit(c) || is_opener(c))
        return true;
    if (is_lower(c)) {
        std::size_t j = i;
        while (j < text.size() && j - i < 4 && is_lower(text[j]))
            ++j;
        return j + 1 < text.size() && text[j] == '-' && is_upper(text[j + 1]);
    }
    auto const b = static_cast<unsigned char>(c);
    if (b < 0xC0)
        return false;
    if (b == 0xC3 && i + 1 < text.size()) // U+00C0..U+00DE are capitals, U+00DF..U+00FF not
        return static_cast<unsigned char>(text[i + 1]) < 0x9F;
    return true;
}

/// Words after which a line that has no final punctuation must run on.
bool is_connective(std::string_view word)
{
    static constexpr std::string_view words[] = {
        "a",    "about", "after", "against", "an",   "and",  "are",  "as",    "at",     "before", "between",
        "but",  "by",    "during", "for",    "from", "had",  "has",  "have",  "her",    "his",    "in",
        "into", "is",    "its",   "near",    "of",   "on",   "or",   "over",  "said",   "than",   "that",
        "the",  "their", "to",    "under",   "was",  "were", "when", "where", "which",  "while",  "who",
        "with"};
    return std::binary_search(std::begin(words), std::end(words), word);
}

enum class period_role { ends, never_ends, before_number, ambiguous, list_number };

class splitter {
public:
    splitter(std::string_view text, abbreviation_list const &abbrevs) : m_text(text), m_abbrevs(abbrevs) {}

    std::vector<sentence> run()
    {
        std::size_t pos = 0;
        std::size_t const n = m_text.size();
        while (pos < n) {
            std::size_t end = m_text.find('\n', pos);
            if (end == std::string_view::npos)
                end = n;
            line l{pos, end};
            while (l.begin < l.end && is_space(m_text[l.begin]))
                ++l.begin;
            while (l.end > l.begin && is_space(m_text[l.end - 1]))
                --l.end;
            if (l.begin == l.end)
                flush_paragraph();
            else
                m_lines.push_back(l);
            pos = end + 1;
        }
        flush_paragraph();
        return std::move(m_sentences);
    }

private:
    struct line {
        std::size_t begin;
        std::size_t end;
        std::size_t size() const { return end - begin; }
    };

    // ------------------------------------------------------------------ paragraphs and lines

    void flush_paragraph()
    {
        if (m_lines.empty())
            return;
        bool const wrapped = looks_wrapped();
        std::size_t longest = 0;
        for (auto const &l : m_lines)
            longest = std::max(longest, l.size());
        m_start = std::string_view::npos;
        for (std::size_t k = 0; k < m_lines.size(); ++k) {
            line const &l = m_lines[k];
            if (m_start == std::string_view::npos)
                m_start = l.begin;
            scan_line(l);
            if (k + 1 == m_lines.size())
                break;
            if (wrapped) {
                // A sentence ending at the margin is chance; a short line ends a paragraph.
                if (wrapped_line_ends(l, m_lines[k + 1], longest)) {
                    close(l.end);
                    if (terminal_run(l) == std::string_view::npos || l.size() * 10 < longest * 6)
                        next_paragraph();
                }
            } else if (line_ends(l, m_lines[k + 1])) {
                close(l.end);
                next_paragraph(); // scraped text: one paragraph per line
            }
        }
        close(m_lines.back().end);
        m_lines.clear();
        next_paragraph();
    }

    /// Hard-wrapped text (old wire copy, e-mail): three or more lines, the non-final ones of
    /// similar length below ~110 bytes, and most of them without final punctuation.
    bool looks_wrapped() const
    {
        std::size_t const m = m_lines.size();
        if (m < 3)
            return false;
        std::size_t longest = 0;
        for (std::size_t k = 0; k + 1 < m; ++k)
            longest = std::max(longest, m_lines[k].size());
        if (longest < 30 || longest > 110)
            return false;
        std::size_t full = 0;
        std::size_t open = 0;
        for (std::size_t k = 0; k + 1 < m; ++k) {
            full += m_lines[k].size() * 10 >= longest * 6;
            open += terminal_run(m_lines[k]) == std::string_view::npos;
        }
        return full * 10 >= (m - 1) * 7 && open * 2 >= m - 1;
    }

    /// Where the final . ! ? run of a line starts (before any closing quotes), or npos.
    std::size_t terminal_run(line const &l) const
    {
        std::size_t e = l.end;
        while (e > l.begin && is_closer(m_text[e - 1]))
            --e;
        if (e == l.begin || !is_terminal(m_text[e - 1]))
            return std::string_view::npos;
        while (e > l.begin && is_terminal(m_text[e - 1]))
            --e;
        return e;
    }

    bool ends_continuing(line const &l) const
    {
        char const c = m_text[l.end - 1];
        return c == ',' || c == ';' || c == ':' || c == '-' || c == '(' || c == '&' || c == '/';
    }

    bool starts_list_item(line const &l) const
    {
        if (l.size() < 2)
            return false;
        char const c = m_text[l.begin];
        if ((c == '*' || c == '-' || c == '+') && m_text[l.begin + 1] == ' ')
            return true;
        return m_text.compare(l.begin, 3, "\xE2\x80\xA2") == 0 || m_text.compare(l.begin, 2, "\xC2\xB7") == 0;
    }

    /// In hard-wrapped text a line break is a space, unless a sentence ends there, the line
    /// stops short (end of a paragraph, a heading), or a list item follows.
    bool wrapped_line_ends(line const &a, line const &b, std::size_t longest) const
    {
        std::size_t const run = terminal_run(a);
        if (run != std::string_view::npos) {
            std::size_t run_end = run;
            while (run_end < a.end && is_terminal(m_text[run_end]))
                ++run_end;
            return boundary(run, run_end, b.begin);
        }
        if (a.size() * 10 < longest * 6 && !ends_continuing(a))
            return true;
        return starts_list_item(b);
    }

    /// One paragraph per line (or titles and headings above text): a line break ends the
    /// sentence unless the text visibly runs on.
    bool line_ends(line const &a, line const &b) const
    {
        if (ends_continuing(a))
            return false;
        bool const next_lower = is_lower(m_text[b.begin]) && !starts_sentence(m_text, b.begin);
        std::size_t const run = terminal_run(a);
        if (run != std::string_view::npos) {
            bool const single_period = m_text[run] == '.' && (run + 1 == a.end || !is_terminal(m_text[run + 1]));
            if (!single_period)
                return true;
            switch (classify_period(run)) {
            case period_role::ends: return true;
            case period_role::never_ends: return false;
            case period_role::list_number: return false;
            case period_role::before_number: return !next_lower && !is_digit(m_text[b.begin]);
            case period_role::ambiguous: return !next_lower;
            }
            return true;
        }
        if (next_lower)
            return false;
        std::size_t w = a.end;
        while (w > a.begin && is_alpha(m_text[w - 1]))
            --w;
        if (w < a.end && (w == a.begin || is_space(m_text[w - 1])) && is_connective(lower(m_text.substr(w, a.end - w))))
            return false;
        return !is_dateline(a);
    }

    /// "KABUL, Afghanistan (AP)" alone on a line: the story continues on the next.
    bool is_dateline(line const &l) const
    {
        if (l.size() > 80 || m_text[l.end - 1] != ')')
            return false;
        std::size_t caps = 0;
        for (std::size_t i = l.begin; i < l.end && is_upper(m_text[i]); ++i)
            ++caps;
        if (caps < 3 || (l.begin + caps < l.end && is_lower(m_text[l.begin + caps])))
            return false;
        std::size_t const open = m_text.rfind('(', l.end - 1);
        return open != std::string_view::npos && open > l.begin && l.end - open <= 30;
    }

    // ------------------------------------------------------------------ within a line

    void scan_line(line const &l)
    {
        for (std::size_t i = l.begin; i < l.end; ++i) {
            if (!is_terminal(m_text[i]))
                continue;
            std::size_t run_end = i;
            while (run_end < l.end && is_terminal(m_text[run_end]))
                ++run_end;
            std::size_t q = run_end;
            while (q < l.end && is_closer(m_text[q]))
                ++q;
            if (q >= l.end || !is_blank(m_text[q])) { // "3.5", "U.S.-led", or the end of the line
                i = run_end - 1;
                continue;
            }
            std::size_t next = q;
            while (next < l.end && is_blank(m_text[next]))
                ++next;
            if (boundary(i, run_end, next)) {
                close(q);
                m_start = next;
            }
            i = q - 1;
        }
    }

    /// What the word before the period at p says about it.
    period_role classify_period(std::size_t p) const
    {
        std::size_t b = p;
        while (b > 0 && !is_space(m_text[b - 1]))
            --b;
        std::size_t const token_begin = b;
        while (b < p && (is_opener(m_text[b])))
            ++b;
        std::string_view const word = m_text.substr(b, p - b);
        if (word.empty() || is_closer(word.back()))
            return period_role::ends;
        if (auto const kind = m_abbrevs.find(word)) {
            switch (*kind) {
            case abbreviation_kind::title: return period_role::never_ends;
            case abbreviation_kind::before_number: return period_role::before_number;
            case abbreviation_kind::ambiguous: return period_role::ambiguous;
            }
        }
        if (word.size() == 1 && is_upper(word[0]))
            return period_role::ambiguous; // an initial, as in "J. K. Rowling"
        if (is_dotted_acronym(word))
            return period_role::ambiguous;
        if (word.size() <= 3 && std::all_of(word.begin(), word.end(), is_digit) &&
            (m_start == std::string_view::npos || token_begin <= m_start))
            return period_role::list_number;
        return period_role::ends;
    }

    /// "U.S", "D.C", "N.Y", "e.g": single letters joined by periods.
    static bool is_dotted_acronym(std::string_view w)
    {
        if (w.size() < 3)
            return false;
        for (std::size_t i = 0; i < w.size(); ++i)
            if (i % 2 == 0 ? !is_alpha(w[i]) : w[i] != '.')
                return false;
        return true;
    }

    /// Does the sentence end at the terminal run [run, run_end) when `next` is where the
    /// following text starts?
    bool boundary(std::size_t run, std::size_t run_end, std::size_t next) const
    {
        if (!starts_sentence(m_text, next))
            return false;
        if (run_end - run > 1 || m_text[run] != '.')
            return true; // "!", "?", "?!", and an ellipsis before a capital
        switch (classify_period(run)) {
        case period_role::ends: return true;
        case period_role::never_ends: return false;
        case period_role::list_number: return false;
        case period_role::before_number: return !is_digit(m_text[next]);
        case period_role::ambiguous: return opens_sentence(run, next);
        }
        return true;
    }

    /// Is the word at `next` one that typically opens a sentence ("The", "He", "But")? In
    /// capitals ("P.M. AS") only the strongest starters count.
    bool opens_sentence(std::size_t period, std::size_t next) const
    {
        if (is_opener(m_text[next]) && m_text[next] != '(')
            return true;
        std::size_t e = next;
        while (e < m_text.size() && is_alpha(m_text[e]))
            ++e;
        if (e == next)
            return false;
        std::string_view const word = m_text.substr(next, e - next);
        std::size_t b = period;
        while (b > 0 && !is_space(m_text[b - 1]))
            --b;
        std::string_view const before = m_text.substr(b, period - b);
        bool const capitals = std::none_of(word.begin(), word.end(), is_lower) &&
                              std::none_of(before.begin(), before.end(), is_lower) &&
                              (word.size() > 1 || std::any_of(before.begin(), before.end(), is_upper));
        return m_abbrevs.is_sentence_starter(word, capitals);
    }

    void close(std::size_t end)
    {
        std::size_t begin = m_start;
        m_start = std::string_view::npos;
        if (begin == std::string_view::npos || begin >= end)
            return;
        while (begin < end && is_space(m_text[begin]))
            ++begin;
        while (end > begin && is_space(m_text[end - 1]))
            --end;
        bool content = false;
        for (std::size_t i = begin; i < end && !content; ++i) {
            auto const b = static_cast<unsigned char>(m_text[i]);
            content = is_alpha(m_text[i]) || is_digit(m_text[i]) || b >= 0xC3;
        }
        if (content) {
            m_sentences.push_back({begin, end, m_paragraph});
            m_paragraph_used = true;
        }
    }

    /// Paragraph numbers stay dense: one that yielded no sentence does not count.
    void next_paragraph()
    {
        if (m_paragraph_used)
            ++m_paragraph;
        m_paragraph_used = false;
    }

    std::string_view m_text;
    abbreviation_list const &m_abbrevs;
    std::vector<line> m_lines;
    std::vector<sentence> m_sentences;
    std::size_t m_start = std::string_view::npos; ///< where the open sentence begins
    std::size_t m_paragraph = 0;
    bool m_paragraph_used = false;
};

} // namespace

// ---------------------------------------------------------------- abbreviation_list

abbreviation_list abbreviation_list::from_file(std::string const &path)
{
    return from_string(read_config_file(path, "the abbreviation list"), path);
}

abbreviation_list abbreviation_list::from_string(std::string_view content, std::string_view origin)
{
    abbreviation_list list;
    enum class section { none, title, before_number, ambiguous, starters, caps_starters } current = section::none;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string_view::npos)
            end = content.size();
        ++line_no;
        std::string_view line = content.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && is_space(line.front()))
            line.remove_prefix(1);
        while (!line.empty() && is_space(line.back()))
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#')
            continue;
        auto const where = [&] { return std::string(origin) + ":" + std::to_string(line_no) + ": "; };
        if (line.front() == '[') {
            if (line == "[title]")
                current = section::title;
            else if (line == "[before_number]")
                current = section::before_number;
            else if (line == "[ambiguous]")
                current = section::ambiguous;
            else if (line == "[sentence_starters]")
                current = section::starters;
            else if (line == "[caps_sentence_starters]")
                current = section::caps_starters;
            else
                throw config_error(where() + "unknown section " + std::string(line));
            continue;
        }
        if (current == section::none)
            throw config_error(where() + "entry before any [section]");
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && is_space(line[i]))
                ++i;
            std::size_t j = i;
            while (j < line.size() && !is_space(line[j]))
                ++j;
            if (j == i)
                break;
            std::string_view const item = line.substr(i, j - i);
            i = j;
            try {
                switch (current) {
                case section::title: list.add(item, abbreviation_kind::title); break;
                case section::before_number: list.add(item, abbreviation_kind::before_number); break;
                case section::ambiguous: list.add(item, abbreviation_kind::ambiguous); break;
                case section::starters: list.add_sentence_starter(item); break;
                case section::caps_starters: list.add_sentence_starter(item, true); break;
                case section::none: break;
                }
            } catch (config_error const &e) {
                throw config_error(where() + e.what());
            }
        }
    }
    return list;
}

void abbreviation_list::add(std::string_view abbreviation, abbreviation_kind kind)
{
    if (abbreviation.size() < 2 || abbreviation.back() != '.')
        throw config_error("abbreviation '" + std::string(abbreviation) + "' must end with a period");
    std::string_view const spelling = abbreviation.substr(0, abbreviation.size() - 1);
    auto &entries = m_by_lower[lower(spelling)];
    for (auto &e : entries)
        if (e.spelling == spelling) {
            e.kind = kind;
            return;
        }
    entries.push_back({std::string(spelling), kind});
    ++m_size;
}

void abbreviation_list::add_sentence_starter(std::string_view word, bool in_capitals)
{
    bool &strong = m_starters[lower(word)];
    strong = strong || in_capitals;
}

std::optional<abbreviation_kind> abbreviation_list::find(std::string_view word) const
{
    if (word.empty() || word.size() > 16)
        return std::nullopt;
    auto const it = m_by_lower.find(lower(word));
    if (it == m_by_lower.end())
        return std::nullopt;
    bool const capitals = std::none_of(word.begin(), word.end(), is_lower);
    for (auto const &e : it->second) {
        if (capitals || word == e.spelling)
            return e.kind;
        // Capitalised at the start of a sentence: "E.g." for "e.g.".
        if (is_upper(word[0]) && to_lower(word[0]) == e.spelling[0] &&
            word.substr(1) == std::string_view(e.spelling).substr(1))
            return e.kind;
    }
    return std::nullopt;
}

bool abbreviation_list::is_sentence_starter(std::string_view word, bool in_capitals) const
{
    if (word.size() > 16)
        return false;
    auto const it = m_starters.find(lower(word));
    return it != m_starters.end() && (it->second || !in_capitals);
}

std::vector<sentence> split_sentences(std::string_view text, abbreviation_list const &abbrevs)
{
    return splitter(text, abbrevs).run();
}

} // namespace etl::extract
