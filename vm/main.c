// vm/main.c: krait's command line: 'krait FILE.py [args]' and
// 'krait -c CODE [args]'. Reads the source, compiles it with the compiler's
// kc_compile, turns the code tree into runtime code objects and runs it as
// __main__; an uncaught exception prints its traceback and exits 1.
#include <errno.h>
#include <fcntl.h>
#include "internal.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "krait.h"

#include "abstract.h"
#include "bundles.h"
#include "bytes.h"
#include "code.h"
#include "dict.h"
#include "gc.h"
#include "gil.h"
#include "errors.h"
#include "eval.h"
#include "finder.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "modules/_signal.h"
#include "modules/sys_flags.h"

#include "loader/loader.h"

extern KValue (*kcompile_hook)(KValue source, KValue filename, int mode, int optimize);

static KValue compile_hook(KValue source, KValue filename, int mode, int optimize) {
    const char *src;
    ssize_t len;
    if (kstr_check(source)) {
        src = kstr_utf8(source, &len);
    } else {
        src = kbytes_data(source, &len);
    }
    const char *fname = kstr_utf8(filename, NULL);
    if (!src || !fname) {
        return KV_NULL;
    }
    KcMode m = mode == 1 ? KC_MODE_EVAL : mode == 2 ? KC_MODE_SINGLE : KC_MODE_EXEC;
    KcUnit *u = kc_compile(fname, src, (size_t)len, m, optimize);
    if (!u) {
        return kerr_no_memory();
    }
    const KfCode *code = kc_unit_code(u);
    KValue r;
    if (!code) {
        kfinder_raise_compile_error(u);
        r = KV_NULL;
    } else {
        r = kcode_from_kf(code);
    }
    kc_unit_free(u);
    return r;
}

int kv_init(int argc, char **argv) {
    if (kstate_init(argc, argv) < 0) {
        return -1;
    }
    kcompile_hook = compile_hook;
    kfinder_install();
    ksignal_init_process();
    return 0;
}

// As CPython's wait_for_thread_shutdown: threading._shutdown() joins the
// threads that are not daemons; after it, daemon threads never run again.
static void wait_for_threads(void) {
    KValue threading = kruntime.modules ? kdict_get_cstr_borrow(kruntime.modules, "threading")
                                        : KV_NULL;
    if (threading) {
        kval_incref(threading);
        KValue r = kobj_call_method(threading, kstr_intern_cstr("_shutdown"), NULL, 0);
        if (!r) {
            kerr_write_unraisable("Exception ignored in", threading, "<module 'threading'>");
        }
        kval_xdecref(r);
        kval_decref(threading);
    }
    kgil_finalize();
}

void kv_fini(void) {
    wait_for_threads();
    katexit_run();
    kgc_finalize_at_exit(kruntime.modules);
    kstate_fini();
    kbundles_close_all();
}

// An uncaught KeyboardInterrupt ends the process by SIGINT after the
// runtime is torn down, as CPython does, so a shell sees the interrupt.
static int unhandled_interrupt;

// The exit status for an uncaught exception (printing it), as CPython's
// handle_system_exit and PyErr_Print. What the program printed is flushed
// first, so it comes before the traceback.
static int report_exception(void) {
    KValue exc = kerr_fetch();
    if (!exc) {
        return 0;
    }
    ksys_flush_std();
    if (ktype_is_subtype(kval_type(exc), &kexc_KeyboardInterrupt)) {
        unhandled_interrupt = 1;
    }
    if (ktype_is_subtype(kval_type(exc), &kexc_SystemExit)) {
        KValue code = ((KSystemExit *)exc)->code;
        int status = 0;
        if (!code || code == KV_NONE) {
            status = 0;
        } else if (kint_check(code)) {
            int overflow;
            int64_t v = kint_as_i64_overflow(code, &overflow);
            status = overflow ? -1 : (int)v;
        } else {
            KValue s = kobj_str(code);
            if (s) {
                KValue nl = kstr_from_format("%U\n", s);
                if (nl && ksys_write(KID(stderr), nl) < 0) {
                    kerr_clear();
                }
                kval_xdecref(nl);
                kval_decref(s);
            }
            kerr_clear();
            status = 1;
        }
        kval_decref(exc);
        return status;
    }
    KValue hook = kdict_get_borrow(kruntime.sys_dict, KID(excepthook));
    KValue builtin_hook = kdict_get_cstr_borrow(kruntime.sys_dict, "__excepthook__");
    if (hook && hook != builtin_hook) {
        KValue tb = ((KException *)exc)->traceback;
        KValue args[3] = {kval_of(kval_type(exc)), exc, tb ? tb : KV_NONE};
        KValue r = kobj_call(hook, args, 3, KV_NULL);
        if (r) {
            kval_decref(r);
        } else {
            KValue e2 = kerr_fetch();
            ksys_write_stderr("Error in sys.excepthook:\n");
            kerr_display(e2);
            kval_xdecref(e2);
            ksys_write_stderr("\nOriginal exception was:\n");
            kerr_display(exc);
        }
    } else {
        kerr_display(exc);
    }
    kval_decref(exc);
    return 1;
}

