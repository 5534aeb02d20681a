/* newsgraph: the cross-document view of claims — who said what, carried by
 * which outlet, with which numbers — and the conflicts between numbers that
 * different claims give for the same counted thing.
 *
 * Everything here reads a loaded ng_graph and refers to it by node index, so
 * the graph must outlive the rows and groups made from it.  The caller owns
 * what it passes in and frees what it gets back; there is no global state. */
#ifndef NEWSGRAPH_CLAIMS_H
#define NEWSGRAPH_CLAIMS_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#define NG_CLAIMS_NONE ((size_t)-1)

typedef enum ng_claims_stance {
    NG_CLAIMS_ANY_STANCE = 0,
    NG_CLAIMS_ASSERT,
    NG_CLAIMS_DENY
} ng_claims_stance;

/* What to keep.  A zeroed filter keeps every claim.  Entities are written as
 * a user would (node id, label or alias, case-insensitive) and resolved with
 * ng_graph_resolve_entity(); an unknown or ambiguous one fails. */
typedef struct ng_claims_filter {
    const char *about;   /* claims that mention it, or state a number whose owner (quantity_of) it is */
    const char *by;      /* claims it said (said edge) or carried as outlet (reported / cites) */
    const char *doc;     /* claims of this document id */
    int numbers;         /* only claims that state at least one number */
    ng_claims_stance stance;
} ng_claims_filter;

/* One number a claim states: a quantity node and its owners (quantity_of
 * targets), sorted by node index. */
typedef struct ng_claim_number {
    size_t node;
    size_t *owners;
    size_t nowners;
} ng_claim_number;

/* One claim and what hangs on it; indices are nodes of the graph. */
typedef struct ng_claim_row {
    size_t node;       /* the claim */
    size_t doc_node;   /* its document node, or NG_CLAIMS_NONE */
    size_t *speakers;  /* sources of said edges, in edge-id order, each once */
    size_t nspeakers;
    size_t *outlets;   /* media that reported it (reported edges), then media that cite
                          one of its speakers in the same document (cites edges), each once */
    size_t noutlets;
    ng_claim_number *numbers; /* targets of states edges, in text order */
    size_t nnumbers;
} ng_claim_row;

/* The claims that pass the filter, by document id and then start offset.
 * *rows is NULL when there are none.  Fails with NG_ERR_NOTFOUND for an
 * unknown entity or document, NG_ERR_INVALID for an ambiguous entity (err
 * lists the candidates). */
ng_status ng_claims_list(const ng_graph *graph, const ng_claims_filter *filter, ng_claim_row **rows,
                         size_t *n, ng_errmsg *err);
void ng_claim_rows_free(ng_claim_row *rows, size_t n);

/* How the values of a conflict group relate.  A value's interval is
 * [low, high], open upwards for at_least and downwards for at_most. */
typedef enum ng_conflict_relation {
    NG_CONFLICT_OVERLAPPING = 0, /* every interval shares some point with every other */
    NG_CONFLICT_PARTLY,          /* some overlap, some do not */
    NG_CONFLICT_DISJOINT         /* no two overlap */
} ng_conflict_relation;
const char *ng_conflict_relation_name(ng_conflict_relation r);

/* One statement of a value: numbers[number] of rows[row]. */
typedef struct ng_conflict_item {
    size_t row;
    size_t number;
    size_t value;   /* index into the group's values */
} ng_conflict_item;

typedef struct ng_conflict_value {
    double low, high;
} ng_conflict_value;

/* Claims about the same counted thing and owner that give different values.
 * Quantities with an owner group by (unit, owners) across documents; those
 * without an owner group by unit within their document only (doc is then
 * that document id, else NULL).  Quantities without a unit or a value, and
 * time spans (Tag, Woche, Jahr ...: the units of kind `duration` in
 * data/lang/de/units.tsv), do not take part. */
typedef struct ng_conflict_group {
    char *unit;
    size_t *owners;
    size_t nowners;
    char *owner_label;      /* owners' labels joined with ", "; "" when none */
    const char *doc;        /* ownerless groups: their document (points into the graph) */
    ng_conflict_value *values; /* distinct (low, high), ascending */
    size_t nvalues;            /* at least 2 */
    ng_conflict_item *items;   /* by value, then document, then claim start */
    size_t nitems;
    ng_conflict_relation relation;
} ng_conflict_group;

/* The conflicts among the given rows (from ng_claims_list), sorted by the
 * number of distinct values (most first), then unit, owner label and
 * document.  *groups is NULL when there are none. */
ng_status ng_claims_conflicts(const ng_graph *graph, const ng_claim_row *rows, size_t nrows,
                              ng_conflict_group **groups, size_t *ngroups, ng_errmsg *err);
void ng_conflict_groups_free(ng_conflict_group *groups, size_t n);

#endif
