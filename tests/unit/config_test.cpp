#include "core/config.hpp"
#include "core/errors.hpp"

#include <gtest/gtest.h>

using namespace etl;

namespace {
std::string fixture(char const *name) { return std::string(ETL_TEST_DATA_DIR) + "/config/" + name; }

std::string error_of(std::string const &path)
{
    try {
        load_config_file(path);
    } catch (config_error const &e) {
        return e.what();
    }
    return {};
}
} // namespace

TEST(Config, ProjectConfigLoadsWithEveryDefault)
{
    auto const cfg = load_config_file(std::string(ETL_SOURCE_DIR) + "/config/etl.yaml");
    auto const defaults = default_config(std::string(ETL_SOURCE_DIR) + "/config");
    EXPECT_EQ(cfg.database.url, "");
    EXPECT_EQ(cfg.database.embedded_dir, std::string(ETL_SOURCE_DIR) + "/var/pg");
    EXPECT_EQ(cfg.database.schema_dir, std::string(ETL_SOURCE_DIR) + "/schema");
    EXPECT_EQ(cfg.extract.lexicon_dir, defaults.extract.lexicon_dir);
    EXPECT_EQ(cfg.load.batch_size, defaults.load.batch_size);
    EXPECT_EQ(cfg.hash(), defaults.hash()) << "the shipped file states the defaults";
}

TEST(Config, ValuesOverrideDefaultsAndRelativePathsFollowTheFile)
{
    auto const cfg = load_config_file(fixture("valid.yaml"));
    EXPECT_EQ(cfg.database.url, "postgresql://etl@db.example/incidents");
    EXPECT_EQ(cfg.load.batch_size, 50u);
    EXPECT_EQ(cfg.extract.lexicon_dir, "/opt/lexicon");
    EXPECT_EQ(cfg.extract.gazetteer_dir, std::string(ETL_TEST_DATA_DIR) + "/config/gazetteer");
    EXPECT_EQ(cfg.log.level, "warn");
}

TEST(Config, UnknownKeyIsNamedWithItsLine)
{
    auto const msg = error_of(fixture("unknown_key.yaml"));
    EXPECT_NE(msg.find("unknown_key.yaml:5"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'extract.lexicon_folder' unknown key"), std::string::npos) << msg;
    EXPECT_NE(msg.find("lexicon_dir"), std::string::npos) << "lists the known keys: " << msg;
}

TEST(Config, WrongTypeIsNamedWithItsLine)
{
    auto const msg = error_of(fixture("wrong_type.yaml"));
    EXPECT_NE(msg.find("wrong_type.yaml:2"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'load.batch_size' must be a whole number"), std::string::npos) << msg;
}

TEST(Config, MissingFileIsAClearError)
{
    auto const msg = error_of(fixture("does_not_exist.yaml"));
    EXPECT_NE(msg.find("cannot read the configuration file"), std::string::npos) << msg;
}
