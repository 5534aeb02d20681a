/* newsgraph stats: what the store holds. */
#include <getopt.h>
#include <glib.h>
#include <stdio.h>

#include "cli.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph stats [--db FILE]\n\n"
               "Counts documents, entities by type, claims, quantities, mentions and edges.\n\n"
               "  --db FILE   store (default: output/newsgraph.db)\n");
}

int cmd_stats(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    if (!g_file_test(db, G_FILE_TEST_EXISTS)) {
        ng_cli_error("%s: no such store", db);
        return NG_EXIT_FAILURE;
    }
    ng_errmsg err = {{0}};
    ng_store *store = NULL;
    ng_store_stats s;
    if (ng_store_open(db, NG_STORE_READONLY, &store, &err) || ng_store_get_stats(store, &s, &err)) {
        ng_cli_error("%s", err.text);
        ng_store_close(store);
        return NG_EXIT_FAILURE;
    }
    ng_store_close(store);
    printf("documents     %ld\n", s.documents);
    printf("entities      %ld\n", s.entities);
    for (int t = 0; t < NG_ENT_TYPE_COUNT; t++)
        printf("  %-12s %ld\n", ng_entity_type_name((ng_entity_type)t), s.entities_by_type[t]);
    printf("mentions      %ld\n", s.mentions);
    printf("claims        %ld\n", s.claims);
    printf("quantities    %ld\n", s.quantities);
    printf("edges         %ld\n", s.edges);
    return NG_EXIT_OK;
}
