#include "load/article_store.hpp"

#include "core/failpoint.hpp"
#include "load/report_rows.hpp"

namespace etl::load {

std::unordered_map<std::string, std::string> stored_hashes(pqxx::transaction_base &tx,
                                                           std::vector<std::string> const &ids)
{
    std::unordered_map<std::string, std::string> out;
    if (ids.empty())
        return out;
    for (auto const &row :
         tx.exec_params("select article_id, text_sha256 from articles where article_id = any($1::text[])", text_array(ids)))
        out.emplace(row[0].c_str(), row[1].c_str());
    return out;
}

void store_articles(pqxx::work &tx, std::vector<extracted_article> const &batch, long run_id)
{
    if (batch.empty())
        return;
    std::vector<std::string> ids;
    ids.reserve(batch.size());
    for (auto const &e : batch)
        ids.push_back(e.art.id);
    auto const id_array = text_array(ids);

    tx.exec_params0("update incidents set needs_refresh = true where incident_id in"
                    " (select incident_id from report_links where article_id = any($1::text[]))",
                    id_array);
    tx.exec_params0("delete from incident_reports where article_id = any($1::text[])", id_array);

    tx.exec0("create temp table if not exists staged_articles (like articles) on commit delete rows");
    {
        pqxx::stream_to stream(tx, "staged_articles",
                               std::vector<std::string>{"article_id", "source", "url", "published", "title", "body",
                                                        "text_sha256", "first_seen_run", "last_changed_run"});
        for (auto const &e : batch) {
            stream << std::make_tuple(e.art.id, text_or_null(e.art.source), text_or_null(e.art.url),
                                      date_text(e.art.published), text_or_null(e.art.title), e.art.text,
                                      e.text_sha256, run_id, run_id);
            failpoint("articles.copy");
        }
        stream.complete();
    }
    tx.exec0("insert into articles select * from staged_articles on conflict (article_id) do update set"
             " source = excluded.source, url = excluded.url, published = excluded.published,"
             " title = excluded.title, body = excluded.body, text_sha256 = excluded.text_sha256,"
             " last_changed_run = excluded.last_changed_run");

    pqxx::stream_to reports(tx, "incident_reports", report_columns());
    for (auto const &e : batch)
        for (auto const &r : e.reports) {
            write_report(reports, r, run_id);
            failpoint("reports.copy");
        }
    reports.complete();
}

} // namespace etl::load
