// format/reader.c: cache file bytes -> KfCode tree (FORMAT.md). The input is
// untrusted: every byte is read through get8/get32/get64, which check the
// offset against the span they read from and turn a miss into a sticky
// KF_ERR_CORRUPT; no struct is laid over the file. Every count, index and
// offset is checked before it is used, and every loop is bounded by the
// input's size, so no input makes the reader crash, loop or allocate much
// more than a few times the payload. The tree is built in one allocation:
// the codes array first (code 0, the module, at its start, so kf_free frees
// the module pointer), then constants, name pointers, positions, exception
// entries, instruction words, kinds and a copy of the string table.
#include "format.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef KfSpan Span;

// What a string must be where it is used (FORMAT.md, "STRINGS").
enum { USE_BYTES, USE_TEXT, USE_NAME };
// Facts about each string, computed once.
enum { STR_UTF8 = 1, STR_NUL = 2 };

typedef struct Reader {
    KfError err;
    const char *detail;
    // The sections: 'own''s (kf_read) or a lazy reader's image's.
    Span *sec;
    uint32_t *count;
    KfImage own;
    // The tree being built, inside one block.
    uint8_t *block;
    KfCode *codes;
    KfConst *consts;
    const char **refs;
    KfPosition *positions;
    KfExceptEntry *excepts;
    uint32_t *instrs;
    uint8_t *kinds;
    char *strings;
    // Scratch, one allocation: per string, per constant and per code object.
    uint8_t *scratch;
    uint8_t *str_facts;
    uint8_t *const_parent; // 1 once a tuple or a code object claims it
    uint16_t *const_depth;
    uint8_t *code_refs;    // kind-12 records naming each code object
    uint32_t *code_cstart; // start of each code object's constant run
} Reader;

// Records the first failure as KF_ERR_CORRUPT with 'what' failed.
static void corrupt(Reader *r, const char *what) {
    if (r->err == KF_OK) {
        r->err = KF_ERR_CORRUPT;
        r->detail = what;
    }
}

static int has(Reader *r, Span s, uint64_t off, uint64_t n) {
    if (off > s.len || n > s.len - off) {
        corrupt(r, "offset past the end of a section");
        return 0;
    }
    return 1;
}

static uint8_t get8(Reader *r, Span s, uint64_t off) {
    return has(r, s, off, 1) ? s.p[off] : 0;
}

static uint32_t get32(Reader *r, Span s, uint64_t off) {
    return has(r, s, off, 4) ? klayout_get32(s.p + off) : 0;
}

static Span sub(Reader *r, Span s, uint64_t off, uint64_t n) {
    Span out = {s.p, 0};
    if (has(r, s, off, n)) {
        out.p = s.p + off;
        out.len = (size_t)n;
    }
    return out;
}

static int is_zero(Span s) {
    for (size_t i = 0; i < s.len; i++) {
        if (s.p[i]) {
            return 0;
        }
    }
    return 1;
}

static uint64_t align8(uint64_t n) {
    return (n + 7) & ~(uint64_t)7;
}

// ---------------------------------------------------------------------------
// The directory

static void read_directory(Reader *r, Span payload) {
    static const uint32_t record[KLAYOUT_S_COUNT + 1] = {
        [KLAYOUT_S_CONSTS] = KLAYOUT_CONST_SIZE, [KLAYOUT_S_CODES] = KLAYOUT_CODE_SIZE,
        [KLAYOUT_S_INSTRS] = 4, [KLAYOUT_S_NAMEREFS] = 4, [KLAYOUT_S_KINDS] = 1,
        [KLAYOUT_S_LINES] = 1, [KLAYOUT_S_EXCEPTS] = KLAYOUT_EXCEPT_SIZE,
    };
    uint32_t n = get32(r, payload, 0);
    if (get32(r, payload, 4) != 0 || n > (payload.len - KLAYOUT_DIR_HEAD) / KLAYOUT_DIR_ENTRY) {
        corrupt(r, "bad section directory");
        return;
    }
    uint64_t end = KLAYOUT_DIR_HEAD + (uint64_t)KLAYOUT_DIR_ENTRY * n;
    uint32_t prev_id = 0;
    for (uint32_t i = 0; i < n && r->err == KF_OK; i++) {
        uint64_t e = KLAYOUT_DIR_HEAD + (uint64_t)KLAYOUT_DIR_ENTRY * i;
        uint32_t id = get32(r, payload, e), count = get32(r, payload, e + 4);
        uint32_t off = get32(r, payload, e + 8), size = get32(r, payload, e + 12);
        if (id <= prev_id || off != align8(end) || !is_zero(sub(r, payload, end, off - end))) {
            corrupt(r, "sections out of order");
            return;
        }
        Span s = sub(r, payload, off, size);
        if (id <= KLAYOUT_S_COUNT) {
            uint64_t expect = id == KLAYOUT_S_STRINGS ? 8 * (uint64_t)count
                                                      : (uint64_t)count * record[id];
            if (count > KLAYOUT_MAX_INT || (id == KLAYOUT_S_STRINGS ? size < expect
                                                                    : size != expect)) {
                corrupt(r, "section size does not match its count");
                return;
            }
            r->sec[id] = s;
            r->count[id] = count;
        }
        prev_id = id;
        end = (uint64_t)off + size;
    }
    if (r->err == KF_OK && (align8(end) != payload.len ||
                            !is_zero(sub(r, payload, end, payload.len - end)))) {
        corrupt(r, "bytes after the last section");
    }
    for (int id = 1; id <= KLAYOUT_S_COUNT && r->err == KF_OK; id++) {
        if (!r->sec[id].p) {
            corrupt(r, "a required section is missing");
        }
    }
}

// ---------------------------------------------------------------------------
// The tree's block

// Adds 'count' items of 'size' bytes to the block's size '*total' and
// returns their offset; flags overflow in 'r'.
static size_t lay_out(Reader *r, size_t *total, size_t count, size_t size) {
    size_t off = (*total + 7) & ~(size_t)7;
    if (count > (SIZE_MAX / 2 - off) / (size ? size : 1)) {
        if (r->err == KF_OK) {
            r->err = KF_ERR_TOO_LARGE;
            r->detail = "tree too large for memory";
        }
        return 0;
    }
    *total = off + count * size;
    return off;
}

