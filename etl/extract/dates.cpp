#include "extract/dates.hpp"

#include "extract/date_lexicon.hpp"
#include "extract/numbers.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

using date_lexicon::kw;
using date_lexicon::lex;
using date_lexicon::unit;
using namespace date_lexicon::flag;

/// What the rules need to know about one token.
struct tok_info {
    lex lx;
    int value = -1;          // clean integer (no separators, at most four digits)
    std::uint8_t digits = 0; // its digit count
    std::uint8_t ordinal = 0; // "3rd" -> 3
    std::uint8_t word_ordinal = 0; // "fourth" -> 4: a day only next to a month ("Fourth of July", "July Fourth")
    int decade = -1;          // "1990s" -> 1990; "90s" -> 90 with decade2
    bool decade2 = false;
    bool starter = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

tok_info classify(token const &t)
{
    tok_info f;
    if (t.kind == token_kind::punct)
        return f;
    std::string const &s = t.norm;
    if (t.kind == token_kind::number) {
        // "2,000" has norm "2000" but a five-byte span: a count, never a year or a day.
        if (s.size() <= 4 && t.end - t.begin == s.size() && s.find('.') == std::string::npos) {
            f.value = 0;
            for (char c : s)
                f.value = f.value * 10 + (c - '0');
            f.digits = static_cast<std::uint8_t>(s.size());
        }
        f.starter = true; // also dotted dates
        return f;
    }
    if (auto const o = read_ordinal(t); o && o->spelled)
        f.word_ordinal = static_cast<std::uint8_t>(o->value);
    if (!s.empty() && is_digit(s[0])) {
        std::size_t k = 0;
        int v = 0;
        while (k < s.size() && is_digit(s[k])) {
            if (v < 100000) // only up to four digits matter; longer runs must not overflow
                v = v * 10 + (s[k] - '0');
            ++k;
        }
        std::string_view const rest = std::string_view(s).substr(k);
        if ((k == 1 || k == 2) && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") && v >= 1 && v <= 31)
            f.ordinal = static_cast<std::uint8_t>(v);
        else if (rest == "s" && v % 10 == 0 && (k == 4 || k == 2)) {
            f.decade = v;
            f.decade2 = k == 2;
        }
        f.starter = f.ordinal || f.decade >= 0;
        return f;
    }
    if (lex const *const l = date_lexicon::find_date_word(t)) {
        f.lx = *l;
        f.starter = (f.lx.flags & f_starter) != 0;
    }
    f.starter = f.starter || f.word_ordinal;
    return f;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers.

date_range day_range(civil_date d) { return date_range::day(d); }

civil_date monday_of(civil_date d) { return d.plus_days(-d.weekday()); }

date_range week_of(civil_date d)
{
    civil_date const mon = monday_of(d);
    return {mon, mon.plus_days(6), date_precision::week};
}

void add_months(int &y, int &m, int n)
{
    int const t = y * 12 + (m - 1) + n;
    y = t / 12;
    m = t % 12 + 1;
}

date_range month_range(int y, int m) { return date_range::month(y, m); }
date_range year_range(int y) { return date_range::year(y); }

date_range span(civil_date a, civil_date b, date_precision p) { return {a, b, p}; }

/// Widens the precision until the range fits it.
date_range honest(date_range r)
{
    auto fits = [&](date_precision p) {
        switch (p) {
        case date_precision::day: return r.start == r.end;
        case date_precision::week: return r.end.to_days() - r.start.to_days() <= 6;
        case date_precision::month: return r.start.year == r.end.year && r.start.month == r.end.month;
        case date_precision::year: return true;
        }
        return true;
    };
    while (r.precision != date_precision::year && !fits(r.precision))
        r.precision = static_cast<date_precision>(static_cast<int>(r.precision) + 1);
    return r;
}

date_range shift_days(date_range r, long n)
{
    r.start = r.start.plus_days(n);
    r.end = r.end.plus_days(n);
    return honest(r);
}

// ---------------------------------------------------------------------------------------------
// Matching.

enum class mod { none, early, mid, late, earlier, later, absorb };

/// A matched date expression before its role is known.
struct core {
    std::size_t count = 0;
    date_range range;
    unit grain = unit::day;   // what early/mid/late narrow: day, week, month, year, decade
    bool relative = false;
    bool vague = false;       // approximate period: role other
    bool other = false;       // future or reference period: role other
    bool this_ref = false;    // "this month", "today", "that day": "earlier"/"later" apply
    bool now = false;         // "today": "later today" is in the future
    bool inferred = false;    // a month whose year comes from publication
    bool cap = false;         // may run past publication: ends at publication
    char const *rule = "";

    /// A date resolved against publication or an anchor.
    static core relative_to(std::size_t count, date_range range, char const *rule)
    {
        core c;
        c.count = count;
        c.range = range;
        c.relative = true;
        c.rule = rule;
        return c;
    }
};

class finder {
public:
    /// Over the n tokens from `tokens`; mentions count their tokens from there.
    finder(token const *tokens, std::size_t n, std::optional<civil_date> published, std::optional<date_range> previous)
        : m_tokens(tokens), m_n(n), m_pub(published), m_anchor(previous)
    {
        m_info.reserve(m_n);
        for (std::size_t i = 0; i < m_n; ++i)
            m_info.push_back(classify(m_tokens[i]));
    }

    std::vector<date_mention> run()
    {
        for (std::size_t i = 0; i < m_n;) {
            if (!m_info[i].starter) {
                ++i;
                continue;
            }
            auto c = match_at(i);
            if (!c) {
                ++i;
                continue;
            }
            emit(i, *c);
            i += c->count;
            i = year_range_tail(i);
        }
        return std::move(m_out);
    }

private:
    token const *m_tokens;
    std::size_t m_n;
    std::optional<civil_date> m_pub;
    std::optional<date_range> m_anchor;
    std::vector<tok_info> m_info;
    std::vector<date_mention> m_out;
    std::size_t m_between = static_cast<std::size_t>(-1); // mention opened by "between"

    // --- token tests ---------------------------------------------------------------------

    kw word(std::size_t i) const { return i < m_n ? m_info[i].lx.word : kw::none; }
    bool is(std::size_t i, kw w) const { return i < m_n && m_info[i].lx.word == w; }
    std::uint16_t flags(std::size_t i) const { return i < m_n ? m_info[i].lx.flags : 0; }
    bool has(std::size_t i, std::uint16_t f) const { return (flags(i) & f) != 0; }
    unit unit_at(std::size_t i) const { return i < m_n ? m_info[i].lx.u : unit::none; }

    bool punct(std::size_t i, char c) const
    {
        return i < m_n && m_tokens[i].kind == token_kind::punct && m_tokens[i].norm.size() == 1 &&
               m_tokens[i].norm[0] == c;
    }
    /// U+2010..U+2015: hyphens and dashes other than "-" (which is not a token).
    bool dash(std::size_t i) const
    {
        if (i >= m_n || m_tokens[i].kind != token_kind::punct)
            return false;
        std::string const &s = m_tokens[i].norm;
        return s.size() == 3 && s[0] == '\xE2' && s[1] == '\x80' && static_cast<unsigned char>(s[2]) >= 0x90 &&
               static_cast<unsigned char>(s[2]) <= 0x95;
    }
    /// Tokens i and i+1 are one byte apart: a hyphen (which is not a token) or a single space.
    bool hyphen_gap(std::size_t i) const { return i + 1 < m_n && m_tokens[i + 1].begin == m_tokens[i].end + 1; }
    bool touching(std::size_t i) const { return i + 1 < m_n && m_tokens[i + 1].begin == m_tokens[i].end; }
    bool boundary(std::size_t i) const { return i >= m_n || m_tokens[i].kind == token_kind::punct; }
    bool capitalised(std::size_t i) const { return m_tokens[i].capitalised; }

    /// A month name at i; "May"/"March" only when capitalised. Abbreviations only if allowed.
    int month_at(std::size_t i, bool abbrev_ok) const
    {
        if (i >= m_n)
            return 0;
        auto const &l = m_info[i].lx;
        if (!l.month)
            return 0;
        if ((l.flags & f_ambiguous) && !capitalised(i))
            return 0;
        if ((l.flags & f_abbrev) && !abbrev_ok)
            return 0;
        return l.month;
    }
    bool full_weekday(std::size_t i) const { return i < m_n && m_info[i].lx.weekday >= 0 && !has(i, f_abbrev); }

    /// Day of month at i: "3", "03", "3rd"; not a clock time ("3:30") nor, unless told otherwise,
    /// a count ("3 people").
    int day_at(std::size_t i, bool count_ok = false) const
    {
        if (i >= m_n)
            return 0;
        auto const &f = m_info[i];
        if (f.ordinal)
            return f.ordinal;
        if (f.digits < 1 || f.digits > 2 || f.value < 1 || f.value > 31)
            return 0;
        if (punct(i + 1, ':') && touching(i) && touching(i + 1) && m_info[i + 2].digits == 2)
            return 0; // "3:30"
        if (!count_ok && has(i + 1, f_count_noun))
            return 0;
        return f.value;
    }
    int year4_at(std::size_t i) const
    {
        if (i >= m_n || m_info[i].digits != 4)
            return 0;
        int const v = m_info[i].value;
        return v >= 1000 && v <= 2100 && !has(i + 1, f_count_noun) ? v : 0;
    }

    int pivot_year(int yy) const
    {
        int const limit = m_pub ? m_pub->year + 1 : 2049;
        int y = limit / 100 * 100 + yy;
        while (y > limit)
            y -= 100;
        return y;
    }

    /// The latest d/m on or before publication.
    std::optional<civil_date> latest_day_month(int m, int d) const
    {
        if (!m_pub)
            return std::nullopt;
        for (int y = m_pub->year; y >= m_pub->year - 8; --y)
            if (civil_date::valid(y, m, d) && civil_date{y, m, d} <= *m_pub)
                return civil_date{y, m, d};
        return std::nullopt;
    }

    // --- absolute dates ---------------------------------------------------------------------

    /// Builds a day (or short day range) date; without a year, the latest on or before publication.
    std::optional<core> make_day(std::size_t count, int y, int m, int d, int d2, char const *rule) const
    {
        core c;
        c.count = count;
        c.rule = rule;
        c.grain = unit::day;
        if (y) {
            if (!civil_date::valid(y, m, d) || (d2 && !civil_date::valid(y, m, d2)))
                return std::nullopt;
        } else {
            auto const found = latest_day_month(m, d);
            if (!found || (d2 && !civil_date::valid(found->year, m, d2)))
                return std::nullopt;
            y = found->year;
            c.relative = true;
        }
        c.range = honest(span(civil_date{y, m, d}, civil_date{y, m, d2 ? d2 : d}, date_precision::day));
        return c;
    }

    /// "3-5 January", "January 3-5": the second day after a hyphen or a dash.
    std::size_t second_day(std::size_t i, int d, int &d2) const
    {
        std::size_t k = i + 1;
        if (dash(k))
            ++k;
        else if (!hyphen_gap(i))
            return i + 1;
        int const v = day_at(k);
        if (v > d && m_info[k].ordinal == 0 && !punct(k + 1, '/')) {
            d2 = v;
            return k + 1;
        }
        return i + 1;
    }

    /// "January 3", "Jan. 3rd, 2024", "October 2021", "in October".
    std::optional<core> month_first(std::size_t i, bool after_mod) const
    {
        int const m = month_at(i, true);
        if (!m)
            return std::nullopt;
        bool const abbrev = has(i, f_abbrev);
        std::size_t j = i + 1;
        if (abbrev && punct(j, '.'))
            ++j;
        // "in March 3 people died" is a count, "on March 3 militants attacked" a date; "July Fourth".
        int const word_day = j < m_n && !m_tokens[j].all_caps && m_tokens[j].capitalised ? m_info[j].word_ordinal : 0;
        if (int const d = word_day ? word_day : day_at(j, i > 0 && is(i - 1, kw::on))) {
            int d2 = 0;
            std::size_t k = second_day(j, d, d2);
            if (d2 && month_at(k, true))
                k = j + 1, d2 = 0; // "January 30-February 2": two dates
            int y = 0;
            std::size_t kk = k;
            if (punct(kk, ','))
                ++kk;
            if (int const yv = year4_at(kk)) {
                y = yv;
                k = kk + 1;
            }
            if (!y && m == 9 && d == 11 && !d2 && has(k, f_event_name))
                return std::nullopt;
            if (auto const [ya, taken] = year_after(k); !y && ya) {
                y = ya;
                k += taken;
            }
            if (auto c = make_day(k - i, y, m, d, d2, "month_day"))
                return c;
        }
        std::size_t k = j;
        if (punct(k, ','))
            ++k;
        if (int const y = year4_at(k)) {
            core c;
            c.count = k + 1 - i;
            c.range = month_range(y, m);
            c.grain = unit::month;
            c.rule = "month_year";
            return c;
        }
        if (abbrev || !m_pub || !(after_mod || month_context(i)))
            return std::nullopt;
        if (auto const [ya, taken] = year_after(j); ya) {
            core c = month_alone(m);
            c.count += taken;
            c.range = month_range(ya, m);
            c.cap = ya == m_pub->year;
            c.rule = "month_relative_year";
            return c;
        }
        return month_alone(m);
    }

    /// Words after which a bare month name is a date: "in May", "since March".
    bool month_context(std::size_t i) const
    {
        if (i == 0)
            return false;
        switch (word(i - 1)) {
        case kw::in: case kw::since: case kw::until: case kw::through: case kw::by: case kw::of:
        case kw::during: case kw::from: case kw::between: case kw::before: case kw::after:
        case kw::around: case kw::throughout:
            return true;
        case kw::and_: case kw::or_: case kw::to:
            return follows_mention(i - 1);
        default:
            if (follows_mention(i) && hyphen_gap(i - 1)) // "January-March"
                return true;
            return (punct(i - 1, ',') || dash(i - 1)) && follows_mention(i - 1);
        }
    }
    /// The last mention ends right before token i.
    bool follows_mention(std::size_t i) const
    {
        return !m_out.empty() && m_out.back().first_token + m_out.back().token_count == i;
    }

    /// The latest such month on or before publication.
    /// "last year" / "this year" right after a day or month ("October 9 last year", "in August
    /// last year"): the year meant, and the tokens it takes; 0 when none.
    std::pair<int, std::size_t> year_after(std::size_t k) const
    {
        std::size_t const of = k < m_n && is(k, kw::of) ? 1 : 0; // "May 6 of last year"
        k += of;
        if (!m_pub || k + 1 >= m_n || unit_at(k + 1) != unit::year)
            return {0, 0};
        if (is(k, kw::last))
            return {m_pub->year - 1, 2 + of};
        if (is(k, kw::this_))
            return {m_pub->year, 2 + of};
        return {0, 0};
    }

    core month_alone(int m) const
    {
        int y = m_pub->year;
        if (m > m_pub->month)
            --y;
        // "Later that year, in November": the year the sentence has just named
        if (!m_out.empty() && m_out.back().role == date_role::event &&
            m_out.back().range.precision == date_precision::year)
            y = m_out.back().range.start.year;
        core c;
        c.count = 1;
        c.range = month_range(y, m);
        c.grain = unit::month;
        c.relative = true;
        c.inferred = true;
        c.cap = true;
        c.rule = "month";
        return c;
    }

    /// "3 January", "3rd of January 2024", "30 DEC 89", "3-5 January".
    std::optional<core> day_first(std::size_t i) const
    {
        bool const word_day = m_info[i].word_ordinal && is(i + 1, kw::of) && month_at(i + 2, true);
        int const d = word_day ? m_info[i].word_ordinal : day_at(i);
        if (!d)
            return std::nullopt;
        int d2 = 0;
        std::size_t j = word_day ? i + 1 : second_day(i, d, d2);
        if ((m_info[i].ordinal || word_day) && is(j, kw::of))
            ++j;
        int const m = month_at(j, true);
        if (!m)
            return std::nullopt;
        std::size_t k = j + 1;
        bool const abbrev = has(j, f_abbrev);
        if (abbrev && punct(k, '.'))
            ++k;
        int y = 0;
        std::size_t kk = k;
        if (punct(kk, ','))
            ++kk;
        if (int const yv = year4_at(kk)) {
            y = yv;
            k = kk + 1;
        } else if (k < m_n && m_info[k].digits == 2 && (abbrev || m_tokens[j].all_caps) && !has(k + 1, f_count_noun) &&
                   !(punct(k + 1, ':') && touching(k))) {
            y = pivot_year(m_info[k].value); // military style "30 DEC 89"
            ++k;
        }
        if (!y && m == 9 && d == 11 && !d2 && has(k, f_event_name))
            return std::nullopt;
        if (auto const [ya, taken] = year_after(k); !y && ya) {
            y = ya;
            k += taken;
        }
        return make_day(k - i, y, m, d, d2, "day_month");
    }

    /// "2024-01-03", "2024/01/03", "01/03/2024", "3/1/24", "03.01.2024".
    std::optional<core> numeric(std::size_t i) const
    {
        auto const &f = m_info[i];
        auto small = [&](std::size_t k) {
            return k < m_n && m_info[k].digits >= 1 && m_info[k].digits <= 2 ? m_info[k].value : 0;
        };
        if (f.digits == 4) {
            int const y = f.value;
            int mo = 0, d = 0;
            if (hyphen_gap(i) && (mo = small(i + 1)) && hyphen_gap(i + 1) && (d = small(i + 2)) &&
                m_tokens[i + 1].kind == token_kind::number) {
            } else if (punct(i + 1, '/') && touching(i) && touching(i + 1) && (mo = small(i + 2)) &&
                       punct(i + 3, '/') && touching(i + 2) && touching(i + 3) && (d = small(i + 4))) {
            } else {
                return std::nullopt;
            }
            if (!civil_date::valid(y, mo, d))
                return std::nullopt;
            core c;
            c.count = punct(i + 1, '/') ? 5 : 3;
            c.range = day_range(civil_date{y, mo, d});
            c.rule = "iso_date";
            return c;
        }
        if (f.digits >= 1 && f.digits <= 2) {
            int const a = f.value;
            int b = 0;
            if (!(punct(i + 1, '/') && touching(i) && touching(i + 1) && (b = small(i + 2)) && punct(i + 3, '/') &&
                  touching(i + 2) && touching(i + 3) && i + 4 < m_n))
                return std::nullopt;
            auto const &yt = m_info[i + 4];
            int y = 0;
            if (yt.digits == 4)
                y = yt.value;
            else if (yt.digits == 2)
                y = pivot_year(yt.value);
            else
                return std::nullopt;
            if (punct(i + 5, '/') && touching(i + 4))
                return std::nullopt;
            int const m = a > 12 ? b : a; // US month/day unless the first cannot be a month
            int const d = a > 12 ? a : b;
            if (!civil_date::valid(y, m, d))
                return std::nullopt;
            core c;
            c.count = 5;
            c.range = day_range(civil_date{y, m, d});
            c.rule = "numeric_date";
            return c;
        }
        if (m_tokens[i].kind == token_kind::number) { // "03.01.2024": the tokenizer keeps it as one number
            std::string const &s = m_tokens[i].norm;
            std::size_t const p1 = s.find('.');
            std::size_t const p2 = p1 == std::string::npos ? p1 : s.find('.', p1 + 1);
            if (p2 == std::string::npos || s.find('.', p2 + 1) != std::string::npos)
                return std::nullopt;
            if (p1 < 1 || p1 > 2 || p2 - p1 - 1 < 1 || p2 - p1 - 1 > 2 || s.size() - p2 - 1 != 4)
                return std::nullopt;
            int const d = std::stoi(s.substr(0, p1));
            int const m = std::stoi(s.substr(p1 + 1, p2 - p1 - 1));
            int const y = std::stoi(s.substr(p2 + 1));
            if (!civil_date::valid(y, m, d))
                return std::nullopt;
            core c;
            c.count = 1;
            c.range = day_range(civil_date{y, m, d});
            c.rule = "dotted_date";
            return c;
        }
        return std::nullopt;
    }

    /// "2017", "in 2017", "the 2017 attack"; not "2,017", "page 2017", "2000 people", "1900 GMT".
    std::optional<core> year_alone(std::size_t i) const
    {
        auto const &f = m_info[i];
        if (f.digits != 4 || f.value < 1900 || f.value > 2100)
            return std::nullopt;
        if (i > 0 && (has(i - 1, f_not_year_after) || punct(i - 1, '$') || punct(i - 1, '#')))
            return std::nullopt;
        if (has(i + 1, f_count_noun) || punct(i + 1, '%'))
            return std::nullopt;
        if (i > 0 && (punct(i - 1, '/') || punct(i - 1, ':') || punct(i - 1, '.')) && m_tokens[i - 1].end == m_tokens[i].begin)
            return std::nullopt;
        core c;
        c.count = 1;
        c.range = year_range(f.value);
        c.grain = unit::year;
        c.rule = "year";
        return c;
    }

    /// "the 1990s", "the '90s": a period, not an event date.
    std::optional<core> decade(std::size_t i) const
    {
        auto const &f = m_info[i];
        if (f.decade < 0)
            return std::nullopt;
        int const y = f.decade2 ? pivot_year(f.decade) : f.decade;
        if (y < 1000 || y > 2100)
            return std::nullopt;
        core c;
        c.count = 1;
        c.range = span(civil_date{y, 1, 1}, civil_date{y + 9, 12, 31}, date_precision::year);
        c.grain = unit::decade;
        c.other = true;
        c.rule = "decade";
        return c;
    }

    std::optional<core> absolute_at(std::size_t i, bool after_mod) const
    {
        if (i >= m_n)
            return std::nullopt;
        auto const &f = m_info[i];
        if (f.lx.month)
            return month_first(i, after_mod);
        if (f.decade >= 0)
            return decade(i);
        if (m_tokens[i].kind == token_kind::number) {
            if (auto c = numeric(i))
                return c;
            if (auto c = day_first(i))
                return c;
            return year_alone(i);
        }
        if (f.ordinal || f.word_ordinal)
            return day_first(i);
        return std::nullopt;
    }

    // --- relative to publication ----------------------------------------------------------------

    core pub_day(std::size_t count, long offset, char const *rule) const
    {
        return core::relative_to(count, day_range(m_pub->plus_days(offset)), rule);
    }

    /// Absorbs "morning", "night" ... after a day expression.
    std::size_t time_of_day(std::size_t j) const { return has(j, f_time_of_day) ? j + 1 : j; }

    /// Weekday at i (the tokens from `first` on belong to the expression).
    /// dir: 0 the latest on or before publication, -1 strictly before, +1 strictly after.
    std::optional<core> weekday_rel(std::size_t first, std::size_t i, int dir) const
    {
        if (!m_pub)
            return std::nullopt;
        if (i > 0 && has(i - 1, f_weekday_pre_block))
            return std::nullopt;
        if (has(i + 1, f_weekday_post_block))
            return std::nullopt;
        int const wd = m_info[i].lx.weekday;
        int const pw = m_pub->weekday();
        std::size_t j = i + 1;
        long offset = 0;
        char const *rule = "weekday";
        if (dir == 0 && is(j, kw::last) && unit_at(j + 1) == unit::week) { // "Monday last week"
            offset = (wd - pw) - 7;
            j += 2;
            rule = "weekday_last_week";
        } else if (dir == 0 && is(j, kw::last) && unit_at(j + 1) == unit::none && !is(j + 1, kw::weekend) &&
                   !has(j + 1, f_time_of_day) && !(j + 1 < m_n && m_info[j + 1].lx.month)) { // "on Sunday last"
            offset = -((pw - wd + 6) % 7 + 1);
            ++j;
            rule = "weekday_last";
        } else if (dir == 0) {
            offset = -((pw - wd + 7) % 7);
        } else if (dir < 0) {
            offset = -((pw - wd + 6) % 7 + 1);
            rule = "last_weekday";
        } else {
            offset = (wd - pw + 6) % 7 + 1;
            rule = "next_weekday";
        }
        j = time_of_day(j);
        core c = pub_day(j - first, offset, rule);
        c.other = dir > 0;
        return c;
    }

    core pub_period(std::size_t count, date_range r, unit grain, char const *rule) const
    {
        core c = core::relative_to(count, r, rule);
        c.grain = grain;
        return c;
    }

    /// The latest weekend (Saturday..Sunday) that ends on or before publication.
    date_range latest_weekend() const
    {
        civil_date const sunday = m_pub->plus_days(-((m_pub->weekday() - 6 + 7) % 7));
        return span(sunday.plus_days(-1), sunday, date_precision::week);
    }

    /// "last week", "this month", "next year", "last weekend", "last October", "last Friday".
    /// which: -1 last, 0 this, +1 next.
    std::optional<core> this_last_next(std::size_t i, int which) const
    {
        if (!m_pub)
            return std::nullopt;
        std::size_t const j = i + 1;
        civil_date const p = *m_pub;
        switch (unit_at(j)) {
        case unit::week: {
            core c = pub_period(2, week_of(p.plus_days(7 * which)), unit::week, which < 0 ? "last_week" : which > 0 ? "next_week" : "this_week");
            c.this_ref = which == 0;
            c.cap = which == 0;
            c.other = which > 0;
            return c;
        }
        case unit::month: {
            int y = p.year, m = p.month;
            add_months(y, m, which);
            core c = pub_period(2, month_range(y, m), unit::month, which < 0 ? "last_month" : which > 0 ? "next_month" : "this_month");
            c.this_ref = which == 0;
            c.cap = which == 0;
            c.other = which > 0;
            return c;
        }
        case unit::year: {
            core c = pub_period(2, year_range(p.year + which), unit::year, which < 0 ? "last_year" : which > 0 ? "next_year" : "this_year");
            c.this_ref = which == 0;
            c.cap = which == 0;
            c.other = which > 0;
            return c;
        }
        default: break;
        }
        if (is(j, kw::weekend)) {
            date_range r = latest_weekend();
            if (which == 0) { // the weekend of publication's week
                civil_date const sat = monday_of(p).plus_days(5);
                r = span(sat, sat.plus_days(1), date_precision::week);
            } else if (which > 0) {
                civil_date const sat = monday_of(p).plus_days(12);
                r = span(sat, sat.plus_days(1), date_precision::week);
            }
            core c = pub_period(2, r, unit::week, "weekend");
            c.cap = true;
            return c;
        }
        if (full_weekday(j))
            return weekday_rel(i, j, which);
        if (which < 0 && has(j, f_time_of_day) && (m_tokens[j].norm == "night"sv || m_tokens[j].norm == "evening"sv))
            return pub_day(2, -1, "last_night");
        if (which == 0 && has(j, f_time_of_day)) {
            core c = pub_day(2, 0, "this_morning");
            c.this_ref = c.now = true;
            return c;
        }
        if (int const m = month_at(j, false)) {
            int y = p.year;
            if (which < 0 && m >= p.month)
                --y;
            else if (which > 0 && m <= p.month)
                ++y;
            core c = pub_period(2, month_range(y, m), unit::month, which < 0 ? "last_month_name" : which > 0 ? "next_month_name" : "this_month_name");
            c.cap = true;
            return c;
        }
        if (which < 0)
            return past_span(i); // "the last two weeks"
        return std::nullopt;
    }

    /// "the past week", "the past two weeks", "the last 24 hours", "past few days": vague.
    std::optional<core> past_span(std::size_t i) const
    {
        if (!m_pub)
            return std::nullopt;
        std::size_t j = i + 1;
        int n = 1;
        if (auto q = quantity_at(j)) {
            n = q->n;
            j += q->count;
        }
        unit const u = unit_at(j);
        if (u == unit::none)
            return std::nullopt;
        civil_date const p = *m_pub;
        civil_date from = p;
        switch (u) {
        case unit::minute: break;
        case unit::hour: from = p.plus_days(-std::max(1, n / 24)); break;
        case unit::day: from = p.plus_days(1 - n); break; // "the past week" is seven days up to today
        case unit::week: from = p.plus_days(1 - 7L * n); break;
        case unit::fortnight: from = p.plus_days(1 - 14L * n); break;
        case unit::month: {
            int y = p.year, m = p.month;
            add_months(y, m, -n);
            from = civil_date{y, m, std::min(p.day, civil_date::days_in_month(y, m))};
            break;
        }
        case unit::year: from = civil_date{p.year - n, p.month, std::min(p.day, 28)}; break;
        case unit::decade: from = civil_date{p.year - 10 * n, 1, 1}; break;
        case unit::none: break;
        }
        core c = pub_period(j + 1 - i, honest(span(from, p, date_precision::day)), unit::day, "past_period");
        c.vague = true;
        return c;
    }

    std::optional<core> recent(std::size_t i) const
    {
        unit const u = unit_at(i + 1);
        if (!m_pub || u == unit::none || m_tokens[i + 1].norm.back() != 's')
            return std::nullopt;
        civil_date const p = *m_pub;
        civil_date from = p;
        switch (u) {
        case unit::day: from = p.plus_days(-7); break;
        case unit::week: from = p.plus_days(-42); break;
        case unit::month: from = p.plus_days(-183); break;
        case unit::year: from = civil_date{p.year - 5, 1, 1}; break;
        case unit::decade: from = civil_date{p.year - 30, 1, 1}; break;
        default: break;
        }
        core c = pub_period(2, honest(span(from, p, date_precision::day)), unit::day, "recent");
        c.vague = true;
        return c;
    }

    // --- quantities: "two days ago", "a week later", "days later" ------------------------------

    struct quantity {
        std::size_t count = 0;
        int n = 0;
        bool vague = false;
    };

    std::optional<quantity> quantity_at(std::size_t i) const
    {
        if (i >= m_n)
            return std::nullopt;
        auto const &f = m_info[i];
        if (f.digits >= 1 && f.digits <= 3 && f.value >= 1)
            return quantity{1, f.value, false};
        if (f.lx.word == kw::couple && is(i + 1, kw::of))
            return quantity{2, 2, true};
        if (f.lx.number == 1 && has(i + 1, f_vague))
            return quantity{2, 3, true}; // "a few"
        if (f.lx.number == 1 && is(i + 1, kw::couple) && is(i + 2, kw::of))
            return quantity{3, 2, true};
        if (f.lx.number)
            return quantity{1, f.lx.number, false};
        if (f.lx.flags & f_vague)
            return quantity{1, 3, true};
        return std::nullopt;
    }

    /// quantity? unit (ago | later | earlier | before, | after,)
    std::optional<core> quantity_rel(std::size_t i) const
    {
        quantity q;
        std::size_t j = i;
        if (auto found = quantity_at(i)) {
            q = *found;
            j += q.count;
        } else {
            q = quantity{0, 3, true}; // a bare plural: "days later", "hours earlier"
        }
        unit const u = unit_at(j);
        if (u == unit::none || (q.count == 0 && m_tokens[j].norm.back() != 's'))
            return std::nullopt;
        std::size_t const k = j + 1;
        int dir = 0;
        switch (word(k)) {
        case kw::ago: dir = -2; break;
        case kw::later: dir = 1; break;
        case kw::earlier: dir = -1; break;
        case kw::after: dir = boundary(k + 1) ? 1 : 0; break;
        case kw::before: dir = boundary(k + 1) ? -1 : 0; break;
        default: break;
        }
        if (!dir)
            return std::nullopt;
        std::size_t const count = k + 1 - i;
        if (dir == -2 && m_pub && !q.vague)
            if (auto c = anniversary(i, k + 1, q, u))
                return c;
        // "hours earlier" with nothing before it: hours before publication.
        if (dir == -2 || (!m_anchor && dir == -1 && (u == unit::hour || u == unit::minute))) {
            if (!m_pub)
                return std::nullopt;
            return ago(count, q, u);
        }
        if (!m_anchor)
            return std::nullopt;
        return from_anchor(count, q, u, dir);
    }

    /// "a year ago today", "one year ago tonight", "two months ago this morning": the same day
    /// that many years or months before publication (memorial and anniversary pieces).
    std::optional<core> anniversary(std::size_t i, std::size_t after, quantity q, unit u) const
    {
        if (u != unit::year && u != unit::month)
            return std::nullopt;
        std::size_t end = after;
        civil_date p = *m_pub;
        if (is(after, kw::today) || is(after, kw::tonight))
            end = after + 1;
        else if (is(after, kw::this_) && after + 1 < m_n && has(after + 1, f_time_of_day))
            end = after + 2;
        else if (full_weekday(after)) {
            // "one year ago Monday": that weekday of this week, that many years back
            end = after + 1;
            p = p.plus_days(-((p.weekday() - m_info[after].lx.weekday + 7) % 7));
        } else
            return std::nullopt;
        int y = p.year, m = p.month;
        if (u == unit::year)
            y -= q.n;
        else
            add_months(y, m, -q.n);
        int const d = std::min(p.day, civil_date::days_in_month(y, m));
        return core::relative_to(end - i, day_range(civil_date{y, m, d}), "anniversary");
    }

    core ago(std::size_t count, quantity q, unit u) const
    {
        civil_date const p = *m_pub;
        date_range r = day_range(p);
        bool vague = q.vague;
        int const n = q.n;
        switch (u) {
        case unit::minute: vague = false; break;
        case unit::hour:
            r = day_range(p.plus_days(q.vague ? 0 : -(n / 24)));
            vague = false;
            break;
        case unit::day: r = q.vague ? span(p.plus_days(-7), p.plus_days(-1), date_precision::week) : day_range(p.plus_days(-n)); break;
        case unit::week: r = q.vague ? honest(span(p.plus_days(-42), p.plus_days(-7), date_precision::month)) : week_of(p.plus_days(-7L * n)); break;
        case unit::fortnight: r = week_of(p.plus_days(-14L * n)); break;
        case unit::month:
            if (q.vague) {
                r = honest(span(p.plus_days(-365), p.plus_days(-30), date_precision::year));
            } else {
                int y = p.year, m = p.month;
                add_months(y, m, -n);
                r = month_range(y, m);
            }
            break;
        case unit::year:
            r = q.vague ? span(civil_date{p.year - 10, 1, 1}, civil_date{p.year - 1, 12, 31}, date_precision::year)
                        : year_range(p.year - n);
            break;
        case unit::decade:
            r = span(civil_date{p.year - 10 * n - 5, 1, 1}, civil_date{p.year - 10 * n + 5, 12, 31}, date_precision::year);
            vague = true;
            break;
        case unit::none: break;
        }
        core c = core::relative_to(count, r, "ago");
        c.vague = vague;
        return c;
    }

    /// "two days later", "a week earlier", "hours later": from the anchor date.
    core from_anchor(std::size_t count, quantity q, unit u, int dir) const
    {
        date_range const &a = *m_anchor;
        date_range r = a;
        bool vague = q.vague;
        long const n = q.n * dir;
        switch (u) {
        case unit::minute: vague = false; break;
        case unit::hour:
            r = q.vague ? a : shift_days(a, n / 24);
            vague = false;
            break;
        case unit::day:
            r = q.vague ? (dir > 0 ? honest(span(a.end.plus_days(1), a.end.plus_days(7), date_precision::week))
                                   : honest(span(a.start.plus_days(-7), a.start.plus_days(-1), date_precision::week)))
                        : shift_days(a, n);
            break;
        case unit::week:
        case unit::fortnight: {
            long const days = (u == unit::week ? 7 : 14) * n;
            r = q.vague ? (dir > 0 ? honest(span(a.end.plus_days(7), a.end.plus_days(42), date_precision::month))
                                   : honest(span(a.start.plus_days(-42), a.start.plus_days(-7), date_precision::month)))
                        : shift_days(a, days);
            break;
        }
        case unit::month: {
            if (q.vague) {
                r = dir > 0 ? honest(span(a.end.plus_days(30), a.end.plus_days(365), date_precision::year))
                            : honest(span(a.start.plus_days(-365), a.start.plus_days(-30), date_precision::year));
            } else if (a.precision == date_precision::year) {
                r = shift_days(a, 30 * n);
            } else {
                int y = a.start.year, m = a.start.month;
                add_months(y, m, static_cast<int>(n));
                r = month_range(y, m);
            }
            break;
        }
        case unit::year:
        case unit::decade: {
            long const years = (u == unit::year ? 1 : 10) * n;
            r = year_range(static_cast<int>(a.start.year + years));
            vague = vague || u == unit::decade;
            break;
        }
        case unit::none: break;
        }
        core c = core::relative_to(count, r, dir > 0 ? "later" : "earlier");
        c.vague = vague;
        return c;
    }

    // --- relative to the anchor: "the next day", "that night", "the following week" -------

    /// step: +1 next/following, -1 previous, 0 same/that.
    std::optional<core> anchor_unit(std::size_t count_before_unit, std::size_t j, int step, char const *rule) const
    {
        if (!m_anchor)
            return std::nullopt;
        date_range const &a = *m_anchor;
        core c;
        c.relative = true;
        c.rule = rule;
        c.this_ref = step == 0;
        if (has(j, f_time_of_day) || unit_at(j) == unit::day) {
            c.count = count_before_unit + 1;
            c.range = step ? shift_days(a, step) : a;
            return c;
        }
        switch (unit_at(j)) {
        case unit::week:
            c.count = count_before_unit + 1;
            c.grain = unit::week;
            c.range = a.precision == date_precision::day ? week_of(a.start.plus_days(7L * step))
                                                         : shift_days(a, 7L * step);
            return c;
        case unit::month: {
            if (a.precision == date_precision::year)
                return std::nullopt;
            int y = a.start.year, m = a.start.month;
            add_months(y, m, step);
            c.count = count_before_unit + 1;
            c.grain = unit::month;
            c.range = month_range(y, m);
            return c;
        }
        case unit::year:
            c.count = count_before_unit + 1;
            c.grain = unit::year;
            c.range = year_range(a.start.year + step);
            return c;
        default: break;
        }
        if (full_weekday(j) && step && a.precision == date_precision::day) {
            int const wd = m_info[j].lx.weekday;
            int const aw = a.start.weekday();
            long const offset = step > 0 ? (wd - aw + 6) % 7 + 1 : -((aw - wd + 6) % 7 + 1);
            c.count = count_before_unit + 1;
            c.range = day_range(a.start.plus_days(offset));
            return c;
        }
        return std::nullopt;
    }

    static std::optional<core> with_count(std::optional<core> c, std::size_t count)
    {
        if (c)
            c->count = count;
        return c;
    }

    /// Expressions starting with "the" (other than modifiers).
    std::optional<core> the_rel(std::size_t i, bool after_mod) const
    {
        std::size_t const j = i + 1;
        switch (word(j)) {
        case kw::next:
        case kw::following:
            return anchor_unit(2, j + 1, 1, "next_day");
        case kw::previous:
            return anchor_unit(2, j + 1, -1, "previous_day");
        case kw::same:
            return anchor_unit(2, j + 1, 0, "same_day");
        case kw::last:
        case kw::past:
            if (auto c = past_span(j)) {
                ++c->count;
                return c;
            }
            return std::nullopt;
        case kw::weekend:
            if (!m_pub)
                return std::nullopt;
            {
                core c = pub_period(2, latest_weekend(), unit::week, "weekend");
                c.cap = true;
                return c;
            }
        default: break;
        }
        unit const u = unit_at(j);
        if (u == unit::day || (has(j, f_time_of_day) && m_tokens[j].norm == "night"sv)) {
            bool const night = u != unit::day;
            if (!night && is(j + 1, kw::before) && is(j + 2, kw::yesterday) && m_pub)
                return pub_day(4, -2, "day_before_yesterday");
            if (!night && is(j + 1, kw::after) && is(j + 2, kw::tomorrow) && m_pub) {
                core c = pub_day(4, 2, "day_after_tomorrow");
                c.other = true;
                return c;
            }
            if ((is(j + 1, kw::before) || is(j + 1, kw::after)) && boundary(j + 2)) // "the day before."
                return with_count(anchor_unit(1, j, is(j + 1, kw::before) ? -1 : 1, "day_before"), 3);
            return std::nullopt;
        }
        if (u == unit::week && is(j + 1, kw::before) && boundary(j + 2))
            return with_count(anchor_unit(1, j, -1, "week_before"), 3);
        if (after_mod && m_pub && (u == unit::week || u == unit::month || u == unit::year)) {
            // "the end of the year": publication's
            auto c = this_last_next(i, 0);
            if (c)
                c->rule = u == unit::week ? "the_week" : u == unit::month ? "the_month" : "the_year";
            return c;
        }
        if (j < m_n && m_info[j].ordinal && i > 0 && m_pub) { // "on the 3rd"
            switch (word(i - 1)) {
            case kw::on: case kw::since: case kw::until: case kw::by: case kw::from: case kw::before: case kw::after:
                break;
            default:
                return std::nullopt;
            }
            std::size_t const k = j + 1;
            bool const ok_after = boundary(k) || has(k, f_time_of_day) || is(k, kw::at) || is(k, kw::in) ||
                                  is(k, kw::and_) || is(k, kw::or_) || is(k, kw::when) || is(k, kw::while_) ||
                                  is(k, kw::after) || is(k, kw::before) || is(k, kw::during);
            if (!ok_after || (k < m_n && m_info[k].lx.month))
                return std::nullopt;
            int const d = m_info[j].ordinal;
            int y = m_pub->year, m = m_pub->month;
            if (d > m_pub->day)
                add_months(y, m, -1);
            for (int tries = 0; tries < 3 && !civil_date::valid(y, m, d); ++tries)
                add_months(y, m, -1);
            if (!civil_date::valid(y, m, d))
                return std::nullopt;
            core c;
            c.count = 2;
            c.range = day_range(civil_date{y, m, d});
            c.relative = true;
            c.rule = "ordinal_day";
            return c;
        }
        return std::nullopt;
    }

    std::optional<core> relative_at(std::size_t i, bool after_mod) const
    {
        auto const &f = m_info[i];
        if (f.lx.weekday >= 0)
            return has(i, f_abbrev) ? std::nullopt : weekday_rel(i, i, 0);
        switch (f.lx.word) {
        case kw::today:
        case kw::tonight: {
            if (!m_pub)
                return std::nullopt;
            core c = pub_day(1, 0, "today");
            c.this_ref = c.now = true;
            return c;
        }
        case kw::yesterday:
            if (!m_pub)
                return std::nullopt;
            return pub_day(time_of_day(i + 1) - i, -1, "yesterday");
        case kw::tomorrow: {
            if (!m_pub)
                return std::nullopt;
            core c = pub_day(time_of_day(i + 1) - i, 1, "tomorrow");
            c.other = true;
            return c;
        }
        case kw::overnight:
            // "overnight on Saturday", "overnight into Sunday": the day named next is the date.
            if (!m_pub || is(i + 1, kw::on) || is(i + 1, kw::in) || is(i + 1, kw::to) || is(i + 1, kw::from) ||
                is(i + 1, kw::between) || (i + 1 < m_n && m_tokens[i + 1].norm == "into"sv) || full_weekday(i + 1))
                return std::nullopt;
            return pub_day(1, -1, "overnight");
        case kw::last:
            return this_last_next(i, -1);
        case kw::this_:
            return this_last_next(i, 0);
        case kw::next:
            if (unit_at(i + 1) == unit::day || has(i + 1, f_time_of_day))
                return anchor_unit(1, i + 1, 1, "next_day"); // "next day", "next morning"
            return this_last_next(i, 1);
        case kw::past:
            return past_span(i);
        case kw::previous:
            return anchor_unit(1, i + 1, -1, "previous_day");
        case kw::following:
            return anchor_unit(1, i + 1, 1, "next_day");
        case kw::same:
            return anchor_unit(1, i + 1, 0, "same_day");
        case kw::that:
            if (has(i + 1, f_time_of_day) || unit_at(i + 1) == unit::day || unit_at(i + 1) == unit::week ||
                unit_at(i + 1) == unit::month || unit_at(i + 1) == unit::year)
                return anchor_unit(1, i + 1, 0, "same_day");
            return std::nullopt;
        case kw::recent: // "in recent days": vague
            return recent(i);
        case kw::the:
            return the_rel(i, after_mod);
        default: break;
        }
        if (f.lx.number || (f.lx.flags & f_vague) || f.lx.word == kw::couple || f.lx.u != unit::none ||
            (f.digits >= 1 && f.digits <= 3))
            return quantity_rel(i);
        return std::nullopt;
    }

    // --- modifiers: "early", "the end of", "the night of" ------------------------------------

    struct modifier {
        std::size_t count = 0;
        mod kind = mod::none;
    };

    std::optional<modifier> modifier_at(std::size_t i) const
    {
        std::size_t j = i;
        bool const the = is(j, kw::the);
        if (the)
            ++j;
        switch (word(j)) {
        case kw::early:
            if (unit_at(j + 1) == unit::hour && is(j + 2, kw::of))
                return modifier{j + 3 - i, mod::absorb}; // "the early hours of"
            return the ? std::nullopt : std::optional<modifier>(modifier{1, mod::early});
        case kw::late:
            return the ? std::nullopt : std::optional<modifier>(modifier{1, mod::late});
        case kw::mid:
            return the ? std::nullopt : std::optional<modifier>(modifier{1, mod::mid});
        case kw::earlier:
            return the ? std::nullopt : std::optional<modifier>(modifier{1, mod::earlier});
        case kw::later:
            return the ? std::nullopt : std::optional<modifier>(modifier{1, mod::later});
        case kw::beginning:
        case kw::start:
            return is(j + 1, kw::of) ? std::optional<modifier>(modifier{j + 2 - i, mod::early}) : std::nullopt;
        case kw::middle:
            return is(j + 1, kw::of) ? std::optional<modifier>(modifier{j + 2 - i, mod::mid}) : std::nullopt;
        case kw::end:
            return is(j + 1, kw::of) ? std::optional<modifier>(modifier{j + 2 - i, mod::late}) : std::nullopt;
        default: break;
        }
        if (has(j, f_time_of_day) && is(j + 1, kw::of))
            return modifier{j + 2 - i, mod::absorb}; // "the night of"
        return std::nullopt;
    }

    /// Narrows a period to its early / middle / late part.
    void narrow(mod m, core &c) const
    {
        civil_date const s = c.range.start;
        date_precision const p = c.range.precision;
        switch (c.grain) {
        case unit::week: {
            civil_date const mon = c.range.start;
            if (c.range.end != mon.plus_days(6))
                break; // "late the weekend": no part of a week shorter than a week
            if (m == mod::early)
                c.range = span(mon, mon.plus_days(2), p);
            else if (m == mod::mid)
                c.range = span(mon.plus_days(1), mon.plus_days(3), p);
            else
                c.range = span(mon.plus_days(3), c.range.end, p);
            break;
        }
        case unit::month: {
            int const dim = civil_date::days_in_month(s.year, s.month);
            int const a = m == mod::early ? 1 : m == mod::mid ? 11 : 21;
            int const b = m == mod::early ? 10 : m == mod::mid ? 20 : dim;
            c.range = span(civil_date{s.year, s.month, a}, civil_date{s.year, s.month, b}, date_precision::month);
            break;
        }
        case unit::year: {
            int const a = m == mod::early ? 1 : m == mod::mid ? 5 : 9;
            int const b = m == mod::early ? 4 : m == mod::mid ? 8 : 12;
            c.range = span(civil_date{s.year, a, 1}, civil_date{s.year, b, civil_date::days_in_month(s.year, b)},
                           date_precision::year);
            break;
        }
        case unit::decade: {
            int const a = m == mod::early ? 0 : m == mod::mid ? 3 : 6;
            c.range = span(civil_date{s.year + a, 1, 1}, civil_date{s.year + a + 3, 12, 31}, date_precision::year);
            break;
        }
        default: break;
        }
    }

    bool apply(mod m, core &c) const
    {
        if (m == mod::none)
            return true;
        if (c.vague)
            return false;
        if (c.grain == unit::day) { // "late Monday", "the night of 3 January", "earlier today"
            if (m == mod::mid)
                return false;
            if (m == mod::later && c.now)
                c.other = true;
            return true;
        }
        if (m == mod::absorb)
            return false;
        if (m == mod::earlier || m == mod::later) { // "earlier this month", "later this year"
            if (!c.this_ref || !m_pub)
                return false;
            if (m == mod::earlier) {
                if (*m_pub < c.range.start)
                    return false;
                c.range.end = std::min(c.range.end, *m_pub);
            } else {
                c.range.start = std::max(c.range.start, m_pub->plus_days(1));
                if (c.range.end < c.range.start)
                    return false;
                c.other = true;
            }
            return true;
        }
        core const before = c;
        narrow(m, c);
        if (c.inferred && m_pub && *m_pub < c.range.start) { // "late October" on 5 October: last year's
            c = before;
            c.range = month_range(before.range.start.year - 1, before.range.start.month);
            narrow(m, c);
        }
        return true;
    }

    std::optional<core> core_at(std::size_t i, bool after_mod) const
    {
        if (i >= m_n)
            return std::nullopt;
        if (m_info[i].lx.weekday >= 0) {
            // "Tuesday, January 3", "Sat. 30 Dec 1989": the weekday only confirms the date.
            std::size_t j = i + 1;
            if (punct(j, '.'))
                ++j;
            if (punct(j, ','))
                ++j;
            if (!has(i, f_abbrev) || capitalised(i)) {
                auto a = absolute_at(j, false);
                if (a && a->grain == unit::day) {
                    a->count += j - i;
                    return a;
                }
            }
            return relative_at(i, after_mod);
        }
        if (auto a = absolute_at(i, after_mod))
            return a;
        return relative_at(i, after_mod);
    }

    std::optional<core> match_at(std::size_t i) const
    {
        if (auto md = modifier_at(i)) {
            std::size_t j = i + md->count;
            std::size_t extra = 0;
            if (is(j, kw::on) && md->kind != mod::absorb) { // "early on Monday"
                ++j;
                extra = 1;
            }
            auto c = core_at(j, true);
            if (c && (extra == 0 || c->grain == unit::day) && apply(md->kind, *c)) {
                c->count += md->count + extra;
                return c;
            }
        }
        return core_at(i, false);
    }

    // --- output ----------------------------------------------------------------------------

    static bool rangeable(std::string_view rule)
    {
        return rule == "year" || rule == "month_year" || rule == "month" || rule == "month_day" ||
               rule == "day_month" || rule == "weekday";
    }

    date_role context_role(std::size_t first, core const &c)
    {
        // A possessive date qualifies the noun after it ("from yesterday's bombing", "since
        // Friday's attack"): that event's date, whatever preposition comes before.
        if (c.count > 0 && first + c.count <= m_n && m_tokens[first + c.count - 1].possessive)
            return date_role::event;
        std::size_t j = first;
        if (j > 0 && is(j - 1, kw::the))
            --j;
        date_mention *last = m_out.empty() ? nullptr : &m_out.back();
        // "2015-2018", "Jan 30-Feb 2", "January-March": the hyphen is no token.
        if (last && last->first_token + last->token_count == first && hyphen_gap(first - 1) &&
            rangeable(last->rule) && rangeable(c.rule)) {
            if (last->role == date_role::event)
                last->role = date_role::since;
            return date_role::until;
        }
        if (j == 0)
            return date_role::event;
        std::size_t const w = j - 1; // the word before the date
        bool const adjacent = follows_mention(w);
        auto open_range = [&] {
            if (adjacent && last->role == date_role::event)
                last->role = date_role::since;
        };
        // "since February 2021, when bandits seized 279 girls": the clause tells what happened then
        std::size_t const after = first + c.count;
        bool const when_clause = after + 1 < m_n && punct(after, ',') && is(after + 1, kw::when);
        // "one year since the Oct. 25, 2023, shootings": a date between "the" and a noun
        // qualifies the noun
        std::size_t const noun = after < m_n && punct(after, ',') ? after + 1 : after;
        bool const attributive = j < first && noun < m_n && m_tokens[noun].kind == token_kind::word;
        switch (word(w)) {
        case kw::since:
        case kw::from:
            return when_clause || attributive ? date_role::event : date_role::since;
        case kw::until:
        case kw::through:
            open_range();
            return date_role::until;
        case kw::to:
            if (w > 0 && is(w - 1, kw::up))
                return date_role::until;
            if (w > 0 && is(w - 1, kw::prior))
                return date_role::other;
            if (adjacent && (last->role == date_role::event || last->role == date_role::since)) {
                open_range();
                return date_role::until;
            }
            return date_role::event;
        case kw::and_:
            return adjacent && m_between + 1 == m_out.size() ? date_role::until : date_role::event;
        case kw::between:
            m_between = m_out.size();
            return date_role::since;
        case kw::by:
        case kw::before:
        case kw::after:
            return date_role::other;
        case kw::of:
            return w > 0 && is(w - 1, kw::as) ? date_role::other : date_role::event;
        default: break;
        }
        if (dash(w) && adjacent) {
            open_range();
            return date_role::until;
        }
        return date_role::event;
    }

    void emit(std::size_t first, core const &c)
    {
        date_mention m;
        m.range = c.range;
        if (c.cap && m_pub && *m_pub < m.range.end && m.range.start <= *m_pub)
            m.range.end = *m_pub;
        m.range = honest(m.range);
        m.first_token = first;
        m.token_count = c.count;
        m.begin = m_tokens[first].begin;
        m.end = m_tokens[first + c.count - 1].end;
        m.relative = c.relative;
        m.rule = c.rule;
        m.role = context_role(first, c);
        if (m.role == date_role::event && (c.vague || c.other))
            m.role = date_role::other;
        if (m.role == date_role::event && m_pub && m_pub->plus_days(1) < m.range.start)
            m.role = date_role::other; // not yet happened
        if (m.role == date_role::event)
            m_anchor = m.range;
        m_out.push_back(std::move(m));
    }

    /// "2015-18", "2014–15 season": a two-digit year closing a range.
    std::size_t year_range_tail(std::size_t i)
    {
        date_mention &last = m_out.back();
        if (last.rule != "year" || i >= m_n)
            return i;
        std::size_t k = i;
        if (dash(k))
            ++k;
        else if (!(hyphen_gap(i - 1) && (boundary(i + 1) || m_tokens[i + 1].norm == "season"sv)))
            return i;
        if (k >= m_n || m_info[k].digits != 2 || has(k + 1, f_count_noun))
            return i;
        int const y1 = last.range.start.year;
        int const y2 = y1 - y1 % 100 + m_info[k].value;
        if (y2 <= y1)
            return i;
        if (last.role == date_role::event)
            last.role = date_role::since;
        date_mention m;
        m.range = date_range::year(y2);
        m.first_token = k;
        m.token_count = 1;
        m.begin = m_tokens[k].begin;
        m.end = m_tokens[k].end;
        m.role = date_role::until;
        m.rule = "year_range";
        m_out.push_back(std::move(m));
        return k + 1;
    }
};

} // namespace

std::vector<date_mention> find_dates(std::vector<token> const &tokens, std::optional<civil_date> published,
                                     std::optional<date_range> previous)
{
    return find_dates(tokens, 0, tokens.size(), published, previous);
}

std::vector<date_mention> find_dates(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                                     std::optional<civil_date> published, std::optional<date_range> previous)
{
    if (first >= last)
        return {};
    auto found = finder(tokens.data() + first, last - first, published, previous).run();
    for (auto &m : found)
        m.first_token += first;
    return found;
}

std::optional<date_range> last_event_date(std::vector<date_mention> const &mentions)
{
    for (auto it = mentions.rbegin(); it != mentions.rend(); ++it)
        if (it->role == date_role::event)
            return it->range;
    return std::nullopt;
}

std::string_view to_string(date_role role)
{
    switch (role) {
    case date_role::event: return "event";
    case date_role::since: return "since";
    case date_role::until: return "until";
    case date_role::other: return "other";
    }
    return "event";
}

} // namespace etl::extract
