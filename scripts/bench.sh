#!/usr/bin/env bash
# Speed and scale benchmark of newsgraph (not run by CI; about an hour on two
# cores, every step under a timeout).
#
#   scripts/bench.sh
#
# Builds a Release binary into build-release/, assembles a corpus of real
# German news (scripts/bench-corpus.py: 10kGNAD test + Wikinews from
# ../shared, replicated with distinct ids; examples/ when ../shared is absent)
# and measures, each step under a timeout:
#   - wc -w over the same files (the floor)
#   - newsgraph build end to end on ~100 MB (MB/s, documents/s, peak RSS)
#   - extraction alone (extract --jsonl > /dev/null), store writes alone
#     (merge of the pre-extracted JSON lines; its graph must equal build's)
#   - every export, and rank for every measure (--cutoff for the path measures)
#   - PageRank and degree against networkx on the same exported GraphML
#   - build --jobs 1 against --jobs 2 (speed-up, identical output)
#   - growth 1k, 10k, 100k documents (time, peak RSS), betweenness on the
#     100k-document actor graph
#   - callgrind of the extractor on 200 documents: the hot spots
# and prints a table.  Results stay in $NG_BENCH_DIR (default
# build-release/bench): results.tsv (one row a step), summary.txt, logs.
#
# Environment: NG_BENCH_DIR, NG_BENCH_DOCS (100000), NG_BENCH_MB (100),
# NG_BENCH_TIMEOUT (seconds a step, 1800), NG_BENCH_CUTOFF (path measures on
# the big graph, 2), NG_BENCH_WAIT_LOAD (wait up to 15 min for the 1-minute
# load to drop below this before starting; unset: do not wait),
# NG_BENCH_SKIP (space-separated step groups to leave out: e2e extract merge
# export rank networkx jobs growth actors callgrind; the results are then
# added to those of the last run).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
W=${NG_BENCH_DIR:-$root/build-release/bench}
DOCS=${NG_BENCH_DOCS:-100000}
MB=${NG_BENCH_MB:-100}
T=${NG_BENCH_TIMEOUT:-1800}
CUTOFF=${NG_BENCH_CUTOFF:-2}
TR=$((T < 600 ? T : 600)) # rank and betweenness steps
SKIP=" ${NG_BENCH_SKIP:-} "
NG=$root/build-release/newsgraph
mkdir -p "$W"
results=$W/results.tsv
summary=$W/summary.txt
log=$W/bench.log
# A full run starts afresh; a run with NG_BENCH_SKIP adds to the last one
# (a step measured more than once counts with its fastest run).
if [ -z "${NG_BENCH_SKIP:-}" ]; then
  : >"$results"
  : >"$summary"
fi
: >"$log"
say() { echo "bench: $*" | tee -a "$log" >&2; }
note() { echo "$*" >>"$summary"; }
want() { [[ "$SKIP" != *" $1 "* ]]; }
for tool in /usr/bin/time timeout python3 cmake; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh --test)" >&2; exit 2; }
done

# --- 0. the machine ---------------------------------------------------------
if [ -n "${NG_BENCH_WAIT_LOAD:-}" ]; then
  for _ in $(seq 90); do
    awk -v max="$NG_BENCH_WAIT_LOAD" '{exit !($1 < max)}' /proc/loadavg && break
    say "load $(cut -d' ' -f1 /proc/loadavg) >= $NG_BENCH_WAIT_LOAD, waiting"
    sleep 10
  done
fi
commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | head -1)
note "date $(date -u '+%Y-%m-%d %H:%M UTC')"
note "commit $commit${dirty:+ with uncommitted changes}"
note "nproc $(nproc)"
note "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
note "memory $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
note "load_at_start $(cut -d' ' -f1-3 /proc/loadavg)"
note "uptime_at_start $(uptime)"

# --- 1. Release binary ------------------------------------------------------
say "building Release into build-release/"
cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O3 -DNDEBUG -g" \
  -DBUILD_TESTING=OFF >>"$log" 2>&1 && cmake --build "$root/build-release" -j"$(nproc)" >>"$log" 2>&1 ||
  { echo "bench: the Release build failed (see $log)" >&2; exit 1; }
