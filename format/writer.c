// format/writer.c: KfCode tree -> cache file bytes (FORMAT.md). Three walks
// over the tree: the first interns every string in order of first use, the
// second lays out the constant pool children first and numbers the code
// objects in pre-order, the third writes each code object's instructions,
// positions, names and exception table. Unless the caller trusts its tree
// (KfWriteInfo.no_read_back), the result is read back by kf_read before it
// is returned, so kf_write never produces a file the reader refuses.
#include "format.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct Buf {
    uint8_t *data;
    size_t len, cap;
    int fixed; // 'data' lies in the file's buffer: room is never added
} Buf;

// One distinct string: its bytes at 'off' in the string data, then a 0 byte.
typedef struct StrEntry {
    uint32_t off, len;
    uint64_t hash;
} StrEntry;

// An address interned by write 'write' (0: none): the tree does not
// change while it is written, so the same address and length are the same
// bytes.
typedef struct Recent {
    const char *s;
    uint32_t len;
    uint32_t index : 31, cstr : 1; // cstr: 'len' is strlen(s)
    uint64_t write;
} Recent;

// Direct-mapped, per thread, kept from one write to the next (a write
// numbers itself, so nothing is cleared per file).
enum { RECENT_BITS = 12 };
static _Thread_local Recent recent_cache[1 << RECENT_BITS];
static _Thread_local uint64_t recent_writes;

// The most bytes a position entry takes (LINES): a header and four varints.
enum { MAX_POSITION_BYTES = 1 + 4 * 10 };

typedef struct Writer {
    KfError err;
    const char *detail;
    // The string table and its open-addressed index (slot = entry + 1).
    StrEntry *strs;
    size_t nstrs, strs_cap;
    uint32_t *slots;
    size_t nslots;
    Buf strdata;
    // Recently interned strings by address (recent_cache, this write's
    // entries are those marked 'write'): the compiler's names are shared
    // atoms, and a hit skips strlen and XXH3.
    struct Recent *recent;
    uint64_t write;
    // Code objects by index (walk 1 numbers them in the pre-order walk 2
    // lays them out in), with the start of each one's constant run and of
    // its string indices in 'refs' (name, qualname, filename, co_names,
    // localsplus names: walk 3 writes them without interning again).
    const KfCode **codes;
    uint32_t *consts_start;
    size_t *refs_start;
    size_t ncodes, codes_cap, nemitted;
    uint32_t *refs;
    size_t nrefs, refs_cap;
    size_t nconsts;
    // By section id: each but STRINGS and EXCEPTS is written in place in
    // the payload, at 'offset' (STRINGS is built at the end, EXCEPTS, whose
    // place depends on the size of LINES, is moved there).
    Buf sec[KLAYOUT_S_COUNT + 1];
    size_t need[KLAYOUT_S_COUNT + 1]; // walk 1's count of each section's bytes
                                      // (LINES: the most it can take)
    size_t offset[KLAYOUT_S_COUNT + 1];
} Writer;

// Records the first failure; later ones are ignored.
static void fail(Writer *w, KfError err, const char *detail) {
    if (w->err == KF_OK) {
        w->err = err;
        w->detail = detail;
    }
}

