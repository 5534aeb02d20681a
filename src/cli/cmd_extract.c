/* newsgraph extract --jsonl: documents as JSON lines in, one sub-graph per
 * document as a JSON line out, in input order; no store.  The map step of a
 * sharded run (see `newsgraph merge`). */
#include <getopt.h>
#include <glib.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"
#include "newsgraph/subgraph.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph extract --jsonl [--data DIR] [--jobs N] [--quiet] < DOCUMENTS.jsonl\n\n"
               "Reads documents as JSON lines on standard input, one object a line:\n"
               "  {\"id\": \"...\", \"text\": \"...\"}     the text itself (\"path\" may name it)\n"
               "  {\"id\": \"...\", \"path\": \"...\"}     a file to read (.txt or .html); \"id\" may be left\n"
               "                                   out: the file name without extension, as build does\n"
               "and an optional \"title\".  Writes one sub-graph per document (the document and\n"
               "what was extracted from it) as one JSON line on standard output, in input\n"
               "order, for 'newsgraph merge'.  No store is used.  A line that cannot be read is\n"
               "named on standard error with its line number; the rest goes on (exit 1).\n\n"
               "  --jsonl      the input format (required)\n"
               "  --data DIR   lexicon folder (default: $NEWSGRAPH_DATA or the built-in one)\n"
               "  --jobs N     extraction threads (default: all cores); the output is the same for any N\n"
               "  --quiet      no summary line on standard error\n");
}

typedef struct xslot {
    char *line;
    size_t len;
    long lineno;
    int done;
    int failed;
    char *out;
    size_t outlen;
    ng_errmsg err;
} xslot;

typedef struct xpipe {
    const ng_lexicon *lex;
    xslot *slots;
    size_t window;
    size_t next;  /* next line a worker takes */
    size_t nread; /* lines handed to the workers */
    int eof;
    GMutex lock;
    GCond cond;
} xpipe;

/* A string member, or NULL when absent; -1 when present but not a string. */
static int member_string(json_object *o, const char *key, const char **out, size_t *len)
{
    json_object *v = NULL;
    *out = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !v)
        return 0;
    if (!json_object_is_type(v, json_type_string))
        return -1;
    *out = json_object_get_string(v);
    if (len)
        *len = (size_t)json_object_get_string_len(v);
    return 0;
}

static ng_status read_input(const char *line, size_t len, ng_document *doc, ng_errmsg *err)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (len > INT_MAX)
        return ng_fail(err, NG_ERR_FORMAT, "line too long (%zu bytes)", len);
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    json_object *o = json_tokener_parse_ex(tok, line, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    ng_status st = NG_OK;
    if (jerr != json_tokener_success || !o) {
        st = ng_fail(err, NG_ERR_FORMAT, "not valid JSON: %s",
                     jerr == json_tokener_continue ? "the line ends inside a value" : json_tokener_error_desc(jerr));
        goto out;
    }
    for (size_t i = used; i < len; i++)
        if (!g_ascii_isspace(line[i])) {
            st = ng_fail(err, NG_ERR_FORMAT, "not valid JSON: more after the object (byte %zu)", i + 1);
            goto out;
        }
    if (!json_object_is_type(o, json_type_object)) {
        st = ng_fail(err, NG_ERR_FORMAT, "not a JSON object ({\"id\": ..., \"text\": ...} or {\"id\": ..., \"path\": ...})");
        goto out;
    }
    const char *id, *text, *path, *title;
    size_t textlen = 0, idlen = 0, pathlen = 0, titlelen = 0;
    if (member_string(o, "id", &id, &idlen) || member_string(o, "text", &text, &textlen) ||
        member_string(o, "path", &path, &pathlen) || member_string(o, "title", &title, &titlelen)) {
        st = ng_fail(err, NG_ERR_FORMAT, "\"id\", \"text\", \"path\" and \"title\" must be strings");
        goto out;
    }
    if ((id && (memchr(id, '\0', idlen) || !g_utf8_validate(id, (gssize)idlen, NULL))) ||
        (path && (memchr(path, '\0', pathlen) || !g_utf8_validate(path, (gssize)pathlen, NULL))) ||
        (title && (memchr(title, '\0', titlelen) || !g_utf8_validate(title, (gssize)titlelen, NULL)))) {
        st = ng_fail(err, NG_ERR_FORMAT, "\"id\", \"path\" and \"title\" must be valid UTF-8 without NUL");
        goto out;
    }
    if (!text && !path) {
        st = ng_fail(err, NG_ERR_FORMAT, "neither \"text\" nor \"path\": nothing to read");
        goto out;
    }
    if (id && !*id) {
        st = ng_fail(err, NG_ERR_FORMAT, "\"id\" is empty");
        goto out;
    }
    if (text && !id) {
        st = ng_fail(err, NG_ERR_FORMAT, "a \"text\" needs an \"id\"");
        goto out;
    }
    if (path && !*path) {
        st = ng_fail(err, NG_ERR_FORMAT, "\"path\" is empty");
        goto out;
    }
    if (text) {
        st = ng_document_from_bytes(id, path, text, textlen, 0, doc, err);
    } else {
        st = ng_document_read_file(path, doc, err);
        if (!st && id) {
            char *copy = strdup(id);
            if (!copy) {
                ng_document_clear(doc);
                st = ng_fail(err, NG_ERR_NOMEM, "out of memory");
                goto out;
            }
            free(doc->id);
            doc->id = copy;
        }
    }
    if (!st && title) {
        char *copy = strdup(title);
        if (!copy) {
            ng_document_clear(doc);
            st = ng_fail(err, NG_ERR_NOMEM, "out of memory");
            goto out;
        }
        free(doc->title);
        doc->title = copy;
    }
out:
    json_object_put(o);
    return st;
}

