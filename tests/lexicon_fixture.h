/* Loads the project's lexicon once per test program. */
#ifndef NG_TEST_LEXICON_H
#define NG_TEST_LEXICON_H

#include <stdio.h>
#include <stdlib.h>
#include "newsgraph/lexicon.h"

static ng_lexicon *test_lexicon(void)
{
    ng_lexicon *lex = NULL;
    ng_errmsg err;
    if (ng_lexicon_load(ng_lexicon_default_dir(), &lex, &err) != NG_OK) {
        fprintf(stderr, "cannot load lexicon: %s\n", err.text);
        exit(1);
    }
    return lex;
}

#endif
