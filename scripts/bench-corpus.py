#!/usr/bin/env python3
"""Assembles a benchmark corpus for scripts/bench.sh from real German news (standard library only).

    bench-corpus.py OUT [--docs N] [--subset NAME=COUNT | NAME=SIZEMB ...] [--shared DIR] [--examples DIR]

Sources: the 10kGNAD test split (SHARED/data/10kgnad/test.csv: ';'-separated, quote character "'",
the second column is the article) and the Wikinews articles of SHARED/data/wikinews-quotes/
{train,dev,test}.jsonl (written out by SHARED/eval/wikinews_texts.py), when present; else the
articles of examples/.  They are replicated until there are N documents, each copy under its own
id: OUT/all/RRR-SRC-ID.txt, where RRR is the copy number, so that a folder walk (sorted) reads
every original once before the first copy.  A subset NAME=COUNT is the first COUNT files in that
order, NAME=100MB the first files that make 100 MB; each is a folder OUT/NAME/ of hard links and a
list OUT/NAME.jsonl ({"path": ...} a line, for `newsgraph extract --jsonl`).  OUT/all.jsonl lists
everything.  Prints one line per folder: name, documents, bytes.
"""
import argparse
import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def gnad(path):
    """(id, text) of the 10kGNAD CSV."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if len(row) >= 2 and row[1].strip():
                yield "gnad-%04d" % i, row[1].strip() + "\n"


def wikinews(shared):
    """(id, text) of the Wikinews quotation splits, written out by the shared script."""
    script = os.path.join(shared, "eval", "wikinews_texts.py")
    splits = [os.path.join(shared, "data", "wikinews-quotes", s + ".jsonl") for s in ("train", "dev", "test")]
    splits = [s for s in splits if os.path.exists(s)]
    if not splits or not os.path.exists(script):
        return []
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in splits:
            subprocess.run([sys.executable, script, s, tmp], check=True, stdout=subprocess.DEVNULL)
        for p in sorted(glob.glob(os.path.join(tmp, "*.txt"))):
            with open(p, encoding="utf-8") as f:
                out.append(("wn-" + os.path.basename(p)[:-4], f.read()))
    return out


def examples(folder):
    out = []
    for p in sorted(glob.glob(os.path.join(folder, "*.txt")) + glob.glob(os.path.join(folder, "*.html"))):
        with open(p, encoding="utf-8") as f:
            out.append(("ex-" + os.path.splitext(os.path.basename(p))[0], f.read()))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--subset", action="append", default=[], metavar="NAME=COUNT|NAME=SIZEMB")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--examples", default=os.path.join(here, "..", "examples"))
    a = ap.parse_args()

    originals = []
    g = os.path.join(a.shared, "data", "10kgnad", "test.csv")
    if os.path.exists(g):
        originals += list(gnad(g))
    originals += wikinews(a.shared)
    source = "10kGNAD test + Wikinews" if originals else "examples/"
    if not originals:
        originals = examples(a.examples)
    if not originals:
        sys.exit("bench-corpus: no articles found")
    originals.sort()

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    alldir = os.path.join(a.out, "all")
    os.makedirs(alldir)
    files = []  # (name, bytes) in walk order
    n = 0
    rep = 0
    while n < a.docs:
        for oid, text in originals:
            if n >= a.docs:
                break
            name = "%03d-%s.txt" % (rep, oid)
            data = text.encode("utf-8")
            with open(os.path.join(alldir, name), "wb") as f:
                f.write(data)
            files.append((name, len(data)))
            n += 1
        rep += 1
    files.sort()

    def write_list(path, folder, names):
        with open(path, "w", encoding="utf-8") as f:
            for name in names:
                f.write(json.dumps({"path": os.path.join(folder, name)}) + "\n")

    write_list(os.path.join(a.out, "all.jsonl"), alldir, [f for f, _ in files])
    print("source %s: %d articles" % (source, len(originals)))
    print("%-8s %8d docs %12d bytes" % ("all", len(files), sum(b for _, b in files)))
    for spec in a.subset:
        name, _, amount = spec.partition("=")
        if amount.upper().endswith("MB"):
            limit, total, take = float(amount[:-2]) * 1e6, 0, []
            for f, b in files:
                if total >= limit:
                    break
                take.append(f)
                total += b
        else:
            take = [f for f, _ in files[: int(amount)]]
        folder = os.path.join(a.out, name)
        os.makedirs(folder)
        for f in take:
            os.link(os.path.join(alldir, f), os.path.join(folder, f))
        write_list(os.path.join(a.out, name + ".jsonl"), folder, take)
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in take)
        print("%-8s %8d docs %12d bytes" % (name, len(take), size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
