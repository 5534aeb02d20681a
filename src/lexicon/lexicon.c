/* Loading the data files of data/ into hash tables (GLib), once, read-only
 * afterwards.  Formats are described in data/README.md. */
#include "lexicon_impl.h"
#include "common/ascii.h"
#include "newsgraph/tagger.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef NG_DATA_DIR
#define NG_DATA_DIR "data"
#endif
#define NG_WORDLIST_DEFAULT "/usr/share/dict/ngerman"
#define NG_EN_WORDLIST_DEFAULT "/usr/share/dict/american-english"

const char *ng_lexicon_default_dir(void)
{
    const char *env = getenv("NEWSGRAPH_DATA");
    return env && *env ? env : NG_DATA_DIR;
}

static GHashTable *new_table(void)
{
    return g_hash_table_new(g_str_hash, g_str_equal);
}

static const char *intern(ng_lexicon *lex, const char *s)
{
    return g_string_chunk_insert_const(lex->strings, s);
}

static void *own(ng_lexicon *lex, size_t size)
{
    void *p = g_malloc0(size);
    g_ptr_array_add(lex->owned, p);
    return p;
}

/* Reads a TAB-separated file line by line; calls fn with the columns.  `want`
 * is the exact column count (0: any). */
typedef ng_status (*line_fn)(ng_lexicon *lex, char **cols, int ncols, const char *prev_comment,
                             const char *file, int lineno, ng_errmsg *err);

/* Adds a file to the lexicon's fingerprint: its name (as the data folder
 * names it, so that moving the folder changes nothing) and its bytes. */
static void digest_file(ng_lexicon *lex, const char *name, const char *content, size_t len)
{
    g_checksum_update(lex->digest, (const guchar *)name, (gssize)strlen(name) + 1);
    g_checksum_update(lex->digest, (const guchar *)content, (gssize)len);
}

static ng_status read_tsv(ng_lexicon *lex, const char *dir, const char *name, int want, int optional,
                          line_fn fn, ng_errmsg *err)
{
    gchar *path = g_build_filename(dir, name, NULL);
    gchar *content = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    if (!g_file_get_contents(path, &content, &len, &gerr)) {
        ng_status st = optional ? NG_OK
                                : ng_fail(err, NG_ERR_IO, "%s: cannot read data file: %s", path,
                                          gerr->message);
        g_error_free(gerr);
        g_free(path);
        return st;
    }
    digest_file(lex, name, content, len);
    if (!g_utf8_validate(content, (gssize)len, NULL)) {
        g_free(content);
        ng_status st = ng_fail(err, NG_ERR_UTF8, "%s: data file is not valid UTF-8", path);
        g_free(path);
        return st;
    }
    ng_status st = NG_OK;
    char *save = NULL, *prev_comment = NULL;
    int lineno = 0;
    for (char *line = content; line && st == NG_OK; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (line[0] == '#') {
            prev_comment = line;
            continue;
        }
        if (!line[0]) {
            prev_comment = NULL;
            continue;
        }
        gchar **cols = g_strsplit(line, "\t", -1);
        int n = (int)g_strv_length(cols);
        if (want && n != want)
            st = ng_fail(err, NG_ERR_FORMAT, "%s:%d: expected %d tab-separated columns, found %d",
                         path, lineno, want, n);
        else
            st = fn(lex, cols, n, prev_comment, path, lineno, err);
        g_strfreev(cols);
        prev_comment = NULL;
    }
    g_free(content);
    g_free(path);
    return st;
}

static int type_priority(ng_entity_type t)
{
    /* When two entries claim one name, the more specific kind wins. */
    switch (t) {
    case NG_ENT_COUNTRY: return 5;
    case NG_ENT_MEDIA: return 4;
    case NG_ENT_ORGANIZATION: return 3;
    case NG_ENT_PLACE: return 2;
    default: return 1;
    }
}

#define FOLD_BUF 256
#define FOLD_FAIL ((size_t)-1)

/* g_utf8_strdown(s, n) into buf when that is a byte-for-byte lower-casing,
 * which needs no allocation: every character ASCII (no NUL) or of Latin-1's
 * letters U+00C0 .. U+00FF (German umlauts: "À".."Þ" but "×" lower-case by
 * adding 0x20 to their second byte, the rest are lower-case already), and
 * no 'I' under a Turkic LC_CTYPE (GLib, which asks the locale on every
 * call, then makes it a dotless i).  Returns the length, or FOLD_FAIL when
 * GLib has to do it. */
static size_t strdown_simple(char *buf, size_t cap, const char *s, size_t n)
{
    if (n + 1 > cap)
        return FOLD_FAIL;
    int has_i = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0xBF) {
            unsigned char c2 = (unsigned char)s[i + 1];
            buf[i] = (char)ch;
            buf[i + 1] = (char)(c2 <= 0x9E && c2 != 0x97 ? c2 + 0x20 : c2);
            i++;
            continue;
        }
        if (!ch || ch >= 0x80)
            return FOLD_FAIL;
        has_i |= ch == 'I';
        buf[i] = ng_ascii_lower((char)ch);
    }
    if (has_i) {
        const char *loc = setlocale(LC_CTYPE, NULL);
        if (loc && ((loc[0] == 't' && loc[1] == 'r') || (loc[0] == 'a' && loc[1] == 'z')))
            return FOLD_FAIL;
    }
    buf[n] = '\0';
    return n;
}

