#pragma once
// Finds place mentions in an article's tokens and resolves each to one gazetteer place.
//
// Typical use, once per article:
//     auto const tokens = tokenize(text);
//     auto const ctx = finder.context_of(tokens);        // which countries / admin1s the article is about
//     for (auto const &m : finder.find(tokens, ctx))     // or find() over one sentence's tokens
//         etl::place p = finder.to_place(m.place_id);
//
// Candidates come from the gazetteer's phrase matcher (longest spelling first). In mixed-case
// text a name must be capitalised; in an ALL-CAPS article that evidence is missing, so names that
// are common English words need the same support as ambiguous names (below).
//
// A candidate is dropped when it
//   - is an "!"-blocked phrase ("Indian Ocean", "Washington Post"),
//   - follows a title ("Mr", "President", "Gen."), or in mixed case is a single-token name
//     glued to another capitalised word that is not a place or a facility word ("Hassan
//     Rouhani", "Mohammad Ali"), or a city directly before "said"/"told" ("Hassan said").
//     A possessive ends a name: "Kabul's National Military Hospital" and "the Taliban's
//     Kandahar" keep the place, and no spelling or blocked phrase is matched across a
//     possessive ("Pakistan's army" is not "!Pakistan Army") unless it has one ("Cox's Bazar"),
//   - names a street ("West Madison Street", "Haifa Street": followed by Street, Avenue, Road ...),
//   - is ambiguous (ambiguous_names.txt: "March", "Police") without local support, or a common
//     word ("Hit", "Mobile", "Tank") without local support or "in/near/at ..." plus a country
//     the article is about.
// Local support: a place-type word ("X province", "city of X"), an adjacent container
// ("Pakistan's X", "the Afghan province of X", "Kabul's X" for a neighbourhood of Kabul) or a
// container after a comma ("X, Texas").
//
// Resolution among a spelling's places, in order:
//   1. the place-type word: "Balkh province" -> the admin1, "Kunduz city" -> the city;
//   2. containers next to the mention ("El Paso, Texas", "Lahore, Punjab", "Pakistan's Punjab");
//   3. a division is dropped for a same-named city inside it ("Kandahar" -> the city), a city for
//      a same-named country ("Djibouti" -> the country);
//   4. a score: the article's country weights, then its admin1 weights, then kind (country >
//      admin1 > district > city), capitals and log population.
// Demonyms ("Iranian", "Afghan") resolve to their country; "<demonym or country> capital" and
// "capital of <country>" to its capital city, a bare "the capital" to the capital of the country
// the article is about. "U.S." and "U.K." are recognised.

#include "core/incident_report.hpp"
#include "extract/gazetteer.hpp"
#include "extract/tokens.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace etl::extract {

struct place_mention {
    std::size_t first_token = 0; ///< index into the token vector given to find()
    std::size_t token_count = 0;
    std::size_t begin = 0;       ///< byte span in the text (from the tokens' offsets)
    std::size_t end = 0;
    std::uint32_t place_id = no_place;
    /// How it was resolved: "unique" (one place), "hint" (place-type word), "local" (adjacent
    /// container), "context" (article countries/admin1s), "prior" (kind, capital, population),
    /// "demonym", "capital".
    std::string rule;
};

/// What an article is about: weights of the countries and admin1s its unambiguous mentions name.
class country_context {
public:
    void add_country(std::uint32_t country, int weight) { add(m_countries, m_country_total, country, weight); }
    void add_admin1(std::uint32_t admin1, int weight) { add(m_admin1s, m_admin1_total, admin1, weight); }
    int country_weight(std::uint32_t country) const { return weight(m_countries, country); }
    int admin1_weight(std::uint32_t admin1) const { return weight(m_admin1s, admin1); }
    int country_total() const { return m_country_total; }
    int admin1_total() const { return m_admin1_total; }
    /// The heaviest country, or no_place.
    std::uint32_t dominant_country() const;
    std::vector<std::pair<std::uint32_t, int>> const &countries() const { return m_countries; }

    bool all_caps = false; ///< the article is in capitals: capitalisation is no evidence

private:
    using weights = std::vector<std::pair<std::uint32_t, int>>;
    static void add(weights &w, int &total, std::uint32_t id, int weight);
    static int weight(weights const &w, std::uint32_t id);

    weights m_countries;
    weights m_admin1s;
    int m_country_total = 0;
    int m_admin1_total = 0;
};

/// Is the (normalised) word a place type: "province", "district", "city", "town", "county" ...?
bool is_place_type_word(token const &t);

/// A first-level division's name as reported: GeoNames' name without a trailing "State",
/// "Region", "Department" or "County" ("Borno State" -> "Borno"), as GTD and news write it.
std::string division_name(std::string const &geonames_name);

class place_finder {
public:
    /// Keeps a reference: the gazetteer must outlive the finder.
    explicit place_finder(gazetteer const &g) : m_gazetteer(g) {}

    /// Place mentions in order, non-overlapping. `ctx` usually comes from context_of() over the
    /// whole article; find() may then be given the tokens of one sentence or paragraph.
    std::vector<place_mention> find(std::vector<token> const &tokens, country_context const &ctx) const;

    /// Country and admin1 weights of an article, and whether it is ALL CAPS.
    country_context context_of(std::vector<token> const &article_tokens) const;

    /// The place as an incident location: country, admin1, city, coordinates and precision
    /// (a district gives admin1 precision with the district's coordinates; a neighbourhood
    /// gives its city, that city's admin1 and country, with the neighbourhood's coordinates).
    etl::place to_place(std::uint32_t place_id) const;

    gazetteer const &places() const { return m_gazetteer; }

    /// Is more than 60% of the cased words' text in capitals?
    static bool looks_all_caps(std::vector<token> const &tokens);

private:
    struct scan_state;
    void scan(std::vector<token> const &tokens, country_context const &ctx, bool all_caps,
              std::vector<place_mention> &out, country_context *learn) const;

    gazetteer const &m_gazetteer;
};

} // namespace etl::extract
