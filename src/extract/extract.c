/* The extractor: read → segment → recognise → resolve → relate, for one
 * document, into an ng_extraction the caller owns. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stages.h"

void ng_ctx_edge(ctx *c, ng_edge_type type, ng_ref src, ng_ref dst, double weight, const char *role, int deny)
{
    ng_xedge e = {type, src, dst, weight, role ? g_strdup(role) : NULL, deny};
    g_array_append_val(c->edges, e);
}

static void ent_free(gpointer p)
{
    ent *e = p;
    g_free(e->label);
    free(e->key);
    g_ptr_array_free(e->aliases, TRUE);
    g_array_free(e->mention_idx, TRUE);
    g_free(e);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sentence co-occurrence (weight: sentences) and provenance edges. */
static void relate_cooccurrence(ctx *c)
{
    GHashTable *pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *in_sentence = g_array_new(FALSE, FALSE, sizeof(size_t));
    guint m = 0;
    GArray *order = g_array_new(FALSE, FALSE, sizeof(char *));
    while (m < c->mentions->len) {
        uint32_t s = g_array_index(c->mentions, mention, m).sentence;
        g_array_set_size(in_sentence, 0);
        guint k = m;
        for (; k < c->mentions->len; k++) {
            mention *mm = &g_array_index(c->mentions, mention, k);
            if (mm->sentence != s)
                break;
            int dup = 0;
            for (guint x = 0; x < in_sentence->len; x++)
                dup |= g_array_index(in_sentence, size_t, x) == mm->entity;
            if (!dup)
                g_array_append_val(in_sentence, mm->entity);
        }
        for (guint x = 0; x < in_sentence->len; x++)
            for (guint y = x + 1; y < in_sentence->len; y++) {
                size_t a = g_array_index(in_sentence, size_t, x), b = g_array_index(in_sentence, size_t, y);
                if (a > b) {
                    size_t t = a;
                    a = b;
                    b = t;
                }
                char *key = g_strdup_printf("%zu %zu", a, b);
                gpointer old = g_hash_table_lookup(pairs, key);
                if (!old)
                    g_array_append_val(order, key);
                g_hash_table_insert(pairs, old ? g_strdup(key) : key, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + 1));
                if (old)
                    g_free(key);
            }
        m = k; /* mentions are sorted by offset, so a sentence's are together */
    }
    for (guint i = 0; i < order->len; i++) {
        const char *key = g_array_index(order, char *, i);
        size_t a, b;
        if (sscanf(key, "%zu %zu", &a, &b) == 2)
            ng_ctx_edge(c, NG_EDGE_CO_OCCURS, (ng_ref){NG_REF_ENTITY, a}, (ng_ref){NG_REF_ENTITY, b},
                        (double)GPOINTER_TO_SIZE(g_hash_table_lookup(pairs, key)), NULL, 0);
    }
    g_array_free(order, TRUE);
    g_array_free(in_sentence, TRUE);
    g_hash_table_destroy(pairs);

    size_t *count = g_new0(size_t, c->ents->len + 1);
    for (guint k = 0; k < c->mentions->len; k++)
        count[g_array_index(c->mentions, mention, k).entity]++;
    for (guint e = 0; e < c->ents->len; e++)
        if (count[e])
            ng_ctx_edge(c, NG_EDGE_APPEARS_IN, (ng_ref){NG_REF_ENTITY, e}, (ng_ref){NG_REF_DOCUMENT, 0},
                        (double)count[e], NULL, 0);
    g_free(count);
    for (guint k = 0; k < c->claims->len; k++)
        ng_ctx_edge(c, NG_EDGE_APPEARS_IN, (ng_ref){NG_REF_CLAIM, k}, (ng_ref){NG_REF_DOCUMENT, 0}, 1, NULL, 0);
}

