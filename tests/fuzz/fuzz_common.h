/* Shared by the fuzz harnesses: the lexicon (loaded once), an invariant check
 * that aborts (so libFuzzer and the replay driver report it), and UTF-8
 * helpers.  Each harness defines LLVMFuzzerTestOneInput; built with clang and
 * -fsanitize=fuzzer it is a libFuzzer target, linked with replay_main.c it
 * replays files (the regression tests, with any compiler). */
#ifndef NG_FUZZ_COMMON_H
#define NG_FUZZ_COMMON_H

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                                  \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* An invariant whose violation is a known, reported bug in a module this
 * suite does not own (see tests/fuzz/regressions/open/README.md): checked
 * only with NG_FUZZ_OPEN=1, so fuzzing can go on finding other things. */
#define FUZZ_ASSERT_OPEN(cond)                                                                       \
    do {                                                                                             \
        static int strict_ = -1;                                                                     \
        if (strict_ < 0)                                                                             \
            strict_ = getenv("NG_FUZZ_OPEN") && strcmp(getenv("NG_FUZZ_OPEN"), "1") == 0;           \
        if (strict_ && !(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: invariant violated (open issue): %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                                 \
        }                                                                                            \
    } while (0)

static inline const ng_lexicon *fuzz_lexicon(void)
{
    static ng_lexicon *lex;
    if (!lex) {
        ng_errmsg err;
        if (ng_lexicon_load(ng_lexicon_default_dir(), &lex, &err) != NG_OK) {
            fprintf(stderr, "fuzz: cannot load lexicon: %s\n", err.text);
            exit(2);
        }
    }
    return lex;
}

static inline int fuzz_valid_utf8(const char *s, size_t n)
{
    return g_utf8_validate_len(s, n, NULL);
}

/* A NUL-terminated copy (the library reads text as C strings too). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
