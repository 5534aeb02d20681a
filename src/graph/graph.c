/* The graph model, loaded from the store, sorted by id for byte-identical
 * exports, with an igraph network of the same indices. */
#include "newsgraph/graph.h"

#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char *const node_types[] = {"person", "organization", "media", "country",
                                         "place",  "claim",        "quantity", "document"};

const char *ng_node_type_name(ng_node_type t)
{
    return t < NG_NODE_TYPE_COUNT ? node_types[t] : "unknown";
}

int ng_node_type_is_entity(ng_node_type t)
{
    return t <= NG_NODE_PLACE;
}

int ng_node_type_is_actor(ng_node_type t)
{
    return t <= NG_NODE_COUNTRY;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return strdup(s ? (const char *)s : "");
}

static void list_add(ng_strlist *l, const char *s)
{
    l->items = realloc(l->items, (l->n + 1) * sizeof(char *));
    l->items[l->n++] = strdup(s);
}

static void list_free(ng_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
}

static void node_free(ng_node *n)
{
    free(n->id);
    free(n->label);
    list_free(&n->aliases);
    list_free(&n->docs);
    list_free(&n->roles);
    free(n->doc);
    free(n->text);
    free(n->cue);
    free(n->stance);
    free(n->date);
    free(n->qualifier);
    free(n->unit);
    free(n->title);
    free(n->path);
    free(n->sha256);
}

void ng_graph_clear(ng_graph *g)
{
    for (size_t i = 0; i < g->nnodes; i++)
        node_free(&g->nodes[i]);
    free(g->nodes);
    for (size_t i = 0; i < g->nedges; i++) {
        free(g->edges[i].id);
        free(g->edges[i].doc);
        free(g->edges[i].role);
        free(g->edges[i].stance);
    }
    free(g->edges);
    igraph_destroy(&g->ig);
    memset(g, 0, sizeof *g);
}

static int cmp_node(const void *a, const void *b)
{
    return strcmp(((const ng_node *)a)->id, ((const ng_node *)b)->id);
}

static int cmp_edge(const void *a, const void *b)
{
    return strcmp(((const ng_edge *)a)->id, ((const ng_edge *)b)->id);
}

