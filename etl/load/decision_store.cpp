#include "load/decision_store.hpp"

#include "load/report_rows.hpp"

#include <algorithm>
#include <tuple>

namespace etl::load {

namespace {

/// The article ids and ordinals of the reports as two array literals, for unnest($1, $2).
std::pair<std::string, std::string> key_arrays(std::vector<dedup::report_ref> const &reports)
{
    std::vector<std::string> articles;
    std::string ordinals = "{";
    for (auto const &r : reports) {
        articles.push_back(r.article_id);
        ordinals += (ordinals.size() > 1 ? "," : "") + std::to_string(r.ordinal);
    }
    return {text_array(articles), ordinals + "}"};
}

std::string const keys_cte = "with k as (select * from unnest($1::text[], $2::int[]) as k(article_id, ordinal))";

char const *kind_name(decision d) { return d == decision::same ? "same" : "different"; }

} // namespace

dedup::analyst_decisions decisions_about(pqxx::transaction_base &tx, std::vector<dedup::report_ref> const &reports)
{
    dedup::analyst_decisions out;
    if (reports.empty())
        return out;
    auto const [articles, ordinals] = key_arrays(reports);
    auto const rows = tx.exec_params(
        keys_cte + " select o.a_article_id, o.a_ordinal, o.b_article_id, o.b_ordinal, o.decision"
                   " from dedup_overrides o where exists (select 1 from k where"
                   " (k.article_id = o.a_article_id and k.ordinal = o.a_ordinal) or"
                   " (k.article_id = o.b_article_id and k.ordinal = o.b_ordinal))"
                   " order by 1, 2, 3, 4",
        articles, ordinals);
    for (auto const &row : rows) {
        report_pair p{{row[0].c_str(), row[1].as<int>()}, {row[2].c_str(), row[3].as<int>()}};
        (std::string_view(row[4].c_str()) == "same" ? out.same : out.different).push_back(std::move(p));
    }
    return out;
}

std::vector<std::string> incidents_holding(pqxx::transaction_base &tx, std::vector<dedup::report_ref> const &reports)
{
    std::vector<std::string> out;
    if (reports.empty())
        return out;
    auto const [articles, ordinals] = key_arrays(reports);
    for (auto const &row : tx.exec_params(keys_cte + " select distinct l.incident_id from report_links l"
                                                     " join k using (article_id, ordinal) order by 1",
                                          articles, ordinals))
        out.emplace_back(row[0].c_str());
    return out;
}

void record_decisions(pqxx::work &tx, std::vector<report_pair> const &pairs, decision d, std::string const &note)
{
    if (pairs.empty())
        return;
    std::vector<dedup::report_ref> first, second;
    for (auto const &[x, y] : pairs) {
        bool const in_order = std::tie(x.article_id, x.ordinal) < std::tie(y.article_id, y.ordinal);
        first.push_back(in_order ? x : y);
        second.push_back(in_order ? y : x);
    }
    auto const [a_articles, a_ordinals] = key_arrays(first);
    auto const [b_articles, b_ordinals] = key_arrays(second);
    tx.exec_params("insert into dedup_overrides (a_article_id, a_ordinal, b_article_id, b_ordinal, decision, note)"
                   " select distinct a, ao, b, bo, $5, $6 from unnest($1::text[], $2::int[], $3::text[], $4::int[])"
                   "   as p(a, ao, b, bo) where (a, ao) <> (b, bo)"
                   " on conflict (a_article_id, a_ordinal, b_article_id, b_ordinal) do update set"
                   " decision = excluded.decision, note = excluded.note,"
                   " decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                   a_articles, a_ordinals, b_articles, b_ordinals, std::string(kind_name(d)),
                   note.empty() ? std::optional<std::string>() : std::optional<std::string>(note));
}

void forget_decisions_within(pqxx::work &tx, std::vector<dedup::report_ref> const &reports, decision d)
{
    if (reports.empty())
        return;
    auto const [articles, ordinals] = key_arrays(reports);
    tx.exec_params(keys_cte + " delete from dedup_overrides o where o.decision = $3"
                              " and exists (select 1 from k where k.article_id = o.a_article_id and k.ordinal = o.a_ordinal)"
                              " and exists (select 1 from k where k.article_id = o.b_article_id and k.ordinal = o.b_ordinal)",
                   articles, ordinals, std::string(kind_name(d)));
}

std::vector<stored_decision> decisions_for_incident(pqxx::transaction_base &tx, std::string const &incident_id)
{
    std::vector<stored_decision> out;
    auto const rows = tx.exec_params(
        "select o.a_article_id, o.a_ordinal, o.b_article_id, o.b_ordinal, o.decision, coalesce(o.note, ''),"
        " o.decided_by, to_char(o.decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'"
        " from dedup_overrides o where exists (select 1 from report_links l where l.incident_id = $1 and"
        " ((l.article_id = o.a_article_id and l.ordinal = o.a_ordinal) or"
        "  (l.article_id = o.b_article_id and l.ordinal = o.b_ordinal)))"
        " order by o.decided_at, 1, 2, 3, 4",
        incident_id);
    for (auto const &row : rows)
        out.push_back({{row[0].c_str(), row[1].as<int>()},
                       {row[2].c_str(), row[3].as<int>()},
                       row[4].c_str(),
                       row[5].c_str(),
                       row[6].c_str(),
                       row[7].c_str()});
    return out;
}

} // namespace etl::load