// Runs 'code' (a runtime code object) as the __main__ module.
static int run_main_code(KValue code, const char *filename) {
    KValue mod = kmod_new("__main__");
    if (!mod) {
        return report_exception();
    }
    KValue globals = kmod_dict_borrow(mod);
    if (kdict_set(globals, KID(__builtins__), kruntime.builtins_mod) < 0 ||
        kdict_set(kruntime.modules, KID(__main__), mod) < 0) {
        kval_decref(mod);
        return report_exception();
    }
    if (filename) {
        KValue f = kstr_from_cstr(filename);
        if (!f || kdict_set(globals, KID(__file__), f) < 0) {
            kval_xdecref(f);
            kval_decref(mod);
            return report_exception();
        }
        kval_decref(f);
    }
    KValue r = keval_code(code, globals, globals);
    int status = 0;
    if (!r) {
        status = report_exception();
    } else {
        kval_decref(r);
    }
    kval_decref(mod);
    return status;
}

int kv_run_code(const KfCode *kc) {
    KValue code = kcode_from_kf(kc);
    if (!code) {
        return report_exception();
    }
    int status = run_main_code(code, kc->filename);
    kval_decref(code);
    return status;
}

// ---------------------------------------------------------------------------
// The command line: python's options where they overlap.

typedef struct Cmdline {
    const char *command; // -c
    const char *module;  // -m
    const char *script;  // FILE, or NULL
    int script_is_bundle; // FILE is a bundle: sys.path[0] is FILE itself
    int script_is_zip;    // FILE is a zip application: sys.path[0] is FILE too
    int first_arg;       // argv index of what becomes sys.argv[0]
    int version;         // -V count
    KSysFlags flags;
} Cmdline;

static int usage(const char *prog, const char *why, const char *what) {
    if (why) {
        fprintf(stderr, why, what);
        fputc('\n', stderr);
    }
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
    fprintf(stderr, "Try `krait -h' for more information.\n");
    return 2;
}

static void print_help(const char *prog) {
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
           "Options:\n"
           "-B     : don't write cache files on import; also KRAITDONTWRITEBYTECODE=x\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-E     : ignore KRAIT* environment variables (such as KRAITPATH)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-I     : isolate krait from the user's environment (implies -E and -P)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-O     : remove assert and __debug__-dependent statements; cache names get .opt-1\n"
           "-OO    : do -O changes and also discard docstrings; .opt-2\n"
           "-P     : don't prepend a potentially unsafe path to sys.path\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the Python version number and exit (also --version)\n"
           "-X opt : set implementation-specific option (pycache_prefix=PATH)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n",
           prog);
}

// The value of an option letter at 'argv[*i][j]': the rest of the word or
// the next word (advancing '*i'); NULL when missing.
static const char *option_value(int argc, char **argv, int *i, int j) {
    if (argv[*i][j + 1]) {
        return argv[*i] + j + 1;
    }
    return *i + 1 < argc ? argv[++*i] : NULL;
}

