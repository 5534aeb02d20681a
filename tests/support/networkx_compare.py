#!/usr/bin/env python3
"""Compares every measure of `newsgraph rank` with networkx on the same graph.

usage: networkx_compare.py --ng NEWSGRAPH --db STORE --json GRAPH_JSON
                           [--types LIST] [--relations LIST] [--tol 1e-6] [--label NAME]

GRAPH_JSON is `newsgraph export --format json` of STORE (node-link JSON of the
directed multigraph).  --types/--relations restrict both sides the way
`ng_graph_view` does: nodes of the listed types, edges of the listed relations
between kept nodes, and with --relations, nodes left without edges dropped.

The networks are built exactly as include/newsgraph/analysis.h describes:

  degree family   the multigraph itself.  degree and strength: nx.MultiGraph
                  (each edge counts once at each end).  in-/out-degree:
                  nx.MultiDiGraph in which a co_occurs edge is added both ways.
  other measures  a simple graph: self-loops left out, parallel edges merged.
                  directed: nx.DiGraph, co_occurs edges added both ways;
                  undirected: nx.Graph.  weight = sum of the merged edges'
                  weights (weighted) or 1 (unweighted).  Weighted, edges whose
                  weight is not a positive finite number are left out first.
                  length = 1 / weight for the path measures.

Which networkx function stands for each measure:

  betweenness  betweenness_centrality(normalized=True, weight=exact length|None)
               where the exact length is 1/weight as a Fraction: betweenness
               depends on which paths tie, and igraph compares path lengths
               with a tolerance (paths of the same true length tie), which
               exact arithmetic reproduces and float sums do not
  closeness    closeness_centrality(distance=length|None, wf_improved=True)
               (directed: inward distances, networkx's default)
  harmonic     harmonic_centrality(distance=length|None) (directed: inward)
  pagerank     pagerank(alpha=0.85, weight="weight"); without scipy the
               pure-Python power iteration _pagerank_python with tol 1e-13
  eigenvector  eigenvector_centrality(weight="weight", tol 1e-13), scaled so
               that the largest is 1 (igraph's scale)
  hub/authority hits, or without scipy _hits_python (tol 1e-14); both
               scaled so that the largest is 1
  coreness     core_number on the undirected simple graph

Deviation: |ng - nx| / max(1, |nx|) must stay within --tol for every node.
Prints the largest deviation per measure and mode; exits 1 if any is over.
"""
import argparse
import json
import math
from fractions import Fraction
import subprocess
import sys

import networkx as nx

CO = "co_occurs"


def load(path, types, relations):
    g = json.load(open(path, encoding="utf-8"))
    nodes = [n for n in g["nodes"] if not types or n["type"] in types]
    keep = {n["id"] for n in nodes}
    edges = [e for e in g["edges"]
             if e["source"] in keep and e["target"] in keep and (not relations or e["type"] in relations)]
    if relations:
        # ng_graph_view: choosing relations asks for the links, so nodes
        # left without any edge are dropped.
        linked = {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = [n for n in nodes if n["id"] in linked]
    return nodes, edges


def usable(w):
    return isinstance(w, (int, float)) and math.isfinite(w) and w > 0


def weight_of(e):
    return e.get("weight", 1)


def multigraph(nodes, edges, directed, weighted):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(n["id"] for n in nodes)
    for e in edges:
        w = weight_of(e)
        if weighted and not usable(w):
            continue
        w = w if weighted else 1
        G.add_edge(e["source"], e["target"], weight=w)
        if directed and e["type"] == CO:
            G.add_edge(e["target"], e["source"], weight=w)
    return G


def simple(nodes, edges, directed, weighted):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(n["id"] for n in nodes)
    for e in edges:
        w = weight_of(e)
        if weighted and not usable(w):
            continue
        s, t = e["source"], e["target"]
        if s == t:
            continue
        pairs = [(s, t)]
        if directed and e["type"] == CO:
            pairs.append((t, s))
        for a, b in pairs:
            if G.has_edge(a, b):
                if weighted:
                    G[a][b]["weight"] += w
            else:
                G.add_edge(a, b, weight=w if weighted else 1)
    for a, b, d in G.edges(data=True):
        d["length"] = 1.0 / d["weight"]
        # Exact lengths, so that ties between paths are exact ties.
        d["exact_length"] = Fraction(d["weight"]) ** -1
    return G


def scaled(d):
    m = max(d.values()) if d else 0
    return {k: (v / m if m else v) for k, v in d.items()}


def pagerank(G):
    try:
        return nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    except ImportError:  # networkx 3 wants scipy for pagerank
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)


