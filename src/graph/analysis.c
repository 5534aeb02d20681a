/* Analysis: rankings, communities, shortest chains, neighbourhoods (see
 * analysis.h for the network each one sees and what weights mean). */
#include "newsgraph/analysis.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

static const char *const measure_names[NG_MEASURE_COUNT] = {
    "degree",   "in-degree",   "out-degree", "strength",  "betweenness", "closeness",
    "harmonic", "pagerank",    "eigenvector", "hub",      "authority",   "coreness",
};

const char *ng_measure_name(ng_measure m)
{
    return m < NG_MEASURE_COUNT ? measure_names[m] : "unknown";
}

int ng_measure_parse(const char *name)
{
    for (int m = 0; name && m < NG_MEASURE_COUNT; m++)
        if (!strcmp(name, measure_names[m]))
            return m;
    return -1;
}

ng_weight_use ng_measure_weight_use(ng_measure m)
{
    switch (m) {
    case NG_MEASURE_DEGREE:
    case NG_MEASURE_IN_DEGREE:
    case NG_MEASURE_OUT_DEGREE: return NG_WEIGHT_COUNT;
    case NG_MEASURE_STRENGTH:
    case NG_MEASURE_PAGERANK:
    case NG_MEASURE_EIGENVECTOR:
    case NG_MEASURE_HUB:
    case NG_MEASURE_AUTHORITY: return NG_WEIGHT_STRENGTH;
    case NG_MEASURE_BETWEENNESS:
    case NG_MEASURE_CLOSENESS:
    case NG_MEASURE_HARMONIC: return NG_WEIGHT_LENGTH;
    default: return NG_WEIGHT_IGNORED;
    }
}

int ng_measure_directed_only(ng_measure m)
{
    return m == NG_MEASURE_IN_DEGREE || m == NG_MEASURE_OUT_DEGREE || m == NG_MEASURE_HUB ||
           m == NG_MEASURE_AUTHORITY;
}

int ng_measure_has_direction(ng_measure m)
{
    return m != NG_MEASURE_DEGREE && m != NG_MEASURE_STRENGTH && m != NG_MEASURE_CORENESS;
}

int ng_measure_has_cutoff(ng_measure m)
{
    return m == NG_MEASURE_BETWEENNESS || m == NG_MEASURE_CLOSENESS || m == NG_MEASURE_HARMONIC;
}

const char *ng_community_method_name(ng_community_method m)
{
    return m == NG_COMMUNITY_LOUVAIN ? "louvain" : "leiden";
}

int ng_community_method_parse(const char *name)
{
    if (name && !strcmp(name, "leiden"))
        return NG_COMMUNITY_LEIDEN;
    if (name && !strcmp(name, "louvain"))
        return NG_COMMUNITY_LOUVAIN;
    return -1;
}

/* ---- the simple network ---- */

static int usable_weight(double w)
{
    return isfinite(w) && w > 0;
}

typedef struct link_pair {
    igraph_integer_t a, b;
    double w;
} link_pair;

static int cmp_pair(const void *x, const void *y)
{
    const link_pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return 0;
}

/* The simple network of analysis.h: no loops, one link per (ordered, when
 * directed) pair, weight the sum of its edges' weights or 1. */
typedef struct network {
    igraph_t ig;
    igraph_vector_t weight; /* strengths */
    size_t dropped;
    int ok;
} network;

