#include "extract/boilerplate.hpp"

#include "core/files.hpp"

#include "core/errors.hpp"
#include "extract/tokens.hpp"

#include <algorithm>
#include <array>

namespace etl::extract {

namespace {

constexpr std::size_t default_prefix_words = 12;
constexpr std::size_t default_contains_words = 25;
constexpr std::size_t default_byline_words = 30;
constexpr std::size_t default_stamp_words = 20;
constexpr std::size_t words_line_limit = 15;

enum : unsigned char { space_byte = 1, alnum_byte = 2, high_byte = 4 };

constexpr std::array<unsigned char, 256> make_byte_table()
{
    std::array<unsigned char, 256> t{};
    t[' '] = t['\t'] = t['\r'] = t['\n'] = space_byte;
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<std::size_t>(c)] = alnum_byte;
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = alnum_byte;
    for (std::size_t c = 0x80; c < 0x100; ++c)
        t[c] = high_byte;
    return t;
}

constexpr auto byte_table = make_byte_table();

unsigned char byte_class(char c) { return byte_table[static_cast<unsigned char>(c)]; }
bool is_space(char c) { return byte_class(c) == space_byte; }
bool is_ascii_alnum(char c) { return byte_class(c) == alnum_byte; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

/// Length of the character at s[i] when it is a letter or digit of any script, else 0.
/// Symbols and punctuation outside ASCII (U+0080..U+00BF, U+2000..U+2BFF, U+3000..U+303F,
/// U+FFFD, emoji) do not count.
std::size_t non_ascii_content_length(std::string_view s, std::size_t i)
{
    auto const b = static_cast<unsigned char>(s[i]);
    if (b >= 0xC3 && b <= 0xDF)
        return 2;
    if (b == 0xE2 || b == 0xF0)
        return 0;
    if (b == 0xE3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80)
        return 0;
    if (b == 0xEF && s.compare(i, 3, "\xEF\xBF\xBD") == 0)
        return 0;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF1 && b <= 0xF4)
        return 4;
    return 0;
}

inline std::size_t content_char_length(std::string_view s, std::size_t i)
{
    auto const b = static_cast<unsigned char>(s[i]);
    if (b < 0x80)
        return is_ascii_alnum(static_cast<char>(b)) ? 1 : 0;
    return non_ascii_content_length(s, i);
}

bool has_content(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i)
        if (content_char_length(line, i))
            return true;
    return false;
}

/// Whitespace-separated words holding a letter or digit (0: the line has none); stops
/// counting past `limit`.
std::size_t count_words(std::string_view line, std::size_t limit)
{
    std::size_t words = 0;
    std::size_t i = 0;
    std::size_t const n = line.size();
    while (i < n && words <= limit) {
        while (i < n && is_space(line[i]))
            ++i;
        for (; i < n; ++i) {
            unsigned char const c = byte_class(line[i]);
            if (c == space_byte)
                break;
            if (c == alnum_byte || (c == high_byte && non_ascii_content_length(line, i) > 0)) {
                ++words;
                break;
            }
        }
        while (i < n && !is_space(line[i]))
            ++i;
    }
    return words;
}

bool is_ascii(std::string_view s)
{
    unsigned char bits = 0;
    for (char const c : s)
        bits |= static_cast<unsigned char>(c);
    return bits < 0x80;
}

/// Folded words (letters and digits of any script) joined by single spaces; with
/// `mask_numbers` an all-digit word becomes "#". An entry's key keeps its "#" words.
std::string word_key(std::string_view folded, bool mask_numbers, bool entry = false)
{
    std::string key;
    std::size_t i = 0;
    while (i < folded.size()) {
        if (entry && folded[i] == '#' && (i + 1 == folded.size() || is_space(folded[i + 1]))) {
            if (!key.empty())
                key.push_back(' ');
            key.push_back('#');
            ++i;
            continue;
        }
        if (content_char_length(folded, i) == 0) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool digits = true;
        while (j < folded.size()) {
            std::size_t const len = content_char_length(folded, j);
            if (len == 0)
                break;
            digits = digits && is_digit(folded[j]);
            j += len;
        }
        j = std::min(j, folded.size());
        if (!key.empty())
            key.push_back(' ');
        if (mask_numbers && digits)
            key.push_back('#');
        else
            key.append(folded.substr(i, j - i));
        i = j;
    }
    return key;
}

