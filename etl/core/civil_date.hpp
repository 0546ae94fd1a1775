#pragma once
// A proleptic Gregorian calendar date without time zone, with day arithmetic.

#include <optional>
#include <string>
#include <string_view>

namespace etl {

struct civil_date {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31

    /// Days since 1970-01-01 (negative before).
    long to_days() const;
    static civil_date from_days(long days);

    /// Today in UTC, from the system clock.
    static civil_date today();

    civil_date plus_days(long n) const { return from_days(to_days() + n); }
    /// 0 = Monday ... 6 = Sunday (ISO).
    int weekday() const;
    /// "YYYY-MM-DD".
    std::string iso() const;

    /// Parses "YYYY-MM-DD", optionally followed by a time ("2024-01-09T10:00:00Z").
    static std::optional<civil_date> parse_iso(std::string_view text);
    static bool valid(int year, int month, int day);
    static int days_in_month(int year, int month);

    friend bool operator==(civil_date const &a, civil_date const &b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(civil_date const &a, civil_date const &b) { return !(a == b); }
    friend bool operator<(civil_date const &a, civil_date const &b) { return a.to_days() < b.to_days(); }
    friend bool operator<=(civil_date const &a, civil_date const &b) { return a.to_days() <= b.to_days(); }
};

} // namespace etl
