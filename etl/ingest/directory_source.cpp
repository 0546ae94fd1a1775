#include "ingest/directory_source.hpp"

#include "extract/text_normaliser.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace etl::ingest {

namespace {
bool is_article_file(fs::path const &p)
{
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".txt" || ext == ".html" || ext == ".htm";
}
} // namespace

directory_source::directory_source(std::string const &dir, input_config const &cfg) : m_root(dir), m_cfg(cfg)
{
    std::error_code ec;
    // symbolic links are listed too, so that one leading outside or nowhere is a rejection
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if ((it->is_regular_file(ec) || it->is_symlink(ec)) && is_article_file(it->path()))
            m_files.push_back(it->path().string());
    if (ec)
        m_listing_error = rejection{dir, "cannot list directory: " + ec.message()};
    std::sort(m_files.begin(), m_files.end());
}

directory_source::directory_source(std::vector<std::string> files, input_config const &cfg)
    : m_files(std::move(files)), m_cfg(cfg)
{
}

bool directory_source::next(read_item &item)
{
    if (m_listing_error) {
        item = read_item{std::nullopt, *m_listing_error};
        m_listing_error.reset();
        return true;
    }
    if (m_index >= m_files.size())
        return false;
    auto const &path = m_files[m_index++];
    std::string reason;
    auto text = read_article_file(path, m_root, m_cfg, reason);
    if (!text) {
        item = read_item{std::nullopt, rejection{path, reason}};
        return true;
    }
    article a;
    fs::path const p(path);
    a.id = p.stem().string();
    a.origin = path;
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    a.is_html = ext != ".txt" || extract::looks_like_html(*text);
    a.text = std::move(*text);
    item = read_item{std::move(a), std::nullopt};
    return true;
}

} // namespace etl::ingest
