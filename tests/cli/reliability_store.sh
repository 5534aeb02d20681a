# Store faults: a read-only store file or folder, a store locked by another
# writer (waited for, or a clear error), files that are not stores or are
# damaged (clear error, never overwritten), a full disk (ulimit -f).  Every
# fault ends in a message naming the file, and nothing stored before is lost.
. "$(dirname "$0")/../support/cli-lib.sh"
fz=$NG_SRC/tests/fuzz
python3 "$fz/make_docs.py" "$tmp/a" 30 --seed 1 --prefix a
python3 "$fz/make_docs.py" "$tmp/b" 300 --seed 2 --prefix b
db=$tmp/s.db
"$NG" ingest --db "$db" "$tmp/a" 2>/dev/null
check "store with 30 documents" python3 "$fz/check_store.py" "$db" --expect 30
digest() { python3 "$fz/check_store.py" "$1" --digest | sed -n 's/.*digest //p'; }
base=$(digest "$db")
sha() { sha256sum "$1" | cut -d' ' -f1; }
# ng_run NAME ARGS...: runs newsgraph, records its exit code; a signal is a crash.
ng_run() {
  local name=$1; shift
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
  [ $rc -lt 128 ] || { echo "CRASH ($rc): $*"; cat "$tmp/$name.err"; }
  return 0
}
# Permission tests need a user other than root (root may write anything).
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
  else
    as_user() { return 77; }
  fi
  chmod 755 "$tmp"
else
  as_user() { "$@"; }
fi

# --- Read-only store file (folder writable): refused at once, untouched.
mkdir -p "$tmp/rofile" && chmod 777 "$tmp/rofile"
cp "$db" "$tmp/rofile/s.db" && chmod 444 "$tmp/rofile/s.db"
before=$(sha "$tmp/rofile/s.db")
ng_run ro1 as_user "$NG" ingest --db "$tmp/rofile/s.db" "$tmp/b"
if [ $rc -ne 77 ]; then
  check "read-only store file: exit 1" test $rc -eq 1
  check "read-only store file: message" grep -q "rofile/s.db: cannot write to the store: the file is read-only" "$tmp/ro1.err"
  check "read-only store file: untouched" test "$(sha "$tmp/rofile/s.db")" = "$before"
  ng_run ro2 as_user "$NG" export --db "$tmp/rofile/s.db" --format json -o -
  check "read-only store file: still exported" test $rc -eq 0 -a -s "$tmp/ro2.out"
  # --- Read-only folder: no new store, the old one untouched and readable.
  mkdir -p "$tmp/rodir" && cp "$db" "$tmp/rodir/s.db" && chmod 555 "$tmp/rodir"
  before=$(sha "$tmp/rodir/s.db")
  ng_run ro3 as_user "$NG" ingest --db "$tmp/rodir/new.db" "$tmp/a"
  check "read-only folder, new store: exit 1" test $rc -eq 1
  check "read-only folder, new store: message" grep -q "rodir/new.db: cannot open store" "$tmp/ro3.err"
  check "read-only folder, new store: nothing created" test ! -e "$tmp/rodir/new.db"
  ng_run ro4 as_user "$NG" ingest --db "$tmp/rodir/s.db" "$tmp/b"
  check "read-only folder, old store: exit 1" test $rc -eq 1
  check "read-only folder, old store: message names it" grep -q "rodir/s.db" "$tmp/ro4.err"
  check "read-only folder, old store: untouched" test "$(sha "$tmp/rodir/s.db")" = "$before"
  ng_run ro5 as_user "$NG" export --db "$tmp/rodir/s.db" --format json -o -
  "$NG" export --db "$db" --format json -o "$tmp/base.json"
  check "read-only folder: store still exported, same graph" cmp -s "$tmp/ro5.out" "$tmp/base.json"
  chmod 755 "$tmp/rodir"
else
  echo "skipped: read-only tests need setpriv when run as root"
fi

