# Every exported file passes the real consumers (GraphML XSD, networkx,
# graphology, Graphviz), for the examples, the seeds and a hostile text.
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
checker=$NG_SHARED/tools/check-graph-files
mkdir -p "$tmp/hostile"
printf 'Angela Merkel sagte: „<b>&amp; \\" \\\\ \001\002\033 ]]> --> 😀 שלום“.\nLaut Olaf Scholz sind es 12.000 Soldaten.\n' \
  >"$tmp/hostile/böse \"name\" <&>.txt"
for corpus in "$NG_SRC/examples" "$NG_SHARED/corpus/seeds" "$tmp/hostile"; do
  name=$(basename "$corpus")
  "$NG" build --out "$tmp/$name" "$corpus" >/dev/null 2>&1
  check "build $name" test $? -eq 0
  "$checker" "$tmp/$name"/graph.graphml "$tmp/$name"/graph.dot "$tmp/$name"/graph.json >"$tmp/check-$name" 2>&1
  rc=$?
  [ $rc -eq 0 ] || cat "$tmp/check-$name"
  check "check-graph-files passes on $name" test $rc -eq 0
done
finish
