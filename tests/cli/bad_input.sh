# Bad input: clear messages naming the file, the rest of the batch goes on.
. "$(dirname "$0")/../support/cli-lib.sh"
in=$tmp/in
mkdir -p "$in/sub"
printf 'Olaf Scholz sprach in Berlin.\n' >"$in/good.txt"
printf 'Emmanuel Macron sprach in Paris.\n' >"$in/sub/nested.html"
printf 'Ein Satz mit kaputtem \xff Byte.\n' >"$in/latin.txt"
printf 'PK\003\004\000\000binary' >"$in/archive.txt"
: >"$in/empty.txt"
printf 'ignored because of its extension\n' >"$in/notes.md"
"$NG" ingest --db "$tmp/s.db" "$in" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "exit code 1 when a file failed" test $rc -eq 1
check "invalid UTF-8 named with its offset" grep -q "latin.txt: not valid UTF-8 at byte offset 22" "$tmp/err"
check "binary file named and skipped" grep -q "archive.txt: binary file" "$tmp/err"
"$NG" stats --db "$tmp/s.db" >"$tmp/stats"
check "good, nested HTML and empty files are stored" grep -qE "^documents +3$" "$tmp/stats"
# Standard input is the document "stdin".
printf 'Wolodymyr Selenskyj sprach in Kiew.\n' | "$NG" ingest --db "$tmp/s.db" - 2>/dev/null
check "standard input ingested" test $? -eq 0
"$NG" export --db "$tmp/s.db" --format json | grep -q '"document:stdin"'
check "standard input is document stdin" test $? -eq 0
# Same id, other content: an error unless --replace; nothing lost.
mkdir -p "$tmp/v2"
printf 'Olaf Scholz sprach in Hamburg.\n' >"$tmp/v2/good.txt"
"$NG" ingest --db "$tmp/s.db" "$tmp/v2/good.txt" 2>"$tmp/err2"
check "conflicting id fails" test $? -eq 1
check "conflict message names the id" grep -q "good.txt: a different document with id 'good'" "$tmp/err2"
"$NG" ingest --db "$tmp/s.db" --replace "$tmp/v2/good.txt" 2>/dev/null
check "--replace replaces" test $? -eq 0
"$NG" stats --db "$tmp/s.db" >"$tmp/stats2"
check "still 4 documents" grep -qE "^documents +4$" "$tmp/stats2"
# A file that is not a store is refused and left alone.
printf 'not a database\n' >"$tmp/junk.db"
"$NG" ingest --db "$tmp/junk.db" "$in/good.txt" 2>"$tmp/err3"
check "non-store refused" test $? -eq 1
check "non-store message names the file" grep -q "junk.db" "$tmp/err3"
check "non-store untouched" test "$(cat "$tmp/junk.db")" = "not a database"
finish
