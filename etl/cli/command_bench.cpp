#include "cli/commands.hpp"

#include "core/errors.hpp"
#include "load/database.hpp"
#include "stage_bench.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

namespace etl::cli {

namespace {

double per_second(double n, double seconds) { return seconds > 0 ? n / seconds : 0; }

void print_table(std::vector<bench::stage_result> const &results)
{
    std::printf("%-32s %9s %-8s %9s %11s %9s %11s %11s %9s\n", "stage", "items", "unit", "seconds", "items/s",
                "MB/s", "reports/s", "rows/s", "peak MB");
    for (auto const &r : results)
        std::printf("%-32s %9ld %-8s %9.3f %11.0f %9.2f %11.0f %11.0f %9.0f\n", r.stage.c_str(), r.items,
                    r.unit.c_str(), r.seconds, per_second(static_cast<double>(r.items), r.seconds),
                    per_second(r.megabytes, r.seconds), per_second(static_cast<double>(r.reports), r.seconds),
                    per_second(static_cast<double>(r.rows), r.seconds), r.peak_rss_mb);
}

nlohmann::json as_json(std::vector<bench::stage_result> const &results, long articles)
{
    nlohmann::json out{{"articles", articles}, {"stages", nlohmann::json::array()}};
    for (auto const &r : results)
        out["stages"].push_back({{"stage", r.stage},
                                 {"items", r.items},
                                 {"unit", r.unit},
                                 {"seconds", r.seconds},
                                 {"items_per_second", per_second(static_cast<double>(r.items), r.seconds)},
                                 {"megabytes", r.megabytes},
                                 {"megabytes_per_second", per_second(r.megabytes, r.seconds)},
                                 {"reports", r.reports},
                                 {"reports_per_second", per_second(static_cast<double>(r.reports), r.seconds)},
                                 {"rows", r.rows},
                                 {"rows_per_second", per_second(static_cast<double>(r.rows), r.seconds)},
                                 {"peak_rss_mb", r.peak_rss_mb}});
    return out;
}

} // namespace

std::string command_bench::description() const
{
    return "Generates N synthetic articles (bench/synthetic_articles.hpp: seeded; --incident-share of them tell\n"
           "attacks, each attack by 1-4 outlets; 300-6,000 characters) and measures each stage alone, with its\n"
           "peak memory:\n"
           "  extract  normalising and extracting, on 1 thread and on --threads threads\n"
           "  dedup    deduplicating the extracted reports in memory\n"
           "  load     storing articles and reports as `run` does, then the same rows with psql \\copy\n"
           "  all      the stages above, then a whole `run` of the articles into the benchmark database\n"
           "The database stages use their own database (--bench-database, dropped and recreated) on the\n"
           "server the other commands would use. Targets and figures: docs/performance.md.";
}

void command_bench::add_options(po::options_description &options, po::positional_options_description &)
{
    options.add_options()("stage", po::value<std::vector<std::string>>(&m_stages)->value_name("STAGE"),
                          "extract, dedup, load or all (default); repeatable")(
        "articles", po::value<long>(&m_articles)->default_value(10000)->value_name("N"), "synthetic articles")(
        "threads", po::value<unsigned>(&m_threads)->default_value(0)->value_name("N"),
        "threads of the parallel extraction, 0 = one per core")(
        "seed", po::value<std::uint64_t>(&m_seed)->default_value(20240109)->value_name("N"), "generator seed")(
        "incident-share", po::value<double>(&m_incident_share)->default_value(0.3, "0.3")->value_name("X"),
        "share of the articles that tell an attack (0-1)")(
        "bench-database", po::value<std::string>(&m_database)->default_value("incident_bench")->value_name("NAME"),
        "the benchmark's database on the server (dropped and recreated)")(
        "work-dir", po::value<std::string>(&m_work_dir)->value_name("DIR"),
        "where the temporary JSON Lines and COPY files go (default: the system's temporary folder)")(
        "json", po::bool_switch(&m_json), "print JSON instead of a table")(
        "write-articles", po::value<std::string>(&m_write_articles)->value_name("FILE"),
        "only write the N synthetic articles to FILE as JSON Lines (input for `run`), measure nothing");
}

void command_bench::validate(po::variables_map const &)
{
    if (m_stages.empty())
        m_stages = {"all"};
    for (auto const &s : m_stages)
        if (s != "extract" && s != "dedup" && s != "load" && s != "all")
            throw usage_error("--stage must be extract, dedup, load or all; got '" + s + "'");
    if (m_articles < 1)
        throw usage_error("--articles must be at least 1");
    if (m_incident_share < 0 || m_incident_share > 1)
        throw usage_error("--incident-share must be between 0 and 1");
    if (m_work_dir.empty())
        m_work_dir = std::filesystem::temp_directory_path().string();
}

int command_bench::run()
{
    bench::bench_options options;
    options.articles = m_articles;
    options.threads = m_threads;
    options.seed = m_seed;
    options.incident_share = m_incident_share;
    options.database = m_database;
    options.work_dir = m_work_dir;
    options.stages = m_stages;
    if (!m_write_articles.empty()) {
        bench::write_synthetic_articles(config(), options, m_write_articles);
        return exit_ok;
    }
    if (std::find(m_stages.begin(), m_stages.end(), "all") != m_stages.end())
        options.stages = {"extract", "dedup", "load", "all"};

    std::string conninfo;
    bool const database = std::find(options.stages.begin(), options.stages.end(), "load") != options.stages.end() ||
                          std::find(options.stages.begin(), options.stages.end(), "all") != options.stages.end();
    if (database) {
        auto const target = load::resolve_connection(config(), database_url_from_flag());
        load::connect(config(), target); // starts the embedded cluster when that is the target
        conninfo = target.conninfo;
    }
    auto const results = bench::run_benchmark(config(), conninfo, options);
    if (m_json)
        std::cout << as_json(results, m_articles).dump(2) << "\n";
    else
        print_table(results);
    return exit_ok;
}

} // namespace etl::cli
