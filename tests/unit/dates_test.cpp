#include "extract/dates.hpp"

#include <gtest/gtest.h>

#include <ostream>

using namespace etl;
using namespace etl::extract;

namespace {

constexpr auto D = date_precision::day;
constexpr auto W = date_precision::week;
constexpr auto M = date_precision::month;
constexpr auto Y = date_precision::year;
constexpr auto EV = date_role::event;
constexpr auto SINCE = date_role::since;
constexpr auto UNTIL = date_role::until;
constexpr auto OTHER = date_role::other;

std::optional<civil_date> iso(char const *s)
{
    if (!s)
        return std::nullopt;
    return civil_date::parse_iso(s);
}

std::string covered(std::string const &text, date_mention const &m) { return text.substr(m.begin, m.end - m.begin); }

std::string describe(std::string const &text, std::vector<date_mention> const &found)
{
    std::string out;
    for (auto const &m : found)
        out += "[" + covered(text, m) + "] " + m.range.start.iso() + ".." + m.range.end.iso() + " " +
               std::string(to_string(m.range.precision)) + " " + std::string(to_string(m.role)) + " (" + m.rule + ")\n";
    return out.empty() ? "(none)\n" : out;
}

/// One phrasing: the mention covering exactly `span` must have this range, precision and role.
struct date_case {
    char const *text;
    char const *published;  // nullptr: unknown
    char const *span;       // nullptr: no date at all may be found
    char const *start = nullptr;
    char const *end = nullptr;
    date_precision precision = D;
    date_role role = EV;
    char const *previous = nullptr; // a day anchor from the sentence before
};

std::ostream &operator<<(std::ostream &os, date_case const &c) { return os << '"' << c.text << '"'; }

// Publication dates used below: Wednesday 2024-01-10, Tuesday 2024-01-02 (year boundary),
// Friday 2024-03-01 and Wednesday 2023-03-01 (leap years), Monday 2024-10-07.
date_case const cases[] = {
    // --- absolute, day precision ---
    {"Gunmen attacked a church on January 3.", "2024-01-10", "January 3", "2024-01-03", "2024-01-03", D, EV},
    {"Gunmen struck on Jan. 3 in the north.", "2024-01-10", "Jan. 3", "2024-01-03", "2024-01-03", D, EV},
    {"The blast on 3 January killed nine.", "2024-01-10", "3 January", "2024-01-03", "2024-01-03", D, EV},
    {"On the 3rd of January, rebels attacked.", "2024-01-10", "3rd of January", "2024-01-03", "2024-01-03", D, EV},
    {"On January 3rd, rebels attacked.", "2024-01-10", "January 3rd", "2024-01-03", "2024-01-03", D, EV},
    {"A gunman fired on the Fourth of July parade.", "2022-07-07", "Fourth of July", "2022-07-04", "2022-07-04", D, EV},
    {"A gunman fired on the crowd on July Fourth.", "2022-07-07", "July Fourth", "2022-07-04", "2022-07-04", D, EV},
    {"A bomb exploded on the third of March.", "2024-03-10", "third of March", "2024-03-03", "2024-03-03", D, EV},
    {"Rebels attacked three posts on October 9 last year.", "2017-08-26", "October 9 last year", "2016-10-09",
     "2016-10-09", D, EV},
    {"In August last year, the militants seized the port town.", "2021-03-29", "August last year", "2020-08-01",
     "2020-08-31", M, EV},
    {"The attack on 3 Jan 2024 killed four.", "2024-01-10", "3 Jan 2024", "2024-01-03", "2024-01-03", D, EV},
    {"The attack on Jan 3, 2024 killed four.", "2024-01-10", "Jan 3, 2024", "2024-01-03", "2024-01-03", D, EV},
    {"On January 3, 2024, a car bomb exploded.", "2024-01-10", "January 3, 2024", "2024-01-03", "2024-01-03", D, EV},
    {"Date of incident: 01/03/2024.", "2024-01-10", "01/03/2024", "2024-01-03", "2024-01-03", D, EV},
    {"Date of incident: 25/12/2023.", "2024-01-10", "25/12/2023", "2023-12-25", "2023-12-25", D, EV},
    {"Reported 3/1/24 by the ministry.", "2024-03-10", "3/1/24", "2024-03-01", "2024-03-01", D, EV},
    {"Incident date 2024-01-03, Kabul.", "2024-01-10", "2024-01-03", "2024-01-03", "2024-01-03", D, EV},
    {"Incident date 03.01.2024, Kabul.", "2024-01-10", "03.01.2024", "2024-01-03", "2024-01-03", D, EV},
    {"THE RAID ON 30 DEC 89 KILLED FIVE.", "2024-01-10", "30 DEC 89", "1989-12-30", "1989-12-30", D, EV},
    {"THE RAID ON 30 DEC 24 KILLED FIVE.", "2024-12-31", "30 DEC 24", "2024-12-30", "2024-12-30", D, EV},
    {"The bombing on Dec. 30, 1989, shocked the city.", "2024-01-10", "Dec. 30, 1989", "1989-12-30", "1989-12-30", D, EV},
    {"On Tuesday, January 2, gunmen opened fire.", "2024-01-10", "Tuesday, January 2", "2024-01-02", "2024-01-02", D, EV},
    {"Thursday 4 January 2024: clashes in Gao.", "2024-01-10", "Thursday 4 January 2024", "2024-01-04", "2024-01-04", D, EV},
    {"Wed, Jan 3: clashes in Gao.", "2024-01-10", "Wed, Jan 3", "2024-01-03", "2024-01-03", D, EV},
    {"On the night of 3 January, gunmen raided the camp.", "2024-01-10", "the night of 3 January", "2024-01-03", "2024-01-03", D, EV},
    {"The convoy was hit on the 3rd, officials said.", "2024-01-10", "the 3rd", "2024-01-03", "2024-01-03", D, EV},
    {"The convoy was hit on the 15th, officials said.", "2024-01-10", "the 15th", "2023-12-15", "2023-12-15", D, EV},
    {"ON MAY 31 MILITANTS STORMED THE BASE.", "2024-06-05", "MAY 31", "2024-05-31", "2024-05-31", D, EV},
    {"In March 3 people were killed.", "2024-01-10", "March", "2023-03-01", "2023-03-31", M, EV},
    {"On March 3 militants stormed the base.", "2024-01-10", "March 3", "2023-03-03", "2023-03-03", D, EV},
    {"Fighting raged on January 3-5, 2024.", "2024-01-10", "January 3-5, 2024", "2024-01-03", "2024-01-05", W, EV},
    {"The Sept. 11, 2001 attacks killed thousands.", "2024-01-10", "Sept. 11, 2001", "2001-09-11", "2001-09-11", D, EV},
    {"Born on 12 January 1863 in Lahore.", "2024-01-10", "12 January 1863", "1863-01-12", "1863-01-12", D, EV},
    // a day and month without a year: the latest on or before publication
    {"The attack happened on December 30.", "2024-01-10", "December 30", "2023-12-30", "2023-12-30", D, EV},
    {"The attack happened on January 10.", "2024-01-10", "January 10", "2024-01-10", "2024-01-10", D, EV},
    {"The attack happened on January 11.", "2024-01-10", "January 11", "2023-01-11", "2023-01-11", D, EV},

    // --- partial: month, year, parts of them ---
    {"In October, militants seized the town.", "2024-01-10", "October", "2023-10-01", "2023-10-31", M, EV},
    {"In October, militants seized the town.", "2024-10-07", "October", "2024-10-01", "2024-10-07", M, EV},
    {"The war began in October 2021.", "2024-01-10", "October 2021", "2021-10-01", "2021-10-31", M, EV},
    {"Clashes erupted in May 2021 in Gaza.", "2024-01-10", "May 2021", "2021-05-01", "2021-05-31", M, EV},
    {"In May the rains came early.", "2024-06-05", "May", "2024-05-01", "2024-05-31", M, EV},
    {"In 2017, the group attacked the base.", "2024-01-10", "2017", "2017-01-01", "2017-12-31", Y, EV},
    {"The 2017 attack killed 20.", "2024-01-10", "2017", "2017-01-01", "2017-12-31", Y, EV},
    {"In early October, militants attacked.", "2024-01-10", "early October", "2023-10-01", "2023-10-10", M, EV},
    {"In mid-October, militants attacked.", "2024-01-10", "mid-October", "2023-10-11", "2023-10-20", M, EV},
    {"In late October, militants attacked.", "2024-01-10", "late October", "2023-10-21", "2023-10-31", M, EV},
    {"In late October, militants attacked.", "2024-10-07", "late October", "2023-10-21", "2023-10-31", M, EV},
    {"At the beginning of this month, rebels advanced.", "2024-01-10", "the beginning of this month", "2024-01-01", "2024-01-10", M, EV},
    {"At the start of this month, rebels advanced.", "2024-01-25", "the start of this month", "2024-01-01", "2024-01-10", M, EV},
    {"At the end of last month, rebels advanced.", "2024-01-10", "the end of last month", "2023-12-21", "2023-12-31", M, EV},
    {"Earlier this month, rebels advanced.", "2024-01-10", "Earlier this month", "2024-01-01", "2024-01-10", M, EV},
    {"Earlier this year, rebels advanced.", "2024-03-01", "Earlier this year", "2024-01-01", "2024-03-01", Y, EV},
    {"Last month, rebels advanced.", "2024-01-10", "Last month", "2023-12-01", "2023-12-31", M, EV},
    {"This month, rebels advanced.", "2024-01-10", "This month", "2024-01-01", "2024-01-10", M, EV},
    {"Last year, rebels advanced.", "2024-01-10", "Last year", "2023-01-01", "2023-12-31", Y, EV},
    {"Rebels advanced in early 2021.", "2024-01-10", "early 2021", "2021-01-01", "2021-04-30", Y, EV},
    {"Rebels advanced in late 2019.", "2024-01-10", "late 2019", "2019-09-01", "2019-12-31", Y, EV},
    {"Last October, rebels advanced.", "2024-01-10", "Last October", "2023-10-01", "2023-10-31", M, EV},
    {"In the 1990s, the group was founded.", "2024-01-10", "1990s", "1990-01-01", "1999-12-31", Y, OTHER},

    // --- relative to publication (Wednesday 2024-01-10) ---
    {"Today, gunmen attacked a market.", "2024-01-10", "Today", "2024-01-10", "2024-01-10", D, EV},
    {"Gunmen attacked a market on Monday.", "2024-01-10", "Monday", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market on Wednesday.", "2024-01-10", "Wednesday", "2024-01-10", "2024-01-10", D, EV},
    {"Gunmen attacked a market on Thursday.", "2024-01-10", "Thursday", "2024-01-04", "2024-01-04", D, EV},
    {"Gunmen attacked a market Monday night.", "2024-01-10", "Monday night", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market late Monday.", "2024-01-10", "late Monday", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market early on Monday.", "2024-01-10", "early on Monday", "2024-01-08", "2024-01-08", D, EV},
    {"GUNMEN ATTACKED A MARKET ON MONDAY.", "2024-01-10", "MONDAY", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market yesterday.", "2024-01-10", "yesterday", "2024-01-09", "2024-01-09", D, EV},
    {"Gunmen attacked the day before yesterday.", "2024-01-10", "the day before yesterday", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market last night.", "2024-01-10", "last night", "2024-01-09", "2024-01-09", D, EV},
    {"Gunmen attacked a market on Sunday last.", "2024-01-10", "Sunday last", "2024-01-07", "2024-01-07", D, EV},
    {"Gunmen attacked a market on Sunday last year.", "2024-01-10", "last year", "2023-01-01", "2023-12-31", Y, EV},
    {"Gunmen attacked a market last Friday.", "2024-01-10", "last Friday", "2024-01-05", "2024-01-05", D, EV},
    {"Gunmen attacked a market last Wednesday.", "2024-01-10", "last Wednesday", "2024-01-03", "2024-01-03", D, EV},
    {"Gunmen attacked a market last week.", "2024-01-10", "last week", "2024-01-01", "2024-01-07", W, EV},
    {"Gunmen attacked a market this week.", "2024-01-10", "this week", "2024-01-08", "2024-01-10", W, EV},
    {"Gunmen attacked a market over the weekend.", "2024-01-10", "the weekend", "2024-01-06", "2024-01-07", W, EV},
    {"Gunmen attacked a market at the weekend.", "2024-01-07", "the weekend", "2024-01-06", "2024-01-07", W, EV},
    {"Gunmen attacked a market last weekend.", "2024-01-10", "last weekend", "2024-01-06", "2024-01-07", W, EV},
    {"Gunmen attacked a market two days ago.", "2024-01-10", "two days ago", "2024-01-08", "2024-01-08", D, EV},
    {"Gunmen attacked a market 10 days ago.", "2024-01-10", "10 days ago", "2023-12-31", "2023-12-31", D, EV},
    {"Gunmen attacked a market three weeks ago.", "2024-01-10", "three weeks ago", "2023-12-18", "2023-12-24", W, EV},
    {"Gunmen attacked a market a month ago.", "2024-01-10", "a month ago", "2023-12-01", "2023-12-31", M, EV},
    {"One year ago tonight, a gunman opened fire in a dance hall.", "2024-01-21", "One year ago tonight", "2023-01-21", "2023-01-21", D, EV},
    {"A year ago this morning, a gunman walked into the bank.", "2024-04-10", "A year ago this morning", "2023-04-10", "2023-04-10", D, EV},
    {"Two years ago today, militants stormed the school.", "2016-12-16", "Two years ago today", "2014-12-16", "2014-12-16", D, EV},
    {"Six months ago today, a bomb hit the market.", "2024-08-31", "Six months ago today", "2024-02-29", "2024-02-29", D, EV},
    // 2020-08-03 is a Monday; "one year ago Monday" is that Monday's date a year back
    {"One year ago Monday, a gunman walked into a Walmart.", "2020-08-03", "One year ago Monday", "2019-08-03", "2019-08-03", D, EV},
    {"He killed eight people on May 6 of last year.", "2024-05-06", "May 6 of last year", "2023-05-06", "2023-05-06", D, EV},
    // a date between "the" and a noun qualifies the noun, after "since" too
    {"It has been one year since the Oct. 25, 2023, shootings.", "2024-10-25", "Oct. 25, 2023", "2023-10-25", "2023-10-25", D, EV},
    {"No attack has hit the city since March 2021.", "2024-10-25", "March 2021", "2021-03-01", "2021-03-31", M, SINCE},
    {"A year ago, a gunman opened fire in a dance hall.", "2024-01-21", "A year ago", "2023-01-01", "2023-12-31", Y, EV},
    {"Attacks have risen in recent weeks.", "2024-01-10", "recent weeks", "2023-11-29", "2024-01-10", Y, OTHER},
    {"Attacks have risen in recent days.", "2024-01-10", "recent days", "2024-01-03", "2024-01-10", M, OTHER},
    {"Attacks have risen over the past week.", "2024-01-10", "the past week", "2024-01-04", "2024-01-10", W, OTHER},
    {"Hours earlier, a bomb exploded.", "2024-01-10", "Hours earlier", "2024-01-10", "2024-01-10", D, EV},
    {"Earlier today, a bomb exploded.", "2024-01-10", "Earlier today", "2024-01-10", "2024-01-10", D, EV},
    // across the year boundary (Tuesday 2024-01-02)
    {"Gunmen attacked a market last week.", "2024-01-02", "last week", "2023-12-25", "2023-12-31", W, EV},
    {"Gunmen attacked a market on Friday.", "2024-01-02", "Friday", "2023-12-29", "2023-12-29", D, EV},
    {"Gunmen attacked a market last month.", "2024-01-02", "last month", "2023-12-01", "2023-12-31", M, EV},
    {"Gunmen attacked a market yesterday.", "2024-01-01", "yesterday", "2023-12-31", "2023-12-31", D, EV},
    {"In December, gunmen attacked a market.", "2024-01-02", "December", "2023-12-01", "2023-12-31", M, EV},
    {"The convoy was hit on the 30th.", "2024-01-02", "the 30th", "2023-12-30", "2023-12-30", D, EV},
    // leap years
    {"Gunmen attacked a market yesterday.", "2024-03-01", "yesterday", "2024-02-29", "2024-02-29", D, EV},
    {"Gunmen attacked a market yesterday.", "2023-03-01", "yesterday", "2023-02-28", "2023-02-28", D, EV},
    {"The attack took place on 29 February.", "2024-03-01", "29 February", "2024-02-29", "2024-02-29", D, EV},
    {"The attack took place on 29 February.", "2023-03-01", "29 February", "2020-02-29", "2020-02-29", D, EV},
    {"Last month, rebels advanced.", "2024-03-01", "Last month", "2024-02-01", "2024-02-29", M, EV},

    // --- relative to the previous date (a day anchor: Monday 2024-01-08) ---
    {"A week later, gunmen returned.", "2024-01-20", "A week later", "2024-01-15", "2024-01-15", D, EV, "2024-01-08"},
    {"Two days later, gunmen returned.", "2024-01-20", "Two days later", "2024-01-10", "2024-01-10", D, EV, "2024-01-08"},
    {"The next day, gunmen returned.", "2024-01-20", "The next day", "2024-01-09", "2024-01-09", D, EV, "2024-01-08"},
    {"The following day, gunmen returned.", "2024-01-20", "The following day", "2024-01-09", "2024-01-09", D, EV, "2024-01-08"},
    {"A day earlier, police had warned.", "2024-01-20", "A day earlier", "2024-01-07", "2024-01-07", D, EV, "2024-01-08"},
    {"On the same day, a second bomb went off.", "2024-01-20", "the same day", "2024-01-08", "2024-01-08", D, EV, "2024-01-08"},
    {"That night, a second bomb went off.", "2024-01-20", "That night", "2024-01-08", "2024-01-08", D, EV, "2024-01-08"},
    {"Hours later, a second bomb went off.", "2024-01-20", "Hours later", "2024-01-08", "2024-01-08", D, EV, "2024-01-08"},
    {"Days later, a second bomb went off.", "2024-01-20", "Days later", "2024-01-09", "2024-01-15", W, OTHER, "2024-01-08"},
    {"The following week, troops withdrew.", "2024-01-20", "The following week", "2024-01-15", "2024-01-21", W, EV, "2024-01-08"},
    {"A week later, gunmen returned.", "2024-03-10", "A week later", "2024-03-03", "2024-03-03", D, EV, "2024-02-25"},
    {"A week later, gunmen returned.", nullptr, "A week later", "2024-01-15", "2024-01-15", D, EV, "2024-01-08"},
    // within one sentence the first date anchors the second
    {"Rebels attacked on Monday and two days later the army struck back.", "2024-01-20", "two days later", "2024-01-17", "2024-01-17", D, EV},
    {"On March 3 gunmen attacked; the day before, police had warned.", "2024-04-01", "the day before", "2024-03-02", "2024-03-02", D, EV},

    // --- roles ---
    {"Since 2021, the group has killed hundreds.", "2024-01-10", "2021", "2021-01-01", "2021-12-31", Y, SINCE},
    {"Since August 2021, the group has killed hundreds.", "2024-01-10", "August 2021", "2021-08-01", "2021-08-31", M, SINCE},
    {"The largest since February 2021, when bandits seized 279 girls.", "2024-03-25", "February 2021", "2021-02-01",
     "2021-02-28", M, EV},
    {"He ruled from 1996 to 2001.", "2024-01-10", "1996", "1996-01-01", "1996-12-31", Y, SINCE},
    // a possessive date names the event after it, whatever the preposition
    {"The toll from yesterday's bombing rose to 40.", "2024-01-10", "yesterday", "2024-01-09", "2024-01-09", D, EV},
    {"Nobody has been arrested since Friday's attack.", "2024-01-10", "Friday", "2024-01-05", "2024-01-05", D, EV},
    {"He ruled from 1996 to 2001.", "2024-01-10", "2001", "2001-01-01", "2001-12-31", Y, UNTIL},
    {"Between 2015 and 2018, attacks doubled.", "2024-01-10", "2015", "2015-01-01", "2015-12-31", Y, SINCE},
    {"Between 2015 and 2018, attacks doubled.", "2024-01-10", "2018", "2018-01-01", "2018-12-31", Y, UNTIL},
    {"Troops stayed until 2020.", "2024-01-10", "2020", "2020-01-01", "2020-12-31", Y, UNTIL},
    {"Troops will leave by 2025.", "2024-01-10", "2025", "2025-01-01", "2025-12-31", Y, OTHER},
    {"During the 2015-2018 campaign, attacks doubled.", "2024-01-10", "2018", "2018-01-01", "2018-12-31", Y, UNTIL},
    {"During the 2014–15 season, attacks doubled.", "2024-01-10", "15", "2015-01-01", "2015-12-31", Y, UNTIL},
    {"Fighting continued from Jan. 3 to Jan. 5.", "2024-01-10", "Jan. 5", "2024-01-05", "2024-01-05", D, UNTIL},
    {"The siege lasted from Dec 30 to Jan 2.", "2024-01-10", "Dec 30", "2023-12-30", "2023-12-30", D, SINCE},
    {"The siege lasted from Dec 30 to Jan 2.", "2024-01-10", "Jan 2", "2024-01-02", "2024-01-02", D, UNTIL},
    {"Fighting on Jan 30-Feb 2 displaced thousands.", "2024-03-10", "Feb 2", "2024-02-02", "2024-02-02", D, UNTIL},
    {"Fighting in January-March displaced thousands.", "2024-06-10", "January", "2024-01-01", "2024-01-31", M, SINCE},
    {"Fighting in January-March displaced thousands.", "2024-06-10", "March", "2024-03-01", "2024-03-31", M, UNTIL},
    {"As of Monday, 20 people were missing.", "2024-01-10", "Monday", "2024-01-08", "2024-01-08", D, OTHER},
    {"Voters go to the polls next week.", "2024-01-10", "next week", "2024-01-15", "2024-01-21", W, OTHER},
    {"Voters go to the polls on March 3, 2024.", "2024-01-10", "March 3, 2024", "2024-03-03", "2024-03-03", D, OTHER},

    // --- no date in the text ---
    {"Gunmen killed 12 soldiers at a checkpoint.", "2024-01-10", nullptr},
    {"Police said 2,000 people fled and 1,500 were hurt.", "2024-01-10", nullptr},
    {"Officials recorded it in 2,017 cases.", "2024-01-10", nullptr},
    {"The blast at 10:30 a.m. was followed by another at 9 pm.", "2024-01-10", nullptr},
    {"Guards watch the site 24/7 since the 9/11 attacks.", "2024-01-10", nullptr},
    {"See No. 5 on page 12; the team won 3-1.", "2024-01-10", nullptr},
    {"Over 2000 people fled; the curfew starts at 2100 GMT.", "2024-01-10", nullptr},
    {"They may attack again, officials warned.", "2024-01-10", nullptr},
    {"Protesters march 3 miles to the palace.", "2024-01-10", nullptr},
    {"Relatives marked Bloody Sunday; the Sunday Times reported it.", "2024-01-10", nullptr},
    {"Jan Egeland said aid was blocked.", "2024-01-10", nullptr},
    {"The September 11 attacks changed everything.", "2024-01-10", nullptr},
    {"It was on the 3rd floor of the building.", "2024-01-10", nullptr},
    {"Sat and Sun are days off; we wed at noon.", "2024-01-10", nullptr},
    {"The next day, gunmen returned.", "2024-01-10", nullptr},
    // no publication date: no year, no date
    {"Gunmen attacked a church on January 3.", nullptr, nullptr},
    {"Gunmen attacked a church on Monday, two days ago.", nullptr, nullptr},
    {"In October, militants seized the town.", nullptr, nullptr},
    {"On January 3, 2024, a car bomb exploded.", nullptr, "January 3, 2024", "2024-01-03", "2024-01-03", D, EV},
    {"In 2017, the group attacked the base.", nullptr, "2017", "2017-01-01", "2017-12-31", Y, EV},
    {"THE RAID ON 30 DEC 89 KILLED FIVE.", nullptr, "30 DEC 89", "1989-12-30", "1989-12-30", D, EV},
};

class DatePhrasing : public ::testing::TestWithParam<date_case> {};

TEST_P(DatePhrasing, Resolves)
{
    date_case const &c = GetParam();
    std::string const text = c.text;
    std::optional<date_range> previous;
    if (c.previous)
        previous = date_range::day(*iso(c.previous));
    auto const found = find_dates(tokenize(text), iso(c.published), previous);
    if (!c.span) {
        EXPECT_TRUE(found.empty()) << describe(text, found);
        return;
    }
    date_mention const *hit = nullptr;
    for (auto const &m : found)
        if (covered(text, m) == c.span)
            hit = &m;
    ASSERT_NE(hit, nullptr) << "no mention [" << c.span << "] in:\n" << describe(text, found);
    EXPECT_EQ(hit->range.start.iso(), c.start) << describe(text, found);
    EXPECT_EQ(hit->range.end.iso(), c.end) << describe(text, found);
    EXPECT_EQ(hit->range.precision, c.precision) << describe(text, found);
    EXPECT_EQ(hit->role, c.role) << describe(text, found);
    EXPECT_FALSE(hit->rule.empty());
}

INSTANTIATE_TEST_SUITE_P(Dates, DatePhrasing, ::testing::ValuesIn(cases));

std::vector<date_mention> dates(std::string const &text, char const *published,
                                std::optional<date_range> previous = std::nullopt)
{
    return find_dates(tokenize(text), iso(published), previous);
}

} // namespace

TEST(Dates, PreviousMonthKeepsMonthPrecisionInsideTheMonth)
{
    date_range const early_october{{2023, 10, 1}, {2023, 10, 10}, M};
    auto const found = dates("A week later, more came.", "2024-01-10", early_october);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].range.start, (civil_date{2023, 10, 8}));
    EXPECT_EQ(found[0].range.end, (civil_date{2023, 10, 17}));
    EXPECT_EQ(found[0].range.precision, M);
    EXPECT_TRUE(found[0].relative);
}

TEST(Dates, PreviousMonthCrossingMonthsWidensPrecision)
{
    auto const found = dates("A week later, more came.", "2024-01-10", date_range::month(2023, 10));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].range.start, (civil_date{2023, 10, 8}));
    EXPECT_EQ(found[0].range.end, (civil_date{2023, 11, 7}));
    EXPECT_EQ(found[0].range.precision, Y);
}

