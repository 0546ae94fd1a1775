#pragma once
// Work over an index range on a few threads, for the pipeline's extraction and the benchmarks.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace etl {

/// Runs fn(i) for i in [0, n) on up to `threads` threads (0 = one per core), the calling thread
/// among them; indices are handed out one at a time, so uneven items balance.
template <typename Fn> void parallel_for(std::size_t n, unsigned threads, Fn fn)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++)
            fn(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &th : pool)
        th.join();
}

} // namespace etl
