#!/usr/bin/env bash
# make fuzz: runs every libFuzzer target in BUILD_DIR for SECONDS, all at once (one process
# each), with ASan and UBSan, starting from the seeds in CORPUS_DIR/<target>/; what a target
# finds interesting is kept in BUILD_DIR/corpus/<target>/ (copy good ones to the seeds by
# hand). A crash or sanitizer report is written to BUILD_DIR/findings/<target>/ and fails
# the run. Prints the executions per target and in all.
# On a shared machine: nice -n 19 make fuzz FUZZ_SECONDS=1500 (docs/operations.md).
set -euo pipefail
build=$1 corpus=$2 seconds=$3
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
names=()
for bin in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  names+=("$name")
  mkdir -p "$build/corpus/$name" "$build/findings/$name"
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$name/" "$build/corpus/$name" "$corpus/$name" \
    >"$build/findings/$name.log" 2>&1 &
  echo $! >"$build/findings/$name.pid"
done
[ ${#names[@]} -gt 0 ] || { echo "fuzz: geen doelen in $build/tests/fuzz (make build-fuzz)" >&2; exit 1; }
total=0 failed=0
for name in "${names[@]}"; do
  log="$build/findings/$name.log"
  if ! wait "$(cat "$build/findings/$name.pid")"; then
    echo "fuzz: $name vond een fout; zie $log en $build/findings/$name/" >&2
    grep -E -A20 'ERROR|runtime error|deadly signal' "$log" | head -40 >&2 || tail -40 "$log" >&2
    failed=1
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz: $name: ${runs:-0} uitvoeringen, 0 fouten"
  total=$((total + ${runs:-0}))
done
[ "$failed" = 0 ] || exit 1
echo "fuzz: in totaal $total uitvoeringen, 0 fouten"