size_t ng_graph_find_node(const ng_graph *g, const char *id)
{
    size_t lo = 0, hi = g->nnodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->nodes[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

typedef struct nodevec {
    ng_node *v;
    size_t n, cap;
} nodevec;

static ng_node *new_node(nodevec *nv)
{
    if (nv->n == nv->cap) {
        nv->cap = nv->cap ? nv->cap * 2 : 256;
        nv->v = realloc(nv->v, nv->cap * sizeof *nv->v);
    }
    ng_node *n = &nv->v[nv->n++];
    memset(n, 0, sizeof *n);
    return n;
}

static ng_status load_fail(sqlite3 *db, ng_errmsg *err)
{
    return ng_fail(err, NG_ERR_STORE, "cannot read the store: %s", sqlite3_errmsg(db));
}

ng_status ng_graph_load(ng_store *store, ng_graph *g, ng_errmsg *err)
{
    memset(g, 0, sizeof *g);
    sqlite3 *db = ng_store_db(store);
    sqlite3_stmt *st = NULL;
    nodevec nv = {0};
    ng_status r = NG_OK;

    /* Entities, with aliases, documents, mention counts and roles. */
    GHashTable *by_row = g_hash_table_new(g_int64_hash, g_int64_equal);
    GHashTable *by_node = g_hash_table_new(g_str_hash, g_str_equal);
    gint64 *rows = NULL;
    size_t nrows = 0;
    if (sqlite3_prepare_v2(db, "SELECT id, node_id, type, label, anonymous FROM entities ORDER BY id", -1, &st,
                           NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int t = ng_entity_type_parse((const char *)sqlite3_column_text(st, 2));
        if (t < 0)
            continue;
        ng_node *n = new_node(&nv);
        n->id = dup_col(st, 1);
        n->type = (ng_node_type)t;
        n->label = dup_col(st, 3);
        n->anonymous = sqlite3_column_int(st, 4);
        rows = realloc(rows, (nrows + 1) * sizeof *rows);
        rows[nrows] = sqlite3_column_int64(st, 0);
        nrows++;
    }
    sqlite3_finalize(st);
    st = NULL;
    for (size_t i = 0; i < nrows; i++)
        g_hash_table_insert(by_row, &rows[i], GSIZE_TO_POINTER(i + 1));
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT entity, alias FROM aliases ORDER BY entity, alias", -1, &st,
                           NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        gint64 row = sqlite3_column_int64(st, 0);
        size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(by_row, &row));
        if (i)
            list_add(&nv.v[i - 1].aliases, (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT entity, doc, count(*) FROM mentions GROUP BY entity, doc ORDER BY entity, doc",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        gint64 row = sqlite3_column_int64(st, 0);
        size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(by_row, &row));
        if (!i)
            continue;
        list_add(&nv.v[i - 1].docs, (const char *)sqlite3_column_text(st, 1));
        nv.v[i - 1].mentions += (long)sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    st = NULL;
    for (size_t i = 0; i < nv.n; i++)
        g_hash_table_insert(by_node, nv.v[i].id, GSIZE_TO_POINTER(i + 1));
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT source, role FROM edges WHERE type='role' AND role IS NOT NULL "
                               "ORDER BY source, role", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(by_node, sqlite3_column_text(st, 0)));
        if (i)
            list_add(&nv.v[i - 1].roles, (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    st = NULL;

    /* Claims, quantities, documents. */
    if (sqlite3_prepare_v2(db, "SELECT node_id, doc, start, end, text, cue, stance, hedged, quote, date FROM claims",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ng_node *n = new_node(&nv);
        n->id = dup_col(st, 0);
        n->type = NG_NODE_CLAIM;
        n->doc = dup_col(st, 1);
        n->start = (long)sqlite3_column_int64(st, 2);
        n->end = (long)sqlite3_column_int64(st, 3);
        n->text = dup_col(st, 4);
        n->cue = dup_col(st, 5);
        n->stance = dup_col(st, 6);
        n->hedged = sqlite3_column_int(st, 7);
        n->quote = sqlite3_column_int(st, 8);
        n->date = dup_col(st, 9);
        /* A short label for viewers; the whole statement is in `text`. */
        gchar *lab = g_utf8_substring(n->text, 0, MIN(g_utf8_strlen(n->text, -1), 60));
        n->label = g_utf8_strlen(n->text, -1) > 60 ? g_strconcat(lab, "…", NULL) : g_strdup(lab);
        g_free(lab);
        char *tmp = strdup(n->label);
        g_free(n->label);
        n->label = tmp;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT node_id, doc, start, end, text, low, high, qualifier, unit FROM quantities",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ng_node *n = new_node(&nv);
        n->id = dup_col(st, 0);
        n->type = NG_NODE_QUANTITY;
        n->doc = dup_col(st, 1);
        n->start = (long)sqlite3_column_int64(st, 2);
        n->end = (long)sqlite3_column_int64(st, 3);
        n->text = dup_col(st, 4);
        n->label = dup_col(st, 4);
        n->has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
        n->low = sqlite3_column_double(st, 5);
        n->high = sqlite3_column_double(st, 6);
        n->qualifier = dup_col(st, 7);
        n->unit = dup_col(st, 8);
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, path, sha256, title FROM documents", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ng_node *n = new_node(&nv);
        n->doc = dup_col(st, 0);
        n->id = ng_store_document_node_id(n->doc);
        n->type = NG_NODE_DOCUMENT;
        n->path = dup_col(st, 1);
        n->sha256 = dup_col(st, 2);
        n->title = dup_col(st, 3);
        n->label = strdup(*n->title ? n->title : n->doc);
        g->documents++;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (nv.n)
        qsort(nv.v, nv.n, sizeof *nv.v, cmp_node);
    g->nodes = nv.v;
    g->nnodes = nv.n;

    /* Edges, with stable ids from their type, document and ends. */
    size_t cap = 0;
    if (sqlite3_prepare_v2(db, "SELECT doc, type, source, target, weight, role, stance FROM edges", -1, &st, NULL) !=
        SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int t = ng_edge_type_parse((const char *)sqlite3_column_text(st, 1));
        size_t s = ng_graph_find_node(g, (const char *)sqlite3_column_text(st, 2));
        size_t d = ng_graph_find_node(g, (const char *)sqlite3_column_text(st, 3));
        if (t < 0 || s == (size_t)-1 || d == (size_t)-1)
            continue;
        if (g->nedges == cap) {
            cap = cap ? cap * 2 : 256;
            g->edges = realloc(g->edges, cap * sizeof *g->edges);
        }
        ng_edge *e = &g->edges[g->nedges++];
        memset(e, 0, sizeof *e);
        e->type = (ng_edge_type)t;
        e->source = s;
        e->target = d;
        e->doc = dup_col(st, 0);
        e->weight = sqlite3_column_double(st, 4);
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            e->role = dup_col(st, 5);
        if (sqlite3_column_type(st, 6) != SQLITE_NULL)
            e->stance = dup_col(st, 6);
        char *ds = ng_store_document_node_id(e->doc);
        gchar *id = g_strdup_printf("%s:%s:%s:%s", ng_edge_type_name(e->type), ds + strlen("document:"),
                                    g->nodes[s].id, g->nodes[d].id);
        e->id = strdup(id);
        g_free(id);
        free(ds);
    }
    sqlite3_finalize(st);
    st = NULL;
    if (g->nedges)
        qsort(g->edges, g->nedges, sizeof *g->edges, cmp_edge);

    igraph_vector_int_t ev;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->nedges)) != IGRAPH_SUCCESS) {
        r = ng_fail(err, NG_ERR_NOMEM, "out of memory building the network");
        goto done;
    }
    for (size_t i = 0; i < g->nedges; i++) {
        VECTOR(ev)[2 * i] = (igraph_integer_t)g->edges[i].source;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)g->edges[i].target;
    }
    if (igraph_create(&g->ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
        r = ng_fail(err, NG_ERR_GRAPH, "igraph could not build the network");
    igraph_vector_int_destroy(&ev);
    if (r) {
        igraph_empty(&g->ig, 0, IGRAPH_DIRECTED);
    }
    goto done;
fail:
    r = load_fail(db, err);
    sqlite3_finalize(st);
    if (!g->nodes) {
        g->nodes = nv.v;
        g->nnodes = nv.n;
    }
    igraph_empty(&g->ig, 0, IGRAPH_DIRECTED);
done:
    free(rows);
    g_hash_table_destroy(by_row);
    g_hash_table_destroy(by_node);
    if (r)
        ng_graph_clear(g);
    return r;
}

/* ---- the attribute schema shared by every export ---- */

const ng_attr_desc ng_node_attrs[] = {
    {"type", NG_ATTR_STRING},   {"label", NG_ATTR_STRING},    {"aliases", NG_ATTR_LIST},
    {"docs", NG_ATTR_LIST},     {"mentions", NG_ATTR_LONG},   {"roles", NG_ATTR_LIST},
    {"anonymous", NG_ATTR_BOOL},{"doc", NG_ATTR_STRING},      {"text", NG_ATTR_STRING},
    {"cue", NG_ATTR_STRING},    {"stance", NG_ATTR_STRING},   {"hedged", NG_ATTR_BOOL},
    {"quote", NG_ATTR_BOOL},    {"date", NG_ATTR_STRING},     {"start", NG_ATTR_LONG},
    {"end", NG_ATTR_LONG},      {"low", NG_ATTR_DOUBLE},      {"high", NG_ATTR_DOUBLE},
    {"qualifier", NG_ATTR_STRING}, {"unit", NG_ATTR_STRING},  {"title", NG_ATTR_STRING},
    {"path", NG_ATTR_STRING},   {"sha256", NG_ATTR_STRING},
};
const size_t ng_node_attr_count = sizeof ng_node_attrs / sizeof ng_node_attrs[0];

const ng_attr_desc ng_edge_attrs[] = {
    {"type", NG_ATTR_STRING}, {"doc", NG_ATTR_STRING}, {"weight", NG_ATTR_DOUBLE},
    {"role", NG_ATTR_STRING}, {"stance", NG_ATTR_STRING},
};
const size_t ng_edge_attr_count = sizeof ng_edge_attrs / sizeof ng_edge_attrs[0];

static void set_s(ng_attr_value *v, const char *s)
{
    if (s) {
        v->present = 1;
        v->s = s;
    }
}

void ng_node_attr(const ng_node *n, size_t i, ng_attr_value *v)
{
    memset(v, 0, sizeof *v);
    int ent = ng_node_type_is_entity(n->type), claim = n->type == NG_NODE_CLAIM, qty = n->type == NG_NODE_QUANTITY,
        doc = n->type == NG_NODE_DOCUMENT;
    const char *name = ng_node_attrs[i].name;
    if (!strcmp(name, "type")) set_s(v, ng_node_type_name(n->type));
    else if (!strcmp(name, "label")) set_s(v, n->label);
    else if (ent && !strcmp(name, "aliases")) { v->present = 1; v->list = &n->aliases; }
    else if (ent && !strcmp(name, "docs")) { v->present = 1; v->list = &n->docs; }
    else if (ent && !strcmp(name, "roles")) { v->present = 1; v->list = &n->roles; }
    else if (ent && !strcmp(name, "mentions")) { v->present = 1; v->l = n->mentions; }
    else if (ent && !strcmp(name, "anonymous")) { v->present = 1; v->l = n->anonymous; }
    else if ((claim || qty || doc) && !strcmp(name, "doc")) set_s(v, n->doc);
    else if ((claim || qty) && !strcmp(name, "text")) set_s(v, n->text);
    else if ((claim || qty) && !strcmp(name, "start")) { v->present = 1; v->l = n->start; }
    else if ((claim || qty) && !strcmp(name, "end")) { v->present = 1; v->l = n->end; }
    else if (claim && !strcmp(name, "cue")) set_s(v, n->cue);
    else if (claim && !strcmp(name, "stance")) set_s(v, n->stance);
    else if (claim && !strcmp(name, "date")) set_s(v, n->date);
    else if (claim && !strcmp(name, "hedged")) { v->present = 1; v->l = n->hedged; }
    else if (claim && !strcmp(name, "quote")) { v->present = 1; v->l = n->quote; }
    else if (qty && n->has_value && !strcmp(name, "low")) { v->present = 1; v->d = n->low; }
    else if (qty && n->has_value && !strcmp(name, "high")) { v->present = 1; v->d = n->high; }
    else if (qty && !strcmp(name, "qualifier")) set_s(v, n->qualifier);
    else if (qty && !strcmp(name, "unit")) set_s(v, n->unit);
    else if (doc && !strcmp(name, "title")) set_s(v, n->title);
    else if (doc && !strcmp(name, "path")) set_s(v, n->path);
    else if (doc && !strcmp(name, "sha256")) set_s(v, n->sha256);
}

void ng_edge_attr(const ng_graph *g, const ng_edge *e, size_t i, ng_attr_value *v)
{
    (void)g;
    memset(v, 0, sizeof *v);
    const char *name = ng_edge_attrs[i].name;
    if (!strcmp(name, "type")) set_s(v, ng_edge_type_name(e->type));
    else if (!strcmp(name, "doc")) set_s(v, e->doc);
    else if (!strcmp(name, "weight")) { v->present = 1; v->d = e->weight; }
    else if (!strcmp(name, "role")) set_s(v, e->role);
    else if (!strcmp(name, "stance")) set_s(v, e->stance);
}

char *ng_strlist_join(const ng_strlist *l, const char *sep)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            g_string_append(s, sep);
        g_string_append(s, l->items[i]);
    }
    char *r = strdup(s->str);
    g_string_free(s, TRUE);
    return r;
}

ng_status ng_graph_top_actors(const ng_graph *g, size_t *out, igraph_integer_t *degree, size_t max, size_t *n)
{
    igraph_vector_int_t deg;
    *n = 0;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
        return NG_ERR_NOMEM;
    if (igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&deg);
        return NG_ERR_GRAPH;
    }
    /* Selection of the max best actors; ties by label for a stable order. */
    for (size_t i = 0; i < g->nnodes; i++) {
        if (!ng_node_type_is_actor(g->nodes[i].type))
            continue;
        igraph_integer_t d = VECTOR(deg)[i];
        size_t pos = *n;
        while (pos > 0 && (degree[pos - 1] < d ||
                           (degree[pos - 1] == d && strcmp(g->nodes[out[pos - 1]].label, g->nodes[i].label) > 0)))
            pos--;
        if (pos >= max)
            continue;
        size_t last = *n < max ? *n : max - 1;
        for (size_t k = last; k > pos; k--) {
            out[k] = out[k - 1];
            degree[k] = degree[k - 1];
        }
        out[pos] = i;
        degree[pos] = d;
        if (*n < max)
            (*n)++;
    }
    igraph_vector_int_destroy(&deg);
    return NG_OK;
}

ng_status ng_graph_resolve_entity(const ng_graph *g, const char *query, size_t *node, ng_errmsg *err)
{
    size_t exact = ng_graph_find_node(g, query);
    if (exact != (size_t)-1) {
        *node = exact;
        return NG_OK;
    }
    gchar *q = g_utf8_casefold(query, -1);
    GArray *by_label = g_array_new(FALSE, FALSE, sizeof(size_t));
    GArray *by_alias = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t i = 0; i < g->nnodes; i++) {
        const ng_node *n = &g->nodes[i];
        if (!ng_node_type_is_entity(n->type))
            continue;
        gchar *l = g_utf8_casefold(n->label, -1);
        int label = !strcmp(l, q), alias = 0;
        g_free(l);
        for (size_t k = 0; k < n->aliases.n && !label && !alias; k++) {
            gchar *a = g_utf8_casefold(n->aliases.items[k], -1);
            alias = !strcmp(a, q);
            g_free(a);
        }
        if (label)
            g_array_append_val(by_label, i);
        else if (alias)
            g_array_append_val(by_alias, i);
    }
    g_free(q);
    GArray *hits = by_label->len ? by_label : by_alias;
    ng_status st = NG_OK;
    if (hits->len == 1) {
        *node = g_array_index(hits, size_t, 0);
    } else if (hits->len == 0) {
        st = ng_fail(err, NG_ERR_NOTFOUND, "no entity is called '%s'", query);
    } else {
        GString *s = g_string_new(NULL);
        for (guint k = 0; k < hits->len && k < 20; k++) {
            const ng_node *n = &g->nodes[g_array_index(hits, size_t, k)];
            g_string_append_printf(s, "%s%s (%s)", k ? ", " : "", n->label, n->id);
        }
        st = ng_fail(err, NG_ERR_INVALID, "'%s' is ambiguous: %s", query, s->str);
        g_string_free(s, TRUE);
    }
    g_array_free(by_label, TRUE);
    g_array_free(by_alias, TRUE);
    return st;
}
