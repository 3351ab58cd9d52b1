// vm/code.c: runtime code objects, made from the compiler's KfCode trees
// (kcode_from_kf copies everything, so the tree may be freed afterwards; the
// loader will later build them from mapped cache files the same way), and
// the code type's Python-visible attributes.
#include "code.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "float.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

KValue kcomplex_new(double real, double imag);

int kcode_text_interns(const char *s, size_t len) {
    if (len > 64) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z'))) {
            return 0;
        }
    }
    return 1;
}

void kcode_maybe_intern(KValue *s) {
    KStr *str = (KStr *)*s;
    if (str->ascii && kcode_text_interns(str->data, (size_t)str->len)) {
        kstr_intern(s);
    }
}

KValue kcode_scalar_const(const KfConst *c) {
    switch (c->kind) {
    case KF_CONST_NONE:
        return KV_NONE;
    case KF_CONST_TRUE:
        return KV_TRUE;
    case KF_CONST_FALSE:
        return KV_FALSE;
    case KF_CONST_ELLIPSIS:
        return kval_newref(KV_ELLIPSIS);
    case KF_CONST_INT:
        return kint_from_i64(c->i);
    case KF_CONST_BIGINT: {
        int saved = kint_max_str_digits;
        kint_max_str_digits = 0;
        // A compiler's tree leaves 'len' 0 (digits are never empty).
        size_t len = c->len ? c->len : strlen(c->str);
        KValue r = kint_from_string(c->str, (ssize_t)len, 10);
        kint_max_str_digits = saved;
        return r;
    }
    case KF_CONST_FLOAT:
        return kfloat_new(c->f);
    case KF_CONST_COMPLEX:
        return kcomplex_new(c->f, c->imag);
    case KF_CONST_STR:
        return kstr_from_utf8(c->str, (ssize_t)c->len);
    case KF_CONST_BYTES:
        return kbytes_from_data(c->str, (ssize_t)c->len);
    default:
        break;
    }
    kerr_set(&kexc_SystemError, "unknown constant kind in code object");
    return KV_NULL;
}

static KValue const_value(const KfConst *c) {
    switch (c->kind) {
    case KF_CONST_STR: {
        KValue s = kstr_from_utf8(c->str, (ssize_t)c->len);
        if (s) {
            kcode_maybe_intern(&s);
        }
        return s;
    }
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET: {
        KValue t = ktuple_new(c->count);
        if (!t) {
            return KV_NULL;
        }
        for (int i = 0; i < c->count; i++) {
            KValue v = const_value(&c->items[i]);
            if (!v) {
                kval_decref(t);
                return KV_NULL;
            }
            ktuple_items(t)[i] = v;
        }
        if (c->kind == KF_CONST_TUPLE) {
            return t;
        }
        KValue fs = kfrozenset_new(t);
        kval_decref(t);
        return fs;
    }
    case KF_CONST_CODE:
        return kcode_from_kf(c->code);
    default:
        return kcode_scalar_const(c);
    }
}

static KValue interned(const char *s) {
    return kstr_intern_cstr(s ? s : "");
}

