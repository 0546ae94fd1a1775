#include "extract/gazetteer.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <utility>

namespace etl::extract {

using namespace std::string_view_literals;

std::string_view to_string(place_kind k)
{
    switch (k) {
    case place_kind::country: return "country";
    case place_kind::admin1: return "admin1";
    case place_kind::district: return "district";
    case place_kind::city: return "city";
    }
    return "city";
}

namespace {

/// Big enough for any city: multi-token names this common ("Long Beach") are known as places.
constexpr std::uint64_t common_phrase_population = 100000;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The folded key tokenize() would give `spelling`, its tokens joined by single spaces.
std::string key_of(std::string_view spelling)
{
    // Fast path for plain ASCII names ("Mazar-e Sharif"): most of the gazetteer.
    bool simple = !spelling.empty() && is_ascii_alpha(spelling.front());
    for (char const c : spelling)
        if (!is_ascii_alpha(c) && c != ' ' && c != '-') {
            simple = false;
            break;
        }
    std::string key;
    if (simple) {
        key.reserve(spelling.size());
        bool gap = false;
        for (char const c : spelling) {
            if (c == ' ' || c == '-') {
                gap = true;
                continue;
            }
            if (gap && !key.empty())
                key.push_back(' ');
            gap = false;
            key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        return key;
    }
    for (auto const &k : phrase_keys(spelling)) {
        if (!key.empty())
            key.push_back(' ');
        key += k;
    }
    return key;
}

/// Does `spelling` have a possessive before its last word ("Cox's Bazar", "New People's Army")?
bool has_inner_possessive(std::string_view spelling)
{
    if (spelling.find('\'') == std::string_view::npos)
        return false;
    bool possessive = false;
    for (auto const &t : tokenize(spelling)) {
        if (t.kind == token_kind::punct && t.norm != "&"sv)
            continue; // phrase_keys() skips these too
        if (possessive)
            return true;
        possessive = t.possessive;
    }
    return false;
}

struct source_file {
    std::string path;
    std::string text;
};

std::optional<source_file> read_file(std::string const &dir, char const *name, bool required)
{
    source_file f{dir + "/" + name, {}};
    std::ifstream in(f.path, std::ios::binary);
    if (!in) {
        if (required)
            throw config_error(f.path + ": cannot open gazetteer file");
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    f.text.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0, std::ios::beg);
    in.read(f.text.data(), static_cast<std::streamsize>(f.text.size()));
    if (!in)
        throw config_error(f.path + ": cannot read gazetteer file");
    return f;
}

/// Calls fn(line_number, fields) for every non-empty, non-comment line.
template <typename Fn>
void for_each_row(source_file const &f, Fn &&fn)
{
    std::vector<std::string_view> fields;
    std::string_view const text = f.text;
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#')
            continue;
        fields.clear();
        for (std::size_t b = 0;;) {
            std::size_t const tab = line.find('\t', b);
            fields.push_back(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
            if (tab == std::string_view::npos)
                break;
            b = tab + 1;
        }
        fn(line_no, fields);
    }
}

[[noreturn]] void bad_row(source_file const &f, std::size_t line, std::string const &what)
{
    throw config_error(f.path + ":" + std::to_string(line) + ": " + what);
}

void need_fields(source_file const &f, std::size_t line, std::vector<std::string_view> const &fields,
                 std::size_t n)
{
    if (fields.size() < n)
        bad_row(f, line, "expected " + std::to_string(n) + " tab-separated fields, found " +
                             std::to_string(fields.size()));
}

std::optional<double> parse_coordinate(source_file const &f, std::size_t line, std::string_view s,
                                       double limit)
{
    if (s.empty())
        return std::nullopt;
    // strtod needs a terminated string; coordinates are short.
    char buf[32];
    if (s.size() >= sizeof buf)
        bad_row(f, line, "bad coordinate '" + std::string(s) + "'");
    std::copy(s.begin(), s.end(), buf);
    buf[s.size()] = '\0';
    char *end = nullptr;
    double const v = std::strtod(buf, &end);
    if (end != buf + s.size() || v < -limit || v > limit)
        bad_row(f, line, "bad coordinate '" + std::string(s) + "'");
    return v;
}

template <typename Int>
Int parse_int(source_file const &f, std::size_t line, std::string_view s, char const *what)
{
    Int v = 0;
    if (s.empty())
        return v;
    auto const [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        bad_row(f, line, std::string("bad ") + what + " '" + std::string(s) + "'");
    return v;
}

template <typename Fn>
void for_each_spelling(std::string_view list, Fn &&fn)
{
    while (!list.empty()) {
        std::size_t const bar = list.find('|');
        std::string_view const s = list.substr(0, bar);
        if (!s.empty())
            fn(s);
        if (bar == std::string_view::npos)
            break;
        list.remove_prefix(bar + 1);
    }
}

} // namespace

struct gazetteer::loader {
    gazetteer &g;
    std::unordered_map<std::uint32_t, std::uint32_t> capital_country; ///< capital geonameid -> country place
    std::unordered_map<std::string, std::uint32_t> district_of_code; ///< "AF.23.2401" -> place

    std::uint32_t add_place(gazetteer_place p)
    {
        auto const id = static_cast<std::uint32_t>(g.m_places.size());
        if (p.kind == place_kind::country)
            p.country_id = id;
        else if (auto const it = g.m_country_of_iso2.find(p.country); it != g.m_country_of_iso2.end())
            p.country_id = it->second;
        if (p.kind == place_kind::admin1)
            p.admin1 = id;
        if (p.kind == place_kind::district)
            p.district = id;
        g.m_places.push_back(std::move(p));
        return id;
    }

    /// Arabic ayn and hamza marks are often dropped in English ("I`zaz" / "Izaz", "Sana'a" /
    /// "Sanaa"): every spelling with such a mark between letters is also added without it.
    void add_spelling(std::string_view spelling, std::uint32_t place, name_source source)
    {
        add_key(spelling, place, source);
        if (auto const bare = without_transliteration_marks(spelling))
            add_key(*bare, place, source);
    }

    static std::optional<std::string> without_transliteration_marks(std::string_view spelling)
    {
        static constexpr std::string_view marks[] = {"'", "`", "\u2018", "\u2019", "\u02bf", "\u02be", "\u00b4"};
        auto const letter_at = [&](std::size_t i) {
            return i < spelling.size() && (std::isalpha(static_cast<unsigned char>(spelling[i])) ||
                                           static_cast<unsigned char>(spelling[i]) >= 0x80);
        };
        std::string out;
        bool changed = false;
        for (std::size_t i = 0; i < spelling.size();) {
            auto const mark = std::find_if(std::begin(marks), std::end(marks), [&](std::string_view m) {
                return spelling.substr(i, m.size()) == m;
            });
            // a mark between letters, but not a possessive "'s" ending a word ("Cox's Bazar")
            if (mark != std::end(marks) && i > 0 && letter_at(i - 1) && letter_at(i + mark->size()) &&
                !(spelling[i + mark->size()] == 's' && !letter_at(i + mark->size() + 1))) {
                i += mark->size();
                changed = true;
                continue;
            }
            out += spelling[i++];
        }
        return changed ? std::optional<std::string>(std::move(out)) : std::nullopt;
    }

    void add_key(std::string_view spelling, std::uint32_t place, name_source source)
    {
        std::string key = key_of(spelling);
        if (key.empty())
            return;
        auto const [it, inserted] = g.m_entry_of_key.try_emplace(std::move(key), 0);
        if (inserted) {
            it->second = static_cast<std::uint32_t>(g.m_entries.size());
            g.m_entries.emplace_back();
            g.m_matcher.add(it->first, it->second);
        }
        if (has_inner_possessive(spelling))
            g.m_entries[it->second].inner_possessive = true;
        auto &refs = g.m_entries[it->second].refs;
        for (auto &r : refs)
            if (r.place == place) {
                // A proper name beats an alternate; a demonym ("Saudi") beats an alternate too.
                if (source == name_source::name || (source == name_source::demonym && r.source == name_source::alternate))
                    r.source = source;
                return;
            }
        refs.push_back({place, source});
    }

    void set_coordinates(gazetteer_place &p, source_file const &f, std::size_t line, std::string_view lat,
                         std::string_view lon)
    {
        auto const la = parse_coordinate(f, line, lat, 90);
        auto const lo = parse_coordinate(f, line, lon, 180);
        if (la && lo) {
            p.latitude = *la;
            p.longitude = *lo;
            p.has_coordinates = true;
        }
    }

    void load_countries(source_file const &f)
    {
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            need_fields(f, line, x, 7);
            if (x[0].size() != 2)
                bad_row(f, line, "bad ISO 3166-1 alpha-2 code '" + std::string(x[0]) + "'");
            gazetteer_place p;
            p.kind = place_kind::country;
            p.name = std::string(x[1]);
            p.country = std::string(x[0]);
            set_coordinates(p, f, line, x[5], x[6]);
            auto const id = add_place(std::move(p));
            g.m_country_of_iso2.emplace(std::string(x[0]), id);
            add_spelling(x[1], id, name_source::name);
            for_each_spelling(x[2], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
            for_each_spelling(x[3], [&](std::string_view s) { add_spelling(s, id, name_source::demonym); });
            if (!x[4].empty())
                capital_country.emplace(parse_int<std::uint32_t>(f, line, x[4], "capital geonameid"), id);
        });
    }

    std::uint32_t country_id(source_file const &f, std::size_t line, std::string_view iso2) const
    {
        auto const it = g.m_country_of_iso2.find(std::string(iso2));
        if (it == g.m_country_of_iso2.end())
            bad_row(f, line, "unknown country code '" + std::string(iso2) + "'");
        return it->second;
    }

    void load_admin1(source_file const &f)
    {
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            need_fields(f, line, x, 7);
            country_id(f, line, x[0]);
            gazetteer_place p;
            p.kind = place_kind::admin1;
            p.name = std::string(x[2]);
            p.country = std::string(x[0]);
            set_coordinates(p, f, line, x[4], x[5]);
            p.population = parse_int<std::uint64_t>(f, line, x[6], "population");
            auto const id = add_place(std::move(p));
            g.m_admin1_of_code.emplace(std::string(x[0]) + "." + std::string(x[1]), id);
            add_spelling(x[2], id, name_source::name);
            for_each_spelling(x[3], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
        });
    }

