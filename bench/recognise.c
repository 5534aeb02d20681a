/* Benchmark of recognition and resolution (issue 2): reads the 10kGNAD test
 * split (';'-separated, quote character "'", the article in the second
 * column), segments every article once (not timed), then times the recognise
 * step alone (lexicon rules, short-name resolution, the tagger) over all
 * articles, several times, and whole ng_extract runs for context; each
 * without and with an ng_extract_cache (one per pass).  Times are
 * CPU time of the process (CLOCK_PROCESS_CPUTIME_ID), so another program on
 * the machine does not count.  Not a test: nothing here passes or fails.
 *
 *   bench_recognise [--data DIR] [--reps N] [--extract-reps N] [--cached-only] TEST.CSV
 *
 * Exits 77 when TEST.CSV does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "extract/stages.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"
#include "newsgraph/segment.h"

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One CSV field at *p (quoted with ', a doubled '' inside being one ');
 * returns it (caller frees) and moves *p past its separator. */
static char *csv_field(const char **p, const char *end, char sep)
{
    GString *f = g_string_new(NULL);
    const char *s = *p;
    if (s < end && *s == '\'') {
        s++;
        while (s < end) {
            if (*s == '\'') {
                if (s + 1 < end && s[1] == '\'') {
                    g_string_append_c(f, '\'');
                    s += 2;
                    continue;
                }
                s++;
                break;
            }
            g_string_append_c(f, *s++);
        }
    }
    while (s < end && *s != sep && *s != '\n')
        g_string_append_c(f, *s++);
    if (s < end && f->len && f->str[f->len - 1] == '\r')
        g_string_truncate(f, f->len - 1);
    *p = s < end && *s == sep ? s + 1 : s;
    return g_string_free(f, FALSE);
}