static void allocate(Reader *r) {
    size_t total = 0;
    uint32_t ncodes = r->count[KLAYOUT_S_CODES], nconsts = r->count[KLAYOUT_S_CONSTS];
    uint32_t ninstrs = r->count[KLAYOUT_S_INSTRS];
    size_t codes = lay_out(r, &total, ncodes, sizeof(KfCode));
    size_t consts = lay_out(r, &total, nconsts, sizeof(KfConst));
    size_t refs = lay_out(r, &total, r->count[KLAYOUT_S_NAMEREFS], sizeof(char *));
    size_t positions = lay_out(r, &total, ninstrs, sizeof(KfPosition));
    size_t excepts = lay_out(r, &total, r->count[KLAYOUT_S_EXCEPTS], sizeof(KfExceptEntry));
    size_t instrs = lay_out(r, &total, ninstrs, sizeof(uint32_t));
    size_t kinds = lay_out(r, &total, r->count[KLAYOUT_S_KINDS], 1);
    size_t strings = lay_out(r, &total, r->sec[KLAYOUT_S_STRINGS].len, 1);
    size_t scratch = 0;
    size_t cstart = lay_out(r, &scratch, ncodes, sizeof(uint32_t));
    size_t depth = lay_out(r, &scratch, nconsts, sizeof(uint16_t));
    size_t parent = lay_out(r, &scratch, nconsts, 1);
    size_t crefs = lay_out(r, &scratch, ncodes, 1);
    size_t facts = lay_out(r, &scratch, r->count[KLAYOUT_S_STRINGS], 1);
    if (r->err != KF_OK) {
        return;
    }
    r->block = calloc(1, total ? total : 1);
    uint8_t *tmp = calloc(1, scratch ? scratch : 1);
    if (!r->block || !tmp) {
        free(r->block);
        free(tmp);
        r->block = NULL;
        r->err = KF_ERR_NOMEM;
        r->detail = "out of memory";
        return;
    }
    r->codes = (KfCode *)(void *)(r->block + codes);
    r->consts = (KfConst *)(void *)(r->block + consts);
    r->refs = (const char **)(void *)(r->block + refs);
    r->positions = (KfPosition *)(void *)(r->block + positions);
    r->excepts = (KfExceptEntry *)(void *)(r->block + excepts);
    r->instrs = (uint32_t *)(void *)(r->block + instrs);
    r->kinds = r->block + kinds;
    r->strings = (char *)r->block + strings;
    r->scratch = tmp;
    r->code_cstart = (uint32_t *)(void *)(tmp + cstart);
    r->const_depth = (uint16_t *)(void *)(tmp + depth);
    r->const_parent = tmp + parent;
    r->code_refs = tmp + crefs;
    r->str_facts = tmp + facts;
}

// ---------------------------------------------------------------------------
// Strings

// 1 when the 'len' bytes at 's' are UTF-8 with lone surrogates allowed.
static int is_utf8(const uint8_t *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint64_t word;
        if (len - i >= 8 && (memcpy(&word, s + i, 8), !(word & 0x8080808080808080ull))) {
            i += 8; // eight ASCII bytes at once
            continue;
        }
        uint8_t c = s[i];
        size_t more;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (len - i - 1 < more || s[i + 1] < lo || s[i + 1] > hi) {
            return 0;
        }
        for (size_t k = 2; k <= more; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        i += more + 1;
    }
    return 1;
}

// Checks entry 'i' of the string table 's' of 'n' strings: sets '*off' and
// '*len' and returns the string's facts (STR_*) as far as 'use' needs them
// (all of them for USE_NAME), or corrupt.
static uint8_t string_entry(Reader *r, Span s, uint32_t n, uint32_t i, uint64_t *off,
                            uint64_t *len, int use) {
    // One bounds check for the entry's two words.
    int in = has(r, s, 8 * (uint64_t)i, 8);
    *off = in ? klayout_get32(s.p + 8 * (uint64_t)i) : 0;
    *len = in ? klayout_get32(s.p + 8 * (uint64_t)i + 4) : 0;
    if (r->err != KF_OK || *off < 8 * (uint64_t)n || !has(r, s, *off, *len + 1) ||
        s.p[*off + *len] != 0) {
        corrupt(r, "bad string table entry");
        return 0;
    }
    if (use == USE_BYTES) {
        return 0;
    }
    uint8_t facts = is_utf8(s.p + *off, (size_t)*len) ? STR_UTF8 : 0;
    if (use == USE_NAME && memchr(s.p + *off, 0, (size_t)*len)) {
        facts |= STR_NUL;
    }
    return facts;
}

static void read_strings(Reader *r) {
    Span s = r->sec[KLAYOUT_S_STRINGS];
    uint32_t n = r->count[KLAYOUT_S_STRINGS];
    if (s.len > 0) {
        memcpy(r->strings, s.p, s.len);
    }
    for (uint32_t i = 0; i < n && r->err == KF_OK; i++) {
        uint64_t off, len;
        r->str_facts[i] = string_entry(r, s, n, i, &off, &len, USE_NAME);
    }
}

// The string 'index', which must suit 'use'; its length in '*len' if asked.
// A lazy reader ('r->strings' NULL) checks the entry now and points into
// the section itself.
static const char *string_at(Reader *r, uint32_t index, int use, size_t *len) {
    Span s = r->sec[KLAYOUT_S_STRINGS];
    uint32_t n = r->count[KLAYOUT_S_STRINGS];
    if (index >= n) {
        corrupt(r, "string index out of range");
        return "";
    }
    uint64_t off = 0, slen = 0;
    uint8_t facts = r->strings ? r->str_facts[index]
                               : string_entry(r, s, n, index, &off, &slen, use);
    if (r->err != KF_OK) {
        return "";
    }
    if ((use != USE_BYTES && !(facts & STR_UTF8)) || (use == USE_NAME && (facts & STR_NUL))) {
        corrupt(r, use == USE_NAME ? "a name is not UTF-8 without NUL" : "a str is not UTF-8");
        return "";
    }
    if (!r->strings) {
        if (len) {
            *len = (size_t)slen;
        }
        return (const char *)s.p + off;
    }
    if (len) {
        *len = get32(r, s, 8 * (uint64_t)index + 4);
    }
    return r->strings + get32(r, s, 8 * (uint64_t)index);
}

// ---------------------------------------------------------------------------
// Code objects

// What each opcode's argument indexes (opcodes.h's ARG column).
enum { OPARG_NONE, OPARG_CONST, OPARG_NAME, OPARG_LOCAL, OPARG_FREE, OPARG_JUMP, OPARG_COUNT,
       OPARG_FLAGS, OPARG_OP };
#define ARG_KIND(name, arg, in, pop, effect, jump_effect) OPARG_##arg,
static const uint8_t ARG_KINDS[KF_OP_COUNT] = {KF_OPCODES(ARG_KIND)};
#undef ARG_KIND

// Checks the 'c->ncode' instruction words from word 'start' of INSTRS
// against 'c''s counts; copies them to 'out' when it is not NULL.
static void check_instructions(Reader *r, const KfCode *c, uint32_t start, uint32_t *out) {
    // One bounds check for the run, then plain loads within it.
    Span s = sub(r, r->sec[KLAYOUT_S_INSTRS], 4 * (uint64_t)start, 4 * (uint64_t)c->ncode);
    if (r->err != KF_OK) {
        return;
    }
    // Each argument kind's bound, looked up by ARG_KINDS: a table instead
    // of a switch per word (a module's thousands of instructions).
    uint32_t limit[OPARG_OP + 1];
    for (int k = 0; k <= OPARG_OP; k++) {
        limit[k] = UINT32_MAX;
    }
    limit[OPARG_CONST] = (uint32_t)c->nconsts;
    limit[OPARG_NAME] = (uint32_t)c->nnames;
    limit[OPARG_LOCAL] = limit[OPARG_FREE] = (uint32_t)c->nlocalsplus;
    limit[OPARG_JUMP] = (uint32_t)c->ncode;
    for (size_t i = 0; i < s.len / 4; i++) {
        uint32_t word = klayout_get32(s.p + 4 * i);
        int op = KF_INSTR_OP(word);
        if (op >= KF_OP_COUNT) {
            corrupt(r, "unknown opcode");
            return;
        }
        // LOAD_GLOBAL's 'arg >> 1' indexes the names.
        uint32_t arg = (uint32_t)KF_INSTR_ARG(word) >> (op == KF_OP_LOAD_GLOBAL);
        if (arg >= limit[ARG_KINDS[op]]) {
            corrupt(r, "instruction argument out of range");
            return;
        }
        if (out) {
            out[i] = word;
        }
    }
}

