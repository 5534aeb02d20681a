# Four processes ingest into one store at once, each the same 400 documents
# in another order (and overlapping sets of 100 more): every document is
# stored exactly once and whole, every process exits 0, and the graph equals
# that of one process ingesting alone.  Then long documents with a short lock
# wait: nobody holds the write lock while extracting.
. "$(dirname "$0")/../support/cli-lib.sh"
fz=$NG_SRC/tests/fuzz
python3 "$fz/make_docs.py" "$tmp/docs" 400 --seed 11
python3 "$fz/make_docs.py" "$tmp/docs" 100 --seed 12 --prefix more
"$NG" ingest --db "$tmp/ref.db" "$tmp/docs" 2>/dev/null
check "reference ingest" test $? -eq 0
"$NG" export --db "$tmp/ref.db" --format json -o "$tmp/ref.json"
# Orders: sorted, reversed, odd-then-even, shuffled.
ls "$tmp"/docs/doc*.txt >"$tmp/l0"
tac "$tmp/l0" >"$tmp/l1"
{ sed -n 'p;n' "$tmp/l0"; sed -n 'n;p' "$tmp/l0"; } >"$tmp/l2"
shuf --random-source=<(yes) "$tmp/l0" >"$tmp/l3"
ls "$tmp"/docs/more*.txt | head -60 >>"$tmp/l0"
ls "$tmp"/docs/more*.txt | tail -60 >>"$tmp/l3"
ls "$tmp"/docs/more*.txt | sed -n '30,70p' >>"$tmp/l1"
export NEWSGRAPH_BUSY_TIMEOUT=${NEWSGRAPH_BUSY_TIMEOUT:-30000}
for round in 1 2; do
  rm -f "$tmp/c.db" "$tmp/c.db-wal" "$tmp/c.db-shm"
  pids=()
  for k in 0 1 2 3; do
    mapfile -t files <"$tmp/l$k"
    "$NG" ingest --db "$tmp/c.db" "${files[@]}" >"$tmp/out$k" 2>"$tmp/err$k" &
    pids+=($!)
  done
  ok=0
  for k in 0 1 2 3; do
    wait "${pids[$k]}" && ok=$((ok + 1)) || { echo "process $k:"; tail -5 "$tmp/err$k"; }
  done
  check "round $round: all 4 processes exit 0" test $ok -eq 4
  for k in 0 1 2 3; do tail -1 "$tmp/err$k"; done
  total=$(cat "$tmp"/err? | sed -n 's/^ingested \([0-9]*\) new.*/\1/p' | paste -sd+ | bc)
  check "round $round: 500 documents inserted once in all ($total)" test "$total" = 500
  check "round $round: store whole, each document once" \
    python3 "$fz/check_store.py" "$tmp/c.db" --source "$tmp/docs" --reference "$tmp/ref.db" --expect 500 --digest
  "$NG" export --db "$tmp/c.db" --format json -o "$tmp/c.json"
  check "round $round: graph equals a single process's" cmp -s "$tmp/c.json" "$tmp/ref.json"
done
# Round 3: documents of 90 KB, which take a while to extract, and a short
# lock wait (3 s, less than one process takes): a process must not hold the
# write lock while it extracts, or the others give up waiting.
mid=16 wait_ms=3000
# Under sanitizers every write is several times slower and the writers queue
# longer; the wait is still far less than one process takes to extract.
[ "${NG_SANITIZED:-0}" = 1 ] && mid=6 wait_ms=8000
python3 - "$NG_SRC/examples" "$tmp/mid" "$mid" <<'PY'
import glob, os, sys
t = "\n".join(open(f).read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))))
os.makedirs(sys.argv[2])
for i in range(int(sys.argv[3])):
    open(os.path.join(sys.argv[2], "mid%02d.txt" % i), "w").write("Ausgabe %d\n" % i + t * 4)
PY
rm -f "$tmp/m.db"
pids=()
for k in 0 1 2 3; do
  NEWSGRAPH_BUSY_TIMEOUT=$wait_ms "$NG" ingest --db "$tmp/m.db" $(ls "$tmp"/mid/*.txt | shuf) >/dev/null 2>"$tmp/merr$k" &
  pids+=($!)
done
ok=0
for k in 0 1 2 3; do
  wait "${pids[$k]}" && ok=$((ok + 1)) || { echo "process $k:"; tail -3 "$tmp/merr$k"; }
done
check "long documents, $((wait_ms / 1000)) s lock wait: all 4 processes exit 0" test $ok -eq 4
check "long documents: each stored once" python3 "$fz/check_store.py" "$tmp/m.db" --source "$tmp/mid" --expect $mid
finish