KValue kcode_from_kf(const KfCode *kc) {
    KCode *c = (KCode *)kobj_alloc(&kcode_type, sizeof(KCode));
    if (!c) {
        return kerr_no_memory();
    }
    c->ncode = kc->ncode;
    c->nconsts = kc->nconsts;
    c->nnames = kc->nnames;
    c->nlocalsplus = kc->nlocalsplus;
    c->argcount = kc->argcount;
    c->posonlyargcount = kc->posonlyargcount;
    c->kwonlyargcount = kc->kwonlyargcount;
    c->flags = kc->flags;
    c->stacksize = kc->stacksize;
    c->framesize = kc->nlocalsplus + kc->stacksize;
    c->firstlineno = kc->firstlineno;
    c->nexceptions = kc->nexceptions;
    c->code = kmem_dup_array(kc->code, (size_t)kc->ncode, sizeof(uint32_t));
    c->positions = kmem_dup_array(kc->positions, (size_t)kc->ncode, sizeof(KfPosition));
    c->exceptions = kmem_dup_array(kc->exceptions, (size_t)kc->nexceptions, sizeof(KfExceptEntry));
    c->localspluskinds = kmem_dup_array(kc->localspluskinds, (size_t)kc->nlocalsplus, 1);
    c->consts = kmem_zalloc((size_t)kc->nconsts * sizeof(KValue) + 1);
    c->names = kmem_zalloc((size_t)kc->nnames * sizeof(KValue) + 1);
    c->localsplusnames = ktuple_new(kc->nlocalsplus);
    c->name = interned(kc->name);
    c->qualname = interned(kc->qualname ? kc->qualname : kc->name);
    c->filename = kstr_from_cstr(kc->filename ? kc->filename : "<unknown>");
    if (!c->code || !c->positions || !c->exceptions || !c->localspluskinds || !c->consts ||
        !c->names || !c->localsplusnames || !c->name || !c->qualname || !c->filename) {
        kval_decref(kval_of(c));
        return kerr_occurred() ? KV_NULL : kerr_no_memory();
    }
    for (int i = 0; i < kc->nlocalsplus; i++) {
        KValue n = interned(kc->localsplus[i]);
        if (!n) {
            kval_decref(kval_of(c));
            return KV_NULL;
        }
        ktuple_items(c->localsplusnames)[i] = n;
        uint8_t k = kc->localspluskinds[i];
        if (k & KF_LOCAL_FREE) {
            c->nfree++;
        } else if (k & KF_LOCAL_CELL) {
            c->ncells++;
        }
    }
    c->has_cells = c->ncells + c->nfree > 0;
    // co_argcount counts positional-only parameters too (CPython's meaning);
    // a tree whose argcount leaves them out is recognised by the number of
    // argument slots it marks.
    int nargslots = 0;
    for (int i = 0; i < kc->nlocalsplus; i++) {
        nargslots += (kc->localspluskinds[i] & KF_LOCAL_ARG) != 0;
    }
    int extra = ((kc->flags & KF_CO_VARARGS) != 0) + ((kc->flags & KF_CO_VARKEYWORDS) != 0);
    if (c->posonlyargcount &&
        kc->argcount + kc->posonlyargcount + kc->kwonlyargcount + extra == nargslots) {
        c->argcount = kc->argcount + kc->posonlyargcount;
    }
    for (int i = 0; i < kc->nnames; i++) {
        if (!(c->names[i] = interned(kc->names[i]))) {
            kval_decref(kval_of(c));
            return KV_NULL;
        }
    }
    for (int i = 0; i < kc->nconsts; i++) {
        if (!(c->consts[i] = const_value(&kc->consts[i]))) {
            kval_decref(kval_of(c));
            return KV_NULL;
        }
    }
    return kval_of(c);
}

int kcode_line(const KCode *code, int lasti) {
    if (lasti < 0 || lasti >= code->ncode) {
        return code->firstlineno;
    }
    // Decoding the positions on first use fills a cache: 'code' is not changed.
    const KfPosition *positions = kcode_positions((KCode *)(uintptr_t)code);
    if (!positions) {
        return -1;
    }
    int line = positions[lasti].lineno;
    return line > 0 ? line : -1;
}

