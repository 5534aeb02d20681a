/* newsgraph: views of the graph, so a user exports or ranks what they need
 * and not a hairball — by node type, relation, document, neighbourhood,
 * weight, the top N by a measure, or the actor network.
 *
 * A view is a new ng_graph (its own copies), built from a loaded one. */
#ifndef NEWSGRAPH_VIEW_H
#define NEWSGRAPH_VIEW_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"

typedef struct ng_view_opts {
    unsigned types;       /* bit per ng_node_type to keep; 0 = all */
    unsigned relations;   /* bit per ng_edge_type to keep; 0 = all */
    const char *doc;      /* only this document's part, or NULL */
    const char *around;   /* node id (or alias, resolved by the caller) at the centre, or NULL */
    int depth;            /* steps from `around` (default 1) */
    double min_weight;    /* edges lighter than this are dropped (0: none) */
    int actors;           /* the actor network: actors linked by citing, naming, co-occurring */
    size_t top;           /* keep the top N nodes by `by` (0: all) */
    const char *by;       /* degree, in-degree, out-degree, strength, pagerank (default degree) */
} ng_view_opts;

/* Parses "person,organization" into a type mask; returns -1 and names the
 * unknown word in err when one is not a type.  Same for relations. */
int ng_view_parse_types(const char *list, unsigned *mask, ng_errmsg *err);
int ng_view_parse_relations(const char *list, unsigned *mask, ng_errmsg *err);

/* Applies opts to `in`, in this order: actor network, document, types and
 * relations, min weight, neighbourhood, top N. */
ng_status ng_graph_view(const ng_graph *in, const ng_view_opts *opts, ng_graph *out, ng_errmsg *err);

/* Is the view the whole graph (no option set)? */
int ng_view_is_identity(const ng_view_opts *opts);

#endif
