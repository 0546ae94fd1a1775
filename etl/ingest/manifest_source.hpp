#pragma once

#include "ingest/article_source.hpp"

#include <yaml-cpp/yaml.h>

namespace etl::ingest {

/// Articles listed in a YAML manifest: `articles: [{id, file, source, url, published, title}]`,
/// files relative to the manifest. A bad entry is rejected; the others are read.
class manifest_source : public article_source {
public:
    manifest_source(std::string const &path, input_config const &cfg);
    bool next(read_item &item) override;

private:
    read_item read_entry(YAML::Node const &entry);

    std::string m_path;
    std::string m_dir;
    input_config m_cfg;
    YAML::Node m_entries;
    std::size_t m_index = 0;
    std::optional<rejection> m_open_error;
};

} // namespace etl::ingest
