# Every export format and every view option does what it says, on examples/:
# GraphML, GEXF, DOT (also with clusters), JSON, CSV (Gephi and Neo4j headers),
# the view options, render (SVG and PNG), stable bytes, usage errors.
. "$(dirname "$0")/../support/cli-lib.sh"
for tool in dot xmllint python3; do
  command -v $tool >/dev/null || { echo "skipped: $tool is not installed (scripts/setup.sh --test)"; exit 77; }
done
db=$tmp/ex/newsgraph.db
"$NG" build --out "$tmp/ex" "$NG_SRC/examples" >"$tmp/log" 2>&1
check "build exits 0" test $? -eq 0
check "build writes graph.gexf" test -s "$tmp/ex/graph.gexf"
check "build names graph.gexf" grep -q "wrote $tmp/ex/graph.gexf" "$tmp/log"
for f in graph.graphml graph.dot graph.json; do
  check "build still writes $f" test -s "$tmp/ex/$f"
done

# Every format, twice: exit 0, and the same bytes each time.
for fmt in graphml gexf dot json; do
  "$NG" export --db "$db" --format $fmt -o "$tmp/a.$fmt"
  check "export --format $fmt" test $? -eq 0 -a -s "$tmp/a.$fmt"
  "$NG" export --db "$db" --format $fmt -o "$tmp/b.$fmt"
  check "$fmt: same bytes twice" cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt"
  check "$fmt: export equals build's graph.$fmt" cmp -s "$tmp/a.$fmt" "$tmp/ex/graph.$fmt"
done
"$NG" export --db "$db" --format gexf >"$tmp/stdout.gexf"
check "gexf to standard output" cmp -s "$tmp/stdout.gexf" "$tmp/a.gexf"
check "GraphML is well-formed XML" xmllint --noout "$tmp/a.graphml"
check "GEXF is well-formed XML" xmllint --noout "$tmp/a.gexf"
if [ -f "$NG_SHARED/formats/gexf-1.3/gexf.rng" ]; then
  xmllint --nonet --noout --relaxng "$NG_SHARED/formats/gexf-1.3/gexf.rng" "$tmp/a.gexf" 2>"$tmp/rng"
  rc=$?; [ $rc -eq 0 ] || head -5 "$tmp/rng"
  check "GEXF valid against the GEXF 1.3 RelaxNG schema" test $rc -eq 0
fi
dot -Tcanon "$tmp/a.dot" >/dev/null 2>"$tmp/doterr"
check "DOT parsed by Graphviz without a message" test $? -eq 0 -a ! -s "$tmp/doterr"

# GEXF carries what Gephi needs: typed attributes, colour, size, kind, weight.
python3 - "$tmp/a.gexf" "$tmp/a.json" <<'PY' >"$tmp/py" 2>&1
import json, sys, xml.etree.ElementTree as ET
ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
root = ET.parse(sys.argv[1]).getroot()
js = json.load(open(sys.argv[2]))
assert root.get("version") == "1.3"
graph = root.find("g:graph", ns)
assert graph.get("defaultedgetype") == "directed"
decl = {a.get("class"): {x.get("title"): x.get("type") for x in a.findall("g:attribute", ns)}
        for a in graph.findall("g:attributes", ns)}
assert decl["node"]["mentions"] == "long" and decl["node"]["low"] == "double", decl
assert decl["node"]["hedged"] == "boolean" and decl["node"]["aliases"] == "string", decl
assert decl["edge"]["type"] == "string", decl
nodes = graph.findall("g:nodes/g:node", ns)
edges = graph.findall("g:edges/g:edge", ns)
assert len(nodes) == len(js["nodes"]) and len(edges) == len(js["edges"])
for n in nodes:
    assert n.find("viz:color", ns) is not None and float(n.find("viz:size", ns).get("value")) >= 10
jtypes = {e["id"]: e for e in js["edges"]}
for e in edges:
    assert e.get("kind") == jtypes[e.get("id")]["type"]
    assert float(e.get("weight")) == jtypes[e.get("id")]["weight"]
# A list attribute is joined with '|'.
ids = {x.get("title"): x.get("id") for a in graph.findall("g:attributes", ns) if a.get("class") == "node"
       for x in a.findall("g:attribute", ns)}
scholz = [n for n in nodes if n.get("id") == "person:olaf-scholz"][0]
docs = [v.get("value") for v in scholz.iter("{http://gexf.net/1.3}attvalue") if v.get("for") == ids["docs"]][0]
jdocs = [n for n in js["nodes"] if n["id"] == "person:olaf-scholz"][0]["docs"]
assert docs == "|".join(jdocs), (docs, jdocs)
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "GEXF: typed attributes, viz colour and size, kind and weight per edge" test $rc -eq 0

