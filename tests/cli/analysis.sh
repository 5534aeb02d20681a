# The analysis commands on examples/: rank (formats, alignment, ties, usage),
# communities (same seed, same output; modularity), path, neighbors, and
# entity arguments (ambiguous names fail and list the candidates).
. "$(dirname "$0")/../support/cli-lib.sh"
out=$tmp/out
"$NG" build --out "$out" "$NG_SRC/examples" >"$tmp/build.log" 2>&1
check "examples build" test $? -eq 0
db=$out/newsgraph.db

# rank
"$NG" rank --measure pagerank --actors --top 10 --db "$db" >"$tmp/rank" 2>"$tmp/rank.err"
check "rank --measure pagerank --actors exits 0" test $? -eq 0
check "rank prints a header and 10 rows" test "$(wc -l <"$tmp/rank")" -eq 12
check "rank table is aligned by characters" python3 - "$tmp/rank" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
head = lines[0]
cols = [head.index(c) for c in ("label", "type", "value")]
for l in lines[1:]:
    # each column starts where its header does, and is preceded by a space
    assert all(l[c - 1] == " " and l[c] != " " for c in cols), l
PY
"$NG" rank --measure degree --top 0 --format json --db "$db" >"$tmp/rank.json"
check "rank --format json is a list of {id,label,type,value}" python3 - "$tmp/rank.json" "$out/graph.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
g = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(r) == len(g["nodes"]), (len(r), len(g["nodes"]))
assert all(set(o) == {"id", "label", "type", "value"} for o in r)
# best first, ties by label
for a, b in zip(r, r[1:]):
    assert a["value"] > b["value"] or (a["value"] == b["value"] and a["label"] <= b["label"]), (a, b)
PY
"$NG" rank --measure strength --top 5 --format csv --db "$db" >"$tmp/rank.csv"
check "rank --format csv has a header and 5 rows" test "$(head -1 "$tmp/rank.csv")" = "rank,id,label,type,value" -a "$(wc -l <"$tmp/rank.csv")" -eq 6
"$NG" rank --measure betweenness --cutoff 2 --db "$db" >/dev/null 2>"$tmp/cutoff.err"
check "rank --cutoff says so on stderr" grep -q "cutoff" "$tmp/cutoff.err"
"$NG" rank --measure degree --around "Kim Jong-un" --db "$db" >"$tmp/around"
check "rank --around an entity" grep -q "Kim Jong-un" "$tmp/around"
"$NG" rank --measure fame --db "$db" >/dev/null 2>"$tmp/fame.err"
check "unknown measure exits 2" test $? -eq 2
check "unknown measure is named" grep -q "'fame' is not a measure" "$tmp/fame.err"
"$NG" rank --db "$db" >/dev/null 2>&1
check "rank without --measure exits 2" test $? -eq 2
"$NG" rank --measure hub --undirected --db "$db" >/dev/null 2>&1
check "hub --undirected exits 2" test $? -eq 2
"$NG" rank --measure pagerank --cutoff 3 --db "$db" >/dev/null 2>&1
check "--cutoff with pagerank exits 2" test $? -eq 2
"$NG" rank --measure pagerank --directed --undirected --db "$db" >/dev/null 2>&1
check "--directed with --undirected exits 2" test $? -eq 2
"$NG" rank --measure degree --types persons --db "$db" >/dev/null 2>&1
check "unknown node type exits 2" test $? -eq 2
"$NG" rank --measure degree --db "$tmp/none.db" >/dev/null 2>&1
check "missing store exits 1" test $? -eq 1

# communities: the same seed gives the same output
for method in leiden louvain; do
  "$NG" communities --method $method --db "$db" >"$tmp/c1" 2>&1
  check "communities --method $method exits 0" test $? -eq 0
  "$NG" communities --method $method --db "$db" >"$tmp/c2" 2>&1
  check "communities --method $method: same output twice" cmp -s "$tmp/c1" "$tmp/c2"
  check "communities --method $method reports modularity" grep -qE "modularity 0\.[0-9]+" "$tmp/c1"
  check "communities --method $method lists members" grep -q "^community 1: [0-9]* members" "$tmp/c1"
  "$NG" communities --method $method --actors --seed 42 --format json --db "$db" >"$tmp/c.json"
  "$NG" communities --method $method --actors --seed 42 --format json --db "$db" >"$tmp/c2.json"
  check "communities --method $method --actors --format json: same twice" cmp -s "$tmp/c.json" "$tmp/c2.json"
  check "communities json: every actor once, modularity in [-0.5, 1]" python3 - "$tmp/c.json" "$out/graph.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
g = json.load(open(sys.argv[2], encoding="utf-8"))
actors = {n["id"] for n in g["nodes"] if n["type"] in ("person", "organization", "media", "country")}
members = [m["id"] for k in c["communities"] for m in k["members"]]
assert sorted(members) == sorted(actors), (len(members), len(actors))
assert -0.5 <= c["modularity"] <= 1, c["modularity"]
sizes = [k["size"] for k in c["communities"]]
assert sizes == sorted(sizes, reverse=True)
PY
done
"$NG" communities --format csv --db "$db" >"$tmp/c.csv" 2>"$tmp/c.csv.err"
check "communities --format csv: header, modularity on stderr" test "$(head -1 "$tmp/c.csv")" = "community,id,label,type"
check "communities --format csv: modularity on stderr" grep -q modularity "$tmp/c.csv.err"
"$NG" communities --method walktrap --db "$db" >/dev/null 2>&1
check "unknown method exits 2" test $? -eq 2

