#include "pipeline.hpp"

#include "core/failpoint.hpp"
#include "core/hashing.hpp"
#include "core/parallel.hpp"
#include "core/logging.hpp"
#include "core/stop_signal.hpp"
#include "dedup/canonical.hpp"
#include "dedup/dedup.hpp"
#include "dedup/evidence_json.hpp"
#include "dedup/settings.hpp"
#include "extract/extractor.hpp"
#include "extract/actors.hpp"
#include "load/analysis_layer.hpp"
#include "load/article_store.hpp"
#include "load/decision_store.hpp"
#include "load/incident_store.hpp"
#include "load/reference_data.hpp"

#include <chrono>
#include <unordered_map>
#include <unordered_set>

namespace etl {

namespace {

using clock_type = std::chrono::steady_clock;

/// Elapsed seconds, rounded to milliseconds for log lines.
double seconds_since(clock_type::time_point start)
{
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start).count();
    return static_cast<double>(ms) / 1000.0;
}

/// Reads articles from the inputs in batches. An id seen before in this run with a different
/// text is rejected; with the same text it is skipped as a repeat.
class batch_reader {
public:
    batch_reader(std::vector<std::string> const &inputs, etl_config const &cfg)
        : m_source(ingest::open_inputs(inputs, cfg.input)), m_progress_every(cfg.log.progress_every)
    {
    }

    /// Up to n normalised articles; rejections are appended. Empty at the end of the input.
    std::vector<load::extracted_article> next(std::size_t n, extract::extractor const &ex, unsigned threads,
                                              std::vector<ingest::rejection> &rejections)
    {
        std::vector<load::extracted_article> batch;
        ingest::read_item item;
        while (batch.size() < n && m_source->next(item)) {
            if (item.rejected) {
                log_warn("rejected ", item.rejected->input, ": ", item.rejected->reason);
                rejections.push_back(std::move(*item.rejected));
                continue;
            }
            batch.push_back(load::extracted_article{std::move(*item.art), {}, {}});
            if (m_progress_every && ++m_read % m_progress_every == 0)
                log_info("read ", m_read, " articles");
        }
        std::vector<std::string> texts(batch.size());
        parallel_for(batch.size(), threads, [&](std::size_t i) {
            texts[i] = ex.normalise(batch[i].art);
            batch[i].text_sha256 = sha256_hex(texts[i]);
        });
        std::vector<load::extracted_article> kept;
        kept.reserve(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            auto &e = batch[i];
            auto const [it, fresh] = m_seen.emplace(e.art.id, e.text_sha256);
            if (!fresh) {
                if (it->second != e.text_sha256) {
                    ingest::rejection r{e.art.origin.empty() ? e.art.id : e.art.origin,
                                        "duplicate article id '" + e.art.id + "' with a different text"};
                    log_warn("rejected ", r.input, ": ", r.reason);
                    rejections.push_back(std::move(r));
                }
                continue;
            }
            m_texts.emplace(e.art.id, std::move(texts[i]));
            kept.push_back(std::move(e));
        }
        return kept;
    }

    /// The normalised text of an article of the current batch (moved out).
    std::string take_text(std::string const &id)
    {
        auto const it = m_texts.find(id);
        std::string text = std::move(it->second);
        m_texts.erase(it);
        return text;
    }

