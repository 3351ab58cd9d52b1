// format/format.h: the bytecode file format's public face, and the neutral
// code-object tree that connects the compiler to the runtime. kraitc builds a
// KfCode tree and writes it with kf_write; the runtime reads files back with
// kf_read (later: maps them and reads code objects lazily). Neither side
// depends on the other: the compiler links no VM, the VM links no parser.
#ifndef KRAIT_FORMAT_FORMAT_H
#define KRAIT_FORMAT_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "opcodes.h"

typedef struct KfCode KfCode;

// A constant of a code object's pool.
typedef enum {
    KF_CONST_NONE,
    KF_CONST_TRUE,
    KF_CONST_FALSE,
    KF_CONST_ELLIPSIS,
    KF_CONST_INT,       // 'i'
    KF_CONST_BIGINT,    // 'str': decimal digits with an optional leading '-'
    KF_CONST_FLOAT,     // 'f'
    KF_CONST_COMPLEX,   // 'f' + 'imag' j
    KF_CONST_STR,       // 'str'/'len': UTF-8, lone surrogates encoded as 3 bytes
    KF_CONST_BYTES,     // 'str'/'len'
    KF_CONST_TUPLE,     // 'items'/'count'
    KF_CONST_FROZENSET, // 'items'/'count'
    KF_CONST_CODE,      // 'code'
} KfConstKind;

typedef struct KfConst {
    KfConstKind kind;
    int count;
    int64_t i;
    double f;
    double imag;
    const char *str;
    size_t len;
    const struct KfConst *items;
    const KfCode *code;
} KfConst;

// Code flags, with CPython's values (co_flags).
enum {
    KF_CO_OPTIMIZED = 0x1,
    KF_CO_NEWLOCALS = 0x2,
    KF_CO_VARARGS = 0x4,
    KF_CO_VARKEYWORDS = 0x8,
    KF_CO_NESTED = 0x10,
    KF_CO_GENERATOR = 0x20,
    KF_CO_NOFREE = 0x40,
    KF_CO_COROUTINE = 0x80,
    KF_CO_ITERABLE_COROUTINE = 0x100,
    KF_CO_ASYNC_GENERATOR = 0x200,
};

// Kinds of the "locals plus" slots (co_localspluskinds of CPython 3.11): a
// slot is a plain local, a cell (possibly also an argument), or a free
// variable copied from the closure.
enum { KF_LOCAL = 0x20, KF_LOCAL_CELL = 0x40, KF_LOCAL_FREE = 0x80, KF_LOCAL_ARG = 0x01 };

// Source position of one instruction; lineno 0 = none, col -1 = unknown.
typedef struct KfPosition {
    int lineno, end_lineno, col, end_col;
} KfPosition;

// One exception-table entry: instructions [start, end) jump to 'target' with
// the value stack cut to 'depth' (+1 with the exception pushed); 'lasti' set:
// push the raising instruction's index first (as CPython 3.11).
typedef struct KfExceptEntry {
    int start, end, target, depth, lasti;
} KfExceptEntry;

// A code object: CPython 3.11's fields, instructions as 32-bit words.
struct KfCode {
    const char *name;          // co_name
    const char *qualname;      // co_qualname
    const char *filename;      // co_filename
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;                 // KF_CO_*
    int stacksize;
    const uint32_t *code;      // KF_INSTR words
    int ncode;
    const KfPosition *positions; // 'ncode' entries
    const KfConst *consts;
    int nconsts;
    const char *const *names;  // co_names: attributes, globals, imports
    int nnames;
    const char *const *localsplus; // arguments first, then locals, cells, free vars
    const uint8_t *localspluskinds;
    int nlocalsplus;
    const KfExceptEntry *exceptions;
    int nexceptions;
};

// ---------------------------------------------------------------------------
// Cache files: the layout is specified in format/FORMAT.md.

