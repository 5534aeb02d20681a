/* Relate: claims — direct quotes, indirect speech and attributions — with
 * their speaker, the outlet that reported them, stance, hedging and date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct cues {
    size_t verb;          /* token of the reporting verb, or NG_NONE */
    const ng_lex_verb *v;
    size_t before;        /* token after a source_before cue ("laut"), or NG_NONE */
    int berufung;         /* the source_before cue was "unter Berufung auf" */
    size_t after;         /* token before "zufolge", or NG_NONE */
    const char *cue_text; /* the cue as written */
    size_t adj_source;    /* "nach japanischen Angaben": the adjective naming the source, or NG_NONE */
    int hedged, deny, quote;
} cues;

static int is_article(const ctx *c, size_t i)
{
    static const char *const arts[] = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen",
                                       "einem", "einer", "eines"};
    for (size_t k = 0; k < G_N_ELEMENTS(arts); k++)
        if (ng_tok_iequals(c, i, arts[k]))
            return 1;
    return 0;
}

static int clause_break(const ctx *c, size_t i)
{
    const ng_token *t = &c->seg.tokens[i];
    return t->kind == NG_TOK_QUOTE_OPEN || t->kind == NG_TOK_QUOTE_CLOSE ||
           (t->kind == NG_TOK_PUNCT && (ng_tok_equals(c, i, ",") || ng_tok_equals(c, i, ":") ||
                                        ng_tok_equals(c, i, ";") || ng_tok_equals(c, i, ".")));
}

static int punct_break(const ctx *c, size_t i);
static int unowned_speech_noun(const ctx *c, size_t k, size_t end);

static int is_actor(const ent *e)
{
    return e->type != NG_ENT_PLACE;
}

/* Is the mention a name (capitalised), not an adjective like "südkoreanische"? */
static int mention_is_name(const ctx *c, const mention *m)
{
    if (m->last_tok > m->first_tok)
        return 1; /* "südkoreanische Geheimdienst", "Vereinte Nationen" */
    return g_unichar_isupper(g_utf8_get_char(c->text + m->start)) &&
           !ng_lex_adjective(c->lex, c->text + m->start, m->end - m->start) &&
           !ng_lex_demonym(c->lex, c->text + m->start, m->end - m->start);
}

/* The entity of a mention if it names an actor ("Russland", "Kim"), not an
 * adjective ("nordkoreanische") or a place. */
static size_t named_actor(ctx *c, size_t k)
{
    size_t mi = c->tok_mention[k];
    if (mi == NG_NONE)
        return NG_NONE;
    mention *m = &g_array_index(c->mentions, mention, mi);
    ent *e = c->ents->pdata[m->entity];
    return is_actor(e) && mention_is_name(c, m) ? m->entity : NG_NONE;
}

/* Looks like an inflected adjective ("ukrainischen", "westliche"), not a
 * determiner or pronoun ("seiner", "dass"). */
static int adjective_shaped(const ctx *c, size_t k)
{
    const char *s = tok_str(c, k);
    size_t n = tok_len(c, k);
    /* capitalised only because it opens the sentence: "Lokale Medien berichteten" */
    int cap_only_first = (c->seg.tokens[k].flags & NG_TOKF_SENT_START) && ng_lex_is_lower_word(c->lex, s, n);
    if (c->seg.tokens[k].kind != NG_TOK_WORD || ((c->seg.tokens[k].flags & NG_TOKF_CAP) && !cap_only_first) ||
        !ng_adjective_ending(s, n) || ng_lex_is_determiner(c->lex, s, n) || ng_lex_verb_get(c->lex, s, n) ||
        ng_lex_is_preposition(c->lex, s, n) || ng_lex_is_not_adjective(c->lex, s, n))
        return 0;
    return 1;
}

/* A place's adjective in -er, capitalised and not inflected: "das Schweriner
 * Umweltministerium", "die Hamburger Stadtreinigung" (a one-word mention of
 * the place). */
static int place_adjective(const ctx *c, size_t k)
{
    size_t mi = c->tok_mention[k];
    if (mi == NG_NONE)
        return 0;
    const mention *m = &g_array_index(c->mentions, mention, mi);
    const ent *e = c->ents->pdata[m->entity];
    size_t n = tok_len(c, k);
    return m->first_tok == k && m->last_tok == k && (e->type == NG_ENT_PLACE || e->type == NG_ENT_COUNTRY) &&
           n > 4 && memcmp(tok_str(c, k) + n - 2, "er", 2) == 0 && k + 1 < c->seg.ntokens &&
           (c->seg.tokens[k + 1].flags & NG_TOKF_CAP) && c->tok_mention[k + 1] == NG_NONE;
}

/* The mention that starts last before token k and whose entity fits,
 * looking back over at most `sentences` sentences (k's own included; 0: the
 * whole document), or NG_NONE.  One scan for every "the one named before"
 * lookup. */
typedef int (*mention_fit)(const ent *e, const void *arg);
static size_t mention_before(const ctx *c, size_t k, uint32_t sentences, mention_fit fits, const void *arg)
{
    uint32_t s = c->tok_sentence[k];
    for (uint32_t ss = s + 1; ss-- > 0 && (!sentences || ss + sentences > s);) {
        const GArray *ms = c->sent_mentions[ss]; /* NULL: none */
        size_t best = NG_NONE; /* mentions of a sentence are not in text order */
        for (guint m = 0; ms && m < ms->len; m++) {
            size_t mi = g_array_index(ms, size_t, m);
            const mention *mm = &g_array_index(c->mentions, mention, mi);
            if (mm->first_tok < k && fits(c->ents->pdata[mm->entity], arg) &&
                (best == NG_NONE || mm->first_tok > g_array_index(c->mentions, mention, best).first_tok))
                best = mi;
        }
        if (best != NG_NONE)
            return best;
    }
    return NG_NONE;
}

/* The entity of that mention. */
static size_t entity_before(const ctx *c, size_t k, uint32_t sentences, mention_fit fits, const void *arg)
{
    size_t m = mention_before(c, k, sentences, fits, arg);
    return m == NG_NONE ? NG_NONE : g_array_index(c->mentions, mention, m).entity;
}

static int fits_media(const ent *e, const void *arg)
{
    (void)arg;
    return e->type == NG_ENT_MEDIA;
}

static int fits_named_person(const ent *e, const void *arg)
{
    (void)arg;
    return e->type == NG_ENT_PERSON && !e->anonymous;
}

static int fits_named_organization(const ent *e, const void *arg)
{
    (void)arg;
    return e->type == NG_ENT_ORGANIZATION && !e->anonymous;
}

/* a named body whose label holds the (case-folded) noun: "Behörde" in
 * "Internationale Atomenergiebehörde" */
static int fits_body_with_noun(const ent *e, const void *noun)
{
    if (e->anonymous || (e->type != NG_ENT_ORGANIZATION && e->type != NG_ENT_MEDIA))
        return 0;
    gchar *lab = g_utf8_casefold(e->label, -1);
    int r = strstr(lab, noun) != NULL;
    g_free(lab);
    return r;
}

/* Can the definite article at token a stand before a singular noun of this
 * gender ('m', 'f', 'n'; 0: no noun)?  "die Autobauer" and "die Unternehmen"
 * are plurals. */
static int singular_article_fits(const ctx *c, size_t a, int gender)
{
    /* "Sprecher der Autobauer": after a noun, a masculine "der" is a genitive plural */
    if (gender == 'm' && ng_tok_iequals(c, a, "der") && a > 0 && c->seg.tokens[a - 1].kind == NG_TOK_WORD &&
        (c->seg.tokens[a - 1].flags & NG_TOKF_CAP))
        return 0;
    const char *genders = ng_lex_article_genders(c->lex, tok_str(c, a), tok_len(c, a));
    return gender && genders && strchr(genders, gender);
}

/* The organisation named last before token k, when it is a company of the
 * lexicon (lexicon/companies.tsv): "das Unternehmen" means it.  An
 * organisation the lexicon does not know as a company stops the search, and
 * so does a name inside a compound ("der Apple-Zulieferer" is another company,
 * perhaps one no lexicon knows). */
static size_t company_before(const ctx *c, size_t k)
{
    size_t m = mention_before(c, k, 0, fits_named_organization, NULL);
    if (m == NG_NONE)
        return NG_NONE;
    const mention *mm = &g_array_index(c->mentions, mention, m);
    const ng_token *t = &c->seg.tokens[mm->first_tok];
    if ((t->flags & NG_TOKF_HYPHEN) && mm->first_tok == mm->last_tok && mm->end - mm->start < t->end - t->start)
        return NG_NONE; /* a part of a compound */
    const ent *e = c->ents->pdata[mm->entity];
    const ng_lex_entity *le = ng_lex_name(c->lex, e->label, strlen(e->label));
    return le && le->type == NG_ENT_ORGANIZATION && (le->flags & NG_LEXF_COMPANY) ? mm->entity : NG_NONE;
}