const KfExceptEntry *kcode_handler(const KCode *code, int lasti) {
    for (int i = 0; i < code->nexceptions; i++) {
        const KfExceptEntry *e = &code->exceptions[i];
        if (e->start <= lasti && lasti < e->end) {
            return e;
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// The type.

static void code_dealloc(KObject *o) {
    KCode *c = (KCode *)o;
    if (c->consts) {
        for (int i = 0; i < c->nconsts; i++) {
            kval_xdecref(c->consts[i]);
        }
    }
    if (c->names) {
        for (int i = 0; i < c->nnames; i++) {
            kval_xdecref(c->names[i]);
        }
    }
    kmem_free(c->consts);
    kmem_free(c->names);
    if (!c->code_in_image) {
        kmem_free(c->code);
    }
    kmem_free(c->positions);
    kmem_free(c->exceptions);
    if (!c->kinds_in_image) {
        kmem_free(c->localspluskinds);
    }
    kmem_free(c->caches);
    kval_xdecref(c->localsplusnames);
    kval_xdecref(c->name);
    kval_xdecref(c->qualname);
    kval_xdecref(c->filename);
    if (c->image) {
        kcode_image_decref(c->image);
    }
    kobj_free(o);
}

static KValue code_repr(KValue self) {
    KCode *c = (KCode *)self;
    return kstr_from_format("<code object %U at %p, file \"%U\", line %d>", c->name, (void *)self,
                            c->filename, c->firstlineno);
}

// A tuple of the localsplus names whose kind has 'mask' (and not 'without').
static KValue names_of_kind(KCode *c, int mask, int without) {
    if (kcode_ready(c) < 0) {
        return KV_NULL;
    }
    KValue l = klist_new(0);
    for (int i = 0; l && i < c->nlocalsplus; i++) {
        int k = c->localspluskinds[i];
        if ((k & mask) && !(k & without) && klist_append(l, ktuple_items(c->localsplusnames)[i]) < 0) {
            KVAL_CLEAR(l);
        }
    }
    if (!l) {
        return KV_NULL;
    }
    KValue t = klist_as_tuple(l);
    kval_decref(l);
    return t;
}

static KValue code_varnames(KValue self) {
    return names_of_kind((KCode *)self, KF_LOCAL, 0);
}
static KValue code_cellvars(KValue self) {
    return names_of_kind((KCode *)self, KF_LOCAL_CELL, 0);
}
static KValue code_freevars(KValue self) {
    return names_of_kind((KCode *)self, KF_LOCAL_FREE, 0);
}
static KValue code_names(KValue self) {
    KCode *c = (KCode *)self;
    if (kcode_ready(c) < 0) {
        return KV_NULL;
    }
    return ktuple_from_array(c->names, c->nnames);
}
static KValue code_consts(KValue self) {
    KCode *c = (KCode *)self;
    if (kcode_fill_consts(c) < 0) {
        return KV_NULL;
    }
    return ktuple_from_array(c->consts, c->nconsts);
}
static KValue code_nlocals(KValue self) {
    KValue t = code_varnames(self);
    if (!t) {
        return KV_NULL;
    }
    KValue n = kval_from_int(ktuple_len(t));
    kval_decref(t);
    return n;
}
static KValue code_get_name(KValue self) {
    return kval_newref(((KCode *)self)->name);
}
static KValue code_get_qualname(KValue self) {
    return kval_newref(((KCode *)self)->qualname);
}
static KValue code_get_filename(KValue self) {
    return kval_newref(((KCode *)self)->filename);
}
static KValue code_get_code(KValue self) {
    KCode *c = (KCode *)self;
    if (kcode_ready(c) < 0) {
        return KV_NULL;
    }
    return kbytes_from_data((const char *)c->code, (ssize_t)c->ncode * 4);
}

static const KGetSetDef code_getsets[] = {
    {"co_varnames", code_varnames, NULL, NULL},
    {"co_cellvars", code_cellvars, NULL, NULL},
    {"co_freevars", code_freevars, NULL, NULL},
    {"co_names", code_names, NULL, NULL},
    {"co_consts", code_consts, NULL, NULL},
    {"co_nlocals", code_nlocals, NULL, NULL},
    {"co_name", code_get_name, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMemberDef code_members[] = {
    {"co_argcount", KMEMBER_INT, offsetof(KCode, argcount), 1, NULL},
    {"co_posonlyargcount", KMEMBER_INT, offsetof(KCode, posonlyargcount), 1, NULL},
    {"co_kwonlyargcount", KMEMBER_INT, offsetof(KCode, kwonlyargcount), 1, NULL},
    {"co_flags", KMEMBER_INT, offsetof(KCode, flags), 1, NULL},
    {"co_stacksize", KMEMBER_INT, offsetof(KCode, stacksize), 1, NULL},
    {"co_firstlineno", KMEMBER_INT, offsetof(KCode, firstlineno), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KValue code_lines(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KCode *c = (KCode *)self;
    if (kcode_ready(c) < 0) {
        return KV_NULL;
    }
    KValue l = klist_new(0);
    const KfPosition *positions = kcode_positions(c);
    if (!positions) {
        kval_xdecref(l);
        return kerr_no_memory();
    }
    for (int i = 0; l && i < c->ncode; i++) {
        int line = positions[i].lineno;
        KValue t = ktuple_pack(3, kval_from_int(i * 2), kval_from_int(i * 2 + 2),
                               line > 0 ? kval_from_int(line) : KV_NONE);
        if (!t || klist_append(l, t) < 0) {
            KVAL_CLEAR(l);
        }
        kval_xdecref(t);
    }
    if (!l) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(l);
    kval_decref(l);
    return it;
}

static KValue code_positions(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KCode *c = (KCode *)self;
    if (kcode_ready(c) < 0) {
        return KV_NULL;
    }
    KValue l = klist_new(0);
    const KfPosition *positions = kcode_positions(c);
    if (!positions) {
        kval_xdecref(l);
        return kerr_no_memory();
    }
    for (int i = 0; l && i < c->ncode; i++) {
        const KfPosition *p = &positions[i];
        KValue t = ktuple_pack(4, p->lineno > 0 ? kval_from_int(p->lineno) : KV_NONE,
                               p->end_lineno > 0 ? kval_from_int(p->end_lineno) : KV_NONE,
                               p->col >= 0 ? kval_from_int(p->col) : KV_NONE,
                               p->end_col >= 0 ? kval_from_int(p->end_col) : KV_NONE);
        if (!t || klist_append(l, t) < 0) {
            KVAL_CLEAR(l);
        }
        kval_xdecref(t);
    }
    if (!l) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(l);
    kval_decref(l);
    return it;
}

static const KMethodDef code_methods[] = {
    {"co_lines", code_lines, KMETH_NOARGS, NULL},
    {"co_positions", code_positions, KMETH_NOARGS, NULL},
    {"replace", kcode_replace, KMETH_KW, "Return a copy of the code object with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

KType kcode_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "code",
    .basicsize = sizeof(KCode),
    .flags = KTF_WEAKREF,
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = kcode_hash,
    .richcompare = kcode_richcompare,
    .getsets = code_getsets,
    .members = code_members,
    .methods = code_methods,
    .doc = "code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,\n"
        "     flags, codestring, constants, names, varnames, filename, name,\n"
        "     qualname, firstlineno, linetable, exceptiontable, freevars=(),\n"
        "     cellvars=(), /)\n"
        "--\n"
        "\n"
        "Create a code object.  Not for the faint of heart.",
};