static void process(xpipe *p, xslot *sl, ng_extract_cache *cache)
{
    ng_document doc;
    ng_extraction x = {0};
    memset(&doc, 0, sizeof doc);
    ng_status st = read_input(sl->line, sl->len, &doc, &sl->err);
    if (!st)
        st = ng_extract_cached(p->lex, cache, &doc, &x, &sl->err);
    if (!st) {
        sl->out = ng_subgraph_to_string(&doc, &x, &sl->outlen);
        if (!sl->out)
            st = ng_fail(&sl->err, NG_ERR_NOMEM, "out of memory");
    }
    sl->failed = st != NG_OK;
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    free(sl->line);
    sl->line = NULL;
}

static gpointer worker(gpointer data)
{
    xpipe *p = data;
    ng_extract_cache *cache = ng_extract_cache_new(); /* this thread's */
    g_mutex_lock(&p->lock);
    for (;;) {
        while (p->next >= p->nread && !p->eof)
            g_cond_wait(&p->cond, &p->lock);
        if (p->next >= p->nread)
            break;
        size_t i = p->next++;
        g_mutex_unlock(&p->lock);
        process(p, &p->slots[i % p->window], cache);
        g_mutex_lock(&p->lock);
        p->slots[i % p->window].done = 1;
        g_cond_broadcast(&p->cond);
    }
    g_mutex_unlock(&p->lock);
    ng_extract_cache_free(cache);
    return NULL;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_isspace(s[i]))
            return 0;
    return 1;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {{"jsonl", no_argument, NULL, 'J'},
                                         {"data", required_argument, NULL, 'D'},
                                         {"jobs", required_argument, NULL, 'j'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int jsonl = 0, quiet = 0;
    int jobs = 0;
    const char *data = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'J': jsonl = 1; break;
        case 'D': data = optarg; break;
        case 'j':
            if (ng_cli_jobs_option(optarg, &jobs) != NG_EXIT_OK)
                return NG_EXIT_USAGE;
            break;
        case 'q': quiet = 1; break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (!jsonl || optind < argc) {
        if (!jsonl)
            ng_cli_error("extract reads JSON lines on standard input: give --jsonl");
        else
            ng_cli_error("extract takes no file arguments: documents come on standard input");
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_errmsg err = {{0}};
    ng_lexicon *lex = NULL;
    if (ng_lexicon_load(data ? data : ng_lexicon_default_dir(), &lex, &err)) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    if (jobs == 0)
        jobs = (int)g_get_num_processors();
    if (jobs > 256)
        jobs = 256;
    xpipe p;
    memset(&p, 0, sizeof p);
    p.lex = lex;
    p.window = (size_t)jobs * 4;
    p.slots = g_new0(xslot, p.window);
    g_mutex_init(&p.lock);
    g_cond_init(&p.cond);
    GThread **threads = g_new0(GThread *, (gsize)jobs);
    for (int t = 0; t < jobs; t++)
        threads[t] = g_thread_new("extract", worker, &p);

    long ok = 0, failed = 0, lineno = 0;
    int write_failed = 0, read_failed = 0;
    size_t written = 0;
    char *buf = NULL;
    size_t cap = 0;
    for (;;) {
        /* Hand lines to the workers while the window has room. */
        while (!p.eof && p.nread < written + p.window) {
            ssize_t n = getline(&buf, &cap, stdin);
            if (n < 0) {
                read_failed = ferror(stdin) != 0;
                g_mutex_lock(&p.lock);
                p.eof = 1;
                g_cond_broadcast(&p.cond);
                g_mutex_unlock(&p.lock);
                break;
            }
            lineno++;
            if (blank(buf, (size_t)n))
                continue;
            xslot *sl = &p.slots[p.nread % p.window];
            sl->line = g_memdup2(buf, (gsize)n);
            sl->len = (size_t)n;
            sl->lineno = lineno;
            g_mutex_lock(&p.lock);
            p.nread++;
            g_cond_broadcast(&p.cond);
            g_mutex_unlock(&p.lock);
        }
        if (written == p.nread)
            break; /* end of input, everything written */
        /* Write the oldest line's result: output stays in input order. */
        xslot *sl = &p.slots[written % p.window];
        g_mutex_lock(&p.lock);
        while (!sl->done)
            g_cond_wait(&p.cond, &p.lock);
        sl->done = 0;
        g_mutex_unlock(&p.lock);
        if (sl->failed) {
            ng_cli_error("stdin:%ld: %s", sl->lineno, sl->err.text);
            failed++;
        } else {
            if (!write_failed && fwrite(sl->out, 1, sl->outlen, stdout) != sl->outlen)
                write_failed = 1;
            ok++;
        }
        free(sl->out);
        sl->out = NULL;
        written++;
    }
    for (int t = 0; t < jobs; t++)
        g_thread_join(threads[t]);
    free(buf);
    g_free(threads);
    g_free(p.slots);
    g_mutex_clear(&p.lock);
    g_cond_clear(&p.cond);
    ng_lexicon_free(lex);
    if (fflush(stdout) != 0 || ferror(stdout))
        write_failed = 1;
    if (read_failed)
        ng_cli_error("standard input: read error after line %ld", lineno);
    if (write_failed)
        ng_cli_error("standard output: write failed (disk full or closed pipe?)");
    if (!quiet)
        fprintf(stderr, "extracted %ld documents, %ld failed\n", ok, failed);
    return failed || write_failed || read_failed ? NG_EXIT_FAILURE : NG_EXIT_OK;
}
