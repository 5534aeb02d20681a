# SIGKILL at random moments: 20 kills of a 1000-document ingest (300 under
# sanitizers), and 4 of a
# build while it writes the graph files).  After each kill the store opens,
# PRAGMA integrity_check is ok, every stored document is whole (its text is
# the whole file, its rows are exactly those of a store built without kills)
# or absent; a rerun completes the set and gives the same graph, byte for byte.
. "$(dirname "$0")/../support/cli-lib.sh"
fz=$NG_SRC/tests/fuzz
kills=${NG_KILLS:-20}
n=1000
[ "${NG_SANITIZED:-0}" = 1 ] && n=300 # ten times slower under ASan: fewer documents, as many kills
python3 "$fz/make_docs.py" "$tmp/docs" $n
start=$(date +%s.%N)
"$NG" ingest --db "$tmp/ref.db" "$tmp/docs" 2>/dev/null
check "reference ingest of $n documents" test $? -eq 0
full=$(python3 -c "import sys; print(max(0.2, float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$(date +%s.%N)")
echo "a full ingest takes ${full}s; killing at random moments within it"
"$NG" export --db "$tmp/ref.db" --format json -o "$tmp/ref.json"
RANDOM=${NG_KILL_SEED:-4242}
survived=0 partial=0 docs=0
for i in $(seq 1 "$kills"); do
  # A complete store teaches nothing more: start again from an empty one.
  if [ "${docs:-0}" -eq $n ]; then
    rm -f "$tmp/k.db" "$tmp/k.db-wal" "$tmp/k.db-shm"
  fi
  delay=$(python3 -c "import sys; print(round(float(sys.argv[1]) * (0.05 + 1.1 * int(sys.argv[2]) / 32767), 3))" "$full" "$RANDOM")
  "$NG" ingest --db "$tmp/k.db" "$tmp/docs" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  rc=$?
  out=$(python3 "$fz/check_store.py" "$tmp/k.db" --source "$tmp/docs" --reference "$tmp/ref.db" --may-be-absent 2>&1)
  if [ $? -eq 0 ]; then
    survived=$((survived + 1))
    docs=$(echo "$out" | sed -n 's/.*: \([0-9]*\) documents.*/\1/p')
    docs=${docs:-0}
    [ "${docs:-0}" -gt 0 ] && [ "${docs:-0}" -lt $n ] && partial=$((partial + 1))
    echo "kill $i after ${delay}s (exit $rc): $out"
  else
    echo "kill $i after ${delay}s: $out"
    check "store whole after kill $i" false
  fi
done
check "$survived of $kills kills left a sound store ($partial in the middle of the set)" test $survived -eq "$kills"
# The rerun completes the set, exactly as a run without kills.
"$NG" ingest --db "$tmp/k.db" "$tmp/docs" >"$tmp/log" 2>&1
check "rerun after the kills exits 0" test $? -eq 0
check "rerun completes the set" python3 "$fz/check_store.py" "$tmp/k.db" --source "$tmp/docs" --reference "$tmp/ref.db" --expect $n
"$NG" export --db "$tmp/k.db" --format json -o "$tmp/k.json"
check "graph after kills and rerun equals the reference" cmp -s "$tmp/k.json" "$tmp/ref.json"

# Kills while build writes the graph files: each file is the old one, the new
# one or absent, never half-written (they are renamed into place).
mkdir -p "$tmp/b"
"$NG" build --db "$tmp/ref.db" --out "$tmp/b" "$tmp/docs" >/dev/null 2>&1
for f in graphml dot json; do cp "$tmp/b/graph.$f" "$tmp/old.$f"; done
for i in 1 2 3 4; do
  "$NG" build --db "$tmp/ref.db" --out "$tmp/b" "$tmp/docs/doc000$i.txt" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  for f in graphml dot json; do
    check "build kill $i: graph.$f is whole" cmp -s "$tmp/b/graph.$f" "$tmp/old.$f"
  done
done
check "store sound after the build kills" python3 "$fz/check_store.py" "$tmp/ref.db" --expect $n
finish