static void read_instructions(Reader *r, KfCode *c, uint32_t start) {
    check_instructions(r, c, start, r->instrs + start);
    c->code = c->ncode ? r->instrs + start : NULL;
}

static uint64_t get_uvar(Reader *r, Span s, size_t *at) {
    uint64_t v = 0;
    for (int i = 0; i < 10; i++) {
        uint8_t b = get8(r, s, *at);
        if (r->err != KF_OK || (i == 9 && b > 1)) {
            corrupt(r, "bad varint in a line table");
            return 0;
        }
        (*at)++;
        v |= (uint64_t)(b & 0x7F) << (7 * i);
        if (!(b & 0x80)) {
            return v;
        }
    }
    corrupt(r, "bad varint in a line table");
    return 0;
}

// A zigzag varint that must lie within +-KLAYOUT_MAX_INT.
static int64_t get_svar(Reader *r, Span s, size_t *at) {
    uint64_t z = get_uvar(r, s, at);
    int64_t v = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
    if (v > KLAYOUT_MAX_INT || v < -(int64_t)KLAYOUT_MAX_INT) {
        corrupt(r, "line delta out of range");
        return 0;
    }
    return v;
}

// A line number 'line' + 'd', which must lie in 0..KLAYOUT_MAX_INT.
static int add_line(Reader *r, int64_t line, int64_t d) {
    int64_t v = line + d;
    if (v < 0 || v > KLAYOUT_MAX_INT) {
        corrupt(r, "line number out of range");
        return 0;
    }
    return (int)v;
}

// A column stored as 'v' = col + 1.
static int get_col(Reader *r, uint64_t v) {
    if (v > (uint64_t)KLAYOUT_MAX_INT + 1) {
        corrupt(r, "column out of range");
        return -1;
    }
    return (int)((int64_t)v - 1);
}

// Decodes one entry's position (not SAME) of form 'form'.
static KfPosition read_position(Reader *r, Span s, size_t *at, int form, int64_t *line) {
    KfPosition p = {0, 0, -1, -1};
    if (form == KLAYOUT_L_NONE) {
        return p;
    }
    if (form != KLAYOUT_L_LINE && form != KLAYOUT_L_SHORT && form != KLAYOUT_L_LONG &&
        form != KLAYOUT_L_COL) {
        corrupt(r, "unknown line table form");
        return p;
    }
    p.lineno = add_line(r, *line, form == KLAYOUT_L_COL ? 0 : get_svar(r, s, at));
    p.end_lineno = p.lineno;
    if (form == KLAYOUT_L_SHORT || form == KLAYOUT_L_COL) {
        p.col = get8(r, s, *at);
        p.end_col = p.col + get8(r, s, *at + 1);
        *at += 2;
    } else if (form == KLAYOUT_L_LONG) {
        p.end_lineno = add_line(r, p.lineno, get_svar(r, s, at));
        p.col = get_col(r, get_uvar(r, s, at));
        p.end_col = get_col(r, get_uvar(r, s, at));
    }
    *line = p.lineno;
    return p;
}

// Decodes the 'lines_size' bytes at 'lines_start' of LINES into the 'n'
// positions at 'out', lines counted from 'firstlineno'.
static void decode_positions(Reader *r, KfPosition *out, uint32_t n, int64_t firstlineno,
                             uint32_t lines_start, uint32_t lines_size) {
    Span s = sub(r, r->sec[KLAYOUT_S_LINES], lines_start, lines_size);
    uint32_t done = 0;
    int64_t line = firstlineno;
    size_t at = 0;
    while (at < s.len && r->err == KF_OK) {
        uint8_t h = s.p[at++];
        uint32_t run = (h & 15u) + 1;
        if (run > n - done) {
            corrupt(r, "line table longer than the code");
            return;
        }
        if (h >> 4 == KLAYOUT_L_SAME && done == 0) {
            corrupt(r, "line table starts with a repeat");
            return;
        }
        KfPosition p = h >> 4 == KLAYOUT_L_SAME ? out[done - 1]
                                                 : read_position(r, s, &at, h >> 4, &line);
        for (uint32_t i = 0; i < run; i++) {
            out[done++] = p;
        }
    }
    if (r->err == KF_OK && (done != n || at != s.len)) {
        corrupt(r, "line table shorter than the code");
    }
}

static void read_positions(Reader *r, KfCode *c, uint32_t start, uint32_t lines_start,
                           uint32_t lines_size) {
    uint32_t n = (uint32_t)c->ncode;
    decode_positions(r, r->positions + start, n, c->firstlineno, lines_start, lines_size);
    c->positions = n ? r->positions + start : NULL;
}

// Checks the 'n' locals-plus kinds from 'start' of KINDS; returns them in place.
static const uint8_t *check_kinds(Reader *r, uint32_t start, int n) {
    // One bounds check for the run, then plain loads within it.
    Span k = sub(r, r->sec[KLAYOUT_S_KINDS], start, (uint64_t)n);
    if (r->err != KF_OK) {
        return k.p;
    }
    for (int i = 0; i < n; i++) {
        uint8_t kind = k.p[i];
        if ((kind & ~(KF_LOCAL | KF_LOCAL_CELL | KF_LOCAL_FREE | KF_LOCAL_ARG)) ||
            !(kind & (KF_LOCAL | KF_LOCAL_CELL | KF_LOCAL_FREE))) {
            corrupt(r, "bad locals-plus kind");
            break;
        }
    }
    return k.p;
}

static void read_names(Reader *r, KfCode *c, uint32_t names_start, uint32_t kinds_start) {
    Span s = r->sec[KLAYOUT_S_NAMEREFS];
    uint64_t n = (uint64_t)c->nnames + (uint64_t)c->nlocalsplus;
    for (uint64_t i = 0; i < n && r->err == KF_OK; i++) {
        uint32_t index = get32(r, s, 4 * (names_start + i));
        r->refs[names_start + i] = string_at(r, index, USE_NAME, NULL);
    }
    const uint8_t *kinds = check_kinds(r, kinds_start, c->nlocalsplus);
    if (r->err == KF_OK && c->nlocalsplus > 0) {
        memcpy(r->kinds + kinds_start, kinds, (size_t)c->nlocalsplus);
    }
    c->names = c->nnames ? r->refs + names_start : NULL;
    c->localsplus = c->nlocalsplus ? r->refs + names_start + c->nnames : NULL;
    c->localspluskinds = c->nlocalsplus ? r->kinds + kinds_start : NULL;
}

// Decodes the 'n' exception entries from entry 'start' of EXCEPTS, for a
// code of 'ncode' instructions, into 'out'.
static void decode_exceptions(Reader *r, KfExceptEntry *out, uint32_t start, int n, int ncode) {
    Span s = r->sec[KLAYOUT_S_EXCEPTS];
    uint32_t prev_end = 0;
    for (int i = 0; i < n && r->err == KF_OK; i++) {
        uint64_t at = KLAYOUT_EXCEPT_SIZE * ((uint64_t)start + (uint64_t)i);
        uint32_t b = get32(r, s, at), e = get32(r, s, at + 4), t = get32(r, s, at + 8);
        uint32_t dl = get32(r, s, at + 12);
        if (b < prev_end || b >= e || e > (uint32_t)ncode || t >= (uint32_t)ncode) {
            corrupt(r, "bad exception table entry");
            return;
        }
        KfExceptEntry *x = &out[i];
        x->start = (int)b;
        x->end = (int)e;
        x->target = (int)t;
        x->depth = (int)(dl >> 1);
        x->lasti = (int)(dl & 1);
        prev_end = e;
    }
}

