#include "dedup/dedup.hpp"

#include "dedup/features.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace etl::dedup {

namespace {

using detail::needed_score;
using detail::pair_scorer;

constexpr int fresh_owner = std::numeric_limits<int>::max();

struct seed {
    double score;
    std::uint32_t a; ///< a < b
    std::uint32_t b;
};

struct window {
    bool present = false;
    long start = 0;
    long end = 0;
};

struct cluster {
    std::vector<std::uint32_t> members;
    int owner = fresh_owner; ///< index of the existing incident, or fresh_owner
    std::uint32_t first = 0; ///< smallest member index
};

class deduplicator {
public:
    deduplicator(std::vector<existing_incident> existing, std::vector<incident_report> fresh,
                 dedup_settings const &settings, attackers_compatible_fn const &compatible,
                 attacker_is_branch_fn const &is_branch, analyst_decisions const &decisions)
        : m_settings(settings), m_compatible(compatible), m_is_branch(is_branch), m_builder(settings)
    {
        arrange(std::move(existing), std::move(fresh));
        index_decisions(decisions);
    }

    dedup_result run()
    {
        build_features();
        pair_scorer const scorer(m_settings, m_compatible, m_builder.attackers());
        m_scorer = &scorer;
        sweep_dated();
        link_weak();
        std::sort(m_seeds.begin(), m_seeds.end(), [](seed const &x, seed const &y) {
            return std::tie(y.score, x.a, x.b) < std::tie(x.score, y.a, y.b);
        });
        m_seeds.erase(std::unique(m_seeds.begin(), m_seeds.end(),
                                  [](seed const &x, seed const &y) { return x.a == y.a && x.b == y.b; }),
                      m_seeds.end());
        m_result.stats.seed_pairs = m_seeds.size();
        cluster_seeds();
        emit();
        m_scorer = nullptr;
        return std::move(m_result);
    }

private:
    /// Puts every report in one vector in the stable order, remembering its existing incident.
    void arrange(std::vector<existing_incident> existing, std::vector<incident_report> fresh)
    {
        std::sort(existing.begin(), existing.end(),
                  [](existing_incident const &x, existing_incident const &y) { return x.id < y.id; });
        // The fresh reports' buffer becomes the pool, so the reports are held once, not twice.
        std::vector<incident_report> pool = std::move(fresh);
        std::size_t const fresh_count = pool.size();
        std::vector<int> owners(fresh_count, fresh_owner);
        for (std::size_t e = 0; e < existing.size(); ++e)
            for (auto &r : existing[e].reports) {
                pool.push_back(std::move(r));
                owners.push_back(static_cast<int>(e));
            }
        // Sorting indices, not reports: a report is a large object.
        std::vector<std::uint32_t> order(pool.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
            auto const &a = pool[x];
            auto const &b = pool[y];
            return std::tie(a.article_id, a.ordinal, owners[x], a.evidence_begin, a.evidence_end, a.evidence) <
                   std::tie(b.article_id, b.ordinal, owners[y], b.evidence_begin, b.evidence_end, b.evidence);
        });
        // Apply the order in place, cycle by cycle: position i receives pool[order[i]].
        std::vector<bool> placed(pool.size(), false);
        for (std::size_t start = 0; start < pool.size(); ++start) {
            if (placed[start])
                continue;
            incident_report held = std::move(pool[start]);
            int const held_owner = owners[start];
            std::size_t i = start;
            while (order[i] != start) {
                pool[i] = std::move(pool[order[i]]);
                owners[i] = owners[order[i]];
                placed[i] = true;
                i = order[i];
            }
            pool[i] = std::move(held);
            owners[i] = held_owner;
            placed[i] = true;
        }
        m_reports = std::move(pool);
        m_owner = std::move(owners);
        m_existing_ids.reserve(existing.size());
        for (auto &e : existing)
            m_existing_ids.push_back(std::move(e.id));
        m_result.stats.reports = m_reports.size();
    }