typedef struct article {
    ng_document doc;
    ng_segmentation seg;
} article;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *data = ng_lexicon_default_dir(), *csv = NULL;
    int reps = 5, xreps = 2, cached_only = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--extract-reps") == 0 && i + 1 < argc)
            xreps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cached-only") == 0)
            cached_only = 1;
        else if (argv[i][0] != '-' && !csv)
            csv = argv[i];
        else {
            fprintf(stderr, "usage: %s [--data DIR] [--reps N] [--extract-reps N] [--cached-only] TEST.CSV\n", argv[0]);
            return 2;
        }
    }
    if (!csv) {
        fprintf(stderr, "usage: %s [--data DIR] [--reps N] [--extract-reps N] [--cached-only] TEST.CSV\n", argv[0]);
        return 2;
    }
    if (reps < 1)
        reps = 1;
    gchar *content = NULL;
    gsize len = 0;
    if (!g_file_get_contents(csv, &content, &len, NULL)) {
        fprintf(stderr, "bench_recognise: %s not found: skipped\n", csv);
        return 77;
    }
    ng_errmsg err = {0};
    ng_lexicon *lex = NULL;
    double t0 = cpu_seconds();
    if (ng_lexicon_load(data, &lex, &err)) {
        fprintf(stderr, "bench_recognise: %s\n", err.text);
        return 1;
    }
    double load_s = cpu_seconds() - t0;

    /* Read and segment every article once. */
    GArray *arts = g_array_new(FALSE, TRUE, sizeof(article));
    size_t ntokens = 0, nbytes = 0;
    const char *p = content, *end = content + len;
    while (p < end) {
        g_free(csv_field(&p, end, ';'));
        char *text = csv_field(&p, end, ';');
        while (p < end && *p != '\n')
            p++;
        if (p < end)
            p++;
        if (!*text) {
            g_free(text);
            continue;
        }
        article a = {0};
        gchar *id = g_strdup_printf("a%04u", arts->len);
        ng_status st = ng_document_from_bytes(id, id, text, strlen(text), 0, &a.doc, &err);
        g_free(id);
        g_free(text);
        if (st || ng_segment(lex, a.doc.text, a.doc.len, &a.seg)) {
            fprintf(stderr, "bench_recognise: article %u: %s\n", arts->len, st ? err.text : "segmentation failed");
            return 1;
        }
        ntokens += a.seg.ntokens;
        nbytes += a.doc.len;
        g_array_append_val(arts, a);
    }
    g_free(content);
    printf("corpus      %s: %u articles, %zu tokens, %.2f MB\n", csv, arts->len, ntokens, (double)nbytes / 1e6);
    printf("lexicon     %s loaded in %.3f CPU-s (not counted below)\n", data, load_s);

    /* Recognition and resolution alone, then whole extractions: each first
     * without a cache (every article alone), then with one cache for the
     * pass (new for each pass), as the command line's threads use it. */
    size_t nent = 0, nmen = 0;
    for (int cached = cached_only; cached <= 1; cached++) {
        const char *mode = cached ? "cached" : "alone";
        double *secs = g_new(double, (size_t)reps);
        for (int r = 0; r < reps; r++) {
            ng_extract_cache *cache = cached ? ng_extract_cache_new() : NULL;
            size_t e_sum = 0, m_sum = 0;
            double s = cpu_seconds();
            for (guint i = 0; i < arts->len; i++) {
                article *a = &g_array_index(arts, article, i);
                size_t e = 0, m = 0;
                if (ng_extract_recognise(lex, cache, &a->doc, &a->seg, &e, &m)) {
                    fprintf(stderr, "bench_recognise: recognition failed on article %u\n", i);
                    return 1;
                }
                e_sum += e;
                m_sum += m;
            }
            secs[r] = cpu_seconds() - s;
            ng_extract_cache_free(cache);
            if ((r > 0 || cached > cached_only) && (e_sum != nent || m_sum != nmen)) {
                fprintf(stderr, "bench_recognise: passes disagree (%zu/%zu entities)\n", e_sum, nent);
                return 1;
            }
            nent = e_sum;
            nmen = m_sum;
            printf("recognise   %-6s rep %d: %.3f CPU-s, %.0f tokens/CPU-s\n", mode, r + 1, secs[r],
                   (double)ntokens / secs[r]);
        }
        qsort(secs, (size_t)reps, sizeof *secs, cmp_double);
        printf("RESULT recognise %s tokens=%zu best_s=%.4f median_s=%.4f best_tok_per_cpu_s=%.0f "
               "median_tok_per_cpu_s=%.0f\n",
               mode, ntokens, secs[0], secs[reps / 2], (double)ntokens / secs[0], (double)ntokens / secs[reps / 2]);
        g_free(secs);
    }
    printf("recognise   %zu entities, %zu mentions per pass\n", nent, nmen);

    for (int cached = cached_only; cached <= 1 && xreps > 0; cached++) {
        const char *mode = cached ? "cached" : "alone";
        double *xs = g_new(double, (size_t)xreps);
        for (int r = 0; r < xreps; r++) {
            ng_extract_cache *cache = cached ? ng_extract_cache_new() : NULL;
            double s = cpu_seconds();
            for (guint i = 0; i < arts->len; i++) {
                ng_extraction x;
                if (ng_extract_cached(lex, cache, &g_array_index(arts, article, i).doc, &x, &err)) {
                    fprintf(stderr, "bench_recognise: %s\n", err.text);
                    return 1;
                }
                ng_extraction_clear(&x);
            }
            xs[r] = cpu_seconds() - s;
            ng_extract_cache_free(cache);
            printf("extract     %-6s rep %d: %.3f CPU-s, %.0f tokens/CPU-s\n", mode, r + 1, xs[r],
                   (double)ntokens / xs[r]);
        }
        qsort(xs, (size_t)xreps, sizeof *xs, cmp_double);
        printf("RESULT extract %s tokens=%zu best_s=%.4f best_tok_per_cpu_s=%.0f best_MB_per_cpu_s=%.2f\n", mode,
               ntokens, xs[0], (double)ntokens / xs[0], (double)nbytes / 1e6 / xs[0]);
        g_free(xs);
    }

    for (guint i = 0; i < arts->len; i++) {
        article *a = &g_array_index(arts, article, i);
        ng_segmentation_clear(&a->seg);
        ng_document_clear(&a->doc);
    }
    g_array_free(arts, TRUE);
    ng_lexicon_free(lex);
    return 0;
}
