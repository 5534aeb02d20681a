# Hostile texts (tests/support/hostile/: quotes of every kind, & < > ]]>,
# backslashes, control characters, emoji, right-to-left text, U+2028, U+FFFE,
# a 10,000-character name, 20,000-character quotations) still give files that
# their real consumers open: check-graph-files on GraphML, GEXF, DOT and JSON,
# python's csv on CSV, xmllint on the rendered SVG.  Same bytes every time and
# in every locale.
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
checker=$NG_SHARED/tools/check-graph-files
in=$tmp/in
mkdir -p "$in"
cp "$NG_SRC"/tests/support/hostile/*.txt "$NG_SRC"/tests/support/hostile/*.html "$in/"
# A document id with quotes, markup characters, a backslash, spaces and a semicolon.
cp "$NG_SRC/tests/support/hostile/quotes.txt" "$in/böse \"name\" <&> \\ ;-- 😀.txt"

"$NG" build --out "$tmp/h" "$in" >"$tmp/log" 2>&1
check "build hostile texts exits 0" test $? -eq 0
for f in graph.graphml graph.gexf graph.dot graph.json; do
  check "$f written" test -s "$tmp/h/$f"
done
"$checker" "$tmp/h/graph.graphml" "$tmp/h/graph.gexf" "$tmp/h/graph.dot" "$tmp/h/graph.json" >"$tmp/check" 2>&1
rc=$?
[ $rc -eq 0 ] || cat "$tmp/check"
check "check-graph-files passes on graphml, gexf, dot and json" test $rc -eq 0

# The texts did reach the files: the long name, the weird id, a date.
python3 - "$tmp/h/graph.json" <<'PY' >"$tmp/py" 2>&1
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
labels = [n["label"] for n in g["nodes"]]
assert any(len(l) >= 10000 for l in labels), "no 10,000-character name"
weird = 'böse "name" <&> \\ ;-- 😀'
assert any(n["type"] == "document" and n["doc"] == weird for n in g["nodes"]), "weird document id"
assert any(n.get("date") == "2024-10-16" for n in g["nodes"]), "no dated claim"
assert any(len(n.get("text", "")) > 20000 for n in g["nodes"]), "no 20,000-character quotation"
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "hostile content is in the graph (10,000-character name, odd id, date)" test $rc -eq 0
check "GEXF dates claims" grep -q 'start="2024-10-16"' "$tmp/h/graph.gexf"
check "GEXF omits impossible dates (31 April)" test -z "$(grep 'start="2024-04-31"' "$tmp/h/graph.gexf")"

# Views and clusters of the hostile graph pass too.
db=$tmp/h/newsgraph.db
"$NG" export --db "$db" --format dot --cluster doc -o "$tmp/cl.dot" &&
  "$NG" export --db "$db" --format gexf --actors -o "$tmp/actors.gexf" &&
  "$NG" export --db "$db" --format graphml --around "Olaf Scholz" --depth 2 -o "$tmp/ego.graphml" &&
  "$NG" export --db "$db" --format json --types claim,person -o "$tmp/claims.json" &&
  "$NG" export --db "$db" --format dot --doc 'böse "name" <&> \ ;-- 😀' --cluster doc -o "$tmp/weird.dot"
check "hostile views exported" test $? -eq 0
"$checker" "$tmp/cl.dot" "$tmp/weird.dot" "$tmp/actors.gexf" "$tmp/ego.graphml" "$tmp/claims.json" >"$tmp/check2" 2>&1
rc=$?
[ $rc -eq 0 ] || cat "$tmp/check2"
check "check-graph-files passes on clustered DOT and views" test $rc -eq 0

# CSV: python's csv reads every field back as the JSON has it (text made XML-safe).
for h in gephi neo4j; do
  "$NG" export --db "$db" --format csv --csv-header $h -o "$tmp/csv-$h"
  check "csv ($h) exported" test $? -eq 0
done
python3 - "$tmp" <<'PY' >"$tmp/py" 2>&1
import csv, json, sys
t = sys.argv[1]
g = json.load(open(f"{t}/h/graph.json", encoding="utf-8"))
for h in ("gephi", "neo4j"):
    for part, key in (("nodes", "nodes"), ("edges", "edges")):
        with open(f"{t}/csv-{h}/{part}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
        assert len(rows) - 1 == len(g[key]), (h, part, len(rows), len(g[key]))
        assert len({len(r) for r in rows}) == 1, (h, part, "ragged rows")
    with open(f"{t}/csv-{h}/nodes.csv", newline="", encoding="utf-8") as f:
        ids = {r[0] for r in list(csv.reader(f))[1:]}
    assert ids == {n["id"] for n in g["nodes"]}, h
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "hostile CSV parses with python's csv, same rows and ids as the JSON" test $rc -eq 0

# render: the drawing is well-formed XML.
"$NG" render --db "$db" -o "$tmp/h.svg" >/dev/null 2>&1
check "render hostile graph" test $? -eq 0
check "rendered SVG is well-formed" xmllint --noout "$tmp/h.svg"
"$NG" render --db "$db" --cluster doc -o "$tmp/hc.svg" >/dev/null 2>&1
check "render hostile graph with clusters (fdp)" test $? -eq 0
check "clustered SVG is well-formed" xmllint --noout "$tmp/hc.svg"

# Same input, same bytes: a fresh build, and another locale.
"$NG" build --out "$tmp/h2" "$in" >/dev/null 2>&1
for f in graph.graphml graph.gexf graph.dot graph.json; do
  check "$f identical from a fresh build" cmp -s "$tmp/h/$f" "$tmp/h2/$f"
done
"$NG" export --db "$db" --format csv -o "$tmp/csv-again"
check "csv identical twice" cmp -s "$tmp/csv-gephi/nodes.csv" "$tmp/csv-again/nodes.csv"
loc=""
if locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
  loc=de_DE.UTF-8
elif command -v localedef >/dev/null && mkdir -p "$tmp/locale" &&
     localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" >/dev/null 2>&1; then
  export LOCPATH=$tmp/locale
  loc=de_DE.UTF-8
fi
if [ -n "$loc" ]; then
  for fmt in graphml gexf dot json; do
    LC_ALL=$loc "$NG" export --db "$db" --format $fmt -o "$tmp/de.$fmt"
    check "$fmt: same bytes with LC_ALL=$loc" cmp -s "$tmp/de.$fmt" "$tmp/h/graph.$fmt"
  done
  LC_ALL=$loc "$NG" export --db "$db" --format csv -o "$tmp/csv-de"
  check "csv: same bytes with LC_ALL=$loc" cmp -s "$tmp/csv-de/edges.csv" "$tmp/csv-gephi/edges.csv"
  unset LOCPATH
else
  echo "skip locale comparison: no de_DE.UTF-8 locale and no localedef"
fi
finish
