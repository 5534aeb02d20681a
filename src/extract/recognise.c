/* Recognise and resolve: entities from lexicons (names, country adjectives
 * and demonyms, compounds like "US-Regierung"), persons from given names,
 * Korean family names and titles, then short forms ("Austin", "Putins",
 * "Kim") resolved to the nearest fitting full name of the document. */
#include <string.h>

#include "internal.h"

int ng_tok_equals(const ctx *c, size_t i, const char *s)
{
    size_t n = strlen(s);
    return tok_len(c, i) == n && memcmp(tok_str(c, i), s, n) == 0;
}

int ng_tok_iequals(const ctx *c, size_t i, const char *s)
{
    size_t n = strlen(s);
    return tok_len(c, i) == n && g_ascii_strncasecmp(tok_str(c, i), s, n) == 0;
}

static int is_word(const ctx *c, size_t i)
{
    return i < c->seg.ntokens && c->seg.tokens[i].kind == NG_TOK_WORD;
}

static int is_cap(const ctx *c, size_t i)
{
    return is_word(c, i) && (c->seg.tokens[i].flags & NG_TOKF_CAP);
}

static int free_tok(const ctx *c, size_t i)
{
    return i < c->seg.ntokens && c->tok_mention[i] == NG_NONE;
}

static int same_sentence(const ctx *c, size_t a, size_t b)
{
    return a < c->seg.ntokens && b < c->seg.ntokens && c->tok_sentence[a] == c->tok_sentence[b];
}

/* Lexicon answers about token i's spelling, asked once per spelling (see
 * spelling.c): yes/no questions by number (bit of ng_spelling.flags). */
enum { FLAG_KOREAN, FLAG_CHINESE, FLAG_GIVEN, FLAG_NAME_LIKE, FLAG_LOWER_COMPOUND };

static int tok_flag(const ctx *c, size_t i, int k, int (*ask)(const ng_lexicon *, const char *, size_t))
{
    ng_spelling *sp = c->tok_spell[i];
    if (!(sp->flags & 1u << k)) {
        if (ask(c->lex, sp->s, sp->len))
            sp->values |= (uint16_t)(1u << k);
        sp->flags |= (uint16_t)(1u << k);
    }
    return (sp->values >> k) & 1;
}

static const ng_lex_entity *tok_adjective(const ctx *c, size_t i)
{
    ng_spelling *sp = c->tok_spell[i];
    if (!(sp->known & SP_ADJECTIVE)) {
        sp->adjective = ng_lex_adjective(c->lex, sp->s, sp->len);
        sp->known |= SP_ADJECTIVE;
    }
    return sp->adjective;
}

static const ng_lex_entity *tok_demonym(const ctx *c, size_t i)
{
    ng_spelling *sp = c->tok_spell[i];
    if (!(sp->known & SP_DEMONYM)) {
        sp->demonym = ng_lex_demonym(c->lex, sp->s, sp->len);
        sp->known |= SP_DEMONYM;
    }
    return sp->demonym;
}

/* Length of the token without a genitive ending ("Putins" → "Putin",
 * "Nordkoreas" → "Nordkorea"), or 0 when it has none. */
static size_t genitive_base(const char *s, size_t n)
{
    /* Names in -us, -is, -os, -ys ("Pistorius", "Boris") take no genitive s
     * in German (Pistorius'), so their s is part of the name. */
    if (n > 3 && (s[n - 1] == 's') && !strchr("suioy", s[n - 2]))
        return n - 1;
    if (n > 4 && memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0) /* Rubens’ */
        return n - 3;
    if (n > 2 && s[n - 1] == '\'')
        return n - 1;
    return 0;
}

/* A name of several words one of which is an English institution noun
 * ("Royal Society of Chemistry", "Bank of England"). */
int ng_english_institution(const ctx *c, size_t i, size_t j)
{
    if (i == j)
        return 0; /* "Society" alone is a word */
    for (size_t k = i; k <= j; k++)
        if (ng_lex_is_english_institution(c->lex, tok_str(c, k), tok_len(c, k)))
            return 1;
    return 0;
}

int ng_is_english_phrase(const ctx *c, size_t i, size_t j)
{
    /* Three words or more: "Royal Society of Chemistry"; two common words
     * with such a noun are too often a phrase ("Social Network", "Bad Bank"). */
    if (j >= i + 2 && ng_english_institution(c, i, j))
        return 0;
    for (size_t k = i; k <= j; k++) {
        const char *s = tok_str(c, k);
        size_t n = tok_len(c, k);
        if (n < 2 || (c->seg.tokens[k].flags & NG_TOKF_ALLCAPS) || !ng_lex_is_english_word(c->lex, s, n) ||
            ng_lex_is_given_name(c->lex, s, n) || ng_lex_is_surname(c->lex, s, n) ||
            (i == j && ng_lex_is_english_name(c->lex, s, n)))
            return 0;
    }
    return 1;
}

/* An end of the word s[0..n), from its character `from` on and min bytes
 * or more, that satisfies is: as written, or capitalised when cap is set
 * (a compound's head as a noun: "Munitionsdepots" ends in "Depots"). */
static int some_tail(const ng_lexicon *lex, const char *s, size_t n, long from, size_t min, int cap,
                     int (*is)(const ng_lexicon *, const char *, size_t))
{
    char buf[128];
    for (const char *p = g_utf8_offset_to_pointer(s, from); p + min <= s + n; p = g_utf8_next_char(p)) {
        size_t tn = (size_t)(s + n - p);
        if (cap ? tn < sizeof buf && is(lex, buf, ng_lex_capitalise(buf, p, s + n)) : is(lex, p, tn))
            return 1;
    }
    return 0;
}

/* A role or a word form of the list: the head of a compound noun. */
static int noun_or_role(const ng_lexicon *lex, const char *s, size_t n)
{
    return ng_lex_is_word_form(lex, s, n) || ng_lex_role_get(lex, s, n);
}

/* A verb's infinitive of eight bytes or more in the word list, as the end
 * of a compound noun ("Energieunternehmen", "Freihandelsabkommen"): the
 * word lists carry nouns made of infinitives in lower case only. */
static int nominal_infinitive(const ng_lexicon *lex, const char *s, size_t n)
{
    return n >= 8 && s[n - 1] == 'n' &&
           (s[n - 2] == 'e' || ((s[n - 2] == 'r' || s[n - 2] == 'l') && s[n - 3] == 'e')) && ng_lex_is_word(lex, s, n);
}

/* What ng_is_name_like asks the lexicon about a capitalised word s[0..n). */
static int name_like_word(const ng_lexicon *lex, const char *s, size_t n)
{
    if (ng_lex_is_lower_word(lex, s, n) || ng_lex_role_get(lex, s, n) || ng_lex_verb_get(lex, s, n) ||
        ng_lex_number_get(lex, s, n) || ng_lex_unit_get(lex, s, n) || ng_lex_month(lex, s, n))
        return 0;
    if (ng_lex_is_word_form(lex, s, n) && !ng_lex_is_given_name(lex, s, n))
        return 0;
    /* German abstract-noun endings are not names ("Doppelbödigkeit"). */
    static const char *const noun_endings[] = {"keit", "heit", "ung", "ungen", "schaft", "tion", "tionen",
                                               "ität", "ismus", "nis", "tum", "ment", "ierung"};
    for (size_t k = 0; k < G_N_ELEMENTS(noun_endings); k++) {
        size_t el = strlen(noun_endings[k]);
        if (n > el + 2 && memcmp(s + n - el, noun_endings[k], el) == 0)
            return 0;
    }
    /* Compounds are nouns, not names: "Nato-Sprecherin", "Munitionsdepots"
     * (a known word at the end, after a part of three letters or more). */
    size_t hl = 0;
    const char *h = ng_find_hyphen(s, n, 1, &hl);
    if (h && h + hl < s + n) {
        const char *tail = h + hl;
        size_t tn = (size_t)(s + n - tail);
        if (ng_lex_role_get(lex, tail, tn) || ng_lex_is_word_form(lex, tail, tn) || ng_lex_is_lower_word(lex, tail, tn))
            return 0;
    }
    /* (a hyphenated word was judged by its last part above: "Navarro-Valls"
     * is no compound of "All") */
    if (n >= 10 && !h &&
        (some_tail(lex, s, n, 3, 4, 1, noun_or_role) || some_tail(lex, s, n, 3, 8, 0, nominal_infinitive)))
        return 0;
    return 1;
}

