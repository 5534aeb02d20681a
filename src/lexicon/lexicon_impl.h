/* Internal view of the lexicon for the text and extract modules.  After
 * ng_lexicon_load() nothing here is written again. */
#ifndef NG_LEXICON_IMPL_H
#define NG_LEXICON_IMPL_H

#include <glib.h>
#include <string.h>
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"
#include "lexicon/strmap.h"

enum {
    NG_LEXF_AMBIGUOUS = 1,  /* name is also an ordinary word: needs article or quotes */
    NG_LEXF_COMPANY = 2,    /* from companies.tsv: "das Unternehmen" may refer to it */
    NG_LEXF_PERSON_NAME = 4 /* ambiguous as a person's name ("Austin"): a person where one is meant */
};

typedef struct ng_lex_entity {
    const char *canonical;
    ng_entity_type type;
    unsigned flags;
} ng_lex_entity;

enum { NG_ROLE_TITLE = 1, NG_ROLE_SOURCE = 2 };
typedef struct ng_lex_role {
    const char *base;
    char gender; /* m, f, x */
    unsigned kind;
} ng_lex_role;

typedef struct ng_lex_verb {
    const char *lemma;
    const char *particle; /* "" when none */
    int deny;
    const struct ng_lex_verb *next; /* other lemma with the same form */
} ng_lex_verb;

enum { NG_NUM_CARDINAL = 1, NG_NUM_ARTICLE1, NG_NUM_MULTIPLIER, NG_NUM_VAGUE_PLURAL, NG_NUM_FRACTION,
       NG_NUM_VAGUE, NG_NUM_UNIT_COUNT };
typedef struct ng_lex_number {
    double value;
    int kind;
} ng_lex_number;

typedef struct ng_lex_qualifier {
    ng_qualifier qualifier;
    int after;  /* follows the number */
    int nwords;
} ng_lex_qualifier;

typedef struct ng_lex_unit {
    const char *base;
    const char *kind;
} ng_lex_unit;

enum { NG_CUE_SOURCE_BEFORE = 1, NG_CUE_SOURCE_AFTER, NG_CUE_HEDGE, NG_CUE_DENY, NG_CUE_SPEECH_NOUN };
typedef struct ng_lex_cue {
    const char *phrase; /* lowercase, as in the data file */
    int kind;
    int nwords;
} ng_lex_cue;

