#pragma once
// The place gazetteer: countries, first-level divisions (admin1), districts (second-level
// divisions of conflict-affected countries) and cities from GeoNames-derived files in
// config/gazetteer/ (formats in its README.md), plus hand-made additions; a neighbourhood is a
// city that is part of another (`part_of`). Loaded once at start-up, then read-only and safe to
// share between threads.

#include "extract/tokens.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace etl::extract {

enum class place_kind : std::uint8_t { country, admin1, district, city };

std::string_view to_string(place_kind k);

inline constexpr std::uint32_t no_place = 0xFFFFFFFFu;

struct gazetteer_place {
    std::string name;                  ///< GeoNames name (countries: common English name)
    std::string country;               ///< ISO 3166-1 alpha-2
    std::uint32_t country_id = no_place; ///< the country place (a country: itself)
    std::uint32_t admin1 = no_place;   ///< the admin1 containing this place (an admin1: itself)
    std::uint32_t district = no_place; ///< the district containing this place (a district: itself)
    std::uint32_t part_of = no_place;  ///< a neighbourhood's city (additions.tsv `neighbourhood`)
    std::uint32_t geonameid = 0;       ///< 0 when the place does not come from GeoNames
    double latitude = 0;
    double longitude = 0;
    bool has_coordinates = false;
    std::uint64_t population = 0;      ///< divisions and countries: sum over their GeoNames places
    place_kind kind = place_kind::city;
    bool national_capital = false;
    bool admin1_capital = false;       ///< GeoNames PPLA
};

/// How a spelling names a place.
enum class name_source : std::uint8_t { name, alternate, demonym };

struct name_ref {
    std::uint32_t place = no_place;
    name_source source = name_source::name;
};

/// Everything one spelling (one folded token sequence) can mean.
struct name_entry {
    std::vector<name_ref> refs;
    bool common_word = false;   ///< a common English word (SCOWL), and no country's name
    bool any_common = false;    ///< a common English word, countries included ("us", "turkey")
    bool ambiguous = false;     ///< listed in ambiguous_names.txt: needs local support
    bool blocked = false;       ///< listed as "!phrase" in ambiguous_names.txt: never a place
    /// A spelling has a possessive before its last word ("Cox's Bazar"), so a match may run on
    /// past a possessive in the text; other spellings may not ("Pakistan's army").
    bool inner_possessive = false;
};

class gazetteer {
public:
    /// Loads countries.tsv, admin1.tsv, districts.tsv, cities.tsv, additions.tsv,
    /// ambiguous_names.txt and common_words.txt from `dir` (the last four are optional).
    /// Throws etl::config_error naming the file and line of any malformed row.
    static gazetteer load(std::string const &dir);

    std::size_t size() const { return m_places.size(); }
    gazetteer_place const &place(std::uint32_t id) const { return m_places.at(id); }

    /// Every spelling of every place; a match's value indexes entry().
    phrase_matcher const &matcher() const { return m_matcher; }
    name_entry const &entry(std::size_t index) const { return m_entries.at(index); }

    /// The entry for a spelling ("Kandahar", "mazar-i-sharif"), or nullptr.
    name_entry const *lookup(std::string_view spelling) const;

    std::optional<std::uint32_t> country(std::string_view iso2) const;
    std::optional<std::uint32_t> capital_of(std::string_view iso2) const;
    /// The countries a demonym or adjective names ("Iranian" -> IR; "Congolese" -> CD, CG).
    std::vector<std::uint32_t> countries_of_demonym(std::string_view word) const;
    /// The admin1 of `country` with this GeoNames code ("23") or name, or nullopt.
    std::optional<std::uint32_t> admin1(std::string_view iso2, std::string_view code_or_name) const;

    /// Is `inner` inside `outer` (or the same place)? A city contains its neighbourhoods.
    bool contains(std::uint32_t outer, std::uint32_t inner) const;

    /// Is `word` (folded, one token) a common English word?
    bool is_common_word(std::string const &word) const { return m_common_words.count(word) > 0; }

private:
    struct loader;

    std::vector<gazetteer_place> m_places;
    std::vector<name_entry> m_entries;
    std::unordered_map<std::string, std::uint32_t> m_entry_of_key; ///< folded key -> entry index
    phrase_matcher m_matcher;
    std::unordered_map<std::string, std::uint32_t> m_country_of_iso2;
    std::unordered_map<std::string, std::uint32_t> m_capital_of_iso2;
    std::unordered_map<std::string, std::uint32_t> m_admin1_of_code; ///< "AF.23" -> place
    std::unordered_set<std::string> m_common_words;
};

} // namespace etl::extract
