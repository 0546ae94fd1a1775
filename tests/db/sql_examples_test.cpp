// Every analyst query of sql/examples runs against the database loaded with the sample articles
// and must give its expected result (sql/examples/expected/<name>.csv). After a deliberate change
// of extraction or deduplication, ETL_UPDATE_SQL_EXAMPLES=1 rewrites the expected files; review
// the diff before committing it.

#include "load/run_log.hpp"
#include "pipeline.hpp"
#include "report/export_writer.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using etl::test::source_path;
using etl::test::test_database;

namespace {

std::string slurp(fs::path const &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A result as CSV: header, then each row in PostgreSQL's text form (as psql --csv prints it).
std::string as_csv(pqxx::result const &r)
{
    std::string out;
    for (pqxx::row::size_type c = 0; c < r.columns(); ++c)
        out += (c ? "," : "") + etl::report::csv_field(r.column_name(c));
    out += '\n';
    for (auto const &row : r) {
        for (pqxx::row::size_type c = 0; c < row.size(); ++c)
            out += (c ? "," : "") + (row[c].is_null() ? std::string() : etl::report::csv_field(row[c].c_str()));
        out += '\n';
    }
    return out;
}

} // namespace

TEST(SqlExamples, EachQueryGivesItsExpectedResultOnTheSamples)
{
    test_database db;
    auto const inputs = std::vector<std::string>{source_path("data/samples/manifest.yaml")};
    db.run(inputs);

    fs::path const dir = source_path("sql/examples");
    std::vector<fs::path> queries;
    for (auto const &entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".sql")
            queries.push_back(entry.path());
    std::sort(queries.begin(), queries.end());
    EXPECT_GE(queries.size(), 10u);
    bool const update = std::getenv("ETL_UPDATE_SQL_EXAMPLES") != nullptr;
    for (auto const &query : queries) {
        std::string const sql = slurp(query);
        EXPECT_EQ(sql.rfind("-- Question: ", 0), 0u) << query << " starts with the question it answers";
        pqxx::result result;
        try {
            pqxx::read_transaction tx(db.conn());
            result = tx.exec(sql);
        } catch (std::exception const &e) {
            ADD_FAILURE() << query << ": " << e.what();
            continue;
        }
        EXPECT_FALSE(result.empty()) << query << " answers something on the samples";
        auto const expected_path = dir / "expected" / (query.stem().string() + ".csv");
        if (update) {
            std::ofstream(expected_path, std::ios::binary) << as_csv(result);
            continue;
        }
        ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing (ETL_UPDATE_SQL_EXAMPLES=1 writes it)";
        EXPECT_EQ(as_csv(result), slurp(expected_path)) << query;
    }
}