# The lexicons and models as they are now: every step reads this copy, so
# that edits of data/ during the run cannot change the output between steps.
rm -rf "$W/data"
cp -r "$root/data" "$W/data"
export NEWSGRAPH_DATA=$W/data
note "data snapshot of $root/data in $W/data (NEWSGRAPH_DATA)"
note "compiler $(cc --version | head -1)"
note "binary $NG (Release, -O3 -g)"

# step NAME TIMEOUT COMMAND...: runs it under /usr/bin/time -v and timeout,
# appends "name wall user sys maxrss_kb rc load1" to results.tsv.
step() {
  local name=$1 to=$2
  shift 2
  local load1 rc
  load1=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$W/time.$name" timeout "$to" "$@"
  rc=$?
  awk -v name="$name" -v rc="$rc" -v load="$load1" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\n", name, wall, user, sys, rss, rc, load }' \
    "$W/time.$name" >>"$results"
  [ "$rc" -eq 124 ] && say "$name: timed out after $to s"
  return "$rc"
}
field() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { v = $c } END { print v }' "$results"; }

# --- 2. corpus --------------------------------------------------------------
C=$W/corpus
stamp="docs=$DOCS mb=$MB $(stat -c %Y "$root/scripts/bench-corpus.py")"
if [ "$(cat "$C/.stamp" 2>/dev/null)" != "$stamp" ]; then
  say "assembling the corpus ($DOCS documents) in $C"
  python3 "$root/scripts/bench-corpus.py" "$C" --docs "$DOCS" --subset 1k=1000 --subset 10k=10000 \
    --subset 200=200 --subset big="${MB}MB" | tee "$W/corpus.txt" | tee -a "$log" >&2 || exit 1
  echo "$stamp" >"$C/.stamp"
fi
cat "$W/corpus.txt" | sed 's/^/corpus /' >>"$summary"
bytes_of() { find "$1" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}'; }
docs_of() { find "$1" -type f -name '*.txt' | wc -l; }
BIG=$C/big
big_bytes=$(bytes_of "$BIG")
big_docs=$(docs_of "$BIG")
note "big_docs $big_docs"
note "big_bytes $big_bytes"
J=$(nproc)

# --- 3. the floor: wc -w over the same files --------------------------------
say "wc -w over $big_docs files"
# Three runs each, the fastest counts: the first reads the files from disk.
for _ in 1 2 3; do
  (cd "$BIG" && LC_ALL=C.UTF-8 step wc_utf8 "$T" sh -c 'find . -name "*.txt" -print0 | xargs -0 wc -w >/dev/null')
  (cd "$BIG" && LC_ALL=C step wc_c "$T" sh -c 'find . -name "*.txt" -print0 | xargs -0 wc -w >/dev/null')
done

# --- 4. end to end ----------------------------------------------------------
if want e2e; then
  say "build end to end: $big_docs documents, $big_bytes bytes, --jobs $J"
  rm -rf "$W/e2e"
  step build_big "$T" "$NG" build --jobs "$J" --out "$W/e2e" "$BIG" >"$W/e2e.log" 2>&1
  grep '^store' "$W/e2e.log" | sed 's/^/build_big /' >>"$summary"
fi

# --- 5. extraction alone, store writes alone --------------------------------
if want extract; then
  say "extraction alone: extract --jsonl > /dev/null"
  step extract_big "$T" "$NG" extract --jsonl --quiet --jobs "$J" <"$C/big.jsonl" >/dev/null
  say "extraction to a file (for the merge)"
  step extract_big_file "$T" "$NG" extract --jsonl --quiet --jobs "$J" <"$C/big.jsonl" >"$W/big.sub"
  note "subgraph_bytes $(stat -c %s "$W/big.sub")"
fi
if want merge && [ -s "$W/big.sub" ]; then
  say "store writes alone: merge of the JSON lines"
  rm -f "$W/merge.db" "$W/merge.db-wal" "$W/merge.db-shm"
  step merge_big "$T" "$NG" merge --quiet --db "$W/merge.db" "$W/big.sub"
  if [ -s "$W/e2e/graph.json" ]; then
    "$NG" export --db "$W/merge.db" --format json -o "$W/merge.json"
    if cmp -s "$W/merge.json" "$W/e2e/graph.json"; then note "merge_equals_build yes"; else note "merge_equals_build NO"; fi
  fi
