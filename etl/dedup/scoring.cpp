#include "dedup/scoring.hpp"

#include "dedup/features.hpp"
#include "extract/tokens.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace etl::dedup {

namespace {

// Words that are capitalised in news text without naming anything particular to one event.
std::unordered_set<std::string_view> const &stop_words()
{
    static std::unordered_set<std::string_view> const words{
        // function words (capitalised at sentence starts and in headlines)
        "the", "and", "but", "for", "with", "from", "into", "onto", "near", "after", "before", "during", "while",
        "when", "where", "which", "who", "whom", "whose", "what", "this", "that", "these", "those", "there",
        "their", "they", "them", "its", "his", "her", "hers", "our", "your", "some", "many", "most", "more",
        "other", "another", "also", "however", "meanwhile", "according", "earlier", "later", "about", "around",
        "over", "under", "than", "then", "thus", "both", "each", "all", "any", "not", "none", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "several",
        "least", "almost", "nearly", "some", "was", "were", "has", "had", "have", "been", "will", "would",
        "said", "says", "told", "added", "reported", "confirmed", "claimed",
        // calendar
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year",
        "ramadan", "eid",
        // news agencies and officialdom
        "reuters", "afp", "associated", "press", "bbc", "cnn", "xinhua", "jazeera", "news", "agency", "media",
        "report", "reports", "statement", "spokesman", "spokeswoman", "spokesperson", "official", "officials",
        "police", "ministry", "minister", "interior", "defence", "defense", "army", "military", "government",
        "president", "prime", "governor", "mayor", "provincial", "province", "district", "city", "town",
        "village", "capital", "mrs", "gen", "general", "col", "colonel", "chief", "commander", "security",
        "forces", "force", "authorities", "authority", "local", "national", "international", "united",
        "nations", "state", "states", "federal", "council", "department", "office", "hospital", "health",
        "emergency", "rescue", "red", "cross", "crescent", "islamic", "muslim", "muslims", "christian",
        "christians", "shia", "shiite", "sunni", "hindu", "jewish",
        // event vocabulary that headlines capitalise
        "attack", "attacks", "attacked", "attackers", "bomb", "bombs", "bombing", "bomber", "bombers", "blast",
        "blasts", "explosion", "explosions", "suicide", "gunmen", "gunman", "militants", "militant", "insurgents",
        "terrorist", "terrorists", "terror", "killed", "dead", "death", "deaths", "toll", "wounded", "injured",
        "people", "civilians", "victims", "soldiers", "troops", "fighters", "rebels", "breaking", "update",
        "live",
        // parts of a city named by compass ("the West Side", "the North End")
        "side", "end",
        // generic venue and geography nouns (the name before them is the distinctive part)
        "mosque", "market", "school", "church", "temple", "shrine", "university", "college", "hotel", "street",
        "road", "square", "bazaar", "camp", "base", "checkpoint", "station", "airport", "bridge", "park",
        "stadium", "hall", "center", "centre", "building", "compound", "neighbourhood", "neighborhood", "area",
        "region", "valley", "highway", "border", "north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
        "northwestern", "southeastern", "southwestern",
        // countries and demonyms common in conflict reporting
        "afghanistan", "afghan", "afghans", "pakistan", "pakistani", "iraq", "iraqi", "iraqis", "syria", "syrian",
        "somalia", "somali", "nigeria", "nigerian", "mali", "malian", "burkina", "faso", "niger", "nigerien",
        "yemen", "yemeni", "india", "indian", "israel", "israeli", "palestinian", "palestinians", "lebanon",
        "lebanese", "libya", "libyan", "egypt", "egyptian", "sudan", "sudanese", "ethiopia", "ethiopian",
        "kenya", "kenyan", "congo", "congolese", "mozambique", "cameroon", "cameroonian", "chad", "chadian",
        "philippines", "philippine", "filipino", "colombia", "colombian", "mexico", "mexican", "ukraine",
        "ukrainian", "russia", "russian", "turkey", "turkish", "iran", "iranian", "american", "americans",
        "british", "french", "european", "african", "arab", "kurdish", "bangladesh", "myanmar", "thailand",
        "thai",
    };
    return words;
}

bool sentence_break(extract::token const &t)
{
    if (t.kind != extract::token_kind::punct)
        return false;
    static std::unordered_set<std::string_view> const marks{
        ".", "!", "?", ":", ";", "\"", "(", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93"};
    return marks.count(t.norm) > 0;
}

bool all_digits(std::string const &s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

/// Words of a name as tokenize() folds them ("Mazar-i-Sharif" -> mazar, sharif after filtering).
std::vector<std::string> name_words(std::string_view name)
{
    std::vector<std::string> out;
    for (auto &t : extract::tokenize(name))
        if (t.kind == extract::token_kind::word)
            out.push_back(std::move(t.norm));
    return out;
}

long qualifier_margin(long n) { return std::max(1L, std::lround(0.15 * static_cast<double>(n))); }

/// The extractor gives a vague quantity the smallest count it plausibly commits to ("dozens" 12,
/// "several hundred" 300, "tens of thousands" 10000: extract/numbers.hpp); it reaches up to the
/// end of that order of magnitude ("dozens" 12..99, "several" 3..9).
count_interval vague_interval(casualty_count const &c)
{
    long const low = std::max(1L, c.value);
    long high = 9;
    while (high < low && high < 1000000000L)
        high = high * 10 + 9;
    return {low, high, true};
}

double haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    double const dlat = lat2 - lat1;
    double const dlon = lon2 - lon1;
    double const h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

constexpr double pi = 3.14159265358979323846;

template <typename... W> double max_of(W... w) { return std::max({0.0, w...}); }

/// `order`: -1 a was published first, 1 b first, 0 unknown or same day.
count_level compare_counts(std::optional<count_interval> const &a, std::optional<count_interval> const &b, int order,
                           casualty_settings const &s)
{
    if (!a || !b)
        return count_level::unknown;
    long const gap = std::max(a->low, b->low) - std::min(a->high, b->high);
    double const ref = static_cast<double>(std::min(a->high, b->high));
    // One apart is close for 40 and 41 (is the gunman counted?), not for 1 and 2.
    double const tolerance = ref > static_cast<double>(s.small) ? std::max(static_cast<double>(s.close_abs), s.close_ratio * ref)
                                                                : s.close_ratio * ref;
    if (static_cast<double>(gap) <= tolerance) {
        bool const weak = a->vague || b->vague || std::max(a->high, b->high) <= s.small;
        return weak ? count_level::agree_weak : count_level::agree;
    }
    if (a->vague || b->vague)
        return count_level::conflict;
    bool const a_higher = a->low > b->high;
    count_interval const &lower = a_higher ? *b : *a;
    count_interval const &higher = a_higher ? *a : *b;
    if ((order < 0 && a_higher) || (order > 0 && !a_higher)) {
        // the later report lowers the toll: a revised count ("revised down to 84") within the
        // revision ratio, else a conflict
        double const floor = static_cast<double>(higher.low) * (1.0 - s.revision_ratio) - static_cast<double>(s.growth_abs);
        return static_cast<double>(lower.high) >= floor ? count_level::growth : count_level::conflict;
    }
    double const limit = static_cast<double>(lower.high) * (1.0 + s.growth_ratio) + static_cast<double>(s.growth_abs);
    return static_cast<double>(higher.low) <= limit ? count_level::growth : count_level::conflict;
}

double weight_of(count_level l, count_weights const &w)
{
    switch (l) {
    case count_level::agree: return w.agree;
    case count_level::agree_weak: return w.agree_weak;
    case count_level::growth: return w.growth;
    case count_level::conflict: return w.conflict;
    case count_level::unknown: break;
    }
    return 0;
}

std::size_t shared_count(std::vector<std::uint32_t> const &a, std::vector<std::uint32_t> const &b)
{
    std::size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common;
}

} // namespace

std::string_view to_string(date_level l)
{
    switch (l) {
    case date_level::same_day: return "same_day";
    case date_level::overlap: return "overlap";
    case date_level::within_slack: return "within_slack";
    case date_level::unknown: return "unknown";
    case date_level::incompatible: return "incompatible";
    }
    return {};
}

std::string_view to_string(place_level l)
{
    switch (l) {
    case place_level::same_city: return "same_city";
    case place_level::near: return "near";
    case place_level::same_admin1: return "same_admin1";
    case place_level::country_only: return "country_only";
    case place_level::different_city: return "different_city";
    case place_level::different_admin1: return "different_admin1";
    case place_level::different_country: return "different_country";
    }
    return {};
}

std::string_view to_string(attacker_level l)
{
    switch (l) {
    case attacker_level::same: return "same";
    case attacker_level::compatible: return "compatible";
    case attacker_level::unknown: return "unknown";
    case attacker_level::conflicting: return "conflicting";
    }
    return {};
}

std::string_view to_string(category_level l)
{
    switch (l) {
    case category_level::same: return "same";
    case category_level::unknown: return "unknown";
    case category_level::different: return "different";
    }
    return {};
}

std::string_view to_string(count_level l)
{
    switch (l) {
    case count_level::agree: return "agree";
    case count_level::agree_weak: return "agree_weak";
    case count_level::growth: return "growth";
    case count_level::unknown: return "unknown";
    case count_level::conflict: return "conflict";
    }
    return {};
}

std::string_view to_string(terms_level l)
{
    switch (l) {
    case terms_level::high: return "high";
    case terms_level::partial: return "partial";
    case terms_level::none: return "none";
    case terms_level::disjoint: return "disjoint";
    }
    return {};
}

std::string_view to_string(street_level l)
{
    switch (l) {
    case street_level::same: return "same";
    case street_level::unknown: return "unknown";
    case street_level::different: return "different";
    }
    return {};
}

std::string_view to_string(veto_reason v)
{
    switch (v) {
    case veto_reason::none: return "none";
    case veto_reason::same_article: return "same_article";
    case veto_reason::different_country: return "different_country";
    case veto_reason::different_admin1: return "different_admin1";
    case veto_reason::incompatible_date: return "incompatible_date";
    }
    return {};
}

bool is_known_category(std::string const &category) { return !category.empty() && category != "Unknown"; }

count_interval interval_of(casualty_count const &c)
{
    long const n = std::max(0L, c.value);
    switch (c.qualifier) {
    case count_qualifier::exact: return {n, n, false};
    case count_qualifier::about: return {std::max(0L, n - qualifier_margin(n)), n + qualifier_margin(n), false};
    case count_qualifier::at_least: return {n, n + std::max(2L, n / 4), false};
    case count_qualifier::more_than: return {n + 1, n + 1 + std::max(2L, n / 4), false};
    case count_qualifier::almost: return {std::max(0L, n - qualifier_margin(n)), n, false};
    case count_qualifier::up_to: return {n / 2, n, false};
    case count_qualifier::vague: return vague_interval(c);
    }
    return {n, n, false};
}

namespace {

std::vector<std::string> street_names_of(std::vector<extract::token> const &tokens)
{
    static std::unordered_set<std::string_view> const street_words{
        "street", "streets", "avenue", "avenues", "road", "roads", "boulevard", "drive", "lane", "parkway",
        "highway", "expressway", "freeway", "turnpike", "pike"};
    static std::unordered_set<std::string_view> const numbered{"highway", "route", "interstate"};
    static std::unordered_set<std::string_view> const compass{"north", "south", "east", "west"};
    auto const is_word = [&](std::size_t i) { return tokens[i].kind == extract::token_kind::word; };
    auto const named = [&](std::size_t i) {
        auto const &t = tokens[i];
        return (t.kind == extract::token_kind::word && (t.capitalised || (t.norm[0] >= '0' && t.norm[0] <= '9'))) ||
               t.kind == extract::token_kind::number;
    };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto const &t = tokens[i];
        // a plural after names is lower-case: "State and Lake streets"
        bool const plural = t.norm == "streets" || t.norm == "avenues" || t.norm == "roads";
        if (!is_word(i) || (!t.capitalised && !plural))
            continue;
        if (numbered.count(t.norm) && i + 1 < tokens.size() && tokens[i + 1].kind == extract::token_kind::number) {
            out.push_back(t.norm + " " + tokens[i + 1].norm); // "Highway 92"
            continue;
        }
        if (!street_words.count(t.norm))
            continue;
        // "West Madison Street", "56th Street and Chester Avenue", "State and Lake streets"
        for (std::size_t k = i; k > 0 && i - k < 4;) {
            --k;
            if (tokens[k].norm == "and" && k > 0 && t.norm.back() == 's' && i - k > 1)
                continue;
            if (!named(k) || street_words.count(tokens[k].norm))
                break;
            if (!compass.count(tokens[k].norm))
                out.push_back(tokens[k].norm);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> distinctive_terms_of(std::vector<extract::token> const &tokens)
{
    auto const &stop = stop_words();
    std::vector<std::string> out;
    bool sentence_start = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto const &t = tokens[i];
        if (t.kind == extract::token_kind::punct) {
            if (sentence_break(t))
                sentence_start = true;
            continue;
        }
        bool const initial = sentence_start;
        sentence_start = false;
        if (t.kind != extract::token_kind::word || !t.capitalised)
            continue;
        if (initial) {
            // "Kandahar's ..." opens sentences too, but so do "Gunmen" and "Officials": keep a
            // sentence-initial word only as part of a multi-word name.
            bool const next_capitalised = i + 1 < tokens.size() && tokens[i + 1].kind == extract::token_kind::word &&
                                          tokens[i + 1].capitalised;
            if (!next_capitalised)
                continue;
        }
        if (t.norm.size() < 3 || all_digits(t.norm) || stop.count(t.norm))
            continue;
        out.push_back(t.norm);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

std::vector<std::string> street_names(std::string_view evidence) { return street_names_of(extract::tokenize(evidence)); }

std::vector<std::string> distinctive_terms(std::string_view evidence)
{
    return distinctive_terms_of(extract::tokenize(evidence));
}

bool pair_evidence::is_match(dedup_settings const &settings) const
{
    if (veto != veto_reason::none)
        return false;
    if (weak && !strong_signal)
        return false;
    return score >= detail::needed_score(settings, weak);
}

std::string ref_label(report_ref const &r) { return r.article_id + "#" + std::to_string(r.ordinal); }

std::string describe(pair_evidence const &e)
{
    char buf[64];
    std::string out = ref_label(e.a) + " ~ " + ref_label(e.b);
    std::snprintf(buf, sizeof buf, " score %.2f", e.score);
    out += buf;
    if (e.veto != veto_reason::none)
        out += " veto " + std::string(to_string(e.veto));
    if (e.weak)
        out += e.strong_signal ? " weak(strong signal)" : " weak(no strong signal)";
    bool first = true;
    auto field = [&](char const *name, std::string_view level, double w) {
        std::snprintf(buf, sizeof buf, "%+.2f", w);
        out += first ? ": " : ", ";
        first = false;
        out += std::string(name) + " " + std::string(level) + " " + buf;
    };
    field("date", to_string(e.date.level), e.date.weight);
    field("place", to_string(e.place.level), e.place.weight);
    if (e.distance_km) {
        std::snprintf(buf, sizeof buf, " (%.1f km)", *e.distance_km);
        out += buf;
    }
    field("attacker", to_string(e.attacker.level), e.attacker.weight);
    field("attack_type", to_string(e.attack_type.level), e.attack_type.weight);
    field("target_type", to_string(e.target_type.level), e.target_type.weight);
    field("killed", to_string(e.killed.level), e.killed.weight);
    field("injured", to_string(e.injured.level), e.injured.weight);
    field("terms", to_string(e.terms.level), e.terms.weight);
    std::snprintf(buf, sizeof buf, " (%zu shared, overlap %.2f)", e.shared_terms, e.term_overlap);
    out += buf;
    field("street", to_string(e.street.level), e.street.weight);
    return out;
}

namespace detail {

std::uint32_t string_ids::id(std::string const &s)
{
    if (s.empty())
        return 0;
    auto const [it, inserted] = m_ids.emplace(s, static_cast<std::uint32_t>(m_names.size()));
    if (inserted)
        m_names.push_back(s);
    return it->second;
}

report_features feature_builder::build(incident_report const &r)
{
    report_features f;
    f.article = m_articles.id(r.article_id);
    auto const &loc = r.location;
    f.country = m_places.id(extract::fold(loc.country));
    f.admin1 = m_places.id(extract::fold(loc.admin1));
    f.city = m_places.id(extract::fold(loc.city));
    if (f.city != 0 && loc.precision == geo_precision::city && loc.latitude && loc.longitude) {
        f.has_coords = true;
        f.lat = *loc.latitude * pi / 180.0;
        f.lon = *loc.longitude * pi / 180.0;
    }
    if (r.date) {
        f.has_date = true;
        f.date_start = r.date->start.to_days();
        f.date_end = std::max(f.date_start, r.date->end.to_days());
        f.usable_date = f.date_end - f.date_start + 1 <= m_settings.blocking.max_range_days;
        f.day_precision = r.date->precision == date_precision::day;
        f.slack_allowed = f.day_precision || r.date->precision == date_precision::week;
    }
    if (r.published) {
        f.has_published = true;
        f.published = r.published->to_days();
    }
    f.attacker = m_attackers.id(r.attacker);
    f.attack_type = m_categories.id(is_known_category(r.attack_type) ? r.attack_type : std::string());
    f.target_type = m_categories.id(is_known_category(r.target_type) ? r.target_type : std::string());
    if (r.killed) {
        // Victims are compared: `killed` counts dead attackers too (as GTD's nkill does), outlets
        // differ in whether they count the gunman, and "the gunman killed himself" alone says
        // nothing of the victims.
        casualty_count victims = *r.killed;
        if (r.perpetrators_killed)
            victims.value -= std::max(0L, r.perpetrators_killed->value);
        if (victims.value > 0 || !r.perpetrators_killed)
            f.killed = interval_of(victims);
    }
    if (r.injured)
        f.injured = interval_of(*r.injured);

    auto const tokens = extract::tokenize(r.evidence); // once, for streets and terms
    auto const streets = street_names_of(tokens);
    for (auto const &st : streets)
        f.streets.push_back(m_streets.id(st));
    std::sort(f.streets.begin(), f.streets.end());
    auto terms = distinctive_terms_of(tokens);
    if (!terms.empty()) {
        // The place and the streets are scored on their own; their names in the text would
        // count twice.
        std::vector<std::string> own(streets.begin(), streets.end());
        for (auto const *name : {&loc.city, &loc.admin1})
            for (auto &w : name_words(*name))
                own.push_back(std::move(w));
        f.terms.reserve(terms.size());
        // so are actor names, scored as the attacker
        for (auto const &t : terms)
            if (std::find(own.begin(), own.end(), t) == own.end() && !m_settings.terms.actor_words.count(t))
                f.terms.push_back(m_terms.id(t));
        std::sort(f.terms.begin(), f.terms.end());
    }
    return f;
}

pair_scorer::pair_scorer(dedup_settings const &settings, attackers_compatible_fn const &compatible,
                         string_ids const &attackers)
    : m_settings(settings), m_compatible(compatible), m_attackers(attackers)
{
    auto const &w = settings.weights;
    m_max_attacker = max_of(w.attacker.same, w.attacker.compatible);
    m_max_categories = max_of(w.attack_type.same) + max_of(w.target_type.same);
    m_max_counts = max_of(w.killed.agree, w.killed.agree_weak, w.killed.growth) +
                   max_of(w.injured.agree, w.injured.agree_weak, w.injured.growth);
    m_max_terms = max_of(w.terms.high, w.terms.partial) + max_of(w.street.same);
}

bool pair_scorer::compatible(std::uint32_t a, std::uint32_t b) const
{
    if (!m_compatible)
        return false;
    std::uint64_t const key = (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    auto const it = m_compatible_cache.find(key);
    if (it != m_compatible_cache.end())
        return it->second;
    bool const c = m_compatible(m_attackers.name(a), m_attackers.name(b));
    m_compatible_cache.emplace(key, c);
    return c;
}

bool pair_scorer::score(report_features const &a, report_features const &b, pair_evidence &e, double need) const
{
    auto const &s = m_settings;
    auto const &w = s.weights;
    bool const pruning = need > -1e299;
    e.weak = a.weak() || b.weak();

    // Vetoes first: they are cheap and end most pairs from blocking.
    if (a.article == b.article)
        e.veto = veto_reason::same_article;
    if (a.country != 0 && b.country != 0 && a.country != b.country) {
        e.place.level = place_level::different_country;
        if (e.veto == veto_reason::none)
            e.veto = veto_reason::different_country;
    } else if (a.admin1 != 0 && b.admin1 != 0 && a.admin1 != b.admin1) {
        e.place.level = place_level::different_admin1;
        if (e.veto == veto_reason::none)
            e.veto = veto_reason::different_admin1;
    }

    if (a.has_date && b.has_date) {
        long const gap = std::max(a.date_start, b.date_start) - std::min(a.date_end, b.date_end);
        if (gap <= 0) {
            if (!a.usable_date || !b.usable_date)
                e.date.level = date_level::unknown;
            else if (a.day_precision && b.day_precision)
                e.date.level = date_level::same_day;
            else
                e.date.level = date_level::overlap;
        } else if (a.slack_allowed && b.slack_allowed && gap <= s.blocking.day_slack_days) {
            e.date.level = date_level::within_slack;
        } else {
            e.date.level = date_level::incompatible;
            if (e.veto == veto_reason::none)
                e.veto = veto_reason::incompatible_date;
        }
    }
    switch (e.date.level) {
    case date_level::same_day: e.date.weight = w.date.same_day; break;
    case date_level::overlap: e.date.weight = w.date.overlap; break;
    case date_level::within_slack: e.date.weight = w.date.within_slack; break;
    case date_level::unknown:
    case date_level::incompatible: e.date.weight = 0; break;
    }
    if (pruning && e.veto != veto_reason::none)
        return false;

    if (e.place.level != place_level::different_country && e.place.level != place_level::different_admin1) {
        bool near = false;
        if (a.has_coords && b.has_coords && a.city != b.city) {
            e.distance_km = haversine_km(a.lat, a.lon, b.lat, b.lon);
            near = *e.distance_km < s.place.near_km;
        }
        if (a.city != 0 && b.city != 0) {
            if (a.city == b.city)
                e.place = {place_level::same_city, w.place.same_city};
            else if (near)
                e.place = {place_level::near, w.place.near};
            else
                e.place = {place_level::different_city, w.place.different_city};
        } else if (a.admin1 != 0 && b.admin1 != 0) {
            e.place = {place_level::same_admin1, w.place.same_admin1};
        } else {
            e.place = {place_level::country_only, 0};
        }
    }

    auto category = [](std::uint32_t x, std::uint32_t y, category_weights const &cw) -> field_score<category_level> {
        if (x == 0 || y == 0)
            return {category_level::unknown, 0};
        return x == y ? field_score<category_level>{category_level::same, cw.same}
                      : field_score<category_level>{category_level::different, cw.different};
    };
    e.attack_type = category(a.attack_type, b.attack_type, w.attack_type);
    e.target_type = category(a.target_type, b.target_type, w.target_type);

    double score = e.date.weight + e.place.weight + e.attack_type.weight + e.target_type.weight;
    if (pruning && score + m_max_attacker + m_max_counts + m_max_terms < need)
        return false;

    if (a.attacker == 0 || b.attacker == 0)
        e.attacker = {attacker_level::unknown, 0};
    else if (a.attacker == b.attacker)
        e.attacker = {attacker_level::same, w.attacker.same};
    else if (compatible(a.attacker, b.attacker))
        e.attacker = {attacker_level::compatible, w.attacker.compatible};
    else
        e.attacker = {attacker_level::conflicting, w.attacker.conflicting};

    int order = 0;
    if (a.has_published && b.has_published && a.published != b.published)
        order = a.published < b.published ? -1 : 1;
    e.killed.level = compare_counts(a.killed, b.killed, order, s.casualties);
    e.killed.weight = weight_of(e.killed.level, w.killed);
    e.injured.level = compare_counts(a.injured, b.injured, order, s.casualties);
    e.injured.weight = weight_of(e.injured.level, w.injured);

    score += e.attacker.weight + e.killed.weight + e.injured.weight;
    if (pruning && score + m_max_terms < need)
        return false;

    // Shared terms over the smaller set: a brief naming the market and a long story naming it
    // among twenty victims and officials agree fully, which Jaccard would dilute.
    e.shared_terms = shared_count(a.terms, b.terms);
    std::size_t const smaller = std::min(a.terms.size(), b.terms.size());
    e.term_overlap = smaller == 0 ? 0 : static_cast<double>(e.shared_terms) / static_cast<double>(smaller);
    auto const &ts = s.terms;
    if (e.shared_terms >= static_cast<std::size_t>(ts.min_shared_for_high) && e.term_overlap >= ts.high_overlap)
        e.terms = {terms_level::high, w.terms.high};
    else if (e.shared_terms > 0 && e.term_overlap >= ts.partial_overlap)
        e.terms = {terms_level::partial, w.terms.partial};
    else if (e.shared_terms == 0 && smaller >= static_cast<std::size_t>(ts.min_terms_for_disjoint))
        e.terms = {terms_level::disjoint, w.terms.disjoint};
    else
        e.terms = {terms_level::none, 0};
    score += e.terms.weight;

    if (!a.streets.empty() && !b.streets.empty())
        e.street = shared_count(a.streets, b.streets) > 0
                       ? field_score<street_level>{street_level::same, w.street.same}
                       : field_score<street_level>{street_level::different, w.street.different};
    score += e.street.weight;
    e.score = score;

    bool const terms_signal = e.terms.level == terms_level::high || e.terms.level == terms_level::partial;
    bool const same_kind = e.attack_type.level == category_level::same && e.target_type.level == category_level::same;
    bool const same_actor = e.attacker.level == attacker_level::same || e.attacker.level == attacker_level::compatible;
    e.strong_signal = terms_signal || e.street.level == street_level::same ||
                      (same_kind && (same_actor || e.killed.level == count_level::agree));
    return !pruning || score >= need;
}

} // namespace detail

pair_evidence score_pair(incident_report const &a, incident_report const &b, dedup_settings const &settings,
                         attackers_compatible_fn const &compatible)
{
    detail::feature_builder builder(settings);
    auto const fa = builder.build(a);
    auto const fb = builder.build(b);
    detail::pair_scorer scorer(settings, compatible, builder.attackers());
    pair_evidence e;
    scorer.score(fa, fb, e);
    e.a = {a.article_id, a.ordinal};
    e.b = {b.article_id, b.ordinal};
    return e;
}

} // namespace etl::dedup
