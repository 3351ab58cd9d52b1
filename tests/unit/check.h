// tests/unit/check.h: the unit tests' tiny check macro. Every check is named;
// a failure prints its name and place. main() ends with CHECK_DONE(), which
// prints "N passed, N failed" for the runner and returns the exit status.
#ifndef KRAIT_TESTS_UNIT_CHECK_H
#define KRAIT_TESTS_UNIT_CHECK_H

#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(name, cond)                                                          \
    do {                                                                           \
        if (cond) {                                                                \
            check_passed++;                                                        \
        } else {                                                                   \
            check_failed++;                                                        \
            fprintf(stderr, "FAIL %s (%s:%d): %s\n", name, __FILE__, __LINE__, #cond); \
        }                                                                          \
    } while (0)

#define CHECK_DONE()                                                       \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed != 0)

#endif
