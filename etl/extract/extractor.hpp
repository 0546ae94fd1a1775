#pragma once
// Stage 2, extract: one article in, its incident reports out. Loads the gazetteer and lexicons
// once; extract() is const and safe to call from several threads.

#include "core/article.hpp"
#include "core/config.hpp"
#include "core/incident_report.hpp"

#include <memory>
#include <string>
#include <vector>

namespace etl::extract {

class actor_lexicon;

class extractor {
public:
    /// Loads the gazetteer and lexicons named by the config; throws config_error naming the file.
    static std::shared_ptr<extractor const> load(extract_config const &cfg);

    /// The text that evidence offsets refer to: HTML removed, Unicode normalised, boilerplate dropped.
    std::string normalise(article const &a) const;

    /// The incident reports of an article whose normalised text is `text`. With `explain`, every
    /// report lists the rule or lexicon entry behind each field.
    std::vector<incident_report> extract(article const &a, std::string const &text, bool explain) const;

    /// Same group, or one is a parent of the other, or either is unknown (for deduplication).
    bool attackers_compatible(std::string const &a, std::string const &b) const;
    /// The folded words of every actor name and alias.
    std::vector<std::string> actor_name_words() const;
    /// Is `child` a branch of `ancestor` (ISKP of Islamic State)?
    bool attacker_is_branch(std::string const &child, std::string const &ancestor) const;

    /// The actor lexicon (reference data for the analysis layer's dim_actor).
    actor_lexicon const &actors() const;

    ~extractor();

private:
    extractor();
    struct parts;
    std::unique_ptr<parts> m_parts;
};

} // namespace etl::extract
