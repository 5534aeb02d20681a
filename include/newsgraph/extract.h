/* newsgraph: recognise, resolve and relate — from one document's text to
 * its entities, claims, quantities and the edges between them.
 *
 * ng_extract() reads only the lexicon and the document, and writes only into
 * the ng_extraction the caller owns, so documents can be extracted on several
 * threads with one lexicon.  Everything refers to the document by byte
 * offsets; entities are local to the document until the store resolves them
 * across documents by their canonical label and name key. */
#ifndef NEWSGRAPH_EXTRACT_H
#define NEWSGRAPH_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/document.h"
#include "newsgraph/error.h"
#include "newsgraph/lexicon.h"

typedef enum ng_entity_type {
    NG_ENT_PERSON = 0,
    NG_ENT_ORGANIZATION,
    NG_ENT_MEDIA,
    NG_ENT_COUNTRY,
    NG_ENT_PLACE,
    NG_ENT_TYPE_COUNT
} ng_entity_type;

const char *ng_entity_type_name(ng_entity_type type);
/* Returns -1 when `name` is not an entity type. */
int ng_entity_type_parse(const char *name);

typedef enum ng_stance { NG_STANCE_ASSERT = 0, NG_STANCE_DENY } ng_stance;

typedef enum ng_qualifier {
    NG_QUAL_EXACT = 0,
    NG_QUAL_APPROX,
    NG_QUAL_AT_LEAST,
    NG_QUAL_AT_MOST,
    NG_QUAL_RANGE
} ng_qualifier;
const char *ng_qualifier_name(ng_qualifier q);

typedef struct ng_xentity {
    char *label;      /* canonical name in base form */
    char *key;        /* name key: transliteration-folded label, for merging */
    ng_entity_type type;
    int anonymous;    /* an unnamed source ("ein ukrainischer Beamter") */
    char **aliases;   /* every base-form name it was recognised by, sorted */
    size_t naliases;
} ng_xentity;

typedef struct ng_xmention {
    size_t entity;       /* index into entities */
    uint32_t start, end; /* byte offsets */
    uint32_t sentence;
} ng_xmention;

typedef struct ng_xclaim {
    uint32_t start, end;
    char *text;
    char *cue;        /* the reporting verb or attribution phrase, "" if none */
    ng_stance stance;
    int hedged;
    int quote;        /* a direct quotation */
    char *date;       /* ISO date or "" */
} ng_xclaim;

typedef struct ng_xquantity {
    uint32_t start, end;
    char *text;
    int has_value;    /* 0 for vague amounts ("mehrere Tausend") */
    double low, high;
    ng_qualifier qualifier;
    char *unit;       /* counted thing in base form, or "" */
} ng_xquantity;

typedef enum ng_ref_kind { NG_REF_ENTITY = 0, NG_REF_CLAIM, NG_REF_QUANTITY, NG_REF_DOCUMENT } ng_ref_kind;
typedef struct ng_ref {
    ng_ref_kind kind;
    size_t index; /* unused for NG_REF_DOCUMENT */
} ng_ref;

typedef enum ng_edge_type {
    NG_EDGE_SAID = 0,
    NG_EDGE_REPORTED,
    NG_EDGE_CITES,
    NG_EDGE_STATES,
    NG_EDGE_QUANTITY_OF,
    NG_EDGE_MENTIONS,
    NG_EDGE_ROLE,
    NG_EDGE_CO_OCCURS,
    NG_EDGE_APPEARS_IN,
    NG_EDGE_TYPE_COUNT
} ng_edge_type;
const char *ng_edge_type_name(ng_edge_type type);
int ng_edge_type_parse(const char *name);

typedef struct ng_xedge {
    ng_edge_type type;
    ng_ref source, target;
    double weight;
    char *role;       /* role edges: "Verteidigungsminister"; else NULL */
    int deny;         /* said edges on a denial */
} ng_xedge;

typedef struct ng_extraction {
    ng_xentity *entities;   size_t nentities;
    ng_xmention *mentions;  size_t nmentions;
    ng_xclaim *claims;      size_t nclaims;
    ng_xquantity *quantities; size_t nquantities;
    ng_xedge *edges;        size_t nedges;
    /* What made it: SHA-1 hex of the extractor's revision and the lexicon's
     * fingerprint (data, word lists, model).  A stored document whose
     * extractor differs is extracted again when it is next ingested. */
    char extractor[41];
} ng_extraction;

ng_status ng_extract(const ng_lexicon *lex, const ng_document *doc, ng_extraction *out,
                     ng_errmsg *err);

/* What the tagger derives from a spelling alone (word-list and lexicon
 * classes, feature hashes, the weights of the word's own features), kept
 * across the documents one thread extracts, so that a spelling met before
 * costs one lookup.  The output is the same with or without it.  One cache
 * per thread and per lexicon (it starts over when given another lexicon or
 * when full: at most about 60 MB). */
typedef struct ng_extract_cache ng_extract_cache;
ng_extract_cache *ng_extract_cache_new(void);
void ng_extract_cache_free(ng_extract_cache *cache);
/* ng_extract with a cache (NULL: none). */
ng_status ng_extract_cached(const ng_lexicon *lex, ng_extract_cache *cache, const ng_document *doc,
                            ng_extraction *out, ng_errmsg *err);
void ng_extraction_clear(ng_extraction *x);

/* The extractor id ng_extract gives its extractions with this lexicon
 * (out: 41 bytes). */
void ng_extractor_id(const ng_lexicon *lex, char *out);

/* Name key used to merge spellings of one name: case-folded, hyphens and
 * spaces dropped, German transliteration of Slavic names folded onto the
 * English one (w→v, j→y, sch→sh, tsch→ch), so "Budanow" = "Budanov" and
 * "Kim Jong-un" = "Kim Jong Un".  Caller frees. */
char *ng_name_key(const char *name);
/* ng_name_key of the bytes name[0 .. len). */
char *ng_name_key_n(const char *name, size_t len);

/* Readable, NMTOKEN-safe slug of a name ("Kim Jong-un" → "kim-jong-un"). */
char *ng_slug(const char *name);

#endif