def hits(G):
    try:
        h, a = nx.hits(G, tol=1e-14, max_iter=100000)
    except ImportError:
        from networkx.algorithms.link_analysis.hits_alg import _hits_python
        h, a = _hits_python(G, tol=1e-14, max_iter=100000)
    return scaled(h), scaled(a)


def reference(measure, nodes, edges, directed, weighted):
    if measure in ("degree", "strength"):
        G = multigraph(nodes, edges, False, weighted or measure == "strength")
        return dict(G.degree(weight="weight"))
    if measure in ("in-degree", "out-degree"):
        G = multigraph(nodes, edges, True, weighted)
        f = G.in_degree if measure == "in-degree" else G.out_degree
        return dict(f(weight="weight"))
    if measure == "coreness":
        return nx.core_number(simple(nodes, edges, False, False))
    G = simple(nodes, edges, directed, weighted)
    length = "length" if weighted else None
    if measure == "betweenness":
        # Betweenness counts the shortest paths, so it depends on which paths
        # tie.  With floats, 1/3 + 1/3 + 1/3 and 1/2 + 1/2 may or may not tie
        # by rounding; igraph compares lengths with a tolerance, i.e. ties
        # paths of the same true length.  networkx gets the same when given
        # the lengths as exact fractions.
        return nx.betweenness_centrality(G, normalized=True, weight="exact_length" if weighted else None)
    if measure == "closeness":
        return nx.closeness_centrality(G, distance=length, wf_improved=True)
    if measure == "harmonic":
        return nx.harmonic_centrality(G, distance=length)
    if measure == "pagerank":
        return pagerank(G)
    if measure == "eigenvector":
        return scaled(nx.eigenvector_centrality(G, weight="weight", tol=1e-13, max_iter=100000))
    if measure in ("hub", "authority"):
        h, a = hits(G)
        return h if measure == "hub" else a
    raise ValueError(measure)


# measure -> (directions it takes, weightings it takes)
MEASURES = {
    "degree": ((True,), (False, True)),
    "in-degree": ((True,), (False, True)),
    "out-degree": ((True,), (False, True)),
    "strength": ((True,), (True,)),
    "betweenness": ((True, False), (False, True)),
    "closeness": ((True, False), (False, True)),
    "harmonic": ((True, False), (False, True)),
    "pagerank": ((True, False), (False, True)),
    "eigenvector": ((True, False), (False, True)),
    "hub": ((True,), (False, True)),
    "authority": ((True,), (False, True)),
    "coreness": ((False,), (False,)),
}


def run_ng(args, measure, directed, weighted):
    cmd = [args.ng, "rank", "--measure", measure, "--top", "0", "--format", "json", "--db", args.db]
    if not directed:
        cmd.append("--undirected")
    if weighted and measure not in ("strength", "coreness"):
        cmd.append("--weighted")
    if args.types:
        cmd += ["--types", args.types]
    if args.relations:
        cmd += ["--relations", args.relations]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr.decode()))
    return {o["id"]: float(o["value"]) for o in json.loads(p.stdout.decode("utf-8"))}, cmd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ng", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--types", default="")
    ap.add_argument("--relations", default="")
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--label", default="graph")
    ap.add_argument("--measures", default=",".join(MEASURES))
    args = ap.parse_args()
    types = set(filter(None, args.types.split(",")))
    relations = set(filter(None, args.relations.split(",")))
    nodes, edges = load(args.json, types, relations)
    print("%s: %d nodes, %d edges (networkx %s)" % (args.label, len(nodes), len(edges), nx.__version__))
    bad = 0
    for measure in args.measures.split(","):
        dirs, weights = MEASURES[measure]
        for directed in dirs:
            for weighted in weights:
                got, cmd = run_ng(args, measure, directed, weighted)
                ref = reference(measure, nodes, edges, directed, weighted)
                worst, worst_id = 0.0, None
                if set(got) != set(ref):
                    print("FAIL %s: node sets differ (%d vs %d)" % (measure, len(got), len(ref)))
                    bad += 1
                    continue
                for k, v in ref.items():
                    dev = abs(got[k] - v) / max(1.0, abs(v))
                    if dev > worst or worst_id is None:
                        worst, worst_id = dev, k
                mode = "%s %s" % ("directed  " if directed else "undirected", "weighted  " if weighted else "unweighted")
                ok = worst <= args.tol
                print("%s %-12s %s  max deviation %.3g%s" % ("ok  " if ok else "FAIL", measure, mode, worst,
                      "" if ok else "  at %s: newsgraph %r, networkx %r" % (worst_id, got[worst_id], ref[worst_id])))
                bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
