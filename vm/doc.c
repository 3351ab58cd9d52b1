// vm/doc.c: splits a builtin's internal doc into its text signature and its
// docstring (see doc.h).
#include "doc.h"

#include <string.h>

#include "str.h"

static const char SIG_END[] = ")\n--\n\n";

// Start of the signature's "(" in 'doc' when 'doc' begins with the last part
// of 'name' followed by "(" and has the end marker; NULL otherwise. '*end'
// receives the position just after the marker.
static const char *find_signature(const char *name, const char *doc, const char **end) {
    if (!doc || !name) {
        return NULL;
    }
    const char *dot = strrchr(name, '.');
    if (dot) {
        name = dot + 1;
    }
    size_t n = strlen(name);
    if (strncmp(doc, name, n) != 0 || doc[n] != '(') {
        return NULL;
    }
    // The marker must come before the first blank line of the docstring.
    const char *marker = strstr(doc + n, SIG_END);
    const char *blank = strstr(doc + n, "\n\n");
    if (!marker || (blank && blank < marker)) {
        return NULL;
    }
    *end = marker + sizeof SIG_END - 1;
    return doc + n;
}

KValue kdoc_get(const char *name, const char *doc) {
    if (!doc) {
        return kval_newref(KV_NONE);
    }
    const char *end;
    if (find_signature(name, doc, &end)) {
        doc = end;
    }
    return *doc ? kstr_from_cstr(doc) : kval_newref(KV_NONE);
}

KValue kdoc_text_signature(const char *name, const char *doc) {
    const char *end;
    const char *sig = find_signature(name, doc, &end);
    if (!sig) {
        return kval_newref(KV_NONE);
    }
    // "(args)": from the "(" up to and including the marker's ")".
    return kstr_from_utf8(sig, end - (sizeof SIG_END - 2) - sig);
}