static void read_exceptions(Reader *r, KfCode *c, uint32_t start) {
    decode_exceptions(r, r->excepts + start, start, c->nexceptions, c->ncode);
    c->exceptions = c->nexceptions ? r->excepts + start : NULL;
}

// Per-code sections are cut in order; 'at' holds where the next one starts.
typedef struct Cursor {
    uint64_t instrs, lines, names, kinds, excepts;
} Cursor;

// Checks the record's starts against the cursor and advances it.
static void check_cut(Reader *r, const uint32_t *f, Cursor *at) {
    if (f[KLAYOUT_CO_INSTR_START] != at->instrs || f[KLAYOUT_CO_LINES_START] != at->lines ||
        f[KLAYOUT_CO_NAMES_START] != at->names ||
        f[KLAYOUT_CO_LOCALSPLUS_START] != at->names + f[KLAYOUT_CO_NNAMES] ||
        f[KLAYOUT_CO_KINDS_START] != at->kinds || f[KLAYOUT_CO_EXC_START] != at->excepts) {
        corrupt(r, "code object sections not cut in order");
        return;
    }
    at->instrs += f[KLAYOUT_CO_NCODE];
    at->lines += f[KLAYOUT_CO_LINES_SIZE];
    at->names += (uint64_t)f[KLAYOUT_CO_NNAMES] + f[KLAYOUT_CO_NLOCALSPLUS];
    at->kinds += f[KLAYOUT_CO_NLOCALSPLUS];
    at->excepts += f[KLAYOUT_CO_NEXC];
    if (at->instrs > r->count[KLAYOUT_S_INSTRS] || at->lines > r->count[KLAYOUT_S_LINES] ||
        at->names > r->count[KLAYOUT_S_NAMEREFS] || at->kinds > r->count[KLAYOUT_S_KINDS] ||
        at->excepts > r->count[KLAYOUT_S_EXCEPTS]) {
        corrupt(r, "code object sections past their end");
    }
}

// Claims the 'n' constants from 'start' for one parent; each has exactly one.
static void claim(Reader *r, uint64_t start, uint64_t n) {
    if (start > r->count[KLAYOUT_S_CONSTS] || n > r->count[KLAYOUT_S_CONSTS] - start) {
        corrupt(r, "constant run out of range");
        return;
    }
    for (uint64_t i = start; i < start + n; i++) {
        if (r->const_parent[i]) {
            corrupt(r, "a constant with two parents");
            return;
        }
        r->const_parent[i] = 1;
    }
}

// Reads the fields of CODES record 'index' into 'f', checking each and the
// argument counts.
static void read_record(Reader *r, uint32_t index, uint32_t *f) {
    // One bounds check for the record, then plain loads within it.
    Span s = sub(r, r->sec[KLAYOUT_S_CODES], (uint64_t)index * KLAYOUT_CODE_SIZE,
                 KLAYOUT_CODE_SIZE);
    if (r->err != KF_OK) {
        memset(f, 0, KLAYOUT_CO_FIELDS * sizeof *f);
        return;
    }
    uint32_t high = 0;
    for (int i = 0; i < KLAYOUT_CO_FIELDS; i++) {
        f[i] = klayout_get32(s.p + 4 * i);
        high |= f[i];
    }
    if (high > KLAYOUT_MAX_INT) {
        corrupt(r, "code object field out of range");
    }
    uint64_t args = (uint64_t)f[KLAYOUT_CO_ARGCOUNT] + f[KLAYOUT_CO_KWONLY] +
                    ((f[KLAYOUT_CO_FLAGS] & KF_CO_VARARGS) != 0) +
                    ((f[KLAYOUT_CO_FLAGS] & KF_CO_VARKEYWORDS) != 0);
    if (f[KLAYOUT_CO_POSONLY] > f[KLAYOUT_CO_ARGCOUNT] || args > f[KLAYOUT_CO_NLOCALSPLUS]) {
        corrupt(r, "argument counts exceed the locals");
    }
}

static void read_code(Reader *r, uint32_t index, Cursor *at) {
    uint32_t f[KLAYOUT_CO_FIELDS];
    read_record(r, index, f);
    check_cut(r, f, at);
    if (r->err != KF_OK) {
        return;
    }
    KfCode *c = &r->codes[index];
    c->name = string_at(r, f[KLAYOUT_CO_NAME], USE_NAME, NULL);
    c->qualname = string_at(r, f[KLAYOUT_CO_QUALNAME], USE_NAME, NULL);
    c->filename = string_at(r, f[KLAYOUT_CO_FILENAME], USE_NAME, NULL);
    c->firstlineno = (int)f[KLAYOUT_CO_FIRSTLINENO];
    c->argcount = (int)f[KLAYOUT_CO_ARGCOUNT];
    c->posonlyargcount = (int)f[KLAYOUT_CO_POSONLY];
    c->kwonlyargcount = (int)f[KLAYOUT_CO_KWONLY];
    c->flags = (int)f[KLAYOUT_CO_FLAGS];
    c->stacksize = (int)f[KLAYOUT_CO_STACKSIZE];
    c->ncode = (int)f[KLAYOUT_CO_NCODE];
    c->nconsts = (int)f[KLAYOUT_CO_NCONSTS];
    c->nnames = (int)f[KLAYOUT_CO_NNAMES];
    c->nlocalsplus = (int)f[KLAYOUT_CO_NLOCALSPLUS];
    c->nexceptions = (int)f[KLAYOUT_CO_NEXC];
    claim(r, f[KLAYOUT_CO_CONSTS_START], f[KLAYOUT_CO_NCONSTS]);
    r->code_cstart[index] = f[KLAYOUT_CO_CONSTS_START];
    c->consts = c->nconsts && r->err == KF_OK ? r->consts + f[KLAYOUT_CO_CONSTS_START] : NULL;
    read_instructions(r, c, f[KLAYOUT_CO_INSTR_START]);
    read_positions(r, c, f[KLAYOUT_CO_INSTR_START], f[KLAYOUT_CO_LINES_START],
                   f[KLAYOUT_CO_LINES_SIZE]);
    read_names(r, c, f[KLAYOUT_CO_NAMES_START], f[KLAYOUT_CO_KINDS_START]);
    read_exceptions(r, c, f[KLAYOUT_CO_EXC_START]);
}

static void read_codes(Reader *r) {
    Cursor at = {0, 0, 0, 0, 0};
    uint32_t n = r->count[KLAYOUT_S_CODES];
    if (n == 0) {
        corrupt(r, "no module code object");
    }
    for (uint32_t i = 0; i < n && r->err == KF_OK; i++) {
        read_code(r, i, &at);
    }
    if (r->err == KF_OK &&
        (at.instrs != r->count[KLAYOUT_S_INSTRS] || at.lines != r->count[KLAYOUT_S_LINES] ||
         at.names != r->count[KLAYOUT_S_NAMEREFS] || at.kinds != r->count[KLAYOUT_S_KINDS] ||
         at.excepts != r->count[KLAYOUT_S_EXCEPTS])) {
        corrupt(r, "bytes in a section no code object uses");
    }
}

