// loader/cache.c: deciding whether a cache still matches its source, and
// loading a module's code from its cache or from its source (compiling it
// and writing the cache back). The rules are those of DESIGN.md ("The cache
// and the file format"): in timestamp mode equal mtime and size make a cache
// valid without reading the source; otherwise the source's XXH3-64 decides,
// and a cache whose source was only touched gets its header refreshed in
// place instead of a recompile.
#include "loader.h"

#include "io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const MESSAGES[KL_ERR_COUNT] = {
    [KL_OK] = "no error",
    [KL_ERR_IO] = "cannot read the source",
    [KL_ERR_COMPILE] = "the source does not compile",
    [KL_ERR_CACHE] = "unusable cache file",
    [KL_ERR_WRITE] = "cannot write the cache file",
    [KL_ERR_NO_COMPILER] = "no compiler to rebuild a stale cache",
    [KL_ERR_NOMEM] = "out of memory",
};

const char *kl_strerror(KlError err) {
    if ((int)err < 0 || err >= KL_ERR_COUNT) {
        return "unknown loader error";
    }
    return MESSAGES[err];
}

// What is known of the source, read at most once.
typedef struct Source {
    const char *path;
    struct stat st;
    int stat_err;  // errno of the stat (-1: not yet)
    char *bytes;   // NULL until read
    size_t len;
    int read_err;  // errno of the read (-1: not yet)
    uint64_t hash;
} Source;

static int stat_source(Source *src) {
    if (src->stat_err < 0) {
        src->stat_err = stat(src->path, &src->st) != 0 ? errno : 0;
        if (src->stat_err == 0 && S_ISDIR(src->st.st_mode)) {
            src->stat_err = EISDIR;
        }
    }
    return src->stat_err;
}

// Reads and hashes the source (once); its stat is then the one of the bytes read.
static int read_source(Source *src) {
    if (src->read_err < 0) {
        src->read_err = kio_read_file(src->path, &src->bytes, &src->len, &src->st);
        if (src->read_err == 0) {
            src->stat_err = 0;
            src->hash = kf_source_hash(src->bytes, src->len);
        }
    }
    return src->read_err;
}

// Judges the cache whose header is 'header' (bytes 'raw', from 'cache_path')
// against the source; refreshes the header in place when only the stamp differs.
static KlCacheState judge(const KfHeader *h, const uint8_t *raw, const char *cache_path,
                          Source *src, const KlOptions *opts) {
    if (h->optimize != opts->optimize ||
        (opts->require_mode && (h->invalidation != opts->invalidation || h->is_sourceless))) {
        return KL_CACHE_STALE;
    }
    if (h->is_sourceless || h->invalidation == KF_INVALIDATE_UNCHECKED_HASH) {
        return KL_CACHE_VALID;
    }
    if (h->invalidation == KF_INVALIDATE_TIMESTAMP && stat_source(src) == 0 &&
        kio_mtime_ns(&src->st) == h->source_mtime_ns &&
        (uint64_t)src->st.st_size == h->source_size) {
        return KL_CACHE_VALID;
    }
    if (read_source(src) != 0 || src->hash != h->source_hash || src->len != h->source_size) {
        return KL_CACHE_STALE;
    }
    if (h->invalidation == KF_INVALIDATE_CHECKED_HASH) {
        return KL_CACHE_VALID;
    }
    if (!opts->dont_write) {
        uint8_t fresh[KF_HEADER_SIZE];
        memcpy(fresh, raw, KF_HEADER_SIZE);
        kf_set_source_stamp(fresh, kio_mtime_ns(&src->st), (uint64_t)src->len);
        kio_overwrite_prefix(cache_path, fresh, KF_HEADER_SIZE); // failure: refresh next time
    }
    return KL_CACHE_REFRESHED;
}

KlCacheState kl_check_cache(const char *cache_path, const char *source_path,
                            const KlOptions *opts) {
    char *bytes = NULL;
    size_t len = 0;
    int e = kio_read_file(cache_path, &bytes, &len, NULL);
    if (e == ENOENT || e == ENOTDIR) {
        return KL_CACHE_MISSING;
    }
    KfHeader h;
    KlCacheState state = KL_CACHE_BAD;
    if (e == 0 && kf_check_file((const uint8_t *)bytes, len, &h) == KF_OK) {
        Source src = {source_path, {0}, -1, NULL, 0, -1, 0};
        state = judge(&h, (const uint8_t *)bytes, cache_path, &src, opts);
        free(src.bytes);
    }
    free(bytes);
    return state;
}

// Sets the failure 'err' with 'message' (malloc'd, may be NULL: out of memory).
static KlError failed(KlResult *out, KlError err, char *message) {
    out->err = message ? err : KL_ERR_NOMEM;
    out->message = message ? message : kio_format("MemoryError");
    return out->err;
}

