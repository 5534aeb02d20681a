/* Helpers shared by the analysis subcommands (rank, communities, path,
 * neighbors): igraph's handlers, views, entity arguments, aligned text. */
#ifndef NG_ANALYSIS_CLI_H
#define NG_ANALYSIS_CLI_H

#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "newsgraph/view.h"
#include "view_opts.h"

/* Makes igraph errors come back as error codes (printed with our prefix)
 * instead of aborting, and prefixes igraph's warnings.  Process-wide igraph
 * state: called once at the start of each analysis command. */
void ng_cli_igraph_handlers(void);

/* --types and --relations (getopt codes NG_OPT_TYPES, NG_OPT_RELATIONS of
 * view_opts.h; the commands' own codes start at NG_OPT_VIEW_LAST), parsed as
 * export's view options are: 1 taken, 0 another option, -1 after printing
 * what is wrong. */
int ng_cli_filter_option(int code, const char *arg, ng_view_opts *view);
/* --format table|csv|json: *format is 0, 1 or 2; NG_EXIT_USAGE after saying
 * what is wrong. */
int ng_cli_format_option(const char *arg, int *format);

/* Finds the entity the user means (ng_graph_resolve_entity); prints why not
 * and returns NG_EXIT_FAILURE when it is unknown or ambiguous. */
int ng_cli_resolve(const ng_graph *g, const char *query, size_t *node);

/* Applies a view (types, relations, actors, around ...) to g.  When the view
 * is the whole graph, *out is g itself and *owned 0; otherwise *out is
 * `storage`, which the caller clears when *owned.  Prints errors. */
int ng_cli_apply_view(const ng_graph *g, const ng_view_opts *v, ng_graph *storage, const ng_graph **out, int *owned);

/* Ends an analysis command: reports a failed write of standard output,
 * clears the view (when owned) and the graph; returns the exit code. */
int ng_cli_finish(int rc, ng_graph *g, ng_graph *storage, int owned);

/* Index in view of the node with the id of node `i` of g, or (size_t)-1. */
size_t ng_cli_same_node(const ng_graph *g, size_t i, const ng_graph *view);

/* Writes s and pads it with spaces to `width` characters (not bytes). */
void ng_cli_pad(FILE *f, const char *s, size_t width);
size_t ng_cli_width(const char *s);

/* Writes s as one CSV field (quoted when needed). */
void ng_cli_csv_field(FILE *f, const char *s);

#endif