# --- Locked by another writer: a short lock is waited for, a long one is a
# clear error after NEWSGRAPH_BUSY_TIMEOUT (default 10 s; 1.5 s here).
hold_lock() { # hold_lock DB SECONDS: an open write transaction, like another ingest
  python3 - "$1" "$2" "$tmp/locked" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("CREATE TABLE IF NOT EXISTS lock_test(x)")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
con.execute("ROLLBACK")
PY
  lockpid=$!
  while [ ! -e "$tmp/locked" ]; do sleep 0.05; done
  rm -f "$tmp/locked"
}
cp "$db" "$tmp/l.db"
hold_lock "$tmp/l.db" 2
t0=$(date +%s%N) # the lock was taken just now, for 2 s
NEWSGRAPH_BUSY_TIMEOUT=30000 ng_run lock1 "$NG" ingest --db "$tmp/l.db" "$tmp/b"
t1=$(date +%s%N)
wait $lockpid
check "lock held 2 s: ingest waits and succeeds" test $rc -eq 0
check "lock held 2 s: it finished after the lock was released ($(( (t1 - t0) / 1000000 )) ms)" \
  test $(( (t1 - t0) / 1000000 )) -ge 1900
check "lock held 2 s: all 330 documents" python3 "$fz/check_store.py" "$tmp/l.db" --expect 330
# Held "for ever" (30 s; killed as soon as ingest gave up).
cp "$db" "$tmp/l2.db"
hold_lock "$tmp/l2.db" 30
t0=$(date +%s%N)
NEWSGRAPH_BUSY_TIMEOUT=1500 ng_run lock2 "$NG" ingest --db "$tmp/l2.db" "$tmp/b"
t1=$(date +%s%N)
kill $lockpid 2>/dev/null; wait $lockpid 2>/dev/null
ms=$(( (t1 - t0) / 1000000 ))
check "lock held: clear error, exit 1" test $rc -eq 1
check "lock held: message says locked" grep -q "l2.db: database is locked (another process is writing to it; waited 1500 ms)" "$tmp/lock2.err"
check "lock held: the batch stops instead of waiting per document" grep -q "stopping, 299 more input(s) not read" "$tmp/lock2.err"
check "lock held: gave up after about the timeout, not 300 times it (${ms} ms)" test $ms -lt 20000
check "lock held: nothing lost" test "$(digest "$tmp/l2.db")" = "$base"
ng_run lock3 "$NG" ingest --db "$tmp/l2.db" "$tmp/b"
check "after the lock: rerun completes" python3 "$fz/check_store.py" "$tmp/l2.db" --expect 330

# --- Not a store: text, random bytes, another program's SQLite database, a
# folder, a newer schema: refused with the reason, never written.
printf 'not a database\n' >"$tmp/junk.db"
head -c 8192 /dev/urandom >"$tmp/random.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE invoices(n)'); c.commit()" "$tmp/other.db"
cp "$db" "$tmp/newer.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.commit()" "$tmp/newer.db"
for f in junk random other newer; do
  before=$(sha "$tmp/$f.db")
  ng_run nd-$f "$NG" ingest --db "$tmp/$f.db" "$tmp/a"
  check "$f.db: ingest refused (exit 1)" test $rc -eq 1
  check "$f.db: message names the file" grep -q "$f.db: " "$tmp/nd-$f.err"
  check "$f.db: never written" test "$(sha "$tmp/$f.db")" = "$before"
  ng_run ne-$f "$NG" export --db "$tmp/$f.db" --format json -o "$tmp/x.json"
  check "$f.db: export refused (exit 1)" test $rc -eq 1
