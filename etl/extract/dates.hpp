#pragma once
// Date expressions in one sentence ("on Monday", "3 Jan 2024", "two days later", "since 2021"),
// resolved against the article's publication date or a date mentioned just before.
//
// Conventions (news is written in the past tense):
//  - A day and month without a year is the latest such date on or before publication; a month
//    alone ("in October") the latest such month, or the month of a year the sentence has just
//    named ("In 2017 ... later that year, in November"). "last year" / "this year" right after
//    one sets its year ("October 9 last year"). Without a publication date they give no date.
//  - Ordinal words are days only next to a month ("the Fourth of July", "July Fourth").
//  - Numeric dates are US month/day ("01/03/2024" = 3 January) unless the first number is > 12;
//    dotted dates ("03.01.2024") are day.month.year.
//  - Two-digit years take the latest century that is not after publication year + 1
//    (without a publication date: 00..49 -> 20xx, 50..99 -> 19xx).
//  - Ranges that run past publication ("this month", "earlier this year") end at publication.
//  - Week precision: a Monday..Sunday week ("last week"), a weekend (Saturday..Sunday) or any
//    range of up to seven days; the label is the first day.
//  - A date more than one day after publication is role `other` (announced, not happened);
//    one day is tolerated for time zones.
//  - Whenever a shifted or combined range no longer fits its precision, the precision widens
//    ("a week later" after "in October" spans two months: year precision, range kept).

#include "core/civil_date.hpp"
#include "core/incident_report.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etl::extract {

/// What the date is to the sentence. Only `event` dates should date an incident.
///  since: "since 2021", "from 1996", "between 2015 (and ...)", the first date of "2015-2018"
///  until: "until 2020", "to 2001" after a date, "(between ...) and 2018", the second of "2015-2018"
///  other: deadlines and references ("by 2025", "before 2010", "after Monday"), future dates,
///         vague periods ("in recent weeks", "days later"), decades ("the 1990s")
enum class date_role { event, since, until, other };

struct date_mention {
    date_range range;                 ///< start, end (inclusive), precision
    std::size_t begin = 0, end = 0;   ///< byte offsets of the expression, as given by the tokens
    std::size_t first_token = 0, token_count = 0;
    date_role role = date_role::event;
    bool relative = false;            ///< resolved against publication or a previous date (incl. an inferred year)
    std::string rule;                 ///< short name of the rule that matched, for `extract --explain`
};

/// Finds the date expressions in the tokens of one sentence (or a longer text), left to right,
/// non-overlapping. `previous` is the last event date of the preceding text: it anchors
/// "a week later", "the next day", "that night". Within the tokens, each event date becomes the
/// anchor for the ones after it.
std::vector<date_mention> find_dates(std::vector<token> const &tokens,
                                     std::optional<civil_date> published,
                                     std::optional<date_range> previous = std::nullopt);

/// find_dates() over tokens [first, last) only, as if they were all there were; token indices
/// of the mentions are into `tokens`.
std::vector<date_mention> find_dates(std::vector<token> const &tokens, std::size_t first, std::size_t last,
                                     std::optional<civil_date> published,
                                     std::optional<date_range> previous = std::nullopt);

/// The range of the last mention with role event, to pass as `previous` to the next sentence
/// (nullopt when there is none: keep the one you had).
std::optional<date_range> last_event_date(std::vector<date_mention> const &mentions);

std::string_view to_string(date_role role);

} // namespace etl::extract
