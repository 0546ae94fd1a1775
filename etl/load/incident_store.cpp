#include "load/incident_store.hpp"

#include "core/failpoint.hpp"
#include "load/report_rows.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace etl::load {

namespace {

std::string const incident_columns =
    "incident_id, date_start, date_end, date_precision, country, admin1, city, latitude, longitude, "
    "geo_precision, attacker, attacker_status, attack_type, target_type, killed_low, killed_best, killed_high, "
    "injured_low, injured_best, injured_high, first_reported, last_reported";

std::optional<long> opt_long(pqxx::field const &f) { return f.is_null() ? std::nullopt : std::optional<long>(f.as<long>()); }

incident read_incident(pqxx::row const &row)
{
    incident inc;
    inc.id = row[0].c_str();
    auto const start = date_field(row[1]);
    auto const end = date_field(row[2]);
    if (start && end)
        inc.date = date_range{*start, *end, parse_date_precision(field_text(row[3])).value_or(date_precision::day)};
    inc.location.country = field_text(row[4]);
    inc.location.admin1 = field_text(row[5]);
    inc.location.city = field_text(row[6]);
    if (!row[7].is_null())
        inc.location.latitude = row[7].as<double>();
    if (!row[8].is_null())
        inc.location.longitude = row[8].as<double>();
    inc.location.precision = parse_geo_precision(field_text(row[9])).value_or(geo_precision::none);
    inc.attacker = field_text(row[10]);
    inc.attacker_status = parse_claim_status(field_text(row[11])).value_or(claim_status::none);
    inc.attack_type = field_text(row[12]);
    inc.target_type = field_text(row[13]);
    inc.killed = {opt_long(row[14]), opt_long(row[15]), opt_long(row[16])};
    inc.injured = {opt_long(row[17]), opt_long(row[18]), opt_long(row[19])};
    inc.first_reported = date_field(row[20]);
    inc.last_reported = date_field(row[21]);
    return inc;
}

/// Member reports of the given incidents, keyed by incident id.
std::map<std::string, std::vector<incident_report>> member_reports(pqxx::transaction_base &tx,
                                                                   std::vector<std::string> const &ids)
{
    std::map<std::string, std::vector<incident_report>> out;
    // In slices, so that libpq's copy of the rows stays small next to the reports built from them
    // (a night's candidates can be hundreds of thousands of reports).
    constexpr std::size_t slice = 4096;
    for (std::size_t begin = 0; begin < ids.size(); begin += slice) {
        std::vector<std::string> const part(ids.begin() + static_cast<long>(begin),
                                            ids.begin() + static_cast<long>(std::min(ids.size(), begin + slice)));
        auto const rows = tx.exec_params("select l.incident_id, " + report_select_list() +
                                             " from report_links l"
                                             " join incident_reports r using (article_id, ordinal)"
                                             " join articles a using (article_id)"
                                             " where l.incident_id = any($1::text[])"
                                             " order by l.incident_id, r.article_id, r.ordinal",
                                         text_array(part));
        for (auto const &row : rows)
            out[row[0].c_str()].push_back(read_report(row, 1));
    }
    return out;
}

} // namespace

std::vector<incident_report> unlinked_reports(pqxx::transaction_base &tx)
{
    std::vector<incident_report> out;
    auto const rows = tx.exec("select " + report_select_list() +
                              " from incident_reports r join articles a using (article_id)"
                              " where not exists (select 1 from report_links l"
                              "   where l.article_id = r.article_id and l.ordinal = r.ordinal)"
                              " order by r.article_id, r.ordinal");
    out.reserve(rows.size());
    for (auto const &row : rows)
        out.push_back(read_report(row));
    return out;
}

std::vector<incident> candidate_incidents(pqxx::transaction_base &tx, std::vector<incident_report> const &reports,
                                          int slack_days, std::vector<std::string> const &also)
{
    std::set<std::string> countries;
    std::optional<civil_date> low, high;
    for (auto const &r : reports) {
        if (!r.location.country.empty())
            countries.insert(r.location.country);
        if (r.date) {
            if (!low || r.date->start < *low)
                low = r.date->start;
            if (!high || *high < r.date->end)
                high = r.date->end;
        }
    }
    std::optional<std::string> from, to;
    if (low && high) {
        from = low->plus_days(-slack_days).iso();
        to = high->plus_days(slack_days).iso();
    }
    auto const rows = tx.exec_params(
        "select " + incident_columns +
            " from incidents where needs_refresh or incident_id = any($4::text[])"
            " or (country = any($1::text[]) and (date_start is null or $2::date is null"
            "     or (date_start <= $3::date and date_end >= $2::date)))"
            " order by incident_id",
        text_array({countries.begin(), countries.end()}), from, to, text_array(also));
    std::vector<incident> out;
    std::vector<std::string> ids;
    for (auto const &row : rows) {
        out.push_back(read_incident(row));
        ids.push_back(out.back().id);
    }
    auto members = member_reports(tx, ids);
    for (auto &inc : out)
        inc.reports = std::move(members[inc.id]);
    return out;
}

