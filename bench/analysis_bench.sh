#!/usr/bin/env bash
# Dashboard speed of the analysis layer on N generated incidents (default 1,000,000; two reports
# each), in a throwaway PostgreSQL server that this script starts and stops:
#   1. migrate, then one run over data/samples (it loads the reference data);
#   2. bench/generate_incidents.sql inserts the synthetic incidents, articles, reports and links;
#   3. the marts are refreshed as a run refreshes them;
#   4. each query of bench/dashboard_queries.sql runs 5 times under EXPLAIN ANALYZE.
# Prints a Markdown table: the median execution time and the plan's top node per query.
# Usage: bench/analysis_bench.sh [N]      (ETL_BUILD_DIR: the build folder, default build/)
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-1000000}"
build="${ETL_BUILD_DIR:-build}"
etl="$build/incident-etl"
[ -x "$etl" ] || { echo "analysis_bench: $etl not found; run scripts/build first" >&2; exit 2; }

source scripts/lib/throwaway_postgres.sh
psql -q -c "create database bench"
export PGDATABASE=bench
url="$THROWAWAY_URL dbname=bench"   # libpq: the last dbname wins

seconds() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$(seconds) - $1:.1f}')"; }

"$etl" migrate --database-url "$url" --log-level warn
"$etl" run --database-url "$url" --input data/samples/manifest.yaml --log-level warn

t=$(seconds)
psql -q -v ON_ERROR_STOP=1 -v n="$n" -f bench/generate_incidents.sql >/dev/null
echo "generated $n incidents, $((2 * n)) reports in $(elapsed "$t") s" >&2

t=$(seconds)
psql -q -v ON_ERROR_STOP=1 -At -c "select format('refresh materialized view %I.%I;', schemaname, matviewname)
    from pg_matviews where schemaname = 'marts'
    order by case when matviewname like 'dim\_%' then 0 when matviewname like 'fct\_%' then 1 else 2 end,
             matviewname" | psql -q -v ON_ERROR_STOP=1 >/dev/null
psql -q -c "analyze"
echo "refreshed the marts in $(elapsed "$t") s" >&2

echo "| query | median ms (5 runs) | plan |"
echo "|---|---:|---|"
grep -v '^--' bench/dashboard_queries.sql | while IFS=$'\t' read -r label query; do
    [ -n "$label" ] || continue
    times=()
    for _ in 1 2 3 4 5; do
        times+=("$(psql -At -c "explain (analyze, format json) $query" |
            python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
    done
    plan=$(psql -At -c "explain (format json) $query" | python3 -c '
import json, sys
node = json.load(sys.stdin)[0]["Plan"]
names = []
while node:
    names.append(node["Node Type"] + (" on " + node["Index Name"] if "Index Name" in node else ""))
    node = (node.get("Plans") or [None])[0]
print(" > ".join(names[:3]))')
    median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
    printf '| %s | %.2f | %s |\n' "$label" "$median" "$plan"
done
