#include "report/export_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace etl;

namespace {
incident sample_incident()
{
    incident inc;
    inc.id = "inc-1";
    inc.date = date_range::month(2021, 10);
    inc.location = {"AF", "Kandahar", "Kandahar", 31.61, 65.71, geo_precision::city};
    inc.attacker = "Islamic State Khorasan Province";
    inc.attacker_status = claim_status::claimed;
    inc.attack_type = "Bombing/Explosion";
    inc.killed = {60, 63, 63};
    inc.injured = {93, 93, std::nullopt};
    incident_report r;
    r.article_id = "a-1";
    r.source = "wire.example";
    r.date = inc.date;
    r.location = inc.location;
    r.killed = casualty_count{63, count_qualifier::at_least, "at least 63"};
    r.evidence = "He said \"63 died\", at least.";
    r.evidence_begin = 10;
    r.evidence_end = 38;
    inc.reports.push_back(r);
    return inc;
}
} // namespace

TEST(ExportWriter, JsonLinesFollowTheExportFormat)
{
    std::ostringstream out;
    report::export_writer writer(out, report::export_format::jsonl);
    writer.write(sample_incident());
    auto const j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["incident_id"], "inc-1");
    EXPECT_EQ(j["date"], "2021-10");
    EXPECT_EQ(j["date_precision"], "month");
    EXPECT_EQ(j["date_start"], "2021-10-01");
    EXPECT_EQ(j["date_end"], "2021-10-31");
    EXPECT_EQ(j["country"], "AF");
    EXPECT_EQ(j["killed"]["best"], 63);
    EXPECT_TRUE(j["injured"]["high"].is_null());
    EXPECT_TRUE(j["target_type"].is_null()) << "empty values are null";
    auto const &rep = j["reports"][0];
    EXPECT_EQ(rep["killed"]["value"], 63);
    EXPECT_EQ(rep["killed"]["qualifier"], "at_least");
    EXPECT_EQ(rep["evidence_span"][1], 38);
    EXPECT_EQ(out.str().back(), '\n');
    EXPECT_EQ(out.str().find('\n'), out.str().size() - 1) << "one line per incident";
}

TEST(ExportWriter, CsvQuotesAndFlattens)
{
    std::ostringstream out;
    report::export_writer writer(out, report::export_format::csv);
    auto inc = sample_incident();
    inc.attacker = "Group, \"quoted\"";
    writer.write(inc);
    std::string header, row;
    std::istringstream in(out.str());
    std::getline(in, header);
    std::getline(in, row);
    EXPECT_EQ(header.rfind("incident_id,date,date_precision", 0), 0u);
    EXPECT_NE(row.find("\"Group, \"\"quoted\"\"\""), std::string::npos) << row;
    EXPECT_NE(row.find(",60,63,63,93,93,,1,"), std::string::npos) << row;
}