    std::uint32_t admin1_by_code(std::string_view country, std::string_view code) const
    {
        std::string k;
        k.reserve(country.size() + code.size() + 1);
        k.append(country).append(".").append(code);
        auto const it = g.m_admin1_of_code.find(k);
        return it == g.m_admin1_of_code.end() ? no_place : it->second;
    }

    void load_districts(source_file const &f)
    {
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            need_fields(f, line, x, 8);
            country_id(f, line, x[0]);
            gazetteer_place p;
            p.kind = place_kind::district;
            p.name = std::string(x[3]);
            p.country = std::string(x[0]);
            p.admin1 = admin1_by_code(x[0], x[1]);
            set_coordinates(p, f, line, x[5], x[6]);
            p.population = parse_int<std::uint64_t>(f, line, x[7], "population");
            if (!p.has_coordinates && p.admin1 != no_place && g.m_places[p.admin1].has_coordinates) {
                p.latitude = g.m_places[p.admin1].latitude;
                p.longitude = g.m_places[p.admin1].longitude;
                p.has_coordinates = true;
            }
            auto const id = add_place(std::move(p));
            district_of_code.emplace(std::string(x[0]) + "." + std::string(x[1]) + "." + std::string(x[2]), id);
            add_spelling(x[3], id, name_source::name);
            for_each_spelling(x[4], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
        });
    }

