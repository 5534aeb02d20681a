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

typedef struct ng_strmap_entry {
    const char *key;  /* the GLib table's key: it outlives the map */
    size_t len;
    const void *value;
} ng_strmap_entry;

typedef struct ng_strmap {
    uint64_t *slots;  /* 0: empty; else tag (high 32 bits of the hash, never 0) << 32 | entry index */
    size_t mask;
    ng_strmap_entry *entries;
    size_t n;
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

/* The entry of s[0..n), or NULL. */
static inline const ng_strmap_entry *ng_strmap_find(const ng_strmap *m, const char *s, size_t n)
{
    uint64_t h = ng_hash_bytes(s, n);
    uint64_t tag = (h >> 32) | 1;
    for (size_t i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
        uint64_t sl = m->slots[i];
        if (!sl)
            return NULL;
        if (sl >> 32 == tag) {
            const ng_strmap_entry *e = &m->entries[(uint32_t)sl];
            if (e->len == n && memcmp(e->key, s, n) == 0)
                return e;
        }
    }
}

/* The value of s[0..n), or NULL when absent (as g_hash_table_lookup). */
static inline void *ng_strmap_get(const ng_strmap *m, const char *s, size_t n)
{
    const ng_strmap_entry *e = ng_strmap_find(m, s, n);
    return e ? (void *)e->value : NULL;
}

static inline int ng_strmap_has(const ng_strmap *m, const char *s, size_t n)
{
    return ng_strmap_find(m, s, n) != NULL;
}

#endif
