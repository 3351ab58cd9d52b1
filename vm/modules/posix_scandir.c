// vm/modules/posix_scandir.c: os.scandir and os.DirEntry. The iterator
// owns the open directory (closed at exhaustion, by close() or by the with
// statement); each entry keeps readdir's d_type and d_ino, so is_dir(),
// is_file() and is_symlink() usually need no system call, and caches the
// stat and lstat results it had to fetch, as CPython's.
#include "posix.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

typedef struct DirEntry {
    KOBJ_HEAD;
    KValue name, path;  // str or bytes
    KValue stat, lstat; // cached stat results, or KV_NULL
    unsigned char d_type;
    ino_t d_ino;
    int dir_fd; // the directory's fd when scandir(fd), else -1
} DirEntry;

typedef struct ScandirIter {
    KOBJ_HEAD;
    DIR *dir;
    KValue path;  // what the entries' paths are joined to: str, bytes, or KV_NULL for an fd
    int as_bytes; // names are bytes
    int fd;       // scandir(fd): the descriptor given, else -1
} ScandirIter;

static KType direntry_type, scandir_iter_type;

// ---------------------------------------------------------------------------
// DirEntry

static void entry_dealloc(KObject *o) {
    DirEntry *e = (DirEntry *)o;
    kgc_untrack(o);
    KVAL_CLEAR(e->name);
    KVAL_CLEAR(e->path);
    KVAL_CLEAR(e->stat);
    KVAL_CLEAR(e->lstat);
    kobj_free(o);
}

static int entry_traverse(KObject *o, KVisitFn visit, void *arg) {
    DirEntry *e = (DirEntry *)o;
    KValue refs[4] = {e->name, e->path, e->stat, e->lstat};
    for (int i = 0; i < 4; i++) {
        if (refs[i] && visit(refs[i], arg)) {
            return 1;
        }
    }
    return 0;
}

// stat() or lstat() of the entry, uncached; OSError names the entry's path.
static KValue fetch_stat(DirEntry *e, int follow) {
    KValue target = e->dir_fd >= 0 ? e->name : e->path;
    ssize_t len;
    KValue enc = kbytes_check(target) ? kval_newref(target) : KV_NULL;
    if (!enc) {
        KPath p;
        kpath_init(&p, "stat", NULL, 0, 0);
        if (kpath_convert(target, &p) < 0) {
            return KV_NULL;
        }
        enc = kval_newref(p.bytes);
        kpath_clear(&p);
    }
    const char *s = kbytes_data(enc, &len);
    struct stat st;
    int r = e->dir_fd >= 0 ? fstatat(e->dir_fd, s, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
            : follow       ? stat(s, &st)
                           : lstat(s, &st);
    kval_decref(enc);
    if (r) {
        kerr_from_errno(e->path);
        return KV_NULL;
    }
    return kposix_stat_result(&st);
}

static KValue get_lstat(DirEntry *e) {
    if (!e->lstat && !(e->lstat = fetch_stat(e, 0))) {
        return KV_NULL;
    }
    return kval_newref(e->lstat);
}

// 1/0 for a symlink, -1 on error.
static int entry_is_symlink(DirEntry *e) {
    if (e->d_type != DT_UNKNOWN) {
        return e->d_type == DT_LNK;
    }
    KValue st = get_lstat(e);
    if (!st) {
        return -1;
    }
    int r = S_ISLNK((mode_t)kval_int(ktuple_items(st)[0]));
    kval_decref(st);
    return r;
}

static KValue get_stat(DirEntry *e, int follow) {
    if (!follow) {
        return get_lstat(e);
    }
    if (!e->stat) {
        int link = entry_is_symlink(e);
        if (link < 0) {
            return KV_NULL;
        }
        e->stat = link ? fetch_stat(e, 1) : get_lstat(e);
        if (!e->stat) {
            return KV_NULL;
        }
    }
    return kval_newref(e->stat);
}

static int follow_arg(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                      int *follow) {
    static const char *const kwlist[] = {"follow_symlinks", NULL};
    KValue a[1];
    if (kargs_unpack(fname, args, nargs, kwnames, kwlist, 0, 0, a) < 0) {
        return -1;
    }
    return kposix_bool_arg(a[0], 1, follow);
}

// Whether the entry is of 'mode_bits' (S_IFDIR or S_IFREG); a vanished file
// is neither.
static KValue test_mode(DirEntry *e, int follow, mode_t mode_bits) {
    int link = entry_is_symlink(e);
    if (link < 0) {
        return KV_NULL;
    }
    if (e->d_type == DT_UNKNOWN || (follow && link)) {
        KValue st = get_stat(e, follow);
        if (!st) {
            if (kerr_matches(&kexc_FileNotFoundError)) {
                kerr_clear();
                return kbool_from(0);
            }
            return KV_NULL;
        }
        mode_t mode = (mode_t)kval_int(ktuple_items(st)[0]);
        kval_decref(st);
        return kbool_from((mode & S_IFMT) == mode_bits);
    }
    if (link) {
        return kbool_from(0);
    }
    return kbool_from(mode_bits == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG);
}

static KValue entry_is_dir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    int follow;
    if (follow_arg("is_dir", args, nargs, kwnames, &follow) < 0) {
        return KV_NULL;
    }
    return test_mode((DirEntry *)self, follow, S_IFDIR);
}

