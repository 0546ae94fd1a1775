#include "extract/casualties.hpp"

#include "core/files.hpp"

#include "core/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace etl::extract {

using namespace std::string_view_literals;

namespace {

enum class category : unsigned char { killed, injured, kidnapped, arrested, casualties, self_killed };

/// Where a cue's figure may stand: "killed 5" / "5 killed" (either), "5 dead", "the toll ... 63".
enum class position : unsigned char { either, figure_first, cue_first };

struct cue_entry {
    category cat = category::killed;
    position pos = position::either;
    bool unharmed = false;           ///< "no one was hurt" also means no one was killed
    bool reflexive_singular = false; ///< "blew himself up": one person even without a subject
};

struct noun_entry {
    bool perpetrator = false;
    bool plural = false;
    bool generic = false;
};

constexpr std::size_t npos = static_cast<std::size_t>(-1);
constexpr std::size_t noun_flag = std::size_t{1} << 40; // matcher ids: nouns carry this bit

// ---- closed-class words -------------------------------------------------------------------

enum : std::uint32_t {
    w_right = 1u << 0,        // may stand between a figure and the cue after it ("5 were reportedly killed")
    w_left = 1u << 1,         // may stand between a cue and the figure after it ("killed another 5")
    w_link = 1u << 2,         // links a cue noun to its figure ("the death toll ... rose to 63")
    w_det = 1u << 3,          // starts a noun phrase: an object after a cue
    w_det_one = 1u << 4,      // with a singular person noun: one person ("a journalist", "his driver")
    w_object = 1u << 5,       // object pronouns
    w_subord = 1u << 6,       // what follows is another event ("after", "since")
    w_barrier = 1u << 7,      // clause boundaries: attachment never crosses them
    w_bare_next = 1u << 8,    // after a figure: the figure has no noun ("5 in Kabul", "5 were")
    w_time = 1u << 9,         // time words, weekdays, months: never an object or a name
    w_subset = 1u << 10,      // "including 3 children": a part of a figure given before
    w_function = 1u << 11,    // any closed-class word: never a noun modifier or a name
    w_subject_one = 1u << 12, // he, she, him: one person
    w_not_name = 1u << 13,    // capitalised but never a person's name ("Police", "Reuters", "Army")
    w_title = 1u << 14        // may stand before a name ("Mr Smith", "Sgt Jones")
};

std::unordered_map<std::string, std::uint32_t> const &closed_words()
{
    static std::unordered_map<std::string, std::uint32_t> const table = [] {
        std::unordered_map<std::string, std::uint32_t> t;
        auto add = [&t](std::uint32_t flags, std::initializer_list<char const *> words) {
            for (auto const *w : words)
                t[w] |= flags | w_function;
        };
        auto add_open = [&t](std::uint32_t flags, std::initializer_list<char const *> words) {
            for (auto const *w : words)
                t[w] |= flags;
        };
        std::initializer_list<char const *> const aux = {
            "were",    "was",    "is",       "are",     "be",  "been",  "being", "have", "has",
            "had",     "will",   "would",    "could",   "may", "might", "got",   "get",  "gets",
            "getting", "remain", "remained", "remains", "lay", "lie",   "lies"};
        add(w_right | w_bare_next, aux);
        add(w_right, {"reportedly", "reported",  "confirmed",  "believed",  "feared",     "thought",   "said",
                      "known",      "presumed",  "also",       "all",       "both",       "later",     "subsequently",
                      "who",        "that",      "to",         "left",      "among",      "those",     "either",
                      "each",       "allegedly", "now",        "already",   "then",       "initially", "apparently",
                      "still",      "too",       "since",      "yet",       "listed",     "as",        "reports",
                      "say",        "says",      "officially", "seriously", "critically", "slightly",  "badly",
                      "fatally",    "mortally",  "instantly",  "the",       "found",      "seen",      "taken",
                      "lying",      "trapped"});
        add(w_left, {"the", "of", "to", "at", "from", "another", "all", "both", "also", "reportedly", "further",
                     "additional", "more", "some", "a", "total"});
        add(w_link | w_left,
            {"rose",     "risen",  "rises",  "rising", "climbed",  "climbs",    "climbing",  "reached",   "reaches",
             "reaching", "stood",  "stands", "stand",  "standing", "is",        "was",       "were",      "are",
             "has",      "have",   "had",    "been",   "now",      "increased", "increases", "jumped",    "jumps",
             "hit",      "hits",   "put",    "puts",   "putting",  "raised",    "raising",   "raises",    "bringing",
             "brought",  "brings", "taking", "took",   "takes",    "pushed",    "pushing",   "pushes",    "mounted",
             "soared",   "grew",   "grown",  "went",   "gone",     "up",        "revised",   "reportedly"});
        add(w_det | w_det_one,
            {"a", "an", "the", "his", "her", "their", "its", "this", "that", "another", "my", "our", "your"});
        add(w_det, {"these", "those", "some", "several", "many", "every", "each", "all", "both", "no"});
        add(w_object, {"him", "her", "them", "us", "me", "himself", "herself", "themselves", "everyone", "everybody",
                       "anyone", "somebody", "someone", "it"});
        add(w_subject_one, {"he", "she", "him"});
        add(w_subord,
            {"after", "since", "following", "than", "unlike", "compared", "previous", "earlier", "last", "before"});
        add(w_barrier,
            {"and",   "but",    "or",    "while",     "when", "whereas", "although",  "though", "because", "as",
             "after", "before", "said",  "says",      "say",  "told",    "according", "where",  "which",   "if",
             "until", "unless", "since", "following", "whom", "whose",   "nor",       "than"});
        add(w_bare_next,
            {"in",     "on",      "at",         "from",      "by",    "near",   "during",     "inside",    "outside",
             "across", "with",    "for",        "into",      "onto",  "around", "throughout", "within",    "without",
             "along",  "against", "amid",       "amidst",    "when",  "while",  "after",      "before",    "as",
             "and",    "or",      "but",        "including", "among", "who",    "so",         "overnight", "yesterday",
             "today",  "tonight", "reportedly", "also",      "that",  "since",  "to",         "following", "this",
             "last",   "earlier", "late",       "early",     "on"});
        add(w_time, {"yesterday", "today",    "tonight",  "overnight", "monday",    "tuesday", "wednesday", "thursday",
                     "friday",    "saturday", "sunday",   "morning",   "afternoon", "evening", "night",     "week",
                     "weekend",   "month",    "year",     "day",       "hour",      "hours",   "days",      "weeks",
                     "months",    "years",    "earlier",  "later",     "last",      "same",    "next",      "january",
                     "february",  "march",    "april",    "may",       "june",      "july",    "august",    "september",
                     "october",   "november", "december", "spot",      "scene",     "time"});
        add(w_subset, {"including", "included", "include", "includes", "incl", "among", "such"});
        add(0, {"it",   "they",    "we",        "he",   "she",  "i",   "you",  "there",  "here",  "what",
                "who",  "whom",    "whose",     "no",   "nor",  "so",  "such", "very",   "just",  "only",
                "even", "however", "meanwhile", "not",  "also", "one", "none", "nobody", "other", "others",
                "by",   "with",    "of",        "for",  "on",   "in",  "at",   "per",    "via",   "about",
                "over", "under",   "up",        "down", "out",  "off", "into", "than",   "then",  "more"});
        add_open(w_not_name,
                 {"police",   "authorities", "officials", "witnesses", "local",    "state",   "government", "army",
                  "military", "ministry",    "security",  "health",    "interior", "defence", "defense",    "hospital",
                  "media",    "news",        "agency",    "reuters",   "afp",      "ap",      "upi",        "xinhua",
                  "tass",     "bbc",         "cnn",       "breaking",  "update",   "updated", "editor",     "note",
                  "photo",    "video",       "read",      "related",   "god",      "allah",   "islamic",    "prime"});
        add_open(w_not_name | w_title,
                 {"mr",       "mrs",      "ms",        "miss",      "dr",        "sgt",      "gen",      "col",
                  "capt",     "lt",       "maj",       "cpl",       "pvt",       "rev",      "sheikh",   "officer",
                  "deputy",   "trooper",  "detective", "judge",     "president", "minister", "governor", "mayor",
                  "senator",  "sen",      "rep",       "commander", "general",   "colonel",  "captain",  "lieutenant",
                  "sergeant", "corporal", "private",   "chief"});
        return t;
    }();
    return table;
}

/// closed_words() by vocabulary id; built at static initialisation, as it interns the words.
word_table<std::uint32_t> const closed_word_flags{closed_words()};

bool ends_with(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// string_view parameters: comparing with one is inline and checks the length first.
bool is_word(token const &t, std::string_view w) { return t.kind == token_kind::word && t.norm == w; }
bool is_punct(token const &t, std::string_view p) { return t.kind == token_kind::punct && t.norm == p; }

/// "seriously", "critically": adverbs may stand anywhere between a figure and its cue.
bool is_ly_adverb(token const &t) { return t.kind == token_kind::word && t.norm.size() > 4 && ends_with(t.norm, "ly"); }

/// "Afghans", "Pakistanis", "Sudanese": plural demonyms, too many to list.
bool looks_like_demonym(token const &t)
{
    if (t.kind != token_kind::word || t.norm.size() < 6)
        return false;
    std::string const &s = t.norm;
    return ends_with(s, "ans") || ends_with(s, "ese") || (ends_with(s, "is") && !ends_with(s, "sis"));
}

/// "cavalrymen", "bandsmen", "farmhands", "farmworkers": compounds that name people even when no list has them.
bool looks_like_people(token const &t)
{
    if (t.kind != token_kind::word || t.norm.size() < 6)
        return false;
    std::string const &s = t.norm;
    return ends_with(s, "men") || ends_with(s, "women") || ends_with(s, "hands") || ends_with(s, "folk") ||
           ends_with(s, "workers");
}

bool sentence_end(token const &t)
{
    return is_punct(t, ".") || is_punct(t, "!") || is_punct(t, "?") || is_punct(t, ";");
}

count_qualifier combine(count_qualifier a, count_qualifier b)
{
    if (a == b)
        return a;
    if (a == count_qualifier::vague || b == count_qualifier::vague)
        return count_qualifier::vague;
    auto const lower_bound = [](count_qualifier q) {
        return q == count_qualifier::exact || q == count_qualifier::at_least || q == count_qualifier::more_than;
    };
    if (lower_bound(a) && lower_bound(b))
        return count_qualifier::at_least;
    return count_qualifier::about;
}

// ---- per-sentence analysis ----------------------------------------------------------------

struct mention {
    std::size_t first = 0; // the noun phrase, tokens [first, last)
    std::size_t last = 0;
    std::size_t fig_first = 0; // the figure's own words ("at least 63"), for casualty_count::text
    std::size_t fig_last = 0;
    long value = 0;
    count_qualifier qualifier = count_qualifier::exact;
    bool perpetrator = false;
    bool generic = true;           // no noun, or a noun that says nothing about who
    bool zero = false;             // "no one", "nobody"
    bool partitive = false;        // "20 of them": part of a figure given before
    bool numeric = false;          // read from a number phrase
    std::size_t head = npos;       // the head noun's token
    std::size_t direct_cue = npos; // "63 deaths", "5 dead": the cue right after the figure
};

struct group {
    std::size_t first_mention = 0;
    std::size_t mention_count = 0;
    std::size_t first = 0; // tokens
    std::size_t last = 0;
    bool subset = false;
};

struct attachment {
    std::size_t cue = npos; // first token of the cue
    int score = 0;
    bool cue_first = false;  // the cue stands before the figure
    bool update = false;     // "... rose to 63"
    bool superseded = false; // "... rose from 50 to 63": the 50
};

enum class candidate_kind { regular, subset_perpetrators, zero };

struct candidate {
    candidate_kind kind = candidate_kind::regular;
    category cat = category::killed;
    long total = 0;
    long perpetrators = 0;
    count_qualifier qualifier = count_qualifier::exact;
    bool update = false;
    bool superseded = false;
    bool subordinate = false;
    bool specific = false;                       // every member names a specific group of people
    std::string heads;                           // their head nouns, to tell different groups from restatements
    std::size_t text_first = 0, text_last = 0;   // tokens of the figure
    std::size_t match_first = 0, match_last = 0; // tokens of figure and cue
    std::string rule;
};

/// Buffers reused from sentence to sentence (one per thread): extraction allocates little.
struct workspace {
    std::vector<std::uint32_t> cue_id, noun_id, flags;
    std::vector<std::uint8_t> cue_len, noun_len;
    std::vector<std::size_t> cue_ending, covered, used_cues;
    std::vector<char> subordinate;
    std::vector<mention> mentions;
    std::vector<group> groups;
    std::vector<candidate> candidates;

    void clear()
    {
        mentions.clear();
        groups.clear();
        used_cues.clear();
        candidates.clear();
    }
};

class sentence {
public:
    sentence(phrase_matcher const &matcher, std::vector<cue_entry> const &cues, std::vector<noun_entry> const &nouns,
             vague_convention const &vague, std::vector<token> const &tokens, std::string_view text, std::size_t base,
             workspace &w)
        : m_matcher(matcher), m_cues(cues), m_nouns(nouns), m_vague(vague), m_tokens(tokens), m_text(text),
          m_base(base), m_n(tokens.size()), m_cue_id(w.cue_id), m_noun_id(w.noun_id), m_cue_len(w.cue_len),
          m_noun_len(w.noun_len), m_cue_ending(w.cue_ending), m_flags(w.flags), m_covered(w.covered),
          m_subordinate(w.subordinate), m_mentions(w.mentions), m_groups(w.groups), m_used_cues(w.used_cues),
          m_candidates(w.candidates)
    {
        w.clear();
    }

    bool scan_lexicon(bool stop_at_first_cue);
    casualty_figures run();

private:
    // lexicon lookups
    std::size_t cue_len(std::size_t i) const { return i < m_n ? m_cue_len[i] : 0; }
    cue_entry const &cue(std::size_t i) const { return m_cues[m_cue_id[i]]; }
    std::size_t noun_len(std::size_t i) const { return i < m_n ? m_noun_len[i] : 0; }
    noun_entry const &noun(std::size_t i) const { return m_nouns[m_noun_id[i]]; }
    std::uint32_t flags(std::size_t i) const { return i < m_n ? m_flags[i] : 0; }
    bool has(std::size_t i, std::uint32_t f) const { return (flags(i) & f) != 0; }

    void number_mentions();
    void determiner_mentions();
    void name_mentions();
    void zero_mentions();
    void add_mention(mention m);
    void make_groups();
    void mark_subordinate();

    struct head_result {
        bool ok = false;
        std::size_t end = 0;
        std::size_t head = npos;
        bool perpetrator = false;
        bool generic = true;
        bool plural = true;
        bool partitive = false;
        std::size_t direct_cue = npos;
    };
    head_result classify_head(std::size_t j) const;
    head_result noun_run(std::size_t k) const;
    std::size_t apposition_end(std::size_t k) const;

    attachment left_cue(group const &g) const;
    attachment right_cue(std::size_t member_index, std::size_t from) const;
    /// The first cue after `from` within the figure's reach.
    attachment following_cue(std::size_t from) const;
    bool takes_object(std::size_t cue_start) const;
    bool intended(std::size_t cue_start) const;
    void add_candidate(std::size_t first_member, std::size_t member_count, attachment const &a);

    std::vector<candidate const *> choose(std::vector<candidate const *> pool) const;
    void assemble(casualty_figures &out) const;

    std::string slice(std::size_t first, std::size_t last) const;

    phrase_matcher const &m_matcher;
    std::vector<cue_entry> const &m_cues;
    std::vector<noun_entry> const &m_nouns;
    vague_convention const &m_vague;
    std::vector<token> const &m_tokens;
    std::string_view m_text;
    std::size_t m_base;
    std::size_t m_n;

    std::vector<std::uint32_t> &m_cue_id;
    std::vector<std::uint32_t> &m_noun_id;
    std::vector<std::uint8_t> &m_cue_len;
    std::vector<std::uint8_t> &m_noun_len;
    std::vector<std::size_t> &m_cue_ending; // start of the cue whose last token is i
    std::vector<std::uint32_t> &m_flags;
    std::vector<std::size_t> &m_covered; // mention index covering token i, or npos
    std::vector<char> &m_subordinate;
    std::vector<mention> &m_mentions;
    std::vector<group> &m_groups;
    std::vector<std::size_t> &m_used_cues;
    std::vector<candidate> &m_candidates;
};

bool sentence::scan_lexicon(bool stop_at_first_cue)
{
    bool any = false;
    if (!stop_at_first_cue) {
        m_cue_id.assign(m_n, 0);
        m_noun_id.assign(m_n, 0);
        m_cue_len.assign(m_n, 0);
        m_noun_len.assign(m_n, 0);
        m_cue_ending.assign(m_n, npos);
    }
    for (std::size_t i = 0; i < m_n; ++i) {
        if (m_tokens[i].kind != token_kind::word)
            continue;
        for (auto const &m : m_matcher.matches_at(m_tokens, i)) {
            if (m.value & noun_flag) {
                if (!stop_at_first_cue && m_noun_len[i] == 0) {
                    m_noun_id[i] = static_cast<std::uint32_t>(m.value & ~noun_flag);
                    m_noun_len[i] = static_cast<std::uint8_t>(m.token_count);
                }
                continue;
            }
            any = true;
            if (stop_at_first_cue)
                return true;
            if (m_cue_len[i] == 0) {
                m_cue_id[i] = static_cast<std::uint32_t>(m.value);
                m_cue_len[i] = static_cast<std::uint8_t>(m.token_count);
                std::size_t const last = i + m.token_count - 1;
                if (m_cue_ending[last] == npos)
                    m_cue_ending[last] = i;
            }
        }
    }
    return any;
}

std::string sentence::slice(std::size_t first, std::size_t last) const
{
    if (first >= last || last > m_n)
        return {};
    std::size_t const b = m_tokens[first].begin;
    std::size_t const e = m_tokens[last - 1].end;
    if (!m_text.empty() && b >= m_base && e - m_base <= m_text.size())
        return std::string(m_text.substr(b - m_base, e - b));
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first && m_tokens[i].kind != token_kind::punct)
            out.push_back(' ');
        out += m_tokens[i].norm;
    }
    return out;
}