    void load_cities(source_file const &f)
    {
        std::string code;
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            need_fields(f, line, x, 11);
            country_id(f, line, x[4]);
            gazetteer_place p;
            p.kind = place_kind::city;
            p.geonameid = parse_int<std::uint32_t>(f, line, x[0], "geonameid");
            p.name = std::string(x[1]);
            p.country = std::string(x[4]);
            p.admin1 = admin1_by_code(x[4], x[5]);
            if (!x[6].empty()) {
                code.assign(x[4]).append(".").append(x[5]).append(".").append(x[6]);
                auto const it = district_of_code.find(code);
                if (it != district_of_code.end())
                    p.district = it->second;
            }
            set_coordinates(p, f, line, x[7], x[8]);
            p.population = parse_int<std::uint64_t>(f, line, x[9], "population");
            p.national_capital = x[10] == "PPLC";
            p.admin1_capital = x[10] == "PPLA" || x[10] == "PPLC";
            auto const id = add_place(std::move(p));
            if (auto const it = capital_country.find(g.m_places[id].geonameid); it != capital_country.end()) {
                g.m_capital_of_iso2.emplace(g.m_places[it->second].country, id);
                g.m_places[id].national_capital = true;
            }
            add_spelling(x[1], id, name_source::name);
            if (!x[2].empty())
                add_spelling(x[2], id, name_source::name);
            for_each_spelling(x[3], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
        });
    }

    /// The place an additions.tsv row points at: country, admin1 (code or name), then a
    /// district or city by name, most populous first.
    std::uint32_t find_target(source_file const &f, std::size_t line, std::string_view iso2,
                              std::string_view admin1, std::string_view name) const
    {
        std::uint32_t const country = country_id(f, line, iso2);
        std::uint32_t a1 = no_place;
        if (!admin1.empty()) {
            auto const found = g.admin1(iso2, admin1);
            if (!found)
                bad_row(f, line, "unknown admin1 '" + std::string(admin1) + "' in " + std::string(iso2));
            a1 = *found;
        }
        if (name.empty())
            return a1 != no_place ? a1 : country;
        std::uint32_t best = no_place;
        if (auto const *e = g.lookup(name)) {
            for (auto const &r : e->refs) {
                auto const &p = g.m_places[r.place];
                if (r.source == name_source::demonym || p.country != iso2 || p.kind == place_kind::country ||
                    p.kind == place_kind::admin1)
                    continue;
                if (a1 != no_place && p.admin1 != a1)
                    continue;
                // A city before a same-named district ("Lashkar Gah"), then the most populous.
                auto const rank = [&](gazetteer_place const &q) {
                    return std::make_pair(q.kind == place_kind::city, q.population);
                };
                if (best == no_place || rank(p) > rank(g.m_places[best]))
                    best = r.place;
            }
        }
        if (best == no_place)
            bad_row(f, line, "no place '" + std::string(name) + "' in " + std::string(iso2) +
                                 (admin1.empty() ? "" : "/" + std::string(admin1)));
        return best;
    }

    /// The city a `neighbourhood` row is part of: a city (not itself a neighbourhood) of that
    /// name in the country, within the admin1 when one is given, most populous first.
    std::uint32_t find_city(source_file const &f, std::size_t line, std::string_view iso2, std::uint32_t a1,
                            std::string_view name) const
    {
        std::uint32_t best = no_place;
        if (auto const *e = g.lookup(name))
            for (auto const &r : e->refs) {
                auto const &p = g.m_places[r.place];
                if (r.source == name_source::demonym || p.kind != place_kind::city || p.country != iso2 ||
                    p.part_of != no_place || (a1 != no_place && p.admin1 != a1))
                    continue;
                if (best == no_place || p.population > g.m_places[best].population)
                    best = r.place;
            }
        if (best == no_place)
            bad_row(f, line, "no city '" + std::string(name) + "' in " + std::string(iso2) +
                                 (a1 == no_place ? "" : "/" + g.m_places[a1].name));
        return best;
    }

    // additions.tsv: kind, country, admin1, name, spellings, lat, lon, population, city
    void load_additions(source_file const &f)
    {
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            need_fields(f, line, x, 5);
            std::string_view const kind = x[0];
            if (kind == "alias") {
                auto const id = find_target(f, line, x[1], x[2], x[3]);
                for_each_spelling(x[4], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
            } else if (kind == "demonym") {
                auto const id = country_id(f, line, x[1]);
                for_each_spelling(x[4], [&](std::string_view s) { add_spelling(s, id, name_source::demonym); });
            } else if (kind == "drop") {
                // Removes spellings from the places of `country` ("*": all places), within the
                // admin1 when one is given.
                std::uint32_t a1 = no_place;
                if (!x[2].empty()) {
                    auto const found = g.admin1(x[1], x[2]);
                    if (!found)
                        bad_row(f, line, "unknown admin1 '" + std::string(x[2]) + "' in " + std::string(x[1]));
                    a1 = *found;
                }
                for_each_spelling(x[4], [&](std::string_view s) {
                    auto const it = g.m_entry_of_key.find(key_of(s));
                    if (it == g.m_entry_of_key.end())
                        return;
                    auto &refs = g.m_entries[it->second].refs;
                    refs.erase(std::remove_if(refs.begin(), refs.end(),
                                              [&](name_ref const &r) {
                                                  auto const &p = g.m_places[r.place];
                                                  return (x[1] == "*" || p.country == x[1]) &&
                                                         (a1 == no_place || p.admin1 == a1);
                                              }),
                               refs.end());
                });
            } else if (kind == "city" || kind == "district" || kind == "neighbourhood") {
                bool const neighbourhood = kind == "neighbourhood";
                need_fields(f, line, x, neighbourhood ? 9 : 8);
                country_id(f, line, x[1]);
                gazetteer_place p;
                p.kind = kind == "district" ? place_kind::district : place_kind::city;
                p.name = std::string(x[3]);
                p.country = std::string(x[1]);
                if (!x[2].empty()) {
                    auto const a1 = g.admin1(x[1], x[2]);
                    if (!a1)
                        bad_row(f, line, "unknown admin1 '" + std::string(x[2]) + "' in " + std::string(x[1]));
                    p.admin1 = *a1;
                }
                if (neighbourhood) {
                    if (x[8].empty())
                        bad_row(f, line, "a neighbourhood needs the city it is part of");
                    p.part_of = find_city(f, line, x[1], p.admin1, x[8]);
                    auto const &city = g.m_places[p.part_of];
                    p.admin1 = city.admin1;
                    p.district = city.district;
                }
                set_coordinates(p, f, line, x[5], x[6]);
                if (!p.has_coordinates && neighbourhood) {
                    // Not known well enough to give: the city's own position.
                    p.latitude = g.m_places[p.part_of].latitude;
                    p.longitude = g.m_places[p.part_of].longitude;
                    p.has_coordinates = g.m_places[p.part_of].has_coordinates;
                }
                if (!p.has_coordinates)
                    bad_row(f, line, "a new place needs coordinates");
                p.population = parse_int<std::uint64_t>(f, line, x[7], "population");
                auto const id = add_place(std::move(p));
                add_spelling(x[3], id, name_source::name);
                for_each_spelling(x[4], [&](std::string_view s) { add_spelling(s, id, name_source::alternate); });
            } else {
                bad_row(f, line, "unknown kind '" + std::string(kind) +
                                     "' (expected alias, demonym, drop, city, neighbourhood or district)");
            }
        });
    }

    void load_ambiguous(source_file const &f)
    {
        for_each_row(f, [&](std::size_t line, std::vector<std::string_view> const &x) {
            std::string_view name = x[0];
            while (!name.empty() && name.back() == ' ')
                name.remove_suffix(1);
            bool const blocked = !name.empty() && name.front() == '!';
            if (blocked)
                name.remove_prefix(1);
            std::string key = key_of(name);
            if (key.empty())
                bad_row(f, line, "empty name");
            auto it = g.m_entry_of_key.find(key);
            if (it == g.m_entry_of_key.end()) {
                if (!blocked)
                    return; // not a place name (yet): nothing to qualify
                it = g.m_entry_of_key.emplace(std::move(key), static_cast<std::uint32_t>(g.m_entries.size())).first;
                g.m_entries.emplace_back();
                g.m_matcher.add(it->first, it->second);
            }
            auto &e = g.m_entries[it->second];
            (blocked ? e.blocked : e.ambiguous) = true;
            if (has_inner_possessive(name))
                e.inner_possessive = true;
        });
    }

    void load_common_words(source_file const &f)
    {
        g.m_common_words.reserve(50000);
        for_each_row(f, [&](std::size_t, std::vector<std::string_view> const &x) {
            g.m_common_words.emplace(x[0]);
        });
        std::string word;
        for (auto const &[key, index] : g.m_entry_of_key) {
            auto &e = g.m_entries[index];
            bool all_common = true;
            std::size_t words = 0;
            for (std::size_t b = 0; b <= key.size() && all_common; ++words) {
                std::size_t const sp = std::min(key.find(' ', b), key.size());
                word.assign(key, b, sp - b);
                all_common = g.m_common_words.count(word) > 0;
                b = sp + 1;
            }
            if (!all_common)
                continue;
            bool names_country = false;
            std::uint64_t population = 0;
            for (auto const &r : e.refs) {
                auto const &p = g.m_places[r.place];
                names_country = names_country || p.kind == place_kind::country;
                if (p.kind != place_kind::country)
                    population = std::max(population, p.population);
            }
            e.any_common = words == 1 || population < common_phrase_population;
            e.common_word = e.any_common && !names_country;
        }
    }
};