static ng_status network_build(const ng_graph *g, int directed, int weighted, network *net, ng_errmsg *err)
{
    memset(net, 0, sizeof *net);
    link_pair *p = malloc((2 * g->nedges + 1) * sizeof *p);
    if (!p)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory building the network");
    size_t n = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (weighted && !usable_weight(e->weight)) {
            net->dropped++;
            continue;
        }
        if (e->source == e->target)
            continue;
        double w = weighted ? e->weight : 1;
        igraph_integer_t s = (igraph_integer_t)e->source, t = (igraph_integer_t)e->target;
        if (directed) {
            p[n++] = (link_pair){s, t, w};
            if (e->type == NG_EDGE_CO_OCCURS)
                p[n++] = (link_pair){t, s, w};
        } else {
            p[n++] = s < t ? (link_pair){s, t, w} : (link_pair){t, s, w};
        }
    }
    qsort(p, n, sizeof *p, cmp_pair);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && p[k - 1].a == p[i].a && p[k - 1].b == p[i].b) {
            if (weighted)
                p[k - 1].w += p[i].w;
        } else {
            p[k++] = p[i];
        }
    }
    igraph_vector_int_t ev;
    ng_status st = NG_OK;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * k)) != IGRAPH_SUCCESS) {
        free(p);
        return ng_fail(err, NG_ERR_NOMEM, "out of memory building the network");
    }
    if (igraph_vector_init(&net->weight, (igraph_integer_t)k) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&ev);
        free(p);
        return ng_fail(err, NG_ERR_NOMEM, "out of memory building the network");
    }
    for (size_t i = 0; i < k; i++) {
        VECTOR(ev)[2 * i] = p[i].a;
        VECTOR(ev)[2 * i + 1] = p[i].b;
        VECTOR(net->weight)[i] = p[i].w;
    }
    free(p);
    if (igraph_create(&net->ig, &ev, (igraph_integer_t)g->nnodes, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED) !=
        IGRAPH_SUCCESS) {
        igraph_vector_destroy(&net->weight);
        st = ng_fail(err, NG_ERR_GRAPH, "igraph could not build the network");
    } else {
        net->ok = 1;
    }
    igraph_vector_int_destroy(&ev);
    return st;
}

static void network_free(network *net)
{
    if (net->ok) {
        igraph_destroy(&net->ig);
        igraph_vector_destroy(&net->weight);
    }
    net->ok = 0;
}

/* Lengths 1/weight, for the path measures. */
static ng_status lengths_of(const network *net, igraph_vector_t *len, ng_errmsg *err)
{
    igraph_integer_t m = igraph_vector_size(&net->weight);
    if (igraph_vector_init(len, m) != IGRAPH_SUCCESS)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    for (igraph_integer_t i = 0; i < m; i++)
        VECTOR(*len)[i] = 1.0 / VECTOR(net->weight)[i];
    return NG_OK;
}

/* ---- rankings ---- */

static void degree_family(const ng_graph *g, ng_measure m, int weighted, ng_rank_result *res)
{
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (weighted && !usable_weight(e->weight)) {
            res->dropped++;
            continue;
        }
        double w = weighted ? e->weight : 1;
        int co = e->type == NG_EDGE_CO_OCCURS;
        switch (m) {
        case NG_MEASURE_IN_DEGREE:
            res->value[e->target] += w;
            if (co)
                res->value[e->source] += w;
            break;
        case NG_MEASURE_OUT_DEGREE:
            res->value[e->source] += w;
            if (co)
                res->value[e->target] += w;
            break;
        default: /* degree, strength: an edge counts at both ends (a loop twice at its node) */
            res->value[e->source] += w;
            res->value[e->target] += w;
            break;
        }
    }
}

