/* Building the read-only string maps (strmap.h). */
#include "strmap.h"

ng_strmap *ng_strmap_from_table(GHashTable *t)
{
    if (!t)
        return NULL;
    ng_strmap *m = g_new0(ng_strmap, 1);
    size_t n = g_hash_table_size(t), cap = 16;
    while (cap < n + n / 2) /* at most two thirds full */
        cap <<= 1;
    m->slots = g_new0(uint64_t, cap);
    m->mask = cap - 1;
    m->entries = g_new(ng_strmap_entry, n + 1);
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        ng_strmap_entry *e = &m->entries[m->n];
        e->key = k;
        e->len = strlen(k);
        e->value = v;
        uint64_t h = ng_hash_bytes(e->key, e->len);
        size_t i = (size_t)h & m->mask;
        while (m->slots[i])
            i = (i + 1) & m->mask;
        m->slots[i] = ((h >> 32) | 1) << 32 | (uint64_t)m->n;
        m->n++;
    }
    return m;
}

void ng_strmap_free(ng_strmap *m)
{
    if (!m)
        return;
    g_free(m->slots);
    g_free(m->entries);
    g_free(m);
}
