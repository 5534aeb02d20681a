/* newsgraph merge: fold sub-graph JSON lines (from `newsgraph extract
 * --jsonl`) and other stores into one store, the reduce step of a sharded
 * run.  Documents go through ng_store_add_document as in ingest, so entities
 * are resolved across shards exactly as in one run, provided the documents
 * come in the same order (see help()). */
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph/subgraph.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph merge --db OUT [--replace] [--sort-paths] [--quiet] INPUT...\n\n"
               "Folds sub-graphs into the store OUT (created when missing).  An INPUT is a file\n"
               "of sub-graph JSON lines written by 'newsgraph extract --jsonl' (- for standard\n"
               "input), or another newsgraph store (a SQLite file).  As in ingest, the same\n"
               "content again changes nothing and the same id with other content fails unless\n"
               "--replace; entities are resolved across inputs exactly as in one run.\n\n"
               "Order: an entity's label is the one of the first document that names it, so\n"
               "documents are stored in the order given: INPUTs from left to right, the lines\n"
               "of a file in order, a store's documents in the order they were stored.  Shards\n"
               "that are contiguous pieces of the input of one build, merged in that order,\n"
               "give the store of that build, byte for byte.\n\n"
               "  --db FILE      the store to write (required)\n"
               "  --replace      replace stored documents whose content changed\n"
               "  --sort-paths   instead, interleave the INPUTs by document path in the order\n"
               "                 build reads one folder (each INPUT must be in that order):\n"
               "                 for shards cut round-robin from one folder\n"
               "  --quiet        no summary line\n");
}

typedef struct source {
    const char *name;
    int opened, done;
    FILE *f; /* JSON lines */
    long lineno;
    char *buf;
    size_t cap;
    ng_store *store; /* another store */
    ng_store_reader *reader;
    /* The next document (head), read ahead. */
    int has_head;
    ng_status st;
    ng_errmsg err;
    ng_document doc;
    ng_extraction x;
    char *last_path, *last_id; /* --sort-paths: the order check */
    int warned;
} source;

static int is_sqlite(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char head[16];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == 16 && memcmp(head, "SQLite format 3", 16) == 0;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int source_open(source *s, const char *out_db)
{
    s->opened = 1;
    if (!strcmp(s->name, "-")) {
        s->f = stdin;
        return 0;
    }
    if (same_file(s->name, out_db)) {
        ng_cli_error("%s: is the store being written (--db); not read", s->name);
        s->done = 1;
        return -1;
    }
    if (is_sqlite(s->name)) {
        ng_errmsg err = {{0}};
        if (ng_store_open(s->name, NG_STORE_READONLY, &s->store, &err) ||
            ng_store_reader_open(s->store, &s->reader, &err)) {
            ng_cli_error("%s", err.text);
            ng_store_close(s->store);
            s->store = NULL;
            s->done = 1;
            return -1;
        }
        return 0;
    }
    s->f = fopen(s->name, "r");
    if (!s->f) {
        ng_cli_error("%s: cannot read: %s", s->name, g_strerror(errno));
        s->done = 1;
        return -1;
    }
    return 0;
}

static void source_close(source *s)
{
    if (s->f && s->f != stdin)
        fclose(s->f);
    s->f = NULL;
    ng_store_reader_close(s->reader);
    s->reader = NULL;
    ng_store_close(s->store);
    s->store = NULL;
    free(s->buf);
    s->buf = NULL;
    g_free(s->last_path);
    g_free(s->last_id);
    s->last_path = s->last_id = NULL;
}

/* Reads the next document into the head; at the end, done = 1.  A read
 * error of the input itself (not of one line) ends it too. */
static void source_advance(source *s)
{
    s->has_head = 0;
    if (s->done)
        return;
    if (s->reader) {
        int got = 0;
        ng_errmsg err = {{0}};
        s->st = ng_store_reader_next(s->reader, &s->doc, &s->x, &got, &err);
        if (!got) {
            if (s->st)
                ng_cli_error("%s: %s", s->name, err.text);
            s->done = 1;
            return;
        }
        if (s->st)
            g_snprintf(s->err.text, sizeof s->err.text, "%s: document '%s': %s", s->name, s->doc.id, err.text);
        s->has_head = 1;
        return;
    }
    for (;;) {
        errno = 0;
        ssize_t n = getline(&s->buf, &s->cap, s->f);
        if (n < 0) {
            if (ferror(s->f))
                ng_cli_error("%s: read error after line %ld: %s", s->name, s->lineno, g_strerror(errno));
            s->done = 1;
            return;
        }
        s->lineno++;
        int blank = 1;
        for (ssize_t i = 0; i < n && blank; i++)
            blank = g_ascii_isspace(s->buf[i]);
        if (blank)
            continue;
        ng_errmsg err = {{0}};
        s->st = ng_subgraph_parse(s->buf, (size_t)n, &s->doc, &s->x, &err);
        if (s->st)
            g_snprintf(s->err.text, sizeof s->err.text, "%s:%ld: %s", !strcmp(s->name, "-") ? "stdin" : s->name,
                       s->lineno, err.text);
        s->has_head = 1;
        return;
    }
}

/* The order build reads one folder in: paths compared with '/' before any
 * other byte (a folder's files come right after the folder's name), then ids. */
static int path_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca == '/')
            ca = 1;
        if (cb == '/')
            cb = 1;
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
}

static int doc_cmp(const ng_document *a, const ng_document *b)
{
    int c = path_cmp(a->path, b->path);
    return c ? c : strcmp(a->id, b->id);
}