// "cache file '...'" for 'path', malloc'd (NULL when out of memory).
static char *cache_name(const char *path) {
    static const char prefix[] = "cache file ";
    char *r = kio_repr(path);
    size_t n = r ? strlen(r) : 0;
    char *name = r ? malloc(sizeof prefix + n) : NULL;
    if (name) {
        // Joined by hand: every import names its cache, and vsnprintf's two
        // passes cost ~2K instructions.
        memcpy(name, prefix, sizeof prefix - 1);
        memcpy(name + sizeof prefix - 1, r, n + 1);
    }
    free(r);
    return name;
}

// Fills 'out->image' from the checked cache file 'im->file' (header 'h'):
// the raw payload in place, or inflated. KF_OK or the reason.
static KfError take_payload(KlImage *im, const KfHeader *h) {
    uint8_t *inflated = NULL;
    const uint8_t *payload = NULL;
    KfError err = kf_raw_payload(im->file, h, &payload, &inflated);
    if (err == KF_OK) {
        im->payload = payload;
        im->payload_len = (size_t)h->payload_raw_size;
        im->inflated = inflated;
    }
    return err;
}

// Tries the cache at 'cache_path': KL_OK with the image, or the cache's state.
static KlCacheState try_cache(const char *cache_path, Source *src, const KlOptions *opts,
                              KlResult *out) {
    KlImage im;
    int e = kio_map_file(cache_path, &im);
    if (e != 0) {
        return e == ENOENT || e == ENOTDIR ? KL_CACHE_MISSING : KL_CACHE_BAD;
    }
    KfHeader h;
    KlCacheState state = KL_CACHE_BAD;
    if (kf_check_header(im.file, im.file_len, &h) == KF_OK) {
        state = judge(&h, im.file, cache_path, src, opts);
    }
    if (state == KL_CACHE_VALID || state == KL_CACHE_REFRESHED) {
        // The payload checksum over the whole file before any of it is used;
        // then the section directory and the module's record, so that a file
        // broken there is compiled again (deeper records are checked when
        // the runtime first needs them: FORMAT.md, "Using a file in place").
        KfImage img;
        KfImageCode module;
        if (kf_check_file(im.file, im.file_len, &h) != KF_OK || take_payload(&im, &h) != KF_OK ||
            kf_image_open(&img, im.payload, im.payload_len, NULL) != KF_OK ||
            kf_image_code(&img, 0, &module, NULL) != KF_OK) {
            state = KL_CACHE_BAD;
        }
    }
    if (im.payload && !(im.name = cache_name(cache_path))) {
        state = KL_CACHE_BAD; // out of memory: compiled instead, as for any bad cache
    }
    if (state != KL_CACHE_BAD && im.payload) {
        out->image = im;
    } else {
        kl_image_release(&im);
    }
    return state;
}

// Serialises 'code' for 'src' and writes it to 'cache_path' unless asked
// not to; then, unless 'opts->no_code', reads the bytes back into 'out' (so
// a cold run executes exactly what a warm one will).
static KlError write_back(const KfCode *code, Source *src, const char *cache_path,
                          const KlOptions *opts, KlResult *out) {
    // The tree is the compiler's: not read back (KfWriteInfo.no_read_back).
    // Whoever uses the file checks it (the payload checksum, each record
    // and code object before it runs), this process included (take_payload,
    // vm/code_image.c), so a writer's bug is refused where the file is used.
    KfWriteInfo info = {opts->invalidation, opts->optimize, opts->compress, 0,
                        kio_mtime_ns(&src->st), (uint64_t)src->len, src->hash, 1};
    if (opts->invalidation != KF_INVALIDATE_TIMESTAMP) {
        info.source_mtime_ns = 0; // hash modes: the bytes do not depend on touches
    }
    uint8_t *bytes = NULL;
    size_t len = 0;
    const char *detail = NULL;
    KfError ferr = kf_write(code, &info, &bytes, &len, &detail);
    if (ferr != KF_OK) {
        return failed(out, ferr == KF_ERR_NOMEM ? KL_ERR_NOMEM : KL_ERR_COMPILE,
                      kio_format("SystemError: the compiler produced an unusable code object "
                                 "for %s: %s (%s)",
                                 src->path, kf_strerror(ferr), detail ? detail : "?"));
    }
    KlError err = KL_OK;
    if (!opts->dont_write) {
        int in_dir = 0;
        mode_t mode = (src->st.st_mode | 0200) & 0666;
        int e = kio_write_atomic(cache_path, bytes, len, mode, opts->fsync, &in_dir);
        out->cache_written = e == 0;
        if (e != 0 && opts->report_write_errors) {
            // Python names the directory it could not make, else the file.
            const char *slash = strrchr(cache_path, '/');
            char *dir = in_dir && slash ? strndup(cache_path, (size_t)(slash - cache_path))
                                        : strdup(cache_path);
            err = failed(out, KL_ERR_WRITE, dir ? kio_oserror(e, dir) : NULL);
            free(dir);
        }
    }
    if (err == KL_OK && !opts->no_code) {
        // The bytes just written are the image: a cold run executes exactly
        // what a warm one will.
        KfHeader h;
        out->image.buf = bytes;
        out->image.file = bytes;
        out->image.file_len = len;
        bytes = NULL;
        if (kf_check_header(out->image.file, len, &h) != KF_OK ||
            take_payload(&out->image, &h) != KF_OK ||
            !(out->image.name = cache_name(cache_path))) {
            err = failed(out, KL_ERR_NOMEM, NULL); // kf_write made it: only memory
        }
    }
    free(bytes);
    return err;
}

