/* newsgraph: writing the graph as GraphML, GEXF, DOT, node-link JSON and CSV.
 *
 * Every writer writes to a temporary file next to the target and renames it
 * into place, so an output file appears whole or not at all.  Numbers are
 * written with '.' whatever the locale; no NaN or Inf is ever written.  The
 * same graph gives the same bytes in every format. */
#ifndef NEWSGRAPH_EXPORT_H
#define NEWSGRAPH_EXPORT_H

#include <stdio.h>
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

typedef enum ng_format {
    NG_FORMAT_GRAPHML = 0,
    NG_FORMAT_DOT,
    NG_FORMAT_JSON,
    NG_FORMAT_GEXF,
    NG_FORMAT_CSV /* a folder with nodes.csv and edges.csv */
} ng_format;

/* Returns -1 for an unknown name. */
int ng_format_parse(const char *name);
const char *ng_format_extension(ng_format format);

/* CSV header dialects: Gephi's spreadsheet import (Id,Label,... and
 * Source,Target,Type,Id,Weight,...) or neo4j-admin's bulk import
 * (id:ID,label,:LABEL,... and :START_ID,:END_ID,:TYPE,...). */
typedef enum ng_csv_header { NG_CSV_GEPHI = 0, NG_CSV_NEO4J } ng_csv_header;

/* Returns -1 for an unknown name ("gephi", "neo4j"). */
int ng_csv_header_parse(const char *name);

/* Options of the writers; a zeroed struct (or NULL) gives the defaults. */
typedef struct ng_export_opts {
    int dot_cluster_doc;     /* DOT: one subgraph "cluster_<doc>" per document */
    const char *dot_layout;  /* DOT: the "layout" graph attribute (NULL: sfdp) */
    int dot_render;          /* DOT: drawing defaults for `newsgraph render` */
    ng_csv_header csv_header;
} ng_export_opts;

ng_status ng_export_graphml(const ng_graph *g, FILE *out, ng_errmsg *err);
ng_status ng_export_gexf(const ng_graph *g, FILE *out, ng_errmsg *err);
ng_status ng_export_dot(const ng_graph *g, FILE *out, ng_errmsg *err);
ng_status ng_export_dot_opts(const ng_graph *g, const ng_export_opts *opts, FILE *out, ng_errmsg *err);
ng_status ng_export_json(const ng_graph *g, FILE *out, ng_errmsg *err);
/* The two halves of the CSV export. */
ng_status ng_export_csv_nodes(const ng_graph *g, ng_csv_header header, FILE *out, ng_errmsg *err);
ng_status ng_export_csv_edges(const ng_graph *g, ng_csv_header header, FILE *out, ng_errmsg *err);

/* Writes in `format` to `path` atomically ("-" writes to standard output).
 * For NG_FORMAT_CSV, path is a folder (created when missing) that receives
 * nodes.csv and edges.csv, each written atomically; "-" is refused. */
ng_status ng_export_file(const ng_graph *g, ng_format format, const char *path, ng_errmsg *err);
ng_status ng_export_file_opts(const ng_graph *g, ng_format format, const char *path, const ng_export_opts *opts,
                              ng_errmsg *err);

/* Formats a double in the C locale with the shortest round-trip form;
 * buf needs 32 bytes.  Non-finite values are written as "0". */
void ng_format_double(double value, char *buf);

#endif
