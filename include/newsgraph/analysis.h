/* newsgraph: analysis of a graph or of a view of it (see view.h) —
 * centrality rankings, communities, the shortest chains between two
 * entities, and what is around an entity.
 *
 * Conventions, as in igraph: the graph comes first, every function returns
 * an ng_status and fills a result the caller owns and releases with the
 * matching *_clear function.  Nothing here keeps state between calls.  The
 * random methods (communities) seed igraph's default random number
 * generator, which is process-wide state of igraph: see
 * ng_analysis_communities.
 *
 * igraph errors: with igraph's default error handler an igraph error aborts
 * the process.  A caller that wants NG_ERR_GRAPH instead installs
 * igraph_error_handler_printignore first (the command line does).
 *
 * The network a measure sees
 * --------------------------
 * The graph is a directed multigraph: two nodes may be linked by several
 * edges (one per document and relation), and `co_occurs` links, which have
 * no direction, are stored one way round.  Every measure except the degree
 * family works on the simple network made from it:
 *
 *   - directed: one link u→v per ordered pair that has edges u→v; a
 *     `co_occurs` edge counts in both directions;
 *   - undirected: one link u–v per pair, whatever the directions;
 *   - self-loops are left out;
 *   - unweighted (the default): every link counts 1, however many edges it
 *     merges;
 *   - weighted: a link's weight is the sum of the weights of its edges.
 *     Edges whose weight is not a positive finite number are left out and
 *     counted in the result's `dropped` (the caller says so).
 *
 * Weights mean what they should: they are strengths (more weight = a
 * stronger tie) for strength, pagerank, eigenvector, hub, authority and
 * communities, and they become lengths 1/weight for betweenness,
 * closeness, harmonic and paths (a strong tie is a short way).
 *
 * The degree family (degree, in-degree, out-degree, strength) counts the
 * edges of the multigraph itself, each edge 1 (or its weight), as the build
 * summary does; in-degree and out-degree count a `co_occurs` edge at both
 * ends.  Coreness ignores weights and direction. */
#ifndef NEWSGRAPH_ANALYSIS_H
#define NEWSGRAPH_ANALYSIS_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

/* ---- rankings ---- */

typedef enum ng_measure {
    NG_MEASURE_DEGREE = 0,  /* edges at the node (multigraph degree) */
    NG_MEASURE_IN_DEGREE,   /* edges into it (directed only) */
    NG_MEASURE_OUT_DEGREE,  /* edges out of it (directed only) */
    NG_MEASURE_STRENGTH,    /* summed weight of the edges at it (always weighted) */
    NG_MEASURE_BETWEENNESS, /* share of shortest paths through it, normalised as networkx
                               does: / ((n-1)(n-2)) directed, 2 / ((n-1)(n-2)) undirected */
    NG_MEASURE_CLOSENESS,   /* Wasserman-Faust closeness (networkx's closeness_centrality):
                               r/(n-1) * r/sum(d), r the nodes that reach it; 0 if none.
                               Directed: distances *to* the node */
    NG_MEASURE_HARMONIC,    /* sum of 1/d over the other nodes; directed: distances to the node */
    NG_MEASURE_PAGERANK,    /* damping 0.85 (or the option), PRPACK; sums to 1 */
    NG_MEASURE_EIGENVECTOR, /* scaled so that the largest is 1; directed: by incoming links */
    NG_MEASURE_HUB,         /* Kleinberg hub score, largest 1 (directed only) */
    NG_MEASURE_AUTHORITY,   /* Kleinberg authority score, largest 1 (directed only) */
    NG_MEASURE_CORENESS,    /* k-core number on the undirected simple network */
    NG_MEASURE_COUNT
} ng_measure;

const char *ng_measure_name(ng_measure measure);
/* Returns -1 for an unknown name. */
int ng_measure_parse(const char *name);

typedef enum ng_weight_use {
    NG_WEIGHT_IGNORED = 0, /* coreness */
    NG_WEIGHT_COUNT,       /* degree family: each edge counts 1, or its weight */
    NG_WEIGHT_STRENGTH,    /* weight as strength */
    NG_WEIGHT_LENGTH       /* 1/weight as length */
} ng_weight_use;

ng_weight_use ng_measure_weight_use(ng_measure measure);
/* Does the measure need a direction (in-degree, out-degree, hub, authority)? */
int ng_measure_directed_only(ng_measure measure);
/* Does direction change the measure at all (not degree, strength, coreness)? */
int ng_measure_has_direction(ng_measure measure);
/* Does the measure take a path-length cutoff (betweenness, closeness, harmonic)? */
int ng_measure_has_cutoff(ng_measure measure);

typedef struct ng_rank_opts {
    int weighted;   /* use edge weights (strength is always weighted) */
    int undirected; /* treat links as undirected (rejected for directed-only measures) */
    double cutoff;  /* betweenness, closeness, harmonic: only paths up to this length; <= 0: all */
    double damping; /* pagerank; 0 means 0.85 */
} ng_rank_opts;

