#include "ingest/article_source.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace etl;

namespace {
std::string input(char const *relative) { return std::string(ETL_TEST_DATA_DIR) + "/inputs/" + relative; }

struct read_all {
    std::vector<article> articles;
    std::vector<ingest::rejection> rejections;
};

read_all read(std::vector<std::string> const &paths)
{
    read_all out;
    auto source = ingest::open_inputs(paths, input_config{});
    ingest::read_item item;
    while (source->next(item)) {
        if (item.art)
            out.articles.push_back(*item.art);
        else
            out.rejections.push_back(*item.rejected);
    }
    return out;
}
} // namespace

TEST(Ingest, JsonLinesReadsGoodLinesAndRejectsBadOnes)
{
    auto const all = read({input("articles.jsonl")});
    ASSERT_EQ(all.articles.size(), 3u);
    EXPECT_EQ(all.articles[0].id, "j-1");
    EXPECT_EQ(all.articles[0].source, "wire.example");
    EXPECT_EQ(all.articles[1].published, (civil_date{2024, 9, 9})) << "timestamps keep their date";
    EXPECT_TRUE(all.articles[1].title.empty());
    ASSERT_EQ(all.rejections.size(), 4u);
    EXPECT_NE(all.rejections[0].input.find("articles.jsonl:4"), std::string::npos);
    EXPECT_NE(all.rejections[0].reason.find("invalid JSON"), std::string::npos);
    EXPECT_NE(all.rejections[1].reason.find("'id' must be a string"), std::string::npos);
    EXPECT_NE(all.rejections[2].reason.find("unparseable publication date 'yesterday'"), std::string::npos);
    EXPECT_NE(all.rejections[3].reason.find("empty article"), std::string::npos);
}

TEST(Ingest, DirectoryReadsTextAndHtmlAndRejectsUnusableFiles)
{
    auto const all = read({input("dir")});
    ASSERT_EQ(all.articles.size(), 2u);
    EXPECT_EQ(all.articles[0].id, "mogadishu_hotel");
    EXPECT_FALSE(all.articles[0].is_html);
    EXPECT_EQ(all.articles[1].id, "quetta_page");
    EXPECT_TRUE(all.articles[1].is_html);
    EXPECT_FALSE(all.articles[1].published);
    ASSERT_EQ(all.rejections.size(), 3u);
    std::string reasons;
    for (auto const &r : all.rejections)
        reasons += r.input + ": " + r.reason + "\n";
    EXPECT_NE(reasons.find("binary.txt: binary content"), std::string::npos) << reasons;
    EXPECT_NE(reasons.find("empty.txt: empty article"), std::string::npos) << reasons;
    EXPECT_NE(reasons.find("latin1.txt: invalid UTF-8 at byte 3"), std::string::npos) << reasons;
}

TEST(Ingest, ManifestResolvesFilesRelativeToItself)
{
    auto const all = read({std::string(ETL_SOURCE_DIR) + "/data/samples/manifest.yaml"});
    EXPECT_GE(all.articles.size(), 12u);
    EXPECT_TRUE(all.rejections.empty());
    for (auto const &a : all.articles) {
        EXPECT_FALSE(a.id.empty());
        EXPECT_TRUE(a.published) << a.id;
        EXPECT_FALSE(a.text.empty()) << a.id;
    }
}

TEST(Ingest, MissingAndUnknownInputsAreRejectionsNotErrors)
{
    auto const all = read({input("nothing-here.jsonl"), input("../config/valid.yaml"), input("dir/../articles.jsonl")});
    EXPECT_EQ(all.articles.size(), 3u);
    ASSERT_GE(all.rejections.size(), 2u);
    EXPECT_EQ(all.rejections[0].reason, "input not found");
    EXPECT_NE(all.rejections[1].reason.find("not a manifest"), std::string::npos);
}

TEST(Ingest, TooLargeArticleIsRejected)
{
    input_config small;
    small.max_article_bytes = 100;
    auto const problem = ingest::text_problem(std::string(200, 'a'), small);
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->find("too large"), std::string::npos);
}

TEST(Ingest, PublicationDatesInTheFutureAreRejected)
{
    std::string reason;
    auto const tomorrow = civil_date::today().plus_days(1);
    EXPECT_EQ(ingest::publication_date(tomorrow.iso(), "a", reason), tomorrow) << "a day's slack for time zones";
    EXPECT_FALSE(ingest::publication_date(tomorrow.plus_days(1).iso(), "a", reason));
    EXPECT_NE(reason.find("is in the future (article a)"), std::string::npos) << reason;
    EXPECT_FALSE(ingest::publication_date("2024-02-30", "b", reason));
    EXPECT_NE(reason.find("unparseable publication date '2024-02-30'"), std::string::npos) << reason;
    EXPECT_EQ(ingest::publication_date("2024-02-29T23:59:00Z", "c", reason), (civil_date{2024, 2, 29}));
}

TEST(Ingest, JsonNumbersOutOfRangeAreRejectionsNotCrashes)
{
    // Found by fuzz/fuzz_input_readers: nlohmann::json throws out_of_range, not parse_error, for
    // a number too large for a double, and the reader let it escape.
    auto const path = std::filesystem::temp_directory_path() / "etl_ingest_overflow.jsonl";
    std::ofstream(path) << "{\"id\": 2333e643444, \"text\": \"x\"}\n{\"id\": \"ok\", \"text\": \"A bomb exploded.\"}\n";
    auto const all = read({path.string()});
    ASSERT_EQ(all.rejections.size(), 1u);
    EXPECT_NE(all.rejections[0].reason.find("invalid JSON"), std::string::npos) << all.rejections[0].reason;
    ASSERT_EQ(all.articles.size(), 1u);
    std::filesystem::remove(path);
}
