/* newsgraph rank: nodes ranked by a centrality measure. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_cli.h"
#include "newsgraph/analysis.h"
#include "newsgraph/export.h"

/* Above this many nodes, path measures without --cutoff get a warning. */
#define LARGE_GRAPH 20000

static void help(FILE *f)
{
    fprintf(f,
            "usage: newsgraph rank --measure M [--top N] [--types LIST] [--relations LIST] [--actors]\n"
            "                      [--around ENTITY [--depth N]] [--weighted] [--directed|--undirected]\n"
            "                      [--cutoff C] [--format table|csv|json] [--db FILE]\n\n"
            "Ranks the nodes of the graph (or of a view of it) by a centrality measure, best\n"
            "first; equal values are ordered by label.\n\n"
            "measures:\n"
            "  degree        edges at the node (each edge counts once, as in the build summary)\n"
            "  in-degree     edges into the node (directed only; co_occurs counts both ways)\n"
            "  out-degree    edges out of the node (directed only; co_occurs counts both ways)\n"
            "  strength      summed weight of the edges at the node (always weighted)\n"
            "  betweenness   share of shortest paths through the node, normalised as networkx\n"
            "                does (by (n-1)(n-2), twice that undirected)\n"
            "  closeness     Wasserman-Faust closeness, as networkx's closeness_centrality:\n"
            "                r/(n-1) * r/(sum of distances), r = nodes that reach it (0 if none)\n"
            "  harmonic      sum of 1/distance from every other node\n"
            "  pagerank      PageRank, damping 0.85 (sums to 1)\n"
            "  eigenvector   eigenvector centrality, the largest scaled to 1; directed, by incoming\n"
            "                links (all 0 when the directed network has no cycle: igraph warns)\n"
            "  hub           Kleinberg hub score, largest 1 (directed only)\n"
            "  authority     Kleinberg authority score, largest 1 (directed only)\n"
            "  coreness      k-core number (ignores weights and directions)\n\n"
            "options:\n"
            "  --measure M        the measure (required)\n"
            "  --top N            print the best N (default 20; 0: all)\n"
            "  --types LIST       keep only nodes of these types, comma-separated (person,\n"
            "                     organization, media, country, place, claim, quantity, document)\n"
            "  --relations LIST   keep only edges of these types (said, reported, cites, states,\n"
            "                     quantity_of, mentions, role, co_occurs, appears_in)\n"
            "  --actors           the actor network: persons, organisations, media and countries,\n"
            "                     linked when one cites the other, one's claim names the other,\n"
            "                     or they are named in the same sentence (weights summed)\n"
            "  --around ENTITY    only the neighbourhood of ENTITY (id, name or alias)\n"
            "  --depth N          steps around ENTITY (default 1)\n"
            "  --weighted         use edge weights (see below)\n"
            "  --directed         follow edge directions (the default)\n"
            "  --undirected       ignore edge directions\n"
            "  --cutoff C         betweenness, closeness, harmonic: only paths up to length C\n"
            "                     (much faster on large graphs; the values are then approximate)\n"
            "  --format F         table (default), csv (rank,id,label,type,value) or json (a list\n"
            "                     of {id, label, type, value}); csv and json give full precision\n"
            "  --db FILE          store (default: output/newsgraph.db)\n\n"
            "The network: parallel edges between two nodes (one per document and relation)\n"
            "are merged into one link and self-loops left out, for every measure but the degree\n"
            "family.  Directed, a co_occurs edge (which has no direction) counts both ways;\n"
            "undirected, u->v and v->u are one link.  Without --weighted every link counts 1.\n\n"
            "Weights, with --weighted: a link's weight is the sum of its edges' weights (edges\n"
            "whose weight is not positive are left out, with a note).  Weights are STRENGTHS\n"
            "(heavier = stronger tie) for degree, in-degree, out-degree, strength, pagerank,\n"
            "eigenvector, hub and authority, and LENGTHS 1/weight (heavier = shorter way) for\n"
            "betweenness, closeness and harmonic.  Directed closeness and harmonic use the\n"
            "distances *to* a node (as networkx does).\n");
}


