/* The statistical tagger: features, the model table, greedy decoding, and
 * its use inside the extractor (at the end of this file).
 *
 * Each spelling of a text gets one record (tokinfo) from its bytes, the word
 * list and the lexicons, made when the spelling first appears (tagmemo).  A
 * feature is a few parts ("w-1=" and a word) whose hashes are computed once
 * and joined (see "feature hashing"), then looked up in a flat
 * open-addressing table whose slots point at the feature's weights; the
 * strings themselves are only written for training (ng_tagger_features).
 * Nothing is written after loading; everything per call lives in the
 * caller's frame or in allocations per text and sentence. */
#include "newsgraph/tagger.h"
#include "common/ascii.h"

#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon_impl.h"

/* ---- tags ---- */

static const char *const tag_names[NG_TAG_COUNT] = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"};
static const char *const tag_types[NG_TAG_COUNT] = {NULL, "PER", "PER", "LOC", "LOC", "ORG", "ORG"};

const char *ng_tag_name(ng_tag tag)
{
    return (unsigned)tag < NG_TAG_COUNT ? tag_names[tag] : "O";
}

int ng_tag_parse(const char *name)
{
    for (int i = 0; i < NG_TAG_COUNT; i++)
        if (strcmp(name, tag_names[i]) == 0)
            return i;
    return -1;
}

const char *ng_tag_type(ng_tag tag)
{
    return (unsigned)tag < NG_TAG_COUNT ? tag_types[tag] : NULL;
}

ng_rule_tag ng_rule_tag_of(ng_entity_type type, int anonymous, int begin, int partial, int lower)
{
    if (anonymous)
        return NG_RULE_ANON;
    if (lower)
        return NG_RULE_DERIV;
    if (partial)
        return NG_RULE_PART;
    switch (type) {
    case NG_ENT_PERSON: return begin ? NG_RULE_PER_B : NG_RULE_PER_I;
    case NG_ENT_ORGANIZATION: return begin ? NG_RULE_ORG_B : NG_RULE_ORG_I;
    case NG_ENT_MEDIA: return begin ? NG_RULE_MEDIA_B : NG_RULE_MEDIA_I;
    case NG_ENT_COUNTRY: return begin ? NG_RULE_COUNTRY_B : NG_RULE_COUNTRY_I;
    case NG_ENT_PLACE: return begin ? NG_RULE_PLACE_B : NG_RULE_PLACE_I;
    default: return NG_RULE_NONE;
    }
}

/* A hyphen as the segmenter joins words with it: '-', U+2010 or U+2011. */
static int has_hyphen(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '-' || (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                            ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91)))
            return 1;
    return 0;
}

static int cmp_span(const void *a, const void *b)
{
    const ng_rule_span *x = *(const ng_rule_span *const *)a, *y = *(const ng_rule_span *const *)b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x < y ? -1 : x > y;
}

void ng_rule_tags(const char *text, const uint32_t *tok_start, const uint32_t *tok_end, size_t ntokens,
                  const ng_rule_span *spans, size_t nspans, ng_rule_tag *out)
{
    const ng_rule_span **order = g_new(const ng_rule_span *, nspans + 1);
    const ng_rule_span **owner = g_new0(const ng_rule_span *, ntokens + 1);
    for (size_t k = 0; k < nspans; k++)
        order[k] = &spans[k];
    qsort(order, nspans, sizeof *order, cmp_span);
    for (size_t k = 0; k < nspans; k++) {
        const ng_rule_span *m = order[k];
        /* first token ending after the mention's start */
        size_t lo = 0, hi = ntokens;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (tok_end[mid] <= m->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < ntokens && tok_start[i] < m->end; i++)
            if (!owner[i])
                owner[i] = m;
    }
    for (size_t i = 0; i < ntokens; i++) {
        const ng_rule_span *m = owner[i];
        if (!m) {
            out[i] = NG_RULE_NONE;
            continue;
        }
        int begin = i == 0 || owner[i - 1] != m;
        /* part of a compound ("US-Regierung"); a genitive ending left out
         * ("Deutschland|s") does not count */
        int partial = m->start > tok_start[i] || (m->end < tok_end[i] && has_hyphen(text + m->end, tok_end[i] - m->end));
        int lower = (m->type == NG_ENT_COUNTRY || m->type == NG_ENT_PLACE) &&
                    !g_unichar_isupper(g_utf8_get_char(text + m->start));
        out[i] = ng_rule_tag_of(m->type, m->anonymous, begin, partial, lower);
    }
    g_free(owner);
    g_free(order);
}

/* ---- feature hashing ----
 *
 * A feature is the concatenation of a few parts: a fixed name ("w-1="), a
 * word, a separator, another word.  Its hash is a polynomial over its bytes
 * modulo 2^64, H(s) = s[0] B^(n-1) + ... + s[n-1] with B odd, so that
 * H(a b) = H(a) B^|b| + H(b): every part is hashed once (a token's lower-case
 * word serves about fifteen features of it and its neighbours) and a feature
 * then costs one multiplication per part, with no string built.  Modulo 2^64
 * the arithmetic is the machine's own (the prime modulus 2^61 - 1 used before
 * cost a 128-bit product and a reduction per step: 10% of recognition, by
 * callgrind); known collisions of such hashes need strings thousands of
 * bytes long built for it, far beyond a feature's length.  The
 * model's feature strings are hashed byte by byte at load: the same function;
 * its own features are checked against each other when it loads. */

#define HASH_B UINT64_C(0x0C9E3779B97F4A7B) /* odd */

static inline uint64_t hash_mul(uint64_t a, uint64_t b)
{
    return a * b;
}

static inline uint64_t hash_add(uint64_t a, uint64_t b)
{
    return a + b;
}

/* A part of features: its bytes, H of them and B^(their length). */
typedef struct part {
    uint64_t h, pw;
    const char *s;
    uint32_t len;
} part;

static part part_of(const char *s, size_t n)
{
    part p = {0, 1, s, (uint32_t)n};
    for (size_t i = 0; i < n; i++) {
        p.h = hash_add(hash_mul(p.h, HASH_B), (unsigned char)s[i]);
        p.pw = hash_mul(p.pw, HASH_B);
    }
    return p;
}

/* H of the whole feature a b (parts joined). */
static inline uint64_t hash_join(uint64_t h, const part *b)
{
    return hash_add(hash_mul(h, b->pw), b->h);
}

/* The fixed parts of the features (names, separators, padding words). */
#define FIXED_PARTS(X)                                                                                     \
    X(F_B, "b") X(F_SH, "sh=") X(F_W, "w=") X(F_LW, "lw=") X(F_P3, "p3=") X(F_S2, "s2=") X(F_S3, "s3=")     \
    X(F_S4, "s4=") X(F_C, "c=") X(F_LEN, "len=") X(F_D, "d=") X(F_CD, "cd=") X(F_INF, "inf=") X(F_BAR, "|") \
    X(F_CMP, "cmp=") X(F_HD, "hd=") X(F_C3, "c3=") X(F_FIRST, "first") X(F_CD0, "cd0=") X(F_LAST, "last")   \
    X(F_L, "L=") X(F_LC, "Lc=") X(F_LNONE, "L=none|") X(F_R, "r=") X(F_RD, "rd=") X(F_BOS, "<s>")           \
    X(F_EOS, "</s>") X(F_WM2, "w-2=") X(F_WM1, "w-1=") X(F_WP1, "w+1=") X(F_WP2, "w+2=") X(F_SHM2, "sh-2=") \
    X(F_SHM1, "sh-1=") X(F_SHP1, "sh+1=") X(F_SHP2, "sh+2=") X(F_RM2, "r-2=") X(F_RM1, "r-1=")              \
    X(F_RP1, "r+1=") X(F_RP2, "r+2=") X(F_LM2, "L-2=") X(F_LM1, "L-1=") X(F_LP1, "L+1=") X(F_LP2, "L+2=")   \
    X(F_CDM2, "cd-2=") X(F_CDM1, "cd-1=") X(F_CDP1, "cd+1=") X(F_CDP2, "cd+2=") X(F_WM1W, "w-1w=")          \
    X(F_WWP1, "ww+1=") X(F_WM1SH, "w-1sh=") X(F_CDI, "cdi=") X(F_WM1CD, "w-1cd=") X(F_CDWP1, "cdw+1=")      \
    X(F_LM1CD, "L-1cd=") X(F_S3M1, "s3-1=") X(F_S3P1, "s3+1=") X(F_WM2WM1, "w-2w-1=")                      \
    X(F_SHSHP1, "shsh+1=") X(F_T1, "t1=") X(F_T2, "t2=") X(F_T1S, "t1s=") X(F_BAR_C, "|C")        \
    X(F_BAR_NOT_C, "|-")
#define FIXED_ENUM(id, str) id,
#define FIXED_STRING(id, str) str,
enum { FIXED_PARTS(FIXED_ENUM) F_COUNT };
static const char *const fixed_strings[F_COUNT] = {FIXED_PARTS(FIXED_STRING)};

/* Lexicon classes of a token (codes in the features). */
enum {
    LC_NAME = 0,                          /* + entity type */
    LC_GNAME = LC_NAME + NG_ENT_TYPE_COUNT, /* genitive of a name */
    LC_ADJ = LC_GNAME + NG_ENT_TYPE_COUNT,
    LC_DEM = LC_ADJ + NG_ENT_TYPE_COUNT,
    LC_NFIRST = LC_DEM + NG_ENT_TYPE_COUNT,
    LC_ROLE, LC_GIVEN, LC_SURNAME, LC_GSURNAME, LC_KOREAN, LC_INST, LC_MEDIANOUN, LC_MONTH, LC_PARTICLE, LC_PREP, LC_DET, LC_VERB,
    LC_NUM, LC_COUNT
};
static const char *const lex_codes[LC_COUNT] = {
    "name:person", "name:organization", "name:media", "name:country", "name:place",
    "gname:person", "gname:organization", "gname:media", "gname:country", "gname:place",
    "adj:person", "adj:organization", "adj:media", "adj:country", "adj:place",
    "dem:person", "dem:organization", "dem:media", "dem:country", "dem:place",
    "nfirst", "role", "given", "surname", "gsurname", "korean", "inst", "medianoun", "month", "particle", "prep", "det", "verb", "num"};

static const char *const rule_names[NG_RULE_COUNT] = {
    "-", "PER-B", "PER-I", "ORG-B", "ORG-I", "MEDIA-B", "MEDIA-I", "COUNTRY-B", "COUNTRY-I",
    "PLACE-B", "PLACE-I", "DERIV", "PART", "ANON"};

/* The word-list endings of the "infl" feature: its character k is the last
 * of ending k when the word plus ending k is in the word list, else '-'. */
static const char *const infl_endings[] = {"s", "es", "n", "en", "e", "er"};
#define NINFL 6

#define POW_MAX 64 /* longest part whose B^len is in the table */

/* The joint features that begin with a token's part (see joint_hashes),
 * each up to its "|": as the token before ("w-1w=", "w-1sh=", "w-1cd=" with
 * its word), the one before that ("w-2w-1="), the token itself ("ww+1=",
 * "cdw+1=", "shsh+1="). */
enum { J_WM1W, J_WM1SH, J_WM1CD, J_WM2WM1, J_WWP1, J_CDWP1, J_SHSHP1, J_COUNT };

/* Every constant part, hashed once (kept in the tagger, read-only). */
typedef struct featparts {
    part fixed[F_COUNT];
    part lex[LC_COUNT];
    part rule[NG_RULE_COUNT];
    part ch[128]; /* one ASCII character: the capitalisation and length classes */
    char chars[128][2];
    uint64_t pow[POW_MAX + 1]; /* B^k */
    /* every "dict" value ("---" .. "WLF", bit k: letter k) and every "infl"
     * value (bit k: character k not '-') */
    part dict[8];
    char dict_s[8][4];
    part infl[1 << NINFL];
    char infl_s[1 << NINFL][NINFL + 1];
    /* first parts of joint features (see joint_hashes): with "<s>" for a
     * missing token before, per lexicon class ("L-1cd=" L "|"), per rule
     * tag ("rd=" r "|") */
    uint64_t bos[J_COUNT], lm1cd[LC_COUNT], rd[NG_RULE_COUNT];
} featparts;

static void joint_firsts(const featparts *fp, const part *lw, const part *sh, const part *cd, uint64_t *jl)
{
    const part *F = fp->fixed, *bar = &F[F_BAR];
    static const int name[J_COUNT] = {F_WM1W, F_WM1SH, F_WM1CD, F_WM2WM1, F_WWP1, F_CDWP1, F_SHSHP1};
    for (int k = 0; k < J_COUNT; k++) {
        const part *first = k == J_CDWP1 ? cd : k == J_SHSHP1 ? sh : lw;
        jl[k] = hash_join(hash_join(F[name[k]].h, first), bar);
    }
}

