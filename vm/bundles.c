// vm/bundles.c: bundles on sys.path, as CPython's zipimport treats zip
// files: a path entry that is a bundle file (a .kbz, or an executable with a
// bundle appended) is searched by name in the bundle's index, and an entry
// inside one ('app.kbz/pkg', a package's __path__) searches that package.
// What each path entry turned out to be is remembered for the life of the
// process (as sys.path_importer_cache does), and the bundles stay mapped
// until kbundles_close_all.
#include "bundles.h"
#include "internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader/loader.h"

#include "errors.h"
#include "list.h"
#include "str.h"

// What a path entry is.
typedef enum { ENTRY_DIR, ENTRY_NOT, ENTRY_BUNDLE, ENTRY_INNER, ENTRY_BAD } EntryKind;

typedef struct Entry {
    char *key;           // the path entry as given
    EntryKind kind;
    KlBundleFile *file;  // ENTRY_BUNDLE (owned) and ENTRY_INNER (the bundle's)
    char *prefix;        // ENTRY_INNER: the dotted package name ("pkg.sub"; "" for the top)
    char *message;       // ENTRY_BAD: the loader's report
} Entry;

// malloc'd printf; NULL when out of memory.
static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    return n < 0 ? NULL : s;
}

static Entry *entries;
static size_t nentries, entries_cap;

static Entry *lookup(const char *key) {
    for (size_t i = 0; i < nentries; i++) {
        if (!strcmp(entries[i].key, key)) {
            return &entries[i];
        }
    }
    return NULL;
}

// Remembers 'key' as 'kind'; takes 'file', 'prefix' and 'message'. NULL
// (MemoryError set) when out of memory.
static Entry *remember(const char *key, EntryKind kind, KlBundleFile *file, char *prefix,
                       char *message) {
    if (nentries == entries_cap) {
        size_t cap = entries_cap ? entries_cap * 2 : 8;
        Entry *more = realloc(entries, cap * sizeof *more);
        if (!more) {
            goto nomem;
        }
        entries = more;
        entries_cap = cap;
    }
    char *k = strdup(key);
    if (!k) {
        goto nomem;
    }
    entries[nentries] = (Entry){k, kind, file, prefix, message};
    return &entries[nentries++];
nomem:
    if (kind == ENTRY_BUNDLE && file) {
        kl_bundle_unmap(file);
        free(file);
    }
    free(prefix);
    free(message);
    kerr_no_memory();
    return NULL;
}

// Raises the ImportError of a refused bundle (its report without the
// "ImportError: " its text starts with).
static void raise_bad(const Entry *e) {
    const char *m = e->message ? e->message : "bad bundle";
    if (!strncmp(m, "ImportError: ", 13)) {
        m += 13;
    }
    KValue s = kstr_from_cstr(m);
    if (s) {
        kerr_set_value(&kexc_ImportError, s);
        kval_decref(s);
    }
}

static Entry *resolve(const char *key, int depth);

// 'key' is not a directory because one of its parents is a file: when that
// file is a bundle, 'key' is a directory inside it.
static Entry *resolve_inner(const char *key, int depth) {
    const char *slash = strrchr(key, '/');
    if (!slash || slash == key || depth > 64) {
        return remember(key, ENTRY_NOT, NULL, NULL, NULL);
    }
    char *parent = strndup(key, (size_t)(slash - key));
    if (!parent) {
        kerr_no_memory();
        return NULL;
    }
    Entry *p = resolve(parent, depth + 1);
    free(parent);
    if (!p) {
        return NULL;
    }
    if (p->kind != ENTRY_BUNDLE && p->kind != ENTRY_INNER) {
        return remember(key, ENTRY_NOT, NULL, NULL, NULL);
    }
    // 'app.kbz/' and 'app.kbz/pkg/.' name what their parent names.
    const char *part = slash + 1;
    int same = !*part || !strcmp(part, ".");
    const char *above = p->kind == ENTRY_INNER ? p->prefix : "";
    char *prefix = same ? strdup(above) : *above ? format("%s.%s", above, part) : strdup(part);
    if (!prefix) {
        kerr_no_memory();
        return NULL;
    }
    return remember(key, ENTRY_INNER, p->file, prefix, NULL);
}

