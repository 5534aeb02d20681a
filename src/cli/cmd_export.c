/* newsgraph export: the stored graph, or a view of it, as GraphML, GEXF,
 * DOT, JSON or CSV. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/export.h"
#include "view_opts.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph export [--db FILE] --format graphml|gexf|dot|json|csv [-o FILE|DIR]\n"
               "                        [--cluster doc] [--csv-header gephi|neo4j] [view options]\n\n"
               "Writes the graph of the store, or the part the view options choose.  Without -o\n"
               "(or with -o -) it goes to standard output; a file is written whole or not at all.\n\n"
               "  --db FILE            store (default: output/newsgraph.db)\n"
               "  --format F           graphml (Gephi, networkx, yEd), gexf (Gephi, with colours,\n"
               "                       sizes and dated claims for the timeline), dot (Graphviz),\n"
               "                       json (node-link, the reference form) or csv\n"
               "  -o, --output PATH    where to write; for csv a folder (created when missing) that\n"
               "                       receives nodes.csv and edges.csv\n"
               "  --cluster doc        dot only: one box (subgraph \"cluster_<doc>\") per document;\n"
               "                       entities named in several documents stay outside the boxes.\n"
               "                       The file then asks for the fdp layout, which draws clusters\n"
               "  --csv-header H       csv only: gephi (default; Id,Label,... and\n"
               "                       Source,Target,Type,Id,Weight,...) or neo4j (id:ID,label,:LABEL,...\n"
               "                       and :START_ID,:END_ID,:TYPE,... for neo4j-admin import)\n\n"
               "%s",
            NG_CLI_VIEW_HELP);
}

enum { OPT_CLUSTER = NG_OPT_VIEW_LAST, OPT_CSV_HEADER };

int cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"cluster", required_argument, NULL, OPT_CLUSTER},
                                         {"csv-header", required_argument, NULL, OPT_CSV_HEADER},
                                         {"help", no_argument, NULL, 'h'},
                                         NG_CLI_VIEW_LONGOPTS,
                                         {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db", *out = "-";
    int format = -1, c, csv_header = -1, cluster = 0;
    ng_cli_view cv;
    memset(&cv, 0, sizeof cv);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:", opts, NULL)) != -1) {
        int v = ng_cli_view_option(&cv, c, optarg);
        if (v < 0)
            return NG_EXIT_USAGE;
        if (v > 0)
            continue;
        switch (c) {
        case 'd': db = optarg; break;
        case 'f':
            format = ng_format_parse(optarg);
            if (format < 0) {
                ng_cli_error("unknown format '%s' (graphml, gexf, dot, json or csv)", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case 'o': out = optarg; break;
        case OPT_CLUSTER:
            if (strcmp(optarg, "doc") != 0) {
                ng_cli_error("--cluster: only 'doc' is known, not '%s'", optarg);
                return NG_EXIT_USAGE;
            }
            cluster = 1;
            break;
        case OPT_CSV_HEADER:
            csv_header = ng_csv_header_parse(optarg);
            if (csv_header < 0) {
                ng_cli_error("--csv-header: '%s' is not gephi or neo4j", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (format < 0 || optind != argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    if (ng_cli_view_check(&cv) < 0)
        return NG_EXIT_USAGE;
    if (cluster && format != NG_FORMAT_DOT) {
        ng_cli_error("--cluster goes with --format dot");
        return NG_EXIT_USAGE;
    }
    if (csv_header >= 0 && format != NG_FORMAT_CSV) {
        ng_cli_error("--csv-header goes with --format csv");
        return NG_EXIT_USAGE;
    }
    if (format == NG_FORMAT_CSV && !strcmp(out, "-")) {
        ng_cli_error("--format csv writes two files, nodes.csv and edges.csv: give a folder with -o DIR");
        return NG_EXIT_USAGE;
    }
    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    ng_graph view;
    int used = 0;
    int rc = ng_cli_view_apply(&cv, &g, &view, &used);
    if (rc == NG_EXIT_OK) {
        ng_export_opts eo = {0};
        eo.dot_cluster_doc = cluster;
        eo.dot_layout = cluster ? "fdp" : NULL;
        eo.csv_header = csv_header < 0 ? NG_CSV_GEPHI : (ng_csv_header)csv_header;
        ng_errmsg err = {{0}};
        if (ng_export_file_opts(used ? &view : &g, (ng_format)format, out, &eo, &err)) {
            ng_cli_error("%s", err.text);
            rc = NG_EXIT_FAILURE;
        }
    }
    if (used)
        ng_graph_clear(&view);
    ng_graph_clear(&g);
    return rc;
}
