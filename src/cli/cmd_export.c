/* newsgraph export: the stored graph as GraphML, DOT or JSON. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "newsgraph/export.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph export [--db FILE] --format graphml|dot|json [-o FILE]\n\n"
               "Writes the graph of the store.  Without -o (or with -o -) it goes to standard\n"
               "output; a file is written whole or not at all.\n\n"
               "  --db FILE          store (default: output/newsgraph.db)\n"
               "  --format F         graphml, dot or json\n"
               "  -o, --output FILE  where to write\n");
}

int cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db", *out = "-";
    int format = -1, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'f':
            format = ng_format_parse(optarg);
            if (format < 0) {
                ng_cli_error("unknown format '%s' (graphml, dot or json)", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case 'o': out = optarg; break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (format < 0 || optind != argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    ng_errmsg err = {{0}};
    int rc = NG_EXIT_OK;
    if (ng_export_file(&g, (ng_format)format, out, &err)) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
    }
    ng_graph_clear(&g);
    return rc;
}
