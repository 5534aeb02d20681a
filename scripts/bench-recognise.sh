#!/usr/bin/env bash
# Recognition speed (issue 2): builds a Release binary into build-release/ and
# runs bench/recognise.c over the 10kGNAD test split.  Prints tokens, CPU
# seconds and tokens per CPU-second for recognition + resolution alone (each
# article segmented once beforehand, not timed) and for whole ng_extract runs,
# each without a cache ("alone") and with one ng_extract_cache per pass
# ("cached", as build/ingest/extract threads run).  A benchmark, not a test:
# it reports figures and does not fail on them.
#
#   scripts/bench-recognise.sh [TEST.CSV] [--reps N] [--extract-reps N] [--cached-only] [--callgrind]
#
# TEST.CSV defaults to ../shared/data/10kgnad/test.csv; when it is absent the
# benchmark is skipped with a message (exit 0).  --callgrind also runs one
# cached recognition pass under valgrind --tool=callgrind (instruction counts,
# not disturbed by other load; the count includes loading and reading) and
# prints the top functions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
csv="$root/../shared/data/10kgnad/test.csv"
args=()
callgrind=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reps|--extract-reps) args+=("$1" "$2"); shift 2 ;;
    --cached-only) args+=("$1"); shift ;;
    --callgrind) callgrind=1; shift ;;
    -*) echo "usage: $0 [TEST.CSV] [--reps N] [--extract-reps N] [--cached-only] [--callgrind]" >&2; exit 2 ;;
    *) csv="$1"; shift ;;
  esac
done
if [ ! -f "$csv" ]; then
  echo "bench-recognise: $csv not found: skipped (needs the 10kGNAD test split)"
  exit 0
fi
B=${NG_BENCH_BUILD:-$root/build-release}
cmake -S "$root" -B "$B" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$B" -j2 --target bench_recognise >/dev/null
echo "commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (uncommitted changes)'), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$B/bench_recognise" --data "$root/data" ${args[@]+"${args[@]}"} "$csv"
if [ "$callgrind" = 1 ]; then
  out="$B/callgrind.recognise.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$B/bench_recognise" --data "$root/data" --cached-only --reps 1 --extract-reps 0 "$csv" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$out" 2>/dev/null | head -40
  callgrind_annotate "$out" 2>/dev/null | head -40
fi
