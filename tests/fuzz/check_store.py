#!/usr/bin/env python3
"""Checks a newsgraph store after a fault (kill, full disk, concurrent writers).

  check_store.py DB [--source DIR] [--reference REF.db] [--expect N] [--digest] [--may-be-absent]

Always: PRAGMA integrity_check is ok, no foreign key violations, every
document's text matches its sha256 and its claims/quantities are numbered
1..n.  --source: every stored document is the file DIR/<id>.txt, whole.
--reference: every stored document has exactly the rows (mentions, claims,
quantities, aliases, edges) it has in a store built without faults: it is
whole, not half-written.  --expect: exactly N documents.  --digest: print a
digest of the (id, sha256) pairs, to show nothing stored was lost.
Prints one line; exits 1 on the first violation."""
import argparse
import hashlib
import os
import sqlite3
import sys

TABLES = ("mentions", "claims", "quantities", "aliases", "edges")


def per_doc(con):
    counts = {}
    for t in TABLES:
        for doc, n in con.execute("SELECT doc, count(*) FROM %s GROUP BY doc" % t):
            counts.setdefault(doc, {})[t] = n
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--source", action="append", help="folder of the input files (may be given again)")
    ap.add_argument("--reference")
    ap.add_argument("--expect", type=int)
    ap.add_argument("--digest", action="store_true")
    ap.add_argument("--may-be-absent", action="store_true", help="a store never created is fine")
    a = ap.parse_args()

    def fail(msg):
        print("FAIL %s: %s" % (a.db, msg))
        sys.exit(1)

    if not os.path.exists(a.db):
        if a.may_be_absent:
            print("ok %s: not created yet, 0 documents" % os.path.basename(a.db))
            sys.exit(0)
        fail("no such store")
    con = sqlite3.connect(a.db, timeout=30)
    ic = con.execute("PRAGMA integrity_check").fetchall()
    if ic != [("ok",)]:
        fail("integrity_check: %r" % ic[:5])
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        fail("foreign_key_check: %r" % fk[:5])
    if not con.execute("SELECT 1 FROM sqlite_master WHERE name='documents'").fetchone():
        if a.may_be_absent and con.execute("PRAGMA user_version").fetchone()[0] == 0:
            print("ok %s: schema not created yet, 0 documents" % os.path.basename(a.db))
            sys.exit(0)
        fail("no documents table")
    docs = con.execute("SELECT id, sha256, text FROM documents ORDER BY id").fetchall()
    for doc_id, sha, text in docs:
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            fail("document %s: text does not match its sha256" % doc_id)
        if a.source:
            paths = [os.path.join(d, doc_id + ".txt") for d in a.source]
            path = next((p for p in paths if os.path.exists(p)), None)
            if not path:
                fail("document %s: no such input in %s" % (doc_id, ", ".join(a.source)))
            with open(path, "rb") as f:
                if hashlib.sha256(f.read()).hexdigest() != sha:
                    fail("document %s: not the whole file %s" % (doc_id, path))
    for t in ("claims", "quantities"):
        for doc_id, n, mx, mn in con.execute("SELECT doc, count(*), max(n), min(n) FROM %s GROUP BY doc" % t):
            if mn != 1 or mx != n:
                fail("document %s: %s numbered %s..%s for %s rows" % (doc_id, t, mn, mx, n))
    if a.reference:
        ref = sqlite3.connect(a.reference)
        want, got = per_doc(ref), per_doc(con)
        ref_ids = {r[0]: r[1] for r in ref.execute("SELECT id, sha256 FROM documents")}
        for doc_id, sha, _ in docs:
            if ref_ids.get(doc_id) != sha:
                fail("document %s is not in the reference store" % doc_id)
            if want.get(doc_id, {}) != got.get(doc_id, {}):
                fail("document %s is not whole: %r, want %r" % (doc_id, got.get(doc_id), want.get(doc_id)))
        orphans = con.execute("SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity FROM mentions)").fetchone()[0]
        if orphans and not ref.execute("SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity FROM mentions)").fetchone()[0]:
            fail("%d entities without a mention" % orphans)
    if a.expect is not None and len(docs) != a.expect:
        fail("%d documents, want %d" % (len(docs), a.expect))
    line = "ok %s: %d documents, integrity ok" % (os.path.basename(a.db), len(docs))
    if a.digest:
        h = hashlib.sha256("".join("%s %s\n" % (d, s) for d, s, _ in docs).encode()).hexdigest()[:16]
        line += ", digest " + h
    print(line)


main()
