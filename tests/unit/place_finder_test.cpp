#include "extract/place_finder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#ifndef ETL_SOURCE_DIR
#define ETL_SOURCE_DIR "."
#endif

using namespace etl::extract;

namespace {

gazetteer const &real()
{
    static gazetteer const g = gazetteer::load(ETL_SOURCE_DIR "/config/gazetteer");
    return g;
}

place_finder const &finder()
{
    static place_finder const f(real());
    return f;
}

struct found {
    std::string text;   ///< the mention's surface text
    std::string country;
    std::string admin1;
    std::string city;
    etl::geo_precision precision = etl::geo_precision::none;
    std::string rule;
};

std::vector<found> places_in(std::string const &article)
{
    auto const tokens = tokenize(article);
    auto const ctx = finder().context_of(tokens);
    std::vector<found> out;
    for (auto const &m : finder().find(tokens, ctx)) {
        auto const p = finder().to_place(m.place_id);
        out.push_back({article.substr(m.begin, m.end - m.begin), p.country, p.admin1, p.city, p.precision, m.rule});
    }
    return out;
}

/// The first mention whose surface text is `surface`; fails the test when there is none.
found place_of(std::string const &article, std::string const &surface)
{
    for (auto const &f : places_in(article))
        if (f.text == surface)
            return f;
    ADD_FAILURE() << "no place '" << surface << "' in: " << article;
    return {};
}

bool mentions(std::string const &article, std::string const &surface)
{
    for (auto const &f : places_in(article))
        if (f.text == surface)
            return true;
    return false;
}

using etl::geo_precision;

#define EXPECT_CITY(article, surface, iso2, admin1_name, city_name)                                      \
    do {                                                                                                 \
        auto const f_ = place_of(article, surface);                                                      \
        EXPECT_EQ(f_.country, iso2) << surface;                                                          \
        EXPECT_EQ(f_.admin1, admin1_name) << surface;                                                    \
        EXPECT_EQ(f_.city, city_name) << surface;                                                        \
        EXPECT_EQ(f_.precision, geo_precision::city) << surface;                                         \
    } while (0)

#define EXPECT_ADMIN1(article, surface, iso2, admin1_name)                                               \
    do {                                                                                                 \
        auto const f_ = place_of(article, surface);                                                      \
        EXPECT_EQ(f_.country, iso2) << surface;                                                          \
        EXPECT_EQ(f_.admin1, admin1_name) << surface;                                                    \
        EXPECT_EQ(f_.city, "") << surface;                                                               \
        EXPECT_EQ(f_.precision, geo_precision::admin1) << surface;                                       \
    } while (0)

#define EXPECT_COUNTRY(article, surface, iso2)                                                           \
    do {                                                                                                 \
        auto const f_ = place_of(article, surface);                                                      \
        EXPECT_EQ(f_.country, iso2) << surface;                                                          \
        EXPECT_EQ(f_.precision, geo_precision::country) << surface;                                      \
    } while (0)

} // namespace

// ---- Afghanistan -------------------------------------------------------------------------

TEST(PlaceFinder, AfghanCitiesAndProvinces)
{
    EXPECT_CITY("A suicide bomber killed 12 people in Kandahar on Tuesday, officials said.", "Kandahar", "AF",
                "Kandahar", "Kandahār");
    EXPECT_ADMIN1("Taliban fighters overran two checkpoints in Balkh province overnight.", "Balkh", "AF", "Balkh");
    EXPECT_CITY("Fighting continued in Kunduz city on Sunday.", "Kunduz", "AF", "Kunduz", "Kunduz");
    EXPECT_ADMIN1("Fighting spread across Kunduz province on Sunday.", "Kunduz", "AF", "Kunduz");
    EXPECT_ADMIN1("The militants control much of the province of Helmand.", "Helmand", "AF", "Helmand");
    EXPECT_CITY("A roadside bomb struck a bus near Lashkar Gah, the capital of Helmand.", "Lashkar Gah", "AF",
                "Helmand", "Lashkar Gāh");
}