// What the path entry 'key' is; NULL with an exception set on failure.
static Entry *resolve(const char *key, int depth) {
    Entry *e = lookup(key);
    if (e) {
        return e;
    }
    struct stat st;
    if (stat(key, &st) != 0) {
        if (errno == ENOTDIR) {
            return resolve_inner(key, depth);
        }
        static Entry missing = {NULL, ENTRY_NOT, NULL, NULL, NULL};
        return &missing; // not remembered: it may appear later
    }
    if (S_ISDIR(st.st_mode)) {
        return remember(key, ENTRY_DIR, NULL, NULL, NULL);
    }
    if (!S_ISREG(st.st_mode)) {
        return remember(key, ENTRY_NOT, NULL, NULL, NULL);
    }
    KlBundleFile *file = calloc(1, sizeof *file);
    if (!file) {
        kerr_no_memory();
        return NULL;
    }
    char *message = NULL;
    KlBundleState state = kl_bundle_map(key, file, &message);
    if (state == KL_BUNDLE_OK) {
        return remember(key, ENTRY_BUNDLE, file, NULL, NULL);
    }
    free(file);
    if (state == KL_BUNDLE_BAD && !message) {
        kerr_no_memory();
        return NULL;
    }
    return remember(key, state == KL_BUNDLE_BAD ? ENTRY_BAD : ENTRY_NOT, NULL, NULL, message);
}

const KlBundleFile *kbundles_open(const char *path) {
    Entry *e = resolve(path, 0);
    if (!e) {
        return NULL;
    }
    if (e->kind == ENTRY_BAD) {
        raise_bad(e);
        return NULL;
    }
    if (e->kind != ENTRY_BUNDLE) {
        char *m = format("ImportError: not a krait bundle: '%s'", path);
        Entry bad = {NULL, ENTRY_BAD, NULL, NULL, m};
        if (m) {
            raise_bad(&bad);
        } else {
            kerr_no_memory();
        }
        free(m);
        return NULL;
    }
    return e->file;
}

// Sets 'out->dirs' to ['dir'].
static int package_dirs(KFound *out, const char *dir) {
    KValue s = kstr_from_cstr(dir);
    out->dirs = s ? klist_new(0) : KV_NULL;
    int r = out->dirs ? klist_append(out->dirs, s) : -1;
    kval_xdecref(s);
    return r;
}

// Fills 'out' for entry 'index' of 'file', found as 'tail' under the path
// entry 'key'. Returns 1, or -1 with an exception set.
static int found(const KlBundleFile *file, long index, const char *key, const char *tail,
                 KFound *out) {
    KfBundleEntry be;
    kf_bundle_entry(&file->bundle, (uint32_t)index, &be);
    int is_package = (be.flags & KF_BUNDLE_PACKAGE) != 0;
    out->kind = KFIND_BUNDLE;
    out->is_package = is_package;
    out->bundle = file;
    out->entry = (uint32_t)index;
    out->path = format("%s/%s%s", key, tail, is_package ? "/__init__.py" : ".py");
    char *dir = is_package ? format("%s/%s", key, tail) : NULL;
    int ok = out->path && (!is_package || (dir && package_dirs(out, dir) == 0));
    free(dir);
    if (!ok) {
        if (!kerr_occurred()) {
            kerr_no_memory();
        }
        return -1;
    }
    return 1;
}

int kbundles_find(const char *key, const char *tail, KFound *out, char **portion) {
    Entry *e = resolve(key, 0);
    if (!e) {
        return -1;
    }
    switch (e->kind) {
    case ENTRY_DIR:
    case ENTRY_NOT: return 2;
    case ENTRY_BAD: raise_bad(e); return -1;
    default: break;
    }
    char *name = e->kind == ENTRY_INNER && *e->prefix ? format("%s.%s", e->prefix, tail)
                                                     : strdup(tail);
    if (!name) {
        kerr_no_memory();
        return -1;
    }
    long index = kf_bundle_find(&e->file->bundle, name, strlen(name));
    free(name);
    if (index < 0) {
        return 0;
    }
    KfBundleEntry be;
    kf_bundle_entry(&e->file->bundle, (uint32_t)index, &be);
    if (be.flags & KF_BUNDLE_NAMESPACE) {
        if (!*portion) {
            *portion = format("%s/%s", key, tail);
            if (!*portion) {
                kerr_no_memory();
                return -1;
            }
        }
        return 0;
    }
    return found(e->file, index, key, tail, out);
}

void kbundles_close_all(void) {
    for (size_t i = 0; i < nentries; i++) {
        Entry *e = &entries[i];
        if (e->kind == ENTRY_BUNDLE) {
            kl_bundle_unmap(e->file);
            free(e->file);
        }
        free(e->key);
        free(e->prefix);
        free(e->message);
    }
    free(entries);
    entries = NULL;
    nentries = entries_cap = 0;
}
