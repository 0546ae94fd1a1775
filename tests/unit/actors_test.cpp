#include "extract/actors.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

using namespace etl::extract;
using etl::claim_status;

namespace {

actor_lexicon const &lexicon()
{
    static actor_lexicon const lex = actor_lexicon::load(std::string(ETL_SOURCE_DIR) + "/config/lexicon/actors.yaml");
    return lex;
}

std::vector<actor_mention> mentions(std::string const &text, std::string const &country = {})
{
    return lexicon().find(tokenize(text), country);
}

struct actor_case {
    char const *text;
    char const *country;
    char const *actor; ///< canonical name expected among the mentions
    claim_status status;
    actor_role role;
    bool denied = false;
};

std::ostream &operator<<(std::ostream &out, actor_case const &c) { return out << c.text; }

class ActorCases : public ::testing::TestWithParam<actor_case> {};

TEST_P(ActorCases, FindsActorStatusAndRole)
{
    auto const &c = GetParam();
    auto const found = mentions(c.text, c.country);
    std::string seen;
    for (auto const &m : found) {
        seen += lexicon().at(m.actor).canonical + " [" + m.rule + "]; ";
        if (lexicon().at(m.actor).canonical != c.actor)
            continue;
        EXPECT_EQ(m.status, c.status) << seen;
        EXPECT_EQ(m.role, c.role) << seen;
        EXPECT_EQ(m.denied, c.denied) << seen;
        return;
    }
    ADD_FAILURE() << "no mention of " << c.actor << " in: " << c.text << "\nfound: " << seen;
}

constexpr auto none = claim_status::none;
constexpr auto claimed = claim_status::claimed;
constexpr auto blamed = claim_status::blamed;
constexpr auto suspected = claim_status::suspected;
constexpr auto perp = actor_role::perpetrator;
constexpr auto target = actor_role::target;
constexpr auto unknown = actor_role::unknown;

INSTANTIATE_TEST_SUITE_P(
    Sentences, ActorCases,
    ::testing::Values(
        actor_case{"ISIS-K claimed responsibility for the suicide bombing at Kabul airport.", "",
                   "Islamic State Khorasan Province", claimed, perp},
        actor_case{"Islamic State Khorasan Province (ISKP) said its fighter detonated an explosive vest.", "AF",
                   "Islamic State Khorasan Province", claimed, perp},
        actor_case{"The Islamic State group (IS) said in a statement on Telegram that it carried out the attack.", "",
                   "Islamic State", claimed, perp},
        actor_case{"THE BLAST IS BELIEVED TO BE THE WORK OF IS MILITANTS, POLICE SAID.", "", "Islamic State",
                   suspected, perp},
        actor_case{"No group has claimed responsibility, but officials blamed the Pakistani Taliban.", "",
                   "Tehrik-i-Taliban Pakistan", blamed, perp},
        actor_case{"Police blamed the Taliban for the blast at a mosque in Peshawar.", "PK", "Tehrik-i-Taliban Pakistan",
                   blamed, perp},
        actor_case{"The Taliban claimed the ambush on an army convoy in Helmand.", "AF", "Taliban", claimed, perp},
        actor_case{"The Taliban denied involvement and blamed Islamic State.", "AF", "Taliban", none, unknown, true},
        actor_case{"The Taliban denied involvement and blamed Islamic State.", "AF", "Islamic State", blamed, perp},
        actor_case{"Security forces killed 12 suspected TTP militants in an operation in North Waziristan.", "PK",
                   "Tehrik-i-Taliban Pakistan", suspected, target},
        actor_case{"The army launched an operation against IS terrorists in Nangarhar.", "AF", "Islamic State", none,
                   target},
        actor_case{"Suspected Boko Haram insurgents attacked the village of Dalori near Maiduguri.", "NG", "Boko Haram",
                   suspected, perp},
        actor_case{"A U.S. drone strike killed an al-Shabaab commander near Jilib.", "SO", "United States", none, perp},
        actor_case{"A U.S. drone strike killed an al-Shabaab commander near Jilib.", "SO", "al-Shabaab", none, target},
        actor_case{"Al-Shabaab fighters beheaded villagers in Cabo Delgado.", "MZ", "Islamic State Mozambique Province",
                   none, perp},
        actor_case{"AL-SHABAAB FIGHTERS STORMED A HOTEL IN MOGADISHU ON FRIDAY.", "SO", "al-Shabaab", none, perp},
        actor_case{"The attack bore the hallmarks of al-Shabaab, which has carried out similar bombings.", "KE",
                   "al-Shabaab", suspected, perp},
        actor_case{"Daesh fighters were killed in clashes with Taliban fighters in Kunar.", "AF", "Islamic State", none,
                   target},
        actor_case{"The blast claimed 20 lives, and the Haqqani network was suspected.", "AF", "Haqqani Network",
                   suspected, perp},
        actor_case{"Gunmen from the Lashkar-e-Jhangvi (LeJ) opened fire on Hazara coal miners.", "PK",
                   "Lashkar-e-Jhangvi", none, perp},
        actor_case{"Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the attack.", "IQ",
                   "Islamic State", claimed, perp},
        actor_case{"Israeli airstrikes killed 30 people in Gaza overnight, Hamas said.", "PS", "Israel", none, perp},
        actor_case{"The ELN bombed an oil pipeline in Arauca department.", "CO", "National Liberation Army", none, perp},
        actor_case{"ADF rebels killed 40 civilians in Beni territory.", "CD", "Allied Democratic Forces", none, perp},
        actor_case{"Gunmen shot and killed two members of the Taliban's security forces in Nangarhar.", "AF", "Taliban",
                   none, target},
        actor_case{"The ministry said the attacker belonged to the Islamic State group.", "SY", "Islamic State", none,
                   perp},
        actor_case{"A Taliban spokesman said 53 students were killed in the blast.", "AF", "Taliban", none, target},
        actor_case{"Officials said an IS cell had carried out the operation.", "SY", "Islamic State", none, perp},
        actor_case{"The Medellin Cartel claimed responsibility for the bombing.", "CO", "Medellin Drug Cartel", claimed,
                   perp},
        actor_case{"Earlier, Daesh also conducted two separate suicide attacks at mosques.", "AF", "Islamic State", none,
                   perp},
        actor_case{"JNIM militants mounted an attack on an army post near Boni.", "ML",
                   "Jama'at Nusrat al-Islam wal-Muslimin", none, perp},
        actor_case{"New People's Army (NPA) rebels ambushed soldiers in Northern Samar.", "PH", "New People's Army", none,
                   perp},
        actor_case{"Maoist rebels ambushed a police patrol in Samar province.", "PH", "New People's Army", none, perp},
        actor_case{"Maoists triggered an IED blast targeting a CRPF vehicle in Bijapur.", "IN",
                   "Communist Party of India - Maoist", none, unknown},
        actor_case{"Lashkar-e-Taiba (LeT) militants attacked an army camp in Kashmir.", "IN", "Lashkar-e-Taiba", none,
                   perp},
        actor_case{"JNIM claimed the attack on a military post in central Mali.", "ML",
                   "Jama'at Nusrat al-Islam wal-Muslimin", claimed, perp},
        actor_case{"Houthi rebels fired missiles at a commercial ship in the Red Sea.", "YE", "Houthis", none, perp},
        actor_case{"AA fighters attacked a junta base in Rakhine state.", "MM", "Arakan Army", none, perp},
        actor_case{"Fulani herdsmen killed 12 villagers in Benue state.", "NG", "Fulani extremists", none, perp},
        actor_case{"Hezbollah fired rockets at northern Israel.", "LB", "Hezbollah", none, perp},
        actor_case{"Kata'ib Hezbollah claimed the drone attack on the base.", "IQ", "Kata'ib Hezbollah", claimed, perp},
        actor_case{"Pakistani military blamed the TTP for the attack in Bannu.", "PK", "Tehrik-i-Taliban Pakistan",
                   blamed, perp},
        actor_case{"An IS suicide bomber blew himself up at a Shiite mosque.", "", "Islamic State", none, perp},
        actor_case{"No group claimed the attack, which police said bore the hallmarks of the TTP.", "PK",
                   "Tehrik-i-Taliban Pakistan", suspected, perp},
        actor_case{"The bombing was carried out by Jaish-e-Mohammed, police said.", "IN", "Jaish-e-Mohammed", none,
                   perp},
        actor_case{"Government troops fought against FARC dissidents in Cauca.", "CO", "FARC dissidents", none, target},
        actor_case{"PKK militants attacked a police station in Diyarbakir.", "TR", "Kurdistan Workers' Party", none,
                   perp},
        actor_case{"Officials said ISWAP fighters were likely behind the raid on the barracks.", "NG",
                   "Islamic State West Africa Province", suspected, perp}));

// ------------------------------------------------------------------ false positives

TEST(Actors, EnglishIsIsNeverIslamicState)
{
    EXPECT_TRUE(mentions("It is unclear who is behind the attack. There is no claim.").empty());
    EXPECT_TRUE(mentions("Is this the end? What is left is fear.").empty());
    // ALL-CAPS wire copy: only the IS with group context is the group.
    auto const found = mentions("AN IS SUICIDE BOMBER BLEW HIMSELF UP. HE IS FROM KUNDUZ AND IT IS SAID HE WAS 20.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(lexicon().at(found[0].actor).canonical, "Islamic State");
}

TEST(Actors, AmbiguousShortAliasesNeedTheirShapeOrContext)
{
    EXPECT_TRUE(mentions("Supporters dream of an Islamic state governed by sharia.").empty());
    EXPECT_TRUE(mentions("They want an Islamic State!").empty());
    EXPECT_TRUE(mentions("Let them go, the negotiator said.").empty());
    EXPECT_TRUE(mentions("The AA meeting was held on Monday in Yangon.", "MM").empty());
    EXPECT_TRUE(mentions("The ADF said it would deploy more troops to the north.", "AU").empty());
    EXPECT_TRUE(mentions("The PDF file was sent by email.").empty());
}

TEST(Actors, TalibanIsTheTtpOnlyInPakistan)
{
    auto const af = mentions("The Taliban attacked a checkpoint.", "AF");
    auto const pk = mentions("The Taliban attacked a checkpoint.", "PK");
    auto const unknown_country = mentions("The Taliban attacked a checkpoint.");
    ASSERT_EQ(af.size(), 1u);
    ASSERT_EQ(pk.size(), 1u);
    ASSERT_EQ(unknown_country.size(), 1u);
    EXPECT_EQ(lexicon().at(af[0].actor).canonical, "Taliban");
    EXPECT_EQ(lexicon().at(pk[0].actor).canonical, "Tehrik-i-Taliban Pakistan");
    EXPECT_EQ(lexicon().at(unknown_country[0].actor).canonical, "Taliban");
}

TEST(Actors, CasualtyClaimIsNotAResponsibilityClaim)
{
    auto const found = mentions("The blast claimed 20 lives near the ISKP stronghold.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].status, claim_status::none);
    EXPECT_EQ(found[0].role, actor_role::target);
}

TEST(Actors, NegatedClaimIsIgnored)
{
    auto const found = mentions("Hamas has not claimed the attack.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].status, claim_status::none);
}

TEST(Actors, SpanCoversTheNameInTheText)
{
    std::string const text = "Officials said the Islamic State (IS) group claimed the blast.";
    auto const found = mentions(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Islamic State (IS)");
    auto const tokens = tokenize(text);
    EXPECT_EQ(tokens[found[0].first_token].norm, "islamic");
    EXPECT_EQ(tokens[found[0].first_token + found[0].token_count - 1].norm, ")");
}

TEST(Actors, InitialismsAreJoined)
{
    std::string const text = "U.S. forces struck an ISIS hideout.";
    auto const found = mentions(text);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(lexicon().at(found[0].actor).canonical, "United States");
    EXPECT_EQ(lexicon().at(found[0].actor).kind, actor_kind::state);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "U.S. forces");
    EXPECT_EQ(found[1].role, actor_role::target);
}

// ------------------------------------------------------------------ names and hierarchy

TEST(Actors, CompatibleFollowsParents)
{
    auto const &lex = lexicon();
    EXPECT_TRUE(lex.compatible("Islamic State Khorasan Province", "Islamic State"));
    EXPECT_TRUE(lex.compatible("Islamic State", "ISKP"));
    EXPECT_TRUE(lex.compatible("ISIS", "Islamic State"));
    EXPECT_TRUE(lex.compatible("Daesh", "ISIL"));
    EXPECT_TRUE(lex.compatible("Haqqani Network", "Taliban"));
    EXPECT_TRUE(lex.compatible("Jamaat-ul-Ahrar", "Tehrik-i-Taliban Pakistan"));
    EXPECT_TRUE(lex.compatible("al-Shabaab", "al-Qaeda"));
    EXPECT_TRUE(lex.compatible("Allied Democratic Forces", "Islamic State"));
    EXPECT_TRUE(lex.compatible("", "Taliban"));
    EXPECT_TRUE(lex.compatible("Taliban", ""));
    EXPECT_FALSE(lex.compatible("ISKP", "Taliban"));
    EXPECT_FALSE(lex.compatible("al-Shabaab", "Islamic State"));
    EXPECT_FALSE(lex.compatible("Tehrik-i-Taliban Pakistan", "Taliban"));
    EXPECT_FALSE(lex.compatible("Unknown Group A", "Unknown Group B"));
    EXPECT_TRUE(lex.compatible("Unknown Group A", "unknown group a"));
    // lone attackers, named in full or in part, and the groups another outlet may name instead
    EXPECT_TRUE(lex.compatible("Payton S. Gendron", "Payton Gendron"));
    EXPECT_TRUE(lex.compatible("Payton S. Gendron", "Gendron"));
    EXPECT_FALSE(lex.compatible("Payton S. Gendron", "Robert E. Crimo"));
    EXPECT_TRUE(lex.compatible("Wade Michael Page", "White extremists"));
}

TEST(Actors, CanonicalAndParentLookups)
{
    auto const &lex = lexicon();
    EXPECT_EQ(lex.canonical_of("Daesh"), "Islamic State");
    EXPECT_EQ(lex.canonical_of("Khorasan Chapter of the Islamic State"), "Islamic State Khorasan Province");
    EXPECT_EQ(lex.canonical_of("Islamic State of Iraq and the Levant (ISIL)"), "Islamic State");
    EXPECT_EQ(lex.canonical_of("al-Shabab"), "al-Shabaab");
    EXPECT_EQ(lex.canonical_of("Tehreek-e-Taliban Pakistan"), "Tehrik-i-Taliban Pakistan");
    EXPECT_EQ(lex.canonical_of("no such group"), "");
    EXPECT_EQ(lex.parent_of("ISKP"), "Islamic State");
    EXPECT_EQ(lex.parent_of("Jamaat-ul-Ahrar"), "Tehrik-i-Taliban Pakistan");
    EXPECT_EQ(lex.parent_of("Taliban"), "");
    EXPECT_EQ(lex.parent_of("no such group"), "");
}

TEST(Actors, LexiconIsLargeAndConsistent)
{
    auto const &lex = lexicon();
    EXPECT_GE(lex.actors().size(), 60u);
    std::size_t states = 0;
    for (auto const &a : lex.actors()) {
        if (!a.parent.empty()) {
            EXPECT_EQ(lex.canonical_of(a.parent), a.parent) << a.canonical;
        }
        EXPECT_EQ(lex.canonical_of(a.canonical), a.canonical);
        states += a.kind == actor_kind::state;
    }
    EXPECT_GE(states, 10u);
}

// ------------------------------------------------------------------ configuration errors

std::string write_temp(std::string const &name, std::string const &text)
{
    std::string const path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

std::string const minimal_head = "context: {group_after: [group], group_before: [by], no_article: [a]}\n"
                                 "claims: {claimed: [claimed], claimed_adjacent: [claims], blamed: [blamed],\n"
                                 "         suspected: [suspected], denied: [denied], negators: [no], not_followed_by: [lives]}\n"
                                 "roles: {skip: [the], neutral_nouns: [fighters], perpetrator_nouns: [gunmen],\n"
                                 "        perpetrator_before: [by], perpetrator_after: [attacked], target_before: [against],\n"
                                 "        target_after: [hideout]}\n";

void expect_config_error(std::string const &path, std::string const &needle)
{
    try {
        actor_lexicon::load(path);
        ADD_FAILURE() << "no error for " << path;
    } catch (etl::config_error const &e) {
        std::string const what = e.what();
        EXPECT_NE(what.find(path), std::string::npos) << what;
        EXPECT_NE(what.find(needle), std::string::npos) << what;
    }
}

TEST(Actors, ConfigErrorsNameFileKeyAndLine)
{
    expect_config_error(write_temp("actors_bad_kind.yaml", minimal_head + "actors:\n"
                                                                          "  - canonical: Group A\n"
                                                                          "    kind: militia\n"
                                                                          "    aliases: [Group A]\n"),
                        ":9: kind:");
    expect_config_error(write_temp("actors_bad_parent.yaml", minimal_head + "actors:\n"
                                                                            "  - canonical: Group A\n"
                                                                            "    parent: Group Z\n"
                                                                            "    aliases: [Group A]\n"),
                        ":9: parent: unknown actor 'Group Z'");
    expect_config_error(write_temp("actors_bad_alias.yaml", minimal_head + "actors:\n"
                                                                           "  - canonical: Group A\n"
                                                                           "    aliases: [{name: GA, case_sensitiv: true}]\n"),
                        ":9: case_sensitiv: unknown key");
    expect_config_error(write_temp("actors_no_aliases.yaml", minimal_head + "actors:\n"
                                                                            "  - canonical: Group A\n"),
                        ":8: aliases: missing required key");
    expect_config_error(write_temp("actors_syntax.yaml", minimal_head + "actors: [\n"), "YAML syntax error");
    expect_config_error(::testing::TempDir() + "actors_missing_file.yaml", "cannot read");
}

} // namespace
