/* newsgraph build: ingest, then write graph.graphml, graph.gexf, graph.dot and graph.json. */
#include <getopt.h>
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/export.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph build [--db FILE] [--out DIR] [--replace] [--data DIR] INPUT...\n\n"
               "Reads the articles (files, folders read recursively for .txt/.html/.htm, or - for\n"
               "standard input), stores them, and writes DIR/graph.graphml, DIR/graph.gexf,\n"
               "DIR/graph.dot and DIR/graph.json.  Prints where the files went and the most\n"
               "connected actors.  'newsgraph export' writes views of the graph and CSV.\n\n"
               "  --out DIR    output folder (default: output)\n"
               "  --db FILE    store (default: DIR/newsgraph.db)\n"
               "  --replace    a stored document with the same id but other content is replaced\n"
               "  --data DIR   lexicon folder (default: $NEWSGRAPH_DATA or the built-in one)\n"
               "  --jobs N     extraction threads (default: all cores); the store is the same for any N\n"
               "  --top N      how many actors to print (default 10)\n");
}

int cmd_build(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},   {"out", required_argument, NULL, 'o'},
                                         {"replace", no_argument, NULL, 'r'},    {"data", required_argument, NULL, 'D'},
                                         {"top", required_argument, NULL, 't'},  {"jobs", required_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    ng_ingest_opts o = {0};
    const char *out = "output";
    long top = 10;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o.db = optarg; break;
        case 'o': out = optarg; break;
        case 'r': o.replace = 1; break;
        case 'D': o.data = optarg; break;
        case 'j':
            if (ng_cli_jobs_option(optarg, &o.jobs) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case 't':
            if (ng_cli_count_option("top", optarg, 0, LONG_MAX, &top) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind >= argc || top < 0) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    if (g_mkdir_with_parents(out, 0777) != 0) {
        ng_cli_error("%s: cannot create output folder", out);
        return NG_EXIT_FAILURE;
    }
    gchar *db = o.db ? g_strdup(o.db) : g_build_filename(out, "newsgraph.db", NULL);
    o.db = db;
    ng_ingest_counts counts;
    int rc = ng_cli_ingest(&o, argv + optind, argc - optind, &counts);
    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK) {
        g_free(db);
        return NG_EXIT_FAILURE;
    }
    static const ng_format formats[] = {NG_FORMAT_GRAPHML, NG_FORMAT_GEXF, NG_FORMAT_DOT, NG_FORMAT_JSON};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        gchar *name = g_strdup_printf("graph.%s", ng_format_extension(formats[i]));
        gchar *path = g_build_filename(out, name, NULL);
        ng_errmsg err = {{0}};
        if (ng_export_file(&g, formats[i], path, &err)) {
            ng_cli_error("%s", err.text);
            rc = NG_EXIT_FAILURE;
        } else {
            printf("wrote %s\n", path);
        }
        g_free(path);
        g_free(name);
    }
    printf("store %s: %ld documents, %zu nodes, %zu edges\n", db, g.documents, g.nnodes, g.nedges);
    size_t best[100];
    igraph_integer_t deg[100];
    size_t n = 0;
    if (top > 100)
        top = 100;
    if (top > 0 && ng_graph_top_actors(&g, best, deg, (size_t)top, &n) == NG_OK && n) {
        printf("top actors by degree:\n");
        for (size_t i = 0; i < n; i++) {
            /* Pad by characters, not bytes, so "Südkorea" lines up; cut
             * very long names. */
            const char *label = g.nodes[best[i]].label;
            gchar *shown = g_utf8_strlen(label, -1) > 60 ? g_utf8_substring(label, 0, 59) : g_strdup(label);
            long pad = 32 - (long)g_utf8_strlen(shown, -1);
            printf("  %3zu. %s%s%*s %-13s %ld\n", i + 1, shown, strcmp(shown, label) ? "\xE2\x80\xA6" : "",
                   pad > 0 ? (int)pad : 0, "", ng_node_type_name(g.nodes[best[i]].type), (long)deg[i]);
            g_free(shown);
        }
    }
    ng_graph_clear(&g);
    g_free(db);
    return rc;
}