// Parses options into 'c'. Returns -1 to go on, else an exit status.
static int parse_cmdline(int argc, char **argv, Cmdline *c) {
    int safe_path = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--version")) {
            c->version++;
            continue;
        }
        if (!strcmp(a, "--help")) {
            print_help(argv[0]);
            return 0;
        }
        if (a[1] == '-') {
            return usage(argv[0], "unknown option %s", a);
        }
        for (int j = 1; a[j]; j++) {
            char letter[3] = {'-', a[j], 0};
            const char *v;
            switch (a[j]) {
            case 'c':
            case 'm':
                if (!(v = option_value(argc, argv, &i, j))) {
                    return usage(argv[0], "Argument expected for the %s option", letter);
                }
                *(a[j] == 'c' ? &c->command : &c->module) = v;
                c->first_arg = i;
                goto done;
            case 'X':
            case 'W':
                if (!(v = option_value(argc, argv, &i, j))) {
                    return usage(argv[0], "Argument expected for the %s option", letter);
                }
                if (a[j] == 'X' && !strncmp(v, "pycache_prefix=", 15)) {
                    c->flags.pycache_prefix = v + 15;
                }
                if (a[j] == 'X') {
                    c->flags.xoptions[c->flags.nxoptions++] = v;
                } else {
                    c->flags.warnoptions[c->flags.nwarnoptions++] = v;
                }
                j = (int)strlen(argv[i]) - 1;
                a = argv[i];
                break;
            case 'O': c->flags.optimize++; break;
            case 'B': c->flags.dont_write_bytecode = 1; break;
            case 'E': c->flags.ignore_environment = 1; break;
            case 'I': c->flags.isolated = c->flags.ignore_environment = safe_path = 1; break;
            case 'P': safe_path = 1; break;
            case 'u': c->flags.unbuffered = 1; break;
            case 'V': c->version++; break;
            case 'h':
            case '?': print_help(argv[0]); return 0;
            case 's': case 'S': case 'q': case 'd': case 'v': case 'b': case 'R': break;
            default:
                fprintf(stderr, "Unknown option: %s\n", letter);
                return usage(argv[0], NULL, NULL);
            }
        }
    }
    if (i < argc) {
        c->script = argv[i];
    }
    c->first_arg = i;
done:
    return safe_path ? -2 : -1;
}

// KRAIT* variables (unless -E): the environment's share of the settings.
static void read_environment(KSysFlags *f) {
    if (f->ignore_environment) {
        return;
    }
    const char *v;
    if ((v = getenv("KRAITDONTWRITEBYTECODE")) && *v) {
        f->dont_write_bytecode = 1;
    }
    if ((v = getenv("KRAITOPTIMIZE")) && *v) {
        int n = atoi(v);
        n = n > 0 ? n : 1;
        f->optimize = f->optimize > n ? f->optimize : n;
    }
    if ((v = getenv("KRAITUNBUFFERED")) && *v) {
        f->unbuffered = 1;
    }
    if (!f->pycache_prefix && (v = getenv("KRAITPYCACHEPREFIX")) && *v) {
        f->pycache_prefix = v;
    }
}

static int path_insert(KValue path, ssize_t at, const char *dir, ssize_t len) {
    KValue s = kstr_from_utf8(dir, len);
    if (!s || klist_append(path, s) < 0) {
        kval_xdecref(s);
        return -1;
    }
    KList *l = (KList *)path;
    memmove(l->items + at + 1, l->items + at, (size_t)(l->len - 1 - at) * sizeof(KValue));
    l->items[at] = s;
    kval_decref(s);
    return 0;
}

// 'a', 'b' and 'c' joined, malloc'd; NULL when out of memory. (Start-up
// keeps clear of the printf family, whose code is pages that the usual run
// of a program never needs.)
static char *concat3(const char *a, const char *b, const char *c) {
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
    char *r = malloc(na + nb + nc + 1);
    if (r) {
        memcpy(r, a, na);
        memcpy(r + na, b, nb);
        memcpy(r + na + nb, c, nc + 1);
    }
    return r;
}

// The directory sys.path[0] names: the script's (resolved), the current one
// for -m, '' for -c and stdin. Malloc'd.
static char *path0(const Cmdline *c) {
    if (c->module) {
        return getcwd(NULL, 0);
    }
    if (!c->script || !strcmp(c->script, "-")) {
        return strdup("");
    }
    char *rp = realpath(c->script, NULL);
    if (!rp) {
        return strdup("");
    }
    if (c->script_is_bundle || c->script_is_zip) {
        return rp;
    }
    char *slash = strrchr(rp, '/');
    if (slash) {
        slash[slash == rp] = 0;
    }
    return rp;
}

