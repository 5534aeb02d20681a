/* DOT for Graphviz: every value quoted, shape and colour by node type,
 * edge labels by relation, written in the C locale.
 *
 * Options: one `subgraph "cluster_<doc>"` per document (nodes of exactly one
 * document go inside, entities named in several documents stay outside), the
 * layout engine, and drawing defaults for `newsgraph render` (sizes by degree,
 * short labels, tooltips, no edge labels). */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

/* Labels in a drawing are cut to this many characters (the full text stays
 * in the tooltip and in the other attributes). */
#define RENDER_LABEL_CHARS 48

/* Graphviz's scanner takes quoted strings of at most 16384 bytes; longer
 * text is written as "..." + "..." (DOT's string concatenation), cut between
 * characters and never inside an escape or "&amp;". */
#define DOT_CHUNK 8000

/* Graphviz 2.43's fdp (the layout of clustered files) overflows a 1000-byte
 * buffer when a cluster's name and an edge's two node names add up to more;
 * with clusters, longer names are cut and keep a hash to stay unique (the
 * whole id is then in the node's "node_id" attribute). */
#define DOT_CLUSTER_NAME_MAX 240
#define DOT_CLUSTER_NAME_CUT 200

/* The largest n' <= n at which the made-safe text p can be cut. */
static size_t safe_cut(const char *p, size_t n)
{
    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
        n--; /* not inside a UTF-8 sequence */
    size_t bs = 0;
    while (bs < n && p[n - 1 - bs] == '\\')
        bs++;
    if (bs % 2)
        n--; /* not between a backslash and what it escapes */
    for (size_t k = 1; k <= 4 && k <= n; k++)
        if (p[n - k] == '&') {
            n -= k; /* not inside "&amp;" */
            break;
        }
    return n;
}

/* Writes made-safe text as one quoted DOT string. */
static void put_clean_quoted(FILE *f, const char *p, size_t left)
{
    fputc('"', f);
    while (left > DOT_CHUNK) {
        size_t n = safe_cut(p, DOT_CHUNK);
        fwrite(p, 1, n, f);
        fputs("\" + \"", f);
        p += n;
        left -= n;
    }
    fwrite(p, 1, left, f);
    fputc('"', f);
}

/* Writes s as one quoted DOT string (made safe first). */
static void put_quoted(FILE *f, const char *s)
{
    char *clean = ng_clean_text(s, 1);
    put_clean_quoted(f, clean, strlen(clean));
    g_free(clean);
}

static int name_too_long(const char *id, int shorten)
{
    if (!shorten)
        return 0;
    char *clean = ng_clean_text(id, 1);
    int r = strlen(clean) > DOT_CLUSTER_NAME_MAX;
    g_free(clean);
    return r;
}

/* A node or cluster name: the id, or with `shorten` a long id cut, with "…"
 * and a hash of the whole id. */
static void put_name(FILE *f, const char *id, int shorten)
{
    char *clean = ng_clean_text(id, 1);
    size_t len = strlen(clean);
    if (shorten && len > DOT_CLUSTER_NAME_MAX) {
        guint64 h = 14695981039346656037ULL; /* FNV-1a */
        for (const unsigned char *p = (const unsigned char *)id; *p; p++)
            h = (h ^ *p) * 1099511628211ULL;
        GString *s = g_string_new_len(clean, (gssize)safe_cut(clean, DOT_CLUSTER_NAME_CUT));
        g_string_append_printf(s, "\xE2\x80\xA6-%016" G_GINT64_MODIFIER "x", h);
        put_clean_quoted(f, s->str, s->len);
        g_string_free(s, TRUE);
    } else {
        put_clean_quoted(f, clean, len);
    }
    g_free(clean);
}

static void put_attr(FILE *f, int *first, const char *name, const char *value)
{
    fprintf(f, "%s\"%s\"=", *first ? "" : ", ", name);
    put_quoted(f, value);
    *first = 0;
}