int cmd_rank(int argc, char **argv)
{
    enum { O_MEASURE = NG_OPT_VIEW_LAST, O_TOP, O_ACTORS, O_AROUND, O_DEPTH, O_WEIGHTED, O_DIRECTED, O_UNDIRECTED,
           O_CUTOFF, O_FORMAT, O_DB, O_HELP };
    static const struct option opts[] = {
        {"measure", required_argument, NULL, O_MEASURE},     {"top", required_argument, NULL, O_TOP},
        {"types", required_argument, NULL, NG_OPT_TYPES},         {"relations", required_argument, NULL, NG_OPT_RELATIONS},
        {"actors", no_argument, NULL, O_ACTORS},             {"around", required_argument, NULL, O_AROUND},
        {"depth", required_argument, NULL, O_DEPTH},         {"weighted", no_argument, NULL, O_WEIGHTED},
        {"directed", no_argument, NULL, O_DIRECTED},         {"undirected", no_argument, NULL, O_UNDIRECTED},
        {"cutoff", required_argument, NULL, O_CUTOFF},       {"format", required_argument, NULL, O_FORMAT},
        {"db", required_argument, NULL, O_DB},               {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db", *around = NULL;
    int measure = -1, format = 0, directed = 0, undirected = 0, c;
    long top = 20, depth = 1;
    double cutoff = 0;
    ng_view_opts view = {0};
    ng_rank_opts ro = {0};
    ng_errmsg err = {{0}};
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        int f = ng_cli_filter_option(c, optarg, &view);
        if (f < 0)
            return NG_EXIT_USAGE;
        if (f > 0)
            continue;
        switch (c) {
        case O_MEASURE:
            measure = ng_measure_parse(optarg);
            if (measure < 0) {
                ng_cli_error("'%s' is not a measure (degree, in-degree, out-degree, strength, betweenness, "
                             "closeness, harmonic, pagerank, eigenvector, hub, authority, coreness)",
                             optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case O_TOP:
            if (ng_cli_count_option("top", optarg, 0, LONG_MAX, &top) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_ACTORS: view.actors = 1; break;
        case O_AROUND: around = optarg; break;
        case O_DEPTH:
            if (ng_cli_count_option("depth", optarg, 1, 1000, &depth) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_WEIGHTED: ro.weighted = 1; break;
        case O_DIRECTED: directed = 1; break;
        case O_UNDIRECTED: undirected = 1; break;
        case O_CUTOFF:
            if (ng_cli_parse_double(optarg, &cutoff) || !(cutoff > 0)) {
                ng_cli_error("--cutoff wants a length > 0, not '%s'", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case O_FORMAT:
            if (ng_cli_format_option(optarg, &format) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case O_DB: db = optarg; break;
        case O_HELP: help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind != argc || measure < 0) {
        if (measure < 0)
            ng_cli_error("rank needs --measure");
        help(stderr);
        return NG_EXIT_USAGE;
    }
    if (directed && undirected) {
        ng_cli_error("--directed and --undirected exclude each other");
        return NG_EXIT_USAGE;
    }
    ng_measure m = (ng_measure)measure;
    if (undirected && ng_measure_directed_only(m)) {
        ng_cli_error("%s needs directions; it has no --undirected form", ng_measure_name(m));
        return NG_EXIT_USAGE;
    }
    if (cutoff > 0 && !ng_measure_has_cutoff(m)) {
        ng_cli_error("--cutoff applies to betweenness, closeness and harmonic, not %s", ng_measure_name(m));
        return NG_EXIT_USAGE;
    }
    ro.undirected = undirected;
    ro.cutoff = cutoff;
    ng_cli_igraph_handlers();

    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    int rc = NG_EXIT_OK;
    size_t centre;
    if (around) {
        if (ng_cli_resolve(&g, around, &centre) != NG_EXIT_OK) {
            ng_graph_clear(&g);
            return NG_EXIT_FAILURE;
        }
        view.around = g.nodes[centre].id;
        view.depth = (int)depth;
    }
    ng_graph storage;
    const ng_graph *vg;
    int owned;
    if (ng_cli_apply_view(&g, &view, &storage, &vg, &owned) != NG_EXIT_OK) {
        ng_graph_clear(&g);
        return NG_EXIT_FAILURE;
    }
    ng_weight_use use = ng_measure_weight_use(m);
    if (ro.weighted && use == NG_WEIGHT_IGNORED)
        fprintf(stderr, "newsgraph: note: %s ignores weights\n", ng_measure_name(m));
    if ((directed || undirected) && !ng_measure_has_direction(m))
        fprintf(stderr, "newsgraph: note: directions do not change %s\n", ng_measure_name(m));
    if (ng_measure_has_cutoff(m) && !(cutoff > 0) && vg->nnodes > LARGE_GRAPH)
        fprintf(stderr, "newsgraph: note: %s on %zu nodes may take long; --cutoff C limits path lengths\n",
                ng_measure_name(m), vg->nnodes);
    ng_rank_result res;
    if (ng_analysis_rank(vg, m, &ro, &res, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (res.dropped)
        fprintf(stderr, "newsgraph: note: %zu edge%s without a positive weight left out\n", res.dropped,
                res.dropped == 1 ? "" : "s");
    if (res.cutoff_used)
        fprintf(stderr, "newsgraph: note: %s counts only paths up to length %g (--cutoff), so it is approximate\n",
                ng_measure_name(m), cutoff);
    size_t *order = malloc((vg->nnodes + 1) * sizeof *order);
    ng_analysis_order(vg, res.value, order);
    size_t n = top && (size_t)top < vg->nnodes ? (size_t)top : vg->nnodes;
    if (format == 0) {
        int weighted = m == NG_MEASURE_STRENGTH || (ro.weighted && use != NG_WEIGHT_IGNORED);
        printf("%s", ng_measure_name(m));
        if (ng_measure_has_direction(m))
            printf(", %s", undirected ? "undirected" : "directed");
        if (use != NG_WEIGHT_IGNORED && m != NG_MEASURE_STRENGTH)
            printf(", %s", weighted ? (use == NG_WEIGHT_LENGTH ? "weighted (lengths 1/weight)" : "weighted")
                                    : "unweighted");
        if (res.cutoff_used)
            printf(", paths up to %g", cutoff);
        printf(": %zu nodes, %zu edges\n", vg->nnodes, vg->nedges);
        size_t lw = strlen("label"), tw = strlen("type"), rw = 4;
        for (size_t k = n; k >= 10000; k /= 10)
            rw++;
        for (size_t i = 0; i < n; i++) {
            const ng_node *nd = &vg->nodes[order[i]];
            size_t w = ng_cli_width(nd->label);
            lw = w > lw ? w : lw;
            w = strlen(ng_node_type_name(nd->type));
            tw = w > tw ? w : tw;
        }
        printf("%*s  ", (int)rw, "rank");
        ng_cli_pad(stdout, "label", lw);
        printf("  ");
        ng_cli_pad(stdout, "type", tw);
        printf("  value\n");
        for (size_t i = 0; i < n; i++) {
            const ng_node *nd = &vg->nodes[order[i]];
            printf("%*zu  ", (int)rw, i + 1);
            ng_cli_pad(stdout, nd->label, lw);
            printf("  ");
            ng_cli_pad(stdout, ng_node_type_name(nd->type), tw);
            printf("  %.6g\n", res.value[order[i]]);
        }
    } else if (format == 1) {
        printf("rank,id,label,type,value\n");
        for (size_t i = 0; i < n; i++) {
            const ng_node *nd = &vg->nodes[order[i]];
            char buf[32];
            ng_format_double(res.value[order[i]], buf);
            printf("%zu,", i + 1);
            ng_cli_csv_field(stdout, nd->id);
            putchar(',');
            ng_cli_csv_field(stdout, nd->label);
            printf(",%s,%s\n", ng_node_type_name(nd->type), buf);
        }
    } else {
        json_object *arr = json_object_new_array();
        for (size_t i = 0; i < n; i++) {
            const ng_node *nd = &vg->nodes[order[i]];
            char buf[32];
            ng_format_double(res.value[order[i]], buf);
            json_object *o = json_object_new_object();
            json_object_object_add(o, "id", json_object_new_string(nd->id));
            json_object_object_add(o, "label", json_object_new_string(nd->label ? nd->label : ""));
            json_object_object_add(o, "type", json_object_new_string(ng_node_type_name(nd->type)));
            json_object_object_add(o, "value", json_object_new_double_s(res.value[order[i]], buf));
            json_object_array_add(arr, o);
        }
        puts(json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE |
                                                     JSON_C_TO_STRING_SPACED));
        json_object_put(arr);
    }
    free(order);
    ng_rank_result_clear(&res);
out:
    return ng_cli_finish(rc, &g, &storage, owned);
}
