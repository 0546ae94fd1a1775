#include "extract/lexicon_yaml.hpp"

#include "core/files.hpp"

#include "core/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <unordered_set>
#include <utility>

namespace etl::extract::lexicon {

namespace {

std::string location(std::string const &path, YAML::Node const &node)
{
    std::string out = path;
    if (node.IsDefined() && node.Mark().line >= 0)
        out += ":" + std::to_string(node.Mark().line + 1);
    return out;
}

struct number_word {
    std::string_view word;
    long value; ///< -1: a vague quantity ("dozens")
};

constexpr std::array<number_word, 45> number_words{{
    {"one", 1},        {"two", 2},         {"three", 3},      {"four", 4},         {"five", 5},
    {"six", 6},        {"seven", 7},       {"eight", 8},      {"nine", 9},         {"ten", 10},
    {"eleven", 11},    {"twelve", 12},     {"thirteen", 13},  {"fourteen", 14},    {"fifteen", 15},
    {"sixteen", 16},   {"seventeen", 17},  {"eighteen", 18},  {"nineteen", 19},    {"twenty", 20},
    {"thirty", 30},    {"forty", 40},      {"fifty", 50},     {"sixty", 60},       {"seventy", 70},
    {"eighty", 80},    {"ninety", 90},     {"hundred", 100},  {"thousand", 1000},  {"dozen", 12},
    {"twin", 2},       {"dozens", -1},     {"scores", -1},    {"hundreds", -1},    {"thousands", -1},
    {"several", -1},   {"many", -1},       {"numerous", -1},  {"multiple", -1},    {"countless", -1},
    {"tens", -1},      {"some", -1},       {"few", -1},       {"double", 2},       {"single", 1},
}};

} // namespace

YAML::Node load_file(std::string const &path)
{
    auto const text = read_config_file(path, "lexicon file");
    try {
        YAML::Node root = YAML::Load(text);
        if (!root.IsMap())
            throw config_error(path + ": expected a YAML map at the top level");
        return root;
    } catch (YAML::Exception const &e) {
        throw config_error(path + ":" + std::to_string(e.mark.line + 1) + ": YAML syntax error: " + e.msg);
    }
}

void fail(std::string const &path, YAML::Node const &node, std::string_view key, std::string_view what)
{
    throw config_error(location(path, node) + ": " + std::string(key) + ": " + std::string(what));
}

YAML::Node required(std::string const &path, YAML::Node const &map, std::string_view key)
{
    if (!map.IsMap())
        fail(path, map, key, "expected a map holding this key");
    YAML::Node value = map[std::string(key)];
    if (!value)
        fail(path, map, key, "missing required key");
    return value;
}

std::string get_string(std::string const &path, YAML::Node const &map, std::string_view key, bool must)
{
    if (!map.IsMap())
        fail(path, map, key, "expected a map holding this key");
    YAML::Node value = map[std::string(key)];
    if (!value) {
        if (must)
            fail(path, map, key, "missing required key");
        return {};
    }
    if (!value.IsScalar())
        fail(path, value, key, "expected a string");
    return value.Scalar();
}

double get_number(std::string const &path, YAML::Node const &map, std::string_view key, double fallback)
{
    YAML::Node value = map[std::string(key)];
    if (!value)
        return fallback;
    if (!value.IsScalar())
        fail(path, value, key, "expected a number");
    try {
        return value.as<double>();
    } catch (YAML::Exception const &) {
        fail(path, value, key, "expected a number, got '" + value.Scalar() + "'");
    }
}

bool get_bool(std::string const &path, YAML::Node const &map, std::string_view key, bool fallback)
{
    YAML::Node value = map[std::string(key)];
    if (!value)
        return fallback;
    if (!value.IsScalar())
        fail(path, value, key, "expected true or false");
    try {
        return value.as<bool>();
    } catch (YAML::Exception const &) {
        fail(path, value, key, "expected true or false, got '" + value.Scalar() + "'");
    }
}

std::vector<std::string> get_strings(std::string const &path, YAML::Node const &map, std::string_view key,
                                     bool must)
{
    if (!map.IsMap())
        fail(path, map, key, "expected a map holding this key");
    YAML::Node value = map[std::string(key)];
    std::vector<std::string> out;
    if (!value) {
        if (must)
            fail(path, map, key, "missing required key");
        return out;
    }
    if (value.IsScalar()) {
        out.push_back(value.Scalar());
        return out;
    }
    if (!value.IsSequence())
        fail(path, value, key, "expected a string or a list of strings");
    for (auto const &item : value) {
        if (!item.IsScalar())
            fail(path, item, key, "expected a list of strings");
        out.push_back(item.Scalar());
    }
    return out;
}

extract::word_set word_set(std::string const &path, YAML::Node const &map, std::string_view key)
{
    extract::word_set out;
    YAML::Node const node = map[std::string(key)];
    for (auto const &word : get_strings(path, map, key)) {
        auto tokens = tokenize(word); // not phrase_keys(): a lone ";" is a valid entry
        if (tokens.size() != 1)
            fail(path, node, key, "'" + word + "' must be a single word");
        out.insert(tokens.front().norm);
    }
    return out;
}

bool is_sentence_end(std::vector<token> const &tokens, std::size_t i)
{
    if (i >= tokens.size() || tokens[i].kind != token_kind::punct || tokens[i].norm.size() != 1)
        return false;
    char const p = tokens[i].norm[0];
    if (p == '!' || p == '?')
        return true;
    if (p != '.')
        return false;
    if (i == 0)
        return true;
    // "Louisville, Ky., on April 10", "Calif. officials": no sentence goes on like that
    if (i + 1 < tokens.size()) {
        token const &next = tokens[i + 1];
        if ((next.kind == token_kind::punct && (next.norm == "," || next.norm == ";")) ||
            (next.kind == token_kind::word && !next.capitalised && !(next.norm[0] >= '0' && next.norm[0] <= '9')))
            return false;
    }
    token const &prev = tokens[i - 1];
    if (prev.kind == token_kind::word && prev.norm.size() == 1 && prev.end == tokens[i].begin)
        return false; // "U.S.", "J. Smith"
    static std::unordered_set<std::string> const abbreviations{
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "pvt", "st", "rev", "sen",
        "rep", "gov", "prof", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "vs", "inc", "corp", "co", "brig", "adm", "cmdr", "insp", "supt", "dept", "govt", "approx"};
    return !(prev.kind == token_kind::word && prev.end == tokens[i].begin && abbreviations.count(prev.norm));
}

std::pair<std::size_t, std::size_t> sentence_around(std::vector<token> const &tokens, std::size_t i,
                                                    std::size_t first, std::size_t last)
{
    last = std::min(last, tokens.size());
    std::size_t b = i;
    while (b > first && !is_sentence_end(tokens, b - 1))
        --b;
    std::size_t e = i;
    while (e < last && !is_sentence_end(tokens, e))
        ++e;
    if (e < last)
        ++e; // keep the full stop with its sentence
    return {b, e};
}

long quantity_value(token const &t)
{
    if (t.kind == token_kind::number) {
        long v = 0;
        for (char c : t.norm) {
            if (c == '.')
                break;
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
            if (v > 1000000000L)
                return v;
        }
        return v;
    }
    for (auto const &w : number_words)
        if (w.word == t.norm)
            return w.value;
    return -1;
}

bool is_quantity(token const &t)
{
    if (t.kind == token_kind::number)
        return true;
    if (t.kind != token_kind::word)
        return false;
    for (auto const &w : number_words)
        if (w.word == t.norm)
            return true;
    return false;
}

std::string key_of(std::string_view phrase)
{
    std::string out;
    for (auto const &k : phrase_keys(phrase)) {
        if (!out.empty())
            out.push_back(' ');
        out += k;
    }
    return out;
}

std::string reversed_key(std::string_view phrase)
{
    auto const keys = phrase_keys(phrase);
    std::string out;
    for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
        if (!out.empty())
            out.push_back(' ');
        out += *it;
    }
    return out;
}

std::string joined(std::vector<token> const &tokens, std::size_t first, std::size_t count)
{
    std::string out;
    for (std::size_t k = first; k < first + count && k < tokens.size(); ++k) {
        if (!out.empty())
            out.push_back(' ');
        out += tokens[k].norm;
    }
    return out;
}

} // namespace etl::extract::lexicon
