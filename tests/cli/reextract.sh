# A stored document is extracted again when the extractor that made its
# extraction differs from the current one (other data, word lists or model):
# same text, new lexicon entry -> re-extracted, graph as a fresh build; again
# -> unchanged.  A store of schema version 1 (no extractor column) is upgraded
# and its documents are re-extracted once.  Shards carry the extractor.
. "$(dirname "$0")/../support/cli-lib.sh"
mkdir -p "$tmp/in"
cat >"$tmp/in/a.txt" <<'TXT'
Besuch in Quellbrunn am Hang
Der Bürgermeister von Quellbrunn am Hang, Anton Weidlich, sagte am Montag, die Brücke sei sicher.
TXT
"$NG" build --out "$tmp/o" "$tmp/in" >/dev/null 2>"$tmp/b1"
check "first build stores the document" grep -q "ingested 1 new, 0 replaced, 0 unchanged, 0 failed$" "$tmp/b1"
"$NG" build --out "$tmp/o" "$tmp/in" >/dev/null 2>"$tmp/b2"
check "same data: unchanged, nothing re-extracted" grep -q "ingested 0 new, 0 replaced, 1 unchanged, 0 failed$" "$tmp/b2"
check "the unknown village is not a place yet" python3 - "$tmp/o/graph.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
sys.exit(1 if any(n.get("label") == "Quellbrunn am Hang" for n in g["nodes"]) else 0)
PY
cp -r "$NG_SRC/data" "$tmp/data"
printf 'place\tQuellbrunn am Hang\t\t\t\n' >>"$tmp/data/lexicon/places.tsv"
"$NG" build --data "$tmp/data" --out "$tmp/o" "$tmp/in" >/dev/null 2>"$tmp/b3"
check "new lexicon entry: the stored document is re-extracted" grep -q "0 unchanged, 0 failed; 1 re-extracted" "$tmp/b3"
check "and the graph has the new place" python3 - "$tmp/o/graph.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
sys.exit(0 if any(n.get("label") == "Quellbrunn am Hang" and n["type"] == "place" for n in g["nodes"]) else 1)
PY
"$NG" build --data "$tmp/data" --out "$tmp/fresh" "$tmp/in" >/dev/null 2>&1
check "re-extracted store exports what a fresh build does" cmp -s "$tmp/o/graph.json" "$tmp/fresh/graph.json"
"$NG" build --data "$tmp/data" --out "$tmp/o" "$tmp/in" >/dev/null 2>"$tmp/b4"
check "then unchanged" grep -q "ingested 0 new, 0 replaced, 1 unchanged, 0 failed$" "$tmp/b4"

# A version 1 store: the column dropped, the version set back.
python3 - "$tmp/o/newsgraph.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("ALTER TABLE documents DROP COLUMN extractor")
c.execute("PRAGMA user_version=1")
c.commit()
PY
"$NG" export --db "$tmp/o/newsgraph.db" --format json -o "$tmp/v1.json" 2>"$tmp/v1.err"
check "a version 1 store is read" test -s "$tmp/v1.json"
"$NG" build --data "$tmp/data" --out "$tmp/o" "$tmp/in" >/dev/null 2>"$tmp/b5"
check "a version 1 store is upgraded and its document re-extracted" grep -q "1 re-extracted" "$tmp/b5"
check "the store is now version 2" python3 - "$tmp/o/newsgraph.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sys.exit(0 if c.execute("PRAGMA user_version").fetchone()[0] == 2 else 1)
PY

# Shards: extract --jsonl lines carry the extractor; merging them into a
# store made with other data replaces the stored extraction.
printf '{"id":"a","path":"%s"}\n' "$tmp/in/a.txt" | "$NG" extract --jsonl --quiet >"$tmp/a.jsonl"
check "a sub-graph line names its extractor" python3 - "$tmp/a.jsonl" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())["document"]
sys.exit(0 if len(d.get("extractor", "")) == 40 else 1)
PY
"$NG" merge --db "$tmp/o/newsgraph.db" "$tmp/a.jsonl" 2>"$tmp/m1"
check "merging another extractor's shard replaces the extraction" grep -q "^merged 0 new, 1 replaced, 0 unchanged, 0 failed" "$tmp/m1"
"$NG" merge --db "$tmp/o/newsgraph.db" "$tmp/a.jsonl" 2>"$tmp/m2"
check "merging it again changes nothing" grep -q "^merged 0 new, 0 replaced, 1 unchanged, 0 failed" "$tmp/m2"
finish
