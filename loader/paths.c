// loader/paths.c: where a module's cache lives, as PEP 3147 and PEP 488 name
// it (importlib.util.cache_from_source with krait's cache tag).
#include "loader.h"

#include "io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *kl_cache_path(const char *source_path, int optimize) {
    // importlib's _path_split and _path_join: the head is what precedes the
    // last slash, stripped of trailing slashes and joined with one. One
    // deliberate difference: for a file in the root, 3.11 drops the empty head
    // ("/abs.py" -> "__pycache__/abs...", relative to the working directory);
    // krait keeps it ("/__pycache__/abs...").
    const char *slash = strrchr(source_path, '/');
    const char *tail = slash ? slash + 1 : source_path;
    size_t head_len = slash ? (size_t)(slash - source_path) : 0;
    int has_head = slash != NULL;
    while (head_len > 0 && source_path[head_len - 1] == '/') {
        head_len--;
    }
    // tail.rpartition('.'): the base, or the whole tail when there is no base.
    const char *dot = strrchr(tail, '.');
    size_t base_len = dot ? (size_t)(dot - tail) : 0;
    const char *stem = base_len ? tail : dot ? dot + 1 : tail;
    size_t stem_len = base_len ? base_len : strlen(stem);
    char opt[16] = "";
    if (optimize > 0) {
        snprintf(opt, sizeof opt, ".opt-%d", optimize);
    }
    return kio_format("%.*s%s__pycache__/%.*s%s%s%s.pyc", (int)head_len, source_path,
                      has_head ? "/" : "", (int)stem_len, stem, dot ? "." : "", KF_CACHE_TAG, opt);
}

char *kl_legacy_cache_path(const char *source_path) {
    return kio_format("%sc", source_path);
}