TEST(Dates, OffsetsAndTokensCoverTheExpression)
{
    std::string const text = "Gunmen attacked on Tuesday, January 2, killing 4.";
    auto const tokens = tokenize(text, 1000);
    auto const found = find_dates(tokens, civil_date{2024, 1, 10});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].begin - 1000, found[0].end - found[0].begin), "Tuesday, January 2");
    EXPECT_EQ(tokens[found[0].first_token].norm, "tuesday");
    EXPECT_EQ(found[0].token_count, 4u);
    EXPECT_TRUE(found[0].relative); // the year came from publication
    EXPECT_EQ(found[0].rule, "month_day");
}

TEST(Dates, AbsoluteDatesAreNotRelative)
{
    auto const found = dates("On 3 Jan 2024 and in 2017.", "2024-01-10");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_FALSE(found[0].relative);
    EXPECT_FALSE(found[1].relative);
}

TEST(Dates, SeveralDatesInOrder)
{
    std::string const text = "Rebels seized the town on Monday, lost it on Wednesday and, since 2021, control the road.";
    auto const found = dates(text, "2024-01-10");
    ASSERT_EQ(found.size(), 3u) << describe(text, found);
    EXPECT_EQ(found[0].range.start, (civil_date{2024, 1, 8}));
    EXPECT_EQ(found[1].range.start, (civil_date{2024, 1, 10}));
    EXPECT_EQ(found[2].role, SINCE);
    EXPECT_LT(found[0].begin, found[1].begin);
}