static void featparts_init(featparts *fp)
{
    fp->pow[0] = 1;
    for (int k = 1; k <= POW_MAX; k++)
        fp->pow[k] = hash_mul(fp->pow[k - 1], HASH_B);
    for (int b = 0; b < 8; b++) {
        for (int k = 0; k < 3; k++)
            fp->dict_s[b][k] = b & (1 << k) ? "WLF"[k] : '-';
        fp->dict_s[b][3] = '\0';
        fp->dict[b] = part_of(fp->dict_s[b], 3);
    }
    for (int b = 0; b < 1 << NINFL; b++) {
        for (int k = 0; k < NINFL; k++)
            fp->infl_s[b][k] = b & (1 << k) ? infl_endings[k][strlen(infl_endings[k]) - 1] : '-';
        fp->infl_s[b][NINFL] = '\0';
        fp->infl[b] = part_of(fp->infl_s[b], NINFL);
    }
    for (int k = 0; k < F_COUNT; k++)
        fp->fixed[k] = part_of(fixed_strings[k], strlen(fixed_strings[k]));
    for (int k = 0; k < LC_COUNT; k++)
        fp->lex[k] = part_of(lex_codes[k], strlen(lex_codes[k]));
    for (int k = 0; k < NG_RULE_COUNT; k++)
        fp->rule[k] = part_of(rule_names[k], strlen(rule_names[k]));
    for (int k = 0; k < 128; k++) {
        fp->chars[k][0] = (char)k;
        fp->chars[k][1] = '\0';
        fp->ch[k] = part_of(fp->chars[k], k ? 1 : 0);
    }
    const part *F = fp->fixed;
    joint_firsts(fp, &F[F_BOS], &F[F_BOS], &F[F_BOS], fp->bos);
    for (int k = 0; k < LC_COUNT; k++)
        fp->lm1cd[k] = hash_join(hash_join(F[F_LM1CD].h, &fp->lex[k]), &F[F_BAR]);
    for (int k = 0; k < NG_RULE_COUNT; k++)
        fp->rd[k] = hash_join(hash_join(F[F_RD].h, &fp->rule[k]), &F[F_BAR]);
}

/* part_of with B^n from the table. */
static part part_fast(const featparts *fp, const char *s, size_t n)
{
    if (n > POW_MAX)
        return part_of(s, n);
    part p = {0, fp->pow[n], s, (uint32_t)n};
    for (size_t i = 0; i < n; i++)
        p.h = hash_add(hash_mul(p.h, HASH_B), (unsigned char)s[i]);
    return p;
}

/* ---- token records ---- */

#define WORD_MAX 48  /* bytes of a word used in features */
#define SHAPE_MAX 12 /* characters of a shape */
#define LEX_MAX 10   /* lexicon classes per token */
#define AFFIX_MAX 4

/* What tagging with a fixed-point model reads of a token wherever it
 * stands (joint_hashes, tag_sentence): the first parts of its features
 * that join several tokens, its lexicon classes.  A spelling's record keeps
 * this alone once its sums are made (memo_get). */
typedef struct tokhot {
    part plw, psh, pcd;
    uint64_t jl[J_COUNT]; /* joint features' first parts from this token (J_*, see joint_hashes) */
    int nlex;
    unsigned char lexc[LEX_MAX]; /* LC_* */
} tokhot;

typedef struct tokinfo {
    /* First what tagging reads for every token (also of its neighbours),
     * together: the strings below as parts of features, the classes. */
    tokhot hot;
    part psuf[3], pinfl, pw, ppre, pdict, phead;
    char cap;     /* X initial capital, A all capitals, x lower, m lower then capital, d digit, p other */
    char len;     /* length class */
    char cmp;     /* C: not in the word list, but its end is (a compound: "Atomkraft"); '-' when not */
    char w[WORD_MAX + 1];  /* as written, cut at a character boundary */
    char lw[WORD_MAX + 1]; /* lower case */
    char sh[SHAPE_MAX * 4 + 1];
    char pre[AFFIX_MAX * 4 + 1]; /* first 3 characters of lw */
    char suf[3][AFFIX_MAX * 4 + 1]; /* last 2, 3, 4 characters of lw */
    char dict[4]; /* W as written in the word list, L in lower case, F an inflected form; '-' when not */
    char cd[6];   /* cap "|" dict */
    char infl[8]; /* which of word+s, +es, +n, +en, +e, +er are in the word list: names have "s" at most */
    char head[WORD_MAX + 1]; /* that end in lower case, or "" */
} tokinfo;

/* Copies at most max bytes of s, cut at a character boundary. */
static void copy_cut(char *dst, const char *s, size_t n, size_t max)
{
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Lower case into buf (size cap) without allocating; returns the length or
 * (size_t)-1 when it does not fit. */
static size_t lower_into(char *buf, size_t cap, const char *s, size_t n)
{
    size_t o = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        if ((unsigned char)*p < 0x80) { /* ASCII (NUL too) is its own lower case: no GLib calls */
            if (o + 2 > cap)
                return (size_t)-1;
            buf[o++] = ng_ascii_lower(*p++);
            continue;
        }
        gunichar c = g_utf8_get_char_validated(p, (gssize)(end - p));
        char tmp[8];
        int l;
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            tmp[0] = *p;
            l = 1;
            p++;
        } else {
            l = g_unichar_to_utf8(g_unichar_tolower(c), tmp);
            p = g_utf8_next_char(p);
        }
        if (o + (size_t)l + 1 > cap)
            return (size_t)-1;
        memcpy(buf + o, tmp, (size_t)l);
        o += (size_t)l;
    }
    buf[o] = '\0';
    return o;
}

/* The last k characters of a NUL-terminated UTF-8 string. */
static const char *last_chars(const char *s, size_t len, int k)
{
    const char *p = s + len;
    while (k > 0 && p > s) {
        p--;
        while (p > s && ((unsigned char)*p & 0xC0) == 0x80)
            p--;
        k--;
    }
    return p;
}

static void first_chars(char *dst, const char *s, int k)
{
    const char *p = s;
    while (k > 0 && *p) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        k--;
    }
    memcpy(dst, s, (size_t)(p - s));
    dst[p - s] = '\0';
}

static void shape_of(tokinfo *ti, const char *s, size_t n)
{
    int upper = 0, lower = 0, digit = 0, letters = 0, first = 0;
    size_t o = 0;
    char last = 0;
    int nchars = 0, ascii = 1;
    const char *p = s, *end = s + n;
    while (p < end) {
        unsigned char b = (unsigned char)*p;
        char k;
        if (b && b < 0x80) {
            /* ASCII, classed as GLib classes it below (no ASCII letter is title case) */
            if (b >= 'A' && b <= 'Z') {
                k = 'X';
                upper++;
                letters++;
            } else if (b >= 'a' && b <= 'z') {
                k = 'x';
                lower++;
                letters++;
            } else if (b >= '0' && b <= '9') {
                k = 'd';
                digit++;
            } else {
                k = g_ascii_ispunct((char)b) ? (char)b : 'o';
            }
            p++;
        } else {
            ascii = 0;
            gunichar c = g_utf8_get_char_validated(p, (gssize)(end - p));
            if (c == (gunichar)-1 || c == (gunichar)-2) {
                k = '?';
                p++;
            } else {
                if (g_unichar_isupper(c) || g_unichar_istitle(c)) {
                    k = 'X';
                    upper++;
                    letters++;
                } else if (g_unichar_isalpha(c)) {
                    k = 'x';
                    lower++;
                    letters++;
                } else if (g_unichar_isdigit(c)) {
                    k = 'd';
                    digit++;
                } else if (c < 0x80 && g_ascii_ispunct((char)c)) {
                    k = (char)c;
                } else {
                    k = 'o';
                }
                p = g_utf8_next_char(p);
            }
        }
        if (!first)
            first = k;
        if (k != last && nchars < SHAPE_MAX) {
            ti->sh[o++] = k;
            nchars++;
        }
        last = k;
    }
    ti->sh[o] = '\0';
    if (first == 'X')
        ti->cap = (letters >= 2 && lower == 0) ? 'A' : 'X';
    else if (first == 'x')
        ti->cap = upper ? 'm' : 'x';
    else if (first == 'd' || (digit && !letters))
        ti->cap = 'd';
    else
        ti->cap = 'p';
    size_t chars = ascii ? n : (size_t)g_utf8_strlen(s, (gssize)n);
    ti->len = chars <= 1 ? '1' : chars <= 2 ? '2' : chars <= 3 ? '3' : chars <= 4 ? '4' : chars <= 6 ? '6'
              : chars <= 9 ? '9' : '+';
}

static void add_lex(tokinfo *ti, int code)
{
    if (ti->hot.nlex < LEX_MAX)
        ti->hot.lexc[ti->hot.nlex++] = (unsigned char)code;
}

/* A key asked of several maps, hashed once. */
typedef struct lex_key {
    const char *s;
    size_t n;
    uint64_t h;
} lex_key;

static lex_key key_of(const char *s, size_t n)
{
    return (lex_key){s, n, ng_hash_bytes(s, n)};
}

static int in(const ng_strmap *m, const lex_key *k)
{
    return ng_strmap_find_hashed(m, k->s, k->n, k->h) != NULL;
}

static void *value_of(const ng_strmap *m, const lex_key *k)
{
    return ng_strmap_get_hashed(m, k->s, k->n, k->h);
}

static const ng_lex_entity *adjective_lower(const ng_lexicon *lex, char *low, size_t l)
{
    static const char *const endings[] = {"en", "em", "er", "es", "e", ""};
    for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (l > el + 2 && strcmp(low + l - el, endings[i]) == 0) {
            const ng_lex_entity *e = ng_strmap_get(lex->map.adjectives, low, l - el);
            if (e)
                return e;
        }
    }
    return NULL;
}

/* A determiner, or one with an inflection ending: w is the lower-cased word. */
static int determiner_lower(const ng_lexicon *lex, const lex_key *w)
{
    const char *low = w->s;
    size_t l = w->n;
    if (in(lex->map.determiners, w))
        return 1;
    static const char *const endings[] = {"es", "en", "em", "er", "e", "s", "n"};
    for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (l >= el + 3 && strcmp(low + l - el, endings[i]) == 0) {
            return ng_strmap_has(lex->map.determiners, low, l - el);
        }
    }
    return 0;
}

static int type_ok(ng_entity_type t)
{
    return (unsigned)t < NG_ENT_TYPE_COUNT;
}

static int has(const ng_strmap *m, const char *key, size_t n)
{
    return ng_strmap_has(m, key, n);
}