// The format's version. A reader accepts every minor of its major; a file of a
// newer major (or made for another instruction set) is KF_ERR_VERSION.
#define KF_VERSION_MAJOR 1
#define KF_VERSION_MINOR 0
// sys.implementation.cache_tag: "krait-" and the major version.
#define KF_CACHE_TAG "krait-1"
// Bytes of the fixed header; the payload follows it.
#define KF_HEADER_SIZE 80
// Deepest nesting of constants (tuples in tuples, code in code) a file may
// hold; deeper trees are refused by kf_write and kf_read alike.
#define KF_MAX_DEPTH 1000

// Why a file was refused (or, for kf_write, could not be produced).
typedef enum {
    KF_OK,
    KF_ERR_MAGIC,       // not a krait cache file
    KF_ERR_VERSION,     // another major version, instruction set or feature
    KF_ERR_TRUNCATED,   // shorter than its header says
    KF_ERR_CHECKSUM,    // the header's or the payload's XXH3-64 does not match
    KF_ERR_CORRUPT,     // checksums match but the contents break the format
    KF_ERR_TOO_LARGE,   // past the format's limits (4 GiB payload, 2^31 items)
    KF_ERR_NOMEM,       // out of memory
    KF_ERR_INVALID,     // kf_write: the tree breaks the format's rules
    KF_ERR_UNVERIFIED,  // kf_verify: the code could misbehave when run
    KF_ERR_COUNT
} KfError;

// The message for 'err' ("truncated file", ...): a static string; never NULL.
const char *kf_strerror(KfError err);

// How a cache is checked against its source (PEP 552's modes).
typedef enum {
    KF_INVALIDATE_TIMESTAMP,      // source mtime and size; the hash on a mismatch
    KF_INVALIDATE_CHECKED_HASH,   // always the source's hash
    KF_INVALIDATE_UNCHECKED_HASH, // never look at the source
} KfInvalidation;

// The header's fields, decoded.
typedef struct KfHeader {
    int major, minor;
    KfInvalidation invalidation;
    int optimize;                 // 0, 1 (-O) or 2 (-OO)
    int is_compressed;            // payload deflated with zlib
    int is_sourceless;            // made to run without its source
    int64_t source_mtime_ns;
    uint64_t source_size;
    uint64_t source_hash;         // XXH3-64 of the source's bytes
    uint64_t payload_size;        // as stored (compressed or not)
    uint64_t payload_raw_size;    // once inflated
    uint64_t payload_checksum;    // XXH3-64 of the stored payload
} KfHeader;

// What kf_write records about the source and the compilation.
typedef struct KfWriteInfo {
    KfInvalidation invalidation;
    int optimize;                 // 0, 1 or 2
    int compress;                 // 0: stored; 1..9: zlib level
    int is_sourceless;
    int64_t source_mtime_ns;
    uint64_t source_size;
    uint64_t source_hash;         // kf_source_hash of the source
    // 0: the file is read back (kf_read) before it is returned, so a tree
    // that breaks the format's rules is KF_ERR_INVALID. 1: not read back,
    // for trees from krait's compiler (loader/cache.c): whoever uses the
    // file checks it in any case (payload checksum, each record and code
    // object as it is used), and the read-back was a tenth of compiling.
    int no_read_back;
} KfWriteInfo;

// XXH3-64 of 'len' bytes at 'data': the source hash of the header.
uint64_t kf_source_hash(const void *data, size_t len);

// Serialises the tree 'module' with the header fields of 'info' into a new
// malloc'd buffer: '*out' (the caller frees it with free()) and '*out_len'.
// The bytes depend only on the tree and 'info' (reproducible). Returns KF_OK,
// or KF_ERR_INVALID (the tree breaks a rule of FORMAT.md; '*detail', when
// 'detail' is not NULL, names the rule), KF_ERR_TOO_LARGE or KF_ERR_NOMEM,
// leaving '*out' NULL.
KfError kf_write(const KfCode *module, const KfWriteInfo *info, uint8_t **out, size_t *out_len,
                 const char **detail);

// Checks the fixed header at the start of 'data' ('len' bytes, at least
// KF_HEADER_SIZE of them for success): magic, version, instruction set,
// flags and header checksum, without looking at the payload. Fills '*header'
// when not NULL. Returns KF_OK or the reason the file is refused.
KfError kf_check_header(const uint8_t *data, size_t len, KfHeader *header);

