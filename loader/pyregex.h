// loader/pyregex.h: Python `re` patterns for kraitc -x, compiled with the C
// library's POSIX regcomp. compileall tests each path with re.search(); the
// translation keeps every yes/no answer of such a search for the syntax that
// POSIX extended expressions can say (classes such as \d and \w inside and
// outside brackets, escapes, (?:...) and named groups, lazy quantifiers,
// literal braces, \A and \Z, leading (?aiLmsux) flags) and refuses the rest
// (look-arounds, conditionals, named back-references, verbose mode) with
// the reason, never silently matching something else.
#ifndef KL_PYREGEX_H
#define KL_PYREGEX_H

#include <regex.h>
#include <stddef.h>

// Compiles Python pattern 'pattern' into 'rx' (REG_EXTENDED | REG_NOSUB,
// plus REG_ICASE for (?i)). Returns 0, or -1 with a message in 'why'.
int kl_regcomp_python(regex_t *rx, const char *pattern, char *why, size_t whylen);

#endif
