// merge, split and explain-incident: the analyst's review of deduplication (etl/review.hpp).
#include "cli/commands.hpp"

#include "core/logging.hpp"
#include "load/database.hpp"
#include "load/migrations.hpp"
#include "load/run_log.hpp"
#include "load/runner_lock.hpp"
#include "review.hpp"

#include <iostream>

namespace etl::cli {

namespace {

/// Connects to the configured database, which must have the current schema.
std::unique_ptr<pqxx::connection> open_database(etl_config const &cfg, bool url_from_flag)
{
    auto const target = load::resolve_connection(cfg, url_from_flag);
    auto conn = load::connect(cfg, target);
    load::require_current_schema(*conn, cfg.database.schema_dir);
    return conn;
}

void count(load::run_counts &counts, load::save_counts const &saved)
{
    counts.incidents_created = saved.created;
    counts.incidents_updated = saved.updated;
    counts.incidents_deleted = saved.deleted;
}

/// Runs a change to incidents as a run of its own in etl_runs (report links name the run that
/// made them), recording a failure before passing it on.
template <typename Change>
void as_recorded_run(pqxx::connection &conn, etl_config const &cfg, std::vector<std::string> const &what, Change change)
{
    auto const run_id = load::start_run(conn, what, cfg.hash());
    load::run_counts counts;
    try {
        change(run_id, counts);
    } catch (std::exception const &e) {
        try {
            load::finish_run(conn, run_id, "failed", counts, e.what());
        } catch (std::exception const &) {
            // the connection itself is gone: the run stays 'running' in etl_runs
        }
        throw;
    }
    load::finish_run(conn, run_id, "completed", counts);
}

} // namespace

std::string command_merge::description() const
{
    return "Records that the incidents are one real event and merges them into the first one given, which keeps\n"
           "its id: every report of the others is recorded in dedup_overrides as 'same' as the first incident's\n"
           "founding report, so later runs keep them together; earlier 'different' decisions between them are\n"
           "dropped. The canonical values are recomputed. Recorded as a run in etl_runs.";
}

void command_merge::add_options(po::options_description &options, po::positional_options_description &positional)
{
    options.add_options()("incident", po::value<std::vector<std::string>>(&m_ids)->required()->value_name("ID"),
                          "incident ids, the one to keep first (also positional)")(
        "note", po::value<std::string>(&m_note)->value_name("TEXT"), "why, stored with the decision")(
        "wait", po::bool_switch(&m_wait), "wait for a run, merge or split in progress instead of exiting with 4");
    positional.add("incident", -1);
}

int command_merge::run()
{
    auto conn = open_database(config(), database_url_from_flag());
    load::runner_lock const lock(*conn, m_wait);
    std::vector<std::string> what{"merge"};
    what.insert(what.end(), m_ids.begin(), m_ids.end());
    as_recorded_run(*conn, config(), what, [&](long run_id, load::run_counts &counts) {
        auto const outcome = merge_incidents(config(), *conn, m_ids, m_note, run_id);
        count(counts, outcome.saved);
        log_info("merged ", m_ids.size() - 1, " incident(s) into ", outcome.incident_id, ": ", outcome.reports_moved,
                 " report(s) moved, ", outcome.decisions, " 'same' decision(s) recorded");
        std::cout << outcome.incident_id << "\n";
    });
    return exit_ok;
}

std::string command_split::description() const
{
    return "Records that the given reports are not the incident they are in: each is recorded in dedup_overrides\n"
           "as 'different' from every report that stays, so no later run puts them back. The reports are then\n"
           "deduplicated again: together they may form a new incident or join another one. Prints the ids of\n"
           "the incidents that hold them afterwards. Recorded as a run in etl_runs.";
}

void command_split::add_options(po::options_description &options, po::positional_options_description &positional)
{
    options.add_options()("incident", po::value<std::string>(&m_id)->required()->value_name("ID"),
                          "the incident to split (also positional)")(
        "report", po::value<std::vector<std::string>>(&m_report_args)->required()->value_name("ARTICLE_ID#ORDINAL"),
        "a report to take out (repeatable), as explain-incident lists it")(
        "note", po::value<std::string>(&m_note)->value_name("TEXT"), "why, stored with the decisions")(
        "wait", po::bool_switch(&m_wait), "wait for a run, merge or split in progress instead of exiting with 4");
    positional.add("incident", 1);
}

void command_split::validate(po::variables_map const &)
{
    m_reports.clear();
    for (auto const &arg : m_report_args)
        m_reports.push_back(parse_report_ref(arg));
}

int command_split::run()
{
    auto conn = open_database(config(), database_url_from_flag());
    load::runner_lock const lock(*conn, m_wait);
    std::vector<std::string> what{"split", m_id};
    what.insert(what.end(), m_report_args.begin(), m_report_args.end());
    as_recorded_run(*conn, config(), what, [&](long run_id, load::run_counts &counts) {
        auto const outcome = split_incident(config(), *conn, m_id, m_reports, m_note, run_id);
        count(counts, outcome.saved);
        log_info("split ", m_reports.size(), " report(s) out of ", m_id, ": ", outcome.decisions,
                 " 'different' decision(s) recorded; now in ", outcome.now_in.size(), " incident(s)");
        for (auto const &id : outcome.now_in)
            std::cout << id << "\n";
    });
    return exit_ok;
}

std::string command_explain_incident::description() const
{
    return "Prints an incident's canonical values; each member report with its figures, evidence and the stored\n"
           "reason it joined (the union's average and its pair scores, field by field); and the analysts'\n"
           "decisions about its reports. With --all-pairs, also every pair of reports (of the first 30) scored\n"
           "again with the current dedup settings.";
}

void command_explain_incident::add_options(po::options_description &options,
                                           po::positional_options_description &positional)
{
    options.add_options()("incident", po::value<std::string>(&m_id)->required()->value_name("ID"),
                          "the incident (also positional)")(
        "all-pairs", po::bool_switch(&m_all_pairs), "score every pair of its reports with the current settings");
    positional.add("incident", 1);
}

int command_explain_incident::run()
{
    auto conn = open_database(config(), database_url_from_flag());
    std::cout << explain_incident(config(), *conn, m_id, m_all_pairs);
    return exit_ok;
}

} // namespace etl::cli
