/* newsgraph: one document's sub-graph as one line of JSON, and back; and a
 * store's documents read back as sub-graphs.
 *
 * A sub-graph is a document (id, path, sha256, title, text) and its
 * ng_extraction (entities with label, key, type, anonymous and aliases;
 * mentions; claims; quantities; edges with document-local references), so
 * that `newsgraph extract --jsonl` can run anywhere (one process per shard,
 * a Spark or Hadoop map step) and `newsgraph merge` stores exactly what
 * ingest would have stored.  The line format (version 1):
 *
 *   {"newsgraph_subgraph":1,
 *    "document":{"id":..,"path":..,"sha256":..,"extractor":..,"title":..,"text":..},
 *    "entities":[{"label":..,"key":..,"type":"person","anonymous":false,
 *                 "aliases":[..]}, ..],
 *    "mentions":[[entity,start,end,sentence], ..],
 *    "claims":[{"start":..,"end":..,"text":..,"cue":..,"stance":"assert"|"deny",
 *               "hedged":false,"quote":true,"date":..}, ..],
 *    "quantities":[{"start":..,"end":..,"text":..,"has_value":true,"low":..,
 *                   "high":..,"qualifier":"exact",..,"unit":..}, ..],
 *    "edges":[{"type":"said","source":"e0","target":"c1","weight":1,
 *              "role":null,"deny":false}, ..]}
 *
 * References are "e<N>" (entity N), "c<N>" (claim N), "q<N>" (quantity N)
 * and "d" (the document), all 0-based.  "extractor" (ng_extraction.extractor,
 * 40 hex digits) may be missing or empty in lines of older versions.  Numbers are written in the C locale
 * in the shortest form that reads back to the same double (non-finite values
 * as the strings "inf", "-inf", "nan"), so a round trip is exact.  The whole
 * sub-graph is one line: strings escape control characters. */
#ifndef NEWSGRAPH_SUBGRAPH_H
#define NEWSGRAPH_SUBGRAPH_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/document.h"
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/store.h"

#define NG_SUBGRAPH_VERSION 1

/* The sub-graph as one JSON line, ending in '\n'; *len (if not NULL) gets its
 * length.  Returns NULL when out of memory.  Caller frees with free(). */
char *ng_subgraph_to_string(const ng_document *doc, const ng_extraction *x, size_t *len);

/* Writes the line to `out`; NG_ERR_IO when the write fails. */
ng_status ng_subgraph_write(const ng_document *doc, const ng_extraction *x, FILE *out);

/* Parses one line (without or with its '\n').  Everything is checked: types,
 * references in range, offsets inside the text, the text valid UTF-8 without
 * NUL, its SHA-256.  On failure doc and x are left empty and err says which
 * field is wrong (without a file name or line number: the caller adds them). */
ng_status ng_subgraph_parse(const char *line, size_t len, ng_document *doc, ng_extraction *x, ng_errmsg *err);

/* A store's documents read back as sub-graphs, in the order they were stored
 * (the order of the ingest or build that made the store).  Entities carry the
 * label the store holds, which is the label of the first document of that
 * store that named them, so storing the documents in this order into an
 * empty store gives the same store, and storing the stores of contiguous
 * shards in order gives the store of one run over all of them. */
typedef struct ng_store_reader ng_store_reader;

ng_status ng_store_reader_open(ng_store *store, ng_store_reader **out, ng_errmsg *err);
/* Next document: *got = 1 and doc, x filled (the caller clears them), or
 * *got = 0 at the end. */
ng_status ng_store_reader_next(ng_store_reader *r, ng_document *doc, ng_extraction *x, int *got, ng_errmsg *err);
void ng_store_reader_close(ng_store_reader *r);

#endif
