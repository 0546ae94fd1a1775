#pragma once
// The mapping between incident_report and a row of incident_reports, both ways.

#include "core/incident_report.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace etl::load {

/// Columns written by write_report(), in order.
std::vector<std::string> const &report_columns();

/// Streams one report (COPY) into incident_reports.
void write_report(pqxx::stream_to &stream, incident_report const &rep, long run_id);

/// The select list that read_report() expects, with `r` as the incident_reports alias and `a` as
/// the articles alias.
std::string const &report_select_list();

/// Reads a report from a row selected with report_select_list(), starting at column `first`.
incident_report read_report(pqxx::row const &row, pqxx::row::size_type first = 0);

/// Helpers shared by the row mappings.
/// A PostgreSQL text[] literal, to pass a list as one parameter ($1::text[]).
std::string text_array(std::vector<std::string> const &values);
std::optional<std::string> text_or_null(std::string const &s);
std::optional<std::string> date_text(std::optional<civil_date> const &d);
std::optional<civil_date> date_field(pqxx::field const &f);
std::string field_text(pqxx::field const &f);

} // namespace etl::load
