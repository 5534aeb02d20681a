/* GraphML with libxml2's xmlTextWriter: every key declared with its type,
 * node ids as in the model, Gephi's colour (r, g, b) and size. */
#include <glib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

static const char *graphml_type(ng_attr_kind k)
{
    switch (k) {
    case NG_ATTR_LONG: return "long";
    case NG_ATTR_DOUBLE: return "double";
    case NG_ATTR_BOOL: return "boolean";
    default: return "string";
    }
}

static int write_key(xmlTextWriterPtr w, const char *id, const char *for_, const char *name, const char *type)
{
    int rc = xmlTextWriterStartElement(w, BAD_CAST "key");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST for_);
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST name);
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST type);
    rc |= xmlTextWriterEndElement(w);
    return rc < 0 ? -1 : 0;
}

static int write_data(xmlTextWriterPtr w, const char *key, const char *value)
{
    char *clean = ng_clean_text(value, 0);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "data");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key);
    rc |= xmlTextWriterWriteString(w, BAD_CAST clean);
    rc |= xmlTextWriterEndElement(w);
    g_free(clean);
    return rc < 0 ? -1 : 0;
}

static int write_value(xmlTextWriterPtr w, const char *key, ng_attr_kind kind, const ng_attr_value *v)
{
    char buf[32];
    switch (kind) {
    case NG_ATTR_STRING: return write_data(w, key, v->s);
    case NG_ATTR_LONG: g_snprintf(buf, sizeof buf, "%ld", v->l); return write_data(w, key, buf);
    case NG_ATTR_BOOL: return write_data(w, key, v->l ? "true" : "false");
    case NG_ATTR_DOUBLE: ng_format_double(v->d, buf); return write_data(w, key, buf);
    case NG_ATTR_LIST: {
        char *j = ng_strlist_join(v->list, "|");
        int rc = write_data(w, key, j);
        free(j);
        return rc;
    }
    }
    return 0;
}

static int write_graph(xmlTextWriterPtr w, const ng_graph *g)
{
    int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    rc |= xmlTextWriterSetIndent(w, 1);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "graphml");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                      BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                                               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    if (rc < 0)
        return -1;
    char id[64];
    for (size_t i = 0; i < ng_node_attr_count; i++) {
        g_snprintf(id, sizeof id, "n_%s", ng_node_attrs[i].name);
        if (write_key(w, id, "node", ng_node_attrs[i].name, graphml_type(ng_node_attrs[i].kind)))
            return -1;
    }
    /* Gephi reads these for colour and size. */
    if (write_key(w, "n_r", "node", "r", "int") || write_key(w, "n_g", "node", "g", "int") ||
        write_key(w, "n_b", "node", "b", "int") || write_key(w, "n_size", "node", "size", "double"))
        return -1;
    for (size_t i = 0; i < ng_edge_attr_count; i++) {
        g_snprintf(id, sizeof id, "e_%s", ng_edge_attrs[i].name);
        if (write_key(w, id, "edge", ng_edge_attrs[i].name, graphml_type(ng_edge_attrs[i].kind)))
            return -1;
    }
    rc = xmlTextWriterStartElement(w, BAD_CAST "graph");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "newsgraph");
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed");
    if (rc < 0)
        return -1;
    igraph_vector_int_t deg;
    igraph_vector_int_init(&deg, 0);
    igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
    for (size_t n = 0; n < g->nnodes; n++) {
        const ng_node *node = &g->nodes[n];
        rc = xmlTextWriterStartElement(w, BAD_CAST "node");
        rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST node->id);
        if (rc < 0)
            break;
        for (size_t i = 0; i < ng_node_attr_count && rc >= 0; i++) {
            ng_attr_value v;
            ng_node_attr(node, i, &v);
            if (!v.present)
                continue;
            g_snprintf(id, sizeof id, "n_%s", ng_node_attrs[i].name);
            rc = write_value(w, id, ng_node_attrs[i].kind, &v);
        }
        const ng_node_style *st = ng_node_style_of(node->type);
        char buf[32];
        g_snprintf(buf, sizeof buf, "%d", st->r);
        rc |= write_data(w, "n_r", buf);
        g_snprintf(buf, sizeof buf, "%d", st->g);
        rc |= write_data(w, "n_g", buf);
        g_snprintf(buf, sizeof buf, "%d", st->b);
        rc |= write_data(w, "n_b", buf);
        ng_format_double(10.0 + 2.0 * (double)VECTOR(deg)[n], buf);
        rc |= write_data(w, "n_size", buf);
        rc |= xmlTextWriterEndElement(w);
        if (rc < 0)
            break;
    }
    igraph_vector_int_destroy(&deg);
    if (rc < 0)
        return -1;
    for (size_t e = 0; e < g->nedges; e++) {
        const ng_edge *edge = &g->edges[e];
        rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
        rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST edge->id);
        rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST g->nodes[edge->source].id);
        rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST g->nodes[edge->target].id);
        for (size_t i = 0; i < ng_edge_attr_count && rc >= 0; i++) {
            ng_attr_value v;
            ng_edge_attr(g, edge, i, &v);
            if (!v.present)
                continue;
            g_snprintf(id, sizeof id, "e_%s", ng_edge_attrs[i].name);
            rc = write_value(w, id, ng_edge_attrs[i].kind, &v);
        }
        rc |= xmlTextWriterEndElement(w);
        if (rc < 0)
            return -1;
    }
    rc = xmlTextWriterEndElement(w); /* graph */
    rc |= xmlTextWriterEndElement(w); /* graphml */
    rc |= xmlTextWriterEndDocument(w);
    return rc < 0 ? -1 : 0;
}

static int write_cb(void *ctx, const char *buf, int len)
{
    return fwrite(buf, 1, (size_t)len, (FILE *)ctx) == (size_t)len ? len : -1;
}

ng_status ng_export_graphml(const ng_graph *g, FILE *out, ng_errmsg *err)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_cb, NULL, out, NULL);
    if (!ob)
        return ng_fail(err, NG_ERR_NOMEM, "GraphML: cannot create writer");
    xmlTextWriterPtr w = xmlNewTextWriter(ob);
    if (!w) {
        xmlOutputBufferClose(ob);
        return ng_fail(err, NG_ERR_NOMEM, "GraphML: cannot create writer");
    }
    int bad = write_graph(w, g);
    xmlFreeTextWriter(w); /* also closes the output buffer */
    return bad ? ng_fail(err, NG_ERR_IO, "GraphML: write failed") : NG_OK;
}
