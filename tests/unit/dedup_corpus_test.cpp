// Deduplication quality on the corpus of tests/data/dedup_corpus (README there): real events told
// by several imagined outlets, with hard negatives. Extraction and deduplication run as
// `incident-etl extract` runs them, with the project's config.

#include "core/config.hpp"
#include "dedup/settings.hpp"
#include "pipeline.hpp"
#include "support/dedup_corpus.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

using namespace etl;

namespace {

/// ETL_DEDUP_CORPUS_DIR scores another corpus in the same layout (a development aid).
std::string corpus_dir()
{
    char const *other = std::getenv("ETL_DEDUP_CORPUS_DIR");
    return other ? other : std::string(ETL_TEST_DATA_DIR) + "/dedup_corpus";
}

/// One line per pair: the gold events and the pair's scores (without the batch's term filter).
void print_pairs(char const *what, std::vector<test::pairwise_score::report_pair> const &pairs,
                 dedup::dedup_settings const &settings)
{
    for (auto const &p : pairs)
        std::cerr << "  " << what << " " << p.gold_a << " / " << p.gold_b << "\n    "
                  << dedup::describe(dedup::score_pair(*p.a, *p.b, settings)) << "\n";
}

void print(test::pairwise_score const &s, dedup::dedup_settings const &settings)
{
    std::cerr << "dedup corpus: pairwise precision " << s.precision() << ", recall " << s.recall() << ", F1 "
              << s.f1() << " (" << s.both << " of " << s.system_pairs << " system pairs, " << s.gold_pairs
              << " gold pairs; " << s.matched.size() << " of " << s.mentions << " mentions matched)\n";
    if (std::getenv("ETL_DEDUP_CORPUS_VERBOSE") == nullptr)
        return;
    print_pairs("false merge", s.false_merges, settings);
    print_pairs("missed merge", s.missed_merges, settings);
    // Every scored pair of matched reports of one country, labelled, for fitting weights.
    for (std::size_t i = 0; i < s.matched.size(); ++i)
        for (std::size_t k = i + 1; k < s.matched.size(); ++k) {
            auto const &[a, ea] = s.matched[i];
            auto const &[b, eb] = s.matched[k];
            if (a->article_id == b->article_id || a->location.country != b->location.country)
                continue;
            auto const e = dedup::score_pair(*a, *b, settings);
            std::cerr << "PAIR\t" << (ea == eb) << "\t" << dedup::to_string(e.veto) << "\t"
                      << dedup::to_string(e.date.level) << "\t" << dedup::to_string(e.place.level) << "\t"
                      << dedup::to_string(e.attacker.level) << "\t" << dedup::to_string(e.attack_type.level) << "\t"
                      << dedup::to_string(e.target_type.level) << "\t" << dedup::to_string(e.killed.level) << "\t"
                      << dedup::to_string(e.injured.level) << "\t" << dedup::to_string(e.terms.level) << "\t"
                      << dedup::ref_label({a->article_id, a->ordinal}) << "\t"
                      << dedup::ref_label({b->article_id, b->ordinal}) << "\n";
        }
}

} // namespace

// Measured at this commit: precision 1.000, recall 0.978, F1 0.989 (178 of 178 system pairs, 182
// gold pairs; us_local alone F1 0.974, us_local2 1.000, world 1.000). The target is F1 0.95
// (docs/deduplication.md, "Quality"); these floors keep what has been reached. What still misses
// is mostly extraction: a plea story whose attack sentences are all legal ones, a statement's
// date a day off.
TEST(DedupCorpus, PairwiseScoresHoldTheirFloor)
{
    auto const corpus = test::load_dedup_corpus(corpus_dir());
    EXPECT_GE(corpus.mentions.size(), 60u) << "the corpus has at least 60 articles";
    EXPECT_GE(corpus.events.size(), 20u) << "over at least 20 events";
    auto cfg = load_config_file(std::string(ETL_SOURCE_DIR) + "/config/etl.yaml");
    std::vector<ingest::rejection> rejections;
    auto const incidents = extract_without_database(cfg, corpus.article_files, false, rejections);
    EXPECT_TRUE(rejections.empty());
    auto const score = test::score_clustering(corpus, incidents);
    print(score, dedup::load_dedup_settings(cfg.dedup.settings_file));
    EXPECT_GE(static_cast<double>(score.matched.size()), 0.9 * static_cast<double>(score.mentions))
        << "most gold mentions must be extracted for the pairwise figures to mean anything";
    EXPECT_GE(score.precision(), 0.97) << "set ETL_DEDUP_CORPUS_VERBOSE=1 to list the false merges";
    EXPECT_GE(score.f1(), 0.97) << "set ETL_DEDUP_CORPUS_VERBOSE=1 to list the false and missed merges";
}
