/* Building the read-only string maps (strmap.h). */
#include "strmap.h"

#define FILTER_MIN 4096 /* maps this large get a filter */

static size_t rec_size(const ng_strmap *m, size_t len)
{
    size_t n = (m->has_values ? sizeof(void *) : 0) + sizeof(uint32_t) + len + 1;
    return (n + 3) & ~(size_t)3;
}

ng_strmap *ng_strmap_from_table(GHashTable *t)
{
    if (!t)
        return NULL;
    ng_strmap *m = g_new0(ng_strmap, 1);
    size_t n = g_hash_table_size(t), cap = 16, bytes = 4;
    while (cap < n + n / 3) /* at most three quarters full */
        cap <<= 1;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, &v))
        m->has_values |= k != v;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, NULL))
        bytes += rec_size(m, strlen(k));
    g_assert(bytes / 4 <= UINT32_MAX);
    m->slots = g_new0(uint64_t, cap);
    m->mask = cap - 1;
    m->pool = g_malloc0(bytes);
    if (n >= FILTER_MIN) {
        size_t words = 64;
        while (words < n / 6) /* about ten bits a key */
            words <<= 1;
        m->filter = g_new0(uint64_t, words);
        m->filter_mask = words - 1;
    }
    size_t off = 4; /* offset 0 is never a record: a slot of 0 is empty */
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        uint32_t len = (uint32_t)strlen(k);
        unsigned char *r = m->pool + off;
        if (m->has_values) {
            memcpy(r, &v, sizeof v);
            r += sizeof v;
        }
        memcpy(r, &len, sizeof len);
        memcpy(r + sizeof len, k, len + 1);
        uint64_t h = ng_hash_bytes(k, len);
        size_t i = (size_t)h & m->mask;
        while (m->slots[i])
            i = (i + 1) & m->mask;
        m->slots[i] = ((h >> 32) | 1) << 32 | (uint64_t)(off / 4);
        if (m->filter)
            m->filter[(h >> 32) & m->filter_mask] |=
                (UINT64_C(1) << ((h >> 20) & 63)) | (UINT64_C(1) << ((h >> 26) & 63));
        off += rec_size(m, len);
        m->n++;
    }
    return m;
}

void ng_strmap_free(ng_strmap *m)
{
    if (!m)
        return;
    g_free(m->slots);
    g_free(m->pool);
    g_free(m->filter);
    g_free(m);
}
