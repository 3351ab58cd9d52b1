// vm/code_replace.c: code.replace(), and code objects' equality and hash.
//
// krait's instructions are not CPython's, so replace() can change what
// does not alter the frame layout or the instruction stream: names,
// filename, first line, the flags that do not decide how a frame is built,
// the constants (keeping the ones the instructions rely on the type of) and
// the names of variables. Anything else must be given unchanged (a
// ValueError otherwise, documented in the README).
#include "code.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// Flags that decide how a frame is built and run: replace() keeps them.
#define STRUCTURAL_FLAGS                                                                           \
    (KF_CO_OPTIMIZED | KF_CO_NEWLOCALS | KF_CO_VARARGS | KF_CO_VARKEYWORDS | KF_CO_GENERATOR |   \
     KF_CO_COROUTINE | KF_CO_ASYNC_GENERATOR)

// An owned, ready copy of 'src' (which must be ready with its constants
// made), sharing nothing mutable with it. KV_NULL with an exception.
static KCode *code_copy(KCode *src) {
    const KfPosition *positions = kcode_positions(src);
    if (!positions) {
        return (KCode *)kerr_no_memory();
    }
    KCode *c = (KCode *)kobj_alloc(&kcode_type, sizeof(KCode));
    if (!c) {
        return (KCode *)kerr_no_memory();
    }
    c->ncode = src->ncode;
    c->nconsts = src->nconsts;
    c->nnames = src->nnames;
    c->nlocalsplus = src->nlocalsplus;
    c->argcount = src->argcount;
    c->posonlyargcount = src->posonlyargcount;
    c->kwonlyargcount = src->kwonlyargcount;
    c->flags = src->flags;
    c->stacksize = src->stacksize;
    c->framesize = src->framesize;
    c->firstlineno = src->firstlineno;
    c->ncells = src->ncells;
    c->nfree = src->nfree;
    c->has_cells = src->has_cells;
    c->nexceptions = src->nexceptions;
    c->code = kmem_dup_array(src->code, (size_t)src->ncode, sizeof(uint32_t));
    c->positions = kmem_dup_array(positions, (size_t)src->ncode, sizeof(KfPosition));
    c->exceptions = kmem_dup_array(src->exceptions, (size_t)src->nexceptions, sizeof(KfExceptEntry));
    c->localspluskinds = kmem_dup_array(src->localspluskinds, (size_t)src->nlocalsplus, 1);
    c->consts = kmem_zalloc((size_t)src->nconsts * sizeof(KValue) + 1);
    c->names = kmem_zalloc((size_t)src->nnames * sizeof(KValue) + 1);
    c->localsplusnames = kval_newref(src->localsplusnames);
    c->name = kval_newref(src->name);
    c->qualname = kval_newref(src->qualname);
    c->filename = kval_newref(src->filename);
    if (!c->code || !c->positions || !c->exceptions || !c->localspluskinds || !c->consts ||
        !c->names) {
        kval_decref(kval_of(c));
        return (KCode *)kerr_no_memory();
    }
    for (int i = 0; i < src->nconsts; i++) {
        c->consts[i] = kval_newref(src->consts[i]);
    }
    for (int i = 0; i < src->nnames; i++) {
        c->names[i] = kval_newref(src->names[i]);
    }
    return c;
}

// "replace() argument 'co_name' must be str, not int" unless 'v' passes 'ok'.
static int arg_type(KValue v, int ok, const char *name, const char *want) {
    if (!ok) {
        kerr_format(&kexc_TypeError, "replace() argument '%s' must be %s, not %T", name, want, v);
        return -1;
    }
    return 0;
}

// The tuple 'v' when every item is a str (CPython's SystemError otherwise).
static int all_str(KValue v) {
    for (ssize_t i = 0; i < ktuple_len(v); i++) {
        if (!kstr_check(ktuple_items(v)[i])) {
            kerr_set(&kexc_SystemError, "non-string found in code slot");
            return 0;
        }
    }
    return 1;
}

static int unchanged(const char *name, const char *why) {
    kerr_format(&kexc_ValueError, "code.replace(): krait cannot change %s (%s)", name, why);
    return -1;
}

