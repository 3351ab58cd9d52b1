// format/dis.c: a code object tree as text, in the layout of CPython 3.11's
// dis.dis: source line, jump-target mark, offset (here an instruction
// index), opname, argument and its meaning in parentheses; the exception
// table; then each nested code object. Constants print as Python's repr()
// (with the code objects' addresses masked, so listings are stable).
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    DIS_ARG_NONE,
    DIS_ARG_CONST,
    DIS_ARG_NAME,
    DIS_ARG_LOCAL,
    DIS_ARG_FREE,
    DIS_ARG_JUMP,
    DIS_ARG_COUNT,
    DIS_ARG_FLAGS,
    DIS_ARG_OP,
} DisArg;

static const char *const OPNAMES[] = {
#define DIS_NAME(name, arg, in, pop, effect, jump_effect) #name,
    KF_OPCODES(DIS_NAME)
#undef DIS_NAME
};

static const DisArg ARGKINDS[] = {
#define DIS_KIND(name, arg, in, pop, effect, jump_effect) DIS_ARG_##arg,
    KF_OPCODES(DIS_KIND)
#undef DIS_KIND
};

// ---------------------------------------------------------------------------
// repr() of constants

// When the correctly rounded 'buf' ([-]d.ddde[+-]XX) does not read back
// as 'v', its neighbour on the other side might (below a power of two the
// rounding interval is lopsided): tries it, keeping it in 'buf' on success.
static int nudge_last_digit(char *buf, double v) {
    char alt[40];
    memcpy(alt, buf, sizeof alt);
    char *e = strchr(alt, 'e');
    double r = strtod(buf, NULL);
    int up = (r < v) != (v < 0);
    for (char *p = e - 1; p >= alt; p--) {
        if (*p == '.' || *p == '-') {
            continue;
        }
        if (up ? *p < '9' : *p > '0') {
            *p = (char)(*p + (up ? 1 : -1));
            if (strtod(alt, NULL) == v) {
                memcpy(buf, alt, sizeof alt);
                return 1;
            }
            return 0;
        }
        *p = up ? '0' : '9';
    }
    return 0;
}

