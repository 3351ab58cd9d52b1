// tests/unit/test_literal.c: literal decoding and repr against python3.11.
// The expected values come from literal_cases.h, which
// tools/gen_literal_cases.py writes by asking python3.11.
#include "literal.h"

#include "check.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct NumberCase {
    const char *text;
    KConstKind kind;
    int64_t i;
    const char *big; // BIGINT digits
    uint64_t bits;   // FLOAT value, COMPLEX imaginary part
    const char *repr;
} NumberCase;

typedef struct NumberError {
    const char *text;
    const char *msg;
} NumberError;

typedef struct StringCase {
    const char *text;
    size_t text_len;
    KConstKind kind;
    const char *value;
    size_t value_len;
    const char *repr;
} StringCase;

// The token is decoded as if it followed "x = " on line 1 (so it starts at
// column 4); 'lineno'/'col' is where CPython reports the error.
typedef struct StringError {
    const char *text;
    size_t text_len;
    const char *msg;
    int lineno;
    int col;
} StringError;

typedef struct FloatRepr {
    uint64_t bits;
    const char *repr;
} FloatRepr;

typedef struct ComplexRepr {
    uint64_t real;
    uint64_t imag;
    const char *repr;
} ComplexRepr;

typedef struct StrRepr {
    int is_bytes;
    const char *value;
    size_t len;
    const char *repr;
} StrRepr;

#include "literal_cases.h"

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

static KArena *arena;
static KBuf repr_buf = KBUF_INIT;
static char name[160];

