#include "dedup/evidence_json.hpp"

namespace etl::dedup {

namespace {

template <typename Level> nlohmann::json field_json(field_score<Level> const &f)
{
    return {{"level", std::string(to_string(f.level))}, {"weight", f.weight}};
}

nlohmann::json labels(std::vector<report_ref> const &refs)
{
    auto out = nlohmann::json::array();
    for (auto const &r : refs)
        out.push_back(ref_label(r));
    return out;
}

} // namespace

nlohmann::json evidence_to_json(pair_evidence const &e)
{
    nlohmann::json j = {
        {"a", ref_label(e.a)},
        {"b", ref_label(e.b)},
        {"score", e.score},
        {"veto", e.veto == veto_reason::none ? nlohmann::json() : nlohmann::json(std::string(to_string(e.veto)))},
        {"weak", e.weak},
        {"text", describe(e)},
        {"fields",
         {{"date", field_json(e.date)},
          {"place", field_json(e.place)},
          {"attacker", field_json(e.attacker)},
          {"attack_type", field_json(e.attack_type)},
          {"target_type", field_json(e.target_type)},
          {"killed", field_json(e.killed)},
          {"injured", field_json(e.injured)},
          {"terms", field_json(e.terms)},
          {"street", field_json(e.street)}}},
        {"shared_terms", e.shared_terms},
        {"term_overlap", e.term_overlap},
    };
    if (e.distance_km)
        j["distance_km"] = *e.distance_km;
    return j;
}

nlohmann::json join_to_json(join_evidence const &j)
{
    auto pairs = nlohmann::json::array();
    for (auto const &p : j.pairs)
        pairs.push_back(evidence_to_json(p));
    return {{"summary", join_summary(j)},      {"analyst", j.analyst},         {"average", j.average_score},
            {"minimum", j.minimum_score}, {"joining", labels(j.joining)}, {"members", labels(j.members)},
            {"pairs", pairs}};
}

} // namespace etl::dedup
