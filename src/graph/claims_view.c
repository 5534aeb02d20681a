/* The cross-document view of claims (see newsgraph/claims.h): claims with
 * their speakers, outlets and numbers, filtered, and the conflicts between
 * numbers given for the same counted thing and owner. */
#include "newsgraph/claims.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

typedef struct idxvec {
    size_t *v;
    size_t n, cap;
} idxvec;

static void idx_push(idxvec *a, size_t x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 4;
        a->v = g_realloc_n(a->v, a->cap, sizeof *a->v);
    }
    a->v[a->n++] = x;
}

static int idx_has(const size_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

static void idx_push_unique(idxvec *a, size_t x)
{
    if (!idx_has(a->v, a->n, x))
        idx_push(a, x);
}

/* Copies an idxvec into a malloc'd array the caller frees with free(). */
static size_t *idx_take(idxvec *a, size_t *n)
{
    *n = a->n;
    size_t *out = NULL;
    if (a->n) {
        out = malloc(a->n * sizeof *out);
        memcpy(out, a->v, a->n * sizeof *out);
    }
    g_free(a->v);
    memset(a, 0, sizeof *a);
    return out;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Edges by node, in edge (id) order: out[off_out[i] .. off_out[i+1]) are the
 * indices of the edges leaving node i, likewise in. */
typedef struct incidence {
    size_t *off_out, *out, *off_in, *in;
} incidence;

static void incidence_build(const ng_graph *g, incidence *inc)
{
    size_t nn = g->nnodes, ne = g->nedges;
    inc->off_out = calloc(nn + 1, sizeof(size_t));
    inc->off_in = calloc(nn + 1, sizeof(size_t));
    inc->out = malloc((ne ? ne : 1) * sizeof(size_t));
    inc->in = malloc((ne ? ne : 1) * sizeof(size_t));
    for (size_t j = 0; j < ne; j++) {
        inc->off_out[g->edges[j].source + 1]++;
        inc->off_in[g->edges[j].target + 1]++;
    }
    for (size_t i = 0; i < nn; i++) {
        inc->off_out[i + 1] += inc->off_out[i];
        inc->off_in[i + 1] += inc->off_in[i];
    }
    size_t *fo = calloc(nn + 1, sizeof(size_t)), *fi = calloc(nn + 1, sizeof(size_t));
    for (size_t j = 0; j < ne; j++) {
        size_t s = g->edges[j].source, t = g->edges[j].target;
        inc->out[inc->off_out[s] + fo[s]++] = j;
        inc->in[inc->off_in[t] + fi[t]++] = j;
    }
    free(fo);
    free(fi);
}

static void incidence_free(incidence *inc)
{
    free(inc->off_out);
    free(inc->out);
    free(inc->off_in);
    free(inc->in);
}

static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

/* ---- listing ---- */

void ng_claim_rows_free(ng_claim_row *rows, size_t n)
{
    if (!rows)
        return;
    for (size_t i = 0; i < n; i++) {
        free(rows[i].speakers);
        free(rows[i].outlets);
        for (size_t k = 0; k < rows[i].nnumbers; k++)
            free(rows[i].numbers[k].owners);
        free(rows[i].numbers);
    }
    free(rows);
}

typedef struct sort_ctx {
    const ng_graph *g;
} sort_ctx;

static int cmp_claim_nodes(const ng_graph *g, size_t a, size_t b)
{
    const ng_node *x = &g->nodes[a], *y = &g->nodes[b];
    int c = strcmp(str_or_empty(x->doc), str_or_empty(y->doc));
    if (c)
        return c;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->id, y->id);
}

static gint cmp_rows(gconstpointer a, gconstpointer b, gpointer data)
{
    const sort_ctx *ctx = data;
    return cmp_claim_nodes(ctx->g, ((const ng_claim_row *)a)->node, ((const ng_claim_row *)b)->node);
}

static gint cmp_numbers(gconstpointer a, gconstpointer b, gpointer data)
{
    const sort_ctx *ctx = data;
    const ng_node *x = &ctx->g->nodes[((const ng_claim_number *)a)->node];
    const ng_node *y = &ctx->g->nodes[((const ng_claim_number *)b)->node];
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return strcmp(x->id, y->id);
}

static ng_status resolve(const ng_graph *g, const char *what, const char *query, size_t *node, ng_errmsg *err)
{
    *node = NG_CLAIMS_NONE;
    if (!query)
        return NG_OK;
    ng_errmsg e = {{0}};
    ng_status st = ng_graph_resolve_entity(g, query, node, &e);
    if (st != NG_OK)
        return ng_fail(err, st, "%s: %s", what, e.text);
    return NG_OK;
}

ng_status ng_claims_list(const ng_graph *g, const ng_claims_filter *f, ng_claim_row **rows_out, size_t *n_out,
                         ng_errmsg *err)
{
    static const ng_claims_filter none = {0};
    if (!g || !rows_out || !n_out)
        return ng_fail(err, NG_ERR_INVALID, "ng_claims_list: missing argument");
    *rows_out = NULL;
    *n_out = 0;
    if (!f)
        f = &none;
    if (f->stance != NG_CLAIMS_ANY_STANCE && f->stance != NG_CLAIMS_ASSERT && f->stance != NG_CLAIMS_DENY)
        return ng_fail(err, NG_ERR_INVALID, "unknown stance filter %d", (int)f->stance);
    size_t about, by;
    ng_status st = resolve(g, "--about", f->about, &about, err);
    if (!st)
        st = resolve(g, "--by", f->by, &by, err);
    if (st)
        return st;

    /* Document id -> document node. */
    GHashTable *docs = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < g->nnodes; i++)
        if (g->nodes[i].type == NG_NODE_DOCUMENT && g->nodes[i].doc)
            g_hash_table_insert(docs, g->nodes[i].doc, GSIZE_TO_POINTER(i + 1));
    if (f->doc && !g_hash_table_contains(docs, f->doc)) {
        g_hash_table_destroy(docs);
        return ng_fail(err, NG_ERR_NOTFOUND, "--doc: no document has the id '%s'", f->doc);
    }

    incidence inc;
    incidence_build(g, &inc);
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(ng_claim_row));
    const char *stance = f->stance == NG_CLAIMS_ASSERT ? "assert" : f->stance == NG_CLAIMS_DENY ? "deny" : NULL;
    for (size_t i = 0; i < g->nnodes; i++) {
        const ng_node *c = &g->nodes[i];
        if (c->type != NG_NODE_CLAIM)
            continue;
        if (f->doc && strcmp(str_or_empty(c->doc), f->doc) != 0)
            continue;
        if (stance && strcmp(str_or_empty(c->stance), stance) != 0)
            continue;
        idxvec speakers = {0}, outlets = {0}, nums = {0};
        int mentions_about = 0;
        for (size_t k = inc.off_in[i]; k < inc.off_in[i + 1]; k++) {
            const ng_edge *e = &g->edges[inc.in[k]];
            if (e->type == NG_EDGE_SAID)
                idx_push_unique(&speakers, e->source);
            else if (e->type == NG_EDGE_REPORTED)
                idx_push_unique(&outlets, e->source);
        }
        for (size_t k = inc.off_out[i]; k < inc.off_out[i + 1]; k++) {
            const ng_edge *e = &g->edges[inc.out[k]];
            if (e->type == NG_EDGE_STATES && g->nodes[e->target].type == NG_NODE_QUANTITY)
                idx_push_unique(&nums, e->target);
            else if (e->type == NG_EDGE_MENTIONS && e->target == about)
                mentions_about = 1;
        }
        /* An outlet that cites one of the speakers in this claim's document. */
        for (size_t s = 0; s < speakers.n; s++) {
            size_t sp = speakers.v[s];
            for (size_t k = inc.off_in[sp]; k < inc.off_in[sp + 1]; k++) {
                const ng_edge *e = &g->edges[inc.in[k]];
                if (e->type == NG_EDGE_CITES && !strcmp(str_or_empty(e->doc), str_or_empty(c->doc)))
                    idx_push_unique(&outlets, e->source);
            }
        }
        ng_claim_row row = {0};
        row.node = i;
        row.numbers = nums.n ? calloc(nums.n, sizeof *row.numbers) : NULL;
        row.nnumbers = nums.n;
        int owner_about = 0;
        for (size_t q = 0; q < nums.n; q++) {
            idxvec owners = {0};
            size_t qn = nums.v[q];
            for (size_t k = inc.off_out[qn]; k < inc.off_out[qn + 1]; k++) {
                const ng_edge *e = &g->edges[inc.out[k]];
                if (e->type == NG_EDGE_QUANTITY_OF)
                    idx_push_unique(&owners, e->target);
            }
            if (owners.n)
                qsort(owners.v, owners.n, sizeof *owners.v, cmp_size);
            if (about != NG_CLAIMS_NONE && idx_has(owners.v, owners.n, about))
                owner_about = 1;
            row.numbers[q].node = qn;
            row.numbers[q].owners = idx_take(&owners, &row.numbers[q].nowners);
        }
        g_free(nums.v);
        row.speakers = idx_take(&speakers, &row.nspeakers);
        row.outlets = idx_take(&outlets, &row.noutlets);
        int keep = 1;
        if (f->numbers && !row.nnumbers)
            keep = 0;
        if (about != NG_CLAIMS_NONE && !mentions_about && !owner_about)
            keep = 0;
        if (by != NG_CLAIMS_NONE && !idx_has(row.speakers, row.nspeakers, by) &&
            !idx_has(row.outlets, row.noutlets, by))
            keep = 0;
        if (!keep) {
            free(row.speakers);
            free(row.outlets);
            for (size_t q = 0; q < row.nnumbers; q++)
                free(row.numbers[q].owners);
            free(row.numbers);
            continue;
        }
        sort_ctx ctx = {g};
        if (row.nnumbers > 1)
            g_qsort_with_data(row.numbers, (gint)row.nnumbers, sizeof *row.numbers, cmp_numbers, &ctx);
        size_t d = GPOINTER_TO_SIZE(g_hash_table_lookup(docs, str_or_empty(c->doc)));
        row.doc_node = d ? d - 1 : NG_CLAIMS_NONE;
        g_array_append_val(rows, row);
    }
    incidence_free(&inc);
    g_hash_table_destroy(docs);
    sort_ctx ctx = {g};
    if (rows->len > 1)
        g_qsort_with_data(rows->data, (gint)rows->len, sizeof(ng_claim_row), cmp_rows, &ctx);
    *n_out = rows->len;
    if (rows->len) {
        *rows_out = malloc(rows->len * sizeof(ng_claim_row));
        memcpy(*rows_out, rows->data, rows->len * sizeof(ng_claim_row));
    }
    g_array_free(rows, TRUE);
    return NG_OK;
}