void sentence::add_mention(mention m)
{
    std::size_t const index = m_mentions.size();
    for (std::size_t i = m.first; i < m.last && i < m_n; ++i)
        if (m_covered[i] == npos)
            m_covered[i] = index;
    m_mentions.push_back(m);
}

/// Consecutive person nouns from k ("police chief", "army officers"): the last is the head.
sentence::head_result sentence::noun_run(std::size_t k) const
{
    head_result r;
    while (k < m_n && noun_len(k) != 0) {
        r.ok = true;
        r.head = k;
        r.perpetrator = noun(k).perpetrator;
        r.generic = noun(k).generic;
        r.plural = noun(k).plural;
        if (cue_len(k) != 0 && cue(k).pos != position::cue_first)
            r.direct_cue = k; // "took 20 hostages"
        k += noun_len(k);
    }
    r.end = k;
    return r;
}

/// What a figure ending before token j counts: people (with their noun), nothing named (a bare
/// figure), or something else (ok == false).
sentence::head_result sentence::classify_head(std::size_t j) const
{
    head_result r;
    r.end = j;
    if (j >= m_n) {
        r.ok = true;
        return r;
    }
    token const &t = m_tokens[j];
    if (t.kind == token_kind::punct) {
        r.ok = true;
        return r;
    }
    if (noun_len(j) != 0)
        return noun_run(j);
    if (cue_len(j) != 0) {
        r.ok = cue(j).pos != position::cue_first;
        r.direct_cue = r.ok ? j : npos;
        return r;
    }
    if (t.norm == "of"sv) {
        // "3 of the victims", "one of the attackers", "20 of them", "3 of the dead".
        std::size_t k = j + 1;
        if (k < m_n && (is_word(m_tokens[k], "them") || is_word(m_tokens[k], "whom") || is_word(m_tokens[k], "those") ||
                        is_word(m_tokens[k], "these") || is_word(m_tokens[k], "us") || is_word(m_tokens[k], "which"))) {
            r.ok = true;
            r.partitive = true;
            r.end = k + 1;
            return r;
        }
        for (int skipped = 0; k < m_n && skipped < 4; ++k, ++skipped) {
            if (noun_len(k) != 0) {
                head_result h = noun_run(k);
                h.direct_cue = npos;
                return h;
            }
            if (cue_len(k) != 0) {
                r.ok = cue(k).pos != position::cue_first;
                r.partitive = true;
                r.end = k + cue_len(k);
                return r;
            }
            token const &u = m_tokens[k];
            if (u.kind == token_kind::punct || (has(k, w_function) && !has(k, w_det)))
                break;
        }
        return r; // "5 of the 16 devices"
    }
    bool const modifier_next = j + 1 < m_n && noun_len(j + 1) != 0;
    if ((t.norm == "others"sv || t.norm == "more"sv) && !modifier_next) {
        r.ok = true;
        r.head = j;
        r.end = j + 1;
        return r;
    }
    if (has(j, w_bare_next)) {
        r.ok = true;
        return r;
    }
    // Modifiers before a noun: "5 Afghan soldiers", "12 innocent civilians", "3 U.S. troops".
    std::size_t k = j;
    std::size_t last_modifier = npos;
    for (int modifiers = 0; k < m_n && modifiers < 4; ++modifiers) {
        if (noun_len(k) != 0)
            return noun_run(k);
        if (cue_len(k) != 0) {
            // "20 serious injuries", "5 confirmed dead"
            r.ok = cue(k).pos != position::cue_first;
            r.direct_cue = r.ok ? k : npos;
            return r;
        }
        token const &u = m_tokens[k];
        bool const comparative = u.norm == "other"sv || u.norm == "more"sv || u.norm == "additional"sv ||
                                 u.norm == "further"sv || u.norm == "another"sv;
        if (u.kind == token_kind::punct || (has(k, w_function) && !comparative))
            break;
        last_modifier = k;
        if (u.kind == token_kind::word && u.norm.size() == 1 && k + 1 < m_n && is_punct(m_tokens[k + 1], ".")) {
            k += 2; // an initialism: "U.S."
            continue;
        }
        ++k;
    }
    bool const stopped = k >= m_n || m_tokens[k].kind == token_kind::punct || has(k, w_function);
    if (stopped && last_modifier != npos) {
        token const &u = m_tokens[last_modifier];
        if (looks_like_demonym(u) || looks_like_people(u) || (u.capitalised && !u.all_caps)) {
            r.ok = true;
            r.head = last_modifier;
            r.generic = false;
            r.end = last_modifier + 1;
            return r;
        }
    }
    return r;
}

