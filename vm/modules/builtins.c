// vm/modules/builtins.c: the builtins module: the functions (print, len,
// isinstance, min/max/sum/sorted, getattr ..., __build_class__,
// __import__), the builtin types and exception classes bound to their
// names, and the constants.
#include <stdio.h>
#include "../internal.h"
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../code.h"
#include "../dict.h"
#include "../errors.h"
#include "../eval.h"
#include "../float.h"
#include "../func.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../set.h"
#include "../slice.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define BUILTIN(name) static KValue builtin_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)
#define UNUSED_SELF (void)self

int ksys_stream_write(KValue file, KValue text);

BUILTIN(print) {
    UNUSED_SELF;
    KValue sep = KV_NULL, end = KV_NULL, file = KV_NULL, flush = KV_NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            KValue k = ktuple_items(kwnames)[i], v = args[nargs + (size_t)i];
            if (kstr_eq_cstr(k, "sep")) {
                sep = v;
            } else if (kstr_eq_cstr(k, "end")) {
                end = v;
            } else if (kstr_eq_cstr(k, "file")) {
                file = v;
            } else if (kstr_eq_cstr(k, "flush")) {
                flush = v;
            } else {
                kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for print()", k);
                return KV_NULL;
            }
        }
    }
    if (sep == KV_NONE) {
        sep = KV_NULL;
    }
    if (end == KV_NONE) {
        end = KV_NULL;
    }
    if (sep && !kstr_check(sep)) {
        kerr_format(&kexc_TypeError, "sep must be None or a string, not %T", sep);
        return KV_NULL;
    }
    if (end && !kstr_check(end)) {
        kerr_format(&kexc_TypeError, "end must be None or a string, not %T", end);
        return KV_NULL;
    }
    if (!file || file == KV_NONE) {
        file = kdict_get_borrow(kruntime.sys_dict, KID(stdout));
        if (!file) {
            kerr_set(&kexc_RuntimeError, "lost sys.stdout");
            return KV_NULL;
        }
        if (file == KV_NONE) {
            return KV_NONE;
        }
    }
    kval_incref(file);
    for (size_t i = 0; i < nargs; i++) {
        // One write per separator, as CPython (a custom file sees ' ', not '' then ' ').
        if (i > 0 && sep && ksys_stream_write(file, sep) < 0) {
            goto error;
        }
        if (i > 0 && !sep) {
            KValue sp = kstr_from_char(' ');
            int r = sp ? ksys_stream_write(file, sp) : -1;
            kval_xdecref(sp);
            if (r < 0) {
                goto error;
            }
        }
        KValue s = kobj_str(args[i]);
        if (!s) {
            goto error;
        }
        int r = ksys_stream_write(file, s);
        kval_decref(s);
        if (r < 0) {
            goto error;
        }
    }
    if (end) {
        if (ksys_stream_write(file, end) < 0) {
            goto error;
        }
    } else {
        KValue nl = kstr_from_char('\n');
        int r = nl ? ksys_stream_write(file, nl) : -1;
        kval_xdecref(nl);
        if (r < 0) {
            goto error;
        }
    }
    if (flush) {
        int t = kobj_is_true(flush);
        if (t < 0) {
            goto error;
        }
        if (t) {
            KValue r = kobj_call_method(file, KID(flush), NULL, 0);
            if (!r) {
                goto error;
            }
            kval_decref(r);
        }
    }
    kval_decref(file);
    return KV_NONE;
error:
    kval_decref(file);
    return KV_NULL;
}

BUILTIN(len) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    ssize_t n = kobj_len(args[0]);
    return n < 0 ? KV_NULL : kint_from_i64(n);
}

BUILTIN(repr) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return kobj_repr(args[0]);
}

BUILTIN(ascii) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return kobj_ascii(args[0]);
}

BUILTIN(isinstance) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("isinstance", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    int r = kobj_isinstance(args[0], args[1]);
    return r < 0 ? KV_NULL : kbool_from(r);
}

