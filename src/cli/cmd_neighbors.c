/* newsgraph neighbors: what is around an entity, grouped by relation. */
#include <getopt.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_cli.h"
#include "newsgraph/analysis.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: newsgraph neighbors ENTITY [--depth N] [--relations LIST] [--types LIST] [--limit N]\n"
            "                           [--db FILE]\n\n"
            "Lists what is linked to ENTITY (a node id, name or alias, compared\n"
            "case-insensitively; an ambiguous name fails and lists the candidates), grouped by\n"
            "relation and direction:\n"
            "  -[said]->         ENTITY is the source of the edges (ENTITY said the claim)\n"
            "  <-[mentions]-     ENTITY is their target (a claim mentions ENTITY)\n"
            "  -[co_occurs]-     no direction (named in the same sentence)\n"
            "Each neighbour comes with its type, the summed weight of the edges (co_occurs: the\n"
            "sentences; appears_in: the mentions) and how many edges there are (one per\n"
            "document and relation).  Within a group the heaviest come first.  With --depth 2\n"
            "or more, the nodes further out follow, grouped by the relation that links them to\n"
            "the ring one step nearer, with the node they hang on (via).\n\n"
            "  --depth N          how many steps out (default 1)\n"
            "  --relations LIST   follow only edges of these types (comma-separated)\n"
            "  --types LIST       keep only nodes of these types (ENTITY must be among them)\n"
            "  --limit N          at most N neighbours per group (default 0: all)\n"
            "  --db FILE          store (default: output/newsgraph.db)\n");
}

static const char *doc_of(const ng_node *n)
{
    return (n->type == NG_NODE_CLAIM || n->type == NG_NODE_QUANTITY) && n->doc ? n->doc : NULL;
}

static void header(const ng_graph *g, size_t center, const ng_neighbor *it)
{
    const char *name = ng_edge_type_name(it->link.type);
    char ring[48];
    snprintf(ring, sizeof ring, "(distance %d)", it->distance - 1);
    const char *who = it->distance == 1 ? g->nodes[center].label : ring;
    if (it->link.dir == NG_LINK_OUT)
        printf("%s -[%s]->", who, name);
    else if (it->link.dir == NG_LINK_IN)
        printf("%s <-[%s]-", who, name);
    else
        printf("%s -[%s]-", who, name);
}

int cmd_neighbors(int argc, char **argv)
{
    enum { O_DEPTH = NG_OPT_VIEW_LAST, O_LIMIT, O_DB, O_HELP };
    static const struct option opts[] = {
        {"depth", required_argument, NULL, O_DEPTH},         {"relations", required_argument, NULL, NG_OPT_RELATIONS},
        {"types", required_argument, NULL, NG_OPT_TYPES},         {"limit", required_argument, NULL, O_LIMIT},
        {"db", required_argument, NULL, O_DB},               {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db";
    long depth = 1, limit = 0;
    int c;
    ng_view_opts view = {0};
    ng_errmsg err = {{0}};
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        int f = ng_cli_filter_option(c, optarg, &view);
        if (f < 0)
            return NG_EXIT_USAGE;
        if (f > 0)
            continue;
        switch (c) {
        case O_DEPTH:
            if (ng_cli_count_option("depth", optarg, 1, 1000, &depth) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_LIMIT:
            if (ng_cli_count_option("limit", optarg, 0, LONG_MAX, &limit) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_DB: db = optarg; break;
        case O_HELP: help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1) {
        ng_cli_error("neighbors needs one entity");
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_cli_igraph_handlers();
    ng_graph g, storage;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    size_t a;
    int rc = NG_EXIT_OK, owned = 0;
    const ng_graph *vg = &g;
    if (ng_cli_resolve(&g, argv[optind], &a) != NG_EXIT_OK) {
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (ng_cli_apply_view(&g, &view, &storage, &vg, &owned) != NG_EXIT_OK) {
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    size_t va = ng_cli_same_node(&g, a, vg);
    if (va == (size_t)-1) {
        ng_cli_error("%s is not in this view (--types or --relations leave it out)", g.nodes[a].label);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    ng_neighbors res;
    if (ng_analysis_neighbors(vg, va, (int)depth, &res, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    const ng_node *cn = &vg->nodes[va];
    printf("%s (%s, %s): %zu node%s within %ld step%s\n", cn->label, ng_node_type_name(cn->type), cn->id, res.nodes,
           res.nodes == 1 ? "" : "s", depth, depth == 1 ? "" : "s");
    int dist = 0;
    for (size_t i = 0; i < res.n;) {
        const ng_neighbor *h = &res.items[i];
        size_t j = i;
        while (j < res.n && res.items[j].distance == h->distance && res.items[j].link.type == h->link.type &&
               res.items[j].link.dir == h->link.dir)
            j++;
        if (h->distance != dist) {
            dist = h->distance;
            if (depth > 1)
                printf("\nat distance %d\n", dist);
        }
        size_t shown = limit && (size_t)limit < j - i ? (size_t)limit : j - i;
        /* Column widths by characters, for this group. */
        size_t lw = 0, tw = 0, ww = 0;
        for (size_t k = i; k < i + shown; k++) {
            const ng_node *n = &vg->nodes[res.items[k].node];
            size_t w = ng_cli_width(n->label);
            lw = w > lw ? w : lw;
            w = strlen(ng_node_type_name(n->type));
            tw = w > tw ? w : tw;
            char buf[64];
            w = (size_t)snprintf(buf, sizeof buf, "%g", res.items[k].link.weight);
            ww = w > ww ? w : ww;
        }
        printf("\n");
        header(vg, va, h);
        printf(" (%zu)\n", j - i);
        for (size_t k = i; k < i + shown; k++) {
            const ng_neighbor *it = &res.items[k];
            const ng_node *n = &vg->nodes[it->node];
            printf("  ");
            ng_cli_pad(stdout, n->label, lw);
            printf("  ");
            ng_cli_pad(stdout, ng_node_type_name(n->type), tw);
            printf("  weight %*g", (int)ww, it->link.weight);
            if (it->link.edges > 1)
                printf("  %zu edges", it->link.edges);
            if (doc_of(n))
                printf("  [%s]", doc_of(n));
            if (it->distance > 1) {
                printf("  via %s", vg->nodes[it->via].label);
                if (it->vias > 1)
                    printf(" (and %zu more)", it->vias - 1);
            }
            printf("\n");
        }
        if (shown < j - i)
            printf("  ... and %zu more (--limit)\n", j - i - shown);
        i = j;
    }
    if (!res.n)
        printf("\nno neighbours%s\n", ng_view_is_identity(&view) ? "" : " in this view");
    ng_neighbors_clear(&res);
out:
    return ng_cli_finish(rc, &g, &storage, owned);
}
