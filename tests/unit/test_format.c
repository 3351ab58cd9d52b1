// tests/unit/test_format.c: the cache format's writer and reader as round
// trips of hand-built KfCode trees (every constant kind, nested code objects,
// every positions form, exception tables), compressed and stored; the
// reproducibility of the bytes; and the refusal, with a reason and without a
// crash, of every truncation, every single-bit flip, and many structural
// mutations whose checksums were made to match.
#include "format.h"
#include "layout.h"

#include "check.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

// ---------------------------------------------------------------------------
// Sample trees

static const char *const INNER_NAMES[] = {"print", "len"};
static const char *const INNER_LOCALS[] = {"a", "b", "c", "x"};
static const uint8_t INNER_KINDS[] = {KF_LOCAL | KF_LOCAL_ARG, KF_LOCAL | KF_LOCAL_ARG, KF_LOCAL,
                                      KF_LOCAL_FREE};
static const uint32_t INNER_CODE[] = {
    KF_INSTR(KF_OP_COPY_FREE_VARS, 1),
    KF_INSTR(KF_OP_NOP, 0),
    KF_INSTR(KF_OP_LOAD_GLOBAL, 1),
    KF_INSTR(KF_OP_LOAD_FAST, 0),
    KF_INSTR(KF_OP_LOAD_DEREF, 3),
    KF_INSTR(KF_OP_CALL, 2),
    KF_INSTR(KF_OP_POP_TOP, 0),
    KF_INSTR(KF_OP_LOAD_CONST, 0),
    KF_INSTR(KF_OP_RETURN_VALUE, 0),
    KF_INSTR(KF_OP_PUSH_EXC_INFO, 0),
    KF_INSTR(KF_OP_POP_EXCEPT, 0),
    KF_INSTR(KF_OP_RERAISE, 1),
};
// Every positions form: none, line only, short, long (multi-line, big
// columns), repeats longer than one entry, a line before the previous one.
static const KfPosition INNER_POS[] = {
    {0, 0, -1, -1},    {5, 5, -1, -1},   {6, 6, 4, 9},     {6, 6, 4, 9},
    {6, 6, 10, 11},    {6, 8, 4, 300},   {3, 3, 0, 0},     {7, 7, 1000, 1001},
    {7, 7, 1000, 1001}, {7, 7, 1000, 1001}, {0, 0, -1, -1}, {100000, 100002, -1, 70000},
};
static const KfExceptEntry INNER_EXC[] = {{2, 5, 9, 0, 0}, {5, 7, 9, 1, 1}, {9, 10, 11, 2, 1}};
static const KfConst INNER_CONSTS[] = {{.kind = KF_CONST_NONE}};

static const KfConst TUPLE_ITEMS[] = {
    {.kind = KF_CONST_INT, .i = 1},
    {.kind = KF_CONST_STR, .str = "two", .len = 3},
    {.kind = KF_CONST_TUPLE, .count = 0},
};
static const KfConst NESTED_ITEMS[] = {
    {.kind = KF_CONST_TUPLE, .count = 3, .items = TUPLE_ITEMS},
    {.kind = KF_CONST_FLOAT, .f = 0.5},
};
static const KfConst SET_ITEMS[] = {
    {.kind = KF_CONST_BYTES, .str = "a\0b", .len = 3},
    {.kind = KF_CONST_FALSE},
};

static const char *const MOD_NAMES[] = {"f", "print", "os.path"};
static const uint32_t MOD_CODE[] = {
    KF_INSTR(KF_OP_LOAD_CONST, 13), KF_INSTR(KF_OP_LOAD_CONST, 12),
    KF_INSTR(KF_OP_MAKE_FUNCTION, KF_MAKE_CLOSURE), KF_INSTR(KF_OP_STORE_NAME, 0),
    KF_INSTR(KF_OP_JUMP_FORWARD, 5), KF_INSTR(KF_OP_LOAD_CONST, 0),
    KF_INSTR(KF_OP_RETURN_VALUE, 0),
};