static void put_value(FILE *f, int *first, const char *name, ng_attr_kind kind, const ng_attr_value *v)
{
    char buf[32];
    switch (kind) {
    case NG_ATTR_STRING: put_attr(f, first, name, v->s); break;
    case NG_ATTR_LONG: g_snprintf(buf, sizeof buf, "%ld", v->l); put_attr(f, first, name, buf); break;
    case NG_ATTR_BOOL: put_attr(f, first, name, v->l ? "true" : "false"); break;
    case NG_ATTR_DOUBLE: ng_format_double(v->d, buf); put_attr(f, first, name, buf); break;
    case NG_ATTR_LIST: {
        char *j = ng_strlist_join(v->list, "|");
        put_attr(f, first, name, j);
        free(j);
        break;
    }
    }
}

/* The one document a node belongs to, or NULL (several or none). */
static const char *node_doc(const ng_node *n)
{
    if (n->type == NG_NODE_CLAIM || n->type == NG_NODE_QUANTITY || n->type == NG_NODE_DOCUMENT)
        return n->doc && *n->doc ? n->doc : NULL;
    return n->docs.n == 1 && *n->docs.items[0] ? n->docs.items[0] : NULL;
}

/* First `max` characters of s, with "…" when cut. */
static char *shorten(const char *s, long max)
{
    if (!g_utf8_validate(s, -1, NULL) || g_utf8_strlen(s, -1) <= max)
        return g_strdup(s);
    const char *end = g_utf8_offset_to_pointer(s, max - 1);
    GString *out = g_string_new_len(s, end - s);
    g_string_append(out, "\xE2\x80\xA6");
    return g_string_free(out, FALSE);
}