std::vector<std::string> existing_incident_ids(pqxx::transaction_base &tx, std::vector<std::string> const &ids)
{
    std::vector<std::string> out;
    for (auto const &row : tx.exec_params("select incident_id from incidents where incident_id = any($1::text[])",
                                          text_array(ids)))
        out.emplace_back(row[0].c_str());
    return out;
}

std::vector<std::string> incidents_needing_refresh(pqxx::transaction_base &tx)
{
    std::vector<std::string> ids;
    for (auto const &row : tx.exec("select incident_id from incidents where needs_refresh order by incident_id"))
        ids.emplace_back(row[0].c_str());
    return ids;
}

save_counts save_incidents(pqxx::work &tx, std::vector<incident> const &incidents, long run_id,
                           link_reasons const &reasons)
{
    save_counts counts;
    tx.exec0("create temp table if not exists staged_incidents (like incidents) on commit delete rows");
    tx.exec0("create temp table if not exists staged_links (like report_links) on commit delete rows");
    {
        pqxx::stream_to stream(
            tx, "staged_incidents",
            std::vector<std::string>{"incident_id", "date_start", "date_end", "date_precision", "country", "admin1",
                                     "city", "latitude", "longitude", "geo_precision", "attacker", "attacker_status",
                                     "attack_type", "target_type", "killed_low", "killed_best", "killed_high",
                                     "injured_low", "injured_best", "injured_high", "source_count", "first_reported",
                                     "last_reported", "needs_refresh", "created_run", "updated_run"});
        for (auto const &inc : incidents) {
            if (inc.reports.empty())
                continue;
            std::optional<civil_date> start, end;
            std::optional<std::string> precision;
            if (inc.date) {
                start = inc.date->start;
                end = inc.date->end;
                precision = std::string(to_string(inc.date->precision));
            }
            auto const &p = inc.location;
            stream << std::make_tuple(inc.id, date_text(start), date_text(end), precision, text_or_null(p.country),
                                      text_or_null(p.admin1), text_or_null(p.city), p.latitude, p.longitude,
                                      std::string(to_string(p.precision)), text_or_null(inc.attacker),
                                      std::string(to_string(inc.attacker_status)), text_or_null(inc.attack_type),
                                      text_or_null(inc.target_type), inc.killed.low, inc.killed.best, inc.killed.high,
                                      inc.injured.low, inc.injured.best, inc.injured.high,
                                      static_cast<long>(inc.reports.size()), date_text(inc.first_reported),
                                      date_text(inc.last_reported), false, run_id, run_id);
            failpoint("incidents.copy");
        }
        stream.complete();
    }
    {
        pqxx::stream_to stream(tx, "staged_links",
                               std::vector<std::string>{"article_id", "ordinal", "incident_id", "linked_run", "score",
                                                        "join_evidence"});
        for (auto const &inc : incidents)
            for (auto const &r : inc.reports) {
                std::optional<double> score;
                std::optional<std::string> evidence;
                if (auto const it = reasons.find(r.article_id + "#" + std::to_string(r.ordinal)); it != reasons.end()) {
                    score = it->second.score;
                    evidence = it->second.evidence_json;
                }
                stream << std::make_tuple(r.article_id, r.ordinal, inc.id, run_id, score, evidence);
            }
        stream.complete();
    }
    auto const upserted = tx.exec(
        "insert into incidents select * from staged_incidents on conflict (incident_id) do update set"
        " date_start = excluded.date_start, date_end = excluded.date_end, date_precision = excluded.date_precision,"
        " country = excluded.country, admin1 = excluded.admin1, city = excluded.city,"
        " latitude = excluded.latitude, longitude = excluded.longitude, geo_precision = excluded.geo_precision,"
        " attacker = excluded.attacker, attacker_status = excluded.attacker_status,"
        " attack_type = excluded.attack_type, target_type = excluded.target_type,"
        " killed_low = excluded.killed_low, killed_best = excluded.killed_best, killed_high = excluded.killed_high,"
        " injured_low = excluded.injured_low, injured_best = excluded.injured_best,"
        " injured_high = excluded.injured_high, source_count = excluded.source_count,"
        " first_reported = excluded.first_reported, last_reported = excluded.last_reported,"
        " needs_refresh = false, updated_run = excluded.updated_run"
        " returning (xmax = 0) as inserted");
    for (auto const &row : upserted)
        (row[0].as<bool>() ? counts.created : counts.updated)++;
    // A report that moved to another incident gets a new link; an unchanged link is kept with its
    // run and reason. Written without ON CONFLICT so that it also works where (article_id,
    // ordinal) cannot be a unique key (Citus, docs/scaling.md).
    tx.exec0("delete from report_links l using staged_links s"
             " where l.article_id = s.article_id and l.ordinal = s.ordinal and l.incident_id <> s.incident_id");
    tx.exec0("insert into report_links (article_id, ordinal, incident_id, linked_run, score, join_evidence)"
             " select s.article_id, s.ordinal, s.incident_id, s.linked_run, s.score, s.join_evidence from staged_links s"
             " where not exists (select 1 from report_links l where l.article_id = s.article_id"
             " and l.ordinal = s.ordinal)");
    counts.deleted = static_cast<long>(
        tx.exec0("delete from incidents i where not exists"
                 " (select 1 from report_links l where l.incident_id = i.incident_id)")
            .affected_rows());
    return counts;
}