TEST(PlaceFinder, AfghanSpellingVariants)
{
    for (char const *spelling : {"Mazar-i-Sharif", "Mazar-e-Sharif", "Mazar-e Sharif", "Mazar i Sharif"})
        EXPECT_CITY(std::string("Gunmen opened fire in ") + spelling + " on Friday.", spelling, "AF", "Balkh",
                    "Mazār-e Sharīf");
    EXPECT_CITY("Clashes were reported in Kondoz overnight.", "Kondoz", "AF", "Kunduz", "Kunduz");
    EXPECT_CITY("Clashes were reported in Qunduz overnight.", "Qunduz", "AF", "Kunduz", "Kunduz");
    EXPECT_CITY("An explosion hit a school in Dasht-e-Barchi, a mostly Hazara area of Kabul.", "Dasht-e-Barchi", "AF",
                "Kabul", "Kabul");
    EXPECT_CITY("Rockets were fired at Jalalabad airport.", "Jalalabad", "AF", "Nangarhar", "Jalālābād");
}

// ---- possessives ---------------------------------------------------------------------------

TEST(PlaceFinder, PossessiveEndsAName)
{
    EXPECT_CITY("IS militants stormed Kabul's National Military Hospital on Wednesday.", "Kabul", "AF", "Kabul",
                "Kabul");
    EXPECT_CITY("A suicide bomber struck Kabul's Bank Square at dawn.", "Kabul", "AF", "Kabul", "Kabul");
    EXPECT_FALSE(mentions("Depositors queued outside Kabul Bank on Sunday.", "Kabul"));
    EXPECT_CITY("The blast tore through a mosque in Peshawar's Police Lines.", "Peshawar", "PK", "Khyber Pakhtunkhwa",
                "Peshawar");
    EXPECT_CITY("Rebels shelled Mogadishu's Bakara Market overnight.", "Mogadishu", "SO", "Banaadir", "Mogadishu");
    EXPECT_CITY("Heavy fighting was reported in the Taliban's Kandahar heartland.", "Kandahar", "AF", "Kandahar",
                "Kandahār");
    // An all-caps possessive too.
    EXPECT_CITY("TROOPS SECURED KABUL'S AIRPORT", "KABUL", "AF", "Kabul", "Kabul");
    // A possessive does not rescue the second word of a person's name.
    EXPECT_TRUE(places_in("Investigators questioned Mohammad Ali's brother.").empty());
    EXPECT_TRUE(places_in("The blast was condemned by Hassan Rouhani's office.").empty());
}

TEST(PlaceFinder, NoPhraseAcrossAPossessive)
{
    // "!Pakistan Army" is blocked, "Pakistan's army" is the country's.
    EXPECT_COUNTRY("Pakistan's army said six militants were killed.", "Pakistan", "PK");
    EXPECT_FALSE(mentions("The Pakistan Army said six militants were killed.", "Pakistan"));
    // A name with a possessive of its own still matches whole.
    auto const cox = place_of("Aid reached the camps near Cox's Bazar on Friday.", "Cox's Bazar");
    EXPECT_EQ(cox.country, "BD");
}

// ---- neighbourhoods --------------------------------------------------------------------------

