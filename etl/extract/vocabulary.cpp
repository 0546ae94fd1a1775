#include "extract/vocabulary.hpp"

#include <string>
#include <vector>

namespace etl::extract::vocabulary {

namespace {

/// Open addressing over word ids; the words themselves live in `words`, indexed by id.
struct table {
    struct slot {
        word_id id = unknown_word; ///< unknown_word: empty
        std::uint32_t tag = 0;     ///< high half of the key's hash, compared before the string
    };
    std::vector<std::string> words{std::string()}; ///< id 0 is unknown_word
    std::vector<std::uint32_t> tags{0};             ///< tag of each word, for rehashing
    std::vector<slot> slots = std::vector<slot>(1024);

    static std::uint64_t hash(std::string_view key)
    {
        std::uint64_t h = 14695981039346656037ull; // FNV-1a
        for (unsigned char c : key)
            h = (h ^ c) * 1099511628211ull;
        return h;
    }

    std::size_t home(std::uint64_t h) const { return (h * 0x9E3779B97F4A7C15ull >> 20) & (slots.size() - 1); }

    /// Index of the slot holding `key`, or of the empty slot where it would go.
    std::size_t probe(std::string_view key, std::uint64_t h) const
    {
        auto const tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = home(h);; i = (i + 1) & (slots.size() - 1)) {
            slot const &s = slots[i];
            if (s.id == unknown_word || (s.tag == tag && words[s.id] == key))
                return i;
        }
    }

    void grow()
    {
        slots.assign(slots.size() * 2, slot{});
        for (word_id id = 1; id < words.size(); ++id)
            slots[probe(words[id], hash(words[id]))] = {id, tags[id]};
    }
};

table &the_table()
{
    static table t;
    return t;
}

} // namespace

word_id intern(std::string_view key)
{
    auto &t = the_table();
    auto const h = table::hash(key);
    if (auto const id = t.slots[t.probe(key, h)].id; id != unknown_word)
        return id;
    if (2 * t.words.size() >= t.slots.size())
        t.grow();
    auto const id = static_cast<word_id>(t.words.size());
    auto const tag = static_cast<std::uint32_t>(h >> 32);
    t.words.emplace_back(key);
    t.tags.push_back(tag);
    t.slots[t.probe(key, h)] = {id, tag};
    detail::word_count = id;
    return id;
}

word_id find(std::string_view key)
{
    auto const &t = the_table();
    return t.slots[t.probe(key, table::hash(key))].id;
}

} // namespace etl::extract::vocabulary
