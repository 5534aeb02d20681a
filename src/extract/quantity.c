/* Numbers in German news: "12.000", "2,5 Milliarden Euro", "sieben",
 * "zwölftausend", "11.000 bis 12.000", "zwischen 3000 und 5000", "rund",
 * "mindestens", "mehrere Tausend", and the counted thing after them.  Dates,
 * times, ordinals and years are not quantities. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "newsgraph/quantity.h"

int ng_number_parse_digits(const char *s, size_t len, double *value)
{
    /* German: '.' groups thousands, ',' marks decimals. */
    char buf[64];
    size_t k = 0;
    int seen_comma = 0, digits_since_dot = -1;
    if (len == 0 || len >= sizeof buf || !(s[0] >= '0' && s[0] <= '9'))
        return -1;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            buf[k++] = ch;
            if (digits_since_dot >= 0)
                digits_since_dot++;
        } else if (ch == '.' && !seen_comma) {
            if (digits_since_dot >= 0 && digits_since_dot != 3)
                return -1;
            digits_since_dot = 0;
        } else if (ch == ',' && !seen_comma) {
            if (digits_since_dot >= 0 && digits_since_dot != 3)
                return -1;
            digits_since_dot = -1;
            seen_comma = 1;
            buf[k++] = '.';
        } else {
            return -1;
        }
    }
    if (digits_since_dot >= 0 && digits_since_dot != 3) {
        /* "2.5" in English style: read as a decimal. */
        size_t dots = 0;
        for (size_t i = 0; i < len; i++)
            dots += s[i] == '.';
        if (dots == 1 && !seen_comma) {
            k = 0;
            for (size_t i = 0; i < len; i++)
                buf[k++] = s[i];
        } else {
            return -1;
        }
    }
    buf[k] = '\0';
    char *end = NULL;
    double v = g_ascii_strtod(buf, &end);
    if (!end || *end || !isfinite(v))
        return -1;
    *value = v;
    return 0;
}

/* Cardinal words only (not "ein" as an article). */
static int atom(const ng_lexicon *lex, const char *s, size_t n, double *v)
{
    if (n == 0)
        return -1;
    const ng_lex_number *num = ng_lex_number_get(lex, s, n);
    if (num && (num->kind == NG_NUM_CARDINAL || num->kind == NG_NUM_ARTICLE1)) {
        *v = num->value;
        return 0;
    }
    return -1;
}

static int find_sub(const char *s, size_t n, const char *w, size_t *pos)
{
    size_t wl = strlen(w);
    for (size_t i = n >= wl ? n - wl + 1 : 0; i-- > 0;) {
        if (memcmp(s + i, w, wl) == 0) {
            *pos = i;
            return 1;
        }
    }
    return 0;
}

/* Compounds: [X]tausend[Y], [X]hundert[Y], Xund<tens>. */
static int parse_compound(const ng_lexicon *lex, const char *s, size_t n, double *v, int depth)
{
    if (depth > 4 || n == 0)
        return -1;
    if (atom(lex, s, n, v) == 0)
        return 0;
    static const struct { const char *w; double f; } scales[] = {{"tausend", 1000}, {"hundert", 100}};
    for (size_t k = 0; k < 2; k++) {
        size_t pos;
        if (!find_sub(s, n, scales[k].w, &pos))
            continue;
        size_t wl = strlen(scales[k].w);
        double left = 1, right = 0;
        if (pos > 0 && parse_compound(lex, s, pos, &left, depth + 1) != 0)
            continue;
        if (pos + wl < n && parse_compound(lex, s + pos + wl, n - pos - wl, &right, depth + 1) != 0)
            continue;
        *v = left * scales[k].f + right;
        return 0;
    }
    size_t pos;
    if (find_sub(s, n, "und", &pos) && pos > 0) {
        double u, t;
        if (atom(lex, s, pos, &u) == 0 && u < 10 && atom(lex, s + pos + 3, n - pos - 3, &t) == 0 && t >= 20 &&
            t < 100) {
            *v = u + t;
            return 0;
        }
    }
    return -1;
}

int ng_number_parse_word(const ng_lexicon *lex, const char *s, size_t len, double *value)
{
    if (len == 0 || len > 120)
        return -1;
    gchar *low = g_utf8_strdown(s, (gssize)len);
    int r = parse_compound(lex, low, strlen(low), value, 0);
    if (r == 0) {
        const ng_lex_number *num = ng_lex_number_get(lex, low, strlen(low));
        if (num && num->kind == NG_NUM_ARTICLE1)
            r = -1; /* "ein", "eine": an article unless a multiplier follows */
    }
    g_free(low);
    return r;
}