BUILTIN(issubclass) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("issubclass", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    int r = kobj_issubclass(args[0], args[1]);
    return r < 0 ? KV_NULL : kbool_from(r);
}

BUILTIN(abs) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return knum_absolute(args[0]);
}

BUILTIN(hash) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    int64_t h = kobj_hash(args[0]);
    return h == -1 ? KV_NULL : kint_from_i64(h);
}

BUILTIN(id) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return kobj_id(args[0]);
}

BUILTIN(callable) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return kbool_from(kobj_is_callable(args[0]));
}

BUILTIN(chr) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    KValue i = knum_index(args[0]);
    if (!i) {
        return KV_NULL;
    }
    int overflow;
    int64_t c = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow || c < 0 || c > 0x10FFFF) {
        if (overflow || c > INT32_MAX || c < INT32_MIN) {
            kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        } else {
            kerr_set(&kexc_ValueError, "chr() arg not in range(0x110000)");
        }
        return KV_NULL;
    }
    return kstr_from_char((uint32_t)c);
}

BUILTIN(ord) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    KValue v = args[0];
    if (kstr_check(v)) {
        if (kstr_len(v) != 1) {
            kerr_format(&kexc_TypeError, "ord() expected a character, but string of length %zd found",
                        kstr_len(v));
            return KV_NULL;
        }
        return kval_from_int(kstr_char((KStr *)v, 0));
    }
    if (kbytes_check(v) || kval_type(v) == &kbytearray_type) {
        ssize_t n;
        const char *p = kbytes_data(v, &n);
        if (n != 1) {
            kerr_format(&kexc_TypeError, "ord() expected a character, but string of length %zd found", n);
            return KV_NULL;
        }
        return kval_from_int((unsigned char)p[0]);
    }
    kerr_format(&kexc_TypeError, "ord() expected string of length 1, but %s found",
                ktype_name(kval_type(v)));
    return KV_NULL;
}

BUILTIN(divmod) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("divmod", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    return knum_divmod(args[0], args[1]);
}

BUILTIN(pow) {
    UNUSED_SELF;
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    KValue a[3];
    if (kargs_parse("pow", args, nargs, kwnames, kwlist, 2, 3, a) < 0) {
        return KV_NULL;
    }
    return knum_power(a[0], a[1], a[2] ? a[2] : KV_NONE);
}

BUILTIN(round) {
    UNUSED_SELF;
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    KValue a[2];
    if (kargs_parse("round", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    int found;
    KValue r;
    if (!a[1] || a[1] == KV_NONE) {
        r = kobj_call_special(a[0], KID(__round__), NULL, 0, &found);
    } else {
        r = kobj_call_special(a[0], KID(__round__), &a[1], 1, &found);
    }
    if (!found && !r && !kerr_occurred()) {
        kerr_format(&kexc_TypeError, "type %s doesn't define __round__ method",
                    ktype_name(kval_type(a[0])));
    }
    return r;
}

// min() and max(): 'op' KF_CMP_LT for min, KF_CMP_GT for max.
static KValue min_max(const KValue *args, size_t nargs, KValue kwnames, int op) {
    const char *name = op == KF_CMP_LT ? "min" : "max";
    KValue key = KV_NULL, dflt = KV_NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            KValue k = ktuple_items(kwnames)[i];
            if (kstr_eq_cstr(k, "key")) {
                key = args[nargs + (size_t)i];
            } else if (kstr_eq_cstr(k, "default")) {
                dflt = args[nargs + (size_t)i];
            } else {
                kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                            name);
                return KV_NULL;
            }
        }
    }
    if (key == KV_NONE) {
        key = KV_NULL;
    }
    if (nargs == 0) {
        kerr_format(&kexc_TypeError, "%s expected at least 1 argument, got 0", name);
        return KV_NULL;
    }
    KValue it;
    if (nargs == 1) {
        it = kobj_get_iter(args[0]);
    } else {
        if (dflt) {
            kerr_format(&kexc_TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
            return KV_NULL;
        }
        KValue t = ktuple_from_array(args, (ssize_t)nargs);
        it = t ? kobj_get_iter(t) : KV_NULL;
        kval_xdecref(t);
    }
    if (!it) {
        return KV_NULL;
    }
    KValue best = KV_NULL, bestkey = KV_NULL, item;
    while ((item = kobj_iter_next(it))) {
        KValue k = key ? kobj_call1(key, item) : kval_newref(item);
        if (!k) {
            kval_decref(item);
            goto error;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = kobj_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            kval_decref(item);
            kval_decref(k);
            goto error;
        }
        if (c) {
            kval_decref(best);
            kval_decref(bestkey);
            best = item;
            bestkey = k;
        } else {
            kval_decref(item);
            kval_decref(k);
        }
    }
    if (kerr_occurred()) {
        goto error;
    }
    kval_decref(it);
    kval_xdecref(bestkey);
    if (!best) {
        if (dflt) {
            return kval_newref(dflt);
        }
        kerr_format(&kexc_ValueError, "%s() arg is an empty sequence", name);
        return KV_NULL;
    }
    return best;
error:
    kval_decref(it);
    kval_xdecref(best);
    kval_xdecref(bestkey);
    return KV_NULL;
}

