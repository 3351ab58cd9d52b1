// vm/modules/sys.c: the sys module, and sys.stdin/stdout/stderr, _io text
// streams over fds 0/1/2 (UTF-8, buffered; stdout line-buffered on a
// terminal, stderr line-buffered, both written through under -u).
#include <errno.h>
#include "../internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../frame.h"
#include "../func.h"
#include "../gc.h"
#include "../gen.h"
#include "../int.h"
#include "../list.h"
#include "../float.h"
#include "../gil.h"
#include "../mem.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "_io.h"
#include "sys_flags.h"

// ---------------------------------------------------------------------------
// Streams: sys.stdin/stdout/stderr are _io.TextIOWrapper objects over
// BufferedReader/BufferedWriter over FileIO for fds 0/1/2, as CPython's.
// print() writes through kio_text_write_fast, which skips the method call
// for them (and for any exact TextIOWrapper over an _io buffered stream).

static KValue stream_objects[3];

int ksys_stream_write(KValue file, KValue text) {
    int fast = kio_text_write_fast(file, text);
    if (fast != 0) {
        return fast < 0 ? -1 : 0;
    }
    KValue r = kobj_call_method(file, KID(write), &text, 1);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

int ksys_write(KValue stream_name, KValue text) {
    KValue f = kruntime.sys_dict ? kdict_get_borrow(kruntime.sys_dict, stream_name) : KV_NULL;
    if (!f || f == KV_NONE) {
        ssize_t n;
        const char *u = kstr_utf8(text, &n);
        if (u) {
            fwrite(u, 1, (size_t)n, kstr_eq_cstr(stream_name, "stdout") ? stdout : stderr);
        }
        return 0;
    }
    return ksys_stream_write(f, text);
}

void ksys_write_stderr(const char *text) {
    KValue s = kstr_from_cstr(text);
    if (!s) {
        kerr_clear();
        fputs(text, stderr);
        return;
    }
    if (ksys_write(KID(stderr), s) < 0) {
        kerr_clear();
        fputs(text, stderr);
    }
    kval_decref(s);
}

static void flush_object(KValue f) {
    int fast = f ? kio_text_flush_fast(f) : 1;
    if (fast != 0) {
        kerr_clear();
        return;
    }
    if (f != KV_NONE) {
        KValue r = kobj_call_method(f, KID(flush), NULL, 0);
        kval_xdecref(r);
        kerr_clear();
    }
}

void ksys_flush_std(void) {
    KValue saved = kerr_fetch();
    if (kruntime.sys_dict) {
        flush_object(kdict_get_borrow(kruntime.sys_dict, KID(stdout)));
        flush_object(kdict_get_borrow(kruntime.sys_dict, KID(stderr)));
    }
    kerr_restore(saved);
}

void ksys_flush_streams(void) {
    KValue saved = kerr_fetch();
    // sys.stdout and sys.stderr as they are now (maybe replaced), then every
    // buffered writer still alive, the std streams' among them.
    if (kruntime.sys_dict) {
        flush_object(kdict_get_borrow(kruntime.sys_dict, KID(stdout)));
        flush_object(kdict_get_borrow(kruntime.sys_dict, KID(stderr)));
    }
    kio_flush_all_writers();
    kerr_restore(saved);
}

// The errors handler of stdin/stdout: surrogateescape under the C or POSIX
// locale (and C.UTF-8, a coercion target), strict otherwise, as CPython.
static const char *stdio_errors(void) {
    const char *vars[3] = {"LC_ALL", "LC_CTYPE", "LANG"};
    const char *loc = NULL;
    for (int i = 0; i < 3 && !loc; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            loc = v;
        }
    }
    if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
        strncmp(loc, "C.", 2) == 0) {
        return "surrogateescape";
    }
    return "strict";
}

