/* newsgraph: the SQLite store — documents, entities, aliases, mentions,
 * claims, quantities and edges, with provenance.
 *
 * Each document goes in with one transaction, so after a crash the store
 * holds whole documents only.  Entities are resolved across documents here:
 * the same type and name key give the same entity and node id.  The schema
 * version is kept in PRAGMA user_version. */
#ifndef NEWSGRAPH_STORE_H
#define NEWSGRAPH_STORE_H

#include "newsgraph/document.h"
#include "newsgraph/error.h"
#include "newsgraph/extract.h"

#define NG_STORE_SCHEMA_VERSION 2

typedef struct ng_store ng_store;

enum {
    NG_STORE_READONLY = 1 << 0, /* open an existing store for reading */
};

ng_status ng_store_open(const char *path, int flags, ng_store **out, ng_errmsg *err);
ng_status ng_store_close(ng_store *store);
/* The store's schema version: NG_STORE_SCHEMA_VERSION once opened for
 * writing (older stores are upgraded), an older one for a read-only store. */
int ng_store_schema_version(const ng_store *store);

typedef enum ng_add_result {
    NG_ADD_INSERTED = 0, /* new document */
    NG_ADD_UNCHANGED,    /* same id and content: nothing to do */
    NG_ADD_REPLACED,     /* same id, other content, replaced on request */
    NG_ADD_REEXTRACTED   /* same id and content, extracted by another extractor: replaced */
} ng_add_result;

/* Stores a document and its extraction in one transaction.  The same id with
 * other content is NG_ERR_CONFLICT unless `replace` is set. */
ng_status ng_store_add_document(ng_store *store, const ng_document *doc, const ng_extraction *x,
                                int replace, ng_add_result *result, ng_errmsg *err);

/* Groups the following documents into one transaction for speed; each
 * document is still whole or absent (a savepoint each).  End with
 * ng_store_end_batch(), which commits. */
ng_status ng_store_begin_batch(ng_store *store, ng_errmsg *err);
ng_status ng_store_end_batch(ng_store *store, ng_errmsg *err);

/* Is a document with this id and digest already stored?  (*same: 1 same
 * content, 0 other content, -1 absent, 2 same content but extracted by
 * another extractor than `extractor`; NULL or "" does not compare them) */
ng_status ng_store_document_state(ng_store *store, const char *id, const char *sha256, const char *extractor,
                                  int *same, ng_errmsg *err);

typedef struct ng_store_stats {
    long documents, entities, entities_by_type[NG_ENT_TYPE_COUNT], claims, quantities, edges,
        mentions;
} ng_store_stats;
ng_status ng_store_get_stats(ng_store *store, ng_store_stats *stats, ng_errmsg *err);

/* Node id of a document: "document:" and the id when it is NMTOKEN-safe
 * ASCII, else a slug with a hash suffix.  Caller frees. */
char *ng_store_document_node_id(const char *doc_id);

/* The underlying connection, for the graph loader in this library. */
struct sqlite3 *ng_store_db(ng_store *store);

#endif
