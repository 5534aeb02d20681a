/* State of one document's extraction, shared by the recognise, quantity,
 * claims and relate steps.  Lives on the caller's stack: nothing global. */
#ifndef NG_EXTRACT_INTERNAL_H
#define NG_EXTRACT_INTERNAL_H

#include <glib.h>
#include <string.h>
#include "lexicon/lexicon_impl.h"
#include "newsgraph/extract.h"
#include "newsgraph/quantity.h"
#include "newsgraph/segment.h"

#define NG_NONE ((size_t)-1)

typedef struct ent {
    char *label;
    char *key;
    ng_entity_type type;
    int anonymous;
    GPtrArray *aliases; /* char*, base forms */
    GArray *mention_idx;/* size_t: this entity's mentions, in creation order */
} ent;

typedef struct mention {
    size_t entity;
    uint32_t first_tok, last_tok; /* token range (inclusive) */
    uint32_t start, end;          /* bytes */
    uint32_t sentence;
} mention;

typedef struct role_mention {
    size_t token;      /* the role word */
    size_t entity;     /* the person */
    const char *base;  /* lexicon string */
    char gender;
    int title;
} role_mention;

/* What the rules asked the lexicons about one spelling (spelling.c), each
 * answer asked once: `known` holds a SP_* bit per answer filled in. */
enum {
    SP_PHRASE = 1 << 0,      /* phrase_max[0], token not a word */
    SP_PHRASE_WORD = 1 << 1, /* phrase_max[1], a word */
    SP_ADJECTIVE = 1 << 2,
    SP_DEMONYM = 1 << 3,
    SP_ROLE = 1 << 4,        /* role, role_prefix (as token_role) */
    SP_SHORT_KEY = 1 << 5,
    SP_FOLDED = 1 << 6       /* folded, folded_len (ng_lex_fold_word) */
};
typedef struct ng_spelling {
    /* First what every token's lookup and the rules' questions read, in one
     * cache line (records are aligned to one). */
    _Alignas(64) uint64_t hash;
    const char *s;
    size_t len;
    void *tag;          /* the tagger's record of the spelling (tagger.c), or NULL */
    uint32_t known;
    uint32_t tag_epoch; /* of which of its memos */
    /* bit k of flags: the yes/no answer k is known, in bit k of values */
    uint16_t flags, values;
    /* with phrase_max: bit 0, the first word of a name of two words or more
     * as written; bit 1, the same folded (see phrase_reach) */
    unsigned starts;
    int phrase_max[2];
    const ng_lex_entity *adjective, *demonym;
    const ng_lex_role *role;
    size_t role_prefix;
    const char *short_key;
    uint64_t short_hash; /* ng_hash_bytes of short_key */
    const char *folded;
    size_t folded_len;
} ng_spelling;

typedef struct ng_spellings ng_spellings;
ng_spellings *ng_spellings_new(size_t hint);
void ng_spellings_free(ng_spellings *m);
size_t ng_spellings_count(const ng_spellings *m);
/* The record of s[0..n), made (with nothing known) when new. */
ng_spelling *ng_spelling_of(ng_spellings *m, const char *s, size_t n);
/* out[i] = the record of token i of text, for the n tokens. */
void ng_spellings_of_tokens(ng_spellings *m, const char *text, const ng_token *tokens, size_t n, ng_spelling **out);
/* A copy of s[0..n) that lives as long as the table. */
const char *ng_spellings_keep(ng_spellings *m, const char *s, size_t n);
/* The thread's table: started over, between texts only, when full or made
 * with another lexicon (tagger.c). */
ng_spellings *ng_extract_cache_spellings(ng_extract_cache *c, const ng_lexicon *lex, size_t ntokens);

typedef struct ctx {
    const ng_lexicon *lex;
    const ng_document *doc;
    const char *text;
    ng_segmentation seg;
    uint32_t *tok_sentence; /* sentence of each token */
    size_t *tok_mention;    /* mention covering each token, or NG_NONE */
    unsigned char *tok_credit; /* token in a byline or photo credit */
    GPtrArray *ents;        /* ent* */
    GHashTable *by_key;     /* "type:key" -> index+1 */
    GHashTable *by_label;   /* "type\x1flabel" -> index+1 (saves computing keys) */
    GHashTable *short_names;/* surname (or Korean family name) -> GArray of entity indices */
    uint64_t short_filter[16]; /* bit ng_hash_bytes(key) % 1024 set for every key of short_names */
    GArray *mentions;       /* mention */
    GArray **sent_mentions; /* per sentence: size_t mention indices (keeps claims linear); NULL: none */
    GArray *claims;         /* ng_xclaim */
    GArray *quantities;     /* ng_xquantity */
    GArray *edges;          /* ng_xedge */
    GArray *quantity_tokens;/* ng_quantity_match, parallel to quantities */
    GArray *role_mentions;  /* role_mention: where a titled person was introduced */
    ng_extract_cache *cache;/* the thread's cache, or NULL */
    ng_spellings *spellings;/* during ng_recognise: the cache's, or the text's own */
    ng_spelling **tok_spell;/* during ng_recognise: each token's record */
} ctx;

/* Token helpers. */
static inline size_t tok_len(const ctx *c, size_t i)
{
    return c->seg.tokens[i].end - c->seg.tokens[i].start;
}
static inline const char *tok_str(const ctx *c, size_t i)
{
    return c->text + c->seg.tokens[i].start;
}
/* Hyphens inside words: '-', U+2010 and U+2011 (as the segmenter joins
 * them).  Length of the hyphen at p, or 0. */
