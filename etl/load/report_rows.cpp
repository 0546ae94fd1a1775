#include "load/report_rows.hpp"

#include <nlohmann/json.hpp>

namespace etl::load {

namespace {

std::optional<long> count_value(std::optional<casualty_count> const &c)
{
    return c ? std::optional<long>(c->value) : std::nullopt;
}

std::optional<std::string> count_qualifier_text(std::optional<casualty_count> const &c)
{
    return c ? std::optional<std::string>(std::string(to_string(c->qualifier))) : std::nullopt;
}

std::optional<std::string> count_text(std::optional<casualty_count> const &c)
{
    return c && !c->text.empty() ? std::optional<std::string>(c->text) : std::nullopt;
}

std::optional<casualty_count> read_count(pqxx::field const &value, pqxx::field const &qualifier)
{
    if (value.is_null())
        return std::nullopt;
    casualty_count c;
    c.value = value.as<long>();
    c.qualifier = parse_count_qualifier(qualifier.is_null() ? "exact" : qualifier.c_str())
                      .value_or(count_qualifier::exact);
    return c;
}

std::string explanations_json(std::vector<field_explanation> const &ex)
{
    auto j = nlohmann::json::array();
    for (auto const &e : ex)
        j.push_back({{"field", e.field}, {"rule", e.rule}, {"matched", e.matched}});
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<field_explanation> read_explanations(pqxx::field const &f)
{
    std::vector<field_explanation> out;
    if (f.is_null())
        return out;
    auto const j = nlohmann::json::parse(f.c_str(), nullptr, false);
    if (!j.is_array())
        return out;
    for (auto const &e : j)
        out.push_back({e.value("field", ""), e.value("rule", ""), e.value("matched", "")});
    return out;
}

} // namespace

std::string text_array(std::vector<std::string> const &values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (char const c : values[i]) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

std::optional<std::string> text_or_null(std::string const &s)
{
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::optional<std::string> date_text(std::optional<civil_date> const &d)
{
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

std::optional<civil_date> date_field(pqxx::field const &f)
{
    return f.is_null() ? std::nullopt : civil_date::parse_iso(f.c_str());
}

std::string field_text(pqxx::field const &f) { return f.is_null() ? std::string() : std::string(f.c_str()); }

std::vector<std::string> const &report_columns()
{
    static std::vector<std::string> const cols{
        "article_id", "ordinal", "date_start", "date_end", "date_precision", "country", "admin1", "city",
        "latitude", "longitude", "geo_precision", "attacker", "attacker_status", "attack_type", "target_type",
        "killed", "killed_qualifier", "killed_text", "injured", "injured_qualifier", "injured_text", "kidnapped",
        "kidnapped_qualifier", "perpetrators_killed", "evidence", "evidence_start", "evidence_end",
        "explanations", "extracted_run"};
    return cols;
}

void write_report(pqxx::stream_to &stream, incident_report const &r, long run_id)
{
    std::optional<civil_date> start, end;
    std::optional<std::string> precision;
    if (r.date) {
        start = r.date->start;
        end = r.date->end;
        precision = std::string(to_string(r.date->precision));
    }
    stream << std::make_tuple(
        r.article_id, r.ordinal, date_text(start), date_text(end), precision, text_or_null(r.location.country),
        text_or_null(r.location.admin1), text_or_null(r.location.city), r.location.latitude, r.location.longitude,
        std::string(to_string(r.location.precision)), text_or_null(r.attacker),
        std::string(to_string(r.attacker_status)), text_or_null(r.attack_type), text_or_null(r.target_type),
        count_value(r.killed), count_qualifier_text(r.killed), count_text(r.killed), count_value(r.injured),
        count_qualifier_text(r.injured), count_text(r.injured), count_value(r.kidnapped),
        count_qualifier_text(r.kidnapped), count_value(r.perpetrators_killed), r.evidence,
        static_cast<long>(r.evidence_begin), static_cast<long>(r.evidence_end), explanations_json(r.explanations),
        run_id);
}

std::string const &report_select_list()
{
    static std::string const list =
        "r.article_id, r.ordinal, a.source, a.published, r.date_start, r.date_end, r.date_precision, r.country, "
        "r.admin1, r.city, r.latitude, r.longitude, r.geo_precision, r.attacker, r.attacker_status, "
        "r.attack_type, r.target_type, r.killed, r.killed_qualifier, r.killed_text, r.injured, "
        "r.injured_qualifier, r.injured_text, r.kidnapped, r.kidnapped_qualifier, r.perpetrators_killed, "
        "r.evidence, r.evidence_start, r.evidence_end, r.explanations";
    return list;
}

incident_report read_report(pqxx::row const &row, pqxx::row::size_type i)
{
    incident_report r;
    r.article_id = row[i + 0].c_str();
    r.ordinal = row[i + 1].as<int>();
    r.source = field_text(row[i + 2]);
    r.published = date_field(row[i + 3]);
    auto const start = date_field(row[i + 4]);
    auto const end = date_field(row[i + 5]);
    if (start && end && !row[i + 6].is_null())
        r.date = date_range{*start, *end, parse_date_precision(row[i + 6].c_str()).value_or(date_precision::day)};
    r.location.country = field_text(row[i + 7]);
    r.location.admin1 = field_text(row[i + 8]);
    r.location.city = field_text(row[i + 9]);
    if (!row[i + 10].is_null())
        r.location.latitude = row[i + 10].as<double>();
    if (!row[i + 11].is_null())
        r.location.longitude = row[i + 11].as<double>();
    r.location.precision = parse_geo_precision(field_text(row[i + 12])).value_or(geo_precision::none);
    r.attacker = field_text(row[i + 13]);
    r.attacker_status = parse_claim_status(field_text(row[i + 14])).value_or(claim_status::none);
    r.attack_type = field_text(row[i + 15]);
    r.target_type = field_text(row[i + 16]);
    r.killed = read_count(row[i + 17], row[i + 18]);
    if (r.killed)
        r.killed->text = field_text(row[i + 19]);
    r.injured = read_count(row[i + 20], row[i + 21]);
    if (r.injured)
        r.injured->text = field_text(row[i + 22]);
    r.kidnapped = read_count(row[i + 23], row[i + 24]);
    if (!row[i + 25].is_null())
        r.perpetrators_killed = casualty_count{row[i + 25].as<long>(), count_qualifier::exact, {}};
    r.evidence = field_text(row[i + 26]);
    r.evidence_begin = row[i + 27].as<std::size_t>();
    r.evidence_end = row[i + 28].as<std::size_t>();
    r.explanations = read_explanations(row[i + 29]);
    return r;
}

} // namespace etl::load
