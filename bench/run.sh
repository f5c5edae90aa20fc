#!/usr/bin/env bash
# Benchmark figures for docs/performance.md (figures, never pass/fail).
#
#   bench/run.sh [figures|eval|jmh|all|serve]
#
# figures (default): org.dudao.bench.BenchRunner prints, on the same files in one run,
#   rule-base compile time; bare parse vs dudao load; hand loop vs Drools; end to end on the
#   national set at 1 and 2 threads with -Xmx1g (speed-up, CPU, peak heap, peak RSS).
# jmh: the JMH micro benchmarks under src/bench/java (one province at scale 0.1).
# eval: the evaluation alone on one thread (EvaluationCpu: thread CPU and allocation per repetition) on
#   issue 17's single workbook of 600 counties and 199,800 classes ($BENCH_DIR/w600, generated once).
# serve: the console's load check (docs/serve.md): 20 clients upload the sample at once, with the default
#   queue and with a short one (SERVE_CLIENTS, SERVE_JOBS, SERVE_QUEUE, BENCH_HEAP).
#
# Data is generated once under $BENCH_DIR (default /tmp/dudao-bench), never in the repository:
#   $BENCH_DIR/s01        scale 0.1, 31 workbooks (about 20 s to generate)
#   $BENCH_DIR/four       the first 4 of those: the files for the read and evaluation figures
#   $BENCH_DIR/s$SCALE    the national set for end to end (BENCH_SCALE, default 1: about 4 min to
#                         generate, about 140 MB)
# Other knobs: BENCH_REPS (5), BENCH_THREADS (1,2), BENCH_HEAP (1g), BENCH_CORES (1,2: the same runs held to
#   that many cores with taskset, so the speed-up is that of adding a core; empty to skip), BENCH_JVM (extra
#   options for the measured JVMs, e.g. "-XX:+UseParallelGC").
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-figures}"
dir="${BENCH_DIR:-/tmp/dudao-bench}"
scale="${BENCH_SCALE:-1}"

mvn -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"

if [ "$what" = serve ]; then
  for q in "${SERVE_QUEUE:-20}" 5; do
    java "-Xmx${BENCH_HEAP:-1g}" -cp "$cp" org.dudao.serve.ServeLoad "${SERVE_CLIENTS:-20}" "${SERVE_JOBS:-1}" "$q"
  done
  exit 0
fi

generate() { # scale outdir
  if [ ! -f "$2/province-31.xlsx" ]; then
    java -cp "$cp" org.dudao.cli.Main generate --scale "$1" --seed 7 --out "$2"
  fi
}

if [ "$what" = figures ] || [ "$what" = all ]; then
  cores="${BENCH_CORES-1,2}"
  command -v taskset >/dev/null || cores=""
  generate 0.1 "$dir/s01"
  mkdir -p "$dir/four"
  for i in 01 02 03 04; do ln -sf "$dir/s01/province-$i.xlsx" "$dir/four/province-$i.xlsx"; done
  generate "$scale" "$dir/s$scale"
  echo "机器：$(nproc) 核，$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)，内存 $(free -h | awk '/Mem:/{print $2}')；$(java -version 2>&1 | head -1)"
  echo "负载：$(cut -d' ' -f1-3 /proc/loadavg)（1/5/15 分钟平均；高于核数时挂钟时间偏大）"
  java -cp "$cp" org.dudao.bench.BenchRunner --files "$dir/four" --national "$dir/s$scale" --rules rules \
       --reps "${BENCH_REPS:-5}" --threads "${BENCH_THREADS:-1,2}" --heap "${BENCH_HEAP:-1g}" \
       ${cores:+--cores "$cores"} ${BENCH_JVM:+--jvm "$BENCH_JVM"}
fi

if [ "$what" = eval ] || [ "$what" = all ]; then
  [ -f "$dir/w600/one-600.xlsx" ] || java -cp "$cp" org.dudao.cli.Main generate --one-workbook 600 --seed 7 --out "$dir/w600"
  echo "负载：$(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx3g -cp "$cp" org.dudao.bench.EvaluationCpu rules "${BENCH_REPS:-8}" "$dir/w600/one-600.xlsx"
fi

if [ "$what" = jmh ] || [ "$what" = all ]; then
  java -cp "$cp" org.openjdk.jmh.Main -jvmArgs "-Xmx1g" "org.dudao.bench.*"
fi