# A dated claim gets `start`, and the graph becomes dynamic for Gephi's timeline.
mkdir -p "$tmp/dated"
printf 'Am 16. Oktober 2024 sagte Olaf Scholz: „Wir helfen.“\nEmmanuel Macron sagte: „Gut.“\n' >"$tmp/dated/d.txt"
"$NG" build --out "$tmp/dated" "$tmp/dated/d.txt" >/dev/null 2>&1
check "dated claim has start=\"2024-10-16\"" grep -q 'start="2024-10-16"' "$tmp/dated/graph.gexf"
check "graph with dates is dynamic, timeformat date" \
  grep -q '<graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="date">' "$tmp/dated/graph.gexf"
check "examples without full dates stay static" grep -q 'mode="static"' "$tmp/a.gexf"

# View options, checked against the whole graph in JSON.
view() { # view NAME OPTIONS...: export JSON of a view into $tmp/v-NAME.json
  local name=$1; shift
  "$NG" export --db "$db" --format json "$@" -o "$tmp/v-$name.json" 2>"$tmp/v-$name.err"
}
view types --types person,organization;            check "--types exits 0" test $? -eq 0
view relations --relations said,states;             check "--relations exits 0" test $? -eq 0
view doc --doc 2023-09-kim-putin-treffen-wostotschny; check "--doc exits 0" test $? -eq 0
view around1 --around "Olaf Scholz";                check "--around exits 0" test $? -eq 0
view around2 --around scholz --depth 2;             check "--around by alias, --depth 2 exits 0" test $? -eq 0
view aroundid --around person:olaf-scholz --depth 1; check "--around by node id exits 0" test $? -eq 0
view weight --min-weight 2;                         check "--min-weight exits 0" test $? -eq 0
view top --top 12;                                  check "--top exits 0" test $? -eq 0
view toppr --top 7 --by pagerank;                   check "--top --by pagerank exits 0" test $? -eq 0
view topin --top 5 --by in-degree --types person;   check "--top --by in-degree exits 0" test $? -eq 0
view actors --actors;                               check "--actors exits 0" test $? -eq 0
view actorsdoc --actors --doc 2022-02-zeitenwende-scholz; check "--actors --doc exits 0" test $? -eq 0
python3 - "$tmp" <<'PY' >"$tmp/py" 2>&1
import collections, json, sys
t = sys.argv[1]
full = json.load(open(f"{t}/a.json"))
v = {n: json.load(open(f"{t}/v-{n}.json")) for n in
     ["types", "relations", "doc", "around1", "around2", "aroundid", "weight", "top", "toppr", "topin",
      "actors", "actorsdoc"]}
count = lambda g: collections.Counter(n["type"] for n in g["nodes"])
ids = lambda g: {n["id"] for n in g["nodes"]}
fails = []
def need(cond, what):
    if not cond:
        fails.append(what)
def closed(g):  # every edge's ends are in the view
    i = ids(g)
    return all(e["source"] in i and e["target"] in i for e in g["edges"])
for name, g in v.items():
    need(closed(g), f"{name}: edges point at nodes outside the view")
    need(ids(g) <= ids(full), f"{name}: nodes not in the graph")
# --types: exactly the persons and organisations of the graph.
c, cf = count(v["types"]), count(full)
need(set(c) == {"person", "organization"}, f"--types kept {dict(c)}")
need(c["person"] == cf["person"] and c["organization"] == cf["organization"], "--types lost nodes")
# --relations: only those edge types, every node linked by one.
g = v["relations"]
need({e["type"] for e in g["edges"]} == {"said", "states"}, "--relations kept other edges")
need(sum(e["type"] in ("said", "states") for e in full["edges"]) == len(g["edges"]), "--relations lost edges")
linked = {e["source"] for e in g["edges"]} | {e["target"] for e in g["edges"]}
need(linked == ids(g), "--relations kept nodes without a kept edge")
# --doc: only that document's part.
d = "2023-09-kim-putin-treffen-wostotschny"
g = v["doc"]
for n in g["nodes"]:
    need(n.get("doc") == d or d in n.get("docs", []), f"--doc kept {n['id']}")