/* Length of a lower-case word with one inflection ending off: genitive
 * -s/-es, adjective -e/-en/-em/-er/-es, plural -n. */
static size_t fold_ending(const char *low, size_t l)
{
    static const char *const endings[] = {"es", "en", "em", "er", "e", "s", "n"};
    for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (l >= el + 3 && memcmp(low + l - el, endings[i], el) == 0)
            return l - el;
    }
    return l;
}

size_t ng_lex_fold_word_into(char *buf, size_t cap, const char *s, size_t n)
{
    size_t l = strdown_simple(buf, cap, s, n);
    return l == FOLD_FAIL ? (size_t)-1 : fold_ending(buf, l);
}

void ng_lex_fold_word(GString *out, const char *s, size_t n)
{
    char buf[FOLD_BUF];
    size_t l = strdown_simple(buf, sizeof buf, s, n);
    if (l != FOLD_FAIL) {
        g_string_append_len(out, buf, (gssize)fold_ending(buf, l));
        return;
    }
    gchar *low = g_utf8_strdown(s, (gssize)n);
    g_string_append_len(out, low, (gssize)fold_ending(low, strlen(low)));
    g_free(low);
}

/* Puts the first 2 .. k - 1 words of phrase (k words joined by single
 * spaces) into set. */
static void add_prefixes(ng_lexicon *lex, GHashTable *set, const char *phrase)
{
    const char *sp = strchr(phrase, ' ');
    while (sp && (sp = strchr(sp + 1, ' ')) != NULL) {
        gchar *pre = g_strndup(phrase, (gsize)(sp - phrase));
        g_hash_table_add(set, (gpointer)intern(lex, pre));
        g_free(pre);
    }
}

static void add_folded(ng_lexicon *lex, const char *phrase, ng_lex_entity *e)
{
    if (!strchr(phrase, ' '))
        return;
    GString *f = g_string_new(NULL);
    const char *p = phrase;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (f->len)
            g_string_append_c(f, ' ');
        ng_lex_fold_word(f, p, n);
        p += n + (sp ? 1 : 0);
    }
    int words = 1;
    for (const char *q = f->str; *q; q++)
        words += *q == ' ';
    gchar *first = g_strndup(f->str, strcspn(f->str, " "));
    if (words > GPOINTER_TO_INT(g_hash_table_lookup(lex->folded_first, first)))
        g_hash_table_insert(lex->folded_first, (gpointer)intern(lex, first), GINT_TO_POINTER(words));
    g_free(first);
    add_prefixes(lex, lex->folded_prefixes, f->str);
    ng_lex_entity *old = g_hash_table_lookup(lex->names_folded, f->str);
    if (!old || type_priority(old->type) < type_priority(e->type))
        g_hash_table_insert(lex->names_folded, (gpointer)intern(lex, f->str), e);
    g_string_free(f, TRUE);
}

static void add_name(ng_lexicon *lex, const char *phrase, ng_lex_entity *e)
{
    if (!*phrase)
        return;
    add_folded(lex, phrase, e);
    ng_lex_entity *old = g_hash_table_lookup(lex->names, phrase);
    if (old && type_priority(old->type) >= type_priority(e->type))
        return;
    const char *key = intern(lex, phrase);
    g_hash_table_insert(lex->names, (gpointer)key, e);
    add_prefixes(lex, lex->name_prefixes, phrase);
    /* Remember the longest phrase that starts with this first token. */
    const char *sp = strchr(phrase, ' ');
    int words = 1;
    for (const char *p = phrase; *p; p++)
        words += *p == ' ';
    gchar *first = g_strndup(phrase, sp ? (gsize)(sp - phrase) : strlen(phrase));
    int cur = GPOINTER_TO_INT(g_hash_table_lookup(lex->name_first, first));
    if (words > cur)
        g_hash_table_insert(lex->name_first, (gpointer)intern(lex, first), GINT_TO_POINTER(words));
    g_free(first);
}

/* Names are stored as their tokens joined by single spaces, so "Wall Street
 * Journal" matches three tokens. */
static gchar *normalise_phrase(const char *s)
{
    gchar *t = g_strstrip(g_strdup(s));
    gchar **parts = g_strsplit_set(t, " \t", -1);
    GString *out = g_string_new(NULL);
    for (int i = 0; parts[i]; i++) {
        if (!*parts[i])
            continue;
        if (out->len)
            g_string_append_c(out, ' ');
        g_string_append(out, parts[i]);
    }
    g_strfreev(parts);
    g_free(t);
    return g_string_free(out, FALSE);
}

