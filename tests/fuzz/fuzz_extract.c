/* Fuzz target: the extractor (ng_extract) on a document read from the input
 * as plain text, plus the name helpers (ng_name_key, ng_slug).  Everything it
 * returns must refer to the document: offsets inside the text, indices inside
 * their arrays, finite numbers, valid UTF-8. */
#include <math.h>

#include "fuzz_common.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"

static void check_ref(const ng_extraction *x, const ng_ref *r)
{
    switch (r->kind) {
    case NG_REF_ENTITY: FUZZ_ASSERT(r->index < x->nentities); break;
    case NG_REF_CLAIM: FUZZ_ASSERT(r->index < x->nclaims); break;
    case NG_REF_QUANTITY: FUZZ_ASSERT(r->index < x->nquantities); break;
    case NG_REF_DOCUMENT: break;
    default: FUZZ_ASSERT(!"reference kind");
    }
}

static void check_str(const char *s)
{
    FUZZ_ASSERT(s != NULL);
    FUZZ_ASSERT(fuzz_valid_utf8(s, strlen(s)));
}

static void check_slug(const char *s)
{
    check_str(s);
    FUZZ_ASSERT(*s != '\0');
    for (const char *p = s; *p; p++)
        FUZZ_ASSERT(!strchr(" \t\n\"'<>&:/\\|", *p));
}

void fuzz_check_extraction(const ng_document *d, const ng_extraction *x);
void fuzz_check_extraction(const ng_document *d, const ng_extraction *x)
{
    for (size_t i = 0; i < x->nentities; i++) {
        const ng_xentity *e = &x->entities[i];
        check_str(e->label);
        check_str(e->key);
        FUZZ_ASSERT((unsigned)e->type < NG_ENT_TYPE_COUNT);
        for (size_t k = 0; k < e->naliases; k++) {
            check_str(e->aliases[k]);
            FUZZ_ASSERT(k == 0 || strcmp(e->aliases[k - 1], e->aliases[k]) <= 0);
        }
    }
    for (size_t i = 0; i < x->nmentions; i++) {
        const ng_xmention *m = &x->mentions[i];
        FUZZ_ASSERT(m->entity < x->nentities);
        FUZZ_ASSERT(m->start < m->end && m->end <= d->len);
    }
    for (size_t i = 0; i < x->nclaims; i++) {
        const ng_xclaim *c = &x->claims[i];
        FUZZ_ASSERT(c->start <= c->end && c->end <= d->len);
        check_str(c->text);
        check_str(c->cue);
        check_str(c->date);
        FUZZ_ASSERT(strlen(c->text) == c->end - c->start && memcmp(c->text, d->text + c->start, c->end - c->start) == 0);
        FUZZ_ASSERT(c->stance == NG_STANCE_ASSERT || c->stance == NG_STANCE_DENY);
    }
    for (size_t i = 0; i < x->nquantities; i++) {
        const ng_xquantity *q = &x->quantities[i];
        FUZZ_ASSERT(q->start < q->end && q->end <= d->len);
        check_str(q->text);
        check_str(q->unit);
        if (q->has_value) {
            FUZZ_ASSERT(isfinite(q->low) && isfinite(q->high));
            FUZZ_ASSERT(q->low <= q->high); /* extract/range-multiplier-inverted.txt */
        }
        FUZZ_ASSERT((unsigned)q->qualifier <= NG_QUAL_RANGE);
    }
    for (size_t i = 0; i < x->nedges; i++) {
        const ng_xedge *e = &x->edges[i];
        FUZZ_ASSERT((unsigned)e->type < NG_EDGE_TYPE_COUNT);
        check_ref(x, &e->source);
        check_ref(x, &e->target);
        FUZZ_ASSERT(isfinite(e->weight) && e->weight > 0);
        if (e->role)
            check_str(e->role);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ng_lexicon *lex = fuzz_lexicon();
    ng_document d;
    ng_errmsg err;
    if (ng_document_from_bytes("fuzz", "fuzz.txt", (const char *)data, size, 0, &d, &err) != NG_OK)
        return 0;
    ng_extraction x;
    ng_status st = ng_extract(lex, &d, &x, &err);
    FUZZ_ASSERT(st == NG_OK);
    fuzz_check_extraction(&d, &x);
    ng_extraction_clear(&x);
    /* Names as the extractor would see them: the first line. */
    char *line = g_strndup(d.text, strcspn(d.text, "\n"));
    char *key = ng_name_key(line), *slug = ng_slug(line);
    check_str(key);
    check_slug(slug);
    free(key);
    free(slug);
    g_free(line);
    ng_document_clear(&d);
    return 0;
}