static void token_info(const ng_lexicon *lex, const ng_tag_token *t, tokinfo *ti)
{
    memset(ti, 0, sizeof *ti);
    const char *s = t->s;
    size_t n = t->len;
    copy_cut(ti->w, s, n, WORD_MAX);
    char low[256];
    size_t ll = lower_into(low, sizeof low, s, n);
    if (ll == (size_t)-1) {
        low[0] = '\0';
        ll = 0;
    }
    copy_cut(ti->lw, low, ll, WORD_MAX);
    shape_of(ti, s, n);
    size_t lwl = strlen(ti->lw);
    first_chars(ti->pre, ti->lw, 3);
    for (int k = 0; k < 3; k++)
        strcpy(ti->suf[k], last_chars(ti->lw, lwl, k + 2));
    strcpy(ti->dict, "---");
    strcpy(ti->infl, "------");
    ti->cmp = '-';
    ti->cd[0] = ti->cap;
    ti->cd[1] = '|';
    if (!lex || n == 0 || ll == 0 || n >= 200) {
        strcpy(ti->cd + 2, ti->dict);
        return;
    }
    /* Every lookup below is one hash lookup on a NUL-terminated copy; the
     * capitalised-word lexicons are asked about capitalised words only. */
    char word[256];
    memcpy(word, s, n);
    word[n] = '\0';
    int upper = ti->cap == 'X' || ti->cap == 'A';
    int lowered = strcmp(low, word) != 0;
    const lex_key W = key_of(word, n), L = lowered ? key_of(low, ll) : W;
    if (in(lex->map.dictionary, &W))
        ti->dict[0] = 'W';
    if (lowered ? in(lex->map.dictionary, &L) : ti->dict[0] == 'W')
        ti->dict[1] = 'L';
    if (ti->dict[0] != 'W' && ng_lex_is_word_form(lex, s, n))
        ti->dict[2] = 'F';
    strcpy(ti->cd + 2, ti->dict);

    char key[256];
    if (upper) {
        /* Inflected forms in the word list: nouns have plurals and -es,
         * names only a genitive s. */
        for (size_t k = 0; k < NINFL; k++) {
            size_t el = strlen(infl_endings[k]);
            memcpy(key, s, n);
            memcpy(key + n, infl_endings[k], el + 1);
            if (has(lex->map.dictionary, key, n + el))
                ti->infl[k] = infl_endings[k][el - 1];
        }
    }
    /* The head of a compound: the longest end, three characters in or more,
     * that is a word of the list ("Mieterverein" -> "verein",
     * "ZDF-Morgenmagazin" -> "morgenmagazin"). */
    if (ti->cap == 'X' && n >= 6 && n < 128 && g_utf8_validate(s, (gssize)n, NULL)) {
        for (const char *p = g_utf8_offset_to_pointer(s, 3); p < s + n - 3; p = g_utf8_next_char(p)) {
            size_t kl = ng_lex_capitalise(key, p, s + n);
            if (ng_lex_is_word_form(lex, key, kl)) {
                size_t hl = lower_into(ti->head, sizeof ti->head, key, kl);
                if (hl == (size_t)-1)
                    ti->head[0] = '\0';
                if (!strchr(ti->dict, 'W') && !strchr(ti->dict, 'L') && !strchr(ti->dict, 'F'))
                    ti->cmp = 'C';
                break;
            }
        }
    }

    const ng_lex_entity *e = value_of(lex->map.names, &W);
    if (e && type_ok(e->type))
        add_lex(ti, LC_NAME + (int)e->type);
    if (GPOINTER_TO_INT(value_of(lex->map.name_first, &W)) > 1)
        add_lex(ti, LC_NFIRST);
    /* the word without a genitive s, when it may have one */
    const int gen = upper && n > 3 && s[n - 1] == 's';
    const lex_key G = gen ? key_of(word, n - 1) : W;
    if (gen && !e) {
        const ng_lex_entity *g = value_of(lex->map.names, &G);
        if (g && type_ok(g->type))
            add_lex(ti, LC_GNAME + (int)g->type);
    }
    const ng_lex_entity *a = adjective_lower(lex, low, ll);
    if (a && type_ok(a->type))
        add_lex(ti, LC_ADJ + (int)a->type);
    if (upper) {
        const ng_lex_entity *d = value_of(lex->map.demonyms, &W);
        if (d && type_ok(d->type))
            add_lex(ti, LC_DEM + (int)d->type);
        if (in(lex->map.roles, &W))
            add_lex(ti, LC_ROLE);
        if (in(lex->map.given_names, &W))
            add_lex(ti, LC_GIVEN);
        if (in(lex->map.surnames, &W))
            add_lex(ti, LC_SURNAME);
        else if (gen && in(lex->map.surnames, &G))
            add_lex(ti, LC_GSURNAME); /* a genitive: "Merkels" */
        if (in(lex->map.korean_surnames, &W))
            add_lex(ti, LC_KOREAN);
        if (in(lex->map.institutions, &W))
            add_lex(ti, LC_INST);
        if (in(lex->map.media_nouns, &W))
            add_lex(ti, LC_MEDIANOUN);
        if (in(lex->map.months, &W))
            add_lex(ti, LC_MONTH);
    }
    if (in(lex->map.particles, &W))
        add_lex(ti, LC_PARTICLE);
    if (in(lex->map.prepositions, &L))
        add_lex(ti, LC_PREP);
    if (determiner_lower(lex, &L))
        add_lex(ti, LC_DET);
    if (in(lex->map.verbs, &L))
        add_lex(ti, LC_VERB);
    if (in(lex->map.numbers, &L))
        add_lex(ti, LC_NUM);
}

/* ---- features ---- */

#define FEAT_BYTES 8192
#define FEAT_MAX 256

/* Dense rows: a feature with many weights keeps them as one row of ROW_TAGS
 * fixed-point weights (zero where it has none; see fixed_point), added as a
 * whole (see score_rows_onto).  Integers, not doubles: a row is half the
 * bytes and one vector addition adds four or eight weights, and the sums are exact. */
#define ROW_TAGS 24
_Static_assert(ROW_TAGS % 8 == 0, "rows are added eight weights at a time");
#define ROW_MIN 4 /* weights a feature needs to get a row */

/* A weight, or a sum of weights, of a fixed-point model: a whole number of
 * the model's unit (see fixed_point). */
typedef int32_t wsum;

/* The features of one token: their hashes (tagging) or, when buf is set,
 * the strings themselves (writing training features). */
typedef struct featset {
    const featparts *fp;
    uint64_t *hash;
    size_t n, ncap;
    char *buf;     /* NULL: hashes only */
    size_t len, cap;
    uint32_t *off; /* start of each feature in buf */
} featset;

/* Writes the feature a b c d e into fs->buf; 0 when it does not fit. */
static int fs_add_text(featset *fs, const part *a, const part *b, const part *c, const part *d, const part *e)
{
    const part *parts[5] = {a, b, c, d, e};
    size_t start = fs->len;
    for (int i = 0; i < 5 && parts[i]; i++) {
        if (fs->len + parts[i]->len + 1 > fs->cap) {
            fs->len = start;
            return 0;
        }
        memcpy(fs->buf + fs->len, parts[i]->s, parts[i]->len);
        fs->len += parts[i]->len;
    }
    fs->buf[fs->len++] = '\0';
    fs->off[fs->n] = (uint32_t)start;
    return 1;
}

/* Adds the feature a b c d e (NULL ends the list). */
static inline void fs_add5(featset *fs, const part *a, const part *b, const part *c, const part *d, const part *e)
{
    if (fs->n >= fs->ncap)
        return; /* cannot happen with the sizes above; never overflow */
    if (fs->buf && !fs_add_text(fs, a, b, c, d, e))
        return;
    uint64_t h = a->h;
    if (b) {
        h = hash_join(h, b);
        if (c) {
            h = hash_join(h, c);
            if (d) {
                h = hash_join(h, d);
                if (e)
                    h = hash_join(h, e);
            }
        }
    }
    fs->hash[fs->n++] = h;
}

static inline void fs_add(featset *fs, const part *a, const part *b, const part *c, const part *d)
{
    fs_add5(fs, a, b, c, d, NULL);
}

/* Features of the token alone (the same wherever it stands), part 1: its
 * spelling. */
static void token_spelling_features(const tokinfo *t, featset *fs)
{
    const featparts *fp = fs->fp;
    const part *F = fp->fixed;
    const part *c1 = &fp->ch[t->cap & 127], *ln = &fp->ch[t->len & 127], *bar = &F[F_BAR];
    const part *cd = &t->hot.pcd;
    fs_add(fs, &F[F_B], NULL, NULL, NULL);
    fs_add(fs, &F[F_SH], &t->hot.psh, NULL, NULL);
    fs_add(fs, &F[F_W], &t->pw, NULL, NULL);
    fs_add(fs, &F[F_LW], &t->hot.plw, NULL, NULL);
    fs_add(fs, &F[F_P3], &t->ppre, NULL, NULL);
    fs_add(fs, &F[F_S2], &t->psuf[0], NULL, NULL);
    fs_add(fs, &F[F_S3], &t->psuf[1], NULL, NULL);
    fs_add(fs, &F[F_S4], &t->psuf[2], NULL, NULL);
    fs_add(fs, &F[F_C], c1, NULL, NULL);
    fs_add(fs, &F[F_LEN], ln, NULL, NULL);
    fs_add(fs, &F[F_D], &t->pdict, NULL, NULL);
    fs_add(fs, &F[F_CD], cd, NULL, NULL);
    fs_add(fs, &F[F_INF], c1, bar, &t->pinfl);
    if (t->cmp == 'C')
        fs_add(fs, &F[F_CMP], c1, NULL, NULL);
    if (t->head[0])
        fs_add(fs, &F[F_HD], &t->phead, NULL, NULL);
    if (t->cap == 'X' || t->cap == 'A') {
        /* character trigrams of capitalised words, with ^ and $ at the ends */
        char pad[WORD_MAX + 3]; /* "^" lw "$" */
        size_t lwl = t->hot.plw.len;
        pad[0] = '^';
        memcpy(pad + 1, t->lw, lwl);
        pad[lwl + 1] = '$';
        pad[lwl + 2] = '\0';
        const char *a = pad;
        while (*a) {
            const char *b = g_utf8_next_char(a);
            const char *c3 = *b ? g_utf8_next_char(b) : b;
            const char *d = *c3 ? g_utf8_next_char(c3) : c3;
            if (d == c3)
                break;
            size_t gl = (size_t)(d - a);
            if (gl < 16) {
                part gram = part_fast(fp, a, gl);
                fs_add(fs, &F[F_C3], &gram, NULL, NULL);
            }
            a = b;
        }
    }
}

/* Features of the token alone, part 2: its lexicon classes. */
static void token_class_features(const tokinfo *t, featset *fs)
{
    const featparts *fp = fs->fp;
    const part *F = fp->fixed;
    const part *c1 = &fp->ch[t->cap & 127], *bar = &F[F_BAR];
    for (int k = 0; k < t->hot.nlex; k++) {
        fs_add(fs, &F[F_L], &fp->lex[t->hot.lexc[k]], NULL, NULL);
        fs_add(fs, &F[F_LC], &fp->lex[t->hot.lexc[k]], bar, c1);
    }
    if (!t->hot.nlex)
        fs_add(fs, &F[F_LNONE], &t->hot.pcd, NULL, NULL);
}

/* A sentence as the features see it: each token's record (one record may
 * serve every token of a spelling) and its rule tag. */
typedef struct sentence {
    const tokinfo **t; /* NULL entries where a record keeps its tokhot only */
    ng_rule_tag *rule;
    size_t n;
    const tokhot **hot;
} sentence;

static const tokinfo *at(const sentence *sn, long j)
{
    return j >= 0 && (size_t)j < sn->n ? sn->t[j] : NULL;
}

/* Which features token_features adds (bits): those of the token alone
 * (SELF: its spelling and lexicon classes; OWN: "cdi", also the token's
 * alone), those of one neighbour's spelling at offset k alone (NB(k): "w-1=",
 * "sh+1=", also the padding "w-1=<s>"), the rule tag at offset k alone
 * (RULE(k)), and the others (JOINT: position, pairs).  An order-free model
 * sums all but JOINT once per spelling or rule tag (see tag_sentence), so
 * every context feature must be under the one bit it depends on. */
enum {
    FEAT_SELF = 1 << 0,
    FEAT_OWN = 1 << 1,
    FEAT_JOINT = 1 << 2,
    FEAT_CONTEXT = ((1 << 13) - 1) & ~FEAT_SELF, /* OWN, JOINT, NB(k) and RULE(k) */
    FEAT_ALL = FEAT_SELF | FEAT_CONTEXT
};
#define FEAT_NB(k) (1 << (5 + (k)))    /* k = -2 .. 2, not 0: bits 3 .. 7 */
#define FEAT_RULE(k) (1 << (10 + (k))) /* k = -2 .. 2: bits 8 .. 12 */

/* The features of token i (the tag-history features are added by the
 * caller), in a fixed order: the scores add their weights in this order. */