    void drop_texts() { m_texts.clear(); }

private:
    std::unique_ptr<ingest::article_source> m_source;
    std::size_t m_progress_every;
    std::size_t m_read = 0;
    std::unordered_map<std::string, std::string> m_seen;
    std::unordered_map<std::string, std::string> m_texts;
};

void extract_all(extract::extractor const &ex, batch_reader &reader, std::vector<load::extracted_article *> const &todo,
                 unsigned threads, bool explain)
{
    std::vector<std::string> texts;
    texts.reserve(todo.size());
    for (auto *e : todo)
        texts.push_back(reader.take_text(e->art.id));
    parallel_for(todo.size(), threads, [&](std::size_t i) { todo[i]->reports = ex.extract(todo[i]->art, texts[i], explain); });
    reader.drop_texts();
}

struct stage_seconds {
    double extract = 0;
    double load = 0;
};

/// One batch of a run: articles stored earlier with the same text are skipped; the others are
/// extracted and stored, with the batch's rejections, in one transaction.
void load_batch(load::writer_session &db, extract::extractor const &ex, batch_reader &reader,
                std::vector<load::extracted_article> &batch, std::vector<ingest::rejection> const &rejections,
                etl_config const &cfg, long run_id, load::run_counts &counts, stage_seconds &seconds)
{
    counts.articles_read += static_cast<long>(batch.size());
    counts.articles_rejected += static_cast<long>(rejections.size());
    std::vector<std::string> ids;
    for (auto const &e : batch)
        ids.push_back(e.art.id);
    auto const stored = db.attempt("reading the batch's stored articles", [&](pqxx::connection &conn) {
        pqxx::read_transaction tx(conn);
        return load::stored_hashes(tx, ids);
    });
    std::vector<load::extracted_article *> todo;
    for (auto &e : batch) {
        auto const it = stored.find(e.art.id);
        if (it == stored.end())
            ++counts.articles_new;
        else if (it->second != e.text_sha256)
            ++counts.articles_changed;
        else {
            ++counts.articles_unchanged;
            continue;
        }
        todo.push_back(&e);
    }
    auto const t0 = clock_type::now();
    extract_all(ex, reader, todo, cfg.extract.threads, false);
    seconds.extract += seconds_since(t0);

    auto const t1 = clock_type::now();
    std::vector<load::extracted_article> changed;
    for (auto *e : todo) {
        counts.reports_extracted += static_cast<long>(e->reports.size());
        changed.push_back(std::move(*e));
    }
    db.attempt("storing a batch", [&](pqxx::connection &conn) {
        pqxx::work tx(conn);
        load::store_articles(tx, changed, run_id);
        load::record_rejections(tx, run_id, rejections);
        failpoint("batch.before_commit");
        tx.commit();
    });
    failpoint("batch.committed");
    seconds.load += seconds_since(t1);
}

dedup::attacker_is_branch_fn branch_of(extract::extractor const &ex)
{
    return [&ex](std::string const &child, std::string const &ancestor) { return ex.attacker_is_branch(child, ancestor); };
}

/// The actor lexicon as rows of actor_groups.
std::vector<load::actor_row> actor_rows(extract::extractor const &ex)
{
    auto const &lexicon = ex.actors();
    std::vector<load::actor_row> rows;
    for (std::size_t i = 0; i < lexicon.actors().size(); ++i) {
        auto const &a = lexicon.actors()[i];
        rows.push_back({a.canonical, a.gtd_name, std::string(extract::to_string(a.kind)), a.parent, a.countries,
                        lexicon.aliases_of(i)});
    }
    return rows;
}

/// The reports each join added, with its evidence as report_links stores it. A report that
/// joined twice (with its cluster into a larger one) keeps the first reason, its own.
load::link_reasons reasons_of(std::vector<dedup::join_evidence> const &joins)
{
    load::link_reasons out;
    for (auto const &j : joins) {
        std::string json;
        for (auto const &r : j.added) {
            auto const [it, fresh] = out.try_emplace(dedup::ref_label(r));
            if (!fresh)
                continue;
            if (json.empty())
                json = dedup::join_to_json(j).dump();
            it->second = {j.average_score, json};
        }
    }
    return out;
}

std::vector<dedup::report_ref> refs_of(std::vector<incident_report> const &reports)
{
    std::vector<dedup::report_ref> out;
    out.reserve(reports.size());
    for (auto const &r : reports)
        out.push_back({r.article_id, r.ordinal});
    return out;
}

/// The deduplication step: every unlinked report against the stored incidents near it (and those
/// holding reports an analyst tied to it), respecting the analysts' decisions; incidents marked
/// needs_refresh get their canonical values recomputed. Saves the result in the caller's transaction.
load::save_counts resolve_duplicates(pqxx::work &tx, extract::extractor const &ex,
                                     dedup::dedup_settings const &settings, long run_id)
{
    auto const start = clock_type::now();
    auto fresh = load::unlinked_reports(tx);
    auto const decisions = load::decisions_about(tx, refs_of(fresh));
    std::vector<dedup::report_ref> partners;
    for (auto const &[a, b] : decisions.same) {
        partners.push_back(a);
        partners.push_back(b);
    }
    int const window = std::max(settings.blocking.day_slack_days, settings.blocking.undated_lookback_days);
    auto stored = load::candidate_incidents(tx, fresh, window, load::incidents_holding(tx, partners));
    failpoint("dedup.candidates_loaded");
    std::size_t const fresh_count = fresh.size();
    std::size_t const candidate_count = stored.size();
    auto const needing_refresh = load::incidents_needing_refresh(tx);
    std::unordered_set<std::string> const refresh(needing_refresh.begin(), needing_refresh.end());
    std::unordered_map<std::string, incident> by_id; // incidents needing refresh, kept whole
    std::vector<dedup::existing_incident> existing;
    existing.reserve(stored.size());
    for (auto &inc : stored) {
        if (refresh.count(inc.id)) {
            existing.push_back({inc.id, inc.reports});
            by_id.emplace(inc.id, std::move(inc));
        } else {
            existing.push_back({inc.id, std::move(inc.reports)}); // only deduplication needs them
        }
    }
    stored = {};
    auto result = dedup::deduplicate(std::move(existing), std::move(fresh), settings, compatibility_of(ex),
                                     branch_of(ex), decisions);
    std::vector<incident> changed = std::move(result.incidents);
    for (auto const &inc : changed)
        by_id.erase(inc.id);
    std::unordered_set<std::string> freed; // incidents left without reports: their ids may be reused
    for (auto const &id : needing_refresh) {
        auto const it = by_id.find(id);
        if (it == by_id.end() || it->second.reports.empty()) {
            freed.insert(id); // save_incidents deletes it unless a new incident takes its id
            continue;
        }
        dedup::compute_canonical(it->second, branch_of(ex));
        changed.push_back(std::move(it->second));
    }
    assign_missing_ids(changed, [&](std::vector<std::string> const &ids) {
        auto in_use = load::existing_incident_ids(tx, ids);
        in_use.erase(std::remove_if(in_use.begin(), in_use.end(), [&](auto const &id) { return freed.count(id) > 0; }),
                     in_use.end());
        return in_use;
    });
    auto const saved = load::save_incidents(tx, changed, run_id, reasons_of(result.joins));
    log_info("dedup: ", fresh_count, " new reports against ", candidate_count, " stored candidates: ", saved.created,
             " incidents created, ", saved.updated, " updated, ", saved.deleted, " deleted in ", seconds_since(start),
             " s");
    if (!decisions.same.empty() || !decisions.different.empty())
        log_info("dedup: analyst decisions: ", result.stats.analyst_unions, " unions made, ",
                 result.stats.analyst_separations, " unions refused");
    return saved;
}

} // namespace