fi

# --- 6. exports -------------------------------------------------------------
if want export && [ -s "$W/e2e/newsgraph.db" ]; then
  for f in graphml gexf dot json; do
    say "export $f"
    step "export_$f" "$T" "$NG" export --db "$W/e2e/newsgraph.db" --format $f -o "$W/export.$f"
    note "export_${f}_bytes $(stat -c %s "$W/export.$f" 2>/dev/null || echo 0)"
    cmp -s "$W/export.$f" "$W/e2e/graph.$f" || note "export_${f}_differs_from_build yes"
  done
  step stats_big "$T" "$NG" stats --db "$W/e2e/newsgraph.db" >"$W/stats.txt"
fi

# --- 7. rank, every measure -------------------------------------------------
if want rank && [ -s "$W/e2e/newsgraph.db" ]; then
  for m in degree in-degree out-degree strength pagerank eigenvector hub authority coreness \
    betweenness closeness harmonic; do
    extra=()
    case $m in betweenness | closeness | harmonic) extra=(--cutoff "$CUTOFF") ;; esac
    say "rank --measure $m ${extra[*]}"
    step "rank_$m" "$TR" "$NG" rank --db "$W/e2e/newsgraph.db" --measure $m "${extra[@]}" --top 5 >"$W/rank.$m" 2>&1
  done
fi

# --- 8. networkx on the same exported graph ---------------------------------
# The GraphML of the 10k-document graph (that of the big one takes networkx
# many minutes and gigabytes); newsgraph's side timed by a small program on
# the library: graph load, then ng_analysis_rank alone.
if want networkx; then
  say "networkx comparison on the 10k-document graph"
  rm -rf "$W/g10k"
  "$NG" build --out "$W/g10k" "$C/10k" >"$W/g10k.log" 2>&1
  cat >"$W/rank_timing.c" <<'EOF'
#include <stdio.h>
#include <time.h>
#include "newsgraph/analysis.h"
#include "newsgraph/graph.h"
#include "newsgraph/store.h"
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
int main(int argc, char **argv)
{
    ng_errmsg err = {{0}};
    ng_store *s = NULL;
    ng_graph g;
    if (argc < 2 || ng_store_open(argv[1], NG_STORE_READONLY, &s, &err)) {
        fprintf(stderr, "%s\n", err.text);
        return 1;
    }
    double t0 = now();
    if (ng_graph_load(s, &g, &err)) {
        fprintf(stderr, "%s\n", err.text);
        return 1;
    }
    double t1 = now();
    printf("nodes %zu\nedges %zu\nng_load_s %.4f\n", g.nnodes, g.nedges, t1 - t0);
    ng_measure ms[] = {NG_MEASURE_PAGERANK, NG_MEASURE_DEGREE};
    for (int i = 0; i < 2; i++) {
        double best = 1e9;
        for (int rep = 0; rep < 3; rep++) {
            ng_rank_opts o = {0};
            ng_rank_result r;
            double a = now();
            if (ng_analysis_rank(&g, ms[i], &o, &r, &err)) {
                fprintf(stderr, "%s\n", err.text);
                return 1;
            }
            double b = now() - a;
            best = b < best ? b : best;
            ng_rank_result_clear(&r);
        }
        printf("ng_%s_s %.4f\n", ng_measure_name(ms[i]), best);
    }
    ng_graph_clear(&g);
    ng_store_close(s);
    return 0;
}
EOF
  # shellcheck disable=SC2046
  cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/include" "$W/rank_timing.c" -o "$W/rank_timing" \
    "$root/build-release/libnewsgraph_core.a" $(pkg-config --cflags --libs igraph libxml-2.0 sqlite3 glib-2.0 json-c) \
    -lpthread -lm >>"$log" 2>&1 || say "rank_timing did not compile (see $log)"
  [ -x "$W/rank_timing" ] && "$W/rank_timing" "$W/g10k/newsgraph.db" | sed 's/^/nx10k /' >>"$summary"
  step rank_pagerank_10k "$T" "$NG" rank --db "$W/g10k/newsgraph.db" --measure pagerank --top 5 >/dev/null 2>&1
  step rank_degree_10k "$T" "$NG" rank --db "$W/g10k/newsgraph.db" --measure degree --top 5 >/dev/null 2>&1
  cat >"$W/nx_timing.py" <<'EOF'
