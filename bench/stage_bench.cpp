#include "stage_bench.hpp"

#include "synthetic_articles.hpp"

#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "core/logging.hpp"
#include "core/parallel.hpp"
#include "core/process.hpp"
#include "extract/extractor.hpp"
#include "load/analysis_layer.hpp"
#include "load/article_store.hpp"
#include "load/database.hpp"
#include "load/migrations.hpp"
#include "load/run_log.hpp"
#include "load/writer_session.hpp"
#include "pipeline.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace etl::bench {

double status_megabytes(char const *field)
{
    std::FILE *f = std::fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    double kb = 0;
    std::size_t const n = std::strlen(field);
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, field, n) == 0 && line[n] == ':')
            kb = std::strtod(line + n + 1, nullptr);
    std::fclose(f);
    return kb / 1024.0;
}

double peak_rss_mb() { return status_megabytes("VmHWM"); }

void reset_peak_rss()
{
    if (std::FILE *f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
}

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start)
{
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

double megabytes_of(std::vector<load::extracted_article> const &articles)
{
    double bytes = 0;
    for (auto const &e : articles)
        bytes += static_cast<double>(e.art.text.size());
    return bytes / 1e6;
}

article_generator make_generator(bench_options const &options, etl_config const &cfg)
{
    generator_options g;
    g.seed = options.seed;
    g.incident_share = options.incident_share;
    g.first_day = options.first_day;
    return article_generator(g, cfg.extract.gazetteer_dir, cfg.extract.lexicon_dir);
}

std::vector<load::extracted_article> generate(bench_options const &options, etl_config const &cfg)
{
    auto gen = make_generator(options, cfg);
    std::vector<load::extracted_article> out;
    out.reserve(static_cast<std::size_t>(options.articles));
    for (long i = 0; i < options.articles; ++i)
        out.push_back({gen.next().art, {}, {}});
    return out;
}

void write_article(std::ostream &out, article const &a)
{
    out << nlohmann::json{{"id", a.id},
                          {"source", a.source},
                          {"published", a.published ? a.published->iso() : std::string()},
                          {"title", a.title},
                          {"text", a.text}}
               .dump()
        << '\n';
}

/// Normalises and extracts every article on `threads` threads; fills hashes and reports.
double extract_all(extract::extractor const &ex, std::vector<load::extracted_article> &articles, unsigned threads)
{
    auto const start = clock_type::now();
    parallel_for(articles.size(), threads, [&](std::size_t i) {
        auto &e = articles[i];
        auto const text = ex.normalise(e.art);
        e.text_sha256 = sha256_hex(text);
        e.reports = ex.extract(e.art, text, false);
    });
    return seconds_since(start);
}

long report_count(std::vector<load::extracted_article> const &articles)
{
    long n = 0;
    for (auto const &e : articles)
        n += static_cast<long>(e.reports.size());
    return n;
}

/// The benchmark's database, created afresh with the schema and the analysis layer.
std::string fresh_database(etl_config const &cfg, std::string const &server_conninfo, std::string const &name)
{
    {
        pqxx::connection admin(server_conninfo);
        pqxx::nontransaction tx(admin);
        tx.exec0("drop database if exists " + tx.quote_name(name));
        tx.exec0("create database " + tx.quote_name(name));
    }
    // libpq takes the last value of a repeated keyword
    auto const conninfo = server_conninfo + " dbname=" + name;
    pqxx::connection conn(conninfo);
    load::apply_migrations(conn, cfg.database.schema_dir);
    load::rebuild_analysis_layer(conn, cfg.database.analysis_dir, true);
    return conninfo;
}

void truncate_data(pqxx::connection &conn)
{
    pqxx::work tx(conn);
    tx.exec0("truncate articles, incident_reports, report_links, incidents, rejected_inputs cascade");
    tx.commit();
}

/// Stores the articles the way `run` does: batches of load.batch_size, one transaction each.
stage_result load_like_run(pqxx::connection &conn, etl_config const &cfg,
                           std::vector<load::extracted_article> const &articles)
{
    auto const run_id = load::start_run(conn, {"bench"}, cfg.hash());
    auto const start = clock_type::now();
    std::size_t const batch = std::max<std::size_t>(1, cfg.load.batch_size);
    for (std::size_t i = 0; i < articles.size(); i += batch) {
        std::vector<load::extracted_article> part(articles.begin() + static_cast<long>(i),
                                                  articles.begin() + static_cast<long>(std::min(articles.size(), i + batch)));
        pqxx::work tx(conn);
        load::store_articles(tx, part, run_id);
        tx.commit();
    }
    stage_result r{"load (as run stores)", static_cast<long>(articles.size()), "articles", seconds_since(start),
                   megabytes_of(articles)};
    r.reports = report_count(articles);
    r.rows = r.items + r.reports;
    load::finish_run(conn, run_id, "completed", {});
    return r;
}

/// The same rows copied out, the tables emptied, and the rows copied back in with psql's \copy.
stage_result load_with_psql(pqxx::connection &conn, etl_config const &cfg, std::string const &conninfo,
                            std::string const &work_dir, long rows)
{
    auto const articles_file = (fs::path(work_dir) / "articles.copy").string();
    auto const reports_file = (fs::path(work_dir) / "incident_reports.copy").string();
    auto const psql = [&](std::vector<std::string> commands) {
        std::vector<std::string> args{cfg.database.postgres_bin_dir + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                                      "-d", conninfo};
        for (auto &c : commands) {
            args.push_back("-c");
            args.push_back(std::move(c));
        }
        auto const result = run_process(args);
        if (result.exit_code != 0)
            throw db_error("psql failed in the load benchmark: " + result.output);
    };
    psql({"\\copy articles to '" + articles_file + "'", "\\copy incident_reports to '" + reports_file + "'"});
    truncate_data(conn);
    auto const start = clock_type::now();
    psql({"\\copy articles from '" + articles_file + "'", "\\copy incident_reports from '" + reports_file + "'"});
    stage_result r{"load: psql \\copy, same rows", rows, "rows", seconds_since(start)};
    r.rows = rows;
    fs::remove(articles_file);
    fs::remove(reports_file);
    return r;
}

std::string write_jsonl(std::vector<load::extracted_article> const &articles, std::string const &work_dir)
{
    auto const path = (fs::path(work_dir) / "bench_articles.jsonl").string();
    std::ofstream out(path);
    for (auto const &e : articles)
        write_article(out, e.art);
    if (!out)
        throw etl_error("cannot write " + path);
    return path;
}

bool wants(bench_options const &o, char const *stage)
{
    return std::find(o.stages.begin(), o.stages.end(), stage) != o.stages.end();
}

} // namespace

