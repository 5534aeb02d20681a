# Quotations and their speakers on the Wikinews dev split, against the floors
# kept in tests/floors-wikinews.txt.
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
dev=$NG_SHARED/data/wikinews-quotes/dev.jsonl
[ -f "$dev" ] || { echo "skipped: $dev is absent"; exit 77; }
python3 "$NG_SHARED/eval/wikinews_texts.py" "$dev" "$tmp/texts" >/dev/null
check "texts written" test $? -eq 0
"$NG" build --out "$tmp/out" "$tmp/texts" >/dev/null 2>&1
check "build" test $? -eq 0
mins=()
while read -r name value; do
  case "$name" in ''|'#'*) continue ;; esac
  mins+=(--min "$name=$value")
done <"$NG_SRC/tests/floors-wikinews.txt"
python3 "$NG_SHARED/eval/quote_score.py" --gold "$dev" --graph "$tmp/out/graph.json" "${mins[@]}"
check "Wikinews dev figures at or above the floors" test $? -eq 0
finish
