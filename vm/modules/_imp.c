// vm/modules/_imp.c: the _imp module importlib is built on (importlib's
// __init__ hands it to _bootstrap._setup): which modules are builtin and
// how to make one, the import lock of a runtime with one thread, pyc
// source hashes (CPython's keyed SipHash-1-3, so importlib reads and
// writes hash-based pycs as CPython does), co_filename fix-ups. krait has
// no frozen modules and loads no C extensions: the frozen queries answer
// "not frozen" and extension_suffixes() is empty, so importlib's finders
// never offer a .so.
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../code.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static int lock_count; // acquire_lock() calls not yet released

// 1 for a builtin module that can be (re)created, -1 for sys and builtins
// (which cannot), 0 for others.
static int builtin_kind(KValue name) {
    if (kstr_eq_cstr(name, "sys") || kstr_eq_cstr(name, "builtins")) {
        return -1;
    }
    return kimport_is_builtin(name);
}

static int str_arg(const char *fname, KValue v) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument must be str, not %T", fname, v);
        return -1;
    }
    return 0;
}

// is_builtin(name)
METHOD(imp_is_builtin) {
    (void)self, (void)nargs, (void)kw;
    if (str_arg("is_builtin", args[0]) < 0) {
        return KV_NULL;
    }
    int k = builtin_kind(args[0]);
    return kint_from_i64(k);
}

// create_builtin(spec): the builtin module named spec.name, made on first
// use (sys.modules keeps it); None when there is no such builtin.
METHOD(imp_create_builtin) {
    (void)self, (void)nargs, (void)kw;
    KValue name = kobj_getattr(args[0], KID(name));
    if (!name) {
        return KV_NULL;
    }
    if (!kstr_check(name)) {
        kerr_format(&kexc_TypeError, "name must be string, not %T", name);
        kval_decref(name);
        return KV_NULL;
    }
    KValue r = kdict_get_borrow(kruntime.modules, name);
    if (r) {
        r = kval_newref(r);
    } else {
        int k = builtin_kind(name);
        r = k ? kimport_module(name, KV_NULL, KV_NULL, 0) : kval_newref(KV_NONE);
    }
    kval_decref(name);
    return r;
}

// exec_builtin(mod): krait's builtin modules are complete when made.
METHOD(imp_exec_builtin) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kint_from_i64(0);
}

// is_frozen(name), is_frozen_package(name), find_frozen(name): krait
// freezes nothing.
METHOD(imp_is_frozen) {
    (void)self, (void)nargs, (void)kw;
    return str_arg("is_frozen", args[0]) < 0 ? KV_NULL : kval_newref(KV_FALSE);
}

static KValue not_frozen(KValue name) {
    kerr_format(&kexc_ImportError, "No such frozen object named %R", name);
    return KV_NULL;
}

METHOD(imp_is_frozen_package) {
    (void)self, (void)nargs, (void)kw;
    return str_arg("is_frozen_package", args[0]) < 0 ? KV_NULL : not_frozen(args[0]);
}

