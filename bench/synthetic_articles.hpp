#pragma once
// A deterministic generator of synthetic news articles for benchmarks (never for judging
// extraction quality). Seeded; any number of articles, streamed one at a time in constant memory.
// A share of them report attacks; each attack is told by one to several outlets in their own
// words, with different figures ("at least 12", "almost 20", a toll that rises the next day),
// different date wording and sometimes only the province. The rest are politics, economy, sport
// and weather. Lengths follow news: 300 to 6,000 characters, most near 1,500-2,500. Places come
// from the project's gazetteer (cities over 100,000 people) and attackers from its actor
// lexicon, so the extractor meets names it knows, as it would in real news. All sentences are
// our own templates.

#include "core/article.hpp"

#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

namespace etl::bench {

struct generator_options {
    std::uint64_t seed = 20240109;
    double incident_share = 0.3;      ///< share of articles that tell an attack
    int max_outlets = 4;              ///< an attack is told by 1..max_outlets articles
    civil_date first_day{2024, 1, 1}; ///< events fall in [first_day, first_day + days)
    int days = 365;
};

struct synthetic_article {
    article art;
    long event = -1; ///< the attack it tells (same number = same attack); -1 for other news
};

class article_generator {
public:
    /// Reads the cities, countries and actors it names from `gazetteer_dir` and `lexicon_dir`.
    article_generator(generator_options options, std::string const &gazetteer_dir, std::string const &lexicon_dir);

    /// The next article (ids "syn-000000001", ...). Never ends.
    synthetic_article next();

private:
    struct place {
        std::string city, country, country_code;
    };
    struct actor {
        std::string name;
        std::vector<std::string> countries; ///< ISO codes; empty = anywhere
    };
    struct attack {
        long id = 0;
        civil_date day;
        place where;
        std::string attacker; ///< empty: unknown
        int killed = 0, injured = 0;
        int method = 0, target = 0;
    };
    struct telling {
        attack event;
        int outlet = 0;      ///< 0 = first report
        int days_after = 0;  ///< published this many days after the attack
    };

    synthetic_article tell(telling const &t);
    synthetic_article other_news();
    attack new_attack();
    std::string lead(telling const &t);
    std::string follow_up(telling const &t);
    void pad(std::string &text, std::size_t length, place const &where, civil_date published);
    std::string filler_sentence(place const &where, civil_date published);
    std::size_t article_length();
    std::string when(civil_date day, civil_date published);
    place const &any_place();

    int below(int n) { return static_cast<int>(m_rng() % static_cast<std::uint64_t>(n)); }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    template <typename T> T const &pick(std::vector<T> const &v) { return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))]; }

    generator_options m_options;
    std::mt19937_64 m_rng;
    std::vector<place> m_places;
    std::vector<actor> m_actors;
    std::deque<telling> m_pending; ///< tellings of recent attacks not yet published
    long m_next_article = 1;
    long m_next_event = 1;
};

} // namespace etl::bench
