#include "core/incident.hpp"

#include "core/hashing.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_set>

namespace etl {

std::string incident_id_for(incident_report const &founding, int attempt)
{
    auto key = founding.article_id + "#" + std::to_string(founding.ordinal);
    if (attempt > 0)
        key += "#" + std::to_string(attempt);
    return "inc-" + sha256_hex(key).substr(0, 16);
}

namespace {

auto founding_key(incident_report const &r)
{
    return std::make_tuple(r.published ? r.published->to_days() : std::numeric_limits<long>::max(),
                           std::cref(r.article_id), r.ordinal);
}

} // namespace

incident_report const *founding_report(incident const &inc)
{
    auto const it = std::min_element(inc.reports.begin(), inc.reports.end(),
                                     [](auto const &a, auto const &b) { return founding_key(a) < founding_key(b); });
    return it == inc.reports.end() ? nullptr : &*it;
}

void assign_missing_ids(std::vector<incident> &incidents, ids_in_use_fn const &in_use)
{
    struct pending {
        incident *inc;
        incident_report const *founding;
        int attempt;
    };
    std::vector<pending> todo;
    std::unordered_set<std::string> taken;
    for (auto &inc : incidents) {
        if (!inc.id.empty()) {
            taken.insert(inc.id);
            continue;
        }
        if (inc.reports.empty())
            continue;
        todo.push_back({&inc, founding_report(inc), 0});
    }
    while (!todo.empty()) {
        std::vector<std::string> proposed;
        for (auto const &p : todo)
            proposed.push_back(incident_id_for(*p.founding, p.attempt));
        std::unordered_set<std::string> used;
        if (in_use)
            for (auto &id : in_use(proposed))
                used.insert(std::move(id));
        std::vector<pending> retry;
        for (std::size_t i = 0; i < todo.size(); ++i) {
            if (used.count(proposed[i]) || !taken.insert(proposed[i]).second) {
                retry.push_back({todo[i].inc, todo[i].founding, todo[i].attempt + 1});
                continue;
            }
            todo[i].inc->id = proposed[i];
        }
        todo = std::move(retry);
    }
}

} // namespace etl
