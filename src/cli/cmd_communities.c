/* newsgraph communities: groups of densely linked nodes (Leiden or Louvain). */
#include <getopt.h>
#include <glib.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_cli.h"
#include "newsgraph/analysis.h"
#include "newsgraph/export.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: newsgraph communities [--method leiden|louvain] [--resolution R] [--seed S]\n"
            "                             [--actors] [--types LIST] [--relations LIST] [--unweighted]\n"
            "                             [--format table|json|csv] [--db FILE]\n\n"
            "Splits the graph (or a view of it) into communities, groups of nodes linked more\n"
            "densely among themselves than with the rest, and reports their members and the\n"
            "modularity of the split.\n\n"
            "  --method M         leiden (default; modularity objective, iterated until the\n"
            "                     partition is stable, at most 20 rounds) or louvain (multilevel)\n"
            "  --resolution R     higher gives more, smaller communities (default 1)\n"
            "  --seed S           seed of the random choices (default 1); the same seed, graph\n"
            "                     and method give the same communities\n"
            "  --actors           the actor network: persons, organisations, media and countries,\n"
            "                     linked when one cites the other, one's claim names the other,\n"
            "                     or they are named in the same sentence\n"
            "  --types LIST       keep only nodes of these types (comma-separated)\n"
            "  --relations LIST   keep only edges of these types (comma-separated)\n"
            "  --unweighted       every link counts 1 (default: weights as strengths)\n"
            "  --format F         table (default), json ({method, resolution, seed, modularity,\n"
            "                     communities: [{community, size, members: [{id, label, type}]}]})\n"
            "                     or csv (community,id,label,type; modularity on standard error)\n"
            "  --db FILE          store (default: output/newsgraph.db)\n\n"
            "Directions are ignored: u->v and v->u, and parallel edges, are one link whose\n"
            "weight is the sum of the edges' weights, a STRENGTH (heavier = closer together);\n"
            "edges whose weight is not positive are left out.  Communities are numbered by size,\n"
            "largest first; members are listed most connected (by summed weight) first.  The\n"
            "modularity reported is Newman's (resolution 1) of the partition found.\n");
}


typedef struct member {
    size_t node;
    double strength;
    const ng_node *n;
} member;

static int cmp_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    if (x->strength != y->strength)
        return x->strength > y->strength ? -1 : 1;
    int c = strcmp(x->n->label ? x->n->label : "", y->n->label ? y->n->label : "");
    return c ? c : strcmp(x->n->id, y->n->id);
}

static void print_modularity(FILE *f, const ng_community_opts *co, const ng_communities *res, size_t nodes)
{
    fprintf(f, "%s, resolution %g, seed %lu: %zu communities of %zu nodes, modularity ",
            ng_community_method_name(co->method), co->resolution, co->seed, res->count, nodes);
    if (isnan(res->modularity))
        fprintf(f, "n/a (no links)\n");
    else
        fprintf(f, "%.6f\n", res->modularity);
}

