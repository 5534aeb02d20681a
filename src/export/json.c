/* Node-link JSON, the reference form of the graph model, written node by
 * node with json-c so memory stays with the graph, not the text. */
#include <json-c/json.h>
#include <math.h>
#include <string.h>

#include "export_impl.h"
#include "newsgraph/export.h"

static json_object *value_json(ng_attr_kind kind, const ng_attr_value *v)
{
    char buf[32];
    switch (kind) {
    case NG_ATTR_STRING: return json_object_new_string(v->s);
    case NG_ATTR_LONG: return json_object_new_int64(v->l);
    case NG_ATTR_BOOL: return json_object_new_boolean(v->l != 0);
    case NG_ATTR_DOUBLE:
        ng_format_double(v->d, buf);
        return json_object_new_double_s(isfinite(v->d) ? v->d : 0, buf);
    case NG_ATTR_LIST: {
        json_object *a = json_object_new_array();
        for (size_t i = 0; i < v->list->n; i++)
            json_object_array_add(a, json_object_new_string(v->list->items[i]));
        return a;
    }
    }
    return NULL;
}

static int put(FILE *f, json_object *o, int comma)
{
    const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    int rc = fprintf(f, "%s\n    %s", comma ? "," : "", s) < 0 ? -1 : 0;
    json_object_put(o);
    return rc;
}

ng_status ng_export_json(const ng_graph *g, FILE *f, ng_errmsg *err)
{
    fprintf(f, "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {\"name\": \"newsgraph\", "
               "\"documents\": %ld},\n  \"nodes\": [",
            g->documents);
    int bad = 0;
    for (size_t n = 0; n < g->nnodes && !bad; n++) {
        const ng_node *node = &g->nodes[n];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_string(node->id));
        for (size_t i = 0; i < ng_node_attr_count; i++) {
            ng_attr_value v;
            ng_node_attr(node, i, &v);
            if (v.present)
                json_object_object_add(o, ng_node_attrs[i].name, value_json(ng_node_attrs[i].kind, &v));
            else if (node->type == NG_NODE_QUANTITY &&
                     (!strcmp(ng_node_attrs[i].name, "low") || !strcmp(ng_node_attrs[i].name, "high")))
                json_object_object_add(o, ng_node_attrs[i].name, NULL); /* vague: empty low/high */
        }
        bad = put(f, o, n > 0);
    }
    fprintf(f, "\n  ],\n  \"edges\": [");
    for (size_t e = 0; e < g->nedges && !bad; e++) {
        const ng_edge *edge = &g->edges[e];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_string(edge->id));
        json_object_object_add(o, "source", json_object_new_string(g->nodes[edge->source].id));
        json_object_object_add(o, "target", json_object_new_string(g->nodes[edge->target].id));
        for (size_t i = 0; i < ng_edge_attr_count; i++) {
            ng_attr_value v;
            ng_edge_attr(g, edge, i, &v);
            if (v.present)
                json_object_object_add(o, ng_edge_attrs[i].name, value_json(ng_edge_attrs[i].kind, &v));
        }
        bad = put(f, o, e > 0);
    }
    fprintf(f, "\n  ]\n}\n");
    return bad || ferror(f) ? ng_fail(err, NG_ERR_IO, "JSON: write failed") : NG_OK;
}
