#pragma once
// Reading whole files: articles (errors are reasons to reject) and configuration or lexicon files
// (errors are config_error naming the file).

#include <optional>
#include <string>
#include <string_view>

namespace etl {

/// The whole file, or nullopt with `error` saying why.
std::optional<std::string> read_file(std::string const &path, std::string &error);

/// The whole of a configuration or lexicon file; throws config_error
/// "<path>: cannot read <what>: <reason>".
std::string read_config_file(std::string const &path, std::string_view what);

} // namespace etl