ng_status ng_analysis_rank(const ng_graph *g, ng_measure m, const ng_rank_opts *o, ng_rank_result *res,
                           ng_errmsg *err)
{
    memset(res, 0, sizeof *res);
    if (m >= NG_MEASURE_COUNT)
        return ng_fail(err, NG_ERR_INVALID, "unknown measure");
    if (o->undirected && ng_measure_directed_only(m))
        return ng_fail(err, NG_ERR_INVALID, "%s needs directions (drop --undirected)", ng_measure_name(m));
    int cutoff = o->cutoff > 0;
    if (cutoff && !ng_measure_has_cutoff(m))
        return ng_fail(err, NG_ERR_INVALID, "%s takes no cutoff (only betweenness, closeness and harmonic do)",
                       ng_measure_name(m));
    res->n = g->nnodes;
    res->value = calloc(g->nnodes + 1, sizeof *res->value);
    if (!res->value)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    ng_weight_use use = ng_measure_weight_use(m);
    int weighted = m == NG_MEASURE_STRENGTH || (o->weighted && use != NG_WEIGHT_IGNORED);
    if (use == NG_WEIGHT_COUNT || m == NG_MEASURE_STRENGTH) {
        degree_family(g, m, weighted, res);
        return NG_OK;
    }
    int directed = !o->undirected && m != NG_MEASURE_CORENESS;
    network net;
    ng_status st = network_build(g, directed, weighted, &net, err);
    if (st) {
        ng_rank_result_clear(res);
        return st;
    }
    res->dropped = net.dropped;
    const igraph_vector_t *w = weighted ? &net.weight : NULL;
    igraph_vector_t len, out;
    int have_len = 0;
    if (weighted && use == NG_WEIGHT_LENGTH) {
        st = lengths_of(&net, &len, err);
        if (st) {
            network_free(&net);
            ng_rank_result_clear(res);
            return st;
        }
        have_len = 1;
    }
    const igraph_vector_t *lw = have_len ? &len : NULL;
    igraph_vector_init(&out, 0);
    igraph_error_t rc = IGRAPH_SUCCESS;
    double n = (double)g->nnodes;
    igraph_neimode_t to_node = directed ? IGRAPH_IN : IGRAPH_ALL;
    switch (m) {
    case NG_MEASURE_BETWEENNESS:
        rc = cutoff ? igraph_betweenness_cutoff(&net.ig, &out, igraph_vss_all(), directed, lw, o->cutoff)
                    : igraph_betweenness(&net.ig, &out, igraph_vss_all(), directed, lw);
        if (rc == IGRAPH_SUCCESS && n > 2) {
            double scale = (directed ? 1.0 : 2.0) / ((n - 1) * (n - 2));
            for (size_t i = 0; i < g->nnodes; i++)
                res->value[i] = VECTOR(out)[i] * scale;
        } else if (rc == IGRAPH_SUCCESS) {
            for (size_t i = 0; i < g->nnodes; i++)
                res->value[i] = VECTOR(out)[i];
        }
        break;
    case NG_MEASURE_CLOSENESS: {
        igraph_vector_int_t reach;
        igraph_vector_int_init(&reach, 0);
        rc = cutoff ? igraph_closeness_cutoff(&net.ig, &out, &reach, NULL, igraph_vss_all(), to_node, lw, 0,
                                              o->cutoff)
                    : igraph_closeness(&net.ig, &out, &reach, NULL, igraph_vss_all(), to_node, lw, 0);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++) {
            /* out = 1/sum(d) over the r nodes that reach i (not i itself);
             * Wasserman-Faust: r/(n-1) * r/sum(d). */
            double r = (double)VECTOR(reach)[i], c = VECTOR(out)[i];
            res->value[i] = r > 0 && n > 1 && isfinite(c) ? c * r * r / (n - 1) : 0;
        }
        igraph_vector_int_destroy(&reach);
        break;
    }
    case NG_MEASURE_HARMONIC:
        rc = cutoff ? igraph_harmonic_centrality_cutoff(&net.ig, &out, igraph_vss_all(), to_node, lw, 0, o->cutoff)
                    : igraph_harmonic_centrality(&net.ig, &out, igraph_vss_all(), to_node, lw, 0);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            res->value[i] = VECTOR(out)[i];
        break;
    case NG_MEASURE_PAGERANK: {
        igraph_real_t value;
        double damping = o->damping > 0 ? o->damping : 0.85;
        rc = igraph_pagerank(&net.ig, IGRAPH_PAGERANK_ALGO_PRPACK, &out, &value, igraph_vss_all(), directed, damping,
                             w, NULL);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            res->value[i] = VECTOR(out)[i];
        break;
    }
    case NG_MEASURE_EIGENVECTOR: {
        igraph_real_t value;
        rc = igraph_eigenvector_centrality(&net.ig, &out, &value, directed, 1, w, NULL);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            res->value[i] = VECTOR(out)[i];
        break;
    }
    case NG_MEASURE_HUB:
    case NG_MEASURE_AUTHORITY: {
        igraph_vector_t other;
        igraph_real_t value;
        igraph_vector_init(&other, 0);
        rc = m == NG_MEASURE_HUB ? igraph_hub_and_authority_scores(&net.ig, &out, &other, &value, 1, w, NULL)
                                 : igraph_hub_and_authority_scores(&net.ig, &other, &out, &value, 1, w, NULL);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            res->value[i] = VECTOR(out)[i];
        igraph_vector_destroy(&other);
        break;
    }
    case NG_MEASURE_CORENESS: {
        igraph_vector_int_t cores;
        igraph_vector_int_init(&cores, 0);
        rc = igraph_coreness(&net.ig, &cores, IGRAPH_ALL);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            res->value[i] = (double)VECTOR(cores)[i];
        igraph_vector_int_destroy(&cores);
        break;
    }
    default: break;
    }
    res->cutoff_used = cutoff;
    igraph_vector_destroy(&out);
    if (have_len)
        igraph_vector_destroy(&len);
    network_free(&net);
    if (rc != IGRAPH_SUCCESS) {
        ng_rank_result_clear(res);
        return ng_fail(err, NG_ERR_GRAPH, "igraph could not compute %s: %s", ng_measure_name(m),
                       igraph_strerror(rc));
    }
    /* -0.0 and rounding noise below zero read badly in a table. */
    for (size_t i = 0; i < g->nnodes; i++)
        if (res->value[i] == 0 || (res->value[i] < 0 && res->value[i] > -1e-15))
            res->value[i] = 0;
    return NG_OK;
}

