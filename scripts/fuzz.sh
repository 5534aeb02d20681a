#!/usr/bin/env bash
# Longer fuzzing than the test suite's one-minute smoke run.
#   scripts/fuzz.sh [SECONDS]      each harness SECONDS (default 600), as many at once as there are cores
#   FUZZ_HARNESSES="extract pipeline" scripts/fuzz.sh 3600     only these
#   NG_FUZZ_OPEN=1 scripts/fuzz.sh  also check the invariants of known open bugs (see tests/fuzz/regressions/open/)
# Builds build-fuzz/ with clang and -DNG_FUZZ=ON.  The working corpora stay in
# build-fuzz/corpus/<harness>/ between runs (the seeds are tests/fuzz/corpus/);
# a crash is written to build-fuzz/artifacts/ and makes the script fail: copy
# it to tests/fuzz/regressions/<harness>/<what-it-is> once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
harnesses=${FUZZ_HARNESSES:-document segment number extract pipeline}
scripts/setup.sh --test >/dev/null
jobs=$(nproc)
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNG_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz >/dev/null
mkdir -p build-fuzz/artifacts build-fuzz/logs
run() {
  local h=$1
  mkdir -p "build-fuzz/corpus/$h"
  build-fuzz/tests/fuzz_"$h" -max_total_time="$secs" -timeout=20 -rss_limit_mb=3072 -max_len=16384 \
    -print_final_stats=1 -dict=tests/fuzz/german.dict -artifact_prefix="build-fuzz/artifacts/$h-" \
    "build-fuzz/corpus/$h" "tests/fuzz/corpus/$h" $(case $h in document|pipeline) echo examples ;; esac) \
    >"build-fuzz/logs/$h.log" 2>&1 && rc=0 || rc=$?
  echo $rc >"build-fuzz/logs/$h.rc"
}
running=0
for h in $harnesses; do
  if [ $running -ge "$jobs" ]; then
    wait -n || true # one finished (its exit code is in its .rc file)
    running=$((running - 1))
  fi
  run "$h" &
  running=$((running + 1))
done
wait
fail=0
for h in $harnesses; do
  rc=$(cat "build-fuzz/logs/$h.rc")
  log=build-fuzz/logs/$h.log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(ls "build-fuzz/corpus/$h" | wc -l)
  if [ $rc -eq 0 ]; then
    printf '%-9s ok     %10s runs  cov %-6s corpus %s\n' "$h" "${runs:-?}" "${cov:-?}" "$corpus"
  else
    printf '%-9s FAILED %10s runs  cov %-6s (exit %s)\n' "$h" "${runs:-?}" "${cov:-?}" "$rc"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" | head -5 | sed 's/^/          /'
    fail=1
  fi
done
[ $fail -eq 0 ] || echo "fuzz: crashes in build-fuzz/artifacts/ (logs in build-fuzz/logs/)"
exit $fail
