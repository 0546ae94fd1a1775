#include "extract/boilerplate.hpp"
#include "extract/sentences.hpp"
#include "extract/text_normaliser.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace etl::extract;

namespace {

std::string const lexicon_dir = std::string(ETL_SOURCE_DIR) + "/config/lexicon/";

/// Is s well-formed UTF-8?
bool valid_utf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        auto const b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3
                                      : (b >= 0xF0 && b <= 0xF4)   ? 4
                                                                   : 0;
        if (len == 0 || i + len > s.size())
            return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

std::string random_bytes(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s(n, '\0');
    for (char &c : s)
        c = static_cast<char>(byte(rng));
    return s;
}

} // namespace

// ------------------------------------------------------------------ quotes and dashes

TEST(NormaliseUnicode, CurlyQuotesBecomeAscii)
{
    EXPECT_EQ(normalise_unicode("“Stay inside,” the mayor’s office said."),
              "\"Stay inside,\" the mayor's office said.");
    EXPECT_EQ(normalise_unicode("‘Enough’ and „low“ and ‟odd”"), "'Enough' and \"low\" and \"odd\"");
    EXPECT_EQ(normalise_unicode("«Non» ‹oui›"), "\"Non\" 'oui'");
    EXPECT_EQ(normalise_unicode("the 5′ wall, a 6″ pipe"), "the 5' wall, a 6\" pipe");
    EXPECT_EQ(normalise_unicode("Qur\u02BCan"), "Qur'an");
}

TEST(NormaliseUnicode, DashesBetweenWordsOrNumbersStayJoined)
{
    EXPECT_EQ(normalise_unicode("killed 10–12 people"), "killed 10-12 people");
    EXPECT_EQ(normalise_unicode("the Herat–Kandahar highway"), "the Herat-Kandahar highway");
    EXPECT_EQ(normalise_unicode("from 1996—2001"), "from 1996-2001");
    EXPECT_EQ(normalise_unicode("pro\u2010government and non\u2011state"), "pro-government and non-state");
    EXPECT_EQ(normalise_unicode("it fell to \u22125 degrees"), "it fell to -5 degrees");
}

TEST(NormaliseUnicode, ClauseDashesAreSpaced)
{
    EXPECT_EQ(normalise_unicode("the convoy—three trucks—was hit"), "the convoy - three trucks - was hit");
    EXPECT_EQ(normalise_unicode("the convoy — three trucks — was hit"), "the convoy - three trucks - was hit");
    EXPECT_EQ(normalise_unicode("MOGADISHU – Gunmen attacked"), "MOGADISHU - Gunmen attacked");
    EXPECT_EQ(normalise_unicode("LAGOS -- Gunmen attacked"), "LAGOS - Gunmen attacked");
    EXPECT_EQ(normalise_unicode("LAGOS---Gunmen attacked"), "LAGOS - Gunmen attacked");
    EXPECT_EQ(normalise_unicode("a well-known -- if small -- group"), "a well-known - if small - group");
    EXPECT_EQ(normalise_unicode("----------"), "----------"); // a rule is left to the boilerplate filter
    EXPECT_EQ(normalise_unicode("— Agencies"), "- Agencies");
}

TEST(NormaliseUnicode, NormalisingTwiceChangesNothing)
{
    // Found by fuzz/fuzz_text_normaliser: an ASCII hyphen next to a Unicode one became "--" on the
    // first pass and a spaced dash on the second.
    for (char const *text : {"x-\u2010y", "x\u2010-y", "a \u2011\u2011 b", "\xc0-\xe2\x80\x90" "0of", "10\u2212-5"}) {
        auto const once = normalise_unicode(text);
        EXPECT_EQ(normalise_unicode(once), once) << text;
    }
    EXPECT_EQ(normalise_unicode("LAGOS \u2010- Gunmen"), "LAGOS - Gunmen");
}

// ------------------------------------------------------------------ spaces and invisible characters

TEST(NormaliseUnicode, UnicodeSpacesBecomeOneSpace)
{
    EXPECT_EQ(normalise_unicode("12\u00A0people"), "12 people");
    EXPECT_EQ(normalise_unicode("a\u2009b\u202Fc\u3000d\u2003e"), "a b c d e");
    EXPECT_EQ(normalise_unicode("a \u00A0\u00A0 \t b"), "a b");
    EXPECT_EQ(normalise_unicode("Afghanistan\u00A0 \u00A0 \u00A0"), "Afghanistan");
}