void sentence::number_mentions()
{
    for (auto const &p : find_numbers(m_tokens, m_vague)) {
        std::size_t const end = p.end_token();
        head_result h = classify_head(end);
        if (!h.ok)
            continue;
        mention m;
        m.first = p.first_token;
        m.last = h.end;
        m.fig_first = p.first_token;
        m.fig_last = end;
        m.value = p.value;
        m.qualifier = p.qualifier;
        m.perpetrator = h.perpetrator;
        m.generic = h.generic;
        m.partitive = h.partitive;
        m.numeric = true;
        m.head = h.head;
        m.direct_cue = h.direct_cue;
        // "no" before a figure makes it none: "no 5 people" does not happen; "the 2" is fine.
        add_mention(m);
    }
}

void sentence::zero_mentions()
{
    for (std::size_t i = 0; i < m_n; ++i) {
        if (m_covered[i] != npos || m_tokens[i].kind != token_kind::word)
            continue;
        std::string const &w = m_tokens[i].norm;
        std::size_t end = npos;
        if (w == "nobody"sv || (w == "none"sv && !(i + 1 < m_n && is_word(m_tokens[i + 1], "of"))))
            end = i + 1;
        else if (w == "no"sv && i + 1 < m_n && is_word(m_tokens[i + 1], "one"))
            end = i + 2;
        else if (w == "no"sv && noun_len(i + 1) != 0 && noun(i + 1).generic)
            end = i + 1 + noun_len(i + 1);
        if (end == npos)
            continue;
        if (end < m_n && is_word(m_tokens[end], "else"))
            ++end;
        mention m;
        m.first = m.fig_first = i;
        m.last = m.fig_last = end;
        m.zero = true;
        add_mention(m);
    }
}

