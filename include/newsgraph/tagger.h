/* newsgraph: a statistical named-entity tagger (a linear model, decoded greedily
 * left to right) that fills the gaps of the rule recogniser.
 *
 * Each token is described by features of its spelling (shape, prefixes,
 * suffixes, capitalisation, position), of the German word list and of the
 * lexicons (names, adjectives, demonyms, roles, given names, ...), by the same
 * features of its neighbours, by the rule recogniser's own tag for it, and by
 * the two tags predicted before it.  The model is a table of feature, tag and
 * weight read from data/models/ner-de.tsv (format in data/README.md, training
 * in scripts/train-tagger.py); the lexicon loads it when the file exists.
 *
 * A loaded tagger is only read: one tagger serves several threads.  Feature
 * extraction is one function in C, used both to write the training features
 * (`newsgraph tag --germeval FILE --features`) and to tag, so training and use
 * cannot drift apart. */
#ifndef NEWSGRAPH_TAGGER_H
#define NEWSGRAPH_TAGGER_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"

/* Output tags: BIO over the three GermEval 2014 types the benchmark counts. */
typedef enum ng_tag {
    NG_TAG_O = 0,
    NG_TAG_B_PER,
    NG_TAG_I_PER,
    NG_TAG_B_LOC,
    NG_TAG_I_LOC,
    NG_TAG_B_ORG,
    NG_TAG_I_ORG,
    NG_TAG_COUNT
} ng_tag;

/* "O", "B-PER", ... */
const char *ng_tag_name(ng_tag tag);
/* Returns -1 when `name` is not one of the tags above. */
int ng_tag_parse(const char *name);
/* The type of a tag, "PER", "LOC", "ORG", or NULL for O. */
const char *ng_tag_type(ng_tag tag);
static inline int ng_tag_is_begin(ng_tag t) { return t == NG_TAG_B_PER || t == NG_TAG_B_LOC || t == NG_TAG_B_ORG; }

/* What the rule recogniser made of a token: the type of the mention covering
 * it, whether the token begins it, or that the mention is an adjective
 * ("deutschen"), covers only part of the token ("US-Regierung") or is an
 * unnamed source. */
typedef enum ng_rule_tag {
    NG_RULE_NONE = 0,
    NG_RULE_PER_B, NG_RULE_PER_I,
    NG_RULE_ORG_B, NG_RULE_ORG_I,
    NG_RULE_MEDIA_B, NG_RULE_MEDIA_I,
    NG_RULE_COUNTRY_B, NG_RULE_COUNTRY_I,
    NG_RULE_PLACE_B, NG_RULE_PLACE_I,
    NG_RULE_DERIV,
    NG_RULE_PART,
    NG_RULE_ANON,
    NG_RULE_COUNT
} ng_rule_tag;

/* The rule tag of a token covered by a mention of an entity of `type`:
 * `begin` when the token is the mention's first, `partial` when the mention
 * covers only part of the token, `lower` when the mention starts with a
 * lower-case letter (an adjective). */
ng_rule_tag ng_rule_tag_of(ng_entity_type type, int anonymous, int begin, int partial, int lower);

/* A mention found by the rules, by byte range. */
typedef struct ng_rule_span {
    uint32_t start, end;
    ng_entity_type type;
    int anonymous;
} ng_rule_span;

/* The rule tag of every token [tok_start[i], tok_end[i]) of `text` (byte
 * offsets, tokens in order): of the mentions overlapping a token, the one
 * starting first (then ending first) decides.  Used alike by `newsgraph tag`
 * and by the extractor, so that the tagger sees the rules the same way. */
void ng_rule_tags(const char *text, const uint32_t *tok_start, const uint32_t *tok_end, size_t ntokens,
                  const ng_rule_span *spans, size_t nspans, ng_rule_tag *out);

/* One token of a sentence: its text (not NUL-terminated) and the rule tag. */
typedef struct ng_tag_token {
    const char *s;
    size_t len;
    ng_rule_tag rule;
} ng_tag_token;

typedef struct ng_tagger ng_tagger;

/* Reads a model file (feature<TAB>tag<TAB>weight a line; '#' lines and blank
 * lines ignored).  A malformed line is an error naming file and line. */
ng_status ng_tagger_load(const char *path, ng_tagger **out, ng_errmsg *err);
/* The same for a model already read: content (len bytes, from g_malloc) is
 * taken over and freed; path names it in messages. */
ng_status ng_tagger_load_text(const char *path, char *content, size_t len, ng_tagger **out, ng_errmsg *err);
void ng_tagger_free(ng_tagger *tagger);
/* Number of features the model holds. */
size_t ng_tagger_nfeatures(const ng_tagger *tagger);

/* The model the lexicon loaded from models/ner-de.tsv under its data folder,
 * or NULL when there is none (then only the rules recognise entities). */
const ng_tagger *ng_lexicon_tagger(const ng_lexicon *lex);
/* Detaches the model from the lexicon (the caller frees it), so that
 * ng_extract() runs the rules alone.  Not while other threads use `lex`. */
ng_tagger *ng_lexicon_take_tagger(ng_lexicon *lex);

/* Tags the n tokens of one sentence into tags[n]; margin, when not NULL,
 * receives for each token the score of the chosen tag minus the best other
 * one.  An I- tag only follows a B- or I- tag of its type.  `lex` supplies
 * the word list and lexicons.  Allocates per sentence, not per token. */
void ng_tagger_tag(const ng_tagger *tagger, const ng_lexicon *lex, const ng_tag_token *toks, size_t n,
                   ng_tag *tags, float *margin);

/* Calls fn for every feature of every token of the sentence, token by token
 * (NUL-terminated strings, valid during the call), in the order the tagger
 * uses them.  The
 * features that depend on predicted tags are not included: they are
 *   "t1=" T1, "t2=" T2 "|" T1 and "t1s=" T1 "|" SHAPE,
 * where T1, T2 are the tags predicted for the two tokens before ("<s>" before
 * the sentence) and SHAPE is the value of the token's "sh=" feature. */
typedef void (*ng_feature_fn)(size_t token, const char *feature, void *data);
void ng_tagger_features(const ng_lexicon *lex, const ng_tag_token *toks, size_t n, ng_feature_fn fn, void *data);

#endif
