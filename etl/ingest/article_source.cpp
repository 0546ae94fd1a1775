#include "ingest/article_source.hpp"

#include "ingest/directory_source.hpp"
#include "ingest/jsonl_source.hpp"
#include "ingest/manifest_source.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace etl::ingest {

namespace {

/// Yields one rejection, for an input that cannot be opened.
class rejected_source : public article_source {
public:
    explicit rejected_source(rejection r) : m_rejection(std::move(r)) {}
    bool next(read_item &item) override
    {
        if (m_done)
            return false;
        m_done = true;
        item = read_item{std::nullopt, m_rejection};
        return true;
    }

private:
    rejection m_rejection;
    bool m_done = false;
};

class chained_source : public article_source {
public:
    chained_source(std::vector<std::string> paths, input_config cfg) : m_paths(std::move(paths)), m_cfg(cfg) {}
    bool next(read_item &item) override
    {
        while (true) {
            if (!m_current) {
                if (m_index >= m_paths.size())
                    return false;
                m_current = open_input(m_paths[m_index++], m_cfg);
            }
            if (m_current->next(item))
                return true;
            m_current.reset();
        }
    }

private:
    std::vector<std::string> m_paths;
    input_config m_cfg;
    std::size_t m_index = 0;
    std::unique_ptr<article_source> m_current;
};

bool has_extension(fs::path const &p, std::initializer_list<char const *> exts)
{
    auto ext = p.extension().string();
    for (auto &c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto const *e : exts)
        if (ext == e)
            return true;
    return false;
}

/// Offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string const &s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (c < 0x80)
            len = 1;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            len = 2;
        else if ((c & 0xF0) == 0xE0)
            len = 3;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            len = 4;
        else
            return i;
        if (i + len > s.size())
            return i;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return i;
        i += len;
    }
    return std::string::npos;
}

} // namespace

std::optional<std::string> text_problem(std::string const &text, input_config const &cfg)
{
    if (text.size() > cfg.max_article_bytes)
        return "article too large: " + std::to_string(text.size()) + " bytes (input.max_article_bytes is " +
               std::to_string(cfg.max_article_bytes) + ")";
    bool has_content = false;
    std::size_t control = 0;
    for (char const ch : text) {
        auto const c = static_cast<unsigned char>(ch);
        if (c == 0)
            return std::string("binary content (NUL byte)");
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
        if (!has_content && !std::isspace(c))
            has_content = true;
    }
    if (!has_content)
        return std::string("empty article (no text)");
    if (control * 20 > text.size())
        return std::string("binary content (control characters)");
    if (auto const at = invalid_utf8_at(text); at != std::string::npos)
        return "invalid UTF-8 at byte " + std::to_string(at);
    return std::nullopt;
}

namespace {

/// Whether `path` (made absolute, symbolic links resolved) lies inside `root`.
bool inside(fs::path const &path, fs::path const &root)
{
    std::error_code ec;
    auto const real = fs::weakly_canonical(path, ec);
    auto const base = fs::weakly_canonical(root, ec);
    if (ec)
        return false;
    auto const [stop, at] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
    return stop == base.end();
}

} // namespace

std::optional<std::string> read_article_file(std::string const &path, std::string const &root,
                                             input_config const &cfg, std::string &reason)
{
    std::error_code ec;
    if (!root.empty() && !cfg.follow_links_outside && !inside(path, root)) {
        auto const target = fs::weakly_canonical(path, ec);
        reason = "leads outside " + root + " (to " + target.string() +
                 "); not read unless input.follow_links_outside is true";
        return std::nullopt;
    }
    if (fs::is_symlink(fs::symlink_status(path, ec)) && !fs::exists(path, ec)) {
        reason = "broken symbolic link";
        return std::nullopt;
    }
    if (auto const size = fs::file_size(path, ec); !ec && size > cfg.max_article_bytes) {
        reason = "article too large: " + std::to_string(size) + " bytes (input.max_article_bytes is " +
                 std::to_string(cfg.max_article_bytes) + ")";
        return std::nullopt;
    }
    std::string error;
    auto text = read_file(path, error);
    if (!text) {
        reason = "cannot read file: " + error;
        return std::nullopt;
    }
    if (auto problem = text_problem(*text, cfg)) {
        reason = std::move(*problem);
        return std::nullopt;
    }
    return text;
}

std::optional<civil_date> publication_date(std::string const &text, std::string const &article_id,
                                           std::string &reason)
{
    auto const date = civil_date::parse_iso(text);
    if (!date)
        reason = "unparseable publication date '" + text + "' for article " + article_id;
    else if (civil_date::today().plus_days(1) < *date)
        reason = "publication date " + date->iso() + " is in the future (article " + article_id + ")";
    else
        return date;
    return std::nullopt;
}

std::unique_ptr<article_source> open_input(std::string const &path, input_config const &cfg)
{
    std::error_code ec;
    fs::path const p(path);
    if (!fs::exists(p, ec))
        return std::make_unique<rejected_source>(rejection{path, "input not found"});
    if (fs::is_directory(p, ec)) {
        for (char const *manifest : {"manifest.yaml", "manifest.yml"})
            if (fs::is_regular_file(p / manifest, ec))
                return std::make_unique<manifest_source>((p / manifest).string(), cfg);
        return std::make_unique<directory_source>(path, cfg);
    }
    if (has_extension(p, {".yaml", ".yml"}))
        return std::make_unique<manifest_source>(path, cfg);
    if (has_extension(p, {".jsonl", ".ndjson", ".json"}))
        return std::make_unique<jsonl_source>(path, cfg);
    if (has_extension(p, {".txt", ".html", ".htm"}))
        return std::make_unique<directory_source>(std::vector<std::string>{path}, cfg);
    return std::make_unique<rejected_source>(
        rejection{path, "unknown input kind (expected a directory, .yaml manifest, .jsonl, .txt or .html)"});
}

std::unique_ptr<article_source> open_inputs(std::vector<std::string> const &paths, input_config const &cfg)
{
    return std::make_unique<chained_source>(paths, cfg);
}

} // namespace etl::ingest
