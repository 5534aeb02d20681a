/* Sentence and token segmentation for German news.
 *
 * One pass makes tokens (words, numbers, punctuation, quotation marks with
 * their direction); a second pass finds sentence ends.  Offsets are bytes. */
#include "newsgraph/segment.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon_impl.h"

void ng_segmentation_clear(ng_segmentation *seg)
{
    if (!seg)
        return;
    free(seg->tokens);
    free(seg->sentences);
    memset(seg, 0, sizeof *seg);
}

static int is_word_char(gunichar c)
{
    return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

static int is_digit(gunichar c)
{
    return c >= '0' && c <= '9';
}

static int is_hyphen(gunichar c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

static int is_apostrophe(gunichar c)
{
    return c == '\'' || c == 0x2019;
}

static gunichar char_at(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    return g_utf8_get_char(text + i);
}

static size_t next_i(const char *text, size_t i)
{
    return (size_t)(g_utf8_next_char(text + i) - text);
}

static int prev_is_space(const char *text, size_t i)
{
    if (i == 0)
        return 1;
    const char *p = g_utf8_prev_char(text + i);
    gunichar c = g_utf8_get_char(p);
    return g_unichar_isspace(c) || c == '(' || c == '[' || c == '/' || c == 0x2014 || c == 0x2013;
}

typedef struct tokvec {
    ng_token *v;
    size_t n, cap;
} tokvec;

static int push(tokvec *t, uint32_t s, uint32_t e, int kind, int flags)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        ng_token *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return -1;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = (ng_token){s, e, (uint16_t)kind, (uint16_t)flags};
    return 0;
}

/* Direction of a quotation mark from its neighbours and the marks still open. */
static int quote_kind(const char *text, size_t len, size_t i, size_t after, gunichar c, int *open_low,
                      int *open_guil_right, int *open_guil_left, int *open_ascii)
{
    gunichar next = char_at(text, len, after);
    int space_before = prev_is_space(text, i);
    int space_after = next == 0 || g_unichar_isspace(next) || g_unichar_ispunct(next);
    switch (c) {
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
        (*open_low)++;
        return NG_TOK_QUOTE_OPEN;
    case 0x201C: /* “ closes „, or opens in English style */
    case 0x2018:
        if (*open_low > 0) {
            (*open_low)--;
            return NG_TOK_QUOTE_CLOSE;
        }
        return space_before && !space_after ? NG_TOK_QUOTE_OPEN : NG_TOK_QUOTE_CLOSE;
    case 0x201D:
        return space_before && !space_after ? NG_TOK_QUOTE_OPEN : NG_TOK_QUOTE_CLOSE;
    case 0x00BB: /* » opens German style, closes « */
        if (*open_guil_left > 0) {
            (*open_guil_left)--;
            return NG_TOK_QUOTE_CLOSE;
        }
        (*open_guil_right)++;
        return NG_TOK_QUOTE_OPEN;
    case 0x00AB: /* « closes », opens Swiss style */
        if (*open_guil_right > 0) {
            (*open_guil_right)--;
            return NG_TOK_QUOTE_CLOSE;
        }
        (*open_guil_left)++;
        return NG_TOK_QUOTE_OPEN;
    case '"':
        if (*open_ascii == 0 && !(space_after && !space_before)) {
            *open_ascii = 1;
            return NG_TOK_QUOTE_OPEN;
        }
        *open_ascii = 0;
        return NG_TOK_QUOTE_CLOSE;
    }
    return NG_TOK_PUNCT;
}

static int is_quote_char(gunichar c)
{
    return c == 0x201E || c == 0x201A || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x00BB ||
           c == 0x00AB || c == '"';
}

/* A lowercase word, a month or a number after "16." make it an ordinal or date. */
static int ordinal_follows(const ng_lexicon *lex, const char *text, size_t len, size_t i)
{
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    gunichar c = char_at(text, len, i);
    if (!c)
        return 0;
    if (g_unichar_islower(c))
        return 1;
    if (!g_unichar_isupper(c))
        return 0;
    size_t e = i;
    while (e < len && is_word_char(char_at(text, len, e)))
        e = next_i(text, e);
    if (lex && ng_lex_month(lex, text + i, e - i))
        return 1;
    return lex && e < len && text[e] == '.' && ng_lex_month(lex, text + i, e + 1 - i); /* "Okt." */
}

static ng_status tokenize(const ng_lexicon *lex, const char *text, size_t len, tokvec *t)
{
    int open_low = 0, open_gr = 0, open_gl = 0, open_ascii = 0;
    int line_start = 1;
    size_t i = 0;
    while (i < len) {
        gunichar c = char_at(text, len, i);
        size_t ni = next_i(text, i);
        if (c == '\n') {
            line_start = 1;
            open_low = open_gr = open_gl = open_ascii = 0; /* quotes do not run over paragraphs */
            i = ni;
            continue;
        }
        if (g_unichar_isspace(c) || c == 0xAD || c == 0x200B || c == 0xFEFF) {
            i = ni;
            continue;
        }
        int flags = line_start ? NG_TOKF_LINE_START : 0;
        line_start = 0;
        size_t s = i;
        if (is_word_char(c) || is_digit(c)) {
            int number = is_digit(c);
            int letters = 0, upper = 0, lower = 0, segment = 0;
            size_t e = i;
            for (;;) {
                gunichar d = char_at(text, len, e);
                if (is_word_char(d) || is_digit(d)) {
                    if (is_word_char(d)) {
                        letters++;
                        segment++;
                        if (g_unichar_isupper(d))
                            upper++;
                        else if (g_unichar_islower(d))
                            lower++;
                        if (number && e > i) /* "5km", "18-Jährige": a word */
                            number = 0;
                    }
                    e = next_i(text, e);
                    continue;
                }
                size_t after = d ? next_i(text, e) : e;
                gunichar nx = char_at(text, len, after);
                if (number && (d == '.' || d == ',') && is_digit(nx)) {
                    e = after;
                    continue;
                }
                if (is_hyphen(d) && (is_word_char(nx) || is_digit(nx))) {
                    flags |= NG_TOKF_HYPHEN;
                    number = 0;
                    segment = 0;
                    e = after;
                    continue;
                }
                if (is_apostrophe(d) && is_word_char(nx) && !number) {
                    e = after;
                    continue;
                }
                /* Inner dots of short abbreviations: "z.B.", "U.S.". */
                if (d == '.' && !number && segment <= 2 && letters <= 4 && is_word_char(nx) &&
                    !is_word_char(char_at(text, len, next_i(text, after)))) {
                    segment = 0;
                    e = after;
                    continue;
                }
                break;
            }
            int kind = number ? NG_TOK_NUMBER : NG_TOK_WORD;
            if (!number) {
                gunichar first = char_at(text, len, s);
                if (g_unichar_isupper(first) || g_unichar_istitle(first))
                    flags |= NG_TOKF_CAP;
                if (upper >= 2 && lower == 0)
                    flags |= NG_TOKF_ALLCAPS;
            }
            /* A period that belongs to the token: abbreviation, initial, ordinal. */
            if (e < len && text[e] == '.') {
                if (!number && ((letters == 1 && (flags & NG_TOKF_CAP)) ||
                                (lex && ng_lex_is_abbrev(lex, text + s, e + 1 - s)))) {
                    e++;
                    flags |= NG_TOKF_ABBREV;
                } else if (!number && letters <= 4 && memchr(text + s, '.', e - s)) {
                    e++; /* "z.B." written without its last dot in the list */
                    flags |= NG_TOKF_ABBREV;
                } else if (number && e - s <= 4 &&
                           ((flags & NG_TOKF_LINE_START) || ordinal_follows(lex, text, len, e + 1))) {
                    /* "16. Oktober", and "1." opening a line (a list item) */
                    e++;
                    flags |= NG_TOKF_ORDINAL;
                }
            }
            if (push(t, (uint32_t)s, (uint32_t)e, kind, flags))
                return NG_ERR_NOMEM;
            i = e;
            continue;
        }
        int kind = NG_TOK_PUNCT;
        if (is_quote_char(c))
            kind = quote_kind(text, len, i, ni, c, &open_low, &open_gr, &open_gl, &open_ascii);
        if (push(t, (uint32_t)s, (uint32_t)ni, kind, flags))
            return NG_ERR_NOMEM;
        i = ni;
    }
    return NG_OK;
}

static int tok_is(const char *text, const ng_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(text + t->start, s, n) == 0;
}

static int sentence_final(const char *text, const ng_token *t)
{
    return t->kind == NG_TOK_PUNCT &&
           (tok_is(text, t, ".") || tok_is(text, t, "!") || tok_is(text, t, "?") ||
            tok_is(text, t, "\xE2\x80\xA6"));
}

static int starts_sentence(const char *text, size_t len, const ng_token *t)
{
    if (t->kind == NG_TOK_QUOTE_OPEN || t->kind == NG_TOK_NUMBER)
        return 1;
    if (t->kind == NG_TOK_PUNCT)
        return tok_is(text, t, "(") || tok_is(text, t, "-") || tok_is(text, t, "\xE2\x80\x93");
    gunichar c = char_at(text, len, t->start);
    return g_unichar_isupper(c) || g_unichar_istitle(c);
}

ng_status ng_segment(const ng_lexicon *lex, const char *text, size_t len, ng_segmentation *out)
{
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX - 1)
        return NG_ERR_INVALID;
    tokvec t = {0};
    ng_status st = tokenize(lex, text, len, &t);
    if (st) {
        free(t.v);
        return st;
    }
    size_t cap = 16, ns = 0;
    ng_sentence *sv = malloc(cap * sizeof *sv);
    if (!sv) {
        free(t.v);
        return NG_ERR_NOMEM;
    }
    uint32_t line = 0;
    size_t first = 0;
    for (size_t k = 0; k < t.n; k++) {
        int end = 0;
        size_t last = k;
        if (sentence_final(text, &t.v[k])) {
            /* Closing marks and brackets after the period stay with it. */
            while (last + 1 < t.n && !(t.v[last + 1].flags & NG_TOKF_LINE_START) &&
                   (t.v[last + 1].kind == NG_TOK_QUOTE_CLOSE || tok_is(text, &t.v[last + 1], ")") ||
                    sentence_final(text, &t.v[last + 1])))
                last++;
            end = last + 1 >= t.n || (t.v[last + 1].flags & NG_TOKF_LINE_START) ||
                  starts_sentence(text, len, &t.v[last + 1]);
        }
        if (!end && (k + 1 >= t.n || (t.v[k + 1].flags & NG_TOKF_LINE_START)))
            end = 1;
        if (!end)
            continue;
        if (ns == cap) {
            cap *= 2;
            ng_sentence *nv = realloc(sv, cap * sizeof *nv);
            if (!nv) {
                free(sv);
                free(t.v);
                return NG_ERR_NOMEM;
            }
            sv = nv;
        }
        sv[ns++] = (ng_sentence){(uint32_t)first, (uint32_t)(last + 1 - first), t.v[first].start,
                                 t.v[last].end, line};
        t.v[first].flags |= NG_TOKF_SENT_START;
        if (last + 1 < t.n && (t.v[last + 1].flags & NG_TOKF_LINE_START))
            line++;
        first = last + 1;
        k = last;
    }
    out->tokens = t.v;
    out->ntokens = t.n;
    out->sentences = sv;
    out->nsentences = ns;
    return NG_OK;
}
