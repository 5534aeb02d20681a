# Generated lexicons match their inputs: data/lexicon/clubs.tsv is what
# scripts/make-clubs.py makes of data/lexicon/sources/ and the word lists;
# no club or company takes a name of a place or country (an organisation
# outranks a place when the lexicon is matched).
. "$(dirname "$0")/../support/cli-lib.sh"
for f in /usr/share/dict/ngerman /usr/share/dict/american-english; do
  [ -r "$f" ] || { echo "SKIP: $f is absent (scripts/setup.sh installs it)"; exit 77; }
done
python3 "$NG_SRC/scripts/make-clubs.py" --check 2>"$tmp/clubs.err"
check "clubs.tsv is what make-clubs.py generates" test $? -eq 0
python3 "$NG_SRC/scripts/make-clubs.py" --output "$tmp/clubs.tsv" 2>/dev/null
check "no club or company name is also a place or country name" python3 - "$tmp/clubs.tsv" "$NG_SRC/data/lexicon" <<'PY'
import sys, os
names = set()
for f in ("countries.tsv", "places.tsv"):
    for l in open(os.path.join(sys.argv[2], f), encoding="utf-8"):
        c = l.rstrip("\n").split("\t")
        if l.startswith("#") or len(c) < 3:
            continue
        names.update([c[1]] + [a for a in c[2].split("|") if a])
bad = []
for path in (sys.argv[1], os.path.join(sys.argv[2], "companies.tsv")):
    for l in open(path, encoding="utf-8"):
        c = l.rstrip("\n").split("\t")
        if l.startswith("#") or not l.strip():
            continue
        assert len(c) == 5, l
        bad += [n for n in [c[1]] + [a for a in c[2].split("|") if a] if n in names]
print(bad[:10])
sys.exit(1 if bad else 0)
PY
finish