TEST(PlaceFinder, NeighbourhoodsReportTheirCity)
{
    EXPECT_CITY("A bomb ripped through a tuition centre in Dasht-e Barchi on Friday.", "Dasht-e Barchi", "AF",
                "Kabul", "Kabul");
    EXPECT_CITY("Gunmen stormed a guesthouse in Kabul's Shahr-e Naw neighbourhood.", "Shahr-e Naw", "AF", "Kabul",
                "Kabul");
    EXPECT_CITY("Gunmen stormed a guesthouse in Kabul's Shahr-e Naw neighbourhood.", "Kabul", "AF", "Kabul", "Kabul");
    EXPECT_CITY("Worshippers were leaving the Karte Sakhi shrine when the blast hit.", "Karte Sakhi", "AF", "Kabul",
                "Kabul");
    EXPECT_CITY("A car bomb killed 12 people in Baghdad's Sadr City.", "Sadr City", "IQ", "Baghdad", "Baghdad");
    EXPECT_CITY("Two explosions shook the Karrada district late on Saturday.", "Karrada", "IQ", "Baghdad",
                "Baghdad");
    EXPECT_CITY("The truck exploded at the busy Zoobe junction.", "Zoobe", "SO", "Banaadir", "Mogadishu");
    EXPECT_CITY("Police said a grenade was thrown at a checkpoint in Hodan district.", "Hodan", "SO", "Banaadir",
                "Mogadishu");
    EXPECT_CITY("Gang violence flared again in Lyari, Karachi.", "Lyari", "PK", "Sindh", "Karachi");
    EXPECT_CITY("A suicide bomber attacked a mosque in Kocha Risaldar, Peshawar.", "Kocha Risaldar", "PK",
                "Khyber Pakhtunkhwa", "Peshawar");
    EXPECT_CITY("A gunman opened fire in the Oregon District of Dayton, Ohio.", "Oregon District", "US", "Ohio",
                "Dayton");
    EXPECT_FALSE(mentions("Supporters of Muqtada al-Sadr marched in Basra.", "Sadr")); // a family name
    // "X, <city>": the city, not the province of the same name.
    EXPECT_CITY("A school in Dasht-e-Barchi, Kabul, was hit.", "Kabul", "AF", "Kabul", "Kabul");
    EXPECT_EQ(place_of("A school in Dasht-e-Barchi, Kabul, was hit.", "Kabul").rule, "local");
}

TEST(PlaceFinder, NeighbourhoodKeepsItsOwnCoordinates)
{
    auto const *e = real().lookup("Khair Khana");
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->refs.size(), 1u);
    auto const id = e->refs.front().place;
    auto const p = finder().to_place(id);
    EXPECT_EQ(p.country, "AF");
    EXPECT_EQ(p.admin1, "Kabul");
    EXPECT_EQ(p.city, "Kabul");
    EXPECT_EQ(p.precision, geo_precision::city);
    ASSERT_TRUE(p.latitude && p.longitude);
    EXPECT_DOUBLE_EQ(*p.latitude, real().place(id).latitude);
    EXPECT_DOUBLE_EQ(*p.longitude, real().place(id).longitude);
    auto const kabul = finder().to_place(*real().capital_of("AF"));
    EXPECT_GT(*p.latitude - *kabul.latitude, 0.03); // north-west of the centre
    EXPECT_LT(*p.longitude - *kabul.longitude, -0.03);
}

// ---- Pakistan and India --------------------------------------------------------------------

TEST(PlaceFinder, Pakistan)
{
    EXPECT_ADMIN1("Gunmen attacked a police post in Pakistan's Khyber Pakhtunkhwa province.", "Khyber Pakhtunkhwa",
                  "PK", "Khyber Pakhtunkhwa");
    EXPECT_COUNTRY("Gunmen attacked a police post in Pakistan's Khyber Pakhtunkhwa province.", "Pakistan", "PK");
    EXPECT_CITY("A blast in Quetta killed 20 people.", "Quetta", "PK", "Balochistan", "Quetta");
    EXPECT_CITY("A drone strike killed five in Miranshah, North Waziristan.", "Miranshah", "PK", "Khyber Pakhtunkhwa",
                "Miranshah");
    EXPECT_EQ(place_of("A drone strike killed five in Miranshah, North Waziristan.", "North Waziristan").precision,
              geo_precision::admin1);
    EXPECT_ADMIN1("Militants attacked a convoy in the former NWFP.", "NWFP", "PK", "Khyber Pakhtunkhwa");
}

