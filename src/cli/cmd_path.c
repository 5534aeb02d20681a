/* newsgraph path: the shortest chains between two entities. */
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
            "usage: newsgraph path A B [--relations LIST] [--types LIST] [--max N] [--weighted] [--db FILE]\n\n"
            "Prints the shortest chains that link entity A to entity B, ignoring edge\n"
            "directions: every node on the way with its type, and between two nodes the\n"
            "edges that link them (-[said]-> forward, <-[said]- backward, -[co_occurs]- no\n"
            "direction; xN when there are N such edges).  Claims on the way are shown with\n"
            "their text (first 80 characters) and their document.  A and B are node ids,\n"
            "names or aliases, compared case-insensitively; an ambiguous name fails and lists\n"
            "the candidates.\n\n"
            "  --relations LIST   walk only edges of these types (said, reported, cites, states,\n"
            "                     quantity_of, mentions, role, co_occurs, appears_in)\n"
            "  --types LIST       walk only through nodes of these types (A and B must be among them)\n"
            "  --max N            print at most N chains (default 10; 0: all)\n"
            "  --weighted         shortest by summed LENGTH 1/weight (a heavy link is a short way;\n"
            "                     parallel edges are merged and their weights summed; edges whose\n"
            "                     weight is not positive are left out); default: fewest steps\n"
            "  --db FILE          store (default: output/newsgraph.db)\n\n"
            "Exit status 1 when an entity is unknown or ambiguous, or no chain links them.\n");
}

static void print_text80(const char *text)
{
    glong len = g_utf8_strlen(text, -1);
    gchar *cut = g_utf8_substring(text, 0, len > 80 ? 80 : len);
    for (char *p = cut; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    printf("\"%s%s\"", cut, len > 80 ? "…" : "");
    g_free(cut);
}

static void print_node(const ng_node *n)
{
    switch (n->type) {
    case NG_NODE_CLAIM:
        printf("claim ");
        print_text80(n->text ? n->text : n->label);
        printf(" (document %s)", n->doc ? n->doc : "?");
        break;
    case NG_NODE_QUANTITY:
        printf("quantity ");
        print_text80(n->text ? n->text : n->label);
        printf(" (document %s)", n->doc ? n->doc : "?");
        break;
    case NG_NODE_DOCUMENT: printf("%s (document %s)", n->label, n->doc ? n->doc : "?"); break;
    default: printf("%s (%s)", n->label, ng_node_type_name(n->type)); break;
    }
}

static void print_links(const ng_graph *g, size_t a, size_t b, int weighted)
{
    ng_link *links = NULL;
    size_t n = 0;
    ng_errmsg err = {{0}};
    printf("     ");
    if (ng_analysis_links(g, a, b, &links, &n, &err) == NG_OK) {
        for (size_t i = 0; i < n; i++) {
            const ng_link *l = &links[i];
            GString *inner = g_string_new(ng_edge_type_name(l->type));
            if (l->edges > 1)
                g_string_append_printf(inner, " x%zu", l->edges);
            if (weighted)
                g_string_append_printf(inner, ", weight %g", l->weight);
            printf("%s%s[%s]%s", i ? "  " : "", l->dir == NG_LINK_IN ? "<-" : "-", inner->str,
                   l->dir == NG_LINK_OUT ? "->" : "-");
            g_string_free(inner, TRUE);
        }
    }
    printf("\n");
    free(links);
}

int cmd_path(int argc, char **argv)
{
    enum { O_MAX = NG_OPT_VIEW_LAST, O_WEIGHTED, O_DB, O_HELP };
    static const struct option opts[] = {
        {"relations", required_argument, NULL, NG_OPT_RELATIONS}, {"types", required_argument, NULL, NG_OPT_TYPES},
        {"max", required_argument, NULL, O_MAX},             {"weighted", no_argument, NULL, O_WEIGHTED},
        {"db", required_argument, NULL, O_DB},               {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db";
    long max = 10;
    int c;
    ng_view_opts view = {0};
    ng_path_opts po = {0};
    ng_errmsg err = {{0}};
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        int f = ng_cli_filter_option(c, optarg, &view);
        if (f < 0)
            return NG_EXIT_USAGE;
        if (f > 0)
            continue;
        switch (c) {
        case O_MAX:
            if (ng_cli_count_option("max", optarg, 0, LONG_MAX, &max) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_WEIGHTED: po.weighted = 1; break;
        case O_DB: db = optarg; break;
        case O_HELP: help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (argc - optind != 2) {
        ng_cli_error("path needs two entities");
        help(stderr);
        return NG_EXIT_USAGE;
    }
    po.max = (size_t)max;
    ng_cli_igraph_handlers();
    ng_graph g, storage;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    size_t a, b;
    int rc = NG_EXIT_OK, owned = 0;
    const ng_graph *vg = &g;
    if (ng_cli_resolve(&g, argv[optind], &a) != NG_EXIT_OK || ng_cli_resolve(&g, argv[optind + 1], &b) != NG_EXIT_OK) {
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (a == b) {
        ng_cli_error("'%s' and '%s' are the same entity (%s)", argv[optind], argv[optind + 1], g.nodes[a].id);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (ng_cli_apply_view(&g, &view, &storage, &vg, &owned) != NG_EXIT_OK) {
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    size_t va = ng_cli_same_node(&g, a, vg), vb = ng_cli_same_node(&g, b, vg);
    if (va == (size_t)-1 || vb == (size_t)-1) {
        ng_cli_error("%s is not in this view (--types or --relations leave it out)",
                     g.nodes[va == (size_t)-1 ? a : b].label);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    ng_paths res;
    if (ng_analysis_paths(vg, va, vb, &po, &res, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (res.dropped)
        fprintf(stderr, "newsgraph: note: %zu edge%s without a positive weight left out\n", res.dropped,
                res.dropped == 1 ? "" : "s");
    if (!res.total) {
        ng_cli_error("no chain links %s and %s%s", vg->nodes[va].label, vg->nodes[vb].label,
                     ng_view_is_identity(&view) ? "" : " in this view");
        rc = NG_EXIT_FAILURE;
    } else {
        size_t steps = res.start[1] - res.start[0] - 1;
        printf("%s -> %s: %zu shortest chain%s of %zu step%s", vg->nodes[va].label, vg->nodes[vb].label, res.total,
               res.total == 1 ? "" : "s", steps, steps == 1 ? "" : "s");
        if (po.weighted)
            printf(", length %g", res.length);
        if (res.count < res.total)
            printf(" (showing %zu; --max)", res.count);
        printf("\n");
        for (size_t i = 0; i < res.count; i++) {
            printf("\n%zu. ", i + 1);
            for (size_t k = res.start[i]; k < res.start[i + 1]; k++) {
                if (k > res.start[i]) {
                    print_links(vg, res.nodes[k - 1], res.nodes[k], po.weighted);
                    printf("   ");
                }
                print_node(&vg->nodes[res.nodes[k]]);
                printf("\n");
            }
        }
    }
    ng_paths_clear(&res);
out:
    return ng_cli_finish(rc, &g, &storage, owned);
}
