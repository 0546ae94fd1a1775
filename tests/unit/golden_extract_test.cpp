// Golden extraction cases (tests/data/golden/README.md): each article's reports against the
// values a careful coder would enter.

#include "core/config.hpp"
#include "extract/extractor.hpp"
#include "extract/tokens.hpp"
#include "ingest/article_source.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace etl;

namespace {

std::string golden(char const *name) { return std::string(ETL_TEST_DATA_DIR) + "/golden/" + name; }

std::map<std::string, nlohmann::json> expectations()
{
    std::map<std::string, nlohmann::json> out;
    std::ifstream in(golden("expected.jsonl"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
            auto j = nlohmann::json::parse(line);
            out[j.at("id").get<std::string>()] = j.at("reports");
        }
    return out;
}

nlohmann::json field(incident_report const &r, std::string const &name)
{
    auto text = [](std::string const &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    if (name == "date")
        return r.date ? nlohmann::json(r.date->label()) : nlohmann::json();
    if (name == "country")
        return text(r.location.country);
    if (name == "admin1")
        return text(extract::fold(r.location.admin1));
    if (name == "city")
        return text(extract::fold(r.location.city));
    if (name == "attacker")
        return text(r.attacker);
    if (name == "attack_type")
        return text(r.attack_type);
    if (name == "target_type")
        return text(r.target_type);
    if (name == "killed")
        return r.killed ? nlohmann::json(r.killed->value) : nlohmann::json();
    if (name == "injured")
        return r.injured ? nlohmann::json(r.injured->value) : nlohmann::json();
    ADD_FAILURE() << "unknown field " << name;
    return {};
}

} // namespace

TEST(GoldenExtraction, EveryArticleGivesTheExpectedReports)
{
    auto const ex = extract::extractor::load(load_config_file(std::string(ETL_SOURCE_DIR) + "/config/etl.yaml").extract);
    auto const expected = expectations();
    auto source = ingest::open_input(golden("articles.jsonl"), input_config{});
    ingest::read_item item;
    std::size_t articles = 0;
    while (source->next(item)) {
        ASSERT_TRUE(item.art) << item.rejected->reason;
        auto const &a = *item.art;
        ++articles;
        auto const it = expected.find(a.id);
        ASSERT_NE(it, expected.end()) << "no expectation for " << a.id;
        auto const reports = ex->extract(a, ex->normalise(a), false);
        ASSERT_EQ(reports.size(), it->second.size()) << a.id;
        for (std::size_t i = 0; i < reports.size(); ++i)
            for (auto const &[name, value] : it->second[i].items()) {
                auto want = value;
                if ((name == "city" || name == "admin1") && value.is_string())
                    want = extract::fold(value.get<std::string>());
                EXPECT_EQ(field(reports[i], name), want) << a.id << " report " << i << " " << name;
            }
    }
    EXPECT_EQ(articles, expected.size());
}
