# Every measure of `newsgraph rank` (directed and undirected, weighted and
# unweighted where they apply) against networkx, to 1e-6: on the examples, on
# a small graph of three texts written for this test, and on the seed
# articles when ../shared is there.  tests/support/networkx_compare.py says
# exactly which networkx graph and function stand for each measure.
. "$(dirname "$0")/../support/cli-lib.sh"
if ! python3 -c 'import networkx' 2>/dev/null; then
  echo "skipped: python3 has no networkx (scripts/setup.sh --test installs python3-networkx)"
  exit 77
fi
compare() { # compare NAME DIR [options for networkx_compare.py]
  local name=$1 dir=$2
  shift 2
  python3 "$NG_SRC/tests/support/networkx_compare.py" --ng "$NG" --db "$dir/newsgraph.db" \
    --json "$dir/graph.json" --label "$name" "$@" >"$tmp/$name.log" 2>&1
  local rc=$?
  sed 's/^/     /' "$tmp/$name.log"
  return $rc
}

"$NG" build --out "$tmp/ex" "$NG_SRC/examples" >"$tmp/ex.log" 2>&1
check "examples build" test $? -eq 0
check "examples: every measure as networkx" compare examples "$tmp/ex"
check "examples, entities and their links only: as networkx" compare examples-entities "$tmp/ex" \
  --types person,organization,media,country,place --relations co_occurs,cites,role

# A small graph of three short texts written for this test.
mkdir -p "$tmp/small-in"
cat >"$tmp/small-in/2024-03-scholz-macron-paris.txt" <<'TXT'
Scholz und Macron beraten in Paris über Hilfe für die Ukraine

Paris – Bundeskanzler Olaf Scholz und der französische Präsident Emmanuel Macron haben sich am Freitag in Paris getroffen. „Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen. Macron erklärte, Frankreich werde in diesem Jahr rund 3000 Granaten liefern. Laut der Nachrichtenagentur AFP sprachen beide auch über China.
TXT
cat >"$tmp/small-in/2024-03-selenskyj-dank-kiew.txt" <<'TXT'
Selenskyj dankt Deutschland und Frankreich

Kiew – Der ukrainische Präsident Wolodymyr Selenskyj hat Deutschland und Frankreich für ihre Hilfe gedankt. „Jede Granate zählt“, sagte Selenskyj am Montag in Kiew. Nach Angaben des ukrainischen Generalstabs wurden in der Nacht mindestens 12 Drohnen abgeschossen. Kremlsprecher Dmitri Peskow sagte, die Lieferungen aus Deutschland und Frankreich verlängerten den Krieg nur.
TXT
cat >"$tmp/small-in/2024-03-china-vermittlung-peking.txt" <<'TXT'
China bietet Vermittlung an

Peking – China hat Frankreich und Deutschland zu Gesprächen über den Krieg in der Ukraine aufgerufen. Ein Sprecher des chinesischen Außenministeriums sagte in Peking, man sei zur Vermittlung bereit. Die Nachrichtenagentur Xinhua berichtete, Xi Jinping habe mit Emmanuel Macron telefoniert. Olaf Scholz begrüßte das Angebot, Wolodymyr Selenskyj blieb skeptisch.
TXT
"$NG" build --out "$tmp/small" "$tmp/small-in" >"$tmp/small.log" 2>&1
check "small graph builds" test $? -eq 0
check "small graph has claims and co-occurrences" \
  python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); t={e["type"] for e in g["edges"]}; sys.exit(not {"said","co_occurs"} <= t)' \
  "$tmp/small/graph.json"
check "small graph: every measure as networkx" compare small "$tmp/small"

if [ -d "$NG_SHARED/corpus/seeds" ]; then
  "$NG" build --out "$tmp/seeds" "$NG_SHARED/corpus/seeds" >"$tmp/seeds.log" 2>&1
  check "seed graph builds" test -s "$tmp/seeds/graph.json"
  check "seed graph: every measure as networkx" compare seeds "$tmp/seeds"
else
  echo "skipped part: $NG_SHARED/corpus/seeds is absent, no comparison on the seed graph"
fi
finish