static void write_node(FILE *f, const ng_node *node, const ng_export_opts *o, double degree, const char *indent)
{
    const ng_node_style *st = ng_node_style_of(node->type);
    fputs(indent, f);
    put_name(f, node->id, o->dot_cluster_doc);
    fputs(" [", f);
    int first = 1;
    char buf[32];
    g_snprintf(buf, sizeof buf, "#%02x%02x%02x", st->r, st->g, st->b);
    put_attr(f, &first, "shape", st->shape);
    put_attr(f, &first, "fillcolor", buf);
    if (name_too_long(node->id, o->dot_cluster_doc))
        put_attr(f, &first, "node_id", node->id);
    if (o->dot_render) {
        /* Bigger type for the more connected, so the hubs read first. */
        double fs = 9.0 + 2.0 * sqrt(degree);
        ng_format_double(floor((fs > 30 ? 30 : fs) * 10 + 0.5) / 10, buf);
        put_attr(f, &first, "fontsize", buf);
        const char *tip = node->text && *node->text ? node->text : node->label ? node->label : node->id;
        put_attr(f, &first, "tooltip", tip);
    }
    for (size_t i = 0; i < ng_node_attr_count; i++) {
        ng_attr_value v;
        ng_node_attr(node, i, &v);
        if (!v.present)
            continue;
        if (o->dot_render && !strcmp(ng_node_attrs[i].name, "label")) {
            char *s = shorten(v.s, RENDER_LABEL_CHARS);
            put_attr(f, &first, "label", s);
            g_free(s);
            continue;
        }
        put_value(f, &first, ng_node_attrs[i].name, ng_node_attrs[i].kind, &v);
    }
    fprintf(f, "];\n");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

ng_status ng_export_dot(const ng_graph *g, FILE *f, ng_errmsg *err)
{
    return ng_export_dot_opts(g, NULL, f, err);
}

ng_status ng_export_dot_opts(const ng_graph *g, const ng_export_opts *opts, FILE *f, ng_errmsg *err)
{
    static const ng_export_opts defaults = {0};
    const ng_export_opts *o = opts ? opts : &defaults;
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
        return ng_fail(err, NG_ERR_NOMEM, "DOT: out of memory");
    if (igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&deg);
        return ng_fail(err, NG_ERR_GRAPH, "DOT: igraph could not count degrees");
    }
    fprintf(f, "digraph \"newsgraph\" {\n");
    /* sfdp lays out thousands of nodes in seconds where dot takes minutes;
     * "dot -Glayout=dot" still picks the hierarchical layout. */
    fputs("  graph [", f);
    int gfirst = 1;
    put_attr(f, &gfirst, "layout", o->dot_layout ? o->dot_layout : "sfdp");
    fprintf(f, ", \"overlap\"=\"prism\", \"outputorder\"=\"edgesfirst\"");
    if (o->dot_render)
        fprintf(f, ", \"bgcolor\"=\"white\", \"pad\"=\"0.3\", \"splines\"=\"true\", \"fontname\"=\"Helvetica\"");
    fprintf(f, "];\n");
    fprintf(f, "  node [\"style\"=\"filled\", \"fontname\"=\"Helvetica\", \"fontsize\"=\"10\"];\n");
    if (o->dot_render)
        fprintf(f, "  edge [\"color\"=\"#9e9e9e80\", \"arrowsize\"=\"0.5\"];\n");
    else
        fprintf(f, "  edge [\"fontname\"=\"Helvetica\", \"fontsize\"=\"8\"];\n");
    if (o->dot_cluster_doc) {
        /* Clusters in document order; inside, nodes in id order. */
        GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
        GPtrArray *docs = g_ptr_array_new();
        for (size_t n = 0; n < g->nnodes; n++) {
            const char *d = node_doc(&g->nodes[n]);
            if (d && !g_hash_table_contains(seen, d)) {
                g_hash_table_add(seen, (gpointer)d);
                g_ptr_array_add(docs, (gpointer)d);
            }
        }
        g_hash_table_destroy(seen);
        qsort(docs->pdata, docs->len, sizeof(gpointer), cmp_str);
        for (guint k = 0; k < docs->len; k++) {
            const char *d = docs->pdata[k];
            gchar *name = g_strconcat("cluster_", d, NULL);
            fputs("  subgraph ", f);
            put_name(f, name, 1);
            fputs(" {\n    graph [", f);
            g_free(name);
            int first = 1;
            put_attr(f, &first, "label", d);
            put_attr(f, &first, "style", "rounded");
            put_attr(f, &first, "color", "#78909c");
            fprintf(f, "];\n");
            for (size_t n = 0; n < g->nnodes; n++) {
                const char *nd = node_doc(&g->nodes[n]);
                if (nd && !strcmp(nd, d))
                    write_node(f, &g->nodes[n], o, (double)VECTOR(deg)[n], "    ");
            }
            fprintf(f, "  }\n");
        }
        g_ptr_array_free(docs, TRUE);
        for (size_t n = 0; n < g->nnodes; n++)
            if (!node_doc(&g->nodes[n]))
                write_node(f, &g->nodes[n], o, (double)VECTOR(deg)[n], "  ");
    } else {
        for (size_t n = 0; n < g->nnodes; n++)
            write_node(f, &g->nodes[n], o, (double)VECTOR(deg)[n], "  ");
    }
    igraph_vector_int_destroy(&deg);
    for (size_t e = 0; e < g->nedges; e++) {
        const ng_edge *edge = &g->edges[e];
        fputs("  ", f);
        put_name(f, g->nodes[edge->source].id, o->dot_cluster_doc);
        fputs(" -> ", f);
        put_name(f, g->nodes[edge->target].id, o->dot_cluster_doc);
        fputs(" [", f);
        int first = 1;
        put_attr(f, &first, "id", edge->id);
        if (o->dot_render) {
            /* Heavier links drawn thicker; the relation as a tooltip. */
            char buf[32];
            double w = isfinite(edge->weight) && edge->weight > 1 ? edge->weight : 1;
            ng_format_double(floor((0.6 + log(w)) * 10 + 0.5) / 10, buf);
            put_attr(f, &first, "penwidth", buf);
            put_attr(f, &first, "tooltip", ng_edge_type_name(edge->type));
        } else {
            put_attr(f, &first, "label", ng_edge_type_name(edge->type));
        }
        for (size_t i = 0; i < ng_edge_attr_count; i++) {
            ng_attr_value v;
            ng_edge_attr(g, edge, i, &v);
            if (!v.present)
                continue;
            /* dot wants whole, non-negative edge weights. */
            if (!strcmp(ng_edge_attrs[i].name, "weight")) {
                char buf[32];
                double w = isfinite(v.d) && v.d > 0 ? floor(v.d + 0.5) : 0;
                g_snprintf(buf, sizeof buf, "%.0f", w);
                put_attr(f, &first, "weight", buf);
                continue;
            }
            put_value(f, &first, ng_edge_attrs[i].name, ng_edge_attrs[i].kind, &v);
        }
        fprintf(f, "];\n");
    }
    fprintf(f, "}\n");
    return ferror(f) ? ng_fail(err, NG_ERR_IO, "DOT: write failed") : NG_OK;
}