// The standard library bundle's path, as CPython's python311.zip: PREFIX/lib/
// python311.kbz, PREFIX being the parent of this executable's directory
// (build/bin/krait: build/lib/python311.kbz, which `make` builds from
// CPython's own library). Malloc'd; NULL when the executable is unknown.
static char *stdlib_bundle(void) {
    const char *exe = ksys_executable_path();
    char *self = exe ? strdup(exe) : NULL;
    char *slash = self ? strrchr(self, '/') : NULL;
    if (slash) {
        *slash = 0;
        slash = strrchr(self, '/');
    }
    if (!slash) {
        free(self);
        return NULL;
    }
    *slash = 0;
    char *r = concat3(self, "/lib/", "python311.kbz");
    free(self);
    return r;
}

// sys.path: the script's directory (unless -P/-I), then KRAITPATH's entries,
// then the standard library bundle.
static int set_sys_path(const Cmdline *c, int safe_path) {
    KValue path = kdict_get_borrow(kruntime.sys_dict, KID(path));
    if (!path || !klist_check(path)) {
        return 0;
    }
    ssize_t at = 0;
    if (!safe_path) {
        char *d = path0(c);
        int r = d ? path_insert(path, at++, d, (ssize_t)strlen(d)) : -1;
        free(d);
        if (r < 0) {
            return -1;
        }
    }
    const char *env = c->flags.ignore_environment ? NULL : getenv("KRAITPATH");
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        if (n && path_insert(path, at++, env, (ssize_t)n) < 0) {
            return -1;
        }
        env = colon ? colon + 1 : NULL;
    }
    char *lib = stdlib_bundle();
    int r = lib ? path_insert(path, at, lib, (ssize_t)strlen(lib)) : 0;
    free(lib);
    return r;
}

static char *absolute_path(const char *p) {
    if (p[0] == '/') {
        return strdup(p);
    }
    char *cwd = getcwd(NULL, 0);
    char *r = cwd ? concat3(cwd, "/", p) : NULL;
    free(cwd);
    return r;
}

static int is_pyc(const char *p) {
    size_t n = strlen(p);
    return n > 4 && !strcmp(p + n - 4, ".pyc");
}

static char *read_stream(FILE *fp, size_t *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap) {
            break;
        }
        char *nb = realloc(buf, cap *= 2);
        if (!nb) {
            free(buf);
        }
        buf = nb;
    }
    *len = n;
    return buf;
}

// Compiles 'len' bytes of 'src' named 'filename' (a SyntaxError is raised).
static KValue compile_text(const char *filename, const char *src, size_t len, int optimize) {
    KcUnit *u = kc_compile(filename, src, len, KC_MODE_EXEC, optimize);
    if (!u) {
        return kerr_no_memory();
    }
    const KfCode *kc = kc_unit_code(u);
    KValue code = kc ? kcode_from_kf(kc) : KV_NULL;
    if (!kc) {
        kfinder_raise_compile_error(u);
    }
    kc_unit_free(u);
    return code;
}

// krait FILE: the script's code from its cache when valid (compiling and
// writing the cache otherwise), a .pyc directly; '-' or no file: stdin.
static int run_script(const Cmdline *c, const char *prog) {
    const char *script = c->script;
    if (!script || !strcmp(script, "-")) {
        size_t len;
        char *src = read_stream(stdin, &len);
        KValue code = src ? compile_text("<stdin>", src, len, c->flags.optimize) : KV_NULL;
        free(src);
        int status = code ? run_main_code(code, "<stdin>") : report_exception();
        kval_xdecref(code);
        return status;
    }
    struct stat st;
    if (stat(script, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = errno;
        char *abs = absolute_path(script);
        if (S_ISDIR(st.st_mode) && e == 0) {
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", prog, script);
        } else {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, abs ? abs : script,
                    e, strerror(e));
        }
        free(abs);
        return 2;
    }
    char *abs = absolute_path(script);
    if (!abs) {
        fprintf(stderr, "krait: out of memory\n");
        return 1;
    }
    KValue code = kfinder_load_code(abs, is_pyc(script));
    int status;
    if (!code && kerr_matches(&kexc_SyntaxError)) {
        KValue e = kerr_fetch();
        kerr_display(e);
        kval_decref(e);
        status = 1;
    } else {
        status = code ? run_main_code(code, abs) : report_exception();
    }
    kval_xdecref(code);
    free(abs);
    return status;
}