BUILTIN(min) {
    UNUSED_SELF;
    return min_max(args, nargs, kwnames, KF_CMP_LT);
}

BUILTIN(max) {
    UNUSED_SELF;
    return min_max(args, nargs, kwnames, KF_CMP_GT);
}

BUILTIN(sum) {
    UNUSED_SELF;
    static const char *const kwlist[] = {"", "start", NULL};
    KValue a[2];
    if (kargs_parse("sum", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KValue result = a[1] ? a[1] : kval_from_int(0);
    if (kstr_check(result)) {
        kerr_set(&kexc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return KV_NULL;
    }
    if (kbytes_check(result)) {
        kerr_set(&kexc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        return KV_NULL;
    }
    if (kval_type(result) == &kbytearray_type) {
        kerr_set(&kexc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
        return KV_NULL;
    }
    KValue it = kobj_get_iter(a[0]);
    if (!it) {
        return KV_NULL;
    }
    kval_incref(result);
    KValue item;
    // Fast paths: tagged ints, then floats (with Neumaier-free plain sum as CPython).
    while ((item = kobj_iter_next(it))) {
        KValue r;
        if (kval_is_int(result) && kval_is_int(item)) {
            r = kint_from_i64((int64_t)kval_int(result) + kval_int(item));
        } else if (kval_type(result) == &kfloat_type && kval_type(item) == &kfloat_type) {
            r = kfloat_new(kfloat_value(result) + kfloat_value(item));
        } else {
            r = knum_binop(result, item, KF_BINOP_ADD);
        }
        kval_decref(item);
        kval_decref(result);
        if (!r) {
            kval_decref(it);
            return KV_NULL;
        }
        result = r;
    }
    kval_decref(it);
    if (kerr_occurred()) {
        kval_decref(result);
        return KV_NULL;
    }
    return result;
}

BUILTIN(sorted) {
    UNUSED_SELF;
    if (nargs != 1) {
        kerr_format(&kexc_TypeError, "sorted expected 1 argument, got %zu", nargs);
        return KV_NULL;
    }
    static const char *const kwlist[] = {"", "key", "reverse", NULL};
    KValue a[3];
    if (kargs_parse("sorted", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    KValue l = klist_from_iterable(a[0]);
    if (!l) {
        return KV_NULL;
    }
    int reverse = 0;
    if (a[2]) {
        reverse = kobj_is_true(a[2]);
        if (reverse < 0) {
            kval_decref(l);
            return KV_NULL;
        }
    }
    if (klist_sort(l, a[1] && a[1] != KV_NONE ? a[1] : KV_NULL, reverse) < 0) {
        kval_decref(l);
        return KV_NULL;
    }
    return l;
}

BUILTIN(any) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int t = kobj_is_true(item);
        kval_decref(item);
        if (t != 0) {
            kval_decref(it);
            return t < 0 ? KV_NULL : KV_TRUE;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : KV_FALSE;
}

BUILTIN(all) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int t = kobj_is_true(item);
        kval_decref(item);
        if (t <= 0) {
            kval_decref(it);
            return t < 0 ? KV_NULL : KV_FALSE;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : KV_TRUE;
}

KValue kcallable_iter_new(KValue callable, KValue sentinel);

BUILTIN(iter) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("iter", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    if (nargs == 1) {
        return kobj_get_iter(args[0]);
    }
    if (!kobj_is_callable(args[0])) {
        kerr_set(&kexc_TypeError, "iter(v, w): v must be callable");
        return KV_NULL;
    }
    return kcallable_iter_new(args[0], args[1]);
}

BUILTIN(next) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("next", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue it = args[0];
    KType *t = kval_type(it);
    if (!t->iternext) {
        kerr_format(&kexc_TypeError, "'%s' object is not an iterator", ktype_name(t));
        return KV_NULL;
    }
    KValue r = t->iternext(it);
    if (r) {
        return r;
    }
    if (kerr_occurred()) {
        if (nargs < 2 || !kerr_matches(&kexc_StopIteration)) {
            return KV_NULL;
        }
        kerr_clear();
    }
    if (nargs > 1) {
        return kval_newref(args[1]);
    }
    kerr_set_value(&kexc_StopIteration, KV_NULL);
    return KV_NULL;
}

BUILTIN(getattr) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("getattr", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[1])) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", args[1]);
        return KV_NULL;
    }
    if (nargs == 3) {
        KValue r;
        int found = kobj_lookup_attr(args[0], args[1], &r);
        if (found < 0) {
            return KV_NULL;
        }
        return found ? r : kval_newref(args[2]);
    }
    return kobj_getattr(args[0], args[1]);
}

BUILTIN(hasattr) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("hasattr", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[1])) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", args[1]);
        return KV_NULL;
    }
    KValue r;
    int found = kobj_lookup_attr(args[0], args[1], &r);
    if (found < 0) {
        return KV_NULL;
    }
    if (found) {
        kval_decref(r);
    }
    return kbool_from(found);
}

BUILTIN(setattr) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("setattr", nargs, 3, 3) < 0) {
        return KV_NULL;
    }
    return kobj_setattr(args[0], args[1], args[2]) < 0 ? KV_NULL : KV_NONE;
}