int cmd_communities(int argc, char **argv)
{
    enum { O_METHOD = NG_OPT_VIEW_LAST, O_RESOLUTION, O_SEED, O_ACTORS, O_UNWEIGHTED, O_FORMAT, O_DB, O_HELP };
    static const struct option opts[] = {
        {"method", required_argument, NULL, O_METHOD},       {"resolution", required_argument, NULL, O_RESOLUTION},
        {"seed", required_argument, NULL, O_SEED},           {"actors", no_argument, NULL, O_ACTORS},
        {"types", required_argument, NULL, NG_OPT_TYPES},         {"relations", required_argument, NULL, NG_OPT_RELATIONS},
        {"unweighted", no_argument, NULL, O_UNWEIGHTED},     {"format", required_argument, NULL, O_FORMAT},
        {"db", required_argument, NULL, O_DB},               {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db";
    int format = 0, c;
    long seed = 1;
    ng_community_opts co = {NG_COMMUNITY_LEIDEN, 1.0, 1, 0};
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
        case O_METHOD: {
            int m = ng_community_method_parse(optarg);
            if (m < 0) {
                ng_cli_error("unknown method '%s' (leiden or louvain)", optarg);
                return NG_EXIT_USAGE;
            }
            co.method = (ng_community_method)m;
            break;
        }
        case O_RESOLUTION:
            if (ng_cli_parse_double(optarg, &co.resolution) || !(co.resolution > 0)) {
                ng_cli_error("--resolution wants a number > 0, not '%s'", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case O_SEED:
            if (ng_cli_parse_long(optarg, 0, &seed)) {
                ng_cli_error("--seed wants a number >= 0, not '%s'", optarg);
                return NG_EXIT_USAGE;
            }
            co.seed = (unsigned long)seed;
            break;
        case O_ACTORS: view.actors = 1; break;
        case O_UNWEIGHTED: co.unweighted = 1; break;
        case O_FORMAT:
            if (ng_cli_format_option(optarg, &format) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_DB: db = optarg; break;
        case O_HELP: help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_cli_igraph_handlers();
    ng_graph g, storage;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    const ng_graph *vg;
    int owned, rc = NG_EXIT_OK;
    if (ng_cli_apply_view(&g, &view, &storage, &vg, &owned) != NG_EXIT_OK) {
        ng_graph_clear(&g);
        return NG_EXIT_FAILURE;
    }
    ng_communities res;
    if (ng_analysis_communities(vg, &co, &res, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (res.dropped)
        fprintf(stderr, "newsgraph: note: %zu edge%s without a positive weight left out\n", res.dropped,
                res.dropped == 1 ? "" : "s");
    /* Members of each community, most connected first. */
    member *mem = malloc((vg->nnodes + 1) * sizeof *mem);
    size_t *first = calloc(res.count + 1, sizeof *first), *fill = calloc(res.count + 1, sizeof *fill);
    double *strength = calloc(vg->nnodes + 1, sizeof *strength);
    for (size_t i = 0; i < vg->nedges; i++) {
        const ng_edge *e = &vg->edges[i];
        double w = co.unweighted ? 1 : (e->weight > 0 && isfinite(e->weight) ? e->weight : 0);
        strength[e->source] += w;
        strength[e->target] += w;
    }
    for (size_t k = 1; k <= res.count; k++)
        first[k] = first[k - 1] + res.size[k - 1];
    for (size_t i = 0; i < vg->nnodes; i++) {
        size_t k = res.membership[i];
        mem[first[k] + fill[k]++] = (member){i, strength[i], &vg->nodes[i]};
    }
    for (size_t k = 0; k < res.count; k++)
        qsort(mem + first[k], res.size[k], sizeof *mem, cmp_member);
    if (format == 0) {
        print_modularity(stdout, &co, &res, vg->nnodes);
        size_t alone = 0;
        for (size_t k = 0; k < res.count; k++) {
            if (res.size[k] < 2) {
                alone++;
                continue;
            }
            printf("\ncommunity %zu: %zu members\n ", k + 1, res.size[k]);
            size_t col = 1;
            for (size_t i = 0; i < res.size[k]; i++) {
                const char *lab = mem[first[k] + i].n->label;
                size_t w = ng_cli_width(lab) + (i + 1 < res.size[k] ? 1 : 0);
                if (col > 1 && col + 1 + w > 100) {
                    printf("\n ");
                    col = 1;
                }
                printf(" %s%s", lab, i + 1 < res.size[k] ? "," : "");
                col += 1 + w;
            }
            printf("\n");
        }
        if (alone)
            printf("\nand %zu node%s without links, each alone (listed in json and csv)\n", alone,
                   alone == 1 ? "" : "s");
    } else if (format == 2) {
        json_object *top = json_object_new_object();
        json_object_object_add(top, "method", json_object_new_string(ng_community_method_name(co.method)));
        char buf[32];
        ng_format_double(co.resolution, buf);
        json_object_object_add(top, "resolution", json_object_new_double_s(co.resolution, buf));
        json_object_object_add(top, "seed", json_object_new_int64((int64_t)co.seed));
        if (isnan(res.modularity)) {
            json_object_object_add(top, "modularity", NULL);
        } else {
            ng_format_double(res.modularity, buf);
            json_object_object_add(top, "modularity", json_object_new_double_s(res.modularity, buf));
        }
        json_object *arr = json_object_new_array();
        for (size_t k = 0; k < res.count; k++) {
            json_object *o = json_object_new_object(), *ms = json_object_new_array();
            json_object_object_add(o, "community", json_object_new_int64((int64_t)k + 1));
            json_object_object_add(o, "size", json_object_new_int64((int64_t)res.size[k]));
            for (size_t i = 0; i < res.size[k]; i++) {
                const ng_node *nd = mem[first[k] + i].n;
                json_object *m = json_object_new_object();
                json_object_object_add(m, "id", json_object_new_string(nd->id));
                json_object_object_add(m, "label", json_object_new_string(nd->label ? nd->label : ""));
                json_object_object_add(m, "type", json_object_new_string(ng_node_type_name(nd->type)));
                json_object_array_add(ms, m);
            }
            json_object_object_add(o, "members", ms);
            json_object_array_add(arr, o);
        }
        json_object_object_add(top, "communities", arr);
        puts(json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE |
                                                     JSON_C_TO_STRING_SPACED));
        json_object_put(top);
    } else {
        print_modularity(stderr, &co, &res, vg->nnodes);
        printf("community,id,label,type\n");
        for (size_t k = 0; k < res.count; k++)
            for (size_t i = 0; i < res.size[k]; i++) {
                const ng_node *nd = mem[first[k] + i].n;
                printf("%zu,", k + 1);
                ng_cli_csv_field(stdout, nd->id);
                putchar(',');
                ng_cli_csv_field(stdout, nd->label);
                printf(",%s\n", ng_node_type_name(nd->type));
            }
    }
    free(strength);
    free(first);
    free(fill);
    free(mem);
    ng_communities_clear(&res);
out:
    return ng_cli_finish(rc, &g, &storage, owned);
}
