/* newsgraph: the language and world knowledge read from data/.
 *
 * A lexicon is loaded once and then only read, so one lexicon can serve
 * extractors on several threads.  Files and their formats are described in
 * data/README.md. */
#ifndef NEWSGRAPH_LEXICON_H
#define NEWSGRAPH_LEXICON_H

#include "newsgraph/error.h"

typedef struct ng_lexicon ng_lexicon;

/* The data folder: $NEWSGRAPH_DATA if set, else the one configured at build time. */
const char *ng_lexicon_default_dir(void);

/* Loads every data file under `dir`.  A missing optional file (the German
 * word list) is not an error; a malformed line is, naming file and line. */
ng_status ng_lexicon_load(const char *dir, ng_lexicon **out, ng_errmsg *err);

void ng_lexicon_free(ng_lexicon *lex);

/* What the lexicon was made of: the SHA-1 (40 hex digits) of every data
 * file, word list and model it read, with their names relative to the data
 * folder.  Two lexicons with the same fingerprint extract alike. */
const char *ng_lexicon_fingerprint(const ng_lexicon *lex);

/* Counts for messages and tests. */
typedef struct ng_lexicon_stats {
    size_t entities, names, adjectives, demonyms, roles, given_names, verbs,
        number_words, units, cues, abbreviations, dictionary_words;
} ng_lexicon_stats;
void ng_lexicon_get_stats(const ng_lexicon *lex, ng_lexicon_stats *stats);

#endif
