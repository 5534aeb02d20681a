/* Views: filtered copies of the graph (see view.h). */
#include "newsgraph/view.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_mask(const char *list, unsigned *mask, int (*parse)(const char *), const char *what,
                      ng_errmsg *err)
{
    *mask = 0;
    gchar **parts = g_strsplit(list, ",", -1);
    int rc = 0;
    for (int i = 0; parts[i] && !rc; i++) {
        g_strstrip(parts[i]);
        if (!*parts[i])
            continue;
        int t = parse(parts[i]);
        if (t < 0) {
            ng_fail(err, NG_ERR_INVALID, "'%s' is not a %s", parts[i], what);
            rc = -1;
        } else {
            *mask |= 1u << t;
        }
    }
    g_strfreev(parts);
    return rc;
}

static int node_type_parse(const char *s)
{
    for (int t = 0; t < NG_NODE_TYPE_COUNT; t++)
        if (!strcmp(s, ng_node_type_name((ng_node_type)t)))
            return t;
    return -1;
}

int ng_view_parse_types(const char *list, unsigned *mask, ng_errmsg *err)
{
    return parse_mask(list, mask, node_type_parse,
                      "node type (person, organization, media, country, place, claim, quantity, document)", err);
}

int ng_view_parse_relations(const char *list, unsigned *mask, ng_errmsg *err)
{
    return parse_mask(list, mask, ng_edge_type_parse,
                      "relation (said, reported, cites, states, quantity_of, mentions, role, co_occurs, appears_in)",
                      err);
}

int ng_view_is_identity(const ng_view_opts *o)
{
    return !o->types && !o->relations && !o->doc && !o->around && !(o->min_weight > 0) && !o->actors && !o->top;
}

static char *dup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void list_copy(ng_strlist *dst, const ng_strlist *src)
{
    dst->n = src->n;
    dst->items = src->n ? calloc(src->n, sizeof(char *)) : NULL;
    for (size_t i = 0; i < src->n; i++)
        dst->items[i] = strdup(src->items[i]);
}

static void node_copy(ng_node *d, const ng_node *s)
{
    *d = *s;
    d->id = dup0(s->id);
    d->label = dup0(s->label);
    list_copy(&d->aliases, &s->aliases);
    list_copy(&d->docs, &s->docs);
    list_copy(&d->roles, &s->roles);
    d->doc = dup0(s->doc);
    d->text = dup0(s->text);
    d->cue = dup0(s->cue);
    d->stance = dup0(s->stance);
    d->date = dup0(s->date);
    d->qualifier = dup0(s->qualifier);
    d->unit = dup0(s->unit);
    d->title = dup0(s->title);
    d->path = dup0(s->path);
    d->sha256 = dup0(s->sha256);
}

/* A working description of a view: which nodes stay, and the edges (new
 * or copied) between them. */
typedef struct work {
    const ng_graph *g;
    unsigned char *keep; /* per node of g */
    GArray *edges;       /* ng_edge with indices into g, strings owned */
} work;

static void work_add_edge(work *w, const ng_edge *e)
{
    ng_edge c = *e;
    c.id = dup0(e->id);
    c.doc = dup0(e->doc);
    c.role = dup0(e->role);
    c.stance = dup0(e->stance);
    g_array_append_val(w->edges, c);
}

static void edge_free(ng_edge *e)
{
    free(e->id);
    free(e->doc);
    free(e->role);
    free(e->stance);
}

/* Actor network: actors linked when one cites the other, when one's claim
 * names the other (said + mentions), or when they co-occur; weights summed. */