// Compiles the source and writes its cache.
static KlError compile_source(Source *src, const char *cache_path, const KlOptions *opts,
                              KlResult *out) {
    int e = read_source(src);
    if (e != 0) {
        return failed(out, e == ENOMEM ? KL_ERR_NOMEM : KL_ERR_IO, kio_oserror(e, src->path));
    }
    if (!opts->compiler) {
        char *r = kio_repr(src->path);
        KlError err = failed(out, KL_ERR_NO_COMPILER,
                             r ? kio_format("ImportError: no compiler to rebuild the cache of %s",
                                            r)
                               : NULL);
        free(r);
        return err;
    }
    const KfCode *code = NULL;
    void *owner = NULL;
    char *message = NULL;
    const char *name = opts->display_name ? opts->display_name : src->path;
    if (opts->compiler->compile(name, src->bytes, src->len, opts->optimize, &code, &owner,
                                &message) != 0) {
        return failed(out, KL_ERR_COMPILE, message);
    }
    out->how = KL_FROM_SOURCE;
    KlError err = write_back(code, src, cache_path, opts, out);
    opts->compiler->release(owner);
    return err;
}

KlError kl_load_source(const char *source_path, const KlOptions *opts, KlResult *out) {
    memset(out, 0, sizeof *out);
    Source src = {source_path, {0}, -1, NULL, 0, -1, 0};
    // Forced, the source is read at once (its fstat is the stat): a stat
    // first was a system call per file for kraitc -f, and a failure reads
    // the same either way.
    int e = opts->force ? 0 : stat_source(&src);
    if (e != 0) {
        return failed(out, KL_ERR_IO, kio_oserror(e, source_path));
    }
    char *cache_path =
        opts->legacy ? kl_legacy_cache_path(source_path)
                     : kl_cache_path_prefixed(source_path, opts->optimize, opts->pycache_prefix);
    if (!cache_path) {
        return failed(out, KL_ERR_NOMEM, NULL);
    }
    KlError err = KL_OK;
    out->cache = KL_CACHE_STALE;
    if (!opts->force) {
        out->cache = try_cache(cache_path, &src, opts, out);
    }
    if (out->image.payload) {
        out->how = KL_FROM_CACHE;
    } else {
        err = compile_source(&src, cache_path, opts, out);
    }
    free(cache_path);
    free(src.bytes);
    return err;
}

KlError kl_load_cache_file(const char *cache_path, KlResult *out) {
    memset(out, 0, sizeof *out);
    int e = kio_map_file(cache_path, &out->image);
    if (e != 0) {
        return failed(out, e == ENOMEM ? KL_ERR_NOMEM : KL_ERR_IO, kio_oserror(e, cache_path));
    }
    // Without source the whole tree is decoded and verified first.
    const KfCode *code = NULL;
    KfHeader h;
    KfError ferr = kf_read(out->image.file, out->image.file_len, &h, &code, NULL);
    out->how = KL_FROM_CACHE;
    out->cache = KL_CACHE_VALID;
    char why[256] = "";
    if (ferr == KF_OK) {
        ferr = kf_verify(code, why, sizeof why);
    }
    kf_free(code);
    if (ferr == KF_OK) {
        ferr = take_payload(&out->image, &h);
    }
    if (ferr == KF_OK && !(out->image.name = cache_name(cache_path))) {
        ferr = KF_ERR_NOMEM;
    }
    if (ferr != KF_OK) {
        out->cache = KL_CACHE_BAD;
        kl_image_release(&out->image);
        char *r = kio_repr(cache_path);
        KlError err = failed(out, ferr == KF_ERR_NOMEM ? KL_ERR_NOMEM : KL_ERR_CACHE,
                             r ? kio_format("ImportError: bad cache file %s: %s%s%s", r,
                                            kf_strerror(ferr), why[0] ? ": " : "", why)
                               : NULL);
        free(r);
        return err;
    }
    return KL_OK;
}

void kl_image_release(KlImage *im) {
    kio_unmap(im->map, im->map_len);
    free(im->buf);
    free(im->inflated);
    free(im->name);
    memset(im, 0, sizeof *im);
}

void kl_result_free(KlResult *r) {
    kl_image_release(&r->image);
    free(r->message);
    r->message = NULL;
}
