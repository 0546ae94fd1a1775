#include "ingest/jsonl_source.hpp"

#include "extract/text_normaliser.hpp"

#include <nlohmann/json.hpp>

namespace etl::ingest {

jsonl_source::jsonl_source(std::string const &path, input_config const &cfg)
    : m_path(path), m_in(path, std::ios::binary), m_cfg(cfg), m_open_failed(!m_in)
{
}

bool jsonl_source::next(read_item &item)
{
    if (m_open_failed) {
        m_open_failed = false;
        item = read_item{std::nullopt, rejection{m_path, "cannot open file"}};
        return true;
    }
    std::string line;
    while (std::getline(m_in, line)) {
        ++m_line;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        item = parse_line(line, m_path + ":" + std::to_string(m_line));
        return true;
    }
    return false;
}

read_item jsonl_source::parse_line(std::string const &line, std::string const &where) const
{
    auto reject = [&](std::string reason) { return read_item{std::nullopt, rejection{where, std::move(reason)}}; };
    if (line.size() > m_cfg.max_article_bytes + 4096)
        return reject("line too large: " + std::to_string(line.size()) + " bytes (input.max_article_bytes is " +
                      std::to_string(m_cfg.max_article_bytes) + ")");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (nlohmann::json::exception const &e) { // a syntax error, or a number out of range
        return reject(std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object())
        return reject("line is not a JSON object");
    article a;
    a.origin = where;
    for (auto const &[key, field] : {std::pair<char const *, std::string *>{"id", &a.id},
                                     {"source", &a.source},
                                     {"url", &a.url},
                                     {"title", &a.title},
                                     {"text", &a.text}}) {
        auto const it = j.find(key);
        if (it == j.end() || it->is_null())
            continue;
        if (it->is_number_integer() && std::string(key) == "id") {
            *field = std::to_string(it->get<long long>());
            continue;
        }
        if (!it->is_string())
            return reject(std::string("'") + key + "' must be a string");
        *field = it->get<std::string>();
    }
    if (a.id.empty())
        return reject("article has no 'id'");
    if (auto const it = j.find("published"); it != j.end() && !it->is_null()) {
        if (!it->is_string())
            return reject("'published' must be a date string for article " + a.id);
        std::string reason;
        a.published = publication_date(it->get<std::string>(), a.id, reason);
        if (!a.published)
            return reject(reason);
    }
    if (auto problem = text_problem(a.text, m_cfg))
        return reject(*problem + " (article " + a.id + ")");
    a.is_html = extract::looks_like_html(a.text);
    return read_item{std::move(a), std::nullopt};
}

} // namespace etl::ingest