/* An ordinary German word (in the dictionary in lower case, or as written
 * when it is not a known name part) is not name-like. */
int ng_is_name_like(const ctx *c, size_t i)
{
    if (!is_cap(c, i) || tok_len(c, i) < 2 || (c->seg.tokens[i].flags & NG_TOKF_ABBREV))
        return 0;
    /* once per spelling while recognising (tok_spell), else asked again */
    return c->tok_spell ? tok_flag(c, i, FLAG_NAME_LIKE, name_like_word)
                        : name_like_word(c->lex, tok_str(c, i), tok_len(c, i));
}

/* A compound whose end, five bytes or more from its fourth character on,
 * the word list has in lower case ("Europafragen", "Parteispitze",
 * "Küstenwache"): the list carries nouns that are also a verb's or an
 * adjective's form in lower case only.  Held against a word standing alone
 * as a name, not against a name's further words ("Gottwald Kranebitter"). */
static int lower_compound(const ng_lexicon *lex, const char *s, size_t n)
{
    size_t hl = 0;
    return n >= 10 && !ng_find_hyphen(s, n, 1, &hl) && g_utf8_validate(s, (gssize)n, NULL) &&
           some_tail(lex, s, n, 3, 5, 0, ng_lex_is_word_form);
}

int ng_is_lone_name_like(const ctx *c, size_t i)
{
    if (!ng_is_name_like(c, i))
        return 0;
    return !(c->tok_spell ? tok_flag(c, i, FLAG_LOWER_COMPOUND, lower_compound)
                          : lower_compound(c->lex, tok_str(c, i), tok_len(c, i)));
}

/* A surname after a given name or title: capitalised and not a role, a verb, a unit, a month or a demonym.  The
 * dictionary's capitalised entries are not held against it: German word lists
 * carry famous surnames ("Scholz", "Putin"), and surnames can be words
 * ("Blinken"): after a given name, a capitalised word is a name. */
static int surname_like(const ctx *c, size_t i)
{
    if (!is_cap(c, i) || (c->seg.tokens[i].flags & (NG_TOKF_ALLCAPS | NG_TOKF_ABBREV)) || tok_len(c, i) < 2)
        return 0;
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    return !ng_lex_role_get(c->lex, s, n) && !ng_lex_verb_get(c->lex, s, n) &&
           !ng_lex_demonym(c->lex, s, n) && !ng_lex_month(c->lex, s, n) && !ng_lex_unit_get(c->lex, s, n) &&
           !ng_lex_number_get(c->lex, s, n);
}

int ng_ctx_ends_in(const ctx *c, size_t k, int (*is)(const ng_lexicon *, const char *, size_t))
{
    const char *s = tok_str(c, k);
    size_t n = tok_len(c, k);
    return is(c->lex, s, n) || some_tail(c->lex, s, n, 1, 4, 1, is);
}

/* A role that is a title before a name ("Präsident", "Gründer"). */
static int title_word(const ng_lexicon *lex, const char *s, size_t n)
{
    const ng_lex_role *r = ng_lex_role_get(lex, s, n);
    return r && (r->kind & NG_ROLE_TITLE);
}

/* A name particle written with a capital: "Van", "Le", "Di". */
static int capital_particle(const ctx *c, size_t i)
{
    char low[16];
    size_t n = tok_len(c, i);
    return n < sizeof low && ng_lex_lower(low, sizeof low, tok_str(c, i), n) &&
           ng_lex_is_particle(c->lex, low, strlen(low));
}

/* A reporting verb or a source cue ("berichtet", "laut", "zufolge"). */
static int reporting_word(const ctx *c, size_t k)
{
    char low[64];
    size_t n = tok_len(c, k);
    if (!is_word(c, k) || n >= sizeof low || !ng_lex_lower(low, sizeof low, tok_str(c, k), n))
        return 0;
    if (ng_lex_verb_get(c->lex, low, strlen(low)))
        return 1;
    const ng_lex_cue *q = ng_lex_cue_get(c->lex, low);
    return q && (q->kind == NG_CUE_SOURCE_BEFORE || q->kind == NG_CUE_SOURCE_AFTER);
}

/* Whether the words of article art .. name token last are spoken of as a
 * source: a reporting word right after them ("die Zeit berichtet", "der
 * Zeit zufolge") or up to three words before them, with nothing but words
 * between ("berichtet die Zeit", "laut der Zeit", "sagte er der Zeit"). */
static int reporting_near(const ctx *c, size_t art, size_t last)
{
    if (last + 1 < c->seg.ntokens && same_sentence(c, last, last + 1) && reporting_word(c, last + 1))
        return 1;
    for (size_t k = art; k-- > 0 && art - k <= 3;) {
        if (!same_sentence(c, k, art) || !is_word(c, k))
            return 0;
        if (reporting_word(c, k))
            return 1;
    }
    return 0;
}

static int article_like(const ctx *c, size_t i)
{
    static const char *const arts[] = {"der", "die", "das", "des", "dem", "den", "Der", "Die", "Das"};
    for (size_t k = 0; k < G_N_ELEMENTS(arts); k++)
        if (ng_tok_equals(c, i, arts[k]))
            return 1;
    return 0;
}

/* Whether a lexicon name that is also an ordinary word (ambiguous), tokens
 * i..last, is meant as the name here: after an opening quotation mark; a
 * place after a preposition that takes a bare place name ("in Essen"; an
 * article means the word: "das Essen", "mit dem Zug"; a dateline, "Zug –
 * ", is match_dateline's); anything else after an article, an outlet only where a report is
 * spoken of ("berichtet die Zeit", "laut der Zeit"; "mit der Zeit" is
 * time). */
static int ambiguous_fits(const ctx *c, const ng_lex_entity *e, size_t i, size_t last)
{
    if (i > 0 && c->seg.tokens[i - 1].kind == NG_TOK_QUOTE_OPEN)
        return 1;
    if (e->type == NG_ENT_PLACE) {
        return i > 0 && same_sentence(c, i - 1, i) && is_word(c, i - 1) &&
               ng_lex_is_place_preposition(c->lex, tok_str(c, i - 1), tok_len(c, i - 1));
    }
    return i > 0 && article_like(c, i - 1) && (e->type != NG_ENT_MEDIA || reporting_near(c, i - 1, last));
}

/* An outlet written in capitals, as papers write their own and others'
 * names ("sagte er dem STANDARD", "im SPIEGEL"): the media entry of the
 * word with only its first letter capital, or NULL. */
static const ng_lex_entity *media_in_capitals(const ctx *c, const char *s, size_t n)
{
    char low[64], cap[72];
    if (n < 4 || n >= sizeof low || !ng_lex_lower(low, sizeof low, s, n))
        return NULL;
    size_t l = strlen(low);
    const ng_lex_entity *e = ng_lex_name(c->lex, cap, ng_lex_capitalise(cap, low, low + l));
    return e && e->type == NG_ENT_MEDIA ? e : NULL;
}

/* Whether the letters of s[0..n) (valid UTF-8) are all capitals, two or
 * more of them. */
static int in_capitals(const char *s, size_t n)
{
    int letters = 0;
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        if (!g_unichar_isalpha(u))
            continue;
        if (!g_unichar_isupper(u))
            return 0;
        letters++;
    }
    return letters >= 2;
}

