#include "extract/html_to_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace etl::extract;

// ------------------------------------------------------------------ layout

TEST(HtmlToText, BlockElementsBecomeParagraphs)
{
    EXPECT_EQ(html_to_text("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
    EXPECT_EQ(html_to_text("<div>One.<div>Two.</div>Three.</div>"), "One.\n\nTwo.\n\nThree.");
    EXPECT_EQ(html_to_text("<h2>Heading</h2>Body text"), "Heading\n\nBody text");
    EXPECT_EQ(html_to_text("<ul><li>first</li><li>second</li></ul>"), "first\n\nsecond");
    EXPECT_EQ(html_to_text("<blockquote>Quoted.</blockquote><section>Next</section>"), "Quoted.\n\nNext");
    EXPECT_EQ(html_to_text("<article><header>Kicker</header><p>Text</p></article>"), "Kicker\n\nText");
}

TEST(HtmlToText, LineBreaks)
{
    EXPECT_EQ(html_to_text("line one<br>line two"), "line one\nline two");
    EXPECT_EQ(html_to_text("para one<br/><br />para two"), "para one\n\npara two");
    EXPECT_EQ(html_to_text("<BR>leading and trailing<br>"), "leading and trailing");
}

TEST(HtmlToText, TablesGiveOneLinePerCell)
{
    EXPECT_EQ(html_to_text("<table><tr><td>Kabul</td><td>12</td></tr><tr><th>Herat</th></tr></table>"),
              "Kabul\n12\n\nHerat");
}

TEST(HtmlToText, InlineElementsAndWhitespace)
{
    EXPECT_EQ(html_to_text("<p>The <b>bomb</b>  <a href='/x'>killed</a>\n\t 5 <i>people</i>.</p>"),
              "The bomb killed 5 people.");
    EXPECT_EQ(html_to_text("<span>al-</span><span>Shabaab</span>"), "al-Shabaab");
    EXPECT_EQ(html_to_text("a<img src=\"x.jpg\" alt=\"a photo\">b"), "ab");
}

TEST(HtmlToText, PreKeepsLineBreaks)
{
    EXPECT_EQ(html_to_text("<pre>KABUL (AP)\nSix killed</pre>after"), "KABUL (AP)\nSix killed\n\nafter");
}

// ------------------------------------------------------------------ removed content

TEST(HtmlToText, ScriptsStylesAndHeadAreDropped)
{
    EXPECT_EQ(html_to_text("<head><title>Page title</title><style>p{color:red}</style></head><body>Text</body>"),
              "Text");
    EXPECT_EQ(html_to_text("a<script>if (a < b && c > d) { s = \"</div><p>\"; }</script>b"), "ab");
    EXPECT_EQ(html_to_text("a<SCRIPT type=\"text/javascript\">x()</SCRIPT >b"), "ab");
    EXPECT_EQ(html_to_text("a<noscript><img src=pixel>Enable JavaScript</noscript>b"), "ab");
    EXPECT_EQ(html_to_text("<p>a</p><iframe src=\"v\">fallback</iframe><p>b</p>"), "a\n\nb");
    EXPECT_EQ(html_to_text("<title>Stray title</title><p>Body</p>"), "Body");
}

TEST(HtmlToText, UnclosedScriptDropsTheRest)
{
    EXPECT_EQ(html_to_text("<p>Kept.</p><script>var x = '<p>not text</p>'"), "Kept.");
}

TEST(HtmlToText, HeadEndsWhereTheBodyStarts)
{
    EXPECT_EQ(html_to_text("<html><head><meta charset=utf-8><title>T</title><body><p>Body</p>"), "Body");
    EXPECT_EQ(html_to_text("<head><title>T</title><p>No body tag</p>"), "No body tag");
}

TEST(HtmlToText, Comments)
{
    EXPECT_EQ(html_to_text("a<!-- hidden <p>markup</p> -->b"), "ab");
    EXPECT_EQ(html_to_text("kept<!-- never closed <p>gone"), "kept");
    EXPECT_EQ(html_to_text("<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[raw]]>text"), "text");
}

TEST(HtmlToText, FurnitureBlocksAreDropped)
{
    EXPECT_EQ(html_to_text("<nav><ul><li>Home</li><li>World</li></ul></nav><p>Story.</p>"), "Story.");
    EXPECT_EQ(html_to_text("<p>Story.</p><footer>Contact us</footer>"), "Story.");
    EXPECT_EQ(html_to_text("<p>One.</p><aside><p>Related</p></aside><p>Two.</p>"), "One.\n\nTwo.");
    EXPECT_EQ(html_to_text("<form><label>Email</label><input name=e><button>Go</button></form>Text"), "Text");
    EXPECT_EQ(html_to_text("<figure><img src=a.jpg><figcaption>Photo: AFP</figcaption></figure><p>Text</p>"),
              "Text");
    EXPECT_EQ(html_to_text("<svg><title>icon</title><path d=\"M0\"/></svg>Text"), "Text");
}

TEST(HtmlToText, NestedFurnitureOfTheSameKind)
{
    EXPECT_EQ(html_to_text("<nav>a<nav>b</nav>c</nav>Story"), "Story");
    EXPECT_EQ(html_to_text("<aside>x<script>'</aside>'</script>y</aside>Story"), "Story");
}

TEST(HtmlToText, UnclosedFurnitureKeepsThePage)
{
    // A page cut short inside <aside> would otherwise lose everything after it.
    EXPECT_EQ(html_to_text("<p>One.</p><aside><p>Two.</p><p>Three.</p>"), "One.\n\nTwo.\n\nThree.");
    EXPECT_EQ(html_to_text("<nav>menu</nav><aside>x<p>Story.</p>"), "x\n\nStory.");
    EXPECT_EQ(html_to_text("<nav/><p>Story.</p>"), "Story.");
}

TEST(HtmlToText, SiteHeaderOutsideTheArticleIsDropped)
{
    EXPECT_EQ(html_to_text("<header><p>The Daily Example</p></header><main><article><header><h1>Title</h1>"
                           "</header><p>Text.</p></article></main>"),
              "Title\n\nText.");
}

TEST(HtmlToText, FurnitureByClassIdRoleOrHidden)
{
    EXPECT_EQ(html_to_text("<p>Story.</p><div id=\"comments\"><p>Nice post!</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<p>Story.</p><div class=\"jp-relatedposts\"><p>Ten killed</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<p>Story.</p><ul class='share-buttons'><li>Facebook</li></ul>"), "Story.");
    EXPECT_EQ(html_to_text("<div class=\"ad-slot\">Advert</div><p>Story.</p>"), "Story.");
    EXPECT_EQ(html_to_text("<div role=\"navigation\">Menu</div><p>Story.</p>"), "Story.");
    EXPECT_EQ(html_to_text("<div hidden>Secret</div><div aria-hidden=\"true\">Icon</div><p>Story.</p>"), "Story.");
    EXPECT_EQ(html_to_text("<p>Story.</p><div class=\"article-social\">Tweet</div>"), "Story.");
    EXPECT_EQ(html_to_text("<p>Story.</p><section class=\"post-comments\">Nice</section>"), "Story.");
}

TEST(HtmlToText, ContentAndStateClassesAreKept)
{
    EXPECT_EQ(html_to_text("<div class=\"entry-content share-enabled\"><p>Story.</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<div class=\"wrapper has-ads no-comments\"><p>Story.</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<div class=\"commentary\"><p>Story.</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<div class=\"share-tools article-body\"><p>Story.</p></div>"), "Story.");
    EXPECT_EQ(html_to_text("<div id=\"main-content\" class=\"social-links\"><p>Story.</p></div>"), "Story.");
}

TEST(HtmlToText, FurnitureClassOnMostOfThePageIsALayoutClass)
{
    std::string html = "<div class=\"social-layout\">";
    for (int i = 0; i < 500; ++i)
        html += "<p>Paragraph of the story with enough words in it.</p>";
    html += "</div><p>End.</p>";
    std::string const text = html_to_text(html);
    EXPECT_EQ(text.substr(0, 48), "Paragraph of the story with enough words in it.\n");
    EXPECT_EQ(text.substr(text.size() - 4), "End.");
}

// ------------------------------------------------------------------ malformed markup

TEST(HtmlToText, LessThanInText)
{
    EXPECT_EQ(html_to_text("<p>if a < b then</p>"), "if a < b then");
    EXPECT_EQ(html_to_text("fewer than <10 died"), "fewer than <10 died");
    EXPECT_EQ(html_to_text("I <3 it <> too"), "I <3 it <> too");
    EXPECT_EQ(html_to_text("x<y"), "x<y");
    EXPECT_EQ(html_to_text("trailing <"), "trailing <");
}

TEST(HtmlToText, QuotedAttributesMayHoldGreaterThan)
{
    EXPECT_EQ(html_to_text("<a title=\"x > y\" data-v='a>b'>link</a> text"), "link text");
    EXPECT_EQ(html_to_text("<p class = \"a>b\">para</p>"), "para");
}

TEST(HtmlToText, UnbalancedQuoteEndsTagAtFirstGreaterThan)
{
    EXPECT_EQ(html_to_text("<a title=\"oops>link</a> more"), "link more");
}

TEST(HtmlToText, UnclosedTagsAndStrayEndTags)
{
    EXPECT_EQ(html_to_text("<p>unclosed <b>bold <i>italic"), "unclosed bold italic");
    EXPECT_EQ(html_to_text("text</b></p></div> more"), "text\n\nmore");
    EXPECT_EQ(html_to_text("a</ b>c"), "ac");
    EXPECT_EQ(html_to_text("a<unknown-element attr>b</unknown-element>c"), "abc");
    EXPECT_EQ(html_to_text("a<averyveryverylongtagnamethatisnotknown>b"), "ab");
}

TEST(HtmlToText, TagThatNeverEnds)
{
    EXPECT_EQ(html_to_text("text <a href=\"x"), "text <a href=\"x");
}

// ------------------------------------------------------------------ character references

TEST(HtmlToText, NamedEntities)
{
    EXPECT_EQ(html_to_text("Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &apos;s&apos;"), "Tom & Jerry <b> \"q\" 's'");
    EXPECT_EQ(html_to_text("&ldquo;Hi&rdquo; &lsquo;x&rsquo; a&mdash;b a&ndash;b&hellip;"),
              "\u201CHi\u201D \u2018x\u2019 a\u2014b a\u2013b\u2026");
    EXPECT_EQ(html_to_text("Caf&eacute; &Eacute;cole Fran&ccedil;ois &uuml;ber &szlig; &Ntilde;"),
              "Caf\u00E9 \u00C9cole Fran\u00E7ois \u00FCber \u00DF \u00D1");
    EXPECT_EQ(html_to_text("&copy; &reg; &trade; &euro;5 &pound;3 &deg;C &frac12;"),
              "\u00A9 \u00AE \u2122 \u20AC5 \u00A33 \u00B0C \u00BD");
}

TEST(HtmlToText, NbspIsASpace)
{
    EXPECT_EQ(html_to_text("12&nbsp;people&nbsp;&nbsp;died"), "12 people died");
    EXPECT_EQ(html_to_text("<p>&nbsp;</p><p>text</p>"), "text");
}

TEST(HtmlToText, NumericEntities)
{
    EXPECT_EQ(html_to_text("it&#8217;s &#x2019; &#X2019; &#39; &#65"), "it\u2019s \u2019 \u2019 ' A");
    EXPECT_EQ(html_to_text("&#150; &#147;q&#148;"), "\u2013 \u201Cq\u201D"); // Windows-1252 numbers
    EXPECT_EQ(html_to_text("&#0; &#xD800; &#x110000; &#99999999999999;"), "\uFFFD \uFFFD \uFFFD \uFFFD");
    EXPECT_EQ(html_to_text("&#x1F600;"), "\U0001F600");
}

TEST(HtmlToText, NotEntities)
{
    EXPECT_EQ(html_to_text("AT&T, R&D, Q & A, &unknown; &#; &#x; a&"), "AT&T, R&D, Q & A, &unknown; &#; &#x; a&");
    EXPECT_EQ(html_to_text("&amp without semicolon and &ampersand"), "& without semicolon and &ampersand");
}

TEST(DecodeEntities, PlainText)
{
    EXPECT_EQ(decode_entities("Q&amp;A &#8220;x&#8221; AT&T &nbsp;"), "Q&A \u201Cx\u201D AT&T \u00A0");
    EXPECT_EQ(decode_entities("no references"), "no references");
    EXPECT_EQ(decode_entities(""), "");
    EXPECT_EQ(decode_entities("&"), "&");
    EXPECT_EQ(decode_entities("<p>tags stay</p>"), "<p>tags stay</p>");
}

TEST(ParseEntity, LengthAndCodePoint)
{
    char32_t cp = 0;
    EXPECT_EQ(parse_entity("&rsquo;s", 0, cp), 7u);
    EXPECT_EQ(cp, 0x2019u);
    EXPECT_EQ(parse_entity("x&#233;", 1, cp), 6u);
    EXPECT_EQ(cp, 0xE9u);
    EXPECT_EQ(parse_entity("&lt3", 0, cp), 0u); // legacy form needs a non-alphanumeric after it
    EXPECT_EQ(parse_entity("&lt 3", 0, cp), 3u);
    EXPECT_EQ(cp, static_cast<char32_t>('<'));
    EXPECT_EQ(parse_entity("&", 0, cp), 0u);
}

// ------------------------------------------------------------------ robustness

TEST(HtmlToText, EmptyInput)
{
    EXPECT_EQ(html_to_text(""), "");
    EXPECT_EQ(html_to_text("<html><body></body></html>"), "");
}

TEST(HtmlToText, GarbageDoesNotCrash)
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, 15);
    static char const alphabet[] = "<>/!-&;#x\"'= pa\n";
    for (int round = 0; round < 200; ++round) {
        std::string html;
        for (int i = 0; i < 500; ++i)
            html.push_back(alphabet[pick(rng)]);
        std::string const text = html_to_text(html);
        EXPECT_LE(text.size(), html.size() * 4);
    }
    std::uniform_int_distribution<int> byte(0, 255);
    std::string binary(1 << 16, '\0');
    for (char &c : binary)
        c = static_cast<char>(byte(rng));
    EXPECT_NO_THROW(html_to_text(binary));
}