TEST(PlaceFinder, PunjabByContext)
{
    EXPECT_ADMIN1("The bomb went off in Lahore, the capital of Punjab.", "Punjab", "PK", "Punjab");
    EXPECT_ADMIN1("Police in Amritsar said the gang had operated across Punjab for years.", "Punjab", "IN", "Punjab");
    EXPECT_ADMIN1("The Pakistani army said militants crossed into Punjab.", "Punjab", "PK", "Punjab");
    EXPECT_ADMIN1("Indian police said the attackers were arrested in Punjab.", "Punjab", "IN", "Punjab");
    EXPECT_ADMIN1("A blast in Lahore, Punjab, killed 7.", "Punjab", "PK", "Punjab");
}

TEST(PlaceFinder, India)
{
    EXPECT_CITY("Militants attacked an army camp in Pulwama in Kashmir.", "Pulwama", "IN", "Jammu and Kashmir",
                "Pulwama");
    EXPECT_ADMIN1("Maoist rebels killed 10 police officers in Chhattisgarh state.", "Chhattisgarh", "IN",
                  "Chhattisgarh");
    EXPECT_CITY("Gunmen stormed a hotel in Mumbai, India.", "Mumbai", "IN", "Maharashtra", "Mumbai");
}

// ---- Iraq and Syria ------------------------------------------------------------------------

TEST(PlaceFinder, IraqAndSyria)
{
    EXPECT_CITY("A car bomb exploded in Baghdad on Monday.", "Baghdad", "IQ", "Baghdad", "Baghdad");
    EXPECT_CITY("Iraqi forces retook Falluja after weeks of fighting.", "Falluja", "IQ", "Anbar", "Al Fallūjah");
    EXPECT_CITY("A bomb in Hit, Anbar province, killed four.", "Hit", "IQ", "Anbar", "Hīt");
    EXPECT_ADMIN1("Attacks continued in Salahuddin province.", "Salahuddin", "IQ", "Salah ad Din");
    EXPECT_CITY("Islamic State claimed the attack in Raqqa, Syria.", "Raqqa", "SY", "Raqqa", "Ar Raqqah");
    EXPECT_CITY("Clashes in Deir al-Zour left dozens dead, a Syrian monitor said.", "Deir al-Zour", "SY",
                "Deir ez-Zor", "Deir ez-Zor");
    EXPECT_CITY("Kurdish fighters defended Kobani against Islamic State.", "Kobani", "SY", "Aleppo",
                "‘Ayn al ‘Arab");
    EXPECT_CITY("Gunmen killed 3 in Mosul.", "Mosul", "IQ", "Nineveh", "Mosul");
}

// ---- Africa --------------------------------------------------------------------------------

TEST(PlaceFinder, NigeriaSomaliaMali)
{
    EXPECT_CITY("Boko Haram fighters attacked Maiduguri, the capital of Borno State.", "Maiduguri", "NG",
                "Borno", "Maiduguri");
    EXPECT_ADMIN1("Boko Haram fighters attacked villages in Borno state.", "Borno", "NG", "Borno");
    EXPECT_CITY("Al-Shabaab militants stormed a hotel in Mogadishu, Somalia.", "Mogadishu", "SO", "Banaadir",
                "Mogadishu");
    EXPECT_CITY("A bomb exploded at a checkpoint in Kismayo.", "Kismayo", "SO", "Lower Juba", "Kismayo");
    EXPECT_CITY("Jihadists attacked an army camp near Gao in northern Mali.", "Gao", "ML", "Gao", "Gao");
    EXPECT_CITY("Rockets hit the airport in Timbuktu.", "Timbuktu", "ML", "Tombouctou", "Timbuktu");
}

// ---- Asia-Pacific and the Americas --------------------------------------------------------------

