/* Shared by build and ingest: walk the inputs, read, extract, store. */
#include <dirent.h>
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int ng_cli_ingest(const ng_ingest_opts *o, char **inputs, int n, ng_ingest_counts *c)
{
    memset(c, 0, sizeof *c);
    ng_errmsg err = {{0}};
    ng_lexicon *lex = NULL;
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
    for (guint i = 0; i < files->len; i++) {
        const char *path = files->pdata[i];
        ng_document doc;
        ng_status st = !strcmp(path, "-") ? ng_document_read_stream(stdin, &doc, &err)
                                          : ng_document_read_file(path, &doc, &err);
        if (st) {
            ng_cli_error("%s", err.text);
            c->failed++;
            continue;
        }
        int same = -1;
        if (ng_store_document_state(store, doc.id, doc.sha256, &same, &err) == NG_OK && same == 1) {
            c->unchanged++;
            ng_document_clear(&doc);
            continue;
        }
        if (same == 0 && !o->replace) {
            ng_cli_error("%s: a different document with id '%s' is already stored (use --replace)", path, doc.id);
            c->failed++;
            ng_document_clear(&doc);
            continue;
        }
        ng_extraction x;
        st = ng_extract(lex, &doc, &x, &err);
        ng_add_result res = NG_ADD_INSERTED;
        if (!st)
            st = ng_store_add_document(store, &doc, &x, o->replace, &res, &err);
        if (st) {
            ng_cli_error("%s", err.text);
            c->failed++;
        } else if (res == NG_ADD_INSERTED) {
            c->inserted++;
        } else if (res == NG_ADD_REPLACED) {
            c->replaced++;
        } else {
            c->unchanged++;
        }
        ng_extraction_clear(&x);
        ng_document_clear(&doc);
    }
    g_ptr_array_free(files, TRUE);
    ng_store_close(store);
    ng_lexicon_free(lex);
    if (!o->quiet)
        fprintf(stderr, "ingested %ld new, %ld replaced, %ld unchanged, %ld failed\n", c->inserted, c->replaced,
                c->unchanged, c->failed);
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