static KValue entry_is_file(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    int follow;
    if (follow_arg("is_file", args, nargs, kwnames, &follow) < 0) {
        return KV_NULL;
    }
    return test_mode((DirEntry *)self, follow, S_IFREG);
}

static KValue entry_is_symlink_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    int r = entry_is_symlink((DirEntry *)self);
    return r < 0 ? KV_NULL : kbool_from(r);
}

static KValue entry_stat(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    int follow;
    if (follow_arg("stat", args, nargs, kwnames, &follow) < 0) {
        return KV_NULL;
    }
    return get_stat((DirEntry *)self, follow);
}

static KValue entry_inode(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_u64(((DirEntry *)self)->d_ino);
}

static KValue entry_fspath(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(((DirEntry *)self)->path);
}

static KValue entry_repr(KValue self) {
    return kstr_from_format("<DirEntry %R>", ((DirEntry *)self)->name);
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef entry_methods[] = {
    {"is_dir", entry_is_dir, KMETH_KW, NULL},
    {"is_file", entry_is_file, KMETH_KW, NULL},
    {"is_symlink", entry_is_symlink_m, KMETH_NOARGS, NULL},
    {"stat", entry_stat, KMETH_KW, NULL},
    {"inode", entry_inode, KMETH_NOARGS, NULL},
    {"__fspath__", entry_fspath, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef entry_members[] = {
    {"name", KMEMBER_OBJECT, offsetof(DirEntry, name), 1, NULL},
    {"path", KMEMBER_OBJECT, offsetof(DirEntry, path), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KType direntry_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "posix.DirEntry",
    .basicsize = sizeof(DirEntry),
    .flags = KTF_GC,
    .dealloc = entry_dealloc,
    .traverse = entry_traverse,
    .repr = entry_repr,
    .methods = entry_methods,
    .members = entry_members,
};

// path/name joined as CPython's join_path_filename: no separator doubled.
static KValue join_path(KValue dir, KValue name, int as_bytes) {
    if (as_bytes) {
        ssize_t dl, nl;
        const char *d = kbytes_data(dir, &dl), *n = kbytes_data(name, &nl);
        int sep = dl > 0 && d[dl - 1] != '/';
        KValue slash = kbytes_from_data("/", sep);
        KValue a = slash ? kbytes_add(dir, slash) : KV_NULL;
        KValue r = a ? kbytes_add(a, name) : KV_NULL;
        (void)n, (void)nl;
        kval_xdecref(slash);
        kval_xdecref(a);
        return r;
    }
    ssize_t dl = kstr_len(dir);
    int sep = dl > 0 && kstr_char((KStr *)dir, dl - 1) != '/';
    return kstr_from_format(sep ? "%U/%U" : "%U%U", dir, name);
}

static KValue new_entry(ScandirIter *it, struct dirent *d) {
    DirEntry *e = (DirEntry *)kobj_alloc(&direntry_type, sizeof(DirEntry));
    if (!e) {
        return kerr_no_memory();
    }
    e->d_type = d->d_type;
    e->d_ino = d->d_ino;
    e->dir_fd = it->fd;
    KValue self = kval_of(e);
    e->name = kposix_fs_decode(d->d_name, (ssize_t)strlen(d->d_name), it->as_bytes);
    if (!e->name) {
        kval_decref(self);
        return KV_NULL;
    }
    e->path = it->path ? join_path(it->path, e->name, it->as_bytes) : kval_newref(e->name);
    if (!e->path) {
        kval_decref(self);
        return KV_NULL;
    }
    return self;
}

// ---------------------------------------------------------------------------
// The iterator

static void iter_close(ScandirIter *it) {
    if (!it->dir) {
        return;
    }
    if (it->fd >= 0) {
        rewinddir(it->dir);
    }
    closedir(it->dir);
    it->dir = NULL;
}

static void iter_dealloc(KObject *o) {
    ScandirIter *it = (ScandirIter *)o;
    kgc_untrack(o);
    iter_close(it);
    KVAL_CLEAR(it->path);
    kobj_free(o);
}

static int iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    ScandirIter *it = (ScandirIter *)o;
    return it->path && visit(it->path, arg);
}

static KValue iter_self(KValue v) {
    return kval_newref(v);
}

static KValue iter_next(KValue self) {
    ScandirIter *it = (ScandirIter *)self;
    while (it->dir) {
        errno = 0;
        struct dirent *d = readdir(it->dir);
        if (!d) {
            int e = errno;
            iter_close(it);
            if (e) {
                errno = e;
                kerr_from_errno(it->path ? it->path : KV_NULL);
            }
            return KV_NULL;
        }
        const char *n = d->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) {
            continue;
        }
        return new_entry(it, d);
    }
    return KV_NULL;
}

static KValue iter_close_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    iter_close((ScandirIter *)self);
    return kval_newref(KV_NONE);
}

static KValue iter_enter(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(self);
}

static KValue iter_exit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    iter_close((ScandirIter *)self);
    return kval_newref(KV_NONE);
}