import sys, time
import networkx as nx
t0 = time.perf_counter()
G = nx.read_graphml(sys.argv[1])
t1 = time.perf_counter()
# The network rank builds: parallel edges merged, self-loops left out, co_occurs both ways.
D = nx.DiGraph()
D.add_nodes_from(G)
for u, v, d in G.edges(data=True):
    if u != v:
        D.add_edge(u, v)
        if d.get("type") == "co_occurs":
            D.add_edge(v, u)
t2 = time.perf_counter()
try:
    import scipy  # noqa: F401
    pr = nx.pagerank(D, alpha=0.85)
    how = "nx.pagerank (scipy)"
except ImportError:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    pr = _pagerank_python(D, alpha=0.85)
    how = "_pagerank_python (no scipy)"
t3 = time.perf_counter()
deg = dict(G.degree())
t4 = time.perf_counter()
print("nx_version", nx.__version__)
print("nx_pagerank_impl", how.replace(" ", "_"))
print("nx_nodes", G.number_of_nodes())
print("nx_edges", G.number_of_edges())
print("nx_read_s %.4f" % (t1 - t0))
print("nx_simple_graph_s %.4f" % (t2 - t1))
print("nx_pagerank_s %.4f" % (t3 - t2))
print("nx_degree_s %.4f" % (t4 - t3))
EOF
  # networkx as found first on PATH, and Debian's (scripts/setup.sh --test:
  # python3-networkx, with scipy's PageRank) when that is another Python.
  step networkx_10k "$T" python3 "$W/nx_timing.py" "$W/g10k/graph.graphml" >"$W/nx.txt" 2>>"$log"
  sed 's/^/nx10k /' "$W/nx.txt" >>"$summary"
  if [ -x /usr/bin/python3 ] && [ "$(command -v python3)" != /usr/bin/python3 ] &&
    /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
    step networkx_10k_system "$T" /usr/bin/python3 "$W/nx_timing.py" "$W/g10k/graph.graphml" >"$W/nx_system.txt" 2>>"$log"
    sed 's/^/nx10k_system /' "$W/nx_system.txt" >>"$summary"
  fi
fi

# --- 9. --jobs 1 against --jobs 2 -------------------------------------------
if want jobs; then
  for j in 1 2; do
    say "build --jobs $j on the 10k corpus"
    rm -rf "$W/jobs$j"
    step "build_10k_jobs$j" "$T" "$NG" build --jobs $j --out "$W/jobs$j" "$C/10k" >/dev/null 2>&1
  done
  same=yes
  for f in graphml gexf dot json; do cmp -s "$W/jobs1/graph.$f" "$W/jobs2/graph.$f" || same=no; done
  note "jobs_identical $same"
  say "extract --jobs 1 and 2 on the 10k corpus"
  step extract_10k_jobs1 "$T" "$NG" extract --jsonl --quiet --jobs 1 <"$C/10k.jsonl" >"$W/x1.sub"
  step extract_10k_jobs2 "$T" "$NG" extract --jsonl --quiet --jobs 2 <"$C/10k.jsonl" >"$W/x2.sub"
  if cmp -s "$W/x1.sub" "$W/x2.sub"; then note "extract_jobs_identical yes"; else note "extract_jobs_identical no"; fi
  rm -f "$W/x1.sub" "$W/x2.sub"
fi

# --- 10. growth: 1k, 10k, 100k documents --------------------------------------
if want growth; then
  for n in 1k 10k all; do
    say "growth: build of $n"
    rm -rf "$W/growth_$n"
    step "growth_$n" "$T" "$NG" build --jobs "$J" --out "$W/growth_$n" "$C/$n" >"$W/growth_$n.log" 2>&1
    note "growth_${n}_docs $(docs_of "$C/$n")"
    note "growth_${n}_bytes $(bytes_of "$C/$n")"
    grep '^store' "$W/growth_$n.log" | sed "s/^/growth_$n /" >>"$summary"
  done
  rm -rf "$W/growth_1k" "$W/growth_10k"