TEST(Dates, AMonthAfterTheSentencesYearTakesThatYear)
{
    std::string const text = "In 2017 the group bombed two churches and, later that year, in November, militants "
                             "attacked a mosque.";
    auto const found = dates(text, "2025-06-23");
    ASSERT_FALSE(found.empty()) << describe(text, found);
    EXPECT_EQ(found.back().range.start, (civil_date{2017, 11, 1})) << describe(text, found);
}

TEST(Dates, LastEventDateSkipsOtherRoles)
{
    auto const found = dates("On Monday gunmen attacked; the election is due by 2025.", "2024-01-10");
    auto const last = last_event_date(found);
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->start, (civil_date{2024, 1, 8}));
    EXPECT_FALSE(last_event_date(dates("Since 2021 the group has grown.", "2024-01-10")).has_value());
}

TEST(Dates, EmptyInput)
{
    EXPECT_TRUE(find_dates({}, civil_date{2024, 1, 10}).empty());
    EXPECT_TRUE(dates("", "2024-01-10").empty());
    EXPECT_TRUE(dates("...", nullptr).empty());
}

TEST(Dates, TruncatedSentencesDoNotReadPastTheEnd)
{
    for (char const *text : {"January", "Jan.", "3", "the", "the day", "the day before", "last", "two days",
                             "early", "the end of", "2024-01", "01/03/", "Monday,", "a week", "on the 3rd"})
        EXPECT_NO_FATAL_FAILURE(dates(text, "2024-01-10")) << text;
}

