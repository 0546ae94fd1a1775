#pragma once
// What one article says about one incident: every field with its precision or qualifier,
// and the evidence it was read from. Produced by extract/, consumed by dedup/ and load/.

#include "core/civil_date.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etl {

enum class date_precision { day, week, month, year };

/// A date as precise as the text allows: an inclusive range plus its precision.
struct date_range {
    civil_date start;
    civil_date end;
    date_precision precision = date_precision::day;

    /// "YYYY-MM-DD" (day, week: the first day), "YYYY-MM" (month) or "YYYY" (year).
    std::string label() const;
    static date_range day(civil_date d) { return {d, d, date_precision::day}; }
    static date_range month(int year, int month);
    static date_range year(int year);
    bool contains(civil_date d) const { return start <= d && d <= end; }
};

/// How a reported figure was qualified in the text ("at least 63", "almost 60", "dozens").
enum class count_qualifier { exact, at_least, more_than, about, almost, up_to, vague };

struct casualty_count {
    long value = 0;                 ///< vague quantities use the convention in docs/extraction.md
    count_qualifier qualifier = count_qualifier::exact;
    std::string text;               ///< the words the figure was read from ("almost 60")
};

enum class geo_precision { none, country, admin1, city };

struct place {
    std::string country;            ///< ISO 3166-1 alpha-2, empty when unknown
    std::string admin1;             ///< first-level division, GeoNames English name
    std::string city;
    std::optional<double> latitude;
    std::optional<double> longitude;
    geo_precision precision = geo_precision::none;
};

enum class claim_status { none, claimed, blamed, suspected };

/// Why a field has its value: which rule or lexicon entry produced it (`extract --explain`).
struct field_explanation {
    std::string field;
    std::string rule;
    std::string matched;            ///< the text that triggered the rule
};

struct incident_report {
    std::string article_id;
    std::string source;
    std::optional<civil_date> published;
    int ordinal = 0;                ///< position of this report within its article, from 0

    std::optional<date_range> date;
    place location;
    std::string attacker;           ///< canonical group name (GTD), empty when the text names none
    claim_status attacker_status = claim_status::none;
    std::string attack_type;        ///< GTD attack type
    std::string target_type;        ///< GTD target type
    std::optional<casualty_count> killed;
    std::optional<casualty_count> injured;
    std::optional<casualty_count> kidnapped;
    std::optional<casualty_count> perpetrators_killed;

    std::string evidence;           ///< the sentence(s) the report was read from
    std::size_t evidence_begin = 0; ///< character span in the normalised article text
    std::size_t evidence_end = 0;
    std::vector<field_explanation> explanations;
};

std::string_view to_string(date_precision p);
std::string_view to_string(count_qualifier q);
std::string_view to_string(geo_precision p);
std::string_view to_string(claim_status s);
std::optional<date_precision> parse_date_precision(std::string_view s);
std::optional<count_qualifier> parse_count_qualifier(std::string_view s);
std::optional<geo_precision> parse_geo_precision(std::string_view s);
std::optional<claim_status> parse_claim_status(std::string_view s);

} // namespace etl