typedef struct Sample {
    KfCode inner, module;
    KfConst consts[14];
} Sample;

// Fills 's' with a module holding every constant kind and a nested function.
static void build_sample(Sample *s) {
    memset(s, 0, sizeof *s);
    KfCode *f = &s->inner;
    f->name = "f";
    f->qualname = "outer.<locals>.f";
    f->filename = "pkg/m\xc3\xa9.py";
    f->firstlineno = 4;
    f->argcount = 2;
    f->posonlyargcount = 1;
    f->flags = KF_CO_OPTIMIZED | KF_CO_NEWLOCALS | KF_CO_NESTED;
    f->stacksize = 4;
    f->code = INNER_CODE;
    f->ncode = (int)(sizeof INNER_CODE / sizeof *INNER_CODE);
    f->positions = INNER_POS;
    f->consts = INNER_CONSTS;
    f->nconsts = 1;
    f->names = INNER_NAMES;
    f->nnames = 2;
    f->localsplus = INNER_LOCALS;
    f->localspluskinds = INNER_KINDS;
    f->nlocalsplus = 4;
    f->exceptions = INNER_EXC;
    f->nexceptions = 3;

    KfConst *k = s->consts;
    k[0] = (KfConst){.kind = KF_CONST_NONE};
    k[1] = (KfConst){.kind = KF_CONST_TRUE};
    k[2] = (KfConst){.kind = KF_CONST_ELLIPSIS};
    k[3] = (KfConst){.kind = KF_CONST_INT, .i = INT64_MIN};
    k[4] = (KfConst){.kind = KF_CONST_BIGINT, .str = "-123456789012345678901234567890", .len = 31};
    k[5] = (KfConst){.kind = KF_CONST_FLOAT, .f = -0.0};
    k[6] = (KfConst){.kind = KF_CONST_COMPLEX, .f = 1.5, .imag = INFINITY};
    k[7] = (KfConst){.kind = KF_CONST_STR, .str = "lone \xed\xa0\x80 surrogate\0nul", .len = 22};
    k[8] = (KfConst){.kind = KF_CONST_BYTES, .str = "\xff\x00\x01", .len = 3};
    k[9] = (KfConst){.kind = KF_CONST_TUPLE, .count = 2, .items = NESTED_ITEMS};
    k[10] = (KfConst){.kind = KF_CONST_FROZENSET, .count = 2, .items = SET_ITEMS};
    k[11] = (KfConst){.kind = KF_CONST_STR, .str = "two", .len = 3}; // shares a string
    k[12] = (KfConst){.kind = KF_CONST_CODE, .code = f};
    k[13] = (KfConst){.kind = KF_CONST_FLOAT, .f = NAN};

    KfCode *m = &s->module;
    m->name = "<module>";
    m->qualname = "<module>";
    m->filename = "pkg/m\xc3\xa9.py";
    m->firstlineno = 1;
    m->stacksize = 3;
    m->code = MOD_CODE;
    m->ncode = (int)(sizeof MOD_CODE / sizeof *MOD_CODE);
    m->positions = NULL; // no positions at all: every instruction 'none'
    m->consts = s->consts;
    m->nconsts = 14;
    m->names = MOD_NAMES;
    m->nnames = 3;
}

// ---------------------------------------------------------------------------
// Comparing trees

static int same_code(const KfCode *a, const KfCode *b);

static int same_double(double x, double y) {
    return memcmp(&x, &y, sizeof x) == 0;
}

static int same_const(const KfConst *a, const KfConst *b) {
    if (a->kind != b->kind) {
        return 0;
    }
    switch (a->kind) {
    case KF_CONST_INT: return a->i == b->i;
    case KF_CONST_FLOAT: return same_double(a->f, b->f);
    case KF_CONST_COMPLEX: return same_double(a->f, b->f) && same_double(a->imag, b->imag);
    case KF_CONST_BIGINT:
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0 && b->str[b->len] == 0;
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        if (a->count != b->count) {
            return 0;
        }
        for (int i = 0; i < a->count; i++) {
            if (!same_const(&a->items[i], &b->items[i])) {
                return 0;
            }
        }
        return 1;
    case KF_CONST_CODE: return same_code(a->code, b->code);
    default: return 1;
    }
}

