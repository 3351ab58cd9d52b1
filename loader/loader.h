// loader/loader.h: the loader's public face. It finds a module's cache file
// (PEP 3147 naming), decides whether the cache still matches its source
// (timestamp, checked-hash and unchecked-hash modes), compiles the source when
// it does not, and writes the cache back atomically. kraitc's compileall mode
// and the runtime's import system both go through here, so a cache kraitc
// calls valid is one the runtime uses, and the reverse.
#ifndef KRAIT_LOADER_LOADER_H
#define KRAIT_LOADER_LOADER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "format/format.h"

// Why loading failed.
typedef enum {
    KL_OK,
    KL_ERR_IO,          // the source (or a sourceless cache) cannot be read
    KL_ERR_COMPILE,     // the source does not compile (SyntaxError and kin)
    KL_ERR_CACHE,       // a cache that must be used (no source) was refused
    KL_ERR_WRITE,       // the cache could not be written (only when asked to report it)
    KL_ERR_NO_COMPILER, // the source must be compiled but no compiler was given
    KL_ERR_NOMEM,
    KL_ERR_COUNT
} KlError;

// A short message for 'err': a static string, never NULL.
const char *kl_strerror(KlError err);

// The compiler as the loader sees it, so that the loader links no parser by
// itself (a krait-run build passes none). 'compile' compiles 'len' bytes
// of source named 'filename' (co_filename) at optimisation level 'optimize'.
// On success it returns 0 and sets '*code', which stays valid until
// 'release' is called with '*owner'. On failure it returns -1 and sets
// '*message' to a malloc'd report as traceback.format_exception_only prints
// it (ending with a newline), or leaves it NULL when out of memory.
typedef struct KlCompiler {
    int (*compile)(const char *filename, const char *bytes, size_t len, int optimize,
                   const KfCode **code, void **owner, char **message);
    void (*release)(void *owner);
} KlCompiler;

// kraitc's compiler (compiler/compiler.h's kc_compile) behind that face.
extern const KlCompiler kl_kc_compiler;

// ---------------------------------------------------------------------------
// Cache paths

// The PEP 3147 cache path of 'source_path' at optimisation level 'optimize'
// (0, 1, 2), as importlib.util.cache_from_source computes it:
// "pkg/mod.py" -> "pkg/__pycache__/mod.krait-1.pyc" (".opt-1.pyc" for 1).
// Returns a malloc'd string, or NULL when out of memory.
char *kl_cache_path(const char *source_path, int optimize);

// As kl_cache_path under sys.pycache_prefix 'prefix' (-X pycache_prefix):
// the source's absolute directory mirrored below 'prefix', no __pycache__:
// "/src/pkg/mod.py" -> "PREFIX/src/pkg/mod.krait-1.pyc". A NULL 'prefix' is
// kl_cache_path. Malloc'd; NULL when out of memory.
char *kl_cache_path_prefixed(const char *source_path, int optimize, const char *prefix);

// The legacy (kraitc -b) cache path: 'source_path' + "c". Malloc'd; NULL
// when out of memory.
char *kl_legacy_cache_path(const char *source_path);

// ---------------------------------------------------------------------------
// Loading

typedef struct KlOptions {
    int optimize;                // 0, 1 (-O) or 2 (-OO)
    KfInvalidation invalidation; // the mode of caches written
    int dont_write;              // -B: never write a cache (a refresh neither)
    int force;                   // compile even when the cache is valid
    int legacy;                  // use kl_legacy_cache_path, not __pycache__
    int require_mode;            // a cache of another invalidation mode is stale
    int report_write_errors;     // a failed write is KL_ERR_WRITE (kraitc), not silence
    int compress;                // zlib level for written caches, 0 = stored
    int fsync;                   // fsync a written cache before renaming it in place
    int no_code;                 // kraitc: only the cache is wanted; 'out->image' stays empty
                                 // after a compile (no read-back of what was written)
    const char *display_name;    // co_filename; NULL: the source path as given
    const char *pycache_prefix;  // caches under this tree (kl_cache_path_prefixed), or NULL
    const KlCompiler *compiler;  // NULL: a stale cache cannot be rebuilt
} KlOptions;

// What kl_check_cache found.
typedef enum {
    KL_CACHE_VALID,     // matches its source
    KL_CACHE_REFRESHED, // matched by hash after a touch; its header was refreshed
    KL_CACHE_STALE,     // the source changed, or another mode/optimisation level
    KL_CACHE_MISSING,   // no cache file
    KL_CACHE_BAD,       // refused by the format (truncated, corrupt, other version)
} KlCacheState;

