/* The SQLite store.  One transaction per document; prepared statements
 * only; entities resolved across documents by (type, name key). */
#include "newsgraph/store.h"

#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct stmts {
    sqlite3_stmt *find_entity, *insert_entity, *node_exists, *insert_alias, *insert_mention, *insert_claim,
        *insert_quantity, *insert_edge, *insert_doc;
} stmts;

struct ng_store {
    sqlite3 *db;
    char *path;
    stmts q;       /* prepared once, kept for the store's life */
    int version;   /* schema version, after any upgrade (read-only stores keep theirs) */
    int prepared;
    int in_batch;
};

static const char *const schema_sql =
    "CREATE TABLE IF NOT EXISTS documents("
    "  id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, title TEXT NOT NULL,"
    "  text TEXT NOT NULL, extractor TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE IF NOT EXISTS entities("
    "  id INTEGER PRIMARY KEY, node_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
    "  label TEXT NOT NULL, key TEXT NOT NULL, anonymous INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(type, key));"
    "CREATE TABLE IF NOT EXISTS aliases("
    "  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  alias TEXT NOT NULL, PRIMARY KEY(entity, doc, alias)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS mentions("
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);"
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc);"
    "CREATE TABLE IF NOT EXISTS claims("
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  node_id TEXT NOT NULL UNIQUE, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
    "  cue TEXT NOT NULL, stance TEXT NOT NULL, hedged INTEGER NOT NULL, quote INTEGER NOT NULL,"
    "  date TEXT NOT NULL, PRIMARY KEY(doc, n));"
    "CREATE TABLE IF NOT EXISTS quantities("
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  node_id TEXT NOT NULL UNIQUE, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
    "  low REAL, high REAL, qualifier TEXT NOT NULL, unit TEXT NOT NULL, PRIMARY KEY(doc, n));"
    "CREATE TABLE IF NOT EXISTS edges("
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, type TEXT NOT NULL,"
    "  source TEXT NOT NULL, target TEXT NOT NULL, weight REAL NOT NULL DEFAULT 1,"
    "  role TEXT, stance TEXT, PRIMARY KEY(doc, type, source, target));"
    "CREATE INDEX IF NOT EXISTS edges_source ON edges(source);"
    "CREATE INDEX IF NOT EXISTS edges_target ON edges(target);";

/* How long to wait for another writer: NEWSGRAPH_BUSY_TIMEOUT milliseconds,
 * default 10 s (the tests use a shorter wait). */
static int busy_timeout_ms(void)
{
    const char *e = getenv("NEWSGRAPH_BUSY_TIMEOUT");
    if (e && *e) {
        char *end = NULL;
        long v = strtol(e, &end, 10);
        if (end && *end == '\0' && v >= 0 && v <= 3600000)
            return (int)v;
    }
    return 10000;
}

/* Failures of the store as a whole (locked, disk full, read-only, damaged,
 * I/O error) are NG_ERR_IO, so that a batch stops instead of failing every
 * further document the same way; a failure of one document stays
 * NG_ERR_STORE.  The message says what the user can do about it. */
static ng_status store_status(ng_store *s, const char **hint)
{
    static char buf[64];
    *hint = "";
    switch (sqlite3_errcode(s->db) & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        g_snprintf(buf, sizeof buf, " (another process is writing to it; waited %d ms)", busy_timeout_ms());
        *hint = buf;
        return NG_ERR_IO;
    case SQLITE_FULL: *hint = " (disk full or file size limit)"; return NG_ERR_IO;
    case SQLITE_READONLY:
    case SQLITE_PERM: *hint = " (read-only file or folder)"; return NG_ERR_IO;
    case SQLITE_IOERR:
        if (sqlite3_extended_errcode(s->db) != SQLITE_IOERR_READ &&
            sqlite3_extended_errcode(s->db) != SQLITE_IOERR_SHORT_READ)
            *hint = " (a write failed: disk full or file size limit?)";
        return NG_ERR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN: return NG_ERR_IO;
    default: return NG_ERR_STORE;
    }
}

static ng_status db_fail(ng_store *s, ng_errmsg *err, const char *what)
{
    const char *hint;
    ng_status st = store_status(s, &hint);
    return ng_fail(err, st, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(s->db), hint);
}

static ng_status exec(ng_store *s, const char *sql, ng_errmsg *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        const char *hint;
        ng_status st = store_status(s, &hint);
        st = ng_fail(err, st, "%s: %s%s", s->path, msg ? msg : "error", hint);
        sqlite3_free(msg);
        return st;
    }
    return NG_OK;
}

