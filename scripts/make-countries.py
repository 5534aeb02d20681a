#!/usr/bin/env python3
"""Generate data/lexicon/countries.tsv for newsgraph.

Sources (see data/lexicon/SOURCE-geo.md):
  * Debian iso-codes: the ISO 3166-1 JSON file (codes, English short, official
    and common names) and the German gettext catalogue iso_3166-1.mo
    (English -> German).  The .mo file is read with the standard library's
    gettext module, so msgunfmt is not needed.
  * data/lexicon/countries-supplement.tsv: hand-written adjectives, demonyms
    and extra aliases, keyed by the canonical German name.

Output: one line per sovereign state (193 UN members, the Holy See/Vatican,
Palestine, Taiwan and Kosovo), sorted by canonical name:

    country<TAB>canonical<TAB>aliases<TAB>adjectives<TAB>demonyms

Standard library only; deterministic (same inputs give the same bytes).

Usage: python3 scripts/make-countries.py [--iso-json F] [--iso-mo F]
           [--supplement F] [--output F] [--check]
"""

import argparse
import gettext
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

DEFAULT_ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_ISO_MO = "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"
DEFAULT_SUPPLEMENT = os.path.join(ROOT, "data", "lexicon", "countries-supplement.tsv")
DEFAULT_OUTPUT = os.path.join(ROOT, "data", "lexicon", "countries.tsv")

# The sovereign states among the ISO 3166-1 entries, by alpha-2 code.
# Value None: the canonical name is the German common name from iso-codes
# (or, without one, the German short name).  A string overrides it with the
# short name German news uses; the iso-codes names then become aliases.
# Everything else in ISO 3166-1 (dependencies, overseas territories,
# Antarctica, Western Sahara, Cook Islands, Niue, ...) is not a state here.
SOVEREIGN = {
    "AD": None, "AE": None, "AF": None, "AG": None, "AL": None, "AM": None,
    "AO": None, "AR": None, "AT": None, "AU": None, "AZ": None, "BA": None,
    "BB": None, "BD": None, "BE": None, "BF": None, "BG": None, "BH": None,
    "BI": None, "BJ": None, "BN": "Brunei", "BO": None, "BR": None,
    "BS": None, "BT": None, "BW": None, "BY": None, "BZ": None, "CA": None,
    "CD": None, "CF": None, "CG": "Republik Kongo", "CH": None,
    "CI": "Elfenbeinküste", "CL": None, "CM": None, "CN": None, "CO": None,
    "CR": None, "CU": None, "CV": None, "CY": None, "CZ": None, "DE": None,
    "DJ": None, "DK": None, "DM": None, "DO": None, "DZ": None, "EC": None,
    "EE": None, "EG": None, "ER": None, "ES": None, "ET": None, "FI": None,
    "FJ": None, "FM": "Mikronesien", "FR": None, "GA": None, "GB": None,
    "GD": None, "GE": None, "GH": None, "GM": None, "GN": None, "GQ": None,
    "GR": None, "GT": None, "GW": None, "GY": None, "HN": None, "HR": None,
    "HT": None, "HU": None, "ID": None, "IE": None, "IL": None, "IN": None,
    "IQ": None, "IR": None, "IS": None, "IT": None, "JM": None, "JO": None,
    "JP": None, "KE": None, "KG": None, "KH": None, "KI": None, "KM": None,
    "KN": None, "KP": None, "KR": None, "KW": None, "KZ": None, "LA": None,
    "LB": None, "LC": None, "LI": None, "LK": None, "LR": None, "LS": None,
    "LT": None, "LU": None, "LV": None, "LY": None, "MA": None, "MC": None,
    "MD": None, "ME": None, "MG": None, "MH": None, "MK": None, "ML": None,
    "MM": None, "MN": None, "MR": None, "MT": None, "MU": None, "MV": None,
    "MW": None, "MX": None, "MY": None, "MZ": None, "NA": None, "NE": None,
    "NG": None, "NI": None, "NL": None, "NO": None, "NP": None, "NR": None,
    "NZ": None, "OM": None, "PA": None, "PE": None, "PG": None, "PH": None,
    "PK": None, "PL": None, "PS": "Palästina", "PT": None, "PW": None,
    "PY": None, "QA": None, "RO": None, "RS": None, "RU": "Russland",
    "RW": None, "SA": None, "SB": "Salomonen", "SC": None, "SD": None,
    "SE": None, "SG": None, "SI": None, "SK": None, "SL": None, "SM": None,
    "SN": None, "SO": None, "SR": None, "SS": None, "ST": None, "SV": None,
    "SY": None, "SZ": None, "TD": None, "TG": None, "TH": None, "TJ": None,
    "TL": "Osttimor", "TM": None, "TN": None, "TO": None, "TR": None,
    "TT": None, "TV": None, "TW": None, "TZ": None, "UA": None, "UG": None,
    "US": None, "UY": None, "UZ": None, "VA": "Vatikan", "VC": None,
    "VE": None, "VN": None, "VU": None, "WS": None, "YE": None, "ZA": None,
    "ZM": None, "ZW": None,
}

