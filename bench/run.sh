#!/usr/bin/env bash
# Builds and runs the matching benchmarks on the generated nl data set and prints the
# figures docs/matching.md reports. Usage: bench/run.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPASSEND_BENCH=ON >/dev/null
cmake --build "$BUILD" --target match_bench -j2
"$BUILD/bench/match_bench" --benchmark_min_time=2 --benchmark_counters_tabular=true