static ng_status entity_with_flags(ng_lexicon *lex, char **c, const char *comment, const char *file, int lineno,
                                   unsigned flags, ng_errmsg *err)
{
    int t = ng_entity_type_parse(c[0]);
    if (t < 0)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: unknown entity type '%s'", file, lineno, c[0]);
    if (!*c[1])
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: empty canonical name", file, lineno);
    ng_lex_entity *e = own(lex, sizeof *e);
    gchar *canon = normalise_phrase(c[1]);
    e->canonical = intern(lex, canon);
    e->type = (ng_entity_type)t;
    e->flags |= flags;
    if (comment && strstr(comment, "ambiguous"))
        e->flags |= NG_LEXF_AMBIGUOUS;
    if (comment && strstr(comment, "ambiguous: also a person's name"))
        e->flags |= NG_LEXF_PERSON_NAME;
    lex->nentities++;
    add_name(lex, canon, e);
    g_free(canon);
    gchar **aliases = g_strsplit(c[2], "|", -1);
    for (int i = 0; aliases[i]; i++) {
        gchar *a = normalise_phrase(aliases[i]);
        add_name(lex, a, e);
        g_free(a);
    }
    g_strfreev(aliases);
    gchar **adj = g_strsplit(c[3], "|", -1);
    for (int i = 0; adj[i]; i++) {
        gchar *a = g_utf8_strdown(g_strstrip(adj[i]), -1);
        if (*a && !g_hash_table_contains(lex->adjectives, a))
            g_hash_table_insert(lex->adjectives, (gpointer)intern(lex, a), e);
        g_free(a);
    }
    g_strfreev(adj);
    gchar **dem = g_strsplit(c[4], "|", -1);
    for (int i = 0; dem[i]; i++) {
        g_strstrip(dem[i]);
        if (*dem[i] && !g_hash_table_contains(lex->demonyms, dem[i]))
            g_hash_table_insert(lex->demonyms, (gpointer)intern(lex, dem[i]), e);
    }
    g_strfreev(dem);
    return NG_OK;
}

/* compass_prefixes.txt: the set, and what a word must look like to begin
 * with one (first byte, length range), so that most words are passed over
 * without a lookup. */
static ng_status compass_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                              int lineno, ng_errmsg *err)
{
    (void)n;
    (void)comment;
    size_t len = strlen(c[0]);
    if (!len)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: empty prefix", file, lineno);
    g_hash_table_add(lex->compass, (gpointer)intern(lex, c[0]));
    lex->compass_first[(unsigned char)c[0][0]] = 1;
    if (!lex->compass_min || len < lex->compass_min)
        lex->compass_min = len;
    if (len > lex->compass_max)
        lex->compass_max = len;
    return NG_OK;
}

/* word<TAB>genders (1 to `most` of the letters m, f, n) into table t, the
 * word lower-cased when `lower`: articles.tsv, company_nouns.txt. */
static ng_status genders_into(ng_lexicon *lex, GHashTable *t, char **c, size_t most, int lower, const char *file,
                              int lineno, ng_errmsg *err)
{
    size_t g = strlen(c[1]);
    if (!g || g > most || strspn(c[1], "mfn") != g)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: gender must be %s of m, f, n", file, lineno,
                       most > 1 ? "letters" : "one");
    gchar *w = lower ? g_utf8_strdown(c[0], -1) : g_strdup(c[0]);
    if (!g_hash_table_contains(t, w))
        g_hash_table_insert(t, (gpointer)intern(lex, w), (gpointer)intern(lex, c[1]));
    g_free(w);
    return NG_OK;
}

/* articles.tsv: definite article -> the genders of a singular it fits */
static ng_status article_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                              int lineno, ng_errmsg *err)
{
    (void)n;
    (void)comment;
    return genders_into(lex, lex->articles, c, 3, 1, file, lineno, err);
}

/* company_nouns.txt: noun -> its gender */
static ng_status company_noun_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                                   int lineno, ng_errmsg *err)
{
    (void)n;
    (void)comment;
    return genders_into(lex, lex->company_nouns, c, 1, 0, file, lineno, err);
}

static ng_status entity_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                             int lineno, ng_errmsg *err)
{
    (void)n;
    return entity_with_flags(lex, c, comment, file, lineno, 0, err);
}

/* companies.tsv: organisations a company noun ("das Unternehmen") may refer to */
static ng_status company_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                              int lineno, ng_errmsg *err)
{
    (void)n;
    return entity_with_flags(lex, c, comment, file, lineno, NG_LEXF_COMPANY, err);
}

static ng_status role_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                           int lineno, ng_errmsg *err)
{
    ng_lex_role *r = own(lex, sizeof *r);
    r->base = intern(lex, c[1]);
    r->gender = c[2][0] ? c[2][0] : 'x';
    if (strcmp(c[3], "title") == 0)
        r->kind = NG_ROLE_TITLE;
    else if (strcmp(c[3], "source") == 0)
        r->kind = NG_ROLE_SOURCE;
    else if (strcmp(c[3], "both") == 0)
        r->kind = NG_ROLE_TITLE | NG_ROLE_SOURCE;
    else
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: role kind must be title, source or both", file, lineno);
    if (!g_hash_table_contains(lex->roles, c[0]))
        g_hash_table_insert(lex->roles, (gpointer)intern(lex, c[0]), r);
    return NG_OK;
}

static ng_status verb_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                           int lineno, ng_errmsg *err)
{
    if (strcmp(c[3], "assert") != 0 && strcmp(c[3], "deny") != 0)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: stance must be assert or deny", file, lineno);
    ng_lex_verb *v = own(lex, sizeof *v);
    v->lemma = intern(lex, c[1]);
    v->particle = intern(lex, c[2]);
    v->deny = strcmp(c[3], "deny") == 0;
    gchar *form = g_utf8_strdown(c[0], -1);
    v->next = g_hash_table_lookup(lex->verbs, form);
    g_hash_table_insert(lex->verbs, (gpointer)intern(lex, form), v);
    g_free(form);
    return NG_OK;
}