/// Bullets and rules that scrapers leave before a line ("• Share", "> Read more").
std::size_t leading_decoration(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        char const c = s[i];
        if (is_space(c) || c == '-' || c == '*' || c == '>' || c == '|' || c == '~' || c == '+' || c == '=' ||
            c == '_') {
            ++i;
        } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size()) {
            i += 3; // U+2000..U+2FFF: bullets, arrows, geometric shapes
        } else if (s.compare(i, 2, "\xC2\xB7") == 0 || s.compare(i, 2, "\xC2\xBB") == 0) {
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

/// The folded line with whitespace collapsed and leading decoration removed: what prefix
/// and contains entries are compared against. fold() leaves decoration bytes alone.
std::string loose_key(std::string_view folded)
{
    folded.remove_prefix(leading_decoration(folded));
    std::string key;
    key.reserve(folded.size());
    for (char const c : folded) {
        if (is_space(c)) {
            if (!key.empty() && key.back() != ' ')
                key.push_back(' ');
        } else {
            key.push_back(c);
        }
    }
    while (!key.empty() && key.back() == ' ')
        key.pop_back();
    return key;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// loose_key() of the first `limit` bytes of a line in plain ASCII, without fold().
std::string ascii_line_key(std::string_view line, std::size_t limit)
{
    line.remove_prefix(leading_decoration(line));
    line = line.substr(0, limit);
    std::string key(line.size(), '\0');
    std::size_t n = 0;
    for (char const c : line) {
        if (is_space(c)) {
            if (n > 0 && key[n - 1] != ' ')
                key[n++] = ' ';
        } else {
            key[n++] = ascii_lower(c);
        }
    }
    while (n > 0 && key[n - 1] == ' ')
        --n;
    key.resize(n);
    return key;
}

bool word_char(char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }

/// Does `phrase` occur in `key` at `at` without cutting a word in two? With `ignore_case`
/// the key may have capitals (an ASCII line not turned into a key).
bool matches_at(std::string_view key, std::string_view phrase, std::size_t at, bool ignore_case = false)
{
    if (key.size() - at < phrase.size())
        return false;
    if (ignore_case) {
        for (std::size_t k = 0; k < phrase.size(); ++k)
            if (ascii_lower(key[at + k]) != phrase[k])
                return false;
    } else if (key.compare(at, phrase.size(), phrase) != 0) {
        return false;
    }
    if (at > 0 && word_char(phrase.front()) && word_char(key[at - 1]))
        return false;
    std::size_t const end = at + phrase.size();
    return !(end < key.size() && word_char(phrase.back()) && word_char(key[end]));
}

/// Lower-case words allowed in a byline besides names: connectors and job titles.
bool is_byline_word(std::string_view w)
{
    static constexpr std::string_view words[] = {
        "a",        "additional", "admin",   "agencies",  "agency",  "al",        "and",       "at",
        "bin",      "by",         "chief",   "compiled",  "contributor", "correspondent", "correspondents",
        "da",       "de",         "del",     "der",       "desk",    "di",        "do",        "dos",
        "du",       "editing",    "editor",  "el",        "for",     "from",      "ibn",       "in",
        "la",       "le",         "news",    "of",        "our",     "reporter",  "reporters", "reporting",
        "senior",   "special",    "staff",   "team",      "the",     "van",       "von",       "with",
        "writer",   "writers",    "writing", "y"};
    return std::binary_search(std::begin(words), std::end(words), w);
}

/// Words that make a byline without any name ("Posted by admin", "By staff reporter").
bool is_byline_role(std::string_view w)
{
    return w == "admin" || w == "agencies" || w == "correspondent" || w == "desk" || w == "editor" ||
           w == "reporter" || w == "staff" || w == "team" || w == "writer" || w == "contributor";
}

bool is_byline_separator_word(std::string_view folded)
{
    return folded == "updated" || folded == "published" || folded == "posted" || folded == "last";
}

bool is_month_or_weekday(std::string_view w)
{
    static constexpr std::string_view words[] = {
        "apr",      "april",  "aug",      "august",    "dec",     "december", "feb",       "february", "fri",
        "friday",   "jan",    "january",  "jul",       "july",    "jun",      "june",      "mar",      "march",
        "may",      "mon",    "monday",   "nov",       "november", "oct",     "october",   "sat",      "saturday",
        "sep",      "sept",   "september", "sun",      "sunday",  "thu",      "thur",      "thurs",    "thursday",
        "tue",      "tues",   "tuesday",  "wed",       "wednesday"};
    return std::binary_search(std::begin(words), std::end(words), w);
}

/// Words of a date or time stamp besides numbers, months and weekdays.
bool is_stamp_word(std::string_view w)
{
    static constexpr std::string_view words[] = {
        "a.m",  "ago",  "am",    "at",     "day",   "days",  "hour", "hours", "hr",    "hrs",  "in",
        "just", "last", "min",   "mins",   "minute", "minutes", "month", "months", "now", "of", "on",
        "p.m",  "pm",   "the",   "today",  "updated", "week", "weeks", "year", "years", "yesterday"};
    return std::binary_search(std::begin(words), std::end(words), w);
}

/// Is the rest of a line, after its first `skip` words, a credit? A byline (stamp false)
/// continues with names ("Jane Roe and Ali Khan, Reuters"); a stamp with a date or time
/// ("May 2, 2023, 10:45 GMT"). Either may switch to the other: "By Jane Roe | Updated 10:30
/// AM", "Published May 2, 2023 by Jane Roe".
bool credit_rest(std::string_view line, std::size_t skip, bool stamp, std::size_t words)
{
    char const last = line.back();
    if (last == '!' || last == '?')
        return false;
    bool const all_caps = std::none_of(line.begin(), line.end(), is_lower);
    if (!stamp && all_caps && words > 8)
        return false;

    bool dates_mode = stamp;
    std::size_t names = 0;
    std::size_t dates = 0;
    bool separated = false;
    std::string_view last_core;
    std::string_view rest = line.substr(leading_decoration(line));
    for (std::size_t index = 0; !rest.empty(); ++index) {
        std::size_t const end = std::min(rest.find(' '), rest.size());
        std::string_view const token = rest.substr(0, end);
        rest = trim(rest.substr(end));
        if (index < skip || token.empty())
            continue;
        std::string_view core = token;
        while (!core.empty() && (core.front() == '(' || core.front() == '"' || core.front() == '\''))
            core.remove_prefix(1);
        bool const ends_clause = !core.empty() && (core.back() == ',' || core.back() == ';');
        while (!core.empty() && std::string_view(",;:)\"'.").find(core.back()) != std::string_view::npos)
            core.remove_suffix(1);
        if (core.empty() || !has_content(core)) {
            separated = true;
            continue;
        }
        last_core = core;
        std::string const folded = fold(core);
        bool const has_digit = std::any_of(core.begin(), core.end(), is_digit);
        if (folded == "by") {
            dates_mode = false;
        } else if (dates_mode) {
            bool const zone = core.size() >= 2 && core.size() <= 5 && std::all_of(core.begin(), core.end(), is_upper);
            if (has_digit || is_month_or_weekday(folded) || zone)
                ++dates;
            else if (!is_stamp_word(folded))
                return false;
        } else if (is_byline_separator_word(folded)) {
            dates_mode = true;
        } else if (folded.find('@') != std::string::npos || folded.compare(0, 4, "http") == 0 ||
                   folded.compare(0, 4, "www.") == 0) {
            // an address or handle after the name
        } else if (has_digit) {
            if (!separated || names == 0)
                return false;
        } else if (is_upper(core.front()) || static_cast<unsigned char>(core.front()) >= 0x80) {
            ++names;
        } else if (!is_byline_word(folded)) {
            return false;
        } else if (is_byline_role(folded)) {
            ++names;
        }
        if (ends_clause)
            separated = true;
    }
    if (stamp ? (dates == 0 && names == 0) : names == 0)
        return false;
    if (last == '.' && !dates_mode && !(last_core.size() == 1 || last_core == "Jr" || last_core == "Sr"))
        return false;
    return true;
}

} // namespace

boilerplate_filter boilerplate_filter::from_file(std::string const &path)
{
    return from_string(read_config_file(path, "the boilerplate lexicon"), path);
}

boilerplate_filter boilerplate_filter::from_string(std::string_view content, std::string_view origin)
{
    boilerplate_filter filter;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string_view::npos)
            end = content.size();
        ++line_no;
        std::string_view const line = trim(content.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty() || line.front() == '#')
            continue;
        try {
            filter.add(line);
        } catch (config_error const &e) {
            throw config_error(std::string(origin) + ":" + std::to_string(line_no) + ": " + e.what());
        }
    }
    return filter;
}