// ---------------------------------------------------------------------------
// The constant pool

// The nesting depth of code object 'index' (its constants are all read).
static uint32_t code_depth(Reader *r, uint32_t index) {
    uint32_t start = r->code_cstart[index], depth = 0;
    for (int i = 0; i < r->codes[index].nconsts; i++) {
        if (r->const_depth[start + (uint32_t)i] > depth) {
            depth = r->const_depth[start + (uint32_t)i];
        }
    }
    return depth + 1;
}

static int is_bigint(const char *s, size_t len) {
    size_t i = len > 0 && s[0] == '-';
    if (i == len) {
        return 0;
    }
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static double bits_double(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

// The items of a tuple or frozenset: 'count' from 'first' (decode_const
// checked that they lie before it); returns its depth.
static uint32_t read_tuple(Reader *r, KfConst *k, uint32_t count, uint64_t first) {
    uint32_t depth = 0;
    claim(r, first, count);
    for (uint32_t i = 0; i < count && r->err == KF_OK; i++) {
        if (r->const_depth[first + i] > depth) {
            depth = r->const_depth[first + i];
        }
    }
    k->items = count ? r->consts + first : NULL;
    return depth + 1;
}

// A code object constant at 'index' naming code 'code'; returns its depth.
static uint32_t read_code_const(Reader *r, KfConst *k, uint32_t index, uint32_t code) {
    if (r->code_refs[code]) {
        corrupt(r, "code object named by none or two constants");
        return 0;
    }
    r->code_refs[code] = 1;
    if ((uint64_t)r->code_cstart[code] + (uint64_t)r->codes[code].nconsts > index) {
        corrupt(r, "code object constants not before their code constant");
        return 0;
    }
    k->code = &r->codes[code];
    return code_depth(r, code);
}

// Decodes CONSTS record 'index' into 'k' with the checks that need no
// other record: for a tuple or frozenset 'k->count' is set and '*first'
// gets its first item's index; for a code object '*first' gets the code
// index; for a str, bytes or big int, the string index. Returns the stored kind (KLAYOUT_C_*), or KLAYOUT_C_COUNT when corrupt.
static uint32_t decode_const(Reader *r, uint32_t index, KfConst *k, uint64_t *first) {
    static const KfConstKind kinds[KLAYOUT_C_COUNT] = {
        KF_CONST_NONE, KF_CONST_TRUE,    KF_CONST_FALSE, KF_CONST_ELLIPSIS, KF_CONST_INT,
        KF_CONST_BIGINT, KF_CONST_FLOAT, KF_CONST_COMPLEX, KF_CONST_STR,    KF_CONST_BYTES,
        KF_CONST_TUPLE, KF_CONST_FROZENSET, KF_CONST_CODE,
    };
    // One bounds check for the record, then plain loads within it.
    Span s = sub(r, r->sec[KLAYOUT_S_CONSTS], (uint64_t)index * KLAYOUT_CONST_SIZE,
                 KLAYOUT_CONST_SIZE);
    if (r->err != KF_OK) {
        return KLAYOUT_C_COUNT;
    }
    uint32_t kind = klayout_get32(s.p), a = klayout_get32(s.p + 4);
    uint64_t b = klayout_get64(s.p + 8), c = klayout_get64(s.p + 16);
    if (kind >= KLAYOUT_C_COUNT) {
        corrupt(r, "unknown constant kind");
        return KLAYOUT_C_COUNT;
    }
    // The fields each kind uses (FORMAT.md's table); the others must be 0.
    enum { A = 1, B = 2, C = 4 };
    static const uint8_t uses[KLAYOUT_C_COUNT] = {
        [KLAYOUT_C_INT] = B,     [KLAYOUT_C_BIGINT] = A, [KLAYOUT_C_FLOAT] = B,
        [KLAYOUT_C_COMPLEX] = B | C, [KLAYOUT_C_STR] = A, [KLAYOUT_C_BYTES] = A,
        [KLAYOUT_C_TUPLE] = A | B, [KLAYOUT_C_FROZENSET] = A | B, [KLAYOUT_C_CODE] = A,
    };
    k->kind = kinds[kind];
    if (((a != 0) * A | (b != 0) * B | (c != 0) * C) & ~uses[kind]) {
        corrupt(r, "unused constant field not zero");
        return KLAYOUT_C_COUNT;
    }
    switch (kind) {
    case KLAYOUT_C_INT: k->i = (int64_t)b; break;
    case KLAYOUT_C_FLOAT: k->f = bits_double(b); break;
    case KLAYOUT_C_COMPLEX:
        k->f = bits_double(b);
        k->imag = bits_double(c);
        break;
    case KLAYOUT_C_BIGINT:
        k->str = string_at(r, a, USE_NAME, &k->len);
        if (r->err == KF_OK && !is_bigint(k->str, k->len)) {
            corrupt(r, "bad digits of a big int");
        }
        *first = a;
        break;
    case KLAYOUT_C_STR:
    case KLAYOUT_C_BYTES:
        // A lazy reader leaves the string to kf_image_string, checked once
        // per string however many constants use it.
        if (!r->strings && a >= r->count[KLAYOUT_S_STRINGS]) {
            corrupt(r, "string index out of range");
        } else if (r->strings) {
            k->str = string_at(r, a, kind == KLAYOUT_C_STR ? USE_TEXT : USE_BYTES, &k->len);
        }
        *first = a;
        break;
    case KLAYOUT_C_TUPLE:
    case KLAYOUT_C_FROZENSET:
        if (a == 0 ? b != 0 : b > index || a > index - b) {
            corrupt(r, "tuple items not before the tuple");
        }
        k->count = (int)a;
        *first = b;
        break;
    case KLAYOUT_C_CODE:
        if (a == 0 || a >= r->count[KLAYOUT_S_CODES]) {
            corrupt(r, "code object named by none or two constants");
        }
        *first = a;
        break;
    default: break;
    }
    return r->err == KF_OK ? kind : KLAYOUT_C_COUNT;
}

static void read_const(Reader *r, uint32_t index) {
    KfConst *k = &r->consts[index];
    uint64_t first = 0;
    uint32_t depth = 0;
    switch (decode_const(r, index, k, &first)) {
    case KLAYOUT_C_TUPLE:
    case KLAYOUT_C_FROZENSET: depth = read_tuple(r, k, (uint32_t)k->count, first); break;
    case KLAYOUT_C_CODE: depth = read_code_const(r, k, index, (uint32_t)first); break;
    default: break;
    }
    if (depth > KF_MAX_DEPTH) {
        corrupt(r, "constants nested too deeply");
    }
    r->const_depth[index] = (uint16_t)depth;
}

static void read_consts(Reader *r) {
    uint32_t n = r->count[KLAYOUT_S_CONSTS];
    for (uint32_t i = 0; i < n && r->err == KF_OK; i++) {
        read_const(r, i);
    }
    for (uint32_t i = 0; i < n && r->err == KF_OK; i++) {
        if (!r->const_parent[i]) {
            corrupt(r, "a constant no code object reaches");
        }
    }
    for (uint32_t i = 1; i < r->count[KLAYOUT_S_CODES] && r->err == KF_OK; i++) {
        if (!r->code_refs[i]) {
            corrupt(r, "a code object no constant names");
        }
    }
    if (r->err == KF_OK && code_depth(r, 0) > KF_MAX_DEPTH) {
        corrupt(r, "constants nested too deeply");
    }
}

// ---------------------------------------------------------------------------
// The file

// Inflates the 'n' stored bytes at 'src' into 'raw' bytes at 'dst'.
static KfError inflate_payload(const uint8_t *src, size_t n, uint8_t *dst, size_t raw) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) {
        return KF_ERR_NOMEM;
    }
    z.next_in = (Bytef *)(uintptr_t)src;
    z.avail_in = (uInt)n;
    z.next_out = dst;
    z.avail_out = (uInt)raw;
    int ret = inflate(&z, Z_FINISH);
    int ok = ret == Z_STREAM_END && z.avail_out == 0 && z.avail_in == 0;
    inflateEnd(&z);
    if (ret == Z_MEM_ERROR) {
        return KF_ERR_NOMEM;
    }
    return ok ? KF_OK : KF_ERR_CORRUPT;
}