TEST(PlaceFinder, PhilippinesColombiaUnitedStates)
{
    EXPECT_CITY("Abu Sayyaf gunmen kidnapped tourists in Jolo, Sulu province.", "Jolo", "PH",
                "Autonomous Region in Muslim Mindanao", "Jolo");
    EXPECT_CITY("Militants occupied Marawi City in the southern Philippines.", "Marawi City", "PH",
                "Autonomous Region in Muslim Mindanao", "Marawi City");
    EXPECT_ADMIN1("FARC dissidents attacked a police station in Cauca, Colombia.", "Cauca", "CO", "Cauca");
    EXPECT_CITY("A bomb went off in Cali, Colombia.", "Cali", "CO", "Valle del Cauca", "Cali");
    EXPECT_CITY("A shooting in El Paso, Texas, left 23 dead.", "El Paso", "US", "Texas", "El Paso");
    EXPECT_ADMIN1("A shooting in El Paso, Texas, left 23 dead.", "Texas", "US", "Texas");
    EXPECT_CITY("An attack in Atlanta, Georgia, killed one.", "Atlanta", "US", "Georgia", "Atlanta");
    EXPECT_ADMIN1("An attack in Atlanta, Georgia, killed one.", "Georgia", "US", "Georgia");
    EXPECT_COUNTRY("Protests in Tbilisi, Georgia, turned violent.", "Georgia", "GE");
    EXPECT_COUNTRY("Russian troops remain in Georgia.", "Georgia", "GE");
}

// ---- demonyms and capitals --------------------------------------------------------------------

TEST(PlaceFinder, DemonymsAndCapitals)
{
    auto const iran = place_of("The Iranian Parliament condemned the attack.", "Iranian");
    EXPECT_EQ(iran.country, "IR");
    EXPECT_EQ(iran.precision, geo_precision::country);
    EXPECT_EQ(iran.rule, "demonym");

    EXPECT_CITY("The attack in the Afghan capital killed five.", "Afghan capital", "AF", "Kabul", "Kabul");
    EXPECT_CITY("A car bomb exploded in the Iraqi capital on Monday.", "Iraqi capital", "IQ", "Baghdad", "Baghdad");
    EXPECT_CITY("Rockets landed in the Somali capital.", "Somali capital", "SO", "Banaadir", "Mogadishu");
    EXPECT_CITY("Gunmen attacked a bank in the capital of Nigeria.", "capital of Nigeria", "NG",
                "FCT", "Abuja");
    EXPECT_CITY("Pakistan's capital was on high alert.", "Pakistan's capital", "PK", "Islamabad", "Islamabad");
    // a container that holds no place of that name: another place, one the gazetteer lacks
    EXPECT_ADMIN1("Assailants attacked civilians in Njaba village, Borno state, Nigeria.", "Borno", "NG", "Borno");
    EXPECT_FALSE(mentions("Assailants attacked civilians in Njaba village, Borno state, Nigeria.", "Njaba"));
    EXPECT_CITY("Gunmen took hostages at a school in Beslan, North Ossetia, Russia.", "Beslan", "RU",
                "North Ossetia\u2013Alania", "Beslan");
    // a bare "the capital" is the capital of the country the article is about
    EXPECT_CITY("Somalia has suffered many attacks. Militants stormed a restaurant in the capital on Friday.",
                "the capital", "SO", "Banaadir", "Mogadishu");
    EXPECT_FALSE(mentions("Militants stormed a restaurant in the capital on Friday.", "the capital"));
    EXPECT_FALSE(mentions("Somalia needs foreign capital. The capital of the bank was lost.", "The capital"));
    // Money, not a city.
    EXPECT_COUNTRY("The Afghan capital markets collapsed.", "Afghan", "AF");
    EXPECT_COUNTRY("Afghan forces repelled the attack.", "Afghan", "AF");
    EXPECT_COUNTRY("The Philippine army said 5 soldiers died.", "Philippine", "PH");
}

