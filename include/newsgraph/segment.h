/* newsgraph: sentence and token segmentation for German news text.
 *
 * Tokens keep byte offsets into the text.  Sentences end at . ! ? and at line
 * breaks, but not after abbreviations ("z. B.", "Dr.") or ordinals and dates
 * ("am 16. Oktober"), and a closing quotation mark stays with its sentence. */
#ifndef NEWSGRAPH_SEGMENT_H
#define NEWSGRAPH_SEGMENT_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "newsgraph/lexicon.h"

typedef enum ng_token_kind {
    NG_TOK_WORD = 1,    /* letters, with inner hyphens, apostrophes or dots */
    NG_TOK_NUMBER,      /* digits, with German grouping/decimals: 12.000, 2,5 */
    NG_TOK_PUNCT,       /* any other single character */
    NG_TOK_QUOTE_OPEN,  /* „ » « ‚ “ " ' when opening */
    NG_TOK_QUOTE_CLOSE  /* “ ” « » ‘ " ' when closing */
} ng_token_kind;

enum {
    NG_TOKF_CAP = 1 << 0,        /* first letter upper case */
    NG_TOKF_ALLCAPS = 1 << 1,    /* two or more letters, all upper case */
    NG_TOKF_HYPHEN = 1 << 2,     /* contains a hyphen */
    NG_TOKF_SENT_START = 1 << 3, /* first word of its sentence */
    NG_TOKF_ABBREV = 1 << 4,     /* a known abbreviation with its period */
    NG_TOKF_ORDINAL = 1 << 5,    /* number followed by its period: "16." */
    NG_TOKF_LINE_START = 1 << 6  /* first token of a line */
};

typedef struct ng_token {
    uint32_t start, end; /* byte offsets, end exclusive */
    uint16_t kind;       /* ng_token_kind */
    uint16_t flags;      /* NG_TOKF_* */
} ng_token;

typedef struct ng_sentence {
    uint32_t first, count; /* token range */
    uint32_t start, end;   /* byte range */
    uint32_t line;         /* line (paragraph) number, from 0 */
} ng_sentence;

typedef struct ng_segmentation {
    ng_token *tokens;
    size_t ntokens;
    ng_sentence *sentences;
    size_t nsentences;
} ng_segmentation;

/* Segments text; the lexicon supplies the abbreviations (may be NULL). */
ng_status ng_segment(const ng_lexicon *lex, const char *text, size_t len, ng_segmentation *out);
void ng_segmentation_clear(ng_segmentation *seg);

#endif
