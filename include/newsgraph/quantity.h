/* newsgraph: numbers in German news — digits with German grouping and
 * decimals, number words, multipliers, ranges, qualifiers, vague amounts and
 * the counted thing that follows — and what is not a number (dates, times,
 * ordinals, years). */
#ifndef NEWSGRAPH_QUANTITY_H
#define NEWSGRAPH_QUANTITY_H

#include <stddef.h>
#include "newsgraph/extract.h"
#include "newsgraph/segment.h"

/* A quantity found in a token range. */
typedef struct ng_quantity_match {
    size_t first_token, last_token; /* inclusive token range */
    int has_value;
    double low, high;
    ng_qualifier qualifier;
    const char *unit;               /* base form from the lexicon (not owned), or NULL */
    size_t unit_token;              /* token of the counted thing, if unit */
} ng_quantity_match;

/* Scans tokens [first, first+count) of a segmented text for quantities.
 * Writes up to `max` matches and stores their number in *n. */
ng_status ng_quantity_scan(const ng_lexicon *lex, const char *text, const ng_token *tokens,
                           size_t first, size_t count, ng_quantity_match *out, size_t max,
                           size_t *n);

/* Convenience for tests and tools: segments `text` and parses every quantity
 * in it. */
ng_status ng_quantity_parse(const ng_lexicon *lex, const char *text, size_t len,
                            ng_quantity_match *out, size_t max, size_t *n);

/* Parses one German numeral written in digits ("12.000", "2,5", "1.200,75").
 * Returns 0 and sets *value, or -1 when the token is not such a number. */
int ng_number_parse_digits(const char *s, size_t len, double *value);

/* Parses a German number word, also compounds ("zwölftausend",
 * "dreihundertfünfzig", "einundzwanzig").  Returns 0 and sets *value, or -1. */
int ng_number_parse_word(const ng_lexicon *lex, const char *s, size_t len, double *value);

#endif