static KfError decode(Reader *r, Span payload) {
    read_directory(r, payload);
    if (r->err == KF_OK) {
        allocate(r);
    }
    if (r->err == KF_OK) {
        read_strings(r);
    }
    if (r->err == KF_OK) {
        read_codes(r);
    }
    if (r->err == KF_OK) {
        read_consts(r);
    }
    free(r->scratch);
    if (r->err != KF_OK) {
        free(r->block);
        r->block = NULL;
    }
    return r->err;
}

// Checks the stored payload against the header 'h'; 'stored' is what
// follows the header in the file.
static KfError check_payload(const KfHeader *h, size_t stored, const uint8_t *p,
                             const char **why) {
    if (h->payload_size > stored) {
        *why = "payload shorter than the header says";
        return KF_ERR_TRUNCATED;
    }
    if (h->payload_size < stored) {
        *why = "bytes after the payload";
        return KF_ERR_CORRUPT;
    }
    if (klayout_hash(p, stored) != h->payload_checksum) {
        *why = "payload checksum";
        return KF_ERR_CHECKSUM;
    }
    uint64_t raw = h->payload_raw_size;
    if (raw > KLAYOUT_MAX_PAYLOAD || raw < KLAYOUT_DIR_HEAD ||
        (h->is_compressed ? raw > 1032 * (uint64_t)stored + 64 : raw != stored)) {
        *why = "payload sizes disagree";
        return KF_ERR_CORRUPT;
    }
    return KF_OK;
}

KfError kf_check_file(const uint8_t *data, size_t len, KfHeader *header) {
    KfHeader h;
    const char *why = NULL;
    KfError err = kf_check_header(data, len, &h);
    if (err == KF_OK) {
        err = check_payload(&h, len - KF_HEADER_SIZE, data + KF_HEADER_SIZE, &why);
    }
    if (err == KF_OK && header) {
        *header = h;
    }
    return err;
}

KfError kf_read(const uint8_t *data, size_t len, KfHeader *header, const KfCode **code,
                const char **detail) {
    KfHeader h;
    memset(&h, 0, sizeof h);
    const char *why = "file header";
    *code = NULL;
    KfError err = kf_check_header(data, len, &h);
    if (err == KF_OK) {
        err = check_payload(&h, len - KF_HEADER_SIZE, data + KF_HEADER_SIZE, &why);
    }
    uint8_t *inflated = NULL;
    Span payload = {data + KF_HEADER_SIZE, (size_t)h.payload_raw_size};
    if (err == KF_OK && h.is_compressed) {
        inflated = malloc((size_t)h.payload_raw_size);
        err = inflated ? inflate_payload(data + KF_HEADER_SIZE, (size_t)h.payload_size, inflated,
                                         (size_t)h.payload_raw_size)
                       : KF_ERR_NOMEM;
        why = "compressed payload";
        payload.p = inflated;
    }
    Reader r;
    memset(&r, 0, sizeof r);
    r.sec = r.own.sec;
    r.count = r.own.count;
    if (err == KF_OK) {
        err = decode(&r, payload);
        why = r.detail;
    }
    free(inflated);
    if (detail) {
        *detail = err == KF_OK ? NULL : why;
    }
    if (err != KF_OK) {
        return err;
    }
    *code = r.codes;
    if (header) {
        *header = h;
    }
    return KF_OK;
}

void kf_free(const KfCode *code) {
    free((void *)(uintptr_t)code);
}

// ---------------------------------------------------------------------------
// Lazy reading: one record at a time, in place (format.h, "Lazy reading").
// Each function checks what it reads as kf_read does; the rules that tie
// records together (every constant and code object reached exactly once,
// the nesting depth) are the caller's to keep as it walks the tree.

// A reader over 'img' for one lazy call; 'strings' NULL makes string_at
// check entries as it meets them.
_Static_assert((int)KF_IMAGE_STRINGS == (int)KLAYOUT_S_STRINGS &&
                   (int)KF_IMAGE_CONSTS == (int)KLAYOUT_S_CONSTS &&
                   (int)KF_IMAGE_CODES == (int)KLAYOUT_S_CODES &&
                   KF_IMAGE_SLOTS == (int)KLAYOUT_S_COUNT + 1,
               "format.h's section slots follow layout.h");

static void lazy_reader(Reader *r, const KfImage *img) {
    // Only what the lazy paths read: a full memset per record costs more
    // than the record.
    r->err = KF_OK;
    r->detail = NULL;
    r->sec = (Span *)(uintptr_t)img->sec;
    r->count = (uint32_t *)(uintptr_t)img->count;
    r->strings = NULL;
    r->str_facts = NULL;
}

static KfError lazy_done(Reader *r, const char **detail) {
    if (detail) {
        *detail = r->err == KF_OK ? NULL : r->detail;
    }
    return r->err;
}

// KF_ERR_CORRUPT with 'why' in '*detail' (when not NULL).
static KfError lazy_corrupt(const char *why, const char **detail) {
    if (detail) {
        *detail = why;
    }
    return KF_ERR_CORRUPT;
}

KfError kf_raw_payload(const uint8_t *data, const KfHeader *h, const uint8_t **payload,
                       uint8_t **inflated) {
    *inflated = NULL;
    *payload = data + KF_HEADER_SIZE;
    if (!h->is_compressed) {
        return KF_OK;
    }
    uint8_t *out = malloc((size_t)h->payload_raw_size);
    if (!out) {
        return KF_ERR_NOMEM;
    }
    KfError err = inflate_payload(data + KF_HEADER_SIZE, (size_t)h->payload_size, out,
                                  (size_t)h->payload_raw_size);
    if (err != KF_OK) {
        free(out);
        return err;
    }
    *inflated = out;
    *payload = out;
    return KF_OK;
}

KfError kf_image_open(KfImage *img, const uint8_t *payload, size_t len, const char **detail) {
    Reader r;
    memset(&r, 0, sizeof r);
    memset(img, 0, sizeof *img);
    r.sec = img->sec;
    r.count = img->count;
    if (len < KLAYOUT_DIR_HEAD) {
        corrupt(&r, "bad section directory");
    } else {
        read_directory(&r, (Span){payload, len});
    }
    if (r.err == KF_OK && r.count[KLAYOUT_S_CODES] == 0) {
        corrupt(&r, "no module code object");
    }
    return lazy_done(&r, detail);
}

// 1 when the run of 'n' records from 'start' lies within 'count'.
static int run_inside(uint64_t start, uint64_t n, uint64_t count) {
    return start <= count && n <= count - start;
}

