/* Fuzz target: the number parsers.  ng_number_parse_digits takes any bytes;
 * ng_number_parse_word and ng_quantity_parse take UTF-8 (tokens of a
 * validated document).  Values must be finite, ranges ordered, token ranges
 * inside the text. */
#include <math.h>

#include "fuzz_common.h"
#include "newsgraph/quantity.h"
#include "newsgraph/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ng_lexicon *lex = fuzz_lexicon();
    const char *s = (const char *)data;
    double v = 0;
    if (ng_number_parse_digits(s, size, &v) == 0)
        FUZZ_ASSERT(isfinite(v) && v >= 0);
    if (!fuzz_valid_utf8(s, size) || memchr(s, '\0', size))
        return 0;
    char *text = fuzz_cstr(data, size);
    if (ng_number_parse_word(lex, text, size, &v) == 0)
        FUZZ_ASSERT(isfinite(v) && v >= 0);
    /* Every prefix that ends on a character boundary, as a token would. */
    for (size_t k = 1; k < size && k < 64; k++)
        if ((text[k] & 0xC0) != 0x80 && ng_number_parse_word(lex, text, k, &v) == 0)
            FUZZ_ASSERT(isfinite(v) && v >= 0);
    ng_quantity_match m[32];
    size_t n = 0;
    ng_status st = ng_quantity_parse(lex, text, size, m, 32, &n);
    FUZZ_ASSERT(st == NG_OK);
    ng_segmentation seg;
    FUZZ_ASSERT(ng_segment(lex, text, size, &seg) == NG_OK);
    for (size_t i = 0; i < n && i < 32; i++) {
        FUZZ_ASSERT(m[i].first_token <= m[i].last_token && m[i].last_token < seg.ntokens);
        if (m[i].has_value) {
            FUZZ_ASSERT(isfinite(m[i].low) && isfinite(m[i].high));
            FUZZ_ASSERT(m[i].low <= m[i].high); /* number/range-multiplier-inverted.txt */
        }
        if (m[i].unit) {
            FUZZ_ASSERT(fuzz_valid_utf8(m[i].unit, strlen(m[i].unit)));
            FUZZ_ASSERT(m[i].unit_token < seg.ntokens);
        }
    }
    ng_segmentation_clear(&seg);
    free(text);
    return 0;
}
