#!/usr/bin/env bash
# Builds the seed articles into a fresh folder and scores them (../shared/eval/score.py).
#   scripts/eval-seeds.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/corpus/seeds" ] || { echo "eval-seeds: $shared/corpus/seeds is absent" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/newsgraph build --out "$out" "$shared/corpus/seeds" >/dev/null
python3 "$shared/eval/score.py" --gold "$shared/eval/seeds.gold.json" --graph "$out/graph.json" "$@"
