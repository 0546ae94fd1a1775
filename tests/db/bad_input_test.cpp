// The bad-input suite: one nightly run over an inbox holding every kind of unusable input next
// to good articles. Each bad one is recorded in rejected_inputs with its reason and warned about
// on stderr; the good ones are loaded; the run completes with exit status 3.

#include "core/process.hpp"
#include "support/test_database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using etl::test::source_path;
using etl::test::test_database;

namespace {

std::string sample(char const *name)
{
    std::ifstream in(source_path(std::string("data/samples/articles/") + name), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(fs::path const &path, std::string const &content)
{
    std::ofstream(path, std::ios::binary) << content;
}

/// JSON string literal of a text (quotes, backslashes and line breaks escaped).
std::string json_string(std::string const &s)
{
    std::string out = "\"";
    for (char const c : s) {
        if (c == '"' || c == '\\')
            out += {'\\', c};
        else if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + "\"";
}

/// Whether stderr has a "[warn] rejected ..." line naming the input.
bool warned_about(std::string const &output, std::string const &input)
{
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (line.find("[warn] rejected ") != std::string::npos && line.find(input) != std::string::npos)
            return true;
    return false;
}

class BadInput : public testing::Test {
protected:
    void SetUp() override
    {
        root = fs::temp_directory_path() / ("etl_bad_input_" + std::to_string(::getpid()));
        fs::remove_all(root);
        inbox = root / "inbox";
        fs::create_directories(inbox);
        write(root / "secret.txt", "Outside the inbox: must never be read. " + sample("001_kabul_truck_bomb_wire.txt"));
    }
    void TearDown() override { fs::remove_all(root); }

    fs::path root, inbox;
};

} // namespace

TEST_F(BadInput, EveryKindIsRejectedWithItsReasonAndTheRestIsLoaded)
{
    auto const good = sample("001_kabul_truck_bomb_wire.txt");
    auto const other = sample("002_kabul_toll_rises_haqqani.txt");

    // a folder of article files
    write(inbox / "good.txt", good);
    write(inbox / "empty.txt", "");
    write(inbox / "blank.txt", " \n\t\n ");
    write(inbox / "binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(4000, '\0'));
    write(inbox / "latin1.txt", "Caf\xe9 bombing in M\xfcnster: " + good);
    write(inbox / "huge.txt", std::string(100 * 1024 * 1024 + 1, 'a')); // over the 10 MB default limit
    write(inbox / "scripts.html",
          "<html><head><script>var killed = 999; document.write('bomb');</script><style>p{}</style></head><body>" +
              std::string(50, ' ') + "<script>track('explosion', 1234)</script><p>" + other +
              "</p><script>for(;;){}</script></body></html>");
    fs::create_symlink(root / "secret.txt", inbox / "link_outside.txt");
    fs::create_symlink(inbox / "nowhere.txt", inbox / "broken_link.txt");

    // JSON Lines
    write(root / "feed.jsonl",
          "{\"id\": \"j-good\", \"published\": \"2017-06-01\", \"text\": " + json_string(good) + "}\n"
          "{\"id\": \"j-cut\", \"text\": \"this line is cut\n"
          "{\"id\": 42.5, \"text\": \"an id of the wrong type\"}\n"
          "{\"id\": \"j-num\", \"text\": 12345}\n"
          "{\"text\": \"no id at all\"}\n"
          "[1, 2, 3]\n"
          "{\"id\": \"j-future\", \"published\": \"2999-01-01\", \"text\": " + json_string(other) + "}\n"
          "{\"id\": \"j-baddate\", \"published\": \"yesterday-ish\", \"text\": " + json_string(other) + "}\n"
          "{\"id\": \"j-date-type\", \"published\": 20170601, \"text\": " + json_string(other) + "}\n"
          "{\"id\": \"j-good\", \"published\": \"2017-06-01\", \"text\": " + json_string(good) + "}\n"
          "{\"id\": \"j-good\", \"published\": \"2017-06-01\", \"text\": " + json_string(other) + "}\n");

    // a manifest naming a missing file and one outside its folder
    fs::create_directories(root / "feed");
    write(root / "feed" / "ok.txt", other);
    write(root / "feed" / "manifest.yaml",
          "articles:\n"
          "  - {id: m-ok, file: ok.txt, published: 2017-06-01}\n"
          "  - {id: m-missing, file: gone.txt, published: 2017-06-01}\n"
          "  - {id: m-escape, file: ../secret.txt, published: 2017-06-01}\n"
          "  - {id: m-nofile}\n");

    test_database db;
    auto const result = etl::run_process({ETL_BINARY, "run", "--database-url=" + db.conninfo(), inbox.string(),
                                          (root / "feed.jsonl").string(), (root / "feed" / "manifest.yaml").string(),
                                          (root / "missing.jsonl").string()});
    ASSERT_EQ(result.exit_code, 3) << result.output;
    EXPECT_EQ(db.scalar("select status from etl_runs"), "completed_with_rejections");

    struct expected_rejection {
        std::string input;  ///< a part of rejected_inputs.input
        std::string reason; ///< a part of the reason
    };
    std::vector<expected_rejection> const expected{
        {"empty.txt", "empty article"},
        {"blank.txt", "empty article"},
        {"binary.txt", "binary content"},
        {"latin1.txt", "invalid UTF-8"},
        {"huge.txt", "article too large: 104857601 bytes"},
        {"link_outside.txt", "not read unless input.follow_links_outside"},
        {"broken_link.txt", "broken symbolic link"},
        {"feed.jsonl:2", "invalid JSON"},
        {"feed.jsonl:3", "'id' must be a string"},
        {"feed.jsonl:4", "'text' must be a string"},
        {"feed.jsonl:5", "has no 'id'"},
        {"feed.jsonl:6", "not a JSON object"},
        {"feed.jsonl:7", "publication date 2999-01-01 is in the future"},
        {"feed.jsonl:8", "unparseable publication date 'yesterday-ish'"},
        {"feed.jsonl:9", "'published' must be a date string"},
        {"feed.jsonl:11", "duplicate article id 'j-good' with a different text"},
        {"m-missing", "gone.txt: cannot read file"},
        {"m-escape", "not read unless input.follow_links_outside"},
        {"manifest.yaml:5", "entry has no 'file'"},
        {"missing.jsonl", "input not found"},
    };
    for (auto const &e : expected) {
        auto const sql = "select count(*) from rejected_inputs where position(" + db.conn().quote(e.input) +
                         " in input) > 0 and position(" + db.conn().quote(e.reason) + " in reason) > 0";
        EXPECT_EQ(db.scalar(sql), "1") << e.input << ": " << e.reason << "\nrecorded: "
                                       << db.scalar("select string_agg(input || ' -> ' || reason, E'\\n') from rejected_inputs");
        EXPECT_TRUE(warned_about(result.output, e.input)) << e.input;
    }
    EXPECT_EQ(db.count("rejected_inputs"), static_cast<long>(expected.size())) << "nothing else is rejected";
    EXPECT_EQ(db.scalar("select articles_rejected from etl_runs"), std::to_string(expected.size()));

    // the good inputs are all loaded: the repeated j-good line is skipped, not rejected
    EXPECT_EQ(db.scalar("select string_agg(article_id, ',' order by article_id) from articles"),
              "good,j-good,m-ok,scripts");
    EXPECT_EQ(db.count("articles", "body like '%must never be read%'"), 0);
    // scripts and styles are not text: nothing of them reaches a report's evidence
    EXPECT_GT(db.count("incident_reports", "article_id = 'scripts'"), 0);
    EXPECT_EQ(db.count("incident_reports", "evidence like '%track(%' or evidence like '%document.write%'"), 0);
    EXPECT_EQ(db.count("incident_reports", "killed = 999 or killed = 1234"), 0);
}

TEST_F(BadInput, LinksOutsideAreReadWhenAllowed)
{
    fs::create_symlink(root / "secret.txt", inbox / "link_outside.txt");
    auto const config = root / "etl.yaml";
    std::ifstream in(source_path("config/etl.yaml"));
    std::string yaml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // the copy's relative paths must still name the project's folders
    for (auto const *key : {"embedded_dir: ..", "schema_dir: ..", "analysis_dir: .."})
        if (auto const at = yaml.find(key); at != std::string::npos)
            yaml.insert(at + std::string(key).size() - 2, source_path("config") + "/");
    for (auto const *key : {"lexicon_dir: ", "gazetteer_dir: ", "settings_file: "})
        if (auto const at = yaml.find(key); at != std::string::npos)
            yaml.insert(at + std::string(key).size(), source_path("config") + "/");
    yaml.replace(yaml.find("follow_links_outside: false"), 27, "follow_links_outside: true");
    write(config, yaml);

    test_database db;
    auto const result = etl::run_process(
        {ETL_BINARY, "run", "--config", config.string(), "--database-url=" + db.conninfo(), inbox.string()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_EQ(db.count("articles", "article_id = 'link_outside'"), 1);
}