/// The dedup settings file, told which words name actors.
dedup::dedup_settings dedup_settings_for(etl_config const &cfg, extract::extractor const &ex)
{
    auto settings = dedup::load_dedup_settings(cfg.dedup.settings_file);
    for (auto &w : ex.actor_name_words())
        settings.terms.actor_words.insert(std::move(w));
    return settings;
}

dedup::attackers_compatible_fn compatibility_of(extract::extractor const &ex)
{
    return [&ex](std::string const &a, std::string const &b) { return ex.attackers_compatible(a, b); };
}

load::run_counts run_into_database(etl_config const &cfg, load::writer_session &db, std::vector<std::string> const &inputs,
                                   long run_id)
{
    load::run_counts counts;
    auto const start = clock_type::now();
    auto const ex = extract::extractor::load(cfg.extract);
    auto const settings = dedup_settings_for(cfg, *ex);
    log_info("loaded gazetteer and lexicons in ", seconds_since(start), " s");

    batch_reader reader(inputs, cfg);
    stage_seconds seconds;
    while (true) {
        std::vector<ingest::rejection> rejections;
        auto batch = reader.next(cfg.load.batch_size, *ex, cfg.extract.threads, rejections);
        if (batch.empty() && rejections.empty())
            break;
        failpoint("batch.read");
        load_batch(db, *ex, reader, batch, rejections, cfg, run_id, counts, seconds);
        if (int const sig = stop_requested()) {
            // the batch is committed; deduplication and the refresh are left to the next run,
            // which finds the reports unlinked
            counts.stopped_by_signal = sig;
            log_warn("stopping on signal ", sig, " after ", counts.articles_read,
                     " articles; run again to load the rest (the loaded articles are skipped)");
            return counts;
        }
    }
    log_info("ingest: ", counts.articles_read, " articles read, ", counts.articles_rejected, " rejected");
    log_info("extract: ", counts.reports_extracted, " reports from ", counts.articles_new, " new and ",
             counts.articles_changed, " changed articles (", counts.articles_unchanged, " unchanged, skipped) in ",
             seconds.extract, " s");
    log_info("load: articles and reports stored in ", seconds.load, " s");

    auto const actors = actor_rows(*ex);
    auto const countries = load::read_country_names(cfg.extract.gazetteer_dir + "/countries.tsv");
    auto const saved = db.attempt("deduplication", [&](pqxx::connection &conn) {
        pqxx::work tx(conn);
        load::store_reference_data(tx, actors, countries, run_id);
        auto const result = resolve_duplicates(tx, *ex, settings, run_id);
        failpoint("dedup.before_commit");
        tx.commit();
        return result;
    });
    failpoint("dedup.committed");
    counts.incidents_created = saved.created;
    counts.incidents_updated = saved.updated;
    counts.incidents_deleted = saved.deleted;

    auto const t = clock_type::now();
    auto const views = db.attempt("refreshing the analysis layer",
                                  [](pqxx::connection &conn) { return load::refresh_analysis_layer(conn); });
    failpoint("refresh.committed");
    long failures = 0;
    std::string failing;
    for (auto const &[check, n] : db.attempt("the data-quality checks", load::quality_failures)) {
        failures += n;
        if (n > 0)
            failing += (failing.empty() ? "" : ", ") + check + " " + std::to_string(n);
    }
    counts.quality_failures = failures;
    log_info("analysis: ", views, " materialized views refreshed in ", seconds_since(t), " s");
    if (failures > 0)
        log_warn("quality: ", failures, " failing rows (", failing, "); see the views of schema quality");
    else
        log_info("quality: every check passes");
    return counts;
}