void sentence::determiner_mentions()
{
    for (std::size_t i = 0; i < m_n; ++i) {
        if (m_covered[i] != npos || m_tokens[i].kind != token_kind::word)
            continue;
        std::string const &w = m_tokens[i].norm;
        bool const one = has(i, w_det_one);
        bool const both = w == "both"sv;
        if (one || both) {
            // Skip modifiers to the noun: "a 23-year-old man", "the police chief", "his driver".
            std::size_t k = i + 1;
            head_result h;
            for (int modifiers = 0; k < m_n && modifiers < 5; ++modifiers) {
                if (m_covered[k] != npos)
                    break;
                if (noun_len(k) != 0) {
                    h = noun_run(k);
                    break;
                }
                token const &u = m_tokens[k];
                // Time words may modify: "a 23-year-old man", "a two-month-old baby".
                if (cue_len(k) != 0 || u.kind == token_kind::punct ||
                    (has(k, w_function) && !has(k, w_time) && u.norm != "other"sv))
                    break;
                ++k;
            }
            if (h.ok && ((one && !h.plural) || (both && h.plural))) {
                mention m;
                m.first = m.fig_first = i;
                m.last = h.end;
                m.fig_last = h.end;
                m.value = both ? 2 : 1;
                // "A fifth person has died", "the third victim": that many in all
                if (one && i + 1 < m_n)
                    if (auto const o = read_ordinal(m_tokens[i + 1]); o && o->value > 1)
                        m.value = o->value;
                m.perpetrator = h.perpetrator;
                m.generic = h.generic;
                m.head = h.head;
                m.direct_cue = h.direct_cue;
                add_mention(m);
                i = h.end - 1;
                continue;
            }
            bool const alone = i + 1 >= m_n || m_tokens[i + 1].kind == token_kind::punct || has(i + 1, w_barrier) ||
                               has(i + 1, w_bare_next) || cue_len(i + 1) != 0;
            if ((both || w == "her"sv || w == "another"sv) && alone) {
                mention m;
                m.first = m.fig_first = i;
                m.last = m.fig_last = i + 1;
                m.value = both ? 2 : 1;
                add_mention(m);
            }
            continue;
        }
        if (has(i, w_subject_one)) {
            mention m;
            m.first = m.fig_first = i;
            m.last = m.fig_last = i + 1;
            m.value = 1;
            add_mention(m);
        }
    }
}

/// ", 23, of Springfield," / ", including the bomber," / ", police said,": the token after the
/// parenthesis starting at the comma k, or npos.
std::size_t sentence::apposition_end(std::size_t k) const
{
    std::size_t segments = 0;
    while (k < m_n && is_punct(m_tokens[k], ",") && segments < 2) {
        std::size_t close = npos;
        // A relative clause may hold a cue of its own: "The gunman, who killed 5 people, was shot dead".
        bool const relative = k + 1 < m_n && (is_word(m_tokens[k + 1], "who") || is_word(m_tokens[k + 1], "which") ||
                                              is_word(m_tokens[k + 1], "whose"));
        for (std::size_t q = k + 1; q < m_n && q <= k + 12; ++q) {
            token const &u = m_tokens[q];
            if (sentence_end(u) ||
                (cue_len(q) != 0 && !relative && !has(q - 1, w_subset) && !(q >= 2 && has(q - 2, w_subset))))
                break;
            if (is_punct(u, ",")) {
                close = q;
                break;
            }
        }
        if (close == npos || close == k + 1)
            break;
        ++segments;
        k = close + 1;
        // "Smith, 23, of Springfield, was ..." continues with a second segment.
        if (k < m_n && (is_word(m_tokens[k], "of") || is_word(m_tokens[k], "from"))) {
            std::size_t q = k;
            while (q < m_n && !is_punct(m_tokens[q], ",") && !sentence_end(m_tokens[q]) && q < k + 6 && cue_len(q) == 0)
                ++q;
            if (q < m_n && is_punct(m_tokens[q], ","))
                k = q + 1;
            return k;
        }
        if (k < m_n && !is_punct(m_tokens[k], ","))
            return k;
    }
    return segments ? k : npos;
}

void sentence::name_mentions()
{
    // Runs of capitalised words that are not lexicon or closed-class words: "John Smith".
    struct run {
        std::size_t first, last, after;
    };
    std::vector<run> runs;
    for (std::size_t i = 0; i < m_n; ++i) {
        auto const is_name_word = [&](std::size_t k) {
            token const &u = m_tokens[k];
            return u.kind == token_kind::word && u.capitalised && !u.all_caps && u.norm.size() >= 2 &&
                   m_covered[k] == npos && cue_len(k) == 0 && noun_len(k) == 0 &&
                   !has(k, w_function | w_time | w_not_name);
        };
        if (!is_name_word(i))
            continue;
        // "Mohammed al-Masri", "Abu Bakr al Baghdadi", "Ursula von der Leyen".
        auto const is_particle = [&](std::size_t k) {
            static char const *const particles[] = {"al",  "el", "bin", "ibn", "abu", "de", "del", "der", "van",
                                                    "von", "da", "di",  "du",  "la",  "le", "ul",  "ud"};
            if (k >= m_n || m_tokens[k].kind != token_kind::word)
                return false;
            for (auto const *p : particles)
                if (m_tokens[k].norm == p)
                    return true;
            return false;
        };
        std::size_t j = i;
        while (j < m_n && j < i + 5) {
            if (is_name_word(j)) {
                ++j;
            } else if (is_particle(j) && j + 1 < m_n && (is_name_word(j + 1) || is_particle(j + 1))) {
                ++j;
            } else {
                break;
            }
        }
        bool const place =
            i > 0 && m_tokens[i - 1].kind == token_kind::word && !has(i - 1, w_title) &&
            (m_tokens[i - 1].capitalised || has(i - 1, w_det) || m_tokens[i - 1].norm == "in"sv ||
             m_tokens[i - 1].norm == "at"sv || m_tokens[i - 1].norm == "from"sv || m_tokens[i - 1].norm == "near"sv ||
             m_tokens[i - 1].norm == "of"sv || m_tokens[i - 1].norm == "to"sv);
        // "Mass abductions ...": one capitalised word opening the sentence right before a cue is
        // an adjective, not a name
        bool const opener = i == 0 && j == 1 && j < m_n && cue_len(j) != 0;
        if (!place && !opener) {
            std::size_t after = j;
            if (after < m_n && is_punct(m_tokens[after], ","))
                if (std::size_t const e = apposition_end(after); e != npos)
                    after = e;
            runs.push_back({i, j, after});
        }
        i = j;
    }
    // A name counts when a singular verb or a cue follows, when it is the object of a cue
    // ("killing Benazir Bhutto and 20 others"), or "and" and such a name.
    std::vector<bool> counts(runs.size(), false);
    for (std::size_t r = runs.size(); r-- > 0;) {
        std::size_t const a = runs[r].after;
        std::size_t const before = runs[r].first;
        if (before > 0 && m_cue_ending[before - 1] != npos && cue(m_cue_ending[before - 1]).pos != position::figure_first) {
            counts[r] = true;
            continue;
        }
        if (a >= m_n)
            continue;
        if (is_word(m_tokens[a], "was") || is_word(m_tokens[a], "has") || is_word(m_tokens[a], "had") ||
            is_word(m_tokens[a], "is") || is_word(m_tokens[a], "were") ||
            (cue_len(a) != 0 && cue(a).pos != position::cue_first))
            counts[r] = true;
        else if (is_word(m_tokens[a], "and") && r + 1 < runs.size() && runs[r + 1].first == a + 1 && counts[r + 1])
            counts[r] = true;
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (!counts[r])
            continue;
        mention m;
        m.first = m.fig_first = runs[r].first;
        m.fig_last = runs[r].last;
        m.last = runs[r].after;
        m.value = 1;
        m.generic = false;
        m.head = runs[r].last - 1;
        add_mention(m);
    }
}

