#include "report/export_writer.hpp"

#include "core/errors.hpp"

namespace etl::report {

namespace {

nlohmann::json text_or_null(std::string const &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

template <typename T> nlohmann::json opt(std::optional<T> const &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json();
}

nlohmann::json date_or_null(std::optional<civil_date> const &d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(); }

nlohmann::json count_json(std::optional<casualty_count> const &c)
{
    if (!c)
        return nullptr;
    nlohmann::json j{{"value", c->value}, {"qualifier", std::string(to_string(c->qualifier))}};
    if (!c->text.empty())
        j["text"] = c->text;
    return j;
}

nlohmann::json range_json(count_range const &r)
{
    return {{"low", opt(r.low)}, {"best", opt(r.best)}, {"high", opt(r.high)}};
}

void put_date(nlohmann::json &j, std::optional<date_range> const &d, bool with_range)
{
    j["date"] = d ? nlohmann::json(d->label()) : nlohmann::json();
    j["date_precision"] = d ? nlohmann::json(std::string(to_string(d->precision))) : nlohmann::json();
    if (with_range) {
        j["date_start"] = d ? nlohmann::json(d->start.iso()) : nlohmann::json();
        j["date_end"] = d ? nlohmann::json(d->end.iso()) : nlohmann::json();
    }
}

void put_place(nlohmann::json &j, place const &p, bool with_coordinates)
{
    j["country"] = text_or_null(p.country);
    j["admin1"] = text_or_null(p.admin1);
    j["city"] = text_or_null(p.city);
    if (with_coordinates) {
        j["latitude"] = opt(p.latitude);
        j["longitude"] = opt(p.longitude);
        j["geo_precision"] = std::string(to_string(p.precision));
    }
}


std::string csv_value(nlohmann::json const &v)
{
    if (v.is_null())
        return "";
    if (v.is_string())
        return csv_field(v.get<std::string>());
    return v.dump();
}

} // namespace

std::string csv_field(std::string const &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char const c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

export_format parse_export_format(std::string const &name)
{
    if (name == "jsonl")
        return export_format::jsonl;
    if (name == "csv")
        return export_format::csv;
    throw usage_error("unknown export format '" + name + "' (jsonl or csv)");
}

nlohmann::json report_to_json(incident_report const &rep)
{
    nlohmann::json j;
    j["article_id"] = rep.article_id;
    j["source"] = text_or_null(rep.source);
    j["published"] = date_or_null(rep.published);
    put_date(j, rep.date, false);
    put_place(j, rep.location, false);
    j["attacker"] = text_or_null(rep.attacker);
    j["attacker_status"] = std::string(to_string(rep.attacker_status));
    j["attack_type"] = text_or_null(rep.attack_type);
    j["target_type"] = text_or_null(rep.target_type);
    j["killed"] = count_json(rep.killed);
    j["injured"] = count_json(rep.injured);
    j["kidnapped"] = count_json(rep.kidnapped);
    j["perpetrators_killed"] = count_json(rep.perpetrators_killed);
    j["evidence"] = rep.evidence;
    j["evidence_span"] = {rep.evidence_begin, rep.evidence_end};
    if (!rep.explanations.empty()) {
        auto &ex = j["explain"] = nlohmann::json::array();
        for (auto const &e : rep.explanations)
            ex.push_back({{"field", e.field}, {"rule", e.rule}, {"matched", e.matched}});
    }
    return j;
}

nlohmann::json incident_to_json(incident const &inc)
{
    nlohmann::json j;
    j["incident_id"] = inc.id;
    put_date(j, inc.date, true);
    put_place(j, inc.location, true);
    j["attacker"] = text_or_null(inc.attacker);
    j["attacker_status"] = std::string(to_string(inc.attacker_status));
    j["attack_type"] = text_or_null(inc.attack_type);
    j["target_type"] = text_or_null(inc.target_type);
    j["killed"] = range_json(inc.killed);
    j["injured"] = range_json(inc.injured);
    j["source_count"] = inc.reports.size();
    j["first_reported"] = date_or_null(inc.first_reported);
    j["last_reported"] = date_or_null(inc.last_reported);
    auto &reports = j["reports"] = nlohmann::json::array();
    for (auto const &r : inc.reports)
        reports.push_back(report_to_json(r));
    return j;
}

std::vector<std::string> const &csv_columns()
{
    static std::vector<std::string> const columns{
        "incident_id", "date",        "date_precision", "date_start",  "date_end",    "country",
        "admin1",      "city",        "latitude",       "longitude",   "geo_precision", "attacker",
        "attacker_status", "attack_type", "target_type", "killed_low", "killed_best", "killed_high",
        "injured_low", "injured_best", "injured_high",  "source_count", "first_reported", "last_reported"};
    return columns;
}

export_writer::export_writer(std::ostream &out, export_format format) : m_out(out), m_format(format)
{
    if (m_format == export_format::csv) {
        auto const &cols = csv_columns();
        for (std::size_t i = 0; i < cols.size(); ++i)
            m_out << (i ? "," : "") << cols[i];
        m_out << '\n';
    }
}

void export_writer::write(incident const &inc)
{
    auto const j = incident_to_json(inc);
    if (m_format == export_format::jsonl) {
        m_out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        auto const &cols = csv_columns();
        for (std::size_t i = 0; i < cols.size(); ++i) {
            auto const &name = cols[i];
            nlohmann::json v;
            if (name.rfind("killed_", 0) == 0)
                v = j["killed"][name.substr(7)];
            else if (name.rfind("injured_", 0) == 0)
                v = j["injured"][name.substr(8)];
            else
                v = j[name];
            m_out << (i ? "," : "") << csv_value(v);
        }
        m_out << '\n';
    }
    ++m_written;
}

} // namespace etl::report