static void token_features(const sentence *sn, size_t i, int which, featset *fs)
{
    const featparts *fp = fs->fp;
    const part *F = fp->fixed;
    const size_t n = sn->n;
    const tokinfo *t = sn->t[i];
    const int self = which & FEAT_SELF, joint = which & FEAT_JOINT;
    const part *bar = &F[F_BAR], *cd = &t->hot.pcd;
    if (self)
        token_spelling_features(t, fs);
    if (joint) {
        if (i == 0) {
            fs_add(fs, &F[F_FIRST], NULL, NULL, NULL);
            fs_add(fs, &F[F_CD0], cd, NULL, NULL);
        }
        if (i + 1 == n)
            fs_add(fs, &F[F_LAST], NULL, NULL, NULL);
    }
    if (self)
        token_class_features(t, fs);
    if (!(which & FEAT_CONTEXT))
        return;
    if (which & FEAT_RULE(0))
        fs_add(fs, &F[F_R], &fp->rule[sn->rule[i]], NULL, NULL);
    if (joint)
        fs_add(fs, &F[F_RD], &fp->rule[sn->rule[i]], bar, cd);

    static const long offs[] = {-2, -1, 1, 2};
    static const int pw[] = {F_WM2, F_WM1, F_WP1, F_WP2};
    static const int psh[] = {F_SHM2, F_SHM1, F_SHP1, F_SHP2};
    static const int pr[] = {F_RM2, F_RM1, F_RP1, F_RP2};
    static const int pl[] = {F_LM2, F_LM1, F_LP1, F_LP2};
    static const int pcd[] = {F_CDM2, F_CDM1, F_CDP1, F_CDP2};
    /* the neighbours' own features: none for JOINT alone (every token) */
    const int neighbours = FEAT_NB(-2) | FEAT_NB(-1) | FEAT_NB(1) | FEAT_NB(2) | FEAT_RULE(-2) | FEAT_RULE(-1) |
                           FEAT_RULE(1) | FEAT_RULE(2);
    for (int k = 0; k < 4 && (which & neighbours); k++) {
        const tokinfo *u = at(sn, (long)i + offs[k]);
        const int nb = which & FEAT_NB(offs[k]);
        if (!u) {
            if (nb)
                fs_add(fs, &F[pw[k]], &F[offs[k] < 0 ? F_BOS : F_EOS], NULL, NULL);
            continue;
        }
        if (nb)
            fs_add(fs, &F[pw[k]], &u->hot.plw, NULL, NULL);
        if (which & FEAT_RULE(offs[k]))
            fs_add(fs, &F[pr[k]], &fp->rule[sn->rule[(long)i + offs[k]]], NULL, NULL);
        if (nb && (k == 1 || k == 2)) {
            fs_add(fs, &F[psh[k]], &u->hot.psh, NULL, NULL);
            fs_add(fs, &F[pcd[k]], &u->hot.pcd, NULL, NULL);
            for (int m = 0; m < u->hot.nlex; m++)
                fs_add(fs, &F[pl[k]], &fp->lex[u->hot.lexc[m]], NULL, NULL);
        }
    }
    const tokinfo *p = at(sn, (long)i - 1), *nx = at(sn, (long)i + 1);
    const part *plw = p ? &p->hot.plw : &F[F_BOS], *nlw = nx ? &nx->hot.plw : &F[F_EOS];
    if (joint) {
        fs_add(fs, &F[F_WM1W], plw, bar, &t->hot.plw);
        fs_add(fs, &F[F_WWP1], &t->hot.plw, bar, nlw);
        fs_add(fs, &F[F_WM1SH], plw, bar, &t->hot.psh);
    }
    /* the word list's verdict with its neighbours: "in" + unknown capitalised word */
    if (which & FEAT_OWN)
        fs_add5(fs, &F[F_CDI], cd, bar, &t->pinfl, &F[t->cmp == 'C' ? F_BAR_C : F_BAR_NOT_C]);
    if (joint) {
        fs_add(fs, &F[F_WM1CD], plw, bar, cd);
        fs_add(fs, &F[F_CDWP1], cd, bar, nlw);
        if (p)
            for (int m = 0; m < p->hot.nlex; m++)
                fs_add(fs, &F[F_LM1CD], &fp->lex[p->hot.lexc[m]], bar, cd);
    }
    /* endings of the neighbours, a stand-in for their part of speech */
    if (which & FEAT_NB(-1))
        fs_add(fs, &F[F_S3M1], p ? &p->psuf[1] : &F[F_BOS], NULL, NULL);
    if (which & FEAT_NB(1))
        fs_add(fs, &F[F_S3P1], nx ? &nx->psuf[1] : &F[F_EOS], NULL, NULL);
    if (!joint)
        return;
    const tokinfo *p2 = at(sn, (long)i - 2);
    fs_add(fs, &F[F_WM2WM1], p2 ? &p2->hot.plw : &F[F_BOS], bar, plw);
    fs_add(fs, &F[F_SHSHP1], &t->hot.psh, bar, nx ? &nx->hot.psh : &F[F_EOS]);
}

/* The hashes of token i's JOINT features, as token_features adds them with
 * FEAT_JOINT and in its order, from the first parts kept with each token
 * (jl) and the featparts': one join a feature instead of two or three. */
static size_t joint_hashes(const featparts *fp, const tokhot *const *tok, const ng_rule_tag *rule, size_t n, size_t i,
                           uint64_t *h)
{
    const part *F = fp->fixed;
    const tokhot *t = tok[i], *p = i >= 1 ? tok[i - 1] : NULL, *nx = i + 1 < n ? tok[i + 1] : NULL;
    const uint64_t *pj = p ? p->jl : fp->bos, *p2j = i >= 2 ? tok[i - 2]->jl : fp->bos;
    const part *cd = &t->pcd, *plw = p ? &p->plw : &F[F_BOS], *nlw = nx ? &nx->plw : &F[F_EOS];
    size_t k = 0;
    if (i == 0) {
        h[k++] = F[F_FIRST].h;
        h[k++] = hash_join(F[F_CD0].h, cd);
    }
    if (i + 1 == n)
        h[k++] = F[F_LAST].h;
    h[k++] = hash_join(fp->rd[rule[i]], cd);
    h[k++] = hash_join(pj[J_WM1W], &t->plw);
    h[k++] = hash_join(t->jl[J_WWP1], nlw);
    h[k++] = hash_join(pj[J_WM1SH], &t->psh);
    h[k++] = hash_join(pj[J_WM1CD], cd);
    h[k++] = hash_join(t->jl[J_CDWP1], nlw);
    if (p)
        for (int m = 0; m < p->nlex; m++)
            h[k++] = hash_join(fp->lm1cd[p->lexc[m]], cd);
    h[k++] = hash_join(p2j[J_WM2WM1], plw);
    h[k++] = hash_join(t->jl[J_SHSHP1], nx ? &nx->psh : &F[F_EOS]);
    return k;
}

/* The part of bytes [a, b) of a string whose prefix hashes are pre[]
 * (pre[i] = H of its first i bytes): H(s[a..b)) = pre[b] - pre[a] B^(b-a).
 * `as` is a copy of those bytes (the part's text). */
static part part_sub(const featparts *fp, const uint64_t *pre, size_t a, size_t b, const char *as)
{
    uint64_t x = pre[b], y = hash_mul(pre[a], fp->pow[b - a]);
    return (part){x - y, fp->pow[b - a], as, (uint32_t)(b - a)};
}

/* The token's strings as parts.  The lower-case word is hashed once, with
 * the hashes of its prefixes, from which its prefix and suffixes follow;
 * "dict" and "infl" come from tables, "cd" joins capitalisation and dict.
 * Each shortcut is taken only after checking the string it stands for. */
static void tokinfo_parts(const featparts *fp, tokinfo *t)
{
    size_t lwl = strlen(t->lw);
    uint64_t pre[WORD_MAX + 1];
    pre[0] = 0;
    for (size_t i = 0; i < lwl; i++)
        pre[i + 1] = hash_add(hash_mul(pre[i], HASH_B), (unsigned char)t->lw[i]);
    t->hot.plw = (part){pre[lwl], fp->pow[lwl], t->lw, (uint32_t)lwl};
    size_t wl = strlen(t->w);
    t->pw = wl == lwl && memcmp(t->w, t->lw, wl) == 0 ? (part){t->hot.plw.h, t->hot.plw.pw, t->w, (uint32_t)wl}
                                                      : part_fast(fp, t->w, wl);
    size_t pl = strlen(t->pre);
    t->ppre = pl <= lwl && memcmp(t->pre, t->lw, pl) == 0 ? part_sub(fp, pre, 0, pl, t->pre)
                                                          : part_fast(fp, t->pre, pl);
    for (int k = 0; k < 3; k++) {
        size_t sl = strlen(t->suf[k]);
        t->psuf[k] = sl <= lwl && memcmp(t->suf[k], t->lw + lwl - sl, sl) == 0
                         ? part_sub(fp, pre, lwl - sl, lwl, t->suf[k])
                         : part_fast(fp, t->suf[k], sl);
    }
    t->hot.psh = part_fast(fp, t->sh, strlen(t->sh));
    int d = (t->dict[0] == 'W') | (t->dict[1] == 'L') << 1 | (t->dict[2] == 'F') << 2;
    t->pdict = strcmp(fp->dict_s[d], t->dict) == 0 ? fp->dict[d] : part_fast(fp, t->dict, strlen(t->dict));
    int f = 0;
    for (int k = 0; k < NINFL; k++)
        f |= (t->infl[k] != '-') << k;
    t->pinfl = strcmp(fp->infl_s[f], t->infl) == 0 ? fp->infl[f] : part_fast(fp, t->infl, strlen(t->infl));
    size_t cl = strlen(t->cd);
    if (cl >= 2 && t->cd[0] == t->cap && (t->cap & 0x80) == 0 && t->cd[1] == '|' && strcmp(t->cd + 2, t->dict) == 0)
        t->hot.pcd = (part){hash_join(hash_join(fp->ch[(int)t->cap].h, &fp->fixed[F_BAR]), &t->pdict), fp->pow[cl], t->cd,
                        (uint32_t)cl};
    else
        t->hot.pcd = part_fast(fp, t->cd, cl);
    t->phead = part_fast(fp, t->head, strlen(t->head));
    joint_firsts(fp, &t->hot.plw, &t->hot.psh, &t->hot.pcd, t->hot.jl);
}

/* The records of the spellings met so far in one text, or in all the texts
 * one thread extracts (ng_extract_cache).  A token's record depends on its
 * bytes alone (and the lexicon), so every token of a spelling shares one,
 * with the weights of the token-alone features summed once (self; see
 * tag_sentence).  About half the tokens of a news article repeat a spelling
 * met before in it; nine in ten of a thousand articles do. */
typedef struct memo_rec {
    uint64_t hash;
    const char *s;
    size_t len;
    wsum self[ROW_TAGS];    /* SELF and OWN features */
    /* NB(k) features of this spelling as the neighbour at offset -2, -1, +1,
     * +2: a vector of the memo's pool, or zero_row when none is in the model */
    const wsum *nb[4];
    tokhot hot;
    /* The whole record: kept where tagging reads it (a model without rows,
     * training features, Debug builds' checks), else NULL. */
    tokinfo *info;
} memo_rec;

#define MEMO_CHUNK 1024 /* records are made in blocks, so that they never move */
#define POOL_CHUNK 256  /* vectors of the pool, likewise (24 KB a block) */

typedef struct tagmemo {
    uint32_t *slots;   /* record + 1, 0: empty */
    size_t mask;
    memo_rec **chunks;
    size_t n;
    GStringChunk *keys; /* copies of the spellings, for a cache; NULL: they point into the text */
    wsum **pool;       /* the records' nb vectors, in blocks of POOL_CHUNK, each once */
    size_t npool;
    uint32_t *pool_slots; /* vector + 1 by its bytes' hash, 0: empty; at most half full */
    size_t pool_mask;
    uint32_t epoch;    /* which of a cache's memos this is (see ng_recognise_tagged) */
    tokinfo **infos;   /* the records' kept tokinfos, in blocks of MEMO_CHUNK */
    size_t ninfos;
    tokinfo scratch;   /* a record's tokinfo while its sums are made, when not kept */
} tagmemo;

static const wsum zero_row[ROW_TAGS];

static wsum *pool_at(const tagmemo *m, size_t k)
{
    return m->pool[k / POOL_CHUNK] + k % POOL_CHUNK * ROW_TAGS;
}

/* The vector of the pool holding v, made when new: four in five of these
 * sums repeat one made before (rare words of one shape and ending), so the
 * pool stays small and its vectors in the processor's caches. */
static const wsum *pool_add(tagmemo *m, const wsum *v)
{
    const size_t bytes = ROW_TAGS * sizeof *v;
    uint64_t h = ng_hash_bytes((const char *)v, bytes);
    size_t i = (size_t)h & m->pool_mask;
    for (; m->pool_slots && m->pool_slots[i]; i = (i + 1) & m->pool_mask)
        if (memcmp(pool_at(m, m->pool_slots[i] - 1), v, bytes) == 0)
            return pool_at(m, m->pool_slots[i] - 1);
    if (2 * (m->npool + 1) > m->pool_mask + 1) {
        size_t cap = m->pool_slots ? 2 * (m->pool_mask + 1) : 1024;
        g_free(m->pool_slots);
        m->pool_slots = g_new0(uint32_t, cap);
        m->pool_mask = cap - 1;
        for (size_t k = 0; k < m->npool; k++) {
            size_t j = (size_t)ng_hash_bytes((const char *)pool_at(m, k), bytes) & m->pool_mask;
            while (m->pool_slots[j])
                j = (j + 1) & m->pool_mask;
            m->pool_slots[j] = (uint32_t)(k + 1);
        }
        for (i = (size_t)h & m->pool_mask; m->pool_slots[i]; i = (i + 1) & m->pool_mask)
            ;
    }
    if (m->npool % POOL_CHUNK == 0) {
        m->pool = g_renew(wsum *, m->pool, m->npool / POOL_CHUNK + 1);
        m->pool[m->npool / POOL_CHUNK] = g_new(wsum, POOL_CHUNK * ROW_TAGS);
    }
    wsum *r = pool_at(m, m->npool++);
    memcpy(r, v, bytes);
    m->pool_slots[i] = (uint32_t)m->npool;
    return r;
}