void sentence::make_groups()
{
    std::sort(m_mentions.begin(), m_mentions.end(),
              [](mention const &a, mention const &b) { return a.first < b.first; });
    std::fill(m_covered.begin(), m_covered.end(), npos);
    for (std::size_t k = 0; k < m_mentions.size(); ++k)
        for (std::size_t i = m_mentions[k].first; i < m_mentions[k].last && i < m_n; ++i)
            if (m_covered[i] == npos)
                m_covered[i] = k;

    // How mention k+1 joins mention k: 0 not at all, 1 by a comma, 2 by "and".
    auto const join = [&](mention const &a, mention const &b) -> int {
        // "has risen to 53, and at least 46 of them were girls": a part, not another figure
        if (a.zero || b.zero || a.direct_cue != npos || b.first < a.last || b.partitive)
            return 0;
        std::size_t const gap = b.first - a.last;
        auto const w = [&](std::size_t k) -> std::string const & { return m_tokens[a.last + k].norm; };
        if (gap == 1 && m_tokens[a.last].kind == token_kind::punct && w(0) == ","sv)
            return 1;
        if (gap == 1 && (w(0) == "and"sv || w(0) == "plus"sv))
            return 2;
        if (gap == 2 && w(0) == ","sv && w(1) == "and"sv)
            return 2;
        if (gap == 2 && w(0) == "along"sv && w(1) == "with"sv)
            return 2;
        if (gap == 3 && w(0) == "as"sv && w(1) == "well"sv && w(2) == "as"sv)
            return 2;
        return 0;
    };
    std::size_t k = 0;
    while (k < m_mentions.size()) {
        // The longest chain whose last join is "and": "A, B and C".
        std::size_t end = k + 1;
        std::size_t chain_end = k + 1;
        while (end < m_mentions.size()) {
            int const j = join(m_mentions[end - 1], m_mentions[end]);
            if (j == 0)
                break;
            ++end;
            if (j == 2)
                chain_end = end;
        }
        group g;
        g.first_mention = k;
        g.mention_count = chain_end - k;
        g.first = m_mentions[k].first;
        g.last = m_mentions[chain_end - 1].last;
        m_groups.push_back(g);
        k = chain_end;
    }
    for (std::size_t gi = 0; gi < m_groups.size(); ++gi) {
        group &g = m_groups[gi];
        // Parts of a figure given before: "including 3 children", "among them a child", "20 of them".
        std::size_t const f = g.first;
        bool subset = m_mentions[g.first_mention].partitive;
        if (f >= 1 && has(f - 1, w_subset))
            subset = true;
        if (f >= 2 && (is_word(m_tokens[f - 2], "among") || is_word(m_tokens[f - 2], "of")) &&
            (is_word(m_tokens[f - 1], "them") || is_word(m_tokens[f - 1], "whom") || is_word(m_tokens[f - 1], "those")))
            subset = true;
        g.subset = subset && gi > 0;
    }
}

void sentence::mark_subordinate()
{
    m_subordinate.assign(m_n, 0);
    bool sub = false;
    for (std::size_t i = 0; i < m_n; ++i) {
        token const &t = m_tokens[i];
        if (t.kind == token_kind::punct && (t.norm == ","sv || sentence_end(t))) {
            // "... since 2015, when 130 people were killed": a relative clause stays subordinate.
            bool const relative = t.norm == ","sv && i + 1 < m_n &&
                                  (is_word(m_tokens[i + 1], "when") || is_word(m_tokens[i + 1], "which") ||
                                   is_word(m_tokens[i + 1], "where") || is_word(m_tokens[i + 1], "who"));
            sub = sub && relative;
        } else if (m_covered[i] == npos && has(i, w_subord))
            sub = true;
        m_subordinate[i] = sub ? 1 : 0;
    }
}

/// "threatened to kill 5 hostages", "tried to kidnap him": an infinitive cue is an intention, not
/// an event.
bool sentence::intended(std::size_t c) const
{
    if (c == 0 || !is_word(m_tokens[c - 1], "to"))
        return false;
    std::string const &w = m_tokens[c].norm;
    return !(ends_with(w, "ed") || ends_with(w, "ing") || ends_with(w, "en") || w == "death"sv || w == "deaths"sv);
}

/// Does the cue starting at c take an object ("killed 5 people", "killed the guard")? Then the
/// figure before it is its agent ("2 gunmen killed 5 people").
bool sentence::takes_object(std::size_t c) const
{
    if (cue(c).pos != position::either || cue(c).cat == category::self_killed)
        return false;
    std::size_t const e = c + cue_len(c);
    if (e >= m_n)
        return false;
    token const &t = m_tokens[e];
    if (t.kind != token_kind::word && t.kind != token_kind::number)
        return false;
    if (m_covered[e] != npos || noun_len(e) != 0 || has(e, w_object))
        return true;
    if (has(e, w_det)) {
        // "killed the same day", "killed this week" are no objects.
        return !(e + 1 < m_n && has(e + 1, w_time));
    }
    return false;
}

attachment sentence::left_cue(group const &g) const
{
    attachment a;
    if (g.first == 0)
        return a;
    std::size_t i = g.first;
    int gap = 0;
    int skipped = 0;
    bool link = false;
    bool to = false;
    bool from = false;
    while (i-- > 0) {
        if (m_cue_ending[i] != npos) {
            std::size_t const s = m_cue_ending[i];
            if (cue(s).pos == position::figure_first)
                break;
            a.cue = s;
            a.cue_first = true;
            a.score = 100 - 10 * gap - 2 * skipped;
            a.update = to;
            a.superseded = from;
            return a;
        }
        token const &t = m_tokens[i];
        if (m_covered[i] != npos) {
            // "rose from 50 to 63": step over "from 50".
            mention const &m = m_mentions[m_covered[i]];
            if (to && m.first >= 1 && is_word(m_tokens[m.first - 1], "from")) {
                i = m.first - 1;
                ++gap;
                continue;
            }
            break;
        }
        if (t.kind == token_kind::word && (has(i, w_left | w_link) || is_ly_adverb(t)) && gap < 5) {
            ++gap;
            link = link || has(i, w_link);
            to = to || t.norm == "to"sv || t.norm == "at"sv;
            from = from || t.norm == "from"sv;
            continue;
        }
        // "the death toll from Monday's bombing in Kabul rose to 63", "the toll from the attacks on
        // churches and hotels has since climbed to 310": a phrase between a cue noun and its
        // linking verb, where "and" and "since" join no clauses.
        bool const phrase_word = t.norm == "and"sv || t.norm == "or"sv || t.norm == "since"sv ||
                                 !has(i, w_barrier | w_subset);
        if (link && skipped < 14 && t.kind != token_kind::punct && phrase_word) {
            ++skipped;
            continue;
        }
        break;
    }
    return a;
}