TEST(PlaceFinder, CountryAbbreviationsAndMetonyms)
{
    EXPECT_COUNTRY("The U.S. embassy in Baghdad was hit by rockets.", "U.S.", "US");
    EXPECT_CITY("The U.S. embassy in Baghdad was hit by rockets.", "Baghdad", "IQ", "Baghdad", "Baghdad");
    EXPECT_COUNTRY("The US said it would respond.", "US", "US");
    EXPECT_COUNTRY("The UK raised its threat level.", "UK", "GB");
    EXPECT_CITY("Washington said it would respond.", "Washington", "US", "District of Columbia", "Washington");
    EXPECT_CITY("Kabul said the attackers came from across the border.", "Kabul", "AF", "Kabul", "Kabul");
    EXPECT_COUNTRY("Troops were deployed along the border with Turkey.", "Turkey", "TR");
}

// ---- ALL CAPS ------------------------------------------------------------------------------------

TEST(PlaceFinder, AllCapsArticles)
{
    std::string const wire = "SUICIDE BOMBER KILLS 12 IN KANDAHAR, AFGHANISTAN; POLICE SAY TOLL MAY RISE";
    EXPECT_CITY(wire, "KANDAHAR", "AF", "Kandahar", "Kandahār");
    EXPECT_COUNTRY(wire, "AFGHANISTAN", "AF");
    EXPECT_FALSE(mentions(wire, "POLICE"));
    EXPECT_FALSE(mentions(wire, "MAY"));

    EXPECT_CITY("GUNMEN ATTACK CHECKPOINT IN HIT, ANBAR PROVINCE", "HIT", "IQ", "Anbar", "Hīt");
    // Without local support a common word is not a place in capitals.
    EXPECT_FALSE(mentions("THE BOMB DID NOT HIT ITS TARGET IN MOSUL", "HIT"));
    EXPECT_CITY("THE BOMB DID NOT HIT ITS TARGET IN MOSUL", "MOSUL", "IQ", "Nineveh", "Mosul");
    EXPECT_FALSE(mentions("MILITANTS TOLD US THEY WOULD ATTACK AGAIN IN MOGADISHU", "US"));

    auto const tokens = tokenize("ATTACK IN KUNDUZ KILLS 5");
    EXPECT_TRUE(place_finder::looks_all_caps(tokens));
    EXPECT_TRUE(finder().context_of(tokens).all_caps);
    EXPECT_FALSE(place_finder::looks_all_caps(tokenize("KABUL (Reuters) - A bomb exploded in the city on Tuesday.")));
}

TEST(PlaceFinder, DatelineInMixedCase)
{
    auto const all = places_in("KABUL (Reuters) - A bomb exploded in the city on Tuesday.");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].city, "Kabul");
}

// ---- false positives ----------------------------------------------------------------------------

TEST(PlaceFinder, CommonWordsAreNotPlaces)
{
    EXPECT_TRUE(places_in("Police said the man was arrested in March.").empty());
    EXPECT_TRUE(places_in("Nice weather did not stop the militants.").empty());
    EXPECT_TRUE(places_in("Mobile phone networks were cut.").empty());
    EXPECT_TRUE(places_in("Reading the statement, the spokesman said most of them fled.").empty());
    EXPECT_TRUE(places_in("Most of the victims were women. May God have mercy.").empty());
    EXPECT_TRUE(places_in("The bomb hit a bus. Split seconds later a second device exploded.").empty());
    EXPECT_TRUE(places_in("The Afghan National Police and the Army responded.").empty()); // a blocked phrase
    EXPECT_TRUE(places_in("The attackers used a Tank and a Bar of explosives.").empty());
    // With support they are.
    EXPECT_CITY("A man was shot in Mobile, Alabama.", "Mobile", "US", "Alabama", "Mobile");
}

TEST(PlaceFinder, PersonNamesAreNotPlaces)
{
    EXPECT_TRUE(places_in("Mohammad Ali said the attack happened at night.").empty());
    EXPECT_TRUE(places_in("The statement was signed by Hassan Rouhani.").empty());
    EXPECT_TRUE(places_in("President Obama spoke to reporters.").empty());
    EXPECT_TRUE(places_in("Mr. Jackson was not hurt.").empty());
    EXPECT_TRUE(places_in("Gen. Jalalabad? No: Gen. Raziq survived.").size() <= 1);
    auto const one = places_in("Hassan Rouhani condemned the blast in Kabul.");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].city, "Kabul");
}