/* ---- conflicts ---- */

const char *ng_conflict_relation_name(ng_conflict_relation r)
{
    switch (r) {
    case NG_CONFLICT_OVERLAPPING: return "overlapping";
    case NG_CONFLICT_PARTLY: return "partly overlapping";
    case NG_CONFLICT_DISJOINT: return "disjoint";
    }
    return "unknown";
}

void ng_conflict_groups_free(ng_conflict_group *groups, size_t n)
{
    if (!groups)
        return;
    for (size_t i = 0; i < n; i++) {
        free(groups[i].unit);
        free(groups[i].owners);
        free(groups[i].owner_label);
        free(groups[i].values);
        free(groups[i].items);
    }
    free(groups);
}

typedef struct item_ctx {
    const ng_graph *g;
    const ng_claim_row *rows;
} item_ctx;

static gint cmp_items(gconstpointer a, gconstpointer b, gpointer data)
{
    const item_ctx *ctx = data;
    const ng_conflict_item *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    int c = cmp_claim_nodes(ctx->g, ctx->rows[x->row].node, ctx->rows[y->row].node);
    if (c)
        return c;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->number < y->number ? -1 : x->number > y->number;
}

static int cmp_values(const void *a, const void *b)
{
    const ng_conflict_value *x = a, *y = b;
    if (x->low != y->low)
        return x->low < y->low ? -1 : 1;
    if (x->high != y->high)
        return x->high < y->high ? -1 : 1;
    return 0;
}

