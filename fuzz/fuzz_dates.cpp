// libFuzzer target: the date finder on any text, with a publication date taken from the first
// two bytes (a day between 1950 and 2039, or none). Checks every mention's invariants: a
// non-empty range, offsets and token indices inside the text.
#include "core/civil_date.hpp"
#include "extract/dates.hpp"
#include "extract/tokens.hpp"

#include <cstdint>
#include <cstdlib>

using namespace etl;
using namespace etl::extract;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const *data, std::size_t size)
{
    if (size < 2)
        return 0;
    unsigned const days = (static_cast<unsigned>(data[0]) << 8 | data[1]) % 32872; // 90 years
    std::optional<civil_date> published;
    if (days != 0)
        published = civil_date{1950, 1, 1}.plus_days(days);
    std::string_view const text(reinterpret_cast<char const *>(data + 2), size - 2);
    auto const tokens = tokenize(text);
    auto const mentions = find_dates(tokens, published);
    for (auto const &m : mentions) {
        if (m.range.end < m.range.start || m.end > text.size() || m.begin > m.end ||
            m.first_token + m.token_count > tokens.size())
            std::abort();
    }
    if (tokens.size() > 2)
        find_dates(tokens, 1, tokens.size() - 1, published, last_event_date(mentions));
    return 0;
}
