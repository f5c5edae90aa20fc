#!/usr/bin/env bash
# Stops a server started by start-postgres.sh and removes its folder: stop-postgres.sh DIR
set -euo pipefail
dir="${1:?usage: stop-postgres.sh DIR}"
case "$dir" in /tmp/dudao-pg.*) ;; *) echo "not a dudao test cluster: $dir" >&2; exit 1 ;; esac
bindir="$(cat "$dir/bindir")"
if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
else
    "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
fi
rm -rf "$dir"
