# Sharded runs (map: 'newsgraph extract --jsonl', reduce: 'newsgraph merge'):
# four extract processes in parallel over four contiguous shards of the
# inputs, merged in order, give the graph files of one 'newsgraph build' of
# the same inputs byte for byte; so do the shards' own stores, merged; a store
# merged into an empty one is reproduced; and bad lines are named and skipped.
. "$(dirname "$0")/../support/cli-lib.sh"
inputs=("$NG_SRC/examples")
if [ -d "$NG_SHARED/corpus/seeds" ]; then
  inputs+=("$NG_SHARED/corpus/seeds")
else
  echo "note: $NG_SHARED/corpus/seeds is absent; examples/ only"
fi
# The files build reads, in its order: folders in argument order, each folder
# sorted bytewise (these folders are flat; hidden files are skipped).
for d in "${inputs[@]}"; do
  find "$d" -maxdepth 1 -type f \( -iname '*.txt' -o -iname '*.html' -o -iname '*.htm' \) ! -name '.*' | LC_ALL=C sort
done >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")
to_jsonl() { python3 -c 'import json, sys
for line in sys.stdin:
    print(json.dumps({"path": line.rstrip("\n")}))'; }
to_jsonl <"$tmp/files" >"$tmp/all.jsonl"

# One process, the reference.
"$NG" build --out "$tmp/one" "${inputs[@]}" >"$tmp/one.log" 2>&1
check "one-process build exits 0" test $? -eq 0

# Map: four shards, four processes at once.
split -n l/4 -d "$tmp/all.jsonl" "$tmp/shard."
pids=()
for k in 0 1 2 3; do
  "$NG" extract --jsonl --jobs 2 <"$tmp/shard.0$k" >"$tmp/sub.$k" 2>"$tmp/xerr.$k" &
  pids+=($!)
done
ok=0
for k in 0 1 2 3; do
  if wait "${pids[$k]}"; then ok=$((ok + 1)); else cat "$tmp/xerr.$k"; fi
done
check "4 parallel extract processes exit 0" test $ok -eq 4
lines=$(cat "$tmp"/sub.? | wc -l)
check "one sub-graph line per document ($lines of $nfiles)" test "$lines" -eq "$nfiles"

# Reduce, and the graph files.
same_graph() { # same_graph DB DIR: every export of DB equals DIR/graph.*
  local db=$1 dir=$2 f r=0
  for f in graphml gexf dot json; do
    "$NG" export --db "$db" --format $f -o "$tmp/cmp.$f" || return 1
    cmp -s "$tmp/cmp.$f" "$dir/graph.$f" || { echo "  graph.$f differs"; r=1; }
  done
  return $r
}
"$NG" merge --db "$tmp/merged.db" "$tmp"/sub.0 "$tmp"/sub.1 "$tmp"/sub.2 "$tmp"/sub.3 2>"$tmp/merge.log"
check "merge exits 0" test $? -eq 0
check "merge counts every document as new" grep -q "^merged $nfiles new, 0 replaced, 0 unchanged, 0 failed" "$tmp/merge.log"
check "merged shards: GraphML, GEXF, DOT and JSON identical to one build" same_graph "$tmp/merged.db" "$tmp/one"

# From standard input, concatenated.
cat "$tmp"/sub.? | "$NG" merge --quiet --db "$tmp/stdin.db" -
check "merge of standard input exits 0" test $? -eq 0
check "merged from standard input: identical" same_graph "$tmp/stdin.db" "$tmp/one"

# Again: nothing changes.
"$NG" merge --db "$tmp/merged.db" "$tmp"/sub.? 2>"$tmp/merge2.log"
check "second merge exits 0" test $? -eq 0
check "second merge finds everything unchanged" grep -q "^merged 0 new, 0 replaced, $nfiles unchanged, 0 failed" "$tmp/merge2.log"
check "second merge leaves the graph as it was" same_graph "$tmp/merged.db" "$tmp/one"

# A store merged into an empty store is reproduced.
"$NG" merge --quiet --db "$tmp/copy.db" "$tmp/one/newsgraph.db"
check "merge of a store exits 0" test $? -eq 0
check "store merged into an empty store: identical" same_graph "$tmp/copy.db" "$tmp/one"
"$NG" merge --quiet --db "$tmp/copy2.db" "$tmp/copy.db"
check "and that copy again: identical" same_graph "$tmp/copy2.db" "$tmp/one"

# The shards' own stores (each ingested alone), merged in order.
for k in 0 1 2 3; do
  mapfile -t files < <(python3 -c 'import json, sys
for l in open(sys.argv[1]): print(json.loads(l)["path"])' "$tmp/shard.0$k")
  "$NG" ingest --db "$tmp/part$k.db" "${files[@]}" 2>/dev/null || echo "ingest of shard $k failed"
done
"$NG" merge --quiet --db "$tmp/parts.db" "$tmp"/part0.db "$tmp"/part1.db "$tmp"/part2.db "$tmp"/part3.db
check "merge of 4 shard stores exits 0" test $? -eq 0
check "4 shard stores merged: identical to one build" same_graph "$tmp/parts.db" "$tmp/one"
# Stores and sub-graph lines mixed.
"$NG" merge --quiet --db "$tmp/mixed.db" "$tmp/part0.db" "$tmp/sub.1" "$tmp/part2.db" "$tmp/sub.3"
check "stores and sub-graph files mixed: identical" same_graph "$tmp/mixed.db" "$tmp/one"

# Shards cut round-robin from one folder, interleaved by path.
"$NG" build --out "$tmp/ex" "$NG_SRC/examples" >/dev/null 2>&1
grep -F "\"$NG_SRC/examples/" "$tmp/all.jsonl" >"$tmp/ex.jsonl"
split -n r/3 -d "$tmp/ex.jsonl" "$tmp/rr."
for k in 0 1 2; do "$NG" extract --jsonl --quiet <"$tmp/rr.0$k" >"$tmp/rrsub.$k"; done
"$NG" merge --quiet --sort-paths --db "$tmp/rr.db" "$tmp"/rrsub.2 "$tmp"/rrsub.0 "$tmp"/rrsub.1
check "round-robin shards with --sort-paths: identical to one build" same_graph "$tmp/rr.db" "$tmp/ex"

# Any --jobs gives the same lines.
"$NG" extract --jsonl --quiet --jobs 1 <"$tmp/all.jsonl" >"$tmp/j1"
"$NG" extract --jsonl --quiet --jobs 3 <"$tmp/all.jsonl" >"$tmp/j3"
check "extract --jobs 1 and --jobs 3 write the same bytes" cmp -s "$tmp/j1" "$tmp/j3"
check "and the same as the shards, concatenated" cmp -s "$tmp/j1" <(cat "$tmp"/sub.?)

# Text given inline, with an id and a title; bad lines are named and skipped.
first=$(head -1 "$tmp/files")
python3 - "$first" >"$tmp/mixed.jsonl" <<'PY'
import json, sys
print(json.dumps({"id": "inline-1", "text": "Bundeskanzler Olaf Scholz sagte, die Lage sei ernst.\n", "title": "Ein Titel"}))
print("this is not JSON")
print(json.dumps({"id": "no-text"}))
print("")
print(json.dumps({"path": "/nonexistent/file.txt"}))
print(json.dumps({"id": "renamed", "path": sys.argv[1]}))
print(json.dumps({"id": 5, "text": "x"}))
print('{"id": "truncated", "text": "abc')
PY
"$NG" extract --jsonl <"$tmp/mixed.jsonl" >"$tmp/mixed.out" 2>"$tmp/mixed.err"
check "extract with bad lines exits 1" test $? -eq 1
check "two good lines written" test "$(wc -l <"$tmp/mixed.out")" -eq 2
check "line 2 named: not valid JSON" grep -q "^newsgraph: stdin:2: not valid JSON" "$tmp/mixed.err"
check "line 3 named: nothing to read" grep -q "^newsgraph: stdin:3: .*neither" "$tmp/mixed.err"
check "line 5 named: missing file" grep -q "^newsgraph: stdin:5: /nonexistent/file.txt: cannot read" "$tmp/mixed.err"
check "line 7 named: id not a string" grep -q "^newsgraph: stdin:7: .*must be strings" "$tmp/mixed.err"
check "line 8 named: truncated" grep -q "^newsgraph: stdin:8: not valid JSON" "$tmp/mixed.err"
check "summary on standard error" grep -q "^extracted 2 documents, 5 failed" "$tmp/mixed.err"
python3 - "$tmp/mixed.out" <<'PY' >"$tmp/py" 2>&1
import json, sys
a, b = [json.loads(l) for l in open(sys.argv[1])]
assert a["document"]["id"] == "inline-1" and a["document"]["title"] == "Ein Titel", a["document"]
assert a["document"]["path"] == "-"
assert any(e["label"] == "Olaf Scholz" for e in a["entities"]), a["entities"]
assert b["document"]["id"] == "renamed"
PY
check "inline text, title and a given id are kept" test $? -eq 0 || cat "$tmp/py"

# Merge: bad lines named with file and line, the rest stored.
{ head -1 "$tmp/sub.0"; echo '{"newsgraph_subgraph":1,"document":'; echo '[1,2]';
  python3 - "$tmp/sub.0" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
d["document"]["id"] = "edited"
d["document"]["text"] += "x"   # the digest no longer fits
print(json.dumps(d))
d = json.loads(open(sys.argv[1]).readline())
d["document"]["id"] = "badref"
if d["mentions"]:
    d["mentions"][0][0] = len(d["entities"])
else:
    d["mentions"] = [[0, 0, 0, 0]]
print(json.dumps(d))
PY
} >"$tmp/bad.sub"
"$NG" merge --db "$tmp/bad.db" "$tmp/bad.sub" 2>"$tmp/bad.err"
check "merge with bad lines exits 1" test $? -eq 1
check "truncated line named" grep -q "bad.sub:2: not valid JSON" "$tmp/bad.err"
check "line that is not a sub-graph named" grep -q "bad.sub:3: not a newsgraph sub-graph" "$tmp/bad.err"
check "wrong digest named" grep -q "bad.sub:4: document.sha256: does not match the text" "$tmp/bad.err"
check "reference out of range named" grep -q "bad.sub:5: mentions\[0\]" "$tmp/bad.err"
check "the good line is stored" grep -q "^merged 1 new, 0 replaced, 0 unchanged, 4 failed" "$tmp/bad.err"

# Same id, other content: an error unless --replace.
python3 - "$tmp/sub.0" >"$tmp/changed.sub" <<'PY'
import hashlib, json, sys
d = json.loads(open(sys.argv[1]).readline())
d["document"]["text"] += "\nNachtrag."
d["document"]["sha256"] = hashlib.sha256(d["document"]["text"].encode()).hexdigest()
d["quantities"].append({"start": 0, "end": 1, "text": "x", "has_value": True, "low": 0.30000000000000004,
                        "high": 1e300, "qualifier": "approx", "unit": ""})
print(json.dumps(d))
PY
"$NG" merge --db "$tmp/merged.db" "$tmp/changed.sub" 2>"$tmp/conflict.err"
check "other content under a stored id: exit 1" test $? -eq 1
check "other content under a stored id: says --replace" grep -q "use --replace" "$tmp/conflict.err"
"$NG" merge --replace --db "$tmp/merged.db" "$tmp/changed.sub" 2>"$tmp/replace.err"
check "--replace replaces" grep -q "^merged 0 new, 1 replaced, 0 unchanged, 0 failed" "$tmp/replace.err"
python3 - "$tmp/merged.db" >"$tmp/py" 2>&1 <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT low, high FROM quantities WHERE qualifier='approx' AND text='x'").fetchall()
assert rows == [(0.30000000000000004, 1e300)], rows
PY
check "numbers are stored exactly as written" test $? -eq 0 || cat "$tmp/py"

# Sub-graph lines read back exactly: extract → merge → store → merge → same store.
"$NG" export --db "$tmp/copy2.db" --format json -o "$tmp/c2.json"
"$NG" merge --db "$tmp/copy2.db" "$tmp/one/newsgraph.db" 2>"$tmp/same.err"
check "merging a store into its copy changes nothing" grep -q "^merged 0 new, 0 replaced, $nfiles unchanged, 0 failed" "$tmp/same.err"

# The output store is not read as an input; usage errors.
"$NG" merge --db "$tmp/merged.db" "$tmp/merged.db" 2>"$tmp/self.err"
check "merging a store into itself is refused" grep -q "is the store being written" "$tmp/self.err"
"$NG" merge "$tmp/sub.0" 2>/dev/null
check "merge without --db: usage (2)" test $? -eq 2
"$NG" merge --db "$tmp/x.db" - - </dev/null 2>/dev/null
check "standard input twice: usage (2)" test $? -eq 2
"$NG" extract </dev/null 2>/dev/null
check "extract without --jsonl: usage (2)" test $? -eq 2
"$NG" merge --db "$tmp/x.db" "$tmp/nonexistent" 2>"$tmp/ne.err"
check "a missing input: exit 1, named" sh -c "test $? -eq 1 && grep -q nonexistent '$tmp/ne.err'"
finish
