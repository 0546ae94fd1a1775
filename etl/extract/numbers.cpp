#include "extract/numbers.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

// ---- word tables --------------------------------------------------------------------------

enum class nw : unsigned char { unit, teen, tens, hundred, scale, dozen, vague_plural, vague_word };
enum class vague_id : unsigned char { none, tens, dozens, scores, hundreds, thousands, millions, several, a_few, many };

struct number_word {
    nw kind;
    long value;
    vague_id vague = vague_id::none;
};

std::unordered_map<std::string, number_word> const &number_words()
{
    static std::unordered_map<std::string, number_word> const table = {
        {"zero", {nw::unit, 0}},
        {"one", {nw::unit, 1}},
        {"two", {nw::unit, 2}},
        {"three", {nw::unit, 3}},
        {"four", {nw::unit, 4}},
        {"five", {nw::unit, 5}},
        {"six", {nw::unit, 6}},
        {"seven", {nw::unit, 7}},
        {"eight", {nw::unit, 8}},
        {"nine", {nw::unit, 9}},
        {"ten", {nw::teen, 10}},
        {"eleven", {nw::teen, 11}},
        {"twelve", {nw::teen, 12}},
        {"thirteen", {nw::teen, 13}},
        {"fourteen", {nw::teen, 14}},
        {"fifteen", {nw::teen, 15}},
        {"sixteen", {nw::teen, 16}},
        {"seventeen", {nw::teen, 17}},
        {"eighteen", {nw::teen, 18}},
        {"nineteen", {nw::teen, 19}},
        {"twenty", {nw::tens, 20}},
        {"thirty", {nw::tens, 30}},
        {"forty", {nw::tens, 40}},
        {"fourty", {nw::tens, 40}},
        {"fifty", {nw::tens, 50}},
        {"sixty", {nw::tens, 60}},
        {"seventy", {nw::tens, 70}},
        {"eighty", {nw::tens, 80}},
        {"ninety", {nw::tens, 90}},
        {"hundred", {nw::hundred, 100}},
        {"thousand", {nw::scale, 1000}},
        {"million", {nw::scale, 1000000}},
        {"billion", {nw::scale, 1000000000}},
        {"dozen", {nw::dozen, 12}},
        {"tens", {nw::vague_plural, 0, vague_id::tens}},
        {"dozens", {nw::vague_plural, 0, vague_id::dozens}},
        {"scores", {nw::vague_plural, 0, vague_id::scores}},
        {"hundreds", {nw::vague_plural, 0, vague_id::hundreds}},
        {"thousands", {nw::vague_plural, 0, vague_id::thousands}},
        {"millions", {nw::vague_plural, 0, vague_id::millions}},
        {"several", {nw::vague_word, 0, vague_id::several}},
        {"multiple", {nw::vague_word, 0, vague_id::several}},
        {"many", {nw::vague_word, 0, vague_id::many}},
        {"numerous", {nw::vague_word, 0, vague_id::many}},
    };
    return table;
}

// The word tables are built during static initialisation, not on first use: interning their
// words must not race with extraction threads (vocabulary.hpp).
word_table<number_word> const number_words_by_id(number_words());