static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* The per-document state around a segmentation already in c->seg. */
static void ctx_open(ctx *c, const ng_lexicon *lex, const ng_document *doc)
{
    c->lex = lex;
    c->doc = doc;
    c->text = doc->text;
    c->tok_sentence = g_new0(uint32_t, c->seg.ntokens + 1);
    c->tok_mention = g_new(size_t, c->seg.ntokens + 1);
    c->tok_credit = g_new0(unsigned char, c->seg.ntokens + 1);
    for (size_t s = 0; s < c->seg.nsentences; s++)
        for (size_t i = c->seg.sentences[s].first; i < c->seg.sentences[s].first + c->seg.sentences[s].count; i++)
            c->tok_sentence[i] = (uint32_t)s;
    for (size_t i = 0; i <= c->seg.ntokens; i++)
        c->tok_mention[i] = NG_NONE;
    c->ents = g_ptr_array_new_with_free_func(ent_free);
    c->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    c->by_label = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    c->short_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    c->mentions = g_array_new(FALSE, FALSE, sizeof(mention));
    c->sent_mentions = g_new0(GArray *, c->seg.nsentences + 1); /* made with a sentence's first mention */
    c->claims = g_array_new(FALSE, FALSE, sizeof(ng_xclaim));
    c->quantities = g_array_new(FALSE, FALSE, sizeof(ng_xquantity));
    c->edges = g_array_new(FALSE, FALSE, sizeof(ng_xedge));
    c->quantity_tokens = g_array_new(FALSE, FALSE, sizeof(ng_quantity_match));
    c->role_mentions = g_array_new(FALSE, FALSE, sizeof(role_mention));
}

/* Frees what ctx_open made; claims, quantities and edges only when they
 * were not handed over (NULL).  The segmentation stays. */
static void ctx_close(ctx *c)
{
    if (c->claims) {
        for (guint i = 0; i < c->claims->len; i++) {
            ng_xclaim *x = &g_array_index(c->claims, ng_xclaim, i);
            g_free(x->text);
            g_free(x->cue);
            g_free(x->date);
        }
        g_array_free(c->claims, TRUE);
    }
    if (c->quantities) {
        for (guint i = 0; i < c->quantities->len; i++) {
            g_free(g_array_index(c->quantities, ng_xquantity, i).text);
            g_free(g_array_index(c->quantities, ng_xquantity, i).unit);
        }
        g_array_free(c->quantities, TRUE);
    }
    if (c->edges) {
        for (guint i = 0; i < c->edges->len; i++)
            g_free(g_array_index(c->edges, ng_xedge, i).role);
        g_array_free(c->edges, TRUE);
    }
    g_array_free(c->quantity_tokens, TRUE);
    g_array_free(c->role_mentions, TRUE);
    g_array_free(c->mentions, TRUE);
    for (size_t s = 0; s <= c->seg.nsentences; s++)
        if (c->sent_mentions[s])
            g_array_free(c->sent_mentions[s], TRUE);
    g_free(c->sent_mentions);
    g_hash_table_destroy(c->short_names);
    g_hash_table_destroy(c->by_key);
    g_hash_table_destroy(c->by_label);
    g_ptr_array_free(c->ents, TRUE);
    g_free(c->tok_mention);
    g_free(c->tok_credit);
    g_free(c->tok_sentence);
}

/* The revision of the extraction code: raise it with every change to the
 * rules or features that changes what is extracted from the same text and
 * data, so that stores extract their documents again (data and model
 * changes are seen by the lexicon's fingerprint). */
#define NG_EXTRACTOR_REVISION "2026-12-05.4"

void ng_extractor_id(const ng_lexicon *lex, char *out)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
    g_checksum_update(c, (const guchar *)NG_EXTRACTOR_REVISION, sizeof NG_EXTRACTOR_REVISION);
    const char *fp = ng_lexicon_fingerprint(lex);
    g_checksum_update(c, (const guchar *)fp, (gssize)strlen(fp));
    g_strlcpy(out, g_checksum_get_string(c), 41);
    g_checksum_free(c);
}

ng_status ng_extract(const ng_lexicon *lex, const ng_document *doc, ng_extraction *out, ng_errmsg *err)
{
    return ng_extract_cached(lex, NULL, doc, out, err);
}

