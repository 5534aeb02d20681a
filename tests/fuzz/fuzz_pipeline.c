/* Fuzz target: the whole path for a few documents — read → extract → store
 * (an in-memory SQLite store) → graph → view → GraphML, DOT and JSON in
 * memory.  The input is up to three documents separated by the byte 0x1E
 * (record separator); the first byte holds flags: bit 0 reads the first
 * document as HTML, bit 1 stores the third under the first one's id with
 * --replace, bit 2 and 3 choose a view.  The first document's id is taken
 * from its first line, so odd ids reach the node ids and the exports.
 * Outputs must parse (libxml2, json-c) and agree with the graph. */
#include <json-c/json.h>
#include <libxml/parser.h>
#include <math.h>

#include "fuzz_common.h"
#include "newsgraph/document.h"
#include "newsgraph/export.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/store.h"
#include "newsgraph/view.h"

static size_t count_sub(const char *s, size_t n, const char *w)
{
    size_t c = 0, wl = strlen(w);
    for (const char *p = s; (p = g_strstr_len(p, (gssize)(n - (size_t)(p - s)), w)); p += wl)
        c++;
    return c;
}

typedef ng_status (*writer)(const ng_graph *, FILE *, ng_errmsg *);

static char *export_mem(const ng_graph *g, writer w, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    FUZZ_ASSERT(f != NULL);
    ng_errmsg err;
    ng_status st = w(g, f, &err);
    fclose(f);
    FUZZ_ASSERT(st == NG_OK);
    FUZZ_ASSERT(fuzz_valid_utf8(buf, *len));
    return buf;
}

static void check_graph(const ng_graph *g)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        FUZZ_ASSERT(g->nodes[i].id && fuzz_valid_utf8(g->nodes[i].id, strlen(g->nodes[i].id)));
        FUZZ_ASSERT(i == 0 || strcmp(g->nodes[i - 1].id, g->nodes[i].id) < 0); /* sorted, unique */
    }
    for (size_t i = 0; i < g->nedges; i++) {
        FUZZ_ASSERT(g->edges[i].source < g->nnodes && g->edges[i].target < g->nnodes);
        FUZZ_ASSERT(isfinite(g->edges[i].weight));
    }
    FUZZ_ASSERT((size_t)igraph_vcount(&g->ig) == g->nnodes && (size_t)igraph_ecount(&g->ig) == g->nedges);

    size_t n;
    char *xml = export_mem(g, ng_export_graphml, &n);
    xmlDocPtr x = xmlReadMemory(xml, (int)n, "fuzz.graphml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                    XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    FUZZ_ASSERT(x != NULL); /* well-formed */
    xmlFreeDoc(x);
    FUZZ_ASSERT(count_sub(xml, n, "<node ") == g->nnodes);
    FUZZ_ASSERT(count_sub(xml, n, "<edge ") == g->nedges);
    free(xml);

    char *json = export_mem(g, ng_export_json, &n);
    json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
    json_object *o = json_tokener_parse_ex(tok, json, (int)n);
    FUZZ_ASSERT(o != NULL && json_tokener_get_error(tok) == json_tokener_success);
    json_object *nodes = NULL, *edges = NULL;
    FUZZ_ASSERT(json_object_object_get_ex(o, "nodes", &nodes) && json_object_object_get_ex(o, "edges", &edges));
    FUZZ_ASSERT(json_object_array_length(nodes) == g->nnodes && json_object_array_length(edges) == g->nedges);
    json_object_put(o);
    json_tokener_free(tok);
    free(json);

    char *dot = export_mem(g, ng_export_dot, &n);
    FUZZ_ASSERT(n >= 2 && strcmp(dot + n - 2, "}\n") == 0);
    FUZZ_ASSERT(memchr(dot, '\0', n) == NULL);
    free(dot);
}

static void add(ng_store *s, const ng_lexicon *lex, const char *id, const char *bytes, size_t n, int html,
                int replace)
{
    ng_document d;
    ng_errmsg err;
    if (ng_document_from_bytes(id, id, bytes, n, html, &d, &err) != NG_OK)
        return;
    ng_extraction x;
    FUZZ_ASSERT(ng_extract(lex, &d, &x, &err) == NG_OK);
    ng_add_result res;
    ng_status st = ng_store_add_document(s, &d, &x, replace, &res, &err);
    FUZZ_ASSERT(st == NG_OK || st == NG_ERR_CONFLICT);
    if (st == NG_OK) { /* the same again changes nothing */
        FUZZ_ASSERT(ng_store_add_document(s, &d, &x, 0, &res, &err) == NG_OK && res == NG_ADD_UNCHANGED);
    }
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    const ng_lexicon *lex = fuzz_lexicon();
    int flags = data[0];
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    const char *part[3];
    size_t len[3];
    int nparts = 0;
    while (nparts < 3) {
        const char *sep = nparts < 2 ? memchr(p, 0x1E, (size_t)(end - p)) : NULL;
        part[nparts] = p;
        len[nparts] = (size_t)((sep ? sep : end) - p);
        nparts++;
        if (!sep)
            break;
        p = sep + 1;
    }
    /* The first document's id from its first line (as a file name would give it). */
    const char *nl = memchr(part[0], '\n', len[0]); /* the input is not NUL-terminated */
    size_t idl = nl ? (size_t)(nl - part[0]) : len[0];
    if (idl > 80)
        idl = 80;
    char *line = g_strndup(part[0], idl);
    char *id = (*line && fuzz_valid_utf8(line, strlen(line))) ? ng_document_id_from_path(line) : NULL;
    if (!id || !*id) {
        free(id);
        id = strdup("a");
    }
    g_free(line);

    ng_store *s = NULL;
    ng_errmsg err;
    FUZZ_ASSERT(ng_store_open(":memory:", 0, &s, &err) == NG_OK);
    add(s, lex, id, part[0], len[0], flags & 1, 0);
    if (nparts > 1)
        add(s, lex, "b", part[1], len[1], 0, 0);
    if (nparts > 2)
        add(s, lex, (flags & 2) ? id : "c", part[2], len[2], 0, (flags & 2) != 0);
    ng_store_stats stats;
    FUZZ_ASSERT(ng_store_get_stats(s, &stats, &err) == NG_OK);

    ng_graph g;
    FUZZ_ASSERT(ng_graph_load(s, &g, &err) == NG_OK);
    FUZZ_ASSERT(g.documents == stats.documents);
    check_graph(&g);
    size_t top[10];
    igraph_integer_t deg[10];
    size_t ntop = 0;
    FUZZ_ASSERT(ng_graph_top_actors(&g, top, deg, 10, &ntop) == NG_OK && ntop <= 10);
    if (flags & 12) {
        ng_view_opts o = {0};
        o.actors = (flags & 4) != 0;
        o.top = (flags & 8) ? 5 : 0;
        ng_graph v;
        if (ng_graph_view(&g, &o, &v, &err) == NG_OK) {
            check_graph(&v);
            ng_graph_clear(&v);
        }
    }
    ng_graph_clear(&g);
    ng_store_close(s);
    free(id);
    return 0;
}