static int same_position(const KfPosition *a, const KfPosition *b) {
    static const KfPosition none = {0, 0, -1, -1};
    a = a ? a : &none;
    b = b ? b : &none;
    return a->lineno == b->lineno && a->end_lineno == b->end_lineno && a->col == b->col &&
           a->end_col == b->end_col;
}

static int same_code(const KfCode *a, const KfCode *b) {
    if (strcmp(a->name, b->name) || strcmp(a->qualname, b->qualname) ||
        strcmp(a->filename, b->filename) || a->firstlineno != b->firstlineno ||
        a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->stacksize != b->stacksize || a->ncode != b->ncode || a->nconsts != b->nconsts ||
        a->nnames != b->nnames || a->nlocalsplus != b->nlocalsplus ||
        a->nexceptions != b->nexceptions) {
        return 0;
    }
    for (int i = 0; i < a->ncode; i++) {
        if (a->code[i] != b->code[i] ||
            !same_position(a->positions ? &a->positions[i] : NULL,
                           b->positions ? &b->positions[i] : NULL)) {
            return 0;
        }
    }
    for (int i = 0; i < a->nconsts; i++) {
        if (!same_const(&a->consts[i], &b->consts[i])) {
            return 0;
        }
    }
    for (int i = 0; i < a->nnames; i++) {
        if (strcmp(a->names[i], b->names[i])) {
            return 0;
        }
    }
    for (int i = 0; i < a->nlocalsplus; i++) {
        if (strcmp(a->localsplus[i], b->localsplus[i]) ||
            a->localspluskinds[i] != b->localspluskinds[i]) {
            return 0;
        }
    }
    for (int i = 0; i < a->nexceptions; i++) {
        const KfExceptEntry *x = &a->exceptions[i], *y = &b->exceptions[i];
        if (x->start != y->start || x->end != y->end || x->target != y->target ||
            x->depth != y->depth || x->lasti != y->lasti) {
            return 0;
        }
    }
    return 1;
}

// Touches every byte of a tree the reader returned (so ASan sees any stray
// pointer); returns a checksum-like number.
static uint64_t walk_code(const KfCode *c);

static uint64_t walk_const(const KfConst *k) {
    uint64_t h = (uint64_t)k->kind + (uint64_t)k->i + k->len;
    if (k->str) {
        for (size_t i = 0; i <= k->len; i++) {
            h += (uint8_t)k->str[i];
        }
    }
    for (int i = 0; i < k->count; i++) {
        h += walk_const(&k->items[i]);
    }
    if (k->code) {
        h += walk_code(k->code);
    }
    return h;
}

static uint64_t walk_code(const KfCode *c) {
    uint64_t h = strlen(c->name) + strlen(c->qualname) + strlen(c->filename);
    for (int i = 0; i < c->ncode; i++) {
        h += c->code[i] + (uint64_t)c->positions[i].lineno + (uint64_t)c->positions[i].end_col;
    }
    for (int i = 0; i < c->nconsts; i++) {
        h += walk_const(&c->consts[i]);
    }
    for (int i = 0; i < c->nnames; i++) {
        h += strlen(c->names[i]);
    }
    for (int i = 0; i < c->nlocalsplus; i++) {
        h += strlen(c->localsplus[i]) + c->localspluskinds[i];
    }
    for (int i = 0; i < c->nexceptions; i++) {
        h += (uint64_t)c->exceptions[i].target;
    }
    return h;
}

// ---------------------------------------------------------------------------
// Helpers

static KfWriteInfo sample_info(int compress) {
    KfWriteInfo info = {KF_INVALIDATE_TIMESTAMP, 0, compress, 0,
                        1700000000123456789LL, 1234, 0x0123456789ABCDEFull, 0};
    return info;
}