void boilerplate_filter::add(std::string_view entry)
{
    entry = trim(entry);
    std::string_view kind = "line";
    std::size_t limit = 0;
    std::string_view phrase = entry;
    // "<kind>[ <max words>]: <phrase>"; anything else is a whole-line phrase.
    std::size_t const colon = entry.find(':');
    if (colon != std::string_view::npos) {
        std::string_view head = trim(entry.substr(0, colon));
        std::size_t const space = head.find(' ');
        std::string_view const word = head.substr(0, space);
        if (word == "line" || word == "prefix" || word == "contains" || word == "words" || word == "byline" ||
            word == "stamp") {
            kind = word;
            phrase = trim(entry.substr(colon + 1));
            if (space != std::string_view::npos) {
                std::string_view const number = trim(head.substr(space + 1));
                if (number.empty() || number.size() > 4 || !std::all_of(number.begin(), number.end(), is_digit))
                    throw config_error("bad word limit '" + std::string(number) + "' in entry '" +
                                       std::string(entry) + "'");
                limit = static_cast<std::size_t>(std::stoul(std::string(number)));
            }
        }
    }
    if (phrase.empty())
        throw config_error("empty phrase in entry '" + std::string(entry) + "'");

    if (kind == "line") {
        std::string key = word_key(fold(phrase), false, true);
        if (key.empty())
            throw config_error("entry '" + std::string(entry) + "' has no words");
        std::size_t const words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
        m_max_line_words = std::max(m_max_line_words, words);
        m_max_words = std::max(m_max_words, words);
        m_lines.insert(std::move(key));
    } else if (kind == "words") {
        std::string const folded = fold(phrase);
        for (std::size_t i = 0; i < folded.size();) {
            while (i < folded.size() && is_space(folded[i]))
                ++i;
            std::size_t j = i;
            while (j < folded.size() && !is_space(folded[j]))
                ++j;
            if (j > i)
                m_words.insert(folded.substr(i, j - i));
            i = j;
        }
        m_words_limit = std::max(m_words_limit, limit ? limit : words_line_limit);
        m_max_words = std::max(m_max_words, m_words_limit);
    } else {
        std::size_t const fallback = kind == "prefix"     ? default_prefix_words
                                     : kind == "contains" ? default_contains_words
                                     : kind == "byline"   ? default_byline_words
                                                          : default_stamp_words;
        limited_phrase p{loose_key(fold(phrase)), limit ? limit : fallback};
        if (p.phrase.empty())
            throw config_error("empty phrase in entry '" + std::string(entry) + "'");
        m_max_words = std::max(m_max_words, p.max_words);
        if (kind == "prefix")
            m_prefixes[static_cast<unsigned char>(p.phrase.front())].push_back(std::move(p));
        else if (kind == "contains") {
            m_max_contains_words = std::max(m_max_contains_words, p.max_words);
            if (word_char(p.phrase.front()))
                m_contains[static_cast<unsigned char>(p.phrase.front())].push_back(std::move(p));
            else
                m_contains_symbol.push_back(std::move(p));
        }
        else if (kind == "byline")
            m_bylines.push_back(std::move(p));
        else
            m_stamps.push_back(std::move(p));
    }
    ++m_entries;
}

