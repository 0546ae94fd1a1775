#pragma once
// One news article as read from the input, before any extraction.

#include "core/civil_date.hpp"

#include <optional>
#include <string>

namespace etl {

struct article {
    std::string id;                       ///< unique within the corpus (manifest id, JSONL id, file stem)
    std::string source;                   ///< outlet domain, e.g. "reuters.com"; may be empty
    std::string url;                      ///< may be empty
    std::optional<civil_date> published;  ///< publication date; anchors relative dates
    std::string title;                    ///< may be empty
    std::string text;                     ///< body as delivered: plain text or HTML
    bool is_html = false;                 ///< text is HTML markup
    std::string origin;                   ///< where it came from ("file.jsonl:12"), for messages
};

} // namespace etl