# Not in ISO 3166-1 (user-assigned code XK); taken from the supplement as is.
NON_ISO_STATES = {"Kosovo"}

# Names from iso-codes that must not become aliases because they equal an
# ordinary word, a person's name or another entity in places.tsv.
DROP_ALIASES = {
    "Georgien": {"Georgia"},    # US state Georgia (places.tsv)
    "Jordanien": {"Jordan"},    # river Jordan (places.tsv)
    "Tschad": {"Chad"},         # given name
}

EXPECTED_STATES = 197  # 193 UN members + Vatican + Palestine + Taiwan + Kosovo

COLUMNS = 5

# Comment lines in the supplement that belong to the entry below them and
# are copied into the output above that entry.
NOTE_PREFIXES = ("# ambiguous:", "# note:")


def iso_codes_version():
    """Version of the installed iso-codes package, for the header."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            check=True, capture_output=True, text=True).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def sort_key(name):
    """Locale-independent German-ish sort: umlauts as base letters."""
    base = unicodedata.normalize("NFD", name)
    base = "".join(c for c in base if not unicodedata.combining(c))
    base = base.replace("ß", "ss")
    return (base.casefold(), name)


def split_names(name):
    """'Heiliger Stuhl (Staat Vatikanstadt)' -> both parts; else [name]."""
    if "(" in name and name.endswith(")"):
        head, _, rest = name.partition("(")
        return [head.strip(), rest[:-1].strip()]
    return [name.strip()]


def clean_english(name):
    """English iso names: drop a leading 'the'; skip inverted 'X, Y of' forms."""
    if name.startswith("the "):
        name = name[4:]
    if "," in name:
        return []
    return split_names(name)


def add_unique(lst, items, exclude=()):
    for it in items:
        it = it.strip()
        if it and it not in lst and it not in exclude:
            lst.append(it)


def read_supplement(path):
    """Return {canonical: (aliases, adjectives, demonyms, notes)} in file order."""
    entries = {}
    notes = []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith(NOTE_PREFIXES):
                notes.append(line)
                continue
            if not line.strip() or line.startswith("#"):
                notes = []
                continue
            cols = line.split("\t")
            if len(cols) != COLUMNS:
                sys.exit("%s:%d: expected %d columns, got %d"
                         % (path, lineno, COLUMNS, len(cols)))
            typ, canon, aliases, adjs, dems = cols
            if typ != "country":
                sys.exit("%s:%d: type must be 'country'" % (path, lineno))
            if canon in entries:
                sys.exit("%s:%d: duplicate entry %r" % (path, lineno, canon))
            split = lambda s: [x for x in s.split("|") if x]
            entries[canon] = (split(aliases), split(adjs), split(dems), notes)
            notes = []
    return entries


def build(iso_json, iso_mo, supplement_path):
    with open(iso_json, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(iso_mo, "rb") as f:
        de = gettext.GNUTranslations(f)

    def tr(msgid):
        if not msgid:
            return ""
        return de.gettext(msgid)  # falls back to the English msgid

    supplement = read_supplement(supplement_path)
    by_code = {e["alpha_2"]: e for e in iso}
    missing = sorted(set(SOVEREIGN) - set(by_code))
    if missing:
        sys.exit("iso-codes lacks expected codes: %s" % ", ".join(missing))

    states = {}
    for code in sorted(SOVEREIGN):
        e = by_code[code]
        de_short = tr(e["name"])
        de_official = tr(e.get("official_name", ""))
        de_common = tr(e.get("common_name", ""))
        canon = SOVEREIGN[code] or de_common or de_short
        names = []
        for n in (de_short, de_official, de_common):
            if n:
                add_unique(names, split_names(n))
        for n in (e["name"], e.get("official_name", ""), e.get("common_name", "")):
            if n:
                add_unique(names, clean_english(n))
        if canon in states:
            sys.exit("two ISO codes map to canonical %r" % canon)
        states[canon] = {"code": code, "iso_names": names}

    for canon in NON_ISO_STATES:
        if canon in states:
            sys.exit("%r is both in iso-codes and NON_ISO_STATES" % canon)
        states[canon] = {"code": None, "iso_names": []}

    unknown = sorted(set(supplement) - set(states))
    if unknown:
        sys.exit("supplement entries that are not states: %s" % ", ".join(unknown))
    lacking = sorted(c for c in states if c not in supplement)
    if lacking:
        sys.exit("states without a supplement entry: %s" % ", ".join(lacking))

    rows = []
    for canon, st in states.items():
        s_aliases, adjs, dems, notes = supplement[canon]
        drop = DROP_ALIASES.get(canon, set()) | {canon}
        aliases = []
        add_unique(aliases, st["iso_names"], drop)
        add_unique(aliases, s_aliases, drop)
        if not dems:
            # The loader looks only at the comment line directly above an
            # entry, so editorial notes go first and "# ambiguous:" stays last.
            notes = ["# note: %s: no adjective/demonym of its own (see SOURCE-geo.md)." % canon] + notes
        for field in aliases + adjs + dems:
            if "\t" in field or "|" in field or field != field.strip():
                sys.exit("bad field %r in %r" % (field, canon))
        for a in adjs:
            if a != a.lower():
                sys.exit("adjective stem not lowercase: %r (%s)" % (a, canon))
        rows.append((canon, aliases, adjs, dems, notes))

    if len(rows) != EXPECTED_STATES:
        sys.exit("expected %d states, got %d" % (EXPECTED_STATES, len(rows)))
    rows.sort(key=lambda r: sort_key(r[0]))

    # No alias may name two different states.
    seen = {}
    for canon, aliases, _, _, _ in rows:
        for name in [canon] + aliases:
            if name in seen and seen[name] != canon:
                sys.exit("name %r used by %r and %r" % (name, seen[name], canon))
            seen[name] = canon
    return rows


def render(rows, version):
    out = [
        "# countries.tsv -- GENERATED by scripts/make-countries.py; do not edit by hand.",
        "# Edit data/lexicon/countries-supplement.tsv or the script and regenerate.",
        "# Sources: Debian iso-codes %s (ISO 3166-1 names, German translations; LGPL-2.1+)" % version,
        "#          + data/lexicon/countries-supplement.tsv (hand-written). See SOURCE-geo.md.",
        "# Format: type<TAB>canonical<TAB>aliases<TAB>adjectives<TAB>demonyms",
        "# %d sovereign states (193 UN members, Vatican/Holy See, Palestine, Taiwan, Kosovo)." % len(rows),
        "",
    ]
    for canon, aliases, adjs, dems, notes in rows:
        out.extend(notes)
        out.append("\t".join(["country", canon, "|".join(aliases),
                              "|".join(adjs), "|".join(dems)]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso-json", default=DEFAULT_ISO_JSON)
    ap.add_argument("--iso-mo", default=DEFAULT_ISO_MO)
    ap.add_argument("--supplement", default=DEFAULT_SUPPLEMENT)
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--iso-version", default=None,
                    help="iso-codes version for the header (default: ask dpkg)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the output file is out of date")
    args = ap.parse_args()

    rows = build(args.iso_json, args.iso_mo, args.supplement)
    text = render(rows, args.iso_version or iso_codes_version())
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print("%s is out of date; run scripts/make-countries.py" % args.output,
                  file=sys.stderr)
            return 1
        return 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d states)" % (args.output, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
