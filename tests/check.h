/* A few assertion macros for the unit tests: each failure prints where and
 * what, and the test exits non-zero at the end. */
#ifndef NG_TEST_CHECK_H
#define NG_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ng_test_failures;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
            ng_test_failures++;                                                       \
        }                                                                             \
    } while (0)

#define CHECK_STR(a, b)                                                                              \
    do {                                                                                             \
        const char *a_ = (a), *b_ = (b);                                                             \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                     \
            fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)",     \
                    b_ ? b_ : "(null)");                                                             \
            ng_test_failures++;                                                                      \
        }                                                                                            \
    } while (0)

#define CHECK_NUM(a, b)                                                                         \
    do {                                                                                        \
        double a_ = (a), b_ = (b);                                                              \
        if (!(a_ == b_)) {                                                                      \
            fprintf(stderr, "%s:%d: %s = %.17g, want %.17g\n", __FILE__, __LINE__, #a, a_, b_); \
            ng_test_failures++;                                                                 \
        }                                                                                       \
    } while (0)

#define TEST_DONE()                                                                  \
    do {                                                                             \
        if (ng_test_failures)                                                        \
            fprintf(stderr, "%d check(s) failed\n", ng_test_failures);               \
        return ng_test_failures ? 1 : 0;                                             \
    } while (0)

#endif