static ng_status number_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                             int lineno, ng_errmsg *err)
{
    static const struct { const char *name; int kind; } kinds[] = {
        {"cardinal", NG_NUM_CARDINAL}, {"article1", NG_NUM_ARTICLE1}, {"multiplier", NG_NUM_MULTIPLIER},
        {"vague_plural", NG_NUM_VAGUE_PLURAL}, {"fraction", NG_NUM_FRACTION}, {"vague", NG_NUM_VAGUE},
        {"unit_count", NG_NUM_UNIT_COUNT}};
    ng_lex_number *num = own(lex, sizeof *num);
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(c[2], kinds[i].name) == 0)
            num->kind = kinds[i].kind;
    if (!num->kind)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: unknown number kind '%s'", file, lineno, c[2]);
    num->value = g_ascii_strtod(c[1], NULL);
    gchar *w = g_utf8_strdown(c[0], -1);
    if (!g_hash_table_contains(lex->numbers, w))
        g_hash_table_insert(lex->numbers, (gpointer)intern(lex, w), num);
    g_free(w);
    return NG_OK;
}

static int count_words(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static ng_status qualifier_line(ng_lexicon *lex, char **c, int n, const char *comment,
                                const char *file, int lineno, ng_errmsg *err)
{
    static const char *const names[] = {"exact", "approx", "at_least", "at_most", "range"};
    ng_lex_qualifier *q = own(lex, sizeof *q);
    int found = -1;
    for (int i = 0; i < 5; i++)
        if (strcmp(c[1], names[i]) == 0)
            found = i;
    if (found < 0)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: unknown qualifier '%s'", file, lineno, c[1]);
    q->qualifier = (ng_qualifier)found;
    q->after = strcmp(c[2], "after") == 0;
    gchar *p = normalise_phrase(c[0]);
    gchar *low = g_utf8_strdown(p, -1);
    q->nwords = count_words(low);
    if (q->nwords > lex->max_qualifier_words)
        lex->max_qualifier_words = q->nwords;
    /* Key includes the position, since "über" before and "und mehr" after differ. */
    gchar *key = g_strconcat(q->after ? ">" : "<", low, NULL);
    if (!g_hash_table_contains(lex->qualifiers, key))
        g_hash_table_insert(lex->qualifiers, (gpointer)intern(lex, key), q);
    g_free(key);
    g_free(low);
    g_free(p);
    return NG_OK;
}

static ng_status unit_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                           int lineno, ng_errmsg *err)
{
    ng_lex_unit *u = own(lex, sizeof *u);
    u->base = intern(lex, c[1]);
    u->kind = intern(lex, c[2]);
    if (!g_hash_table_contains(lex->units, c[0]))
        g_hash_table_insert(lex->units, (gpointer)intern(lex, c[0]), u);
    return NG_OK;
}

static ng_status cue_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                          int lineno, ng_errmsg *err)
{
    static const struct { const char *name; int kind; } kinds[] = {
        {"source_before", NG_CUE_SOURCE_BEFORE}, {"source_after", NG_CUE_SOURCE_AFTER},
        {"hedge", NG_CUE_HEDGE}, {"deny", NG_CUE_DENY}, {"speech_noun", NG_CUE_SPEECH_NOUN}};
    ng_lex_cue *cue = own(lex, sizeof *cue);
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(c[1], kinds[i].name) == 0)
            cue->kind = kinds[i].kind;
    if (!cue->kind)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: unknown cue kind '%s'", file, lineno, c[1]);
    gchar *p = normalise_phrase(c[0]);
    gchar *low = g_utf8_strdown(p, -1);
    cue->nwords = count_words(low);
    cue->phrase = intern(lex, low);
    if (cue->nwords > lex->max_cue_words)
        lex->max_cue_words = cue->nwords;
    if (!g_hash_table_contains(lex->cues, low))
        g_hash_table_insert(lex->cues, (gpointer)intern(lex, low), cue);
    g_free(low);
    g_free(p);
    return NG_OK;
}

static ng_status pair_int_line(ng_lexicon *lex, GHashTable *table, char **c, int n,
                               const char *file, int lineno, ng_errmsg *err)
{
    if (n != 2)
        return ng_fail(err, NG_ERR_FORMAT, "%s:%d: expected 2 tab-separated columns", file, lineno);
    int v = c[1][0];
    if (g_ascii_isdigit(c[1][0]))
        v = atoi(c[1]);
    g_hash_table_insert(table, (gpointer)intern(lex, c[0]), GINT_TO_POINTER(v));
    return NG_OK;
}

static ng_status month_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                            int lineno, ng_errmsg *err)
{
    return pair_int_line(lex, lex->months, c, n, file, lineno, err);
}

static ng_status pronoun_line(ng_lexicon *lex, char **c, int n, const char *comment,
                              const char *file, int lineno, ng_errmsg *err)
{
    return pair_int_line(lex, lex->pronouns, c, n, file, lineno, err);
}

/* One entry a line (first column; the rest of a line is ignored). */
static ng_status set_line_into(ng_lexicon *lex, GHashTable *set, char **c)
{
    gchar *w = g_strstrip(g_strdup(c[0]));
    if (*w)
        g_hash_table_add(set, (gpointer)intern(lex, w));
    g_free(w);
    return NG_OK;
}

static ng_status abbrev_line(ng_lexicon *lex, char **c, int n, const char *comment, const char *file,
                             int lineno, ng_errmsg *err)
{
    /* A spaced abbreviation ("z. B.") is matched token by token, so each
     * space-free part goes in. */
    gchar **parts = g_strsplit(c[0], " ", -1);
    for (int i = 0; parts[i]; i++)
        if (*parts[i])
            g_hash_table_add(lex->abbrevs, (gpointer)intern(lex, parts[i]));
    g_strfreev(parts);
    return NG_OK;
}

