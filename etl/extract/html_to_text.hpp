#pragma once
// HTML article bodies to plain text, in one forgiving pass (no DOM): what a reader sees
// in the article, without scripts, navigation or forms.

#include <cstddef>
#include <string>
#include <string_view>

namespace etl::extract {

/// - drops comments, <script>/<style> (to the end of input when unclosed), <head> (the title
///   comes separately with the article), <title>, <noscript>, <iframe>, <textarea>, and the
///   whole of <nav>, <footer>, <aside>, <form>, <figcaption>, <svg>, <button>, <select> ...;
/// - also drops a <header> outside any <article>/<main> (the site's masthead), and blocks
///   marked hidden, with a navigation/banner/complementary role, or with a class or id naming
///   furniture ("comments", "share-buttons", "jp-relatedposts", "ad-slot"; not "has-ads" nor
///   "entry-content share-enabled");
/// - a dropped block that is never closed, or a class-dropped one holding most of the page,
///   is kept instead of swallowing the article;
/// - block elements (p, div, li, h1-h6, tr, article, section, blockquote, ...) become a blank
///   line, <br>, <td> and <th> a line break; other whitespace collapses except inside <pre>;
/// - decodes character references (named, decimal, hex; &nbsp; becomes a space);
/// - '<' not starting a tag is text; quoted attribute values may hold '>'.
/// The result still has Unicode punctuation: run normalise_unicode() on it.
std::string html_to_text(std::string_view html);

/// Decodes character references in text that is not HTML ("AT&amp;T", "&#8217;"), leaving
/// every other '&' alone. &nbsp; becomes U+00A0.
std::string decode_entities(std::string_view text);

/// Parses a character reference at text[i] (which is '&'). Returns its length and sets cp, or
/// returns 0 when there is none. Numeric references to C1 controls are read as Windows-1252,
/// invalid ones give U+FFFD.
std::size_t parse_entity(std::string_view text, std::size_t i, char32_t &cp);

} // namespace etl::extract