attachment sentence::right_cue(std::size_t member_index, std::size_t from) const
{
    mention const &m = m_mentions[member_index];
    if (m.direct_cue == npos)
        return following_cue(from);
    // "331 hostages were killed": a noun naming the victims' plight gives way to a death or
    // injury verb that follows it.
    if (cue(m.direct_cue).cat == category::kidnapped) {
        attachment const later = following_cue(std::max(from, m.direct_cue + cue_len(m.direct_cue)));
        if (later.cue != npos && (cue(later.cue).cat == category::killed || cue(later.cue).cat == category::injured))
            return later;
    }
    attachment a;
    a.cue = m.direct_cue;
    a.score = 95;
    return a;
}

attachment sentence::following_cue(std::size_t from) const
{
    attachment a;
    std::size_t k = from;
    int gap = 0;
    int participles = 0;
    int parentheses = 0;
    while (k < m_n) {
        if (cue_len(k) != 0) {
            if (cue(k).pos == position::cue_first)
                break;
            a.cue = k;
            a.score = 95 - 10 * gap;
            return a;
        }
        token const &t = m_tokens[k];
        if (is_punct(t, ",") && parentheses < 2) {
            std::size_t const e = apposition_end(k);
            if (e == npos)
                break;
            k = e;
            ++parentheses;
            continue;
        }
        if (t.kind != token_kind::word || gap >= 5)
            break;
        if (has(k, w_right) || is_ly_adverb(t)) {
            ++gap;
            ++k;
            continue;
        }
        // where the victims came from: "23 people from 18 countries were killed"
        if (t.norm == "from"sv && gap == 0) {
            std::size_t e = k + 1;
            while (e < m_n && e < k + 4 && cue_len(e) == 0 && m_tokens[e].kind != token_kind::punct)
                ++e;
            if (e > k + 1 && e < m_n && (cue_len(e) != 0 || has(e, w_right))) {
                gap += 2;
                k = e;
                continue;
            }
        }
        if (participles < 2 && t.norm.size() > 4 && ends_with(t.norm, "ed") && !has(k, w_function)) {
            ++participles; // "5 people were found dead", "were rushed ... injured"
            ++gap;
            ++k;
            continue;
        }
        break;
    }
    return a;
}

void sentence::add_candidate(std::size_t first_member, std::size_t member_count, attachment const &a)
{
    cue_entry const &c = cue(a.cue);
    candidate cand;
    cand.cat = c.cat;
    cand.update = a.update;
    cand.superseded = a.superseded;
    cand.subordinate = m_subordinate[m_mentions[first_member].first] || m_subordinate[a.cue];
    bool zero = true;
    bool specific = true;
    for (std::size_t k = first_member; k < first_member + member_count; ++k) {
        mention const &m = m_mentions[k];
        zero = zero && m.zero;
        cand.total += m.value;
        if (m.perpetrator || c.cat == category::self_killed)
            cand.perpetrators += m.value;
        cand.qualifier = k == first_member ? m.qualifier : combine(cand.qualifier, m.qualifier);
        specific = specific && !m.generic && m.head != npos;
        if (m.head != npos) {
            if (!cand.heads.empty())
                cand.heads += '+';
            cand.heads += m_tokens[m.head].norm;
        }
    }
    cand.specific = specific;
    cand.kind = zero ? candidate_kind::zero : candidate_kind::regular;
    mention const &first = m_mentions[first_member];
    mention const &last = m_mentions[first_member + member_count - 1];
    if (member_count == 1 && first.numeric) {
        cand.text_first = first.fig_first;
        cand.text_last = first.fig_last;
    } else {
        cand.text_first = first.first;
        cand.text_last = last.head != npos ? std::max(last.fig_last, last.head + 1) : last.fig_last;
    }
    std::size_t const cue_end = a.cue + cue_len(a.cue);
    cand.match_first = std::min(first.first, a.cue);
    cand.match_last = std::max(last.last, cue_end);
    cand.rule = std::string("casualties.") + (zero          ? "none"
                                              : a.update    ? "update"
                                              : a.cue_first ? "cue_first"
                                                            : "figure_first");
    if (cand.subordinate)
        cand.rule += ".subordinate"; // read after "after", "since", ...: perhaps an earlier event
    m_candidates.push_back(std::move(cand));
    m_used_cues.push_back(a.cue);
}

std::vector<candidate const *> sentence::choose(std::vector<candidate const *> pool) const
{
    if (pool.empty())
        return pool;
    auto const drop = [&pool](auto pred) {
        std::vector<candidate const *> kept;
        for (auto const *c : pool)
            if (!pred(c))
                kept.push_back(c);
        if (!kept.empty())
            pool.swap(kept);
    };
    drop([](candidate const *c) { return c->superseded; });
    for (auto it = pool.rbegin(); it != pool.rend(); ++it)
        if ((*it)->update)
            return {*it};
    drop([](candidate const *c) { return c->subordinate; });
    if (pool.size() == 1)
        return pool;
    bool distinct = true;
    std::unordered_set<std::string> heads;
    for (auto const *c : pool)
        distinct = distinct && c->specific && heads.insert(c->heads).second;
    if (distinct)
        return pool;
    candidate const *best = pool.front();
    for (auto const *c : pool)
        if (c->total > best->total)
            best = c;
    return {best};
}

casualty_figures sentence::run()
{
    casualty_figures out;
    m_flags.resize(m_n);
    for (std::size_t i = 0; i < m_n; ++i) {
        m_flags[i] = 0;
        if (m_tokens[i].kind == token_kind::word)
            if (std::uint32_t const *const flags = closed_word_flags.find(m_tokens[i]))
                m_flags[i] = *flags;
    }
    m_covered.assign(m_n, npos);
    number_mentions();
    zero_mentions();
    determiner_mentions();
    name_mentions();
    make_groups();
    mark_subordinate();

    // Attach each group to a cue.
    std::vector<attachment> group_cue(m_groups.size());
    for (std::size_t gi = 0; gi < m_groups.size(); ++gi) {
        group const &g = m_groups[gi];
        if (g.subset)
            continue;
        std::size_t const last_member = g.first_mention + g.mention_count - 1;
        attachment left = left_cue(g);
        attachment right = right_cue(last_member, g.last);
        if (right.cue != npos && (takes_object(right.cue) || intended(right.cue)))
            right = attachment{};
        if (left.cue != npos && intended(left.cue))
            left = attachment{};
        if (left.cue != npos && cue(left.cue).cat == category::self_killed)
            left = attachment{};
        if (g.mention_count > 1 && left.cue != npos && right.cue != npos && cue(left.cue).cat != cue(right.cue).cat) {
            // "killed 5 people and 12 were injured"
            add_candidate(g.first_mention, g.mention_count - 1, left);
            add_candidate(last_member, 1, right);
            group_cue[gi] = left;
            continue;
        }
        // "the toll stood at 17 dead": the toll's update, not the figure's own "dead"
        bool const update_first = left.cue != npos && left.update && right.cue != npos &&
                                  cue(left.cue).cat == cue(right.cue).cat;
        attachment const &best = update_first || left.score >= right.score ? left : right;
        if (best.cue == npos)
            continue;
        add_candidate(g.first_mention, g.mention_count, best);
        group_cue[gi] = best;
    }
    // Parts of a figure: perpetrators among the dead ("5 people, including the bomber, were killed").
    for (std::size_t gi = 0; gi < m_groups.size(); ++gi) {
        group const &g = m_groups[gi];
        if (!g.subset)
            continue;
        std::size_t parent = gi;
        while (parent-- > 0)
            if (!m_groups[parent].subset && group_cue[parent].cue != npos)
                break;
        if (parent == npos || cue(group_cue[parent].cue).cat != category::killed)
            continue;
        candidate cand;
        cand.kind = candidate_kind::subset_perpetrators;
        cand.cat = category::killed;
        for (std::size_t k = g.first_mention; k < g.first_mention + g.mention_count; ++k) {
            mention const &m = m_mentions[k];
            if (!m.perpetrator)
                continue;
            if (cand.perpetrators == 0) {
                cand.text_first = m.first;
                cand.qualifier = m.qualifier;
            } else {
                cand.qualifier = combine(cand.qualifier, m.qualifier);
            }
            cand.perpetrators += m.value;
            cand.text_last = m.last;
        }
        if (cand.perpetrators == 0)
            continue;
        cand.match_first = g.first >= 1 ? g.first - 1 : g.first;
        cand.match_last = g.last;
        cand.rule = "casualties.perpetrators_among_dead";
        m_candidates.push_back(std::move(cand));
    }
    // "... blew himself up" with no subject read: one perpetrator.
    for (std::size_t i = 0; i < m_n; ++i) {
        if (cue_len(i) == 0 || cue(i).cat != category::self_killed || !cue(i).reflexive_singular)
            continue;
        if (std::find(m_used_cues.begin(), m_used_cues.end(), i) != m_used_cues.end())
            continue;
        candidate cand;
        cand.cat = category::self_killed;
        cand.total = cand.perpetrators = 1;
        cand.text_first = cand.match_first = i;
        cand.text_last = cand.match_last = i + cue_len(i);
        cand.rule = "casualties.self_killed";
        m_candidates.push_back(std::move(cand));
    }
    // "no casualties", "no deaths", "no arrests".
    for (std::size_t i = 0; i + 1 < m_n; ++i) {
        if (!is_word(m_tokens[i], "no"))
            continue;
        std::size_t k = i + 1;
        if (k < m_n &&
            (is_word(m_tokens[k], "other") || is_word(m_tokens[k], "further") || is_word(m_tokens[k], "more") ||
             is_word(m_tokens[k], "additional") || is_word(m_tokens[k], "new")))
            ++k;
        if (cue_len(k) == 0 || cue(k).cat == category::self_killed)
            continue;
        candidate cand;
        cand.kind = candidate_kind::zero;
        cand.cat = cue(k).cat;
        cand.text_first = cand.match_first = i;
        cand.text_last = cand.match_last = k + cue_len(k);
        cand.rule = "casualties.none";
        m_candidates.push_back(std::move(cand));
        m_used_cues.push_back(k);
    }
    assemble(out);
    return out;
}