done
check "random bytes: said not a store" grep -q "random.db: not a newsgraph store" "$tmp/nd-random.err"
check "other database: said not a store" grep -q "other.db: a SQLite database but not a newsgraph store; not touched" "$tmp/nd-other.err"
check "newer schema: said so" grep -q "newer.db: store schema version 99 is newer" "$tmp/nd-newer.err"
mkdir -p "$tmp/adir.db"
ng_run nd-dir "$NG" ingest --db "$tmp/adir.db" "$tmp/a"
check "a folder as store: exit 1 with its name" grep -q "adir.db" "$tmp/nd-dir.err"
# --- Damaged stores: truncated, or a page overwritten: an error or a sound
# answer, never a crash.
big=$tmp/big.db
cp "$db" "$big"
"$NG" ingest --db "$big" "$tmp/b" 2>/dev/null
size=$(stat -c %s "$big")
cp "$big" "$tmp/trunc.db" && truncate -s $((size / 2)) "$tmp/trunc.db"
cp "$big" "$tmp/page.db" && dd if=/dev/urandom of="$tmp/page.db" bs=4096 seek=5 count=2 conv=notrunc status=none
cp "$big" "$tmp/header.db" && printf 'XXXXXXXX' | dd of="$tmp/header.db" bs=1 seek=0 conv=notrunc status=none
for f in trunc page header; do
  for cmd in "ingest --db $tmp/$f.db $tmp/a" "export --db $tmp/$f.db --format graphml -o $tmp/$f.graphml" "stats --db $tmp/$f.db"; do
    ng_run dmg "$NG" $cmd
    check "damaged ($f): ${cmd%% *} does not crash" test $rc -lt 2
    [ $rc -eq 0 ] || check "damaged ($f): ${cmd%% *} names the store" grep -q "$f.db" "$tmp/dmg.err"
  done
done

# --- Full disk, as a file size limit: a clear error, earlier documents kept.
cp "$db" "$tmp/f.db"
kb=$(( $(stat -c %s "$tmp/f.db") / 1024 + 48 ))
( ulimit -f $kb; exec "$NG" ingest --db "$tmp/f.db" "$tmp/b" ) >"$tmp/full.out" 2>"$tmp/full.err"
rc=$?
check "file size limit: exit 1, not killed ($rc)" test $rc -eq 1
check "file size limit: message" grep -qE "f.db: .*(disk full or file size limit|disk I/O error)" "$tmp/full.err"
head -3 "$tmp/full.err"
check "file size limit: store sound" python3 "$fz/check_store.py" "$tmp/f.db" --source "$tmp/a" --source "$tmp/b"
new=$(sed -n 's/^ingested \([0-9]*\) new.*/\1/p' "$tmp/full.err")
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$tmp/f.db")
check "file size limit: the summary counts only what was stored ($new new, $stored in all)" test $((30 + ${new:-0})) -eq "$stored"
python3 - "$tmp/f.db" "$db" <<'PY'
import sqlite3, sys
got = set(sqlite3.connect(sys.argv[1]).execute("SELECT id, sha256 FROM documents"))
want = set(sqlite3.connect(sys.argv[2]).execute("SELECT id, sha256 FROM documents"))
sys.exit(0 if want <= got else 1)
PY
check "file size limit: every earlier document still there" test $? -eq 0
"$NG" ingest --db "$tmp/f.db" "$tmp/b" >/dev/null 2>&1
check "after the limit: rerun completes" python3 "$fz/check_store.py" "$tmp/f.db" --expect 330
# Exports past the limit: an error, the old files stay, no temporary left.
mkdir -p "$tmp/out"
"$NG" build --db "$tmp/f.db" --out "$tmp/out" "$tmp/a" >/dev/null 2>&1
cp "$tmp/out/graph.json" "$tmp/old.json"
( ulimit -f 64; exec "$NG" export --db "$tmp/f.db" --format json -o "$tmp/out/graph.json" ) 2>"$tmp/fe.err"
rc=$?
check "export past the limit: exit 1 ($rc)" test $rc -eq 1
check "export past the limit: message names the file" grep -q "out/graph.json" "$tmp/fe.err"
check "export past the limit: old file kept" cmp -s "$tmp/out/graph.json" "$tmp/old.json"
check "export past the limit: no temporary file left" test -z "$(ls "$tmp/out" | grep tmp)"
finish