/* A word in capitals among other words in capitals: a headline or a shout,
 * not an outlet's name. */
static int capitals_around(const ctx *c, size_t i)
{
    for (int d = -1; d <= 1; d += 2) {
        long j = (long)i + d;
        if (j >= 0 && (size_t)j < c->seg.ntokens && same_sentence(c, i, (size_t)j) && is_word(c, (size_t)j) &&
            tok_len(c, (size_t)j) >= 2 && (c->seg.tokens[j].flags & NG_TOKF_ALLCAPS))
            return 1;
    }
    return 0;
}

/* The most words of a lexicon name that may start with token i (0: none);
 * its spelling (and whether it is a word) decides: asked once per spelling. */
static int phrase_max(const ctx *c, size_t i)
{
    const int word = is_word(c, i);
    ng_spelling *sp = c->tok_spell[i];
    if (sp->known & (word ? SP_PHRASE_WORD : SP_PHRASE))
        return sp->phrase_max[word];
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    int max = ng_lex_name_max(c->lex, s, n), fmax = ng_lex_folded_max(c->lex, s, n);
    /* which longer names it may begin, for phrase_reach */
    sp->starts = (unsigned)(max >= 2) | (unsigned)(fmax >= 2) << 1;
    size_t g = genitive_base(s, n);
    if (!max && g)
        max = ng_lex_name_max(c->lex, s, g) ? 1 : 0;
    if (word && fmax > max)
        max = fmax;
    if (!max && n < 64 && g_ascii_isupper(s[0])) {
        char low[64];
        memcpy(low, s, n);
        low[0] = (char)g_ascii_tolower(low[0]);
        max = ng_lex_name(c->lex, low, n) ? 1 : 0;
    }
    if (!max && (c->seg.tokens[i].flags & NG_TOKF_ALLCAPS) && media_in_capitals(c, s, n))
        max = 1;
    sp->phrase_max[word] = max;
    sp->known |= word ? SP_PHRASE_WORD : SP_PHRASE;
    return max;
}

/* Token j's spelling folded (ng_lex_fold_word), once per spelling. */
static const ng_spelling *folded_spelling(const ctx *c, size_t j)
{
    ng_spelling *sp = c->tok_spell[j];
    if (!(sp->known & SP_FOLDED)) {
        char buf[256];
        size_t l = ng_lex_fold_word_into(buf, sizeof buf, sp->s, sp->len);
        if (l != (size_t)-1) {
            sp->folded = ng_spellings_keep(c->spellings, buf, l);
            sp->folded_len = l;
        } else {
            GString *w = g_string_new(NULL);
            ng_lex_fold_word(w, sp->s, sp->len);
            sp->folded = ng_spellings_keep(c->spellings, w->str, w->len);
            sp->folded_len = w->len;
            g_string_free(w, TRUE);
        }
        sp->known |= SP_FOLDED;
    }
    return sp;
}

/* ng_lex_name_folded of tokens [i, i + k), k >= 2, with each word folded
 * once per spelling. */
static const ng_lex_entity *name_folded(const ctx *c, size_t i, size_t k)
{
    char buf[512];
    size_t len = 0;
    for (size_t j = i; j < i + k; j++)
        len += (j > i) + folded_spelling(c, j)->folded_len;
    char *f = len <= sizeof buf ? buf : g_malloc(len);
    len = 0;
    for (size_t j = i; j < i + k; j++) {
        if (j > i)
            f[len++] = ' ';
        memcpy(f + len, c->tok_spell[j]->folded, c->tok_spell[j]->folded_len);
        len += c->tok_spell[j]->folded_len;
    }
    const ng_lex_entity *e = ng_strmap_get(c->lex->map.names_folded, f, len);
    if (f != buf)
        g_free(f);
    return e;
}

/* Appends " " (when len > 0) and s[0..n) to buf; 0 when it does not fit. */
static int append_word(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + 1 + n >= cap)
        return 0;
    if (*len)
        buf[(*len)++] = ' ';
    memcpy(buf + *len, s, n);
    *len += n;
    return 1;
}

/* The most tokens from i (at most max, not past end) that may form a
 * lexicon name: k tokens can be one only when their first k - 1 begin a
 * longer name, as written or folded (every way match_phrase looks a phrase
 * up keeps its first k - 1 tokens), so the search stops at the first
 * prefix no name has.  Most phrase starts ("die", "der") end there. */
static size_t phrase_reach(const ctx *c, size_t i, size_t end, size_t max)
{
    if (max < 2)
        return max;
    const ng_spelling *sp = c->tok_spell[i]; /* starts: set by phrase_max */
    int written = sp->starts & 1, folded = sp->starts >> 1 & 1;
    char w[512], f[512];
    size_t wl = 0, fl = 0, reach = 1;
    for (size_t j = i; j + 1 < end && reach < max && (written || folded); j++) {
        const ng_spelling *fs = folded ? folded_spelling(c, j) : NULL;
        if ((written && !append_word(w, sizeof w, &wl, tok_str(c, j), tok_len(c, j))) ||
            (fs && !append_word(f, sizeof f, &fl, fs->folded, fs->folded_len)))
            return max; /* too long to tell: look them all up */
        if (j > i) {
            written = written && ng_lex_is_name_prefix(c->lex, w, wl);
            folded = folded && ng_lex_is_folded_name_prefix(c->lex, f, fl);
            if (!written && !folded)
                break;
        }
        reach = j - i + 2; /* tokens i .. j begin a name: one more may end it */
    }
    return reach;
}

/* Longest lexicon phrase starting at token i; returns tokens used (0: none).
 * Tried as written (with a genitive s off the last word), then with German
 * inflection folded for names of several words ("des Nationalen
 * Sicherheitsrates"). */
static size_t match_phrase(ctx *c, size_t i, size_t end, const ng_lex_entity **out, size_t *base_end)
{
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    int max = phrase_max(c, i);
    if (!max)
        return 0;
    char buf[256];
    for (size_t k = phrase_reach(c, i, end, (size_t)max); k >= 1; k--) {
        if (i + k > end || k > 16)
            continue;
        size_t len = 0;
        int ok = 1;
        for (size_t j = i; j < i + k && ok; j++)
            ok = free_tok(c, j) &&
                 (j == i || c->seg.tokens[j].kind == NG_TOK_WORD || c->seg.tokens[j].kind == NG_TOK_NUMBER ||
                  ng_tok_equals(c, j, "&")) &&
                 append_word(buf, sizeof buf, &len, tok_str(c, j), tok_len(c, j));
        if (!ok)
            continue;
        const ng_lex_entity *e = ng_lex_name(c->lex, buf, len);
        size_t last = i + k - 1;
        size_t bend = c->seg.tokens[last].end;
        if (!e) {
            size_t lg = genitive_base(tok_str(c, last), tok_len(c, last));
            if (lg) {
                size_t cut = tok_len(c, last) - lg;
                e = ng_lex_name(c->lex, buf, len - cut);
                bend -= (uint32_t)cut;
            }
        }
        if (!e && k == 1 && is_cap(c, i) && n < sizeof buf && (s[0] & 0x80) == 0) {
            /* "N-tv", "Taz" at a sentence start: the name is written "n-tv", "taz" */
            buf[0] = (char)g_ascii_tolower(s[0]);
            e = ng_lex_name(c->lex, buf, n);
            if (e && e->type != NG_ENT_MEDIA)
                e = NULL;
        }
        /* in capitals the name is no ordinary word: no article needed */
        const int capitals = !e && k == 1 && (c->seg.tokens[i].flags & NG_TOKF_ALLCAPS) && !capitals_around(c, i) &&
                             (e = media_in_capitals(c, s, n)) != NULL;
        if (!e && k >= 2 && is_cap(c, last)) {
            e = name_folded(c, i, k);
            bend = c->seg.tokens[last].end;
        }
        if (!e)
            continue;
        if ((e->flags & NG_LEXF_AMBIGUOUS) && !capitals && !ambiguous_fits(c, e, i, i + k - 1))
            continue;
        /* A one-word name that is also an ordinary lower-case word ("Essen")
         * counts only where it cannot be that word. */
        if (k == 1 && !(c->seg.tokens[i].flags & NG_TOKF_ALLCAPS) && ng_lex_is_lower_word(c->lex, s, n) &&
            (c->seg.tokens[i].flags & NG_TOKF_SENT_START))
            continue;
        *out = e;
        *base_end = bend;
        return k;
    }
    return 0;
}

