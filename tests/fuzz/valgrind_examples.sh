# Valgrind memcheck on an end-to-end build of examples/: no invalid access,
# no use of uninitialised values, no leak (definitely or possibly lost); then
# the error paths: an ingest of bad and hostile inputs.
# Skips (77) without valgrind or in a sanitized build.
. "$(dirname "$0")/../support/cli-lib.sh"
command -v valgrind >/dev/null || { echo "skipped: valgrind is not installed"; exit 77; }
if [ "${NG_SANITIZED:-0}" = 1 ]; then echo "skipped: sanitized build (valgrind cannot run it)"; exit 77; fi
# Exit 99 for a valgrind error, so it is not mistaken for newsgraph's own exit 1.
vg=(valgrind --error-exitcode=99 --leak-check=full --track-origins=yes --quiet)
"${vg[@]}" --log-file="$tmp/vg-build.log" "$NG" build --out "$tmp/out" "$NG_SRC/examples" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/err"; head -80 "$tmp/vg-build.log"; }
check "valgrind: build of examples/ is clean (exit $rc)" test $rc -eq 0
# (build writes every format, so the graph loader and all writers ran.)
# Error paths: files that fail in every way, and odd ones that are stored.
mkdir -p "$tmp/bad"
printf 'Latin-1 \xe4\xf6\xfc.\n' >"$tmp/bad/latin1.txt"
printf 'NUL\000here\n' >"$tmp/bad/nul.txt"
head -c 2048 /dev/urandom | tr -d '\000' >"$tmp/bad/noise.html"
: >"$tmp/bad/empty.html"
printf '<html><head><title>T &\xeedash;</title></head><body><p>Olaf Scholz sagte: &#8222;Ja&#8220; &bogus; <![CDATA[x]]>' >"$tmp/bad/broken.html"
printf 'Laut Reuters sind es 10^400 oder %s Soldaten, 24.000 bis 12.000.\n' "$(head -c 500 /dev/zero | tr '\0' 9)" >"$tmp/bad/numbers.txt"
printf 'Olaf Scholz sagte: \xe2\x80\x9eJa.\xe2\x80\x9c\n' >"$tmp/bad/good.txt"
"${vg[@]}" --log-file="$tmp/vg-bad.log" "$NG" ingest --db "$tmp/bad.db" "$tmp/bad" "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || { cat "$tmp/err"; head -80 "$tmp/vg-bad.log"; }
check "valgrind: ingest of bad inputs is clean (exit $rc, want 1)" test $rc -eq 1
"${vg[@]}" --log-file="$tmp/vg-nostore.log" "$NG" ingest --db "$tmp/bad/good.txt" "$tmp/bad" >/dev/null 2>&1
rc=$?
[ $rc -eq 1 ] || head -60 "$tmp/vg-nostore.log"
check "valgrind: a file that is not a store is refused cleanly (exit $rc, want 1)" test $rc -eq 1
finish