gazetteer gazetteer::load(std::string const &dir)
{
    gazetteer g;
    loader l{g, {}, {}};
    g.m_places.reserve(70000);
    g.m_entries.reserve(200000);
    g.m_entry_of_key.reserve(200000);
    l.load_countries(*read_file(dir, "countries.tsv", true));
    l.load_admin1(*read_file(dir, "admin1.tsv", true));
    if (auto f = read_file(dir, "districts.tsv", false))
        l.load_districts(*f);
    l.load_cities(*read_file(dir, "cities.tsv", true));
    if (auto f = read_file(dir, "additions.tsv", false))
        l.load_additions(*f);
    if (auto f = read_file(dir, "ambiguous_names.txt", false))
        l.load_ambiguous(*f);
    if (auto f = read_file(dir, "common_words.txt", false))
        l.load_common_words(*f);

    // Countries have no population in the files: sum their divisions'.
    for (auto const &p : g.m_places)
        if (p.kind == place_kind::admin1)
            g.m_places[g.m_country_of_iso2.at(p.country)].population += p.population;
    return g;
}

name_entry const *gazetteer::lookup(std::string_view spelling) const
{
    auto const it = m_entry_of_key.find(key_of(spelling));
    return it == m_entry_of_key.end() ? nullptr : &m_entries[it->second];
}

