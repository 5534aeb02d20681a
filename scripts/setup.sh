#!/usr/bin/env bash
# Installs what newsgraph needs on Debian 12, only what is missing (idempotent).
#   scripts/setup.sh          build and run dependencies (graphviz: 'newsgraph render' runs dot)
#   scripts/setup.sh --test   also what the tests use (networkx, Graphviz, xmllint, clang)
#   scripts/setup.sh --train  also what scripts/train-tagger.py uses (scikit-learn)
set -euo pipefail
want=(gcc make cmake pkg-config libigraph-dev libxml2-dev libsqlite3-dev libglib2.0-dev libjson-c-dev
      wngerman wamerican python3 graphviz)
if [ "${1:-}" = "--test" ]; then
  want+=(python3-networkx graphviz libxml2-utils sqlite3 valgrind
         clang libclang-rt-14-dev time)  # fuzzing (libFuzzer runtime), peak-memory figures
elif [ "${1:-}" = "--train" ]; then
  want+=(python3-sklearn)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all dependencies present"