// Checks a whole cache file of 'len' bytes as far as it can without decoding
// the payload: the header (as kf_check_header), the file's length and the
// payload checksum. Fills '*header' when not NULL. Returns KF_OK or the reason.
KfError kf_check_file(const uint8_t *data, size_t len, KfHeader *header);

// Decodes a whole cache file of 'len' bytes, validating every field, offset,
// index and checksum. On success stores the module's code in '*code' (a tree
// in one allocation the caller owns, released with kf_free; it does not point
// into 'data') and fills '*header' when not NULL. On failure returns the
// reason, leaves '*code' NULL and, when 'detail' is not NULL, points it at a
// static string naming the check that failed. Never crashes or loops on any
// input.
KfError kf_read(const uint8_t *data, size_t len, KfHeader *header, const KfCode **code,
                const char **detail);

// Verifies the tree 'module' (one kf_read returned) before code that comes
// without its source runs: the stack depth of every instruction by abstract
// interpretation (no underflow, never past stacksize, one depth where paths
// merge and at exception handlers, no path off the end), arguments and slot
// kinds, the cell/free/generator prefix, KW_NAMES before its CALL; nested
// code objects too (format/verify.c lists the rules). Returns KF_OK, or
// KF_ERR_UNVERIFIED with the reason and where ("stack underflow (code object
// 'f', instruction 12)") written to 'why' ('why_len' bytes, may be NULL), or
// KF_ERR_NOMEM. Linear in the code's size; never crashes on a tree kf_read
// accepted.
KfError kf_verify(const KfCode *module, char *why, size_t why_len);

// For kf_verify_code: 1 when constant 'index' of the code is a tuple of str
// (keyword names), with its length in '*count'; else 0.
typedef int (*KfKwNamesFn)(void *ctx, int index, int *count);

// Verifies one code object 'code' as kf_verify verifies each of a tree's
// (its nested code objects are not looked at), for a reader that checks
// code objects one at a time as they first run. 'code' must already hold
// the reader's guarantees (kf_image_instructions and kf_image_exceptions
// accepted it); only its name, qualname (for messages), flags, stacksize,
// words, locals-plus kinds and exception table are read, and its constants
// only through 'kw_names(ctx, ...)' when 'code->consts' is NULL. 'is_module'
// is set for code 0. Returns as kf_verify.
KfError kf_verify_code(const KfCode *code, int is_module, KfKwNamesFn kw_names, void *ctx,
                       char *why, size_t why_len);

// Frees a tree returned by kf_read; NULL is allowed.
void kf_free(const KfCode *code);

// Rewrites the source mtime and size of the KF_HEADER_SIZE bytes at 'header'
// (a header kf_check_header accepted) and recomputes its checksum; the
// payload is not involved. Used to refresh a timestamp cache whose source was
// touched but not changed.
void kf_set_source_stamp(uint8_t *header, int64_t mtime_ns, uint64_t size);

// Writes 'code' and its nested code objects to 'out' as CPython 3.11's
// dis.dis lays them out (offsets are instruction indices; code objects'
// addresses print as 0x...).
void kf_dis(const KfCode *code, FILE *out);

// ---------------------------------------------------------------------------
// Lazy reading (format/reader.c): a raw payload used in place, one record at
// a time, for a runtime that maps cache files and materialises a code
// object's parts only when it first runs. Each call checks what it reads as
// kf_read would; the rules that tie records together (every constant and
// code object reached from code 0 exactly once, nesting at most
// KF_MAX_DEPTH) are the caller's to enforce as it walks the tree.

// The raw payload of the cache file 'data', which kf_check_file accepted
// with header 'h': in place ('*payload' = data + KF_HEADER_SIZE) when it is
// stored, or inflated once into a new malloc'd buffer, '*inflated' (the
// caller frees it; NULL otherwise), when compressed. Returns KF_OK,
// KF_ERR_CORRUPT (a bad zlib stream) or KF_ERR_NOMEM.
KfError kf_raw_payload(const uint8_t *data, const KfHeader *h, const uint8_t **payload,
                       uint8_t **inflated);