void ng_rank_result_clear(ng_rank_result *res)
{
    free(res->value);
    memset(res, 0, sizeof *res);
}

typedef struct order_item {
    size_t node;
    double key;
    const ng_node *n;
} order_item;

static int cmp_order(const void *a, const void *b)
{
    const order_item *x = a, *y = b;
    if (x->key != y->key) {
        if (isnan(x->key) || isnan(y->key))
            return isnan(x->key) ? 1 : -1;
        return x->key > y->key ? -1 : 1;
    }
    int c = strcmp(x->n->label ? x->n->label : "", y->n->label ? y->n->label : "");
    if (c)
        return c;
    return strcmp(x->n->id, y->n->id);
}

void ng_analysis_order(const ng_graph *g, const double *value, size_t *order)
{
    order_item *it = malloc((g->nnodes + 1) * sizeof *it);
    for (size_t i = 0; i < g->nnodes; i++) {
        /* Rounded to 10 significant digits, so that values equal but for
         * floating-point noise tie (and are ordered by label). */
        char buf[40];
        snprintf(buf, sizeof buf, "%.9e", value[i]);
        it[i] = (order_item){i, strtod(buf, NULL), &g->nodes[i]};
    }
    qsort(it, g->nnodes, sizeof *it, cmp_order);
    for (size_t i = 0; i < g->nnodes; i++)
        order[i] = it[i].node;
    free(it);
}

/* ---- communities ---- */

typedef struct comm_sort {
    size_t id;      /* community number as igraph gave it */
    size_t size;
    const char *first_label;
    const char *first_id;
} comm_sort;

static int cmp_comm(const void *a, const void *b)
{
    const comm_sort *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    int c = strcmp(x->first_label, y->first_label);
    return c ? c : strcmp(x->first_id, y->first_id);
}

/* Numbers communities 0.. by size (largest first), ties by the smallest
 * label among their members, so that output does not depend on igraph's
 * numbering. */
static ng_status canonical(const ng_graph *g, const igraph_vector_int_t *memb, ng_communities *res, ng_errmsg *err)
{
    size_t n = g->nnodes, k = 0;
    for (size_t i = 0; i < n; i++)
        if ((size_t)VECTOR(*memb)[i] + 1 > k)
            k = (size_t)VECTOR(*memb)[i] + 1;
    comm_sort *cs = calloc(k + 1, sizeof *cs);
    size_t *map = calloc(k + 1, sizeof *map);
    res->membership = calloc(n + 1, sizeof *res->membership);
    if (!cs || !map || !res->membership) {
        free(cs);
        free(map);
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    }
    for (size_t c = 0; c < k; c++)
        cs[c].id = c;
    for (size_t i = 0; i < n; i++) {
        comm_sort *c = &cs[VECTOR(*memb)[i]];
        const ng_node *nd = &g->nodes[i];
        const char *lab = nd->label ? nd->label : "";
        if (!c->size || strcmp(lab, c->first_label) < 0 ||
            (!strcmp(lab, c->first_label) && strcmp(nd->id, c->first_id) < 0)) {
            c->first_label = lab;
            c->first_id = nd->id;
        }
        c->size++;
    }
    size_t used = 0;
    for (size_t c = 0; c < k; c++)
        if (cs[c].size)
            cs[used++] = cs[c];
    qsort(cs, used, sizeof *cs, cmp_comm);
    res->size = calloc(used + 1, sizeof *res->size);
    for (size_t c = 0; c < used; c++) {
        map[cs[c].id] = c;
        res->size[c] = cs[c].size;
    }
    for (size_t i = 0; i < n; i++)
        res->membership[i] = map[VECTOR(*memb)[i]];
    res->count = used;
    res->n = n;
    free(cs);
    free(map);
    return NG_OK;
}