// Makes room for 'n' more bytes in 'b'; 0 on success.
static int reserve(Writer *w, Buf *b, size_t n) {
    if (w->err != KF_OK) {
        return -1;
    }
    if (b->cap - b->len >= n) {
        return 0;
    }
    if (b->fixed) {
        fail(w, KF_ERR_INVALID, "code objects changed while written");
        return -1;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < n) {
        if (cap > SIZE_MAX / 2) {
            fail(w, KF_ERR_TOO_LARGE, "buffer size overflow");
            return -1;
        }
        cap *= 2;
    }
    uint8_t *data = realloc(b->data, cap);
    if (!data) {
        fail(w, KF_ERR_NOMEM, "out of memory");
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

// Appends 'n' bytes; the room is usually there already (the sections are
// sized before the code is written), so the check stays inline.
static inline void put_bytes(Writer *w, Buf *b, const void *p, size_t n) {
    if (__builtin_expect(b->cap - b->len < n || w->err != KF_OK, 0) && reserve(w, b, n) != 0) {
        return;
    }
    if (n) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
    }
}

static inline void put_u8(Writer *w, Buf *b, uint8_t v) {
    put_bytes(w, b, &v, 1);
}

static inline void put_u32(Writer *w, Buf *b, uint32_t v) {
    uint8_t tmp[4];
    klayout_put32(tmp, v);
    put_bytes(w, b, tmp, 4);
}

// A count or index of the tree as a u32 field; negative or too large is the
// tree's fault.
static uint32_t as_u32(Writer *w, int64_t v, const char *what) {
    if (v < 0 || v > KLAYOUT_MAX_INT) {
        fail(w, KF_ERR_INVALID, what);
        return 0;
    }
    return (uint32_t)v;
}

// ---------------------------------------------------------------------------
// Strings

static int grow_slots(Writer *w) {
    size_t nslots = w->nslots ? w->nslots * 2 : 256;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) {
        fail(w, KF_ERR_NOMEM, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < w->nstrs; i++) {
        size_t at = w->strs[i].hash & (nslots - 1);
        while (slots[at]) {
            at = (at + 1) & (nslots - 1);
        }
        slots[at] = (uint32_t)i + 1;
    }
    free(w->slots);
    w->slots = slots;
    w->nslots = nslots;
    return 0;
}

// Appends a new string entry for 'len' bytes at 's' and returns its index.
static uint32_t add_string(Writer *w, const char *s, size_t len, uint64_t hash) {
    if (w->nstrs == w->strs_cap) {
        size_t cap = w->strs_cap ? w->strs_cap * 2 : 64;
        StrEntry *strs = realloc(w->strs, cap * sizeof *strs);
        if (!strs) {
            fail(w, KF_ERR_NOMEM, "out of memory");
            return 0;
        }
        w->strs = strs;
        w->strs_cap = cap;
    }
    if (len > KLAYOUT_MAX_INT || w->strdata.len > KLAYOUT_MAX_PAYLOAD - len - 1 ||
        w->nstrs >= KLAYOUT_MAX_INT) {
        fail(w, KF_ERR_TOO_LARGE, "string table too large");
        return 0;
    }
    StrEntry *e = &w->strs[w->nstrs];
    e->off = (uint32_t)w->strdata.len;
    e->len = (uint32_t)len;
    e->hash = hash;
    put_bytes(w, &w->strdata, s, len);
    put_u8(w, &w->strdata, 0);
    return (uint32_t)w->nstrs++;
}

// The index of the string of 'len' bytes at 's' (not NULL), added at its
// first use: the table's lookup.
// The string table's own hash (the format does not see it): a short
// string (a name) is mixed inline from two overlapping loads, a longer
// one goes to XXH3.
static inline uint64_t str_hash(const char *s, size_t len) {
    if (len > 16) {
        return klayout_hash(s, len);
    }
    uint64_t x = 0, y = 0;
    if (len >= 8) {
        memcpy(&x, s, 8);
        memcpy(&y, s + len - 8, 8);
    } else if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        x = a;
        y = b;
    } else if (len > 0) {
        x = (uint64_t)(uint8_t)s[0] | (uint64_t)(uint8_t)s[len / 2] << 8 |
            (uint64_t)(uint8_t)s[len - 1] << 16;
    }
    uint64_t h = (x * 0x9E3779B97F4A7C15ull) ^ (y * 0xC2B2AE3D27D4EB4Full) ^ len;
    h = (h ^ (h >> 31)) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

static uint32_t intern_new(Writer *w, const char *s, size_t len) {
    if ((w->nstrs + 1) * 2 > w->nslots && grow_slots(w) != 0) {
        return 0;
    }
    uint64_t hash = str_hash(s, len);
    size_t at = hash & (w->nslots - 1);
    while (w->slots[at]) {
        const StrEntry *e = &w->strs[w->slots[at] - 1];
        if (e->hash == hash && e->len == len && memcmp(w->strdata.data + e->off, s, len) == 0) {
            return w->slots[at] - 1;
        }
        at = (at + 1) & (w->nslots - 1);
    }
    uint32_t index = add_string(w, s, len, hash);
    if (w->err == KF_OK) {
        w->slots[at] = index + 1;
    }
    return index;
}

// The slot of 's' in the cache of recent strings.
static Recent *recent_slot(const Writer *w, const char *s) {
    return &w->recent[((uintptr_t)s >> 3) * 0x9E3779B97F4A7C15ull >> (64 - RECENT_BITS)];
}

// The index of the string of 'len' bytes at 's', added at its first use.
static uint32_t intern(Writer *w, const char *s, size_t len) {
    if (w->err != KF_OK) {
        return 0;
    }
    if (!s && len) {
        fail(w, KF_ERR_INVALID, "NULL string with a length");
        return 0;
    }
    if (!s) {
        s = "";
    }
    Recent *r = recent_slot(w, s);
    if (r->s == s && r->len == len && r->write == w->write) {
        return r->index;
    }
    uint32_t index = intern_new(w, s, len);
    if (w->err == KF_OK && len <= UINT32_MAX) {
        *r = (Recent){s, (uint32_t)len, index, 0, w->write};
    }
    return index;
}

static uint32_t intern_cstr(Writer *w, const char *s, const char *what) {
    if (!s) {
        fail(w, KF_ERR_INVALID, what);
        return 0;
    }
    Recent *r = recent_slot(w, s);
    if (r->s == s && r->cstr && r->write == w->write && w->err == KF_OK) {
        return r->index;
    }
    uint32_t index = intern(w, s, strlen(s));
    if (r->s == s && r->write == w->write) {
        r->cstr = 1;
    }
    return index;
}

// Interns the 'n' C strings at 'names' and appends their indices to
// 'refs' (walk 1); an address interned before takes one cache probe.
static void add_refs(Writer *w, const char *const *names, size_t n, const char *what) {
    if (w->refs_cap - w->nrefs < n) {
        size_t cap = w->refs_cap ? w->refs_cap : 256;
        while (cap - w->nrefs < n) {
            cap *= 2;
        }
        uint32_t *refs = realloc(w->refs, cap * sizeof *refs);
        if (!refs) {
            fail(w, KF_ERR_NOMEM, "out of memory");
            return;
        }
        w->refs = refs;
        w->refs_cap = cap;
    }
    uint32_t *out = w->refs + w->nrefs;
    for (size_t i = 0; i < n; i++) {
        const char *s = names[i];
        const Recent *r = s ? recent_slot(w, s) : NULL;
        out[i] = r && r->s == s && r->cstr && r->write == w->write ? r->index
                                                                   : intern_cstr(w, s, what);
    }
    w->nrefs += n;
}

// The bytes of a str, bytes or big-int constant.
static const char *const_text(const KfConst *k, size_t *len) {
    *len = k->len;
    if (k->kind == KF_CONST_BIGINT && k->str && k->len == 0) {
        *len = strlen(k->str);
    }
    return k->str;
}

// ---------------------------------------------------------------------------
// Walk 1: strings in order of first use

static void walk_code_strings(Writer *w, const KfCode *c, int level);

static void walk_const_strings(Writer *w, const KfConst *k, int level) {
    size_t len;
    switch (k->kind) {
    case KF_CONST_BIGINT:
    case KF_CONST_STR:
    case KF_CONST_BYTES: {
        const char *s = const_text(k, &len);
        intern(w, s, len);
        break;
    }
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        if (level + 1 > KF_MAX_DEPTH) {
            fail(w, KF_ERR_INVALID, "constants nested too deeply");
            return;
        }
        if (k->count < 0 || (k->count > 0 && !k->items)) {
            fail(w, KF_ERR_INVALID, "tuple without its items");
            return;
        }
        w->need[KLAYOUT_S_CONSTS] += KLAYOUT_CONST_SIZE * (size_t)k->count;
        for (int i = 0; i < k->count && w->err == KF_OK; i++) {
            walk_const_strings(w, &k->items[i], level + 1);
        }
        break;
    case KF_CONST_CODE:
        if (!k->code) {
            fail(w, KF_ERR_INVALID, "code constant without its code");
            return;
        }
        walk_code_strings(w, k->code, level + 1);
        break;
    default:
        break;
    }
}

// Numbers 'c' (the next index in pre-order); 0, or -1 when out of memory.
static int add_code(Writer *w, const KfCode *c) {
    if (w->ncodes == w->codes_cap) {
        size_t cap = w->codes_cap ? w->codes_cap * 2 : 16;
        const KfCode **codes = realloc(w->codes, cap * sizeof *codes);
        if (codes) {
            w->codes = codes;
        }
        uint32_t *starts = realloc(w->consts_start, cap * sizeof *starts);
        if (starts) {
            w->consts_start = starts;
        }
        size_t *refs = realloc(w->refs_start, cap * sizeof *refs);
        if (refs) {
            w->refs_start = refs;
        }
        if (!codes || !starts || !refs) {
            fail(w, KF_ERR_NOMEM, "out of memory");
            return -1;
        }
        w->codes_cap = cap;
    }
    w->codes[w->ncodes] = c;
    w->refs_start[w->ncodes++] = w->nrefs;
    return 0;
}

static void walk_code_strings(Writer *w, const KfCode *c, int level) {
    if (level > KF_MAX_DEPTH) {
        fail(w, KF_ERR_INVALID, "code objects nested too deeply");
        return;
    }
    if (add_code(w, c) < 0) {
        return;
    }
    add_refs(w, &c->name, 1, "code object without a name");
    add_refs(w, &c->qualname, 1, "code object without a qualname");
    add_refs(w, &c->filename, 1, "code object without a filename");
    if ((c->nnames > 0 && !c->names) || (c->nlocalsplus > 0 && !c->localsplus) ||
        (c->nconsts > 0 && !c->consts)) {
        fail(w, KF_ERR_INVALID, "code object with a count but no array");
        return;
    }
    if (c->nnames > 0) {
        add_refs(w, c->names, (size_t)c->nnames, "NULL in co_names");
    }
    if (c->nlocalsplus > 0) {
        add_refs(w, c->localsplus, (size_t)c->nlocalsplus, "NULL local name");
    }
    for (int i = 0; i < c->nconsts && w->err == KF_OK; i++) {
        walk_const_strings(w, &c->consts[i], level);
    }
    if (c->ncode < 0 || c->nlocalsplus < 0 || c->nnames < 0 || c->nexceptions < 0 ||
        c->nconsts < 0) {
        fail(w, KF_ERR_INVALID, "negative count in a code object");
        return;
    }
    w->need[KLAYOUT_S_CODES] += KLAYOUT_CODE_SIZE;
    w->need[KLAYOUT_S_CONSTS] += KLAYOUT_CONST_SIZE * (size_t)c->nconsts;
    w->need[KLAYOUT_S_INSTRS] += 4 * (size_t)c->ncode;
    // The worst case, which put_positions reserves.
    w->need[KLAYOUT_S_LINES] += MAX_POSITION_BYTES * (size_t)c->ncode;
    w->need[KLAYOUT_S_NAMEREFS] += 4 * ((size_t)c->nnames + (size_t)c->nlocalsplus);
    w->need[KLAYOUT_S_KINDS] += (size_t)c->nlocalsplus;
    w->need[KLAYOUT_S_EXCEPTS] += KLAYOUT_EXCEPT_SIZE * (size_t)c->nexceptions;
}

static size_t align8(size_t n) {
    return (n + 7) & ~(size_t)7;
}

// Lays the sections out in 'out' from byte 'base' on, after walk 1 counted
// them: STRINGS to CODES... KINDS and LINES (the most it can take) are
// written in place, EXCEPTS aside (moved after LINES at the end).
static void layout_sections(Writer *w, Buf *out, size_t base) {
    size_t end = align8(KLAYOUT_DIR_HEAD + KLAYOUT_DIR_ENTRY * KLAYOUT_S_COUNT);
    w->need[KLAYOUT_S_STRINGS] = 8 * w->nstrs + w->strdata.len;
    for (int id = 1; id <= KLAYOUT_S_LINES; id++) {
        if (w->need[id] > KLAYOUT_MAX_PAYLOAD) {
            fail(w, KF_ERR_TOO_LARGE, "payload past 4 GiB");
            return;
        }
        w->offset[id] = end;
        end = align8(end + w->need[id]);
    }
    // Room for EXCEPTS too, for when LINES takes all of its room.
    if (reserve(w, out, base + end + align8(w->need[KLAYOUT_S_EXCEPTS])) != 0 ||
        reserve(w, &w->sec[KLAYOUT_S_EXCEPTS], w->need[KLAYOUT_S_EXCEPTS] + 1) != 0) {
        return;
    }
    for (int id = KLAYOUT_S_STRINGS + 1; id <= KLAYOUT_S_LINES; id++) {
        w->sec[id] = (Buf){out->data + base + w->offset[id], 0, w->need[id], 1};
    }
}

// ---------------------------------------------------------------------------
// Walk 2: the constant pool, children first; code objects numbered in pre-order

static uint32_t emit_run(Writer *w, const KfConst *items, int n);

static uint32_t emit_code(Writer *w, const KfCode *c) {
    // Walk 1 met the code objects in this same order.
    size_t index = w->nemitted++;
    if (index >= w->ncodes || w->codes[index] != c) {
        fail(w, KF_ERR_INVALID, "code objects walked in two orders");
        return 0;
    }
    uint32_t start = emit_run(w, c->consts, c->nconsts);
    w->consts_start[index] = start;
    return (uint32_t)index;
}

static uint32_t const_kind(Writer *w, KfConstKind kind) {
    switch (kind) {
    case KF_CONST_NONE: return KLAYOUT_C_NONE;
    case KF_CONST_TRUE: return KLAYOUT_C_TRUE;
    case KF_CONST_FALSE: return KLAYOUT_C_FALSE;
    case KF_CONST_ELLIPSIS: return KLAYOUT_C_ELLIPSIS;
    case KF_CONST_INT: return KLAYOUT_C_INT;
    case KF_CONST_BIGINT: return KLAYOUT_C_BIGINT;
    case KF_CONST_FLOAT: return KLAYOUT_C_FLOAT;
    case KF_CONST_COMPLEX: return KLAYOUT_C_COMPLEX;
    case KF_CONST_STR: return KLAYOUT_C_STR;
    case KF_CONST_BYTES: return KLAYOUT_C_BYTES;
    case KF_CONST_TUPLE: return KLAYOUT_C_TUPLE;
    case KF_CONST_FROZENSET: return KLAYOUT_C_FROZENSET;
    case KF_CONST_CODE: return KLAYOUT_C_CODE;
    }
    fail(w, KF_ERR_INVALID, "unknown constant kind");
    return 0;
}

static uint64_t double_bits(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

// Appends the record of 'k'; 'ref' is its run or code index from emit_run.
static void put_const(Writer *w, const KfConst *k, uint32_t ref) {
    Buf *b = &w->sec[KLAYOUT_S_CONSTS];
    uint32_t a = 0;
    uint64_t x = 0, y = 0;
    size_t len;
    switch (k->kind) {
    case KF_CONST_INT: x = (uint64_t)k->i; break;
    case KF_CONST_FLOAT: x = double_bits(k->f); break;
    case KF_CONST_COMPLEX:
        x = double_bits(k->f);
        y = double_bits(k->imag);
        break;
    case KF_CONST_BIGINT:
    case KF_CONST_STR:
    case KF_CONST_BYTES: {
        const char *s = const_text(k, &len);
        a = intern(w, s, len);
        break;
    }
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        a = (uint32_t)k->count;
        x = ref;
        break;
    case KF_CONST_CODE: a = ref; break;
    default: break;
    }
    if (reserve(w, b, KLAYOUT_CONST_SIZE) != 0) {
        return;
    }
    uint8_t *o = b->data + b->len;
    klayout_put32(o, const_kind(w, k->kind));
    klayout_put32(o + 4, a);
    klayout_put64(o + 8, x);
    klayout_put64(o + 16, y);
    b->len += KLAYOUT_CONST_SIZE;
    w->nconsts++;
}

// Lays out what the 'n' constants at 'items' refer to, then their own run;
// returns the run's first index.
static uint32_t emit_run(Writer *w, const KfConst *items, int n) {
    if (n < 0) {
        fail(w, KF_ERR_INVALID, "negative constant count");
        return 0;
    }
    uint32_t small[16] = {0};
    uint32_t *refs = n <= 16 ? small : calloc((size_t)n, sizeof *refs);
    if (!refs) {
        fail(w, KF_ERR_NOMEM, "out of memory");
        return 0;
    }
    for (int i = 0; i < n && w->err == KF_OK; i++) {
        const KfConst *k = &items[i];
        if ((k->kind == KF_CONST_TUPLE || k->kind == KF_CONST_FROZENSET) && k->count > 0) {
            refs[i] = emit_run(w, k->items, k->count);
        } else if (k->kind == KF_CONST_CODE) {
            refs[i] = emit_code(w, k->code);
        }
    }
    uint32_t start = (uint32_t)w->nconsts;
    if (w->nconsts > KLAYOUT_MAX_INT - (size_t)n) {
        fail(w, KF_ERR_TOO_LARGE, "too many constants");
    }
    for (int i = 0; i < n && w->err == KF_OK; i++) {
        put_const(w, &items[i], refs[i]);
    }
    if (refs != small) {
        free(refs);
    }
    return start;
}

// ---------------------------------------------------------------------------
// Walk 3: each code object's own sections

// Four ints without padding: compared as two 8-byte words.
_Static_assert(sizeof(KfPosition) == 4 * sizeof(int), "KfPosition is four ints");

static int same_position(const KfPosition *a, const KfPosition *b) {
    return memcmp(a, b, sizeof *a) == 0;
}

// Position entries are written through a raw cursor into room reserved
// for the worst case of a code object's entries (a room check per byte was
// 2% of kraitc's instructions): MAX_POSITION_BYTES each.

static uint8_t *raw_uvar(uint8_t *o, uint64_t v) {
    do {
        uint8_t byte = v & 0x7F;
        v >>= 7;
        *o++ = (uint8_t)(byte | (v ? 0x80 : 0));
    } while (v);
    return o;
}

static uint8_t *raw_svar(uint8_t *o, int64_t v) {
    return raw_uvar(o, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

// Writes one new entry for 'p' (FORMAT.md, "LINES") at 'o' and returns
// its end, or NULL for a position out of range; '*line' is the decoder's
// line state.
static uint8_t *put_position(uint8_t *o, const KfPosition *p, int64_t *line) {
    int64_t d = (int64_t)p->lineno - *line;
    // The common forms first: columns on one line, within a byte, of a
    // line near the previous one (none and line have col -1: not these).
    if (p->end_lineno == p->lineno && p->lineno >= 0 &&
        ((unsigned)p->col | (unsigned)(p->end_col - p->col)) <= 255) {
        *line = p->lineno;
        if (d == 0) {
            o[0] = KLAYOUT_L_COL << 4;
            o[1] = (uint8_t)p->col;
            o[2] = (uint8_t)(p->end_col - p->col);
            return o + 3;
        }
        if (d >= -64 && d < 64) {
            o[0] = KLAYOUT_L_SHORT << 4;
            o[1] = (uint8_t)(((uint64_t)d << 1) ^ (uint64_t)(d >> 63));
            o[2] = (uint8_t)p->col;
            o[3] = (uint8_t)(p->end_col - p->col);
            return o + 4;
        }
    }
    if (p->lineno == 0 && p->end_lineno == 0 && p->col == -1 && p->end_col == -1) {
        *o++ = KLAYOUT_L_NONE << 4;
        return o;
    }
    if (p->lineno < 0 || p->end_lineno < 0 || p->col < -1 || p->end_col < -1) {
        return NULL;
    }
    *line = p->lineno;
    if (p->end_lineno == p->lineno && p->col == -1 && p->end_col == -1) {
        *o++ = KLAYOUT_L_LINE << 4;
        o = raw_svar(o, d);
    } else if (p->end_lineno == p->lineno && p->col >= 0 && p->col <= 255 &&
               p->end_col >= p->col && p->end_col - p->col <= 255) {
        *o++ = (uint8_t)((d == 0 ? KLAYOUT_L_COL : KLAYOUT_L_SHORT) << 4);
        if (d != 0) {
            o = raw_svar(o, d);
        }
        *o++ = (uint8_t)p->col;
        *o++ = (uint8_t)(p->end_col - p->col);
    } else {
        *o++ = KLAYOUT_L_LONG << 4;
        o = raw_svar(o, d);
        o = raw_svar(o, (int64_t)p->end_lineno - p->lineno);
        o = raw_uvar(o, (uint64_t)((int64_t)p->col + 1));
        o = raw_uvar(o, (uint64_t)((int64_t)p->end_col + 1));
    }
    return o;
}

static void put_positions(Writer *w, const KfCode *c) {
    static const KfPosition none = {0, 0, -1, -1};
    Buf *b = &w->sec[KLAYOUT_S_LINES];
    if ((size_t)c->ncode > SIZE_MAX / MAX_POSITION_BYTES ||
        reserve(w, b, (size_t)c->ncode * MAX_POSITION_BYTES) != 0) {
        return;
    }
    uint8_t *start = b->data + b->len, *o = start, *entry = NULL;
    int64_t line = c->firstlineno;
    const KfPosition *prev = NULL;
    int run = 0;
    const KfPosition *p = c->positions ? c->positions : &none;
    size_t step = c->positions ? 1 : 0;
    for (int i = 0; i < c->ncode; i++, p += step) {
        if (prev && same_position(p, prev)) {
            if (run < KLAYOUT_L_MAX_RUN) {
                (*entry)++;
                run++;
                continue;
            }
            entry = o;
            run = 1;
            *o++ = KLAYOUT_L_SAME << 4;
            continue;
        }
        entry = o;
        run = 1;
        o = put_position(o, p, &line);
        if (!o) {
            fail(w, KF_ERR_INVALID, "position out of range");
            return;
        }
        prev = p;
    }
    b->len += (size_t)(o - start);
}

// Appends 'n' u32 values to 'b' (one room check for all).
static void put_u32s(Writer *w, Buf *b, const uint32_t *v, size_t n) {
    if (n > SIZE_MAX / 8 || reserve(w, b, 4 * n) != 0) {
        return;
    }
    uint8_t *p = b->data + b->len;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n) {
        memcpy(p, v, 4 * n); // the layout's byte order already
    }
#else
    for (size_t i = 0; i < n; i++) {
        klayout_put32(p + 4 * i, v[i]);
    }
#endif
    b->len += 4 * n;
}

static void put_code_sections(Writer *w, const KfCode *c, const uint32_t *refs) {
    if ((c->ncode > 0 && !c->code) || (c->nlocalsplus > 0 && !c->localspluskinds) ||
        (c->nexceptions > 0 && !c->exceptions)) {
        fail(w, KF_ERR_INVALID, "code object with a count but no array");
        return;
    }
    put_u32s(w, &w->sec[KLAYOUT_S_INSTRS], c->code, (size_t)c->ncode);
    put_positions(w, c);
    // co_names then the localsplus names, as walk 1 interned them.
    put_u32s(w, &w->sec[KLAYOUT_S_NAMEREFS], refs + 3, (size_t)c->nnames + (size_t)c->nlocalsplus);
    put_bytes(w, &w->sec[KLAYOUT_S_KINDS], c->localspluskinds, (size_t)c->nlocalsplus);
    for (int i = 0; i < c->nexceptions; i++) {
        const KfExceptEntry *e = &c->exceptions[i];
        Buf *b = &w->sec[KLAYOUT_S_EXCEPTS];
        put_u32(w, b, as_u32(w, e->start, "exception entry out of range"));
        put_u32(w, b, as_u32(w, e->end, "exception entry out of range"));
        put_u32(w, b, as_u32(w, e->target, "exception entry out of range"));
        uint32_t depth = as_u32(w, e->depth, "exception entry out of range");
        if (depth > KLAYOUT_MAX_INT / 2 || (e->lasti != 0 && e->lasti != 1)) {
            fail(w, KF_ERR_INVALID, "exception entry out of range");
        }
        put_u32(w, b, depth << 1 | (e->lasti ? 1 : 0));
    }
}

// Counts of each code's own sections, as cut so far.
typedef struct Cursor {
    size_t instrs, lines, names, kinds, excepts;
} Cursor;

static void put_code_record(Writer *w, size_t index, const Cursor *at, const uint32_t *refs) {
    const KfCode *c = w->codes[index];
    const char *bad = "code object field out of range";
    uint32_t f[KLAYOUT_CO_FIELDS];
    f[KLAYOUT_CO_NAME] = refs[0];
    f[KLAYOUT_CO_QUALNAME] = refs[1];
    f[KLAYOUT_CO_FILENAME] = refs[2];
    f[KLAYOUT_CO_FIRSTLINENO] = as_u32(w, c->firstlineno, bad);
    f[KLAYOUT_CO_ARGCOUNT] = as_u32(w, c->argcount, bad);
    f[KLAYOUT_CO_POSONLY] = as_u32(w, c->posonlyargcount, bad);
    f[KLAYOUT_CO_KWONLY] = as_u32(w, c->kwonlyargcount, bad);
    f[KLAYOUT_CO_FLAGS] = as_u32(w, c->flags, bad);
    f[KLAYOUT_CO_STACKSIZE] = as_u32(w, c->stacksize, bad);
    f[KLAYOUT_CO_NLOCALSPLUS] = as_u32(w, c->nlocalsplus, bad);
    f[KLAYOUT_CO_INSTR_START] = as_u32(w, (int64_t)at->instrs, bad);
    f[KLAYOUT_CO_NCODE] = as_u32(w, c->ncode, bad);
    f[KLAYOUT_CO_LINES_START] = as_u32(w, (int64_t)at->lines, bad);
    f[KLAYOUT_CO_LINES_SIZE] =
        as_u32(w, (int64_t)(w->sec[KLAYOUT_S_LINES].len - at->lines), bad);
    f[KLAYOUT_CO_CONSTS_START] = w->consts_start[index];
    f[KLAYOUT_CO_NCONSTS] = as_u32(w, c->nconsts, bad);
    f[KLAYOUT_CO_NAMES_START] = as_u32(w, (int64_t)at->names, bad);
    f[KLAYOUT_CO_NNAMES] = as_u32(w, c->nnames, bad);
    f[KLAYOUT_CO_LOCALSPLUS_START] = as_u32(w, (int64_t)at->names + c->nnames, bad);
    f[KLAYOUT_CO_KINDS_START] = as_u32(w, (int64_t)at->kinds, bad);
    f[KLAYOUT_CO_EXC_START] = as_u32(w, (int64_t)at->excepts, bad);
    f[KLAYOUT_CO_NEXC] = as_u32(w, c->nexceptions, bad);
    put_u32s(w, &w->sec[KLAYOUT_S_CODES], f, KLAYOUT_CO_FIELDS);
}

static void write_codes(Writer *w) {
    Cursor at = {0, 0, 0, 0, 0};
    if (w->nemitted != w->ncodes) {
        fail(w, KF_ERR_INVALID, "code objects walked in two orders");
    }
    for (size_t i = 0; i < w->ncodes && w->err == KF_OK; i++) {
        const KfCode *c = w->codes[i];
        if (c->ncode < 0 || c->nnames < 0 || c->nlocalsplus < 0 || c->nexceptions < 0) {
            fail(w, KF_ERR_INVALID, "negative count in a code object");
            return;
        }
        const uint32_t *refs = w->refs + w->refs_start[i];
        put_code_sections(w, c, refs);
        put_code_record(w, i, &at, refs);
        at.instrs += (size_t)c->ncode;
        at.lines = w->sec[KLAYOUT_S_LINES].len;
        at.names += (size_t)c->nnames + (size_t)c->nlocalsplus;
        at.kinds += (size_t)c->nlocalsplus;
        at.excepts += (size_t)c->nexceptions;
    }
}

// ---------------------------------------------------------------------------
// Assembly

// The raw payload: the directory, then the sections in id order, in 'out'
// from byte 'base' on, where layout_sections placed them.
static void assemble(Writer *w, Buf *out, size_t base) {
    static const size_t record[KLAYOUT_S_COUNT + 1] = {
        [KLAYOUT_S_CONSTS] = KLAYOUT_CONST_SIZE, [KLAYOUT_S_CODES] = KLAYOUT_CODE_SIZE,
        [KLAYOUT_S_INSTRS] = 4, [KLAYOUT_S_NAMEREFS] = 4, [KLAYOUT_S_KINDS] = 1,
        [KLAYOUT_S_LINES] = 1, [KLAYOUT_S_EXCEPTS] = KLAYOUT_EXCEPT_SIZE,
    };
    size_t count[KLAYOUT_S_COUNT + 1], size[KLAYOUT_S_COUNT + 1];
    for (int id = 1; id <= KLAYOUT_S_COUNT; id++) {
        if (id == KLAYOUT_S_STRINGS) {
            count[id] = w->nstrs;
            size[id] = 8 * w->nstrs + w->strdata.len;
        } else {
            size[id] = w->sec[id].len;
            count[id] = size[id] / record[id];
        }
        // Every section but LINES (and EXCEPTS, aside) filled what walk 1 counted.
        if (id != KLAYOUT_S_LINES && size[id] != w->need[id]) {
            fail(w, KF_ERR_INVALID, "code objects changed while written");
            return;
        }
    }
    w->offset[KLAYOUT_S_EXCEPTS] =
        align8(w->offset[KLAYOUT_S_LINES] + size[KLAYOUT_S_LINES]);
    size_t end = align8(w->offset[KLAYOUT_S_EXCEPTS] + size[KLAYOUT_S_EXCEPTS]);
    if (count[KLAYOUT_S_STRINGS] > KLAYOUT_MAX_INT || end > KLAYOUT_MAX_PAYLOAD ||
        base + end > out->cap) {
        fail(w, KF_ERR_TOO_LARGE, "payload past 4 GiB");
        return;
    }
    uint8_t *data = out->data + base;
    out->len = base + end;
    // Only the directory and the padding after each section are zeroed:
    // the sections' bytes are all written.
    memset(data, 0, w->offset[1]);
    klayout_put32(data, KLAYOUT_S_COUNT);
    for (int id = 1; id <= KLAYOUT_S_COUNT; id++) {
        size_t offset = w->offset[id];
        uint8_t *e = data + KLAYOUT_DIR_HEAD + KLAYOUT_DIR_ENTRY * (id - 1);
        klayout_put32(e, (uint32_t)id);
        klayout_put32(e + 4, (uint32_t)count[id]);
        klayout_put32(e + 8, (uint32_t)offset);
        klayout_put32(e + 12, (uint32_t)size[id]);
        if (id == KLAYOUT_S_EXCEPTS && size[id] > 0) {
            memcpy(data + offset, w->sec[id].data, size[id]);
        }
        size_t next = id < KLAYOUT_S_COUNT ? w->offset[id + 1] : end;
        memset(data + offset + size[id], 0, next - offset - size[id]);
    }
    uint8_t *strings = data + w->offset[KLAYOUT_S_STRINGS];
    size_t text = 8 * w->nstrs;
    for (size_t i = 0; i < w->nstrs; i++) {
        klayout_put32(strings + 8 * i, (uint32_t)(text + w->strs[i].off));
        klayout_put32(strings + 8 * i + 4, w->strs[i].len);
    }
    if (w->strdata.len > 0) {
        memcpy(strings + text, w->strdata.data, w->strdata.len);
    }
}

// The file: header, then the payload, deflated when 'info' asks. A stored
// payload is laid out in place after the header; a deflated one in 'raw'.
static void finish_file(Writer *w, Buf *raw, const KfWriteInfo *info, Buf *file) {
    if (w->err != KF_OK) {
        return;
    }
    if (info->compress <= 0) {
        assemble(w, file, KF_HEADER_SIZE);
        if (w->err != KF_OK) {
            return;
        }
        uint8_t *payload = file->data + KF_HEADER_SIZE;
        size_t stored = file->len - KF_HEADER_SIZE;
        klayout_write_header(file->data, info, stored, stored, klayout_hash(payload, stored));
        return;
    }
    assemble(w, raw, 0);
    if (w->err != KF_OK) {
        return;
    }
    uLong bound = compressBound((uLong)raw->len);
    if (reserve(w, file, KF_HEADER_SIZE + (size_t)bound) != 0) {
        return;
    }
    uint8_t *payload = file->data + KF_HEADER_SIZE;
    uLongf stored = bound;
    int level = info->compress > 9 ? 9 : info->compress;
    if (compress2(payload, &stored, raw->data, (uLong)raw->len, level) != Z_OK) {
        fail(w, KF_ERR_NOMEM, "zlib failed");
        return;
    }
    klayout_write_header(file->data, info, stored, raw->len, klayout_hash(payload, stored));
    file->len = KF_HEADER_SIZE + stored;
}

// Reads 'file' back; a refusal means the tree broke a rule of the format.
static void check_written(Writer *w, const Buf *file) {
    if (w->err != KF_OK) {
        return;
    }
    const KfCode *code = NULL;
    const char *detail = NULL;
    KfError err = kf_read(file->data, file->len, NULL, &code, &detail);
    kf_free(code);
    if (err != KF_OK) {
        fail(w, err == KF_ERR_NOMEM ? err : KF_ERR_INVALID, detail);
    }
}

static void free_writer(Writer *w) {
    free(w->strs);
    free(w->slots);
    free(w->strdata.data);
    free(w->codes);
    free(w->consts_start);
    free(w->refs_start);
    free(w->refs);
    for (int id = 0; id <= KLAYOUT_S_COUNT; id++) {
        if (!w->sec[id].fixed) {
            free(w->sec[id].data);
        }
    }
}

KfError kf_write(const KfCode *module, const KfWriteInfo *info, uint8_t **out, size_t *out_len,
                 const char **detail) {
    Writer w;
    memset(&w, 0, sizeof w);
    w.recent = recent_cache;
    w.write = ++recent_writes;
    Buf raw = {NULL, 0, 0, 0}, file = {NULL, 0, 0, 0};
    *out = NULL;
    *out_len = 0;
    if (!module || (unsigned)info->invalidation > KF_INVALIDATE_UNCHECKED_HASH ||
        info->optimize < 0 || info->optimize > 2) {
        fail(&w, KF_ERR_INVALID, "bad module or write options");
    }
    if (w.err == KF_OK) {
        walk_code_strings(&w, module, 1);
    }
    if (w.err == KF_OK) {
        // A stored payload is laid out in place after the header; one to
        // deflate in 'raw'.
        if (info->compress <= 0) {
            layout_sections(&w, &file, KF_HEADER_SIZE);
        } else {
            layout_sections(&w, &raw, 0);
        }
        emit_code(&w, module);
        write_codes(&w);
        finish_file(&w, &raw, info, &file);
        if (!info->no_read_back) {
            check_written(&w, &file);
        }
    }
    free_writer(&w);
    free(raw.data);
    if (detail) {
        *detail = w.detail;
    }
    if (w.err != KF_OK) {
        free(file.data);
        return w.err;
    }
    *out = file.data;
    *out_len = file.len;
    return KF_OK;
}