typedef struct ng_rank_result {
    double *value;  /* one per node of the graph */
    size_t n;
    size_t dropped; /* edges left out for a weight that is not positive and finite */
    int cutoff_used;
} ng_rank_result;

/* Computes `measure` for every node of g.  Fails with NG_ERR_INVALID for an
 * option the measure does not take (a direction for a directed-only
 * measure, a cutoff for one without paths). */
ng_status ng_analysis_rank(const ng_graph *g, ng_measure measure, const ng_rank_opts *opts, ng_rank_result *res,
                           ng_errmsg *err);
void ng_rank_result_clear(ng_rank_result *res);

/* Writes the node indices 0..n-1 into order, best first: by value, values
 * equal to 10 significant digits tied, ties by label, then by id. */
void ng_analysis_order(const ng_graph *g, const double *value, size_t *order);

/* ---- communities ---- */

typedef enum ng_community_method { NG_COMMUNITY_LEIDEN = 0, NG_COMMUNITY_LOUVAIN } ng_community_method;

const char *ng_community_method_name(ng_community_method method);
int ng_community_method_parse(const char *name);

typedef struct ng_community_opts {
    ng_community_method method;
    double resolution;  /* 0 means 1 */
    unsigned long seed; /* igraph's default RNG is seeded with this right before each call */
    int unweighted;     /* every link counts 1 instead of its summed weight */
} ng_community_opts;

typedef struct ng_communities {
    size_t *membership; /* per node: its community, 0 the largest */
    size_t n;           /* nodes */
    size_t *size;       /* per community */
    size_t count;       /* communities, largest first, ties by the first label */
    double modularity;  /* Newman's modularity (resolution 1) of the partition; NaN without links */
    double quality;     /* modularity at the chosen resolution */
    size_t dropped;
} ng_communities;

/* Communities of the undirected simple network of g (weighted by default),
 * by Leiden (modularity objective, iterated until stable, at most 20
 * rounds) or Louvain (igraph's multilevel).
 *
 * Seeds igraph_rng_default() right before each igraph call: that generator
 * is process-global in igraph, so the same graph, method and seed give the
 * same communities in one thread, but concurrent callers in other threads
 * would disturb each other. */
ng_status ng_analysis_communities(const ng_graph *g, const ng_community_opts *opts, ng_communities *res,
                                  ng_errmsg *err);
void ng_communities_clear(ng_communities *res);

/* ---- links between two nodes ---- */

typedef enum ng_link_dir {
    NG_LINK_OUT = 0, /* from the first node to the second */
    NG_LINK_IN,      /* from the second to the first */
    NG_LINK_BOTH     /* co_occurs: no direction */
} ng_link_dir;

typedef struct ng_link {
    ng_edge_type type;
    ng_link_dir dir;
    size_t edges;  /* how many edges of this relation */
    double weight; /* their summed weight */
} ng_link;

/* The edges between nodes a and b, grouped by relation and direction (seen
 * from a), in the order of ng_edge_type.  *links is malloc'ed (free it). */
ng_status ng_analysis_links(const ng_graph *g, size_t a, size_t b, ng_link **links, size_t *n, ng_errmsg *err);

/* ---- shortest chains ---- */

typedef struct ng_path_opts {
    int weighted; /* lengths 1/weight instead of steps */
    size_t max;   /* keep at most this many chains (0: all) */
} ng_path_opts;

typedef struct ng_paths {
    size_t total;   /* shortest chains there are */
    size_t count;   /* chains kept, sorted by the labels along them */
    size_t *nodes;  /* chain i is nodes[start[i]] .. nodes[start[i+1]-1] */
    size_t *start;  /* count + 1 offsets */
    double length;  /* steps, or summed 1/weight */
    size_t dropped;
} ng_paths;

/* All shortest chains between nodes `from` and `to` over the undirected
 * simple network of g (igraph_get_all_shortest_paths, or its Dijkstra form
 * when weighted).  No chain: NG_OK with total 0. */
ng_status ng_analysis_paths(const ng_graph *g, size_t from, size_t to, const ng_path_opts *opts, ng_paths *res,
                            ng_errmsg *err);
void ng_paths_clear(ng_paths *res);

/* ---- neighbourhood ---- */

typedef struct ng_neighbor {
    size_t node;
    int distance;  /* steps from the centre, 1..depth */
    ng_link link;  /* relation to `via`, direction seen from `via` */
    size_t via;    /* the node one step nearer the centre it hangs on (the heaviest link, ties by label) */
    size_t vias;   /* how many nodes one step nearer link to it by this relation */
} ng_neighbor;

typedef struct ng_neighbors {
    ng_neighbor *items; /* by distance, relation, direction, weight (heaviest first), label */
    size_t n;
    size_t nodes;       /* distinct nodes within depth, not counting the centre */
} ng_neighbors;

/* What is within `depth` steps (edges in either direction) of `center`:
 * one item per node, relation and direction that links it to the ring one
 * step nearer. */
ng_status ng_analysis_neighbors(const ng_graph *g, size_t center, int depth, ng_neighbors *res, ng_errmsg *err);
void ng_neighbors_clear(ng_neighbors *res);

#endif