#define SET_READER(fname, member)                                                               \
    static ng_status fname(ng_lexicon *lex, char **c, int n, const char *comment,                \
                           const char *file, int lineno, ng_errmsg *err)                         \
    {                                                                                             \
        return set_line_into(lex, lex->member, c);                                                \
    }
SET_READER(given_line, given_names)
SET_READER(korean_line, korean_surnames)
SET_READER(chinese_line, chinese_surnames)
SET_READER(surname_line, surnames)
SET_READER(particle_line, particles)
SET_READER(en_institution_line, en_institutions)
SET_READER(continuation_line, continuation)
SET_READER(not_adjective_line, not_adjectives)
SET_READER(determiner_line, determiners)
SET_READER(preposition_line, prepositions)
SET_READER(place_preposition_line, place_preps)
SET_READER(media_noun_line, media_nouns)
SET_READER(credit_line, credit_markers)
SET_READER(institution_line, institutions)

/* A word list ($env, else path) into set; *text gets the file's text,
 * which holds the keys until the maps are made (the caller frees it).  A
 * missing list is no error: what it answers is then answered by the
 * lexicons alone. */
static void load_word_list(ng_lexicon *lex, GHashTable *set, const char *env, const char *path, char **text)
{
    const char *p = getenv(env);
    if (p && *p)
        path = p;
    gchar *content = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &content, &len, NULL)) {
        digest_file(lex, env, "", 0); /* absent is a state of its own */
        return;
    }
    digest_file(lex, env, content, len);
    /* Debian's word lists are UTF-8; a stray line that is not is skipped.
     * The words stay in the file's buffer until the maps are made. */
    char *save = NULL;
    for (char *w = strtok_r(content, "\n", &save); w; w = strtok_r(NULL, "\n", &save)) {
        if (*w && g_utf8_validate(w, -1, NULL))
            g_hash_table_add(set, w);
    }
    *text = content;
}

/* Every table and its map, in the same order. */
#define LEX_TABLES(l)                                                                                       \
    {&(l)->names, &(l)->names_folded, &(l)->determiners, &(l)->prepositions, &(l)->place_preps,             \
     &(l)->media_nouns, &(l)->credit_markers, &(l)->institutions, &(l)->folded_first, &(l)->name_first,     \
     &(l)->name_prefixes, &(l)->folded_prefixes, &(l)->adjectives, &(l)->demonyms, &(l)->roles,             \
     &(l)->given_names, &(l)->korean_surnames, &(l)->chinese_surnames, &(l)->surnames, &(l)->particles,     \
     &(l)->compass, &(l)->en_institutions, &(l)->company_nouns, &(l)->articles, &(l)->verbs, &(l)->numbers, \
     &(l)->qualifiers, &(l)->units, &(l)->cues, &(l)->abbrevs, &(l)->months, &(l)->pronouns,               \
     &(l)->continuation, &(l)->not_adjectives, &(l)->dictionary, &(l)->english}
#define LEX_MAPS(l)                                                                                         \
    {&(l)->map.names, &(l)->map.names_folded, &(l)->map.determiners, &(l)->map.prepositions,                \
     &(l)->map.place_preps, &(l)->map.media_nouns, &(l)->map.credit_markers, &(l)->map.institutions,        \
     &(l)->map.folded_first, &(l)->map.name_first, &(l)->map.name_prefixes, &(l)->map.folded_prefixes,      \
     &(l)->map.adjectives, &(l)->map.demonyms, &(l)->map.roles, &(l)->map.given_names,                      \
     &(l)->map.korean_surnames, &(l)->map.chinese_surnames, &(l)->map.surnames, &(l)->map.particles,        \
     &(l)->map.compass, &(l)->map.en_institutions, &(l)->map.company_nouns, &(l)->map.articles,             \
     &(l)->map.verbs, &(l)->map.numbers, &(l)->map.qualifiers, &(l)->map.units, &(l)->map.cues,             \
     &(l)->map.abbrevs, &(l)->map.months, &(l)->map.pronouns, &(l)->map.continuation,                      \
     &(l)->map.not_adjectives, &(l)->map.dictionary, &(l)->map.english}

/* The maps replace the tables once loading is done: they hold copies of
 * the keys, so the tables (and the word list's text) can go. */
static void build_maps(ng_lexicon *lex)
{
    GHashTable **tables[] = LEX_TABLES(lex);
    ng_strmap **maps[] = LEX_MAPS(lex);
    G_STATIC_ASSERT(G_N_ELEMENTS(tables) == G_N_ELEMENTS(maps));
    for (size_t i = 0; i < G_N_ELEMENTS(maps); i++) {
        *maps[i] = ng_strmap_from_table(*tables[i]);
        g_hash_table_destroy(*tables[i]);
        *tables[i] = NULL;
    }
}

void ng_lexicon_free(ng_lexicon *lex)
{
    if (!lex)
        return;
    GHashTable **tables[] = LEX_TABLES(lex);
    for (size_t i = 0; i < G_N_ELEMENTS(tables); i++)
        if (*tables[i])
            g_hash_table_destroy(*tables[i]);
    ng_strmap **maps[] = LEX_MAPS(lex);
    for (size_t i = 0; i < G_N_ELEMENTS(maps); i++)
        ng_strmap_free(*maps[i]);
    ng_tagger_free(lex->tagger);
    if (lex->digest)
        g_checksum_free(lex->digest);
    if (lex->owned)
        g_ptr_array_free(lex->owned, TRUE);
    if (lex->strings)
        g_string_chunk_free(lex->strings);
    g_free(lex);
}