std::vector<incident> deduplicate_in_memory(extract::extractor const &ex, dedup::dedup_settings const &settings,
                                            std::vector<incident_report> reports)
{
    auto incidents =
        dedup::deduplicate({}, std::move(reports), settings, compatibility_of(ex), branch_of(ex)).incidents;
    assign_missing_ids(incidents);
    return incidents;
}

load::save_counts resolve_pending(etl_config const &cfg, pqxx::work &tx, long run_id)
{
    auto const ex = extract::extractor::load(cfg.extract);
    return resolve_duplicates(tx, *ex, dedup_settings_for(cfg, *ex), run_id);
}

std::vector<incident> extract_without_database(etl_config const &cfg, std::vector<std::string> const &inputs,
                                               bool explain, std::vector<ingest::rejection> &rejections)
{
    auto const ex = extract::extractor::load(cfg.extract);
    auto const settings = dedup_settings_for(cfg, *ex);
    batch_reader reader(inputs, cfg);
    std::vector<incident_report> reports;
    std::size_t articles = 0;
    while (true) {
        auto const before = rejections.size();
        auto batch = reader.next(cfg.load.batch_size, *ex, cfg.extract.threads, rejections);
        if (batch.empty() && rejections.size() == before)
            break;
        articles += batch.size();
        std::vector<load::extracted_article *> todo;
        for (auto &e : batch)
            todo.push_back(&e);
        extract_all(*ex, reader, todo, cfg.extract.threads, explain);
        for (auto &e : batch)
            for (auto &r : e.reports)
                reports.push_back(std::move(r));
    }
    log_info("extract: ", reports.size(), " reports from ", articles, " articles, ", rejections.size(), " rejected");
    auto incidents = deduplicate_in_memory(*ex, settings, std::move(reports));
    log_info("dedup: ", incidents.size(), " incidents");
    return incidents;
}

} // namespace etl