need(all(e["doc"] == d for e in g["edges"]), "--doc kept edges of other documents")
need(f"document:{d}" in ids(g) and count(g)["document"] == 1, "--doc: the document node")
# --around: the ego network holds the centre and only its neighbours.
c = "person:olaf-scholz"
nb = {c} | {e["target"] for e in full["edges"] if e["source"] == c} | {e["source"] for e in full["edges"] if e["target"] == c}
need(c in ids(v["around1"]), "--around lost the centre")
need(ids(v["around1"]) == nb, "--around depth 1 is not the neighbourhood")
need(ids(v["aroundid"]) == nb, "--around by id differs")
need(c in ids(v["around2"]) and ids(v["around2"]) > ids(v["around1"]), "--depth 2 does not reach further")
# --min-weight
need(v["weight"]["edges"] and all(e["weight"] >= 2 for e in v["weight"]["edges"]), "--min-weight kept light edges")
# --top N keeps N nodes; by degree the hub is among them.
need(len(v["top"]["nodes"]) == 12, f"--top 12 kept {len(v['top']['nodes'])}")
deg = collections.Counter()
for e in full["edges"]:
    deg[e["source"]] += 1; deg[e["target"]] += 1
hub = max(deg, key=lambda k: deg[k])
need(hub in ids(v["top"]), "--top lost the node of highest degree")
need(len(v["toppr"]["nodes"]) == 7, "--top 7 --by pagerank")
need(len(v["topin"]["nodes"]) == 5 and set(count(v["topin"])) == {"person"}, "--top 5 --types person")
# --actors: actors only, linked by cites, mentions, co_occurs.
actor = {"person", "organization", "media", "country"}
need(set(count(v["actors"])) <= actor and len(v["actors"]["nodes"]) > 10, f"--actors kept {dict(count(v['actors']))}")
need({e["type"] for e in v["actors"]["edges"]} <= {"cites", "mentions", "co_occurs"}, "--actors edge types")
need(len(v["actors"]["edges"]) > 0, "--actors has no edges")
need(set(count(v["actorsdoc"])) <= actor and len(v["actorsdoc"]["nodes"]) < len(v["actors"]["nodes"]), "--actors --doc")
need(sum(e["weight"] for e in v["actorsdoc"]["edges"]) < sum(e["weight"] for e in v["actors"]["edges"]),
     "--actors --doc counts links of other documents")
print("\n".join(fails))
sys.exit(1 if fails else 0)
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "view options keep what they say (types, relations, doc, around, depth, min-weight, top, by, actors)" test $rc -eq 0
"$NG" export --db "$db" --format graphml --actors --top 20 -o "$tmp/v.graphml"
check "views work for graphml" test $? -eq 0 -a -s "$tmp/v.graphml"
"$NG" export --db "$db" --format gexf --around "Joe Biden" -o "$tmp/v.gexf"
check "views work for gexf" grep -q 'id="person:joe-biden"' "$tmp/v.gexf"

# CSV: a folder with nodes.csv and edges.csv that python's csv reads, same counts as JSON.
"$NG" export --db "$db" --format csv -o "$tmp/csv"
check "export --format csv -o DIR" test $? -eq 0 -a -s "$tmp/csv/nodes.csv" -a -s "$tmp/csv/edges.csv"
"$NG" export --db "$db" --format csv -o "$tmp/csv2" && cmp -s "$tmp/csv/nodes.csv" "$tmp/csv2/nodes.csv" \
  && cmp -s "$tmp/csv/edges.csv" "$tmp/csv2/edges.csv"
check "csv: same bytes twice" test $? -eq 0
"$NG" export --db "$db" --format csv --csv-header neo4j -o "$tmp/neo"
check "export --csv-header neo4j" test $? -eq 0
"$NG" export --db "$db" --format csv --actors -o "$tmp/csvact"
check "csv with a view" test $? -eq 0
python3 - "$tmp" <<'PY' >"$tmp/py" 2>&1
import csv, json, sys
t = sys.argv[1]
def rows(p):
    with open(p, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))
full = json.load(open(f"{t}/a.json"))
act = json.load(open(f"{t}/v-actors.json"))
n, e = rows(f"{t}/csv/nodes.csv"), rows(f"{t}/csv/edges.csv")
assert n[0][:3] == ["Id", "Label", "type"], n[0]
assert e[0][:5] == ["Source", "Target", "Type", "Id", "Weight"], e[0]
assert len({len(r) for r in n}) == 1 and len({len(r) for r in e}) == 1, "ragged rows"
assert len(n) - 1 == len(full["nodes"]) and len(e) - 1 == len(full["edges"]), (len(n), len(e))
assert {r[0] for r in n[1:]} == {x["id"] for x in full["nodes"]}
assert {r[2] for r in e[1:]} == {"Directed"}
byid = {x["id"]: x for x in full["edges"]}
for r in e[1:]:
    j = byid[r[3]]
    assert (r[0], r[1], float(r[4])) == (j["source"], j["target"], j["weight"]), r
    assert r[e[0].index("kind")] == j["type"] and r[e[0].index("Label")] == j["type"]