static void repr_float_digits(double v, char *out, size_t size, int add_dot_0) {
    if (isnan(v)) {
        snprintf(out, size, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(out, size, v < 0 ? "-inf" : "inf");
        return;
    }
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v || nudge_last_digit(buf, v)) {
            break;
        }
    }
    // buf: [-]d.ddde[+-]XX; Python uses fixed notation for -4 <= exp < 16.
    char digits[24];
    int nd = 0, neg = buf[0] == '-';
    const char *p = buf + neg;
    for (; *p && *p != 'e'; p++) {
        if (*p != '.') {
            digits[nd++] = *p;
        }
    }
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    digits[nd] = 0;
    char *o = out;
    size_t left = size;
    int n = snprintf(o, left, "%s", neg ? "-" : "");
    o += n;
    left -= (size_t)n;
    if (exp < -4 || exp >= 16) {
        n = snprintf(o, left, "%c", digits[0]);
        o += n;
        left -= (size_t)n;
        if (nd > 1) {
            n = snprintf(o, left, ".%s", digits + 1);
            o += n;
            left -= (size_t)n;
        }
        snprintf(o, left, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    if (exp < 0) {
        n = snprintf(o, left, "0.");
        o += n;
        left -= (size_t)n;
        for (int i = 0; i < -exp - 1; i++) {
            *o++ = '0';
            left--;
        }
        snprintf(o, left, "%s", digits);
        return;
    }
    for (int i = 0; i <= exp; i++) {
        *o++ = i < nd ? digits[i] : '0';
        left--;
    }
    if (nd > exp + 1) {
        snprintf(o, left, ".%s", digits + exp + 1);
    } else {
        snprintf(o, left, "%s", add_dot_0 ? ".0" : "");
    }
}

static void repr_bytes(const KfConst *k, FILE *out) {
    int has_sq = memchr(k->str, '\'', k->len) != NULL;
    int has_dq = memchr(k->str, '"', k->len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    fprintf(out, "b%c", q);
    for (size_t i = 0; i < k->len; i++) {
        unsigned char c = (unsigned char)k->str[i];
        if (c == (unsigned char)q || c == '\\') {
            fprintf(out, "\\%c", c);
        } else if (c == '\t') {
            fputs("\\t", out);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c == '\r') {
            fputs("\\r", out);
        } else if (c < 0x20 || c >= 0x7f) {
            fprintf(out, "\\x%02x", c);
        } else {
            fputc(c, out);
        }
    }
    fputc(q, out);
}

// Code point of the UTF-8 sequence at 's' (at most 'len' bytes); '*n'
// receives its length.
static unsigned decode_utf8(const unsigned char *s, size_t len, int *n) {
    if (s[0] < 0x80 || len < 2) {
        *n = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *n = 2;
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (s[0] < 0xF0 || len < 4) {
        *n = len < 3 ? (int)len : 3;
        return len < 3 ? 0xFFFD : ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

// An approximation of str.isprintable() for non-ASCII code points: the
// control, format, separator, surrogate and private-use ranges that
// repr() escapes (a disassembler need not carry Unicode's tables).
static int is_printable(unsigned cp) {
    static const unsigned ranges[][2] = {
        {0x80, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},   {0x61C, 0x61C},
        {0x6DD, 0x6DD},   {0x70F, 0x70F},   {0x180E, 0x180E}, {0x2000, 0x200F},
        {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000},
        {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0xFFFE, 0xFFFF},
        {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (cp >= ranges[i][0] && cp <= ranges[i][1]) {
            return 0;
        }
    }
    return 1;
}

static void repr_str(const KfConst *k, FILE *out) {
    int has_sq = memchr(k->str, '\'', k->len) != NULL;
    int has_dq = memchr(k->str, '"', k->len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    fputc(q, out);
    for (size_t i = 0; i < k->len; i++) {
        unsigned char c = (unsigned char)k->str[i];
        if (c == (unsigned char)q || c == '\\') {
            fprintf(out, "\\%c", c);
        } else if (c == '\t') {
            fputs("\\t", out);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c == '\r') {
            fputs("\\r", out);
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(out, "\\x%02x", c);
        } else if (c >= 0x80) {
            int n;
            unsigned cp = decode_utf8((const unsigned char *)k->str + i, k->len - i, &n);
            if (is_printable(cp)) {
                fwrite(k->str + i, 1, (size_t)n, out);
            } else if (cp < 0x100) {
                fprintf(out, "\\x%02x", cp);
            } else if (cp < 0x10000) {
                fprintf(out, "\\u%04x", cp);
            } else {
                fprintf(out, "\\U%08x", cp);
            }
            i += (size_t)n - 1;
        } else {
            fputc(c, out);
        }
    }
    fputc(q, out);
}

static void repr_const(const KfConst *k, FILE *out);

static void repr_items(const KfConst *k, FILE *out) {
    for (int i = 0; i < k->count; i++) {
        if (i) {
            fputs(", ", out);
        }
        repr_const(&k->items[i], out);
    }
}

static void repr_code(const KfCode *code, FILE *out) {
    fprintf(out, "<code object %s at 0x..., file \"%s\", line %d>", code->name, code->filename,
            code->firstlineno);
}

static void repr_const(const KfConst *k, FILE *out) {
    char buf[64], buf2[64];
    switch (k->kind) {
    case KF_CONST_NONE:
        fputs("None", out);
        break;
    case KF_CONST_TRUE:
        fputs("True", out);
        break;
    case KF_CONST_FALSE:
        fputs("False", out);
        break;
    case KF_CONST_ELLIPSIS:
        fputs("Ellipsis", out);
        break;
    case KF_CONST_INT:
        fprintf(out, "%lld", (long long)k->i);
        break;
    case KF_CONST_BIGINT:
        fputs(k->str, out);
        break;
    case KF_CONST_FLOAT:
        repr_float_digits(k->f, buf, sizeof buf, 1);
        fputs(buf, out);
        break;
    case KF_CONST_COMPLEX:
        repr_float_digits(k->imag, buf2, sizeof buf2, 0);
        if (k->f == 0.0 && !signbit(k->f)) {
            fprintf(out, "%sj", buf2);
        } else {
            repr_float_digits(k->f, buf, sizeof buf, 0);
            fprintf(out, "(%s%s%sj)", buf, buf2[0] == '-' || isnan(k->imag) ? "" : "+", buf2);
        }
        break;
    case KF_CONST_STR:
        repr_str(k, out);
        break;
    case KF_CONST_BYTES:
        repr_bytes(k, out);
        break;
    case KF_CONST_TUPLE:
        fputc('(', out);
        repr_items(k, out);
        fputs(k->count == 1 ? ",)" : ")", out);
        break;
    case KF_CONST_FROZENSET:
        if (k->count == 0) {
            fputs("frozenset()", out);
        } else {
            fputs("frozenset({", out);
            repr_items(k, out);
            fputs("})", out);
        }
        break;
    case KF_CONST_CODE:
        repr_code(k->code, out);
        break;
    }
}

// ---------------------------------------------------------------------------
// Instructions

static const char *const CMP_OPS[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const BIN_OPS[] = {"+",   "&",   "//",  "<<",  "@",   "*",   "%",
                                      "|",   "**",  ">>",  "-",   "/",   "^",   "+=",
                                      "&=",  "//=", "<<=", "@=",  "*=",  "%=",  "|=",
                                      "**=", ">>=", "-=",  "/=",  "^="};

static void print_argrepr(const KfCode *code, int op, int arg, FILE *out) {
    switch (op) {
    case KF_OP_LOAD_GLOBAL:
        if (arg >> 1 < code->nnames) {
            fprintf(out, " (%s%s)", arg & 1 ? "NULL + " : "", code->names[arg >> 1]);
        }
        return;
    case KF_OP_COMPARE_OP:
        if (arg >= 0 && arg < 6) {
            fprintf(out, " (%s)", CMP_OPS[arg]);
        }
        return;
    case KF_OP_BINARY_OP:
        if (arg >= 0 && arg < (int)(sizeof BIN_OPS / sizeof BIN_OPS[0])) {
            fprintf(out, " (%s)", BIN_OPS[arg]);
        }
        return;
    case KF_OP_FORMAT_VALUE: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        const char *c = conv[arg & 3];
        if (arg & 4) {
            fprintf(out, " (%s%swith format)", c, *c ? ", " : "");
        } else if (*c) {
            fprintf(out, " (%s)", c);
        }
        return;
    }
    case KF_OP_MAKE_FUNCTION: {
        static const char *const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
        int first = 1;
        for (int i = 0; i < 4; i++) {
            if (arg & (1 << i)) {
                fprintf(out, "%s%s", first ? " (" : ", ", flags[i]);
                first = 0;
            }
        }
        if (!first) {
            fputc(')', out);
        }
        return;
    }
    default:
        break;
    }
    switch (op < KF_OP_COUNT ? ARGKINDS[op] : DIS_ARG_NONE) {
    case DIS_ARG_CONST:
        if (arg < code->nconsts) {
            fputs(" (", out);
            repr_const(&code->consts[arg], out);
            fputc(')', out);
        }
        return;
    case DIS_ARG_NAME:
        if (arg < code->nnames && code->names[arg][0]) {
            fprintf(out, " (%s)", code->names[arg]);
        }
        return;
    case DIS_ARG_LOCAL:
    case DIS_ARG_FREE:
        if (arg < code->nlocalsplus) {
            fprintf(out, " (%s)", code->localsplus[arg]);
        }
        return;
    case DIS_ARG_JUMP:
        fprintf(out, " (to %d)", arg);
        return;
    default:
        return;
    }
}

static void disassemble(const KfCode *code, FILE *out) {
    int n = code->ncode;
    char *is_target = calloc((size_t)n + 1, 1);
    if (!is_target) {
        return;
    }
    int maxline = 0;
    for (int i = 0; i < n; i++) {
        int op = KF_INSTR_OP(code->code[i]);
        if (op < KF_OP_COUNT && ARGKINDS[op] == DIS_ARG_JUMP) {
            int t = KF_INSTR_ARG(code->code[i]);
            if (t >= 0 && t <= n) {
                is_target[t] = 1;
            }
        }
        if (code->positions[i].lineno > maxline) {
            maxline = code->positions[i].lineno;
        }
    }
    for (int i = 0; i < code->nexceptions; i++) {
        int t = code->exceptions[i].target;
        if (t >= 0 && t <= n) {
            is_target[t] = 1;
        }
    }
    int lw = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int ow = n - 1 >= 10000 ? snprintf(NULL, 0, "%d", n - 1) : 4;
    int lastline = -1;
    for (int i = 0; i < n; i++) {
        int op = KF_INSTR_OP(code->code[i]), arg = KF_INSTR_ARG(code->code[i]);
        int line = code->positions[i].lineno;
        char linebuf[16] = "";
        if (line > 0 && line != lastline) {
            if (i > 0) {
                fputc('\n', out);
            }
            snprintf(linebuf, sizeof linebuf, "%*d", lw, line);
            lastline = line;
        } else {
            snprintf(linebuf, sizeof linebuf, "%*s", lw, "");
        }
        char head[128];
        const char *name = op < KF_OP_COUNT ? OPNAMES[op] : "<unknown>";
        snprintf(head, sizeof head, "%s     %s %*d %-20s", linebuf, is_target[i] ? ">>" : "  ", ow,
                 i, name);
        if (op < KF_OP_COUNT && ARGKINDS[op] != DIS_ARG_NONE) {
            fprintf(out, "%s %5d", head, arg);
            print_argrepr(code, op, arg, out);
            fputc('\n', out);
        } else {
            size_t len = strlen(head);
            while (len > 0 && head[len - 1] == ' ') {
                head[--len] = 0;
            }
            fprintf(out, "%s\n", head);
        }
    }
    free(is_target);
    if (code->nexceptions) {
        fputs("ExceptionTable:\n", out);
        for (int i = 0; i < code->nexceptions; i++) {
            const KfExceptEntry *e = &code->exceptions[i];
            fprintf(out, "  %d to %d -> %d [%d]%s\n", e->start, e->end - 1, e->target, e->depth,
                    e->lasti ? " lasti" : "");
        }
    }
}

void kf_dis(const KfCode *code, FILE *out) {
    disassemble(code, out);
    for (int i = 0; i < code->nconsts; i++) {
        if (code->consts[i].kind == KF_CONST_CODE) {
            fputs("\nDisassembly of ", out);
            repr_code(code->consts[i].code, out);
            fputs(":\n", out);
            kf_dis(code->consts[i].code, out);
        }
    }
}
