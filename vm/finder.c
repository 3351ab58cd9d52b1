// vm/finder.c: the path-based finder and module loader behind kimport_hook,
// as CPython's PathFinder/FileFinder and SourceFileLoader: each entry of
// sys.path (or of the parent package's __path__) is searched in order for
// NAME/__init__.py (a regular package), NAME.py, and a sourceless NAME.pyc;
// directories without __init__ become namespace packages when nothing else
// matches. Code comes through the loader (kl_load_source: a valid cache is
// used without compiling, a stale or missing one is rebuilt and written
// back atomically), so a warm import reads no source.
#include "finder.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/loader.h"

#include "abstract.h"
#include "bundles.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

KImportOptions kfinder_options;

// ---------------------------------------------------------------------------
// Specs and loaders: attribute bags with CPython's type names.

typedef struct Bag {
    KOBJ_HEAD;
    KValue dict;
} Bag;

static void bag_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Bag *)o)->dict);
    kobj_free(o);
}

static int bag_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((Bag *)o)->dict;
    return d && visit(d, arg);
}

static void bag_clear(KObject *o) {
    if (((Bag *)o)->dict) {
        kdict_clear(((Bag *)o)->dict);
    }
}

// ModuleSpec(name='m', loader=<...>, origin='/p/m.py'[, submodule_search_locations=[...]])
static KValue spec_repr(KValue self) {
    KValue d = ((Bag *)self)->dict;
    KValue name = kdict_get_cstr_borrow(d, "name"), loader = kdict_get_cstr_borrow(d, "loader");
    KValue origin = kdict_get_cstr_borrow(d, "origin");
    KValue locs = kdict_get_cstr_borrow(d, "submodule_search_locations");
    KStrBuilder b;
    kstr_builder_init(&b);
    KValue parts[3] = {name, loader, origin};
    const char *labels[3] = {"ModuleSpec(name=", ", loader=", ", origin="};
    for (int i = 0; i < 3; i++) {
        if (!parts[i] || (i == 2 && parts[i] == KV_NONE)) {
            continue;
        }
        KValue r = kobj_repr(parts[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_cstr(&b, labels[i]);
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    if (locs && locs != KV_NONE) {
        KValue r = kobj_repr(locs);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_cstr(&b, ", submodule_search_locations=");
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

#define BAG_TYPE(var, tname, repr_fn, methods_)                                                    \
    static KType var = {                                                                           \
        KOBJ_STATIC_HEAD(&ktype_type),                                                             \
        .name = tname,                                                                             \
        .basicsize = sizeof(Bag),                                                                  \
        .flags = KTF_GC,                                                                           \
        .dictoffset = offsetof(Bag, dict),                                                         \
        .dealloc = bag_dealloc,                                                                    \
        .traverse = bag_traverse,                                                                  \
        .clear = bag_clear,                                                                        \
        .repr = repr_fn,                                                                           \
        .getattro = kobj_generic_getattr,                                                          \
        .setattro = kobj_generic_setattr,                                                          \
        .methods = methods_,                                                                       \
    }

// The loaders' methods of importlib's protocol (below).
static const KMethodDef loader_methods[];

BAG_TYPE(spec_type, "ModuleSpec", spec_repr, NULL);
BAG_TYPE(source_loader_type, "_frozen_importlib_external.SourceFileLoader", NULL, loader_methods);
BAG_TYPE(sourceless_loader_type, "_frozen_importlib_external.SourcelessFileLoader", NULL,
         loader_methods);
BAG_TYPE(namespace_loader_type, "_frozen_importlib_external._NamespaceLoader", NULL,
         loader_methods);

// <bundleimporter object "/p/app.kbz/pkg/">, as zipimport's zipimporter.
static KValue bundle_loader_repr(KValue self) {
    KValue d = ((Bag *)self)->dict;
    KValue archive = kdict_get_cstr_borrow(d, "archive");
    KValue prefix = kdict_get_cstr_borrow(d, "prefix");
    if (!archive || !prefix) {
        return kstr_from_cstr("<bundleimporter object>");
    }
    return kstr_from_format("<bundleimporter object \"%U/%U\">", archive, prefix);
}
BAG_TYPE(bundle_loader_type, "bundleimporter", bundle_loader_repr, loader_methods);

static KValue bag_new(KType *type) {
    if (!(type->flags & KTF_READY) && ktype_ready(type) < 0) {
        return KV_NULL;
    }
    Bag *b = (Bag *)kobj_alloc(type, sizeof(Bag));
    if (!b) {
        return kerr_no_memory();
    }
    b->dict = kdict_new();
    if (!b->dict) {
        kval_decref(kval_of(b));
        return KV_NULL;
    }
    return kval_of(b);
}

static int bag_set(KValue bag, const char *name, KValue value) {
    return kdict_set_cstr(((Bag *)bag)->dict, name, value);
}

static int bag_set_steal(KValue bag, const char *name, KValue value_steal) {
    int r = value_steal ? bag_set(bag, name, value_steal) : -1;
    kval_xdecref(value_steal);
    return r;
}

static KValue str_or_none(const char *s) {
    return s ? kstr_from_cstr(s) : kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// Finding.

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *dir, const char *name, const char *suffix) {
    size_t dl = strlen(dir), nl = strlen(name), sl = strlen(suffix);
    char *p = malloc(dl + nl + sl + 2);
    if (!p) {
        return NULL;
    }
    memcpy(p, dir, dl);
    size_t n = dl;
    if (dl && dir[dl - 1] != '/') {
        p[n++] = '/';
    }
    memcpy(p + n, name, nl);
    memcpy(p + n + nl, suffix, sl + 1);
    return p;
}

void kfinder_found_free(KFound *f) {
    free(f->path);
    kval_xdecref(f->dirs);
    kval_xdecref(f->spec);
    f->path = NULL;
    f->dirs = KV_NULL;
    f->spec = KV_NULL;
    f->kind = KFIND_NONE;
}

static int set_package_dirs(KFound *out, const char *dir) {
    KValue s = kstr_from_cstr(dir);
    out->dirs = s ? klist_new(0) : KV_NULL;
    int r = out->dirs ? klist_append(out->dirs, s) : -1;
    kval_xdecref(s);
    return r;
}

// Searches one directory 'dir' for 'tail'; 1 when found (filling 'out'), 0
// when not, with '*portion' set to the namespace directory when 'dir/tail' is
// a directory; -1 when out of memory.
static int find_in_dir(const char *dir, const char *tail, KFound *out, char **portion) {
    char *base = join(dir, tail, "");
    if (!base) {
        return -1;
    }
    if (is_dir(base)) {
        const char *inits[2] = {"__init__.py", "__init__.pyc"};
        for (int i = 0; i < 2; i++) {
            char *p = join(base, inits[i], "");
            if (p && is_file(p)) {
                out->kind = i == 0 ? KFIND_SOURCE : KFIND_SOURCELESS;
                out->is_package = 1;
                out->path = p;
                int r = set_package_dirs(out, base);
                free(base);
                return r < 0 ? -1 : 1;
            }
            free(p);
        }
        if (!*portion) {
            *portion = base;
            base = NULL;
        }
    }
    free(base);
    const char *suffixes[2] = {".py", ".pyc"};
    for (int i = 0; i < 2; i++) {
        char *p = join(dir, tail, suffixes[i]);
        if (!p) {
            return -1;
        }
        if (is_file(p)) {
            out->kind = i == 0 ? KFIND_SOURCE : KFIND_SOURCELESS;
            out->path = p;
            return 1;
        }
        free(p);
    }
    return 0;
}

// The parent package's __path__ for dotted 'absname' (its last dot at
// 'dot'), a new reference; KV_NULL with ModuleNotFoundError when the parent
// is no package.
static KValue parent_search_path(KValue absname, ssize_t dot) {
    KValue parent = kstr_substr(absname, 0, dot);
    if (!parent) {
        return KV_NULL;
    }
    KValue pmod = kdict_get_borrow(kruntime.modules, parent);
    KValue path = KV_NULL;
    if (pmod && kobj_lookup_attr(pmod, KID(__path__), &path) < 0) {
        kval_decref(parent);
        return KV_NULL;
    }
    if (!path) {
        kerr_format(&kexc_ModuleNotFoundError, "No module named %R; %R is not a package", absname,
                    parent);
        KValue e = kerr_occurred();
        if (e) {
            kval_setref(&((KImportError *)e)->name, kval_newref(absname));
        }
    }
    kval_decref(parent);
    return path;
}

static ssize_t last_dot(KValue absname) {
    ssize_t dot = kstr_len(absname) - 1;
    while (dot >= 0 && kstr_char((KStr *)absname, dot) != '.') {
        dot--;
    }
    return dot;
}

KValue kfinder_parent_path(KValue absname) {
    ssize_t dot = last_dot(absname);
    return dot < 0 ? kval_newref(KV_NONE) : parent_search_path(absname, dot);
}

// The search path for 'absname': the parent's __path__ or sys.path (new
// reference); KV_NULL with ModuleNotFoundError when the parent is no package.
static KValue search_path(KValue absname, ssize_t dot) {
    if (dot >= 0) {
        return parent_search_path(absname, dot);
    }
    KValue p = kdict_get_borrow(kruntime.sys_dict, KID(path));
    if (!p) {
        kerr_set(&kexc_ImportError, "sys.path must be a list of directory names");
        return KV_NULL;
    }
    return kval_newref(p);
}

// ---------------------------------------------------------------------------
// Zip archives on the path, through CPython's zipimport (as its zipimporter
// path hook): the importer made for an entry is kept in
// sys.path_importer_cache (None when the file is no zip archive).

// 1 when the regular file 'path' ends with a zip archive's end record
// (a zip application may start with a #! line).
static int is_zip_archive(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 22) {
        return 0;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        return 0;
    }
    // The end record (22 bytes) follows a comment of at most 65535 bytes.
    long span = st.st_size < 22 + 65535 ? (long)st.st_size : 22 + 65535;
    unsigned char *buf = malloc((size_t)span);
    int found = 0;
    if (buf && fseek(f, -span, SEEK_END) == 0 && fread(buf, 1, (size_t)span, f) == (size_t)span) {
        for (long i = span - 22; i >= 0 && !found; i--) {
            found = buf[i] == 'P' && buf[i + 1] == 'K' && buf[i + 2] == 5 && buf[i + 3] == 6;
        }
    }
    free(buf);
    fclose(f);
    return found;
}

int kfinder_is_zip(const char *path) {
    return is_zip_archive(path);
}

// 1 when 'path' is a zip archive or a directory inside one ("app.zip/pkg",
// as a zip package's __path__ names it).
static int in_zip_archive(const char *path) {
    char *p = strdup(path);
    struct stat st;
    int found = 0;
    while (p) { // the longest prefix that exists decides
        if (stat(p, &st) == 0) {
            found = S_ISREG(st.st_mode) && is_zip_archive(p);
            break;
        }
        char *slash = strrchr(p, '/');
        if (!slash || slash == p) {
            break;
        }
        *slash = 0;
    }
    free(p);
    return found;
}

// The importer for path entry 'entry' (a file that is no bundle): from
// sys.path_importer_cache, else a zipimporter for a zip archive (cached,
// as None when it is none). A new reference (None: no importer), or KV_NULL
// with an exception.
static KValue zip_importer(KValue entry, const char *path) {
    KValue cache = kdict_get_cstr_borrow(kruntime.sys_dict, "path_importer_cache");
    KValue importer = cache && kdict_check(cache) ? kdict_get_borrow(cache, entry) : KV_NULL;
    if (importer || kerr_occurred()) {
        return kval_xnewref(importer);
    }
    static int importing; // zipimport itself is being found: archives are skipped meanwhile
    if (importing) {
        return kval_newref(KV_NONE); // not cached: asked again once zipimport is in
    }
    if (!in_zip_archive(path)) {
        importer = kval_newref(KV_NONE);
    } else {
        importing = 1;
        KValue mod = kimport_cstr("zipimport");
        KValue cls = mod ? kobj_getattr_cstr(mod, "zipimporter") : KV_NULL;
        importer = cls ? kobj_call(cls, &entry, 1, KV_NULL) : KV_NULL;
        KValue zerr = !importer && mod ? kobj_getattr_cstr(mod, "ZipImportError")
                                       : KV_NULL;
        if (zerr && ktype_check(zerr) && kerr_matches((KType *)kval_obj(zerr))) { // not readable as an archive after all
            kerr_clear();
            importer = kval_newref(KV_NONE);
        } else if (!zerr && !importer && mod) {
            kerr_clear(); // ZipImportError missing: zipimport itself is broken
        }
        kval_xdecref(zerr);
        kval_xdecref(cls);
        kval_xdecref(mod);
        importing = 0;
    }
    if (importer && cache && kdict_check(cache) && kdict_set(cache, entry, importer) < 0) {
        KVAL_CLEAR(importer);
    }
    return importer;
}

// Looks 'absname' up with path entry finder 'importer' (a new reference,
// released here; None finds nothing): 1 found (its spec in 'out'), 0 not
// there (a namespace portion in '*portion'), -1 error.
static int importer_find(KValue importer, KValue absname, KFound *out, char **portion) {
    if (!importer) {
        return -1;
    }
    if (importer == KV_NONE) {
        kval_decref(importer);
        return 0;
    }
    KValue find_spec = kobj_getattr_cstr(importer, "find_spec");
    KValue spec = find_spec ? kobj_call(find_spec, &absname, 1, KV_NULL) : KV_NULL;
    kval_xdecref(find_spec);
    kval_decref(importer);
    if (!spec) {
        return -1;
    }
    if (spec == KV_NONE) {
        kval_decref(spec);
        return 0;
    }
    KValue loader = kobj_getattr_cstr(spec, "loader");
    KValue locations = loader ? kobj_getattr_cstr(spec, "submodule_search_locations")
                              : KV_NULL;
    int r = 1;
    if (!locations) {
        r = -1;
    } else if (loader == KV_NONE) { // a namespace package's portion in the archive
        r = 0;
        if (klist_check(locations) && klist_len(locations) > 0 &&
            kstr_check(klist_items(locations)[0])) {
            *portion = strdup(kstr_utf8(klist_items(locations)[0], NULL));
        }
    } else {
        out->kind = KFIND_SPEC;
        out->is_package = locations != KV_NONE;
        out->spec = kval_newref(spec);
    }
    kval_xdecref(loader);
    kval_xdecref(locations);
    kval_decref(spec);
    return r;
}

// The finder the hooks a program put on sys.path_hooks give for 'entry',
// as importlib's _path_importer_cache: the cached one, else each hook in
// turn (ImportError: not this hook's), cached once found. A new
// reference, None when no hook takes it (krait's own finding then runs),
// or KV_NULL with an exception.
static KValue hook_importer(KValue entry) {
    KValue hooks = kdict_get_cstr_borrow(kruntime.sys_dict, "path_hooks");
    if (!hooks || !klist_check(hooks) || klist_len(hooks) == 0) {
        return kval_newref(KV_NONE);
    }
    KValue cache = kdict_get_cstr_borrow(kruntime.sys_dict, "path_importer_cache");
    KValue cached = cache && kdict_check(cache) ? kdict_get_borrow(cache, entry) : KV_NULL;
    if (cached || kerr_occurred()) {
        return kval_xnewref(cached);
    }
    KValue snapshot = klist_as_tuple(hooks);
    KValue finder = KV_NULL;
    for (ssize_t i = 0; snapshot && i < ktuple_len(snapshot); i++) {
        finder = kobj_call(ktuple_items(snapshot)[i], &entry, 1, KV_NULL);
        if (finder || !kerr_matches(&kexc_ImportError)) {
            break;
        }
        kerr_clear();
    }
    kval_xdecref(snapshot);
    if (!finder) {
        return kerr_occurred() ? KV_NULL : kval_newref(KV_NONE);
    }
    if (cache && kdict_check(cache) && kdict_set(cache, entry, finder) < 0) {
        KVAL_CLEAR(finder);
    }
    return finder;
}

static int find_on_path(KValue path, const char *tail, KValue absname, KFound *out) {
    KValue it = kobj_get_iter(path), entry;
    char *portion = NULL;
    int r = 0;
    KValue portions = klist_new(0);
    if (!it || !portions) {
        r = -1;
        goto done;
    }
    while (r == 0 && (entry = kobj_iter_next(it))) {
        if (kstr_check(entry)) {
            const char *dir = kstr_utf8(entry, NULL);
            char cwd[4096];
            if (dir && !dir[0]) {
                dir = getcwd(cwd, sizeof cwd) ? cwd : ".";
            }
            KValue hooked = dir ? hook_importer(entry) : KV_NULL;
            if (!hooked) {
                r = -1;
            } else if (hooked != KV_NONE) {
                r = importer_find(hooked, absname, out, &portion);
                hooked = KV_NULL;
            } else {
                kval_decref(hooked);
                r = kbundles_find(dir, tail, out, &portion);
            }
            if (r == 2) {
                struct stat st;
                int is_dir = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
                r = is_dir ? find_in_dir(dir, tail, out, &portion)
                           : importer_find(zip_importer(entry, dir), absname, out, &portion);
            }
            if (portion) {
                KValue s = kstr_from_cstr(portion);
                if (!s || klist_append(portions, s) < 0) {
                    r = -1;
                }
                kval_xdecref(s);
                free(portion);
                portion = NULL;
            }
        }
        kval_decref(entry);
    }
    if (r == 0 && kerr_occurred()) {
        r = -1;
    }
    if (r == 0 && klist_len(portions) > 0) {
        out->kind = KFIND_NAMESPACE;
        out->is_package = 1;
        out->dirs = portions;
        portions = KV_NULL;
        r = 1;
    }
done:
    kval_xdecref(it);
    kval_xdecref(portions);
    return r < 0 ? -1 : 0;
}

int kfinder_find(KValue absname, KFound *out) {
    return kfinder_find_in(absname, KV_NULL, out);
}

int kfinder_find_in(KValue absname, KValue search, KFound *out) {
    memset(out, 0, sizeof *out);
    ssize_t dot = last_dot(absname);
    KValue path = search ? kval_newref(search) : search_path(absname, dot);
    if (!path) {
        return -1;
    }
    KValue tail = kstr_substr(absname, dot + 1, kstr_len(absname));
    const char *t = tail ? kstr_utf8(tail, NULL) : NULL;
    int r = t ? find_on_path(path, t, absname, out) : -1;
    kval_xdecref(tail);
    kval_decref(path);
    if (r < 0) {
        kfinder_found_free(out);
    }
    return r;
}

// ---------------------------------------------------------------------------
// Code.

static KValue the_compile_error; // set by compile_unit while the loader runs

void kfinder_raise_compile_error(const KcUnit *u) {
    KcError e;
    if (!kc_unit_error(u, &e)) {
        kerr_set(&kexc_SystemError, "compilation failed without an error");
        return;
    }
    KType *t = &kexc_SyntaxError;
    if (!strcmp(e.type, "IndentationError")) {
        t = &kexc_IndentationError;
    } else if (!strcmp(e.type, "TabError")) {
        t = &kexc_TabError;
    } else if (!strcmp(e.type, "MemoryError")) {
        kerr_no_memory();
        return;
    } else if (!strcmp(e.type, "RecursionError")) {
        kerr_set(&kexc_RecursionError,
                 e.msg ? e.msg : "maximum recursion depth exceeded during compilation");
        return;
    }
    KValue msg = str_or_none(e.msg), fn = str_or_none(e.filename), text = str_or_none(e.text);
    KValue info = msg && fn && text
                      ? ktuple_pack(6, fn, kval_from_int(e.lineno), kval_from_int(e.offset), text,
                                    kval_from_int(e.end_lineno), kval_from_int(e.end_offset))
                      : KV_NULL;
    KValue args = info ? ktuple_pack(2, msg, info) : KV_NULL;
    KValue exc = args ? kexc_new(t, args) : KV_NULL;
    if (exc) {
        kerr_raise(exc);
        kval_decref(exc);
    }
    kval_xdecref(msg);
    kval_xdecref(fn);
    kval_xdecref(text);
    kval_xdecref(info);
    kval_xdecref(args);
}

// The loader's compiler: kc_compile, keeping a failed unit's structured error
// as a pending SyntaxError (the loader itself only carries text).
static int compile_unit(const char *filename, const char *bytes, size_t len, int optimize,
                        const KfCode **code, void **owner, char **message) {
    *code = NULL;
    *owner = NULL;
    *message = NULL;
    KcUnit *u = kc_compile(filename, bytes, len, KC_MODE_EXEC, optimize);
    if (!u) {
        return -1;
    }
    const KfCode *c = kc_unit_code(u);
    if (!c) {
        *message = kc_format_error(u);
        kfinder_raise_compile_error(u);
        kval_xdecref(the_compile_error);
        the_compile_error = kerr_fetch();
        kc_unit_free(u);
        return -1;
    }
    *code = c;
    *owner = u;
    return 0;
}

static void release_unit(void *owner) {
    kc_unit_free(owner);
}

static const KlCompiler finder_compiler = {compile_unit, release_unit};

// Raises the loader's failure 'res' (the compile error when there is one).
static void raise_load_error(KlResult *res, const char *path) {
    if (res->err == KL_ERR_COMPILE && the_compile_error) {
        kerr_restore(the_compile_error);
        the_compile_error = KV_NULL;
        return;
    }
    if (res->err == KL_ERR_NOMEM) {
        kerr_no_memory();
        return;
    }
    const char *m = res->message ? res->message : kl_strerror(res->err);
    if (!strncmp(m, "ImportError: ", 13)) {
        m += 13;
    }
    size_t n = strlen(m);
    while (n && m[n - 1] == '\n') {
        n--;
    }
    KValue s = kstr_from_utf8(m, (ssize_t)n);
    if (s) {
        KValue p = kstr_from_cstr(path);
        kerr_set_value(&kexc_ImportError, s);
        KValue e = kerr_occurred();
        if (e && p && kval_type(e) == &kexc_ImportError) {
            kval_setref(&((KImportError *)e)->path, kval_newref(p));
        }
        kval_xdecref(p);
        kval_decref(s);
    }
}

static void load_options(KlOptions *o) {
    memset(o, 0, sizeof *o);
    o->optimize = kfinder_options.optimize;
    o->invalidation = KF_INVALIDATE_TIMESTAMP;
    o->dont_write = kfinder_options.dont_write;
    o->pycache_prefix = kfinder_options.pycache_prefix;
    o->compiler = &finder_compiler;
}

// Frees a loader image that a code image owned.
static void release_image(void *owner) {
    kl_image_release(owner);
    free(owner);
}

// The module code of the cache 'res' loaded, used in place: the code image
// takes the loader's image over. 'filename', when not NULL, replaces the
// stored co_filename (importlib's _fix_up_module).
static KValue code_from_result(KlResult *res, KValue filename) {
    KlImage *im = malloc(sizeof *im);
    if (!im) {
        return kerr_no_memory();
    }
    *im = res->image;
    memset(&res->image, 0, sizeof res->image);
    char where[64 + 4096];
    const char *name = im->name ? im->name : "cache file";
    size_t n = strlen(name);
    n = n < sizeof where - 1 ? n : sizeof where - 1;
    memcpy(where, name, n); // not snprintf: its first call and format cost ~2.5K instructions
    where[n] = 0;
    return kcode_from_image(im->payload, im->payload_len, release_image, im, where, filename);
}

KValue kfinder_load_code(const char *path, int sourceless) {
    KlOptions opts;
    load_options(&opts);
    KlResult res;
    KlError err = sourceless ? kl_load_cache_file(path, &res) : kl_load_source(path, &opts, &res);
    if (err != KL_OK) {
        raise_load_error(&res, path);
        kl_result_free(&res);
        return KV_NULL;
    }
    kval_xdecref(the_compile_error);
    the_compile_error = KV_NULL;
    KValue fn = sourceless ? KV_NULL : kstr_from_cstr(path);
    KValue code = sourceless || fn ? code_from_result(&res, fn) : KV_NULL;
    kval_xdecref(fn);
    kl_result_free(&res);
    return code;
}

// The code of the bundle member found in 'f', its co_filename shown as
// 'f->path' ('BUNDLE/pkg/mod.py', as zipimport's), unless it was compiled
// with an absolute name (kraitc --bundle -d DIR: the source's own place,
// where tracebacks read the lines, as for the standard library bundle).
static KValue load_bundle_code(const KFound *f) {
    KlResult res;
    if (kl_bundle_load(f->bundle, f->entry, &res) != KL_OK) {
        raise_load_error(&res, f->bundle->path);
        kl_result_free(&res);
        return KV_NULL;
    }
    // The module's stored co_filename, read in place (kl_bundle_load checked it).
    KfImage img;
    KfImageCode rec;
    const char *stored = "";
    size_t len;
    if (kf_image_open(&img, res.image.payload, res.image.payload_len, NULL) != KF_OK ||
        kf_image_code(&img, 0, &rec, NULL) != KF_OK ||
        kf_image_string(&img, rec.filename, KF_STR_NAME, &stored, &len, NULL) != KF_OK) {
        stored = "";
    }
    KValue fn = stored[0] == '/' ? KV_NULL : kstr_from_cstr(f->path);
    KValue code = fn || stored[0] == '/' ? code_from_result(&res, fn) : KV_NULL;
    kval_xdecref(fn);
    kl_result_free(&res);
    return code;
}

// ---------------------------------------------------------------------------
// Loading.

// The archive and prefix attributes of a bundle module's loader: the
// bundle's path, and the package directory the module was found in
// ('pkg/' for 'BUNDLE/pkg/mod.py' and 'BUNDLE/pkg/sub/__init__.py').
static int set_bundle_loader(KValue l, const KFound *f) {
    const char *archive = f->bundle->path;
    size_t alen = strlen(archive);
    const char *rel = strncmp(f->path, archive, alen) == 0 && f->path[alen] == '/'
                          ? f->path + alen + 1
                          : "";
    size_t end = strlen(rel);
    for (int k = 0; k < 1 + f->is_package; k++) {
        while (end > 0 && rel[end - 1] != '/') {
            end--;
        }
        if (k == 0 && f->is_package && end > 0) {
            end--;
        }
    }
    KValue a = kstr_from_cstr(archive), prefix = kstr_from_utf8(rel, (ssize_t)end);
    int r = a && prefix && bag_set(l, "archive", a) == 0 && bag_set(l, "prefix", prefix) == 0
                ? 0
                : -1;
    kval_xdecref(a);
    kval_xdecref(prefix);
    return r;
}

static KValue new_loader(const KFound *f, KValue name) {
    KType *t = f->kind == KFIND_SOURCE       ? &source_loader_type
               : f->kind == KFIND_SOURCELESS ? &sourceless_loader_type
               : f->kind == KFIND_BUNDLE     ? &bundle_loader_type
                                             : &namespace_loader_type;
    KValue l = bag_new(t);
    if (!l) {
        return KV_NULL;
    }
    if (f->kind == KFIND_BUNDLE && set_bundle_loader(l, f) < 0) {
        kval_decref(l);
        return KV_NULL;
    }
    if (bag_set(l, "name", name) < 0 ||
        (f->kind == KFIND_NAMESPACE ? bag_set(l, "path", f->dirs)
                                    : bag_set_steal(l, "path", kstr_from_cstr(f->path))) < 0) {
        kval_decref(l);
        return KV_NULL;
    }
    return l;
}

// The cache path a source module's __cached__ names (None for others).
static KValue cached_path(const KFound *f) {
    if (f->kind == KFIND_SOURCELESS) {
        return kstr_from_cstr(f->path);
    }
    if (f->kind != KFIND_SOURCE && f->kind != KFIND_BUNDLE) {
        return kval_newref(KV_NONE);
    }
    char *c = kl_cache_path_prefixed(f->path, kfinder_options.optimize,
                                     kfinder_options.pycache_prefix);
    if (!c) {
        return kerr_no_memory();
    }
    KValue s = kstr_from_cstr(c);
    free(c);
    return s;
}

static KValue parent_name(KValue name, int is_package) {
    if (is_package) {
        return kval_newref(name);
    }
    ssize_t i = kstr_len(name) - 1;
    while (i >= 0 && kstr_char((KStr *)name, i) != '.') {
        i--;
    }
    return kstr_substr(name, 0, i < 0 ? 0 : i);
}

static KValue new_spec(const KFound *f, KValue name, KValue loader, KValue cached) {
    KValue spec = bag_new(&spec_type);
    if (!spec) {
        return KV_NULL;
    }
    int has_location = f->kind != KFIND_NAMESPACE;
    if (bag_set(spec, "name", name) < 0 || bag_set(spec, "loader", loader) < 0 ||
        bag_set_steal(spec, "origin", has_location ? kstr_from_cstr(f->path)
                                                   : kval_newref(KV_NONE)) < 0 ||
        bag_set(spec, "loader_state", KV_NONE) < 0 ||
        bag_set(spec, "submodule_search_locations", f->dirs ? f->dirs : KV_NONE) < 0 ||
        bag_set(spec, "cached", cached) < 0 ||
        bag_set_steal(spec, "parent", parent_name(name, f->is_package)) < 0 ||
        bag_set(spec, "has_location", has_location ? KV_TRUE : KV_FALSE) < 0 ||
        bag_set_steal(spec, "_uninitialized_submodules", klist_new(0)) < 0 ||
        bag_set(spec, "_initializing", KV_TRUE) < 0) {
        kval_decref(spec);
        return KV_NULL;
    }
    return spec;
}

// Fills the module attributes of 'mod' as importlib's _init_module_attrs.
static int init_module_attrs(KValue mod, const KFound *f, KValue spec) {
    KValue d = kmod_dict_borrow(mod);
    KValue sd = ((Bag *)spec)->dict;
    if (kdict_set(d, KID(__package__), kdict_get_cstr_borrow(sd, "parent")) < 0 ||
        kdict_set(d, KID(__loader__), kdict_get_cstr_borrow(sd, "loader")) < 0 ||
        kdict_set(d, KID(__spec__), spec) < 0) {
        return -1;
    }
    if (f->dirs && kdict_set(d, KID(__path__), f->dirs) < 0) {
        return -1;
    }
    if (f->kind == KFIND_NAMESPACE) {
        return kdict_set(d, KID(__file__), KV_NONE);
    }
    KValue file = kstr_from_cstr(f->path);
    int r = file ? kdict_set(d, KID(__file__), file) : -1;
    kval_xdecref(file);
    return r < 0 ? r : kdict_set(d, KID(__cached__), kdict_get_cstr_borrow(sd, "cached"));
}

// The spec (with its loader) of the module found in 'f' named 'name'.
static KValue spec_for(const KFound *f, KValue name) {
    KValue loader = new_loader(f, name);
    KValue cached = loader ? cached_path(f) : KV_NULL;
    KValue spec = cached ? new_spec(f, name, loader, cached) : KV_NULL;
    kval_xdecref(loader);
    kval_xdecref(cached);
    return spec;
}

KValue kfinder_spec(const KFound *f, KValue name) {
    if (f->kind == KFIND_SPEC) {
        return kval_newref(f->spec);
    }
    KValue spec = spec_for(f, name);
    if (spec && bag_set(spec, "_initializing", KV_FALSE) < 0) {
        KVAL_CLEAR(spec);
    }
    return spec;
}

KValue kfinder_builtin_spec(KValue name, KValue loader) {
    KValue spec = bag_new(&spec_type);
    if (!spec) {
        return KV_NULL;
    }
    if (bag_set(spec, "name", name) < 0 || bag_set(spec, "loader", loader) < 0 ||
        bag_set_steal(spec, "origin", kstr_from_cstr("built-in")) < 0 ||
        bag_set(spec, "loader_state", KV_NONE) < 0 ||
        bag_set(spec, "submodule_search_locations", KV_NONE) < 0 ||
        bag_set(spec, "cached", KV_NONE) < 0 ||
        bag_set_steal(spec, "parent", parent_name(name, 0)) < 0 ||
        bag_set(spec, "has_location", KV_FALSE) < 0 ||
        bag_set_steal(spec, "_uninitialized_submodules", klist_new(0)) < 0) {
        kval_decref(spec);
        return KV_NULL;
    }
    return spec;
}

// Creates the module for 'f' named 'modname' with its spec (named 'specname').
static KValue new_module(const KFound *f, KValue modname, KValue specname) {
    const char *n = kstr_utf8(modname, NULL);
    KValue mod = n ? kmod_new(n) : KV_NULL;
    KValue spec = mod ? spec_for(f, specname) : KV_NULL;
    int ok = spec && init_module_attrs(mod, f, spec) == 0;
    kval_xdecref(spec);
    if (!ok) {
        kval_xdecref(mod);
        return KV_NULL;
    }
    return mod;
}

static void end_initializing(KValue mod) {
    KValue spec = kdict_get_borrow(kmod_dict_borrow(mod), KID(__spec__));
    if (spec && kval_type(spec) == &spec_type && bag_set(spec, "_initializing", KV_FALSE) < 0) {
        kerr_clear();
    }
}

int kfinder_is_initializing(KValue mod) {
    if (kval_type(mod) != &kmodule_type && !ktype_is_subtype(kval_type(mod), &kmodule_type)) {
        return 0;
    }
    KValue spec = kdict_get_borrow(kmod_dict_borrow(mod), KID(__spec__));
    if (!spec || kval_type(spec) != &spec_type) {
        return 0;
    }
    KValue v = kdict_get_cstr_borrow(((Bag *)spec)->dict, "_initializing");
    return v == KV_TRUE;
}

// Removes 'name' from sys.modules keeping the pending exception.
static void forget_module(KValue name) {
    KValue exc = kerr_fetch();
    if (kdict_discard(kruntime.modules, name) < 0) {
        kerr_clear();
    }
    kerr_restore(exc);
}

// The code of the module found in 'f' (a new reference), or KV_NULL with
// an exception.
static KValue found_code(const KFound *f) {
    return f->kind == KFIND_BUNDLE ? load_bundle_code(f)
                                   : kfinder_load_code(f->path, f->kind == KFIND_SOURCELESS);
}

// Runs the module found in 'f' in 'globals': its result (a new reference),
// None for a namespace package, or KV_NULL with an exception.
// Sizes the namespace 'globals' for the names the module code 'code'
// stores, so that a module defining thousands of names does not grow its
// dict a dozen times on the way (tools/bench/import-large: four resizes,
// 140 KB of tables made and dropped). -1 with MemoryError.
static int reserve_globals(KValue code, KValue globals) {
    const KCode *c = (const KCode *)code;
    ssize_t stores = 0;
    for (int i = 0; i < c->ncode; i++) {
        uint8_t op = (uint8_t)c->code[i];
        stores += op == KF_OP_STORE_NAME || op == KF_OP_STORE_GLOBAL;
    }
    return stores > 8 ? kdict_reserve(globals, stores) : 0;
}

static KValue run_found(const KFound *f, KValue globals) {
    if (f->kind == KFIND_NAMESPACE) {
        return KV_NONE;
    }
    KValue code = found_code(f);
    KValue r = code && kdict_set(globals, KID(__builtins__), kruntime.builtins_mod) == 0 &&
                       reserve_globals(code, globals) == 0
                   ? keval_code(code, globals, globals)
                   : KV_NULL;
    kval_xdecref(code);
    return r;
}

KValue kfinder_load_spec(KValue spec) {
    KValue bootstrap = kimport_cstr("importlib._bootstrap");
    KValue load = bootstrap ? kobj_getattr_cstr(bootstrap, "_load") : KV_NULL;
    KValue m = load ? kobj_call(load, &spec, 1, KV_NULL) : KV_NULL;
    kval_xdecref(load);
    kval_xdecref(bootstrap);
    return m;
}

// A module an importer found (KFIND_SPEC): loaded by importlib
// (kfinder_load_spec); for '__main__' (a zip application's), its code runs
// in a new __main__ module, as runpy's _run_module_as_main.
static KValue exec_spec(const KFound *f, KValue modname) {
    if (!kstr_eq_cstr(modname, "__main__")) {
        return kfinder_load_spec(f->spec);
    }
    KValue main = kmod_new("__main__");
    if (!main || kdict_set(kruntime.modules, modname, main) < 0) {
        kval_xdecref(main);
        return KV_NULL;
    }
    KValue loader = kobj_getattr_cstr(f->spec, "loader");
    KValue spec_name = loader ? kobj_getattr(f->spec, KID(name)) : KV_NULL;
    KValue get_code = spec_name ? kobj_getattr_cstr(loader, "get_code") : KV_NULL;
    KValue code = get_code ? kobj_call(get_code, &spec_name, 1, KV_NULL) : KV_NULL;
    kval_xdecref(get_code);
    KValue origin = code ? kobj_getattr_cstr(f->spec, "origin") : KV_NULL;
    KValue r = KV_NULL;
    if (origin) {
        KValue d = kmod_dict_borrow(main);
        if (kdict_set(d, KID(__file__), origin) == 0 && kdict_set(d, KID(__loader__), loader) == 0 &&
            kdict_set(d, KID(__spec__), f->spec) == 0 &&
            kdict_set(d, KID(__package__), kstr_ids.empty) == 0 &&
            kdict_set(d, KID(__cached__), KV_NONE) == 0) {
            r = keval_code(code, d, d);
        }
    }
    kval_xdecref(origin);
    kval_xdecref(code);
    kval_xdecref(spec_name);
    kval_xdecref(loader);
    if (!r) {
        kval_decref(main);
        return KV_NULL;
    }
    kval_decref(r);
    return main;
}

KValue kfinder_exec_found(const KFound *f, KValue modname, KValue specname) {
    if (f->kind == KFIND_SPEC) {
        return exec_spec(f, modname);
    }
    KValue mod = new_module(f, modname, specname);
    if (!mod) {
        return KV_NULL;
    }
    if (kdict_set(kruntime.modules, modname, mod) < 0) {
        kval_decref(mod);
        return KV_NULL;
    }
    KValue r = run_found(f, kmod_dict_borrow(mod));
    end_initializing(mod);
    if (!r) {
        forget_module(modname);
        kval_decref(mod);
        return KV_NULL;
    }
    if (r != KV_NONE) {
        kval_decref(r);
    }
    // The module may have replaced itself in sys.modules.
    KValue final = kdict_get_borrow(kruntime.modules, modname);
    if (!final) {
        kval_decref(mod);
        kerr_format(&kexc_KeyError, "%R", modname);
        return KV_NULL;
    }
    kval_decref(mod);
    return kval_newref(final);
}

// ---------------------------------------------------------------------------
// The loaders as importlib's module_from_spec and reload use them.

// What 'loader' stands for, as kfinder_find gives it: a source or sourceless
// file by its path; a bundle member found again by its name (and checked to
// be the same member). 0, or -1 with an exception.
static int loader_found(KValue loader, KFound *f) {
    KValue d = ((Bag *)loader)->dict;
    KValue path = kdict_get_cstr_borrow(d, "path"), name = kdict_get_cstr_borrow(d, "name");
    KType *t = kval_type(loader);
    memset(f, 0, sizeof *f);
    if (t == &namespace_loader_type) {
        f->kind = KFIND_NAMESPACE;
        f->is_package = 1;
        return 0;
    }
    const char *p = path && kstr_check(path) ? kstr_utf8(path, NULL) : NULL;
    if (!p || !name || !kstr_check(name)) {
        kerr_set(&kexc_ImportError, "loader has no valid path and name");
        return -1;
    }
    if (t == &bundle_loader_type) {
        if (kfinder_find(name, f) < 0) {
            return -1;
        }
        if (f->kind != KFIND_BUNDLE || strcmp(f->path, p) != 0) {
            kfinder_found_free(f);
            kerr_format(&kexc_ImportError, "bundle member %U is no longer found as %R", path,
                        name);
            return -1;
        }
        return 0;
    }
    f->kind = t == &source_loader_type ? KFIND_SOURCE : KFIND_SOURCELESS;
    f->path = strdup(p);
    if (!f->path) {
        kerr_no_memory();
        return -1;
    }
    const char *base = strrchr(p, '/');
    base = base ? base + 1 : p;
    f->is_package = strcmp(base, "__init__.py") == 0 || strncmp(base, "__init__.", 9) == 0;
    return 0;
}

// importlib's FileLoader checks the name it is asked about.
static int loader_check_name(KValue self, KValue name) {
    KValue mine = kdict_get_cstr_borrow(((Bag *)self)->dict, "name");
    if (name && name != KV_NONE && mine && !kobj_richcompare_bool(mine, name, KF_CMP_EQ)) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_ImportError, "loader for %U cannot handle %U", mine, name);
        }
        return -1;
    }
    return 0;
}

static KValue loader_create_module(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_NONE); // the default module, as importlib makes it
}

