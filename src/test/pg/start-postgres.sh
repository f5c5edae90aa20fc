#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the history tests and prints where it is:
#
#   src/test/pg/start-postgres.sh PORT
#   -> last line of stdout: PGTEST_DIR=/tmp/dudao-pg.XXXX   (stop it with stop-postgres.sh that dir)
#
# The cluster lives in a new temporary folder, listens on 127.0.0.1:PORT only, trusts local
# connections and has one superuser, "dudao" (database "postgres"): jdbc:postgresql://127.0.0.1:PORT/postgres?user=dudao
# When Debian's postgresql is not installed and we are root, it is installed with apt-get first.
# The server never runs as root: as root it is started as the "postgres" user the package creates.
# Exit codes: 0 started; 2 PostgreSQL is not available and cannot be installed; 1 anything else.
set -euo pipefail

port="${1:?usage: start-postgres.sh PORT}"

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return 0; fi
    return 1
}

bindir="$(find_bindir || true)"
if [ -z "$bindir" ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
        exit 2
    fi
    echo "installing Debian's postgresql with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || { echo "apt-get update failed" >&2; exit 2; }
    apt-get install -y -q --no-install-recommends postgresql >&2 || { echo "apt-get install postgresql failed" >&2; exit 2; }
    bindir="$(find_bindir || true)"
    [ -n "$bindir" ] || { echo "postgresql installed but initdb not found" >&2; exit 2; }
fi

dir="$(mktemp -d /tmp/dudao-pg.XXXXXX)"
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "no 'postgres' user to run the server as" >&2; exit 2; }
    chown postgres: "$dir"
fi
chmod 700 "$dir"

as_server_user "$bindir/initdb" -D "$dir/data" -U dudao --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_server_user "$bindir/initdb" -D "$dir/data" -U dudao --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
echo "$bindir" > "$dir/bindir"
echo "PGTEST_DIR=$dir"
