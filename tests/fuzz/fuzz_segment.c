/* Fuzz target: the segmenter (ng_segment) on valid UTF-8, the only text it is
 * ever given.  Tokens must be ordered, inside the text, on character
 * boundaries; sentences must cover token ranges in order. */
#include "fuzz_common.h"
#include "newsgraph/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    if (!fuzz_valid_utf8(text, size) || memchr(text, '\0', size))
        return 0;
    char *s = fuzz_cstr(data, size);
    ng_segmentation seg;
    /* With and without the lexicon (abbreviations, months). */
    for (int pass = 0; pass < 2; pass++) {
        ng_status st = ng_segment(pass ? fuzz_lexicon() : NULL, s, size, &seg);
        FUZZ_ASSERT(st == NG_OK);
        uint32_t prev_end = 0;
        for (size_t i = 0; i < seg.ntokens; i++) {
            const ng_token *t = &seg.tokens[i];
            FUZZ_ASSERT(t->start < t->end && t->end <= size);
            FUZZ_ASSERT(t->start >= prev_end);
            FUZZ_ASSERT(t->kind >= NG_TOK_WORD && t->kind <= NG_TOK_QUOTE_CLOSE);
            FUZZ_ASSERT(fuzz_valid_utf8(s + t->start, t->end - t->start));
            prev_end = t->end;
        }
        size_t next = 0;
        for (size_t k = 0; k < seg.nsentences; k++) {
            const ng_sentence *sn = &seg.sentences[k];
            FUZZ_ASSERT(sn->first == next && sn->count > 0);
            FUZZ_ASSERT((size_t)sn->first + sn->count <= seg.ntokens);
            FUZZ_ASSERT(sn->start == seg.tokens[sn->first].start);
            FUZZ_ASSERT(sn->end == seg.tokens[sn->first + sn->count - 1].end);
            FUZZ_ASSERT(k == 0 || sn->line >= seg.sentences[k - 1].line);
            next = sn->first + sn->count;
        }
        FUZZ_ASSERT(next == seg.ntokens);
        ng_segmentation_clear(&seg);
    }
    free(s);
    return 0;
}
