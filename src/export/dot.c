/* DOT for Graphviz: every value quoted, shape and colour by node type,
 * edge labels by relation, written in the C locale. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

static void put_attr(FILE *f, int *first, const char *name, const char *value)
{
    char *clean = ng_clean_text(value, 1);
    fprintf(f, "%s\"%s\"=\"%s\"", *first ? "" : ", ", name, clean);
    *first = 0;
    g_free(clean);
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

ng_status ng_export_dot(const ng_graph *g, FILE *f, ng_errmsg *err)
{
    fprintf(f, "digraph \"newsgraph\" {\n");
    /* sfdp lays out thousands of nodes in seconds where dot takes minutes;
     * "dot -Kdot" still picks the hierarchical layout. */
    fprintf(f, "  graph [\"layout\"=\"sfdp\", \"overlap\"=\"prism\", \"outputorder\"=\"edgesfirst\"];\n");
    fprintf(f, "  node [\"style\"=\"filled\", \"fontname\"=\"Helvetica\", \"fontsize\"=\"10\"];\n");
    fprintf(f, "  edge [\"fontname\"=\"Helvetica\", \"fontsize\"=\"8\"];\n");
    for (size_t n = 0; n < g->nnodes; n++) {
        const ng_node *node = &g->nodes[n];
        const ng_node_style *st = ng_node_style_of(node->type);
        char *id = ng_clean_text(node->id, 1);
        fprintf(f, "  \"%s\" [", id);
        g_free(id);
        int first = 1;
        char color[16];
        g_snprintf(color, sizeof color, "#%02x%02x%02x", st->r, st->g, st->b);
        put_attr(f, &first, "shape", st->shape);
        put_attr(f, &first, "fillcolor", color);
        for (size_t i = 0; i < ng_node_attr_count; i++) {
            ng_attr_value v;
            ng_node_attr(node, i, &v);
            if (v.present)
                put_value(f, &first, ng_node_attrs[i].name, ng_node_attrs[i].kind, &v);
        }
        fprintf(f, "];\n");
    }
    for (size_t e = 0; e < g->nedges; e++) {
        const ng_edge *edge = &g->edges[e];
        char *s = ng_clean_text(g->nodes[edge->source].id, 1), *t = ng_clean_text(g->nodes[edge->target].id, 1);
        fprintf(f, "  \"%s\" -> \"%s\" [", s, t);
        g_free(s);
        g_free(t);
        int first = 1;
        put_attr(f, &first, "id", edge->id);
        put_attr(f, &first, "label", ng_edge_type_name(edge->type));
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