METHOD(imp_get_frozen_object) {
    (void)self, (void)kw;
    if (kargs_count("get_frozen_object", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    return str_arg("get_frozen_object", args[0]) < 0 ? KV_NULL : not_frozen(args[0]);
}

METHOD(imp_init_frozen) {
    (void)self, (void)nargs, (void)kw;
    return str_arg("init_frozen", args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(imp_find_frozen) {
    (void)self, (void)kw;
    static const char *const kwlist[] = {"", "withdata", NULL};
    KValue a[2];
    if (kargs_unpack("find_frozen", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return str_arg("find_frozen", a[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(imp_frozen_module_names) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return ktuple_new(0);
}

METHOD(imp_override_frozen) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_NONE);
}

METHOD(imp_extension_suffixes) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return klist_new(0);
}

// create_dynamic(spec, file=None): no C extensions in krait.
METHOD(imp_create_dynamic) {
    (void)self, (void)kw;
    if (kargs_count("create_dynamic", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue name = kobj_getattr(args[0], KID(name));
    if (name) {
        kerr_format(&kexc_ImportError, "krait cannot load the extension module %R", name);
        kval_decref(name);
    }
    return KV_NULL;
}

METHOD(imp_exec_dynamic) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kint_from_i64(0);
}

// The import lock: re-entrant, and with one thread never contended.
METHOD(imp_acquire_lock) {
    (void)self, (void)args, (void)nargs, (void)kw;
    lock_count++;
    return kval_newref(KV_NONE);
}

METHOD(imp_release_lock) {
    (void)self, (void)args, (void)nargs, (void)kw;
    if (lock_count == 0) {
        kerr_set(&kexc_RuntimeError, "not holding the import lock");
        return KV_NULL;
    }
    lock_count--;
    return kval_newref(KV_NONE);
}

METHOD(imp_lock_held) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_newref(lock_count ? KV_TRUE : KV_FALSE);
}

// Sets co_filename to 'path' in 'c' and its nested code objects that still
// carry 'old' (CPython's update_compiled_module).
static int fix_filename(KCode *c, KValue old, KValue path) {
    if (!kstr_eq(c->filename, old)) {
        return 0;
    }
    kval_setref(&c->filename, kval_newref(path));
    if (kcode_fill_consts(c) < 0) {
        return -1;
    }
    for (int i = 0; i < c->nconsts; i++) {
        if (kcode_check(c->consts[i]) && fix_filename((KCode *)c->consts[i], old, path) < 0) {
            return -1;
        }
    }
    return 0;
}

METHOD(imp_fix_co_filename) {
    (void)self, (void)kw;
    if (kargs_count("_fix_co_filename", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kcode_check(args[0])) {
        kerr_format(&kexc_TypeError, "_fix_co_filename() argument 1 must be code, not %T",
                    args[0]);
        return KV_NULL;
    }
    if (str_arg("_fix_co_filename", args[1]) < 0) {
        return KV_NULL;
    }
    KCode *c = (KCode *)args[0];
    if (kstr_eq(c->filename, args[1])) {
        return kval_newref(KV_NONE);
    }
    KValue old = kval_newref(c->filename);
    int r = fix_filename(c, old, args[1]);
    kval_decref(old);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// source_hash: SipHash-1-3 keyed with (key, 0), CPython's _Py_KeyedHash.

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

static void sip_round(uint64_t v[4]) {
    v[0] += v[1];
    v[1] = ROTL(v[1], 13);
    v[1] ^= v[0];
    v[0] = ROTL(v[0], 32);
    v[2] += v[3];
    v[3] = ROTL(v[3], 16);
    v[3] ^= v[2];
    v[0] += v[3];
    v[3] = ROTL(v[3], 21);
    v[3] ^= v[0];
    v[2] += v[1];
    v[1] = ROTL(v[1], 17);
    v[1] ^= v[2];
    v[2] = ROTL(v[2], 32);
}

static uint64_t load_le64(const unsigned char *p, size_t n) {
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++) {
        m |= (uint64_t)p[i] << (8 * i);
    }
    return m;
}

static uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char *p, size_t len) {
    uint64_t v[4] = {k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
                     k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    size_t whole = len & ~(size_t)7;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t m = load_le64(p + i, 8);
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    uint64_t last = ((uint64_t)len << 56) | load_le64(p + whole, len - whole);
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int i = 0; i < 3; i++) {
        sip_round(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

// source_hash(key, source)
METHOD(imp_source_hash) {
    (void)self;
    static const char *const kwlist[] = {"key", "source", NULL};
    KValue a[2];
    if (kargs_unpack("source_hash", args, nargs, kw, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    int overflow;
    int64_t key = kint_check(a[0]) ? kint_as_i64_overflow(a[0], &overflow) : 0;
    if (!kint_check(a[0])) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
        return KV_NULL;
    }
    if (overflow) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
        return KV_NULL;
    }
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(a[1], &data, &len) < 0) {
        return KV_NULL;
    }
    uint64_t h = siphash13((uint64_t)key, 0, (const unsigned char *)data, (size_t)len);
    unsigned char out[8];
    for (int i = 0; i < 8; i++) {
        out[i] = (unsigned char)(h >> (8 * i));
    }
    return kbytes_from_data((const char *)out, 8);
}

static const KMethodDef imp_functions[] = {
    {"is_builtin", imp_is_builtin, KMETH_O, NULL},
    {"create_builtin", imp_create_builtin, KMETH_O, NULL},
    {"exec_builtin", imp_exec_builtin, KMETH_O, NULL},
    {"is_frozen", imp_is_frozen, KMETH_O, NULL},
    {"is_frozen_package", imp_is_frozen_package, KMETH_O, NULL},
    {"get_frozen_object", imp_get_frozen_object, KMETH_FAST, NULL},
    {"init_frozen", imp_init_frozen, KMETH_O, NULL},
    {"find_frozen", imp_find_frozen, KMETH_KW, NULL},
    {"_frozen_module_names", imp_frozen_module_names, KMETH_NOARGS, NULL},
    {"_override_frozen_modules_for_tests", imp_override_frozen, KMETH_O, NULL},
    {"extension_suffixes", imp_extension_suffixes, KMETH_NOARGS, NULL},
    {"create_dynamic", imp_create_dynamic, KMETH_FAST, NULL},
    {"exec_dynamic", imp_exec_dynamic, KMETH_O, NULL},
    {"acquire_lock", imp_acquire_lock, KMETH_NOARGS, NULL},
    {"release_lock", imp_release_lock, KMETH_NOARGS, NULL},
    {"lock_held", imp_lock_held, KMETH_NOARGS, NULL},
    {"_fix_co_filename", imp_fix_co_filename, KMETH_FAST, NULL},
    {"source_hash", imp_source_hash, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_imp_create(void) {
    KValue m = kmod_new("_imp");
    KValue mode = m ? kstr_from_cstr("default") : KV_NULL;
    if (!mode || kmod_add_functions(m, imp_functions) < 0 ||
        kmod_add(m, "check_hash_based_pycs", mode) < 0) {
        kval_xdecref(mode);
        kval_xdecref(m);
        return KV_NULL;
    }
    kval_decref(mode);
    return m;
}
