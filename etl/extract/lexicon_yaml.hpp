#pragma once
// Helpers shared by the YAML lexicons (actors, categories, incident cues): loading with
// errors that name file, key and line, and the few token-level utilities they all need.

#include "extract/tokens.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace YAML {
class Node; // yaml-cpp; only the .cpp files that read YAML include it
}

namespace etl::extract::lexicon {

/// Parses a YAML file; throws config_error naming the file (and line for syntax errors).
YAML::Node load_file(std::string const &path);

/// Throws config_error "<path>:<line>: <key>: <what>" (line from node.Mark()).
[[noreturn]] void fail(std::string const &path, YAML::Node const &node, std::string_view key, std::string_view what);

/// The map entry `key`; throws when `map` is not a map or the key is missing.
YAML::Node required(std::string const &path, YAML::Node const &map, std::string_view key);

/// A scalar string; throws when missing (if `must`) or not a scalar.
std::string get_string(std::string const &path, YAML::Node const &map, std::string_view key, bool must = true);
double get_number(std::string const &path, YAML::Node const &map, std::string_view key, double fallback);
bool get_bool(std::string const &path, YAML::Node const &map, std::string_view key, bool fallback);
/// A scalar or a sequence of scalars; empty when missing and not `must`.
std::vector<std::string> get_strings(std::string const &path, YAML::Node const &map, std::string_view key,
                                     bool must = false);

/// Folded single-token keys of the list at `key` (a word or one punctuation mark; longer phrases are rejected).
extract::word_set word_set(std::string const &path, YAML::Node const &map, std::string_view key);

/// Is tokens[i] a sentence-ending mark? A "." after a single letter ("U.S.") or a common
/// title abbreviation ("Gen.", "Mr."), or before a comma or a lower-case word ("Ky., on"), is not.
bool is_sentence_end(std::vector<token> const &tokens, std::size_t i);

/// First and one-past-last token of the sentence holding token i, clamped to [first, last).
std::pair<std::size_t, std::size_t> sentence_around(std::vector<token> const &tokens, std::size_t i,
                                                    std::size_t first, std::size_t last);

/// Number token, or a number word ("three", "dozens", "hundreds").
bool is_quantity(token const &t);

/// Numeric value of a number token or number word; -1 when not a number or vague ("dozens").
long quantity_value(token const &t);

/// Folded keys of `phrase` joined by one space: the form used to compare phrases with text.
std::string key_of(std::string_view phrase);

/// key_of() with the words in reverse order: for matching phrases that end where a walk to the
/// left starts ("attack on" before a name is matched as "on attack" over the reversed tokens).
std::string reversed_key(std::string_view phrase);

/// Token norms [first, first + count) joined by one space.
std::string joined(std::vector<token> const &tokens, std::size_t first, std::size_t count);

} // namespace etl::extract::lexicon
