#include "extract/text_normaliser.hpp"

#include "extract/boilerplate.hpp"
#include "extract/html_to_text.hpp"

#include <algorithm>
#include <array>

namespace etl::extract {

namespace {

enum byte_class : unsigned char { plain, blank, line_feed, carriage_return, hyphen, control, non_ascii };

constexpr std::array<unsigned char, 256> make_byte_classes()
{
    std::array<unsigned char, 256> table{};
    for (std::size_t c = 0; c < 0x20; ++c)
        table[c] = control;
    table[' '] = blank;
    table['\t'] = blank;
    table['\n'] = line_feed;
    table['\r'] = carriage_return;
    table['-'] = hyphen;
    table[0x7F] = control;
    for (std::size_t c = 0x80; c < 0x100; ++c)
        table[c] = non_ascii;
    return table;
}

constexpr auto byte_classes = make_byte_classes();

constexpr char32_t replacement_character = 0xFFFD;

bool is_alnum_or_letter_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool is_digit_byte(unsigned char c) { return c >= '0' && c <= '9'; }

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Decodes one UTF-8 sequence at s[i]. Returns its length; `cp` is U+FFFD for an ill-formed
/// sequence, whose length is then its maximal well-formed prefix (at least one byte).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t &cp)
{
    auto const b0 = static_cast<unsigned char>(s[i]);
    std::size_t const n = s.size();
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07u;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        cp = replacement_character;
        return 1;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= n) {
            cp = replacement_character;
            return k;
        }
        auto const b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : !is_continuation(b)) {
            cp = replacement_character;
            return k;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return need + 1;
}

/// Output builder that defers whitespace: spaces and line breaks are only written when
/// text follows on the same or a later line, which trims lines and collapses runs.
class text_builder {
public:
    explicit text_builder(std::size_t capacity) { m_out.reserve(capacity); }

    void space() { m_space = true; }
    void line_break(int count = 1)
    {
        m_newlines = std::min(2, m_newlines + count);
        m_space = false;
    }

    void put(char c)
    {
        if (m_space || m_newlines)
            flush();
        m_out.push_back(c);
    }
    void put(std::string_view s)
    {
        if (m_space || m_newlines)
            flush();
        m_out.append(s.data(), s.size());
    }

    /// A dash that separates clauses: " - ".
    void spaced_dash()
    {
        if (!m_newlines)
            m_space = true;
        put('-');
        m_space = true;
    }

    bool follows_alnum() const
    {
        return !m_space && !m_newlines && !m_out.empty() &&
               is_alnum_or_letter_byte(static_cast<unsigned char>(m_out.back()));
    }
    bool follows_digit() const
    {
        return !m_space && !m_newlines && !m_out.empty() && is_digit_byte(static_cast<unsigned char>(m_out.back()));
    }

    std::string take() { return std::move(m_out); }

private:
    void flush()
    {
        if (!m_out.empty()) {
            if (m_newlines)
                m_out.append(static_cast<std::size_t>(m_newlines), '\n');
            else
                m_out.push_back(' ');
        }
        m_newlines = 0;
        m_space = false;
    }

