# Exit codes: 0 ok, 1 failure, 2 usage; --help everywhere.
. "$(dirname "$0")/../support/cli-lib.sh"
"$NG" >/dev/null 2>&1; check "no command: 2" test $? -eq 2
"$NG" frobnicate >/dev/null 2>&1; check "unknown command: 2" test $? -eq 2
"$NG" --help | grep -q build; check "--help lists commands" test $? -eq 0
for c in build ingest export stats; do
  "$NG" $c --help | grep -q "usage: newsgraph $c"; check "$c --help" test $? -eq 0
  "$NG" $c --no-such-option >/dev/null 2>&1; check "$c bad option: 2" test $? -eq 2
done
"$NG" build >/dev/null 2>&1; check "build without input: 2" test $? -eq 2
"$NG" export --db "$tmp/x.db" --format png >/dev/null 2>&1; check "unknown format: 2" test $? -eq 2
"$NG" export --db "$tmp/none.db" --format json >/dev/null 2>"$tmp/err"; check "missing store: 1" test $? -eq 1
check "missing store named" grep -q "none.db" "$tmp/err"
"$NG" ingest --db "$tmp/s.db" "$tmp/does-not-exist.txt" 2>"$tmp/err"; check "missing input: 1" test $? -eq 1
check "missing input named" grep -q "does-not-exist.txt" "$tmp/err"
finish