// How kl_load_source got the code.
typedef enum { KL_FROM_CACHE, KL_FROM_SOURCE } KlHow;

// A module's cache in memory, for use in place (DESIGN.md: the runtime maps
// cache files read-only and materialises code lazily; format.h's KfImage
// reads it). The bytes are a read-only mapping of the cache file, a member
// of a mapped bundle (not owned: the bundle stays mapped), or a malloc'd
// copy (a cache just written). A mapped file is only ever replaced by
// rename, never truncated or rewritten in place beyond its header (see
// loader/README.md): its old inode stays valid while it is mapped.
typedef struct KlImage {
    const uint8_t *file;     // the whole cache file: header, then the stored payload
    size_t file_len;
    const uint8_t *payload;  // the raw payload (in the file, or inflated); NULL: no image
    size_t payload_len;
    void *map;               // owned: the mapping ('map_len' bytes), or NULL
    size_t map_len;
    uint8_t *buf;            // owned: malloc'd file bytes, or NULL
    uint8_t *inflated;       // owned: the inflated payload of a compressed file, or NULL
    char *name;              // owned: names it in errors ("cache file '/p/m.krait-1.pyc'",
                             // "module 'm' in bundle '/p/app.kbz'"), or NULL
} KlImage;

// Releases what 'im' owns and clears it; a cleared image is fine.
void kl_image_release(KlImage *im);

typedef struct KlResult {
    KlImage image;         // the module's cache, checked (header, length, payload
                           // checksum) and, without source, verified; owned
                           // (kl_result_free releases it unless moved out)
    KlHow how;
    KlCacheState cache;    // the state the cache was found in
    int cache_written;     // a new cache file was written
    KlError err;
    char *message;         // on failure: malloc'd, names the file; NULL on success
} KlResult;

// Decides whether the cache at 'cache_path' is valid for the source at
// 'source_path' under 'opts' (its optimize, require_mode and dont_write),
// checking the file's header, length and payload checksum but not decoding
// the payload (kf_check_file). In timestamp mode, mtime and size equal:
// valid without reading the source; otherwise the source is hashed: equal,
// the cache's header is refreshed in place (unless dont_write) and it is
// KL_CACHE_REFRESHED; different, stale. Checked-hash compares the hash
// always, unchecked-hash and sourceless never.
KlCacheState kl_check_cache(const char *cache_path, const char *source_path,
                            const KlOptions *opts);

// Returns in '*out' the cache of the module whose source is at
// 'source_path' (out->image, mapped): its cache when valid, otherwise by compiling the
// source with 'opts->compiler' and writing the cache back (atomically: a
// temporary file in the same directory, then rename; an unwritable
// directory silently means no cache unless report_write_errors). Returns
// KL_OK, or the reason with 'out->message' set (for a compile error, the
// compiler's report; otherwise Python's text for the OSError, as
// "FileNotFoundError: [Errno 2] No such file or directory: 'x.py'").
// Release 'out' with kl_result_free in either case.
KlError kl_load_source(const char *source_path, const KlOptions *opts, KlResult *out);

// Loads a cache file on its own (a sourceless module, `krait mod.pyc`) into
// 'out->image', mapped: no staleness check; the whole tree is decoded and
// verified (kf_verify, as every module that runs without its source must
// be, bundle members too) before it is returned. A refused file is KL_ERR_CACHE with a message naming it and the
// reason ("ImportError: bad cache file 'm.pyc': bytecode failed
// verification: stack underflow (code object 'f', instruction 3)").
KlError kl_load_cache_file(const char *cache_path, KlResult *out);

// Frees what 'r' owns; the struct itself is the caller's.
void kl_result_free(KlResult *r);

// ---------------------------------------------------------------------------
// kraitc

// kraitc's compileall mode: `kraitc [-q] [-f] [-l] [-r N] [-b] [-o LEVEL]
// [-d DIR] [-s DIR] [-p DIR] [-x REGEX] [-i LIST] [-j N]
// [--invalidation-mode MODE] FILE|DIR...`, the language of
// python -m compileall, with 'compiler'. Writes its report to 'out' and
// usage errors to 'err'. Returns the exit status: 0, 1 when a file failed
// (after every file was tried), 2 for a usage error.
int kl_compileall_main(int argc, char **argv, const KlCompiler *compiler, FILE *out, FILE *err);

// Bundles and self-contained executables.
#include "bundle.h"

#endif