/* Is partition a the same as b (up to numbering)? */
static int same_partition(const igraph_vector_int_t *a, const igraph_vector_int_t *b)
{
    igraph_integer_t n = igraph_vector_int_size(a);
    if (n != igraph_vector_int_size(b))
        return 0;
    GHashTable *ab = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTable *ba = g_hash_table_new(g_direct_hash, g_direct_equal);
    int same = 1;
    for (igraph_integer_t i = 0; i < n && same; i++) {
        gpointer x = GSIZE_TO_POINTER((gsize)VECTOR(*a)[i] + 1), y = GSIZE_TO_POINTER((gsize)VECTOR(*b)[i] + 1);
        gpointer fx = g_hash_table_lookup(ab, x), fy = g_hash_table_lookup(ba, y);
        if ((fx && fx != y) || (fy && fy != x))
            same = 0;
        g_hash_table_insert(ab, x, y);
        g_hash_table_insert(ba, y, x);
    }
    g_hash_table_destroy(ab);
    g_hash_table_destroy(ba);
    return same;
}

#define LEIDEN_ROUNDS 20

ng_status ng_analysis_communities(const ng_graph *g, const ng_community_opts *o, ng_communities *res,
                                  ng_errmsg *err)
{
    memset(res, 0, sizeof *res);
    double gamma = o->resolution > 0 ? o->resolution : 1.0;
    network net;
    ng_status st = network_build(g, 0, !o->unweighted, &net, err);
    if (st)
        return st;
    res->dropped = net.dropped;
    igraph_vector_int_t memb;
    igraph_vector_int_init(&memb, (igraph_integer_t)g->nnodes);
    igraph_error_t rc = IGRAPH_SUCCESS;
    double total = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(&net.weight); i++)
        total += VECTOR(net.weight)[i];
    if (igraph_ecount(&net.ig) == 0 || !(total > 0)) {
        /* No links: every node alone. */
        for (size_t i = 0; i < g->nnodes; i++)
            VECTOR(memb)[i] = (igraph_integer_t)i;
    } else if (o->method == NG_COMMUNITY_LOUVAIN) {
        igraph_vector_t mod;
        igraph_vector_init(&mod, 0);
        /* Process-global RNG (see analysis.h): seeded right before the call. */
        igraph_rng_seed(igraph_rng_default(), o->seed);
        rc = igraph_community_multilevel(&net.ig, &net.weight, gamma, &memb, NULL, &mod);
        igraph_vector_destroy(&mod);
    } else {
        /* Leiden with the modularity objective: node weights are the
         * strengths and the resolution is gamma / 2m.  igraph 0.10.2 can
         * hang with a negative iteration count ("until stable"), so we
         * iterate ourselves: two iterations, then one at a time from the
         * last partition until it no longer changes, at most 20 rounds. */
        igraph_vector_t strength;
        igraph_vector_init(&strength, 0);
        rc = igraph_strength(&net.ig, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &net.weight);
        igraph_vector_int_t prev;
        igraph_vector_int_init(&prev, 0);
        igraph_integer_t nb = 0;
        igraph_real_t quality = 0;
        for (int round = 0; rc == IGRAPH_SUCCESS && round < LEIDEN_ROUNDS; round++) {
            if (round)
                igraph_vector_int_update(&prev, &memb);
            /* Process-global RNG (see analysis.h): seeded right before each call. */
            igraph_rng_seed(igraph_rng_default(), o->seed + (unsigned long)round);
            rc = igraph_community_leiden(&net.ig, &net.weight, &strength, gamma / (2 * total), 0.01, round > 0,
                                         round ? 1 : 2, &memb, &nb, &quality);
            if (round && rc == IGRAPH_SUCCESS && same_partition(&prev, &memb))
                break;
        }
        igraph_vector_int_destroy(&prev);
        igraph_vector_destroy(&strength);
    }
    if (rc == IGRAPH_SUCCESS)
        st = canonical(g, &memb, res, err);
    else
        st = ng_fail(err, NG_ERR_GRAPH, "igraph could not find communities: %s", igraph_strerror(rc));
    if (!st) {
        igraph_vector_int_t cm;
        igraph_vector_int_init(&cm, (igraph_integer_t)g->nnodes);
        for (size_t i = 0; i < g->nnodes; i++)
            VECTOR(cm)[i] = (igraph_integer_t)res->membership[i];
        igraph_real_t q = NAN, qg = NAN;
        if (igraph_ecount(&net.ig) > 0 && total > 0) {
            if (igraph_modularity(&net.ig, &cm, &net.weight, 1.0, 0, &q) != IGRAPH_SUCCESS ||
                igraph_modularity(&net.ig, &cm, &net.weight, gamma, 0, &qg) != IGRAPH_SUCCESS)
                st = ng_fail(err, NG_ERR_GRAPH, "igraph could not compute the modularity");
        }
        res->modularity = q;
        res->quality = qg;
        igraph_vector_int_destroy(&cm);
    }
    igraph_vector_int_destroy(&memb);
    network_free(&net);
    if (st)
        ng_communities_clear(res);
    return st;
}

