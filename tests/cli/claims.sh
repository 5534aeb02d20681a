# newsgraph claims: on examples/ (every format parses, order, filters, the
# table fits 120 columns and is aligned), and on a small corpus written here
# whose two reports give different numbers of North Korean soldiers.
. "$(dirname "$0")/../support/cli-lib.sh"
out=$tmp/out
"$NG" build --out "$out" "$NG_SRC/examples" >"$tmp/build.log" 2>&1
check "examples build" test $? -eq 0
db=$out/newsgraph.db

# --help names every option; usage errors exit 2.
"$NG" claims --help >"$tmp/help" 2>&1
check "claims --help exits 0" test $? -eq 0
for o in --db --about --by --numbers --conflicts --doc --stance --format --help; do
  check "--help describes $o" grep -q -- "^  $o" "$tmp/help"
done
check "--help explains overlapping and disjoint" grep -q "disjoint" "$tmp/help"
check "claims is listed among the commands" sh -c '"$1" --help | grep -q "^  claims "' sh "$NG"
"$NG" claims --format xml --db "$db" >/dev/null 2>"$tmp/err"
check "unknown format exits 2" test $? -eq 2
"$NG" claims --stance maybe --db "$db" >/dev/null 2>&1
check "unknown stance exits 2" test $? -eq 2
"$NG" claims extra --db "$db" >/dev/null 2>&1
check "an argument exits 2" test $? -eq 2
"$NG" claims --bogus --db "$db" >/dev/null 2>&1
check "an unknown option exits 2" test $? -eq 2
"$NG" claims --db "$tmp/none.db" >/dev/null 2>&1
check "missing store exits 1" test $? -eq 1
"$NG" claims --about Atlantis --db "$db" >/dev/null 2>"$tmp/err"
check "unknown entity exits 1" test $? -eq 1
check "unknown entity is named" grep -q "Atlantis" "$tmp/err"
"$NG" claims --doc no-such-doc --db "$db" >/dev/null 2>"$tmp/err"
check "unknown document exits 1" test $? -eq 1

# Every format parses; the same claims in each; order by document, then offset.
for mode in "" "--numbers" "--conflicts" "--by Scholz" "--about Nordkorea" "--stance deny"; do
  # shellcheck disable=SC2086
  "$NG" claims $mode --db "$db" --format json >"$tmp/c.json" 2>"$tmp/err"
  check "claims $mode --format json exits 0" test $? -eq 0
  # shellcheck disable=SC2086
  "$NG" claims $mode --db "$db" --format csv >"$tmp/c.csv" 2>>"$tmp/err"
  check "claims $mode --format csv exits 0" test $? -eq 0
  # shellcheck disable=SC2086
  "$NG" claims $mode --db "$db" >"$tmp/c.txt" 2>>"$tmp/err"
  check "claims $mode (table) exits 0" test $? -eq 0
  check "claims $mode: json and csv parse and agree" python3 - "$tmp/c.json" "$tmp/c.csv" "$mode" <<'PY'
import csv, json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(data, list), type(data)
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    raw = f.read()
assert raw == "" or raw.endswith("\r\n"), "CSV lines end with CRLF"
rows = list(csv.reader(raw.splitlines(keepends=True), strict=True))
head, rows = rows[0], rows[1:]
assert all(len(r) == len(head) for r in rows), "ragged CSV"
mode = sys.argv[3]
if mode == "--conflicts":
    n = sum(len(v["statements"]) for g in data for v in g["values"])
    assert len(rows) == n, (len(rows), n)
    for g in data:
        assert g["distinct_values"] == len(g["values"]) >= 2, g
        assert g["relation"] in ("overlapping", "partly overlapping", "disjoint"), g
    keys = [(-g["distinct_values"], g["unit"], ", ".join(o["label"] for o in g["owners"])) for g in data]
    assert keys == sorted(keys), keys
else:
    assert len(rows) == len(data), (len(rows), len(data))
    assert data, "no claims"
    assert [r[head.index("id")] for r in rows] == [o["id"] for o in data]
    order = [(o["doc"], o["start"]) for o in data]
    assert order == sorted(order), "not by document, then offset"
    for o in data:
        assert set(o) >= {"id", "doc", "title", "speakers", "outlets", "stance", "hedged", "date",
                          "numbers", "start", "end", "text"}, o.keys()
        assert o["stance"] in ("assert", "deny")
        for q in o["numbers"]:
            assert set(q) >= {"text", "low", "high", "qualifier", "unit", "owners"}, q
    # CSV carries whole texts; JSON too (the table shortens them)
    assert [r[head.index("text")] for r in rows] == [o["text"] for o in data]
    if mode == "--numbers":
        assert all(o["numbers"] for o in data)
    if mode == "--stance deny":
        assert all(o["stance"] == "deny" for o in data)
    if mode == "--by Scholz":
        assert all(any(s["label"] == "Olaf Scholz" for s in o["speakers"] + o["outlets"]) for o in data)
    if mode == "--about Nordkorea":
        # the number 'bis zu 10.000' is Nordkorea's
        assert any(any(w["label"] == "Nordkorea" for q in o["numbers"] for w in q["owners"]) for o in data)
PY
  check "claims $mode: table fits 120 columns and is aligned" python3 - "$tmp/c.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "empty"