// krait -m NAME: runpy's _run_module_as_main: the parent packages are
// imported, a package runs its __main__ submodule, and the module runs as
// '__main__' with sys.argv[0] set to its file.
static int run_module(const char *name, const char *prog, int set_argv0) {
    KValue want = kstr_from_cstr(name), modname = kstr_from_cstr("__main__");
    KFound f = {0};
    int status = 1;
    if (!want || !modname) {
        goto error;
    }
    for (int depth = 0;; depth++) {
        ssize_t dot = kstr_len(want) - 1;
        while (dot >= 0 && kstr_char((KStr *)want, dot) != '.') {
            dot--;
        }
        if (dot > 0) {
            KValue parent = kstr_substr(want, 0, dot);
            KValue pm = parent ? kimport_module(parent, KV_NULL, KV_NULL, 0) : KV_NULL;
            kval_xdecref(parent);
            if (!pm) {
                goto error;
            }
            kval_decref(pm);
        }
        if (kfinder_find(want, &f) < 0) {
            goto error;
        }
        if (f.kind == KFIND_NONE) {
            fprintf(stderr, "%s: No module named %s\n", prog, kstr_utf8(want, NULL));
            goto done;
        }
        if (!f.is_package) {
            break;
        }
        if (depth > 0) {
            fprintf(stderr, "%s: Error while finding module specification for '%s' (ImportError: "
                    "Cannot use package as __main__ module)\n", prog, name);
            goto done;
        }
        KValue pkg = kimport_module(want, KV_NULL, KV_NULL, 0);
        if (!pkg) {
            goto error;
        }
        kval_decref(pkg);
        KValue sub = kstr_from_format("%U.__main__", want);
        kfinder_found_free(&f);
        if (!sub) {
            goto error;
        }
        kval_decref(want);
        want = sub;
    }
    if (set_argv0) {
        KValue argv0 = kstr_from_cstr(f.path);
        KValue argv = kdict_get_borrow(kruntime.sys_dict, KID(argv));
        if (!argv0 || !argv || !klist_check(argv) || klist_len(argv) == 0) {
            kval_xdecref(argv0);
            goto error;
        }
        kval_setref(&klist_items(argv)[0], argv0);
    }
    KValue m = kfinder_exec_found(&f, modname, want);
    if (!m) {
        goto error;
    }
    kval_decref(m);
    status = 0;
    goto done;
error:
    status = report_exception();
done:
    kfinder_found_free(&f);
    kval_xdecref(want);
    kval_xdecref(modname);
    return status;
}

// 1 when the open file 'fd' ends with an executable's trailer (kraitc --exe).
static int has_exe_trailer(int fd) {
    struct stat st;
    uint8_t tail[KF_EXE_TRAILER_SIZE];
    return fstat(fd, &st) == 0 && st.st_size >= KF_EXE_TRAILER_SIZE &&
           pread(fd, tail, sizeof tail, st.st_size - KF_EXE_TRAILER_SIZE) ==
               (ssize_t)sizeof tail &&
           !memcmp(tail + KF_EXE_TRAILER_SIZE - 8, KF_EXE_MAGIC, 8);
}

// 1 when the file 'path' is a bundle: named *.kbz, starting with the bundle
// magic, or an ELF executable ending with a trailer (kraitc --exe). A plain
// source or cache file costs one read of its first bytes.
static int is_bundle_file(const char *path) {
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".kbz")) {
        return 1;
    }
    uint8_t head[8];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    int r = read(fd, head, sizeof head) == (ssize_t)sizeof head &&
            (!memcmp(head, KF_BUNDLE_MAGIC, 8) ||
             (!memcmp(head, "\x7f" "ELF", 4) && has_exe_trailer(fd)));
    close(fd);
    return r;
}

// Runs the main entry of the bundle at 'abs' (an absolute path, which is
// sys.path[0]) as runpy runs a zip file's __main__: under the name
// '__main__', sys.argv untouched.
static int run_bundle_main(const char *abs, const char *prog) {
    const KlBundleFile *b = kbundles_open(abs);
    if (!b) {
        return report_exception();
    }
    if (!b->bundle.main) {
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", prog, abs);
        return 1;
    }
    KfBundleEntry e;
    kf_bundle_entry(&b->bundle, b->bundle.main - 1, &e);
    char *name = strndup(e.name, e.name_len);
    int status = name ? run_module(name, prog, 0) : 1;
    free(name);
    return status;
}

