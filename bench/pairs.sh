#!/usr/bin/env bash
# Two builds of dudao timed against each other, run for run (figures, never pass/fail).
#
#   bench/pairs.sh A B ROUNDS dudao-arguments...
#   bench/pairs.sh /tmp/dist-before/dudao-0.1.0-SNAPSHOT target/dudao-0.1.0-SNAPSHOT.zip 5 \
#       evaluate --format json /tmp/w600/one-600.xlsx
#
# A and B are unpacked distributions (the folder holding bin/dudao) or their zips (unpacked once under
# $BENCH_DIR/pairs). On a shared or virtual machine the same run can take 9 s one minute and 12 s the
# next (docs/performance.md), so a before and an after measured minutes apart say little: here they
# alternate, A B then B A, each run into a new --out; every run is printed, then the medians and the
# median of each round's own difference (A - B), which the drift between rounds moves least.
# Each build runs once first, unmeasured, and its class archive is awaited (bin/dudao makes it after a
# first run), so that neither side pays a cold cache. JAVA_OPTS passes through to both.
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
a=$1 b=$2 rounds=$3
shift 3
dir="${BENCH_DIR:-/tmp/dudao-bench}/pairs"
mkdir -p "$dir"
cache=${DUDAO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dudao}

unpacked() { # a distribution folder or zip -> the folder holding bin/dudao
  local d=$1
  if [ -f "$d" ]; then
    local into
    into="$dir/$(basename "$d" .zip)-$(cksum <"$d" | cut -d' ' -f1)"
    [ -d "$into" ] || { mkdir -p "$into" && unzip -q "$d" -d "$into"; }
    d=$(dirname "$(find "$into" -path '*/bin/dudao' | head -1)")/..
  fi
  [ -x "$d/bin/dudao" ] || { echo "pairs.sh: no bin/dudao under $1" >&2; exit 2; }
  (cd "$d" && pwd -P)
}
a=$(unpacked "$a")
b=$(unpacked "$b")

# one run: prints "wall user sys peak-RSS-KB exit-code" (RSS "-" without GNU time); evaluate and batch
# write into a new folder each time (a folder's second run would check the first run's reports)
run() {
  local dist=$1 out
  shift
  out=$(mktemp -d "$dir/out.XXXXXX")
  local cmd=("$dist/bin/dudao" "$@")
  case $1 in evaluate | batch) cmd+=(--out "$out") ;; esac
  if [ -x /usr/bin/time ] && /usr/bin/time -f x true >/dev/null 2>&1; then
    /usr/bin/time -o "$out.time" -f '%e %U %S %M %x' "${cmd[@]}" >/dev/null 2>&1 || true
  else
    local TIMEFORMAT='%R %U %S'
    { time { "${cmd[@]}" >/dev/null 2>&1 && echo 0 >"$out.exit" || echo $? >"$out.exit"; }; } 2>"$out.time"
    echo "$(tail -1 "$out.time") - $(cat "$out.exit")" >"$out.time"
  fi
  tail -1 "$out.time"
  rm -rf "$out" "$out.time" "$out.exit"
}

settle() { # the first runs' class archives are made in the background
  for _ in $(seq 120); do
    ls "$cache"/*.making >/dev/null 2>&1 || return 0
    sleep 1
  done
}

echo "A = $a"
echo "B = $b"
echo "command: dudao $* (evaluate and batch: --out a new folder each run); $rounds rounds, the order alternating"
run "$a" "$@" >/dev/null
run "$b" "$@" >/dev/null
settle

walls_a=() walls_b=()
printf '%-6s %-2s %9s %9s %9s %11s %5s\n' round "" "wall s" "user s" "sys s" "peak RSS KB" exit
for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
  for side in $order; do
    if [ "$side" = A ]; then dist=$a; else dist=$b; fi
    read -r wall user sys rss code <<<"$(run "$dist" "$@")"
    printf '%-6s %-2s %9s %9s %9s %11s %5s\n' "$r" "$side" "$wall" "$user" "$sys" "$rss" "$code"
    if [ "$side" = A ]; then walls_a+=("$wall"); else walls_b+=("$wall"); fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
diffs=()
for i in "${!walls_a[@]}"; do diffs+=("$(awk -v a="${walls_a[$i]}" -v b="${walls_b[$i]}" 'BEGIN {printf "%.2f", a - b}')"); done
echo "median wall: A $(median "${walls_a[@]}") s, B $(median "${walls_b[@]}") s"
# the machine drifts between rounds more than within one: the round's own difference is the figure to read
echo "A - B within each round: ${diffs[*]} s; median $(median "${diffs[@]}") s; load average now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