/* The named person mentioned last before token k, in its sentence or the one before. */
static size_t person_before(const ctx *c, size_t k)
{
    return entity_before(c, k, 2, fits_named_person, NULL);
}

/* A name the recogniser did not know, over tokens [i, j] as written: a new
 * entity with its mention. */
static size_t name_over(ctx *c, ng_entity_type type, size_t i, size_t j)
{
    uint32_t s0 = c->seg.tokens[i].start, s1 = c->seg.tokens[j].end;
    gchar *label = ng_ctx_span_label(c, s0, s1);
    size_t e = ng_ctx_entity(c, type, label, 0);
    ng_ctx_mention(c, e, i, j, s0, s1);
    g_free(label);
    return e;
}

/* Capitalised tokens [i, j] in a speaker's place that the recogniser left
 * alone: a person ("sagte Budanow"), or the lexicon's entry when they are a
 * name of it that is also an ordinary word (the recogniser waits for an
 * article before taking those): there, without one, they are the name
 * ("berichtete Golem", "Bayer teilte mit"); one that is also a person's name
 * is the person ("sagte Austin"). */
static size_t unknown_speaker(ctx *c, size_t i, size_t j)
{
    const ng_lex_entity *le = ng_ctx_name_meant(c, i, j, NG_ENT_PERSON);
    return le ? ng_ctx_lexicon_mention(c, le, i, j, c->seg.tokens[i].start, c->seg.tokens[j].end)
              : name_over(c, NG_ENT_PERSON, i, j);
}

/* A name in quotation marks that the recogniser did not know: up to five
 * words from k, starting with a capital, closed before any punctuation. */
static size_t quoted_name_at(ctx *c, size_t k, size_t end, ng_entity_type type, size_t *last)
{
    if (k >= end || c->tok_mention[k] != NG_NONE || !(c->seg.tokens[k].flags & NG_TOKF_CAP))
        return NG_NONE;
    size_t close = k;
    while (close < end && close < k + 6 && c->seg.tokens[close].kind != NG_TOK_QUOTE_CLOSE &&
           c->seg.tokens[close].kind != NG_TOK_QUOTE_OPEN && c->tok_mention[close] == NG_NONE &&
           !punct_break(c, close))
        close++;
    if (close >= end || close == k || c->seg.tokens[close].kind != NG_TOK_QUOTE_CLOSE)
        return NG_NONE;
    *last = close;
    return name_over(c, type, k, close - 1);
}

/* An unnamed source: "ein ukrainischer Militärbeamter", "westliche
 * Diplomaten"; or, with a definite article, the holder of a role the text
 * named before ("der Sprecher" after "Sprecher John Kirby"). */
static size_t make_anonymous(ctx *c, ng_entity_type type, size_t adj_first, size_t j, const char *base)
{
    GString *label = g_string_new(NULL);
    for (size_t k = adj_first; k < j; k++) {
        const char *s = tok_str(c, k);
        size_t n = tok_len(c, k);
        if (place_adjective(c, k)) { /* "Schweriner" does not inflect */
            g_string_append_len(label, s, (gssize)n);
            g_string_append_c(label, ' ');
            continue;
        }
        /* Adjective in its strong masculine form: "ukrainischen" → "ukrainischer". */
        size_t cut = n - ng_adjective_ending(s, n);
        /* adjectives are lower case, also when they open the sentence */
        gchar *adj = g_utf8_strdown(s, (gssize)cut);
        g_string_append(label, adj);
        g_free(adj);
        g_string_append(label, type == NG_ENT_PERSON ? "er " : "e ");
    }
    g_string_append(label, base);
    /* Unnamed sources are kept apart between documents by the store. */
    size_t e = ng_ctx_entity(c, type, label->str, 1);
    ng_ctx_mention(c, e, adj_first, j, c->seg.tokens[adj_first].start, c->seg.tokens[j].end);
    ng_ctx_add_alias(c, e, label->str);
    /* and as written ("westliche Diplomaten"), for --by and --about */
    gchar *written = g_strndup(c->text + c->seg.tokens[adj_first].start,
                               c->seg.tokens[j].end - c->seg.tokens[adj_first].start);
    ng_ctx_add_alias(c, e, written);
    g_free(written);
    g_string_free(label, TRUE);
    return e;
}

/* In the speaker's place of a reporting verb, an unnamed speaker is still a
 * speaker: "die Polizei teilte mit", "sagte ein Sprecher". */
