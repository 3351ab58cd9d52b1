// loader/paths.c: where a module's cache lives, as PEP 3147 and PEP 488 name
// it (importlib.util.cache_from_source with krait's cache tag).
#include "loader.h"

#include "io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    // HEAD/__pycache__/STEM.TAG.opt-N.pyc, copied piece by piece: a path per
    // file of a tree, where vsnprintf's format parsing (twice, to size it)
    // cost more than the copies.
    static const char dir[] = "__pycache__/", tag[] = KF_CACHE_TAG, ext[] = ".pyc";
    size_t opt_len = strlen(opt);
    size_t len = head_len + (size_t)has_head + sizeof dir - 1 + stem_len + (dot != NULL) +
                 sizeof tag - 1 + opt_len + sizeof ext - 1;
    char *path = malloc(len + 1), *p = path;
    if (!path) {
        return NULL;
    }
    memcpy(p, source_path, head_len);
    p += head_len;
    if (has_head) {
        *p++ = '/';
    }
    memcpy(p, dir, sizeof dir - 1);
    p += sizeof dir - 1;
    memcpy(p, stem, stem_len);
    p += stem_len;
    if (dot) {
        *p++ = '.';
    }
    memcpy(p, tag, sizeof tag - 1);
    p += sizeof tag - 1;
    memcpy(p, opt, opt_len);
    p += opt_len;
    memcpy(p, ext, sizeof ext);
    return path;
}

char *kl_cache_path_prefixed(const char *source_path, int optimize, const char *prefix) {
    if (!prefix) {
        return kl_cache_path(source_path, optimize);
    }
    // importlib's cache_from_source: the head made absolute (against the
    // working directory), its leading slashes dropped, joined under 'prefix'.
    char *plain = kl_cache_path(source_path, optimize);
    char *cwd = source_path[0] == '/' ? NULL : getcwd(NULL, 0);
    char *r = NULL;
    if (plain && (cwd || source_path[0] == '/')) {
        char *pyc = strstr(plain, "__pycache__/");
        while (pyc && strstr(pyc + 1, "__pycache__/")) {
            pyc = strstr(pyc + 1, "__pycache__/");
        }
        size_t head_len = pyc ? (size_t)(pyc - plain) : 0;
        while (head_len > 0 && plain[head_len - 1] == '/') {
            head_len--;
        }
        const char *head = plain;
        while (head_len > 0 && *head == '/') {
            head++;
            head_len--;
        }
        const char *c = cwd ? cwd : "";
        while (*c == '/') {
            c++;
        }
        size_t plen = strlen(prefix);
        while (plen > 1 && prefix[plen - 1] == '/') {
            plen--;
        }
        r = kio_format("%.*s/%s%s%.*s%s%s", (int)plen, prefix, c, *c && head_len ? "/" : "",
                       (int)head_len, head, (*c || head_len) ? "/" : "",
                       pyc ? pyc + strlen("__pycache__/") : plain);
    }
    free(plain);
    free(cwd);
    return r;
}

char *kl_legacy_cache_path(const char *source_path) {
    return kio_format("%sc", source_path);
}