static uint8_t *write_sample(int compress, size_t *len) {
    Sample s;
    build_sample(&s);
    KfWriteInfo info = sample_info(compress);
    uint8_t *out = NULL;
    const char *detail = NULL;
    KfError err = kf_write(&s.module, &info, &out, len, &detail);
    if (err != KF_OK) {
        fprintf(stderr, "kf_write: %s (%s)\n", kf_strerror(err), detail ? detail : "");
    }
    return out;
}

// Recomputes both checksums of a file whose payload was edited in place.
static void reseal(uint8_t *data, size_t len) {
    klayout_put64(data + KLAYOUT_H_PAYLOAD_SUM,
                  klayout_hash(data + KF_HEADER_SIZE, len - KF_HEADER_SIZE));
    klayout_put64(data + KLAYOUT_H_HEADER_SUM, klayout_hash(data, KLAYOUT_H_HEADER_SUM));
}

static KfError read_only(const uint8_t *data, size_t len) {
    const KfCode *code = NULL;
    KfError err = kf_read(data, len, NULL, &code, NULL);
    if (err == KF_OK) {
        walk_code(code);
    } else if (code) {
        err = KF_ERR_COUNT; // an error must leave no tree
    }
    kf_free(code);
    return err;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

// ---------------------------------------------------------------------------
// Tests

static void test_round_trip(int compress) {
    const char *what = compress ? "compressed" : "stored";
    size_t len = 0;
    uint8_t *data = write_sample(compress, &len);
    CHECK(what, data != NULL);
    if (!data) {
        return;
    }
    Sample s;
    build_sample(&s);
    KfHeader h;
    const KfCode *code = NULL;
    const char *detail = NULL;
    KfError err = kf_read(data, len, &h, &code, &detail);
    CHECK("round trip reads back", err == KF_OK && code != NULL);
    if (err != KF_OK) {
        fprintf(stderr, "  %s: %s (%s)\n", what, kf_strerror(err), detail ? detail : "");
        free(data);
        return;
    }
    CHECK("round trip: same tree", same_code(&s.module, code));
    CHECK("round trip: nested code", code->consts[12].code->nexceptions == 3 &&
                                         code->consts[12].code->exceptions[2].lasti == 1);
    CHECK("round trip: positions given to every instruction",
          code->positions != NULL && code->positions[0].lineno == 0 &&
              code->positions[0].col == -1);
    CHECK("round trip: NaN bits kept", isnan(code->consts[13].f));
    CHECK("round trip: shared string is one copy",
          code->consts[11].str == code->consts[9].items[0].items[1].str);
    CHECK("header fields", h.major == KF_VERSION_MAJOR && h.minor == KF_VERSION_MINOR &&
                               h.invalidation == KF_INVALIDATE_TIMESTAMP && h.optimize == 0 &&
                               h.is_compressed == (compress > 0) && !h.is_sourceless &&
                               h.source_mtime_ns == 1700000000123456789LL &&
                               h.source_size == 1234 && h.source_hash == 0x0123456789ABCDEFull &&
                               h.payload_size + KF_HEADER_SIZE == len);
    CHECK("payload 8-byte aligned", h.payload_raw_size % 8 == 0);
    kf_free(code);
    printf("sample module: %zu bytes %s\n", len, what);
    free(data);
}

static void test_reproducible(void) {
    size_t len1 = 0, len2 = 0;
    uint8_t *a = write_sample(0, &len1);
    // The same tree from strings at other addresses.
    Sample s;
    build_sample(&s);
    char name[] = "<module>", file[] = "pkg/m\xc3\xa9.py";
    s.module.name = name;
    s.module.filename = file;
    KfWriteInfo info = sample_info(0);
    uint8_t *b = NULL;
    kf_write(&s.module, &info, &b, &len2, NULL);
    CHECK("reproducible bytes", a && b && len1 == len2 && memcmp(a, b, len1) == 0);
    free(a);
    free(b);
    uint8_t *c = write_sample(6, &len1);
    uint8_t *d = write_sample(6, &len2);
    CHECK("reproducible compressed bytes", c && d && len1 == len2 && memcmp(c, d, len1) == 0);
    free(c);
    free(d);
}

static void test_truncations(int compress) {
    size_t len = 0;
    uint8_t *data = write_sample(compress, &len);
    if (!data) {
        CHECK("truncation sample", 0);
        return;
    }
    int refused = 0, truncated = 0;
    for (size_t n = 0; n < len; n++) {
        uint8_t *copy = malloc(n ? n : 1); // exact size: ASan sees any overread
        memcpy(copy, data, n);
        KfError err = read_only(n ? copy : NULL, n);
        refused += err != KF_OK && err != KF_ERR_COUNT;
        truncated += err == KF_ERR_TRUNCATED;
        free(copy);
    }
    CHECK("every truncation refused", refused == (int)len);
    CHECK("every truncation reported as truncated", truncated == (int)len);
    // A byte too many.
    uint8_t *longer = malloc(len + 1);
    memcpy(longer, data, len);
    longer[len] = 0;
    CHECK("trailing byte refused", read_only(longer, len + 1) == KF_ERR_CORRUPT);
    free(longer);
    free(data);
}

static void test_bit_flips(int compress) {
    size_t len = 0;
    uint8_t *data = write_sample(compress, &len);
    if (!data) {
        CHECK("bit flip sample", 0);
        return;
    }
    int refused = 0, flips = 0, checksum = 0;
    for (size_t i = 0; i < len; i++) {
        for (int bit = 0; bit < 8; bit++) {
            data[i] ^= (uint8_t)(1 << bit);
            KfError err = read_only(data, len);
            data[i] ^= (uint8_t)(1 << bit);
            flips++;
            refused += err != KF_OK && err != KF_ERR_COUNT;
            checksum += err == KF_ERR_CHECKSUM;
        }
    }
    CHECK("every single-bit flip refused", refused == flips);
    CHECK("flips past the first 12 bytes caught by a checksum", checksum >= flips - 12 * 8);
    printf("%d single-bit flips refused (%s)\n", refused, compress ? "compressed" : "stored");
    CHECK("unflipped file still reads", read_only(data, len) == KF_OK);
    free(data);
}

// Mutates the raw payload and reseals the checksums, so the structure checks
// are what must refuse (or, rarely, accept a still-valid file) without a
// crash.
static void test_sealed_mutations(void) {
    size_t len = 0;
    uint8_t *data = write_sample(0, &len);
    if (!data) {
        CHECK("mutation sample", 0);
        return;
    }
    uint8_t *copy = malloc(len);
    int runs = 20000, refused = 0, bad = 0;
    size_t payload = len - KF_HEADER_SIZE;
    for (int i = 0; i < runs; i++) {
        memcpy(copy, data, len);
        int edits = 1 + (int)(rng() % 4);
        for (int e = 0; e < edits; e++) {
            size_t at = KF_HEADER_SIZE + rng() % payload;
            switch (rng() % 4) {
            case 0: copy[at] ^= (uint8_t)(1 << (rng() % 8)); break;
            case 1: copy[at] = (uint8_t)rng(); break;
            case 2: copy[at] = 0xFF; break;
            default: copy[at] = (uint8_t)(copy[at] + 1); break;
            }
        }
        reseal(copy, len);
        KfError err = read_only(copy, len);
        refused += err != KF_OK;
        bad += err == KF_ERR_COUNT || err == KF_ERR_CHECKSUM;
    }
    CHECK("sealed mutations: no tree left on error, no checksum miss", bad == 0);
    CHECK("sealed mutations mostly refused", refused > runs * 9 / 10);
    printf("%d of %d sealed payload mutations refused as corrupt\n", refused, runs);
    free(copy);
    free(data);
}

static void test_header(void) {
    size_t len = 0;
    uint8_t *data = write_sample(0, &len);
    if (!data) {
        CHECK("header sample", 0);
        return;
    }
    KfHeader h;
    CHECK("header alone checks", kf_check_header(data, KF_HEADER_SIZE, &h) == KF_OK &&
                                     h.source_size == 1234);
    CHECK("short header truncated", kf_check_header(data, KF_HEADER_SIZE - 1, &h) ==
                                        KF_ERR_TRUNCATED);
    CHECK("empty file truncated", kf_check_header(data, 0, &h) == KF_ERR_TRUNCATED);
    uint8_t *copy = malloc(len);
    memcpy(copy, data, len);
    copy[1] = 'k';
    CHECK("bad magic", read_only(copy, len) == KF_ERR_MAGIC);
    memcpy(copy, "\x89PNG\r\n\x1a\n", 8);
    CHECK("a PNG is not a cache", read_only(copy, len) == KF_ERR_MAGIC);
    memcpy(copy, data, len);
    copy[4] = '\n'; // \r\n -> \n\n, as a text-mode transfer does
    CHECK("text-mode damage caught by the magic", read_only(copy, len) == KF_ERR_MAGIC);
    memcpy(copy, data, len);
    klayout_put16(copy + KLAYOUT_H_MAJOR, 2);
    reseal(copy, len);
    CHECK("newer major refused", read_only(copy, len) == KF_ERR_VERSION);
    memcpy(copy, data, len);
    klayout_put16(copy + KLAYOUT_H_MINOR, 7);
    reseal(copy, len);
    CHECK("newer minor read", read_only(copy, len) == KF_OK);
    memcpy(copy, data, len);
    klayout_put64(copy + KLAYOUT_H_ISA, 42);
    reseal(copy, len);
    CHECK("other instruction set refused", read_only(copy, len) == KF_ERR_VERSION);
    memcpy(copy, data, len);
    klayout_put32(copy + KLAYOUT_H_FLAGS, 0x40);
    reseal(copy, len);
    CHECK("unknown flag refused", read_only(copy, len) == KF_ERR_VERSION);
    memcpy(copy, data, len);
    klayout_put32(copy + KLAYOUT_H_FLAGS, 3);
    reseal(copy, len);
    CHECK("mode 3 corrupt", read_only(copy, len) == KF_ERR_CORRUPT);
    memcpy(copy, data, len);
    copy[len - 1] ^= 1;
    CHECK("payload checksum", read_only(copy, len) == KF_ERR_CHECKSUM);

    // Refreshing the source stamp in place keeps the payload.
    memcpy(copy, data, len);
    kf_set_source_stamp(copy, 42, 99);
    CHECK("refreshed header checks", kf_check_header(copy, len, &h) == KF_OK &&
                                         h.source_mtime_ns == 42 && h.source_size == 99 &&
                                         h.source_hash == 0x0123456789ABCDEFull);
    CHECK("refreshed payload unchanged",
          memcmp(copy + KF_HEADER_SIZE, data + KF_HEADER_SIZE, len - KF_HEADER_SIZE) == 0);
    CHECK("refreshed file reads", read_only(copy, len) == KF_OK);
    free(copy);
    free(data);
    CHECK("strerror", strcmp(kf_strerror(KF_ERR_TRUNCATED), "truncated cache file") == 0 &&
                          kf_strerror((KfError)99) != NULL);
    CHECK("source hash", kf_source_hash("", 0) == 0x2D06800538D394C2ull);
}

// A module of 'ncode' instructions with no constants but 'consts'.
static KfError write_tree(const uint32_t *code, int ncode, const KfConst *consts, int nconsts,
                          const char **detail) {
    KfCode m;
    memset(&m, 0, sizeof m);
    m.name = m.qualname = "<module>";
    m.filename = "t.py";
    m.code = code;
    m.ncode = ncode;
    m.consts = consts;
    m.nconsts = nconsts;
    KfWriteInfo info = sample_info(0);
    uint8_t *out = NULL;
    size_t len = 0;
    KfError err = kf_write(&m, &info, &out, &len, detail);
    free(out);
    return err;
}

static void test_writer_rules(void) {
    const char *detail = NULL;
    uint32_t bad_const[] = {KF_INSTR(KF_OP_LOAD_CONST, 1)};
    KfConst none = {.kind = KF_CONST_NONE};
    CHECK("const index out of range refused",
          write_tree(bad_const, 1, &none, 1, &detail) == KF_ERR_INVALID && detail != NULL);
    uint32_t bad_jump[] = {KF_INSTR(KF_OP_JUMP_FORWARD, 1)};
    CHECK("jump out of range refused", write_tree(bad_jump, 1, NULL, 0, NULL) == KF_ERR_INVALID);
    {
        // no_read_back: the same tree is written, and refused where it is read.
        KfCode m;
        memset(&m, 0, sizeof m);
        m.name = m.qualname = "<module>";
        m.filename = "t.py";
        m.code = bad_jump;
        m.ncode = 1;
        KfWriteInfo info = sample_info(0);
        info.no_read_back = 1;
        uint8_t *out = NULL;
        size_t len = 0;
        const KfCode *back = NULL;
        CHECK("no_read_back writes a bad tree", kf_write(&m, &info, &out, &len, NULL) == KF_OK);
        CHECK("and the reader refuses it",
              out && kf_read(out, len, NULL, &back, NULL) == KF_ERR_CORRUPT && back == NULL);
        kf_free(back);
        free(out);
    }
    uint32_t bad_op[] = {KF_INSTR(KF_OP_COUNT, 0)};
    CHECK("unknown opcode refused", write_tree(bad_op, 1, NULL, 0, NULL) == KF_ERR_INVALID);
    uint32_t ok[] = {KF_INSTR(KF_OP_LOAD_CONST, 0), KF_INSTR(KF_OP_RETURN_VALUE, 0)};
    KfConst bad_str = {.kind = KF_CONST_STR, .str = "\xff", .len = 1};
    CHECK("invalid UTF-8 str refused", write_tree(ok, 2, &bad_str, 1, NULL) == KF_ERR_INVALID);
    KfConst bytes = {.kind = KF_CONST_BYTES, .str = "\xff", .len = 1};
    CHECK("any bytes accepted", write_tree(ok, 2, &bytes, 1, NULL) == KF_OK);
    KfConst big = {.kind = KF_CONST_BIGINT, .str = "12x"};
    CHECK("bad big int refused", write_tree(ok, 2, &big, 1, NULL) == KF_ERR_INVALID);
    CHECK("empty module accepted", write_tree(NULL, 0, NULL, 0, NULL) == KF_OK);

    // Nesting: KF_MAX_DEPTH levels counting the module and each tuple.
    int n = KF_MAX_DEPTH;
    KfConst *chain = calloc((size_t)n, sizeof *chain);
    for (int i = 0; i < n; i++) {
        chain[i].kind = KF_CONST_TUPLE;
        chain[i].count = i + 1 < n ? 1 : 0;
        chain[i].items = i + 1 < n ? &chain[i + 1] : NULL;
    }
    CHECK("nesting past the limit refused",
          write_tree(ok, 2, &chain[0], 1, NULL) == KF_ERR_INVALID);
    CHECK("nesting at the limit accepted", write_tree(ok, 2, &chain[1], 1, NULL) == KF_OK);
    free(chain);
}

// A module with 'n' functions, each with a few constants and names: sizes.
static void test_sizes(void) {
    enum { N = 200 };
    static KfCode funcs[N];
    static KfConst consts[N + 1];
    static char names[N][16];
    static uint32_t code[] = {KF_INSTR(KF_OP_LOAD_FAST, 0), KF_INSTR(KF_OP_LOAD_CONST, 0),
                              KF_INSTR(KF_OP_BINARY_OP, KF_BINOP_ADD),
                              KF_INSTR(KF_OP_RETURN_VALUE, 0)};
    static KfPosition pos[4] = {{2, 2, 11, 12}, {2, 2, 15, 16}, {2, 2, 11, 16}, {2, 2, 4, 16}};
    static const char *locals[] = {"x"};
    static const uint8_t kinds[] = {KF_LOCAL | KF_LOCAL_ARG};
    static KfConst one = {.kind = KF_CONST_INT, .i = 1};
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "f%d", i);
        funcs[i] = (KfCode){.name = names[i], .qualname = names[i], .filename = "big.py",
                            .firstlineno = 1, .argcount = 1, .flags = 3, .stacksize = 2,
                            .code = code, .ncode = 4, .positions = pos, .consts = &one,
                            .nconsts = 1, .localsplus = locals, .localspluskinds = kinds,
                            .nlocalsplus = 1};
        consts[i] = (KfConst){.kind = KF_CONST_CODE, .code = &funcs[i]};
    }
    consts[N] = (KfConst){.kind = KF_CONST_NONE};
    KfCode m = {.name = "<module>", .qualname = "<module>", .filename = "big.py",
                .firstlineno = 1, .consts = consts, .nconsts = N + 1};
    KfWriteInfo info = sample_info(0);
    uint8_t *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    CHECK("200 functions written", kf_write(&m, &info, &a, &alen, NULL) == KF_OK);
    info.compress = 9;
    CHECK("200 functions compressed", kf_write(&m, &info, &b, &blen, NULL) == KF_OK);
    const KfCode *back = NULL;
    CHECK("200 functions read", kf_read(b, blen, NULL, &back, NULL) == KF_OK &&
                                    same_code(&m, back));
    kf_free(back);
    printf("module of %d small functions: %zu bytes stored, %zu compressed\n", N, alen, blen);
    free(a);
    free(b);
}