static inline size_t ng_hyphen_len(const char *p, const char *end)
{
    if (p < end && *p == '-')
        return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x90 || (unsigned char)p[2] == 0x91))
        return 3;
    return 0;
}
/* The inflection ending of a word shaped like an inflected adjective
 * ("ukrainische" 1, "westlichen" 2: -e, or -en/-er/-es/-em after four
 * letters), or 0.  Only the shape: callers rule out verbs and the like. */
static inline size_t ng_adjective_ending(const char *s, size_t n)
{
    if (n < 4)
        return 0;
    if (s[n - 1] == 'e')
        return 1;
    return n > 4 && s[n - 2] == 'e' && strchr("nrsm", s[n - 1]) ? 2 : 0;
}

/* First (or, with last, last) hyphen of s[0..n), or NULL; *len its length. */
static inline const char *ng_find_hyphen(const char *s, size_t n, int last, size_t *len)
{
    const char *found = NULL;
    for (const char *p = s; p < s + n; p++) {
        size_t l = ng_hyphen_len(p, s + n);
        if (l) {
            found = p;
            *len = l;
            if (!last)
                return found;
            p += l - 1;
        }
    }
    return found;
}
int ng_tok_equals(const ctx *c, size_t i, const char *s);
int ng_tok_iequals(const ctx *c, size_t i, const char *s);

size_t ng_ctx_entity(ctx *c, ng_entity_type type, const char *label, int anonymous);
void ng_ctx_add_alias(ctx *c, size_t e, const char *alias);
size_t ng_ctx_mention(ctx *c, size_t e, size_t first_tok, size_t last_tok, uint32_t start, uint32_t end);
void ng_ctx_edge(ctx *c, ng_edge_type type, ng_ref src, ng_ref dst, double weight, const char *role, int deny);

/* Steps, in pipeline order. */
ng_status ng_recognise(ctx *c);
/* The statistical tagger's entities where the rules found none (tagger.c). */
ng_status ng_recognise_tagged(ctx *c);
ng_status ng_find_quantities(ctx *c);
ng_status ng_find_claims(ctx *c);

/* A person named by an unknown capitalised word after a cue ("sagte Budanow"). */
int ng_is_name_like(const ctx *c, size_t i);
/* The same for a word standing alone as a name: also not a compound of a
 * word the list has in lower case only ("Europafragen"). */
int ng_is_lone_name_like(const ctx *c, size_t i);
/* Tokens i..j are all common words of the English word list, none a given or
 * family name or an acronym ("Technology", "Social Media", "The State"): a
 * title or a phrase the German word list cannot know, not an unknown name.
 * A single word the list also has as a name ("Gates", "Flint") is a name. */
int ng_is_english_phrase(const ctx *c, size_t i, size_t j);
/* Several words, one an English institution noun: "Royal Society of Chemistry". */
int ng_english_institution(const ctx *c, size_t i, size_t j);
/* The lexicon's name of tokens i..j joined by single spaces ("Morgan
 * Stanley"; with genitive set, also with a genitive s off the last token), or
 * NULL; ambiguous names too (see NG_LEXF_AMBIGUOUS). */
const ng_lex_entity *ng_ctx_lexicon_name(const ctx *c, size_t i, size_t j, int genitive);
/* Tokens i..j taken for a name of type asked where the recogniser left them
 * (by the tagger, or in a speaker's place): the lexicon's entry they are,
 * its name being also an ordinary word ("berichtete Golem"), or NULL; NULL
 * too when a person is asked and the name is also a person's ("Austin"). */
const ng_lex_entity *ng_ctx_name_meant(const ctx *c, size_t i, size_t j, ng_entity_type asked);
/* Whether the text has a person labelled s[0..n) so far. */
int ng_ctx_person_named(const ctx *c, const char *s, size_t n);
/* A name's label from the text's bytes [start, end): every run of white
 * space one space ("Laurent  Mekul" is "Laurent Mekul").  Caller frees. */
gchar *ng_ctx_span_label(const ctx *c, uint32_t start, uint32_t end);
/* The entity of lexicon entry le and its mention, tokens first..last, bytes
 * [start, end); returns the entity. */
size_t ng_ctx_lexicon_mention(ctx *c, const ng_lex_entity *le, size_t first, size_t last, uint32_t start, uint32_t end);
/* Does token k, or the end of it as a compound noun, satisfy is
 * ("Fluglotsengewerkschaft" ends in "Gewerkschaft")? */
int ng_ctx_ends_in(const ctx *c, size_t k, int (*is)(const ng_lexicon *, const char *, size_t));
/* The person token i (free, capitalised) is the short form of, the nearest
 * fitting one ("Faymann" after "Werner Faymann"), with *len the bytes of the
 * token that name it; NG_NONE when none. */
size_t ng_ctx_short_form(ctx *c, size_t i, size_t *len);
/* Registers the last word of person e's name, token b (end: where the name
 * ends in the text, without a genitive s), as its short form. */
void ng_ctx_register_person(ctx *c, size_t e, size_t b, uint32_t end);
/* Does a noun phrase follow token b, as after a genitive ("Putins Sprecher")?
 * Only then is a final s on a name taken for a genitive. */
int ng_genitive_follows(const ctx *c, size_t b);

#endif
