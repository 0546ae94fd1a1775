#include "cli/commands.hpp"

#include "core/errors.hpp"
#include "core/failpoint.hpp"
#include "core/logging.hpp"
#include "core/stop_signal.hpp"
#include "load/analysis_layer.hpp"
#include "load/database.hpp"
#include "load/migrations.hpp"
#include "load/run_log.hpp"
#include "load/writer_session.hpp"
#include "pipeline.hpp"

namespace etl::cli {

std::string command_run::description() const
{
    return "Reads the inputs, extracts incident reports from new and changed articles, loads them, and\n"
           "deduplicates them against the incidents already in the database. Articles already loaded with\n"
           "the same text are skipped, so running the same input again changes nothing. Every run is\n"
           "recorded in etl_runs; unusable inputs in rejected_inputs.\n"
           "One writer at a time: while another run, merge or split changes the database, exits with 4\n"
           "(or waits, with --wait).\n"
           "Exit status: 0 done, 3 done with rejected inputs, 1 failed, 2 bad arguments or configuration,\n"
           "4 another writer is busy, 130/143 stopped by SIGINT/SIGTERM after the current batch (recorded as\n"
           "'interrupted'; run again to finish).";
}

void command_run::add_options(po::options_description &options, po::positional_options_description &positional)
{
    options.add_options()("input,i", po::value<std::vector<std::string>>(&m_inputs)->required()->value_name("PATH"),
                          "input file or directory: a manifest (.yaml), JSON Lines (.jsonl), a directory of "
                          ".txt/.html files, or a single file; repeatable, also positional")(
        "batch-size", po::value<std::size_t>()->value_name("N"), "articles per load transaction (overrides load.batch_size)")(
        "threads", po::value<unsigned>()->value_name("N"), "extraction threads, 0 = one per core (overrides extract.threads)")(
        "wait", po::bool_switch(&m_wait), "wait for another run, merge or split to finish instead of exiting with 4");
    positional.add("input", -1);
}

void command_run::validate(po::variables_map const &vm)
{
    m_overrides = config();
    if (vm.count("batch-size"))
        m_overrides.load.batch_size = std::max<std::size_t>(1, vm["batch-size"].as<std::size_t>());
    if (vm.count("threads"))
        m_overrides.extract.threads = vm["threads"].as<unsigned>();
}

int command_run::run()
{
    auto const &cfg = m_overrides;
    install_stop_handlers(); // before anything that can take long: connecting, waiting for the lock
    load::writer_session db(cfg, load::resolve_connection(cfg, database_url_from_flag()), m_wait);
    load::require_current_schema(db.conn(), cfg.database.schema_dir);
    load::require_current_analysis_layer(db.conn(), cfg.database.analysis_dir);
    log_info("run into ", db.target().description);
    auto const run_id = db.attempt("recording the run's start", [&](pqxx::connection &conn) {
        return load::start_run(conn, m_inputs, cfg.hash());
    });
    failpoint("run.started");
    load::run_counts counts;
    auto finish = [&](std::string const &status, std::string const &error = {}) {
        failpoint("run.before_finish");
        db.attempt("recording the run's outcome",
                   [&](pqxx::connection &conn) { load::finish_run(conn, run_id, status, counts, error); });
    };
    try {
        counts = run_into_database(cfg, db, m_inputs, run_id);
    } catch (busy_error const &) {
        throw; // the lock is lost to another writer: leave the run to be marked abandoned
    } catch (std::exception const &e) {
        try {
            finish("failed", e.what());
        } catch (std::exception const &) {
            // the database stays out of reach: the next run marks this one abandoned
        }
        throw;
    }
    if (counts.stopped_by_signal) {
        finish("interrupted", "stopped by signal " + std::to_string(counts.stopped_by_signal));
        log_warn("run ", run_id, " interrupted: ", counts.articles_new, " new articles loaded");
        return 128 + counts.stopped_by_signal; // the shell's convention for a signal
    }
    auto const status = counts.articles_rejected ? "completed_with_rejections" : "completed";
    finish(status);
    if (counts.articles_new + counts.articles_changed == 0)
        log_info("run ", run_id, ": nothing new to load (", counts.articles_unchanged, " articles already loaded)");
    log_info("run ", run_id, " ", status, ": ", counts.articles_new, " new articles, ", counts.reports_extracted,
             " reports, ", counts.incidents_created, " incidents created, ", counts.incidents_updated, " updated, ",
             counts.quality_failures.value_or(0), " data-quality failures");
    return counts.articles_rejected ? exit_with_rejections : exit_ok;
}

} // namespace etl::cli