void sentence::assemble(casualty_figures &out) const
{
    auto const explain = [&](std::string const &field, candidate const &c) {
        out.explanations.push_back({field, c.rule, slice(c.match_first, c.match_last)});
    };
    auto const zero_for = [&](category cat) -> candidate const * {
        for (auto const &c : m_candidates) {
            if (c.kind != candidate_kind::zero)
                continue;
            bool const unharmed =
                c.cat == category::casualties ||
                (c.match_first < m_n && std::any_of(m_used_cues.begin(), m_used_cues.end(), [&](std::size_t u) {
                     return u >= c.match_first && u < c.match_last && cue(u).unharmed;
                 }));
            if (c.cat == cat || (unharmed && (cat == category::killed || cat == category::injured)))
                return &c;
        }
        return nullptr;
    };

    static std::pair<category, char const *> const fields[] = {{category::killed, "killed"},
                                                               {category::injured, "injured"},
                                                               {category::kidnapped, "kidnapped"},
                                                               {category::arrested, "arrested"}};
    for (auto const &[cat, field] : fields) {
        std::vector<candidate const *> victims;
        std::vector<candidate const *> perpetrators; // perpetrators reported on their own
        long subset_perpetrators = 0;
        std::vector<candidate const *> subset_sources;
        for (auto const &c : m_candidates) {
            if (c.kind == candidate_kind::zero)
                continue;
            if (cat == category::killed && c.kind == candidate_kind::subset_perpetrators) {
                subset_perpetrators += c.perpetrators;
                subset_sources.push_back(&c);
                continue;
            }
            if (c.kind != candidate_kind::regular)
                continue;
            bool const self = c.cat == category::self_killed;
            if (cat == category::killed && (self || (c.cat == cat && c.total == c.perpetrators))) {
                if (!c.superseded)
                    perpetrators.push_back(&c);
            } else if (c.cat == cat) {
                victims.push_back(&c);
            }
        }
        auto const chosen = choose(victims);
        std::optional<casualty_count> count;
        bool update = false;
        long perps = subset_perpetrators;
        count_qualifier perp_qualifier = count_qualifier::exact;
        std::string perp_text;
        auto const add_text = [](std::string &to, std::string const &piece) {
            if (!to.empty())
                to += " + ";
            to += piece;
        };
        if (!chosen.empty() || !perpetrators.empty()) {
            casualty_count cc;
            bool first = true;
            update = chosen.size() == 1 && chosen.front()->update;
            for (auto const *c : chosen) {
                cc.value += c->total;
                cc.qualifier = first ? c->qualifier : combine(cc.qualifier, c->qualifier);
                first = false;
                add_text(cc.text, slice(c->text_first, c->text_last));
                explain(field, *c);
                perps += c->perpetrators;
                if (c->perpetrators) {
                    add_text(perp_text, slice(c->text_first, c->text_last));
                    perp_qualifier = combine(perp_qualifier, c->qualifier);
                }
            }
            for (auto const *c : perpetrators) {
                if (!update) {
                    cc.value += c->total;
                    cc.qualifier = first ? c->qualifier : combine(cc.qualifier, c->qualifier);
                    first = false;
                    add_text(cc.text, slice(c->text_first, c->text_last));
                    explain(field, *c);
                }
                perps += c->perpetrators;
                add_text(perp_text, slice(c->text_first, c->text_last));
                perp_qualifier = combine(perp_qualifier, c->qualifier);
            }
            count = cc;
        } else if (candidate const *z = zero_for(cat)) {
            casualty_count cc;
            cc.text = slice(z->text_first, z->text_last);
            explain(field, *z);
            count = cc;
        }
        if (cat == category::killed && perps > 0) {
            for (auto const *c : subset_sources) {
                add_text(perp_text, slice(c->text_first, c->text_last));
                perp_qualifier = combine(perp_qualifier, c->qualifier);
            }
            casualty_count pc;
            pc.value = perps;
            pc.qualifier = perp_qualifier;
            pc.text = perp_text;
            out.perpetrators_killed = pc;
            // killed counts perpetrators too, however the victims were reported.
            if (!count)
                count = pc;
            else if (count->value < perps)
                count->value = perps;
            for (auto const &c : m_candidates)
                if (c.perpetrators > 0 && c.kind != candidate_kind::zero &&
                    (c.cat == category::killed || c.cat == category::self_killed))
                    explain("perpetrators_killed", c);
        }
        switch (cat) {
        case category::killed:
            out.killed = count;
            out.killed_revised = update;
            break;
        case category::injured:
            out.injured = count;
            out.injured_revised = update;
            break;
        case category::kidnapped:
            out.kidnapped = count;
            break;
        case category::arrested:
            out.arrested = count;
            break;
        default:
            break;
        }
    }
}

// ---- lexicon loading ----------------------------------------------------------------------

[[noreturn]] void fail(std::string const &file, YAML::Node const &node, std::string const &key,
                       std::string const &message)
{
    std::string where = file;
    if (node.IsDefined() && node.Mark().line >= 0)
        where += ":" + std::to_string(node.Mark().line + 1);
    throw config_error(where + ": " + key + ": " + message);
}

std::string canonical(std::string_view phrase)
{
    std::string out;
    for (auto const &k : phrase_keys(phrase)) {
        if (!out.empty())
            out.push_back(' ');
        out += k;
    }
    return out;
}