word_table<long> const ordinal_words{{{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
                                      {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
                                      {"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
                                      {"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17},
                                      {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
                                      {"thirtieth", 30}}};

number_word const *lookup_number_word(token const &t)
{
    return t.kind == token_kind::word ? number_words_by_id.find(t) : nullptr;
}

long vague_value(vague_id id, vague_convention const &v)
{
    switch (id) {
    case vague_id::tens:
        return v.tens;
    case vague_id::dozens:
        return v.dozens;
    case vague_id::scores:
        return v.scores;
    case vague_id::hundreds:
        return v.hundreds;
    case vague_id::thousands:
        return v.thousands;
    case vague_id::millions:
        return v.millions;
    case vague_id::several:
        return v.several;
    case vague_id::a_few:
        return v.a_few;
    case vague_id::many:
        return v.many;
    case vague_id::none:
        break;
    }
    return 0;
}

// Context words around a number.
enum : std::uint32_t {
    f_measure = 1u << 0, // after a number: a unit, not a count of things ("5 km", "20 years", "$5 million dollars")
    f_label = 1u << 1,   // before a number: the number names something ("Route 66", "No 5")
    f_money_before = 1u << 2,
    f_month = 1u << 3,
    f_year_before = 1u << 4, // before a four-digit number: it is a year ("in 2015")
    f_year_after = 1u << 5,  // after a four-digit number: it is a year ("2015 was")
    f_age_before = 1u << 6,
    f_one_before = 1u << 7, // "no one", "the one", "any one": not the number 1
};

std::unordered_map<std::string, std::uint32_t> const &context_words()
{
    static std::unordered_map<std::string, std::uint32_t> const table = [] {
        std::unordered_map<std::string, std::uint32_t> t;
        auto add = [&t](std::uint32_t flag, std::initializer_list<char const *> words) {
            for (auto const *w : words)
                t[w] |= flag;
        };
        add(f_measure,
            {// percentages
             "percent", "pc", "per", "cent", "percentage", "pct",
             // distance, area, weight, volume, speed, temperature
             "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mi", "mile", "miles", "m", "metre",
             "metres", "meter", "meters", "ft", "foot", "feet", "yard", "yards", "inch", "inches", "cm", "mm", "kg",
             "kgs", "kilogram", "kilograms", "kilo", "kilos", "lb", "lbs", "pound", "pounds", "tonne", "tonnes", "ton",
             "tons", "litre", "litres", "liter", "liters", "gallon", "gallons", "acre", "acres", "hectare", "hectares",
             "square", "sq", "mph", "kph", "kmh", "knots", "degree", "degrees", "celsius", "fahrenheit", "calibre",
             "caliber",
             // time
             "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
             "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs", "decade", "decades",
             "century", "centuries", "night", "nights", "am", "pm", "gmt", "utc", "bst", "est", "edt", "cst", "pst",
             "ist", "cet", "o", "times",
             // money
             "dollar", "dollars", "usd", "euro", "euros", "eur", "sterling", "gbp", "rupee", "rupees", "naira",
             "shilling", "shillings", "cedi", "cedis", "rand", "yen", "yuan", "renminbi", "dinar", "dinars", "dirham",
             "dirhams", "riyal", "riyals", "rial", "rials", "lira", "liras", "peso", "pesos", "afghani", "afghanis",
             "taka", "birr", "franc", "francs", "cents", "buck", "bucks", "bn", "trillion",
             // ordinals and fractions ("twenty-third", "two thirds", "one half")
             "first", "third", "thirds", "fourth", "fourths", "fifth", "fifths", "sixth", "sixths", "seventh",
             "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths", "eleventh", "twelfth", "thirteenth",
             "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
             "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth",
             "hundredths", "thousandth", "thousandths", "millionth", "half", "halves", "quarter", "quarters",
             // addresses ("the 500 block of Main Street", "10 Downing Street")
             "block", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln"});
        add(f_label,
            {"no",         "nos",      "num",      "number",   "route",      "rte",       "highway",  "hwy",
             "interstate", "flight",   "room",     "sector",   "phase",      "gate",      "page",     "pages",
             "pp",         "chapter",  "section",  "article",  "resolution", "paragraph", "para",     "clause",
             "unit",       "platform", "terminal", "exit",     "line",       "ward",      "precinct", "district",
             "level",      "grade",    "class",    "category", "channel",    "version",   "model",    "apartment",
             "apt",        "suite",    "floor",    "lot",      "plot",       "box",       "zone",     "stage",
             "round",      "game",     "match",    "covid",    "sars",       "ak",        "bus",      "act",
             "bill",       "decree",   "item",     "code",     "verse",      "cell",      "building", "bldg",
             "hangar",     "pier",     "berth",    "camp",     "battalion",  "brigade",   "regiment", "squadron",
             "episode",    "season",   "vol",      "volume",   "issue",      "part",      "figure",   "fig",
             "table",      "ref",      "id",       "tel",      "phone",      "fax",       "ext",      "pin",
             "zip",        "po",       "gen",      "mark",     "mk",         "type",      "boeing",   "airbus"});
        add(f_money_before,
            {"\xE2\x82\xAC", "\xC2\xA3", "usd", "eur", "gbp", "rs",  "inr", "pkr", "npr", "lkr", "ksh", "kes",
             "ngn",          "zar",      "egp", "aed", "sar", "rmb", "cny", "jpy", "chf", "cad", "aud"});
        add(f_month, {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
                      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
                      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"});
        add(f_year_before, {"in",     "since",  "of",    "from",    "until", "till",   "by",     "during",
                            "before", "after",  "early", "late",    "mid",   "year",   "summer", "winter",
                            "spring", "autumn", "fall",  "through", "circa", "fiscal", "fy",     "class"});
        add(f_year_after,
            {"in",  "on",   "at",    "and",    "or",      "when",    "was",      "were",     "is",        "had",
             "has", "saw",  "to",    "as",     "after",   "before",  "the",      "a",        "with",      "by",
             "for", "that", "which", "attack", "attacks", "bombing", "bombings", "election", "elections", "war"});
        add(f_age_before, {"aged", "age", "ages"});
        add(f_one_before, {"no", "any", "every", "each", "some", "this", "that", "which", "the"});
        return t;
    }();
    return table;
}

word_table<std::uint32_t> const context_words_by_id(context_words());

std::uint32_t context_flags(token const &t)
{
    if (t.kind == token_kind::number)
        return 0;
    auto const *flags = context_words_by_id.find(t);
    return flags ? *flags : 0;
}

enum class prefix_kind : unsigned char { qualifier, between };

struct prefix_entry {
    prefix_kind kind;
    count_qualifier qualifier;
};

/// Qualifiers before a number ("at least", "nearly") and "between".
struct prefix_table {
    phrase_matcher matcher;
    std::vector<prefix_entry> entries;

    prefix_table()
    {
        auto add = [this](count_qualifier q, std::initializer_list<char const *> phrases) {
            for (auto const *p : phrases) {
                matcher.add(p, entries.size());
                entries.push_back({prefix_kind::qualifier, q});
            }
        };
        add(count_qualifier::at_least, {"at least", "atleast", "no fewer than", "no less than", "not less than",
                                        "not fewer than", "a minimum of", "at a minimum"});
        add(count_qualifier::more_than, {"more than", "over", "upwards of", "upward of", "in excess of", "above",
                                         "greater than", "well over", "just over", "well above", "more then"});
        add(count_qualifier::about,
            {"about", "around", "approximately", "approx", "approx.", "some", "roughly", "an estimated", "estimated",
             "circa", "an approximate", "approximate", "in the region of", "somewhere around", "some estimated"});
        add(count_qualifier::almost,
            {"almost", "nearly", "close to", "just under", "just short of", "not quite", "just below"});
        add(count_qualifier::up_to, {"up to", "as many as", "as much as", "at most", "no more than", "not more than",
                                     "fewer than", "less than", "a maximum of", "at the most"});
        add(count_qualifier::exact, {"a total of", "the total of", "exactly", "precisely"});
        matcher.add("between", entries.size());
        entries.push_back({prefix_kind::between, count_qualifier::at_least});
    }
};

// Built during static initialisation, not on first use: interning its words must not race with
// extraction threads (vocabulary.hpp).
prefix_table const prefixes;

// ---- parsing ------------------------------------------------------------------------------

// string_view parameters: comparing with one is inline and checks the length first.
bool is_word(token const &t, std::string_view w) { return t.kind == token_kind::word && t.norm == w; }
bool is_punct(token const &t, std::string_view p) { return t.kind == token_kind::punct && t.norm == p; }

struct parsed {
    long value = 0;
    std::size_t end = 0; // one past the last token
    bool vague = false;
    bool digits = false;  // a bare digit token, no scale word
    bool decimal = false; // a digit token with a fraction and no scale word
    count_qualifier qualifier = count_qualifier::exact;
};

bool overflows(long a, long b) { return b != 0 && a > 2000000000000L / b; }

/// Cardinal number words from tokens[j]: "two hundred and forty", "ninety one", "twenty-five hundred".
/// `current` and `started` allow a leading "a" ("a hundred and fifty").
std::optional<parsed> parse_words(std::vector<token> const &tokens, std::size_t j, long current, bool started)
{
    enum class last_kind { none, unit, teen, tens, hundred, scale, conj };
    last_kind last = started ? last_kind::unit : last_kind::none;
    long total = 0;
    long last_scale = 0;
    std::size_t const n = tokens.size();
    while (j < n) {
        token const &t = tokens[j];
        if (is_word(t, "and")) {
            if ((last == last_kind::hundred || last == last_kind::scale) && j + 1 < n) {
                auto const *next = lookup_number_word(tokens[j + 1]);
                if (next && (next->kind == nw::unit || next->kind == nw::teen || next->kind == nw::tens) &&
                    next->value > 0) {
                    last = last_kind::conj;
                    ++j;
                    continue;
                }
            }
            break;
        }
        auto const *w = lookup_number_word(t);
        if (!w)
            break;
        bool const open = last == last_kind::none || last == last_kind::hundred || last == last_kind::scale ||
                          last == last_kind::conj;
        if (w->kind == nw::unit) {
            if (open && !(w->value == 0 && last != last_kind::none)) {
                current += w->value;
                last = last_kind::unit;
            } else if (last == last_kind::tens && w->value > 0) {
                current += w->value;
                last = last_kind::unit;
            } else {
                break;
            }
        } else if (w->kind == nw::teen || w->kind == nw::tens) {
            if (!open)
                break;
            current += w->value;
            last = w->kind == nw::teen ? last_kind::teen : last_kind::tens;
        } else if (w->kind == nw::hundred) {
            if (!(last == last_kind::unit || last == last_kind::teen || last == last_kind::tens) || current <= 0 ||
                current >= 100)
                break;
            current *= 100;
            last = last_kind::hundred;
        } else if (w->kind == nw::scale) {
            if (last == last_kind::none || last == last_kind::scale || last == last_kind::conj || current <= 0 ||
                (last_scale != 0 && w->value >= last_scale) || overflows(current, w->value))
                break;
            total += current * w->value;
            current = 0;
            last_scale = w->value;
            last = last_kind::scale;
        } else if (w->kind == nw::dozen) {
            if (!(last == last_kind::unit || last == last_kind::teen || last == last_kind::tens) || current <= 0)
                break;
            current *= 12;
            ++j;
            last = last_kind::unit;
            break;
        } else {
            break;
        }
        ++j;
    }
    if (last == last_kind::none)
        return std::nullopt;
    parsed p;
    p.value = total + current;
    p.end = j;
    return p;
}

/// A digit token: "63", "1250", "3.5"; fractions are kept for a following scale word.
bool digit_value(std::string const &norm, long &whole, long &fraction, long &fraction_scale)
{
    whole = 0;
    fraction = 0;
    fraction_scale = 1;
    bool in_fraction = false;
    if (norm.empty() || norm.size() > 15)
        return false;
    for (char const c : norm) {
        if (c == '.') {
            if (in_fraction)
                return false;
            in_fraction = true;
        } else if (c >= '0' && c <= '9') {
            if (in_fraction) {
                if (fraction_scale < 1000000) {
                    fraction = fraction * 10 + (c - '0');
                    fraction_scale *= 10;
                }
            } else {
                whole = whole * 10 + (c - '0');
            }
        } else {
            return false;
        }
    }
    return true;
}

/// Scale words after a vague word or a digit: "several hundred", "5 million", "many thousands".
long scale_after(std::vector<token> const &tokens, std::size_t j)
{
    if (j >= tokens.size())
        return 0;
    auto const *w = lookup_number_word(tokens[j]);
    if (!w)
        return 0;
    if (w->kind == nw::hundred || w->kind == nw::scale || w->kind == nw::dozen)
        return w->value;
    return 0;
}

/// Numbers at tokens[i] without qualifiers or ranges.
std::optional<parsed> parse_at(std::vector<token> const &tokens, std::size_t i, vague_convention const &conv)
{
    std::size_t const n = tokens.size();
    token const &t = tokens[i];
    if (t.kind == token_kind::number) {
        long whole = 0, fraction = 0, fraction_scale = 1;
        if (!digit_value(t.norm, whole, fraction, fraction_scale))
            return std::nullopt;
        parsed p;
        p.end = i + 1;
        if (long const scale = scale_after(tokens, i + 1); scale != 0) {
            if (overflows(whole, scale))
                return std::nullopt;
            p.value = whole * scale + fraction * scale / fraction_scale;
            p.end = i + 2;
            return p;
        }
        p.value = whole;
        p.digits = true;
        p.decimal = fraction_scale > 1;
        return p;
    }
    if (t.kind != token_kind::word)
        return std::nullopt;

    auto const next_is = [&](std::size_t k, std::string_view w) { return i + k < n && is_word(tokens[i + k], w); };

    if (t.norm == "a"sv || t.norm == "an"sv) {
        if (i + 1 >= n)
            return std::nullopt;
        token const &next = tokens[i + 1];
        auto const *w = lookup_number_word(next);
        if (w && (w->kind == nw::hundred || w->kind == nw::scale))
            return parse_words(tokens, i + 1, 1, true);
        if (w && w->kind == nw::dozen) {
            parsed p;
            p.value = 12;
            p.end = i + 2;
            return p;
        }
        if (next.norm == "score"sv && next_is(2, "of")) {
            parsed p;
            p.value = 20;
            p.end = i + 2;
            return p;
        }
        if (next.norm == "few"sv || next.norm == "handful"sv) {
            parsed p;
            p.vague = true;
            p.value = vague_value(vague_id::a_few, conv);
            p.end = i + 2;
            if (next.norm == "few"sv) {
                if (long const scale = scale_after(tokens, i + 2); scale != 0) {
                    p.value *= scale;
                    p.end = i + 3;
                }
            }
            return p;
        }
        if (next.norm == "number"sv && next_is(2, "of")) {
            parsed p;
            p.vague = true;
            p.value = vague_value(vague_id::several, conv);
            p.end = i + 2;
            return p;
        }
        if ((next.norm == "couple"sv || next.norm == "pair"sv) && next_is(2, "of")) {
            parsed p;
            p.value = 2;
            p.end = i + 2;
            p.qualifier = next.norm == "couple"sv ? count_qualifier::about : count_qualifier::exact;
            return p;
        }
        return std::nullopt;
    }
    if (t.norm == "half"sv && next_is(1, "a") && next_is(2, "dozen")) {
        parsed p;
        p.value = 6;
        p.end = i + 3;
        return p;
    }
    auto const *w = lookup_number_word(t);
    if (!w)
        return std::nullopt;
    if (w->kind == nw::vague_word) {
        parsed p;
        p.vague = true;
        p.value = vague_value(w->vague, conv);
        p.end = i + 1;
        if (long const scale = scale_after(tokens, i + 1); scale != 0) {
            p.value *= scale;
            p.end = i + 2;
        } else if (i + 1 < n) {
            if (auto const *plural = lookup_number_word(tokens[i + 1]);
                plural && plural->kind == nw::vague_plural &&
                (plural->vague == vague_id::hundreds || plural->vague == vague_id::thousands ||
                 plural->vague == vague_id::millions)) {
                p.value *= vague_value(plural->vague, conv);
                p.end = i + 2;
            }
        }
        return p;
    }
    if (w->kind == nw::vague_plural) {
        // "tens" and "scores" are counts only in "tens of", "scores of" / "scores were ...".
        if (w->vague == vague_id::tens && !next_is(1, "of"))
            return std::nullopt;
        if (w->vague == vague_id::scores && i > 0 && tokens[i - 1].kind == token_kind::word) {
            // "the scores", "test scores", "high scores" are not "scores of people".
            static char const *const not_a_count[] = {"the",  "their", "his", "her",   "its",  "our",    "your",
                                                      "test", "high",  "low", "final", "exam", "credit", "top"};
            for (auto const *w2 : not_a_count)
                if (tokens[i - 1].norm == w2)
                    return std::nullopt;
        }
        parsed p;
        p.vague = true;
        p.value = vague_value(w->vague, conv);
        p.end = i + 1;
        if (next_is(1, "of") && i + 2 < n) {
            if (auto const *plural = lookup_number_word(tokens[i + 2]);
                plural && plural->kind == nw::vague_plural &&
                (plural->vague == vague_id::hundreds || plural->vague == vague_id::thousands ||
                 plural->vague == vague_id::millions)) {
                p.value *= vague_value(plural->vague, conv);
                p.end = i + 3;
            }
        }
        return p;
    }
    return parse_words(tokens, i, 0, false);
}

bool adjacent(token const &a, token const &b) { return b.begin <= a.end + 1; }

/// The second number of a range after `first` ending at tokens[j]: "to 15", "or three", "-15", "–15".
std::optional<parsed> range_end(std::vector<token> const &tokens, parsed const &first, std::size_t j,
                                vague_convention const &conv)
{
    std::size_t const n = tokens.size();
    if (first.vague || first.decimal || j >= n)
        return std::nullopt;
    std::size_t k = j;
    token const &t = tokens[j];
    if (is_word(t, "to") || is_word(t, "or") || is_punct(t, "\xE2\x80\x93") || is_punct(t, "\xE2\x80\x94")) {
        k = j + 1;
    } else if (!(t.kind == token_kind::number && first.digits && adjacent(tokens[j - 1], t))) {
        return std::nullopt;
    }
    if (k >= n)
        return std::nullopt;
    auto second = parse_at(tokens, k, conv);
    if (!second || second->vague || second->decimal || second->value <= first.value)
        return std::nullopt;
    return second;
}

/// "or more", "or so", "plus", "+", "odd" after a number.
std::size_t postfix_at(std::vector<token> const &tokens, std::size_t j, count_qualifier &q)
{
    std::size_t const n = tokens.size();
    if (j >= n)
        return 0;
    if (is_word(tokens[j], "or") && j + 1 < n) {
        if (is_word(tokens[j + 1], "more")) {
            q = count_qualifier::at_least;
            return 2;
        }
        if (is_word(tokens[j + 1], "so")) {
            q = count_qualifier::about;
            return 2;
        }
        return 0;
    }
    if (is_word(tokens[j], "plus") || is_punct(tokens[j], "+")) {
        q = count_qualifier::more_than;
        return 1;
    }
    if (is_word(tokens[j], "odd")) {
        q = count_qualifier::about;
        return 1;
    }
    return 0;
}

bool source_has_separators(token const &t) { return t.end - t.begin != t.norm.size(); }

/// Is the number read at tokens[start, end) something other than a count (see the header)?
bool excluded(std::vector<token> const &tokens, std::size_t start, std::size_t end, parsed const &p, bool qualified,
              bool ranged)
{
    std::size_t const n = tokens.size();
    token const &first = tokens[start];
    token const *prev = start > 0 ? &tokens[start - 1] : nullptr;
    token const *prev2 = start > 1 ? &tokens[start - 2] : nullptr;
    token const *next = end < n ? &tokens[end] : nullptr;
    std::uint32_t const next_flags = next ? context_flags(*next) : 0;
    std::uint32_t const prev_flags = prev ? context_flags(*prev) : 0;

    if (p.decimal)
        return true;
    // After: units, times, money, percentages, ordinals, "/".
    if (next) {
        if (next_flags & f_measure)
            return true;
        if (next->kind == token_kind::punct &&
            (next->norm == "%"sv || next->norm == "/"sv ||
             (next->norm == ":"sv && end + 1 < n && tokens[end + 1].kind == token_kind::number)))
            return true;
        // "10 a.m.", "7 p.m."
        if ((is_word(*next, "a") || is_word(*next, "p")) && end + 2 < n && is_punct(tokens[end + 1], ".") &&
            is_word(tokens[end + 2], "m"))
            return true;
    }
    // Before: money, labels, ages, "No. 5", "9:30".
    if (prev && !qualified) {
        if (prev->kind == token_kind::punct &&
            (prev->norm == "$"sv || prev->norm == "#"sv || prev->norm == "/"sv || prev->norm == "\xE2\x82\xAC"sv ||
             prev->norm == "\xC2\xA3"sv ||
             (prev->norm == ":"sv && start > 1 && tokens[start - 2].kind == token_kind::number)))
            return true;
        if (prev_flags & (f_label | f_money_before | f_age_before))
            return true;
        if (is_punct(*prev, ".") && prev2 && (is_word(*prev2, "no") || is_word(*prev2, "nos")))
            return true;
        // A single letter glued to the number: "F-16", "M 16", "T-72".
        if (prev->kind == token_kind::word && prev->norm.size() == 1 && prev->norm != "a"sv && prev->norm != "i"sv &&
            adjacent(*prev, first))
            return true;
    }
    if (p.digits) {
        long const v = p.value;
        std::size_t const digits = first.norm.size();
        bool const separators = source_has_separators(first);
        if (!separators && digits > 1 && first.norm[0] == '0')
            return true; // "0300 GMT", "007"
        if (!separators && digits >= 7)
            return true; // phone numbers, identifiers
        // Years: "in 2015", "2015 was", "2015." — but "killed 2000 people" stays a number.
        if (!qualified && !separators && digits == 4 && v >= 1800 && v <= 2099) {
            if (prev && (prev_flags & (f_year_before | f_month)))
                return true;
            if (!next || next->kind == token_kind::punct || (next_flags & (f_year_after | f_month)))
                return true;
            // Otherwise a noun follows: "killed 2000 people", "and 1500 soldiers".
        }
        // Dates: "March 5", "Jan. 5", "5 January", "5 May" (not "5 may die").
        if (v >= 1 && v <= 31 && !separators) {
            if (prev && (prev_flags & f_month))
                return true;
            if (prev && is_punct(*prev, ".") && prev2 && (context_flags(*prev2) & f_month))
                return true;
            if (next && (next_flags & f_month)) {
                if (next->norm != "may"sv && next->norm != "march"sv)
                    return true;
                bool const followed_by_date_part = end + 1 >= n || tokens[end + 1].kind != token_kind::word;
                if ((next->capitalised && !next->all_caps) || followed_by_date_part)
                    return true;
            }
        }
        // Ages in apposition: "John Smith, 23, of Springfield", "Smith (23)".
        if (v <= 120 && prev && prev2 && prev2->kind == token_kind::word && prev2->capitalised && next) {
            if (is_punct(*prev, ",") && (is_punct(*next, ",") || is_punct(*next, ")") || is_word(*next, "of")))
                return true;
            if (is_punct(*prev, "(") && is_punct(*next, ")"))
                return true;
        }
        // Glued to another number without forming a range: "2014-15", "555-1234".
        if (!ranged && prev && prev->kind == token_kind::number && adjacent(*prev, first))
            return true;
        if (!ranged && next && next->kind == token_kind::number && adjacent(tokens[end - 1], *next))
            return true;
    }
    // "how many were killed", "so many", "too many" ask or exclaim; they count nothing.
    if (p.vague && prev && (prev->norm == "how"sv || prev->norm == "so"sv || prev->norm == "too"sv))
        return true;
    // "no one", "the one who", "one another".
    if (!qualified && end == start + 1 && first.norm == "one"sv) {
        if (prev && (prev_flags & f_one_before))
            return true;
        if (next && is_word(*next, "another"))
            return true;
    }
    return false;
}

} // namespace

std::vector<number_phrase> find_numbers(std::vector<token> const &tokens, vague_convention const &vague)
{
    std::vector<number_phrase> found;
    std::size_t const n = tokens.size();
    std::size_t i = 0;
    while (i < n) {
        token const &t = tokens[i];
        // Cheap filter: a number starts with a digit, a number word, an article or a qualifier.
        std::size_t start = i;
        count_qualifier qualifier = count_qualifier::exact;
        bool qualified = false;
        bool between = false;
        std::optional<parsed> p;
        if (t.kind == token_kind::word) {
            for (auto const &m : prefixes.matcher.matches_at(tokens, i)) {
                std::size_t const k = i + m.token_count;
                if (k >= n)
                    continue;
                if (auto q = parse_at(tokens, k, vague)) {
                    prefix_entry const &e = prefixes.entries[m.value];
                    between = e.kind == prefix_kind::between;
                    qualifier = e.qualifier;
                    qualified = !between;
                    start = k;
                    p = q;
                    break;
                }
            }
        }
        if (!p) {
            if (t.kind == token_kind::punct) {
                ++i;
                continue;
            }
            p = parse_at(tokens, i, vague);
            if (!p) {
                ++i;
                continue;
            }
        }
        std::size_t end = p->end;
        long upper = p->value;
        bool ranged = false;
        if (between) {
            // "between 10 and 15"; without "and Y" it is not a count we understand.
            std::optional<parsed> second;
            if (end < n && is_word(tokens[end], "and") && end + 1 < n)
                second = parse_at(tokens, end + 1, vague);
            if (!second || second->vague || second->value <= p->value) {
                i = end;
                continue;
            }
            upper = second->value;
            end = second->end;
            ranged = true;
        } else if (!(start > 0 && is_word(tokens[start - 1], "from"))) {
            if (auto second = range_end(tokens, *p, end, vague)) {
                upper = second->value;
                end = second->end;
                ranged = true;
                if (!qualified)
                    qualifier = count_qualifier::at_least;
            }
        }
        if (!qualified && !ranged && p->qualifier != count_qualifier::exact) {
            qualifier = p->qualifier;
            qualified = true;
        }
        count_qualifier post = count_qualifier::exact;
        if (std::size_t const extra = postfix_at(tokens, end, post); extra != 0 && !p->vague) {
            if (qualifier == count_qualifier::exact)
                qualifier = post;
            end += extra;
        }
        if (excluded(tokens, start, end, *p, qualified, ranged)) {
            i = end;
            continue;
        }
        number_phrase phrase;
        phrase.value = p->value;
        phrase.upper = upper;
        phrase.qualifier = p->vague ? count_qualifier::vague : qualifier;
        phrase.first_token = i;
        phrase.token_count = end - i;
        phrase.begin = tokens[i].begin;
        phrase.end = tokens[end - 1].end;
        found.push_back(phrase);
        i = end;
    }
    return found;
}

std::optional<ordinal> read_ordinal(token const &t)
{
    if (t.kind != token_kind::word)
        return std::nullopt;
    if (long const *const n = ordinal_words.find(t))
        return ordinal{*n, true};
    std::string_view const s = t.norm;
    std::size_t digits = 0;
    long value = 0;
    while (digits < s.size() && digits < 4 && s[digits] >= '0' && s[digits] <= '9')
        value = value * 10 + (s[digits++] - '0');
    auto const rest = s.substr(digits);
    if (digits == 0 || digits > 3 || (rest != "st" && rest != "nd" && rest != "rd" && rest != "th"))
        return std::nullopt;
    return ordinal{value, false};
}

std::optional<long> parse_number_words(std::string_view text)
{
    auto const tokens = tokenize(text);
    if (tokens.empty())
        return std::nullopt;
    vague_convention const conv;
    auto const p = parse_at(tokens, 0, conv);
    if (!p || p->vague || p->decimal || p->end != tokens.size() || p->qualifier != count_qualifier::exact)
        return std::nullopt;
    return p->value;
}

} // namespace etl::extract
