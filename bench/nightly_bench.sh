#!/usr/bin/env bash
# The nightly-run target of docs/performance.md: ARTICLES new synthetic articles (default
# 100,000) loaded by one `incident-etl run` into a database that already holds INCIDENTS
# incidents (default 1,000,000, two reports each, bench/generate_incidents.sql), in a throwaway
# PostgreSQL server this script starts and stops. Prints the run's wall time, its peak RSS
# (GNU time) and its summary line. The synthetic articles fall in 2023, the last year of the
# stored incidents, so deduplication meets real candidates.
# Usage: bench/nightly_bench.sh [INCIDENTS] [ARTICLES]    (ETL_BUILD_DIR: build folder, default build/)
set -euo pipefail
cd "$(dirname "$0")/.."

incidents="${1:-1000000}"
articles="${2:-100000}"
build="${ETL_BUILD_DIR:-build}"
etl="$build/incident-etl"
[ -x "$etl" ] || { echo "nightly_bench: $etl not found; run scripts/build first" >&2; exit 2; }
scripts/setup time

source scripts/lib/throwaway_postgres.sh
psql -q -c "create database bench"
export PGDATABASE=bench
url="$THROWAWAY_URL dbname=bench"   # libpq: the last dbname wins
work=$(mktemp -d /tmp/incident-etl-nightly.XXXXXX)
trap 'rm -rf "$work"; stop_throwaway_postgres' EXIT

"$etl" migrate --database-url "$url" --log-level warn
"$etl" run --database-url "$url" --input data/samples/manifest.yaml --log-level warn
SECONDS=0
psql -q -v ON_ERROR_STOP=1 -v n="$incidents" -f bench/generate_incidents.sql >/dev/null
psql -q -v ON_ERROR_STOP=1 -At -c "select format('refresh materialized view %I.%I;', schemaname, matviewname)
    from pg_matviews where schemaname = 'marts'
    order by case when matviewname like 'dim\_%' then 0 when matviewname like 'fct\_%' then 1 else 2 end,
             matviewname" | psql -q -v ON_ERROR_STOP=1 >/dev/null
psql -q -c "vacuum analyze"
echo "nightly_bench: $incidents incidents stored and the marts refreshed in $SECONDS s" >&2

"$etl" bench --articles "$articles" --write-articles "$work/night.jsonl" --log-level warn
echo "nightly_bench: $articles articles, $(du -m "$work/night.jsonl" | cut -f1) MB" >&2

/usr/bin/time -f "nightly_bench: wall %e s, peak RSS %M KB" \
    "$etl" run --database-url "$url" --input "$work/night.jsonl" --log-level info 2>&1 |
    grep -E "nightly_bench|\] (ingest|extract|load|dedup|analysis|quality|run [0-9]+ )"
