// vm/main.c: krait's command line: 'krait FILE.py [args]' and
// 'krait -c CODE [args]'. Reads the source, compiles it with the compiler's
// kc_compile, turns the code tree into runtime code objects and runs it as
// __main__; an uncaught exception prints its traceback and exits 1.
#include <errno.h>
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "krait.h"

#include "abstract.h"
#include "bytes.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

extern KValue (*kcompile_hook)(KValue source, KValue filename, int mode, int optimize);

static KType *error_type(const char *name) {
    if (!strcmp(name, "IndentationError")) {
        return &kexc_IndentationError;
    }
    if (!strcmp(name, "TabError")) {
        return &kexc_TabError;
    }
    if (!strcmp(name, "MemoryError")) {
        return &kexc_MemoryError;
    }
    if (!strcmp(name, "RecursionError")) {
        return &kexc_RecursionError;
    }
    return &kexc_SyntaxError;
}

static KValue opt_str(const char *s) {
    return s ? kstr_from_cstr(s) : kval_newref(KV_NONE);
}

// Raises the compiler's error as a SyntaxError (or subclass).
static void raise_compile_error(const KcUnit *u) {
    KcError e;
    if (!kc_unit_error(u, &e)) {
        kerr_set(&kexc_SystemError, "compilation failed without an error");
        return;
    }
    KType *t = error_type(e.type);
    if (t == &kexc_MemoryError) {
        kerr_no_memory();
        return;
    }
    if (t == &kexc_RecursionError) {
        kerr_set(t, e.msg ? e.msg : "maximum recursion depth exceeded during compilation");
        return;
    }
    KValue msg = opt_str(e.msg), fn = opt_str(e.filename), text = opt_str(e.text);
    KValue info = msg && fn && text
                      ? ktuple_pack(6, fn, kval_from_int(e.lineno), kval_from_int(e.offset), text,
                                    kval_from_int(e.end_lineno), kval_from_int(e.end_offset))
                      : KV_NULL;
    KValue args = info ? ktuple_pack(2, msg, info) : KV_NULL;
    if (args) {
        KValue exc = kexc_new(t, args);
        if (exc) {
            kerr_raise(exc);
            kval_decref(exc);
        }
    }
    kval_xdecref(msg);
    kval_xdecref(fn);
    kval_xdecref(text);
    kval_xdecref(info);
    kval_xdecref(args);
}

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
        raise_compile_error(u);
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
    return 0;
}

void kv_fini(void) {
    kstate_fini();
}

// The exit status for an uncaught exception (printing it), as CPython's
// handle_system_exit and PyErr_Print.
static int report_exception(void) {
    KValue exc = kerr_fetch();
    if (!exc) {
        return 0;
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

static char *read_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    fclose(fp);
    *len = n;
    return buf;
}

static int usage(void) {
    fprintf(stderr, "usage: krait [-c cmd | file] [arg] ...\n");
    return 2;
}

// Sets sys.path[0] to the script's directory ('' for -c).
static int set_path0(const char *script) {
    KValue path = kdict_get_borrow(kruntime.sys_dict, KID(path));
    if (!path || !klist_check(path)) {
        return 0;
    }
    KValue dir;
    if (!script) {
        dir = kstr_from_cstr("");
    } else {
        const char *slash = strrchr(script, '/');
        if (!slash) {
            char cwd[4096];
            dir = kstr_from_cstr(getcwd(cwd, sizeof cwd) ? cwd : "");
        } else {
            char *rp = realpath(script, NULL);
            if (rp) {
                char *s = strrchr(rp, '/');
                if (s) {
                    *s = 0;
                }
                dir = kstr_from_cstr(rp[0] ? rp : "/");
                free(rp);
            } else {
                dir = kstr_from_utf8(script, slash - script);
            }
        }
    }
    if (!dir) {
        return -1;
    }
    KList *l = (KList *)path;
    int r = klist_append(path, dir);
    if (r == 0) {
        memmove(l->items + 1, l->items, (size_t)(l->len - 1) * sizeof(KValue));
        l->items[0] = dir;
    }
    kval_decref(dir);
    return r;
}

int kv_run_main(int argc, char **argv) {
    if (argc < 2) {
        return usage();
    }
    const char *script = NULL, *command = NULL;
    int first_arg;
    if (!strcmp(argv[1], "-c")) {
        if (argc < 3) {
            fprintf(stderr, "Argument expected for the -c option\n");
            return usage();
        }
        command = argv[2];
        first_arg = 2;
    } else if (argv[1][0] == '-' && argv[1][1]) {
        fprintf(stderr, "Unknown option: %s\n", argv[1]);
        return usage();
    } else {
        script = argv[1];
        first_arg = 1;
    }
    // sys.argv: ['-c', args...] or [script, args...]
    char **sys_argv = argv + first_arg;
    int sys_argc = argc - first_arg;
    if (command) {
        sys_argv[0] = "-c";
    }
    if (kv_init(sys_argc, sys_argv) < 0) {
        return 1;
    }
    if (set_path0(script) < 0) {
        kerr_clear();
    }
    char *src;
    size_t len;
    const char *filename;
    if (command) {
        src = strdup(command);
        len = strlen(command);
        filename = "<string>";
    } else {
        src = read_file(script, &len);
        filename = script;
        if (!src) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], script, errno,
                    strerror(errno));
            return 2;
        }
    }
    KcUnit *u = kc_compile(filename, src, len, KC_MODE_EXEC, 0);
    free(src);
    if (!u) {
        fprintf(stderr, "krait: out of memory\n");
        return 1;
    }
    const KfCode *kc = kc_unit_code(u);
    if (!kc) {
        char *msg = kc_format_error(u);
        fputs(msg ? msg : "SyntaxError\n", stderr);
        free(msg);
        kc_unit_free(u);
        kv_fini();
        return 1;
    }
    KValue code = kcode_from_kf(kc);
    kc_unit_free(u);
    int status = code ? run_main_code(code, command ? NULL : filename) : report_exception();
    kval_xdecref(code);
    kv_fini();
    return status;
}

int main(int argc, char **argv) {
    return kv_run_main(argc, argv);
}