bool boilerplate_filter::is_credit_line(std::string_view line, std::string_view key, std::size_t words) const
{
    for (bool const stamp : {false, true}) {
        for (auto const &entry : stamp ? m_stamps : m_bylines) {
            std::string_view const phrase = entry.phrase;
            if (words <= entry.max_words && key.size() > phrase.size() && key.compare(0, phrase.size(), phrase) == 0 &&
                !word_char(key[phrase.size()]))
                return credit_rest(line, static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1,
                                   stamp, words);
        }
    }
    return false;
}

bool boilerplate_filter::is_boilerplate(std::string_view line) const
{
    line = trim(line);
    if (line.empty())
        return false;
    std::size_t const words = count_words(line, m_max_words);
    if (words == 0)
        return true; // no letter or digit: rules, bullets, stray punctuation
    if (words > m_max_words)
        return false;

    std::string folded;
    if (words <= m_max_line_words) {
        folded = fold(line);
        std::string const key = word_key(folded, false);
        if (m_lines.count(key))
            return true;
        if (std::any_of(key.begin(), key.end(), is_digit) && m_lines.count(word_key(folded, true)))
            return true;
    }
    if (words <= m_words_limit) {
        if (folded.empty())
            folded = fold(line);
        std::string const key = word_key(folded, true);
        bool all = !key.empty();
        for (std::size_t i = 0; all && i < key.size();) {
            std::size_t const end = std::min(key.find(' ', i), key.size());
            all = m_words.count(key.substr(i, end - i)) > 0;
            i = end + 1;
        }
        if (all)
            return true;
    }
    // Prefixes, bylines and stamps look at the start of the line only; contains entries at
    // all of it, which for a plain ASCII line is read as it is, ignoring case.
    bool const ascii = is_ascii(line);
    std::string const key = ascii ? ascii_line_key(line, 128) : loose_key(fold(line));
    if (key.empty())
        return false;
    for (auto const &p : m_prefixes[static_cast<unsigned char>(key.front())])
        if (words <= p.max_words && matches_at(key, p.phrase, 0))
            return true;
    if (words <= m_max_contains_words) {
        std::string_view const text = ascii ? line : std::string_view(key);
        // Phrases starting with a letter or digit are tried where a word starts...
        bool word_start = true;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char const c = text[i];
            if (!word_char(c)) {
                word_start = true;
                continue;
            }
            if (!word_start)
                continue;
            word_start = false;
            for (auto const &p : m_contains[static_cast<unsigned char>(ascii_lower(c))])
                if (words <= p.max_words && i + p.phrase.size() <= text.size() &&
                    (p.phrase.size() < 2 || ascii_lower(text[i + 1]) == p.phrase[1]) &&
                    matches_at(text, p.phrase, i, ascii))
                    return true;
        }
        // ... the others ("/afp") wherever their first byte is.
        for (auto const &p : m_contains_symbol) {
            if (words > p.max_words)
                continue;
            for (std::size_t at = text.find(p.phrase.front()); at != std::string_view::npos;
                 at = text.find(p.phrase.front(), at + 1))
                if (matches_at(text, p.phrase, at, ascii))
                    return true;
        }
    }
    return is_credit_line(line, key, words);
}

std::string boilerplate_filter::remove(std::string_view text) const
{
    std::string out;
    out.reserve(text.size());
    bool blank_pending = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view const line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) {
            blank_pending = !out.empty();
            continue;
        }
        if (is_boilerplate(line))
            continue;
        if (!out.empty())
            out.append(blank_pending ? "\n\n" : "\n");
        blank_pending = false;
        out.append(line.data(), line.size());
    }
    return out;
}

} // namespace etl::extract