ng_status ng_lexicon_load(const char *dir, ng_lexicon **out, ng_errmsg *err)
{
    *out = NULL;
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR))
        return ng_fail(err, NG_ERR_NOTFOUND, "%s: data folder not found (set --data or NEWSGRAPH_DATA)", dir);
    ng_lexicon *lex = g_new0(ng_lexicon, 1);
    lex->strings = g_string_chunk_new(1 << 16);
    lex->owned = g_ptr_array_new_with_free_func(g_free);
    lex->digest = g_checksum_new(G_CHECKSUM_SHA1);
    GHashTable **tables[] = LEX_TABLES(lex);
    for (size_t i = 0; i < G_N_ELEMENTS(tables); i++)
        *tables[i] = new_table();
    static const struct {
        const char *file;
        int cols;
        int optional;
        line_fn fn;
    } files[] = {
        {"lexicon/countries.tsv", 5, 0, entity_line},
        {"lexicon/organizations.tsv", 5, 0, entity_line},
        {"lexicon/companies.tsv", 5, 0, company_line},
        {"lexicon/media.tsv", 5, 0, entity_line},
        {"lexicon/places.tsv", 5, 0, entity_line},
        {"lexicon/clubs.tsv", 5, 0, entity_line},
        {"lexicon/roles.tsv", 4, 0, role_line},
        {"lexicon/given_names.txt", 0, 0, given_line},
        {"lexicon/korean_surnames.txt", 0, 0, korean_line},
        {"lexicon/chinese_surnames.txt", 0, 0, chinese_line},
        {"lexicon/surnames.txt", 2, 0, surname_line},
        {"lang/de/name_particles.txt", 0, 0, particle_line},
        {"lang/de/compass_prefixes.txt", 0, 0, compass_line},
        {"lang/en/institution_heads.txt", 0, 0, en_institution_line},
        {"lang/de/company_nouns.txt", 2, 0, company_noun_line},
        {"lang/de/articles.tsv", 2, 0, article_line},
        {"lang/de/reporting_verbs.tsv", 4, 0, verb_line},
        {"lang/de/number_words.tsv", 3, 0, number_line},
        {"lang/de/qualifiers.tsv", 3, 0, qualifier_line},
        {"lang/de/units.tsv", 3, 0, unit_line},
        {"lang/de/cues.tsv", 3, 0, cue_line},
        {"lang/de/abbreviations.txt", 0, 0, abbrev_line},
        {"lang/de/months.tsv", 2, 0, month_line},
        {"lang/de/pronouns.tsv", 2, 0, pronoun_line},
        {"lang/de/report_continuation.txt", 0, 0, continuation_line},
        {"lang/de/not_adjectives.txt", 0, 0, not_adjective_line},
        {"lang/de/determiners.txt", 0, 0, determiner_line},
        {"lang/de/prepositions.txt", 0, 0, preposition_line},
        {"lang/de/place_prepositions.txt", 0, 0, place_preposition_line},
        {"lang/de/media_nouns.txt", 0, 0, media_noun_line},
        {"lang/de/credit_markers.txt", 0, 0, credit_line},
        {"lang/de/institution_nouns.txt", 0, 0, institution_line},
    };
    ng_status st = NG_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(files) && st == NG_OK; i++)
        st = read_tsv(lex, dir, files[i].file, files[i].cols, files[i].optional, files[i].fn, err);
    char *wordlist = NULL, *english = NULL;
    if (st == NG_OK) {
        load_word_list(lex, lex->dictionary, "NEWSGRAPH_WORDLIST", NG_WORDLIST_DEFAULT, &wordlist);
        load_word_list(lex, lex->english, "NEWSGRAPH_EN_WORDLIST", NG_EN_WORDLIST_DEFAULT, &english);
        build_maps(lex);
    }
    g_free(wordlist);
    g_free(english);
    gchar *model = g_build_filename(dir, "models", "ner-de.tsv", NULL); /* optional */
    if (st == NG_OK && g_file_test(model, G_FILE_TEST_EXISTS)) {
        /* read once: for the fingerprint and for the tagger */
        gchar *content = NULL;
        gsize len = 0;
        if (g_file_get_contents(model, &content, &len, NULL)) {
            digest_file(lex, "models/ner-de.tsv", content, len);
            st = ng_tagger_load_text(model, content, len, &lex->tagger, err);
        } else {
            st = ng_tagger_load(model, &lex->tagger, err); /* it says why the file cannot be read */
        }
    }
    g_free(model);
    if (st == NG_OK)
        g_strlcpy(lex->fingerprint, g_checksum_get_string(lex->digest), sizeof lex->fingerprint);
    g_checksum_free(lex->digest);
    lex->digest = NULL;
    if (st != NG_OK) {
        ng_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return NG_OK;
}

const char *ng_lexicon_fingerprint(const ng_lexicon *lex)
{
    return lex->fingerprint;
}

static size_t map_size(const ng_strmap *m)
{
    return m ? m->n : 0;
}

