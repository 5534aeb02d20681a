# The main job on examples/: three files, a summary, the same bytes twice.
. "$(dirname "$0")/../support/cli-lib.sh"
out=$tmp/out
"$NG" build --out "$out" "$NG_SRC/examples" >"$tmp/log" 2>&1
check "build exits 0" test $? -eq 0
for f in graph.graphml graph.dot graph.json newsgraph.db; do
  check "$f written" test -s "$out/$f"
done
check "summary names the files" grep -q "wrote $out/graph.json" "$tmp/log"
check "summary lists top actors" grep -q "top actors" "$tmp/log"
"$NG" stats --db "$out/newsgraph.db" >"$tmp/stats"
check "stats counts 10 documents" grep -qE "^documents +10$" "$tmp/stats"
check "stats counts persons" grep -qE "^  person +[1-9]" "$tmp/stats"
check "stats counts claims" grep -qE "^claims +[1-9]" "$tmp/stats"
check "stats counts quantities" grep -qE "^quantities +[1-9]" "$tmp/stats"
# Ingesting the same articles again changes nothing.
cp "$out/graph.json" "$tmp/first.json"
"$NG" build --out "$out" "$NG_SRC/examples" >"$tmp/log2" 2>&1
check "second build exits 0" test $? -eq 0
check "second build finds everything unchanged" grep -q "0 new, 0 replaced, 10 unchanged, 0 failed" "$tmp/log2"
check "second build writes the same JSON" cmp -s "$tmp/first.json" "$out/graph.json"
# A fresh store gives the same bytes.
"$NG" build --out "$tmp/out2" "$NG_SRC/examples" >/dev/null 2>&1
for f in graph.graphml graph.dot graph.json; do
  check "$f identical from a fresh store" cmp -s "$out/$f" "$tmp/out2/$f"
done
# export matches what build wrote.
"$NG" export --db "$out/newsgraph.db" --format json -o "$tmp/e.json"
check "export --format json equals build's graph.json" cmp -s "$tmp/e.json" "$out/graph.json"
"$NG" export --db "$out/newsgraph.db" --format dot >"$tmp/e.dot"
check "export to standard output" cmp -s "$tmp/e.dot" "$out/graph.dot"
# HTML articles lose their boilerplate.
python3 - "$out/graph.json" <<'PY' >"$tmp/py" 2>&1
import json, sys
g = json.load(open(sys.argv[1]))
docs = [n for n in g["nodes"] if n["type"] == "document"]
assert len(docs) == 10, len(docs)
html = [n for n in docs if n["path"].endswith(".html")]
assert html and all(n["title"] for n in html), html
claims = [n for n in g["nodes"] if n["type"] == "claim"]
said = {e["target"] for e in g["edges"] if e["type"] == "said"}
assert claims and said, "no attributed claims"
PY
check "graph.json has documents, titles and attributed claims" test $? -eq 0
finish