fi
if want actors && [ -s "$W/growth_all/newsgraph.db" ]; then
    say "betweenness on the $DOCS-document actor graph"
    # degree costs next to nothing: this is the time to load the graph and
    # make the actor network, which betweenness includes
    step degree_actors_all "$TR" "$NG" rank --db "$W/growth_all/newsgraph.db" --actors --measure degree \
      --top 5 >/dev/null 2>&1
    step betweenness_actors_all "$TR" "$NG" rank --db "$W/growth_all/newsgraph.db" --actors --measure betweenness \
      --top 5 >"$W/betweenness_actors.txt" 2>&1
    step betweenness_actors_all_cutoff3 "$TR" "$NG" rank --db "$W/growth_all/newsgraph.db" --actors \
      --measure betweenness --cutoff 3 --top 5 >"$W/betweenness_actors_c3.txt" 2>&1
    "$NG" stats --db "$W/growth_all/newsgraph.db" >"$W/stats_all.txt" 2>&1
fi

# --- 11. callgrind on 200 documents -------------------------------------------
if want callgrind && command -v valgrind >/dev/null; then
  say "callgrind: extract --jsonl --jobs 1 on 200 documents"
  step callgrind "$T" valgrind --tool=callgrind --callgrind-out-file="$W/callgrind.out" \
    "$NG" extract --jsonl --quiet --jobs 1 <"$C/200.jsonl" >/dev/null 2>>"$log"
  callgrind_annotate --inclusive=no "$W/callgrind.out" 2>/dev/null | head -45 >"$W/callgrind_self.txt"
  callgrind_annotate --inclusive=yes "$W/callgrind.out" 2>/dev/null | head -60 >"$W/callgrind_inclusive.txt"
fi
note "load_at_end $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 12. the table --------------------------------------------------------------
python3 - "$results" "$summary" <<'EOF' | tee "$W/table.txt"
import sys
rows = {}
for line in open(sys.argv[1]):
    n, wall, user, sys_, rss, rc, load = line.rstrip("\n").split("\t")
    r = dict(wall=float(wall), cpu=float(user) + float(sys_), rss=int(rss) / 1024, rc=int(rc), load=load)
    if n not in rows or (r["rc"] == 0 and (rows[n]["rc"] != 0 or r["wall"] < rows[n]["wall"])):
        rows[n] = r
s = {}
for line in open(sys.argv[2]):
    k, _, v = line.rstrip("\n").partition(" ")
    s[k] = v
def num(k, default=0):
    try:
        return float(s[k].split()[0])
    except (KeyError, ValueError, IndexError):
        return default
big_b, big_d = num("big_bytes"), num("big_docs")
mb = big_b / 1e6
print("%-34s %9s %9s %9s %10s %9s %8s %5s" % ("step", "wall s", "CPU s", "MB/s", "MB/CPU-s", "docs/s", "RSS MB", "load"))
def show(name, label=None, size=None, docs=None):
    r = rows.get(name)
    if not r:
        return
    flag = "" if r["rc"] == 0 else ("  TIMEOUT" if r["rc"] == 124 else "  rc=%d" % r["rc"])
    mbs = "%9.2f" % (size / r["wall"]) if size and r["wall"] else "%9s" % "-"
    mbc = "%10.2f" % (size / r["cpu"]) if size and r["cpu"] else "%10s" % "-"
    dps = "%9.0f" % (docs / r["wall"]) if docs and r["wall"] else "%9s" % "-"
    print("%-34s %9.2f %9.2f %s %s %s %8.0f %5s%s" % (label or name, r["wall"], r["cpu"], mbs, mbc, dps, r["rss"], r["load"], flag))
show("wc_utf8", "wc -w (C.UTF-8), big", mb, big_d)
show("wc_c", "wc -w (C), big", mb, big_d)
show("build_big", "build end to end, big", mb, big_d)
show("extract_big", "extract --jsonl >/dev/null, big", mb, big_d)
show("extract_big_file", "extract --jsonl >file, big", mb, big_d)
show("merge_big", "merge (store writes), big", mb, big_d)
for f in ("graphml", "gexf", "dot", "json"):
    show("export_" + f, "export " + f + ", big")
show("stats_big", "stats, big")
for n in sorted(k for k in rows if k.startswith("rank_") and not k.endswith("_10k")):
    show(n, n.replace("rank_", "rank ") + ", big")