static int cmp_groups(const void *a, const void *b)
{
    const ng_conflict_group *x = a, *y = b;
    if (x->nvalues != y->nvalues)
        return x->nvalues > y->nvalues ? -1 : 1;
    int c = strcmp(x->unit, y->unit);
    if (c)
        return c;
    c = strcmp(x->owner_label, y->owner_label);
    if (c)
        return c;
    return strcmp(str_or_empty(x->doc), str_or_empty(y->doc));
}

/* Time spans (the units of kind `duration` in data/lang/de/units.tsv): two
 * spans named near each other are rarely two answers to one question. */
static int is_duration(const char *unit)
{
    static const char *const spans[] = {"Sekunde", "Minute", "Stunde", "Nacht", "Tag", "Woche",
                                        "Monat",   "Quartal", "Jahr",  "Jahrzehnt", "Jahrhundert"};
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
        if (!strcmp(unit, spans[i]))
            return 1;
    return 0;
}

/* The interval a quantity allows: open upwards for at_least, downwards for at_most. */
static void interval(const ng_node *q, double *lo, double *hi)
{
    const char *ql = str_or_empty(q->qualifier);
    double l = q->low < q->high ? q->low : q->high, h = q->low < q->high ? q->high : q->low;
    *lo = !strcmp(ql, "at_most") ? -INFINITY : l;
    *hi = !strcmp(ql, "at_least") ? INFINITY : h;
}

