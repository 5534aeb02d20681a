/* The view options shared by `export` and `render` (see newsgraph/view.h):
 * --types, --relations, --doc, --around/--depth, --min-weight, --top/--by,
 * --actors. */
#ifndef NG_CLI_VIEW_OPTS_H
#define NG_CLI_VIEW_OPTS_H

#include <getopt.h>
#include "newsgraph/graph.h"
#include "newsgraph/view.h"

enum {
    NG_OPT_TYPES = 0x100,
    NG_OPT_RELATIONS,
    NG_OPT_DOC,
    NG_OPT_AROUND,
    NG_OPT_DEPTH,
    NG_OPT_MIN_WEIGHT,
    NG_OPT_TOP,
    NG_OPT_BY,
    NG_OPT_ACTORS,
    NG_OPT_VIEW_LAST /* first code free for a command's own options */
};

/* Put these into a command's struct option table. */
#define NG_CLI_VIEW_LONGOPTS                                                                                 \
    {"types", required_argument, NULL, NG_OPT_TYPES}, {"relations", required_argument, NULL, NG_OPT_RELATIONS}, \
        {"doc", required_argument, NULL, NG_OPT_DOC}, {"around", required_argument, NULL, NG_OPT_AROUND},       \
        {"depth", required_argument, NULL, NG_OPT_DEPTH},                                                      \
        {"min-weight", required_argument, NULL, NG_OPT_MIN_WEIGHT},                                            \
        {"top", required_argument, NULL, NG_OPT_TOP}, {"by", required_argument, NULL, NG_OPT_BY},               \
        {"actors", no_argument, NULL, NG_OPT_ACTORS}

#define NG_CLI_VIEW_HELP                                                                                       \
    "view options (any combination; applied in this order):\n"                                                \
    "  --actors             the actor network: persons, organisations, media and countries,\n"            \
    "                       linked when one cites the other, when one's statement names the\n"              \
    "                       other, or when they are named in the same sentence (weights summed)\n"        \
    "  --doc ID             only what document ID holds\n"                                                 \
    "  --types LIST         only these node types, e.g. person,organization,media,country,place,\n"         \
    "                       claim,quantity,document\n"                                                      \
    "  --relations LIST     only these edge types, e.g. said,reported,cites,states,quantity_of,\n"          \
    "                       mentions,role,co_occurs,appears_in\n"                                           \
    "  --min-weight W       drop edges lighter than W (co_occurs counts sentences)\n"                      \
    "  --around ENTITY      the neighbourhood of ENTITY (a node id, a name or an alias)\n"                 \
    "  --depth N            steps from ENTITY, both directions (default 1)\n"                              \
    "  --top N              keep the N nodes ranked highest by --by\n"                                     \
    "  --by MEASURE         degree (default), in-degree, out-degree, strength, pagerank\n"

typedef struct ng_cli_view {
    ng_view_opts v;
    const char *around; /* as the user wrote it */
    int any;            /* some view option given */
} ng_cli_view;

/* Handles one getopt result: 1 if it was a view option, 0 if not, -1 after
 * printing why the value is wrong. */
int ng_cli_view_option(ng_cli_view *cv, int code, const char *arg);

/* Checks combinations once all options are read; -1 after printing why. */
int ng_cli_view_check(const ng_cli_view *cv);

/* Makes the view of g into *out (resolving --around); *used tells whether out
 * holds a new graph (to clear) or nothing because the view is the whole graph.
 * Returns NG_EXIT_OK or NG_EXIT_FAILURE after printing the error. */
int ng_cli_view_apply(ng_cli_view *cv, const ng_graph *g, ng_graph *out, int *used);

#endif