ng_status ng_extract_cached(const ng_lexicon *lex, ng_extract_cache *cache, const ng_document *doc,
                            ng_extraction *out, ng_errmsg *err)
{
    memset(out, 0, sizeof *out);
    ng_extractor_id(lex, out->extractor);
    ctx c = {0};
    ng_status st = ng_segment(lex, doc->text, doc->len, &c.seg);
    if (st)
        return ng_fail(err, st, "%s: segmentation failed: %s", doc->path, ng_status_string(st));
    ctx_open(&c, lex, doc);
    c.cache = cache;

    st = ng_recognise(&c);
    if (!st)
        st = ng_find_quantities(&c);
    if (!st)
        st = ng_find_claims(&c);
    if (!st) {
        /* Sentence order for co-occurrence. */
        g_array_sort(c.mentions, cmp_mention);
        relate_cooccurrence(&c);
    }

    /* Hand over: entities with sorted aliases, then the arrays as they are. */
    out->nentities = c.ents->len;
    out->entities = calloc(c.ents->len + 1, sizeof *out->entities);
    for (guint i = 0; i < c.ents->len; i++) {
        ent *e = c.ents->pdata[i];
        ng_xentity *x = &out->entities[i];
        x->label = strdup(e->label);
        x->key = strdup(e->key);
        x->type = e->type;
        x->anonymous = e->anonymous;
        x->naliases = e->aliases->len;
        x->aliases = calloc(e->aliases->len + 1, sizeof(char *));
        for (guint k = 0; k < e->aliases->len; k++)
            x->aliases[k] = strdup(e->aliases->pdata[k]);
        qsort(x->aliases, x->naliases, sizeof(char *), cmp_str);
    }
    out->nmentions = c.mentions->len;
    out->mentions = calloc(c.mentions->len + 1, sizeof *out->mentions);
    for (guint i = 0; i < c.mentions->len; i++) {
        mention *m = &g_array_index(c.mentions, mention, i);
        out->mentions[i] = (ng_xmention){m->entity, m->start, m->end, m->sentence};
    }
    out->nclaims = c.claims->len;
    out->claims = (ng_xclaim *)(void *)g_array_free(c.claims, FALSE);
    out->nquantities = c.quantities->len;
    out->quantities = (ng_xquantity *)(void *)g_array_free(c.quantities, FALSE);
    out->nedges = c.edges->len;
    out->edges = (ng_xedge *)(void *)g_array_free(c.edges, FALSE);
    c.claims = c.quantities = c.edges = NULL;

    ctx_close(&c);
    ng_segmentation_clear(&c.seg);
    if (st) {
        ng_extraction_clear(out);
        return ng_fail(err, st, "%s: extraction failed: %s", doc->path, ng_status_string(st));
    }
    return NG_OK;
}

ng_status ng_extract_recognise(const ng_lexicon *lex, ng_extract_cache *cache, const ng_document *doc,
                               const ng_segmentation *seg, size_t *nentities, size_t *nmentions)
{
    ctx c = {0};
    c.seg = *seg; /* borrowed: ctx_close leaves it alone */
    ctx_open(&c, lex, doc);
    c.cache = cache;
    ng_status st = ng_recognise(&c);
    *nentities = c.ents->len;
    *nmentions = c.mentions->len;
    ctx_close(&c);
    return st;
}

void ng_extraction_clear(ng_extraction *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].label);
        free(x->entities[i].key);
        for (size_t k = 0; k < x->entities[i].naliases; k++)
            free(x->entities[i].aliases[k]);
        free(x->entities[i].aliases);
    }
    free(x->entities);
    free(x->mentions);
    for (size_t i = 0; i < x->nclaims; i++) {
        g_free(x->claims[i].text);
        g_free(x->claims[i].cue);
        g_free(x->claims[i].date);
    }
    g_free(x->claims);
    for (size_t i = 0; i < x->nquantities; i++) {
        g_free(x->quantities[i].text);
        g_free(x->quantities[i].unit);
    }
    g_free(x->quantities);
    for (size_t i = 0; i < x->nedges; i++)
        g_free(x->edges[i].role);
    g_free(x->edges);
    memset(x, 0, sizeof *x);
}