static void actor_network(work *w, const char *doc)
{
    const ng_graph *g = w->g;
    GHashTable *sum = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    /* claim -> speakers */
    GHashTable *speakers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        if (e->type != NG_EDGE_SAID || !ng_node_type_is_actor(g->nodes[e->source].type))
            continue;
        if (doc && e->doc && strcmp(e->doc, doc) != 0)
            continue;
        GArray *a = g_hash_table_lookup(speakers, GSIZE_TO_POINTER(e->target + 1));
        if (!a) {
            a = g_array_new(FALSE, FALSE, sizeof(size_t));
            g_hash_table_insert(speakers, GSIZE_TO_POINTER(e->target + 1), a);
        }
        g_array_append_val(a, e->source);
    }
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_edge *e = &g->edges[i];
        size_t s = e->source, t = e->target;
        ng_edge_type type;
        /* With --doc, only that document's links count. */
        if (doc && e->doc && strcmp(e->doc, doc) != 0)
            continue;
        if (e->type == NG_EDGE_CITES || e->type == NG_EDGE_CO_OCCURS) {
            type = e->type;
            if (!ng_node_type_is_actor(g->nodes[s].type) || !ng_node_type_is_actor(g->nodes[t].type))
                continue;
            if (type == NG_EDGE_CO_OCCURS && strcmp(g->nodes[s].id, g->nodes[t].id) > 0) {
                size_t x = s;
                s = t;
                t = x;
            }
        } else if (e->type == NG_EDGE_MENTIONS && ng_node_type_is_actor(g->nodes[t].type)) {
            GArray *a = g_hash_table_lookup(speakers, GSIZE_TO_POINTER(s + 1));
            if (!a)
                continue;
            for (guint k = 0; k < a->len; k++) {
                size_t sp = g_array_index(a, size_t, k);
                if (sp == t)
                    continue;
                gchar *key = g_strdup_printf("%d %zu %zu", (int)NG_EDGE_MENTIONS, sp, t);
                double *v = g_hash_table_lookup(sum, key);
                if (v) {
                    *v += e->weight;
                    g_free(key);
                } else {
                    v = g_new(double, 1);
                    *v = e->weight;
                    g_hash_table_insert(sum, key, v);
                }
            }
            continue;
        } else {
            continue;
        }
        gchar *key = g_strdup_printf("%d %zu %zu", (int)type, s, t);
        double *v = g_hash_table_lookup(sum, key);
        if (v) {
            *v += e->weight;
            g_free(key);
        } else {
            v = g_new(double, 1);
            *v = e->weight;
            g_hash_table_insert(sum, key, v);
        }
    }
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, sum);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        int type;
        size_t s, t;
        if (sscanf(k, "%d %zu %zu", &type, &s, &t) != 3)
            continue;
        ng_edge e = {0};
        e.type = (ng_edge_type)type;
        e.source = s;
        e.target = t;
        e.weight = *(double *)v;
        e.doc = strdup("");
        e.id = g_strdup_printf("actor:%s:%s:%s", ng_edge_type_name(e.type), g->nodes[s].id, g->nodes[t].id);
        char *id = strdup(e.id);
        g_free(e.id);
        e.id = id;
        g_array_append_val(w->edges, e);
    }
    g_hash_table_destroy(sum);
    g_hash_table_destroy(speakers);
    for (size_t i = 0; i < g->nnodes; i++)
        w->keep[i] = w->keep[i] && ng_node_type_is_actor(g->nodes[i].type);
}

static int has_doc(const ng_node *n, const char *doc)
{
    if (n->type == NG_NODE_CLAIM || n->type == NG_NODE_QUANTITY || n->type == NG_NODE_DOCUMENT)
        return n->doc && !strcmp(n->doc, doc);
    for (size_t i = 0; i < n->docs.n; i++)
        if (!strcmp(n->docs.items[i], doc))
            return 1;
    return 0;
}

static int cmp_edge_id(const void *a, const void *b)
{
    return strcmp(((const ng_edge *)a)->id, ((const ng_edge *)b)->id);
}

