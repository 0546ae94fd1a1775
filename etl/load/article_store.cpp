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
    std::vector<std::string> const columns{"article_id", "source",      "url",            "published",       "title",
                                           "body",       "text_sha256", "first_seen_run", "last_changed_run"};
    auto const write_articles = [&](std::string const &table) {
        pqxx::stream_to stream(tx, table, columns);
        for (auto const &e : batch) {
            stream << std::make_tuple(e.art.id, text_or_null(e.art.source), text_or_null(e.art.url),
                                      date_text(e.art.published), text_or_null(e.art.title), e.art.text,
                                      e.text_sha256, run_id, run_id);
            failpoint("articles.copy");
        }
        stream.complete();
    };

    // Checked here, in the batch's transaction, not by the caller: a batch retried after a commit
    // that went through unseen finds its articles stored and takes the upsert path.
    bool const any_stored =
        tx.exec_params1("select exists (select 1 from articles where article_id = any($1::text[]))", id_array)[0]
            .as<bool>();
    if (!any_stored) {
        // the nightly case, all new: straight into the table, nothing to replace
        write_articles("articles");
    } else {
        tx.exec_params0("update incidents set needs_refresh = true where incident_id in"
                        " (select incident_id from report_links where article_id = any($1::text[]))",
                        id_array);
        tx.exec_params0("delete from incident_reports where article_id = any($1::text[])", id_array);
        tx.exec0("create temp table if not exists staged_articles (like articles) on commit delete rows");
        write_articles("staged_articles");
        tx.exec0("insert into articles select * from staged_articles on conflict (article_id) do update set"
                 " source = excluded.source, url = excluded.url, published = excluded.published,"
                 " title = excluded.title, body = excluded.body, text_sha256 = excluded.text_sha256,"
                 " last_changed_run = excluded.last_changed_run");
    }

    pqxx::stream_to reports(tx, "incident_reports", report_columns());
    for (auto const &e : batch)
        for (auto const &r : e.reports) {
            write_report(reports, r, run_id);
            failpoint("reports.copy");
        }
    reports.complete();
}

} // namespace etl::load
