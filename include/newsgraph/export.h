/* newsgraph: writing the graph as GraphML, DOT and node-link JSON.
 *
 * Every writer writes to a temporary file next to the target and renames it
 * into place, so an output file appears whole or not at all.  Numbers are
 * written with '.' whatever the locale; no NaN or Inf is ever written. */
#ifndef NEWSGRAPH_EXPORT_H
#define NEWSGRAPH_EXPORT_H

#include <stdio.h>
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

typedef enum ng_format { NG_FORMAT_GRAPHML = 0, NG_FORMAT_DOT, NG_FORMAT_JSON } ng_format;

/* Returns -1 for an unknown name. */
int ng_format_parse(const char *name);
const char *ng_format_extension(ng_format format);

ng_status ng_export_graphml(const ng_graph *g, FILE *out, ng_errmsg *err);
ng_status ng_export_dot(const ng_graph *g, FILE *out, ng_errmsg *err);
ng_status ng_export_json(const ng_graph *g, FILE *out, ng_errmsg *err);

/* Writes in `format` to `path` atomically ("-" writes to standard output). */
ng_status ng_export_file(const ng_graph *g, ng_format format, const char *path, ng_errmsg *err);

/* Formats a double in the C locale with the shortest round-trip form;
 * buf needs 32 bytes.  Non-finite values are written as "0". */
void ng_format_double(double value, char *buf);

#endif