// Writes sample caches into 'dir': the fuzz corpus's seeds.
static int write_seeds(const char *dir) {
    static const int levels[] = {0, 6};
    for (int i = 0; i < 2; i++) {
        size_t len = 0;
        uint8_t *data = write_sample(levels[i], &len);
        char path[4096];
        snprintf(path, sizeof path, "%s/sample-%s.cache", dir, levels[i] ? "zlib" : "stored");
        FILE *f = data ? fopen(path, "wb") : NULL;
        if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
            perror(path);
            return 1;
        }
        free(data);
    }
    return 0;
}

// klayout_hash takes AVX2 where the CPU has it (format/hash.c): its value
// must be libxxhash's XXH3-64 at every length, through each of XXH3's
// paths (up to 16, 128, 240 bytes, then stripes and blocks of 1 KiB).
static void test_hash_matches_xxh3(void) {
    enum { MAX = 5000 };
    uint8_t *data = malloc(MAX);
    if (!data) {
        CHECK("hash sample", 0);
        return;
    }
    uint32_t x = 12345;
    for (size_t i = 0; i < MAX; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (uint8_t)(x >> 16);
    }
    int same = 1;
    for (size_t len = 0; len <= MAX; len += len < 300 ? 1 : 97) {
        for (size_t off = 0; off < 3 && len + off <= MAX; off++) {
            same &= klayout_hash(data + off, len) == XXH3_64bits(data + off, len);
            same &= kf_source_hash(data + off, len) == XXH3_64bits(data + off, len);
        }
    }
    CHECK("klayout_hash is XXH3-64 at every length and alignment", same);
    free(data);
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--write-seeds") == 0) {
        return write_seeds(argv[2]);
    }
    test_round_trip(0);
    test_round_trip(6);
    test_reproducible();
    test_truncations(0);
    test_truncations(6);
    test_bit_flips(0);
    test_bit_flips(6);
    test_sealed_mutations();
    test_header();
    test_writer_rules();
    test_sizes();
    test_hash_matches_xxh3();
    return CHECK_DONE();
}
