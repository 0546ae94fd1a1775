#include "core/files.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace etl {

std::optional<std::string> read_file(std::string const &path, std::string &error)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return std::move(buf).str();
}

std::string read_config_file(std::string const &path, std::string_view what)
{
    std::string error;
    auto text = read_file(path, error);
    if (!text)
        throw config_error(path + ": cannot read " + std::string(what) + ": " + error);
    return std::move(*text);
}

} // namespace etl