std::vector<stored_link> links_of(pqxx::transaction_base &tx, std::string const &incident_id)
{
    std::vector<stored_link> out;
    for (auto const &row : tx.exec_params("select article_id, ordinal, linked_run, score, coalesce(join_evidence::text, '')"
                                          " from report_links where incident_id = $1 order by article_id, ordinal",
                                          incident_id))
        out.push_back({row[0].c_str(), row[1].as<int>(), row[2].as<long>(),
                       row[3].is_null() ? std::nullopt : std::optional<double>(row[3].as<double>()), row[4].c_str()});
    return out;
}

void move_links(pqxx::work &tx, std::string const &from, std::string const &to, std::string const &evidence_json,
                long run_id)
{
    tx.exec_params0("update report_links set incident_id = $2, score = null, join_evidence = $3::jsonb,"
                    " linked_run = $4 where incident_id = $1",
                    from, to, evidence_json, run_id);
    mark_needs_refresh(tx, to);
}

void unlink_reports(pqxx::work &tx, std::vector<std::pair<std::string, int>> const &reports)
{
    for (auto const &[article, ordinal] : reports)
        tx.exec_params0("with gone as (delete from report_links where article_id = $1 and ordinal = $2"
                        " returning incident_id)"
                        " update incidents set needs_refresh = true where incident_id in (select incident_id from gone)",
                        article, ordinal);
}

void mark_needs_refresh(pqxx::work &tx, std::string const &incident_id)
{
    tx.exec_params0("update incidents set needs_refresh = true where incident_id = $1", incident_id);
}

void for_each_incident(pqxx::transaction_base &tx, std::function<void(incident const &)> const &visit)
{
    auto const incidents =
        tx.exec("select " + incident_columns + " from incidents order by date_start nulls last, incident_id");
    auto const reports = tx.exec("select l.incident_id, " + report_select_list() +
                                 " from report_links l"
                                 " join incident_reports r using (article_id, ordinal)"
                                 " join articles a using (article_id)"
                                 " order by l.incident_id, a.published nulls last, r.article_id, r.ordinal");
    std::map<std::string, std::vector<incident_report>> by_incident;
    for (auto const &row : reports)
        by_incident[row[0].c_str()].push_back(read_report(row, 1));
    for (auto const &row : incidents) {
        auto inc = read_incident(row);
        inc.reports = std::move(by_incident[inc.id]);
        visit(inc);
    }
}

std::optional<incident> find_incident(pqxx::transaction_base &tx, std::string const &incident_id)
{
    auto const rows = tx.exec_params("select " + incident_columns + " from incidents where incident_id = $1", incident_id);
    if (rows.empty())
        return std::nullopt;
    auto inc = read_incident(rows[0]);
    inc.reports = std::move(member_reports(tx, {inc.id})[inc.id]);
    return inc;
}

} // namespace etl::load