// Slots of KfImage's arrays: the section ids of version 1.0 (slot 0 unused),
// of which these name the tables a lazy reader keeps a state per record for.
#define KF_IMAGE_SLOTS 9
enum { KF_IMAGE_STRINGS = 1, KF_IMAGE_CONSTS = 2, KF_IMAGE_CODES = 3 };

// A raw payload's section directory, checked (kf_image_open). It points
// into the payload, which must outlive it.
typedef struct KfSpan {
    const uint8_t *p;
    size_t len;
} KfSpan;
typedef struct KfImage {
    KfSpan sec[KF_IMAGE_SLOTS];
    uint32_t count[KF_IMAGE_SLOTS]; // records (bytes for byte sections)
} KfImage;

// One code object's record, checked: its fields, that its runs lie inside
// their sections, its locals-plus kinds.
typedef struct KfImageCode {
    uint32_t name, qualname, filename;  // string indices (in range; the strings
                                        // are kf_image_string's to check, as names)
    int firstlineno, argcount, posonlyargcount, kwonlyargcount, flags, stacksize;
    int nlocalsplus, ncode, nconsts, nnames, nexceptions;
    uint32_t consts_start;              // index of its first constant
    const uint8_t *kinds;               // 'nlocalsplus' kinds, in place
    const uint32_t *code;               // 'ncode' words in place (unchecked until
                                        // kf_image_instructions), or NULL where they
                                        // cannot be used in place (a big-endian host)
    uint32_t instr_start, lines_start, lines_size, names_start, exc_start; // for the calls below
} KfImageCode;

// How a string is used (FORMAT.md, "STRINGS").
typedef enum { KF_STR_BYTES, KF_STR_TEXT, KF_STR_NAME } KfStrUse;

// Checks the section directory of the raw payload 'payload' ('len' bytes,
// 8-byte aligned) and fills '*img'. KF_OK or KF_ERR_CORRUPT with '*detail'
// (when not NULL) naming the check.
KfError kf_image_open(KfImage *img, const uint8_t *payload, size_t len, const char **detail);

// Reads code object 'index' of 'img' into '*out'. KF_OK or KF_ERR_CORRUPT.
KfError kf_image_code(const KfImage *img, uint32_t index, KfImageCode *out, const char **detail);

// Checks the instructions of 'c' (opcodes, argument ranges) and copies the
// words to 'out' ('c->ncode' of them) when it is not NULL.
KfError kf_image_instructions(const KfImage *img, const KfImageCode *c, uint32_t *out,
                              const char **detail);

// Decodes the positions of 'c' into 'out' ('c->ncode' entries).
KfError kf_image_positions(const KfImage *img, const KfImageCode *c, KfPosition *out,
                           const char **detail);

// Decodes the exception table of 'c' into 'out' ('c->nexceptions' entries).
KfError kf_image_exceptions(const KfImage *img, const KfImageCode *c, KfExceptEntry *out,
                            const char **detail);

// The string index of name 'i' of 'c': co_names for i < nnames, then the
// locals-plus names. The string itself is checked by kf_image_string.
KfError kf_image_nameref(const KfImage *img, const KfImageCode *c, int i, uint32_t *string,
                         const char **detail);

// String 'index', checked for 'use': '*s' points into the payload (a 0 byte
// follows its '*len' bytes).
KfError kf_image_string(const KfImage *img, uint32_t index, KfStrUse use, const char **s,
                        size_t *len, const char **detail);

// Constant 'index' into '*out' (its 'items' and 'code' left NULL): for a
// tuple or frozenset 'out->count' items from index '*ref' (before 'index');
// for a code object, code index '*ref' (not 0); for a str, bytes or big int
// its string index '*ref' (a big int's digits are checked and in 'out->str';
// a str's or bytes' string is left to kf_image_string, 'out->str' NULL).
KfError kf_image_const(const KfImage *img, uint32_t index, KfConst *out, uint32_t *ref,
                       const char **detail);

// Bundles (.kbz) and self-contained executables.
#include "bundle.h"
// Inspection: a cache file's sections (kdump).
#include "inspect.h"

#endif
