// loader/bundle.c: mapping bundle files read-only (a .kbz file, or the
// bundle an executable carries before its trailer) and loading their
// members. A bundle is validated once when it is mapped (header, index,
// names: format/bundle.c); each member is checked as a cache file when it is
// loaded, so a corrupt member is an ImportError for that module only.
#include "loader.h"

#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

// Sets '*message' to the refusal of the bundle at 'path'.
static KlBundleState refused(const char *path, KfError err, const char *detail, char **message) {
    char *r = kio_repr(path);
    *message = r ? kio_format("ImportError: bad bundle %s: %s%s%s%s", r, kf_bundle_strerror(err),
                              detail ? " (" : "", detail ? detail : "", detail ? ")" : "")
                 : NULL;
    free(r);
    return KL_BUNDLE_BAD;
}

// Where the bundle lies in the mapped file: at 0, or before a trailer.
// Returns KL_BUNDLE_OK with 'f->offset' set, KL_BUNDLE_NOT, or
// KL_BUNDLE_BAD for a broken trailer.
static KlBundleState locate(KlBundleFile *f, uint64_t *size, char **message) {
    size_t n = f->map_len < 8 ? f->map_len : 8;
    if (n > 0 && memcmp(f->map, KF_BUNDLE_MAGIC, n) == 0) {
        f->offset = 0;
        *size = f->map_len;
        return KL_BUNDLE_OK;
    }
    if (f->map_len >= KF_EXE_TRAILER_SIZE) {
        int t = kf_exe_trailer_read(f->map + f->map_len - KF_EXE_TRAILER_SIZE, f->map_len,
                                    &f->offset, size);
        if (t > 0) {
            return KL_BUNDLE_OK;
        }
        if (t < 0) {
            return refused(f->path, KF_ERR_CORRUPT, "executable trailer out of place", message);
        }
    }
    if (has_suffix(f->path, ".kbz")) {
        // Named as a bundle: report what is wrong with it as one.
        KfBundle b;
        const char *detail = NULL;
        KfError err = kf_bundle_open(f->map ? f->map : (const uint8_t *)"", f->map_len, &b,
                                     &detail);
        return refused(f->path, err, detail, message);
    }
    return KL_BUNDLE_NOT;
}

KlBundleState kl_bundle_map(const char *path, KlBundleFile *out, char **message) {
    memset(out, 0, sizeof *out);
    *message = NULL;
    out->path = strdup(path);
    if (!out->path) {
        return KL_BUNDLE_BAD;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        *message = kio_oserror(errno, path);
        if (fd >= 0) {
            close(fd);
        }
        kl_bundle_unmap(out);
        return KL_BUNDLE_BAD;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        *message = kio_oserror(S_ISDIR(st.st_mode) ? EISDIR : EINVAL, path);
        kl_bundle_unmap(out);
        return KL_BUNDLE_BAD;
    }
    out->map_len = (size_t)st.st_size;
    if (out->map_len > 0) {
        void *m = mmap(NULL, out->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            *message = kio_oserror(errno, path);
            close(fd);
            out->map_len = 0;
            kl_bundle_unmap(out);
            return KL_BUNDLE_BAD;
        }
        out->map = m;
    }
    close(fd);
    uint64_t size = 0;
    KlBundleState state = locate(out, &size, message);
    if (state == KL_BUNDLE_OK) {
        const char *detail = NULL;
        KfError err = kf_bundle_open(out->map + out->offset, (size_t)size, &out->bundle, &detail);
        if (err != KF_OK) {
            state = refused(path, err, detail, message);
        }
    }
    if (state != KL_BUNDLE_OK) {
        kl_bundle_unmap(out);
    }
    return state;
}

void kl_bundle_unmap(KlBundleFile *f) {
    if (f->map) {
        munmap(f->map, f->map_len);
    }
    free(f->path);
    memset(f, 0, sizeof *f);
}

char *kl_bundle_member_path(const KfBundleEntry *e) {
    char *s = kio_format("%.*s%s", (int)e->name_len, e->name,
                         e->flags & KF_BUNDLE_PACKAGE ? "/__init__.py" : ".py");
    for (char *p = s; p && *p; p++) {
        if (*p == '.' && strcmp(p, ".py") != 0) {
            *p = '/';
        }
    }
    return s;
}

KlError kl_bundle_load(const KlBundleFile *f, uint32_t index, KlResult *out) {
    memset(out, 0, sizeof *out);
    KfBundleEntry e;
    kf_bundle_entry(&f->bundle, index, &e);
    const char *detail = NULL;
    const KfCode *code = NULL;
    KfHeader h;
    KfError err = e.member ? kf_read(e.member, e.member_len, &h, &code, &detail)
                           : KF_ERR_CORRUPT;
    char why[256];
    if (err == KF_OK && (err = kf_verify(code, why, sizeof why)) != KF_OK) {
        detail = why; // a member runs without its source: verified first
    }
    kf_free(code);
    if (err == KF_OK) {
        // Used in place: the bundle stays mapped while the process runs.
        uint8_t *inflated = NULL;
        const uint8_t *payload = NULL;
        err = kf_raw_payload(e.member, &h, &payload, &inflated);
        out->image.file = e.member;
        out->image.file_len = e.member_len;
        out->image.payload = err == KF_OK ? payload : NULL;
        out->image.payload_len = (size_t)h.payload_raw_size;
        out->image.inflated = inflated;
        char *r = kio_repr(f->path);
        out->image.name = r ? kio_format("module '%.*s' in bundle %s", (int)e.name_len, e.name, r)
                            : NULL;
        free(r);
        if (err == KF_OK && !out->image.name) {
            err = KF_ERR_NOMEM;
        }
    }
    out->how = KL_FROM_CACHE;
    out->cache = KL_CACHE_VALID;
    if (err == KF_OK) {
        return KL_OK;
    }
    out->cache = KL_CACHE_BAD;
    out->err = err == KF_ERR_NOMEM ? KL_ERR_NOMEM : KL_ERR_CACHE;
    char *r = kio_repr(f->path);
    out->message = r ? kio_format("ImportError: bad module '%.*s' in bundle %s: %s%s%s%s",
                                  (int)e.name_len, e.name, r, kf_strerror(err),
                                  detail ? " (" : "", detail ? detail : "", detail ? ")" : "")
                     : NULL;
    free(r);
    if (!out->message) {
        out->err = KL_ERR_NOMEM;
    }
    return out->err;
}

int kl_is_bundle_mode(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--bundle") || !strcmp(argv[i], "--exe")) {
            return 1;
        }
    }
    return 0;
}
