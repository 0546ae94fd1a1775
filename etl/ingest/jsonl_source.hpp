#pragma once

#include "ingest/article_source.hpp"

#include <fstream>

namespace etl::ingest {

/// Articles from JSON Lines, one object a line: {id, source, url, published, title, text}.
/// A broken line or a field of the wrong type rejects that line only.
class jsonl_source : public article_source {
public:
    jsonl_source(std::string const &path, input_config const &cfg);
    bool next(read_item &item) override;

private:
    read_item parse_line(std::string const &line, std::string const &where) const;

    std::string m_path;
    std::ifstream m_in;
    input_config m_cfg;
    std::size_t m_line = 0;
    bool m_open_failed = false;
};

} // namespace etl::ingest
