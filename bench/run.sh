#!/usr/bin/env bash
# Builds a Release build of the benchmarks in their own directory and runs them on the
# generated nl data set: every figure docs/matching.md reports, each with its baseline
# measured in the same run (exhaustive scoring, one SQL query in SQLite, enumeration of all
# arrangements; for the index following the data, the index build from memory) and the
# peak memory (VmHWM), then the Google Benchmark runs.
# Usage: bench/run.sh [build-dir]   (BENCH_SECTIONS=single,validate,arrangements,sql,country,
# refresh picks figures; default all.) Prints the machine load before and after: the figures
# are wall-clock and CPU times on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPASSEND_BENCH=ON >/dev/null
cmake --build "$BUILD" --target match_bench refresh_bench -j2
sections=${BENCH_SECTIONS:-all}
echo "load before: $(uptime)"
if [ "$sections" != refresh ]; then
  "$BUILD/bench/match_bench" --benchmark_min_time=1 --benchmark_counters_tabular=true
fi
if [ "$sections" = all ] || [[ ",$sections," == *,refresh,* ]]; then
  "$BUILD/bench/refresh_bench"
fi
echo "load after: $(uptime)"
