/* GEXF 1.3 (Gephi's own format) with libxml2's xmlTextWriter: every
 * attribute declared with its GEXF type, colour and size by node type and
 * degree (viz:color, viz:size), edge kind = relation, edge weight, and claims
 * dated with `start` so that Gephi's timeline can play them.
 *
 * Attribute ids are numbers ("0", "1", ...) with the model's names as titles,
 * as Gephi writes them; graphology (Gephi Lite) takes the titles only then.
 * `label` (nodes) and `weight` (edges) are GEXF's own attributes and are not
 * repeated as attvalues: Gephi reserves those column names. */
#include <glib.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

#define GEXF_NS "http://gexf.net/1.3"
#define VIZ_NS "http://gexf.net/1.3/viz"

static const char *gexf_type(ng_attr_kind k)
{
    switch (k) {
    case NG_ATTR_LONG: return "long";
    case NG_ATTR_DOUBLE: return "double";
    case NG_ATTR_BOOL: return "boolean";
    default: return "string"; /* lists are joined with '|' */
    }
}

/* Attributes written as GEXF's own, not as attvalues. */
static int node_native(size_t i)
{
    return !strcmp(ng_node_attrs[i].name, "label");
}

static int edge_native(size_t i)
{
    return !strcmp(ng_edge_attrs[i].name, "weight");
}

/* An xsd:token: XML-safe text, no leading, trailing or double spaces. */
static char *token_text(const char *s)
{
    char *clean = ng_clean_text(s, 0);
    GString *out = g_string_sized_new(strlen(clean));
    for (const char *p = clean; *p; p++) {
        if (*p == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
            continue;
        g_string_append_c(out, *p);
    }
    if (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    g_free(clean);
    return g_string_free(out, FALSE);
}

/* A claim's date when it is a whole ISO date (YYYY-MM-DD) that exists;
 * "--10-16" (no year) and "" give NULL. */
static int full_date(const char *s)
{
    if (!s || strlen(s) != 10)
        return 0;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !g_ascii_isdigit(s[i]))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value) < 0 ? -1 : 0;
}

/* Text attribute, made safe for XML first. */
static int attr_text(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *clean = ng_clean_text(value, 0);
    int rc = attr(w, name, clean);
    g_free(clean);
    return rc;
}

static int declare(xmlTextWriterPtr w, const char *cls, const ng_attr_desc *attrs, size_t n, int (*native)(size_t))
{
    int rc = xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0 ? -1 : 0;
    rc |= attr(w, "class", cls);
    rc |= attr(w, "mode", "static");
    char id[32];
    for (size_t i = 0; i < n && !rc; i++) {
        if (native(i))
            continue;
        g_snprintf(id, sizeof id, "%zu", i);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0 ? -1 : 0;
        rc |= attr(w, "id", id);
        rc |= attr(w, "title", attrs[i].name);
        rc |= attr(w, "type", gexf_type(attrs[i].kind));
        rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    }
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    return rc;
}

static int attvalue(xmlTextWriterPtr w, size_t i, ng_attr_kind kind, const ng_attr_value *v, int *open)
{
    int rc = 0;
    if (!*open) {
        rc |= xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0 ? -1 : 0;
        *open = 1;
    }
    char id[32], buf[32];
    g_snprintf(id, sizeof id, "%zu", i);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0 ? -1 : 0;
    rc |= attr(w, "for", id);
    switch (kind) {
    case NG_ATTR_STRING: rc |= attr_text(w, "value", v->s); break;
    case NG_ATTR_LONG:
        g_snprintf(buf, sizeof buf, "%ld", v->l);
        rc |= attr(w, "value", buf);
        break;
    case NG_ATTR_BOOL: rc |= attr(w, "value", v->l ? "true" : "false"); break;
    case NG_ATTR_DOUBLE:
        ng_format_double(v->d, buf);
        rc |= attr(w, "value", buf);
        break;
    case NG_ATTR_LIST: {
        char *j = ng_strlist_join(v->list, "|");
        rc |= attr_text(w, "value", j);
        free(j);
        break;
    }
    }
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    return rc;
}

static int write_node(xmlTextWriterPtr w, const ng_node *node, double degree)
{
    int rc = xmlTextWriterStartElement(w, BAD_CAST "node") < 0 ? -1 : 0;
    rc |= attr_text(w, "id", node->id);
    if (node->label) {
        char *label = token_text(node->label);
        rc |= attr(w, "label", label);
        g_free(label);
    }
    if (node->type == NG_NODE_CLAIM && full_date(node->date))
        rc |= attr(w, "start", node->date);
    int open = 0;
    for (size_t i = 0; i < ng_node_attr_count && !rc; i++) {
        ng_attr_value v;
        ng_node_attr(node, i, &v);
        if (v.present && !node_native(i))
            rc |= attvalue(w, i, ng_node_attrs[i].kind, &v, &open);
    }
    if (open)
        rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    const ng_node_style *st = ng_node_style_of(node->type);
    char buf[32];
    rc |= xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST "color", NULL) < 0 ? -1 : 0;
    g_snprintf(buf, sizeof buf, "%d", st->r);
    rc |= attr(w, "r", buf);
    g_snprintf(buf, sizeof buf, "%d", st->g);
    rc |= attr(w, "g", buf);
    g_snprintf(buf, sizeof buf, "%d", st->b);
    rc |= attr(w, "b", buf);
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    rc |= xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST "size", NULL) < 0 ? -1 : 0;
    ng_format_double(10.0 + 2.0 * degree, buf);
    rc |= attr(w, "value", buf);
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    return rc;
}

