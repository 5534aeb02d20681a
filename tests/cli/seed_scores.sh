# The seed articles scored against their gold: every figure above the floors
# kept in tests/floors.txt (raised as the extractor improves).
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
"$NG" build --out "$tmp/seeds" "$NG_SHARED/corpus/seeds" >/dev/null 2>&1
check "build seeds" test $? -eq 0
mins=()
while read -r name value; do
  case "$name" in ''|'#'*) continue ;; esac
  mins+=(--min "$name=$value")
done <"$NG_SRC/tests/floors.txt"
python3 "$NG_SHARED/eval/score.py" --gold "$NG_SHARED/eval/seeds.gold.json" --graph "$tmp/seeds/graph.json" "${mins[@]}"
check "seed figures at or above the floors" test $? -eq 0
finish