/* "file:" URI of a path, for opening with parameters. */
static char *file_uri(const char *path, const char *params)
{
    GString *u = g_string_new("file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (g_ascii_isalnum(*p) || strchr("/._-~", *p))
            g_string_append_c(u, (char)*p);
        else
            g_string_append_printf(u, "%%%02X", *p);
    }
    g_string_append_printf(u, "?%s", params);
    return g_string_free(u, FALSE);
}

/* A store in a folder nobody may write to (a read-only medium, an archive):
 * SQLite cannot create the -shm file that reading a WAL database needs.
 * With no -wal file there is nothing uncommitted, and no writer can exist
 * (it would need to create -wal there), so the file is read as immutable. */
static int reopen_immutable(ng_store *s)
{
    gchar *wal = g_strconcat(s->path, "-wal", NULL);
    gchar *dir = g_path_get_dirname(s->path);
    int ok = !g_file_test(wal, G_FILE_TEST_EXISTS) && access(dir, W_OK) != 0;
    g_free(wal);
    g_free(dir);
    if (!ok)
        return -1;
    char *uri = file_uri(s->path, "immutable=1");
    sqlite3_close(s->db);
    s->db = NULL;
    int rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    g_free(uri);
    return rc == SQLITE_OK ? 0 : -1;
}

static int read_version(ng_store *s)
{
    sqlite3_stmt *st = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return version;
}

ng_status ng_store_open(const char *path, int flags, ng_store **out, ng_errmsg *err)
{
    *out = NULL;
    ng_store *s = calloc(1, sizeof *s);
    if (!s)
        return ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", path);
    s->path = strdup(path);
    int oflags = (flags & NG_STORE_READONLY) ? SQLITE_OPEN_READONLY
                                             : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        ng_status st = ng_fail(err, NG_ERR_STORE, "%s: cannot open store: %s", path,
                               s->db ? sqlite3_errmsg(s->db) : "out of memory");
        ng_store_close(s);
        return st;
    }
    sqlite3_busy_timeout(s->db, busy_timeout_ms()); /* another writer: wait, then a clear error */
    sqlite3_extended_result_codes(s->db, 1);
    /* A file that is not a SQLite database fails here, before anything is written. */
    int version = read_version(s);
    int code = sqlite3_errcode(s->db) & 0xff;
    if (version < 0 && (flags & NG_STORE_READONLY) && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY) &&
        reopen_immutable(s) == 0) {
        sqlite3_extended_result_codes(s->db, 1);
        version = read_version(s);
        code = sqlite3_errcode(s->db) & 0xff;
    }
    if (version < 0) {
        /* Say what is wrong: a file that is not a store is another thing than
         * a store that cannot be read (permissions, a damaged file). */
        ng_status r = code == SQLITE_NOTADB
                          ? ng_fail(err, NG_ERR_STORE, "%s: not a newsgraph store (%s); not touched", path,
                                    sqlite3_errmsg(s->db))
                          : ng_fail(err, NG_ERR_STORE, "%s: cannot read the store: %s", path, sqlite3_errmsg(s->db));
        ng_store_close(s);
        return r;
    }
    if (!(flags & NG_STORE_READONLY) && sqlite3_db_readonly(s->db, "main") == 1) {
        /* SQLite quietly opens a file it may not write read-only; every
         * document would then fail.  Say it once, here. */
        ng_status r = ng_fail(err, NG_ERR_IO, "%s: cannot write to the store: the file is read-only", path);
        ng_store_close(s);
        return r;
    }
    if (version > NG_STORE_SCHEMA_VERSION) {
        ng_status r = ng_fail(err, NG_ERR_STORE, "%s: store schema version %d is newer than this newsgraph (%d)",
                              path, version, NG_STORE_SCHEMA_VERSION);
        ng_store_close(s);
        return r;
    }
    ng_status r = exec(s, "PRAGMA foreign_keys=ON", err);
    if (!r && !(flags & NG_STORE_READONLY)) {
        if (version == 0) {
            /* Refuse to turn some other SQLite database into a store. */
            sqlite3_stmt *q = NULL;
            int tables = 0;
            if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master WHERE name NOT IN "
                                          "('documents','entities','aliases','mentions','claims',"
                                          "'quantities','edges') AND name NOT LIKE 'sqlite_%' AND "
                                          "name NOT LIKE 'mentions_%' AND name NOT LIKE 'edges_%'",
                                   -1, &q, NULL) == SQLITE_OK &&
                sqlite3_step(q) == SQLITE_ROW)
                tables = sqlite3_column_int(q, 0);
            sqlite3_finalize(q);
            if (tables) {
                r = ng_fail(err, NG_ERR_STORE, "%s: a SQLite database but not a newsgraph store; not touched", path);
            }
        }
        if (!r)
            r = exec(s, "PRAGMA journal_mode=WAL", err);
        if (!r)
            r = exec(s, "PRAGMA synchronous=NORMAL", err);
        /* A large page cache keeps a batch in memory instead of spilling
         * pages to the WAL one write at a time. */
        if (!r)
            r = exec(s, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY", err);
        if (!r && version < NG_STORE_SCHEMA_VERSION) {
            r = exec(s, "BEGIN IMMEDIATE", err);
            if (!r)
                r = exec(s, schema_sql, err);
            /* Version 2 records which extractor made each document's extraction;
             * documents of a version 1 store count as made by an unknown one. */
            if (!r && version == 1)
                r = exec(s, "ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT ''", err);
            if (!r)
                r = exec(s, "PRAGMA user_version=" G_STRINGIFY(NG_STORE_SCHEMA_VERSION), err);
            if (!r)
                r = exec(s, "COMMIT", err);
            if (!r)
                version = NG_STORE_SCHEMA_VERSION;
            else
                sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        }
    } else if (!r && version == 0) {
        r = ng_fail(err, NG_ERR_STORE, "%s: empty or not a newsgraph store", path);
    }
    if (r) {
        ng_store_close(s);
        return r;
    }
    s->version = version;
    *out = s;
    return NG_OK;
}

