#pragma once
// The words the date normaliser knows: month and weekday names, units ("days"), number words,
// relative words ("yesterday", "last"), and the context words that veto a reading
// ("2,000 people", "Bloody Sunday", "Sunday Times").

#include "extract/tokens.hpp"

#include <cstdint>

namespace etl::extract::date_lexicon {

/// Words the rules test by identity.
enum class kw : std::uint8_t {
    none, the, of, on, in, at, and_, or_, to, from, since, until, through, by, between, before,
    after, prior, as, during, up, around, throughout, when, while_,
    today, tonight, yesterday, tomorrow, overnight, ago, later, earlier, last, this_, next, past,
    previous, following, same, that, recent, early, late, mid, beginning, start, end, middle,
    weekend, couple,
};

enum class unit : std::uint8_t { none, minute, hour, day, week, fortnight, month, year, decade };

namespace flag {
enum : std::uint16_t {
    f_abbrev = 1u << 0,
    f_ambiguous = 1u << 1,           // "May", "March": a month only when capitalised
    f_time_of_day = 1u << 2,         // "Monday night"
    f_vague = 1u << 3,               // "few", "several": a quantity without a number
    f_count_noun = 1u << 4,          // "2017 people", "1900 GMT": the number before is no year
    f_not_year_after = 1u << 5,      // "page 2017", "at least 1950": the number after is no year
    f_weekday_pre_block = 1u << 6,   // "Bloody Sunday", "Good Friday"
    f_weekday_post_block = 1u << 7,  // "Sunday Times"
    f_starter = 1u << 8,             // can begin a date expression
    f_event_name = 1u << 9,          // "September 11 attacks": a name, not a date
};
} // namespace flag

struct lex {
    kw word = kw::none;
    std::uint8_t month = 0;    // 1..12
    std::int8_t weekday = -1;  // 0 Monday .. 6 Sunday
    unit u = unit::none;
    std::uint8_t number = 0;   // "two" -> 2, "a" -> 1
    std::uint16_t flags = 0;
};

/// The entry for a token's word, or nullptr. One integer hash probe.
lex const *find_date_word(token const &t);

/// "minutes", "hours", "day", "weeks", "months", "years", "decade": a span of time.
inline bool is_time_unit(token const &t)
{
    lex const *const l = find_date_word(t);
    return l && l->u != unit::none;
}

} // namespace etl::extract::date_lexicon