    std::string m_out;
    int m_newlines = 0;
    bool m_space = false;
};

enum class dash_kind { en, em };

void put_dash(text_builder &out, dash_kind kind, std::string_view s, std::size_t next)
{
    bool const next_alnum = next < s.size() && is_alnum_or_letter_byte(static_cast<unsigned char>(s[next]));
    bool const next_digit = next < s.size() && is_digit_byte(static_cast<unsigned char>(s[next]));
    if (kind == dash_kind::en ? (out.follows_alnum() && next_alnum) : (out.follows_digit() && next_digit))
        out.put('-');
    else
        out.spaced_dash();
}

/// Characters normalising drops: soft hyphens, zero-width spaces and joiners, bidi controls,
/// variation selectors, byte-order marks, C1 controls that are no Windows-1252 character.
bool is_invisible(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F && windows_1252_code_point(cp) == 0) || cp == 0xAD || cp == 0x180E ||
           cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

/// Writes the normalised form of code point cp, read from s[begin, next).
void put_code_point(text_builder &out, char32_t cp, std::string_view s, std::size_t begin, std::size_t next)
{
    if (cp >= 0x80 && cp <= 0x9F) {
        cp = windows_1252_code_point(cp);
        if (cp == 0)
            return;
        begin = next; // the source bytes no longer spell this character
    }
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        out.space();
        return;
    case 0xAB: case 0xBB: case 0x2033: case 0x2036:
        out.put('"');
        return;
    case 0xB4: case 0x2BC: case 0x2032: case 0x2035: case 0x2039: case 0x203A:
        out.put('\'');
        return;
    case 0x2012: case 0x2013:
        put_dash(out, dash_kind::en, s, next);
        return;
    case 0x2014: case 0x2015: case 0xFE58:
        put_dash(out, dash_kind::em, s, next);
        return;
    case 0x2026:
        out.put("...");
        return;
    case 0x2028:
        out.line_break();
        return;
    case 0x2029:
        out.line_break(2);
        return;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
        out.space();
    } else if (is_invisible(cp)) {
    } else if (cp >= 0x2018 && cp <= 0x201B) {
        out.put('\'');
    } else if (cp >= 0x201C && cp <= 0x201F) {
        out.put('"');
    } else if (begin < next) {
        out.put(s.substr(begin, next - begin));
    } else {
        std::string tmp;
        append_utf8(tmp, cp);
        out.put(tmp);
    }
}

} // namespace

