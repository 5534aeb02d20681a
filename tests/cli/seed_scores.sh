# The seed articles scored against their gold: every figure above the floors
# kept in tests/floors.txt (raised as the extractor improves), at most 3
# splits and no merge.
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
"$NG" build --out "$tmp/seeds" "$NG_SHARED/corpus/seeds" >/dev/null 2>&1
check "build seeds" test $? -eq 0
mins=()
while read -r name value; do
  case "$name" in ''|'#'*) continue ;; esac
  mins+=(--min "$name=$value")
done <"$NG_SRC/tests/floors.txt"
python3 "$NG_SHARED/eval/score.py" --gold "$NG_SHARED/eval/seeds.gold.json" --graph "$tmp/seeds/graph.json" "${mins[@]}" >"$tmp/score"
rc=$?
cat "$tmp/score"
check "seed figures at or above the floors" test $rc -eq 0
python3 - "$tmp/score" <<'PY'
import json, sys
fig = json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1])
assert fig["splits"] <= 3, f"splits {fig['splits']} > 3"
assert fig["merges"] == 0, f"merges {fig['merges']} != 0"
PY
check "at most 3 splits, no merges" test $? -eq 0
finish
