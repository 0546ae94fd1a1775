#include "load/run_log.hpp"

#include "core/logging.hpp"
#include "load/report_rows.hpp"

namespace etl::load {

long start_run(pqxx::connection &conn, std::vector<std::string> const &inputs, std::string const &config_hash)
{
    pqxx::work tx(conn);
    auto const array = text_array(inputs);
    auto const row = tx.exec_params1("insert into etl_runs (inputs, config_hash, program_version)"
                                     " values ($1::text[], $2, $3) returning run_id",
                                     array, config_hash, std::string(ETL_VERSION));
    auto const run_id = row[0].as<long>();
    auto const abandoned = tx.exec_params(
        "update etl_runs set status = 'abandoned', error = 'the process ended without recording an outcome"
        " (killed, crashed, or lost its database connection for good); noticed by run ' || $1"
        " where status = 'running' and run_id <> $1 returning run_id",
        run_id);
    tx.commit();
    for (auto const &r : abandoned)
        log_warn("run ", r[0].c_str(), " ended without recording an outcome (killed or crashed); marked abandoned."
                 " Its committed batches are kept and this run finishes its work");
    return run_id;
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

std::vector<run_record> recent_runs(pqxx::connection &conn, int limit)
{
    pqxx::read_transaction tx(conn);
    auto const rows = tx.exec_params(
        "select r.run_id, to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
        " extract(epoch from r.finished_at - r.started_at), r.status, array_to_string(r.inputs, ', '),"
        " r.articles_read, r.articles_new, r.articles_changed, r.articles_unchanged, r.articles_rejected,"
        " r.reports_extracted, r.incidents_created, r.incidents_updated, r.incidents_deleted, r.quality_failures,"
        " (select count(*) from rejected_inputs j where j.run_id = r.run_id), coalesce(r.error, '')"
        " from etl_runs r order by r.run_id desc limit $1",
        limit);
    std::vector<run_record> out;
    for (auto const &row : rows) {
        run_record r;
        r.run_id = row[0].as<long>();
        r.started = row[1].c_str();
        if (!row[2].is_null())
            r.seconds = row[2].as<double>();
        r.status = row[3].c_str();
        r.inputs = row[4].c_str();
        auto &c = r.counts;
        c.articles_read = row[5].as<long>();
        c.articles_new = row[6].as<long>();
        c.articles_changed = row[7].as<long>();
        c.articles_unchanged = row[8].as<long>();
        c.articles_rejected = row[9].as<long>();
        c.reports_extracted = row[10].as<long>();
        c.incidents_created = row[11].as<long>();
        c.incidents_updated = row[12].as<long>();
        c.incidents_deleted = row[13].as<long>();
        if (!row[14].is_null())
            c.quality_failures = row[14].as<long>();
        r.rejections = row[15].as<long>();
        r.error = row[16].c_str();
        out.push_back(std::move(r));
    }
    return out;
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
