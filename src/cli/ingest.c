/* Shared by build and ingest: walk the inputs, read, extract, store. */
#include <dirent.h>
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"

void ng_cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("newsgraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int wanted(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (!g_ascii_strcasecmp(dot, ".txt") || !g_ascii_strcasecmp(dot, ".html") ||
                   !g_ascii_strcasecmp(dot, ".htm"));
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects files below a folder (sorted, so runs repeat exactly). */
static void walk(const char *dir, GPtrArray *out, int depth)
{
    if (depth > 64)
        return;
    DIR *d = opendir(dir);
    if (!d) {
        g_ptr_array_add(out, g_strdup(dir)); /* reported when read */
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            g_ptr_array_add(names, g_build_filename(dir, e->d_name, NULL));
    closedir(d);
    qsort(names->pdata, names->len, sizeof(char *), cmp_path);
    for (guint i = 0; i < names->len; i++) {
        const char *p = names->pdata[i];
        struct stat st;
        if (lstat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(p, out, depth + 1);
        else if (S_ISREG(st.st_mode) && wanted(p))
            g_ptr_array_add(out, g_strdup(p));
    }
    g_ptr_array_free(names, TRUE);
}

/* One input in flight: read and extracted by a worker, stored by the main
 * thread in input order, so that any --jobs gives the same store. */
typedef struct slot {
    int done;
    ng_status st;
    ng_errmsg err;
    ng_document doc;
    ng_extraction x;
    int skipped; /* unchanged content: nothing extracted */
} slot;

typedef struct pipeline {
    const ng_lexicon *lex;
    GPtrArray *files;
    GHashTable *known; /* "id\x1fsha256\x1fextractor" of stored documents (read-only while workers run) */
    char extractor[41]; /* ng_extractor_id of lex: what the extractions here will carry */
    slot *slots;
    size_t next;   /* next input a worker takes */
    size_t stored; /* inputs the main thread has stored */
    size_t window; /* inputs in flight at most: memory stays bounded */
    GMutex lock;
    GCond cond;
} pipeline;

static void process(pipeline *p, size_t i, ng_extract_cache *cache)
{
    slot *sl = &p->slots[i % p->window];
    const char *path = p->files->pdata[i];
    sl->st = !strcmp(path, "-") ? ng_document_read_stream(stdin, &sl->doc, &sl->err)
                                : ng_document_read_file(path, &sl->doc, &sl->err);
    if (sl->st)
        return;
    /* Same text extracted by another extractor (newer data or model): extracted again. */
    gchar *key = g_strconcat(sl->doc.id, "\x1f", sl->doc.sha256, "\x1f", p->extractor, NULL);
    sl->skipped = g_hash_table_contains(p->known, key);
    g_free(key);
    if (!sl->skipped)
        sl->st = ng_extract_cached(p->lex, cache, &sl->doc, &sl->x, &sl->err);
}

static gpointer worker(gpointer data)
{
    pipeline *p = data;
    ng_extract_cache *cache = ng_extract_cache_new(); /* this thread's */
    g_mutex_lock(&p->lock);
    for (;;) {
        while (p->next < p->files->len && p->next >= p->stored + p->window)
            g_cond_wait(&p->cond, &p->lock);
        if (p->next >= p->files->len)
            break;
        size_t i = p->next++;
        g_mutex_unlock(&p->lock);
        process(p, i, cache);
        g_mutex_lock(&p->lock);
        p->slots[i % p->window].done = 1;
        g_cond_broadcast(&p->cond);
    }
    g_mutex_unlock(&p->lock);
    ng_extract_cache_free(cache);
    return NULL;
}

static GHashTable *stored_documents(ng_store *store)
{
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ng_store_db(store), "SELECT id, sha256, extractor FROM documents", -1, &st, NULL) ==
        SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW)
            g_hash_table_add(t, g_strconcat((const char *)sqlite3_column_text(st, 0), "\x1f",
                                            (const char *)sqlite3_column_text(st, 1), "\x1f",
                                            (const char *)sqlite3_column_text(st, 2), NULL));
    sqlite3_finalize(st);
    return t;
}

/* Commits the open batch.  When that fails (disk full) the batch was rolled
 * back: its documents are counted as failed, not as stored. */