assert max(len(l) for l in lines) <= 120, max(len(l) for l in lines)
starts = None
for l in lines:
    if not l.startswith("  "):
        continue  # a document or conflict group line
    if l.split()[0] in ("#", "value"):
        # a header: columns start where a word follows two spaces ("#" is
        # right-aligned: its numbers end where it does)
        starts = [i for i in range(2, len(l)) if l[i] != " " and l[i - 2:i] == "  " and l[i] != "#"]
        ends = [i for i in range(len(l)) if l[i] == "#"]
        continue
    assert starts, "a row before its header: " + l
    for c in starts:
        assert len(l) >= c and l[c - 2:c] == "  ", (l, c)
    for e in ends:
        assert l[e].isdigit() and (e + 1 == len(l) or l[e + 1] == " "), (l, e)
PY
done
"$NG" claims --by "Associated Press" --db "$db" >"$tmp/ap" 2>&1
check "--by an outlet lists what it carried" grep -q "Associated Press" "$tmp/ap"
"$NG" claims --doc 2024-10-nordkoreanische-soldaten-russland --numbers --db "$db" >"$tmp/doc" 2>&1
check "--doc keeps one document" test "$(grep -c '^[^ ].* — ' "$tmp/doc")" -eq 1

# A corpus with a conflict (texts written for this test).
mkdir -p "$tmp/conf"
cat >"$tmp/conf/2024-10-pentagon.txt" <<'TXT'
Pentagon: Nordkoreanische Truppen in Russland

Laut dem Pentagon sind rund 10.000 nordkoreanische Soldaten in Russland. Ein Sprecher sagte, die Truppen würden im Osten des Landes ausgebildet.
TXT
cat >"$tmp/conf/2024-11-kiew.txt" <<'TXT'
Kiew nennt eine höhere Zahl

Der ukrainische Geheimdienst sprach von 12.000 Soldaten aus Nordkorea. Der Kreml wies die Berichte zurück.
TXT
"$NG" build --out "$tmp/confout" "$tmp/conf" >/dev/null 2>&1
check "conflict corpus builds" test $? -eq 0
cdb=$tmp/confout/newsgraph.db
"$NG" claims --conflicts --db "$cdb" >"$tmp/conf.txt" 2>&1
check "--conflicts exits 0" test $? -eq 0
check "the conflict is Soldat of Nordkorea, disjoint" grep -q "^Soldat of Nordkorea: 2 different values, disjoint" "$tmp/conf.txt"
check "... with the Pentagon's value" grep -qE "^  10000 \(approx\) +Pentagon .*2024-10-pentagon" "$tmp/conf.txt"
check "... and the intelligence service's" grep -qE "^  12000 \(exact\) +ukrainische.*Geheimdienst .*2024-11-kiew" "$tmp/conf.txt"
"$NG" claims --conflicts --format json --db "$cdb" >"$tmp/conf.json"
check "--conflicts json: one group, both speakers" python3 - "$tmp/conf.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(d) == 1, d
g = d[0]
assert g["unit"] == "Soldat" and [o["label"] for o in g["owners"]] == ["Nordkorea"], g
assert [(v["low"], v["high"]) for v in g["values"]] == [(10000, 10000), (12000, 12000)], g["values"]
who = [s["speakers"][0]["label"] for v in g["values"] for s in v["statements"]]
assert who[0] == "Pentagon" and "Geheimdienst" in who[1], who
assert g["relation"] == "disjoint"
PY
"$NG" claims --conflicts --about nordkorea --db "$cdb" >"$tmp/conf2.txt" 2>&1
check "--conflicts --about nordkorea finds it too" grep -q "^Soldat of Nordkorea" "$tmp/conf2.txt"
"$NG" claims --conflicts --by Pentagon --db "$cdb" >"$tmp/conf3.txt" 2>&1
check "--conflicts --by one speaker finds none" grep -q "^no conflicting numbers" "$tmp/conf3.txt"
"$NG" claims --numbers --by Pentagon --db "$cdb" >"$tmp/pent.txt" 2>&1
check "--by Pentagon lists its claim with the number" grep -q "rund 10.000 nordkoreanische" "$tmp/pent.txt"
check "... and only that one" grep -q "^1 claim in 1 document" "$tmp/pent.txt"
"$NG" claims --stance deny --db "$cdb" --format csv >"$tmp/deny.csv"
check "--stance deny keeps the Kremlin's denial" python3 - "$tmp/deny.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 1 and rows[0]["speakers"] == "Kreml" and rows[0]["stance"] == "deny", rows
PY

# Ambiguous names fail and list the candidates (texts written for this test).
mkdir -p "$tmp/kims"
cat >"$tmp/kims/2024-03-kim-manoever.txt" <<'TXT'
Kim besucht Manöver

Pjöngjang – Machthaber Kim Jong-un hat ein Manöver der Artillerie besucht. Kim sagte, die Armee müsse jederzeit bereit sein.
TXT
cat >"$tmp/kims/2024-04-kim-yo-jong.txt" <<'TXT'
Kim Yo-jong droht Seoul

Pjöngjang – Kim Yo-jong, die Schwester des Machthabers, hat Südkorea gedroht. Kim erklärte, Seoul werde für Flugblätter bezahlen.
TXT
"$NG" build --out "$tmp/kimout" "$tmp/kims" >/dev/null 2>&1
"$NG" claims --by Kim --db "$tmp/kimout/newsgraph.db" >/dev/null 2>"$tmp/amb.err"
rc=$?
if grep -q "ambiguous" "$tmp/amb.err"; then
  check "ambiguous --by exits 1" test $rc -eq 1
  check "... and lists the candidates" grep -q "Kim Yo-jong" "$tmp/amb.err"
else
  check "--by Kim resolves or fails clearly" test $rc -eq 0 -o $rc -eq 1
fi
"$NG" claims --by "kim yo-jong" --db "$tmp/kimout/newsgraph.db" >/dev/null 2>&1
check "a full name, any case, is not ambiguous" test $? -eq 0
finish