void write_synthetic_articles(etl_config const &cfg, bench_options const &options, std::string const &path)
{
    auto gen = make_generator(options, cfg);
    std::ofstream out(path);
    for (long i = 0; i < options.articles; ++i)
        write_article(out, gen.next().art);
    if (!out)
        throw etl_error("cannot write " + path);
}

std::vector<stage_result> run_benchmark(etl_config const &cfg, std::string const &conninfo,
                                        bench_options const &options)
{
    std::vector<stage_result> results;
    log_info("bench: generating ", options.articles, " synthetic articles (seed ", options.seed, ")");
    auto articles = generate(options, cfg);
    double const mb = megabytes_of(articles);

    reset_peak_rss();
    auto const load_start = clock_type::now();
    auto const ex = extract::extractor::load(cfg.extract);
    results.push_back({"start-up (gazetteer, lexicons)", 1, "loads", seconds_since(load_start), 0, 0, 0, peak_rss_mb()});

    unsigned const threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    bool const need_reports = wants(options, "extract") || wants(options, "dedup") || wants(options, "load");
    if (need_reports) {
        reset_peak_rss();
        double const one = extract_all(*ex, articles, 1);
        stage_result r{"extract (1 thread)", options.articles, "articles", one, mb};
        r.reports = report_count(articles);
        r.peak_rss_mb = peak_rss_mb();
        if (wants(options, "extract"))
            results.push_back(r);
        if (wants(options, "extract") && threads > 1) {
            reset_peak_rss();
            double const many = extract_all(*ex, articles, threads);
            stage_result p{"extract (" + std::to_string(threads) + " threads)", options.articles, "articles", many, mb};
            p.reports = report_count(articles);
            p.peak_rss_mb = peak_rss_mb();
            results.push_back(p);
        }
    }
    if (wants(options, "dedup")) {
        std::vector<incident_report> reports;
        for (auto const &e : articles)
            reports.insert(reports.end(), e.reports.begin(), e.reports.end());
        auto const settings = dedup_settings_for(cfg, *ex);
        reset_peak_rss();
        auto const start = clock_type::now();
        auto const incidents = deduplicate_in_memory(*ex, settings, std::move(reports));
        stage_result r{"dedup (in memory)", report_count(articles), "reports", seconds_since(start)};
        r.reports = r.items;
        r.rows = static_cast<long>(incidents.size());
        r.peak_rss_mb = peak_rss_mb();
        results.push_back(r);
    }
    if (!wants(options, "load") && !wants(options, "all"))
        return results;

    log_info("bench: creating database ", options.database);
    auto const db = fresh_database(cfg, conninfo, options.database);
    if (wants(options, "load")) {
        pqxx::connection conn(db);
        reset_peak_rss();
        auto ours = load_like_run(conn, cfg, articles);
        ours.peak_rss_mb = peak_rss_mb();
        results.push_back(ours);
        results.push_back(load_with_psql(conn, cfg, db, options.work_dir, ours.rows));
        truncate_data(conn);
    }
    if (wants(options, "all")) {
        auto const input = write_jsonl(articles, options.work_dir);
        articles.clear();
        articles.shrink_to_fit();
        {
            pqxx::connection conn(db);
            truncate_data(conn);
        }
        reset_peak_rss();
        auto const start = clock_type::now();
        load::writer_session session(cfg, load::connection_target{db, false, "the benchmark database"}, false);
        auto const run_id = load::start_run(session.conn(), {input}, cfg.hash());
        auto const counts = run_into_database(cfg, session, {input}, run_id);
        load::finish_run(session.conn(), run_id, "completed", counts);
        stage_result r{"run (end to end)", counts.articles_read, "articles", seconds_since(start), mb};
        r.reports = counts.reports_extracted;
        r.rows = counts.incidents_created;
        r.peak_rss_mb = peak_rss_mb();
        results.push_back(r);
        fs::remove(input);
    }
    {
        pqxx::connection admin(conninfo);
        pqxx::nontransaction tx(admin);
        tx.exec0("drop database if exists " + tx.quote_name(options.database));
    }
    return results;
}

} // namespace etl::bench
