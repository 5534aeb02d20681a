/* newsgraph ingest: read articles into the store. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph ingest [--db FILE] [--replace] [--data DIR] INPUT...\n\n"
               "Reads articles (files, folders read recursively for .txt/.html/.htm, or - for\n"
               "standard input) into the store, one transaction per document.  The same content\n"
               "again changes nothing; the same id with other content fails unless --replace.\n"
               "A document stored by another extractor (other data, word lists or model, or an\n"
               "older newsgraph) is extracted again.\n\n"
               "  --db FILE    store (default: output/newsgraph.db)\n"
               "  --replace    replace stored documents whose content changed\n"
               "  --data DIR   lexicon folder (default: $NEWSGRAPH_DATA or the built-in one)\n"
               "  --jobs N     extraction threads (default: all cores); the store is the same for any N\n");
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {"replace", no_argument, NULL, 'r'},
                                         {"data", required_argument, NULL, 'D'}, {"jobs", required_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    ng_ingest_opts o = {.db = "output/newsgraph.db"};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o.db = optarg; break;
        case 'r': o.replace = 1; break;
        case 'D': o.data = optarg; break;
        case 'j':
            if (ng_cli_jobs_option(optarg, &o.jobs) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_ingest_counts counts;
    return ng_cli_ingest(&o, argv + optind, argc - optind, &counts);
}
