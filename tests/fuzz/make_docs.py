#!/usr/bin/env python3
"""Writes N small German news documents from templates (deterministic):

  make_docs.py DIR N [--seed S] [--prefix P]

Files are DIR/<P><number>.txt, UTF-8 in NFC with LF line ends, so a stored
document's sha256 is the file's.  Used by the kill, concurrency and store
fault tests; the names, places and numbers come from the lexicons' world."""
import argparse
import os
import random

PEOPLE = [("Bundeskanzler", "Olaf Scholz"), ("Außenministerin", "Annalena Baerbock"),
          ("Präsident", "Wolodymyr Selenskyj"), ("Präsident", "Emmanuel Macron"),
          ("US-Präsident", "Joe Biden"), ("Kreml-Sprecher", "Dmitri Peskow"),
          ("Nato-Generalsekretär", "Jens Stoltenberg"), ("Verteidigungsminister", "Boris Pistorius"),
          ("UN-Generalsekretär", "António Guterres"), ("Präsident", "Recep Tayyip Erdoğan")]
PLACES = ["Berlin", "Kiew", "Paris", "Washington", "Moskau", "Brüssel", "Warschau", "Ankara", "Vilnius", "Odessa"]
COUNTRIES = ["Russland", "die Ukraine", "Deutschland", "Frankreich", "Polen", "die Türkei", "China"]
UNITS = ["Soldaten", "Panzer", "Flüchtlinge", "Tonnen Getreide", "Millionen Euro"]
QUAL = ["rund", "mindestens", "etwa", "mehr als", "bis zu", ""]
OUTLETS = ["Reuters", "die Nachrichtenagentur dpa", "AFP", "die „New York Times“"]
TOPICS = ["die Lage an der Front", "neue Sanktionen", "das Getreideabkommen", "die Hilfe für die Ukraine",
          "die Sicherheit in Europa", "die Lieferung von Waffen"]


def number(r):
    n = r.choice([120, 1500, 3000, 12000, 40000, 250000])
    s = "{:,}".format(n).replace(",", ".")
    return s if r.random() < 0.8 else "zwischen %s und %s" % (s, "{:,}".format(n * 2).replace(",", "."))


def document(r, i):
    role, name = r.choice(PEOPLE)
    role2, name2 = r.choice(PEOPLE)
    place, place2 = r.sample(PLACES, 2)
    topic = r.choice(TOPICS)
    head = "%s: %s spricht über %s (%d)" % (place, name.split()[-1], topic, i)
    lines = [head]
    lines.append("%s – %s %s hat am %d. Oktober in %s über %s gesprochen. „Wir werden %s nicht allein lassen“, "
                 "sagte %s." % (place, role, name, 1 + i % 28, place, topic, r.choice(COUNTRIES),
                                name.split()[-1]))
    lines.append("Nach Angaben von %s wurden %s %s %s nach %s gebracht." % (
        r.choice(OUTLETS), r.choice(QUAL), number(r), r.choice(UNITS), place2))
    if r.random() < 0.7:
        lines.append("%s %s wies die Vorwürfe zurück. Laut %s gibt es keine Beweise." % (role2, name2, name2.split()[-1]))
    if r.random() < 0.5:
        lines.append("%s zufolge kostet das Programm %s Millionen Euro." % (name2.split()[-1], r.choice(["1,5", "12", "300"])))
    lines.append("Meldung Nummer %d aus %s." % (i, place))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--prefix", default="doc")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    r = random.Random(a.seed)
    width = max(4, len(str(a.n)))
    for i in range(a.n):
        with open(os.path.join(a.dir, "%s%0*d.txt" % (a.prefix, width, i)), "w", encoding="utf-8", newline="\n") as f:
            f.write(document(r, i))


main()