TEST(NormaliseUnicode, InvisibleCharactersAreRemoved)
{
    EXPECT_EQ(normalise_unicode("\uFEFFKabul"), "Kabul");
    EXPECT_EQ(normalise_unicode("Kan\u200Bdahar"), "Kandahar");
    EXPECT_EQ(normalise_unicode("explo\u00ADsion"), "explosion");
    EXPECT_EQ(normalise_unicode("a\u200Cb\u200Dc\u2060d\u200Ee\u200Ff\u202Ag\u2066h"), "abcdefgh");
}

TEST(NormaliseUnicode, EllipsisBecomesThreeDots)
{
    EXPECT_EQ(normalise_unicode("and then…"), "and then...");
    EXPECT_EQ(normalise_unicode("wait … what"), "wait ... what");
}

TEST(NormaliseUnicode, KeepsLettersOfAnyScript)
{
    std::string const text = "Café Ñandú in Zürich, Łódź and Şanlıurfa; قندهار; 喀布尔";
    EXPECT_EQ(normalise_unicode(text), text);
}

TEST(NormaliseUnicode, WindowsControlCharactersAreReadAsCp1252)
{
    // Text decoded as Latin-1 when it was Windows-1252: U+0093 is a left double quote.
    EXPECT_EQ(normalise_unicode("\u0093Leave now\u0094 he said \u0096 twice\u0085"),
              "\"Leave now\" he said - twice...");
    EXPECT_EQ(normalise_unicode("it\u0092s"), "it's");
    EXPECT_EQ(normalise_unicode("a\u0081b"), "ab"); // undefined in Windows-1252
}

// ------------------------------------------------------------------ line structure

