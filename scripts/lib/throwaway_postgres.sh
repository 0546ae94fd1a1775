# Sourced by scripts/test and bench/analysis_bench.sh: starts a throwaway PostgreSQL 15 server on a
# private unix socket (no TCP), owned by this shell and stopped and deleted at its exit. Exports
# PGHOST, PGPORT, PGUSER=postgres, PGDATABASE=postgres and THROWAWAY_URL for it; unsets every
# other way of reaching a server, so nothing else is touched.
# Durability is off (fsync, synchronous_commit): the data is thrown away anyway.

throwaway_bindir=/usr/lib/postgresql/15/bin
throwaway_dir=$(mktemp -d /tmp/incident-etl-pg.XXXXXX)
throwaway_as_server_user=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb and postgres refuse to run as root
    chown postgres:postgres "$throwaway_dir"
    throwaway_as_server_user=(runuser -u postgres --)
fi
stop_throwaway_postgres() {
    "${throwaway_as_server_user[@]}" "$throwaway_bindir/pg_ctl" -D "$throwaway_dir/data" -m immediate -w stop \
        >/dev/null 2>&1 || true
    rm -rf "$throwaway_dir"
}
trap stop_throwaway_postgres EXIT

"${throwaway_as_server_user[@]}" "$throwaway_bindir/initdb" -D "$throwaway_dir/data" -U postgres \
    --auth-local=trust --auth-host=reject -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$throwaway_dir/data/postgresql.conf" <<CONF
listen_addresses = ''
port = 5432
unix_socket_directories = '$throwaway_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
"${throwaway_as_server_user[@]}" "$throwaway_bindir/pg_ctl" -D "$throwaway_dir/data" \
    -l "$throwaway_dir/server.log" -w start >/dev/null

unset INCIDENT_ETL_DATABASE_URL PGSERVICE PGHOSTADDR PGPASSWORD
export PGHOST="$throwaway_dir" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export THROWAWAY_URL="host=$throwaway_dir port=5432 user=postgres dbname=postgres"