static KValue loader_exec_module(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue globals = kobj_getattr(args[0], KID(__dict__));
    if (!globals) {
        return KV_NULL;
    }
    if (!kdict_check(globals)) {
        kval_decref(globals);
        kerr_set(&kexc_TypeError, "exec_module() argument must be a module with a dict");
        return KV_NULL;
    }
    KFound f;
    KValue r = loader_found(self, &f) == 0 ? run_found(&f, globals) : KV_NULL;
    kfinder_found_free(&f);
    kval_decref(globals);
    if (!r) {
        return KV_NULL;
    }
    if (r != KV_NONE) {
        kval_decref(r);
    }
    return kval_newref(KV_NONE);
}

static KValue loader_get_code(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (loader_check_name(self, nargs ? args[0] : KV_NULL) < 0) {
        return KV_NULL;
    }
    KFound f;
    if (loader_found(self, &f) < 0) {
        return KV_NULL;
    }
    KValue code = f.kind == KFIND_NAMESPACE ? kval_newref(KV_NONE) : found_code(&f);
    kfinder_found_free(&f);
    return code;
}

static KValue loader_is_package(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (loader_check_name(self, nargs ? args[0] : KV_NULL) < 0) {
        return KV_NULL;
    }
    KFound f;
    if (loader_found(self, &f) < 0) {
        return KV_NULL;
    }
    int pkg = f.is_package;
    kfinder_found_free(&f);
    return kbool_from(pkg);
}