    /// Decisions become index pairs; those naming a report not in this batch are irrelevant to it.
    void index_decisions(analyst_decisions const &decisions)
    {
        if (decisions.same.empty() && decisions.different.empty())
            return;
        std::map<std::pair<std::string_view, int>, std::uint32_t> index;
        for (std::uint32_t i = 0; i < m_reports.size(); ++i)
            index.emplace(std::pair<std::string_view, int>(m_reports[i].article_id, m_reports[i].ordinal), i);
        auto const find = [&](report_ref const &r) {
            auto const it = index.find({r.article_id, r.ordinal});
            return it == index.end() ? std::optional<std::uint32_t>() : it->second;
        };
        for (auto const &[x, y] : decisions.different) {
            auto const a = find(x), b = find(y);
            if (a && b && *a != *b) {
                m_different[*a].push_back(*b);
                m_different[*b].push_back(*a);
            }
        }
        for (auto const &[x, y] : decisions.same) {
            auto const a = find(x), b = find(y);
            if (a && b && *a != *b)
                m_same.emplace_back(std::min(*a, *b), std::max(*a, *b));
        }
        std::sort(m_same.begin(), m_same.end());
        m_same.erase(std::unique(m_same.begin(), m_same.end()), m_same.end());
    }

    void build_features()
    {
        m_features.reserve(m_reports.size());
        for (auto const &r : m_reports)
            m_features.push_back(m_builder.build(r));

        // A term in many reports of the batch ("Taliban", a capital) tells events apart no better
        // than the fields already compared.
        std::vector<std::uint32_t> df(m_builder.term_count(), 0);
        for (auto const &f : m_features)
            for (auto t : f.terms)
                ++df[t];
        double const cap = std::max(static_cast<double>(m_settings.terms.min_df_cap),
                                    m_settings.terms.max_df_fraction * static_cast<double>(m_features.size()));
        for (auto &f : m_features)
            f.terms.erase(std::remove_if(f.terms.begin(), f.terms.end(),
                                         [&](std::uint32_t t) { return static_cast<double>(df[t]) > cap; }),
                          f.terms.end());

        m_windows.resize(m_features.size());
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            auto const &f = m_features[i];
            window &w = m_windows[i];
            if (f.has_date) {
                long const slack = f.slack_allowed ? m_settings.blocking.day_slack_days : 0;
                w = {true, f.date_start - slack, f.date_end + slack};
            } else if (f.has_published) {
                w = {true, f.published - m_settings.blocking.undated_lookback_days, f.published + 1};
            }
        }
    }

    bool existing(std::uint32_t i) const { return m_owner[i] != fresh_owner; }

    /// Scores a candidate pair and keeps it as a seed when it matches on its own.
    void consider(std::uint32_t i, std::uint32_t j)
    {
        if (existing(i) && existing(j))
            return;
        auto const &a = m_features[i];
        auto const &b = m_features[j];
        if (a.article == b.article)
            return;
        ++m_result.stats.candidate_pairs;
        bool const weak = a.weak() || b.weak();
        pair_evidence e;
        if (!m_scorer->score(a, b, e, needed_score(m_settings, weak)))
            return;
        if (weak && !e.strong_signal)
            return;
        m_seeds.push_back({e.score, std::min(i, j), std::max(i, j)});
    }

    void sweep_dated()
    {
        std::vector<std::uint32_t> order;
        for (std::uint32_t i = 0; i < m_features.size(); ++i)
            if (!m_features[i].weak())
                order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
            return std::tie(m_features[x].country, m_windows[x].start, x) <
                   std::tie(m_features[y].country, m_windows[y].start, y);
        });
        std::vector<std::uint32_t> active;
        std::uint32_t country = 0;
        for (std::uint32_t i : order) {
            if (m_features[i].country != country) {
                active.clear();
                country = m_features[i].country;
            }
            long const start = m_windows[i].start;
            std::size_t kept = 0;
            for (std::uint32_t j : active) {
                if (m_windows[j].end < start)
                    continue; // ends before this and every later window starts
                active[kept++] = j;
                consider(j, i);
            }
            active.resize(kept);
            active.push_back(i);
        }
    }

    void link_weak()
    {
        // Keys: city and admin1 buckets, and for a weak report that names no place, buckets of
        // its distinctive terms and streets ("Chickasaw Park", "West Madison Street" in a story
        // that never names its city); only the keys weak reports look up.
        enum key_kind : std::uint64_t { admin1_key = 0, city_key = 1, term_key = 2, street_key = 3 };
        auto key_of = [](key_kind kind, std::uint32_t name) { return (static_cast<std::uint64_t>(kind) << 32) | name; };
        struct bucket {
            std::vector<std::uint32_t> windowed;   ///< sorted by window start
            std::vector<std::uint32_t> unwindowed; ///< in report order
            long max_length = 0;
        };
        std::unordered_map<std::uint64_t, bucket> buckets;
        std::vector<std::pair<std::uint32_t, std::uint64_t>> lookups;
        for (std::uint32_t i = 0; i < m_features.size(); ++i) {
            auto const &f = m_features[i];
            if (!f.weak())
                continue;
            if (f.city != 0)
                lookups.emplace_back(i, key_of(city_key, f.city));
            else if (f.admin1 != 0)
                lookups.emplace_back(i, key_of(admin1_key, f.admin1));
            else {
                for (auto const t : f.terms)
                    lookups.emplace_back(i, key_of(term_key, t));
                for (auto const t : f.streets)
                    lookups.emplace_back(i, key_of(street_key, t));
            }
        }
        if (lookups.empty())
            return;
        for (auto const &[i, key] : lookups)
            buckets.emplace(key, bucket{});
        std::vector<std::uint64_t> keys;
        for (std::uint32_t i = 0; i < m_features.size(); ++i) {
            auto const &f = m_features[i];
            keys.clear();
            if (f.city != 0)
                keys.push_back(key_of(city_key, f.city));
            if (f.admin1 != 0)
                keys.push_back(key_of(admin1_key, f.admin1));
            for (auto const t : f.terms)
                keys.push_back(key_of(term_key, t));
            for (auto const t : f.streets)
                keys.push_back(key_of(street_key, t));
            for (auto const key : keys) {
                auto const it = buckets.find(key);
                if (it == buckets.end())
                    continue;
                auto const &w = m_windows[i];
                if (w.present) {
                    it->second.windowed.push_back(i);
                    it->second.max_length = std::max(it->second.max_length, w.end - w.start);
                } else {
                    it->second.unwindowed.push_back(i);
                }
            }
        }
        for (auto &[key, b] : buckets)
            std::sort(b.windowed.begin(), b.windowed.end(), [&](std::uint32_t x, std::uint32_t y) {
                return std::tie(m_windows[x].start, x) < std::tie(m_windows[y].start, y);
            });

        std::size_t const cap = static_cast<std::size_t>(m_settings.blocking.max_bucket_candidates);
        for (auto const &lookup : lookups) {
            std::uint32_t const i = lookup.first; // not a structured binding: lambdas capture it
            auto const &b = buckets.at(lookup.second);
            auto const &f = m_features[i];
            auto const &w = m_windows[i];
            auto visit = [&](std::uint32_t j) {
                if (j == i)
                    return;
                auto const &g = m_features[j];
                if (f.country != 0 && g.country != 0 && f.country != g.country)
                    return;
                consider(std::min(i, j), std::max(i, j));
            };
            std::size_t budget = cap;
            for (std::uint32_t j : b.unwindowed) {
                if (budget == 0)
                    break;
                --budget;
                visit(j);
            }
            if (w.present && !f.has_date) {
                // Undated, with a publication date: the reports of its place before publication,
                // nearest first, however old ("the Dec. 2, 2015, attack" in a 2017 story is
                // often told without its date), at most undated_place_candidates.
                auto it = std::upper_bound(b.windowed.begin(), b.windowed.end(), w.end,
                                           [&](long v, std::uint32_t x) { return v < m_windows[x].start; });
                std::size_t left = static_cast<std::size_t>(m_settings.blocking.undated_place_candidates);
                while (it != b.windowed.begin() && left > 0) {
                    --it;
                    --left;
                    visit(*it);
                }
            } else if (w.present) {
                long const from = w.start - b.max_length;
                auto it = std::lower_bound(b.windowed.begin(), b.windowed.end(), from,
                                           [&](std::uint32_t x, long v) { return m_windows[x].start < v; });
                for (; it != b.windowed.end() && m_windows[*it].start <= w.end; ++it)
                    if (m_windows[*it].end >= w.start)
                        visit(*it);
            } else {
                for (std::uint32_t j : b.windowed) {
                    if (budget == 0)
                        break;
                    --budget;
                    visit(j);
                }
            }
        }
    }

    pair_evidence evidence(std::uint32_t x, std::uint32_t y) const
    {
        pair_evidence e;
        m_scorer->score(m_features[x], m_features[y], e);
        e.a = ref(x);
        e.b = ref(y);
        return e;
    }

    void cluster_seeds()
    {
        std::vector<int> owner_cluster(m_existing_ids.size(), -1);
        m_cluster_of.assign(m_reports.size(), 0);
        for (std::uint32_t i = 0; i < m_reports.size(); ++i) {
            int const owner = m_owner[i];
            if (owner != fresh_owner && owner_cluster[owner] >= 0) {
                m_cluster_of[i] = static_cast<std::uint32_t>(owner_cluster[owner]);
                m_clusters[m_cluster_of[i]].members.push_back(i);
                continue;
            }
            m_cluster_of[i] = static_cast<std::uint32_t>(m_clusters.size());
            m_clusters.push_back({{i}, owner, i});
            if (owner != fresh_owner)
                owner_cluster[owner] = static_cast<int>(m_cluster_of[i]);
        }
        unite_analyst_pairs();

        auto const &d = m_settings.decision;
        std::vector<pair_evidence> pairs;
        // Clusters only grow: two that failed to fit keep failing until one of them changes.
        std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> failed;
        for (auto const &s : m_seeds) {
            auto [ca, cb] = receiving_first(m_cluster_of[s.a], m_cluster_of[s.b]);
            if (ca == cb || !may_unite(ca, cb))
                continue;
            auto const &into_all = m_clusters[ca].members;
            auto const &joining_all = m_clusters[cb].members;
            // The members a joining report meets: all of a small cluster, an even spread of a
            // large one (always with the seed member), so the cost stays linear in its size.
            std::uint32_t const seed_joining = m_cluster_of[s.a] == cb ? s.a : s.b;
            std::uint32_t const seed_member = seed_joining == s.a ? s.b : s.a;
            auto const limit = static_cast<std::size_t>(d.max_members_compared);
            auto const spread = [limit](std::vector<std::uint32_t> const &all, std::uint32_t seed) {
                if (all.size() <= limit)
                    return all;
                std::vector<std::uint32_t> some{seed};
                for (std::size_t k = 0; some.size() < limit && k < limit; ++k)
                    if (auto const y = all[k * all.size() / limit]; y != seed)
                        some.push_back(y);
                return some;
            };
            auto const into = spread(into_all, seed_member);
            auto const joining = spread(joining_all, seed_joining);
            std::uint64_t const pair_key = (static_cast<std::uint64_t>(ca) << 32) | cb;
            std::pair<std::size_t, std::size_t> const sizes{into_all.size(), joining_all.size()};
            if (auto const f = failed.find(pair_key); f != failed.end() && f->second == sizes) {
                ++m_result.stats.rejected_unions;
                continue;
            }
            if (separated(ca, cb)) {
                ++m_result.stats.analyst_separations;
                failed[pair_key] = sizes;
                continue;
            }

            pairs.clear();
            bool ok = false;
            double sum = 0;
            std::size_t compared = 0;
            double minimum = std::numeric_limits<double>::infinity();
            auto const keep = static_cast<std::size_t>(d.max_pairs_recorded);
            auto check = [&](std::uint32_t x, std::uint32_t y) {
                pair_evidence e = evidence(x, y);
                if (e.veto != veto_reason::none || e.score < d.member_min_score)
                    return false;
                double const score = e.score;
                sum += score;
                ++compared;
                // keep the seed pair and the weakest others, for explanations
                if (pairs.size() < keep) {
                    pairs.push_back(std::move(e));
                } else if (keep > 1 && score < minimum) {
                    auto const strongest = std::max_element(
                        pairs.begin() + 1, pairs.end(), [](auto const &p, auto const &q) { return p.score < q.score; });
                    *strongest = std::move(e);
                }
                minimum = std::min(minimum, score);
                return true;
            };
            ok = check(seed_joining, seed_member);
            for (std::size_t p = 0; ok && p < joining.size() * into.size(); ++p) {
                std::uint32_t const x = joining[p / into.size()];
                std::uint32_t const y = into[p % into.size()];
                if (x != seed_joining || y != seed_member)
                    ok = check(x, y);
            }
            double const average = ok ? sum / static_cast<double>(compared) : 0;
            if (!ok || average < d.member_average_score) {
                ++m_result.stats.rejected_unions;
                failed[pair_key] = sizes;
                continue;
            }

            join_evidence j;
            for (std::uint32_t x : joining)
                j.joining.push_back(ref(x)); // the reports compared, as for members
            for (std::uint32_t y : into)
                j.members.push_back(ref(y)); // the members compared, not the whole cluster
            j.average_score = average;
            j.minimum_score = minimum;
            j.pairs = std::move(pairs);
            pairs = {};
            unite(ca, cb, std::move(j), seed_member);
        }
    }

    /// The two clusters with the receiving side first: the existing incident, else the cluster
    /// earliest in report order.
    std::pair<std::uint32_t, std::uint32_t> receiving_first(std::uint32_t ca, std::uint32_t cb) const
    {
        bool const swap = m_clusters[cb].owner != fresh_owner ||
                          (m_clusters[ca].owner == fresh_owner && m_clusters[cb].first < m_clusters[ca].first);
        return swap ? std::make_pair(cb, ca) : std::make_pair(ca, cb);
    }

    /// Two stored incidents are never united here.
    bool may_unite(std::uint32_t ca, std::uint32_t cb) const
    {
        return m_clusters[ca].owner == fresh_owner || m_clusters[cb].owner == fresh_owner;
    }

    /// Would uniting the two clusters put a pair an analyst called different into one incident?
    bool separated(std::uint32_t ca, std::uint32_t cb) const
    {
        if (m_different.empty())
            return false;
        auto const &small = m_clusters[ca].members.size() <= m_clusters[cb].members.size() ? ca : cb;
        std::uint32_t const other = small == ca ? cb : ca;
        for (std::uint32_t x : m_clusters[small].members)
            if (auto const it = m_different.find(x); it != m_different.end())
                for (std::uint32_t y : it->second)
                    if (m_cluster_of[y] == other)
                        return true;
        return false;
    }

    /// "Same" decisions first, in report order, with the pair's scores kept for explanation.
    void unite_analyst_pairs()
    {
        for (auto const &[a, b] : m_same) {
            auto const [ca, cb] = receiving_first(m_cluster_of[a], m_cluster_of[b]);
            if (ca == cb || !may_unite(ca, cb))
                continue;
            if (separated(ca, cb)) {
                ++m_result.stats.analyst_separations;
                continue;
            }
            std::uint32_t const joining = m_cluster_of[a] == cb ? a : b;
            std::uint32_t const member = joining == a ? b : a;
            join_evidence j;
            j.analyst = true;
            j.joining.push_back(ref(joining));
            j.members.push_back(ref(member));
            j.pairs.push_back(evidence(joining, member));
            j.average_score = j.minimum_score = j.pairs.back().score;
            unite(ca, cb, std::move(j), member);
            ++m_result.stats.analyst_unions;
        }
    }

    /// Moves every report of cluster `cb` into `ca`, recording why.
    void unite(std::uint32_t ca, std::uint32_t cb, join_evidence j, std::uint32_t member)
    {
        auto &target = m_clusters[ca];
        for (std::uint32_t x : m_clusters[cb].members) {
            m_cluster_of[x] = ca;
            target.members.push_back(x);
            j.added.push_back(ref(x));
        }
        target.first = std::min(target.first, m_clusters[cb].first);
        m_clusters[cb].members.clear();
        m_joins.push_back({std::move(j), member});
        ++m_result.stats.unions;
    }

    report_ref ref(std::uint32_t i) const { return {m_reports[i].article_id, m_reports[i].ordinal}; }

    void emit()
    {
        // Existing incidents that gained reports, by id (their owner index is the id order),
        // then new incidents by first report.
        std::vector<std::uint32_t> chosen;
        for (std::uint32_t c = 0; c < m_clusters.size(); ++c) {
            auto const &cl = m_clusters[c];
            if (cl.members.empty())
                continue;
            bool const gained = std::any_of(cl.members.begin(), cl.members.end(),
                                            [&](std::uint32_t i) { return !existing(i); });
            if (gained)
                chosen.push_back(c);
        }
        for (auto &cl : m_clusters)
            std::sort(cl.members.begin(), cl.members.end());
        std::sort(chosen.begin(), chosen.end(), [&](std::uint32_t x, std::uint32_t y) {
            auto const &a = m_clusters[x];
            auto const &b = m_clusters[y];
            return std::make_pair(a.owner, a.members.front()) < std::make_pair(b.owner, b.members.front());
        });

        // Scoring is over: its structures go before the reports move into the incidents, when
        // the pool and the incidents both hold them for a moment.
        m_features = {};
        m_windows = {};
        m_seeds = {};
        std::vector<std::size_t> index_of(m_clusters.size(), 0);
        m_result.incidents.reserve(chosen.size());
        for (std::uint32_t c : chosen) {
            auto &cl = m_clusters[c];
            index_of[c] = m_result.incidents.size();
            incident inc;
            if (cl.owner != fresh_owner)
                inc.id = m_existing_ids[static_cast<std::size_t>(cl.owner)];
            inc.reports.reserve(cl.members.size());
            for (std::uint32_t i : cl.members)
                inc.reports.push_back(std::move(m_reports[i]));
            compute_canonical(inc, m_is_branch);
            m_result.incidents.push_back(std::move(inc));
        }
        m_result.joins.reserve(m_joins.size());
        for (auto &[j, member] : m_joins) {
            j.incident = index_of[m_cluster_of[member]];
            m_result.joins.push_back(std::move(j));
        }
    }

    dedup_settings const &m_settings;
    attackers_compatible_fn const &m_compatible;
    attacker_is_branch_fn const &m_is_branch;
    detail::feature_builder m_builder;
    detail::pair_scorer const *m_scorer = nullptr;

    std::vector<incident_report> m_reports;
    std::vector<int> m_owner;
    std::vector<std::string> m_existing_ids;
    std::vector<detail::report_features> m_features;
    std::vector<window> m_windows;
    std::vector<seed> m_seeds;
    std::vector<cluster> m_clusters;
    std::vector<std::uint32_t> m_cluster_of;
    std::vector<std::pair<join_evidence, std::uint32_t>> m_joins; ///< with a member, to find the final incident
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_same;  ///< analyst "same" pairs, a < b, sorted
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_different; ///< both directions
    dedup_result m_result;
};

std::string refs(std::vector<report_ref> const &list)
{
    std::string out;
    for (auto const &r : list)
        out += (out.empty() ? "" : ", ") + ref_label(r);
    return out;
}

} // namespace

std::string join_summary(join_evidence const &j)
{
    std::string out = refs(j.joining) + " joins " + refs(j.members);
    if (j.analyst)
        return out + " by analyst decision";
    char buf[64];
    std::snprintf(buf, sizeof buf, " (average %.2f, minimum %.2f)", j.average_score, j.minimum_score);
    return out + buf;
}

std::string describe(join_evidence const &j)
{
    std::string out = "incident " + std::to_string(j.incident) + ": " + join_summary(j);
    for (auto const &p : j.pairs)
        out += "\n  " + describe(p);
    return out;
}

dedup_result deduplicate(std::vector<existing_incident> existing, std::vector<incident_report> fresh,
                         dedup_settings const &settings, attackers_compatible_fn const &compatible,
                         attacker_is_branch_fn const &is_branch, analyst_decisions const &decisions)
{
    deduplicator d(std::move(existing), std::move(fresh), settings, compatible, is_branch, decisions);
    return d.run();
}

} // namespace etl::dedup
