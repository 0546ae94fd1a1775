#include "core/civil_date.hpp"
#include "core/incident_report.hpp"

#include <gtest/gtest.h>

using etl::civil_date;

TEST(CivilDate, RoundTripsThroughDays)
{
    for (long d = -800000; d < 800000; d += 997)
        EXPECT_EQ(civil_date::from_days(d).to_days(), d);
    EXPECT_EQ((civil_date{1970, 1, 1}.to_days()), 0);
    EXPECT_EQ((civil_date{2024, 3, 1}.plus_days(-1)), (civil_date{2024, 2, 29}));
    EXPECT_EQ((civil_date{2023, 3, 1}.plus_days(-1)), (civil_date{2023, 2, 28}));
}

TEST(CivilDate, WeekdayIsIso)
{
    EXPECT_EQ((civil_date{2021, 11, 15}.weekday()), 0); // a Monday
    EXPECT_EQ((civil_date{2024, 1, 3}.weekday()), 2);   // a Wednesday
    EXPECT_EQ((civil_date{2000, 1, 2}.weekday()), 6);   // a Sunday
}

TEST(CivilDate, ParsesIsoDatesAndTimestamps)
{
    EXPECT_EQ(civil_date::parse_iso("2024-01-09"), (civil_date{2024, 1, 9}));
    EXPECT_EQ(civil_date::parse_iso("2024-01-09T10:30:00Z"), (civil_date{2024, 1, 9}));
    EXPECT_FALSE(civil_date::parse_iso("2023-02-29"));
    EXPECT_FALSE(civil_date::parse_iso("09/01/2024"));
    EXPECT_FALSE(civil_date::parse_iso("2024-01-09x"));
    EXPECT_FALSE(civil_date::parse_iso(""));
}

TEST(DateRange, LabelFollowsPrecision)
{
    EXPECT_EQ(etl::date_range::month(2021, 10).label(), "2021-10");
    EXPECT_EQ(etl::date_range::month(2024, 2).end, (civil_date{2024, 2, 29}));
    EXPECT_EQ(etl::date_range::year(2017).label(), "2017");
    EXPECT_EQ(etl::date_range::day({2024, 1, 3}).label(), "2024-01-03");
}