jn = {x["id"]: x for x in full["nodes"]}
h = n[0]
for r in n[1:]:
    x = jn[r[0]]
    assert r[1] == x["label"] and r[h.index("type")] == x["type"], r[:3]
    if "aliases" in x:
        assert r[h.index("aliases")] == "|".join(x["aliases"])
nn, ne = rows(f"{t}/neo/nodes.csv"), rows(f"{t}/neo/edges.csv")
assert nn[0][:3] == ["id:ID", "label", ":LABEL"] and "mentions:long" in nn[0] and "aliases:string[]" in nn[0], nn[0]
assert ne[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "weight:double" in ne[0], ne[0]
assert len(nn) == len(n) and len(ne) == len(e)
assert {r[2] for r in ne[1:]} == {x["type"] for x in full["edges"]}
an, ae = rows(f"{t}/csvact/nodes.csv"), rows(f"{t}/csvact/edges.csv")
assert len(an) - 1 == len(act["nodes"]) and len(ae) - 1 == len(act["edges"])
raw = open(f"{t}/csv/nodes.csv", "rb").read()
assert raw.count(b"\r\n") == len(n) and raw.count(b"\n") == len(n), "records end with CRLF, no bare newlines"
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "CSV parses with python's csv and matches the JSON (Gephi and Neo4j headers, views)" test $rc -eq 0

# DOT clusters: one per document; entities of several documents outside.
"$NG" export --db "$db" --format dot --cluster doc -o "$tmp/cl.dot"
check "export --cluster doc" test $? -eq 0
dot -Tcanon "$tmp/cl.dot" >/dev/null 2>"$tmp/doterr"
check "clustered DOT parsed by Graphviz without a message" test $? -eq 0 -a ! -s "$tmp/doterr"
python3 - "$tmp/cl.dot" "$tmp/a.json" <<'PY' >"$tmp/py" 2>&1
import json, re, sys
js = json.load(open(sys.argv[2]))
nodes = {n["id"]: n for n in js["nodes"]}
docs = {n["doc"] for n in js["nodes"] if n["type"] == "document"}
inside, outside, cur = {}, set(), None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'  subgraph "cluster_(.*)" \{$', line)
    if m:
        cur = m.group(1); inside[cur] = set(); continue
    if line == "  }\n":
        cur = None; continue
    m = re.match(r'\s+"([^"]*)" \[', line)
    if m:
        (inside[cur] if cur else outside).add(m.group(1))
assert set(inside) == docs, (set(inside), docs)
for d, ids in inside.items():
    for i in ids:
        n = nodes[i]
        assert n.get("doc") == d or n.get("docs") == [d], (d, i)
assert "person:olaf-scholz" in outside and len(nodes["person:olaf-scholz"]["docs"]) > 1
assert len(outside) + sum(map(len, inside.values())) == len(nodes)
PY
rc=$?; [ $rc -eq 0 ] || cat "$tmp/py"
check "one cluster per document, multi-document entities outside" test $rc -eq 0
check "clustered DOT asks for fdp" grep -q '"layout"="fdp"' "$tmp/cl.dot"
check "plain DOT keeps sfdp" grep -q '"layout"="sfdp"' "$tmp/a.dot"

# Numbers with '.', whatever the locale: the same bytes under a German locale.
loc=""
if locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
  loc=de_DE.UTF-8
elif command -v localedef >/dev/null && mkdir -p "$tmp/locale" && localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" >/dev/null 2>&1; then
  export LOCPATH=$tmp/locale
  loc=de_DE.UTF-8
fi
if [ -n "$loc" ]; then
  for fmt in graphml gexf dot json; do
    LC_ALL=$loc "$NG" export --db "$db" --format $fmt -o "$tmp/de.$fmt"
    check "$fmt: same bytes with LC_ALL=$loc" cmp -s "$tmp/de.$fmt" "$tmp/a.$fmt"
  done
  LC_ALL=$loc "$NG" export --db "$db" --format csv -o "$tmp/decsv"
  check "csv: same bytes with LC_ALL=$loc" cmp -s "$tmp/decsv/nodes.csv" "$tmp/csv/nodes.csv"
  unset LOCPATH
else
  echo "skip locale comparison: no de_DE.UTF-8 locale and no localedef"
fi

