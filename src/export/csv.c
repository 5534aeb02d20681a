/* CSV: nodes.csv and edges.csv (RFC 4180: fields with quotes doubled,
 * records ended by CRLF), with Gephi's spreadsheet header or neo4j-admin's
 * bulk-import header.
 *
 * Text is made safe as in the other formats (newlines and control characters
 * become spaces or U+FFFD), so no field spans lines.  Text fields are always
 * quoted, numbers and booleans never; an attribute a node does not have is an
 * empty, unquoted field (Neo4j reads that as "no property", "" as an empty
 * string).  Lists are joined with '|' for Gephi (as in GraphML and GEXF) and
 * with ';', neo4j-admin's default array delimiter, for Neo4j. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

static void put_text(GString *row, const char *s)
{
    char *clean = ng_clean_text(s, 0);
    g_string_append_c(row, '"');
    for (const char *p = clean; *p; p++) {
        if (*p == '"')
            g_string_append_c(row, '"');
        g_string_append_c(row, *p);
    }
    g_string_append_c(row, '"');
    g_free(clean);
}

static void put_value(GString *row, ng_attr_kind kind, const ng_attr_value *v, const char *list_sep)
{
    char buf[32];
    if (!v->present)
        return;
    switch (kind) {
    case NG_ATTR_STRING: put_text(row, v->s); break;
    case NG_ATTR_LONG: g_string_append_printf(row, "%ld", v->l); break;
    case NG_ATTR_BOOL: g_string_append(row, v->l ? "true" : "false"); break;
    case NG_ATTR_DOUBLE:
        ng_format_double(v->d, buf);
        g_string_append(row, buf);
        break;
    case NG_ATTR_LIST: {
        char *j = ng_strlist_join(v->list, list_sep);
        put_text(row, j);
        free(j);
        break;
    }
    }
}

static const char *neo4j_type(ng_attr_kind k)
{
    switch (k) {
    case NG_ATTR_LONG: return ":long";
    case NG_ATTR_DOUBLE: return ":double";
    case NG_ATTR_BOOL: return ":boolean";
    case NG_ATTR_LIST: return ":string[]";
    default: return "";
    }
}

static int flush_row(FILE *f, GString *row)
{
    g_string_append(row, "\r\n");
    int ok = fwrite(row->str, 1, row->len, f) == row->len;
    g_string_truncate(row, 0);
    return ok ? 0 : -1;
}

ng_status ng_export_csv_nodes(const ng_graph *g, ng_csv_header h, FILE *f, ng_errmsg *err)
{
    const char *sep = h == NG_CSV_NEO4J ? ";" : "|";
    GString *row = g_string_new(NULL);
    /* Header: the id, the label, then every other attribute in model order. */
    g_string_append(row, h == NG_CSV_NEO4J ? "id:ID,label,:LABEL" : "Id,Label");
    for (size_t i = 0; i < ng_node_attr_count; i++) {
        if (!strcmp(ng_node_attrs[i].name, "label"))
            continue;
        g_string_append_printf(row, ",%s%s", ng_node_attrs[i].name,
                               h == NG_CSV_NEO4J ? neo4j_type(ng_node_attrs[i].kind) : "");
    }
    int bad = flush_row(f, row);
    for (size_t n = 0; n < g->nnodes && !bad; n++) {
        const ng_node *node = &g->nodes[n];
        put_text(row, node->id);
        g_string_append_c(row, ',');
        if (node->label)
            put_text(row, node->label);
        if (h == NG_CSV_NEO4J) {
            g_string_append_c(row, ',');
            put_text(row, ng_node_type_name(node->type));
        }
        for (size_t i = 0; i < ng_node_attr_count; i++) {
            if (!strcmp(ng_node_attrs[i].name, "label"))
                continue;
            ng_attr_value v;
            ng_node_attr(node, i, &v);
            g_string_append_c(row, ',');
            put_value(row, ng_node_attrs[i].kind, &v, sep);
        }
        bad = flush_row(f, row);
    }
    g_string_free(row, TRUE);
    return bad || ferror(f) ? ng_fail(err, NG_ERR_IO, "CSV: write failed") : NG_OK;
}

ng_status ng_export_csv_edges(const ng_graph *g, ng_csv_header h, FILE *f, ng_errmsg *err)
{
    const char *sep = h == NG_CSV_NEO4J ? ";" : "|";
    GString *row = g_string_new(NULL);
    /* Gephi: Type is the direction, the relation goes to Label and kind.
     * Neo4j: the relation is the relationship type. */
    g_string_append(row, h == NG_CSV_NEO4J ? ":START_ID,:END_ID,:TYPE,id,weight:double"
                                           : "Source,Target,Type,Id,Weight,Label,kind");
    for (size_t i = 0; i < ng_edge_attr_count; i++) {
        const char *name = ng_edge_attrs[i].name;
        if (!strcmp(name, "type") || !strcmp(name, "weight"))
            continue;
        g_string_append_printf(row, ",%s%s", name, h == NG_CSV_NEO4J ? neo4j_type(ng_edge_attrs[i].kind) : "");
    }
    int bad = flush_row(f, row);
    char buf[32];
    for (size_t e = 0; e < g->nedges && !bad; e++) {
        const ng_edge *edge = &g->edges[e];
        const char *rel = ng_edge_type_name(edge->type);
        put_text(row, g->nodes[edge->source].id);
        g_string_append_c(row, ',');
        put_text(row, g->nodes[edge->target].id);
        g_string_append_c(row, ',');
        if (h == NG_CSV_NEO4J) {
            put_text(row, rel);
            g_string_append_c(row, ',');
            put_text(row, edge->id);
            g_string_append_c(row, ',');
            ng_format_double(edge->weight, buf);
            g_string_append(row, buf);
        } else {
            g_string_append(row, "Directed,");
            put_text(row, edge->id);
            g_string_append_c(row, ',');
            ng_format_double(edge->weight, buf);
            g_string_append(row, buf);
            g_string_append_c(row, ',');
            put_text(row, rel);
            g_string_append_c(row, ',');
            put_text(row, rel);
        }
        for (size_t i = 0; i < ng_edge_attr_count; i++) {
            const char *name = ng_edge_attrs[i].name;
            if (!strcmp(name, "type") || !strcmp(name, "weight"))
                continue;
            ng_attr_value v;
            ng_edge_attr(g, edge, i, &v);
            g_string_append_c(row, ',');
            put_value(row, ng_edge_attrs[i].kind, &v, sep);
        }
        bad = flush_row(f, row);
    }
    g_string_free(row, TRUE);
    return bad || ferror(f) ? ng_fail(err, NG_ERR_IO, "CSV: write failed") : NG_OK;
}