static void memo_init(tagmemo *m, size_t ntokens, int copy_keys)
{
    memset(m, 0, sizeof *m);
    size_t cap = 16;
    while (cap < 2 * ntokens)
        cap <<= 1;
    m->slots = g_new0(uint32_t, cap);
    m->mask = cap - 1;
    m->keys = copy_keys ? g_string_chunk_new(1 << 14) : NULL;
}

static void memo_clear(tagmemo *m)
{
    for (size_t k = 0; k * MEMO_CHUNK < m->n; k++)
        g_free(m->chunks[k]);
    g_free(m->chunks);
    for (size_t k = 0; k * POOL_CHUNK < m->npool; k++)
        g_free(m->pool[k]);
    g_free(m->pool);
    for (size_t k = 0; k * MEMO_CHUNK < m->ninfos; k++)
        g_free(m->infos[k]);
    g_free(m->infos);
    g_free(m->pool_slots);
    g_free(m->slots);
    if (m->keys)
        g_string_chunk_free(m->keys);
    memset(m, 0, sizeof *m);
}

static memo_rec *memo_at(const tagmemo *m, size_t k)
{
    return &m->chunks[k / MEMO_CHUNK][k % MEMO_CHUNK];
}

/* Doubles the slots (at most half full). */
static void memo_grow(tagmemo *m)
{
    size_t cap = 2 * (m->mask + 1);
    g_free(m->slots);
    m->slots = g_new0(uint32_t, cap);
    m->mask = cap - 1;
    for (size_t k = 0; k < m->n; k++) {
        size_t i = (size_t)memo_at(m, k)->hash & m->mask;
        while (m->slots[i])
            i = (i + 1) & m->mask;
        m->slots[i] = (uint32_t)(k + 1);
    }
}

static void sum_spelling(const ng_tagger *t, tagmemo *memo, memo_rec *r, const tokinfo *info);

/* The record of token t's spelling, made when new: with tagger (a model
 * with rows) its sums are made at once and only its tokhot kept; without,
 * its whole tokinfo. */
static memo_rec *memo_get(tagmemo *m, const ng_tagger *tagger, const featparts *fp, const ng_lexicon *lex,
                          const ng_tag_token *t)
{
    uint64_t h = ng_hash_bytes(t->s, t->len);
    size_t i = (size_t)h & m->mask;
    for (; m->slots[i]; i = (i + 1) & m->mask) {
        memo_rec *r = memo_at(m, m->slots[i] - 1);
        if (r->hash == h && r->len == t->len && memcmp(r->s, t->s, t->len) == 0)
            return r;
    }
    if (2 * (m->n + 1) > m->mask + 1) {
        memo_grow(m);
        for (i = (size_t)h & m->mask; m->slots[i]; i = (i + 1) & m->mask)
            ;
    }
    if (m->n % MEMO_CHUNK == 0) {
        m->chunks = g_renew(memo_rec *, m->chunks, m->n / MEMO_CHUNK + 1);
        m->chunks[m->n / MEMO_CHUNK] = g_new(memo_rec, MEMO_CHUNK);
    }
    memo_rec *r = memo_at(m, m->n++);
    g_assert(m->n < UINT32_MAX);
    m->slots[i] = (uint32_t)m->n;
    r->s = m->keys ? g_string_chunk_insert_len(m->keys, t->s, (gssize)t->len) : t->s;
    r->len = t->len;
    r->hash = h;
    int keep = !tagger;
#ifndef NDEBUG
    keep = 1; /* for tag_sentence's check of joint_hashes */
#endif
    tokinfo *info = &m->scratch;
    if (keep) {
        if (m->ninfos % MEMO_CHUNK == 0) {
            m->infos = g_renew(tokinfo *, m->infos, m->ninfos / MEMO_CHUNK + 1);
            m->infos[m->ninfos / MEMO_CHUNK] = g_new(tokinfo, MEMO_CHUNK);
        }
        info = &m->infos[m->ninfos / MEMO_CHUNK][m->ninfos % MEMO_CHUNK];
        m->ninfos++;
    }
    token_info(lex, t, info);
    tokinfo_parts(fp, info);
    r->hot = info->hot;
    r->info = keep ? info : NULL;
    if (tagger)
        sum_spelling(tagger, m, r, info);
    return r;
}

/* A sentence's arrays: on the stack for most sentences, one block on the
 * heap for long ones (tagging runs sentence by sentence). */
#define SENT_STACK 96
typedef struct sentence_store {
    memo_rec **recs; /* recs[i]: token i's record */
    int *inner;      /* the model's own tags */
    void *heap;
    memo_rec *recs_s[SENT_STACK];
    const tokinfo *t_s[SENT_STACK];
    const tokhot *hot_s[SENT_STACK];
    ng_rule_tag rule_s[SENT_STACK];
    int inner_s[SENT_STACK];
} sentence_store;

/* The sentence of toks[0..n) with records from memo (or given, when not
 * NULL: the records of toks, found before; made with tagger, see
 * memo_get), in st. */
static void sentence_open(sentence *sn, sentence_store *st, memo_rec *const *given, tagmemo *memo,
                          const ng_tagger *tagger, const featparts *fp, const ng_lexicon *lex,
                          const ng_tag_token *toks, size_t n)
{
    sn->n = n;
    st->heap = NULL;
    if (n < SENT_STACK) {
        st->recs = st->recs_s;
        sn->t = st->t_s;
        sn->hot = st->hot_s;
        sn->rule = st->rule_s;
        st->inner = st->inner_s;
    } else {
        /* pointers first, then the 4-byte arrays: each aligned */
        char *b = st->heap = g_malloc((n + 1) * (sizeof(memo_rec *) + sizeof(tokinfo *) + sizeof(tokhot *) +
                                                 sizeof(ng_rule_tag) + sizeof(int)));
        st->recs = (memo_rec **)(void *)b;
        sn->t = (const tokinfo **)(void *)(b += (n + 1) * sizeof(memo_rec *));
        sn->hot = (const tokhot **)(void *)(b += (n + 1) * sizeof(tokinfo *));
        sn->rule = (ng_rule_tag *)(void *)(b += (n + 1) * sizeof(tokhot *));
        st->inner = (int *)(void *)(b + (n + 1) * sizeof(ng_rule_tag));
    }
    for (size_t i = 0; i < n; i++) {
        st->recs[i] = given ? given[i] : memo_get(memo, tagger, fp, lex, &toks[i]);
        sn->t[i] = st->recs[i]->info;
        sn->hot[i] = &st->recs[i]->hot;
        sn->rule[i] = (unsigned)toks[i].rule < NG_RULE_COUNT ? toks[i].rule : NG_RULE_NONE;
    }
}

static void sentence_close(sentence_store *st)
{
    g_free(st->heap);
}

void ng_tagger_features(const ng_lexicon *lex, const ng_tag_token *toks, size_t n, ng_feature_fn fn, void *data)
{
    featparts *fp = g_new(featparts, 1);
    featparts_init(fp);
    tagmemo memo;
    memo_init(&memo, n, 0);
    sentence_store *st = g_new(sentence_store, 1);
    sentence sn;
    sentence_open(&sn, st, NULL, &memo, NULL, fp, lex, toks, n);
    char buf[FEAT_BYTES];
    uint32_t off[FEAT_MAX];
    uint64_t hash[FEAT_MAX];
    for (size_t i = 0; i < n; i++) {
        featset fs = {fp, hash, 0, FEAT_MAX, buf, 0, sizeof buf, off};
        token_features(&sn, i, FEAT_ALL, &fs);
        for (size_t k = 0; k < fs.n; k++)
            fn(i, fs.buf + fs.off[k], data);
    }
    sentence_close(st);
    g_free(st);
    memo_clear(&memo);
    g_free(fp);
}

/* ---- the model ---- */

/* A model's tags: the seven of ng_tag first, then the other GermEval classes
 * it was trained with ("B-OTH", "I-LOCderiv"), sorted by strcmp; those are
 * written as O.  Ties go to the earlier tag. */
#define MAX_TAGS 64

typedef struct slot {
    uint64_t key;          /* H of the feature (the slot is empty when its mark is 0) */
    uint32_t first, count; /* its weights: entries [first, first + count), or
                            * with count SLOT_ROW the dense row `first` */
} slot;
#define SLOT_ROW UINT32_MAX


typedef struct entry {
    float w;
    wsum q;               /* w in units of the model's unit, when it has one */
    uint32_t tag;
} entry;

struct ng_tagger {
    slot *table;
    uint16_t *marks;        /* per slot: its mark (slot_mark), 0 when empty */
    size_t mask;
    size_t nfeatures;
    entry *entries;
    size_t nentries;
    int ntags;
    char *tags[MAX_TAGS];
    unsigned char next[MAX_TAGS][MAX_TAGS]; /* [previous]: the tags allowed next, in order: I-X only after B-X or I-X */
    int nnext[MAX_TAGS];
    double unit;            /* weights are whole multiples of it (fixed_point), or 0 */
    wsum *rows;             /* ROW_TAGS weights a row, or NULL: no rows (no unit) */
    size_t nrows;
    /* With rows, the sums (ROW_TAGS each) of the features that depend
     * on a constant alone (see context_sums): a neighbour missing at offset
     * -2, -1, +1, +2 (pad), rule tag r at offset k (rule[k + 2][r]), and the
     * tag history t2, t1 (hist[t2 * (ntags + 1) + t1], ntags: none) */
    wsum *sums;
    const wsum *pad[4], *rule_sums[5][NG_RULE_COUNT], *hist;
    const wsum *rule_none; /* the rule tags of five tokens all NONE: rule[k][NONE] summed */
    int shift;              /* 64 - log2(table size) */
    featparts parts;        /* the constant parts of features */
    part tag_parts[MAX_TAGS]; /* the tag names, for the history features */
    uint64_t t1s[MAX_TAGS + 1]; /* "t1s=" tag "|" (tag ntags: "<s>"), see tag_sentence */
    struct loading *loading; /* while loading only */
};

/* Slot of a hash: the high bits of H times an odd constant (H is a
 * polynomial: features that differ in their last byte would otherwise sit
 * side by side). */
static inline size_t slot_index(const ng_tagger *t, uint64_t h)
{
    return (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> t->shift);
}

/* Sixteen other bits of the same product, never 0.  Most features of a
 * token are not in the model: the small array of marks (a quarter of a
 * megabyte, where the slots take two) answers for them, and a slot is read
 * only when its mark matches. */
static inline uint16_t slot_mark(uint64_t h)
{
    return (uint16_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> 16) | 1;
}

static inline const slot *find_from(const ng_tagger *t, size_t i, uint64_t h)
{
    uint16_t m = slot_mark(h);
    for (;; i = (i + 1) & t->mask) {
        uint16_t mi = t->marks[i];
        if (!mi)
            return NULL;
        if (mi == m && t->table[i].key == h)
            return &t->table[i];
    }
}

void ng_tagger_free(ng_tagger *t)
{
    if (!t)
        return;
    g_free(t->table);
    g_free(t->marks);
    g_free(t->rows);
    g_free(t->sums);
    g_free(t->entries);
    for (int k = 0; k < t->ntags; k++)
        g_free(t->tags[k]);
    g_free(t);
}

const ng_tagger *ng_lexicon_tagger(const ng_lexicon *lex)
{
    return lex ? lex->tagger : NULL;
}

ng_tagger *ng_lexicon_take_tagger(ng_lexicon *lex)
{
    if (!lex)
        return NULL;
    ng_tagger *t = lex->tagger;
    lex->tagger = NULL;
    return t;
}

size_t ng_tagger_nfeatures(const ng_tagger *t)
{
    return t ? t->nfeatures : 0;
}

/* "O", or "B-" / "I-" and a class of letters. */
static int valid_tag(const char *s)
{
    if (strcmp(s, "O") == 0)
        return 1;
    if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-' || !s[2])
        return 0;
    for (const char *p = s + 2; *p; p++)
        if (!g_ascii_isalpha(*p))
            return 0;
    return strlen(s) < 32;
}