// The integer arguments: co_firstlineno and the free flags change, the
// others must equal the current values.
static int replace_ints(KCode *c, KValue *a) {
    static const char *const names[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
                                        "co_nlocals",  "co_stacksize",       "co_flags",
                                        "co_firstlineno"};
    int nlocals = 0;
    for (int i = 0; i < c->nlocalsplus; i++) {
        nlocals += (c->localspluskinds[i] & KF_LOCAL) != 0;
    }
    const int now[] = {c->argcount, c->posonlyargcount, c->kwonlyargcount, nlocals,
                       c->stacksize, c->flags,          c->firstlineno};
    int v[7];
    for (int i = 0; i < 7; i++) {
        if (!a[i]) {
            v[i] = now[i];
            continue;
        }
        if (!kint_check(a[i])) {
            kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", a[i]);
            return -1;
        }
        int overflow = 0;
        int64_t x = kint_as_i64_overflow(a[i], &overflow);
        if (overflow || x < INT32_MIN || x > INT32_MAX) {
            kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        v[i] = (int)x;
        if (i < 5 && v[i] < 0) {
            kerr_format(&kexc_ValueError, "code: %s must not be negative", names[i] + 3);
            return -1;
        }
        if (i < 5 && v[i] != now[i]) {
            return unchanged(names[i], "it decides the frame's layout");
        }
    }
    if ((v[5] ^ c->flags) & STRUCTURAL_FLAGS) {
        return unchanged("the frame flags of co_flags", "only other flags may change");
    }
    int delta = v[6] - c->firstlineno;
    c->flags = v[5];
    c->firstlineno = v[6];
    // Lines are stored absolute; CPython's are relative to co_firstlineno.
    for (int i = 0; delta && i < c->ncode; i++) {
        KfPosition *p = &c->positions[i];
        p->lineno += p->lineno > 0 ? delta : 0;
        p->end_lineno += p->end_lineno > 0 ? delta : 0;
    }
    return 0;
}

// co_code, co_linetable and co_exceptiontable: only co_code exists here,
// and it must be given back as it is.
static int replace_bytes(KCode *c, KValue code, KValue linetable, KValue exctable) {
    if (code) {
        if (arg_type(code, kbytes_check(code), "co_code", "bytes") < 0) {
            return -1;
        }
        ssize_t len;
        const char *data = kbytes_data(code, &len);
        if (len != (ssize_t)c->ncode * 4 || memcmp(data, c->code, (size_t)len) != 0) {
            return unchanged("co_code", "its instructions are not CPython's");
        }
    }
    if (linetable) {
        return arg_type(linetable, kbytes_check(linetable), "co_linetable", "bytes") < 0
                   ? -1
                   : unchanged("co_linetable", "positions are not stored in CPython's form");
    }
    if (exctable) {
        return arg_type(exctable, kbytes_check(exctable), "co_exceptiontable", "bytes") < 0
                   ? -1
                   : unchanged("co_exceptiontable", "handlers are not stored in CPython's form");
    }
    return 0;
}

// New constants: as many as before; a KW_NAMES operand stays a tuple of
// str of its length (CALL counts keywords by it).
static int replace_consts(KCode *c, KValue t) {
    if (arg_type(t, ktuple_check(t), "co_consts", "tuple") < 0) {
        return -1;
    }
    if (ktuple_len(t) != c->nconsts) {
        return unchanged("the number of co_consts", "instructions index them");
    }
    for (int i = 0; i < c->ncode; i++) {
        if (KF_INSTR_OP(c->code[i]) != KF_OP_KW_NAMES) {
            continue;
        }
        int k = KF_INSTR_ARG(c->code[i]);
        KValue v = ktuple_items(t)[k];
        if (!ktuple_check(v) || ktuple_len(v) != ktuple_len(c->consts[k]) || !all_str(v)) {
            kerr_clear();
            return unchanged("a keyword-names constant", "calls rely on it");
        }
    }
    for (int i = 0; i < c->nconsts; i++) {
        kval_setref(&c->consts[i], kval_newref(ktuple_items(t)[i]));
    }
    return 0;
}

static int replace_names(KCode *c, KValue t) {
    if (arg_type(t, ktuple_check(t), "co_names", "tuple") < 0 || !all_str(t)) {
        return -1;
    }
    if (ktuple_len(t) != c->nnames) {
        return unchanged("the number of co_names", "instructions index them");
    }
    for (int i = 0; i < c->nnames; i++) {
        KValue s = kval_newref(ktuple_items(t)[i]);
        kstr_intern(&s);
        kval_setref(&c->names[i], s);
    }
    return 0;
}

// Renames the variables of kind 'mask' (not 'without') in order.
static int rename_vars(KCode *c, KValue t, const char *name, int mask, int without) {
    if (arg_type(t, ktuple_check(t), name, "tuple") < 0) {
        return -1;
    }
    ssize_t n = 0;
    for (int i = 0; i < c->nlocalsplus; i++) {
        int k = c->localspluskinds[i];
        n += (k & mask) && !(k & without);
    }
    if (ktuple_len(t) != n) {
        kerr_format(&kexc_ValueError, "code: co_n%s != len(%s)",
                    mask == KF_LOCAL ? "locals" : name + 3, name);
        return -1;
    }
    if (!all_str(t)) {
        return -1;
    }
    KValue names = ktuple_from_array(ktuple_items(c->localsplusnames), c->nlocalsplus);
    if (!names) {
        return -1;
    }
    for (int i = 0, j = 0; i < c->nlocalsplus; i++) {
        int k = c->localspluskinds[i];
        if ((k & mask) && !(k & without)) {
            KValue s = kval_newref(ktuple_items(t)[j++]);
            kstr_intern(&s);
            kval_setref(&ktuple_items(names)[i], s);
        }
    }
    kval_setref(&c->localsplusnames, names);
    return 0;
}

static int replace_str(KValue *slot, KValue v, const char *name) {
    if (arg_type(v, kstr_check(v), name, "str") < 0) {
        return -1;
    }
    kval_setref(slot, kval_newref(v));
    return 0;
}

KValue kcode_replace(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
        "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names",
        "co_varnames", "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
        "co_linetable", "co_exceptiontable", NULL};
    KValue a[18];
    if (kargs_unpack("replace", args, nargs, kwnames, kwlist, 0, 0, a) < 0) {
        return KV_NULL;
    }
    KCode *src = (KCode *)self;
    if (kcode_ready(src) < 0 || kcode_fill_consts(src) < 0) {
        return KV_NULL;
    }
    KCode *c = code_copy(src);
    if (!c) {
        return KV_NULL;
    }
    int r = replace_ints(c, a);
    r = r < 0 ? r : replace_bytes(c, a[7], a[16], a[17]);
    r = r < 0 || !a[8] ? r : replace_consts(c, a[8]);
    r = r < 0 || !a[9] ? r : replace_names(c, a[9]);
    r = r < 0 || !a[10] ? r : rename_vars(c, a[10], "co_varnames", KF_LOCAL, 0);
    r = r < 0 || !a[11] ? r : rename_vars(c, a[11], "co_freevars", KF_LOCAL_FREE, 0);
    r = r < 0 || !a[12] ? r : rename_vars(c, a[12], "co_cellvars", KF_LOCAL_CELL, 0);
    r = r < 0 || !a[13] ? r : replace_str(&c->filename, a[13], "co_filename");
    r = r < 0 || !a[14] ? r : replace_str(&c->name, a[14], "co_name");
    r = r < 0 || !a[15] ? r : replace_str(&c->qualname, a[15], "co_qualname");
    if (r < 0) {
        kval_decref(kval_of(c));
        return KV_NULL;
    }
    return kval_of(c);
}

