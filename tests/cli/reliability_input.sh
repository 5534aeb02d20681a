# Whatever a scraper produced: text that is not UTF-8, NUL bytes, binary
# files, empty files, a 100 MB file with no line break, very many tiny files,
# broken and deeply nested HTML, scripts, entities and CDATA, absurd numbers,
# names of 10,000 characters, every quote and dash in Unicode.  Each input ends
# in a clear message naming the file, or in valid outputs; nothing crashes,
# hangs or grows without bound.  All inputs are generated here.
#   NG_SLOW=1  1,000,000 tiny files and 100 MB actually read (minutes)
#   NG_MANY=N  N tiny files
. "$(dirname "$0")/../support/cli-lib.sh"
slow=${NG_SLOW:-0}
sanitized=${NG_SANITIZED:-0}
timev=""
[ -x /usr/bin/time ] && timev=/usr/bin/time
# ng_run NAME ARGS...: runs newsgraph with a time limit, keeps stdout/stderr,
# the exit code in $rc and the peak memory in $rss_kb (when /usr/bin/time is there).
ng_run() {
  local name=$1; shift
  rss_kb=0
  if [ -n "$timev" ]; then
    timeout 600 "$timev" -f "%M %e" -o "$tmp/$name.time" "$NG" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    # GNU time prints "Command terminated by signal N" before the figures.
    rss_kb=$(tail -1 "$tmp/$name.time" | cut -d' ' -f1)
    secs=$(tail -1 "$tmp/$name.time" | cut -d' ' -f2)
  else
    timeout 600 "$NG" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    secs=?
  fi
  if [ $rc -ge 124 ]; then
    echo "CRASH OR HANG (exit $rc): newsgraph $*"
    tail -20 "$tmp/$name.err"
  fi
}
t_start=$(date +%s)
section() { echo "--- $* (at $(( $(date +%s) - t_start ))s)"; }
no_crash() { check "$1: no crash or hang (exit $rc)" test "$rc" -lt 2; }
# Outputs readable by their consumers: the shared checker when present,
# else JSON without NaN/Infinity and well-formed XML.
# The shared checker starts Python, Node and Graphviz: its files are collected
# and checked in one run at the end (the last section).
checker_files=()
valid_outputs() { # valid_outputs DIR WHAT [light]   (light: without the slow shared checker)
  local files=("$1"/graph.graphml "$1"/graph.dot "$1"/graph.json)
  [ -f "$1/graph.gexf" ] && files+=("$1/graph.gexf")
  if [ -z "${3:-}" ] && [ -x "${NG_SHARED:-/nonexistent}/tools/check-graph-files" ]; then
    checker_files+=("${files[@]}")
  else
    python3 - "$1/graph.json" <<'PY'
import json, sys
def bad(c):
    raise ValueError("non-finite number " + c)
g = json.load(open(sys.argv[1]), parse_constant=bad)
ids = {n["id"] for n in g["nodes"]}
assert all(e["source"] in ids and e["target"] in ids for e in g["edges"])
PY
    check "$2: graph.json parses, no NaN/Infinity, edges end at nodes" test $? -eq 0
    if command -v xmllint >/dev/null; then
      xmllint --noout --huge "$1/graph.graphml"
      check "$2: graph.graphml well-formed" test $? -eq 0
    fi
  fi
}

