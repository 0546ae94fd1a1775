#include "load/run_log.hpp"

#include "load/report_rows.hpp"

namespace etl::load {

long start_run(pqxx::connection &conn, std::vector<std::string> const &inputs, std::string const &config_hash)
{
    pqxx::work tx(conn);
    auto const array = text_array(inputs);
    auto const row = tx.exec_params1("insert into etl_runs (inputs, config_hash, program_version)"
                                     " values ($1::text[], $2, $3) returning run_id",
                                     array, config_hash, std::string(ETL_VERSION));
    tx.commit();
    return row[0].as<long>();
}

void finish_run(pqxx::connection &conn, long run_id, std::string const &status, run_counts const &c,
                std::string const &error)
{
    pqxx::work tx(conn);
    tx.exec_params0("update etl_runs set finished_at = now(), status = $2, articles_read = $3, articles_new = $4,"
                    " articles_changed = $5, articles_unchanged = $6, articles_rejected = $7,"
                    " reports_extracted = $8, incidents_created = $9, incidents_updated = $10,"
                    " incidents_deleted = $11, error = $12, quality_failures = $13 where run_id = $1",
                    run_id, status, c.articles_read, c.articles_new, c.articles_changed, c.articles_unchanged,
                    c.articles_rejected, c.reports_extracted, c.incidents_created, c.incidents_updated,
                    c.incidents_deleted, error.empty() ? std::optional<std::string>() : std::optional<std::string>(error),
                    c.quality_failures);
    tx.commit();
}

void record_rejections(pqxx::work &tx, long run_id, std::vector<ingest::rejection> const &rejections)
{
    if (rejections.empty())
        return;
    pqxx::stream_to stream(tx, "rejected_inputs", std::vector<std::string>{"run_id", "input", "reason"});
    for (auto const &r : rejections)
        stream << std::make_tuple(run_id, r.input, r.reason);
    stream.complete();
}

} // namespace etl::load
