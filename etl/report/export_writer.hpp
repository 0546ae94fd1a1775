#pragma once
// Stage 6, SQL out: writes incidents in the export format (docs/export-format.md): JSON Lines
// with every report nested, or CSV with one row per incident.

#include "core/incident.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace etl::report {

enum class export_format { jsonl, csv };

/// "jsonl" or "csv"; throws usage_error otherwise.
export_format parse_export_format(std::string const &name);

nlohmann::json incident_to_json(incident const &inc);
nlohmann::json report_to_json(incident_report const &rep);

class export_writer {
public:
    export_writer(std::ostream &out, export_format format);
    void write(incident const &inc);
    std::size_t written() const { return m_written; }

private:
    std::ostream &m_out;
    export_format m_format;
    std::size_t m_written = 0;
};

/// A CSV field, quoted (quotes doubled) when it holds a comma, a quote or a line break.
std::string csv_field(std::string const &s);

/// The CSV column names, in order.
std::vector<std::string> const &csv_columns();

} // namespace etl::report
