#include "load/reference_data.hpp"

#include "core/errors.hpp"
#include "core/files.hpp"
#include "load/report_rows.hpp"

#include <sstream>

namespace etl::load {

std::vector<std::pair<std::string, std::string>> read_country_names(std::string const &countries_tsv)
{
    std::string error;
    auto const text = read_file(countries_tsv, error);
    if (!text)
        throw config_error("cannot read " + countries_tsv + ": " + error);
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        auto const tab = line.find('\t');
        auto const next = tab == std::string::npos ? tab : line.find('\t', tab + 1);
        if (tab != 2 || next == std::string::npos)
            throw config_error(countries_tsv + ": expected 'ISO2<TAB>name<TAB>...', got: " + line.substr(0, 60));
        out.emplace_back(line.substr(0, 2), line.substr(tab + 1, next - tab - 1));
    }
    return out;
}

void store_reference_data(pqxx::work &tx, std::vector<actor_row> const &actors,
                          std::vector<std::pair<std::string, std::string>> const &countries, long run_id)
{
    tx.exec0("delete from actor_groups");
    {
        pqxx::stream_to stream(tx, "actor_groups",
                               std::vector<std::string>{"canonical", "gtd_name", "kind", "parent", "countries",
                                                        "aliases", "loaded_run"});
        for (auto const &a : actors)
            stream << std::make_tuple(a.canonical, text_or_null(a.gtd_name), a.kind, text_or_null(a.parent),
                                      text_array(a.countries), text_array(a.aliases), run_id);
        stream.complete();
    }
    tx.exec0("delete from countries");
    pqxx::stream_to stream(tx, "countries", std::vector<std::string>{"country", "name"});
    for (auto const &[code, name] : countries)
        stream << std::make_tuple(code, name);
    stream.complete();
}

} // namespace etl::load
