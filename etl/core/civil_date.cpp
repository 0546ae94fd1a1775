#include "core/civil_date.hpp"

#include <chrono>

#include <cstdio>

namespace etl {

// Howard Hinnant's days_from_civil algorithm (public domain description of the arithmetic).
long civil_date::to_days() const
{
    int y = year - (month <= 2 ? 1 : 0);
    long const era = (y >= 0 ? y : y - 399) / 400;
    unsigned const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    unsigned const doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

civil_date civil_date::from_days(long z)
{
    z += 719468;
    long const era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned const doe = static_cast<unsigned>(z - era * 146097);
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long const y = static_cast<long>(yoe) + era * 400;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned const mp = (5 * doy + 2) / 153;
    unsigned const d = doy - (153 * mp + 2) / 5 + 1;
    unsigned const m = mp < 10 ? mp + 3 : mp - 9;
    return civil_date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int civil_date::weekday() const
{
    long const z = to_days(); // 1970-01-01 was a Thursday (ISO 3)
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

std::string civil_date::iso() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

int civil_date::days_in_month(int y, int m)
{
    static int const days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) {
        bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[m - 1];
}

bool civil_date::valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<civil_date> civil_date::parse_iso(std::string_view s)
{
    auto digits = [&](std::size_t pos, std::size_t n, int &out) {
        if (pos + n > s.size())
            return false;
        out = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, m) || s[7] != '-' ||
        !digits(8, 2, d))
        return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ')
        return std::nullopt;
    if (!valid(y, m, d))
        return std::nullopt;
    return civil_date{y, m, d};
}

civil_date civil_date::today()
{
    auto const since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return from_days(static_cast<long>(std::chrono::duration_cast<std::chrono::hours>(since_epoch).count() / 24));
}

} // namespace etl
