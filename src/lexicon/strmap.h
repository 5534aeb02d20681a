/* A read-only map from byte strings to pointers, for the lexicon's lookups
 * on the hot path.  Built once from a GLib table of NUL-terminated keys (the
 * loading code keeps using GLib), then asked with a byte range: no copy of
 * the key, no NUL, one fast hash of the bytes and usually one probe.  Keys
 * never contain a NUL byte (documents with one are refused), so a range
 * matches a key exactly when a NUL-terminated copy of it would. */
#ifndef NG_STRMAP_H
#define NG_STRMAP_H

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* Each key is one record in a pool: its value (maps only), its length and
 * its bytes with a NUL, so that a hit reads the slot and one record.  A set
 * (every value its key, as g_hash_table_add makes them) keeps no values:
 * asking it returns the key, as GLib does.  Large maps (the word list) also
 * have a filter: two bits a key in a table small enough for the cache,
 * which answers most lookups of words that are not there without reading
 * the slots. */
typedef struct ng_strmap {
    uint64_t *slots;  /* 0: empty; else tag (high 32 bits of the hash, never 0) << 32 | record offset / 4 */
    size_t mask;
    unsigned char *pool;
    size_t n;
    int has_values;   /* records start with their value */
    uint64_t *filter; /* NULL for small maps */
    size_t filter_mask;
} ng_strmap;

/* A 64-bit hash of n bytes, eight at a time (words are short). */
static inline uint64_t ng_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0xD6E8FEB86659FD93ull);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = (uint64_t)a | (uint64_t)b << 32;
    } else if (n) {
        w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (uint64_t)(unsigned char)s[n - 1] << 16;
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    return h;
}

/* Builds the map of every key and value of t (NULL when t is NULL). */
ng_strmap *ng_strmap_from_table(GHashTable *t);
void ng_strmap_free(ng_strmap *m);

static inline int ng_strmap_may_have(const ng_strmap *m, uint64_t h)
{
    if (!m->filter)
        return 1;
    uint64_t w = m->filter[(h >> 32) & m->filter_mask];
    uint64_t bits = (UINT64_C(1) << ((h >> 20) & 63)) | (UINT64_C(1) << ((h >> 26) & 63));
    return (w & bits) == bits;
}

/* The record of s[0..n) (its key: a length, then the bytes), or NULL; h is
 * ng_hash_bytes(s, n), for callers that ask several maps about one key. */
static inline const unsigned char *ng_strmap_find_hashed(const ng_strmap *m, const char *s, size_t n, uint64_t h)
{
    if (!ng_strmap_may_have(m, h))
        return NULL;
    uint64_t tag = (h >> 32) | 1;
    for (size_t i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
        uint64_t sl = m->slots[i];
        if (!sl)
            return NULL;
        if (sl >> 32 == tag) {
            const unsigned char *r = m->pool + 4 * (size_t)(uint32_t)sl;
            const unsigned char *k = r + (m->has_values ? sizeof(void *) : 0);
            uint32_t len;
            memcpy(&len, k, sizeof len);
            if (len == n && memcmp(k + sizeof len, s, n) == 0)
                return r;
        }
    }
}

static inline const unsigned char *ng_strmap_find(const ng_strmap *m, const char *s, size_t n)
{
    return ng_strmap_find_hashed(m, s, n, ng_hash_bytes(s, n));
}
/* The value of s[0..n) (hash h, as ng_strmap_find_hashed), or NULL when
 * absent (as g_hash_table_lookup). */
static inline void *ng_strmap_get_hashed(const ng_strmap *m, const char *s, size_t n, uint64_t h)
{
    const unsigned char *r = ng_strmap_find_hashed(m, s, n, h);
    if (!r)
        return NULL;
    if (!m->has_values)
        return (void *)(r + sizeof(uint32_t));
    void *v;
    memcpy(&v, r, sizeof v);
    return v;
}

static inline void *ng_strmap_get(const ng_strmap *m, const char *s, size_t n)
{
    return ng_strmap_get_hashed(m, s, n, ng_hash_bytes(s, n));
}
static inline int ng_strmap_has(const ng_strmap *m, const char *s, size_t n)
{
    return ng_strmap_find(m, s, n) != NULL;
}

#endif