TEST(PlaceFinder, BlockedPhrases)
{
    EXPECT_TRUE(places_in("The Washington Post reported the attack.").empty());
    EXPECT_TRUE(places_in("Pirates operate in the Indian Ocean.").empty());
    EXPECT_TRUE(places_in("Islamic State and Boko Haram claimed attacks.").empty());
    EXPECT_TRUE(places_in("Al Shabaab fighters were seen.").empty());
}

// ---- context -----------------------------------------------------------------------------------

TEST(PlaceFinder, ArticleContextDecides)
{
    // Hyderabad: India's is larger, Pakistan's wins in a Pakistani article.
    EXPECT_EQ(place_of("A blast in Hyderabad killed 4.", "Hyderabad").country, "IN");
    EXPECT_EQ(place_of("Pakistani police said a blast in Hyderabad, Sindh killed 4.", "Hyderabad").country, "PK");
    EXPECT_EQ(place_of("Pakistan: a blast in Hyderabad killed 4. Karachi was calm.", "Hyderabad").country, "PK");
    // Context learned from one sentence applies to another: find() may be given a sentence.
    std::string const article = "Violence flared across Syria. Later, gunmen opened fire in Homs.";
    auto const tokens = tokenize(article);
    auto const ctx = finder().context_of(tokens);
    EXPECT_EQ(real().place(ctx.dominant_country()).country, "SY");
    std::vector<token> const second(tokens.begin() + 5, tokens.end());
    auto const ms = finder().find(second, ctx);
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(finder().to_place(ms[0].place_id).country, "SY");
    EXPECT_EQ(article.substr(ms[0].begin, ms[0].end - ms[0].begin), "Homs");
}

TEST(PlaceFinder, MentionSpansAndRules)
{
    std::string const text = "Gunmen attacked Mazar-i-Sharif in Balkh province.";
    auto const tokens = tokenize(text);
    auto const ms = finder().find(tokens, finder().context_of(tokens));
    ASSERT_EQ(ms.size(), 2u);
    EXPECT_EQ(ms[0].first_token, 2u);
    EXPECT_EQ(ms[0].token_count, 3u);
    EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "Mazar-i-Sharif");
    EXPECT_EQ(ms[1].rule, "hint");
}

TEST(PlaceFinder, ToPlaceFillsCoordinates)
{
    auto const kabul = real().capital_of("AF");
    ASSERT_TRUE(kabul);
    auto const p = finder().to_place(*kabul);
    EXPECT_EQ(p.country, "AF");
    EXPECT_EQ(p.admin1, "Kabul");
    EXPECT_EQ(p.city, "Kabul");
    EXPECT_EQ(p.precision, geo_precision::city);
    ASSERT_TRUE(p.latitude && p.longitude);
    EXPECT_NEAR(*p.latitude, 34.53, 0.01);
    EXPECT_NEAR(*p.longitude, 69.17, 0.01);

    auto const af = finder().to_place(*real().country("AF"));
    EXPECT_EQ(af.precision, geo_precision::country);
    EXPECT_TRUE(af.latitude);
    EXPECT_EQ(finder().to_place(no_place).precision, geo_precision::none);
}

TEST(PlaceFinder, StreetsNamedAfterPlacesAreNotThosePlaces)
{
    std::string const chicago = "Two men were shot in the 4200 block of West Madison Street in Chicago on Sunday.";
    EXPECT_FALSE(mentions(chicago, "Madison"));
    EXPECT_CITY(chicago, "Chicago", "US", "Illinois", "Chicago");
    EXPECT_FALSE(mentions("A car bomb exploded on Haifa Street in Baghdad.", "Haifa"));
    EXPECT_FALSE(mentions("GUNMEN OPENED FIRE ON CAIRO AVENUE IN MANILA.", "CAIRO"));
    EXPECT_TRUE(mentions("The convoy left Peshawar on the road to Kabul.", "Peshawar")) << "a road, not a name";
}

