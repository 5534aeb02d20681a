#!/usr/bin/env python3
"""Generate data/lexicon/clubs.tsv: sports clubs as organisations.

Sources (provenance in data/lexicon/SOURCE-actors.md):
  * data/lexicon/sources/openfootball-clubs.tsv: the football clubs of the
    public-domain dataset openfootball/clubs, one club a line:
        country_code<TAB>canonical<TAB>variants ('|'-separated)
  * data/lexicon/sources/league-teams.tsv: written by hand, the teams of the
    four North American major leagues and of the German top leagues in ice
    hockey, basketball and handball (same layout, league instead of country).

A name that could mean something else is left out, because the lexicon is
matched without context and an organisation outranks a place:
  * a name the other lexicons already hold (country, place, organisation,
    outlet: "Liverpool", "Bayern", "Everton" stays the place);
  * a single word from openfootball (mostly the club's town: "Parma"), and
    any single word that is an ordinary German or English word in any case
    ("Arsenal", "Eintracht", "Heat") or a given name ("Hertha", "Fortuna");
  * a name whose words are all ordinary words ("Red Wings", "Real Madrid"
    stays since "Madrid" is not one), or that has fewer than 3 letters;
  * a name two clubs share ("Dynamo", "Sporting"): it says neither.
A club keeps its canonical name when that passes, else its first variant that
does; a club with no name left is dropped.

Output (the organisations format, read by src/lexicon/lexicon.c):
    organization<TAB>canonical<TAB>aliases<TAB><TAB>
Standard library only; deterministic.

Usage: python3 scripts/make-clubs.py [--output F] [--check]
"""

import argparse
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LEX = os.path.join(ROOT, "data", "lexicon")
# (file, whether a one-word name may stay): openfootball's one-word variants are
# mostly the club's town ("Parma", "Ipswich", "Genk"), which no lexicon here can
# tell from the club; the league file's are nicknames ("Blackhawks", "76ers").
SOURCES = [(os.path.join(LEX, "sources", "openfootball-clubs.tsv"), False),
           (os.path.join(LEX, "sources", "league-teams.tsv"), True)]
OTHER_LEXICONS = ["countries.tsv", "places.tsv", "organizations.tsv", "companies.tsv", "media.tsv"]
WORDLISTS = ["/usr/share/dict/ngerman", "/usr/share/dict/american-english"]


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def latin(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def load_exonyms():
    """Foreign spelling -> German name of the places lexicon ("Torino" -> "Turin")."""
    ex = {}
    for c in rows(os.path.join(LEX, "places.tsv")):
        for a in c[2].split("|"):
            if a.strip() and " " not in a.strip():
                ex.setdefault(a.strip(), c[1].strip())
    return ex


def label_first(keep, exonyms):
    """Moves to the front the form of the club's first name that German news uses, when
    the club lists it too: with German place names ("Juventus Torino" -> "Juventus Turin",
    "FC Dynamo Kyiv" -> "FC Dynamo Kiew"), without an English trailing "FC"
    ("Manchester United FC" -> "Manchester United")."""
    g = " ".join(exonyms.get(w, w) for w in keep[0].split())
    if g.endswith(" FC") and g[:-3] in keep:
        g = g[:-3]
    if g != keep[0] and g in keep:
        keep.remove(g)
        keep.insert(0, g)
    return keep


def load_known():
    names = set()
    for f in OTHER_LEXICONS:
        for c in rows(os.path.join(LEX, f)):
            names.add(c[1].strip())
            names.update(a.strip() for a in c[2].split("|") if a.strip())
    # Any entry, folded, for single words; only the entries written in lower
    # case (ordinary words, not the lists' own proper names) for multi-word names.
    words, common = set(), set()
    for f in WORDLISTS:
        with open(f, encoding="utf-8") as fh:
            for w in fh:
                w = w.strip()
                words.add(w.lower())
                if w[:1].islower():
                    common.add(w)
    given = set()
    with open(os.path.join(LEX, "given_names.txt"), encoding="utf-8") as fh:
        for line in fh:
            w = line.split("\t")[0].strip()
            if w and not w.startswith("#"):
                given.add(w)
    return names, words, common, given


def usable(name, single, known, words, common, given):
    parts = name.split()
    if len(parts) == 1 and not single:
        return False
    letters = sum(ch.isalpha() for ch in name)
    if letters < 3 or not latin(name) or name in known:
        return False
    if len(parts) == 1 and (name.lower() in words or name in given):
        return False
    return not all(p.lower().strip(".") in common for p in parts)


def build():
    known, words, common, given = load_known()
    exonyms = load_exonyms()
    clubs = []
    for path, single in SOURCES:
        for c in rows(path):
            names = [c[1].strip()] + [v.strip() for v in (c[2] if len(c) > 2 else "").split("|")]
            clubs.append((single, [n for n in dict.fromkeys(names) if n]))
    count = {}
    for _, names in clubs:
        for n in names:
            count[n] = count.get(n, 0) + 1
    out, taken = [], set()
    for single, names in clubs:
        keep = [n for n in names if count[n] == 1 and n not in taken
                and usable(n, single, known, words, common, given)]
        if not keep:
            continue
        taken.update(keep)
        keep = label_first(keep, exonyms)
        out.append("organization\t%s\t%s\t\t" % (keep[0], "|".join(keep[1:])))
    head = ["# newsgraph lexicon: sports clubs (organisations). GENERATED by scripts/make-clubs.py;",
            "# do not edit: edit data/lexicon/sources/*.tsv and regenerate. Format as organizations.tsv;",
            "# provenance and filters: SOURCE-actors.md."]
    return "\n".join(head + sorted(out, key=lambda l: l.split("\t")[1].casefold())) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", default=os.path.join(LEX, "clubs.tsv"))
    ap.add_argument("--check", action="store_true", help="fail if the output would change")
    a = ap.parse_args()
    text = build()
    if a.check:
        with open(a.output, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("%s is not what scripts/make-clubs.py generates" % a.output)
        return
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s: %d clubs" % (a.output, text.count("\norganization")), file=sys.stderr)


if __name__ == "__main__":
    main()
