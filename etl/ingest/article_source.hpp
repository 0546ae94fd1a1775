#pragma once
// Stage 1, articles in: every input format yields articles one at a time, or a rejection
// that says which input could not be used and why. Readers never throw for bad input.

#include "core/article.hpp"
#include "core/config.hpp"
#include "core/files.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace etl::ingest {

struct rejection {
    std::string input;   ///< path, "path:line" or article id
    std::string reason;
};

/// One item read from an input: an article or a rejection.
struct read_item {
    std::optional<article> art;
    std::optional<rejection> rejected;
};

class article_source {
public:
    virtual ~article_source() = default;
    /// Fills `item` and returns true, or returns false at the end of the input.
    virtual bool next(read_item &item) = 0;
};

/// Opens one input by its kind: a directory of .txt/.html files (read through its manifest.yaml
/// when it has one), a manifest (.yaml/.yml),
/// JSON Lines (.jsonl/.ndjson/.json), or a single .txt/.html file.
/// An input that cannot be opened at all yields a single rejection.
std::unique_ptr<article_source> open_input(std::string const &path, input_config const &cfg);

/// All the inputs, one after another.
std::unique_ptr<article_source> open_inputs(std::vector<std::string> const &paths, input_config const &cfg);

/// Why this text cannot be an article (empty, binary, invalid UTF-8, too large), or nothing.
std::optional<std::string> text_problem(std::string const &text, input_config const &cfg);

/// The text of an article file, or nullopt with `reason` saying why it cannot be one: unreadable,
/// larger than input.max_article_bytes (checked before reading), leading outside `root` (the
/// folder the user named) through a symbolic link or `..` unless input.follow_links_outside,
/// or a text_problem. An empty `root` skips the outside check (a file named on its own).
std::optional<std::string> read_article_file(std::string const &path, std::string const &root,
                                             input_config const &cfg, std::string &reason);

/// A publication date of an article parsed from `text`, or nullopt with `reason`: unparseable,
/// or after tomorrow (UTC; a day's slack for time zones).
std::optional<civil_date> publication_date(std::string const &text, std::string const &article_id,
                                           std::string &reason);

} // namespace etl::ingest
