/* newsgraph command line: one file per subcommand, as git's builtin/. */
#ifndef NG_CLI_H
#define NG_CLI_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"
#include "newsgraph/store.h"

enum { NG_EXIT_OK = 0, NG_EXIT_FAILURE = 1, NG_EXIT_USAGE = 2 };

int cmd_build(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_claims(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* Ingest options shared by build and ingest. */
typedef struct ng_ingest_opts {
    const char *db;
    const char *data;
    int replace;
    int quiet;
    int jobs; /* extraction threads; 0: all cores */
} ng_ingest_opts;

typedef struct ng_ingest_counts {
    long inserted, unchanged, replaced, failed;
    long reextracted; /* same text, extracted again: another extractor had made the stored extraction */
} ng_ingest_counts;

/* Ingests every input (file, folder read recursively, or "-"); prints one
 * line per failing file; returns NG_EXIT_OK or NG_EXIT_FAILURE. */
int ng_cli_ingest(const ng_ingest_opts *opts, char **inputs, int ninputs, ng_ingest_counts *counts);

/* Opens the store and loads the graph; prints errors itself. */
int ng_cli_load_graph(const char *db, ng_graph *g);

void ng_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Strict number parsing for option values (options.c); 0 on success. */
int ng_cli_parse_long(const char *s, long min, long *out);
int ng_cli_parse_double(const char *s, double *out);
/* `--name ARG` as a whole number in [min, max]: NG_EXIT_OK, or NG_EXIT_USAGE
 * after saying what it wants. */
int ng_cli_count_option(const char *name, const char *arg, long min, long max, long *out);
/* `--jobs ARG` (1 to 1024 threads), as build, ingest and extract read it. */
int ng_cli_jobs_option(const char *arg, int *jobs);

#endif
