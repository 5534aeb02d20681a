/* View options shared by export and render. */
#include "view_opts.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const measures[] = {"degree", "in-degree", "out-degree", "strength", "pagerank", NULL};

int ng_cli_view_option(ng_cli_view *cv, int code, const char *arg)
{
    ng_errmsg err = {{0}};
    long n;
    switch (code) {
    case NG_OPT_TYPES:
        if (ng_view_parse_types(arg, &cv->v.types, &err) < 0) {
            ng_cli_error("--types: %s", err.text);
            return -1;
        }
        if (!cv->v.types) {
            ng_cli_error("--types wants at least one node type");
            return -1;
        }
        break;
    case NG_OPT_RELATIONS:
        if (ng_view_parse_relations(arg, &cv->v.relations, &err) < 0) {
            ng_cli_error("--relations: %s", err.text);
            return -1;
        }
        if (!cv->v.relations) {
            ng_cli_error("--relations wants at least one edge type");
            return -1;
        }
        break;
    case NG_OPT_DOC:
        if (!*arg) {
            ng_cli_error("--doc wants a document id");
            return -1;
        }
        cv->v.doc = arg;
        break;
    case NG_OPT_AROUND:
        if (!*arg) {
            ng_cli_error("--around wants an entity");
            return -1;
        }
        cv->around = arg;
        break;
    case NG_OPT_DEPTH:
        if (ng_cli_count_option("depth", arg, 1, 100, &n) != NG_EXIT_OK)
            return -1;
        cv->v.depth = (int)n;
        return 1; /* not a view by itself */
    case NG_OPT_MIN_WEIGHT: {
        char *end = NULL;
        double w = g_ascii_strtod(arg, &end);
        if (end == arg || *end || !isfinite(w) || w < 0) {
            ng_cli_error("--min-weight wants a number of 0 or more, not '%s'", arg);
            return -1;
        }
        cv->v.min_weight = w;
        break;
    }
    case NG_OPT_TOP:
        if (ng_cli_count_option("top", arg, 1, 1000000000L, &n) != NG_EXIT_OK)
            return -1;
        cv->v.top = (size_t)n;
        break;
    case NG_OPT_BY: {
        int ok = 0;
        for (int i = 0; measures[i] && !ok; i++)
            ok = !strcmp(arg, measures[i]);
        if (!ok) {
            ng_cli_error("--by: '%s' is not a measure (degree, in-degree, out-degree, strength, pagerank)", arg);
            return -1;
        }
        cv->v.by = arg;
        return 1;
    }
    case NG_OPT_ACTORS: cv->v.actors = 1; break;
    default: return 0;
    }
    cv->any = 1;
    return 1;
}

int ng_cli_view_check(const ng_cli_view *cv)
{
    if (cv->v.depth && !cv->around) {
        ng_cli_error("--depth goes with --around");
        return -1;
    }
    if (cv->v.by && !cv->v.top) {
        ng_cli_error("--by goes with --top");
        return -1;
    }
    return 0;
}

int ng_cli_view_apply(ng_cli_view *cv, const ng_graph *g, ng_graph *out, int *used)
{
    ng_errmsg err = {{0}};
    *used = 0;
    if (cv->v.doc) {
        int found = 0;
        for (size_t i = 0; i < g->nnodes && !found; i++)
            found = g->nodes[i].type == NG_NODE_DOCUMENT && g->nodes[i].doc && !strcmp(g->nodes[i].doc, cv->v.doc);
        if (!found) {
            ng_cli_error("no document '%s' in the store", cv->v.doc);
            return NG_EXIT_FAILURE;
        }
    }
    if (cv->around) {
        size_t c;
        if (ng_graph_resolve_entity(g, cv->around, &c, &err)) {
            ng_cli_error("--around: %s", err.text);
            return NG_EXIT_FAILURE;
        }
        cv->v.around = g->nodes[c].id;
        cv->any = 1;
    }
    if (!cv->any || ng_view_is_identity(&cv->v))
        return NG_EXIT_OK;
    if (ng_graph_view(g, &cv->v, out, &err)) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    *used = 1;
    return NG_EXIT_OK;
}