static const KMethodDef iter_methods[] = {
    {"close", iter_close_m, KMETH_NOARGS, NULL},
    {"__enter__", iter_enter, KMETH_NOARGS, NULL},
    {"__exit__", iter_exit, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static KType scandir_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "posix.ScandirIterator",
    .basicsize = sizeof(ScandirIter),
    .flags = KTF_GC,
    .dealloc = iter_dealloc,
    .traverse = iter_traverse,
    .iter = iter_self,
    .iternext = iter_next,
    .methods = iter_methods,
};

static DIR *open_dir(KPath *p) {
    if (p->fd < 0) {
        return opendir(p->narrow ? p->narrow : ".");
    }
    int fd = dup(p->fd);
    DIR *dir = fd < 0 ? NULL : fdopendir(fd);
    if (fd >= 0 && !dir) {
        int e = errno;
        close(fd);
        errno = e;
    }
    if (dir) {
        rewinddir(dir);
    }
    return dir;
}

static KValue px_scandir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KPath p;
    kpath_init(&p, "scandir", NULL, 1, 1);
    KValue a[1];
    if (kargs_unpack("scandir", args, nargs, kwnames, kwlist, 0, 1, a) < 0 ||
        kpath_convert(a[0], &p) < 0) {
        kpath_clear(&p);
        return KV_NULL;
    }
    DIR *dir = open_dir(&p);
    if (!dir) {
        kposix_path_error(&p, NULL);
        kpath_clear(&p);
        return KV_NULL;
    }
    ScandirIter *it = (ScandirIter *)kobj_alloc(&scandir_iter_type, sizeof(ScandirIter));
    if (!it) {
        closedir(dir);
        kpath_clear(&p);
        return kerr_no_memory();
    }
    it->dir = dir;
    it->fd = p.fd;
    it->as_bytes = p.is_bytes;
    // Entries join their names to the path as given ('.' when omitted).
    it->path = p.fd >= 0         ? KV_NULL
               : p.narrow        ? kval_newref(p.object)
                                 : kstr_from_cstr(".");
    kpath_clear(&p);
    if (p.fd < 0 && !it->path) {
        kval_decref(kval_of(it));
        return KV_NULL;
    }
    return kval_of(it);
}

int kposix_scandir_init(KValue m) {
    if (ktype_ready(&direntry_type) < 0 || ktype_ready(&scandir_iter_type) < 0) {
        return -1;
    }
    return kmod_add(m, "DirEntry", kval_of(&direntry_type));
}

const KMethodDef kposix_scandir_methods[] = {
    {"scandir", px_scandir, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};
