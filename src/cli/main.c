/* newsgraph: entry point and subcommand dispatch. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"build", cmd_build, "ingest articles and write GraphML, GEXF, DOT and JSON (the main job)"},
    {"ingest", cmd_ingest, "read articles into the store"},
    {"export", cmd_export, "write the stored graph (or a view) as graphml, gexf, dot, json or csv"},
    {"render", cmd_render, "draw the graph or a view of it as SVG, PNG or PDF with Graphviz"},
    {"stats", cmd_stats, "count documents, entities by type, claims, quantities, edges"},
    {"rank", cmd_rank, "rank nodes by a centrality measure (degree, pagerank, betweenness, ...)"},
    {"communities", cmd_communities, "find communities (Leiden or Louvain) and their modularity"},
    {"path", cmd_path, "print the shortest chains between two entities"},
    {"neighbors", cmd_neighbors, "list what is around an entity, grouped by relation"},
    {"claims", cmd_claims, "list who claimed what with which numbers, and numbers that disagree"},
    {"extract", cmd_extract, "extract documents given as JSON lines into sub-graph JSON lines (no store)"},
    {"merge", cmd_merge, "fold sub-graph JSON lines and other stores into one store"},
    {"tag", cmd_tag, "tag pre-tokenised sentences with entity types (GermEval 2014 layout)"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: newsgraph <command> [options] [args]\n\n"
               "Builds a knowledge graph of who said what, with which numbers, from news articles.\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nRun 'newsgraph <command> --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    /* Numbers in every output use '.', whatever the user's locale. */
    setlocale(LC_ALL, "C");
    /* Past a file size limit a write fails with EFBIG and is reported, instead
     * of the process being killed halfway. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        usage(stderr);
        return NG_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return NG_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("newsgraph %s\n", NG_VERSION);
        return NG_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "newsgraph: '%s' is not a command\n", argv[1]);
    usage(stderr);
    return NG_EXIT_USAGE;
}