typedef struct batch {
    int open;
    long added, replaced, reextracted; /* not stored until the batch commits */
    gint64 started;
} batch;

static ng_status batch_end(ng_store *store, const ng_ingest_opts *o, batch *b, ng_ingest_counts *c)
{
    ng_errmsg err = {{0}};
    ng_status st = NG_OK;
    if (b->open && ng_store_end_batch(store, &err)) {
        ng_cli_error("%s", err.text);
        long lost = b->added + b->replaced + b->reextracted;
        ng_cli_error("%s: the last %ld document(s) were not stored", o->db, lost);
        c->inserted -= b->added;
        c->replaced -= b->replaced;
        c->reextracted -= b->reextracted;
        c->failed += lost;
        st = NG_ERR_IO;
    }
    memset(b, 0, sizeof *b);
    return st;
}

int ng_cli_ingest(const ng_ingest_opts *o, char **inputs, int n, ng_ingest_counts *c)
{
    memset(c, 0, sizeof *c);
    ng_errmsg err = {{0}};
    ng_lexicon *lex = NULL;
    /* Past a file size limit (ulimit -f) a write should fail with a message
     * (EFBIG), not kill the process with SIGXFSZ halfway through. */
    signal(SIGXFSZ, SIG_IGN);
    const char *data = o->data ? o->data : ng_lexicon_default_dir();
    if (ng_lexicon_load(data, &lex, &err)) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    ng_store *store = NULL;
    if (ng_store_open(o->db, 0, &store, &err)) {
        ng_cli_error("%s", err.text);
        ng_lexicon_free(lex);
        return NG_EXIT_FAILURE;
    }
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(inputs[i], files, 0);
        else
            g_ptr_array_add(files, g_strdup(inputs[i]));
    }
    int jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();
    if (jobs > 256)
        jobs = 256;
    pipeline p;
    memset(&p, 0, sizeof p);
    p.lex = lex;
    p.files = files;
    p.known = stored_documents(store);
    ng_extractor_id(lex, p.extractor);
    p.window = (size_t)jobs * 4;
    /* A ring of `window` slots, not one per input: a slot holds a 1 KiB
     * message buffer, and a million inputs must not cost a gigabyte. */
    p.slots = g_new0(slot, p.window);
    g_mutex_init(&p.lock);
    g_cond_init(&p.cond);
    GThread **threads = g_new0(GThread *, (gsize)jobs);
    for (int t = 0; t < jobs; t++)
        threads[t] = g_thread_new("extract", worker, &p);
    /* Batches of documents per transaction: fast, and each document stays
     * whole (a savepoint each).  A batch is committed every 256 documents,
     * after a second, and before waiting for a document still being
     * extracted: the write lock is never held while nothing is written, or
     * other processes writing to the same store time out (they wait 10 s). */
    batch b = {0};
    ng_status store_failed = NG_OK;
    guint i;
    for (i = 0; i < files->len; i++) {
        g_mutex_lock(&p.lock);
        if (b.open && !p.slots[i % p.window].done) {
            g_mutex_unlock(&p.lock);
            if ((store_failed = batch_end(store, o, &b, c)) != NG_OK)
                break; /* input i not taken */
            g_mutex_lock(&p.lock);
        }
        while (!p.slots[i % p.window].done)
            g_cond_wait(&p.cond, &p.lock);
        p.slots[i % p.window].done = 0; /* free for input i + window */
        g_mutex_unlock(&p.lock);
        slot *sl = &p.slots[i % p.window];
        const char *path = files->pdata[i];
        if (sl->st) {
            ng_cli_error("%s", sl->err.text);
            c->failed++;
        } else if (sl->skipped) {
            c->unchanged++;
        } else {
            int same = -1;
            if (!o->replace &&
                ng_store_document_state(store, sl->doc.id, sl->doc.sha256, sl->x.extractor, &same, &err) == NG_OK &&
                same == 0) {
                ng_cli_error("%s: a different document with id '%s' is already stored (use --replace)", path,
                             sl->doc.id);
                c->failed++;
            } else {
                ng_status st = NG_OK;
                if (!b.open && (st = ng_store_begin_batch(store, &err)) == NG_OK) {
                    b.open = 1;
                    b.started = g_get_monotonic_time();
                }
                ng_add_result res = NG_ADD_INSERTED;
                if (st != NG_ERR_IO)
                    st = ng_store_add_document(store, &sl->doc, &sl->x, o->replace, &res, &err);
                if (st) {
                    ng_cli_error("%s", err.text);
                    c->failed++;
                    if (st == NG_ERR_IO) /* the store itself failed: see below */
                        store_failed = st;
                } else if (res == NG_ADD_INSERTED) {
                    c->inserted++;
                    b.added += b.open;
                } else if (res == NG_ADD_REPLACED) {
                    c->replaced++;
                    b.replaced += b.open;
                } else if (res == NG_ADD_REEXTRACTED) {
                    c->reextracted++;
                    b.reextracted += b.open;
                } else {
                    c->unchanged++;
                }
                long pending = b.added + b.replaced + b.reextracted;
                if (b.open && (pending >= 256 || g_get_monotonic_time() - b.started > G_USEC_PER_SEC) &&
                    batch_end(store, o, &b, c))
                    store_failed = NG_ERR_IO;
            }
        }
        ng_extraction_clear(&sl->x);
        ng_document_clear(&sl->doc);
        g_mutex_lock(&p.lock);
        p.stored = i + 1;
        g_cond_broadcast(&p.cond);
        g_mutex_unlock(&p.lock);
        if (store_failed) {
            i++;
            break;
        }
    }
    if (store_failed) {
        /* Locked by another writer, disk full, read-only, damaged: every
         * further document would fail the same way, each after waiting for
         * the lock.  Stop; let the workers finish what they hold. */
        g_mutex_lock(&p.lock);
        size_t taken = p.next;
        p.next = files->len;
        g_cond_broadcast(&p.cond);
        for (size_t k = i; k < taken; k++) {
            while (!p.slots[k % p.window].done)
                g_cond_wait(&p.cond, &p.lock);
            p.slots[k % p.window].done = 0;
            ng_extraction_clear(&p.slots[k % p.window].x);
            ng_document_clear(&p.slots[k % p.window].doc);
        }
        g_mutex_unlock(&p.lock);
        long rest = (long)files->len - (long)i;
        if (rest > 0)
            ng_cli_error("%s: the store failed; stopping, %ld more input(s) not read", o->db, rest);
        c->failed += rest;
    }
    for (int t = 0; t < jobs; t++)
        g_thread_join(threads[t]);
    batch_end(store, o, &b, c);
    g_free(threads);
    g_free(p.slots);
    g_hash_table_destroy(p.known);
    g_mutex_clear(&p.lock);
    g_cond_clear(&p.cond);
    g_ptr_array_free(files, TRUE);
    if (ng_store_close(store) != NG_OK) {
        ng_cli_error("%s: could not close the store cleanly", o->db);
        c->failed++;
    }
    ng_lexicon_free(lex);
    if (!o->quiet) {
        /* Re-extracted only when there are some: the line stays as it was otherwise. */
        fprintf(stderr, "ingested %ld new, %ld replaced, %ld unchanged, %ld failed", c->inserted, c->replaced,
                c->unchanged, c->failed);
        if (c->reextracted)
            fprintf(stderr, "; %ld re-extracted (data, model or extractor changed since they were stored)",
                    c->reextracted);
        fputc('\n', stderr);
    }
    return c->failed ? NG_EXIT_FAILURE : NG_EXIT_OK;
}

int ng_cli_load_graph(const char *db, ng_graph *g)
{
    ng_errmsg err = {{0}};
    ng_store *store = NULL;
    if (!g_file_test(db, G_FILE_TEST_EXISTS)) {
        ng_cli_error("%s: no such store (run 'newsgraph ingest' first)", db);
        return NG_EXIT_FAILURE;
    }
    if (ng_store_open(db, NG_STORE_READONLY, &store, &err) || ng_graph_load(store, g, &err)) {
        ng_cli_error("%s", err.text);
        ng_store_close(store);
        return NG_EXIT_FAILURE;
    }
    ng_store_close(store);
    return NG_EXIT_OK;
}