show("rank_pagerank_10k", "rank pagerank, 10k")
show("rank_degree_10k", "rank degree, 10k")
show("networkx_10k", "networkx read+pagerank+degree, 10k")
show("networkx_10k_system", "networkx (/usr/bin/python3), 10k")
for n in ("1k", "10k", "all"):
    show("growth_" + n, "build, " + n + " docs", num("growth_%s_bytes" % n) / 1e6, num("growth_%s_docs" % n))
show("build_10k_jobs1", "build --jobs 1, 10k", num("growth_10k_bytes") / 1e6, num("growth_10k_docs"))
show("build_10k_jobs2", "build --jobs 2, 10k", num("growth_10k_bytes") / 1e6, num("growth_10k_docs"))
show("extract_10k_jobs1", "extract --jobs 1, 10k", num("growth_10k_bytes") / 1e6, num("growth_10k_docs"))
show("extract_10k_jobs2", "extract --jobs 2, 10k", num("growth_10k_bytes") / 1e6, num("growth_10k_docs"))
show("degree_actors_all", "degree --actors (load), all")
show("betweenness_actors_all", "betweenness --actors, all")
show("betweenness_actors_all_cutoff3", "betweenness --actors --cutoff 3, all")
show("callgrind", "callgrind extract, 200 docs")
print()
def ratio(a, b):
    return rows[a]["wall"] / rows[b]["wall"] if a in rows and b in rows and rows[b]["wall"] else float("nan")
def cratio(a, b):
    return rows[a]["cpu"] / rows[b]["cpu"] if a in rows and b in rows and rows[b]["cpu"] else float("nan")
print("build / wc -w (C.UTF-8), wall: %.0fx   CPU: %.0fx" % (ratio("build_big", "wc_utf8"), cratio("build_big", "wc_utf8")))
print("build / wc -w (C), wall: %.0fx   CPU: %.0fx" % (ratio("build_big", "wc_c"), cratio("build_big", "wc_c")))
print("--jobs 2 speed-up: build %.2fx, extract %.2fx; output identical: build %s, extract %s" % (
    ratio("build_10k_jobs1", "build_10k_jobs2"), ratio("extract_10k_jobs1", "extract_10k_jobs2"),
    s.get("jobs_identical", "?"), s.get("extract_jobs_identical", "?")))
ng = {}
for prefix in ("nx10k", "nx10k_system"):
    nx = {}
    for line in open(sys.argv[2]):
        parts = line.split()
        if len(parts) >= 3 and parts[0] == prefix:
            nx[parts[1]] = parts[2]
    if prefix == "nx10k":
        ng = {k: v for k, v in nx.items() if k.startswith("ng_")}
    nx.update(ng)
    def f(k):
        try:
            return float(nx[k])
        except (KeyError, ValueError):
            return float("nan")
    if "nx_read_s" not in nx:
        continue
    print("networkx %s (%s), %s: read %.2f s, pagerank %.3f s, degree %.3f s" % (
        nx.get("nx_version", "?"), "/usr/bin/python3" if prefix.endswith("system") else "python3",
        nx.get("nx_pagerank_impl", "?"), f("nx_read_s"), f("nx_pagerank_s"), f("nx_degree_s")))
    print("  newsgraph library: load %.2f s, pagerank %.4f s, degree %.4f s" % (f("ng_load_s"), f("ng_pagerank_s"), f("ng_degree_s")))
    print("  pagerank alone: %.1fx faster than networkx; degree alone: %.0fx" % (
        f("nx_pagerank_s") / f("ng_pagerank_s"), f("nx_degree_s") / f("ng_degree_s")))
    if "rank_pagerank_10k" in rows:
        print("  rank --measure pagerank (whole command) vs networkx read+pagerank: %.1fx" % (
            (f("nx_read_s") + f("nx_simple_graph_s") + f("nx_pagerank_s")) / rows["rank_pagerank_10k"]["wall"]))
        print("  rank --measure degree (whole command) vs networkx read+degree: %.1fx" % (
            (f("nx_read_s") + f("nx_degree_s")) / rows["rank_degree_10k"]["wall"]))
EOF
say "results in $W (table.txt, results.tsv, summary.txt, callgrind_*.txt)"