ng_status ng_claims_conflicts(const ng_graph *g, const ng_claim_row *rows, size_t nrows, ng_conflict_group **out,
                              size_t *nout, ng_errmsg *err)
{
    if (!g || !out || !nout || (nrows && !rows))
        return ng_fail(err, NG_ERR_INVALID, "ng_claims_conflicts: missing argument");
    *out = NULL;
    *nout = 0;
    /* Group (row, number) pairs by their key: unit and owner ids, or unit and
     * document for numbers without an owner. */
    GHashTable *by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *groups = g_array_new(FALSE, TRUE, sizeof(GArray *));
    for (size_t r = 0; r < nrows; r++) {
        for (size_t k = 0; k < rows[r].nnumbers; k++) {
            const ng_claim_number *num = &rows[r].numbers[k];
            const ng_node *q = &g->nodes[num->node];
            if (q->type != NG_NODE_QUANTITY || !q->has_value || !q->unit || !*q->unit || is_duration(q->unit))
                continue;
            if (!isfinite(q->low) || !isfinite(q->high))
                continue;
            GString *key = g_string_new(q->unit);
            g_string_append_c(key, '\x1f');
            for (size_t o = 0; o < num->nowners; o++) {
                g_string_append(key, g->nodes[num->owners[o]].id);
                g_string_append_c(key, '\x1e');
            }
            if (!num->nowners) {
                g_string_append_c(key, '\x1f');
                g_string_append(key, str_or_empty(q->doc));
            }
            gpointer slot;
            GArray *items;
            if (g_hash_table_lookup_extended(by_key, key->str, NULL, &slot)) {
                items = g_array_index(groups, GArray *, GPOINTER_TO_SIZE(slot));
                g_string_free(key, TRUE);
            } else {
                items = g_array_new(FALSE, TRUE, sizeof(ng_conflict_item));
                g_hash_table_insert(by_key, g_string_free(key, FALSE), GSIZE_TO_POINTER(groups->len));
                g_array_append_val(groups, items);
            }
            ng_conflict_item it = {r, k, 0};
            g_array_append_val(items, it);
        }
    }
    g_hash_table_destroy(by_key);

    GArray *res = g_array_new(FALSE, TRUE, sizeof(ng_conflict_group));
    item_ctx ictx = {g, rows};
    for (guint gi = 0; gi < groups->len; gi++) {
        GArray *items = g_array_index(groups, GArray *, gi);
        ng_conflict_item *it = (ng_conflict_item *)(void *)items->data;
        size_t ni = items->len;
        /* Distinct values, ascending. */
        ng_conflict_value *vals = malloc(ni * sizeof *vals);
        for (size_t i = 0; i < ni; i++) {
            const ng_node *q = &g->nodes[rows[it[i].row].numbers[it[i].number].node];
            vals[i].low = q->low < q->high ? q->low : q->high;
            vals[i].high = q->low < q->high ? q->high : q->low;
        }
        qsort(vals, ni, sizeof *vals, cmp_values);
        size_t nv = 0;
        for (size_t i = 0; i < ni; i++)
            if (!nv || cmp_values(&vals[nv - 1], &vals[i]) != 0)
                vals[nv++] = vals[i];
        if (nv < 2) {
            free(vals);
            g_array_free(items, TRUE);
            continue;
        }
        /* Each item's value, and each value's interval (the hull of its items'). */
        double *lo = malloc(nv * sizeof *lo), *hi = malloc(nv * sizeof *hi);
        for (size_t v = 0; v < nv; v++) {
            lo[v] = INFINITY;
            hi[v] = -INFINITY;
        }
        for (size_t i = 0; i < ni; i++) {
            const ng_node *q = &g->nodes[rows[it[i].row].numbers[it[i].number].node];
            ng_conflict_value key = {q->low < q->high ? q->low : q->high, q->low < q->high ? q->high : q->low};
            const ng_conflict_value *hit = bsearch(&key, vals, nv, sizeof *vals, cmp_values);
            it[i].value = (size_t)(hit - vals);
            double l, h;
            interval(q, &l, &h);
            if (l < lo[it[i].value])
                lo[it[i].value] = l;
            if (h > hi[it[i].value])
                hi[it[i].value] = h;
        }
        size_t pairs = 0, overlapping = 0;
        for (size_t a = 0; a < nv; a++)
            for (size_t b = a + 1; b < nv; b++) {
                pairs++;
                if (lo[a] <= hi[b] && lo[b] <= hi[a])
                    overlapping++;
            }
        free(lo);
        free(hi);
        g_qsort_with_data(it, (gint)ni, sizeof *it, cmp_items, &ictx);

        ng_conflict_group grp = {0};
        const ng_claim_number *first = &rows[it[0].row].numbers[it[0].number];
        const ng_node *fq = &g->nodes[first->node];
        grp.unit = strdup(fq->unit);
        grp.nowners = first->nowners;
        if (first->nowners) {
            grp.owners = malloc(first->nowners * sizeof *grp.owners);
            memcpy(grp.owners, first->owners, first->nowners * sizeof *grp.owners);
        }
        GString *ol = g_string_new(NULL);
        for (size_t o = 0; o < first->nowners; o++)
            g_string_append_printf(ol, "%s%s", o ? ", " : "", str_or_empty(g->nodes[first->owners[o]].label));
        grp.owner_label = strdup(ol->str);
        g_string_free(ol, TRUE);
        grp.doc = first->nowners ? NULL : fq->doc;
        grp.values = realloc(vals, nv * sizeof *vals);
        grp.nvalues = nv;
        grp.items = malloc(ni * sizeof *grp.items);
        memcpy(grp.items, it, ni * sizeof *grp.items);
        grp.nitems = ni;
        grp.relation = overlapping == pairs ? NG_CONFLICT_OVERLAPPING
                       : overlapping == 0   ? NG_CONFLICT_DISJOINT
                                            : NG_CONFLICT_PARTLY;
        g_array_append_val(res, grp);
        g_array_free(items, TRUE);
    }
    g_array_free(groups, TRUE);
    if (res->len > 1)
        qsort(res->data, res->len, sizeof(ng_conflict_group), cmp_groups);
    *nout = res->len;
    if (res->len) {
        *out = malloc(res->len * sizeof(ng_conflict_group));
        memcpy(*out, res->data, res->len * sizeof(ng_conflict_group));
    }
    g_array_free(res, TRUE);
    return NG_OK;
}