struct ng_lexicon {
    GStringChunk *strings;
    GChecksum *digest;          /* while loading: every file read, in order */
    char fingerprint[41];       /* its SHA-1, hex (see ng_lexicon_fingerprint) */
    GPtrArray *owned;           /* every struct above, freed with the lexicon */
    GHashTable *names;          /* phrase (tokens joined by ' ') -> ng_lex_entity */
    GHashTable *names_folded;   /* multi-word phrase, inflection folded -> ng_lex_entity */
    GHashTable *determiners;    /* determiner stems (set) */
    GHashTable *prepositions;   /* (set) */
    GHashTable *place_preps;    /* prepositions before a bare place name: "in", "nach" (set) */
    GHashTable *media_nouns;    /* "Zeitung", "Blatt" (set) */
    GHashTable *credit_markers; /* "Foto", "Von" (set) */
    GHashTable *institutions;   /* "Polizei", "Ministerium" (set) */
    GHashTable *folded_first;   /* folded first word of a multi-word name -> max words */
    GHashTable *name_first;     /* first token -> max phrase length (GINT) */
    /* The first 2 .. k - 1 tokens of every name of k tokens, as written and
     * folded (sets): a phrase that is in neither cannot grow into a name. */
    GHashTable *name_prefixes, *folded_prefixes;
    GHashTable *adjectives;     /* lowercase stem -> ng_lex_entity */
    GHashTable *demonyms;       /* form -> ng_lex_entity */
    GHashTable *roles;          /* form -> ng_lex_role */
    GHashTable *given_names;    /* set */
    GHashTable *korean_surnames;/* set */
    GHashTable *chinese_surnames;/* set */
    GHashTable *surnames;       /* family names of many languages (set): a tagger feature */
    GHashTable *particles;      /* name particles: von, de, al ... (set) */
    GHashTable *compass;        /* region prefixes: Nord, Süd, Ost ... (set) */
    unsigned char compass_first[256]; /* 1: a prefix begins with this byte */
    size_t compass_min, compass_max;  /* their lengths in bytes */
    GHashTable *en_institutions; /* English institution nouns: Society, Institute ... (set) */
    GHashTable *articles;       /* definite article (lower case) -> genders of a singular it fits ("mf") */
    GHashTable *company_nouns;  /* "Unternehmen" -> its gender ("Konzern" -> "m") */
    GHashTable *verbs;          /* lowercase form -> ng_lex_verb */
    GHashTable *numbers;        /* lowercase word -> ng_lex_number */
    GHashTable *qualifiers;     /* lowercase phrase -> ng_lex_qualifier */
    GHashTable *units;          /* form -> ng_lex_unit */
    GHashTable *cues;           /* lowercase phrase -> ng_lex_cue */
    GHashTable *abbrevs;        /* token with its period */
    GHashTable *months;         /* month name -> GINT month */
    GHashTable *pronouns;       /* lowercase personal pronoun -> GINT gender char */
    GHashTable *continuation;   /* Konjunktiv I forms and 'demnach' (set) */
    GHashTable *not_adjectives; /* words ending like adjectives that are none (set) */
    GHashTable *dictionary;     /* German word list (set), may be empty */
    GHashTable *english;        /* English word list (set), may be empty */
    /* The tables above as read-only maps for the lookups (strmap.h): same
     * keys and values, faster to ask.  Made at the end of loading, which
     * then frees the tables (NULL afterwards): ask the maps. */
    struct {
        ng_strmap *names, *names_folded, *determiners, *prepositions, *place_preps, *media_nouns, *credit_markers,
            *institutions, *folded_first, *name_first, *name_prefixes, *folded_prefixes, *adjectives, *demonyms,
            *roles, *given_names, *korean_surnames, *chinese_surnames, *surnames, *particles, *compass,
            *en_institutions, *company_nouns, *articles, *verbs, *numbers, *qualifiers, *units, *cues, *abbrevs,
            *months, *pronouns, *continuation, *not_adjectives, *dictionary, *english;
    } map;
    struct ng_tagger *tagger;   /* statistical tagger (models/ner-de.tsv), or NULL: rules only */
    size_t nentities;
    int max_qualifier_words, max_cue_words;
};