void ng_lexicon_get_stats(const ng_lexicon *lex, ng_lexicon_stats *s)
{
    memset(s, 0, sizeof *s);
    s->entities = lex->nentities;
    s->names = map_size(lex->map.names);
    s->adjectives = map_size(lex->map.adjectives);
    s->demonyms = map_size(lex->map.demonyms);
    s->roles = map_size(lex->map.roles);
    s->given_names = map_size(lex->map.given_names);
    s->verbs = map_size(lex->map.verbs);
    s->number_words = map_size(lex->map.numbers);
    s->units = map_size(lex->map.units);
    s->cues = map_size(lex->map.cues);
    s->abbreviations = map_size(lex->map.abbrevs);
    s->dictionary_words = map_size(lex->map.dictionary);
}

/* ---- lookups by byte range ---- */

#define KEYBUF 256
/* Keys of KEYBUF bytes or more are never found (lookups used to copy the key
 * into a buffer of that size). */
static void *lookup(const ng_strmap *m, const char *s, size_t n)
{
    return n == 0 || n >= KEYBUF ? NULL : ng_strmap_get(m, s, n);
}

static int contains(const ng_strmap *m, const char *s, size_t n)
{
    return n != 0 && n < KEYBUF && ng_strmap_has(m, s, n);
}

/* Lower-cases s into buf without allocating (the hot path of every token
 * lookup); returns its length, or LOWER_FAIL when it does not fit or is not
 * UTF-8. */
#define LOWER_FAIL ((size_t)-1)
static size_t lower_len(char *buf, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (k + 1 >= cap)
                return LOWER_FAIL;
            buf[k++] = ng_ascii_lower((char)ch);
            i++;
            continue;
        }
        gunichar u = g_utf8_get_char_validated(s + i, (gssize)(n - i));
        if (u == (gunichar)-1 || u == (gunichar)-2)
            return LOWER_FAIL;
        const char *next = g_utf8_next_char(s + i);
        char tmp[8];
        int l = g_unichar_to_utf8(g_unichar_tolower(u), tmp);
        if (k + (size_t)l + 1 >= cap)
            return LOWER_FAIL;
        memcpy(buf + k, tmp, (size_t)l);
        k += (size_t)l;
        i = (size_t)(next - s);
    }
    buf[k] = '\0';
    return k;
}

int ng_lex_lower(char *buf, size_t cap, const char *s, size_t n)
{
    return lower_len(buf, cap, s, n) != LOWER_FAIL;
}

static void *lookup_lower(const ng_strmap *m, const char *s, size_t n)
{
    char buf[KEYBUF];
    size_t l;
    if (n == 0 || (l = lower_len(buf, sizeof buf, s, n)) == LOWER_FAIL)
        return NULL;
    return ng_strmap_get(m, buf, l);
}

const ng_lex_entity *ng_lex_name(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup(lex->map.names, s, n);
}

const ng_lex_entity *ng_lex_name_folded(const ng_lexicon *lex, const char *const *words, const size_t *lens,
                                        size_t n)
{
    if (n < 2)
        return NULL;
    GString *f = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        if (i)
            g_string_append_c(f, ' ');
        ng_lex_fold_word(f, words[i], lens[i]);
    }
    const ng_lex_entity *e = ng_strmap_get(lex->map.names_folded, f->str, f->len);
    g_string_free(f, TRUE);
    return e;
}

int ng_lex_folded_max(const ng_lexicon *lex, const char *s, size_t n)
{
    char buf[FOLD_BUF];
    size_t l = strdown_simple(buf, sizeof buf, s, n);
    if (l != FOLD_FAIL) /* the common case, without allocating */
        return GPOINTER_TO_INT(ng_strmap_get(lex->map.folded_first, buf, fold_ending(buf, l)));
    GString *f = g_string_new(NULL);
    ng_lex_fold_word(f, s, n);
    int r = GPOINTER_TO_INT(ng_strmap_get(lex->map.folded_first, f->str, f->len));
    g_string_free(f, TRUE);
    return r;
}

/* A noun of the set, or its plural or genitive: "Organisationen",
 * "Behörden", "des Ministeriums", "Zeitungen". */
static int contains_inflected(const ng_strmap *set, const char *s, size_t n)
{
    if (contains(set, s, n))
        return 1;
    static const char *const endings[] = {"en", "n", "e", "es", "s"};
    for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (n > el + 3 && memcmp(s + n - el, endings[i], el) == 0 && contains(set, s, n - el))
            return 1;
    }
    return 0;
}

int ng_lex_is_institution(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains_inflected(lex->map.institutions, s, n);
}

int ng_lex_is_credit_marker(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.credit_markers, s, n);
}

int ng_lex_is_media_noun(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains_inflected(lex->map.media_nouns, s, n);
}

int ng_lex_is_preposition(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.prepositions, s, n) != NULL;
}

int ng_lex_is_place_preposition(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.place_preps, s, n) != NULL;
}

int ng_lex_is_determiner(const ng_lexicon *lex, const char *s, size_t n)
{
    GString *f = g_string_new(NULL);
    ng_lex_fold_word(f, s, n);
    int r = ng_strmap_has(lex->map.determiners, f->str, f->len);
    if (!r) {
        gchar *low = g_utf8_strdown(s, (gssize)n);
        r = ng_strmap_has(lex->map.determiners, low, strlen(low));
        g_free(low);
    }
    g_string_free(f, TRUE);
    return r;
}

int ng_lex_name_max(const ng_lexicon *lex, const char *s, size_t n)
{
    return GPOINTER_TO_INT(lookup(lex->map.name_first, s, n));
}

int ng_lex_is_name_prefix(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.name_prefixes, s, n);
}

int ng_lex_is_folded_name_prefix(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.folded_prefixes, s, n);
}