static double from_bits(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t to_bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

// Names a check after its case, shortened: some texts are thousands of bytes.
static const char *case_name(const char *what, const char *text) {
    snprintf(name, sizeof name, "%s %.60s%s", what, text, strlen(text) > 60 ? "..." : "");
    return name;
}

static const char *repr_of(const KConst *c) {
    kbuf_clear(&repr_buf);
    klit_repr(c, &repr_buf);
    return repr_buf.oom ? "<oom>" : repr_buf.data;
}

static void test_numbers(void) {
    for (size_t k = 0; k < COUNT(number_cases); k++) {
        const NumberCase *t = &number_cases[k];
        KConst c;
        KDiag d = {0};
        int rc = klit_parse_number(arena, t->text, strlen(t->text), &c, &d);
        CHECK(case_name("number parses", t->text), rc == 0 && d.kind == KDIAG_NONE);
        if (rc != 0) {
            continue;
        }
        CHECK(case_name("number kind", t->text), c.kind == t->kind);
        if (t->kind == KCONST_INT) {
            CHECK(case_name("number int", t->text), c.i == t->i);
        } else if (t->kind == KCONST_BIGINT) {
            CHECK(case_name("number bigint", t->text),
                  c.len == strlen(t->big) && memcmp(c.str, t->big, c.len) == 0 && !c.big_neg);
        } else {
            CHECK(case_name("number float bits", t->text), to_bits(c.f) == t->bits);
            CHECK(case_name("number real part", t->text), to_bits(c.real) == 0);
        }
        CHECK(case_name("number repr", t->text), strcmp(repr_of(&c), t->repr) == 0);
    }
    for (size_t k = 0; k < COUNT(number_errors); k++) {
        const NumberError *t = &number_errors[k];
        KConst c;
        KDiag d = {0};
        int rc = klit_parse_number(arena, t->text, strlen(t->text), &c, &d);
        CHECK(case_name("number error", t->text),
              rc == -1 && d.kind == KDIAG_SYNTAX_ERROR && strcmp(d.msg, t->msg) == 0);
        CHECK(case_name("number error has no columns", t->text), d.col == -1 && d.end_col == -1);
    }
}

static void test_strings(void) {
    for (size_t k = 0; k < COUNT(string_cases); k++) {
        const StringCase *t = &string_cases[k];
        KConst c;
        KDiag d = {0};
        int rc = klit_decode_string(arena, t->text, t->text_len, 1, 4, &c, &d);
        CHECK(case_name("string decodes", t->text), rc == 0 && d.kind == KDIAG_NONE);
        if (rc != 0) {
            fprintf(stderr, "  %s\n", d.msg);
            continue;
        }
        CHECK(case_name("string kind", t->text), c.kind == t->kind);
        CHECK(case_name("string value", t->text),
              c.len == t->value_len && memcmp(c.str, t->value, c.len) == 0);
        CHECK(case_name("string repr", t->text), strcmp(repr_of(&c), t->repr) == 0);
    }
    for (size_t k = 0; k < COUNT(string_errors); k++) {
        const StringError *t = &string_errors[k];
        KConst c;
        KDiag d = {0};
        int rc = klit_decode_string(arena, t->text, t->text_len, 1, 4, &c, &d);
        CHECK(case_name("string error", t->text), rc == -1 && d.kind == KDIAG_SYNTAX_ERROR);
        CHECK(case_name("string error message", t->text), strcmp(d.msg, t->msg) == 0);
        CHECK(case_name("string error place", t->text), d.lineno == t->lineno && d.col == t->col);
        if (strcmp(d.msg, t->msg) != 0 || d.lineno != t->lineno || d.col != t->col) {
            fprintf(stderr, "  got %d:%d %s\n  want %d:%d %s\n", d.lineno, d.col, d.msg, t->lineno,
                    t->col, t->msg);
        }
    }
}

// klit_decode_body: the parts of f-strings, reported where the caller says.
static void test_bodies(void) {
    KConst c;
    KDiag d = {0};
    int rc = klit_decode_body(arena, "a\\tb\\", 5, 0, 0, 3, 7, &c, &d);
    CHECK("body: escapes, trailing backslash kept",
          rc == 0 && c.kind == KCONST_STR && c.len == 4 && memcmp(c.str, "a\tb\\", 4) == 0);
    rc = klit_decode_body(arena, "a\\tb", 4, 1, 0, 3, 7, &c, &d);
    CHECK("body: raw", rc == 0 && c.len == 4 && memcmp(c.str, "a\\tb", 4) == 0);
    rc = klit_decode_body(arena, "x\\x4", 4, 0, 0, 3, 7, &c, &d);
    CHECK("body: error at the given place",
          rc == -1 && d.lineno == 3 && d.col == 7 && d.end_lineno == 3 && d.end_col == 7);
    CHECK("body: error message",
          strcmp(d.msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "1-3: truncated \\xXX escape") == 0);
    KDiag d2 = {0};
    rc = klit_decode_body(arena, "\\x41", 4, 0, 1, 1, 0, &c, &d2);
    CHECK("body: bytes", rc == 0 && c.kind == KCONST_BYTES && c.len == 1 && c.str[0] == 'A');
    rc = klit_decode_body(arena, "", 0, 0, 0, 1, 0, &c, &d2);
    CHECK("body: empty", rc == 0 && c.kind == KCONST_STR && c.len == 0 && c.str[0] == '\0');
}

static void test_prefix_flags(void) {
    CHECK("prefix none", klit_prefix_flags("'a'", 3) == 0);
    CHECK("prefix r", klit_prefix_flags("r'a'", 4) == KLIT_RAW);
    CHECK("prefix Rb", klit_prefix_flags("Rb'a'", 5) == (KLIT_RAW | KLIT_BYTES));
    CHECK("prefix bR", klit_prefix_flags("bR\"a\"", 5) == (KLIT_RAW | KLIT_BYTES));
    CHECK("prefix F", klit_prefix_flags("F'a'", 4) == KLIT_FSTRING);
    CHECK("prefix rf", klit_prefix_flags("rf'a'", 5) == (KLIT_RAW | KLIT_FSTRING));
    CHECK("prefix U", klit_prefix_flags("U'a'", 4) == KLIT_UNICODE);
    CHECK("prefix stops at the quote", klit_prefix_flags("b'r'", 4) == KLIT_BYTES);
}

static void test_reprs(void) {
    for (size_t k = 0; k < COUNT(float_reprs); k++) {
        const FloatRepr *t = &float_reprs[k];
        kbuf_clear(&repr_buf);
        klit_repr_float(from_bits(t->bits), &repr_buf);
        CHECK(case_name("float repr", t->repr), strcmp(repr_buf.data, t->repr) == 0);
        KConst c = {.kind = KCONST_FLOAT, .f = from_bits(t->bits)};
        CHECK(case_name("float const repr", t->repr), strcmp(repr_of(&c), t->repr) == 0);
    }
    for (size_t k = 0; k < COUNT(complex_reprs); k++) {
        const ComplexRepr *t = &complex_reprs[k];
        KConst c = {.kind = KCONST_COMPLEX, .real = from_bits(t->real), .f = from_bits(t->imag)};
        CHECK(case_name("complex repr", t->repr), strcmp(repr_of(&c), t->repr) == 0);
    }
    for (size_t k = 0; k < COUNT(str_reprs); k++) {
        const StrRepr *t = &str_reprs[k];
        KConst c = {
            .kind = t->is_bytes ? KCONST_BYTES : KCONST_STR, .str = t->value, .len = t->len};
        CHECK(case_name("str repr", t->repr), strcmp(repr_of(&c), t->repr) == 0);
    }
    KConst c = {.kind = KCONST_NONE};
    CHECK("repr None", strcmp(repr_of(&c), "None") == 0);
    c.kind = KCONST_TRUE;
    CHECK("repr True", strcmp(repr_of(&c), "True") == 0);
    c.kind = KCONST_FALSE;
    CHECK("repr False", strcmp(repr_of(&c), "False") == 0);
    c.kind = KCONST_ELLIPSIS;
    CHECK("repr Ellipsis", strcmp(repr_of(&c), "Ellipsis") == 0);
    c.kind = KCONST_INT;
    c.i = INT64_MIN;
    CHECK("repr int64 min", strcmp(repr_of(&c), "-9223372036854775808") == 0);
    c.kind = KCONST_BIGINT;
    c.str = "123456789012345678901234567890";
    c.len = strlen(c.str);
    c.big_neg = 1;
    CHECK("repr negative bigint", strcmp(repr_of(&c), "-123456789012345678901234567890") == 0);
}

int main(void) {
    arena = karena_new();
    if (!arena) {
        return 1;
    }
    test_numbers();
    test_strings();
    test_bodies();
    test_prefix_flags();
    test_reprs();
    kbuf_free(&repr_buf);
    karena_free(arena);
    return CHECK_DONE();
}