/* Lookups that take a byte range, so callers need not copy tokens. */
const ng_lex_entity *ng_lex_name(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_name_max(const ng_lexicon *lex, const char *s, size_t n);
/* Multi-word names with German inflection folded away ("des Nationalen
 * Sicherheitsrates" = "Nationaler Sicherheitsrat"); `words` are tokens. */
const ng_lex_entity *ng_lex_name_folded(const ng_lexicon *lex, const char *const *words, const size_t *lens, size_t n);
int ng_lex_folded_max(const ng_lexicon *lex, const char *s, size_t n);
/* Whether the tokens s (two or more, joined by single spaces) are the start
 * of a longer name: as written, or with each word folded (ng_lex_fold_word). */
int ng_lex_is_name_prefix(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_folded_name_prefix(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_institution(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_credit_marker(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_media_noun(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_preposition(const ng_lexicon *lex, const char *s, size_t n);
/* A preposition that takes a bare place name ("in", "nach"), any case. */
int ng_lex_is_place_preposition(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_determiner(const ng_lexicon *lex, const char *s, size_t n);
/* Lower-cases into buf (no allocation); 0 when it does not fit. */
int ng_lex_lower(char *buf, size_t cap, const char *s, size_t n);
/* Appends the inflection-folded form of a word (lower case, ending cut). */
void ng_lex_fold_word(GString *out, const char *s, size_t n);
/* The same into buf (cap bytes, not NUL-terminated) when no allocation is
 * needed (ASCII and Latin-1 letters); its length, or (size_t)-1. */
size_t ng_lex_fold_word_into(char *buf, size_t cap, const char *s, size_t n);
const ng_lex_entity *ng_lex_adjective(const ng_lexicon *lex, const char *s, size_t n);
/* The adjective entry of the whole word, lower-cased as g_utf8_strdown does
 * (no ending cut). */
const ng_lex_entity *ng_lex_adjective_word(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_entity *ng_lex_demonym(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_role *ng_lex_role_get(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_given_name(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_korean_surname(const ng_lexicon *lex, const char *s, size_t n);
/* Chinese family names in pinyin, written first: "Xi Jinping", "Wang Yi" */
int ng_lex_is_chinese_surname(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_particle(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_compass_prefix(const ng_lexicon *lex, const char *s, size_t n);
/* Can a compass prefix begin word s (its first byte)?  The prefixes' shortest
 * and longest length in bytes go to *min, *max. */
int ng_lex_compass_lengths(const ng_lexicon *lex, const char *s, size_t *min, size_t *max);
int ng_lex_is_english_institution(const ng_lexicon *lex, const char *s, size_t n);
/* 'm', 'f' or 'n' for a company noun ("Konzern", "Firma", "Unternehmen"), else 0 */
int ng_lex_company_noun_gender(const ng_lexicon *lex, const char *s, size_t n);
/* "mf" for "der": the genders of a singular noun the definite article fits, or NULL */
const char *ng_lex_article_genders(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_verb *ng_lex_verb_get(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_number *ng_lex_number_get(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_unit *ng_lex_unit_get(const ng_lexicon *lex, const char *s, size_t n);
const ng_lex_qualifier *ng_lex_qualifier_get(const ng_lexicon *lex, const char *phrase);
const ng_lex_cue *ng_lex_cue_get(const ng_lexicon *lex, const char *phrase);
int ng_lex_is_continuation(const ng_lexicon *lex, const char *s, size_t n);
/* A word that ends like an inflected adjective but is none: a finite form
 * of an auxiliary or modal verb ("haben", "wurden"), "dessen", "meisten". */
int ng_lex_is_not_adjective(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_abbrev(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_month(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_pronoun(const ng_lexicon *lex, const char *s, size_t n);
/* Is the word (as written, or in lower case) an ordinary German word? */
int ng_lex_is_word(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_lower_word(const ng_lexicon *lex, const char *s, size_t n);
/* Is the word, in lower case, a common word of the English word list ("ford",
 * "technology")?  Is it, as written, one of the list's names ("Ford")?  (The
 * list may be absent: then never.) */
int ng_lex_is_english_word(const ng_lexicon *lex, const char *s, size_t n);
int ng_lex_is_english_name(const ng_lexicon *lex, const char *s, size_t n);
/* A family name of lexicon/surnames.txt, as written. */
int ng_lex_is_surname(const ng_lexicon *lex, const char *s, size_t n);
/* A word of the list as written, or an inflected form of one ("Angaben"). */
int ng_lex_is_word_form(const ng_lexicon *lex, const char *s, size_t n);
/* The text [p, end) (valid UTF-8) with its first character in upper case,
 * written to dst (room for end - p + 4 bytes); its length.  How the end of a
 * compound is asked for as a noun of its own: "verein" -> "Verein". */
static inline size_t ng_lex_capitalise(char *dst, const char *p, const char *end)
{
    int l = g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(p)), dst);
    const char *rest = g_utf8_next_char(p);
    memcpy(dst + l, rest, (size_t)(end - rest));
    return (size_t)l + (size_t)(end - rest);
}
/* A lower-case finite verb in Konjunktiv I: "plane" where "plant" is a word. */
int ng_lex_is_subjunctive(const ng_lexicon *lex, const char *s, size_t n);

#endif