TEST(NormaliseUnicode, LineEndingsAndBlankLines)
{
    EXPECT_EQ(normalise_unicode("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
    EXPECT_EQ(normalise_unicode("one\n\n\n\n\ntwo"), "one\n\ntwo");
    EXPECT_EQ(normalise_unicode("one\n  \n\t\n \ntwo"), "one\n\ntwo");
    EXPECT_EQ(normalise_unicode("one\r\n\r\n\r\ntwo"), "one\n\ntwo");
    EXPECT_EQ(normalise_unicode("one\u2028two\u2029three"), "one\ntwo\n\nthree");
    EXPECT_EQ(normalise_unicode("page\fbreak"), "page\nbreak");
}

TEST(NormaliseUnicode, TrimsLinesAndCollapsesSpaces)
{
    EXPECT_EQ(normalise_unicode("   first  line   \n\t second\t\tline  "), "first line\nsecond line");
    EXPECT_EQ(normalise_unicode("\n\n  \n text \n\n\n"), "text");
    EXPECT_EQ(normalise_unicode("a\x01" "b\x7F" "c"), "a b c");
}

TEST(NormaliseUnicode, EmptyAndBlankInput)
{
    EXPECT_EQ(normalise_unicode(""), "");
    EXPECT_EQ(normalise_unicode(" \n\t\r\n \u00A0 "), "");
}

// ------------------------------------------------------------------ broken input

TEST(NormaliseUnicode, InvalidUtf8BecomesReplacementCharacter)
{
    EXPECT_EQ(normalise_unicode("a\xFF" "b"), "a\uFFFD" "b");
    EXPECT_EQ(normalise_unicode("caf\xE9 noir"), "caf\uFFFD noir");            // Latin-1 byte
    EXPECT_EQ(normalise_unicode("end\xE2\x80"), "end\uFFFD");                   // truncated sequence
    EXPECT_EQ(normalise_unicode("x\xE2\x80y"), "x\uFFFDy");                     // interrupted sequence
    EXPECT_EQ(normalise_unicode("\xC0\xAF"), "\uFFFD\uFFFD");                    // overlong
    EXPECT_EQ(normalise_unicode("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");          // surrogate
    EXPECT_EQ(normalise_unicode("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD"); // past U+10FFFF
    EXPECT_EQ(normalise_unicode(std::string("a\0b", 3)), "a b");
}

TEST(NormaliseUnicode, BinaryGarbageGivesValidUtf8)
{
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::string const garbage = random_bytes(4096, seed);
        std::string const out = normalise_unicode(garbage);
        EXPECT_TRUE(valid_utf8(out)) << "seed " << seed;
        EXPECT_EQ(out.find("\n\n\n"), std::string::npos);
        EXPECT_EQ(out.find("  "), std::string::npos);
    }
}

TEST(NormaliseUnicode, IdempotentOnNewsText)
{
    std::string const text = "KABUL — A blast “ripped through” a mosque…\r\n\r\n\r\nAt least 10–12 died.  ";
    std::string const once = normalise_unicode(text);
    EXPECT_EQ(normalise_unicode(once), once);
}

TEST(NormaliseUnicode, InvisibleCharactersDoNotSplitAHyphenRun)
{
    // Found by fuzz/fuzz_text_normaliser: "-\u2066-" became "--" once the isolate was dropped,
    // and a second pass turned that into a dash.
    EXPECT_EQ(normalise_unicode("a-\u2066-b"), normalise_unicode("a--b"));
    EXPECT_EQ(normalise_unicode("a-\u200B\u00AD-b"), normalise_unicode("a--b"));
    EXPECT_EQ(normalise_unicode("well-\u200Bknown"), "well-known");
    std::string const found = "y\u2066&-\xE2\x81-\u2066-\xE2\x81-\u2066\uFFFD\uFFFD\xEF\xBF";
    std::string const once = normalise_unicode(found);
    EXPECT_EQ(normalise_unicode(once), once);
}

// ------------------------------------------------------------------ helpers

TEST(TextNormaliser, AppendUtf8)
{
    std::string s;
    append_utf8(s, 'A');
    append_utf8(s, 0xE9);
    append_utf8(s, 0x2019);
    append_utf8(s, 0x1F600);
    append_utf8(s, 0xD800);
    append_utf8(s, 0x110000);
    EXPECT_EQ(s, "A\u00E9\u2019\U0001F600\uFFFD\uFFFD");
}

TEST(TextNormaliser, Windows1252)
{
    EXPECT_EQ(windows_1252_code_point(0x93), 0x201Cu);
    EXPECT_EQ(windows_1252_code_point(0x80), 0x20ACu);
    EXPECT_EQ(windows_1252_code_point(0x81), 0u);
    EXPECT_EQ(windows_1252_code_point(0x41), 0x41u);
}

TEST(TextNormaliser, MostlyCapitals)
{
    EXPECT_TRUE(is_mostly_capitals("GUNMEN KILLED FIVE PEOPLE IN A RAID ON A VILLAGE, POLICE SAID."));
    EXPECT_TRUE(is_mostly_capitals("GUNMEN KILLED FIVE PEOPLE (Reuters) IN A RAID ON A VILLAGE."));
    EXPECT_FALSE(is_mostly_capitals("Gunmen killed five people in a raid on a village, police said."));
    EXPECT_FALSE(is_mostly_capitals("US Says ISIS-K And TTP Are Behind The Attacks In FATA"));
    EXPECT_FALSE(is_mostly_capitals("UN"));
    EXPECT_FALSE(is_mostly_capitals(""));
}

TEST(TextNormaliser, LooksLikeHtml)
{
    EXPECT_TRUE(looks_like_html("<!DOCTYPE html><title>x</title>"));
    EXPECT_TRUE(looks_like_html("  <html lang=\"en\"><p>x"));
    EXPECT_TRUE(looks_like_html("<p>One.</p>\n<p>Two.</p>"));
    EXPECT_TRUE(looks_like_html("Text<br>more<br/>text"));
    EXPECT_TRUE(looks_like_html("<DIV CLASS=\"story\">x</DIV>"));
    EXPECT_FALSE(looks_like_html("The toll rose to <10 and then >20 within hours."));
    EXPECT_FALSE(looks_like_html("if a<b and b>c then a<c"));
    EXPECT_FALSE(looks_like_html("Only one <b> tag mentioned"));
    EXPECT_FALSE(looks_like_html("Email <press@example.org> for details <3"));
    EXPECT_FALSE(looks_like_html(""));
}

// ------------------------------------------------------------------ the whole cleaning step

TEST(CleanArticleText, PlainTextWithFurniture)
{
    auto const filter = boilerplate_filter::from_file(lexicon_dir + "boilerplate.txt");
    std::string const raw = "WORLD\r\n\r\nPublished\r\n\r\non\r\n\r\nBy Maria Lopez and Tom Reed, Example News\r\n\r\n"
                            "Gunmen stormed a police post in the town on Sunday — killing four officers."
                            "\u00A0\u00A0\r\n"
                            "Image caption: Police at the scene\r\n\r\nShare on WhatsApp\r\n\r\n"
                            "Officials said the attackers \u201Cfled on motorbikes\u201D.\r\n\r\nLeave a Comment";
    auto const clean = clean_article_text(raw, false, filter);
    EXPECT_EQ(clean.text, "Gunmen stormed a police post in the town on Sunday - killing four officers.\n\n"
                          "Officials said the attackers \"fled on motorbikes\".");
    EXPECT_FALSE(clean.all_caps);
}

TEST(CleanArticleText, PlainTextEntitiesAreDecoded)
{
    boilerplate_filter const filter;
    auto const clean = clean_article_text("Q&amp;A: the group&#8217;s leader, AT&T and R&D", false, filter);
    EXPECT_EQ(clean.text, "Q&A: the group's leader, AT&T and R&D");
}

TEST(CleanArticleText, HtmlIsConvertedThenNormalised)
{
    auto const filter = boilerplate_filter::from_file(lexicon_dir + "boilerplate.txt");
    std::string const html = "<html><head><title>Blast</title><script>var a = 1 < 2;</script></head><body>"
                             "<nav><a href=\"/\">Home</a></nav><article><h1>Blast&nbsp;hits market</h1>"
                             "<p class=\"byline\">By Sam Carter</p>"
                             "<p>A bomb killed 7&ndash;9 people &mdash; officials said.</p>"
                             "<p>Share this article</p><p>It&rsquo;s the third attack.</p></article>"
                             "<footer>&copy; 2024 Example Media. All rights reserved.</footer></body></html>";
    auto const clean = clean_article_text(html, true, filter);
    EXPECT_EQ(clean.text, "Blast hits market\n\nA bomb killed 7-9 people - officials said.\n\nIt's the third attack.");
}

TEST(CleanArticleText, HtmlDetectedWithoutFlag)
{
    boilerplate_filter const filter;
    auto const clean = clean_article_text("<p>First paragraph.</p><p>Second paragraph.</p>", false, filter);
    EXPECT_EQ(clean.text, "First paragraph.\n\nSecond paragraph.");
}

TEST(CleanArticleText, AllCapsWireCopy)
{
    boilerplate_filter const filter;
    auto const clean = clean_article_text("KABUL, AFGHANISTAN (AP) - A ROADSIDE BOMB KILLED SIX SOLDIERS ON TUESDAY, "
                                          "THE DEFENSE MINISTRY SAID.",
                                          false, filter);
    EXPECT_TRUE(clean.all_caps);
}

TEST(CleanArticleText, OffsetsOfSentencesPointIntoCleanText)
{
    auto const filter = boilerplate_filter::from_file(lexicon_dir + "boilerplate.txt");
    auto const abbrevs = abbreviation_list::from_file(lexicon_dir + "abbreviations.txt");
    auto const clean = clean_article_text("<p>Lt.&nbsp;Gen. Omar Diallo said 3.5 tonnes were seized. "
                                          "Nobody was hurt.</p><p>MOST READ</p>",
                                          true, filter);
    auto const sentences = split_sentences(clean.text, abbrevs);
    ASSERT_EQ(sentences.size(), 2u);
    EXPECT_EQ(clean.text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin),
              "Lt. Gen. Omar Diallo said 3.5 tonnes were seized.");
    EXPECT_EQ(clean.text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin), "Nobody was hurt.");
}

TEST(CleanArticleText, GarbageDoesNotCrash)
{
    auto const filter = boilerplate_filter::from_file(lexicon_dir + "boilerplate.txt");
    for (unsigned seed = 100; seed < 110; ++seed) {
        std::string garbage = random_bytes(8192, seed);
        for (std::size_t i = 0; i < garbage.size(); i += 97)
            garbage[i] = "<>&;\"'/\n"[i % 8];
        for (bool html : {false, true}) {
            auto const clean = clean_article_text(garbage, html, filter);
            EXPECT_TRUE(valid_utf8(clean.text));
        }
    }
}

TEST(CleanArticleText, MegabyteInput)
{
    auto const filter = boilerplate_filter::from_file(lexicon_dir + "boilerplate.txt");
    std::string paragraph = "Gunmen on motorbikes opened fire on a checkpoint near the market, killing “at least” "
                            "four people — police said.\u00A0\n\nShare on Facebook\n\n";
    std::string raw;
    while (raw.size() < (1u << 20))
        raw += paragraph;
    auto const clean = clean_article_text(raw, false, filter);
    EXPECT_GT(clean.text.size(), raw.size() / 2);
    EXPECT_EQ(clean.text.find("Share on Facebook"), std::string::npos);
    EXPECT_EQ(clean.text.find("\u00A0"), std::string::npos);
}