// krait BUNDLE [args].
static int run_bundle(const char *path, const char *prog) {
    char *abs = realpath(path, NULL);
    if (!abs) {
        int e = errno;
        char *a = absolute_path(path);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, a ? a : path, e,
                strerror(e));
        free(a);
        return 2;
    }
    int status = run_bundle_main(abs, prog);
    free(abs);
    return status;
}

// krait ZIPAPP [args]: the archive's __main__ module, as python3.11 runs a
// zip application (sys.path[0] is the archive; zipimport reads it).
static int run_zip(const char *path, const char *prog) {
    KValue main = kstr_from_cstr("__main__");
    KFound f = {0};
    int status = 1;
    if (!main || kfinder_find(main, &f) < 0) {
        status = report_exception();
    } else if (f.kind != KFIND_SPEC) {
        char *abs = realpath(path, NULL);
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", prog, abs ? abs : path);
        free(abs);
    } else {
        status = run_module("__main__", prog, 0);
    }
    kfinder_found_free(&f);
    kval_xdecref(main);
    return status;
}

// The path of this executable when it carries a bundle (kraitc --exe): its
// file ends with a trailer's magic. Malloc'd, or NULL.
static char *exe_with_bundle(void) {
    const char *self = ksys_executable_path();
    int fd = self ? open(self, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) {
        return NULL;
    }
    int found = has_exe_trailer(fd);
    close(fd);
    return found ? strdup(self) : NULL;
}

// A self-contained executable: every argument is the program's (sys.argv is
// argv), the environment is ignored (-I), nothing is written, and sys.path
// holds the executable, whose bundle's main entry runs.
static int run_exe(int argc, char **argv, const char *exe) {
    KSysFlags flags;
    memset(&flags, 0, sizeof flags);
    flags.ignore_environment = flags.isolated = flags.dont_write_bytecode = 1;
    kfinder_options.dont_write = 1;
    if (kv_init(argc, argv) < 0) {
        return 1;
    }
    KValue path = kdict_get_borrow(kruntime.sys_dict, KID(path));
    int status;
    if (ksys_apply_flags(&flags) < 0 || !path || !klist_check(path) ||
        path_insert(path, 0, exe, (ssize_t)strlen(exe)) < 0) {
        status = report_exception();
    } else {
        status = run_bundle_main(exe, argv[0]);
    }
    kv_fini();
    return status;
}

// With warning options, the warnings module is imported before the
// program runs (it applies sys.warnoptions), as CPython does.
static int import_warnings(const KSysFlags *f) {
    if (f->nwarnoptions == 0) {
        return 0;
    }
    KValue name = kstr_from_cstr("warnings");
    KValue m = name ? kimport_module(name, KV_NULL, KV_NULL, 0) : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(m);
    return m ? 0 : -1;
}

static int run_cmdline(Cmdline *c_, int argc, char **argv, int safe_path, char *env_warn) {
    Cmdline c = *c_;
    if (c.version) {
        printf(c.version > 1 ? "Python 3.11.2 (krait, cache format krait-1) [C]\n"
                             : "Python 3.11.2 (krait)\n");
        return 0;
    }
    read_environment(&c.flags);
    if (env_warn && !c.flags.ignore_environment) {
        // KRAITWARNINGS' items come first: later options take precedence.
        int n = 0;
        for (char *item = strtok(env_warn, ","); item; item = strtok(NULL, ",")) {
            n++;
        }
        memmove(c.flags.warnoptions + n, c.flags.warnoptions,
                (size_t)c.flags.nwarnoptions * sizeof(char *));
        const char *p = env_warn;
        for (int k = 0; k < n; k++) {
            while (!*p) {
                p++; // strtok left NULs between the items
            }
            c.flags.warnoptions[k] = p;
            p += strlen(p);
        }
        c.flags.nwarnoptions += n;
    }
    c.script_is_bundle = c.script && strcmp(c.script, "-") && is_bundle_file(c.script);
    c.script_is_zip = c.script && !c.script_is_bundle && strcmp(c.script, "-") &&
                      kfinder_is_zip(c.script);
    if (!c.flags.ignore_environment && getenv("KRAITSAFEPATH") && *getenv("KRAITSAFEPATH")) {
        safe_path = 1;
    }
    kfinder_options.optimize = c.flags.optimize > 2 ? 2 : c.flags.optimize;
    kfinder_options.dont_write = c.flags.dont_write_bytecode;
    kfinder_options.pycache_prefix = c.flags.pycache_prefix;
    // sys.argv: ['-c' | '-m' | script | '', args...]
    char **sys_argv = argv + c.first_arg;
    int sys_argc = argc - c.first_arg;
    if (c.command || c.module) {
        sys_argv[0] = c.command ? "-c" : "-m";
    }
    if (kv_init(sys_argc, sys_argv) < 0) {
        return 1;
    }
    int status;
    if (ksys_apply_flags(&c.flags) < 0 || set_sys_path(&c, safe_path) < 0 ||
        import_warnings(&c.flags) < 0) {
        status = report_exception();
    } else if (c.command) {
        KValue code = compile_text("<string>", c.command, strlen(c.command), c.flags.optimize);
        status = code ? run_main_code(code, NULL) : report_exception();
        kval_xdecref(code);
    } else if (c.module) {
        status = run_module(c.module, argv[0], 1);
    } else if (c.script_is_bundle) {
        status = run_bundle(c.script, argv[0]);
    } else if (c.script_is_zip) {
        status = run_zip(c.script, argv[0]);
    } else {
        status = run_script(&c, argv[0]);
    }
    kv_fini();
    return status;
}