# path
"$NG" path "Olaf Scholz" "Kim Jong-un" --db "$db" >"$tmp/path" 2>&1
check "path exits 0" test $? -eq 0
check "path names both ends" grep -q "^Olaf Scholz -> Kim Jong-un: [0-9]* shortest chain" "$tmp/path"
check "path prints a chain from one to the other" python3 - "$tmp/path" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
chain = t.split("\n1. ", 1)[1].split("\n\n")[0].splitlines()
assert chain[0].startswith("Olaf Scholz (person)"), chain
assert chain[-1].strip() == "Kim Jong-un (person)", chain
assert all("-[" in l for l in chain[1::2]), chain
PY
"$NG" path Scholz Kim --relations said,mentions --max 1 --db "$db" >"$tmp/path2" 2>&1
check "path over claims shows their text and document" grep -qE '^   claim ".+" \(document [^)]+\)$' "$tmp/path2"
check "path --max 1 prints one chain" test "$(grep -c '^[0-9]*\. ' "$tmp/path2")" -eq 1
"$NG" path Scholz Kim --weighted --db "$db" >"$tmp/path3" 2>&1
check "path --weighted gives a length" grep -q ", length [0-9.]*" "$tmp/path3"
"$NG" path Scholz --db "$db" >/dev/null 2>&1
check "path with one entity exits 2" test $? -eq 2
"$NG" path Scholz Niemand --db "$db" >/dev/null 2>"$tmp/nobody.err"
check "path with an unknown entity exits 1" test $? -eq 1
check "unknown entity is named" grep -q "no entity is called 'Niemand'" "$tmp/nobody.err"

# neighbors
"$NG" neighbors "Kim Jong-un" --db "$db" >"$tmp/nb" 2>&1
check "neighbors exits 0" test $? -eq 0
check "neighbors groups by relation and direction" grep -qE '^Kim Jong-un -\[co_occurs\]- \([0-9]+\)$' "$tmp/nb"
check "neighbors shows outgoing relations" grep -qE '^Kim Jong-un -\[[a-z_]+\]-> \([0-9]+\)$' "$tmp/nb"
check "neighbors lists labels with weights" grep -qE '^  Wladimir Putin +person +weight [0-9]' "$tmp/nb"
"$NG" neighbors "Kim Jong-un" --depth 2 --limit 2 --db "$db" >"$tmp/nb2" 2>&1
check "neighbors --depth 2 goes one ring further" grep -q "^at distance 2" "$tmp/nb2"
check "neighbors --limit cuts groups" grep -q "more (--limit)" "$tmp/nb2"

# An ambiguous name: two Kims, each called just "Kim" (texts written for this test).
mkdir -p "$tmp/kims"
cat >"$tmp/kims/2024-05-kim-raketentest.txt" <<'TXT'
Nordkorea testet neue Rakete

Pjöngjang – Nordkoreas Machthaber Kim Jong-un hat am Dienstag den Start einer neuen Rakete beaufsichtigt. Kim sagte laut der staatlichen Nachrichtenagentur KCNA, das Land werde seine Verteidigung weiter stärken. Südkorea verurteilte den Test.
TXT
cat >"$tmp/kims/2024-06-kim-yo-jong-warnt-seoul.txt" <<'TXT'
Kim Yo-jong warnt Seoul

Pjöngjang – Die einflussreiche Schwester des Machthabers, Kim Yo-jong, hat Südkorea scharf kritisiert. Kim erklärte am Sonntag, Seoul trage die volle Verantwortung für die Spannungen an der Grenze. Das Vereinigungsministerium in Seoul wies die Vorwürfe zurück.
TXT
"$NG" build --out "$tmp/kimout" "$tmp/kims" >/dev/null 2>&1
kdb=$tmp/kimout/newsgraph.db
check "two Kims: both known as 'Kim'" python3 - "$tmp/kimout/graph.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
kims = [n["id"] for n in g["nodes"] if "Kim" in n.get("aliases", [])]
assert len(kims) >= 2, kims
PY
"$NG" path Kim Südkorea --db "$kdb" >/dev/null 2>"$tmp/amb.err"
check "path with an ambiguous entity exits 1" test $? -eq 1
check "ambiguous entity lists the candidates" grep -q "'Kim' is ambiguous: .*person:kim-jong-un.*person:kim-yo-jong" "$tmp/amb.err"
"$NG" neighbors kim --db "$kdb" >/dev/null 2>"$tmp/amb2.err"
check "neighbors with an ambiguous entity exits 1" test $? -eq 1
check "... and lists the candidates" grep -q "Kim Yo-jong" "$tmp/amb2.err"
"$NG" neighbors "kim yo-jong" --db "$kdb" >/dev/null 2>&1
check "a full name, case-insensitive, is not ambiguous" test $? -eq 0

# --help of each command: every option, and what weights mean
for cmd in rank communities path neighbors; do
  "$NG" $cmd --help >"$tmp/help-$cmd" 2>&1
  check "$cmd --help exits 0" test $? -eq 0
done
for o in --measure --top --types --relations --actors --around --depth --weighted --directed --undirected \
         --cutoff --format --db STRENGTHS LENGTHS; do
  check "rank --help explains $o" grep -q -- "$o" "$tmp/help-rank"
done
for o in --method --resolution --seed --actors --types --relations --unweighted --format --db STRENGTH; do
  check "communities --help explains $o" grep -q -- "$o" "$tmp/help-communities"
done
for o in --relations --types --max --weighted --db LENGTH; do
  check "path --help explains $o" grep -q -- "$o" "$tmp/help-path"
done
for o in --depth --relations --types --limit --db; do
  check "neighbors --help explains $o" grep -q -- "$o" "$tmp/help-neighbors"
done
"$NG" --help >"$tmp/help"
for cmd in rank communities path neighbors; do
  check "newsgraph --help lists $cmd" grep -q "^  $cmd " "$tmp/help"
done
finish