TEST(Dates, LongDigitRunsDoNotOverflow)
{
    // Found by fuzz/fuzz_dates: a ten-digit number overflowed the day/decade reader.
    EXPECT_NO_FATAL_FAILURE(dates("5555555555th of 55555555555s, 99999999999 people", "2024-01-10"));
    EXPECT_TRUE(dates("5555555555th", "2024-01-10").empty());
}

TEST(Dates, LateInAWeekendStaysTheWeekend)
{
    // Found by fuzz/fuzz_dates: "late" narrowed a weekend as if it were a whole week, giving a
    // range that ended before it started.
    for (auto const &m : dates("It happened late the weekend. Early the weekend it was calm.", "1983-12-12")) {
        EXPECT_LE(m.range.start.to_days(), m.range.end.to_days());
    }
}

TEST(Dates, WordSoupKeepsInvariants)
{
    // Date words in random order, cut anywhere: no crash, and every mention is well formed.
    static char const *const words[] = {
        "the", "on", "in", "of", "a", "two", "few", "last", "this", "next", "past", "early", "late", "mid", "end",
        "beginning", "earlier", "later", "ago", "day", "days", "week", "weeks", "month", "year", "hours", "weekend",
        "night", "morning", "Monday", "Sat", "May", "March", "Jan", "January", ".", ",", "/", ":", "\xE2\x80\x93",
        "3", "31", "3rd", "2024", "89", "1990s", "since", "from", "to", "between", "and", "by", "until", "same",
        "that", "following", "previous", "before", "after", "yesterday", "today", "recent", "2024-01-03", "1,500"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        int const n = static_cast<int>(next() % 12);
        for (int k = 0; k < n; ++k) {
            if (k && next() % 4)
                text += ' ';
            text += words[next() % (sizeof words / sizeof *words)];
        }
        auto const tokens = tokenize(text);
        std::optional<civil_date> pub;
        if (next() % 4)
            pub = civil_date{2024, 1, 1}.plus_days(static_cast<long>(next() % 800));
        std::optional<date_range> previous;
        if (next() % 2)
            previous = date_range::month(2023, 1 + static_cast<int>(next() % 12));
        auto const found = find_dates(tokens, pub, previous);
        std::size_t after = 0;
        for (auto const &m : found) {
            ASSERT_LE(m.range.start, m.range.end) << text;
            ASSERT_GE(m.first_token, after) << text;
            ASSERT_GE(m.token_count, 1u) << text;
            ASSERT_LE(m.first_token + m.token_count, tokens.size()) << text;
            ASSERT_LT(m.begin, m.end) << text;
            after = m.first_token + m.token_count;
        }
    }
}