BUILTIN(delattr) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("delattr", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    return kobj_delattr(args[0], args[1]) < 0 ? KV_NULL : KV_NONE;
}

BUILTIN(globals) {
    UNUSED_SELF, (void)args, (void)nargs, (void)kwnames;
    KValue g = keval_globals();
    return g ? kval_newref(g) : kdict_new();
}

KValue kframe_locals(KFrame *f);

BUILTIN(locals) {
    UNUSED_SELF, (void)args, (void)nargs, (void)kwnames;
    KFrame *f = kstate_ts->frame;
    if (!f) {
        return kdict_new();
    }
    KValue fo = kframe_object(f);
    if (!fo) {
        return KV_NULL;
    }
    KValue r = kobj_getattr_cstr(fo, "f_locals");
    kval_decref(fo);
    return r;
}

BUILTIN(vars) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("vars", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs == 0) {
        return builtin_locals(self, args, 0, KV_NULL);
    }
    KValue d;
    int r = kobj_lookup_attr(args[0], KID(__dict__), &d);
    if (r < 0) {
        return KV_NULL;
    }
    if (!r) {
        kerr_set(&kexc_TypeError, "vars() argument must have __dict__ attribute");
        return KV_NULL;
    }
    return d;
}

BUILTIN(dir) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("dir", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs == 0) {
        KValue l = builtin_locals(self, args, 0, KV_NULL);
        if (!l) {
            return KV_NULL;
        }
        KValue keys = kdict_check(l) ? kdict_keys_list(l) : klist_from_iterable(l);
        kval_decref(l);
        if (keys && klist_sort(keys, KV_NULL, 0) < 0) {
            KVAL_CLEAR(keys);
        }
        return keys;
    }
    return kobj_dir(args[0]);
}