KfError kf_image_code(const KfImage *img, uint32_t index, KfImageCode *out, const char **detail) {
    // read_record's, check_kinds' and the runs' checks without a Reader:
    // an import makes a shell of each of its thousands of functions.
    const uint32_t *cnt = img->count;
    uint32_t f[KLAYOUT_CO_FIELDS];
    const char *why = NULL;
    if (index >= cnt[KLAYOUT_S_CODES]) {
        why = "code object named by none or two constants";
    } else {
        // The directory proved the section 'count' records long.
        const uint8_t *p = img->sec[KLAYOUT_S_CODES].p + (size_t)index * KLAYOUT_CODE_SIZE;
        // Every field at most KLAYOUT_MAX_INT: no field has bit 31 set,
        // checked over the record two fields at a time.
        _Static_assert(KLAYOUT_CODE_SIZE == 4 * KLAYOUT_CO_FIELDS && KLAYOUT_CO_FIELDS % 2 == 0 &&
                           KLAYOUT_MAX_INT == 0x7FFFFFFF,
                       "the record is a whole number of 8-byte pairs of fields");
        uint64_t pairs = 0;
        for (int i = 0; i < KLAYOUT_CO_FIELDS; i += 2) {
            pairs |= klayout_get64(p + 4 * i);
        }
        uint32_t high = (pairs & 0x8000000080000000ull) ? 0x80000000u : 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(f, p, sizeof f); // the fields as they are stored
#else
        for (int i = 0; i < KLAYOUT_CO_FIELDS; i++) {
            f[i] = klayout_get32(p + 4 * i);
        }
#endif
        uint64_t args = (uint64_t)f[KLAYOUT_CO_ARGCOUNT] + f[KLAYOUT_CO_KWONLY] +
                        ((f[KLAYOUT_CO_FLAGS] & KF_CO_VARARGS) != 0) +
                        ((f[KLAYOUT_CO_FLAGS] & KF_CO_VARKEYWORDS) != 0);
        if (high > KLAYOUT_MAX_INT) {
            why = "code object field out of range";
        } else if (f[KLAYOUT_CO_POSONLY] > f[KLAYOUT_CO_ARGCOUNT] ||
                   args > f[KLAYOUT_CO_NLOCALSPLUS]) {
            why = "argument counts exceed the locals";
        } else if (!run_inside(f[KLAYOUT_CO_INSTR_START], f[KLAYOUT_CO_NCODE],
                               cnt[KLAYOUT_S_INSTRS]) ||
                   !run_inside(f[KLAYOUT_CO_LINES_START], f[KLAYOUT_CO_LINES_SIZE],
                               cnt[KLAYOUT_S_LINES]) ||
                   !run_inside(f[KLAYOUT_CO_CONSTS_START], f[KLAYOUT_CO_NCONSTS],
                               cnt[KLAYOUT_S_CONSTS]) ||
                   f[KLAYOUT_CO_LOCALSPLUS_START] !=
                       f[KLAYOUT_CO_NAMES_START] + f[KLAYOUT_CO_NNAMES] ||
                   !run_inside(f[KLAYOUT_CO_NAMES_START],
                               (uint64_t)f[KLAYOUT_CO_NNAMES] + f[KLAYOUT_CO_NLOCALSPLUS],
                               cnt[KLAYOUT_S_NAMEREFS]) ||
                   !run_inside(f[KLAYOUT_CO_KINDS_START], f[KLAYOUT_CO_NLOCALSPLUS],
                               cnt[KLAYOUT_S_KINDS]) ||
                   !run_inside(f[KLAYOUT_CO_EXC_START], f[KLAYOUT_CO_NEXC],
                               cnt[KLAYOUT_S_EXCEPTS])) {
            why = "code object sections past their end";
        }
    }
    if (why) {
        memset(out, 0, sizeof *out); // every field is set below otherwise
        return lazy_corrupt(why, detail);
    }
    out->name = f[KLAYOUT_CO_NAME];
    out->qualname = f[KLAYOUT_CO_QUALNAME];
    out->filename = f[KLAYOUT_CO_FILENAME];
    uint32_t nstrings = cnt[KLAYOUT_S_STRINGS];
    if (out->name >= nstrings || out->qualname >= nstrings || out->filename >= nstrings) {
        why = "string index out of range";
    }
    out->firstlineno = (int)f[KLAYOUT_CO_FIRSTLINENO];
    out->argcount = (int)f[KLAYOUT_CO_ARGCOUNT];
    out->posonlyargcount = (int)f[KLAYOUT_CO_POSONLY];
    out->kwonlyargcount = (int)f[KLAYOUT_CO_KWONLY];
    out->flags = (int)f[KLAYOUT_CO_FLAGS];
    out->stacksize = (int)f[KLAYOUT_CO_STACKSIZE];
    out->nlocalsplus = (int)f[KLAYOUT_CO_NLOCALSPLUS];
    out->ncode = (int)f[KLAYOUT_CO_NCODE];
    out->nconsts = (int)f[KLAYOUT_CO_NCONSTS];
    out->nnames = (int)f[KLAYOUT_CO_NNAMES];
    out->nexceptions = (int)f[KLAYOUT_CO_NEXC];
    out->consts_start = f[KLAYOUT_CO_CONSTS_START];
    out->instr_start = f[KLAYOUT_CO_INSTR_START];
    out->lines_start = f[KLAYOUT_CO_LINES_START];
    out->lines_size = f[KLAYOUT_CO_LINES_SIZE];
    out->names_start = f[KLAYOUT_CO_NAMES_START];
    out->exc_start = f[KLAYOUT_CO_EXC_START];
    // check_kinds' rule over the run proved inside its section above.
    const uint8_t *kinds = img->sec[KLAYOUT_S_KINDS].p + f[KLAYOUT_CO_KINDS_START];
    out->kinds = kinds;
    for (int i = 0; !why && i < out->nlocalsplus; i++) {
        uint8_t kind = kinds[i];
        if ((kind & ~(KF_LOCAL | KF_LOCAL_CELL | KF_LOCAL_FREE | KF_LOCAL_ARG)) ||
            !(kind & (KF_LOCAL | KF_LOCAL_CELL | KF_LOCAL_FREE))) {
            why = "bad locals-plus kind";
        }
    }
    // Words in place need a little-endian host and a 4-byte aligned section.
    const uint8_t *words = img->sec[KLAYOUT_S_INSTRS].p + 4 * (size_t)out->instr_start;
    out->code = NULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (((uintptr_t)words & 3) == 0) {
        out->code = (const uint32_t *)(const void *)words;
    }
#else
    (void)words;
#endif
    if (why) {
        return lazy_corrupt(why, detail);
    }
    if (detail) {
        *detail = NULL;
    }
    return KF_OK;
}

// The code's counts as check_instructions reads them.
static KfCode code_counts(const KfImageCode *c) {
    KfCode k;
    memset(&k, 0, sizeof k);
    k.ncode = c->ncode;
    k.nconsts = c->nconsts;
    k.nnames = c->nnames;
    k.nlocalsplus = c->nlocalsplus;
    return k;
}

KfError kf_image_instructions(const KfImage *img, const KfImageCode *c, uint32_t *out,
                              const char **detail) {
    Reader r;
    lazy_reader(&r, img);
    KfCode k = code_counts(c);
    check_instructions(&r, &k, c->instr_start, out);
    return lazy_done(&r, detail);
}

