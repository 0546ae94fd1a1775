#pragma once
// Writes a batch of articles and their incident reports in one transaction. An article already
// stored with the same text hash is skipped; one whose text changed has its reports replaced.

#include "core/article.hpp"
#include "core/incident_report.hpp"

#include <pqxx/pqxx>

#include <string>
#include <unordered_map>
#include <vector>

namespace etl::load {

/// An article ready to store: the article, the hash of its normalised text, its reports.
struct extracted_article {
    article art;
    std::string text_sha256;
    std::vector<incident_report> reports;
};

/// Stored text hashes for these ids (absent: not stored yet).
std::unordered_map<std::string, std::string> stored_hashes(pqxx::transaction_base &tx,
                                                           std::vector<std::string> const &ids);

/// Upserts the articles and replaces their reports. Incidents that lose reports are marked
/// needs_refresh, to be recomputed by the deduplication step.
void store_articles(pqxx::work &tx, std::vector<extracted_article> const &batch, long run_id);

} // namespace etl::load