TEST(HtmlToText, MalformedMarkupStaysLinear)
{
    // Many tag starts with unbalanced quotes and no '>' must not rescan the input each time.
    std::string html;
    for (int i = 0; i < 20000; ++i)
        html += "<a title=\"x ";
    std::string const text = html_to_text(html);
    EXPECT_FALSE(text.empty());
    std::string titles;
    for (int i = 0; i < 20000; ++i)
        titles += "<title>x </titl";
    EXPECT_FALSE(html_to_text(titles).empty());
    std::string comments;
    for (int i = 0; i < 20000; ++i)
        comments += "<!x <?y </ z";
    EXPECT_NO_THROW(html_to_text(comments));
}

TEST(HtmlToText, MegabyteDocument)
{
    std::string html = "<html><head><title>t</title></head><body>";
    while (html.size() < (1u << 20))
        html += "<div class=\"para\"><p>Police said <b>three</b> people were killed &amp; 12 hurt.</p></div>\n"
                "<script>track({id: 1});</script><!-- ad slot -->";
    html += "</body></html>";
    std::string const text = html_to_text(html);
    EXPECT_EQ(text.find("track"), std::string::npos);
    EXPECT_EQ(text.find('<'), std::string::npos);
    EXPECT_NE(text.find("three people were killed & 12 hurt."), std::string::npos);
}
