#pragma once
// Reference data the analysis layer joins: the actor lexicon (marts.dim_actor) and country names
// (marts.dim_location), loaded from the configuration by every run so they match its lexicons.

#include <pqxx/pqxx>

#include <string>
#include <utility>
#include <vector>

namespace etl::load {

struct actor_row {
    std::string canonical;
    std::string gtd_name;
    std::string kind;                   ///< group | state | other
    std::string parent;
    std::vector<std::string> countries;
    std::vector<std::string> aliases;
};

/// (ISO alpha-2, English name) from the gazetteer's countries.tsv; throws config_error naming the
/// file when it cannot be read.
std::vector<std::pair<std::string, std::string>> read_country_names(std::string const &countries_tsv);

/// Replaces actor_groups and countries with these rows, in the caller's transaction.
void store_reference_data(pqxx::work &tx, std::vector<actor_row> const &actors,
                          std::vector<std::pair<std::string, std::string>> const &countries, long run_id);

} // namespace etl::load
