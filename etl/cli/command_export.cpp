#include "cli/commands.hpp"

#include "core/errors.hpp"
#include "core/logging.hpp"
#include "load/database.hpp"
#include "load/incident_store.hpp"
#include "load/migrations.hpp"
#include "report/export_writer.hpp"
#include "report/table_export.hpp"

#include <fstream>
#include <iostream>

namespace etl::cli {

std::string command_export::description() const
{
    return "Writes every incident in the database in the export format (docs/export-format.md): JSON Lines\n"
           "with each incident's canonical values and its reports, or CSV with one row per incident.\n"
           "With --table, writes one mart of the analysis layer instead (docs/analysis.md): CSV with a header\n"
           "row, or one JSON object per row.";
}

void command_export::add_options(po::options_description &options, po::positional_options_description &)
{
    options.add_options()("output,o", po::value<std::string>(&m_output)->value_name("FILE"),
                          "write to FILE instead of standard output")(
        "format,f", po::value<std::string>(&m_format)->default_value("jsonl")->value_name("FORMAT"), "jsonl or csv")(
        "table,t", po::value<std::string>(&m_table)->value_name("NAME"),
        "a mart of schema marts (fct_incidents, dim_actor, agg_incidents_by_month_country, ...)");
}

void command_export::validate(po::variables_map const &) { report::parse_export_format(m_format); }

int command_export::run()
{
    auto const target = load::resolve_connection(config(), database_url_from_flag());
    auto conn = load::connect(config(), target);
    load::require_current_schema(*conn, config().database.schema_dir);
    std::ofstream file;
    if (!m_output.empty()) {
        file.open(m_output, std::ios::binary | std::ios::trunc);
        if (!file)
            throw etl_error("cannot write " + m_output);
    }
    std::ostream &out = m_output.empty() ? std::cout : file;
    auto const format = report::parse_export_format(m_format);
    pqxx::read_transaction tx(*conn);
    std::size_t written = 0;
    if (m_table.empty()) {
        report::export_writer writer(out, format);
        load::for_each_incident(tx, [&](incident const &inc) { writer.write(inc); });
        written = writer.written();
    } else {
        written = report::export_table(tx, m_table, format, out);
    }
    out.flush();
    if (!out)
        throw etl_error("writing the export failed" + (m_output.empty() ? std::string() : " (" + m_output + ")"));
    log_info("exported ", written, m_table.empty() ? " incidents" : " rows of marts." + m_table);
    return exit_ok;
}

} // namespace etl::cli
