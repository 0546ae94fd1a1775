// libFuzzer target: the input readers on any file content. The first byte picks the reader:
// JSON Lines, a YAML manifest, or a single article file. The bytes are written to a file in a
// private temporary folder, and every item must be either an article or a rejection with a
// reason, never both or neither.
#include "ingest/article_source.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {
fs::path folder;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    folder = fs::temp_directory_path() / ("etl-fuzz-readers-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const *data, std::size_t size)
{
    if (size < 1)
        return 0;
    char const *const names[] = {"input.jsonl", "manifest.yaml", "article.txt", "page.html"};
    fs::path const path = folder / names[data[0] % 4];
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<char const *>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    etl::input_config cfg;
    cfg.max_article_bytes = 4096;
    auto source = etl::ingest::open_input(path.string(), cfg);
    etl::ingest::read_item item;
    for (int i = 0; i < 10000 && source->next(item); ++i) {
        bool const article = item.art.has_value();
        bool const rejected = item.rejected.has_value();
        if (article == rejected || (rejected && item.rejected->reason.empty()))
            std::abort();
    }
    fs::remove(path);
    return 0;
}