void ng_communities_clear(ng_communities *res)
{
    free(res->membership);
    free(res->size);
    memset(res, 0, sizeof *res);
}

/* ---- links between two nodes ---- */

ng_status ng_analysis_links(const ng_graph *g, size_t a, size_t b, ng_link **links, size_t *n, ng_errmsg *err)
{
    *links = NULL;
    *n = 0;
    if (a >= g->nnodes || b >= g->nnodes)
        return ng_fail(err, NG_ERR_INVALID, "no such node");
    ng_link acc[NG_EDGE_TYPE_COUNT][3];
    memset(acc, 0, sizeof acc);
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        ng_link_dir d;
        if (e->source == a && e->target == b)
            d = NG_LINK_OUT;
        else if (e->source == b && e->target == a)
            d = NG_LINK_IN;
        else
            continue;
        if (e->type == NG_EDGE_CO_OCCURS)
            d = NG_LINK_BOTH;
        ng_link *l = &acc[e->type][d];
        l->type = e->type;
        l->dir = d;
        l->edges++;
        l->weight += e->weight;
    }
    ng_link *out = malloc(sizeof acc);
    if (!out)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    for (int t = 0; t < NG_EDGE_TYPE_COUNT; t++)
        for (int d = 0; d < 3; d++)
            if (acc[t][d].edges)
                out[(*n)++] = acc[t][d];
    *links = out;
    return NG_OK;
}

/* ---- shortest chains ---- */

typedef struct chain {
    const size_t *nodes;
    size_t len;
    const ng_graph *g;
} chain;

static int cmp_chain(const void *a, const void *b)
{
    const chain *x = a, *y = b;
    for (size_t i = 0; i < x->len && i < y->len; i++) {
        const ng_node *p = &x->g->nodes[x->nodes[i]], *q = &x->g->nodes[y->nodes[i]];
        int c = strcmp(p->label ? p->label : "", q->label ? q->label : "");
        if (!c)
            c = strcmp(p->id, q->id);
        if (c)
            return c;
    }
    return x->len < y->len ? -1 : x->len > y->len;
}

