#include "core/incident.hpp"

#include "core/hashing.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace etl {

std::string incident_id_for(incident_report const &founding)
{
    return "inc-" + sha256_hex(founding.article_id + "#" + std::to_string(founding.ordinal)).substr(0, 16);
}

void assign_missing_ids(std::vector<incident> &incidents)
{
    auto const key = [](incident_report const &r) {
        return std::make_tuple(r.published ? r.published->to_days() : std::numeric_limits<long>::max(),
                               std::cref(r.article_id), r.ordinal);
    };
    for (auto &inc : incidents) {
        if (!inc.id.empty() || inc.reports.empty())
            continue;
        auto const founding = std::min_element(inc.reports.begin(), inc.reports.end(),
                                               [&](auto const &a, auto const &b) { return key(a) < key(b); });
        inc.id = incident_id_for(*founding);
    }
}

} // namespace etl