int ng_store_schema_version(const ng_store *s)
{
    return s->version;
}

static void stmts_free(stmts *q);

ng_status ng_store_close(ng_store *s)
{
    if (!s)
        return NG_OK;
    if (s->in_batch)
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (s->prepared)
        stmts_free(&s->q);
    int rc = sqlite3_close(s->db);
    free(s->path);
    free(s);
    return rc == SQLITE_OK ? NG_OK : NG_ERR_STORE;
}

struct sqlite3 *ng_store_db(ng_store *s)
{
    return s->db;
}

ng_status ng_store_document_state(ng_store *s, const char *id, const char *sha256, const char *extractor,
                                  int *same, ng_errmsg *err)
{
    sqlite3_stmt *st = NULL;
    *same = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT sha256, extractor FROM documents WHERE id=?", -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, "query");
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *same = strcmp((const char *)sqlite3_column_text(st, 0), sha256) == 0;
        if (*same && extractor && *extractor && strcmp((const char *)sqlite3_column_text(st, 1), extractor) != 0)
            *same = 2;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? NG_OK : db_fail(s, err, "query");
}

/* Node id part for a document: the id itself when it is NMTOKEN-safe ASCII,
 * else a slug with a digest suffix so that different ids stay different. */
static char *doc_slug(const char *id)
{
    int safe = *id != '\0';
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '-' || *p == '.'))
            safe = 0;
    if (safe)
        return strdup(id);
    char *slug = ng_slug(id);
    char hex[9];
    unsigned long h = 5381;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h * 33) ^ *p;
    snprintf(hex, sizeof hex, "%08lx", h & 0xffffffffUL);
    size_t n = strlen(slug) + 10;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s-%s", slug, hex);
    free(slug);
    return out;
}

char *ng_store_document_node_id(const char *doc_id)
{
    char *slug = doc_slug(doc_id);
    char *id = slug ? g_strdup_printf("document:%s", slug) : NULL;
    free(slug);
    return id;
}

static void stmts_free(stmts *q)
{
    sqlite3_stmt **all = (sqlite3_stmt **)q;
    for (size_t i = 0; i < sizeof *q / sizeof(sqlite3_stmt *); i++)
        sqlite3_finalize(all[i]);
}