// ---------------------------------------------------------------------------
// Equality and hash: by value, as CPython's (names, counts, flags, first
// line, instructions, constants, names and variables).

static int same_shape(const KCode *x, const KCode *y) {
    return x->argcount == y->argcount && x->posonlyargcount == y->posonlyargcount &&
           x->kwonlyargcount == y->kwonlyargcount && x->flags == y->flags &&
           x->firstlineno == y->firstlineno && x->ncode == y->ncode &&
           x->nconsts == y->nconsts && x->nnames == y->nnames &&
           x->nlocalsplus == y->nlocalsplus &&
           memcmp(x->code, y->code, (size_t)x->ncode * 4) == 0 &&
           memcmp(x->localspluskinds, y->localspluskinds, (size_t)x->nlocalsplus) == 0;
}

// 1 equal, 0 not, -1 error.
static int code_equal(KCode *x, KCode *y) {
    if (x == y) {
        return 1;
    }
    if (kcode_ready(x) < 0 || kcode_ready(y) < 0 || kcode_fill_consts(x) < 0 ||
        kcode_fill_consts(y) < 0) {
        return -1;
    }
    if (!same_shape(x, y) || !kstr_eq(x->name, y->name)) {
        return 0;
    }
    for (int i = 0; i < x->nnames; i++) {
        if (!kstr_eq(x->names[i], y->names[i])) {
            return 0;
        }
    }
    for (int i = 0; i < x->nlocalsplus; i++) {
        if (!kstr_eq(ktuple_items(x->localsplusnames)[i], ktuple_items(y->localsplusnames)[i])) {
            return 0;
        }
    }
    for (int i = 0; i < x->nconsts; i++) {
        KValue a = x->consts[i], b = y->consts[i];
        // 0.0 and -0.0 (or 1 and 1.0) are different constants.
        if (kval_type(a) != kval_type(b)) {
            return 0;
        }
        int eq = kobj_richcompare_bool(a, b, KF_CMP_EQ);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

KValue kcode_richcompare(KValue a, KValue b, int op) {
    if (!kcode_check(b) || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    int eq = code_equal((KCode *)a, (KCode *)b);
    if (eq < 0) {
        return KV_NULL;
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

int64_t kcode_hash(KValue v) {
    KCode *c = (KCode *)v;
    int64_t h = kobj_hash(c->name);
    if (h == -1) {
        return -1;
    }
    uint64_t x = (uint64_t)h;
    const int parts[] = {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->flags,
                         c->firstlineno, c->ncode, c->nconsts, c->nnames, c->nlocalsplus};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        x = (x ^ (uint64_t)(uint32_t)parts[i]) * 1000003u;
    }
    return x == (uint64_t)-1 ? -2 : (int64_t)x;
}