const ng_lex_entity *ng_lex_adjective(const ng_lexicon *lex, const char *s, size_t n)
{
    /* Strip the inflection ending and look the stem up. */
    static const char *const endings[] = {"en", "em", "er", "es", "e", ""};
    char low[KEYBUF];
    size_t l;
    if (n == 0 || (l = lower_len(low, sizeof low, s, n)) == LOWER_FAIL)
        return NULL;
    const ng_lex_entity *e = NULL;
    for (size_t i = 0; !e && i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (l > el + 2 && memcmp(low + l - el, endings[i], el) == 0)
            e = ng_strmap_get(lex->map.adjectives, low, l - el);
    }
    return e;
}

const ng_lex_entity *ng_lex_adjective_word(const ng_lexicon *lex, const char *s, size_t n)
{
    char buf[FOLD_BUF];
    size_t l = strdown_simple(buf, sizeof buf, s, n);
    if (l != FOLD_FAIL)
        return ng_strmap_get(lex->map.adjectives, buf, l);
    gchar *low = g_utf8_strdown(s, (gssize)n);
    const ng_lex_entity *e = ng_strmap_get(lex->map.adjectives, low, strlen(low));
    g_free(low);
    return e;
}

const ng_lex_entity *ng_lex_demonym(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup(lex->map.demonyms, s, n);
}

const ng_lex_role *ng_lex_role_get(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup(lex->map.roles, s, n);
}

int ng_lex_is_given_name(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.given_names, s, n);
}

int ng_lex_is_korean_surname(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.korean_surnames, s, n);
}

int ng_lex_is_surname(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.surnames, s, n);
}

int ng_lex_is_chinese_surname(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.chinese_surnames, s, n);
}

int ng_lex_is_particle(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.particles, s, n);
}

int ng_lex_is_compass_prefix(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.compass, s, n);
}

int ng_lex_compass_lengths(const ng_lexicon *lex, const char *s, size_t *min, size_t *max)
{
    *min = lex->compass_min;
    *max = lex->compass_max;
    return lex->compass_first[(unsigned char)s[0]];
}

int ng_lex_is_english_institution(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.en_institutions, s, n);
}

const char *ng_lex_article_genders(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.articles, s, n);
}

int ng_lex_company_noun_gender(const ng_lexicon *lex, const char *s, size_t n)
{
    const char *g = lookup(lex->map.company_nouns, s, n);
    return g ? g[0] : 0;
}

const ng_lex_verb *ng_lex_verb_get(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.verbs, s, n);
}

const ng_lex_number *ng_lex_number_get(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.numbers, s, n);
}

const ng_lex_unit *ng_lex_unit_get(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup(lex->map.units, s, n);
}

const ng_lex_qualifier *ng_lex_qualifier_get(const ng_lexicon *lex, const char *phrase)
{
    return ng_strmap_get(lex->map.qualifiers, phrase, strlen(phrase));
}

const ng_lex_cue *ng_lex_cue_get(const ng_lexicon *lex, const char *phrase)
{
    return ng_strmap_get(lex->map.cues, phrase, strlen(phrase));
}

int ng_lex_is_not_adjective(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.not_adjectives, s, n) != NULL;
}

int ng_lex_is_continuation(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.continuation, s, n) != NULL;
}

int ng_lex_is_abbrev(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.abbrevs, s, n);
}

int ng_lex_month(const ng_lexicon *lex, const char *s, size_t n)
{
    return GPOINTER_TO_INT(lookup(lex->map.months, s, n));
}

int ng_lex_pronoun(const ng_lexicon *lex, const char *s, size_t n)
{
    return GPOINTER_TO_INT(lookup_lower(lex->map.pronouns, s, n));
}

int ng_lex_is_word(const ng_lexicon *lex, const char *s, size_t n)
{
    return contains(lex->map.dictionary, s, n);
}

int ng_lex_is_english_word(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.english, s, n) != NULL;
}

int ng_lex_is_english_name(const ng_lexicon *lex, const char *s, size_t n)
{
    return n && s[0] >= 'A' && s[0] <= 'Z' && ng_strmap_has(lex->map.english, s, n);
}

int ng_lex_is_lower_word(const ng_lexicon *lex, const char *s, size_t n)
{
    return lookup_lower(lex->map.dictionary, s, n) != NULL;
}

int ng_lex_is_word_form(const ng_lexicon *lex, const char *s, size_t n)
{
    if (ng_lex_is_word(lex, s, n))
        return 1;
    /* German word lists hold base forms: try the plural and case endings off. */
    static const char *const endings[] = {"nen", "ern", "en", "er", "es", "n", "s", "e"};
    for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
        size_t el = strlen(endings[i]);
        if (n > el + 2 && memcmp(s + n - el, endings[i], el) == 0 && ng_lex_is_word(lex, s, n - el))
            return 1;
    }
    return 0;
}

int ng_lex_is_subjunctive(const ng_lexicon *lex, const char *s, size_t n)
{
    char buf[KEYBUF];
    if (n < 3 || n + 1 >= KEYBUF || s[n - 1] != 'e' || g_unichar_isupper(g_utf8_get_char(s)) ||
        ng_lex_is_determiner(lex, s, n) || ng_lex_is_preposition(lex, s, n))
        return 0;
    memcpy(buf, s, n - 1);
    buf[n - 1] = 't';
    return ng_strmap_has(lex->map.dictionary, buf, n);
}