static int stmts_prepare(ng_store *s, stmts *q)
{
    memset(q, 0, sizeof *q);
    struct { sqlite3_stmt **st; const char *sql; } list[] = {
        {&q->find_entity, "SELECT id, node_id FROM entities WHERE type=? AND key=?"},
        {&q->insert_entity, "INSERT INTO entities(node_id, type, label, key, anonymous) VALUES(?,?,?,?,?)"},
        {&q->node_exists, "SELECT 1 FROM entities WHERE node_id=?"},
        {&q->insert_alias, "INSERT OR IGNORE INTO aliases(entity, doc, alias) VALUES(?,?,?)"},
        {&q->insert_mention, "INSERT INTO mentions(doc, entity, start, end, sentence) VALUES(?,?,?,?,?)"},
        {&q->insert_claim, "INSERT INTO claims(doc, n, node_id, start, end, text, cue, stance, hedged, quote, date)"
                           " VALUES(?,?,?,?,?,?,?,?,?,?,?)"},
        {&q->insert_quantity, "INSERT INTO quantities(doc, n, node_id, start, end, text, low, high, qualifier, unit)"
                              " VALUES(?,?,?,?,?,?,?,?,?,?)"},
        {&q->insert_edge, "INSERT INTO edges(doc, type, source, target, weight, role, stance) VALUES(?,?,?,?,?,?,?)"
                          " ON CONFLICT(doc, type, source, target) DO UPDATE SET weight=weight+excluded.weight"},
        {&q->insert_doc, "INSERT INTO documents(id, path, sha256, title, text, extractor) VALUES(?,?,?,?,?,?)"},
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (sqlite3_prepare_v2(s->db, list[i].sql, -1, list[i].st, NULL) != SQLITE_OK)
            return -1;
    return 0;
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The entity row for a document-local entity: found by (type, key), else new. */
static int resolve_entity(ng_store *s, stmts *q, const ng_xentity *x, const char *dslug, sqlite3_int64 *row,
                          char **node_id)
{
    const char *type = ng_entity_type_name(x->type);
    /* Unnamed sources ("ukrainischer Beamter") stay apart between documents. */
    gchar *key = x->anonymous ? g_strdup_printf("%s@%s", x->key, dslug) : g_strdup(x->key);
    sqlite3_bind_text(q->find_entity, 1, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->find_entity, 2, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q->find_entity);
    if (rc == SQLITE_ROW) {
        *row = sqlite3_column_int64(q->find_entity, 0);
        *node_id = strdup((const char *)sqlite3_column_text(q->find_entity, 1));
        sqlite3_reset(q->find_entity);
        g_free(key);
        return 0;
    }
    sqlite3_reset(q->find_entity);
    if (rc != SQLITE_DONE) {
        g_free(key);
        return -1;
    }
    char *slug = ng_slug(x->label);
    gchar *base = x->anonymous ? g_strdup_printf("%s:%s-%s", type, slug, dslug) : g_strdup_printf("%s:%s", type, slug);
    free(slug);
    /* Another key with the same slug: number it, so ids stay unique and stable. */
    gchar *id = g_strdup(base);
    for (int n = 2;; n++) {
        sqlite3_bind_text(q->node_exists, 1, id, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(q->node_exists);
        sqlite3_reset(q->node_exists);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            g_free(id);
            g_free(base);
            g_free(key);
            return -1;
        }
        g_free(id);
        id = g_strdup_printf("%s-%d", base, n);
    }
    sqlite3_bind_text(q->insert_entity, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_entity, 2, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->insert_entity, 3, x->label, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_entity, 4, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q->insert_entity, 5, x->anonymous);
    int bad = step_done(q->insert_entity);
    *row = sqlite3_last_insert_rowid(s->db);
    *node_id = strdup(id);
    g_free(id);
    g_free(base);
    g_free(key);
    return bad;
}

static const char *ref_id(const ng_ref *r, char **ent_ids, char **claim_ids, char **qty_ids, const char *doc_id)
{
    switch (r->kind) {
    case NG_REF_ENTITY: return ent_ids[r->index];
    case NG_REF_CLAIM: return claim_ids[r->index];
    case NG_REF_QUANTITY: return qty_ids[r->index];
    case NG_REF_DOCUMENT: return doc_id;
    }
    return NULL;
}

static void free_ids(char **ids, size_t n)
{
    if (!ids)
        return;
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

static int write_document(ng_store *s, stmts *q, const ng_document *doc, const ng_extraction *x)
{
    int bad = 0;
    char *dslug = doc_slug(doc->id);
    char *doc_node = g_strdup_printf("document:%s", dslug);
    char **ent_ids = calloc(x->nentities + 1, sizeof(char *));
    sqlite3_int64 *rows = calloc(x->nentities + 1, sizeof *rows);
    char **claim_ids = calloc(x->nclaims + 1, sizeof(char *));
    char **qty_ids = calloc(x->nquantities + 1, sizeof(char *));
    if (!dslug || !ent_ids || !rows || !claim_ids || !qty_ids)
        bad = -1;

    sqlite3_stmt *d = q->insert_doc;
    sqlite3_bind_text(d, 1, doc->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(d, 2, doc->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(d, 3, doc->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(d, 4, doc->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(d, 5, doc->text, (int)doc->len, SQLITE_STATIC);
    sqlite3_bind_text(d, 6, x->extractor, -1, SQLITE_STATIC);
    bad = bad || step_done(d);

    for (size_t i = 0; i < x->nentities && !bad; i++) {
        bad = resolve_entity(s, q, &x->entities[i], dslug, &rows[i], &ent_ids[i]);
        for (size_t k = 0; k < x->entities[i].naliases && !bad; k++) {
            sqlite3_bind_int64(q->insert_alias, 1, rows[i]);
            sqlite3_bind_text(q->insert_alias, 2, doc->id, -1, SQLITE_STATIC);
            sqlite3_bind_text(q->insert_alias, 3, x->entities[i].aliases[k], -1, SQLITE_STATIC);
            bad = step_done(q->insert_alias);
        }
    }
    for (size_t i = 0; i < x->nmentions && !bad; i++) {
        const ng_xmention *m = &x->mentions[i];
        sqlite3_bind_text(q->insert_mention, 1, doc->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q->insert_mention, 2, rows[m->entity]);
        sqlite3_bind_int64(q->insert_mention, 3, m->start);
        sqlite3_bind_int64(q->insert_mention, 4, m->end);
        sqlite3_bind_int64(q->insert_mention, 5, m->sentence);
        bad = step_done(q->insert_mention);
    }
    for (size_t i = 0; i < x->nclaims && !bad; i++) {
        const ng_xclaim *c = &x->claims[i];
        claim_ids[i] = g_strdup_printf("claim:%s:%zu", dslug, i + 1);
        sqlite3_stmt *st = q->insert_claim;
        sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
        sqlite3_bind_text(st, 3, claim_ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, c->start);
        sqlite3_bind_int64(st, 5, c->end);
        sqlite3_bind_text(st, 6, c->text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, c->cue, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, c->stance == NG_STANCE_DENY ? "deny" : "assert", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 9, c->hedged);
        sqlite3_bind_int(st, 10, c->quote);
        sqlite3_bind_text(st, 11, c->date, -1, SQLITE_STATIC);
        bad = step_done(st);
    }
    for (size_t i = 0; i < x->nquantities && !bad; i++) {
        const ng_xquantity *v = &x->quantities[i];
        qty_ids[i] = g_strdup_printf("quantity:%s:%zu", dslug, i + 1);
        sqlite3_stmt *st = q->insert_quantity;
        sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
        sqlite3_bind_text(st, 3, qty_ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, v->start);
        sqlite3_bind_int64(st, 5, v->end);
        sqlite3_bind_text(st, 6, v->text, -1, SQLITE_STATIC);
        if (v->has_value) {
            sqlite3_bind_double(st, 7, v->low);
            sqlite3_bind_double(st, 8, v->high);
        }
        sqlite3_bind_text(st, 9, ng_qualifier_name(v->qualifier), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, v->unit, -1, SQLITE_STATIC);
        bad = step_done(st);
    }
    for (size_t i = 0; i < x->nedges && !bad; i++) {
        const ng_xedge *e = &x->edges[i];
        const char *src = ref_id(&e->source, ent_ids, claim_ids, qty_ids, doc_node);
        const char *dst = ref_id(&e->target, ent_ids, claim_ids, qty_ids, doc_node);
        if (!src || !dst || strcmp(src, dst) == 0)
            continue; /* two local entities that the store merged */
        sqlite3_stmt *st = q->insert_edge;
        sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, ng_edge_type_name(e->type), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, src, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, dst, -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 5, e->weight);
        if (e->role)
            sqlite3_bind_text(st, 6, e->role, -1, SQLITE_STATIC);
        if (e->type == NG_EDGE_SAID)
            sqlite3_bind_text(st, 7, e->deny ? "deny" : "assert", -1, SQLITE_STATIC);
        bad = step_done(st);
    }
    free_ids(ent_ids, x->nentities);
    free_ids(claim_ids, x->nclaims);
    free_ids(qty_ids, x->nquantities);
    free(rows);
    g_free(doc_node);
    free(dslug);
    return bad;
}

ng_status ng_store_begin_batch(ng_store *s, ng_errmsg *err)
{
    if (s->in_batch)
        return NG_OK;
    ng_status r = exec(s, "BEGIN IMMEDIATE", err);
    if (!r)
        s->in_batch = 1;
    return r;
}

ng_status ng_store_end_batch(ng_store *s, ng_errmsg *err)
{
    if (!s->in_batch)
        return NG_OK;
    s->in_batch = 0;
    ng_status r = exec(s, "COMMIT", err);
    if (r && !sqlite3_get_autocommit(s->db)) /* a failed COMMIT (disk full) leaves it open */
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

/* One document is one transaction, or one savepoint inside a batch. */
static ng_status doc_begin(ng_store *s, ng_errmsg *err)
{
    return exec(s, s->in_batch ? "SAVEPOINT doc" : "BEGIN IMMEDIATE", err);
}

static ng_status doc_commit(ng_store *s, ng_errmsg *err)
{
    ng_status r = exec(s, s->in_batch ? "RELEASE doc" : "COMMIT", err);
    if (r && !s->in_batch && !sqlite3_get_autocommit(s->db)) /* a failed COMMIT leaves it open */
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

static void doc_rollback(ng_store *s)
{
    if (s->in_batch)
        sqlite3_exec(s->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
    else
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

ng_status ng_store_add_document(ng_store *s, const ng_document *doc, const ng_extraction *x, int replace,
                                ng_add_result *result, ng_errmsg *err)
{
    *result = NG_ADD_INSERTED;
    ng_status r = doc_begin(s, err);
    if (r)
        return r;
    int same;
    r = ng_store_document_state(s, doc->id, doc->sha256, x->extractor, &same, err);
    if (!r && same == 1) {
        *result = NG_ADD_UNCHANGED;
        return doc_commit(s, err);
    }
    if (!r && (same == 0 || same == 2)) {
        if (same == 0 && !replace) {
            doc_rollback(s);
            return ng_fail(err, NG_ERR_CONFLICT,
                           "%s: a different document with id '%s' is already stored (use --replace)", doc->path,
                           doc->id);
        }
        *result = same == 2 ? NG_ADD_REEXTRACTED : NG_ADD_REPLACED;
        sqlite3_stmt *del = NULL;
        if (sqlite3_prepare_v2(s->db, "DELETE FROM documents WHERE id=?", -1, &del, NULL) != SQLITE_OK)
            r = db_fail(s, err, "replace");
        else {
            sqlite3_bind_text(del, 1, doc->id, -1, SQLITE_STATIC);
            if (step_done(del))
                r = db_fail(s, err, "replace");
            sqlite3_finalize(del);
        }
        /* Entities no longer mentioned anywhere go with the document. */
        if (!r)
            r = exec(s, "DELETE FROM entities WHERE id NOT IN (SELECT entity FROM mentions)", err);
    }
    if (!r && !s->prepared) {
        if (stmts_prepare(s, &s->q) != 0) {
            stmts_free(&s->q);
            r = db_fail(s, err, "cannot prepare statements");
        } else {
            s->prepared = 1;
        }
    }
    if (!r && write_document(s, &s->q, doc, x) != 0)
        r = db_fail(s, err, "cannot store document");
    if (r) {
        doc_rollback(s);
        return r;
    }
    return doc_commit(s, err);
}

static long count(ng_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

ng_status ng_store_get_stats(ng_store *s, ng_store_stats *out, ng_errmsg *err)
{
    memset(out, 0, sizeof *out);
    out->documents = count(s, "SELECT count(*) FROM documents");
    out->entities = count(s, "SELECT count(*) FROM entities");
    out->claims = count(s, "SELECT count(*) FROM claims");
    out->quantities = count(s, "SELECT count(*) FROM quantities");
    out->edges = count(s, "SELECT count(*) FROM edges");
    out->mentions = count(s, "SELECT count(*) FROM mentions");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT type, count(*) FROM entities GROUP BY type", -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, "stats");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int t = ng_entity_type_parse((const char *)sqlite3_column_text(st, 0));
        if (t >= 0)
            out->entities_by_type[t] = (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (out->documents < 0 || out->entities < 0)
        return db_fail(s, err, "stats");
    return NG_OK;
}
