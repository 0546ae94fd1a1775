#include "core/incident_report.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace etl {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(std::array<std::pair<E, std::string_view>, N> const &names, std::string_view s)
{
    for (auto const &[value, name] : names)
        if (name == s)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(std::array<std::pair<E, std::string_view>, N> const &names, E e)
{
    for (auto const &[value, name] : names)
        if (value == e)
            return name;
    return {};
}

constexpr std::array<std::pair<date_precision, std::string_view>, 4> date_precision_names{{
    {date_precision::day, "day"},
    {date_precision::week, "week"},
    {date_precision::month, "month"},
    {date_precision::year, "year"},
}};
constexpr std::array<std::pair<count_qualifier, std::string_view>, 7> qualifier_names{{
    {count_qualifier::exact, "exact"},
    {count_qualifier::at_least, "at_least"},
    {count_qualifier::more_than, "more_than"},
    {count_qualifier::about, "about"},
    {count_qualifier::almost, "almost"},
    {count_qualifier::up_to, "up_to"},
    {count_qualifier::vague, "vague"},
}};
constexpr std::array<std::pair<geo_precision, std::string_view>, 4> geo_precision_names{{
    {geo_precision::none, "none"},
    {geo_precision::country, "country"},
    {geo_precision::admin1, "admin1"},
    {geo_precision::city, "city"},
}};
constexpr std::array<std::pair<claim_status, std::string_view>, 4> claim_status_names{{
    {claim_status::none, "none"},
    {claim_status::claimed, "claimed"},
    {claim_status::blamed, "blamed"},
    {claim_status::suspected, "suspected"},
}};

} // namespace

std::string date_range::label() const
{
    char buf[16];
    switch (precision) {
    case date_precision::year:
        std::snprintf(buf, sizeof buf, "%04d", start.year);
        return buf;
    case date_precision::month:
        std::snprintf(buf, sizeof buf, "%04d-%02d", start.year, start.month);
        return buf;
    case date_precision::day:
    case date_precision::week:
        break;
    }
    return start.iso();
}

date_range date_range::month(int y, int m)
{
    return {civil_date{y, m, 1}, civil_date{y, m, civil_date::days_in_month(y, m)}, date_precision::month};
}

date_range date_range::year(int y)
{
    return {civil_date{y, 1, 1}, civil_date{y, 12, 31}, date_precision::year};
}

std::string_view to_string(date_precision p) { return name_of(date_precision_names, p); }
std::string_view to_string(count_qualifier q) { return name_of(qualifier_names, q); }
std::string_view to_string(geo_precision p) { return name_of(geo_precision_names, p); }
std::string_view to_string(claim_status s) { return name_of(claim_status_names, s); }

std::optional<date_precision> parse_date_precision(std::string_view s) { return lookup(date_precision_names, s); }
std::optional<count_qualifier> parse_count_qualifier(std::string_view s) { return lookup(qualifier_names, s); }
std::optional<geo_precision> parse_geo_precision(std::string_view s) { return lookup(geo_precision_names, s); }
std::optional<claim_status> parse_claim_status(std::string_view s) { return lookup(claim_status_names, s); }

} // namespace etl