ng_status ng_analysis_paths(const ng_graph *g, size_t from, size_t to, const ng_path_opts *o, ng_paths *res,
                            ng_errmsg *err)
{
    memset(res, 0, sizeof *res);
    if (from >= g->nnodes || to >= g->nnodes)
        return ng_fail(err, NG_ERR_INVALID, "no such node");
    network net;
    ng_status st = network_build(g, 0, o->weighted, &net, err);
    if (st)
        return st;
    res->dropped = net.dropped;
    igraph_vector_t len;
    int have_len = 0;
    if (o->weighted) {
        st = lengths_of(&net, &len, err);
        if (st) {
            network_free(&net);
            return st;
        }
        have_len = 1;
    }
    /* Is `to` reachable at all?  (Spares igraph's warning when not.) */
    igraph_vector_int_t comp;
    igraph_vector_int_init(&comp, 0);
    igraph_error_t rc = igraph_subcomponent(&net.ig, &comp, (igraph_integer_t)from, IGRAPH_ALL);
    int reachable = rc == IGRAPH_SUCCESS && igraph_vector_int_contains(&comp, (igraph_integer_t)to);
    igraph_vector_int_destroy(&comp);
    igraph_vector_int_list_t vl;
    igraph_vector_int_list_init(&vl, 0);
    if (rc == IGRAPH_SUCCESS && reachable)
        rc = have_len ? igraph_get_all_shortest_paths_dijkstra(&net.ig, &vl, NULL, NULL, (igraph_integer_t)from,
                                                               igraph_vss_1((igraph_integer_t)to), &len, IGRAPH_ALL)
                      : igraph_get_all_shortest_paths(&net.ig, &vl, NULL, NULL, (igraph_integer_t)from,
                                                      igraph_vss_1((igraph_integer_t)to), IGRAPH_ALL);
    if (rc != IGRAPH_SUCCESS) {
        st = ng_fail(err, NG_ERR_GRAPH, "igraph could not find the shortest chains: %s", igraph_strerror(rc));
    } else {
        size_t total = (size_t)igraph_vector_int_list_size(&vl), cells = 0;
        /* Flatten, then sort by the labels along each chain. */
        size_t *flat = NULL;
        chain *cs = calloc(total + 1, sizeof *cs);
        for (size_t i = 0; i < total; i++)
            cells += (size_t)igraph_vector_int_size(igraph_vector_int_list_get_ptr(&vl, (igraph_integer_t)i));
        flat = malloc((cells + 1) * sizeof *flat);
        size_t pos = 0;
        for (size_t i = 0; i < total; i++) {
            igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(&vl, (igraph_integer_t)i);
            cs[i] = (chain){flat + pos, (size_t)igraph_vector_int_size(v), g};
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(v); k++)
                flat[pos++] = (size_t)VECTOR(*v)[k];
        }
        qsort(cs, total, sizeof *cs, cmp_chain);
        size_t keep = o->max && o->max < total ? o->max : total;
        size_t kept_cells = 0;
        for (size_t i = 0; i < keep; i++)
            kept_cells += cs[i].len;
        res->nodes = malloc((kept_cells + 1) * sizeof *res->nodes);
        res->start = malloc((keep + 1) * sizeof *res->start);
        pos = 0;
        for (size_t i = 0; i < keep; i++) {
            res->start[i] = pos;
            memcpy(res->nodes + pos, cs[i].nodes, cs[i].len * sizeof *res->nodes);
            pos += cs[i].len;
        }
        res->start[keep] = pos;
        res->count = keep;
        res->total = total;
        /* Length of the first chain: steps, or summed lengths. */
        if (keep) {
            size_t steps = res->start[1] - 1;
            double length = (double)steps;
            if (have_len) {
                length = 0;
                for (size_t k = 0; k < steps; k++) {
                    igraph_integer_t eid;
                    if (igraph_get_eid(&net.ig, &eid, (igraph_integer_t)res->nodes[k],
                                       (igraph_integer_t)res->nodes[k + 1], 0, 1) == IGRAPH_SUCCESS)
                        length += VECTOR(len)[eid];
                }
            }
            res->length = length;
        }
        free(cs);
        free(flat);
    }
    igraph_vector_int_list_destroy(&vl);
    if (have_len)
        igraph_vector_destroy(&len);
    network_free(&net);
    return st;
}

void ng_paths_clear(ng_paths *res)
{
    free(res->nodes);
    free(res->start);
    memset(res, 0, sizeof *res);
}

/* ---- neighbourhood ---- */

typedef struct hop {
    size_t node, via;
    ng_edge_type type;
    ng_link_dir dir;
    size_t edges;
    double weight;
} hop;

static int cmp_hop(const void *a, const void *b)
{
    const hop *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->dir != y->dir)
        return x->dir < y->dir ? -1 : 1;
    if (x->via != y->via)
        return x->via < y->via ? -1 : 1;
    return 0;
}

typedef struct nb_sort {
    ng_neighbor item;
    const ng_graph *g;
} nb_sort;

static int cmp_neighbor(const void *a, const void *b)
{
    const ng_neighbor *x = &((const nb_sort *)a)->item, *y = &((const nb_sort *)b)->item;
    const ng_graph *g = ((const nb_sort *)a)->g;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    if (x->link.type != y->link.type)
        return x->link.type < y->link.type ? -1 : 1;
    if (x->link.dir != y->link.dir)
        return x->link.dir < y->link.dir ? -1 : 1;
    if (x->link.weight != y->link.weight)
        return x->link.weight > y->link.weight ? -1 : 1;
    const ng_node *p = &g->nodes[x->node], *q = &g->nodes[y->node];
    int c = strcmp(p->label ? p->label : "", q->label ? q->label : "");
    return c ? c : strcmp(p->id, q->id);
}