typedef struct scanner {
    const ng_lexicon *lex;
    const char *text;
    const ng_token *t;
    size_t first, end;
} scanner;

static size_t slen(const scanner *s, size_t i) { return s->t[i].end - s->t[i].start; }
static const char *sstr(const scanner *s, size_t i) { return s->text + s->t[i].start; }
static int seq(const scanner *s, size_t i, const char *w)
{
    return i < s->end && slen(s, i) == strlen(w) && memcmp(sstr(s, i), w, slen(s, i)) == 0;
}

/* Value of a number at token i (digits or word), with a multiplier after it. */
static int number_at(const scanner *s, size_t i, double *v, size_t *last, int *vague)
{
    *vague = 0;
    if (i >= s->end)
        return -1;
    const ng_token *t = &s->t[i];
    if (t->flags & NG_TOKF_ORDINAL)
        return -1;
    double val;
    const ng_lex_number *num = NULL;
    if (t->kind == NG_TOK_NUMBER) {
        if (ng_number_parse_digits(sstr(s, i), slen(s, i), &val) != 0)
            return -1;
    } else if (t->kind == NG_TOK_WORD) {
        num = ng_lex_number_get(s->lex, sstr(s, i), slen(s, i));
        if (num && num->kind == NG_NUM_VAGUE_PLURAL) {
            *vague = 1;
            *last = i;
            *v = 0;
            return 0;
        }
        if (num && num->kind == NG_NUM_VAGUE) {
            /* "mehrere Tausend", "einige Hundert" */
            const ng_lex_number *m = i + 1 < s->end ? ng_lex_number_get(s->lex, sstr(s, i + 1), slen(s, i + 1)) : NULL;
            if (m && (m->kind == NG_NUM_MULTIPLIER || m->kind == NG_NUM_VAGUE_PLURAL ||
                      (m->kind == NG_NUM_CARDINAL && m->value >= 100))) {
                *vague = 1;
                *last = i + 1;
                *v = 0;
                return 0;
            }
            return -1;
        }
        if (num && num->kind == NG_NUM_FRACTION) {
            val = num->value;
        } else if (num && num->kind == NG_NUM_ARTICLE1) {
            val = 1; /* only with a multiplier, checked below */
        } else if (ng_number_parse_word(s->lex, sstr(s, i), slen(s, i), &val) != 0) {
            return -1;
        }
    } else {
        return -1;
    }
    size_t j = i;
    if (j + 1 < s->end && s->t[j + 1].kind == NG_TOK_WORD) {
        const ng_lex_number *m = ng_lex_number_get(s->lex, sstr(s, j + 1), slen(s, j + 1));
        if (m && m->kind == NG_NUM_MULTIPLIER) {
            val *= m->value;
            j++;
        } else if (num && num->kind == NG_NUM_ARTICLE1) {
            return -1;
        }
    } else if (num && num->kind == NG_NUM_ARTICLE1) {
        return -1;
    }
    if (!isfinite(val))
        return -1;
    *v = val;
    *last = j;
    return 0;
}

/* The longest qualifier phrase ending right before token i. */
static const ng_lex_qualifier *qualifier_before(const scanner *s, size_t i, size_t *qfirst)
{
    char buf[128];
    for (int w = s->lex->max_qualifier_words; w >= 1; w--) {
        if (i < s->first + (size_t)w)
            continue;
        size_t a = i - (size_t)w, len = 1;
        buf[0] = '<';
        int ok = 1;
        for (size_t k = a; k < i && ok; k++) {
            if (len + slen(s, k) + 2 >= sizeof buf) {
                ok = 0;
                break;
            }
            if (k > a)
                buf[len++] = ' ';
            memcpy(buf + len, sstr(s, k), slen(s, k));
            len += slen(s, k);
        }
        if (!ok)
            continue;
        buf[len] = '\0';
        gchar *low = g_utf8_strdown(buf, -1);
        const ng_lex_qualifier *q = ng_lex_qualifier_get(s->lex, low);
        g_free(low);
        if (q) {
            *qfirst = a;
            return q;
        }
    }
    return NULL;
}

static int is_year(const scanner *s, size_t i, double v, size_t last)
{
    if (s->t[i].kind != NG_TOK_NUMBER || slen(s, i) != 4 || v < 1800 || v > 2100 || last != i)
        return 0;
    return 1;
}