/* Builds the output graph from the kept nodes and edges (indices renumbered). */
static ng_status finish(work *w, ng_graph *out, ng_errmsg *err)
{
    const ng_graph *g = w->g;
    size_t *map = malloc((g->nnodes + 1) * sizeof *map);
    memset(out, 0, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < g->nnodes; i++)
        map[i] = w->keep[i] ? n++ : (size_t)-1;
    out->nodes = calloc(n + 1, sizeof *out->nodes);
    for (size_t i = 0; i < g->nnodes; i++)
        if (w->keep[i])
            node_copy(&out->nodes[map[i]], &g->nodes[i]);
    out->nnodes = n;
    out->documents = 0;
    for (size_t i = 0; i < n; i++)
        out->documents += out->nodes[i].type == NG_NODE_DOCUMENT;
    out->edges = calloc(w->edges->len + 1, sizeof *out->edges);
    for (guint i = 0; i < w->edges->len; i++) {
        ng_edge *e = &g_array_index(w->edges, ng_edge, i);
        if (map[e->source] == (size_t)-1 || map[e->target] == (size_t)-1) {
            edge_free(e);
            continue;
        }
        ng_edge *o = &out->edges[out->nedges++];
        *o = *e;
        o->source = map[e->source];
        o->target = map[e->target];
    }
    g_array_set_size(w->edges, 0);
    qsort(out->edges, out->nedges, sizeof *out->edges, cmp_edge_id);
    free(map);
    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, (igraph_integer_t)(2 * out->nedges));
    for (size_t i = 0; i < out->nedges; i++) {
        VECTOR(ev)[2 * i] = (igraph_integer_t)out->edges[i].source;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)out->edges[i].target;
    }
    int rc = igraph_create(&out->ig, &ev, (igraph_integer_t)out->nnodes, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ev);
    if (rc != IGRAPH_SUCCESS) {
        igraph_empty(&out->ig, 0, IGRAPH_DIRECTED);
        ng_graph_clear(out);
        return ng_fail(err, NG_ERR_GRAPH, "igraph could not build the view");
    }
    return NG_OK;
}

/* Score of each node for --top, computed on the current edges. */
static ng_status scores(work *w, const char *by, double *score, ng_errmsg *err)
{
    const ng_graph *g = w->g;
    igraph_vector_int_t ev;
    igraph_vector_t weights;
    igraph_vector_int_init(&ev, 0);
    igraph_vector_init(&weights, 0);
    for (guint i = 0; i < w->edges->len; i++) {
        ng_edge *e = &g_array_index(w->edges, ng_edge, i);
        if (!w->keep[e->source] || !w->keep[e->target])
            continue;
        igraph_vector_int_push_back(&ev, (igraph_integer_t)e->source);
        igraph_vector_int_push_back(&ev, (igraph_integer_t)e->target);
        igraph_vector_push_back(&weights, e->weight > 0 && isfinite(e->weight) ? e->weight : 0);
    }
    igraph_t ig;
    igraph_create(&ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    ng_status st = NG_OK;
    int rc = IGRAPH_SUCCESS;
    if (!by || !strcmp(by, "degree") || !strcmp(by, "in-degree") || !strcmp(by, "out-degree")) {
        igraph_neimode_t mode = !by || !strcmp(by, "degree") ? IGRAPH_ALL
                                : !strcmp(by, "in-degree")   ? IGRAPH_IN
                                                             : IGRAPH_OUT;
        igraph_vector_int_t d;
        igraph_vector_int_init(&d, 0);
        rc = igraph_degree(&ig, &d, igraph_vss_all(), mode, IGRAPH_LOOPS);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            score[i] = (double)VECTOR(d)[i];
        igraph_vector_int_destroy(&d);
    } else if (!strcmp(by, "strength")) {
        rc = igraph_strength(&ig, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            score[i] = VECTOR(res)[i];
    } else if (!strcmp(by, "pagerank")) {
        igraph_real_t value;
        rc = igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), IGRAPH_DIRECTED,
                             0.85, &weights, NULL);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < g->nnodes; i++)
            score[i] = VECTOR(res)[i];
    } else {
        st = ng_fail(err, NG_ERR_INVALID, "'%s' is not a measure for --by (degree, in-degree, out-degree, strength, pagerank)", by);
    }
    if (!st && rc != IGRAPH_SUCCESS)
        st = ng_fail(err, NG_ERR_GRAPH, "igraph could not compute %s", by);
    igraph_vector_destroy(&res);
    igraph_destroy(&ig);
    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&ev);
    return st;
}

typedef struct ranked {
    size_t node;
    double score;
    const char *label;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    int c = strcmp(x->label, y->label);
    return c ? c : (x->node < y->node ? -1 : 1);
}