static int tag_index(const ng_tagger *t, const char *name)
{
    for (int k = 0; k < t->ntags; k++)
        if (strcmp(t->tags[k], name) == 0)
            return k;
    return -1;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits a model line into feature, tag and weight; 0 when it is not one. */
static int split_line(char *line, char **tag, double *w)
{
    char *t1 = strchr(line, '\t');
    char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    if (!t1 || !t2 || strchr(t2 + 1, '\t') || t1 == line)
        return 0;
    *t1 = *t2 = '\0';
    char *endp = NULL;
    *w = g_ascii_strtod(t2 + 1, &endp);
    *tag = t1 + 1;
    return endp != t2 + 1 && !*endp && *w == *w;
}

/* Calls fn on every model line; stops at the first error. */
typedef ng_status (*model_line_fn)(ng_tagger *t, char *feature, const char *tag, double w, const char *path,
                                   int lineno, ng_errmsg *err);

static ng_status each_line(ng_tagger *t, const char *content, size_t len, const char *path, model_line_fn fn,
                           ng_errmsg *err)
{
    char *copy = g_strndup(content, len);
    ng_status st = NG_OK;
    int lineno = 0;
    char *save = NULL;
    for (char *line = copy; line && st == NG_OK; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tag = NULL;
        double w = 0;
        if (!split_line(line, &tag, &w))
            st = ng_fail(err, NG_ERR_FORMAT, "%s:%d: expected feature<TAB>tag<TAB>weight (a number)", path,
                         lineno);
        else if (!valid_tag(tag))
            st = ng_fail(err, NG_ERR_FORMAT, "%s:%d: '%s' is not a tag (O, B-TYPE or I-TYPE)", path, lineno,
                         tag);
        else
            st = fn(t, line, tag, w, path, lineno, err);
    }
    g_free(copy);
    return st;
}

static ng_status collect_tag(ng_tagger *t, char *feature, const char *tag, double w, const char *path,
                             int lineno, ng_errmsg *err)
{
    if (tag_index(t, tag) >= 0)
        return NG_OK;
    if (t->ntags == MAX_TAGS)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: more than %d tags", path, lineno, MAX_TAGS);
    t->tags[t->ntags++] = g_strdup(tag);
    return NG_OK;
}

/* Pass 2: every (feature, tag, weight), features numbered by a temporary
 * table of their strings. */
struct loading {
    GHashTable *index; /* feature -> number + 1 */
    GArray *feature;   /* uint32 per line: feature number */
    GArray *tag;       /* uint32 per line */
    GArray *weight;    /* double per line */
    GPtrArray *names;  /* feature strings, by number */
};
typedef struct loading loading;

static ng_status collect_weight(ng_tagger *t, char *feature, const char *tag, double w, const char *path,
                                int lineno, ng_errmsg *err)
{
    loading *ld = t->loading;
    guint idx = GPOINTER_TO_UINT(g_hash_table_lookup(ld->index, feature));
    if (!idx) {
        char *copy = g_strdup(feature);
        g_ptr_array_add(ld->names, copy);
        idx = ld->names->len;
        g_hash_table_insert(ld->index, copy, GUINT_TO_POINTER(idx));
    }
    uint32_t f = idx - 1, k = (uint32_t)tag_index(t, tag);
    g_array_append_val(ld->feature, f);
    g_array_append_val(ld->tag, k);
    g_array_append_val(ld->weight, w);
    return NG_OK;
}

/* Whether the model's weights are whole multiples of a unit 10^-d (d = 0 ..
 * 9; the training script writes them as short decimals, "%.3g"), small
 * enough that a score of FEAT_MAX + 3 of them stays an int32.  Then every
 * score is an exact integer sum whatever order its weights are added in, so
 * it may be added by rows and summed in parts (score_rows_onto, context_sums,
 * sum_spelling).  Sets each entry's q and t->unit; 0 when there is no such
 * unit: the scores are then float weights added feature after feature
 * (score_in_order).  (The model of data/models: d = 4, weights up to 7,360
 * units.)  w: the entries' weights as read. */
static int fixed_point(ng_tagger *t, const double *w)
{
    double scale = 1;
    for (int d = 0; d <= 9; d++, scale *= 10) {
        double max = 0;
        size_t k = 0;
        for (; k < t->nentries; k++) {
            double x = w[k] * scale, r = nearbyint(x);
            if (!isfinite(x) || fabs(x - r) > 1e-6)
                break;
            if (fabs(r) > max)
                max = fabs(r);
        }
        if (k < t->nentries)
            continue;
        if ((FEAT_MAX + 3) * max > INT32_MAX)
            return 0;
        for (k = 0; k < t->nentries; k++)
            t->entries[k].q = (wsum)nearbyint(w[k] * scale);
        t->unit = 1 / scale;
        return 1;
    }
    return 0;
}

static void context_sums(ng_tagger *t);

/* Gives the features with ROW_MIN weights or more a dense row. */
static void make_rows(ng_tagger *t)
{
    if (t->ntags > ROW_TAGS)
        return;
    size_t n = 0;
    for (size_t i = 0; i <= t->mask; i++)
        n += t->marks[i] && t->table[i].count >= ROW_MIN;
    t->rows = g_new0(wsum, n * ROW_TAGS + 1);
    for (size_t i = 0; i <= t->mask; i++) {
        slot *sl = &t->table[i];
        if (!t->marks[i] || sl->count < ROW_MIN)
            continue;
        wsum *row = t->rows + t->nrows * ROW_TAGS;
        for (uint32_t e = sl->first; e < sl->first + sl->count; e++)
            row[t->entries[e].tag] = t->entries[e].q;
        sl->first = (uint32_t)t->nrows++;
        sl->count = SLOT_ROW;
    }
}

/* Builds the table: per feature its weights (summed per tag), then the
 * features by hash. */
static ng_status build_table(ng_tagger *t, const char *path, ng_errmsg *err)
{
    loading *ld = t->loading;
    size_t nf = ld->names->len, nl = ld->feature->len;
    double *dense = g_new0(double, (size_t)t->ntags), *weight = g_new(double, nl + 1);
    uint32_t *order = g_new(uint32_t, nl + 1), *start = g_new0(uint32_t, nf + 2);
    for (size_t l = 0; l < nl; l++)
        start[g_array_index(ld->feature, uint32_t, l) + 1]++;
    for (size_t f = 0; f < nf; f++)
        start[f + 1] += start[f];
    uint32_t *fill = g_memdup2(start, (nf + 1) * sizeof *start);
    for (size_t l = 0; l < nl; l++)
        order[fill[g_array_index(ld->feature, uint32_t, l)]++] = (uint32_t)l;
    g_free(fill);
    size_t cap = 16;
    t->shift = 60;
    while (cap < 2 * nf) {
        cap <<= 1;
        t->shift--;
    }
    t->table = g_new0(slot, cap);
    t->marks = g_new0(uint16_t, cap);
    t->mask = cap - 1;
    t->entries = g_new(entry, nl + 1);
    ng_status st = NG_OK;
    for (size_t f = 0; f < nf && st == NG_OK; f++) {
        for (uint32_t k = start[f]; k < start[f + 1]; k++) {
            uint32_t l = order[k];
            dense[g_array_index(ld->tag, uint32_t, l)] += g_array_index(ld->weight, double, l);
        }
        uint32_t first = (uint32_t)t->nentries;
        for (int k = 0; k < t->ntags; k++)
            if (dense[k] != 0) {
                weight[t->nentries] = dense[k];
                t->entries[t->nentries++] = (entry){(float)dense[k], 0, (uint32_t)k};
                dense[k] = 0;
            }
        const char *name = ld->names->pdata[f];
        uint64_t key = part_of(name, strlen(name)).h;
        size_t i = slot_index(t, key);
        while (t->marks[i] && t->table[i].key != key)
            i = (i + 1) & t->mask;
        if (t->marks[i])
            st = ng_fail(err, NG_ERR_FORMAT, "%s: two features share a hash (%s); rename one", path, name);
        t->table[i] = (slot){key, first, (uint32_t)t->nentries - first};
        t->marks[i] = slot_mark(key);
        t->nfeatures++;
    }
    g_free(order);
    g_free(start);
    g_free(dense);
    if (st == NG_OK && fixed_point(t, weight))
        make_rows(t);
    g_free(weight);
    if (t->rows)
        context_sums(t);
    return st;
}

ng_status ng_tagger_load(const char *path, ng_tagger **out, ng_errmsg *err)
{
    *out = NULL;
    gchar *content = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    if (!g_file_get_contents(path, &content, &len, &gerr)) {
        ng_status st = ng_fail(err, NG_ERR_IO, "%s: cannot read model: %s", path, gerr->message);
        g_error_free(gerr);
        return st;
    }
    return ng_tagger_load_text(path, content, len, out, err);
}

ng_status ng_tagger_load_text(const char *path, char *content, size_t len, ng_tagger **out, ng_errmsg *err)
{
    *out = NULL;
    if (!g_utf8_validate(content, (gssize)len, NULL) || memchr(content, '\0', len)) {
        g_free(content);
        return ng_fail(err, NG_ERR_UTF8, "%s: model is not valid UTF-8 text", path);
    }
    if (len > (1u << 30)) {
        g_free(content);
        return ng_fail(err, NG_ERR_FORMAT, "%s: model too large", path);
    }
    ng_tagger *t = g_new0(ng_tagger, 1);
    for (int k = 0; k < NG_TAG_COUNT; k++)
        t->tags[t->ntags++] = g_strdup(tag_names[k]);
    /* Pass 1: the tags. */
    ng_status st = each_line(t, content, len, path, collect_tag, err);
    if (st == NG_OK) {
        qsort(t->tags + NG_TAG_COUNT, (size_t)(t->ntags - NG_TAG_COUNT), sizeof(char *), cmp_name);
        for (int p = 0; p < t->ntags; p++)
            for (int k = 0; k < t->ntags; k++)
                if (t->tags[k][0] != 'I' || (t->tags[p][0] != 'O' && strcmp(t->tags[p] + 2, t->tags[k] + 2) == 0))
                    t->next[p][t->nnext[p]++] = (unsigned char)k;
        featparts_init(&t->parts);
        for (int k = 0; k < t->ntags; k++)
            t->tag_parts[k] = part_of(t->tags[k], strlen(t->tags[k]));
        const part *F = t->parts.fixed;
        for (int k = 0; k <= t->ntags; k++)
            t->t1s[k] = hash_join(hash_join(F[F_T1S].h, k < t->ntags ? &t->tag_parts[k] : &F[F_BOS]), &F[F_BAR]);
        /* Pass 2: the weights. */
        loading ld = {g_hash_table_new(g_str_hash, g_str_equal), g_array_new(FALSE, FALSE, sizeof(uint32_t)),
                      g_array_new(FALSE, FALSE, sizeof(uint32_t)), g_array_new(FALSE, FALSE, sizeof(double)),
                      g_ptr_array_new_with_free_func(g_free)};
        t->loading = &ld;
        st = each_line(t, content, len, path, collect_weight, err);
        if (st == NG_OK)
            st = build_table(t, path, err);
        t->loading = NULL;
        g_hash_table_destroy(ld.index);
        g_array_free(ld.feature, TRUE);
        g_array_free(ld.tag, TRUE);
        g_array_free(ld.weight, TRUE);
        g_ptr_array_free(ld.names, TRUE);
    }
    g_free(content);
    if (st != NG_OK) {
        ng_tagger_free(t);
        return st;
    }
    *out = t;
    return NG_OK;
}

/* ---- tagging ---- */

static inline void prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/* The slots of a token's features, in feature order (absent ones left
 * out).  The table is larger than the caches: every slot is asked for first,
 * so that the memory reads overlap, then the weights they point at. */
static size_t find_all(const ng_tagger *t, const uint64_t *hash, size_t n, const slot **found)
{
    size_t idx[FEAT_MAX + 3];
    for (size_t k = 0; k < n; k++) {
        idx[k] = slot_index(t, hash[k]);
        prefetch(&t->marks[idx[k]]);
    }
    size_t nfound = 0;
    for (size_t k = 0; k < n; k++) {
        const slot *sl = find_from(t, idx[k], hash[k]);
        if (sl) {
            prefetch(sl->count == SLOT_ROW ? (const void *)(t->rows + (size_t)sl->first * ROW_TAGS)
                                           : (const void *)&t->entries[sl->first]);
            found[nfound++] = sl;
        }
    }
    return nfound;
}

/* Scores by adding the weights feature after feature: right for any model. */
static void score_in_order(const ng_tagger *t, const slot *const *found, size_t nfound, double *score)
{
    for (size_t k = 0; k < nfound; k++) {
        const entry *e = &t->entries[found[k]->first], *end = e + found[k]->count;
        for (; e < end; e++)
            score[e->tag] += e->w;
    }
}

#if defined(__GNUC__)
/* Eight weights: GCC and clang keep a row's sums in registers (two SSE
 * registers each, or one AVX2 register where the processor has it). */
typedef wsum woct __attribute__((vector_size(32)));
#endif
/* GCC on x86-64 builds score_rows_onto twice, the second for AVX2, and
 * picks one when the program starts (an ifunc). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define NG_ROWS_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NG_ROWS_CLONES
#endif

/* Sums of a fixed-point model (fixed_point): sum[0 .. ROW_TAGS) set to the
 * sums pre[0 .. npre) (ROW_TAGS each, npre >= 1) plus the weights of the
 * found features, the rows added whole into sums held in registers, the
 * other features' few weights one by one.  Integer sums are exact, so the
 * order does not matter. */
NG_ROWS_CLONES
static void score_rows_onto(const ng_tagger *t, const wsum *const *pre, int npre, const slot *const *found,
                            size_t nfound, wsum *sum)
{
#if defined(__GNUC__)
    woct acc[ROW_TAGS / 8];
    memcpy(acc, pre[0], sizeof acc);
    for (int k = 1; k < npre; k++)
        for (int j = 0; j < ROW_TAGS / 8; j++) {
            woct d;
            memcpy(&d, pre[k] + 8 * j, sizeof d);
            acc[j] += d;
        }
    for (size_t k = 0; k < nfound; k++)
        if (found[k]->count == SLOT_ROW) {
            const wsum *row = t->rows + (size_t)found[k]->first * ROW_TAGS;
            for (int j = 0; j < ROW_TAGS / 8; j++) {
                woct d;
                memcpy(&d, row + 8 * j, sizeof d);
                acc[j] += d;
            }
        }
    memcpy(sum, acc, sizeof acc);
#else
    memcpy(sum, pre[0], ROW_TAGS * sizeof *sum);
    for (int k = 1; k < npre; k++)
        for (int j = 0; j < ROW_TAGS; j++)
            sum[j] += pre[k][j];
    for (size_t k = 0; k < nfound; k++)
        if (found[k]->count == SLOT_ROW)
            for (int j = 0; j < ROW_TAGS; j++)
                sum[j] += t->rows[(size_t)found[k]->first * ROW_TAGS + j];
#endif
    for (size_t k = 0; k < nfound; k++)
        if (found[k]->count != SLOT_ROW) {
            const entry *e = &t->entries[found[k]->first], *end = e + found[k]->count;
            for (; e < end; e++)
                sum[e->tag] += e->q;
        }
}

/* Sets sum (ROW_TAGS) to the sum of the weights of the features
 * token_features adds for token i of sn with which; returns how many of
 * them the model has. */
static size_t sum_features(const ng_tagger *t, const sentence *sn, size_t i, int which, wsum *sum)
{
    uint64_t hash[FEAT_MAX + 3];
    const slot *found[FEAT_MAX + 3];
    featset fs = {&t->parts, hash, 0, FEAT_MAX, NULL, 0, 0, NULL};
    token_features(sn, i, which, &fs);
    size_t nfound = find_all(t, hash, fs.n, found);
    const wsum *zero = zero_row;
    score_rows_onto(t, &zero, 1, found, nfound, sum);
    return nfound;
}

static const long nb_offs[4] = {-2, -1, 1, 2};

/* Sentences of copies of one record u in which u stands at offset k of
 * token *i (k = 0: u is token *i), the rule tags NONE but rule at offset k. */
static sentence sentence_around(const tokinfo *u, long k, const tokinfo **row, ng_rule_tag *rules,
                                ng_rule_tag rule, size_t *i)
{
    size_t n = (size_t)labs(k) + 1;
    for (size_t j = 0; j < n; j++) {
        row[j] = u;
        rules[j] = NG_RULE_NONE;
    }
    *i = k < 0 ? (size_t)-k : 0;
    rules[(long)*i + k] = rule;
    return (sentence){row, rules, n, NULL};
}

/* The sums of an order-free model for the features that depend on a
 * constant alone: a missing neighbour ("w-1=<s>"), a rule tag at an offset
 * ("r+1=PER-B"), the tag history ("t1=", "t2="). */
static void context_sums(ng_tagger *t)
{
    size_t nh = (size_t)(t->ntags + 1) * (size_t)(t->ntags + 1);
    t->sums = g_new0(wsum, (5 + 5 * NG_RULE_COUNT + nh) * ROW_TAGS);
    wsum *next = t->sums;
    tokinfo dummy;
    memset(&dummy, 0, sizeof dummy);
    tokinfo_parts(&t->parts, &dummy);
    const tokinfo *row[3];
    ng_rule_tag rules[3];
    size_t i;
    for (int k = 0; k < 4; k++) {
        /* a sentence of one token: the neighbour at offset k is missing */
        sentence one = sentence_around(&dummy, 0, row, rules, NG_RULE_NONE, &i);
        sum_features(t, &one, i, FEAT_NB(nb_offs[k]), next);
        t->pad[k] = next;
        next += ROW_TAGS;
    }
    for (long k = -2; k <= 2; k++)
        for (int r = 0; r < NG_RULE_COUNT; r++) {
            sentence sn = sentence_around(&dummy, k, row, rules, (ng_rule_tag)r, &i);
            sum_features(t, &sn, i, FEAT_RULE(k), next);
            t->rule_sums[k + 2][r] = next;
            next += ROW_TAGS;
        }
    const tokinfo *row5[5] = {&dummy, &dummy, &dummy, &dummy, &dummy};
    ng_rule_tag rules5[5] = {NG_RULE_NONE, NG_RULE_NONE, NG_RULE_NONE, NG_RULE_NONE, NG_RULE_NONE};
    sentence five = {row5, rules5, 5, NULL};
    sum_features(t, &five, 2, FEAT_RULE(-2) | FEAT_RULE(-1) | FEAT_RULE(0) | FEAT_RULE(1) | FEAT_RULE(2), next);
    t->rule_none = next;
    next += ROW_TAGS;
    /* as tag_sentence joins them */
    const part *F = t->parts.fixed, *bar = &F[F_BAR];
    t->hist = next;
    for (int t2 = 0; t2 <= t->ntags; t2++)
        for (int t1 = 0; t1 <= t->ntags; t1++) {
            const part *p1 = t1 < t->ntags ? &t->tag_parts[t1] : &F[F_BOS];
            const part *p2 = t2 < t->ntags ? &t->tag_parts[t2] : &F[F_BOS];
            uint64_t hash[2] = {hash_join(F[F_T1].h, p1), hash_join(hash_join(hash_join(F[F_T2].h, p2), bar), p1)};
            const slot *found[2];
            const wsum *zero = zero_row;
            score_rows_onto(t, &zero, 1, found, find_all(t, hash, 2, found), next);
            next += ROW_TAGS;
        }
}

/* Sums a record's SELF and OWN features and its NB features at each offset,
 * once per spelling (see tag_sentence). */
static void sum_spelling(const ng_tagger *t, tagmemo *memo, memo_rec *r, const tokinfo *info)
{
    const tokinfo *row[3];
    ng_rule_tag rules[3];
    size_t i;
    sentence one = sentence_around(info, 0, row, rules, NG_RULE_NONE, &i);
    sum_features(t, &one, i, FEAT_SELF | FEAT_OWN, r->self);
    for (int k = 0; k < 4; k++) {
        wsum v[ROW_TAGS];
        sentence sn = sentence_around(info, nb_offs[k], row, rules, NG_RULE_NONE, &i);
        r->nb[k] = sum_features(t, &sn, i, FEAT_NB(nb_offs[k]), v) ? pool_add(memo, v) : zero_row;
    }
}

/* Asks for the parts of a record that tagging reads: its sums, its tokhot. */
static void prefetch_rec(const memo_rec *r)
{
    const char *p = (const char *)r;
    const size_t end = offsetof(memo_rec, info);
    for (size_t b = 0; b < end; b += 64)
        prefetch(p + b);
    prefetch(p + end - 1);
}

/* Tags one sentence, with the records of memo (which spans the text), or
 * the records given (of memo, for toks; NULL: looked up). */
static void tag_sentence(const ng_tagger *tagger, const ng_lexicon *lex, tagmemo *memo, memo_rec *const *given,
                         const ng_tag_token *toks, size_t n, ng_tag *tags, float *margin)
{
    sentence_store st;
    sentence sn;
    sentence_open(&sn, &st, given, memo, tagger->rows ? tagger : NULL, &tagger->parts, lex, toks, n);
    memo_rec **recs = st.recs;
    int *inner = st.inner; /* the model's own tags */
    uint64_t hash[FEAT_MAX + 3];
    const slot *found[FEAT_MAX + 3];
    const int nt = tagger->ntags;
    const part *F = tagger->parts.fixed, *bar = &F[F_BAR];
    if (tagger->rows) {
        /* The records are spread over the memo (tens of megabytes): all of
         * what tagging reads of them is asked for first, so that the memory
         * reads overlap. */
        for (size_t i = 0; i < n; i++)
            prefetch_rec(recs[i]);
        for (size_t i = 0; i < n; i++)
            for (int k = 0; k < 4; k++)
                prefetch(recs[i]->nb[k]); /* summed by memo_get */
    }
    for (size_t i = 0; i < n; i++) {
        double score[MAX_TAGS];
        const wsum *rows[12]; /* with rows, the sums to start from */
        int nr = 0;
        featset fs = {&tagger->parts, hash, 0, FEAT_MAX, NULL, 0, 0, NULL};
        const part *t1 = i >= 1 ? &tagger->tag_parts[inner[i - 1]] : &F[F_BOS];
        const part *t2 = i >= 2 ? &tagger->tag_parts[inner[i - 2]] : &F[F_BOS];
        if (tagger->rows) {
            /* Sums are exact (fixed_point), so they are added in parts: the
             * token's own features and each neighbour's as summed once per
             * spelling, the constant ones as summed at loading; then the
             * features that join several of them are looked up. */
            rows[nr++] = recs[i]->self;
            int h1 = i >= 1 ? inner[i - 1] : nt, h2 = i >= 2 ? inner[i - 2] : nt;
            rows[nr++] = tagger->hist + ((size_t)h2 * (size_t)(nt + 1) + (size_t)h1) * ROW_TAGS;
            int inside = i >= 2 && i + 2 < n;
            if (inside && !(sn.rule[i - 2] | sn.rule[i - 1] | sn.rule[i] | sn.rule[i + 1] | sn.rule[i + 2])) {
                rows[nr++] = tagger->rule_none; /* most tokens */
                for (int k = 0; k < 4; k++)
                    if (recs[(long)i + nb_offs[k]]->nb[k] != zero_row)
                        rows[nr++] = recs[(long)i + nb_offs[k]]->nb[k];
            } else {
                rows[nr++] = tagger->rule_sums[2][sn.rule[i]];
                for (int k = 0; k < 4; k++) {
                    long j = (long)i + nb_offs[k];
                    if (j < 0 || (size_t)j >= n) {
                        rows[nr++] = tagger->pad[k];
                        continue;
                    }
                    if (recs[j]->nb[k] != zero_row)
                        rows[nr++] = recs[j]->nb[k];
                    rows[nr++] = tagger->rule_sums[nb_offs[k] + 2][sn.rule[j]];
                }
            }
            fs.n = joint_hashes(&tagger->parts, sn.hot, sn.rule, n, i, hash);
#ifndef NDEBUG
            {   /* the same features as token_features adds (memo_get keeps every tokinfo) */
                uint64_t want[FEAT_MAX + 3];
                featset ws = {&tagger->parts, want, 0, FEAT_MAX, NULL, 0, 0, NULL};
                token_features(&sn, i, FEAT_JOINT, &ws);
                g_assert(ws.n == fs.n && memcmp(want, hash, fs.n * sizeof *hash) == 0);
            }
#endif
        } else {
            memset(score, 0, sizeof score);
            token_features(&sn, i, FEAT_ALL, &fs);
            /* then the tag history: the last tags the model chose */
            hash[fs.n++] = hash_join(F[F_T1].h, t1);
            hash[fs.n++] = hash_join(hash_join(hash_join(F[F_T2].h, t2), bar), t1);
        }
        hash[fs.n++] = hash_join(tagger->t1s[i >= 1 ? inner[i - 1] : nt], &sn.hot[i]->psh); /* "t1s=" t1 "|" shape */
        size_t nfound = find_all(tagger, hash, fs.n, found);
        if (tagger->rows) {
            wsum sum[ROW_TAGS];
            score_rows_onto(tagger, rows, nr, found, nfound, sum);
            for (int j = 0; j < ROW_TAGS; j++)
                score[j] = sum[j]; /* in units: only compared, and the margin scaled below */
        } else {
            score_in_order(tagger, found, nfound, score);
        }
        int prev = i ? inner[i - 1] : NG_TAG_O;
        int best = -1, second = -1;
        if (!margin) {
            /* the best alone (the first of equals), without the runner-up's branches */
            const unsigned char *next = tagger->next[prev];
            best = next[0];
            double top = score[best];
            for (int a = 1; a < tagger->nnext[prev]; a++)
                if (score[next[a]] > top) {
                    top = score[next[a]];
                    best = next[a];
                }
        } else {
            for (int a = 0; a < tagger->nnext[prev]; a++) {
                int k = tagger->next[prev][a];
                if (best < 0 || score[k] > score[best]) {
                    second = best;
                    best = k;
                } else if (second < 0 || score[k] > score[second]) {
                    second = k;
                }
            }
        }
        inner[i] = best;
        tags[i] = best < NG_TAG_COUNT ? (ng_tag)best : NG_TAG_O;
        if (margin)
            margin[i] = second >= 0 ? (float)((score[best] - score[second]) * (tagger->rows ? tagger->unit : 1)) : 0;
    }
    sentence_close(&st);
}

void ng_tagger_tag(const ng_tagger *tagger, const ng_lexicon *lex, const ng_tag_token *toks, size_t n,
                   ng_tag *tags, float *margin)
{
    if (!tagger) {
        for (size_t i = 0; i < n; i++) {
            tags[i] = NG_TAG_O;
            if (margin)
                margin[i] = 0;
        }
        return;
    }
    tagmemo memo;
    memo_init(&memo, n, 0);
    tag_sentence(tagger, lex, &memo, NULL, toks, n, tags, margin);
    memo_clear(&memo);
}

/* ---- inside the extractor ---- */

#include "internal.h"

/* Bytes a cache's records and their sums take before it starts over: some
 * 65,000 spellings of a model with rows (a thousand news articles have some
 * 55,000; a record is some 340 bytes, its tokinfo is not kept), as many as
 * the rules' table keeps (SPELL_MAX); with that table about 40 MB. */
#define CACHE_BYTES ((size_t)32 << 20)
#define CACHE_RECORDS 65536 /* about as many records as that */

static size_t memo_bytes(const tagmemo *m)
{
    return m->n * sizeof(memo_rec) + m->ninfos * sizeof(tokinfo) + m->npool * ROW_TAGS * sizeof(wsum) +
           (m->mask + 1 + (m->pool_slots ? m->pool_mask + 1 : 0)) * sizeof *m->slots;
}

struct ng_extract_cache {
    tagmemo memo;
    int ready;
    const ng_lexicon *lex; /* what the records were made with */
    const ng_tagger *tagger;
    uint32_t epochs;         /* memos made so far */
    ng_spellings *spellings; /* the rules' answers (spelling.c), or NULL */
    const ng_lexicon *spell_lex;
};

/* Spellings the rules' table keeps before it starts over (some 8 MB). */
#define SPELL_MAX 65536

ng_spellings *ng_extract_cache_spellings(ng_extract_cache *c, const ng_lexicon *lex, size_t ntokens)
{
    if (c->spellings && (c->spell_lex != lex || ng_spellings_count(c->spellings) >= SPELL_MAX)) {
        ng_spellings_free(c->spellings);
        c->spellings = NULL;
    }
    if (!c->spellings) {
        /* sized for all it will hold: growing rehashes every record */
        c->spellings = ng_spellings_new(ntokens > SPELL_MAX ? ntokens : SPELL_MAX);
        c->spell_lex = lex;
    }
    return c->spellings;
}

ng_extract_cache *ng_extract_cache_new(void)
{
    return g_new0(ng_extract_cache, 1);
}

void ng_extract_cache_free(ng_extract_cache *c)
{
    if (!c)
        return;
    if (c->ready)
        memo_clear(&c->memo);
    ng_spellings_free(c->spellings);
    g_free(c);
}

/* The cache's records for a text of ntokens tokens: started over, between
 * texts only, when full or made with another lexicon. */
static tagmemo *cache_memo(ng_extract_cache *c, const ng_lexicon *lex, const ng_tagger *tg, size_t ntokens)
{
    if (c->ready && (c->lex != lex || c->tagger != tg || memo_bytes(&c->memo) >= CACHE_BYTES)) {
        memo_clear(&c->memo);
        c->ready = 0;
    }
    if (!c->ready) {
        /* sized for the records CACHE_BYTES holds (see there) */
        memo_init(&c->memo, ntokens > CACHE_RECORDS ? ntokens : CACHE_RECORDS, 1);
        c->memo.epoch = ++c->epochs;
        c->ready = 1;
        c->lex = lex;
        c->tagger = tg;
    }
    return &c->memo;
}

/* The gate in front of the extractor: the tagger is right about names more
 * often than about nouns, and the graph is better without a stray "Tageszeitung".
 * A span qualifies when it begins and ends with a capitalised word, a single
 * word is name-like (not an ordinary word or compound, not a role: see
 * ng_is_name_like), and no "©" comes before it in its sentence (a photo
 * credit the byline rules did not catch). */
/* copyright: index of the sentence's first "©" (spans after it are credits). */
static int span_ok(const ctx *c, size_t copyright, size_t i, size_t j)
{
    const ng_token *a = &c->seg.tokens[i], *b = &c->seg.tokens[j];
    if (a->kind != NG_TOK_WORD || b->kind != NG_TOK_WORD || !(a->flags & NG_TOKF_CAP) || !(b->flags & NG_TOKF_CAP))
        return 0;
    if (i == j && !ng_is_lone_name_like(c, i))
        return 0;
    return copyright >= i && !ng_is_english_phrase(c, i, j);
}

static ng_entity_type entity_type_of(ng_tag t)
{
    switch (t) {
    case NG_TAG_B_PER: return NG_ENT_PERSON;
    case NG_TAG_B_LOC: return NG_ENT_PLACE;
    default: return NG_ENT_ORGANIZATION;
    }
}

/* Adds the tagger's spans where the rules found nothing: a span whose tokens
 * are all free (no lexicon match, no person, no credit line), starting and
 * ending with a word.  Never overrides the rules. */
/* A span the tagger found and the gate let through. */
typedef struct tagged_span {
    size_t i, j;
    ng_entity_type type;
} tagged_span;

/* The entity and mention of tagged tokens i..j of the given type. */
static void add_tagged(ctx *c, size_t i, size_t j, ng_entity_type type)
{
    /* "Bank of England" is no place, "Royal Society" no person */
    if (type != NG_ENT_ORGANIZATION && ng_english_institution(c, i, j))
        type = NG_ENT_ORGANIZATION;
    uint32_t a = c->seg.tokens[i].start, b = c->seg.tokens[j].end;
    /* a name of the lexicon the rules left alone, as it is also an ordinary
     * word: the tagger takes it for a name here, the lexicon knows which */
    const ng_lex_entity *le = ng_ctx_name_meant(c, i, j, type);
    if (le) {
        ng_ctx_lexicon_mention(c, le, i, j, a, b);
        return;
    }
    if (type == NG_ENT_PERSON && i == j) {
        size_t use = 0, e = ng_ctx_short_form(c, i, &use);
        if (e != NG_NONE) {
            ng_ctx_mention(c, e, i, i, a, a + (uint32_t)use);
            return;
        }
    }
    /* a full name's genitive: "Regina Halmichs" is Regina Halmich (as
     * the rules do it: one word alone may end in s, "Williams") */
    const char *ls = tok_str(c, j);
    size_t ll = tok_len(c, j);
    if (type == NG_ENT_PERSON && j > i && ll > 3 && ls[ll - 1] == 's' && ls[ll - 2] != 's' &&
        !ng_lex_is_word(c->lex, ls, ll) && ng_genitive_follows(c, j))
        b--;
    /* and one word's, where the word without its s is a known name or a
     * person of the text and the word itself no name ("Adeles dritte
     * Platte", "Trummers Pläne" after "Trummer"; not "Thomas", "Jonas") */
    if (type == NG_ENT_PERSON && j == i && ll > 3 && ls[ll - 1] == 's' && ls[ll - 2] != 's' &&
        ng_genitive_follows(c, j) && !ng_lex_is_given_name(c->lex, ls, ll) && !ng_lex_is_surname(c->lex, ls, ll) &&
        (ng_lex_is_given_name(c->lex, ls, ll - 1) || ng_lex_is_surname(c->lex, ls, ll - 1) ||
         ng_ctx_person_named(c, ls, ll - 1)))
        b--;
    gchar *label = ng_ctx_span_label(c, a, b);
    size_t e = ng_ctx_entity(c, type, label, 0);
    ng_ctx_mention(c, e, i, j, a, b);
    if (type == NG_ENT_PERSON && j > i)
        ng_ctx_register_person(c, e, j, b);
    g_free(label);
}

ng_status ng_recognise_tagged(ctx *c)
{
    const ng_tagger *tg = ng_lexicon_tagger(c->lex);
    size_t nt = c->seg.ntokens;
    if (!tg || !nt)
        return NG_OK;
    uint32_t *ts = g_new(uint32_t, nt), *te = g_new(uint32_t, nt);
    for (size_t i = 0; i < nt; i++) {
        ts[i] = c->seg.tokens[i].start;
        te[i] = c->seg.tokens[i].end;
    }
    guint nm = c->mentions->len;
    ng_rule_span *spans = g_new(ng_rule_span, nm + 1);
    for (guint m = 0; m < nm; m++) {
        const mention *mm = &g_array_index(c->mentions, mention, m);
        const ent *e = c->ents->pdata[mm->entity];
        spans[m] = (ng_rule_span){mm->start, mm->end, e->type, e->anonymous};
    }
    ng_rule_tag *rules = g_new(ng_rule_tag, nt);
    ng_rule_tags(c->text, ts, te, nt, spans, nm, rules);
    ng_tag_token *toks = g_new(ng_tag_token, nt);
    for (size_t i = 0; i < nt; i++)
        toks[i] = (ng_tag_token){tok_str(c, i), tok_len(c, i), rules[i]};
    ng_tag *tags = g_new(ng_tag, nt);
    /* the spellings of the whole text, or of all the thread's texts */
    tagmemo local, *memo = &local;
    if (c->cache) {
        memo = cache_memo(c->cache, c->lex, tg, nt);
    } else {
        memo_init(&local, nt, 0);
        local.epoch = 1; /* c->spellings is the text's own too */
    }
    /* Each token's record through its spelling's (ng_recognise made them):
     * linked from there, a record is found without hashing the token again. */
    memo_rec **recs = g_new(memo_rec *, nt + 1);
    for (size_t i = 0; i < nt; i++) {
        ng_spelling *sp = c->tok_spell[i];
        if (!sp->tag || sp->tag_epoch != memo->epoch) {
            sp->tag = memo_get(memo, tg->rows ? tg : NULL, &tg->parts, c->lex, &toks[i]);
            sp->tag_epoch = memo->epoch;
        }
        recs[i] = sp->tag;
    }
    GArray *found = g_array_new(FALSE, FALSE, sizeof(tagged_span));
    for (size_t s = 0; s < c->seg.nsentences; s++) {
        const ng_sentence *sn = &c->seg.sentences[s];
        tag_sentence(tg, c->lex, memo, recs + sn->first, toks + sn->first, sn->count, tags + sn->first, NULL);
        size_t end = sn->first + sn->count;
        /* found once per sentence: scanning for it per span made long sentences quadratic */
        size_t copyright = sn->first;
        while (copyright < end && !(tok_len(c, copyright) == 2 && memcmp(tok_str(c, copyright), "\xC2\xA9", 2) == 0))
            copyright++;
        for (size_t i = sn->first; i < end; i++) {
            if (!ng_tag_is_begin(tags[i]))
                continue;
            size_t j = i;
            while (j + 1 < end && tags[j + 1] == tags[i] + 1)
                j++;
            int ok = span_ok(c, copyright, i, j);
            for (size_t k = i; k <= j && ok; k++)
                ok = c->tok_mention[k] == NG_NONE && !c->tok_credit[k];
            if (ok) {
                tagged_span sp = {i, j, entity_type_of(tags[i])};
                g_array_append_val(found, sp);
            }
            i = j;
        }
    }
    /* The names of several words first: a single word may be the short form
     * of one of them ("Aslan" after "Ednan Aslan"). */
    for (int pass = 0; pass < 2; pass++)
        for (guint k = 0; k < found->len; k++) {
            const tagged_span *sp = &g_array_index(found, tagged_span, k);
            if ((sp->type == NG_ENT_PERSON && sp->i == sp->j) != pass)
                continue;
            add_tagged(c, sp->i, sp->j, sp->type);
        }
    g_array_free(found, TRUE);
    if (!c->cache)
        memo_clear(&local);
    g_free(recs);
    g_free(tags);
    g_free(toks);
    g_free(rules);
    g_free(spans);
    g_free(ts);
    g_free(te);
    return NG_OK;
}
