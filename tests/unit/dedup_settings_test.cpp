#include "dedup/settings.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace etl;
using namespace etl::dedup;

namespace {

std::string error_of(std::string const &yaml)
{
    try {
        parse_dedup_settings(yaml, "dedup.yaml");
    } catch (config_error const &e) {
        return e.what();
    }
    return {};
}

} // namespace

#ifdef ETL_SOURCE_DIR
TEST(DedupSettings, ShippedFileRepeatsTheDefaults)
{
    auto const file = load_dedup_settings(std::string(ETL_SOURCE_DIR) + "/config/dedup.yaml");
    dedup_settings const defaults;
    EXPECT_EQ(file.blocking.day_slack_days, defaults.blocking.day_slack_days);
    EXPECT_EQ(file.blocking.max_range_days, defaults.blocking.max_range_days);
    EXPECT_EQ(file.blocking.undated_lookback_days, defaults.blocking.undated_lookback_days);
    EXPECT_EQ(file.blocking.undated_place_candidates, defaults.blocking.undated_place_candidates);
    EXPECT_EQ(file.decision.match_threshold, defaults.decision.match_threshold);
    EXPECT_EQ(file.decision.member_min_score, defaults.decision.member_min_score);
    EXPECT_EQ(file.decision.member_average_score, defaults.decision.member_average_score);
    EXPECT_EQ(file.decision.weak_link_extra, defaults.decision.weak_link_extra);
    EXPECT_EQ(file.casualties.growth_ratio, defaults.casualties.growth_ratio);
    EXPECT_EQ(file.terms.max_df_fraction, defaults.terms.max_df_fraction);
    EXPECT_EQ(file.weights.date.same_day, defaults.weights.date.same_day);
    EXPECT_EQ(file.weights.place.different_city, defaults.weights.place.different_city);
    EXPECT_EQ(file.weights.target_type.different, defaults.weights.target_type.different);
    EXPECT_EQ(file.weights.killed.conflict, defaults.weights.killed.conflict);
    EXPECT_EQ(file.weights.injured.agree, defaults.weights.injured.agree);
    EXPECT_EQ(file.weights.terms.disjoint, defaults.weights.terms.disjoint);
    EXPECT_NO_THROW(validate(defaults, "defaults"));
}
#endif

TEST(DedupSettings, PartialFileOverridesOnlyItsKeys)
{
    auto const s = parse_dedup_settings("blocking:\n  day_slack_days: 5\nweights:\n  killed:\n    conflict: -6\n",
                                        "test");
    EXPECT_EQ(s.blocking.day_slack_days, 5);
    EXPECT_EQ(s.weights.killed.conflict, -6.0);
    EXPECT_EQ(s.weights.killed.agree, dedup_settings{}.weights.killed.agree);
    EXPECT_EQ(parse_dedup_settings("", "empty").decision.match_threshold, 4.0);
}

TEST(DedupSettings, ErrorsNameFileKeyAndLine)
{
    auto const unknown = error_of("blocking:\n  day_slack_days: 3\n  day_slak: 4\n");
    EXPECT_NE(unknown.find("dedup.yaml:3"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("blocking.day_slak"), std::string::npos) << unknown;

    auto const type = error_of("decision:\n  match_threshold: high\n");
    EXPECT_NE(type.find("dedup.yaml:2"), std::string::npos) << type;
    EXPECT_NE(type.find("decision.match_threshold"), std::string::npos) << type;

    auto const range = error_of("weights:\n  place:\n    different_city: 5\n");
    EXPECT_NE(range.find("dedup.yaml:3"), std::string::npos) << range;
    EXPECT_NE(range.find("weights.place.different_city"), std::string::npos) << range;

    auto const empty = error_of("decision:\n  match_threshold:\n");
    EXPECT_NE(empty.find("dedup.yaml:2"), std::string::npos) << empty;

    auto const integer = error_of("blocking:\n  day_slack_days: 2.5\n");
    EXPECT_NE(integer.find("integer"), std::string::npos) << integer;

    auto const section = error_of("weights: 3\n");
    EXPECT_NE(section.find("weights"), std::string::npos) << section;

    auto const syntax = error_of("blocking:\n  day_slack_days: [1\n");
    EXPECT_NE(syntax.find("dedup.yaml:"), std::string::npos) << syntax;

    EXPECT_THROW(load_dedup_settings("/nonexistent/dedup.yaml"), config_error);
}

TEST(DedupSettings, ValidateRejectsProgrammaticNonsense)
{
    dedup_settings s;
    s.terms.partial_overlap = 0.9;
    s.terms.high_overlap = 0.5;
    EXPECT_THROW(validate(s, "code"), config_error);
    dedup_settings t;
    t.blocking.day_slack_days = -1;
    EXPECT_THROW(validate(t, "code"), config_error);
}
