/* A narrow entry point into the extractor's stages for bench/recognise.c:
 * the recognise step (lexicon rules, short-name resolution, the tagger)
 * alone, over a segmentation the caller made once. */
#ifndef NG_EXTRACT_STAGES_H
#define NG_EXTRACT_STAGES_H

#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"
#include "newsgraph/segment.h"

/* Runs recognition and resolution on doc, whose text seg segments (seg is
 * only read), with a cache as ng_extract_cached (NULL: none); counts what
 * was found. */
ng_status ng_extract_recognise(const ng_lexicon *lex, ng_extract_cache *cache, const ng_document *doc,
                               const ng_segmentation *seg, size_t *nentities, size_t *nmentions);

#endif
