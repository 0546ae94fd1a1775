#include "report/table_export.hpp"

#include "core/errors.hpp"

#include <algorithm>

namespace etl::report {

namespace {

constexpr std::size_t batch_rows = 10000;

std::string joined(std::vector<std::string> const &names)
{
    std::string out;
    for (auto const &n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

std::vector<std::string> exportable_tables(pqxx::transaction_base &tx)
{
    std::vector<std::string> out;
    for (auto const &row : tx.exec("select matviewname from pg_matviews where schemaname = 'marts'"
                                   " union select viewname from pg_views where schemaname = 'marts'"
                                   " union select tablename from pg_tables where schemaname = 'marts' order by 1"))
        out.emplace_back(row[0].c_str());
    return out;
}

std::size_t export_table(pqxx::transaction_base &tx, std::string const &table, export_format format,
                         std::ostream &out)
{
    auto const tables = exportable_tables(tx);
    if (std::find(tables.begin(), tables.end(), table) == tables.end())
        throw usage_error("no mart named '" + table + "' (tables: " + joined(tables) + ")");
    std::string const source = "marts." + tx.quote_name(table);
    // JSON: PostgreSQL types each value (numbers, booleans, arrays, null) through to_jsonb.
    std::string const query = format == export_format::jsonl ? "select to_jsonb(t)::text from " + source + " t"
                                                             : "select * from " + source;
    if (format == export_format::csv) {
        auto const shape = tx.exec("select * from " + source + " limit 0");
        for (pqxx::row::size_type c = 0; c < shape.columns(); ++c)
            out << (c ? "," : "") << csv_field(shape.column_name(c));
        out << '\n';
    }
    pqxx::icursorstream cursor(tx, query, "table_export", batch_rows);
    std::size_t rows = 0;
    pqxx::result batch;
    while (cursor >> batch) {
        for (auto const &row : batch) {
            if (format == export_format::jsonl) {
                out << row[0].c_str() << '\n';
            } else {
                for (pqxx::row::size_type c = 0; c < row.size(); ++c)
                    out << (c ? "," : "") << (row[c].is_null() ? std::string() : csv_field(row[c].c_str()));
                out << '\n';
            }
            ++rows;
        }
    }
    return rows;
}

} // namespace etl::report
