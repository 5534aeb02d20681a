/* newsgraph: entry point and subcommand dispatch. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"build", cmd_build, "ingest articles and write GraphML, DOT and JSON (the main job)"},
    {"ingest", cmd_ingest, "read articles into the store"},
    {"export", cmd_export, "write the stored graph as graphml, dot or json"},
    {"stats", cmd_stats, "count documents, entities by type, claims, quantities, edges"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: newsgraph <command> [options] [args]\n\n"
               "Builds a knowledge graph of who said what, with which numbers, from news articles.\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nRun 'newsgraph <command> --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    /* Numbers in every output use '.', whatever the user's locale. */
    setlocale(LC_ALL, "C");
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
