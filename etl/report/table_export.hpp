#pragma once
// SQL out: any mart of the analysis layer (docs/analysis.md) as CSV or JSON Lines, streamed
// through a cursor so a table of millions of rows needs no more memory than one batch.

#include "report/export_writer.hpp"

#include <pqxx/pqxx>

#include <ostream>
#include <string>
#include <vector>

namespace etl::report {

/// The marts that can be exported (schema marts), sorted.
std::vector<std::string> exportable_tables(pqxx::transaction_base &tx);

/// Writes marts.<table>: CSV with a header row (PostgreSQL's text form of each value, arrays as
/// {a,b}), or one JSON object per row with typed values. Throws usage_error naming the tables
/// when `table` is not one of them. Returns the number of rows written.
std::size_t export_table(pqxx::transaction_base &tx, std::string const &table, export_format format,
                         std::ostream &out);

} // namespace etl::report