static int write_edge(xmlTextWriterPtr w, const ng_graph *g, const ng_edge *edge)
{
    int rc = xmlTextWriterStartElement(w, BAD_CAST "edge") < 0 ? -1 : 0;
    rc |= attr_text(w, "id", edge->id);
    rc |= attr_text(w, "source", g->nodes[edge->source].id);
    rc |= attr_text(w, "target", g->nodes[edge->target].id);
    rc |= attr(w, "kind", ng_edge_type_name(edge->type));
    char buf[32];
    ng_format_double(edge->weight, buf);
    rc |= attr(w, "weight", buf);
    int open = 0;
    for (size_t i = 0; i < ng_edge_attr_count && !rc; i++) {
        ng_attr_value v;
        ng_edge_attr(g, edge, i, &v);
        if (v.present && !edge_native(i))
            rc |= attvalue(w, i, ng_edge_attrs[i].kind, &v, &open);
    }
    if (open)
        rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    return rc;
}

static int write_graph(xmlTextWriterPtr w, const ng_graph *g)
{
    int dynamic = 0;
    for (size_t n = 0; n < g->nnodes && !dynamic; n++)
        dynamic = g->nodes[n].type == NG_NODE_CLAIM && full_date(g->nodes[n].date);
    int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ? -1 : 0;
    rc |= xmlTextWriterSetIndent(w, 1) < 0 ? -1 : 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0 ? -1 : 0;
    rc |= attr(w, "xmlns", GEXF_NS);
    rc |= attr(w, "xmlns:viz", VIZ_NS);
    rc |= attr(w, "version", "1.3");
    rc |= xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ? -1 : 0;
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "newsgraph " NG_VERSION) < 0 ? -1 : 0;
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "description",
                                    BAD_CAST "who said what, with which numbers, in news articles") < 0
              ? -1
              : 0;
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0 ? -1 : 0;
    rc |= attr(w, "defaultedgetype", "directed");
    rc |= attr(w, "idtype", "string");
    if (dynamic) {
        /* Claims with a date appear on Gephi's timeline from that day on. */
        rc |= attr(w, "mode", "dynamic");
        rc |= attr(w, "timeformat", "date");
    } else {
        rc |= attr(w, "mode", "static");
    }
    if (rc)
        return -1;
    if (declare(w, "node", ng_node_attrs, ng_node_attr_count, node_native) ||
        declare(w, "edge", ng_edge_attrs, ng_edge_attr_count, edge_native))
        return -1;
    char buf[32];
    rc = xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0 ? -1 : 0;
    g_snprintf(buf, sizeof buf, "%zu", g->nnodes);
    rc |= attr(w, "count", buf);
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
        return -1;
    if (igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS)
        rc = -1;
    for (size_t n = 0; n < g->nnodes && !rc; n++)
        rc |= write_node(w, &g->nodes[n], (double)VECTOR(deg)[n]);
    igraph_vector_int_destroy(&deg);
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "edges") < 0 ? -1 : 0;
    g_snprintf(buf, sizeof buf, "%zu", g->nedges);
    rc |= attr(w, "count", buf);
    for (size_t e = 0; e < g->nedges && !rc; e++)
        rc |= write_edge(w, g, &g->edges[e]);
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0; /* edges */
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0; /* graph */
    rc |= xmlTextWriterEndElement(w) < 0 ? -1 : 0; /* gexf */
    rc |= xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
    return rc;
}

static int write_cb(void *ctx, const char *buf, int len)
{
    return fwrite(buf, 1, (size_t)len, (FILE *)ctx) == (size_t)len ? len : -1;
}

ng_status ng_export_gexf(const ng_graph *g, FILE *out, ng_errmsg *err)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_cb, NULL, out, NULL);
    if (!ob)
        return ng_fail(err, NG_ERR_NOMEM, "GEXF: cannot create writer");
    xmlTextWriterPtr w = xmlNewTextWriter(ob);
    if (!w) {
        xmlOutputBufferClose(ob);
        return ng_fail(err, NG_ERR_NOMEM, "GEXF: cannot create writer");
    }
    int bad = write_graph(w, g);
    xmlFreeTextWriter(w); /* also closes the output buffer */
    return bad ? ng_fail(err, NG_ERR_IO, "GEXF: write failed") : NG_OK;
}