TEST(PlaceFinder, NaturalFeaturesNamedAfterPlacesAreNotThosePlaces)
{
    EXPECT_FALSE(mentions("The shooting began a few blocks from the Delaware River waterfront.", "Delaware"));
    EXPECT_FALSE(mentions("Families picnic on its lawns along the Ohio River.", "Ohio"));
    std::string const mopti = "Gunmen attacked a boat on the Niger River near Mopti.";
    EXPECT_FALSE(mentions(mopti, "Niger"));
    EXPECT_CITY(mopti, "Mopti", "ML", "Mopti", "Mopti");
    EXPECT_TRUE(mentions("Militants attacked a post in Kunar Valley.", "Kunar")) << "a valley is a district's area";
}

TEST(PlaceFinder, CompassAdjectivesBeforeAPlaceNounAreNotProvinces)
{
    // Zambia has a "North-Western" province; in capitals the adjective looks the same.
    std::string const text = "GUNMEN STORMED AN ARMY-RUN SCHOOL IN THE NORTH-WESTERN CITY OF PESHAWAR ON TUESDAY.";
    EXPECT_FALSE(mentions(text, "NORTH-WESTERN"));
    EXPECT_CITY(text, "PESHAWAR", "PK", "Khyber Pakhtunkhwa", "Peshawar");
    EXPECT_FALSE(mentions("A BOMB WENT OFF IN THE EASTERN PROVINCE OF NANGARHAR.", "EASTERN"));
}

TEST(PlaceFinder, AssociatedPressStateAbbreviations)
{
    EXPECT_CITY("HIGHLAND PARK, Ill. (AP) - A gunman fired on a parade.", "HIGHLAND PARK", "US", "Illinois",
                "Highland Park");
    EXPECT_CITY("SPRINGFIELD, Mo. - Two people were shot on Monday.", "SPRINGFIELD", "US", "Missouri", "Springfield");
    EXPECT_CITY("Two people were shot in Jacksonville, Fla., on Monday.", "Jacksonville", "US", "Florida",
                "Jacksonville");
    EXPECT_FALSE(mentions("THE GUARD FELL ILL. HE WAS TAKEN TO A HOSPITAL.", "ILL"));
    EXPECT_FALSE(mentions("Miss. Smith said the mass. was cancelled.", "Miss"));
}

TEST(PlaceFinder, DatelineBeforeADashIsAPlace)
{
    EXPECT_CITY("CHICAGO - A man was shot dead early Sunday.", "CHICAGO", "US", "Illinois", "Chicago");
    EXPECT_FALSE(mentions("Hassan Rouhani said on Monday that talks would go on.", "Hassan"));
}

TEST(PlaceFinder, ADivisionTheGazetteerLacksIsNoNamesakeTown)
{
    // no US counties in the gazetteer: "Oakland County" is not Oakland, California
    EXPECT_FALSE(mentions("Shots were fired at a school in Oakland County on Tuesday.", "Oakland"));
    EXPECT_FALSE(mentions("Sheriff Michael Bouchard said the teen was carrying a pistol.", "Michael"));
}

TEST(PlaceFinder, NamesAfterATitleAndUnknownNeighbourhoodsAreNoPlaces)
{
    EXPECT_FALSE(mentions("A car exploded at the General Francisco de Paula Santander police academy.", "Santander"));
    EXPECT_FALSE(mentions("A car exploded at the General Francisco de Paula Santander police academy.", "Paula"));
    EXPECT_FALSE(mentions("A bomb went off in the San Jose neighborhood of Barranquilla.", "San Jose"));
    EXPECT_CITY("A bomb went off in the San Jose neighborhood of Barranquilla.", "Barranquilla", "CO",
                "Atl\u00e1ntico", "Barranquilla");
}
