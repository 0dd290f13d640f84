#!/usr/bin/env bash
# Builds a Release build of the matching benchmark in its own directory and runs it on the
# generated nl data set: every figure docs/matching.md reports, each with its baseline
# measured in the same run (exhaustive scoring, one SQL query in SQLite, enumeration of all
# arrangements) and the peak memory (VmHWM), then the Google Benchmark runs.
# Usage: bench/run.sh [build-dir]   (BENCH_SECTIONS=single,validate,arrangements,sql,country
# picks figures; default all.) Prints the machine load before and after: the figures are
# wall-clock and CPU times on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPASSEND_BENCH=ON >/dev/null
cmake --build "$BUILD" --target match_bench -j2
echo "load before: $(uptime)"
"$BUILD/bench/match_bench" --benchmark_min_time=1 --benchmark_counters_tabular=true
echo "load after: $(uptime)"
