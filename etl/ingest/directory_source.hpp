#pragma once

#include "ingest/article_source.hpp"

namespace etl::ingest {

/// Articles from the .txt/.html files of a directory (sorted by name, not recursive) or from
/// a list of files. Id = file name without extension; no source or publication date. Files of
/// a directory must lie inside it (input.follow_links_outside).
class directory_source : public article_source {
public:
    directory_source(std::string const &dir, input_config const &cfg);
    directory_source(std::vector<std::string> files, input_config const &cfg);
    bool next(read_item &item) override;

private:
    std::vector<std::string> m_files;
    std::string m_root; ///< the directory named; empty for a list of files
    std::size_t m_index = 0;
    input_config m_cfg;
    std::optional<rejection> m_listing_error;
};

} // namespace etl::ingest
