#!/usr/bin/env bash
# The main job on the project's example articles: set up, build, and build the graph.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
rm -f output/newsgraph.db output/newsgraph.db-wal output/newsgraph.db-shm
build/newsgraph build --out output examples