/* Is via node a better (heavier, then smaller label) than b? */
static int better_via(const ng_graph *g, double wa, size_t a, double wb, size_t b)
{
    if (wa != wb)
        return wa > wb;
    int c = strcmp(g->nodes[a].label ? g->nodes[a].label : "", g->nodes[b].label ? g->nodes[b].label : "");
    return c ? c < 0 : strcmp(g->nodes[a].id, g->nodes[b].id) < 0;
}

ng_status ng_analysis_neighbors(const ng_graph *g, size_t center, int depth, ng_neighbors *res, ng_errmsg *err)
{
    memset(res, 0, sizeof *res);
    if (center >= g->nnodes)
        return ng_fail(err, NG_ERR_INVALID, "no such node");
    if (depth < 1)
        depth = 1;
    int *dist = malloc((g->nnodes + 1) * sizeof *dist);
    if (!dist)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->nnodes; i++)
        dist[i] = -1;
    dist[center] = 0;
    /* Breadth-first over the edges in both directions. */
    for (int d = 0; d < depth; d++) {
        int grew = 0;
        for (size_t i = 0; i < g->nedges; i++) {
            const ng_edge *e = &g->edges[i];
            if (dist[e->source] == d && dist[e->target] < 0) {
                dist[e->target] = d + 1;
                grew = 1;
            }
            if (dist[e->target] == d && dist[e->source] < 0) {
                dist[e->source] = d + 1;
                grew = 1;
            }
        }
        if (!grew)
            break;
    }
    /* Every edge from ring d-1 to ring d, as (node, relation, direction, via). */
    GArray *hops = g_array_new(FALSE, FALSE, sizeof(hop));
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        size_t s = e->source, t = e->target;
        for (int side = 0; side < 2; side++) {
            size_t via = side ? t : s, node = side ? s : t;
            if (via == node || dist[via] < 0 || dist[node] != dist[via] + 1)
                continue;
            hop h = {node, via, e->type, side ? NG_LINK_IN : NG_LINK_OUT, 1, e->weight};
            if (e->type == NG_EDGE_CO_OCCURS)
                h.dir = NG_LINK_BOTH;
            g_array_append_val(hops, h);
        }
    }
    g_array_sort(hops, cmp_hop);
    /* Sum per (node, relation, direction, via), then keep the heaviest via. */
    nb_sort *items = malloc((hops->len + 1) * sizeof *items);
    size_t n = 0;
    for (guint i = 0; i < hops->len;) {
        hop *h = &g_array_index(hops, hop, i);
        ng_neighbor it = {h->node, dist[h->node], {h->type, h->dir, 0, 0}, h->via, 0};
        double best_w = -INFINITY;
        guint j = i;
        while (j < hops->len) {
            hop *k = &g_array_index(hops, hop, j);
            if (k->node != h->node || k->type != h->type || k->dir != h->dir)
                break;
            size_t via = k->via, edges = 0;
            double w = 0;
            while (j < hops->len) {
                hop *q = &g_array_index(hops, hop, j);
                if (q->node != h->node || q->type != h->type || q->dir != h->dir || q->via != via)
                    break;
                edges += q->edges;
                w += q->weight;
                j++;
            }
            it.vias++;
            it.link.edges += edges;
            it.link.weight += w;
            if (best_w == -INFINITY || better_via(g, w, via, best_w, it.via)) {
                best_w = w;
                it.via = via;
            }
        }
        items[n++] = (nb_sort){it, g};
        i = j;
    }
    g_array_free(hops, TRUE);
    qsort(items, n, sizeof *items, cmp_neighbor);
    res->items = malloc((n + 1) * sizeof *res->items);
    for (size_t i = 0; i < n; i++)
        res->items[i] = items[i].item;
    res->n = n;
    for (size_t i = 0; i < g->nnodes; i++)
        res->nodes += dist[i] > 0;
    free(items);
    free(dist);
    return NG_OK;
}

void ng_neighbors_clear(ng_neighbors *res)
{
    free(res->items);
    memset(res, 0, sizeof *res);
}
