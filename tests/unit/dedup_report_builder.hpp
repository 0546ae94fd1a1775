#pragma once
// Incident reports built field by field for the deduplication tests.

#include "core/incident_report.hpp"

#include <string>
#include <utility>

namespace etl::dedup::test {

struct report {
    incident_report r;

    explicit report(std::string article, int ordinal = 0)
    {
        r.article_id = std::move(article);
        r.ordinal = ordinal;
    }
    report &day(int y, int m, int d)
    {
        r.date = date_range::day({y, m, d});
        return *this;
    }
    report &month(int y, int m)
    {
        r.date = date_range::month(y, m);
        return *this;
    }
    report &undated()
    {
        r.date.reset();
        return *this;
    }
    report &published(int y, int m, int d)
    {
        r.published = civil_date{y, m, d};
        return *this;
    }
    report &at(std::string country, std::string admin1, std::string city = {})
    {
        r.location.country = std::move(country);
        r.location.admin1 = std::move(admin1);
        r.location.city = std::move(city);
        r.location.precision = !r.location.city.empty()      ? geo_precision::city
                               : !r.location.admin1.empty()  ? geo_precision::admin1
                               : !r.location.country.empty() ? geo_precision::country
                                                             : geo_precision::none;
        return *this;
    }
    report &coords(double lat, double lon)
    {
        r.location.latitude = lat;
        r.location.longitude = lon;
        return *this;
    }
    report &by(std::string attacker)
    {
        r.attacker = std::move(attacker);
        return *this;
    }
    report &kind(std::string attack, std::string target)
    {
        r.attack_type = std::move(attack);
        r.target_type = std::move(target);
        return *this;
    }
    report &killed(long n, count_qualifier q = count_qualifier::exact, std::string text = {})
    {
        r.killed = casualty_count{n, q, std::move(text)};
        return *this;
    }
    report &attackers_killed(long n)
    {
        r.perpetrators_killed = casualty_count{n, count_qualifier::exact, {}};
        return *this;
    }
    report &no_killed()
    {
        r.killed.reset();
        return *this;
    }
    report &text(std::string evidence)
    {
        r.evidence = std::move(evidence);
        return *this;
    }
    operator incident_report const &() const { return r; }
};

} // namespace etl::dedup::test
