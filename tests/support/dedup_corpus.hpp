#pragma once
// The deduplication test corpus (tests/data/dedup_corpus/README.md): articles in JSON Lines and,
// per file, the gold events each article reports; and the pairwise score of a clustering
// against them, computed as shared/tools/score_incidents.py does for its dedup figure.

#include "core/incident.hpp"

#include <map>
#include <string>
#include <vector>

namespace etl::test {

struct gold_event {
    std::string id;
    std::string date;    ///< YYYY-MM-DD
    std::string country;
    std::string city;
};

struct gold_mention {
    std::string event;
    std::string role;    ///< primary | secondary | background
    std::optional<long> killed;
};

struct dedup_corpus {
    std::vector<std::string> article_files;                        ///< the .jsonl files
    std::map<std::string, gold_event> events;                      ///< by id
    std::map<std::string, std::vector<gold_mention>> mentions;     ///< by article id
};

/// Every `<name>.jsonl` of the folder with its `<name>_events.yaml`.
dedup_corpus load_dedup_corpus(std::string const &dir);

struct pairwise_score {
    long system_pairs = 0;   ///< matched report pairs from different articles in one system incident
    long gold_pairs = 0;     ///< ... in one gold event
    long both = 0;
    long mentions = 0;       ///< gold mentions
    double precision() const { return system_pairs ? double(both) / double(system_pairs) : 1.0; }
    double recall() const { return gold_pairs ? double(both) / double(gold_pairs) : 1.0; }
    double f1() const
    {
        double const p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    struct report_pair {
        incident_report const *a;
        incident_report const *b;
        std::string gold_a;
        std::string gold_b;
    };
    std::vector<std::pair<incident_report const *, std::string>> matched; ///< report, gold event
    std::vector<report_pair> false_merges;  ///< one system incident, two gold events
    std::vector<report_pair> missed_merges; ///< one gold event, two system incidents
};

/// Matches each article's reports to its gold mentions (one to one, by agreement on the event's
/// date and city and the mention's death toll), then counts pairs of matched reports from
/// different articles. The result points into `incidents`.
pairwise_score score_clustering(dedup_corpus const &corpus, std::vector<incident> const &incidents);

} // namespace etl::test
