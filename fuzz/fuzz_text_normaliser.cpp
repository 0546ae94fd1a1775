// libFuzzer target: the text normaliser (Unicode, HTML to text, entities, boilerplate) on any
// bytes. Besides crashes and sanitizer reports, checks that the output is valid UTF-8 without
// NUL bytes and that normalising twice changes nothing more.
#include "extract/boilerplate.hpp"
#include "extract/html_to_text.hpp"
#include "extract/text_normaliser.hpp"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

using namespace etl::extract;

namespace {

std::optional<boilerplate_filter> filter;

bool valid_utf8(std::string const &s)
{
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size() || c == 0)
            return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2)
                return false;
        i += n;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    filter = boilerplate_filter::from_file(std::string(ETL_SOURCE_DIR) + "/config/lexicon/boilerplate.txt");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const *data, std::size_t size)
{
    std::string_view const raw(reinterpret_cast<char const *>(data), size);
    auto const unicode = normalise_unicode(raw);
    if (!valid_utf8(unicode))
        std::abort();
    decode_entities(raw);
    html_to_text(raw);
    is_mostly_capitals(raw);
    auto const cleaned = clean_article_text(raw, looks_like_html(raw), *filter);
    if (!valid_utf8(cleaned.text))
        std::abort();
    if (normalise_unicode(unicode) != unicode)
        std::abort(); // idempotent
    return 0;
}