ng_status ng_graph_view(const ng_graph *g, const ng_view_opts *o, ng_graph *out, ng_errmsg *err)
{
    work w = {g, calloc(g->nnodes + 1, 1), g_array_new(FALSE, FALSE, sizeof(ng_edge))};
    ng_status st = NG_OK;
    memset(w.keep, 1, g->nnodes);
    if (o->actors)
        actor_network(&w, o->doc);
    else
        for (size_t i = 0; i < g->nedges; i++)
            work_add_edge(&w, &g->edges[i]);
    if (o->doc) {
        for (size_t i = 0; i < g->nnodes; i++)
            w.keep[i] = w.keep[i] && has_doc(&g->nodes[i], o->doc);
        if (!o->actors)
            for (guint i = 0; i < w.edges->len; i++) {
                ng_edge *e = &g_array_index(w.edges, ng_edge, i);
                if (e->doc && strcmp(e->doc, o->doc) != 0)
                    e->weight = -1; /* marked for removal below */
            }
    }
    if (o->types)
        for (size_t i = 0; i < g->nnodes; i++)
            w.keep[i] = w.keep[i] && (o->types & (1u << g->nodes[i].type));
    /* Drop edges by relation, weight and the marks above. */
    guint k = 0;
    for (guint i = 0; i < w.edges->len; i++) {
        ng_edge *e = &g_array_index(w.edges, ng_edge, i);
        int drop = e->weight < 0 || (o->relations && !(o->relations & (1u << e->type))) ||
                   (o->min_weight > 0 && e->weight < o->min_weight);
        if (drop)
            edge_free(e);
        else
            g_array_index(w.edges, ng_edge, k++) = *e;
    }
    g_array_set_size(w.edges, k);
    /* Choosing relations or a weight asks for the links: nodes left without
     * any are dropped. */
    if (o->relations || o->min_weight > 0) {
        unsigned char *linked = calloc(g->nnodes + 1, 1);
        for (guint i = 0; i < w.edges->len; i++) {
            ng_edge *e = &g_array_index(w.edges, ng_edge, i);
            if (w.keep[e->source] && w.keep[e->target])
                linked[e->source] = linked[e->target] = 1;
        }
        for (size_t i = 0; i < g->nnodes; i++)
            w.keep[i] = w.keep[i] && linked[i];
        free(linked);
    }
    if (o->around) {
        size_t c = ng_graph_find_node(g, o->around);
        if (c == (size_t)-1) {
            st = ng_fail(err, NG_ERR_NOTFOUND, "no node '%s' in the graph", o->around);
        } else if (!w.keep[c]) {
            st = ng_fail(err, NG_ERR_NOTFOUND, "'%s' is not in the view the other options chose", o->around);
        } else {
            /* Breadth-first, both directions, over the kept edges. */
            int depth = o->depth > 0 ? o->depth : 1;
            int *dist = malloc((g->nnodes + 1) * sizeof *dist);
            for (size_t i = 0; i < g->nnodes; i++)
                dist[i] = -1;
            dist[c] = 0;
            for (int d = 0; d < depth; d++) {
                int grew = 0;
                for (guint i = 0; i < w.edges->len; i++) {
                    ng_edge *e = &g_array_index(w.edges, ng_edge, i);
                    if (!w.keep[e->source] || !w.keep[e->target])
                        continue;
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
            for (size_t i = 0; i < g->nnodes; i++)
                w.keep[i] = w.keep[i] && dist[i] >= 0;
            free(dist);
        }
    }
    if (!st && o->top) {
        double *score = calloc(g->nnodes + 1, sizeof *score);
        st = scores(&w, o->by, score, err);
        if (!st) {
            ranked *r = malloc((g->nnodes + 1) * sizeof *r);
            size_t n = 0;
            for (size_t i = 0; i < g->nnodes; i++)
                if (w.keep[i])
                    r[n++] = (ranked){i, score[i], g->nodes[i].label ? g->nodes[i].label : ""};
            qsort(r, n, sizeof *r, cmp_ranked);
            for (size_t i = o->top; i < n; i++)
                w.keep[r[i].node] = 0;
            free(r);
        }
        free(score);
    }
    if (!st)
        st = finish(&w, out, err);
    for (guint i = 0; i < w.edges->len; i++)
        edge_free(&g_array_index(w.edges, ng_edge, i));
    g_array_free(w.edges, TRUE);
    free(w.keep);
    return st;
}