static size_t anonymous_at(ctx *c, size_t i, size_t end, size_t *last, int speaker_slot)
{
    size_t j = i;
    int indefinite = 0;
    size_t article = NG_NONE; /* the (last) definite article's token */
    /* "nach Angaben der Polizei": the cue ended with the article */
    if (i > 0 && (ng_tok_iequals(c, i - 1, "der") || ng_tok_iequals(c, i - 1, "des") || ng_tok_iequals(c, i - 1, "dem")))
        article = i - 1;
    for (; j < end && is_article(c, j); j++) {
        if (g_ascii_strncasecmp(tok_str(c, j), "ein", 3) == 0)
            indefinite = 1;
        else
            article = j;
    }
    const int definite = article != NG_NONE;
    size_t adj_first = j;
    /* a name starting here ("südkoreanische Geheimdienst") is the caller's */
    if (j < end && c->tok_mention[j] != NG_NONE &&
        g_array_index(c->mentions, mention, c->tok_mention[j]).last_tok > j)
        return NG_NONE;
    while (j < end && j < adj_first + 3 && (adjective_shaped(c, j) || (j > i && place_adjective(c, j))))
        j++;
    size_t adjs = j - adj_first;
    /* the finite auxiliary before its subject: "Zuvor hatten Experten
     * gewarnt" (a bare noun is a source there as after an adjective) */
    const int after_aux = i == adj_first && i > 0 && c->seg.tokens[i - 1].kind == NG_TOK_WORD &&
                          ng_lex_is_not_adjective(c->lex, tok_str(c, i - 1), tok_len(c, i - 1));
    /* a noun qualified enough to stand for an unnamed source */
    const int described = definite || indefinite || adjs || after_aux;
    /* "Der Norweger versicherte": a definite demonym in the singular is the
     * person named just before */
    if (definite && !indefinite && !adjs && j < end && i < j && c->tok_mention[j] != NG_NONE &&
        ng_lex_demonym(c->lex, tok_str(c, j), tok_len(c, j)) &&
        /* in the subject's place: opening the sentence or right after a reporting verb */
        ((c->seg.tokens[j - 1].flags & NG_TOKF_SENT_START) ||
         (j >= 2 && ng_lex_verb_get(c->lex, tok_str(c, j - 2), tok_len(c, j - 2)))) &&
        (ng_tok_iequals(c, j - 1, "der") ||
         (ng_tok_iequals(c, j - 1, "die") && tok_len(c, j) > 3 && !memcmp(tok_str(c, j) + tok_len(c, j) - 2, "in", 2)))) {
        size_t p = person_before(c, j);
        if (p != NG_NONE) {
            *last = j;
            return p;
        }
    }
    /* "die Behörde" after "die Internationale Atomenergiebehörde": the body
     * named before whose name holds the noun */
    if (definite && !indefinite && !adjs && j < end && c->seg.tokens[j].kind == NG_TOK_WORD &&
        c->tok_mention[j] == NG_NONE && ng_lex_is_institution(c->lex, tok_str(c, j), tok_len(c, j))) {
        gchar *noun = g_utf8_casefold(tok_str(c, j), (gssize)tok_len(c, j));
        size_t o = entity_before(c, j, 0, fits_body_with_noun, noun);
        g_free(noun);
        if (o != NG_NONE) {
            *last = j;
            return o;
        }
    }
    /* "Das Unternehmen teilte mit", "der Autobauer erklärte" after "Volkswagen":
     * the company named last before (not when a name follows: "der Firma
     * Boeing"; not for a compound, "der Bildschirmhersteller", which is more
     * specific than the company named last) */
    if (definite && !indefinite && !adjs && j < end && c->seg.tokens[j].kind == NG_TOK_WORD &&
        c->tok_mention[j] == NG_NONE && !(j + 1 < end && c->tok_mention[j + 1] != NG_NONE) &&
        singular_article_fits(c, article, ng_lex_company_noun_gender(c->lex, tok_str(c, j), tok_len(c, j)))) {
        size_t o = company_before(c, j);
        if (o != NG_NONE) {
            *last = j;
            return o;
        }
    }
    /* "berichtete die „Automobilwoche“": a quoted name right after the article */
    if (speaker_slot && (definite || indefinite) && j < end && c->seg.tokens[j].kind == NG_TOK_QUOTE_OPEN)
        return quoted_name_at(c, j + 1, end, NG_ENT_ORGANIZATION, last);
    if (j >= end || c->seg.tokens[j].kind != NG_TOK_WORD)
        return NG_NONE;
    /* "der ukrainische Präsident Wolodymyr Selenskyj", "der Sender N-tv": the
     * name that follows the description is the one meant. */
    if (j + 1 < end) {
        size_t k = j + 1;
        if (c->seg.tokens[k].kind == NG_TOK_QUOTE_OPEN && k + 1 < end)
            k++;
        size_t a = named_actor(c, k);
        /* "der Sender „Channel 10“", "die Partei „Die Linke“": an unknown name in
         * quotation marks after an outlet's or a body's noun names it */
        if (a == NG_NONE && k > j + 1) {
            int media = ng_ctx_ends_in(c, j, ng_lex_is_media_noun);
            if (media || ng_ctx_ends_in(c, j, ng_lex_is_institution)) {
                a = quoted_name_at(c, k, end, media ? NG_ENT_MEDIA : NG_ENT_ORGANIZATION, last);
                if (a != NG_NONE)
                    return a;
            }
        }
        /* "das Fachblatt Science", "die Zeitung The State": unquoted, the
         * capitalised words no lexicon knows after an outlet's noun name it
         * (up to four; an ordinary German noun is not one of them) */
        if (a == NG_NONE && k == j + 1 && ng_ctx_ends_in(c, j, ng_lex_is_media_noun)) {
            size_t e = k;
            while (e < end && e < k + 4 && c->seg.tokens[e].kind == NG_TOK_WORD &&
                   (c->seg.tokens[e].flags & NG_TOKF_CAP) && c->tok_mention[e] == NG_NONE && ng_is_name_like(c, e))
                e++;
            /* not when a known name or another capitalised word follows ("die
             * Zeitung The Guardian" with "Guardian" known: that one is meant) */
            int more = e < end && (c->tok_mention[e] != NG_NONE ||
                                   (c->seg.tokens[e].kind == NG_TOK_WORD && (c->seg.tokens[e].flags & NG_TOKF_CAP)));
            if (e > k && !more) {
                *last = e - 1;
                return name_over(c, NG_ENT_MEDIA, k, e - 1);
            }
        }
        if (a != NG_NONE && (ng_lex_role_get(c->lex, tok_str(c, j), tok_len(c, j)) ||
                             ng_lex_is_media_noun(c->lex, tok_str(c, j), tok_len(c, j)) ||
                             ng_find_hyphen(tok_str(c, j), tok_len(c, j), 0, &(size_t){0}))) {
            *last = k;
            return a;
        }
    }
    /* (a plural, "die Medien", "die Zeitungen", means several, not the last one) */
    if (definite && !adjs && ng_lex_is_media_noun(c->lex, tok_str(c, j), tok_len(c, j)) &&
        !(tok_len(c, j) > 2 && (tok_str(c, j)[tok_len(c, j) - 1] == 'n'))) {
        /* "berichtete das Blatt": the outlet named last before here */
        size_t e = entity_before(c, j, 0, fits_media, NULL);
        if (e != NG_NONE) {
            *last = j;
            return e;
        }
    }
    const ng_lex_role *r = ng_lex_role_get(c->lex, tok_str(c, j), tok_len(c, j));
    if (!r) {
        /* "der Pentagon-Chef": the role after the hyphen. */
        const char *s = tok_str(c, j);
        size_t hl = 0;
        const char *h = ng_find_hyphen(s, tok_len(c, j), 1, &hl);
        if (h)
            r = ng_lex_role_get(c->lex, h + hl, (size_t)(s + tok_len(c, j) - h - hl));
    }
    if (!r) {
        if (speaker_slot && described && ng_ctx_ends_in(c, j, ng_lex_is_institution)) {
            gchar *noun = g_strndup(tok_str(c, j), tok_len(c, j));
            size_t e = make_anonymous(c, NG_ENT_ORGANIZATION, adj_first, j, noun);
            g_free(noun);
            *last = j;
            return e;
        }
        return NG_NONE;
    }
    /* "der Sprecher des Sicherheitsrates": the genitive names whose role it
     * is; the holder is named after it, not before. */
    /* (a comma qualifies only when a name follows it: "der Kanzler, es gebe …"
     * is the Kanzler named before) */
    int qualified = j + 1 < end && (ng_tok_equals(c, j + 1, "des") || ng_tok_equals(c, j + 1, "der") ||
                                    (ng_tok_equals(c, j + 1, ",") && j + 2 < end && named_actor(c, j + 2) != NG_NONE));
    if (definite && !indefinite && !qualified) {
        /* The holder of this role introduced last before here; failing that,
         * for a title, the person last introduced with any title of the same
         * gender (the definite description points back). */
        size_t h = 0, any = 0;
        for (guint k = 0; k < c->role_mentions->len; k++) {
            role_mention *rm = &g_array_index(c->role_mentions, role_mention, k);
            if (rm->token >= j || rm->gender != r->gender)
                continue;
            if (!strcmp(rm->base, r->base))
                h = rm->entity + 1;
            if (rm->title)
                any = rm->entity + 1;
        }
        if (!h && (r->kind & NG_ROLE_TITLE))
            h = any;
        if (h) {
            ng_ctx_mention(c, h - 1, j, j, c->seg.tokens[j].start, c->seg.tokens[j].end);
            *last = j;
            return h - 1;
        }
    }
    if (speaker_slot && described) {
        /* "der Sprecher des Sicherheitsrates in Washington, John Kirby": the
         * person in apposition is the speaker. */
        for (size_t k = j + 1; k + 1 < end && k < j + 10; k++) {
            if (c->seg.tokens[k].kind == NG_TOK_QUOTE_OPEN || c->seg.tokens[k].kind == NG_TOK_QUOTE_CLOSE ||
                ng_tok_equals(c, k, ".") || ng_tok_equals(c, k, ";") || ng_tok_equals(c, k, ":"))
                break;
            if (ng_tok_equals(c, k, ",")) {
                size_t a = named_actor(c, k + 1);
                if (a != NG_NONE && ((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON) {
                    *last = k + 1;
                    return a;
                }
                break;
            }
        }
        /* "die Analysten des Instituts für Kriegsstudien": the body named in
         * the genitive speaks through them; "die Analysten" later means the
         * same body. */
        size_t owner = NG_NONE;
        for (size_t at = j;; at = NG_NONE) {
            size_t from = at != NG_NONE ? at : 0;
            for (size_t rj = from; rj <= j && owner == NG_NONE; rj++) {
                if (at == NG_NONE && (c->seg.tokens[rj].kind != NG_TOK_WORD ||
                                      ng_lex_role_get(c->lex, tok_str(c, rj), tok_len(c, rj)) != r))
                    continue;
                if (rj + 2 < c->seg.ntokens && (ng_tok_equals(c, rj + 1, "des") || ng_tok_equals(c, rj + 1, "der")))
                    for (size_t k = rj + 2; k < c->seg.ntokens && k < rj + 6 && !clause_break(c, k); k++) {
                        size_t a = named_actor(c, k);
                        if (a != NG_NONE && ((ent *)c->ents->pdata[a])->type != NG_ENT_PERSON &&
                            ((ent *)c->ents->pdata[a])->type != NG_ENT_COUNTRY) {
                            owner = a;
                            break;
                        }
                    }
                if (at != NG_NONE)
                    break;
            }
            if (owner != NG_NONE || at == NG_NONE)
                break;
        }
        if (owner != NG_NONE) {
            *last = j;
            return owner;
        }
        *last = j;
        return make_anonymous(c, NG_ENT_PERSON, adj_first, j, r->base);
    }
    if (!(r->kind & NG_ROLE_SOURCE))
        return NG_NONE;
    /* "so der Geheimdienstmitarbeiter": the unnamed source met before with
     * this role, else a new one.  A bare "Sprecher" without article is no source. */
    if (definite && !indefinite && !qualified && !adjs && (r->kind & NG_ROLE_SOURCE) && !(r->kind & NG_ROLE_TITLE)) {
        for (guint k = 0; k < c->ents->len; k++) {
            ent *en = c->ents->pdata[k];
            size_t bl = strlen(r->base), ll = strlen(en->label);
            if (en->anonymous && ll >= bl && strcmp(en->label + ll - bl, r->base) == 0) {
                ng_ctx_mention(c, k, j, j, c->seg.tokens[j].start, c->seg.tokens[j].end);
                *last = j;
                return k;
            }
        }
        return NG_NONE;
    } else if (!adjs && !(speaker_slot && !definite && !indefinite && i > 0 && ng_tok_iequals(c, i - 1, "von"))) {
        /* "ein Soldat": too vague to be a source worth a node; but "nach
         * Einschätzung von Experten" names its (unnamed) source */
        return NG_NONE;
    }
    size_t e = make_anonymous(c, NG_ENT_PERSON, adj_first, j, r->base);
    *last = j;
    return e;
}

/* How likely an actor is the speaker when several stand in one phrase:
 * "Südkoreas amtliche Nachrichtenagentur Yonhap" is Yonhap speaking. */
static int speaker_rank(const ent *e)
{
    switch (e->type) {
    case NG_ENT_PERSON: return 4;
    case NG_ENT_MEDIA: return 3;
    case NG_ENT_ORGANIZATION: return 2;
    default: return 1;
    }
}

/* Are the tokens [i, k) adverbs ("erklärte gestern ein Sprecher", "sagte
 * dann die Polizei", "äußerte sich"): lower-case words that are no
 * preposition, article or pronoun (but "sich")?  Then k still stands in the
 * subject's place after the verb. */
static int only_adverbs(const ctx *c, size_t i, size_t k)
{
    if (k <= i || k - i > 3)
        return 0;
    for (size_t m = i; m < k; m++) {
        const char *w = tok_str(c, m);
        size_t n = tok_len(c, m);
        if (c->seg.tokens[m].kind != NG_TOK_WORD || (c->seg.tokens[m].flags & NG_TOKF_CAP) || is_article(c, m) ||
            ng_lex_is_preposition(c->lex, w, n) || (ng_lex_pronoun(c->lex, w, n) && !ng_tok_equals(c, m, "sich")) ||
            ng_lex_is_determiner(c->lex, w, n))
            return 0;
    }
    return 1;
}

/* The actor a cue points to, searching from token i forwards: the best
 * named actor of the phrase, or a person in apposition after a role ("der
 * Sprecher des Sicherheitsrates, John Kirby"), or an unnamed source, or an
 * unknown name. */
static size_t actor_after(ctx *c, size_t i, size_t end, size_t window)
{
    size_t first = NG_NONE;
    int saw_role = 0;
    for (size_t k = i; k < end && k < i + window; k++) {
        /* a name in quotation marks: die Zeitung „Kyiv Independent“ */
        if ((c->seg.tokens[k].kind == NG_TOK_QUOTE_OPEN && k + 1 < end && named_actor(c, k + 1) != NG_NONE) ||
            (c->seg.tokens[k].kind == NG_TOK_QUOTE_CLOSE && k > i && named_actor(c, k - 1) != NG_NONE))
            continue;
        if (k > i && clause_break(c, k)) {
            /* an apposition: ", John Kirby" after a role phrase */
            if (ng_tok_equals(c, k, ",") && k + 1 < end && (first != NG_NONE || saw_role)) {
                size_t a = named_actor(c, k + 1);
                if (a != NG_NONE && ((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON &&
                    (first == NG_NONE || ((ent *)c->ents->pdata[first])->type != NG_ENT_PERSON))
                    return a;
            }
            break;
        }
        if (unowned_speech_noun(c, k, end))
            break; /* "nach bisher unbestätigten Berichten wurde der Firma Boeing …" */
        /* "laut Automobilwoche an den Bau des Audi A4": a preposition ends the
         * source's phrase ("von", "für", "aus", "bei" may stand inside it) */
        if (k > i + 1 && c->seg.tokens[k].kind == NG_TOK_WORD && ng_lex_is_preposition(c->lex, tok_str(c, k), tok_len(c, k)) &&
            !ng_tok_iequals(c, k, "von") && !ng_tok_iequals(c, k, "vom") && !ng_tok_iequals(c, k, "für") &&
            !ng_tok_iequals(c, k, "aus") && !ng_tok_iequals(c, k, "bei") && !ng_tok_iequals(c, k, "zur") &&
            !ng_tok_iequals(c, k, "zum"))
            break;
        if (c->seg.tokens[k].kind == NG_TOK_WORD && ng_lex_role_get(c->lex, tok_str(c, k), tok_len(c, k)))
            saw_role = 1;
        size_t a = named_actor(c, k);
        if (a != NG_NONE) {
            size_t m0 = g_array_index(c->mentions, mention, c->tok_mention[k]).first_tok;
            if (m0 > i && ng_lex_is_preposition(c->lex, tok_str(c, m0 - 1), tok_len(c, m0 - 1)))
                continue; /* "schrieb auf Telegram" */
            if (((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON)
                return a;
            if (first == NG_NONE || speaker_rank(c->ents->pdata[a]) > speaker_rank(c->ents->pdata[first]))
                first = a;
            continue;
        }
        if (c->tok_mention[k] != NG_NONE || first != NG_NONE)
            continue;
        if (k > i && ng_lex_is_preposition(c->lex, tok_str(c, k - 1), tok_len(c, k - 1)))
            continue; /* "über nordkoreanische Soldaten" is what is spoken of */
        size_t last;
        a = anonymous_at(c, k, end, &last, k == i || only_adverbs(c, i, k));
        if (a != NG_NONE)
            return a;
        if (ng_is_lone_name_like(c, k) && !(c->seg.tokens[k].flags & NG_TOKF_SENT_START) &&
            !ng_is_english_phrase(c, k, k)) {
            /* An unknown name right after the cue: a person ("sagte Budanow"). */
            return unknown_speaker(c, k, k);
        }
    }
    return first;
}

static size_t actor_before(ctx *c, size_t i, size_t first, size_t window)
{
    for (size_t k = i; k-- > first && k + window > i;) {
        if (clause_break(c, k))
            break;
        size_t a = named_actor(c, k);
        if (a != NG_NONE)
            return a;
    }
    return NG_NONE;
}

static int role_word(const ng_lexicon *lex, const char *s, size_t n)
{
    return ng_lex_role_get(lex, s, n) != NULL;
}

static int speech_noun_word(const ng_lexicon *lex, const char *s, size_t n)
{
    char low[64];
    if (!ng_lex_lower(low, sizeof low, s, n))
        return 0;
    const ng_lex_cue *cue = ng_lex_cue_get(lex, low);
    return cue && cue->kind == NG_CUE_SPEECH_NOUN;
}

/* A speech noun at k ("Angaben", "Medienberichten", "Positionspapier"):
 * SPEECH_OWNED when whose it is follows ("der Polizei", "von X", a name),
 * SPEECH_UNOWNED when not (a report without a named source), else 0. */
enum { SPEECH_UNOWNED = 1, SPEECH_OWNED };
static int speech_noun_at(const ctx *c, size_t k, size_t end)
{
    if (c->seg.tokens[k].kind != NG_TOK_WORD || !(c->seg.tokens[k].flags & NG_TOKF_CAP) ||
        c->tok_mention[k] != NG_NONE || !ng_ctx_ends_in(c, k, speech_noun_word))
        return 0;
    if (k + 1 >= end)
        return SPEECH_UNOWNED;
    static const char *const owner[] = {"des", "der", "von", "vom", "eines", "einer", "aus"};
    for (size_t o = 0; o < G_N_ELEMENTS(owner); o++)
        if (ng_tok_iequals(c, k + 1, owner[o]))
            return SPEECH_OWNED;
    return c->tok_mention[k + 1] == NG_NONE && c->seg.tokens[k + 1].kind != NG_TOK_QUOTE_OPEN ? SPEECH_UNOWNED
                                                                                            : SPEECH_OWNED;
}

static int unowned_speech_noun(const ctx *c, size_t k, size_t end)
{
    return speech_noun_at(c, k, end) == SPEECH_UNOWNED;
}

/* "In einem Positionspapier des Ministeriums heißt es": whose paper, in
 * the clause before the verb. */
static size_t heissen_source(ctx *c, size_t a, size_t verb, size_t b)
{
    for (size_t k = a + 1; k + 2 < b && k < verb; k++)
        if ((is_article(c, k - 1) || ng_tok_iequals(c, k - 1, "im")) && speech_noun_at(c, k, b) == SPEECH_OWNED) {
            size_t who = actor_after(c, k + 1, verb, 8);
            if (who != NG_NONE)
                return who;
        }
    return NG_NONE;
}

/* A plain noun phrase as speaker ("Augenzeugen berichteten", "sagten
 * Experten", "die Fluglotsengewerkschaft kündigte an"): an unnamed speaker
 * of the document, an organisation when its noun names a body. */
static size_t noun_phrase_speaker(ctx *c, size_t from, size_t to)
{
    if (to <= from || to - from > 5)
        return NG_NONE;
    size_t k = from;
    static const char *const quant[] = {"einige", "viele", "mehrere", "alle", "beide", "zahlreiche", "manche"};
    while (k < to && is_article(c, k))
        k++;
    for (size_t q = 0; q < G_N_ELEMENTS(quant) && k < to; q++)
        if (ng_tok_iequals(c, k, quant[q]))
            k++;
    size_t adj_first = k;
    /* the last word is the noun: "Angehörige beklagten" */
    while (k + 1 < to && (adjective_shaped(c, k) || place_adjective(c, k)))
        k++;
    if (k + 1 != to || c->seg.tokens[k].kind != NG_TOK_WORD || !(c->seg.tokens[k].flags & NG_TOKF_CAP) ||
        c->tok_mention[k] != NG_NONE || ng_lex_pronoun(c->lex, tok_str(c, k), tok_len(c, k)) ||
        ng_lex_verb_get(c->lex, tok_str(c, k), tok_len(c, k)) || ng_lex_is_preposition(c->lex, tok_str(c, k), tok_len(c, k)) ||
        ng_lex_is_determiner(c->lex, tok_str(c, k), tok_len(c, k)))
        return NG_NONE;
    ng_entity_type type = ng_ctx_ends_in(c, k, ng_lex_is_institution) ? NG_ENT_ORGANIZATION
                          : ng_ctx_ends_in(c, k, ng_lex_is_media_noun) ? NG_ENT_MEDIA
                                                                : NG_ENT_PERSON;
    int local = 0; /* "die Hamburger Stadtreinigung": a place's body */
    for (size_t m = adj_first; m < k; m++)
        local |= place_adjective(c, m);
    if (type == NG_ENT_PERSON && !ng_ctx_ends_in(c, k, role_word)) {
        if (!local)
            return NG_NONE; /* "die Hinrichtung" is no speaker: only roles, bodies and outlets */
        type = NG_ENT_ORGANIZATION;
    }
    /* a role in its base form, as anonymous_at names them ("Experten" → "Experte") */
    const ng_lex_role *r = type == NG_ENT_PERSON ? ng_lex_role_get(c->lex, tok_str(c, k), tok_len(c, k)) : NULL;
    gchar *noun = r ? g_strdup(r->base) : g_strndup(tok_str(c, k), tok_len(c, k));
    size_t e = make_anonymous(c, type, adj_first, k, noun);
    g_free(noun);
    return e;
}

/* The subject in the first place of a main clause: "Lloyd Austin hatte
 * gesagt", "Der ukrainische Präsident Selenskyj warf ... vor".  Names after a
 * preposition ("in Moskau") are not subjects. */
static int punct_break(const ctx *c, size_t i)
{
    return c->seg.tokens[i].kind == NG_TOK_PUNCT && (ng_tok_equals(c, i, ",") || ng_tok_equals(c, i, ":") ||
                                                     ng_tok_equals(c, i, ";") || ng_tok_equals(c, i, "."));
}

/* After "…, berichtete" stands either the subject ("die Zeitung", "er",
 * "Selenskyj") or the rest of the predicate ("mit", ", dass", "in Kiew"). */
static int apposition_subject_follows(const ctx *c, size_t verb)
{
    size_t k = verb + 1;
    if (k >= c->seg.ntokens || c->tok_sentence[k] != c->tok_sentence[verb])
        return 0;
    const ng_token *t = &c->seg.tokens[k];
    if (t->kind != NG_TOK_WORD)
        return 0;
    if (is_article(c, k) || ng_lex_pronoun(c->lex, tok_str(c, k), tok_len(c, k)))
        return 1;
    if (c->tok_mention[k] != NG_NONE || (t->flags & NG_TOKF_CAP))
        return 1;
    return adjective_shaped(c, k);
}

/* The subject that opens the sentence and is followed by an apposition:
 * its first segment (up to the first comma) as a noun phrase, or a person
 * named in the apposition. */
static size_t apposition_subject(ctx *c, size_t first, size_t verb, const unsigned char *in_quote)
{
    size_t k = first;
    if (k < verb && (ng_tok_iequals(c, k, "wie") || ng_tok_iequals(c, k, "so")))
        k++;
    size_t seg_end = k;
    while (seg_end < verb && !punct_break(c, seg_end))
        seg_end++;
    if (seg_end == k || seg_end >= verb)
        return NG_NONE;
    for (size_t i = first; i < verb; i++)
        if (in_quote[i])
            return NG_NONE;
    /* a person in the first segment or in the apposition */
    for (size_t i = k; i < verb; i++) {
        size_t a = named_actor(c, i);
        if (a == NG_NONE || ((ent *)c->ents->pdata[a])->type != NG_ENT_PERSON)
            continue;
        size_t m0 = g_array_index(c->mentions, mention, c->tok_mention[i]).first_tok;
        if (m0 > k && (ng_lex_is_preposition(c->lex, tok_str(c, m0 - 1), tok_len(c, m0 - 1)) ||
                       ng_tok_iequals(c, m0 - 1, "des") || ng_tok_iequals(c, m0 - 1, "der")))
            continue;
        return a;
    }
    size_t last;
    size_t a = anonymous_at(c, k, seg_end, &last, 1);
    if (a != NG_NONE)
        return a;
    a = named_actor(c, k);
    if (a != NG_NONE)
        return a;
    return noun_phrase_speaker(c, k, seg_end);
}

/* A closing mark right before the verb ends a name, not a quotation, when
 * what it encloses is a few words starting with a capital after a noun:
 * "Der Fernsehsender „Silverbird“ berichtete". */
static int quoted_name_before(const ctx *c, size_t verb, size_t first)
{
    size_t close = verb - 1, open = close;
    while (open > first && c->seg.tokens[open].kind != NG_TOK_QUOTE_OPEN && close - open < 6)
        open--;
    if (c->seg.tokens[open].kind != NG_TOK_QUOTE_OPEN || open + 1 >= close || open == first)
        return 0;
    const ng_token *w = &c->seg.tokens[open + 1], *before = &c->seg.tokens[open - 1];
    for (size_t k = open + 1; k < close; k++)
        if (c->seg.tokens[k].kind == NG_TOK_PUNCT && !ng_tok_equals(c, k, "-") && !ng_tok_equals(c, k, "&"))
            return 0;
    return (w->flags & NG_TOKF_CAP) && before->kind == NG_TOK_WORD && (before->flags & NG_TOKF_CAP);
}

static size_t subject_before(ctx *c, size_t verb, size_t first, const unsigned char *in_quote)
{
    /* The clause runs back to a comma or colon; quoted words inside it
     * ("als „de-facto-Komplizen“ bezeichnet") are skipped, not a boundary. */
    size_t start = verb;
    while (start > first && !punct_break(c, start - 1) &&
           !(c->seg.tokens[start - 1].kind == NG_TOK_QUOTE_CLOSE && start == verb && !quoted_name_before(c, verb, first)))
        start--;
    if (start == verb) {
        /* "Kyrylo Budanow, Chef des Dienstes, erwartete", "Der Sprecher des
         * Programms, Tomson Phiri, teilte mit", "Wie der Direktor des Amtes,
         * Smith D., mitteilte": a subject with an apposition set off by
         * commas.  Not when the verb is followed by its subject ("…, sagte
         * er") or what comes first is a quotation or a clause. */
        if (verb > first && ng_tok_equals(c, verb - 1, ",")) {
            size_t a = named_actor(c, first);
            if (a != NG_NONE && ((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON) {
                size_t m1 = g_array_index(c->mentions, mention, c->tok_mention[first]).last_tok;
                if (m1 + 1 < verb && ng_tok_equals(c, m1 + 1, ","))
                    return a;
            }
            if (!apposition_subject_follows(c, verb))
                return apposition_subject(c, first, verb, in_quote);
        }
        return NG_NONE;
    }
    size_t found = NG_NONE;
    for (size_t k = start; k < verb; k++) {
        if (in_quote[k] && named_actor(c, k) == NG_NONE)
            continue;
        size_t a = named_actor(c, k);
        if (a == NG_NONE) {
            size_t last;
            if (c->tok_mention[k] == NG_NONE && found == NG_NONE &&
                (a = anonymous_at(c, k, verb, &last, 1)) != NG_NONE)
                return a;
            continue;
        }
        /* the first word of a mention decides what stands before it */
        size_t m0 = g_array_index(c->mentions, mention, c->tok_mention[k]).first_tok;
        int after_prep = m0 > start && ng_lex_is_preposition(c->lex, tok_str(c, m0 - 1), tok_len(c, m0 - 1));
        int genitive_attr = m0 > start && (ng_tok_iequals(c, m0 - 1, "des"));
        if (after_prep || genitive_attr)
            continue;
        if (((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON)
            return a;
        if (found == NG_NONE)
            found = a;
    }
    if (found == NG_NONE) {
        /* "Gülsen Celebi gab an": unknown capitalised names right before the
         * verb are a person. */
        size_t k = verb;
        while (k > start && verb - k < 3 && ng_is_name_like(c, k - 1) && c->tok_mention[k - 1] == NG_NONE)
            k--;
        if (k < verb && (k + 1 < verb || ng_is_lone_name_like(c, k)))
            return unknown_speaker(c, k, verb - 1);
    }
    if (found == NG_NONE) {
        size_t np = start;
        while (np < verb && (ng_tok_iequals(c, np, "wie") || ng_tok_iequals(c, np, "auch") ||
                             ng_tok_iequals(c, np, "so")))
            np++;
        found = noun_phrase_speaker(c, np, verb);
        if (found == NG_NONE && np == first) {
            /* The verb stands late ("Einige Gewerkschaften wollen … aufrufen"):
             * the first constituent, up to the finite verb, is the subject. */
            size_t fv = np;
            while (fv < verb && !(c->seg.tokens[fv].flags & NG_TOKF_CAP && fv > np) &&
                   (is_article(c, fv) || adjective_shaped(c, fv) || fv == np))
                fv++;
            while (fv < verb && (c->seg.tokens[fv].flags & NG_TOKF_CAP) && c->seg.tokens[fv].kind == NG_TOK_WORD)
                fv++;
            if (fv < verb && fv > np && c->seg.tokens[fv].kind == NG_TOK_WORD &&
                !ng_lex_is_preposition(c->lex, tok_str(c, fv), tok_len(c, fv)) &&
                !ng_lex_is_determiner(c->lex, tok_str(c, fv), tok_len(c, fv)) && !ng_tok_iequals(c, fv, "und") &&
                !ng_tok_iequals(c, fv, "oder"))
                found = noun_phrase_speaker(c, np, fv);
        }
    }
    if (found == NG_NONE && start > first) {
        /* "Andriy Kovalenko, Leiter des Zentrums, schrieb": the subject
         * stands first in the sentence, before an apposition. */
        size_t a = named_actor(c, first);
        if (a != NG_NONE && ((ent *)c->ents->pdata[a])->type == NG_ENT_PERSON)
            return a;
    }
    return found;
}

/* A reporting verb in the passive ("wurden gemeldet", "bestätigt wurde",
 * "wird … zurückgewiesen"): its subject is what was reported, the speaker
 * only an agent with "von"/"durch".  A form of "werden" in the clause and a
 * participle-shaped verb ("…t", "ge…"); "wird sagen" (future) is no passive. */
/* The clause around token k within [a, b): [*from, *to] between the nearest
 * clause breaks (comma, colon, period, quotation mark). */
static void clause_around(const ctx *c, size_t k, size_t a, size_t b, size_t *from, size_t *to)
{
    *from = *to = k;
    while (*from > a && !clause_break(c, *from - 1))
        (*from)--;
    while (*to + 1 < b && !clause_break(c, *to + 1))
        (*to)++;
}

static int passive_at(const ctx *c, size_t verb, size_t a, size_t b)
{
    const char *v = tok_str(c, verb);
    size_t vn = tok_len(c, verb);
    int participle = (vn > 3 && v[vn - 1] == 't') || (vn > 4 && g_strstr_len(v, (gssize)vn, "ge") != NULL);
    if (!participle)
        return 0;
    static const char *const werden[] = {"wird", "wurde", "wurden", "werden", "worden", "würde", "würden", "werde"};
    size_t from, to;
    clause_around(c, verb, a, b, &from, &to);
    for (size_t k = from; k <= to; k++)
        for (size_t w = 0; w < G_N_ELEMENTS(werden); w++)
            if (k != verb && ng_tok_iequals(c, k, werden[w]))
                return 1;
    return 0;
}

/* The agent of a passive report: "von der Polizei bestätigt". */
static size_t passive_agent(ctx *c, size_t verb, size_t a, size_t b)
{
    size_t from, to;
    clause_around(c, verb, a, b, &from, &to);
    for (size_t k = from; k < to; k++)
        if ((ng_tok_iequals(c, k, "von") || ng_tok_iequals(c, k, "vom") || ng_tok_iequals(c, k, "durch")) && k + 1 <= to) {
            size_t ag = actor_after(c, k + 1, to + 1, 6);
            if (ag != NG_NONE)
                return ag;
        }
    return NG_NONE;
}

static size_t pronoun_near(ctx *c, size_t v, size_t first, size_t end)
{
    for (size_t k = v + 1; k < end && k <= v + 2; k++)
        if (ng_lex_pronoun(c->lex, tok_str(c, k), tok_len(c, k)))
            return k;
    if (v > first && ng_lex_pronoun(c->lex, tok_str(c, v - 1), tok_len(c, v - 1)))
        return v - 1;
    return NG_NONE;
}

/* Finds the cues of a token range, outside quotations. */
static void find_cues(ctx *c, size_t a, size_t b, const unsigned char *in_quote, cues *q)
{
    memset(q, 0, sizeof *q);
    q->verb = q->before = q->after = q->adj_source = NG_NONE;
    q->cue_text = "";
    char buf[160];
    for (size_t i = a; i < b; i++) {
        if (in_quote[i]) {
            q->quote = 1;
            continue;
        }
        const ng_token *t = &c->seg.tokens[i];
        if (t->kind != NG_TOK_WORD)
            continue;
        /* "nach (ersten) Angaben/Informationen/Ansicht (von|des|der) X": the
         * source follows the speech noun. */
        if (ng_tok_iequals(c, i, "nach") && q->before == NG_NONE) {
            size_t k = i + 1;
            size_t adj = NG_NONE;
            /* "nach einer Studie der UNO", "nach den Worten des …" */
            if (k < b && is_article(c, k))
                k++;
            while (k < b && k < i + 3 && adjective_shaped(c, k)) {
                if (c->tok_mention[k] != NG_NONE && adj == NG_NONE)
                    adj = k;
                k++;
            }
            if (k < b && c->seg.tokens[k].kind == NG_TOK_WORD &&
                speech_noun_word(c->lex, tok_str(c, k), tok_len(c, k))) {
                size_t f = k + 1;
                if (f < b && (ng_tok_iequals(c, f, "von") || ng_tok_iequals(c, f, "des") ||
                              ng_tok_iequals(c, f, "der") || ng_tok_iequals(c, f, "vom")))
                    f++;
                q->before = f;
                q->cue_text = "nach";
                q->adj_source = adj;
            }
        }
        /* Multi-word cues, longest first. */
        for (int w = c->lex->max_cue_words; w >= 1; w--) {
            if (i + (size_t)w > b)
                continue;
            size_t len = 0;
            int ok = 1;
            for (size_t k = i; k < i + (size_t)w && ok; k++) {
                if (in_quote[k] || len + tok_len(c, k) + 2 >= sizeof buf)
                    ok = 0;
                else {
                    if (k > i)
                        buf[len++] = ' ';
                    memcpy(buf + len, tok_str(c, k), tok_len(c, k));
                    len += tok_len(c, k);
                }
            }
            if (!ok)
                continue;
            buf[len] = '\0';
            char low[160];
            if (!ng_lex_lower(low, sizeof low, buf, len))
                continue;
            const ng_lex_cue *cue = ng_lex_cue_get(c->lex, low);
            if (cue) {
                switch (cue->kind) {
                case NG_CUE_SOURCE_BEFORE:
                    /* "so" and "wie" are cues only as ", so X" and "wie X berichtet";
                     * "aus" only in "hieß es aus X". */
                    if ((strcmp(low, "so") == 0 && !(i > a && ng_tok_equals(c, i - 1, ","))) ||
                        (strcmp(low, "wie") == 0) ||
                        (strcmp(low, "aus") == 0 &&
                         !(i > a + 1 && ng_tok_iequals(c, i - 1, "es") && ng_lex_verb_get(c->lex, tok_str(c, i - 2), tok_len(c, i - 2)))))
                        break;
                    /* "unter Berufung/Bezug/Verweis auf X": X is the source, the
                     * subject of the verb is the one who reports. */
                    if (q->before == NG_NONE || strncmp(low, "unter ", 6) == 0) {
                        q->before = i + (size_t)w;
                        q->berufung = strncmp(low, "unter ", 6) == 0;
                        if (!q->berufung)
                            q->cue_text = cue->phrase;
                    }
                    break;
                case NG_CUE_SOURCE_AFTER:
                    if (q->after == NG_NONE && i > a) {
                        q->after = i - 1;
                        q->cue_text = cue->phrase;
                    }
                    break;
                case NG_CUE_HEDGE: q->hedged = 1; break;
                case NG_CUE_DENY: q->deny = 1; break;
                default: break;
                }
                break;
            }
        }
        /* The first reporting verb, unless a later one follows a comma or a
         * closing quote ("…, drohe ihnen X, berichtete die Einheit"): that
         * one introduces the report. */
        int after_comma = i > a && (ng_tok_equals(c, i - 1, ",") || c->seg.tokens[i - 1].kind == NG_TOK_QUOTE_CLOSE);
        int prev_after_comma = q->verb != NG_NONE && q->verb > a &&
                               (ng_tok_equals(c, q->verb - 1, ",") || c->seg.tokens[q->verb - 1].kind == NG_TOK_QUOTE_CLOSE);
        /* a Konjunktiv verb ("drohe") belongs to the reported content */
        int prev_content = q->verb != NG_NONE && ng_lex_is_subjunctive(c->lex, tok_str(c, q->verb), tok_len(c, q->verb));
        if ((q->verb == NG_NONE || (after_comma && (!prev_after_comma || prev_content))) &&
            (!(t->flags & NG_TOKF_CAP) || (t->flags & NG_TOKF_SENT_START))) {
            const ng_lex_verb *v = ng_lex_verb_get(c->lex, tok_str(c, i), tok_len(c, i));
            for (; v; v = v->next) {
                if (!*v->particle)
                    break;
                /* A separated particle must follow in the clause: "wies ... zurück". */
                /* "wie das Ministerium bekannt gab": the particle written apart before it */
                int found = i > a && !in_quote[i - 1] && ng_tok_iequals(c, i - 1, v->particle);
                for (size_t k = i + 1; k < b && !found; k++)
                    found = !in_quote[k] && ng_tok_iequals(c, k, v->particle) &&
                            (k + 1 >= b || clause_break(c, k + 1));
                if (found)
                    break;
            }
            if (v) {
                q->verb = i;
                q->v = v;
                if (v->deny)
                    q->deny = 1;
            }
        }
    }
}

static char *claim_date(ctx *c, size_t a, size_t b)
{
    for (size_t i = a; i + 1 < b; i++) {
        const ng_token *t = &c->seg.tokens[i];
        if (!(t->flags & NG_TOKF_ORDINAL))
            continue;
        int month = ng_lex_month(c->lex, tok_str(c, i + 1), tok_len(c, i + 1));
        if (!month)
            continue;
        int day = atoi(tok_str(c, i));
        if (day < 1 || day > 31)
            continue;
        if (i + 2 < b && c->seg.tokens[i + 2].kind == NG_TOK_NUMBER && tok_len(c, i + 2) == 4)
            return g_strdup_printf("%.4s-%02d-%02d", tok_str(c, i + 2), month, day);
        return g_strdup_printf("--%02d-%02d", month, day);
    }
    return g_strdup("");
}

static int is_headline(const ctx *c, size_t s)
{
    const ng_sentence *sn = &c->seg.sentences[s];
    const ng_token *first = &c->seg.tokens[sn->first];
    size_t last = sn->first + sn->count - 1;
    int line_start = (first->flags & NG_TOKF_LINE_START) != 0;
    int line_end = last + 1 >= c->seg.ntokens || (c->seg.tokens[last + 1].flags & NG_TOKF_LINE_START);
    if (!line_start || !line_end)
        return 0;
    size_t k = last;
    while (k > sn->first && c->seg.tokens[k].kind == NG_TOK_QUOTE_CLOSE)
        k--;
    return !(ng_tok_equals(c, k, ".") || ng_tok_equals(c, k, "!") || ng_tok_equals(c, k, "?") ||
             ng_tok_equals(c, k, "\xE2\x80\xA6"));
}

/* The speaker through a reporting verb: a pronoun after it ("sagte er") or
 * opening the sentence, the subject before it, a named person right after it
 * ("Der Zeitung sagte Filep Karma"), an actor or unnamed source after it,
 * a pronoun near it, an actor before it; NG_NONE when none. */
static size_t verb_subject(ctx *c, const cues *q, size_t a, size_t b, const unsigned char *in_quote,
                           size_t last_talker)
{
    size_t subj = NG_NONE;
    /* "berichtete, dass …": what follows the comma is the report, not its speaker */
    int report_follows = q->verb + 1 < b && clause_break(c, q->verb + 1);
    /* "sagte er", "fügte sie hinzu": the last person who spoke. */
    if (q->verb + 1 < b && ng_lex_pronoun(c->lex, tok_str(c, q->verb + 1), tok_len(c, q->verb + 1))) {
        subj = last_talker;
        if (subj == NG_NONE)
            subj = person_before(c, q->verb);
    }
    /* "Er halte die Gesetze für vertretbar und bezeichnete …": a pronoun
     * opening the sentence is the person named last before it. */
    if (subj == NG_NONE && q->verb > a && c->seg.tokens[a].kind == NG_TOK_WORD &&
        (ng_tok_equals(c, a, "Er") || ng_tok_equals(c, a, "Sie")) && !in_quote[a]) {
        size_t p = person_before(c, a);
        subj = p != NG_NONE ? p : last_talker;
    }
    if (subj == NG_NONE)
        subj = subject_before(c, q->verb, a, in_quote);
    /* "Der Zeitung sagte Filep Karma": a named person right after the
     * verb is the subject; what stands first was the addressee. */
    if (subj != NG_NONE && !report_follows &&
        (((ent *)c->ents->pdata[subj])->anonymous || ((ent *)c->ents->pdata[subj])->type != NG_ENT_PERSON)) {
        size_t after = actor_after(c, q->verb + 1, MIN(b, q->verb + 4), 3);
        if (after != NG_NONE && ((ent *)c->ents->pdata[after])->type == NG_ENT_PERSON &&
            !((ent *)c->ents->pdata[after])->anonymous)
            subj = after;
    }
    if (subj == NG_NONE && !report_follows)
        subj = actor_after(c, q->verb + 1, b, 8);
    if (subj == NG_NONE) {
        /* "…, sagten Experten." */
        size_t np_end = q->verb + 1;
        while (np_end < b && np_end < q->verb + 6 && !clause_break(c, np_end) &&
               !ng_lex_is_preposition(c->lex, tok_str(c, np_end), tok_len(c, np_end)) &&
               !(np_end > q->verb + 1 && (c->seg.tokens[np_end - 1].flags & NG_TOKF_CAP) &&
                 c->seg.tokens[np_end - 1].kind == NG_TOK_WORD && !is_article(c, np_end - 1)))
            np_end++;
        subj = noun_phrase_speaker(c, q->verb + 1, np_end);
    }
    if (subj == NG_NONE) {
        size_t p = pronoun_near(c, q->verb, a, b);
        if (p != NG_NONE)
            subj = last_talker;
    }
    if (subj == NG_NONE)
        subj = actor_before(c, q->verb, a, 10);
    return subj;
}

ng_status ng_find_claims(ctx *c)
{
    size_t nt = c->seg.ntokens;
    unsigned char *in_quote = g_malloc0(nt ? nt : 1);
    /* Quotations: from an opening mark to its closing mark on the same line. */
    size_t *group = g_new0(size_t, c->seg.nsentences ? c->seg.nsentences : 1);
    for (size_t s = 0; s < c->seg.nsentences; s++)
        group[s] = s;
    for (size_t i = 0; i < nt; i++) {
        if (c->seg.tokens[i].kind != NG_TOK_QUOTE_OPEN)
            continue;
        size_t j = i + 1;
        while (j < nt && c->seg.tokens[j].kind != NG_TOK_QUOTE_CLOSE &&
               !(c->seg.tokens[j].flags & NG_TOKF_LINE_START))
            j++;
        if (j >= nt || c->seg.tokens[j].kind != NG_TOK_QUOTE_CLOSE)
            continue;
        for (size_t k = i; k <= j; k++)
            in_quote[k] = 1;
        /* A quotation over several sentences makes them one claim. */
        for (uint32_t s = c->tok_sentence[i] + 1; s <= c->tok_sentence[j]; s++)
            group[s] = group[s - 1];
        i = j;
    }
    size_t last_speaker = NG_NONE, last_person = NG_NONE, last_claim_group = NG_NONE;
    guint qcur = 0; /* quantities are in text order: the first one not before the claim */
    for (size_t s = 0; s < c->seg.nsentences;) {
        size_t e = s;
        while (e + 1 < c->seg.nsentences && group[e + 1] == group[s])
            e++;
        size_t a = c->seg.sentences[s].first;
        size_t b = c->seg.sentences[e].first + c->seg.sentences[e].count;
        /* A headline or subhead (a line that is one sentence without a final
         * period) states no attributed claim of its own. */
        if (s == e && is_headline(c, s)) {
            s = e + 1;
            continue;
        }
        cues q;
        find_cues(c, a, b, in_quote, &q);
        size_t speaker = NG_NONE, reporter = NG_NONE;
        const char *cue = "";
        /* "Wie X mitteilte, ist … nach Auffassung der Kanzlerin …": the opening
         * "wie" clause frames the report; sources named inside it are content. */
        if (q.verb != NG_NONE && ng_tok_iequals(c, a, "wie") && !q.berufung) {
            int framed = 1;
            for (size_t k = a; k < q.verb && framed; k++)
                framed = !punct_break(c, k);
            if (framed)
                q.before = q.after = q.adj_source = NG_NONE;
        }
        if (q.adj_source != NG_NONE) {
            /* "nach japanischen Angaben": Japan */
            speaker = g_array_index(c->mentions, mention, c->tok_mention[q.adj_source]).entity;
            cue = "nach";
        } else if (q.before != NG_NONE) {
            speaker = actor_after(c, q.before, b, 8);
            /* a capital as metonym: "hieß es aus Kiew", "laut Moskau" */
            if (speaker == NG_NONE && q.before < b && c->tok_mention[q.before] != NG_NONE &&
                q.cue_text && (!strcmp(q.cue_text, "aus") || !strcmp(q.cue_text, "laut")))
                speaker = g_array_index(c->mentions, mention, c->tok_mention[q.before]).entity;
            cue = q.berufung ? "unter Berufung auf" : q.cue_text;
        }
        if (speaker == NG_NONE && q.after != NG_NONE && !unowned_speech_noun(c, q.after, b)) {
            speaker = actor_before(c, q.after + 1, a, 6);
            cue = q.cue_text;
        } else if (speaker == NG_NONE && q.after != NG_NONE && q.after > a && c->tok_mention[q.after - 1] != NG_NONE &&
                   adjective_shaped(c, q.after - 1)) {
            /* "israelischen Angaben zufolge": Israel */
            speaker = g_array_index(c->mentions, mention, c->tok_mention[q.after - 1]).entity;
            cue = q.cue_text;
        }
        /* "Berichten zufolge", "hieß es": a report without a named source —
         * unless a reporting verb before it names who reports. */
        int impersonal = q.after != NG_NONE && speaker == NG_NONE && !(q.verb != NG_NONE && q.verb < q.after);
        if (q.verb != NG_NONE && !strcmp(q.v->lemma, "heißen") && speaker == NG_NONE) {
            impersonal = 1;
            speaker = heissen_source(c, a, q.verb, b);
            if (speaker == NG_NONE && last_claim_group != NG_NONE && last_claim_group + 1 == s)
                speaker = last_speaker;
        }
        if (q.verb != NG_NONE && !impersonal && speaker == NG_NONE && passive_at(c, q.verb, a, b)) {
            speaker = passive_agent(c, q.verb, a, b);
            cue = q.v->lemma;
        } else if (q.verb != NG_NONE && !impersonal) {
            /* a pronoun's person: the last person who spoke, else the last speaker */
            size_t subj = verb_subject(c, &q, a, b, in_quote, last_person != NG_NONE ? last_person : last_speaker);
            if (speaker == NG_NONE) {
                speaker = subj;
                cue = q.v->lemma;
            } else if (q.berufung && subj != NG_NONE && subj != speaker) {
                reporter = subj;
                cue = q.v->lemma;
            }
        }
        int continuation = 0;
        int own_source = q.before != NG_NONE || q.after != NG_NONE || q.adj_source != NG_NONE;
        /* A definite role ("so der Geheimdienstmitarbeiter", "laut dem Sprecher")
         * that nobody met before could be resolved to is most likely the one
         * who spoke last: the cue names no new source. */
        if (own_source && speaker == NG_NONE && q.before != NG_NONE && q.before < b &&
            (ng_tok_iequals(c, q.before, "der") || ng_tok_iequals(c, q.before, "die") ||
             ng_tok_iequals(c, q.before, "dem") || ng_tok_iequals(c, q.before, "des")))
            for (size_t k = q.before + 1; own_source && k < b && k < q.before + 4; k++)
                if (c->seg.tokens[k].kind == NG_TOK_WORD && ng_ctx_ends_in(c, k, role_word))
                    own_source = 0;
        if (speaker == NG_NONE && last_claim_group != NG_NONE && last_claim_group + 1 == s) {
            for (size_t i = a; i < b && !continuation; i++)
                continuation = !in_quote[i] && c->seg.tokens[i].kind == NG_TOK_WORD &&
                               (ng_lex_is_continuation(c->lex, tok_str(c, i), tok_len(c, i)) ||
                                ng_lex_is_subjunctive(c->lex, tok_str(c, i), tok_len(c, i)));
            /* a source cue of its own ("Berichten zufolge", "laut Angaben") that
             * names nobody does not make the sentence the last speaker's */
            if ((continuation || q.quote) && q.verb == NG_NONE && !own_source)
                speaker = last_speaker;
        }
        /* a report goes on after a claim whose speaker is unknown: still a claim */
        int goes_on = (continuation || q.quote) && last_claim_group != NG_NONE && last_claim_group + 1 == s;
        if (speaker == NG_NONE && q.verb == NG_NONE && !own_source && !goes_on) {
            s = e + 1;
            continue;
        }
        uint32_t start = c->seg.sentences[s].start;
        /* "Das berichtet X", "Das sagte X": the sentence before is the claim. */
        if (q.verb != NG_NONE && q.verb <= a + 1 && s > 0 &&
            (ng_tok_equals(c, a, "Das") || ng_tok_equals(c, a, "Dies")))
            start = c->seg.sentences[s - 1].start;
        uint32_t end = c->seg.sentences[e].end;
        ng_xclaim x = {0};
        x.start = start;
        x.end = end;
        x.text = g_strndup(c->text + start, end - start);
        x.cue = g_strdup(cue ? cue : "");
        x.stance = q.deny ? NG_STANCE_DENY : NG_STANCE_ASSERT;
        x.hedged = q.hedged;
        x.quote = q.quote;
        x.date = claim_date(c, a, b);
        g_array_append_val(c->claims, x);
        size_t ci = c->claims->len - 1;
        ng_ref cref = {NG_REF_CLAIM, ci};
        if (speaker != NG_NONE)
            ng_ctx_edge(c, NG_EDGE_SAID, (ng_ref){NG_REF_ENTITY, speaker}, cref, 1, NULL, q.deny);
        if (reporter != NG_NONE) {
            ng_ctx_edge(c, NG_EDGE_REPORTED, (ng_ref){NG_REF_ENTITY, reporter}, cref, 1, NULL, 0);
            ng_ctx_edge(c, NG_EDGE_CITES, (ng_ref){NG_REF_ENTITY, reporter}, (ng_ref){NG_REF_ENTITY, speaker}, 1,
                        NULL, 0);
        }
        /* Numbers and names of the claim's sentences only: linear in the text. */
        size_t s_first = start < c->seg.sentences[s].start && s > 0 ? s - 1 : s;
        while (qcur < c->quantities->len && g_array_index(c->quantities, ng_xquantity, qcur).start < c->seg.sentences[s_first].start)
            qcur++;
        for (guint k = qcur; k < c->quantities->len; k++) {
            ng_xquantity *qq = &g_array_index(c->quantities, ng_xquantity, k);
            if (qq->start > end)
                break;
            if (qq->start >= start && qq->end <= end)
                ng_ctx_edge(c, NG_EDGE_STATES, cref, (ng_ref){NG_REF_QUANTITY, k}, 1, NULL, 0);
        }
        GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
        for (size_t ss = s_first; ss <= e; ss++) {
            GArray *ms = c->sent_mentions[ss];
            for (guint m = 0; ms && m < ms->len; m++) {
                mention *mm = &g_array_index(c->mentions, mention, g_array_index(ms, size_t, m));
                if (mm->start < start || mm->end > end || mm->entity == speaker || mm->entity == reporter ||
                    g_hash_table_contains(seen, GSIZE_TO_POINTER(mm->entity + 1)))
                    continue;
                g_hash_table_add(seen, GSIZE_TO_POINTER(mm->entity + 1));
                ng_ctx_edge(c, NG_EDGE_MENTIONS, cref, (ng_ref){NG_REF_ENTITY, mm->entity}, 1, NULL, 0);
            }
        }
        g_hash_table_destroy(seen);
        /* a claim nobody could be found for ends the last speaker's report */
        if (speaker == NG_NONE)
            last_speaker = NG_NONE;
        if (speaker != NG_NONE) {
            last_speaker = speaker;
            ent *se = c->ents->pdata[speaker];
            if (se->type == NG_ENT_PERSON)
                last_person = speaker;
        }
        last_claim_group = e;
        s = e + 1;
    }
    g_free(group);
    g_free(in_quote);
    return NG_OK;
}