/* g_strdup_printf("%d%c%s", type, sep, s) into buf (cap bytes), without
 * parsing a format (a few of these per mention); into a new string when it
 * does not fit.  Returns buf or that string. */
static char *typed_string(char *buf, size_t cap, int type, char sep, const char *s)
{
    char num[24];
    size_t nl = 0;
    unsigned v = type < 0 ? 0u - (unsigned)type : (unsigned)type;
    do
        num[sizeof num - 1 - nl++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    if (type < 0)
        num[sizeof num - 1 - nl++] = '-';
    size_t sl = strlen(s);
    char *r = nl + 1 + sl + 1 <= cap ? buf : g_malloc(nl + 1 + sl + 1);
    memcpy(r, num + sizeof num - nl, nl);
    r[nl] = sep;
    memcpy(r + nl + 1, s, sl + 1);
    return r;
}

/* A key made by typed_string, as the table keeps it. */
static gchar *kept(char *k, const char *buf)
{
    return k == buf ? g_strdup(k) : k;
}

size_t ng_ctx_entity(ctx *c, ng_entity_type type, const char *label, int anonymous)
{
    /* The same label again: no need to compute its key. */
    char lbuf[256], kbuf[256];
    char *lk = typed_string(lbuf, sizeof lbuf, (int)type, '\x1f', label);
    size_t hit = GPOINTER_TO_SIZE(g_hash_table_lookup(c->by_label, lk));
    if (hit) {
        if (lk != lbuf)
            g_free(lk);
        return hit - 1;
    }
    char *key = ng_name_key(label);
    char *full = typed_string(kbuf, sizeof kbuf, (int)type, ':', key);
    size_t idx = GPOINTER_TO_SIZE(g_hash_table_lookup(c->by_key, full));
    if (idx) {
        if (full != kbuf)
            g_free(full);
        free(key);
        g_hash_table_insert(c->by_label, kept(lk, lbuf), GSIZE_TO_POINTER(idx));
        return idx - 1;
    }
    ent *e = g_new0(ent, 1);
    e->label = g_strdup(label);
    e->key = key;
    e->type = type;
    e->anonymous = anonymous;
    e->aliases = g_ptr_array_new_with_free_func(g_free);
    e->mention_idx = g_array_new(FALSE, FALSE, sizeof(size_t));
    g_ptr_array_add(c->ents, e);
    g_hash_table_insert(c->by_key, kept(full, kbuf), GSIZE_TO_POINTER(c->ents->len));
    g_hash_table_insert(c->by_label, kept(lk, lbuf), GSIZE_TO_POINTER(c->ents->len));
    return c->ents->len - 1;
}

/* Whether entity idx has the alias s[0..n) already. */
static int has_alias(const ctx *c, size_t idx, const char *s, size_t n)
{
    const ent *e = c->ents->pdata[idx];
    for (guint i = 0; i < e->aliases->len; i++) {
        const char *a = e->aliases->pdata[i];
        if (strncmp(a, s, n) == 0 && a[n] == '\0')
            return 1;
    }
    return 0;
}

void ng_ctx_add_alias(ctx *c, size_t idx, const char *alias)
{
    if (!has_alias(c, idx, alias, strlen(alias)))
        g_ptr_array_add(((ent *)c->ents->pdata[idx])->aliases, g_strdup(alias));
}

size_t ng_ctx_mention(ctx *c, size_t e, size_t first_tok, size_t last_tok, uint32_t start, uint32_t end)
{
    mention m = {e, (uint32_t)first_tok, (uint32_t)last_tok, start, end, c->tok_sentence[first_tok]};
    g_array_append_val(c->mentions, m);
    size_t mi = c->mentions->len - 1;
    g_array_append_val(((ent *)c->ents->pdata[e])->mention_idx, mi);
    if (m.sentence < c->seg.nsentences) {
        GArray **sm = &c->sent_mentions[m.sentence];
        if (!*sm)
            *sm = g_array_new(FALSE, FALSE, sizeof(size_t));
        g_array_append_val(*sm, mi);
    }
    for (size_t t = first_tok; t <= last_tok; t++)
        if (c->tok_mention[t] == NG_NONE)
            c->tok_mention[t] = mi;
    /* Aliases are names: adjectives and demonyms ("nordkoreanische",
     * "Nordkoreaner") are mentions of a country but not its names. */
    const char *s = c->text + start;
    size_t n = end - start;
    int single = first_tok == last_tok;
    if ((g_unichar_isupper(g_utf8_get_char(s)) || (single && ng_find_hyphen(s, n, 0, &(size_t){0}))) &&
        !has_alias(c, e, s, n) && !ng_lex_demonym(c->lex, s, n) &&
        !ng_lex_adjective(c->lex, s, n)) /* "n-tv" is a name too */
        g_ptr_array_add(((ent *)c->ents->pdata[e])->aliases, g_strndup(s, n));
    return mi;
}

/* Short forms are keyed by their name key, so "Budanov" finds "Budanow". */
static gchar *short_key(const char *s, size_t n)
{
    char *k = ng_name_key_n(s, n);
    gchar *r = g_strdup(k);
    free(k);
    return r;
}

/* The short-form filter's bit of a key's hash: most capitalised words are
 * no person's short form, and the filter answers for them without a table
 * lookup. */
static int short_filter_has(const ctx *c, uint64_t h)
{
    return (c->short_filter[(h >> 6) & 15] >> (h & 63)) & 1;
}

static void short_filter_add(ctx *c, uint64_t h)
{
    c->short_filter[(h >> 6) & 15] |= UINT64_C(1) << (h & 63);
}

/* The entities registered under the short key of token i's first n bytes
 * (kept with that spelling in c->spellings; the token's own when n is its
 * length), or NULL. */
static GArray *short_list(ctx *c, size_t i, size_t n)
{
    ng_spelling *sp = n == tok_len(c, i) ? c->tok_spell[i] : ng_spelling_of(c->spellings, tok_str(c, i), n);
    if (!(sp->known & SP_SHORT_KEY)) {
        char *key = ng_name_key_n(tok_str(c, i), n);
        size_t kl = strlen(key);
        sp->short_key = ng_spellings_keep(c->spellings, key, kl);
        sp->short_hash = ng_hash_bytes(key, kl);
        sp->known |= SP_SHORT_KEY;
        free(key);
    }
    return short_filter_has(c, sp->short_hash) ? g_hash_table_lookup(c->short_names, sp->short_key) : NULL;
}

static void register_short(ctx *c, size_t e, const char *s, size_t n)
{
    gchar *k = short_key(s, n);
    short_filter_add(c, ng_hash_bytes(k, strlen(k)));
    GArray *list = g_hash_table_lookup(c->short_names, k);
    if (!list) {
        list = g_array_new(FALSE, FALSE, sizeof(size_t));
        g_hash_table_insert(c->short_names, k, list);
    } else {
        g_free(k);
    }
    for (guint i = 0; i < list->len; i++)
        if (g_array_index(list, size_t, i) == e)
            return;
    g_array_append_val(list, e);
}

/* Does a noun phrase follow token b, as one follows a genitive attribute:
 * a capitalised word, or an inflected adjective and then one? */
int ng_genitive_follows(const ctx *c, size_t b)
{
    size_t k = b + 1;
    if (k >= c->seg.ntokens || !same_sentence(c, b, k) || c->seg.tokens[k].kind != NG_TOK_WORD)
        return 0;
    if (is_cap(c, k))
        return 1;
    const char *w = tok_str(c, k);
    size_t n = tok_len(c, k);
    return ng_adjective_ending(w, n) && k + 1 < c->seg.ntokens && same_sentence(c, k, k + 1) && is_cap(c, k + 1);
}

/* How a person's name is ordered: given name first (short form: the last
 * word), or an East Asian family name first (short form: the family name). */
typedef enum { NAME_GIVEN_FIRST, NAME_KOREAN, NAME_CHINESE } name_order;

/* A person spanning tokens [a, b]; the last token may carry a genitive s
 * (not a Korean given name without hyphen: "Kim Jong Un"). */
static void add_person(ctx *c, size_t a, size_t b, name_order order)
{
    uint32_t start = c->seg.tokens[a].start, end = c->seg.tokens[b].end;
    size_t g = ng_lex_is_given_name(c->lex, tok_str(c, b), tok_len(c, b)) ? 0 : genitive_base(tok_str(c, b), tok_len(c, b));
    /* Strip a genitive s only where the bare form is not itself a name ("Jones", "Thomas")
     * and a noun phrase follows, as after a genitive ("Putins Sprecher", "Merkels
     * engster Berater"); "António Guterres, …", "Guterres zeigte sich", "Mahmud Abbas
     * in Amman" keep theirs. */
    if (g && b > a && ng_genitive_follows(c, b) && ng_lex_is_lower_word(c->lex, tok_str(c, b), g) == 0 &&
        tok_str(c, b)[tok_len(c, b) - 1] == 's' &&
        (order != NAME_KOREAN || ng_find_hyphen(tok_str(c, b), tok_len(c, b), 0, &(size_t){0})))
        end -= (uint32_t)(tok_len(c, b) - g);
    gchar *label = ng_ctx_span_label(c, start, end);
    size_t e = ng_ctx_entity(c, NG_ENT_PERSON, label, 0);
    ng_ctx_mention(c, e, a, b, start, end);
    if (order != NAME_GIVEN_FIRST)
        register_short(c, e, tok_str(c, a), tok_len(c, a));
    else
        ng_ctx_register_person(c, e, b, end);
    g_free(label);
}

void ng_ctx_register_person(ctx *c, size_t e, size_t b, uint32_t end)
{
    register_short(c, e, c->text + c->seg.tokens[b].start, end - c->seg.tokens[b].start);
}

/* "al-Sisi", "el-Baradei": a lower-case name particle, a hyphen, a capital. */
static int particle_joined(const ctx *c, size_t k)
{
    if (!is_word(c, k) || (c->seg.tokens[k].flags & NG_TOKF_CAP))
        return 0;
    const char *s = tok_str(c, k);
    size_t n = tok_len(c, k), hl = 0;
    const char *h = ng_find_hyphen(s, n, 0, &hl);
    return h && h > s && h + hl < s + n && ng_lex_is_particle(c->lex, s, (size_t)(h - s)) &&
           g_unichar_isupper(g_utf8_get_char(h + hl));
}

const ng_lex_entity *ng_ctx_lexicon_name(const ctx *c, size_t i, size_t j, int genitive)
{
    char buf[256];
    size_t len = 0;
    for (size_t k = i; k <= j; k++)
        if (!append_word(buf, sizeof buf, &len, tok_str(c, k), tok_len(c, k)))
            return NULL;
    const ng_lex_entity *e = ng_lex_name(c->lex, buf, len);
    size_t g = e || !genitive ? 0 : genitive_base(tok_str(c, j), tok_len(c, j));
    if (g)
        e = ng_lex_name(c->lex, buf, len - (tok_len(c, j) - g));
    return e;
}

const ng_lex_entity *ng_ctx_name_meant(const ctx *c, size_t i, size_t j, ng_entity_type asked)
{
    const ng_lex_entity *e = ng_ctx_lexicon_name(c, i, j, 0);
    return e && asked == NG_ENT_PERSON && (e->flags & NG_LEXF_PERSON_NAME) ? NULL : e;
}

/* Whether tokens [i, j] are a lexicon name of another type than person that
 * is not also an ordinary word or a person's name (not ambiguous): "Morgan
 * Stanley", "Hertha BSC", "Ping An" look like persons' names, and the
 * lexicon knows better. */
static int names_other_than_person(const ctx *c, size_t i, size_t j)
{
    const ng_lex_entity *e = ng_ctx_lexicon_name(c, i, j, 1);
    return e && e->type != NG_ENT_PERSON && !(e->flags & NG_LEXF_AMBIGUOUS);
}

/* The person of tokens [i, j] (see add_person): j, or NG_NONE when the
 * lexicon names the tokens otherwise and no title stands before them
 * ("Gründer Hugo Boss" is the man). */
static size_t person_span(ctx *c, size_t i, size_t j, name_order order, int titled)
{
    /* a compound title too: "Firmengründer Robert Bosch" */
    if (!titled && names_other_than_person(c, i, j) &&
        !(i > 0 && same_sentence(c, i - 1, i) && is_word(c, i - 1) && ng_ctx_ends_in(c, i - 1, title_word)))
        return NG_NONE;
    add_person(c, i, j, order);
    return j;
}

/* Persons: "Kim Jong-un", "Kim Jong Un", "Lloyd Austin", "Ursula von der
 * Leyen", "Präsident Selenskyj" (titled: after the title).  Returns the last
 * token used, or NG_NONE. */
static size_t match_person(ctx *c, size_t i, size_t end, int titled)
{
    if (!is_cap(c, i) || (c->seg.tokens[i].flags & NG_TOKF_ALLCAPS))
        return NG_NONE;
    if (tok_flag(c, i, FLAG_KOREAN, ng_lex_is_korean_surname) && i + 1 < end && is_cap(c, i + 1) && free_tok(c, i + 1)) {
        const char *g = tok_str(c, i + 1);
        size_t hl = 0;
        const char *h = ng_find_hyphen(g, tok_len(c, i + 1), 0, &hl);
        if (h && h + hl < g + tok_len(c, i + 1) && g_unichar_islower(g_utf8_get_char(h + hl)))
            return person_span(c, i, i + 1, NAME_KOREAN, titled);
        if (i + 2 < end && is_cap(c, i + 2) && tok_len(c, i + 1) <= 6 && tok_len(c, i + 2) <= 6 &&
            ng_is_name_like(c, i + 1) && ng_is_name_like(c, i + 2) && free_tok(c, i + 2))
            return person_span(c, i, i + 2, NAME_KOREAN, titled);
    }
    /* "Xi Jinping", "Wang Yi", "Li Qiang": a Chinese family name and one given
     * name that is no German word; "Tsai Ing-wen" with a hyphen */
    if (tok_flag(c, i, FLAG_CHINESE, ng_lex_is_chinese_surname) && i + 1 < end && is_cap(c, i + 1) && free_tok(c, i + 1) &&
        same_sentence(c, i, i + 1) && tok_len(c, i + 1) <= 12 && !ng_lex_is_given_name(c->lex, tok_str(c, i + 1), tok_len(c, i + 1))) {
        const char *g = tok_str(c, i + 1);
        size_t gl = tok_len(c, i + 1), hl = 0;
        const char *h = ng_find_hyphen(g, gl, 0, &hl);
        int ascii = 1;
        for (size_t k = 0; k < gl && ascii; k++)
            ascii = g_ascii_isalpha(g[k]) || g[k] == '-';
        if (ascii && ((h && h + hl < g + gl && g_ascii_islower(h[hl])) || (!h && ng_is_name_like(c, i + 1))))
            return person_span(c, i, i + 1, NAME_CHINESE, titled); /* "Mao Zedongs" may be a genitive */
    }
    if (tok_flag(c, i, FLAG_GIVEN, ng_lex_is_given_name)) {
        size_t j = i + 1;
        while (j < end && j < i + 3 && is_cap(c, j) && tok_flag(c, j, FLAG_GIVEN, ng_lex_is_given_name) &&
               j + 1 < end && is_cap(c, j + 1))
            j++;
        /* "Alexander Van der Bellen", "Bruno Le Maire", "Luigi Di Maio": a
         * particle written with a capital, when a name part follows it */
        if (j + 1 < end && is_cap(c, j) && capital_particle(c, j) && free_tok(c, j + 1) &&
            (ng_lex_is_particle(c->lex, tok_str(c, j + 1), tok_len(c, j + 1)) || surname_like(c, j + 1)))
            j++;
        while (j < end && is_word(c, j) && !(c->seg.tokens[j].flags & NG_TOKF_CAP) &&
               ng_lex_is_particle(c->lex, tok_str(c, j), tok_len(c, j)))
            j++;
        if (j < end && free_tok(c, j) && surname_like(c, j)) {
            /* "Abdel Fattah al-Sisi", "Mohammed bin-Salman": a particle joined to
             * the surname by a hyphen ends the name */
            if (j + 1 < end && free_tok(c, j + 1) && particle_joined(c, j + 1))
                j++;
            return person_span(c, i, j, NAME_GIVEN_FIRST, titled);
        }
    }
    return NG_NONE;
}

/* The role word of token i: the whole token or the part after its last
 * hyphen ("US-Verteidigungsminister"). */
static const ng_lex_role *token_role(const ctx *c, size_t i, size_t *prefix_len)
{
    if (!is_word(c, i))
        return NULL;
    ng_spelling *sp = c->tok_spell[i]; /* asked once per spelling */
    if (!(sp->known & SP_ROLE)) {
        const char *s = sp->s;
        size_t n = sp->len, hl = 0;
        const char *h;
        sp->role_prefix = 0;
        sp->role = ng_lex_role_get(c->lex, s, n);
        if (!sp->role && (h = ng_find_hyphen(s, n, 1, &hl)) != NULL) {
            sp->role_prefix = (size_t)(h - s);
            sp->role = ng_lex_role_get(c->lex, h + hl, (size_t)(s + n - h - hl));
        }
        sp->known |= SP_ROLE;
    }
    *prefix_len = sp->role_prefix;
    return sp->role;
}

/* "Präsident Selenskyj": a title followed by unknown capitalised words. */
/* deferred: where a single unknown word after a title is kept for later
 * (see ng_recognise). */
static size_t match_titled(ctx *c, size_t i, size_t end, GArray *deferred)
{
    size_t pl;
    const ng_lex_role *r = token_role(c, i, &pl);
    if (!r || !(r->kind & NG_ROLE_TITLE))
        return NG_NONE;
    size_t named = match_person(c, i + 1, end, 1);
    if (named != NG_NONE)
        return named;
    size_t j = i + 1;
    while (j < end && j < i + 4 && free_tok(c, j) && ng_is_name_like(c, j) &&
           !ng_lex_name(c->lex, tok_str(c, j), tok_len(c, j)))
        j++;
    if (j == i + 1)
        return NG_NONE;
    if (j == i + 2) {
        /* "Premier Renzi": perhaps the short form of a full name of the text,
         * before or after (resolve_short); a person of its own if not */
        size_t t = i + 1;
        g_array_append_val(deferred, t);
        return t;
    }
    add_person(c, i + 1, j - 1,
               ng_lex_is_korean_surname(c->lex, tok_str(c, i + 1), tok_len(c, i + 1)) ? NAME_KOREAN : NAME_GIVEN_FIRST);
    return j - 1;
}

int ng_ctx_person_named(const ctx *c, const char *s, size_t n)
{
    gchar *label = g_strndup(s, n);
    char buf[256];
    char *lk = typed_string(buf, sizeof buf, (int)NG_ENT_PERSON, '\x1f', label);
    int found = g_hash_table_lookup(c->by_label, lk) != NULL;
    if (lk != buf)
        g_free(lk);
    g_free(label);
    return found;
}

gchar *ng_ctx_span_label(const ctx *c, uint32_t start, uint32_t end)
{
    GString *l = g_string_sized_new(end - start);
    const char *p = c->text + start, *e = c->text + end;
    int space = 0;
    while (p < e) {
        gunichar u = g_utf8_get_char_validated(p, e - p);
        const char *next = u == (gunichar)-1 || u == (gunichar)-2 ? p + 1 : g_utf8_next_char(p);
        if (u != (gunichar)-1 && u != (gunichar)-2 && g_unichar_isspace(u)) {
            space = 1;
        } else {
            if (space && l->len)
                g_string_append_c(l, ' ');
            space = 0;
            g_string_append_len(l, p, next - p);
        }
        p = next;
    }
    return g_string_free(l, FALSE);
}

size_t ng_ctx_lexicon_mention(ctx *c, const ng_lex_entity *le, size_t first, size_t last, uint32_t start, uint32_t end)
{
    size_t e = ng_ctx_entity(c, le->type, le->canonical, 0);
    ng_ctx_mention(c, e, first, last, start, end);
    return e;
}

/* Compounds: "US-Regierung" (name first), "russisch-ukrainischen" (adjectives). */
static int match_compound(ctx *c, size_t i)
{
    const ng_token *t = &c->seg.tokens[i];
    if (!(t->flags & NG_TOKF_HYPHEN))
        return 0;
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    size_t hl = 0;
    const char *h = ng_find_hyphen(s, n, 0, &hl);
    if (!h)
        return 0;
    size_t pl = (size_t)(h - s);
    const ng_lex_entity *le = ng_lex_name(c->lex, s, pl);
    if (!le) {
        size_t g = genitive_base(s, pl);
        if (g)
            le = ng_lex_name(c->lex, s, g);
    }
    if (le && !(le->flags & NG_LEXF_AMBIGUOUS)) {
        ng_ctx_lexicon_mention(c, le, i, i, t->start, t->start + (uint32_t)pl);
        return 1;
    }
    /* "STANDARD-Interview", "SPIEGEL-Bericht": an outlet in capitals */
    if (!le && in_capitals(s, pl) && (le = media_in_capitals(c, s, pl)) != NULL) {
        ng_ctx_lexicon_mention(c, le, i, i, t->start, t->start + (uint32_t)pl);
        return 1;
    }
    /* All parts adjectives: every part names a country. */
    int found = 0;
    const char *p = s;
    while (p < s + n) {
        size_t ql = 0;
        const char *q = ng_find_hyphen(p, (size_t)(s + n - p), 0, &ql);
        size_t len = q ? (size_t)(q - p) : (size_t)(s + n - p);
        const ng_lex_entity *a = ng_lex_adjective_word(c->lex, p, len);
        if (!a)
            a = ng_lex_adjective(c->lex, p, len);
        if (a && a->type == NG_ENT_COUNTRY) {
            ng_ctx_lexicon_mention(c, a, i, i, t->start + (uint32_t)(p - s), t->start + (uint32_t)(p - s + len));
            found = 1;
        }
        p += len + (q ? ql : 0);
        if (!q)
            break;
    }
    return found;
}

/* A region named by a compass prefix and a country or place in one word:
 * "Ostukraine", "Süditalien", "Nordwestsyrien", "Nord-Syrien", genitive
 * "Ostukraines".  A place labelled as one word ("Ostukraine" for "Ost-Ukraine"
 * too), or the lexicon's own entry when the joined word is one. */
static int match_compass(ctx *c, size_t i)
{
    const ng_token *t = &c->seg.tokens[i];
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    char rest[128];
    size_t kmin, kmax;
    if (!(t->flags & NG_TOKF_CAP) || n >= sizeof rest || !ng_lex_compass_lengths(c->lex, s, &kmin, &kmax))
        return 0;
    /* the name after the prefix has four bytes at least */
    for (size_t k = kmin; k <= kmax && k + 4 <= n; k++) {
        if (!ng_lex_is_compass_prefix(c->lex, s, k))
            continue;
        size_t r = k + (s[k] == '-');
        if (!g_utf8_validate(s + r, (gssize)(n - r), NULL))
            return 0;
        const char *after = g_utf8_next_char(s + r);
        size_t rl = ng_lex_capitalise(rest, s + r, s + n);
        size_t fl = rl - (size_t)(s + n - after); /* the first character's bytes in rest */
        const ng_lex_entity *le = ng_lex_name(c->lex, rest, rl);
        size_t g = 0;
        if (!le && (g = genitive_base(rest, rl)) != 0)
            le = ng_lex_name(c->lex, rest, g);
        if (!le || (le->type != NG_ENT_COUNTRY && le->type != NG_ENT_PLACE) || (le->flags & NG_LEXF_AMBIGUOUS))
            continue;
        size_t base = g ? g : rl; /* the name without its genitive ending */
        GString *label = g_string_new_len(s, (gssize)k);
        g_string_append_unichar(label, g_unichar_tolower(g_utf8_get_char(s + r)));
        g_string_append_len(label, rest + fl, (gssize)(base - fl));
        const ng_lex_entity *whole = ng_lex_name(c->lex, label->str, label->len);
        size_t e = whole ? ng_ctx_entity(c, whole->type, whole->canonical, 0)
                         : ng_ctx_entity(c, NG_ENT_PLACE, label->str, 0);
        ng_ctx_mention(c, e, i, i, t->start, t->end - (uint32_t)(rl - base));
        g_string_free(label, TRUE);
        return 1;
    }
    return 0;
}

/* Resolves short forms to the nearest full name of the document: before the
 * token if any, else after it. */
size_t ng_ctx_short_form(ctx *c, size_t i, size_t *len)
{
    if (!g_hash_table_size(c->short_names))
        return NG_NONE; /* no person: nothing to resolve to */
    /* Keys by spelling: capitalised words recur, and a key costs far more
     * than a table lookup. */
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    /* "Mikl-Leitner" is a double name itself; "Kim-Regime": the name part
     * before a hyphen; each also with a genitive s off. */
    size_t hl = 0, cand[4], nc = 0, g, use = 0;
    const char *h = ng_find_hyphen(s, n, 0, &hl);
    if (h) {
        cand[nc++] = n;
        if ((g = genitive_base(s, n)) != 0)
            cand[nc++] = g;
    }
    cand[nc] = h ? (size_t)(h - s) : n;
    if ((g = genitive_base(s, cand[nc++])) != 0)
        cand[nc++] = g;
    GArray *list = NULL;
    for (size_t k = 0; k < nc && !list; k++)
        if ((list = short_list(c, i, cand[k])) != NULL)
            use = cand[k];
    *len = 0;
    if (!list)
        return NG_NONE;
    /* The nearest fitting full name: before the token, in an earlier
     * sentence first (a name in the same sentence is rarely repeated by
     * its short form: "zwischen Putin und Kim Jong-un ..., so Kim" means
     * another Kim), then the same sentence, then after. */
    size_t best = NG_NONE, best_dist = (size_t)-1;
    int best_rank = 0;
    for (guint l = 0; l < list->len; l++) {
        GArray *own = ((ent *)c->ents->pdata[g_array_index(list, size_t, l)])->mention_idx;
        for (guint m = 0; m < own->len; m++) {
            mention *mm = &g_array_index(c->mentions, mention, g_array_index(own, size_t, m));
            if (mm->first_tok == i)
                continue;
            int before = mm->last_tok < i;
            int rank = before ? (mm->sentence != c->tok_sentence[i] ? 3 : 2) : 1;
            size_t dist = before ? i - mm->last_tok : mm->first_tok - i;
            if (rank > best_rank || (rank == best_rank && dist < best_dist)) {
                best = mm->entity;
                best_dist = dist;
                best_rank = rank;
            }
        }
    }
    *len = use;
    return best;
}

/* Short forms of the persons found, on every free capitalised token. */
static void resolve_short(ctx *c)
{
    if (!g_hash_table_size(c->short_names))
        return;
    for (size_t i = 0; i < c->seg.ntokens; i++) {
        if (!free_tok(c, i) || !is_cap(c, i) || c->tok_credit[i])
            continue;
        size_t use = 0, e = ng_ctx_short_form(c, i, &use);
        if (e != NG_NONE)
            ng_ctx_mention(c, e, i, i, c->seg.tokens[i].start, c->seg.tokens[i].start + (uint32_t)use);
    }
}

/* Role edges: "US-Verteidigungsminister Lloyd Austin" → role to the USA,
 * "Südkoreas Verteidigungsminister Kim" → role to South Korea. */
static void relate_roles(ctx *c)
{
    guint nm = c->mentions->len;
    for (guint m = 0; m < nm; m++) {
        mention mm = g_array_index(c->mentions, mention, m);
        ent *e = c->ents->pdata[mm.entity];
        if (e->type != NG_ENT_PERSON || mm.first_tok == 0)
            continue;
        size_t r = mm.first_tok - 1, pl = 0;
        const ng_lex_role *role = token_role(c, r, &pl);
        if (!role || !same_sentence(c, r, mm.first_tok))
            continue;
        /* "der Sprecher" later in the text means this person. */
        role_mention rm = {r, mm.entity, role->base, role->gender, (role->kind & NG_ROLE_TITLE) != 0};
        g_array_append_val(c->role_mentions, rm);
        size_t owner = NG_NONE;
        if (c->tok_mention[r] != NG_NONE)
            owner = g_array_index(c->mentions, mention, c->tok_mention[r]).entity;
        else if (r > 0 && c->tok_mention[r - 1] != NG_NONE && same_sentence(c, r - 1, r))
            owner = g_array_index(c->mentions, mention, c->tok_mention[r - 1]).entity;
        if (owner == NG_NONE || owner == mm.entity)
            continue;
        ent *o = c->ents->pdata[owner];
        if (o->type == NG_ENT_PERSON || o->type == NG_ENT_PLACE)
            continue;
        ng_ctx_edge(c, NG_EDGE_ROLE, (ng_ref){NG_REF_ENTITY, mm.entity}, (ng_ref){NG_REF_ENTITY, owner},
                    1, role->base, 0);
    }
}

/* Bylines and photo credits ("Foto: picture alliance/dpa", "Von Anna
 * Schmidt", "(das/dpa)" closing a paragraph) are not part of the story. */
static void mark_credits(ctx *c)
{
    size_t n = c->seg.ntokens;
    for (size_t i = 0; i < n; i++) {
        const ng_token *t = &c->seg.tokens[i];
        if (!(t->flags & NG_TOKF_LINE_START))
            continue;
        size_t e = i + 1;
        while (e < n && !(c->seg.tokens[e].flags & NG_TOKF_LINE_START))
            e++;
        size_t len = e - i;
        int credit = 0;
        if (ng_lex_is_credit_marker(c->lex, tok_str(c, i), tok_len(c, i)) && len <= 12) {
            /* "Foto: …" or a short "Von Vorname Name" without a sentence end */
            int colon = i + 1 < e && ng_tok_equals(c, i + 1, ":");
            int period = ng_tok_equals(c, e - 1, ".");
            credit = colon || (len <= 6 && !period);
        }
        if (credit)
            for (size_t k = i; k < e; k++)
                c->tok_credit[k] = 1;
        /* "(das/dpa)", "(Valeriia Semeniuk/Yulia Valova)" at the end of a line */
        size_t close = e - 1;
        if (ng_tok_equals(c, close, ")")) {
            size_t open = close;
            while (open > i && !ng_tok_equals(c, open, "(") && close - open < 10)
                open--;
            int slash = 0;
            for (size_t k = open; k < close; k++)
                slash |= ng_tok_equals(c, k, "/");
            if (ng_tok_equals(c, open, "(") && (slash || close - open == 2))
                for (size_t k = open; k <= close; k++)
                    c->tok_credit[k] = 1;
        }
        i = e - 1;
    }
}

/* A dash after a dateline: en dash, em dash or a hyphen standing alone. */
static int is_dash(const ctx *c, size_t k)
{
    return ng_tok_equals(c, k, "\xE2\x80\x93") || ng_tok_equals(c, k, "\xE2\x80\x94") || ng_tok_equals(c, k, "-");
}

/* Tokens [a, b) as one place of a dateline: up to four words, the first and
 * the last capitalised, those between capitalised or the small words of
 * place names ("Ried im Innkreis", "Rio de Janeiro", "Halle an der
 * Saale"); no month, verb, role or number word; the first word a name, not
 * an ordinary one ("Update –", "Neue Kämpfe im Donbass –"), unless the
 * lexicon knows the place. */
static int dateline_place(const ctx *c, size_t a, size_t b)
{
    if (b <= a || b - a > 4 || !is_cap(c, a) || !is_cap(c, b - 1))
        return 0;
    for (size_t k = a; k < b; k++) {
        const char *s = tok_str(c, k);
        size_t n = tok_len(c, k);
        if (!is_word(c, k) || c->tok_credit[k] || ng_lex_month(c->lex, s, n) || ng_lex_verb_get(c->lex, s, n) ||
            ng_lex_role_get(c->lex, s, n) || ng_lex_number_get(c->lex, s, n))
            return 0;
        if (!is_cap(c, k) && !ng_lex_is_preposition(c->lex, s, n) && !ng_lex_is_determiner(c->lex, s, n) &&
            !ng_lex_is_particle(c->lex, s, n))
            return 0;
    }
    /* the first word a name: not "Am kommenden Mittwoch –", "Neue Kämpfe
     * im Donbass –", "Und in …" */
    return ng_ctx_lexicon_name(c, a, b - 1, 0) || ng_is_lone_name_like(c, a);
}

/* The dateline: "Kitzbühel – Der Sieger …", "Ried im Innkreis/Wien – …",
 * "Berlin (dpa) – …" at the start of one of a text's first sentences: the
 * places a report was filed from, known to the lexicon or not (a name
 * there is a place whatever else it may be: "Neusiedl am See", "Maria
 * Enzersdorf"), before the rules and the tagger read them.  Once a text. */
static void match_dateline(ctx *c)
{
    size_t ns = c->seg.nsentences < 5 ? c->seg.nsentences : 5;
    for (size_t s = 0; s < ns; s++) {
        const ng_sentence *sn = &c->seg.sentences[s];
        size_t i = sn->first, end = sn->first + sn->count, k = i;
        while (k < end && k < i + 14 && !is_dash(c, k))
            k++;
        if (k == i || k + 1 >= end || !is_dash(c, k) || !is_cap(c, k + 1))
            continue;
        size_t stop = k; /* an agency in parentheses: "Berlin (dpa) –" */
        if (ng_tok_equals(c, k - 1, ")")) {
            size_t open = k - 1;
            while (open > i && k - open < 6 && !ng_tok_equals(c, open, "("))
                open--;
            if (!ng_tok_equals(c, open, "("))
                continue;
            stop = open;
        }
        /* places separated by "/" */
        size_t a = i, nseg = 0, seg[8][2];
        int ok = 1;
        for (size_t t = i; t <= stop && ok; t++) {
            if (t == stop || ng_tok_equals(c, t, "/")) {
                ok = nseg < 8 && dateline_place(c, a, t);
                if (ok) {
                    seg[nseg][0] = a;
                    seg[nseg++][1] = t;
                }
                a = t + 1;
            }
        }
        if (!ok)
            continue;
        for (size_t g = 0; g < nseg; g++) {
            size_t b0 = seg[g][0], b1 = seg[g][1] - 1;
            uint32_t start = c->seg.tokens[b0].start, stop_b = c->seg.tokens[b1].end;
            const ng_lex_entity *le = ng_ctx_lexicon_name(c, b0, b1, 0);
            if (le && (le->type == NG_ENT_PLACE || le->type == NG_ENT_COUNTRY)) {
                ng_ctx_lexicon_mention(c, le, b0, b1, start, stop_b);
            } else {
                gchar *label = ng_ctx_span_label(c, start, stop_b);
                ng_ctx_mention(c, ng_ctx_entity(c, NG_ENT_PLACE, label, 0), b0, b1, start, stop_b);
                g_free(label);
            }
        }
        return;
    }
}

ng_status ng_recognise(ctx *c)
{
    size_t nt = c->seg.ntokens;
    c->spellings = c->cache ? ng_extract_cache_spellings(c->cache, c->lex, nt) : ng_spellings_new(nt);
    c->tok_spell = g_new(ng_spelling *, nt + 1);
    ng_spellings_of_tokens(c->spellings, c->text, c->seg.tokens, nt, c->tok_spell);
    mark_credits(c);
    match_dateline(c);
    GArray *deferred = g_array_new(FALSE, FALSE, sizeof(size_t));
    /* Pass 1: persons, then lexicon names, compounds, adjectives, demonyms. */
    for (size_t s = 0; s < c->seg.nsentences; s++) {
        const ng_sentence *sn = &c->seg.sentences[s];
        size_t end = sn->first + sn->count;
        for (size_t i = sn->first; i < end; i++) {
            if (!free_tok(c, i) || !is_word(c, i) || c->tok_credit[i])
                continue;
            size_t last = match_person(c, i, end, 0);
            if (last != NG_NONE) {
                i = last;
                continue;
            }
            const ng_lex_entity *le = NULL;
            size_t bend = 0;
            size_t k = match_phrase(c, i, end, &le, &bend);
            if (k) {
                size_t e = ng_ctx_entity(c, le->type, le->canonical, 0);
                ng_ctx_mention(c, e, i, i + k - 1, c->seg.tokens[i].start, (uint32_t)bend);
                i += k - 1;
                continue;
            }
            last = match_titled(c, i, end, deferred);
            if (last != NG_NONE) {
                i = last;
                continue;
            }
            if (match_compass(c, i) || match_compound(c, i))
                continue;
            const ng_token *t = &c->seg.tokens[i];
            const ng_lex_entity *a = NULL;
            if (!(t->flags & NG_TOKF_CAP) || (t->flags & (NG_TOKF_SENT_START | NG_TOKF_LINE_START)) ||
                (i > sn->first && c->seg.tokens[i - 1].kind == NG_TOK_QUOTE_OPEN))
                a = tok_adjective(c, i);
            if (!a)
                a = tok_demonym(c, i);
            if (a) {
                size_t e = ng_ctx_entity(c, a->type, a->canonical, 0);
                size_t mi = ng_ctx_mention(c, e, i, i, t->start, t->end);
                (void)mi;
            }
        }
    }
    /* Pass 2: short forms of the persons found; then the single words after
     * a title that are none are persons of their own, and short forms of
     * those in turn. */
    resolve_short(c);
    int added = 0;
    for (guint k = 0; k < deferred->len; k++) {
        size_t t = g_array_index(deferred, size_t, k);
        if (c->tok_mention[t] == NG_NONE) {
            add_person(c, t, t,
                       ng_lex_is_korean_surname(c->lex, tok_str(c, t), tok_len(c, t)) ? NAME_KOREAN : NAME_GIVEN_FIRST);
            added = 1;
        }
    }
    g_array_free(deferred, TRUE);
    if (added)
        resolve_short(c);
    relate_roles(c);

    /* Pass 3: the statistical tagger, where the rules found nothing (tagger.c). */
    ng_status st = ng_recognise_tagged(c);
    if (!c->cache)
        ng_spellings_free(c->spellings);
    g_free(c->tok_spell);
    c->spellings = NULL;
    c->tok_spell = NULL;
    return st;
}