# --- 1. Files that are not text: each named with the reason, the batch goes on.
section "1"
bad=$tmp/bad
mkdir -p "$bad"
printf 'Olaf Scholz sprach in Berlin.\n' >"$bad/good.txt"
printf 'Ein Satz in Latin-1: \xe4\xf6\xfc \xdf.\n' >"$bad/latin1.txt"
printf 'Overlong \xc0\xaf slash.\n' >"$bad/overlong.txt"
printf 'Surrogate \xed\xa0\x80 half.\n' >"$bad/surrogate.txt"
printf 'Five bytes \xf8\x88\x80\x80\x80.\n' >"$bad/fivebyte.txt"
printf 'Cut at the end \xe2\x82' >"$bad/truncated.txt"
printf '\xff\xfeO\x00l\x00a\x00f\x00\n\x00' >"$bad/utf16.txt"
printf 'NUL\000early\n' >"$bad/nul-early.txt"
{ head -c 9000 /dev/zero | tr '\0' 'a'; printf '\000 after 8 KiB\n'; } >"$bad/nul-late.txt"
{ printf '<html><body><p>'; head -c 9000 /dev/zero | tr '\0' 'b'; printf '\000</p><p>Angela Merkel sprach.</p></body></html>'; } >"$bad/nul-late.html"
{ printf '\x89PNG\r\n\x1a\n'; head -c 4096 /dev/urandom; } >"$bad/image.txt"
{ printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n'; head -c 4096 /dev/urandom; } >"$bad/paper.txt"
cp /bin/ls "$bad/program.txt"
printf 'Olaf Scholz sprach in Berlin.\n' | gzip -c >"$bad/packed.txt"
head -c 65536 /dev/urandom | tr -d '\000' >"$bad/noise.html"
ng_run bad ingest --db "$tmp/bad.db" "$bad"
check "bad files: exit 1" test $rc -eq 1
for f in latin1 overlong surrogate fivebyte truncated; do
  check "$f.txt: not valid UTF-8, with the offset" grep -q "$f.txt: not valid UTF-8 at byte offset [0-9]" "$tmp/bad.err"
done
for f in utf16.txt nul-early.txt image.txt program.txt packed.txt paper.txt; do
  check "$f: named as binary or not UTF-8" grep -qE "$f: (binary file|not valid UTF-8)" "$tmp/bad.err"
done
check "NUL after 8 KiB: named with its offset" grep -q "nul-late.txt: NUL byte at offset 9000, not a text file" "$tmp/bad.err"
check "NUL after 8 KiB in HTML: named too" grep -q "nul-late.html: NUL byte at offset 9015, not a text file" "$tmp/bad.err"
check "random bytes as HTML: named as binary" grep -q "noise.html: binary file (.* control bytes in the first 8192), skipped" "$tmp/bad.err"
check "the good file is stored, the 14 others are not" grep -q "ingested 1 new, 0 replaced, 0 unchanged, 14 failed" "$tmp/bad.err"
n=$(grep -c "^newsgraph: .*$bad/" "$tmp/bad.err")
check "one message naming the file per bad file ($n)" test "$n" -eq 14

# --- 2. Odd but readable: empty, blank, BOM only, CR line ends, long lines.
section "2"
odd=$tmp/odd
mkdir -p "$odd"
: >"$odd/empty.txt"
printf '\n\n   \n\t\n' >"$odd/blank.txt"
printf '\xef\xbb\xbf' >"$odd/bom.txt"
printf 'Olaf Scholz sagte:\r\n„Wir helfen.“\r\nLaut Reuters sind es 12.000 Soldaten.\r' >"$odd/crlf.txt"
printf 'Angela Merkel sprach.\rEmmanuel Macron sprach.\r' >"$odd/cr.txt"
printf '<html></html>' >"$odd/empty-page.html"
: >"$odd/zero.html"
printf ' \n ' >"$odd/blank-page.htm"
# 10,000-character names, and one file name as long as the system allows.
python3 - "$odd" <<'PY'
import os, sys
d = sys.argv[1]
long_a = "A" + "a" * 9999
lines = [
    "Präsident %s sagte: „Wir helfen.“" % long_a,
    "Bundeskanzler Olaf %s traf %s in Berlin." % ("Scholz" * 1667, "Ü" + "ü" * 9999),
    "Laut %s sind es 12.000 Soldaten." % "-".join(["Kim"] * 2500),
    "Emmanuel Macron sagte, " + " ".join(["Selenskyj"] * 1200) + " werde siegen.",
]
open(os.path.join(d, "names.txt"), "w").write("\n".join(lines) + "\n")
name = ("böse „Name“ <&> 'x' " * 20)[:240 - 4].encode()[:240].decode("utf-8", "ignore") + ".txt"
open(os.path.join(d, name), "w").write("Olaf Scholz sprach in Berlin.\n")
PY
ng_run odd build --out "$tmp/odd-out" "$odd"
check "odd files: exit 0" test $rc -eq 0
[ $rc -eq 0 ] || cat "$tmp/odd.err"
check "odd files: all 10 stored" grep -qE "^store .*: 10 documents" "$tmp/odd.out"
valid_outputs "$tmp/odd-out" "odd files"

# --- 3. HTML: 100,000 nested divs, broken markup, scripts, entities, CDATA.
section "3"
html=$tmp/html
mkdir -p "$html"
python3 - "$html" <<'PY'
import os, sys
d = sys.argv[1]
w = lambda n, s: open(os.path.join(d, n), "w").write(s)
w("deep.html", "<html><head><title>Tief</title></head><body><p>Olaf Scholz sprach in Berlin.</p>"
  + "<div>" * 100000 + "Angela Merkel sagte: „Tief.“" + "</div>" * 100000 + "</body></html>")
w("deep-unclosed.html", "<html><body>" + "<div><span><b>" * 50000 + "Putin sprach in Moskau.")
w("deep-table.html", "<html><body>" + "<table><tr><td>" * 20000 + "Biden sprach.")
w("broken.html", "<html><body><p>Olaf Scholz <<<>>> sagte <p <p <p: „Ja.“</div></div></span>"
  "<a href=x onclick=alert(1)>Link<p>Laut Reuters sind es 12.000</b></i> Soldaten.<!-- nie geschlossen <p>Ende")
w("script.html", """<!DOCTYPE html><html><head><title>Entit&auml;ten &amp; mehr</title>
<script>var s = "</p><p>Olaf Scholz sagte: Skriptgeheimnis"; document.write('<p>Skriptgeheimnis</p>');</script>
<style>p::after { content: "Stilgeheimnis"; }</style></head><body><article>
<p>Angela Merkel sagte: &#8222;M&uuml;nchen &amp; K&ouml;ln&#x201C; &nbsp;&bogus; &#0; &#xD800; &#1114112; &#x110000;.</p>
<p><![CDATA[Laut Reuters sind es 12.000 Soldaten.]]></p>
<noscript>Noscriptgeheimnis</noscript><template><p>Vorlagengeheimnis</p></template>
<svg><text>Svggeheimnis</text></svg><iframe>Iframegeheimnis</iframe>
<p>Emmanuel Macron sprach in Paris.</p></article></body></html>""")
w("attrs.html", "<html><body><p " + "a='1' " * 20000 + ">Olaf Scholz sprach.</p></body></html>")
w("entities.html", "<html><body><p>" + "&amp;" * 50000 + "&#x1F600;" * 1000 + "</p></body></html>")
w("xml.htm", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
  "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><html><body><p>&c;&c;&c; Olaf Scholz.</p></body></html>")
w("external.html", "<!DOCTYPE html SYSTEM 'file:///etc/passwd'><html><body><p>Olaf Scholz sprach.</p>"
  "<img src='file:///etc/shadow'><p>&xxe;</p></body></html>")
PY
ng_run html build --out "$tmp/html-out" "$html"
no_crash "HTML"
check "HTML: exit 0" test $rc -eq 0
check "HTML: all 9 pages stored" grep -qE "^store .*: 9 documents" "$tmp/html.out"
check "HTML: deep nesting read quickly (${secs}s)" test "${secs%.*}" -lt 30
valid_outputs "$tmp/html-out" "HTML"
for secret in Skriptgeheimnis Stilgeheimnis Noscriptgeheimnis Vorlagengeheimnis Svggeheimnis root:; do
  check "HTML: '$secret' not in the graph" test -z "$(grep -l "$secret" "$tmp/html-out/graph.json")"
done
check "HTML: entities decoded (München & Köln)" grep -q "München & Köln" "$tmp/html-out/graph.json"

# --- 4. Numbers: 10^400, 500 digits, overflowing words; every value finite.
section "4"
num=$tmp/num
mkdir -p "$num"
python3 - "$num" <<'PY'
import os, sys
lines = [
    "Laut Reuters sind es 10^400 Soldaten.",
    "Olaf Scholz sagte, es seien %s Euro." % ("9" * 500),
    "Laut AFP kamen %s Menschen." % (".".join(["999"] * 200)),
    "Nach Angaben der Nato sind es 1e400 oder 1E-400 Panzer.",
    "Emmanuel Macron sprach von %s,%s Tonnen." % ("1" * 300, "9" * 300),
    "Es waren zwischen %s und %s Soldaten." % ("9" * 400, "8" * 400),
    "Mindestens neunhundertneunundneunzigtausendmilliardenbillionentrilliarden Soldaten, sagte Joe Biden.",
    "Rund " + " Milliarden".join(["12"] * 60) + " Euro, sagte Olaf Scholz.",
    "Es sind 0,%s1 Prozent und -0 und 00000000000000000000000000000012 Soldaten." % ("0" * 400),
    "Am 99999999999. Oktober 99999999999 kamen 12.000 Soldaten, so Reuters.",
]
open(os.path.join(sys.argv[1], "numbers.txt"), "w").write("\n".join(lines) + "\n")
PY
ng_run num build --out "$tmp/num-out" "$num"
check "numbers: exit 0" test $rc -eq 0
valid_outputs "$tmp/num-out" "numbers"
python3 - "$tmp/num-out/graph.json" <<'PY'
import json, math, sys
g = json.load(open(sys.argv[1]), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
qs = [n for n in g["nodes"] if n["type"] == "quantity"]
for q in qs:
    for k in ("low", "high"):
        v = q.get(k)
        assert v is None or (isinstance(v, (int, float)) and math.isfinite(v)), (k, v, q["text"])
print("numbers: %d quantities, all finite" % len(qs))
PY
check "numbers: every low/high finite" test $? -eq 0

# --- 5. Every quotation mark and dash in Unicode, in every place.
section "5"
python3 - "$tmp/quotes" <<'PY'
import os, sys, unicodedata
d = sys.argv[1]
os.makedirs(d)
cps = range(0x110000)
quotes = sorted({chr(c) for c in cps if unicodedata.category(chr(c)) in ("Pi", "Pf")} |
                set("\"'\u201e\u201a\u300c\u300d\u300e\u300f\u301d\u301e\u301f\ufe41\ufe42\ufe43\ufe44\uff02\uff07\uff62\uff63\u2e42"))
dashes = sorted({chr(c) for c in cps if unicodedata.category(chr(c)) == "Pd"} | set("\u2212\u00ad\u2043\ufe63\uff0d"))
# One document per opening mark (the extractor is slow on long documents).
lines = 0
for i, q in enumerate(quotes):
    with open(os.path.join(d, "quote-%02d.txt" % i), "w") as f:
        for q2 in quotes:
            f.write("Olaf Scholz sagte: %sWir helfen.%s Laut %sReuters%s sind es 12.000.\n" % (q, q2, q, q2))
            lines += 1
with open(os.path.join(d, "dashes.txt"), "w") as f:
    for d1 in dashes:
        f.write("Kim%sRegime, Selenskyj%sBudanow und US%sPräsident: 11.000%s12.000 Soldaten %s sagte "
                "Boris Pistorius%sder Minister%s in Berlin%s.\n" % ((d1,) * 8))
        lines += 1
print("quotes and dashes: %d quotation marks, %d dashes, %d lines" % (len(quotes), len(dashes), lines))
PY
ng_run quotes build --out "$tmp/quotes-out" "$tmp/quotes"
check "every quote and dash: exit 0" test $rc -eq 0
[ $rc -eq 0 ] || echo "(a crash here is tests/fuzz/regressions/open/hyphen-u2011-compound.txt)"
[ $rc -ne 0 ] || valid_outputs "$tmp/quotes-out" "quotes and dashes" light
# The slow shared checker (Graphviz, graphology) on a sample: each mark once.
mkdir -p "$tmp/quotes-sample"
cp "$tmp/quotes/dashes.txt" "$tmp/quotes-sample/"
for f in "$tmp"/quotes/quote-*.txt; do sed -n '1~7p' "$f"; done >"$tmp/quotes-sample/quotes.txt"
ng_run quotes2 build --out "$tmp/quotes-sample-out" "$tmp/quotes-sample"
[ $rc -ne 0 ] || valid_outputs "$tmp/quotes-sample-out" "quotes and dashes, sample"

# --- 6. No line break: 1 MB of news text is read; 100 MB is refused before
# it is read (NEWSGRAPH_MAX_BYTES, default 8 MiB), and so is /dev/zero.
section "6"
python3 - "$NG_SRC/examples" "$tmp/long" <<'PY'
import glob, os, sys
t = " ".join(open(f).read().replace("\n", " ") for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))))
os.makedirs(sys.argv[2])
n = 1 << 20
open(os.path.join(sys.argv[2], "oneline.txt"), "w").write((t * (n // len(t) + 1))[:n].rsplit(" ", 1)[0])
PY
ng_run long build --out "$tmp/long-out" "$tmp/long"
check "1 MB without a line break: read (${secs}s, ${rss_kb} KB)" test $rc -eq 0
check "1 MB without a line break: under a minute" test "${secs%.*}" -lt 60
[ "$rss_kb" -eq 0 ] || [ "$sanitized" = 1 ] || check "1 MB without a line break: memory under 400 MB" test "$rss_kb" -lt 400000
valid_outputs "$tmp/long-out" "1 MB without a line break" light
head -c $((100 << 20)) /dev/zero | tr '\0' 'x' >"$tmp/huge.txt"
# The baseline: what ingesting a one-line file costs (lexicons, model; more
# under sanitizers).  Refusing 100 MB must not read them: well under baseline + 100 MB.
echo "Ein Satz." >"$tmp/small.txt"
ng_run small ingest --db "$tmp/small.db" "$tmp/small.txt"
base_kb=$rss_kb
ng_run huge ingest --db "$tmp/huge.db" "$tmp/huge.txt"
check "100 MB without a line break: refused with a message (${secs}s, ${rss_kb} KB)" \
  grep -q "huge.txt: too large (more than 8388608 bytes; set NEWSGRAPH_MAX_BYTES to read it), skipped" "$tmp/huge.err"
check "100 MB: exit 1" test $rc -eq 1
[ "$rss_kb" -eq 0 ] || check "100 MB: memory stays small (${rss_kb} KB, a one-line file ${base_kb} KB)" \
  test "$rss_kb" -lt $((base_kb + 30000))
cat "$tmp/huge.txt" | { ng_run hugein ingest --db "$tmp/huge.db" -; echo "$rc" >"$tmp/hugein.rc"; }
check "100 MB on standard input: refused" grep -q "standard input: too large" "$tmp/hugein.err"
ng_run zero ingest --db "$tmp/huge.db" /dev/zero
check "/dev/zero: refused, not read forever" grep -q "/dev/zero: too large" "$tmp/zero.err"
rm -f "$tmp/huge.txt"
if [ "$slow" = 1 ]; then
  # The whole 100 MB, read: sentences with names and numbers, no line break.
  # (Not one 100 MB sentence: the extractor is quadratic in a sentence's length.)
  python3 -c "
import sys
s = 'Der Bundeskanzler Olaf Scholz und die Ministerin waren in Berlin bei zwölftausend Soldaten. '
n = 100 << 20
sys.stdout.write((s * (n // len(s) + 1))[:n])" >"$tmp/huge.txt"
  NEWSGRAPH_MAX_BYTES=$((200 << 20)) ng_run hugeread ingest --db "$tmp/hugeread.db" "$tmp/huge.txt"
  check "NG_SLOW: 100 MB without a line break read (${secs}s, ${rss_kb} KB)" test $rc -eq 0
  rm -f "$tmp/huge.txt"
fi

# --- 7. Very many tiny files: 20,000 (5,000 under sanitizers, 1,000,000
# with NG_SLOW=1, or NG_MANY), in 100 folders.  docs-reliability.md has the
# figures of 100,000 and 1,000,000.
section "7"
many=20000
[ "$sanitized" = 1 ] && many=5000
[ "$slow" = 1 ] && many=1000000
many=${NG_MANY:-$many}
# The files go to /dev/shm when there is one: creating 100,000 inodes on a
# slow disk would measure the disk, not newsgraph.
manydir=$(mktemp -d /dev/shm/ngmany-XXXXXX 2>/dev/null || mktemp -d "$tmp/many-XXXXXX")
trap 'rm -rf "$tmp" "$manydir"' EXIT
python3 - "$manydir" "$many" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for k in range(100):
    os.makedirs(os.path.join(d, "%02d" % k))
for i in range(n):
    with open(os.path.join(d, "%02d" % (i % 100), "t%07d.txt" % i), "w") as f:
        f.write("Meldung %d: Olaf Scholz sprach in Berlin.\n" % i)
PY
ng_run many ingest --db "$tmp/many.db" "$manydir"
check "$many tiny files: all ingested (${secs}s, ${rss_kb} KB)" grep -q "ingested $many new, 0 replaced, 0 unchanged, 0 failed" "$tmp/many.err"
[ "$rss_kb" -eq 0 ] || [ "$sanitized" = 1 ] || check "$many tiny files: memory under 1 GB" test "$rss_kb" -lt 1000000
echo "figures: $many tiny files in ${secs}s, peak ${rss_kb} KB"
ng_run many2 ingest --db "$tmp/many.db" "$manydir"
check "$many tiny files again: all unchanged (${secs}s)" grep -q "ingested 0 new, 0 replaced, $many unchanged" "$tmp/many2.err"
rm -rf "$manydir"
section "check-graph-files"
if [ ${#checker_files[@]} -gt 0 ]; then
  "$NG_SHARED/tools/check-graph-files" "${checker_files[@]}" >"$tmp/checker.log" 2>&1
  r=$?
  [ $r -eq 0 ] || grep -v "^ok" "$tmp/checker.log"
  check "check-graph-files passes on the outputs of odd files, HTML, numbers, quotes and dashes (${#checker_files[@]} files)" test $r -eq 0
fi
section end
finish