KfError kf_image_positions(const KfImage *img, const KfImageCode *c, KfPosition *out,
                           const char **detail) {
    Reader r;
    lazy_reader(&r, img);
    decode_positions(&r, out, (uint32_t)c->ncode, c->firstlineno, c->lines_start,
                     c->lines_size);
    return lazy_done(&r, detail);
}

KfError kf_image_exceptions(const KfImage *img, const KfImageCode *c, KfExceptEntry *out,
                            const char **detail) {
    Reader r;
    lazy_reader(&r, img);
    decode_exceptions(&r, out, c->exc_start, c->nexceptions, c->ncode);
    return lazy_done(&r, detail);
}

KfError kf_image_nameref(const KfImage *img, const KfImageCode *c, int i, uint32_t *string,
                         const char **detail) {
    Reader r;
    lazy_reader(&r, img);
    *string = 0;
    if (i < 0 || i >= c->nnames + c->nlocalsplus) {
        corrupt(&r, "string index out of range");
    } else {
        *string = get32(&r, r.sec[KLAYOUT_S_NAMEREFS], 4 * ((uint64_t)c->names_start + (uint64_t)i));
        if (*string >= img->count[KLAYOUT_S_STRINGS]) {
            corrupt(&r, "string index out of range");
        }
    }
    return lazy_done(&r, detail);
}

// 1 when the 'len' bytes at 's' hold a 0 byte (memchr's call costs more
// than a name's few bytes).
static int has_nul(const uint8_t *s, size_t len) {
    if (len > 32) {
        return memchr(s, 0, len) != NULL;
    }
    uint8_t all = 1;
    for (size_t i = 0; i < len; i++) {
        all &= s[i] != 0;
    }
    return !all;
}

KfError kf_image_string(const KfImage *img, uint32_t index, KfStrUse use, const char **s,
                        size_t *len, const char **detail) {
    // string_at's checks (string_entry's, then the use's), without a
    // Reader: an import checks thousands of short names and str constants.
    Span sec = img->sec[KLAYOUT_S_STRINGS];
    uint32_t n = img->count[KLAYOUT_S_STRINGS];
    *s = "";
    if (index >= n) {
        return lazy_corrupt("string index out of range", detail);
    }
    // The directory proved the index (8 bytes a string) inside the section.
    uint64_t off = klayout_get32(sec.p + 8 * (uint64_t)index);
    uint64_t slen = klayout_get32(sec.p + 8 * (uint64_t)index + 4);
    if (off >= 8 * (uint64_t)n && (off > sec.len || slen + 1 > sec.len - off)) {
        return lazy_corrupt("offset past the end of a section", detail); // has()'s words
    }
    if (off < 8 * (uint64_t)n || sec.p[off + slen] != 0) {
        return lazy_corrupt("bad string table entry", detail);
    }
    const uint8_t *p = sec.p + off;
    // Nearly every name and str is short ASCII without a 0 byte, which is
    // good for every use: one pass instead of is_utf8's and has_nul's.
    uint8_t bad = slen > 64;
    for (uint64_t i = 0; !bad && i < slen; i++) {
        bad = (uint8_t)(p[i] - 1) >= 0x7F; // 0, or 128 and above
    }
    if (bad && use != KF_STR_BYTES && !is_utf8(p, (size_t)slen)) {
        return lazy_corrupt(use == KF_STR_NAME ? "a name is not UTF-8 without NUL"
                                               : "a str is not UTF-8",
                            detail);
    }
    if (bad && use == KF_STR_NAME && has_nul(p, (size_t)slen)) {
        return lazy_corrupt("a name is not UTF-8 without NUL", detail);
    }
    *s = (const char *)p;
    if (len) {
        *len = (size_t)slen;
    }
    if (detail) {
        *detail = NULL;
    }
    return KF_OK;
}

KfError kf_image_const(const KfImage *img, uint32_t index, KfConst *out, uint32_t *ref,
                       const char **detail) {
    out->str = NULL;
    out->len = 0;
    out->count = 0;
    out->items = NULL;
    out->code = NULL;
    *ref = 0;
    if (index >= img->count[KLAYOUT_S_CONSTS]) {
        return lazy_corrupt("constant run out of range", detail);
    }
    // The directory proved the section 'count' records long. The kinds an
    // import meets by the thousand are decoded here with decode_const's
    // checks, without a Reader (tools/bench/import-large: 12,000 records,
    // 105 -> 40 instructions each); a big int's digits go through it.
    const uint8_t *p = img->sec[KLAYOUT_S_CONSTS].p + (size_t)index * KLAYOUT_CONST_SIZE;
    uint32_t kind = klayout_get32(p), a = klayout_get32(p + 4);
    uint64_t b = klayout_get64(p + 8), c = klayout_get64(p + 16);
    switch (kind) {
    case KLAYOUT_C_NONE:
    case KLAYOUT_C_TRUE:
    case KLAYOUT_C_FALSE:
    case KLAYOUT_C_ELLIPSIS:
        if (a | b | c) {
            break;
        }
        out->kind = kind == KLAYOUT_C_NONE    ? KF_CONST_NONE
                    : kind == KLAYOUT_C_TRUE  ? KF_CONST_TRUE
                    : kind == KLAYOUT_C_FALSE ? KF_CONST_FALSE
                                              : KF_CONST_ELLIPSIS;
        goto done;
    case KLAYOUT_C_INT:
    case KLAYOUT_C_FLOAT:
        if (a | c) {
            break;
        }
        out->kind = kind == KLAYOUT_C_INT ? KF_CONST_INT : KF_CONST_FLOAT;
        out->i = (int64_t)b;
        out->f = bits_double(b);
        goto done;
    case KLAYOUT_C_STR:
    case KLAYOUT_C_BYTES:
        if (b | c) {
            break;
        }
        out->kind = kind == KLAYOUT_C_STR ? KF_CONST_STR : KF_CONST_BYTES;
        if (a >= img->count[KLAYOUT_S_STRINGS]) {
            return lazy_corrupt("string index out of range", detail);
        }
        *ref = a;
        goto done;
    case KLAYOUT_C_TUPLE:
    case KLAYOUT_C_FROZENSET:
        if (c) {
            break;
        }
        out->kind = kind == KLAYOUT_C_TUPLE ? KF_CONST_TUPLE : KF_CONST_FROZENSET;
        out->count = (int)a;
        if (a == 0 ? b != 0 : b > index || a > index - b) {
            return lazy_corrupt("tuple items not before the tuple", detail);
        }
        *ref = (uint32_t)b;
        goto done;
    case KLAYOUT_C_CODE:
        if (b | c) {
            break;
        }
        out->kind = KF_CONST_CODE;
        if (a == 0 || a >= img->count[KLAYOUT_S_CODES]) {
            return lazy_corrupt("code object named by none or two constants", detail);
        }
        *ref = a;
        goto done;
    default: { // a big int, a complex, or not a kind: decode_const's words
        Reader r;
        lazy_reader(&r, img);
        uint64_t first = 0;
        decode_const(&r, index, out, &first);
        *ref = (uint32_t)first;
        return lazy_done(&r, detail);
    }
    }
    return lazy_corrupt("unused constant field not zero", detail);
done:
    if (detail) {
        *detail = NULL;
    }
    return KF_OK;
}
