#!/usr/bin/env bash
# Every benchmark of docs/performance.md, from one command, on the Release build:
#   1. incident-etl bench --stage all: start-up, extraction (1 and 2 threads), dedup, load
#      against psql \copy, a whole run; in a throwaway PostgreSQL server;
#   2. extraction at three sizes, to show it is linear in the input;
#   3. bench/dedup_bench at 10k, 100k and 1M reports;
#   4. bench/nightly_bench.sh: 100,000 new articles into a database of 1,000,000 incidents.
# About 10 minutes on a 2-core machine. Usage: bench/run_all.sh [ARTICLES]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."

articles="${1:-20000}"
build="${ETL_BUILD_DIR:-build}"
scripts/setup time
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target incident-etl dedup_bench >/dev/null
etl="$build/incident-etl"

echo "## 1. Stages on $articles synthetic articles"
(
    source scripts/lib/throwaway_postgres.sh
    "$etl" bench --stage all --articles "$articles" --database-url "$THROWAWAY_URL" --log-level warn
)

echo
echo "## 2. Extraction at three sizes (1 thread, then 2)"
for n in $((articles / 4)) "$articles" $((articles * 4)); do
    "$etl" bench --stage extract --articles "$n" --log-level warn | grep extract
done

echo
echo "## 3. Deduplication of synthetic reports"
"$build/bench/dedup_bench" 10000 100000 1000000

echo
echo "## 4. Nightly run: 100,000 articles into 1,000,000 incidents"
ETL_BUILD_DIR="$build" bench/nightly_bench.sh 1000000 100000