// A text stream over fd 0, 1 or 2; 'unbuffered' (-u, for stdout and
// stderr) puts it straight over the FileIO and writes through, as CPython.
static KValue stream_new(int fd, int writable, const char *name, int unbuffered) {
    KValue nm = kstr_from_cstr(name);
    KValue raw = nm ? kio_fileio_from_fd(fd, writable ? "wb" : "rb", 0, nm) : KV_NULL;
    kval_xdecref(nm);
    KValue buf = raw && !unbuffered
                     ? kio_buffered_new(writable ? &kio_writer_type : &kio_reader_type, raw,
                                        KIO_DEFAULT_BUFFER_SIZE)
                     : kval_xnewref(raw);
    kval_xdecref(raw);
    if (!buf) {
        return KV_NULL;
    }
    const char *errors = fd == 2 ? "backslashreplace" : stdio_errors();
    int line_buffering = !unbuffered && (fd == 2 || isatty(fd));
    KValue text = kio_textio_new(buf, "utf-8", errors, line_buffering, unbuffered);
    kval_decref(buf);
    KValue mode = text ? kstr_from_cstr(writable ? "w" : "r") : KV_NULL;
    KValue dict = mode ? kobj_get_dict_borrow(text) : KV_NULL;
    if (!dict || kdict_set(dict, kstr_intern_cstr("mode"), mode) < 0) {
        KVAL_CLEAR(text);
    }
    kval_xdecref(mode);
    return text;
}

// -u: stdout and stderr are replaced by unbuffered streams (nothing was
// written yet: this runs while sys is set up).
void ksys_set_write_through(void) {
    static const char *const names[3] = {"stdin", "stdout", "stderr"};
    static const char *const dunder[3] = {"__stdin__", "__stdout__", "__stderr__"};
    static const char *const shown[3] = {"<stdin>", "<stdout>", "<stderr>"};
    for (int i = 1; i < 3; i++) {
        KValue s = stream_new(i, 1, shown[i], 1);
        if (!s || kmod_add(kruntime.sys, names[i], s) < 0 ||
            kmod_add(kruntime.sys, dunder[i], s) < 0) {
            kval_xdecref(s);
            kerr_clear();
            continue;
        }
        kval_setref(&stream_objects[i], s);
    }
}

// ---------------------------------------------------------------------------
// Functions.

#define SYSFN(name) static KValue sys_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)

SYSFN(exit) {
    (void)self, (void)kwnames;
    if (kargs_count("exit", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    kerr_set_value(&kexc_SystemExit, nargs ? args[0] : KV_NULL);
    return KV_NULL;
}

SYSFN(getrecursionlimit) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return kval_from_int(kstate_ts->recursion_limit);
}

SYSFN(setrecursionlimit) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kint_check(args[0])) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    ssize_t n = kint_as_ssize(args[0]);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n < 1 || n > INT32_MAX) {
        kerr_set(&kexc_ValueError, "recursion limit must be greater or equal than 1");
        return KV_NULL;
    }
    if (n <= kstate_ts->depth) {
        kerr_format(&kexc_RecursionError,
                    "cannot set the recursion limit to %zd at the recursion depth %d: the limit is "
                    "too low",
                    n, kstate_ts->depth);
        return KV_NULL;
    }
    kstate_ts->recursion_limit = (int)n;
    return KV_NONE;
}

SYSFN(getswitchinterval) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return kfloat_new((double)kgil_interval_ns / 1e9);
}

SYSFN(setswitchinterval) {
    (void)self, (void)nargs, (void)kwnames;
    double d = knum_as_double(args[0]);
    if (d == -1.0 && kerr_occurred()) {
        return KV_NULL;
    }
    if (!(d > 0.0)) {
        kerr_set(&kexc_ValueError, "switch interval must be strictly positive");
        return KV_NULL;
    }
    // Microsecond steps, as CPython's, and at most an hour here.
    double us = d * 1e6 < 1 ? 1 : d * 1e6 > 3.6e9 ? 3.6e9 : d * 1e6;
    kgil_interval_ns = (long)us * 1000L;
    return KV_NONE;
}

SYSFN(exc_info) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    KValue e = kerr_handled_borrow();
    if (e == KV_NONE) {
        return ktuple_pack(3, KV_NONE, KV_NONE, KV_NONE);
    }
    KValue tb = ((KException *)e)->traceback;
    return ktuple_pack(3, kval_of(kval_type(e)), e, tb ? tb : KV_NONE);
}

SYSFN(exception) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return kval_newref(kerr_handled_borrow());
}