int cmd_merge(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"replace", no_argument, NULL, 'r'},
                                         {"sort-paths", no_argument, NULL, 's'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int replace = 0, sorted = 0, quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'r': replace = 1; break;
        case 's': sorted = 1; break;
        case 'q': quiet = 1; break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (!db || optind >= argc) {
        if (!db)
            ng_cli_error("merge needs --db OUT, the store to write");
        help(stderr);
        return NG_EXIT_USAGE;
    }
    int nsrc = argc - optind, stdins = 0;
    for (int i = 0; i < nsrc; i++)
        stdins += !strcmp(argv[optind + i], "-");
    if (stdins > 1) {
        ng_cli_error("standard input (-) can be read only once");
        return NG_EXIT_USAGE;
    }
    signal(SIGXFSZ, SIG_IGN); /* past a file size limit: a message, not a kill */
    ng_errmsg err = {{0}};
    ng_store *store = NULL;
    if (ng_store_open(db, 0, &store, &err)) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    source *src = g_new0(source, nsrc);
    long inserted = 0, replaced = 0, unchanged = 0, failed = 0;
    for (int i = 0; i < nsrc; i++)
        src[i].name = argv[optind + i];
    /* In the given order only one input is open at a time (there may be
     * thousands of part files); interleaved, all are. */
    if (sorted)
        for (int i = 0; i < nsrc; i++) {
            if (source_open(&src[i], db))
                failed++;
            source_advance(&src[i]);
        }
    int cur = 0, batched = 0, in_batch = 0;
    long batch_new = 0, batch_replaced = 0;
    ng_status store_failed = NG_OK;
    for (;;) {
        source *s = NULL;
        if (sorted) {
            for (int i = 0; i < nsrc; i++)
                if (src[i].has_head && (!s || src[i].st || (!s->st && doc_cmp(&src[i].doc, &s->doc) < 0)))
                    s = &src[i];
        } else {
            while (cur < nsrc) {
                if (!src[cur].opened) {
                    if (source_open(&src[cur], db))
                        failed++;
                    source_advance(&src[cur]);
                }
                if (src[cur].has_head)
                    break;
                source_close(&src[cur]);
                cur++;
            }
            if (cur < nsrc)
                s = &src[cur];
        }
        if (!s)
            break;
        if (s->st) {
            ng_cli_error("%s", s->err.text);
            failed++;
        } else {
            if (sorted && s->last_path && doc_cmp(&s->doc, &(ng_document){.path = s->last_path, .id = s->last_id}) < 0 &&
                !s->warned) {
                ng_cli_error("%s: warning: not in path order ('%s' after '%s'); the merged store may differ from "
                             "one build",
                             s->name, s->doc.path, s->last_path);
                s->warned = 1;
            }
            if (sorted) {
                g_free(s->last_path);
                g_free(s->last_id);
                s->last_path = g_strdup(s->doc.path);
                s->last_id = g_strdup(s->doc.id);
            }
            int same = -1;
            if (!replace &&
                ng_store_document_state(store, s->doc.id, s->doc.sha256, s->x.extractor, &same, &err) == NG_OK &&
                same == 0) {
                ng_cli_error("%s: a different document with id '%s' is already stored (use --replace)", s->doc.path,
                             s->doc.id);
                failed++;
            } else {
                ng_status st = NG_OK;
                if (!batched && (st = ng_store_begin_batch(store, &err)) == NG_OK)
                    batched = 1;
                ng_add_result res = NG_ADD_INSERTED;
                if (st != NG_ERR_IO)
                    st = ng_store_add_document(store, &s->doc, &s->x, replace, &res, &err);
                if (st) {
                    ng_cli_error("%s", err.text);
                    failed++;
                    if (st == NG_ERR_IO)
                        store_failed = st;
                } else if (res == NG_ADD_INSERTED) {
                    inserted++;
                    batch_new += batched;
                } else if (res == NG_ADD_REPLACED || res == NG_ADD_REEXTRACTED) {
                    /* same text, another extractor's extraction: the shard's replaces it */
                    replaced++;
                    batch_replaced += batched;
                } else {
                    unchanged++;
                }
                /* A batch is committed every 256 documents, as in ingest. */
                if (batched && ++in_batch >= 256) {
                    in_batch = 0;
                    if (ng_store_end_batch(store, &err)) {
                        ng_cli_error("%s", err.text);
                        ng_cli_error("%s: the last %ld document(s) were not stored", db, batch_new + batch_replaced);
                        inserted -= batch_new;
                        replaced -= batch_replaced;
                        failed += batch_new + batch_replaced;
                        store_failed = NG_ERR_IO;
                    }
                    batched = 0;
                    batch_new = batch_replaced = 0;
                }
            }
        }
        ng_extraction_clear(&s->x);
        ng_document_clear(&s->doc);
        if (store_failed) {
            ng_cli_error("%s: the store failed; stopping", db);
            break;
        }
        source_advance(s);
    }
    if (batched && ng_store_end_batch(store, &err)) {
        ng_cli_error("%s", err.text);
        ng_cli_error("%s: the last %ld document(s) were not stored", db, batch_new + batch_replaced);
        inserted -= batch_new;
        replaced -= batch_replaced;
        failed += batch_new + batch_replaced;
    }
    for (int i = 0; i < nsrc; i++) {
        if (src[i].has_head) {
            ng_extraction_clear(&src[i].x);
            ng_document_clear(&src[i].doc);
        }
        source_close(&src[i]);
    }
    g_free(src);
    if (ng_store_close(store) != NG_OK) {
        ng_cli_error("%s: could not close the store cleanly", db);
        failed++;
    }
    if (!quiet)
        fprintf(stderr, "merged %ld new, %ld replaced, %ld unchanged, %ld failed\n", inserted, replaced, unchanged,
                failed);
    return failed ? NG_EXIT_FAILURE : NG_EXIT_OK;
}
