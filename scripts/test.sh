#!/usr/bin/env bash
# Sets up, builds and runs every test: once normally, once under AddressSanitizer
# and UndefinedBehaviorSanitizer.  Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNG_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
# Third: clang with libFuzzer; only the fuzz tests (regression replays and a
# bounded fuzz run of every harness, about a minute; scripts/fuzz.sh runs longer).
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNG_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz
(cd build-fuzz && ctest --output-on-failure -L fuzz)