SYSFN(getrefcount) {
    (void)self, (void)nargs, (void)kwnames;
    if (kval_is_int(args[0])) {
        return kint_from_i64(KOBJ_IMMORTAL);
    }
    return kint_from_i64(kval_obj(args[0])->refcnt);
}

SYSFN(intern) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kstr_check_exact(args[0])) {
        kerr_format(&kexc_TypeError, "intern() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    KValue s = kval_newref(args[0]);
    kstr_intern(&s);
    return s;
}

SYSFN(getsizeof) {
    (void)self, (void)kwnames;
    if (kargs_count("getsizeof", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    int found;
    KValue r = kobj_call_special(args[0], kstr_intern_cstr("__sizeof__"), NULL, 0, &found);
    if (!r) {
        if (!found && !kerr_occurred() && nargs > 1) {
            return kval_newref(args[1]);
        }
        return KV_NULL;
    }
    KValue total = kint_add(r, kval_from_int((kval_type(args[0])->flags & KTF_GC) ? 16 : 0));
    kval_decref(r);
    return total;
}

SYSFN(getframe) {
    (void)self, (void)kwnames;
    if (kargs_count("_getframe", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    ssize_t depth = 0;
    if (nargs) {
        depth = knum_as_ssize(args[0], &kexc_OverflowError);
        if (depth == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    KFrame *f = kstate_ts->frame;
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (!f) {
        kerr_set(&kexc_ValueError, "call stack is not deep enough");
        return KV_NULL;
    }
    return kframe_object(f);
}

SYSFN(displayhook) {
    (void)self, (void)nargs, (void)kwnames;
    KValue v = args[0];
    if (v == KV_NONE) {
        return KV_NONE;
    }
    if (kdict_set_cstr(kruntime.builtins, "_", KV_NONE) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_repr(v);
    if (!r) {
        return KV_NULL;
    }
    int rc = ksys_write(KID(stdout), r);
    kval_decref(r);
    KValue nl = kstr_from_char('\n');
    if (rc < 0 || !nl || ksys_write(KID(stdout), nl) < 0) {
        kval_xdecref(nl);
        return KV_NULL;
    }
    kval_decref(nl);
    if (kdict_set_cstr(kruntime.builtins, "_", v) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

SYSFN(excepthook) {
    (void)self, (void)kwnames;
    if (kargs_count("excepthook", nargs, 3, 3) < 0) {
        return KV_NULL;
    }
    kerr_display(args[1]);
    return KV_NONE;
}

SYSFN(get_int_max_str_digits) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return kval_from_int(kint_max_str_digits);
}

SYSFN(set_int_max_str_digits) {
    (void)self;
    static const char *const kwlist[] = {"maxdigits", NULL};
    KValue a[1];
    if (kargs_parse("set_int_max_str_digits", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    ssize_t n = knum_as_ssize(a[0], &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n != 0 && n < 640) {
        kerr_set(&kexc_ValueError, "maxdigits must be 0 or larger than 640");
        return KV_NULL;
    }
    kint_max_str_digits = (int)n;
    return KV_NONE;
}

SYSFN(getdefaultencoding) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return kstr_from_cstr("utf-8");
}

static KValue sys_get_asyncgen_hooks(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kasyncgen_get_hooks();
}

// set_asyncgen_hooks([firstiter] [, finalizer])
static KValue sys_set_asyncgen_hooks(KValue self, const KValue *args, size_t nargs,
                                     KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"firstiter", "finalizer", NULL};
    KValue a[2];
    if (nargs > 2) {
        kerr_format(&kexc_TypeError, "function takes at most 2 arguments (%zu given)", nargs);
        return KV_NULL;
    }
    if (kargs_parse("set_asyncgen_hooks", args, nargs, kwnames, kwlist, 0, 2, a) < 0 ||
        kasyncgen_set_hooks(a[0], a[1]) < 0) {
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef sys_methods[] = {
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, KMETH_NOARGS, NULL},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, KMETH_KW, NULL},
    {"exit", sys_exit, KMETH_FAST, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, KMETH_NOARGS, NULL},
    {"getswitchinterval", sys_getswitchinterval, KMETH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, KMETH_O, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, KMETH_O, NULL},
    {"exc_info", sys_exc_info, KMETH_NOARGS, NULL},
    {"exception", sys_exception, KMETH_NOARGS, NULL},
    {"getrefcount", sys_getrefcount, KMETH_O, NULL},
    {"intern", sys_intern, KMETH_O, NULL},
    {"getsizeof", sys_getsizeof, KMETH_FAST, NULL},
    {"_getframe", sys_getframe, KMETH_FAST, NULL},
    {"displayhook", sys_displayhook, KMETH_O, NULL},
    {"excepthook", sys_excepthook, KMETH_FAST, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, KMETH_NOARGS, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, KMETH_KW, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

// sys.version_info: a tuple with named fields.
static KValue vi_field(KValue self, int i) {
    return kval_newref(ktuple_items(self)[i]);
}
static KValue vi_major(KValue s) {
    return vi_field(s, 0);
}
static KValue vi_minor(KValue s) {
    return vi_field(s, 1);
}
static KValue vi_micro(KValue s) {
    return vi_field(s, 2);
}
static KValue vi_level(KValue s) {
    return vi_field(s, 3);
}
static KValue vi_serial(KValue s) {
    return vi_field(s, 4);
}

static const KGetSetDef vi_getsets[] = {
    {"major", vi_major, NULL, NULL},       {"minor", vi_minor, NULL, NULL},
    {"micro", vi_micro, NULL, NULL},       {"releaselevel", vi_level, NULL, NULL},
    {"serial", vi_serial, NULL, NULL},     {NULL, NULL, NULL, NULL},
};

static KValue vi_repr(KValue self) {
    KValue *it = ktuple_items(self);
    return kstr_from_format(
        "sys.version_info(major=%R, minor=%R, micro=%R, releaselevel=%R, serial=%R)", it[0], it[1],
        it[2], it[3], it[4]);
}

static KType version_info_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "sys.version_info",
    .basicsize = sizeof(KTuple),
    .itemsize = sizeof(KValue),
    .flags = KTF_GC | KTF_TUPLE_SUBCLASS,
    .base = &ktuple_type,
    .repr = vi_repr,
    .getsets = vi_getsets,
};

KValue knamespace_new(KValue dict);

static KValue make_version_info(void) {
    KValue level = kstr_from_cstr("final");
    if (!level) {
        return KV_NULL;
    }
    KTuple *t = (KTuple *)kobj_alloc(&version_info_type, sizeof(KTuple) + 5 * sizeof(KValue));
    if (!t) {
        kval_decref(level);
        return kerr_no_memory();
    }
    t->len = 5;
    t->items[0] = kval_from_int(3);
    t->items[1] = kval_from_int(11);
    t->items[2] = kval_from_int(2);
    t->items[3] = level;
    t->items[4] = kval_from_int(0);
    return kval_of(t);
}

static int add_str(KValue m, const char *name, const char *value) {
    KValue s = kstr_from_cstr(value);
    int r = s ? kmod_add(m, name, s) : -1;
    kval_xdecref(s);
    return r;
}

static int add_value(KValue m, const char *name, KValue v_steal) {
    int r = v_steal ? kmod_add(m, name, v_steal) : -1;
    kval_xdecref(v_steal);
    return r;
}

static KValue make_argv(int argc, char **argv) {
    KValue l = klist_new(0);
    for (int i = 0; l && i < argc; i++) {
        KValue s = kstr_from_cstr(argv[i]);
        if (!s || klist_append(l, s) < 0) {
            kval_xdecref(s);
            kval_decref(l);
            return KV_NULL;
        }
        kval_decref(s);
    }
    if (l && argc == 0) {
        KValue s = kstr_from_cstr("");
        if (!s || klist_append(l, s) < 0) {
            kval_xdecref(s);
            kval_decref(l);
            return KV_NULL;
        }
        kval_decref(s);
    }
    return l;
}

// The multiarch tuple of this build's target, as CPython's
// sys.implementation._multiarch: sysconfig names its build-time data module
// after it (_sysconfigdata__x86_64-linux-gnu), which zoneinfo and pydoc need.
#if defined(__linux__) && defined(__x86_64__)
#define KSYS_MULTIARCH "x86_64-linux-gnu"
#elif defined(__linux__) && defined(__aarch64__)
#define KSYS_MULTIARCH "aarch64-linux-gnu"
#elif defined(__linux__) && defined(__i386__)
#define KSYS_MULTIARCH "i386-linux-gnu"
#endif

static KValue make_implementation(KValue version_info) {
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    KValue name = kstr_from_cstr("krait"), tag = kstr_from_cstr("krait-1");
    int r = name && tag && kdict_set_cstr(d, "name", name) == 0 &&
            kdict_set_cstr(d, "cache_tag", tag) == 0 &&
            kdict_set_cstr(d, "version", version_info) == 0 &&
            kdict_set_cstr(d, "hexversion", kval_from_int(0x030b02f0)) == 0;
    kval_xdecref(name);
    kval_xdecref(tag);
#ifdef KSYS_MULTIARCH
    KValue multiarch = r ? kstr_from_cstr(KSYS_MULTIARCH) : KV_NULL;
    r = multiarch && kdict_set_cstr(d, "_multiarch", multiarch) == 0;
    kval_xdecref(multiarch);
#endif
    if (!r) {
        kval_decref(d);
        return KV_NULL;
    }
    KValue ns = knamespace_new(d);
    kval_decref(d);
    return ns;
}

KValue kmod_sys_create(int argc, char **argv) {
    if (kio_ready_std() < 0 || ktype_ready(&version_info_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("sys");
    // Room for what start-up puts in sys (about 70 names) in one table.
    if (!m || kdict_reserve(kmod_dict_borrow(m), 72) < 0 ||
        kmod_add_functions(m, sys_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    stream_objects[0] = stream_new(0, 0, "<stdin>", 0);
    stream_objects[1] = stream_new(1, 1, "<stdout>", 0);
    stream_objects[2] = stream_new(2, 1, "<stderr>", 0);
    KValue vi = make_version_info();
    if (!stream_objects[0] || !stream_objects[1] || !stream_objects[2] || !vi) {
        goto error;
    }
    const char *names[3] = {"stdin", "stdout", "stderr"};
    const char *dunder[3] = {"__stdin__", "__stdout__", "__stderr__"};
    for (int i = 0; i < 3; i++) {
        if (kmod_add(m, names[i], stream_objects[i]) < 0 ||
            kmod_add(m, dunder[i], stream_objects[i]) < 0) {
            goto error;
        }
    }
    KValue path = klist_new(0);
    if (add_value(m, "argv", make_argv(argc, argv)) < 0 || add_value(m, "path", path) < 0 ||
        kmod_add(m, "modules", kruntime.modules) < 0 || kmod_add(m, "version_info", vi) < 0 ||
        add_value(m, "implementation", make_implementation(vi)) < 0 ||
        add_str(m, "version", "3.11.2 (krait) [C]") < 0 || add_str(m, "platform", "linux") < 0 ||
        add_str(m, "byteorder", "little") < 0 || ksys_add_info(m) < 0 ||
        add_value(m, "maxsize", kint_from_i64(INT64_MAX)) < 0 ||
        add_value(m, "maxunicode", kval_from_int(0x10FFFF)) < 0 ||
        add_value(m, "hexversion", kval_from_int(0x030b02f0)) < 0 ||
        add_value(m, "meta_path", kimp_meta_path()) < 0 ||
        add_value(m, "path_hooks", klist_new(0)) < 0 ||
        add_value(m, "path_importer_cache", kdict_new()) < 0 ||
        add_value(m, "warnoptions", klist_new(0)) < 0 ||
        add_value(m, "builtin_module_names", kimport_builtin_names()) < 0 ||
        add_value(m, "dont_write_bytecode", kval_newref(KV_FALSE)) < 0) {
        goto error;
    }
    KValue sysdict = kmod_dict_borrow(m);
    KValue dh = kdict_get_cstr_borrow(sysdict, "displayhook");
    KValue eh = kdict_get_cstr_borrow(sysdict, "excepthook");
    if (!dh || !eh || kmod_add(m, "__displayhook__", dh) < 0 ||
        kmod_add(m, "__excepthook__", eh) < 0) {
        goto error;
    }
    kval_decref(vi);
    return m;
error:
    kval_xdecref(vi);
    kval_decref(m);
    return KV_NULL;
}