/* Counted thing after the number, skipping adjectives ("3000 nordkoreanische Soldaten"). */
static const ng_lex_unit *unit_after(const scanner *s, size_t j, size_t *ut)
{
    for (size_t k = j + 1; k < s->end && k <= j + 3; k++) {
        if (s->t[k].kind != NG_TOK_WORD && !seq(s, k, "%"))
            return NULL;
        const ng_lex_unit *u = ng_lex_unit_get(s->lex, sstr(s, k), slen(s, k));
        if (u) {
            *ut = k;
            return u;
        }
        if (s->t[k].flags & NG_TOKF_CAP)
            return NULL; /* a noun that is not a unit ends the search */
        /* Only inflected adjectives stand between a number and its noun. */
        size_t n = slen(s, k);
        const char *w = sstr(s, k);
        if (!ng_adjective_ending(w, n) ||
            ng_lex_verb_get(s->lex, w, n) || ng_lex_number_get(s->lex, w, n))
            return NULL;
    }
    return NULL;
}

ng_status ng_quantity_scan(const ng_lexicon *lex, const char *text, const ng_token *tokens, size_t first,
                           size_t count, ng_quantity_match *out, size_t max, size_t *n)
{
    scanner s = {lex, text, tokens, first, first + count};
    *n = 0;
    for (size_t i = first; i < s.end; i++) {
        double lo;
        size_t last;
        int vague;
        if (number_at(&s, i, &lo, &last, &vague) != 0)
            continue;
        ng_quantity_match m = {0};
        m.first_token = i;
        m.has_value = !vague;
        m.low = m.high = lo;
        m.qualifier = NG_QUAL_EXACT;
        /* Not quantities: times, years, dates with a month after, page/number references. */
        if (last + 1 < s.end && (seq(&s, last + 1, "Uhr") || ng_lex_month(lex, sstr(&s, last + 1), slen(&s, last + 1))))
            continue;
        /* "Oktober 2024" is a date; "bis Dezember 12.000 Soldaten" is not */
        if (i > first && ((ng_lex_month(lex, sstr(&s, i - 1), slen(&s, i - 1)) && is_year(&s, i, lo, last)) ||
                          tokens[i - 1].flags & NG_TOKF_ABBREV))
            continue;
        size_t qfirst = i;
        const ng_lex_qualifier *q = qualifier_before(&s, i, &qfirst);
        /* Ranges: "11.000 bis 12.000", "3000-5000", "zwischen 3000 und 5000". */
        size_t r = last + 1;
        int range = 0;
        if (r + 1 < s.end && (seq(&s, r, "bis") || seq(&s, r, "-") || seq(&s, r, "\xE2\x80\x93") ||
                              (q && q->qualifier == NG_QUAL_RANGE && seq(&s, r, "und")))) {
            double h;
            size_t hl;
            int hv;
            if (number_at(&s, r + 1, &h, &hl, &hv) == 0 && !hv && h >= lo) { /* "24.000 bis 12.000" is no range */
                /* "2 bis 3 Millionen": the multiplier after the second number counts for both. */
                if (hl > r + 1 && tokens[r + 1].kind == NG_TOK_NUMBER && last == i) {
                    double single;
                    ng_number_parse_digits(sstr(&s, r + 1), slen(&s, r + 1), &single);
                    /* "30 bis 5 Millionen" is not 30 million to 5 million: keep the
                     * multiplier off the first number when it would invert the range. */
                    if (single != 0 && lo * (h / single) <= h)
                        lo *= h / single;
                }
                if (is_year(&s, i, lo, last) && is_year(&s, r + 1, h, hl)) {
                    i = hl;
                    continue; /* "1950 bis 1953" */
                }
                m.low = lo;
                m.high = h;
                m.qualifier = NG_QUAL_RANGE;
                last = hl;
                range = 1;
            }
        }
        if (!range && !vague && is_year(&s, i, lo, last)) {
            size_t ut;
            if (!unit_after(&s, last, &ut))
                continue;
        }
        if (!range && q && q->qualifier != NG_QUAL_RANGE) {
            m.qualifier = q->qualifier;
            m.first_token = qfirst;
        } else if (range && q && q->qualifier == NG_QUAL_RANGE) {
            m.first_token = qfirst;
        }
        if (vague) {
            m.has_value = 0;
            m.qualifier = NG_QUAL_APPROX;
        }
        size_t ut = 0;
        const ng_lex_unit *u = unit_after(&s, last, &ut);
        if (u) {
            m.unit = u->base;
            m.unit_token = ut;
            last = ut;
            /* "US-Dollar pro Monat", "Granaten pro Jahr" */
            if (last + 2 < s.end && seq(&s, last + 1, "pro") && tokens[last + 2].kind == NG_TOK_WORD)
                last += 2;
        } else if (!vague && m.has_value && m.low == m.high && m.low < 1 && tokens[i].kind == NG_TOK_WORD) {
            continue; /* "null", fractions alone */
        }
        m.last_token = last;
        if (*n < max)
            out[*n] = m;
        (*n)++;
        i = last;
    }
    return NG_OK;
}