BUILTIN(format) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("format", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    if (nargs > 1 && !kstr_check(args[1])) {
        kerr_format(&kexc_TypeError, "format() argument 2 must be str, not %T", args[1]);
        return KV_NULL;
    }
    return kobj_format(args[0], nargs > 1 ? args[1] : kstr_ids.empty);
}

static KValue int_base_format(KValue v, int base) {
    KValue i = knum_index(v);
    if (!i) {
        return KV_NULL;
    }
    KValue r = kint_format_base(i, base, 1);
    kval_decref(i);
    return r;
}

BUILTIN(bin) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return int_base_format(args[0], 2);
}

BUILTIN(oct) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return int_base_format(args[0], 8);
}

BUILTIN(hex) {
    UNUSED_SELF, (void)nargs, (void)kwnames;
    return int_base_format(args[0], 16);
}

BUILTIN(input) {
    UNUSED_SELF, (void)kwnames;
    if (kargs_count("input", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KValue out = kdict_get_borrow(kruntime.sys_dict, KID(stdout));
    if (nargs == 1 && out) {
        KValue s = kobj_str(args[0]);
        if (!s || ksys_stream_write(out, s) < 0) {
            kval_xdecref(s);
            return KV_NULL;
        }
        kval_decref(s);
    }
    if (out) {
        KValue r = kobj_call_method(out, KID(flush), NULL, 0);
        if (!r) {
            return KV_NULL;
        }
        kval_decref(r);
    }
    KValue in = kdict_get_borrow(kruntime.sys_dict, KID(stdin));
    if (!in || in == KV_NONE) {
        kerr_set(&kexc_RuntimeError, "input(): lost sys.stdin");
        return KV_NULL;
    }
    KValue line = kobj_call_method(in, kstr_intern_cstr("readline"), NULL, 0);
    if (!line) {
        return KV_NULL;
    }
    if (!kstr_check(line)) {
        kval_decref(line);
        kerr_set(&kexc_TypeError, "object.readline() returned non-string");
        return KV_NULL;
    }
    ssize_t n = kstr_len(line);
    if (n == 0) {
        kval_decref(line);
        kerr_set(&kexc_EOFError, "EOF when reading a line");
        return KV_NULL;
    }
    if (kstr_char((KStr *)line, n - 1) == '\n') {
        KValue t = kstr_substr(line, 0, n - 1);
        kval_decref(line);
        return t;
    }
    return line;
}

// __build_class__(func, name, *bases, metaclass=None, **kwds)
BUILTIN(build_class) {
    UNUSED_SELF;
    if (nargs < 2) {
        kerr_set(&kexc_TypeError, "__build_class__: not enough arguments");
        return KV_NULL;
    }
    KValue func = args[0], name = args[1];
    if (kval_type(func) != &kfunction_type) {
        kerr_set(&kexc_TypeError, "__build_class__: func must be a function");
        return KV_NULL;
    }
    if (!kstr_check(name)) {
        kerr_set(&kexc_TypeError, "__build_class__: name is not a string");
        return KV_NULL;
    }
    KValue orig_bases = ktuple_from_array(args + 2, (ssize_t)nargs - 2);
    KValue bases = KV_NULL, meta = KV_NULL, kwds = KV_NULL, ns = KV_NULL, cls = KV_NULL;
    if (!orig_bases) {
        return KV_NULL;
    }
    // PEP 560: __mro_entries__.
    bases = kval_newref(orig_bases);
    {
        KValue l = KV_NULL;
        for (ssize_t i = 0; i < ktuple_len(orig_bases); i++) {
            KValue b = ktuple_items(orig_bases)[i];
            KValue me;
            if (ktype_check(b)) {
                if (l && klist_append(l, b) < 0) {
                    goto error;
                }
                continue;
            }
            int r = kobj_lookup_attr(b, KID(__mro_entries__), &me);
            if (r < 0) {
                goto error;
            }
            if (!r) {
                if (l && klist_append(l, b) < 0) {
                    goto error;
                }
                continue;
            }
            if (!l) {
                l = klist_from_array(ktuple_items(orig_bases), i);
                if (!l) {
                    kval_decref(me);
                    goto error;
                }
            }
            KValue entries = kobj_call1(me, orig_bases);
            kval_decref(me);
            if (!entries) {
                kval_decref(l);
                goto error;
            }
            if (!ktuple_check(entries)) {
                kval_decref(entries);
                kval_decref(l);
                kerr_set(&kexc_TypeError, "__mro_entries__ must return a tuple");
                goto error;
            }
            int rr = klist_extend(l, entries);
            kval_decref(entries);
            if (rr < 0) {
                kval_decref(l);
                goto error;
            }
        }
        if (l) {
            kval_decref(bases);
            bases = klist_as_tuple(l);
            kval_decref(l);
            if (!bases) {
                goto error;
            }
        }
    }
    kwds = kdict_new();
    if (!kwds) {
        goto error;
    }
    if (kwnames) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            KValue k = ktuple_items(kwnames)[i], v = args[nargs + (size_t)i];
            if (kstr_eq_cstr(k, "metaclass")) {
                meta = kval_newref(v);
            } else if (kdict_set(kwds, k, v) < 0) {
                goto error;
            }
        }
    }
    int is_class = 0;
    if (!meta) {
        meta = ktuple_len(bases) == 0 ? kval_newref(kval_of(&ktype_type))
                                      : kval_newref(kval_of(kval_type(ktuple_items(bases)[0])));
        is_class = 1;
    } else {
        is_class = ktype_check(meta);
    }
    if (is_class) {
        // The most derived metaclass.
        KType *winner = (KType *)meta;
        for (ssize_t i = 0; i < ktuple_len(bases); i++) {
            KType *t = kval_type(ktuple_items(bases)[i]);
            if (ktype_is_subtype(winner, t)) {
                continue;
            }
            if (ktype_is_subtype(t, winner)) {
                winner = t;
                continue;
            }
            kerr_set(&kexc_TypeError,
                     "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                     "subclass of the metaclasses of all its bases");
            goto error;
        }
        kval_setref(&meta, kval_newref(kval_of(winner)));
    }
    KValue prep;
    int r = kobj_lookup_attr(meta, KID(__prepare__), &prep);
    if (r < 0) {
        goto error;
    }
    if (r) {
        KValue pargs[2] = {name, bases};
        KValue kwt = KV_NULL;
        ns = kobj_call_tuple(prep, (kwt = ktuple_pack(2, name, bases)), kwds);
        (void)pargs;
        kval_xdecref(kwt);
        kval_decref(prep);
        if (!ns) {
            goto error;
        }
    } else {
        ns = kdict_new();
        if (!ns) {
            goto error;
        }
    }
    if (!kval_type(ns)->getitem) {
        kerr_format(&kexc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                    ktype_check(meta) ? ktype_name((KType *)meta) : "<metaclass>", ns);
        goto error;
    }
    KValue cell = keval_call_with_locals(func, ns);
    if (!cell) {
        goto error;
    }
    if (bases != orig_bases && kobj_setitem(ns, kstr_intern_cstr("__orig_bases__"), orig_bases) < 0) {
        kval_decref(cell);
        goto error;
    }
    {
        KValue margs[3] = {name, bases, ns};
        KValue kt = ktuple_from_array(margs, 3);
        cls = kt ? kobj_call_tuple(meta, kt, kwds) : KV_NULL;
        kval_xdecref(kt);
    }
    if (cls && kval_type(cell) == &kcell_type) {
        KValue cv = ((KCell *)cell)->ref;
        if (cv != cls) {
            if (!cv) {
                kerr_format(&kexc_RuntimeError,
                            "__class__ not set defining %R as %R. Was __classcell__ propagated to "
                            "type.__new__?",
                            name, cls);
            } else {
                kerr_format(&kexc_TypeError, "__class__ set to %R defining %R as %R", cv, name, cls);
            }
            KVAL_CLEAR(cls);
        }
    }
    kval_decref(cell);
error:
    kval_xdecref(orig_bases);
    kval_xdecref(bases);
    kval_xdecref(meta);
    kval_xdecref(kwds);
    kval_xdecref(ns);
    return cls;
}

KValue kimport_module(KValue name, KValue globals, KValue fromlist, int level);

BUILTIN(import) {
    UNUSED_SELF;
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    KValue a[5];
    if (kargs_parse("__import__", args, nargs, kwnames, kwlist, 1, 5, a) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "module name must be str, not %T", a[0]);
        return KV_NULL;
    }
    int level = 0;
    if (a[4]) {
        ssize_t l = knum_as_ssize(a[4], &kexc_OverflowError);
        if (l == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (l < 0) {
            kerr_set(&kexc_ValueError, "level must be >= 0");
            return KV_NULL;
        }
        level = (int)l;
    }
    return kimport_module(a[0], a[1] && a[1] != KV_NONE ? a[1] : KV_NULL,
                          a[3] && a[3] != KV_NONE ? a[3] : KV_NULL, level);
}

KValue kbuiltin_compile(const KValue *args, size_t nargs, KValue kwnames);
KValue kbuiltin_exec(const KValue *args, size_t nargs, KValue kwnames, int is_eval);

BUILTIN(compile) {
    UNUSED_SELF;
    return kbuiltin_compile(args, nargs, kwnames);
}

BUILTIN(exec) {
    UNUSED_SELF;
    return kbuiltin_exec(args, nargs, kwnames, 0);
}

BUILTIN(eval) {
    UNUSED_SELF;
    return kbuiltin_exec(args, nargs, kwnames, 1);
}

KValue kio_open(const KValue *args, size_t nargs, KValue kwnames);

BUILTIN(open) {
    UNUSED_SELF;
    return kio_open(args, nargs, kwnames);
}

static const KMethodDef builtin_methods[] = {
    {"print", builtin_print, KMETH_KW, "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"len", builtin_len, KMETH_O, "Return the number of items in a container."},
    {"repr", builtin_repr, KMETH_O, NULL},
    {"ascii", builtin_ascii, KMETH_O, NULL},
    {"isinstance", builtin_isinstance, KMETH_FAST, NULL},
    {"issubclass", builtin_issubclass, KMETH_FAST, NULL},
    {"abs", builtin_abs, KMETH_O, NULL},
    {"hash", builtin_hash, KMETH_O, NULL},
    {"id", builtin_id, KMETH_O, NULL},
    {"callable", builtin_callable, KMETH_O, NULL},
    {"chr", builtin_chr, KMETH_O, NULL},
    {"ord", builtin_ord, KMETH_O, NULL},
    {"divmod", builtin_divmod, KMETH_FAST, NULL},
    {"pow", builtin_pow, KMETH_KW, NULL},
    {"round", builtin_round, KMETH_KW, NULL},
    {"min", builtin_min, KMETH_KW, NULL},
    {"max", builtin_max, KMETH_KW, NULL},
    {"sum", builtin_sum, KMETH_KW, NULL},
    {"sorted", builtin_sorted, KMETH_KW, NULL},
    {"any", builtin_any, KMETH_O, NULL},
    {"all", builtin_all, KMETH_O, NULL},
    {"iter", builtin_iter, KMETH_FAST, NULL},
    {"next", builtin_next, KMETH_FAST, NULL},
    {"getattr", builtin_getattr, KMETH_FAST, NULL},
    {"hasattr", builtin_hasattr, KMETH_FAST, NULL},
    {"setattr", builtin_setattr, KMETH_FAST, NULL},
    {"delattr", builtin_delattr, KMETH_FAST, NULL},
    {"globals", builtin_globals, KMETH_NOARGS, NULL},
    {"locals", builtin_locals, KMETH_NOARGS, NULL},
    {"vars", builtin_vars, KMETH_FAST, NULL},
    {"dir", builtin_dir, KMETH_FAST, NULL},
    {"format", builtin_format, KMETH_FAST, NULL},
    {"bin", builtin_bin, KMETH_O, NULL},
    {"oct", builtin_oct, KMETH_O, NULL},
    {"hex", builtin_hex, KMETH_O, NULL},
    {"input", builtin_input, KMETH_FAST, NULL},
    {"__build_class__", builtin_build_class, KMETH_KW, NULL},
    {"__import__", builtin_import, KMETH_KW, NULL},
    {"compile", builtin_compile, KMETH_KW, NULL},
    {"exec", builtin_exec, KMETH_KW, NULL},
    {"eval", builtin_eval, KMETH_KW, NULL},
    {"open", builtin_open, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

extern KType kenumerate_type, kzip_type, kmap_type, kfilter_type, kreversed_type;

// The builtins that are not functions, in builtins.__dict__'s order.
#define BUILTIN_VALUES(X)                                                                          \
    X(None, KV_NONE) X(Ellipsis, KV_ELLIPSIS) X(NotImplemented, KV_NOTIMPL) X(True, KV_TRUE)       \
    X(False, KV_FALSE) X(__debug__, KV_TRUE) X(object, kval_of(&kobject_type))                     \
    X(type, kval_of(&ktype_type)) X(int, kval_of(&kint_type)) X(bool, kval_of(&kbool_type))        \
    X(float, kval_of(&kfloat_type)) X(complex, kval_of(&kcomplex_type))                            \
    X(str, kval_of(&kstr_type)) X(bytes, kval_of(&kbytes_type))                                    \
    X(bytearray, kval_of(&kbytearray_type)) X(memoryview, kval_of(&kmemoryview_type))              \
    X(tuple, kval_of(&ktuple_type)) X(list, kval_of(&klist_type)) X(dict, kval_of(&kdict_type))    \
    X(set, kval_of(&kset_type)) X(frozenset, kval_of(&kfrozenset_type))                            \
    X(range, kval_of(&krange_type)) X(slice, kval_of(&kslice_type))                                \
    X(property, kval_of(&kproperty_type)) X(staticmethod, kval_of(&kstaticmethod_type))            \
    X(classmethod, kval_of(&kclassmethod_type)) X(super, kval_of(&ksuper_type))                    \
    X(enumerate, kval_of(&kenumerate_type)) X(zip, kval_of(&kzip_type))                            \
    X(map, kval_of(&kmap_type)) X(filter, kval_of(&kfilter_type))                                  \
    X(reversed, kval_of(&kreversed_type))

// Their names, the exceptions' and two aliases of OSError, as static strings.
#define VALUE_NAME(name, value) KSTR_STATIC_ASCII(#name),
#define EXC_NAME(ename, ebase, layout, edoc) KSTR_STATIC_ASCII(#ename),
static KStr value_names[] = {
    BUILTIN_VALUES(VALUE_NAME) KEXC_TYPES(EXC_NAME) KSTR_STATIC_ASCII("EnvironmentError"),
    KSTR_STATIC_ASCII("IOError"),
};
#undef VALUE_NAME
#undef EXC_NAME

KValue kmod_builtins_create(void) {
    KValue m = kmod_new("builtins");
    if (!m || kmod_add_functions(m, builtin_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
#define VALUE_OF(name, value) value,
#define EXC_OF(ename, ebase, layout, edoc) kval_of(&kexc_##ename),
    const KValue values[] = {BUILTIN_VALUES(VALUE_OF) KEXC_TYPES(EXC_OF) kval_of(&kexc_OSError),
                             kval_of(&kexc_OSError)};
#undef VALUE_OF
#undef EXC_OF
    _Static_assert(sizeof values / sizeof values[0] == sizeof value_names / sizeof value_names[0],
                   "one name per value");
    size_t count = sizeof values / sizeof values[0];
    KValue dict = kmod_dict_borrow(m);
    if (kdict_reserve(dict, (ssize_t)count) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    for (size_t i = 0; i < count; i++) {
        if (kdict_set(dict, kstr_intern_static(&value_names[i]), values[i]) < 0) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    return m;
}
