#pragma once
// The content of a database as text, for comparing the result of an interrupted and re-run
// job with an uninterrupted one: every table of the data (articles, reports, incidents, links,
// analysts' decisions, reference data, rejections) and every materialized view of the marts,
// rows sorted. Left out is what records *when* and *by which run* rather than *what*: etl_runs
// itself, columns naming a run (`*_run`, `run_id`) or a time (`*_at`), and rejection ids. Rejections
// are compared as a set, since each run records the inputs it rejected again.

#include <pqxx/pqxx>

#include <string>

namespace etl::test {

std::string canonical_dump(pqxx::connection &conn);

} // namespace etl::test