ng_status ng_quantity_parse(const ng_lexicon *lex, const char *text, size_t len, ng_quantity_match *out,
                            size_t max, size_t *n)
{
    ng_segmentation seg;
    ng_status st = ng_segment(lex, text, len, &seg);
    if (st)
        return st;
    *n = 0;
    for (size_t k = 0; k < seg.nsentences && st == NG_OK; k++) {
        size_t got = 0;
        st = ng_quantity_scan(lex, text, seg.tokens, seg.sentences[k].first, seg.sentences[k].count,
                              *n < max ? out + *n : NULL, *n < max ? max - *n : 0, &got);
        *n += got;
    }
    ng_segmentation_clear(&seg);
    return st;
}

/* The extraction step: every quantity of the document, with the country it
 * belongs to ("3000 nordkoreanische Soldaten", "Soldaten aus Nordkorea"). */
ng_status ng_find_quantities(ctx *c)
{
    ng_quantity_match buf[64];
    for (size_t k = 0; k < c->seg.nsentences; k++) {
        const ng_sentence *sn = &c->seg.sentences[k];
        /* Short lines without a verb-like word are metadata ("Lesezeit 5 Minuten"). */
        size_t words = 0;
        for (size_t i = sn->first; i < sn->first + sn->count; i++)
            words += c->seg.tokens[i].kind == NG_TOK_WORD;
        if (words < 4 && (c->seg.tokens[sn->first].flags & NG_TOKF_LINE_START) &&
            (sn->first + sn->count >= c->seg.ntokens ||
             (c->seg.tokens[sn->first + sn->count].flags & NG_TOKF_LINE_START)))
            continue;
        size_t n = 0;
        ng_status st = ng_quantity_scan(c->lex, c->text, c->seg.tokens, sn->first, sn->count, buf,
                                        G_N_ELEMENTS(buf), &n);
        if (st)
            return st;
        if (n > G_N_ELEMENTS(buf))
            n = G_N_ELEMENTS(buf);
        for (size_t q = 0; q < n; q++) {
            ng_quantity_match *m = &buf[q];
            ng_xquantity x = {0};
            x.start = c->seg.tokens[m->first_token].start;
            x.end = c->seg.tokens[m->last_token].end;
            x.text = g_strndup(c->text + x.start, x.end - x.start);
            x.has_value = m->has_value;
            x.low = m->low;
            x.high = m->high;
            x.qualifier = m->qualifier;
            x.unit = g_strdup(m->unit ? m->unit : "");
            g_array_append_val(c->quantities, x);
            g_array_append_val(c->quantity_tokens, *m);
            size_t qi = c->quantities->len - 1;
            /* Owner: a country mention inside the span, or right after the unit
             * ("aus Nordkorea", genitive "Nordkoreas"). */
            size_t owner = NG_NONE;
            size_t hi = m->last_token + 3;
            for (size_t t = m->first_token; t <= hi && t < sn->first + sn->count; t++) {
                if (t > m->last_token && !(t == m->last_token + 1 || ng_tok_equals(c, t - 1, "aus") ||
                                           ng_tok_equals(c, t - 1, "in")))
                    continue;
                size_t mi = c->tok_mention[t];
                if (mi == NG_NONE)
                    continue;
                size_t e = g_array_index(c->mentions, mention, mi).entity;
                ent *en = c->ents->pdata[e];
                if (en->type == NG_ENT_COUNTRY || en->type == NG_ENT_PLACE || en->type == NG_ENT_ORGANIZATION) {
                    owner = e;
                    break;
                }
            }
            if (owner != NG_NONE)
                ng_ctx_edge(c, NG_EDGE_QUANTITY_OF, (ng_ref){NG_REF_QUANTITY, qi},
                            (ng_ref){NG_REF_ENTITY, owner}, 1, NULL, 0);
        }
    }
    return NG_OK;
}