std::optional<std::uint32_t> gazetteer::country(std::string_view iso2) const
{
    auto const it = m_country_of_iso2.find(std::string(iso2));
    if (it == m_country_of_iso2.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> gazetteer::capital_of(std::string_view iso2) const
{
    auto const it = m_capital_of_iso2.find(std::string(iso2));
    if (it == m_capital_of_iso2.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::uint32_t> gazetteer::countries_of_demonym(std::string_view word) const
{
    std::vector<std::uint32_t> out;
    if (auto const *e = lookup(word))
        for (auto const &r : e->refs)
            if (r.source == name_source::demonym)
                out.push_back(r.place);
    return out;
}

std::optional<std::uint32_t> gazetteer::admin1(std::string_view iso2, std::string_view code_or_name) const
{
    std::string k(iso2);
    k.append(".").append(code_or_name);
    if (auto const it = m_admin1_of_code.find(k); it != m_admin1_of_code.end())
        return it->second;
    if (auto const *e = lookup(code_or_name))
        for (auto const &r : e->refs)
            if (m_places[r.place].kind == place_kind::admin1 && m_places[r.place].country == iso2)
                return r.place;
    return std::nullopt;
}

bool gazetteer::contains(std::uint32_t outer, std::uint32_t inner) const
{
    if (outer == inner)
        return true;
    if (outer >= m_places.size() || inner >= m_places.size())
        return false;
    auto const &o = m_places[outer];
    auto const &i = m_places[inner];
    switch (o.kind) {
    case place_kind::country: return i.country == o.country;
    case place_kind::admin1: return i.admin1 == outer;
    case place_kind::district: return i.district == outer;
    case place_kind::city: return i.part_of == outer;
    }
    return false;
}

} // namespace etl::extract
