# Valgrind memcheck on an end-to-end build of examples/: no invalid access,
# no use of uninitialised values, no leak ("definitely" or "indirectly lost").
# Skips (77) without valgrind or in a sanitized build.
. "$(dirname "$0")/../support/cli-lib.sh"
command -v valgrind >/dev/null || { echo "skipped: valgrind is not installed"; exit 77; }
if [ "${NG_SANITIZED:-0}" = 1 ]; then echo "skipped: sanitized build (valgrind cannot run it)"; exit 77; fi
vg=(valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --track-origins=yes --quiet)
"${vg[@]}" --log-file="$tmp/vg-build.log" "$NG" build --out "$tmp/out" "$NG_SRC/examples" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/err"; head -80 "$tmp/vg-build.log"; }
check "valgrind: build of examples/ is clean (exit $rc)" test $rc -eq 0
# The readers too: export every format and stats from the store.
for f in graphml dot json; do
  "${vg[@]}" --log-file="$tmp/vg-$f.log" "$NG" export --db "$tmp/out/newsgraph.db" --format $f -o "$tmp/e.$f" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 0 ] || { cat "$tmp/err"; head -60 "$tmp/vg-$f.log"; }
  check "valgrind: export $f is clean" test $rc -eq 0
done
"${vg[@]}" --log-file="$tmp/vg-stats.log" "$NG" stats --db "$tmp/out/newsgraph.db" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || head -60 "$tmp/vg-stats.log"
check "valgrind: stats is clean" test $rc -eq 0
finish
