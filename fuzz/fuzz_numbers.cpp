// libFuzzer target: number phrases ("at least 63", "two dozen", "dozens") and number words on
// any text. Checks that each phrase lies inside the tokens and that a range is ordered.
#include "extract/numbers.hpp"
#include "extract/tokens.hpp"

#include <cstdint>
#include <cstdlib>

using namespace etl::extract;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const *data, std::size_t size)
{
    std::string_view const text(reinterpret_cast<char const *>(data), size);
    auto const tokens = tokenize(text);
    for (auto const &n : find_numbers(tokens)) {
        if (n.end_token() > tokens.size() || n.upper < n.value || n.value < 0 || n.end > text.size())
            std::abort();
    }
    if (auto const v = parse_number_words(text); v && *v < 0)
        std::abort();
    return 0;
}