std::vector<std::string> phrase_list(std::string const &file, YAML::Node const &node, std::string const &key)
{
    if (!node.IsSequence())
        fail(file, node, key, "expected a list of phrases");
    std::vector<std::string> out;
    for (auto const &item : node) {
        if (!item.IsScalar())
            fail(file, item, key, "expected a phrase");
        std::string const phrase = item.as<std::string>();
        if (canonical(phrase).empty())
            fail(file, item, key, "empty phrase");
        out.push_back(phrase);
    }
    return out;
}

} // namespace

struct casualty_extractor::lexicon {
    phrase_matcher matcher; ///< ids are cue indexes, or noun indexes with noun_flag
    std::vector<cue_entry> cues;
    std::vector<noun_entry> nouns;
    vague_convention vague;
};

casualty_extractor::casualty_extractor(std::shared_ptr<lexicon const> lex) : m_lexicon(std::move(lex)) {}

vague_convention const &casualty_extractor::vague() const { return m_lexicon->vague; }

casualty_extractor casualty_extractor::load(std::string const &yaml_path)
{
    return parse(read_config_file(yaml_path, "the casualty lexicon"), yaml_path);
}

casualty_extractor casualty_extractor::parse(std::string const &yaml_text, std::string const &source_name)
{
    std::string const &file = source_name;
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (YAML::Exception const &e) {
        throw config_error(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!root.IsMap())
        fail(file, root, "(top level)", "expected a mapping");

    auto lex = std::make_shared<lexicon>();
    lexicon &x = *lex;
    std::unordered_set<std::string> unharmed;
    std::unordered_set<std::string> generic;
    if (auto const node = root["unharmed"])
        for (auto const &p : phrase_list(file, node, "unharmed"))
            unharmed.insert(canonical(p));
    if (auto const persons = root["persons"]; persons && persons["generic"])
        for (auto const &p : phrase_list(file, persons["generic"], "persons.generic"))
            generic.insert(canonical(p));

    try {
        for (auto const &entry : root) {
            std::string const key = entry.first.as<std::string>();
            YAML::Node const &value = entry.second;
            if (key == "vague_quantities") {
                if (!value.IsMap())
                    fail(file, value, key, "expected a mapping of names to numbers");
                for (auto const &v : value) {
                    std::string const name = v.first.as<std::string>();
                    std::string const full = key + "." + name;
                    long number = 0;
                    try {
                        number = v.second.as<long>();
                    } catch (YAML::Exception const &) {
                        fail(file, v.second, full, "expected a whole number");
                    }
                    if (number < 0)
                        fail(file, v.second, full, "must not be negative");
                    vague_convention &c = x.vague;
                    long *slot = name == "tens"        ? &c.tens
                                 : name == "dozens"    ? &c.dozens
                                 : name == "scores"    ? &c.scores
                                 : name == "hundreds"  ? &c.hundreds
                                 : name == "thousands" ? &c.thousands
                                 : name == "millions"  ? &c.millions
                                 : name == "several"   ? &c.several
                                 : name == "a_few"     ? &c.a_few
                                 : name == "many"      ? &c.many
                                                       : nullptr;
                    if (!slot)
                        fail(file, v.first, full,
                             "unknown vague quantity (tens, dozens, scores, hundreds, thousands, "
                             "millions, several, a_few, many)");
                    *slot = number;
                }
            } else if (key == "cues") {
                if (!value.IsMap())
                    fail(file, value, key, "expected a mapping of categories");
                for (auto const &cat_entry : value) {
                    std::string const cat_name = cat_entry.first.as<std::string>();
                    std::string const cat_key = key + "." + cat_name;
                    category cat;
                    if (cat_name == "killed")
                        cat = category::killed;
                    else if (cat_name == "injured")
                        cat = category::injured;
                    else if (cat_name == "kidnapped")
                        cat = category::kidnapped;
                    else if (cat_name == "arrested")
                        cat = category::arrested;
                    else if (cat_name == "casualties")
                        cat = category::casualties;
                    else if (cat_name == "self_killed")
                        cat = category::self_killed;
                    else
                        fail(file, cat_entry.first, cat_key,
                             "unknown category (killed, injured, kidnapped, arrested, casualties, self_killed)");
                    if (!cat_entry.second.IsMap())
                        fail(file, cat_entry.second, cat_key, "expected either / figure_first / cue_first lists");
                    for (auto const &pos_entry : cat_entry.second) {
                        std::string const pos_name = pos_entry.first.as<std::string>();
                        std::string const pos_key = cat_key + "." + pos_name;
                        position pos;
                        if (pos_name == "either")
                            pos = position::either;
                        else if (pos_name == "figure_first")
                            pos = position::figure_first;
                        else if (pos_name == "cue_first")
                            pos = position::cue_first;
                        else
                            fail(file, pos_entry.first, pos_key, "unknown position (either, figure_first, cue_first)");
                        for (auto const &phrase : phrase_list(file, pos_entry.second, pos_key)) {
                            std::string const canon = canonical(phrase);
                            cue_entry e;
                            e.cat = cat;
                            e.pos = pos;
                            e.unharmed = unharmed.count(canon) != 0;
                            auto const keys = phrase_keys(phrase);
                            for (auto const &k : keys)
                                if (k == "himself" || k == "herself" || k == "his" || k == "her")
                                    e.reflexive_singular = true;
                            x.matcher.add(phrase, x.cues.size());
                            x.cues.push_back(e);
                        }
                    }
                }
            } else if (key == "persons" || key == "perpetrators") {
                if (!value.IsMap())
                    fail(file, value, key, "expected singular / plural lists");
                for (auto const &list : value) {
                    std::string const name = list.first.as<std::string>();
                    std::string const list_key = key + "." + name;
                    if (name == "generic" && key == "persons")
                        continue;
                    if (name != "singular" && name != "plural")
                        fail(file, list.first, list_key,
                             "unknown list (singular, plural" + std::string(key == "persons" ? ", generic)" : ")"));
                    for (auto const &phrase : phrase_list(file, list.second, list_key)) {
                        noun_entry e;
                        e.perpetrator = key == "perpetrators";
                        e.plural = name == "plural";
                        e.generic = generic.count(canonical(phrase)) != 0;
                        x.matcher.add(phrase, x.nouns.size() | noun_flag);
                        x.nouns.push_back(e);
                    }
                }
            } else if (key == "unharmed") {
                continue;
            } else {
                fail(file, entry.first, key, "unknown key (vague_quantities, cues, unharmed, persons, perpetrators)");
            }
        }
    } catch (YAML::Exception const &e) {
        throw config_error(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (x.cues.empty())
        fail(file, root, "cues", "no cue phrases");
    if (x.nouns.empty())
        fail(file, root, "persons", "no person nouns");
    return casualty_extractor(std::move(lex));
}

bool casualty_extractor::person_noun_ends_at(std::vector<token> const &tokens, std::size_t end) const
{
    auto const &x = *m_lexicon;
    for (std::size_t back = 1; back <= 3 && back <= end; ++back) {
        if (!x.matcher.may_start(tokens[end - back]))
            continue;
        for (auto const &m : x.matcher.matches_at(tokens, end - back))
            if (m.token_count == back && (m.value & noun_flag) && !x.nouns[m.value & ~noun_flag].perpetrator)
                return true;
    }
    return false;
}

bool casualty_extractor::has_cue(std::vector<token> const &tokens) const
{
    thread_local workspace w;
    sentence s(m_lexicon->matcher, m_lexicon->cues, m_lexicon->nouns, m_lexicon->vague, tokens, {}, 0, w);
    return s.scan_lexicon(true);
}

casualty_figures casualty_extractor::extract(std::vector<token> const &tokens, std::string_view text,
                                             std::size_t base) const
{
    thread_local workspace w;
    sentence s(m_lexicon->matcher, m_lexicon->cues, m_lexicon->nouns, m_lexicon->vague, tokens, text, base, w);
    if (!s.scan_lexicon(false))
        return {};
    return s.run();
}

} // namespace etl::extract
