#pragma once
// Article text as the extractors see it: typographic Unicode folded to ASCII punctuation,
// whitespace tidied, markup and page furniture removed. Evidence offsets (incident_report::
// evidence_begin/end) and sentence offsets are byte offsets into clean_text::text.

#include <string>
#include <string_view>

namespace etl::extract {

class boilerplate_filter;

/// One pass over UTF-8 text:
/// - curly quotes, primes and guillemets become ASCII ' and ";
/// - dashes: U+2010/2011/2212 become "-"; an en dash between two letters or digits stays
///   joined ("10-12", "Paris-London"), any other en/em dash (and ASCII "--") becomes " - ";
/// - NBSP and the other Unicode spaces become a space; zero-width characters, bidi marks,
///   BOM and soft hyphens are removed; U+2026 becomes "...";
/// - C1 controls are read as Windows-1252 (mis-decoded quotes); invalid UTF-8 becomes U+FFFD;
/// - CRLF/CR become LF, runs of spaces and tabs one space, lines are trimmed, at most one
///   blank line separates paragraphs, and the text has no leading or trailing whitespace.
/// Letters (accented or not) are left as they are.
std::string normalise_unicode(std::string_view text);

struct clean_text {
    std::string text;      ///< normalised, furniture-free; what evidence offsets refer to
    bool all_caps = false; ///< most letters are capitals (old wire copy)
};

/// Conservative: true only for text with a doctype, <html>/<body>, or several known tags.
bool looks_like_html(std::string_view text);

/// True when the text has enough letters and most of them (70 %) are capitals; judged on
/// the first 64 KiB.
bool is_mostly_capitals(std::string_view text);

/// HTML (when is_html or looks_like_html) to text, entity decoding for plain text,
/// normalise_unicode(), then the boilerplate filter.
clean_text clean_article_text(std::string_view raw, bool is_html, boilerplate_filter const &filter);

/// Appends the UTF-8 encoding of cp (U+FFFD for surrogates and values past U+10FFFF).
void append_utf8(std::string &out, char32_t cp);

/// The character a Windows-1252 byte 0x80..0x9F stands for (0x93 -> U+201C); other values
/// are returned unchanged, and the five bytes Windows-1252 leaves undefined map to 0.
char32_t windows_1252_code_point(char32_t c1);

} // namespace etl::extract
