// vm/traceback.c: traceback objects and their display: for each entry the
// file, line and function, the source line read from the file (stripped),
// and, as CPython 3.11 does, carets under the failing expression when it
// is only part of the line ('~' for the operands, '^' for the operator of a
// binary operation or the subscript of an item access).
#include "traceback.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "code.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "type.h"

static void tb_dealloc(KObject *o) {
    KTraceback *tb = (KTraceback *)o;
    kgc_untrack(o);
    kval_xdecref(tb->next);
    kval_xdecref(tb->code);
    kval_xdecref(tb->frame);
    kobj_free(o);
}

static int tb_traverse(KObject *o, KVisitFn visit, void *arg) {
    KTraceback *tb = (KTraceback *)o;
    return (tb->next && visit(tb->next, arg)) || (tb->frame && visit(tb->frame, arg));
}

static void tb_clear(KObject *o) {
    KTraceback *tb = (KTraceback *)o;
    KVAL_CLEAR(tb->next);
    KVAL_CLEAR(tb->frame);
}

static KValue tb_get_next(KValue self) {
    KValue n = ((KTraceback *)self)->next;
    return kval_newref(n ? n : KV_NONE);
}

// tb.tb_next = tb2 or None (unittest cuts its own frames off this way):
// a loop through 'self' is refused, as CPython's.
static int tb_set_next(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == KV_NONE) {
        value = KV_NULL;
    } else if (kval_type(value) != &ktraceback_type) {
        kerr_format(&kexc_TypeError, "expected traceback object, got '%s'",
                    ktype_name(kval_type(value)));
        return -1;
    }
    for (KValue c = value; c; c = ((KTraceback *)c)->next) {
        if (c == self) {
            kerr_set(&kexc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    kval_setref(&((KTraceback *)self)->next, kval_xnewref(value));
    return 0;
}

static KValue tb_get_lineno(KValue self) {
    return kval_from_int(((KTraceback *)self)->lineno);
}

static KValue tb_get_lasti(KValue self) {
    return kval_from_int(((KTraceback *)self)->lasti * 2);
}

static KValue tb_get_frame(KValue self) {
    KValue f = ((KTraceback *)self)->frame;
    return kval_newref(f ? f : KV_NONE);
}

static const KGetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType ktraceback_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "traceback",
    .basicsize = sizeof(KTraceback),
    .flags = KTF_GC,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getsets = tb_getsets,
    .doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n"
        "--\n"
        "\n"
        "Create a new traceback object.",
};

int ktraceback_here(KValue exc, KFrame *f) {
    KException *e = (KException *)exc;
    KTraceback *tb = (KTraceback *)kobj_alloc(&ktraceback_type, sizeof(KTraceback));
    if (!tb) {
        return -1;
    }
    tb->code = kval_newref(kval_of(f->code));
    tb->lasti = kframe_lasti(f);
    tb->lineno = kcode_line(f->code, tb->lasti);
    tb->next = e->traceback;
    KValue pending = kerr_fetch();
    tb->frame = kframe_object(f);
    if (!tb->frame) {
        kerr_clear(); // MemoryError: tb_frame is None
    }
    kerr_restore(pending);
    e->traceback = kval_of(tb);
    return 0;
}

char *ktraceback_source_line(const char *filename, int lineno) {
    if (lineno < 1 || !filename || filename[0] == '<') {
        return NULL;
    }
    FILE *fp = fopen(filename, "rb");
    if (!fp) {
        return NULL;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    int current = 0;
    while ((n = getline(&line, &cap, fp)) >= 0) {
        if (++current == lineno) {
            break;
        }
    }
    fclose(fp);
    if (current != lineno || n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
        line[--n] = 0;
    }
    char *r = kmem_strdup(line);
    free(line);
    return r;
}

// The character index (code points) of UTF-8 byte offset 'off' in 's'.
static long char_index(const char *s, long off) {
    long n = 0;
    for (long i = 0; i < off && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int is_op_char(char c) {
    return strchr("+-*/%@&|^<>", c) != NULL;
}

// Finds the operator of a binary operation in 'seg' (len bytes): the last
// operator at bracket depth 0, skipping strings. Sets [*ostart, *oend).
static int find_binop(const char *seg, long len, long *ostart, long *oend) {
    int depth = 0;
    long found = -1, fend = -1;
    char quote = 0;
    for (long i = 0; i < len; i++) {
        char c = seg[i];
        if (quote) {
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (depth == 0 && is_op_char(c) && i > 0) {
            long j = i;
            while (j < len && is_op_char(seg[j])) {
                j++;
            }
            // Skip unary signs right after another operator or an 'e' exponent.
            long k = i - 1;
            while (k >= 0 && seg[k] == ' ') {
                k--;
            }
            if (k >= 0 && !is_op_char(seg[k]) && seg[k] != '(' && seg[k] != ',') {
                found = i;
                fend = j;
            }
            i = j - 1;
        }
    }
    if (found < 0) {
        return 0;
    }
    *ostart = found;
    *oend = fend;
    return 1;
}

static void format_carets(KStrBuilder *b, const char *line, const KfPosition *pos, int op,
                          int oparg, long strip) {
    if (pos->lineno <= 0 || pos->col < 0 || pos->end_col < 0) {
        return;
    }
    long len = (long)strlen(line);
    long col = pos->col;
    long end = pos->end_lineno == pos->lineno ? pos->end_col : len;
    if (col > len || end > len || end <= col) {
        return;
    }
    long first = strip, last = len;
    while (last > first && (line[last - 1] == ' ' || line[last - 1] == '\t')) {
        last--;
    }
    int whole = col <= first && end >= last && pos->end_lineno == pos->lineno;
    long ostart = -1, oend = -1;
    const char *seg = line + col;
    long seglen = end - col;
    if (op == KF_OP_BINARY_OP && pos->end_lineno == pos->lineno) {
        (void)oparg;
        if (!find_binop(seg, seglen, &ostart, &oend)) {
            ostart = -1;
        }
    } else if ((op == KF_OP_BINARY_SUBSCR || op == KF_OP_STORE_SUBSCR) &&
               pos->end_lineno == pos->lineno && seglen > 0 && seg[seglen - 1] == ']') {
        int depth = 0;
        for (long i = seglen - 1; i >= 0; i--) {
            if (seg[i] == ']') {
                depth++;
            } else if (seg[i] == '[' && --depth == 0) {
                ostart = i;
                oend = seglen;
                break;
            }
        }
    }
    if (whole && ostart < 0) {
        return; // the whole (stripped) line and no operator to point at: no carets
    }
    kstr_builder_ascii(b, "    ", 4);
    long c0 = char_index(line, strip), c1 = char_index(line, col);
    for (long i = c0; i < c1; i++) {
        kstr_builder_char(b, ' ');
    }
    long nchars = char_index(seg, seglen);
    if (ostart < 0) {
        for (long i = 0; i < nchars; i++) {
            kstr_builder_char(b, '^');
        }
    } else {
        long a = char_index(seg, ostart), z = char_index(seg, oend);
        for (long i = 0; i < nchars; i++) {
            kstr_builder_char(b, i >= a && i < z ? '^' : '~');
        }
    }
    kstr_builder_char(b, '\n');
}

void ktraceback_format(KStrBuilder *b, KValue tbv) {
    int count = 0;
    KValue last_file = KV_NULL, last_name = KV_NULL;
    int last_line = -1, repeats = 0;
    for (; tbv; tbv = ((KTraceback *)tbv)->next) {
        KTraceback *tb = (KTraceback *)tbv;
        KCode *code = (KCode *)tb->code;
        if (last_file == code->filename && last_name == code->name && last_line == tb->lineno) {
            if (++repeats > 3) {
                continue;
            }
        } else {
            if (repeats > 3) {
                kstr_builder_printf(b, "  [Previous line repeated %d more time%s]\n",
                                    repeats - 3, repeats - 3 == 1 ? "" : "s");
            }
            repeats = 1;
            last_file = code->filename;
            last_name = code->name;
            last_line = tb->lineno;
        }
        count++;
        kstr_builder_cstr(b, "  File \"");
        kstr_builder_str(b, code->filename);
        kstr_builder_printf(b, "\", line %d, in ", tb->lineno);
        kstr_builder_str(b, code->name);
        kstr_builder_char(b, '\n');
        const char *fname = kstr_utf8(code->filename, NULL);
        char *line = fname ? ktraceback_source_line(fname, tb->lineno) : NULL;
        if (!fname) {
            kerr_clear();
        }
        if (line) {
            long strip = 0;
            while (line[strip] == ' ' || line[strip] == '\t' || line[strip] == '\f') {
                strip++;
            }
            long end = (long)strlen(line);
            while (end > strip && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
                end--;
            }
            if (end > strip) {
                kstr_builder_ascii(b, "    ", 4);
                kstr_builder_utf8(b, line + strip, end - strip);
                kstr_builder_char(b, '\n');
                const KfPosition *positions = kcode_positions(code);
                if (positions && tb->lasti >= 0 && tb->lasti < code->ncode) {
                    uint32_t w = code->code[tb->lasti];
                    format_carets(b, line, &positions[tb->lasti], KF_INSTR_OP(w),
                                  KF_INSTR_ARG(w), strip);
                }
            }
            kmem_free(line);
        }
    }
    if (repeats > 3) {
        kstr_builder_printf(b, "  [Previous line repeated %d more time%s]\n", repeats - 3,
                            repeats - 3 == 1 ? "" : "s");
    }
}
