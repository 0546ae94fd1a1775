#include "extract/date_lexicon.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_map>

namespace etl::extract::date_lexicon {

using namespace flag;

namespace {

using lexicon = std::unordered_map<std::string, lex>;

lexicon build_lexicon()
{
    lexicon m;
    static char const *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
    for (int k = 0; k < 12; ++k) {
        auto &e = m[months[k]];
        e.month = static_cast<std::uint8_t>(k + 1);
        e.flags |= f_starter;
    }
    m["may"].flags |= f_ambiguous;
    m["march"].flags |= f_ambiguous;
    static std::pair<char const *, int> const month_abbrevs[] = {
        {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
        {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
    for (auto const &[w, month] : month_abbrevs) {
        auto &e = m[w];
        e.month = static_cast<std::uint8_t>(month);
        e.flags |= f_abbrev | f_starter;
    }

    static char const *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int k = 0; k < 7; ++k) {
        auto &e = m[weekdays[k]];
        e.weekday = static_cast<std::int8_t>(k);
        e.flags |= f_starter;
    }
    static std::pair<char const *, int> const weekday_abbrevs[] = {
        {"mon", 0}, {"tue", 1}, {"tues", 1}, {"wed", 2}, {"thu", 3}, {"thur", 3}, {"thurs", 3},
        {"fri", 4}, {"sat", 5}, {"sun", 6}};
    for (auto const &[w, wd] : weekday_abbrevs) {
        auto &e = m[w];
        e.weekday = static_cast<std::int8_t>(wd);
        e.flags |= f_abbrev | f_starter;
    }

    static std::pair<char const *, unit> const units[] = {
        {"minute", unit::minute}, {"minutes", unit::minute}, {"moment", unit::minute}, {"moments", unit::minute},
        {"hour", unit::hour},     {"hours", unit::hour},     {"hrs", unit::hour},      {"day", unit::day},
        {"days", unit::day},      {"week", unit::week},      {"weeks", unit::week},    {"fortnight", unit::fortnight},
        {"month", unit::month},   {"months", unit::month},   {"year", unit::year},     {"years", unit::year},
        {"decade", unit::decade}, {"decades", unit::decade}};
    for (auto const &[w, u] : units) {
        auto &e = m[w];
        e.u = u;
        e.flags |= f_starter; // "hours later", "days ago"
    }

    static std::pair<char const *, int> const numbers[] = {
        {"a", 1},         {"an", 1},       {"one", 1},       {"two", 2},       {"three", 3},   {"four", 4},
        {"five", 5},      {"six", 6},      {"seven", 7},     {"eight", 8},     {"nine", 9},    {"ten", 10},
        {"eleven", 11},   {"twelve", 12},  {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
        {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},   {"thirty", 30}, {"forty", 40},
        {"fifty", 50},    {"sixty", 60}};
    for (auto const &[w, n] : numbers) {
        auto &e = m[w];
        e.number = static_cast<std::uint8_t>(n);
        e.flags |= f_starter;
    }
    for (char const *w : {"few", "several", "some", "many"})
        m[w].flags |= f_vague | f_starter;

    static std::pair<char const *, kw> const words[] = {
        {"the", kw::the},           {"of", kw::of},           {"on", kw::on},
        {"in", kw::in},             {"at", kw::at},           {"and", kw::and_},
        {"or", kw::or_},            {"to", kw::to},           {"from", kw::from},
        {"since", kw::since},       {"until", kw::until},     {"till", kw::until},
        {"til", kw::until},         {"through", kw::through}, {"thru", kw::through},
        {"by", kw::by},             {"between", kw::between}, {"before", kw::before},
        {"after", kw::after},       {"prior", kw::prior},     {"as", kw::as},
        {"during", kw::during},     {"up", kw::up},           {"around", kw::around},
        {"throughout", kw::throughout}, {"when", kw::when},
        {"while", kw::while_},      {"today", kw::today},     {"tonight", kw::tonight},
        {"yesterday", kw::yesterday}, {"tomorrow", kw::tomorrow}, {"overnight", kw::overnight},
        {"ago", kw::ago},           {"later", kw::later},     {"earlier", kw::earlier},
        {"last", kw::last},         {"this", kw::this_},      {"next", kw::next},
        {"past", kw::past},         {"previous", kw::previous}, {"following", kw::following},
        {"same", kw::same},         {"that", kw::that},       {"recent", kw::recent},
        {"early", kw::early},       {"late", kw::late},       {"mid", kw::mid},
        {"beginning", kw::beginning}, {"start", kw::start},   {"end", kw::end},
        {"middle", kw::middle},     {"weekend", kw::weekend}, {"couple", kw::couple}};
    static kw const starters[] = {kw::the,      kw::today,     kw::tonight, kw::yesterday, kw::tomorrow,
                                  kw::overnight, kw::last,     kw::this_,   kw::next,      kw::past,
                                  kw::previous, kw::following, kw::same,    kw::that,      kw::recent,
                                  kw::early,    kw::late,      kw::mid,     kw::beginning, kw::start,
                                  kw::end,      kw::middle,    kw::earlier, kw::later,     kw::couple};
    for (auto const &[w, k] : words) {
        auto &e = m[w];
        e.word = k;
        if (std::find(std::begin(starters), std::end(starters), k) != std::end(starters))
            e.flags |= f_starter;
    }
    for (char const *w : {"morning", "afternoon", "evening", "night"})
        m[w].flags |= f_time_of_day;

    for (char const *w :
         {"people",  "persons",  "civilians", "soldiers", "troops",    "militants", "fighters",   "insurgents",
          "rebels",  "police",   "policemen", "officers", "men",       "women",     "children",   "residents",
          "refugees", "families", "homes",    "houses",   "buildings", "vehicles",  "cars",       "km",
          "kilometres", "kilometers", "miles", "metres",  "meters",    "feet",      "hectares",   "dollars",
          "euros",   "pounds",   "rupees",    "naira",    "shillings", "tonnes",    "tons",       "kg",
          "votes",   "cases",    "deaths",    "casualties",
          "rounds",  "rockets",  "missiles",  "shells",   "members",   "students",  "pilgrims",   "worshippers",
          "workers", "prisoners", "inmates",  "hostages", "gmt",       "utc",       "hours",      "hrs",
          "hr",      "h",        "local",     "bc",       "bce",       "percent",   "per",        "sq",
          "passengers", "protesters", "demonstrators", "victims", "households", "villagers", "others"})
        m[w].flags |= f_count_noun;
    for (char const *w : {"no",      "nos",     "number",  "page",    "pages",   "flight", "route", "highway",
                          "resolution", "room", "article", "section", "chapter", "code",   "model", "least",
                          "than",    "nearly",  "almost",  "approximately", "estimated", "some", "roughly",
                          "vision",  "agenda",  "over"})
        m[w].flags |= f_not_year_after;
    for (char const *w : {"bloody", "good", "black", "easter", "palm", "ash", "holy", "super", "cyber", "maundy"})
        m[w].flags |= f_weekday_pre_block;
    for (char const *w : {"times", "telegraph", "express", "mail", "post", "mirror", "herald", "independent",
                          "observer", "tribune", "sport", "league", "school", "edition", "magazine"})
        m[w].flags |= f_weekday_post_block;
    for (char const *w : {"attack", "attacks", "attackers", "hijackers", "commission", "memorial", "anniversary"})
        m[w].flags |= f_event_name;
    return m;
}

// Built during static initialisation, not on first use: interning its words must not race with
// extraction threads (vocabulary.hpp).
word_table<lex> const words(build_lexicon());

} // namespace

lex const *find_date_word(token const &t) { return words.find(t); }

} // namespace etl::extract::date_lexicon
