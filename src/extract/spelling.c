/* A table of spellings (byte strings) with what the rules asked the
 * lexicons about each: a news text asks again about every "der", "Putin" and
 * "Bundesregierung" it repeats, a thread's texts about most of their words.
 * The answers depend on the bytes and the lexicon alone, so a table lives as
 * long as the thread's cache (ng_extract_cache, bounded) or one text. */
#include "internal.h"

#define SPELL_CHUNK 1024 /* records are made in blocks, so that they never move */

struct ng_spellings {
    uint32_t *slots; /* record + 1, 0: empty; at most half full */
    size_t mask;
    ng_spelling **chunks;
    size_t n;
    GStringChunk *strings; /* the spellings and the answers that are strings */
};

ng_spellings *ng_spellings_new(size_t hint)
{
    ng_spellings *m = g_new0(ng_spellings, 1);
    size_t cap = 64;
    while (cap < 2 * hint)
        cap <<= 1;
    m->slots = g_new0(uint32_t, cap);
    m->mask = cap - 1;
    m->strings = g_string_chunk_new(1 << 14);
    return m;
}

void ng_spellings_free(ng_spellings *m)
{
    if (!m)
        return;
    for (size_t k = 0; k * SPELL_CHUNK < m->n; k++)
        g_aligned_free(m->chunks[k]);
    g_free(m->chunks);
    g_free(m->slots);
    g_string_chunk_free(m->strings);
    g_free(m);
}

size_t ng_spellings_count(const ng_spellings *m)
{
    return m->n;
}

static inline void prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

static ng_spelling *rec_at(const ng_spellings *m, size_t k)
{
    return &m->chunks[k / SPELL_CHUNK][k % SPELL_CHUNK];
}

static ng_spelling *spelling_hashed(ng_spellings *m, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & m->mask;
    for (; m->slots[i]; i = (i + 1) & m->mask) {
        ng_spelling *r = rec_at(m, m->slots[i] - 1);
        if (r->hash == h && r->len == n && memcmp(r->s, s, n) == 0)
            return r;
    }
    if (2 * (m->n + 1) > m->mask + 1) {
        size_t cap = 2 * (m->mask + 1);
        g_free(m->slots);
        m->slots = g_new0(uint32_t, cap);
        m->mask = cap - 1;
        for (size_t k = 0; k < m->n; k++) {
            size_t j = (size_t)rec_at(m, k)->hash & m->mask;
            while (m->slots[j])
                j = (j + 1) & m->mask;
            m->slots[j] = (uint32_t)(k + 1);
        }
        for (i = (size_t)h & m->mask; m->slots[i]; i = (i + 1) & m->mask)
            ;
    }
    if (m->n % SPELL_CHUNK == 0) {
        m->chunks = g_renew(ng_spelling *, m->chunks, m->n / SPELL_CHUNK + 1);
        m->chunks[m->n / SPELL_CHUNK] = g_aligned_alloc(SPELL_CHUNK, sizeof(ng_spelling), _Alignof(ng_spelling));
    }
    ng_spelling *r = rec_at(m, m->n++);
    g_assert(m->n < UINT32_MAX);
    m->slots[i] = (uint32_t)m->n;
    memset(r, 0, sizeof *r);
    r->hash = h;
    r->s = g_string_chunk_insert_len(m->strings, s, (gssize)n);
    r->len = n;
    return r;
}

ng_spelling *ng_spelling_of(ng_spellings *m, const char *s, size_t n)
{
    return spelling_hashed(m, s, n, ng_hash_bytes(s, n));
}

void ng_spellings_of_tokens(ng_spellings *m, const char *text, const ng_token *tokens, size_t n, ng_spelling **out)
{
    /* The table is larger than the caches: its slots are asked for first,
     * then the records they point at, then their spellings, then each token
     * is looked up, so that the memory reads overlap. */
    uint64_t *h = g_new(uint64_t, n + 1);
    for (size_t i = 0; i < n; i++) {
        h[i] = ng_hash_bytes(text + tokens[i].start, tokens[i].end - tokens[i].start);
        prefetch(&m->slots[(size_t)h[i] & m->mask]);
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t sl = m->slots[(size_t)h[i] & m->mask];
        if (sl)
            prefetch(rec_at(m, sl - 1));
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t sl = m->slots[(size_t)h[i] & m->mask];
        if (sl)
            prefetch(rec_at(m, sl - 1)->s);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = spelling_hashed(m, text + tokens[i].start, tokens[i].end - tokens[i].start, h[i]);
    g_free(h);
}

const char *ng_spellings_keep(ng_spellings *m, const char *s, size_t n)
{
    return g_string_chunk_insert_len(m->strings, s, (gssize)n);
}
