#include "extract/html_to_text.hpp"

#include "extract/text_normaliser.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <utility>
#include <vector>

namespace etl::extract {

namespace {

// ---------------------------------------------------------------- character references

/// Names for U+00A0..U+00FF, in code point order.
constexpr std::string_view latin1_names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct named_entity {
    std::string_view name;
    char32_t cp;
};

constexpr named_entity other_entities[] = {
    {"amp", '&'},        {"lt", '<'},          {"gt", '>'},           {"quot", '"'},        {"apos", '\''},
    {"OElig", 0x152},    {"oelig", 0x153},     {"Scaron", 0x160},     {"scaron", 0x161},    {"Yuml", 0x178},
    {"Zcaron", 0x17D},   {"zcaron", 0x17E},    {"fnof", 0x192},       {"circ", 0x2C6},      {"tilde", 0x2DC},
    {"ensp", 0x2002},    {"emsp", 0x2003},     {"numsp", 0x2007},     {"puncsp", 0x2008},   {"thinsp", 0x2009},
    {"hairsp", 0x200A},  {"ZeroWidthSpace", 0x200B}, {"zwnj", 0x200C}, {"zwj", 0x200D},     {"lrm", 0x200E},
    {"rlm", 0x200F},     {"hyphen", 0x2010},   {"dash", 0x2010},      {"ndash", 0x2013},    {"mdash", 0x2014},
    {"horbar", 0x2015},  {"lsquo", 0x2018},    {"rsquo", 0x2019},     {"rsquor", 0x2019},   {"sbquo", 0x201A},
    {"ldquo", 0x201C},   {"rdquo", 0x201D},    {"rdquor", 0x201D},    {"bdquo", 0x201E},    {"dagger", 0x2020},
    {"Dagger", 0x2021},  {"bull", 0x2022},     {"bullet", 0x2022},    {"nldr", 0x2025},     {"hellip", 0x2026},
    {"mldr", 0x2026},    {"permil", 0x2030},   {"prime", 0x2032},     {"Prime", 0x2033},    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},  {"oline", 0x203E},    {"frasl", 0x2044},     {"NoBreak", 0x2060},  {"euro", 0x20AC},
    {"trade", 0x2122},   {"TRADE", 0x2122},    {"larr", 0x2190},      {"uarr", 0x2191},     {"rarr", 0x2192},
    {"darr", 0x2193},    {"harr", 0x2194},     {"minus", 0x2212},     {"lowast", 0x2217},   {"infin", 0x221E},
    {"ne", 0x2260},      {"le", 0x2264},       {"ge", 0x2265},        {"asymp", 0x2248},    {"deg", 0xB0},
    {"half", 0xBD},      {"excl", '!'},        {"num", '#'},          {"dollar", '$'},      {"percnt", '%'},
    {"lpar", '('},       {"rpar", ')'},        {"ast", '*'},          {"plus", '+'},        {"comma", ','},
    {"period", '.'},     {"sol", '/'},         {"colon", ':'},        {"semi", ';'},        {"equals", '='},
    {"quest", '?'},      {"commat", '@'},      {"lsqb", '['},         {"lbrack", '['},      {"bsol", '\\'},
    {"rsqb", ']'},       {"rbrack", ']'},      {"Hat", '^'},          {"lowbar", '_'},      {"grave", '`'},
    {"lcub", '{'},       {"lbrace", '{'},      {"verbar", '|'},       {"vert", '|'},        {"rcub", '}'},
    {"rbrace", '}'},     {"Tab", '\t'},        {"NewLine", '\n'},     {"AMP", '&'},         {"LT", '<'},
    {"GT", '>'},         {"QUOT", '"'},        {"COPY", 0xA9},        {"REG", 0xAE},        {"alpha", 0x3B1},
    {"beta", 0x3B2},     {"mu", 0x3BC},        {"pi", 0x3C0},         {"check", 0x2713},    {"star", 0x2606},
    {"starf", 0x2605},   {"loz", 0x25CA},      {"spades", 0x2660},    {"hearts", 0x2665},   {"nbhy", 0x2011}};

std::vector<named_entity> const &entity_table()
{
    static std::vector<named_entity> const table = [] {
        std::vector<named_entity> t;
        for (std::size_t k = 0; k < 96; ++k)
            t.push_back({latin1_names[k], static_cast<char32_t>(0xA0 + k)});
        for (auto const &e : other_entities)
            t.push_back(e);
        std::sort(t.begin(), t.end(), [](named_entity const &a, named_entity const &b) { return a.name < b.name; });
        // "deg" is in both lists; keep one.
        t.erase(std::unique(t.begin(), t.end(),
                            [](named_entity const &a, named_entity const &b) { return a.name == b.name; }),
                t.end());
        return t;
    }();
    return table;
}

char32_t find_entity(std::string_view name)
{
    auto const &table = entity_table();
    auto const it = std::lower_bound(table.begin(), table.end(), name,
                                     [](named_entity const &e, std::string_view n) { return e.name < n; });
    return it != table.end() && it->name == name ? it->cp : 0;
}

/// Names that browsers also accept without the closing semicolon.
bool is_legacy_entity(std::string_view name)
{
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp" || name == "copy" ||
           name == "reg" || name == "AMP" || name == "LT" || name == "GT" || name == "QUOT";
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_html_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// ---------------------------------------------------------------- elements

enum class tag_kind {
    inline_element, ///< no effect on layout
    block,          ///< paragraph break before and after
    line,           ///< line break; <br><br> is a paragraph break
    cell,           ///< line break that does not add up: table cells
    pre,            ///< block; whitespace inside is kept
    raw_text,       ///< content is not markup; dropped up to its end tag (or the end of input)
    raw_text_soft,  ///< as raw_text, but only the tag is dropped when the end tag is missing
    dropped_block,  ///< markup whose whole content is page furniture
};

struct tag_info {
    std::string_view name;
    tag_kind kind;
};

// Sorted by name for binary search.
constexpr tag_info known_tags[] = {
    {"address", tag_kind::block},        {"applet", tag_kind::dropped_block},   {"article", tag_kind::block},
    {"aside", tag_kind::dropped_block},  {"audio", tag_kind::dropped_block},    {"blockquote", tag_kind::block},
    {"body", tag_kind::block},           {"br", tag_kind::line},                {"button", tag_kind::dropped_block},
    {"canvas", tag_kind::dropped_block}, {"caption", tag_kind::block},          {"center", tag_kind::block},
    {"dd", tag_kind::block},             {"details", tag_kind::block},          {"dialog", tag_kind::dropped_block},
    {"dir", tag_kind::block},            {"div", tag_kind::block},              {"dl", tag_kind::block},
    {"dt", tag_kind::block},             {"fieldset", tag_kind::block},         {"figcaption", tag_kind::dropped_block},
    {"figure", tag_kind::block},         {"footer", tag_kind::dropped_block},   {"form", tag_kind::dropped_block},
    {"h1", tag_kind::block},             {"h2", tag_kind::block},               {"h3", tag_kind::block},
    {"h4", tag_kind::block},             {"h5", tag_kind::block},               {"h6", tag_kind::block},
    {"head", tag_kind::dropped_block},   {"header", tag_kind::block},           {"hgroup", tag_kind::block},
    {"hr", tag_kind::block},             {"html", tag_kind::block},             {"iframe", tag_kind::raw_text_soft},
    {"legend", tag_kind::block},         {"li", tag_kind::block},               {"listing", tag_kind::pre},
    {"main", tag_kind::block},           {"map", tag_kind::dropped_block},      {"math", tag_kind::dropped_block},
    {"menu", tag_kind::dropped_block},   {"nav", tag_kind::dropped_block},      {"noembed", tag_kind::raw_text_soft},
    {"noframes", tag_kind::raw_text_soft}, {"noscript", tag_kind::raw_text_soft}, {"object", tag_kind::dropped_block},
    {"ol", tag_kind::block},             {"option", tag_kind::block},           {"p", tag_kind::block},
    {"pre", tag_kind::pre},              {"script", tag_kind::raw_text},        {"section", tag_kind::block},
    {"select", tag_kind::dropped_block}, {"style", tag_kind::raw_text},         {"summary", tag_kind::block},
    {"svg", tag_kind::dropped_block},    {"table", tag_kind::block},            {"tbody", tag_kind::block},
    {"td", tag_kind::cell},              {"template", tag_kind::dropped_block}, {"textarea", tag_kind::raw_text_soft},
    {"tfoot", tag_kind::block},          {"th", tag_kind::cell},                {"thead", tag_kind::block},
    {"title", tag_kind::raw_text_soft},  {"tr", tag_kind::block},               {"ul", tag_kind::block},
    {"video", tag_kind::dropped_block},  {"xmp", tag_kind::raw_text_soft},
};
constexpr std::size_t known_tag_count = sizeof known_tags / sizeof known_tags[0];
constexpr bool tags_sorted()
{
    for (std::size_t k = 1; k < known_tag_count; ++k)
        if (!(known_tags[k - 1].name < known_tags[k].name))
            return false;
    return true;
}
static_assert(tags_sorted(), "known_tags must be sorted by name");

/// Index into known_tags, or known_tag_count.
std::size_t find_tag(std::string_view name)
{
    std::size_t lo = 0;
    std::size_t hi = known_tag_count;
    while (lo < hi) {
        std::size_t const mid = (lo + hi) / 2;
        if (known_tags[mid].name < name)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < known_tag_count && known_tags[lo].name == name ? lo : known_tag_count;
}

/// Splits a class or id value into lower-case words ("post-share_box" -> post, share, box).
template <typename F> void for_each_class_word(std::string_view value, F &&f)
{
    char word[24];
    std::size_t len = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        char const c = i < value.size() ? value[i] : ' ';
        if (is_ascii_alnum(c)) {
            if (len < sizeof word)
                word[len] = to_lower(c);
            ++len;
            continue;
        }
        if (len > 0 && len <= sizeof word)
            f(std::string_view(word, len));
        len = 0;
    }
}

/// Class and id words of page furniture. Layout words ("sidebar", "menu") are left out:
/// themes put them on wrappers of the whole page ("has-sidebar").
bool is_furniture_word(std::string_view w)
{
    static constexpr std::string_view words[] = {
        "ad",        "ads",          "adsbygoogle", "advert",    "advertisement", "advertising", "breadcrumb",
        "breadcrumbs", "comment",    "comments",    "cookie",    "cookies",       "newsletter",  "outbrain",
        "promo",     "related",      "relatedposts", "respond",  "share",         "sharedaddy",  "sharing",
        "social",    "sponsored",    "subscribe",   "subscription", "taboola",    "trending",    "widget",
        "widgets"};
    return std::binary_search(std::begin(words), std::end(words), w);
}

/// Class and id words that mark the article itself: they overrule furniture words
/// ("post-share-enabled" on the article body).
bool is_content_word(std::string_view w)
{
    return w == "article" || w == "body" || w == "content" || w == "entry" || w == "main" || w == "post" ||
           w == "story";
}

/// Words before a furniture word that make a class a state, not furniture ("has-ads").
bool is_state_word(std::string_view w)
{
    return w == "has" || w == "no" || w == "with" || w == "is" || w == "show" || w == "hide" || w == "open";
}

/// Do the attributes of a block element mark it as furniture: hidden, a navigation or
/// banner role, or a class or id naming comments, sharing, related links, ads?
bool has_furniture_attributes(std::string_view attrs)
{
    bool furniture = false;
    bool content = false;
    std::size_t i = 0;
    std::size_t const n = attrs.size();
    while (i < n) {
        while (i < n && (is_html_space(attrs[i]) || attrs[i] == '/'))
            ++i;
        std::size_t const name_begin = i;
        while (i < n && !is_html_space(attrs[i]) && attrs[i] != '=' && attrs[i] != '/')
            ++i;
        std::string_view const name = attrs.substr(name_begin, i - name_begin);
        while (i < n && is_html_space(attrs[i]))
            ++i;
        std::string_view value;
        if (i < n && attrs[i] == '=') {
            ++i;
            while (i < n && is_html_space(attrs[i]))
                ++i;
            if (i < n && (attrs[i] == '"' || attrs[i] == '\'')) {
                std::size_t const close = attrs.find(attrs[i], i + 1);
                std::size_t const end = close == std::string_view::npos ? n : close;
                value = attrs.substr(i + 1, end - i - 1);
                i = end + 1;
            } else {
                std::size_t const begin = i;
                while (i < n && !is_html_space(attrs[i]))
                    ++i;
                value = attrs.substr(begin, i - begin);
            }
        }
        if (name.empty()) {
            ++i;
            continue;
        }
        auto const is = [&](std::string_view lower) {
            if (name.size() != lower.size())
                return false;
            for (std::size_t k = 0; k < lower.size(); ++k)
                if (to_lower(name[k]) != lower[k])
                    return false;
            return true;
        };
        if (is("hidden") || (is("aria-hidden") && value == "true"))
            return true;
        if (is("role") && (value == "navigation" || value == "banner" || value == "contentinfo" ||
                           value == "complementary" || value == "search" || value == "dialog"))
            return true;
        if (is("class") || is("id")) {
            // Each class name on its own: "entry-content" names the article, "article-share"
            // and "comments-area" name furniture, "has-ads" a state.
            std::size_t k = 0;
            while (k < value.size()) {
                while (k < value.size() && is_html_space(value[k]))
                    ++k;
                std::size_t const item_begin = k;
                while (k < value.size() && !is_html_space(value[k]))
                    ++k;
                if (k == item_begin)
                    break;
                bool after_state = false;
                bool item_furniture = false;
                bool last_is_content = false;
                for_each_class_word(value.substr(item_begin, k - item_begin), [&](std::string_view w) {
                    item_furniture = item_furniture || (!after_state && is_furniture_word(w));
                    last_is_content = is_content_word(w);
                    after_state = is_state_word(w);
                });
                content = content || last_is_content;
                furniture = furniture || (item_furniture && !last_is_content);
            }
        }
    }
    return furniture && !content;
}

std::array<std::size_t, known_tag_count> make_npos_array()
{
    std::array<std::size_t, known_tag_count> a{};
    a.fill(std::string_view::npos);
    return a;
}

class html_converter {
public:
    explicit html_converter(std::string_view html) : m_html(html) { m_out.reserve(html.size() / 2 + 16); }

    std::string run()
    {
        std::size_t i = 0;
        std::size_t const n = m_html.size();
        for (;;) {
            while (i < n) {
                char const c = m_html[i];
                if (c == '<') {
                    i = markup(i);
                } else if (c == '&') {
                    i = entity(i);
                } else if (is_html_space(c)) {
                    if (m_pre_depth > 0 && c == '\n')
                        line_break(1);
                    else
                        m_space = true;
                    ++i;
                } else {
                    std::size_t j = i + 1;
                    while (j < n) {
                        if (!is_text_stop(m_html[j]))
                            ++j;
                        else if (m_html[j] == ' ' && j + 1 < n && !is_text_stop(m_html[j + 1]))
                            j += 2; // a lone space between words needs no collapsing
                        else
                            break;
                    }
                    put(m_html.substr(i, j - i));
                    i = j;
                }
            }
            if (m_drop_depth == 0)
                break;
            // A furniture block was never closed: keep its content rather than lose the page.
            m_disabled_drops.set(m_drop_tag);
            restore(m_drop_saved);
            i = m_drop_saved.input;
        }
        return std::move(m_out);
    }

private:
    static bool is_text_stop(char c) { return c == '<' || c == '&' || is_html_space(c); }

    bool dropping() const { return m_drop_depth > 0; }

    void put(std::string_view s)
    {
        if (dropping())
            return;
        if (!m_out.empty()) {
            if (m_newlines)
                m_out.append(static_cast<std::size_t>(m_newlines), '\n');
            else if (m_space)
                m_out.push_back(' ');
        }
        m_newlines = 0;
        m_space = false;
        m_out.append(s.data(), s.size());
    }

    void line_break(int count)
    {
        if (dropping())
            return;
        m_newlines = std::max(m_newlines, count);
        m_space = false;
    }

    std::size_t entity(std::size_t i)
    {
        char32_t cp = 0;
        std::size_t const len = parse_entity(m_html, i, cp);
        if (len == 0) {
            put("&");
            return i + 1;
        }
        if (cp == 0xA0 || cp == ' ' || cp == '\t') {
            m_space = true;
        } else if (cp == '\n') {
            if (m_pre_depth > 0)
                line_break(1);
            else
                m_space = true;
        } else {
            std::string utf8;
            append_utf8(utf8, cp);
            put(utf8);
        }
        return i + len;
    }

    /// Position of the '>' ending a tag whose attributes start at `from`, honouring quoted
    /// attribute values; npos when there is none.
    std::size_t tag_end(std::size_t from)
    {
        // Once a scan has run off the end, a later one would too (short of quotes pairing
        // differently), so malformed markup cannot make the conversion quadratic.
        if (from >= m_no_tag_end_from)
            return std::string_view::npos;
        std::size_t const n = m_html.size();
        for (std::size_t p = from; p < n; ++p) {
            char const c = m_html[p];
            if (c == '>')
                return p;
            if (c != '=')
                continue;
            std::size_t q = p + 1;
            while (q < n && is_html_space(m_html[q]))
                ++q;
            if (q >= n || (m_html[q] != '"' && m_html[q] != '\''))
                continue;
            std::size_t const close = find_char(m_html[q], q + 1);
            if (close == std::string_view::npos)
                return find_char('>', from); // unbalanced quote: the first '>' ends the tag
            p = close;
        }
        m_no_tag_end_from = from;
        return std::string_view::npos;
    }

    /// find() that remembers failures, so malformed markup cannot make the scan quadratic.
    std::size_t find_char(char c, std::size_t from)
    {
        std::size_t &no_more = c == '>' ? m_no_gt_from : c == '"' ? m_no_dquote_from : m_no_squote_from;
        if (from >= no_more)
            return std::string_view::npos;
        std::size_t const at = m_html.find(c, from);
        if (at == std::string_view::npos)
            no_more = std::min(no_more, from);
        return at;
    }

    /// Skips to after the end tag of known_tags[tag], case-insensitively; npos when it never
    /// comes (remembered, so that many unclosed <title>s cannot make the scan quadratic).
    std::size_t after_end_tag(std::size_t tag, std::size_t from)
    {
        if (from >= m_no_end_tag_from[tag])
            return std::string_view::npos;
        std::string_view const name = known_tags[tag].name;
        std::size_t const n = m_html.size();
        for (std::size_t p = m_html.find("</", from); p != std::string_view::npos; p = m_html.find("</", p + 2)) {
            std::size_t k = 0;
            while (k < name.size() && p + 2 + k < n && to_lower(m_html[p + 2 + k]) == name[k])
                ++k;
            if (k < name.size())
                continue;
            std::size_t const after = p + 2 + k;
            if (after < n && !is_html_space(m_html[after]) && m_html[after] != '>' && m_html[after] != '/')
                continue;
            std::size_t const gt = m_html.find('>', after);
            return gt == std::string_view::npos ? n : gt + 1;
        }
        m_no_end_tag_from[tag] = from;
        return std::string_view::npos;
    }

    /// Handles the '<' at i; returns where text resumes.
    std::size_t markup(std::size_t i)
    {
        std::size_t const n = m_html.size();
        std::size_t j = i + 1;
        if (j >= n) {
            put("<");
            return n;
        }
        if (m_html[j] == '!') {
            if (m_html.compare(j, 3, "!--") == 0) {
                std::size_t const end = m_html.find("-->", j + 3);
                return end == std::string_view::npos ? n : end + 3;
            }
            if (m_html.compare(j, 8, "![CDATA[") == 0) {
                std::size_t const end = m_html.find("]]>", j + 8);
                return end == std::string_view::npos ? n : end + 3;
            }
            std::size_t const end = find_char('>', j);
            return end == std::string_view::npos ? n : end + 1;
        }
        if (m_html[j] == '?') {
            std::size_t const end = find_char('>', j);
            return end == std::string_view::npos ? n : end + 1;
        }
        bool const closing = m_html[j] == '/';
        if (closing)
            ++j;
        if (j >= n || !is_ascii_alpha(m_html[j])) {
            if (closing) { // "</ >" and the like: a bogus comment
                std::size_t const end = find_char('>', j);
                if (end != std::string_view::npos)
                    return end + 1;
            }
            put("<");
            return i + 1;
        }
        char name_buf[16];
        std::size_t len = 0;
        std::size_t k = j;
        while (k < n && (is_ascii_alnum(m_html[k]) || m_html[k] == '-' || m_html[k] == ':' || m_html[k] == '_')) {
            if (len < sizeof name_buf)
                name_buf[len] = to_lower(m_html[k]);
            ++len;
            ++k;
        }
        std::size_t const end = tag_end(k);
        if (end == std::string_view::npos) {
            put("<");
            return i + 1;
        }
        bool const self_closing = end > k && m_html[end - 1] == '/';
        std::size_t const tag =
            len <= sizeof name_buf ? find_tag(std::string_view(name_buf, len)) : known_tag_count;
        return element(tag, closing, self_closing, m_html.substr(k, end - k), i, end + 1);
    }

    /// Acts on a tag (index into known_tags, or known_tag_count for any other) spanning
    /// up to `after`; returns where text resumes.
    std::size_t element(std::size_t tag, bool closing, bool self_closing, std::string_view attrs, std::size_t begin,
                        std::size_t after)
    {
        tag_kind const kind = tag < known_tag_count ? known_tags[tag].kind : tag_kind::inline_element;
        if (dropping()) {
            if (tag == m_drop_tag) {
                if (closing)
                    --m_drop_depth;
                else if (!self_closing)
                    ++m_drop_depth;
                if (m_drop_depth == 0) {
                    // A "furniture" class on a block holding most of the page is a layout class
                    // after all: read the block again.
                    if (m_drop_by_attributes && after - m_drop_saved.begin > 20000 &&
                        after - m_drop_saved.begin > m_html.size() / 2) {
                        m_keep_block_at = m_drop_saved.begin;
                        restore(m_drop_saved);
                        return m_drop_saved.begin;
                    }
                    line_break(2);
                }
                return after;
            }
            // <head> ends where the body visibly starts, even without </head>.
            if (known_tags[m_drop_tag].name == "head" && !closing &&
                (kind == tag_kind::block || kind == tag_kind::line || kind == tag_kind::cell ||
                 kind == tag_kind::pre)) {
                m_drop_depth = 0;
            } else {
                if ((kind == tag_kind::raw_text || kind == tag_kind::raw_text_soft) && !closing && !self_closing) {
                    std::size_t const skip = after_end_tag(tag, after);
                    return skip == std::string_view::npos ? after : skip;
                }
                return after;
            }
        }
        if (tag < known_tag_count && (known_tags[tag].name == "article" || known_tags[tag].name == "main")) {
            if (closing)
                m_article_depth = std::max(0, m_article_depth - 1);
            else if (!self_closing)
                ++m_article_depth;
        }
        if (kind == tag_kind::block && !closing && !self_closing && begin != m_keep_block_at &&
            !m_disabled_drops.test(tag)) {
            // The site's own <header> (masthead, menu) sits outside the article.
            std::string_view const name = known_tags[tag].name;
            bool const site_header = name == "header" && m_article_depth == 0;
            bool const container = name == "html" || name == "body" || name == "article" || name == "main";
            if (site_header || (!container && has_furniture_attributes(attrs))) {
                line_break(2);
                start_drop(tag, begin, after, !site_header);
                return after;
            }
        }
        switch (kind) {
        case tag_kind::inline_element:
            break;
        case tag_kind::block:
            line_break(2);
            break;
        case tag_kind::line:
            m_newlines = std::min(2, m_newlines + 1); // <br><br> is a paragraph break
            m_space = false;
            break;
        case tag_kind::cell:
            line_break(1);
            break;
        case tag_kind::pre:
            line_break(2);
            if (self_closing)
                break;
            if (closing)
                m_pre_depth = std::max(0, m_pre_depth - 1);
            else
                ++m_pre_depth;
            break;
        case tag_kind::raw_text:
        case tag_kind::raw_text_soft: {
            if (closing || self_closing)
                break;
            std::size_t const skip = after_end_tag(tag, after);
            if (skip != std::string_view::npos)
                return skip;
            return kind == tag_kind::raw_text ? m_html.size() : after;
        }
        case tag_kind::dropped_block:
            line_break(2);
            if (closing || self_closing || m_disabled_drops.test(tag))
                break;
            start_drop(tag, begin, after, false);
            break;
        }
        return after;
    }

    void start_drop(std::size_t tag, std::size_t begin, std::size_t after, bool by_attributes)
    {
        m_drop_saved = {begin, after, m_out.size(), m_newlines, m_space, m_pre_depth, m_article_depth};
        m_drop_tag = tag;
        m_drop_depth = 1;
        m_drop_by_attributes = by_attributes;
    }

    struct saved_state {
        std::size_t begin = 0; ///< the opening tag
        std::size_t input = 0; ///< after it
        std::size_t out_size = 0;
        int newlines = 0;
        bool space = false;
        int pre_depth = 0;
        int article_depth = 0;
    };

    void restore(saved_state const &state)
    {
        m_out.resize(state.out_size);
        m_newlines = state.newlines;
        m_space = state.space;
        m_pre_depth = state.pre_depth;
        m_article_depth = state.article_depth;
        m_drop_depth = 0;
    }

    std::string_view m_html;
    std::string m_out;
    int m_newlines = 0;
    bool m_space = false;
    int m_pre_depth = 0;
    int m_article_depth = 0; ///< open <article> and <main> elements
    std::size_t m_drop_tag = 0;
    int m_drop_depth = 0;
    bool m_drop_by_attributes = false;
    saved_state m_drop_saved;
    std::size_t m_keep_block_at = std::string_view::npos;
    std::bitset<known_tag_count> m_disabled_drops;
    std::array<std::size_t, known_tag_count> m_no_end_tag_from = make_npos_array();
    std::size_t m_no_tag_end_from = std::string_view::npos;
    std::size_t m_no_gt_from = std::string_view::npos;
    std::size_t m_no_dquote_from = std::string_view::npos;
    std::size_t m_no_squote_from = std::string_view::npos;
};

} // namespace

std::size_t parse_entity(std::string_view text, std::size_t i, char32_t &cp)
{
    std::size_t const n = text.size();
    std::size_t j = i + 1;
    if (j >= n)
        return 0;
    if (text[j] == '#') {
        ++j;
        bool const hex = j < n && (text[j] == 'x' || text[j] == 'X');
        if (hex)
            ++j;
        std::size_t const digits_begin = j;
        std::uint32_t value = 0;
        while (j < n) {
            int const d = hex ? hex_value(text[j]) : (text[j] >= '0' && text[j] <= '9' ? text[j] - '0' : -1);
            if (d < 0)
                break;
            if (value <= 0x10FFFF)
                value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
            ++j;
        }
        if (j == digits_begin)
            return 0;
        if (j < n && text[j] == ';')
            ++j;
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            cp = 0xFFFD;
        else if (value >= 0x80 && value <= 0x9F)
            cp = windows_1252_code_point(value) ? windows_1252_code_point(value) : 0xFFFD;
        else
            cp = value;
        return j - i;
    }
    while (j < n && j - i <= 32 && is_ascii_alnum(text[j]))
        ++j;
    if (j == i + 1)
        return 0;
    std::string_view const name = text.substr(i + 1, j - i - 1);
    if (j < n && text[j] == ';') {
        char32_t const found = find_entity(name);
        if (found == 0)
            return 0;
        cp = found;
        return j + 1 - i;
    }
    if (is_legacy_entity(name)) {
        cp = find_entity(name);
        return j - i;
    }
    return 0;
}

std::string html_to_text(std::string_view html) { return html_converter(html).run(); }

std::string decode_entities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', i)) {
        out.append(text.data() + i, amp - i);
        char32_t cp = 0;
        std::size_t const len = parse_entity(text, amp, cp);
        if (len == 0) {
            out.push_back('&');
            i = amp + 1;
        } else {
            append_utf8(out, cp);
            i = amp + len;
        }
    }
    out.append(text.data() + i, text.size() - i);
    return out;
}

} // namespace etl::extract