static KValue loader_get_filename(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("get_filename", nargs, 0, 1) < 0 ||
        loader_check_name(self, nargs ? args[0] : KV_NULL) < 0) {
        return KV_NULL;
    }
    KValue path = kdict_get_cstr_borrow(((Bag *)self)->dict, "path");
    if (!path || !kstr_check(path)) {
        kerr_set(&kexc_ImportError, "loader has no file name");
        return KV_NULL;
    }
    return kval_newref(path);
}

// get_resource_reader(name), as importlib's loaders answer it: a file
// module's importlib.readers.FileReader (importlib.resources reads beside
// the module), a namespace package's NamespaceReader over its portions;
// None in a bundle (importlib.resources then reads through the loader).
static KValue loader_get_resource_reader(KValue self, const KValue *args, size_t nargs,
                                         KValue kw) {
    (void)kw;
    if (kargs_count("get_resource_reader", nargs, 1, 1) < 0 || loader_check_name(self, args[0]) < 0) {
        return KV_NULL;
    }
    KType *t = kval_type(self);
    int is_file = t == &source_loader_type || t == &sourceless_loader_type;
    if (!is_file && t != &namespace_loader_type) {
        return kval_newref(KV_NONE);
    }
    KValue readers = kimport_cstr("importlib.readers");
    KValue cls = readers ? kobj_getattr_cstr(readers, is_file ? "FileReader" : "NamespaceReader")
                         : KV_NULL;
    KValue r = KV_NULL;
    if (cls && is_file) {
        r = kobj_call(cls, &self, 1, KV_NULL);
    } else if (cls) {
        // NamespaceReader(path) accepts only importlib's _NamespacePath
        // (krait's namespace __path__ is a list): the reader is made as its
        // __init__ makes it, its 'path' a MultiplexedPath of the portions.
        KValue paths = kdict_get_cstr_borrow(((Bag *)self)->dict, "path");
        KValue mp_cls = kobj_getattr_cstr(readers, "MultiplexedPath");
        KValue tuple = mp_cls && paths ? ktuple_from_iterable(paths) : KV_NULL;
        KValue mp = tuple ? kobj_call(mp_cls, ktuple_items(tuple), (size_t)ktuple_len(tuple), KV_NULL)
                          : KV_NULL;
        KValue obj = mp ? kobj_call_method(kval_of(&kobject_type), KID(__new__), &cls, 1) : KV_NULL;
        KValue path_name = obj ? kstr_intern_cstr("path") : KV_NULL;
        if (path_name && kobj_setattr(obj, path_name, mp) == 0) {
            r = kval_newref(obj);
        }
        if (mp_cls && !paths && !kerr_occurred()) {
            kerr_set(&kexc_ImportError, "namespace loader has no path");
        }
        kval_xdecref(path_name);
        kval_xdecref(obj);
        kval_xdecref(mp);
        kval_xdecref(tuple);
        kval_xdecref(mp_cls);
    }
    kval_xdecref(cls);
    kval_xdecref(readers);
    return r;
}

static const KMethodDef loader_methods[] = {
    {"get_resource_reader", loader_get_resource_reader, KMETH_FAST, NULL},
    {"create_module", loader_create_module, KMETH_O, NULL},
    {"exec_module", loader_exec_module, KMETH_O, NULL},
    {"get_code", loader_get_code, KMETH_O, NULL},
    {"is_package", loader_is_package, KMETH_O, NULL},
    {"get_filename", loader_get_filename, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kfinder_import(KValue absname) {
    KFound f;
    if (kfinder_find(absname, &f) < 0) {
        return KV_NULL;
    }
    if (f.kind == KFIND_NONE) {
        return KV_NULL;
    }
    KValue mod = kfinder_exec_found(&f, absname, absname);
    kfinder_found_free(&f);
    return mod;
}

void kfinder_install(void) {
    kimport_hook = kfinder_import;
}