# render: SVG that xmllint accepts, PNG with the PNG signature, big graphs get a default view.
"$NG" render --db "$db" -o "$tmp/g.svg" >"$tmp/r.out" 2>"$tmp/r.err"
check "render svg exits 0" test $? -eq 0 -a -s "$tmp/g.svg"
check "render: svg is well-formed XML" xmllint --noout "$tmp/g.svg"
check "render: a big graph gets the actor top 60, and says so" grep -q "actor network's top 60" "$tmp/r.err"
check "render: says what it wrote" grep -q "wrote $tmp/g.svg (60 nodes" "$tmp/r.out"
"$NG" render --db "$db" -o "$tmp/g.png" --actors --top 25 >/dev/null 2>"$tmp/r2.err"
check "render png exits 0" test $? -eq 0
check "render: png has the PNG signature" test "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a
check "render: no default message with view options" test ! -s "$tmp/r2.err"
"$NG" render --db "$db" -o "$tmp/cl.svg" --cluster doc --doc 2022-02-zeitenwende-scholz >/dev/null 2>&1
check "render --cluster doc draws a cluster" grep -q 'class="cluster"' "$tmp/cl.svg"
"$NG" render --db "$db" -o "$tmp/n.svg" --layout neato --around "Olaf Scholz" >/dev/null 2>&1
check "render --layout neato --around" xmllint --noout "$tmp/n.svg"
"$NG" render --db "$db" -o "$tmp/g.svg" --top 10 >/dev/null 2>&1
"$NG" render --db "$db" -o "$tmp/g2.svg" --top 10 >/dev/null 2>&1
check "render: same drawing twice" cmp -s "$tmp/g.svg" "$tmp/g2.svg"
"$NG" render --db "$db" -o "$tmp/no-such-dir/g.svg" 2>"$tmp/r3.err"
check "render into a missing folder fails with 1" test $? -eq 1
check "render error names the file" grep -q "no-such-dir/g.svg" "$tmp/r3.err"
check "no temporary files left" test -z "$(find "$tmp" -name '*.tmp.*')"

# Usage errors.
"$NG" export --db "$db" --format csv >/dev/null 2>"$tmp/e"; check "csv without -o: 2" test $? -eq 2
check "csv without -o says why" grep -q "give a folder with -o DIR" "$tmp/e"
"$NG" export --db "$db" --format json --cluster doc >/dev/null 2>&1; check "--cluster with json: 2" test $? -eq 2
"$NG" export --db "$db" --format json --csv-header neo4j >/dev/null 2>&1; check "--csv-header with json: 2" test $? -eq 2
"$NG" export --db "$db" --format json --types persons >/dev/null 2>"$tmp/e"; check "unknown type: 2" test $? -eq 2
check "unknown type named" grep -q "'persons' is not a node type" "$tmp/e"
"$NG" export --db "$db" --format json --relations sayz >/dev/null 2>&1; check "unknown relation: 2" test $? -eq 2
"$NG" export --db "$db" --format json --top 0 >/dev/null 2>&1; check "--top 0: 2" test $? -eq 2
"$NG" export --db "$db" --format json --top 5 --by fame >/dev/null 2>&1; check "unknown measure: 2" test $? -eq 2
"$NG" export --db "$db" --format json --by degree >/dev/null 2>&1; check "--by without --top: 2" test $? -eq 2
"$NG" export --db "$db" --format json --depth 2 >/dev/null 2>&1; check "--depth without --around: 2" test $? -eq 2
"$NG" export --db "$db" --format json --min-weight x >/dev/null 2>&1; check "bad --min-weight: 2" test $? -eq 2
"$NG" export --db "$db" --format json --around "Niemand Unbekannt" >/dev/null 2>"$tmp/e"; check "unknown entity: 1" test $? -eq 1
check "unknown entity named" grep -q "Niemand Unbekannt" "$tmp/e"
"$NG" export --db "$db" --format json --doc no-such-doc >/dev/null 2>"$tmp/e"; check "unknown document: 1" test $? -eq 1
check "unknown document named" grep -q "no-such-doc" "$tmp/e"
"$NG" render --db "$db" -o "$tmp/x.gif" >/dev/null 2>&1; check "render to .gif: 2" test $? -eq 2
"$NG" render --db "$db" --layout spring >/dev/null 2>&1; check "unknown layout: 2" test $? -eq 2
"$NG" render --db "$db" --cluster doc --layout sfdp >/dev/null 2>&1; check "--cluster with sfdp: 2" test $? -eq 2
"$NG" render --help | grep -q "usage: newsgraph render"; check "render --help" test $? -eq 0
"$NG" render --no-such-option >/dev/null 2>&1; check "render bad option: 2" test $? -eq 2
finish
