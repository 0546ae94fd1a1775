#include "extract/extractor.hpp"

#include "core/errors.hpp"
#include "extract/actors.hpp"
#include "extract/boilerplate.hpp"
#include "extract/casualties.hpp"
#include "extract/categories.hpp"
#include "extract/dates.hpp"
#include "extract/gazetteer.hpp"
#include "extract/incident_cues.hpp"
#include "extract/named_perpetrators.hpp"
#include "extract/place_finder.hpp"
#include "extract/report_builder.hpp"
#include "extract/sentences.hpp"
#include "extract/text_normaliser.hpp"
#include "core/files.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace etl::extract {

struct extractor::parts {
    boilerplate_filter boilerplate;
    abbreviation_list abbreviations;
    gazetteer places;
    actor_lexicon actors;
    named_perpetrator_finder named_perpetrators;
    category_lexicon categories;
    incident_cue_lexicon cues;
    casualty_extractor casualties;
    word_set non_event_verbs;
};

namespace {
std::string lexicon_file(extract_config const &cfg, char const *name)
{
    auto const path = (fs::path(cfg.lexicon_dir) / name).string();
    if (!fs::is_regular_file(path))
        throw config_error("lexicon file " + path + " not found (extract.lexicon_dir is " + cfg.lexicon_dir + ")");
    return path;
}
/// One folded word per line; '#' starts a comment.
word_set word_list(std::string const &path)
{
    word_set words;
    std::size_t line_no = 0;
    std::istringstream in(read_config_file(path, "word list"));
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        auto const keys = phrase_keys(line.substr(0, line.find('#')));
        if (keys.size() > 1)
            throw config_error(path + ":" + std::to_string(line_no) + ": one word per line, got '" + line + "'");
        if (!keys.empty())
            words.insert(keys.front());
    }
    return words;
}

} // namespace

extractor::extractor() = default;
extractor::~extractor() = default;

std::shared_ptr<extractor const> extractor::load(extract_config const &cfg)
{
    if (!fs::is_directory(cfg.gazetteer_dir))
        throw config_error("gazetteer folder " + cfg.gazetteer_dir + " not found (extract.gazetteer_dir)");
    std::shared_ptr<extractor> ex(new extractor());
    ex->m_parts.reset(new parts{
        boilerplate_filter::from_file(lexicon_file(cfg, "boilerplate.txt")),
        abbreviation_list::from_file(lexicon_file(cfg, "abbreviations.txt")),
        gazetteer::load(cfg.gazetteer_dir),
        actor_lexicon::load(lexicon_file(cfg, "actors.yaml")),
        named_perpetrator_finder::load(lexicon_file(cfg, "named_perpetrators.yaml")),
        category_lexicon::load(lexicon_file(cfg, "attack_types.yaml"), lexicon_file(cfg, "target_types.yaml")),
        incident_cue_lexicon::load(lexicon_file(cfg, "incident_cues.yaml")),
        casualty_extractor::load(lexicon_file(cfg, "casualties.yaml")),
        word_list(lexicon_file(cfg, "non_event_verbs.txt")),
    });
    return ex;
}

std::string extractor::normalise(article const &a) const
{
    std::string body = clean_article_text(a.text, a.is_html, m_parts->boilerplate).text;
    // The headline names the main incident, often with its place and toll ("Chickasaw Park
    // shooting leaves 2 dead"), and inputs with a separate title field leave it out of the body.
    // It goes first, as its own paragraph, where report_builder reads a headline; unless the
    // body already opens with it (a page's own heading, a plain-text file's first line).
    static boilerplate_filter const keep_every_line;
    std::string title = clean_article_text(a.title, false, keep_every_line).text;
    std::replace(title.begin(), title.end(), '\n', ' ');
    if (title.find_first_not_of(' ') == std::string::npos)
        return body;
    constexpr std::size_t opening = 600; // a section label, a byline or a kicker may come first
    auto const head = std::string_view(body).substr(0, std::min(body.size(), opening + title.size()));
    auto const same_letter = [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x) == (y >= 'A' && y <= 'Z' ? y + ('a' - 'A') : y);
    };
    if (std::search(head.begin(), head.end(), title.begin(), title.end(), same_letter) != head.end())
        return body;
    return title + "\n\n" + body;
}

std::vector<incident_report> extractor::extract(article const &a, std::string const &text, bool explain) const
{
    auto const &p = *m_parts;
    place_finder const finder(p.places);
    report_builder builder(report_builder::lexicons{finder, p.actors, p.named_perpetrators, p.categories, p.cues,
                                                    p.casualties, p.non_event_verbs},
                           a, text,
                           split_sentences(text, p.abbreviations), explain);
    return builder.build();
}

actor_lexicon const &extractor::actors() const { return m_parts->actors; }

bool extractor::attackers_compatible(std::string const &a, std::string const &b) const
{
    return m_parts->actors.compatible(a, b);
}

std::vector<std::string> extractor::actor_name_words() const { return m_parts->actors.name_words(); }

bool extractor::attacker_is_branch(std::string const &child, std::string const &ancestor) const
{
    auto const &actors = m_parts->actors;
    auto const &target = actors.canonical_of(ancestor);
    if (target.empty())
        return false;
    std::string current = actors.canonical_of(child);
    for (int depth = 0; depth < 16 && !current.empty(); ++depth) {
        auto const &parent = actors.parent_of(current);
        if (parent == target)
            return true;
        current = parent;
    }
    return false;
}

} // namespace etl::extract
