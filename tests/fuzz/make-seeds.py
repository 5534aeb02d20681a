#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (tests/fuzz/corpus/<harness>/)
from small pieces of examples/ (CC0, written for this project) and a few
hand-made hostile lines.  Run again after changing the examples; the output
is committed, so fuzzing needs nothing else."""
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ex = os.path.join(root, "examples")
out = os.path.join(root, "tests", "fuzz", "corpus")


def write(harness, name, data):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


texts, htmls = {}, {}
for name in sorted(os.listdir(ex)):
    path = os.path.join(ex, name)
    stem = name.rsplit(".", 1)[0][:24]
    if name.endswith(".txt"):
        texts[stem] = open(path, encoding="utf-8").read()
    elif name.endswith(".html"):
        htmls[stem] = open(path, encoding="utf-8").read()

hostile = [
    "Angela Merkel sagte: „<b>&amp; \\\" ]]> --> 😀 שלום“.\n",
    "Laut Olaf Scholz sind es 10^400 Soldaten und " + "9" * 500 + " Euro.\n",
    "»Nein«, sagte er. ‚Ja‘, sagte sie. \"So\", hieß es. «Doch», so Biden.\n",
    "Zwischen 3000 und 5000, rund 1,5 Millionen, mindestens zwölftausend, 11.000 bis 12.000.\n",
    "z. B. am 16. Oktober 2023 – Dr. Müller u. a. – 5km, 18-Jährige, U.S.-Präsident.\n",
    "Wolodymyr Selenskyj\u2010Budanow\u2011Kim Jong\u2013un\u2014Kim\u2212Jong\u2012Un ⸺ ‒ ― ﹘ ﹣ －\n",
    "\ufeffA\u0308rger u\u0308ber O\u0308l \u00ad\u200b\u034f\u0301\u0316.\n",
]
numbers = ["12.000", "2,5", "1.200,75", "2.5", "10^400", "9" * 500, "1" + "0" * 320, "0,0000001",
           "zwölftausend", "dreihundertfünfzig", "einundzwanzig", "Milliarden", "eine Million",
           "rund 12.000 Soldaten", "mehrere Tausend", "11.000 bis 12.000 Mann", "1.2.3.4", "12,,5", "1.0000"]

for stem, t in texts.items():
    paras = [p for p in t.split("\n") if p.strip()]
    write("document", stem + ".txt", b"\x00" + "\n".join(paras[:2]).encode() + b"\n")
    write("segment", stem, paras[1] if len(paras) > 1 else paras[0])
    write("extract", stem, "\n".join(paras[:3]) + "\n")
    for m in re.findall(r"[^.]*\d[^.]*\.", t)[:3]:
        write("number", "%s-%d" % (stem, len(m)), m.strip())
for stem, h in htmls.items():
    write("document", stem + ".html", b"\x01" + h.encode())
    write("pipeline", stem + ".html", b"\x01" + h.encode())
stems = sorted(texts)
for i in range(0, len(stems) - 1, 2):
    a = "\n".join(texts[stems[i]].split("\n")[:2])
    b = "\n".join(texts[stems[i + 1]].split("\n")[:2])
    write("pipeline", "pair-%d" % i, bytes([i & 0xF]) + a.encode() + b"\x1e" + b.encode() + b"\x1e" + a[:200].encode())
for i, h in enumerate(hostile):
    for harness in ("document", "segment", "extract", "number"):
        write(harness, "hostile-%d" % i, (b"\x00" if harness == "document" else b"") + h.encode())
    write("pipeline", "hostile-%d" % i, bytes([i & 0xF]) + h.encode())
for i, n in enumerate(numbers):
    write("number", "num-%02d" % i, n)
write("document", "deep-html", b"\x01<html><body>" + b"<div>" * 300 + "Putin sagte: „Ja.“".encode() + b"</div>" * 300)
write("document", "cdata-script", b"\x01<html><body><p><![CDATA[Kim sagte]]> &auml;&#8222;&#x201C;&nbsp;&bogus;</p>"
      b"<script>var s='<p>nicht</p>';</script><style>p{}</style><p>Ende</p></body></html>")
print("seeds written to", out, file=sys.stderr)
