/* newsgraph: the graph model of docs/graph-model.md, built from the store,
 * with an igraph network for queries.
 *
 * Nodes and edges are sorted by id, so the same store gives the same graph
 * byte for byte.  Attributes live in the node and edge structs (not in igraph's
 * global attribute handler, which would be process-wide state); vertex i of
 * `ig` is nodes[i], edge j is edges[j]. */
#ifndef NEWSGRAPH_GRAPH_H
#define NEWSGRAPH_GRAPH_H

#include <igraph.h>
#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/store.h"

typedef enum ng_node_type {
    NG_NODE_PERSON = NG_ENT_PERSON,
    NG_NODE_ORGANIZATION = NG_ENT_ORGANIZATION,
    NG_NODE_MEDIA = NG_ENT_MEDIA,
    NG_NODE_COUNTRY = NG_ENT_COUNTRY,
    NG_NODE_PLACE = NG_ENT_PLACE,
    NG_NODE_CLAIM,
    NG_NODE_QUANTITY,
    NG_NODE_DOCUMENT,
    NG_NODE_TYPE_COUNT
} ng_node_type;

const char *ng_node_type_name(ng_node_type type);
int ng_node_type_is_entity(ng_node_type type);
int ng_node_type_is_actor(ng_node_type type);

typedef struct ng_strlist {
    char **items;
    size_t n;
} ng_strlist;

typedef struct ng_node {
    char *id;
    ng_node_type type;
    char *label;
    /* entities */
    ng_strlist aliases, docs, roles;
    long mentions;
    int anonymous;
    /* claims, quantities, documents */
    char *doc;
    char *text;
    long start, end;
    /* claims */
    char *cue, *stance, *date;
    int hedged, quote;
    /* quantities */
    int has_value;
    double low, high;
    char *qualifier, *unit;
    /* documents */
    char *title, *path, *sha256;
} ng_node;

typedef struct ng_edge {
    char *id;
    ng_edge_type type;
    size_t source, target; /* node indices */
    char *doc;
    double weight;
    char *role;   /* role edges */
    char *stance; /* said edges on denials: "deny" */
} ng_edge;

typedef struct ng_graph {
    ng_node *nodes;
    size_t nnodes;
    ng_edge *edges;
    size_t nedges;
    igraph_t ig; /* directed multigraph, same indices */
    long documents;
} ng_graph;

ng_status ng_graph_load(ng_store *store, ng_graph *graph, ng_errmsg *err);
void ng_graph_clear(ng_graph *graph);

/* Index of the node with this id, or (size_t)-1. */
size_t ng_graph_find_node(const ng_graph *graph, const char *id);

/* Finds the entity a user means: a node id, or a label or alias compared
 * case-insensitively.  When several entities fit and none by its full label,
 * fails with NG_ERR_INVALID and lists the candidates in err. */
ng_status ng_graph_resolve_entity(const ng_graph *graph, const char *query, size_t *node, ng_errmsg *err);

/* Attribute schema shared by every export, so that all formats carry the same
 * attributes.  `kind` tells how to write the value. */
typedef enum ng_attr_kind { NG_ATTR_STRING, NG_ATTR_LONG, NG_ATTR_DOUBLE, NG_ATTR_BOOL, NG_ATTR_LIST } ng_attr_kind;

typedef struct ng_attr_value {
    int present;
    const char *s;      /* STRING */
    long l;             /* LONG, BOOL */
    double d;           /* DOUBLE */
    const ng_strlist *list;
} ng_attr_value;

typedef struct ng_attr_desc {
    const char *name;
    ng_attr_kind kind;
} ng_attr_desc;

extern const ng_attr_desc ng_node_attrs[];
extern const size_t ng_node_attr_count;
extern const ng_attr_desc ng_edge_attrs[];
extern const size_t ng_edge_attr_count;

/* Value of node attribute `i` (index into ng_node_attrs) for node n. */
void ng_node_attr(const ng_node *n, size_t i, ng_attr_value *v);
void ng_edge_attr(const ng_graph *g, const ng_edge *e, size_t i, ng_attr_value *v);

/* Joins a list with '|' into a new string (GraphML, DOT).  Caller frees. */
char *ng_strlist_join(const ng_strlist *list, const char *sep);

/* Nodes ranked by total degree, for the build summary: writes up to max indices
 * of actor nodes (persons, organisations, media, countries) into out. */
ng_status ng_graph_top_actors(const ng_graph *graph, size_t *out, igraph_integer_t *degree,
                              size_t max, size_t *n);

#endif