void append_utf8(std::string &out, char32_t cp)
{
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = replacement_character;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t windows_1252_code_point(char32_t c1)
{
    static constexpr char32_t table[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (c1 >= 0x80 && c1 <= 0x9F)
        return table[c1 - 0x80];
    return c1;
}

namespace {

/// Bytes of the hyphen at s[i] that normalises to '-' (ASCII, or U+2010, U+2011, U+2212, U+FE63,
/// U+FF0D in UTF-8), else 0.
std::size_t hyphen_length(std::string_view s, std::size_t i)
{
    if (i < s.size() && s[i] == '-')
        return 1;
    if (i + 2 >= s.size())
        return 0;
    auto const b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    bool const unicode = (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0x90 || b(2) == 0x91)) ||
                         (b(0) == 0xE2 && b(1) == 0x88 && b(2) == 0x92) ||
                         (b(0) == 0xEF && b(1) == 0xB9 && b(2) == 0xA3) || (b(0) == 0xEF && b(1) == 0xBC && b(2) == 0x8D);
    return unicode ? 3 : 0;
}

/// A run of hyphens from s[i], ASCII or Unicode ones that become ASCII ("-\u2010"): two or three
/// are a dash, so that normalising normalised text changes nothing. Returns the index after it.
std::size_t put_hyphen_run(text_builder &out, std::string_view s, std::size_t i)
{
    std::size_t count = 0;
    for (std::size_t len; (len = hyphen_length(s, i)) != 0;) {
        ++count;
        i += len;
        // invisible characters between hyphens vanish, so they must not split the run
        std::size_t j = i;
        for (char32_t cp = 0; j < s.size(); j += len) {
            len = decode_utf8(s, j, cp);
            if (!is_invisible(cp))
                break;
        }
        if (j != i && hyphen_length(s, j) != 0)
            i = j;
    }
    if (count == 2 || count == 3)
        put_dash(out, dash_kind::em, s, i);
    else
        out.put(std::string(count, '-'));
    return i;
}

} // namespace

std::string normalise_unicode(std::string_view s)
{
    text_builder out(s.size() + s.size() / 16);
    std::size_t const n = s.size();
    std::size_t i = 0;
    while (i < n) {
        auto const c = static_cast<unsigned char>(s[i]);
        switch (byte_classes[c]) {
        case plain: {
            // A single space between plain bytes needs no collapsing: keep it in the run.
            std::size_t j = i + 1;
            while (j < n) {
                unsigned char const cls = byte_classes[static_cast<unsigned char>(s[j])];
                if (cls == plain)
                    ++j;
                else if (s[j] == ' ' && j + 1 < n && byte_classes[static_cast<unsigned char>(s[j + 1])] == plain)
                    j += 2;
                else
                    break;
            }
            out.put(s.substr(i, j - i));
            i = j;
            break;
        }
        case blank:
            out.space();
            ++i;
            break;
        case line_feed:
            out.line_break();
            ++i;
            break;
        case carriage_return:
            out.line_break();
            ++i;
            if (i < n && s[i] == '\n')
                ++i;
            break;
        case hyphen:
            i = put_hyphen_run(out, s, i);
            break;
        case control:
            if (c == '\f' || c == '\v')
                out.line_break();
            else
                out.space();
            ++i;
            break;
        default: {
            if (hyphen_length(s, i) != 0) {
                i = put_hyphen_run(out, s, i);
                break;
            }
            char32_t cp = 0;
            std::size_t const len = decode_utf8(s, i, cp);
            if (cp == replacement_character)
                out.put("\xEF\xBF\xBD");
            else
                put_code_point(out, cp, s, i, i + len);
            i += len;
            break;
        }
        }
    }
    return out.take();
}

bool looks_like_html(std::string_view text)
{
    static constexpr std::string_view strong_tags[] = {"html", "body", "head"};
    static constexpr std::string_view tags[] = {
        "p",  "div", "br", "span", "a",  "b",       "i",       "em",     "strong", "img",        "li",
        "ul", "ol",  "tr", "td",   "h1", "h2",      "h3",      "h4",     "table",  "article",    "section",
        "script", "style", "meta", "link", "blockquote", "figure", "iframe", "noscript"};
    std::string_view const head = text.substr(0, 65536);
    int hits = 0;
    for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
        std::size_t j = i + 1;
        if (j < head.size() && head[j] == '/')
            ++j;
        if (head.compare(j, 3, "!--") == 0) {
            ++hits;
            continue;
        }
        char name[12];
        std::size_t len = 0;
        std::size_t k = j;
        for (; k < head.size() && len < sizeof name; ++k, ++len) {
            char ch = head[k];
            if (ch >= 'A' && ch <= 'Z')
                ch = static_cast<char>(ch - 'A' + 'a');
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch == '!' && len == 0)))
                break;
            name[len] = ch;
        }
        if (len == 0 || k >= head.size())
            continue;
        char const after = head[k];
        if (after != '>' && after != ' ' && after != '/' && after != '\n' && after != '\t' && after != '\r')
            continue;
        std::string_view const tag(name, len);
        if (tag == "!doctype")
            return true;
        for (auto const &t : strong_tags)
            if (tag == t)
                return true;
        for (auto const &t : tags)
            if (tag == t) {
                if (++hits >= 2)
                    return true;
                break;
            }
    }
    return hits >= 2;
}

bool is_mostly_capitals(std::string_view text)
{
    std::size_t upper = 0;
    std::size_t lower = 0;
    for (char const ch : text.substr(0, 65536)) { // plenty of letters to judge by
        auto const c = static_cast<unsigned char>(ch);
        upper += static_cast<unsigned char>(c - 'A') < 26u;
        lower += static_cast<unsigned char>(c - 'a') < 26u;
    }
    std::size_t const letters = upper + lower;
    return letters >= 12 && upper * 10 >= letters * 7;
}

clean_text clean_article_text(std::string_view raw, bool is_html, boilerplate_filter const &filter)
{
    clean_text result;
    std::string decoded;
    std::string_view source = raw;
    if (is_html || looks_like_html(raw)) {
        decoded = html_to_text(raw);
        source = decoded;
    } else if (raw.find('&') != std::string_view::npos) {
        decoded = decode_entities(raw);
        source = decoded;
    }
    result.text = filter.remove(normalise_unicode(source));
    result.all_caps = is_mostly_capitals(result.text);
    return result;
}

} // namespace etl::extract
