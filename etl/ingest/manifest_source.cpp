#include "ingest/manifest_source.hpp"

#include "extract/text_normaliser.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace etl::ingest {

manifest_source::manifest_source(std::string const &path, input_config const &cfg)
    : m_path(path), m_dir(fs::absolute(path).parent_path().string()), m_cfg(cfg)
{
    try {
        auto const root = YAML::LoadFile(path);
        if (!root.IsMap() || !root["articles"] || !root["articles"].IsSequence())
            m_open_error = rejection{path, "not a manifest: expected a top-level 'articles' list"};
        else
            m_entries = root["articles"];
    } catch (YAML::Exception const &e) {
        m_open_error = rejection{path + ":" + std::to_string(e.mark.line + 1), "invalid YAML: " + e.msg};
    }
}

bool manifest_source::next(read_item &item)
{
    if (m_open_error) {
        item = read_item{std::nullopt, *m_open_error};
        m_open_error.reset();
        m_index = m_entries.size();
        return true;
    }
    if (!m_entries || m_index >= m_entries.size())
        return false;
    item = read_entry(m_entries[m_index++]);
    return true;
}

read_item manifest_source::read_entry(YAML::Node const &entry)
{
    std::string const where = m_path + ":" + std::to_string(entry.Mark().line + 1);
    auto reject = [&](std::string reason) { return read_item{std::nullopt, rejection{where, std::move(reason)}}; };
    if (!entry.IsMap())
        return reject("manifest entry is not a mapping");
    auto scalar = [&](char const *key) -> std::optional<std::string> {
        auto const n = entry[key];
        if (!n || n.IsNull())
            return std::string();
        if (!n.IsScalar())
            return std::nullopt;
        return n.as<std::string>();
    };
    article a;
    for (auto const &[key, field] :
         {std::pair<char const *, std::string *>{"id", &a.id}, {"source", &a.source}, {"url", &a.url}, {"title", &a.title}}) {
        auto v = scalar(key);
        if (!v)
            return reject(std::string("'") + key + "' must be a string");
        *field = std::move(*v);
    }
    auto const file = scalar("file");
    if (!file || file->empty())
        return reject("entry has no 'file'");
    if (a.id.empty())
        return reject("entry has no 'id'");
    auto const published = scalar("published");
    if (!published)
        return reject("'published' must be a date");
    if (!published->empty()) {
        std::string reason;
        a.published = publication_date(*published, a.id, reason);
        if (!a.published)
            return reject(reason);
    }
    fs::path file_path(*file);
    if (file_path.is_relative())
        file_path = fs::path(m_dir) / file_path;
    a.origin = file_path.string();
    std::string reason;
    auto text = read_article_file(file_path.string(), m_dir, m_cfg, reason);
    if (!text)
        return read_item{std::nullopt, rejection{a.id, file_path.string() + ": " + reason}};
    auto const ext = file_path.extension().string();
    a.is_html = ext == ".html" || ext == ".htm" || extract::looks_like_html(*text);
    a.text = std::move(*text);
    return read_item{std::move(a), std::nullopt};
}

} // namespace etl::ingest