// The status of a process killed by SIGINT: kills this one with it.
static int exit_by_sigint(void) {
    fflush(NULL);
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    return 128 + SIGINT; // if SIGINT is blocked
}

int kv_run_main(int argc, char **argv) {
    char *exe = exe_with_bundle();
    if (exe) {
        int status = run_exe(argc, argv, exe);
        free(exe);
        return unhandled_interrupt ? exit_by_sigint() : status;
    }
    Cmdline c;
    memset(&c, 0, sizeof c);
    // Option values point into argv; KRAITWARNINGS' items into 'env_warn'.
    const char *env = getenv("KRAITWARNINGS");
    char *env_warn = env && *env ? strdup(env) : NULL;
    size_t nenv = 0;
    for (const char *p = env_warn; p && *p; p++) {
        nenv += *p == ',';
    }
    c.flags.warnoptions = calloc((size_t)argc + nenv + 1, sizeof(char *));
    c.flags.xoptions = calloc((size_t)argc + 1, sizeof(char *));
    c.flags.orig_argv = calloc((size_t)argc + 1, sizeof(char *));
    c.flags.orig_argc = argc;
    if (!c.flags.warnoptions || !c.flags.xoptions || !c.flags.orig_argv) {
        fprintf(stderr, "krait: out of memory\n");
        return 1;
    }
    memcpy(c.flags.orig_argv, argv, (size_t)argc * sizeof(char *));
    int r = parse_cmdline(argc, argv, &c);
    if (r < 0) {
        r = run_cmdline(&c, argc, argv, r == -2, env_warn);
    }
    free(env_warn);
    free(c.flags.warnoptions);
    free(c.flags.xoptions);
    free(c.flags.orig_argv);
    return unhandled_interrupt ? exit_by_sigint() : r;
}

// Runs what the parsed command line 'c' asks for; 'env_warn' is a copy of
// KRAITWARNINGS (its items go before the -W options, as CPython's).

// The variables start-up writes, gathered by the krait link (tools/boot.ld;
// weak: absent from other links). Each page of them is written, so they are
// made resident and writable with one madvise instead of a page fault each
// (a copy of the file's page for the data, a zeroed page for the bss).
extern char __krait_boot_data_start[] __attribute__((weak));
extern char __krait_boot_data_end[] __attribute__((weak));
extern char __krait_boot_bss_start[] __attribute__((weak));
extern char __krait_boot_bss_end[] __attribute__((weak));

static void populate(char *start, char *end) {
#ifdef MADV_POPULATE_WRITE
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t from = (uintptr_t)start & ~(page - 1), to = ((uintptr_t)end + page - 1) & ~(page - 1);
    if (start && end > start) {
        (void)madvise((void *)from, to - from, MADV_POPULATE_WRITE); // EINVAL before Linux 5.14
    }
#else
    (void)start, (void)end;
#endif
}

int main(int argc, char **argv) {
    populate(__krait_boot_data_start, __krait_boot_data_end);
    populate(__krait_boot_bss_start, __krait_boot_bss_end);
    return kv_run_main(argc, argv);
}
