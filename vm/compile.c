// vm/compile.c: compile(), exec() and eval(). Source text is turned into a
// code object through kcompile_hook, which the command line installs (the
// runtime core itself does not depend on the compiler).
#include "abstract.h"
#include "internal.h"
#include "bytes.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "frame.h"
#include "modules/_ast.h"
#include "func.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

KValue (*kcompile_hook)(KValue source, KValue filename, int mode, int optimize);

static int is_bytearray(KValue v) {
    return ktype_is_subtype(kval_type(v), &kbytearray_type);
}

static int is_source(KValue v) {
    return kstr_check(v) || kval_has_flag(v, KTF_BYTES_SUBCLASS) || is_bytearray(v);
}

// eval()'s source minus its leading spaces and tabs, which CPython drops so
// that an indented expression is no IndentationError. New reference.
static KValue strip_leading_blanks(KValue src) {
    ssize_t n, i = 0;
    if (kstr_check(src)) {
        KStr *s = (KStr *)src;
        while (i < s->len && (kstr_char(s, i) == ' ' || kstr_char(s, i) == '\t')) {
            i++;
        }
        return i ? kstr_substr(src, i, s->len) : kval_newref(src);
    }
    const char *p = kbytes_data(src, &n);
    while (i < n && (p[i] == ' ' || p[i] == '\t')) {
        i++;
    }
    return i ? kbytes_from_data(p + i, n - i) : kval_newref(src);
}

static int mode_of(KValue mode, int flags) {
    if (kstr_check(mode)) {
        if (kstr_eq_cstr(mode, "func_type")) {
            if (flags & KPYAST_CF_ONLY_AST) {
                return 3;
            }
            kerr_set(&kexc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
            return -1;
        }
        if (kstr_eq_cstr(mode, "exec")) {
            return 0;
        }
        if (kstr_eq_cstr(mode, "eval")) {
            return 1;
        }
        if (kstr_eq_cstr(mode, "single")) {
            return 2;
        }
    }
    kerr_set(&kexc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return -1;
}

// compile()'s flags CPython accepts: the CO_FUTURE_* bits, the obsolete
// CO_NESTED, PyCF_DONT_IMPLY_DEDENT, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS,
// PyCF_ALLOW_TOP_LEVEL_AWAIT and PyCF_ALLOW_INCOMPLETE_INPUT.
enum { KC_FLAGS_KNOWN = 0x1fe0000 | 0x0010 | 0x0200 | 0x0400 | 0x1000 | 0x2000 | 0x4000 };

// 'v' as a C int (compile()'s flags and optimize). -1 on error.
static int int_arg(KValue v, int *out) {
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    if (n > INT32_MAX || n < INT32_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

// Compiles 'source' (str, bytes or bytearray; the caller checked) to a code object.
static KValue compile_source(KValue source, KValue filename, int mode) {
    if (!kcompile_hook) {
        kerr_set(&kexc_SystemError, "no compiler available in this runtime");
        return KV_NULL;
    }
    if (!is_bytearray(source)) {
        return kcompile_hook(source, filename, mode, 0);
    }
    ssize_t n;
    const char *p = kbytes_data(source, &n);
    KValue copy = kbytes_from_data(p, n);
    KValue r = copy ? kcompile_hook(copy, filename, mode, 0) : KV_NULL;
    kval_xdecref(copy);
    return r;
}

KValue kbuiltin_compile(const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "_feature_version", NULL};
    KValue a[7];
    if (kargs_parse("compile", args, nargs, kwnames, kwlist, 3, 6, a) < 0) {
        return KV_NULL;
    }
    int flags = 0, optimize = -1;
    if ((a[3] && int_arg(a[3], &flags) < 0) || (a[5] && int_arg(a[5], &optimize) < 0)) {
        return KV_NULL;
    }
    if (flags & ~KC_FLAGS_KNOWN) {
        kerr_set(&kexc_ValueError, "compile(): unrecognised flags");
        return KV_NULL;
    }
    int mode = mode_of(a[2], flags);
    if (mode < 0) {
        return KV_NULL;
    }
    int is_ast = ktype_is_subtype(kval_type(a[0]), &kpyast_type);
    if (!is_ast && !is_source(a[0])) {
        kerr_set(&kexc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
        return KV_NULL;
    }
    KValue filename = kstr_check(a[1]) ? kval_newref(a[1]) : kobj_str(a[1]);
    if (!filename) {
        return KV_NULL;
    }
    KValue r = is_ast || (flags & KPYAST_CF_ONLY_AST)
                   ? kpyast_compile(a[0], filename, mode, flags, optimize)
                   : compile_source(a[0], filename, mode);
    kval_decref(filename);
    return r;
}

KValue kbuiltin_exec(const KValue *args, size_t nargs, KValue kwnames, int is_eval) {
    static const char *const kwlist[] = {"source", "globals", "locals", NULL};
    const char *name = is_eval ? "eval" : "exec";
    KValue a[3];
    if (kargs_parse(name, args, nargs, kwnames, kwlist, 1, 3, a) < 0) {
        return KV_NULL;
    }
    KValue globals = a[1] && a[1] != KV_NONE ? a[1] : KV_NULL;
    KValue locals = a[2] && a[2] != KV_NONE ? a[2] : KV_NULL;
    if (globals && !kdict_check(globals)) {
        if (!is_eval) {
            kerr_format(&kexc_TypeError, "exec() globals must be a dict, not %T", globals);
        } else if (kval_type(globals)->getitem) {
            kerr_set(&kexc_TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
        } else {
            kerr_set(&kexc_TypeError, "globals must be a dict");
        }
        return KV_NULL;
    }
    if (locals && !kval_type(locals)->getitem) {
        // CPython's PyMapping_Check: anything subscriptable passes.
        kerr_format(&kexc_TypeError, is_eval ? "locals must be a mapping"
                                             : "locals must be a mapping or None, not %T",
                    locals);
        return KV_NULL;
    }
    if (!globals) {
        globals = keval_globals();
        if (!locals) {
            locals = keval_locals();
            if (!locals) {
                KFrame *f = kstate_ts->frame;
                KValue fo = f ? kframe_object(f) : KV_NULL;
                locals = fo ? kobj_getattr_cstr(fo, "f_locals") : KV_NULL;
                kval_xdecref(fo);
                if (locals) {
                    kval_decref(locals); // the frame object's snapshot keeps it
                }
                kerr_clear();
            }
        }
        if (!globals) {
            kerr_set(&kexc_SystemError, "globals and locals cannot be NULL");
            return KV_NULL;
        }
    }
    if (!locals) {
        locals = globals;
    }
    if (!kdict_get_borrow(globals, KID(__builtins__)) &&
        kdict_set(globals, KID(__builtins__), kruntime.builtins_mod) < 0) {
        return KV_NULL;
    }
    KValue code;
    if (kcode_check(a[0])) {
        code = kval_newref(a[0]);
    } else {
        if (!is_source(a[0])) {
            kerr_format(&kexc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                        name);
            return KV_NULL;
        }
        KValue src = is_eval ? strip_leading_blanks(a[0]) : kval_newref(a[0]);
        KValue fname = src ? kstr_from_cstr("<string>") : KV_NULL;
        code = fname ? compile_source(src, fname, is_eval ? 1 : 0) : KV_NULL;
        kval_xdecref(fname);
        kval_xdecref(src);
        if (!code) {
            return KV_NULL;
        }
    }
    KValue r = keval_code(code, globals, locals);
    kval_decref(code);
    if (!r || is_eval) {
        return r;
    }
    kval_decref(r);
    return KV_NONE;
}

