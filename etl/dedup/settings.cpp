#include "dedup/settings.hpp"

#include "core/files.hpp"

#include "core/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <type_traits>
#include <variant>
#include <vector>

namespace etl::dedup {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

/// One leaf key of the file, the member it sets and its allowed range.
struct binding {
    std::string key;
    std::variant<double *, int *, long *> target;
    double min;
    double max;
};

std::vector<binding> bindings(dedup_settings &s)
{
    auto &w = s.weights;
    return {
        {"blocking.day_slack_days", &s.blocking.day_slack_days, 0, 30},
        {"blocking.max_range_days", &s.blocking.max_range_days, 1, 400},
        {"blocking.undated_lookback_days", &s.blocking.undated_lookback_days, 0, 3660},
        {"blocking.max_bucket_candidates", &s.blocking.max_bucket_candidates, 0, 1e9},
        {"blocking.undated_place_candidates", &s.blocking.undated_place_candidates, 0, 1e9},
        {"place.near_km", &s.place.near_km, 0, 1000},
        {"casualties.close_ratio", &s.casualties.close_ratio, 0, 10},
        {"casualties.close_abs", &s.casualties.close_abs, 0, 1e9},
        {"casualties.growth_ratio", &s.casualties.growth_ratio, 0, 100},
        {"casualties.growth_abs", &s.casualties.growth_abs, 0, 1e9},
        {"casualties.revision_ratio", &s.casualties.revision_ratio, 0, 1},
        {"casualties.small", &s.casualties.small, 0, 1e9},
        {"terms.high_overlap", &s.terms.high_overlap, 0, 1},
        {"terms.partial_overlap", &s.terms.partial_overlap, 0, 1},
        {"terms.min_shared_for_high", &s.terms.min_shared_for_high, 1, 1e6},
        {"terms.min_terms_for_disjoint", &s.terms.min_terms_for_disjoint, 1, 1e6},
        {"terms.max_df_fraction", &s.terms.max_df_fraction, 0, 1},
        {"terms.min_df_cap", &s.terms.min_df_cap, 1, 1e9},
        {"decision.match_threshold", &s.decision.match_threshold, -inf, inf},
        {"decision.member_min_score", &s.decision.member_min_score, -inf, inf},
        {"decision.member_average_score", &s.decision.member_average_score, -inf, inf},
        {"decision.weak_link_extra", &s.decision.weak_link_extra, 0, inf},
        {"decision.max_members_compared", &s.decision.max_members_compared, 1, 1e6},
        {"decision.max_pairs_recorded", &s.decision.max_pairs_recorded, 1, 1e6},
        // Agreement levels must not count against a match and disagreement levels not for it;
        // otherwise a typo in a sign silently inverts the scorer.
        {"weights.date.same_day", &w.date.same_day, 0, inf},
        {"weights.date.overlap", &w.date.overlap, -inf, inf},
        {"weights.date.within_slack", &w.date.within_slack, -inf, inf},
        {"weights.place.same_city", &w.place.same_city, 0, inf},
        {"weights.place.near", &w.place.near, -inf, inf},
        {"weights.place.same_admin1", &w.place.same_admin1, -inf, inf},
        {"weights.place.different_city", &w.place.different_city, -inf, 0},
        {"weights.attacker.same", &w.attacker.same, 0, inf},
        {"weights.attacker.compatible", &w.attacker.compatible, -inf, inf},
        {"weights.attacker.conflicting", &w.attacker.conflicting, -inf, 0},
        {"weights.attack_type.same", &w.attack_type.same, 0, inf},
        {"weights.attack_type.different", &w.attack_type.different, -inf, 0},
        {"weights.target_type.same", &w.target_type.same, 0, inf},
        {"weights.target_type.different", &w.target_type.different, -inf, 0},
        {"weights.killed.agree", &w.killed.agree, 0, inf},
        {"weights.killed.agree_weak", &w.killed.agree_weak, -inf, inf},
        {"weights.killed.growth", &w.killed.growth, -inf, inf},
        {"weights.killed.conflict", &w.killed.conflict, -inf, 0},
        {"weights.injured.agree", &w.injured.agree, 0, inf},
        {"weights.injured.agree_weak", &w.injured.agree_weak, -inf, inf},
        {"weights.injured.growth", &w.injured.growth, -inf, inf},
        {"weights.injured.conflict", &w.injured.conflict, -inf, 0},
        {"weights.terms.high", &w.terms.high, 0, inf},
        {"weights.terms.partial", &w.terms.partial, -inf, inf},
        {"weights.terms.disjoint", &w.terms.disjoint, -inf, 0},
        {"weights.street.same", &w.street.same, 0, inf},
        {"weights.street.different", &w.street.different, -inf, 0},
    };
}

std::string where(std::string const &origin, int line)
{
    std::ostringstream out;
    out << origin;
    if (line > 0)
        out << ':' << line;
    return out.str();
}

[[noreturn]] void fail(std::string const &origin, int line, std::string const &key, std::string const &what)
{
    throw config_error(where(origin, line) + ": '" + key + "' " + what);
}

double value_of(binding const &b)
{
    return std::visit([](auto const *p) { return static_cast<double>(*p); }, b.target);
}

void check_range(binding const &b, std::string const &origin, int line)
{
    double const v = value_of(b);
    if (!std::isfinite(v))
        fail(origin, line, b.key, "must be a finite number");
    if (v < b.min || v > b.max) {
        std::ostringstream out;
        out << "value " << v << " out of range [" << b.min << ", " << b.max << "]";
        fail(origin, line, b.key, out.str());
    }
}

void check_relations(dedup_settings const &s, std::string const &origin, int line)
{
    if (s.terms.partial_overlap > s.terms.high_overlap)
        fail(origin, line, "terms.partial_overlap", "must not exceed terms.high_overlap");
}

void assign(binding const &b, YAML::Node const &node, int key_line, std::string const &origin)
{
    int const line = node.IsNull() || node.Mark().line < 0 ? key_line : node.Mark().line + 1;
    if (!node.IsScalar())
        fail(origin, line, b.key, "expected a number");
    try {
        std::visit(
            [&](auto *p) {
                using T = std::remove_pointer_t<decltype(p)>;
                if constexpr (std::is_same_v<T, double>) {
                    *p = node.as<double>();
                } else {
                    // as<int> accepts "3.7" on some yaml-cpp versions; insist on an integer.
                    double const d = node.as<double>();
                    if (d != std::floor(d))
                        fail(origin, line, b.key, "expected an integer, got '" + node.Scalar() + "'");
                    *p = node.as<T>();
                }
            },
            b.target);
    } catch (YAML::Exception const &) {
        fail(origin, line, b.key, "expected a number, got '" + node.Scalar() + "'");
    }
    check_range(b, origin, line);
}

void walk(YAML::Node const &node, std::string const &prefix, std::vector<binding> const &binds,
          std::string const &origin)
{
    if (!node.IsMap())
        fail(origin, node.Mark().line + 1, prefix.empty() ? "(top level)" : prefix, "expected a mapping");
    for (auto const &kv : node) {
        YAML::Node const &k = kv.first;
        YAML::Node const &v = kv.second;
        if (!k.IsScalar())
            fail(origin, k.Mark().line + 1, prefix, "keys must be plain names");
        std::string const key = prefix.empty() ? k.Scalar() : prefix + "." + k.Scalar();
        binding const *leaf = nullptr;
        bool section = false;
        for (auto const &b : binds) {
            if (b.key == key)
                leaf = &b;
            else if (b.key.size() > key.size() && b.key.compare(0, key.size(), key) == 0 && b.key[key.size()] == '.')
                section = true;
        }
        if (leaf)
            assign(*leaf, v, k.Mark().line + 1, origin);
        else if (section)
            walk(v, key, binds, origin);
        else
            fail(origin, k.Mark().line + 1, key, "unknown key");
    }
}

} // namespace

dedup_settings parse_dedup_settings(std::string const &yaml_text, std::string const &origin)
{
    dedup_settings s;
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (YAML::ParserException const &e) {
        throw config_error(where(origin, e.mark.line + 1) + ": invalid YAML: " + e.msg);
    }
    if (!root || root.IsNull())
        return s;
    auto const binds = bindings(s);
    walk(root, "", binds, origin);
    check_relations(s, origin, 0);
    return s;
}

dedup_settings load_dedup_settings(std::string const &path)
{
    return parse_dedup_settings(read_config_file(path, "the dedup configuration"), path);
}

void validate(dedup_settings const &settings, std::string const &origin)
{
    dedup_settings copy = settings;
    for (auto const &b : bindings(copy))
        check_range(b, origin, 0);
    check_relations(copy, origin, 0);
}

} // namespace etl::dedup
