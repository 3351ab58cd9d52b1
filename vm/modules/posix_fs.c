// vm/modules/posix_fs.c: the posix functions on files and directories by
// name: the stat family and os.stat_result, access, the current
// directory, listdir, making and removing files, directories and links,
// permissions, owners and times, truncate, statvfs. Each accepts what
// CPython's accepts (dir_fd, follow_symlinks, an fd where allowed) and
// raises what it raises.
#include "posix.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../float.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../structseq.h"
#include "../tuple.h"
#include "../type.h"

#define UNNAMED KSTRUCTSEQ_UNNAMED

// ---------------------------------------------------------------------------
// os.stat_result and os.statvfs_result

static const char *const stat_fields[] = {
    "st_mode",     "st_ino",      "st_dev",      "st_nlink",   "st_uid",    "st_gid",
    "st_size",     UNNAMED,       UNNAMED,       UNNAMED,      "st_atime",  "st_mtime",
    "st_ctime",    "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
    "st_rdev",
};
static const KStructSeqDesc stat_desc = {"os.stat_result", stat_fields, 10, 19};
static KType stat_result_type = {KOBJ_STATIC_HEAD(&ktype_type)};

// As CPython's statresult_new: float times left None come from the integer ones.
static KValue stat_result_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    KValue r = kstructseq_type_new(type, args, nargs, kwnames);
    if (!r) {
        return KV_NULL;
    }
    KValue *items = ((KTuple *)r)->items;
    for (int i = 7; i < 10; i++) {
        if (items[i + 3] == KV_NONE) {
            kval_setref(&items[i + 3], kval_newref(items[i]));
        }
    }
    return r;
}

static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
    "f_ffree", "f_favail", "f_flag",   "f_namemax", "f_fsid",
};
static const KStructSeqDesc statvfs_desc = {"os.statvfs_result", statvfs_fields, 10, 11};
static KType statvfs_result_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static KValue time_float(time_t sec, long nsec) {
    return kfloat_new((double)sec + (double)nsec * 1e-9);
}

// sec * 10**9 + nsec, as a big int when a (corrupt or far-future) time
// does not fit 64 bits.
static KValue time_ns(time_t sec, long nsec) {
    int64_t ns;
    if (!__builtin_mul_overflow((int64_t)sec, (int64_t)1000000000, &ns) &&
        !__builtin_add_overflow(ns, (int64_t)nsec, &ns)) {
        return kint_from_i64(ns);
    }
    KValue s = kint_from_i64(sec);
    KValue m = s ? kint_mul(s, kval_from_int(1000000000)) : KV_NULL;
    KValue r = m ? kint_add(m, kval_from_int(nsec)) : KV_NULL;
    kval_xdecref(s);
    kval_xdecref(m);
    return r;
}

KValue kposix_stat_result(const void *p) {
    const struct stat *st = p;
    KValue v[19] = {
        kint_from_u64(st->st_mode),
        kint_from_u64(st->st_ino),
        kint_from_u64(st->st_dev),
        kint_from_u64(st->st_nlink),
        kint_from_u64(st->st_uid),
        kint_from_u64(st->st_gid),
        kint_from_i64(st->st_size),
        kint_from_i64(st->st_atim.tv_sec),
        kint_from_i64(st->st_mtim.tv_sec),
        kint_from_i64(st->st_ctim.tv_sec),
        time_float(st->st_atim.tv_sec, st->st_atim.tv_nsec),
        time_float(st->st_mtim.tv_sec, st->st_mtim.tv_nsec),
        time_float(st->st_ctim.tv_sec, st->st_ctim.tv_nsec),
        time_ns(st->st_atim.tv_sec, st->st_atim.tv_nsec),
        time_ns(st->st_mtim.tv_sec, st->st_mtim.tv_nsec),
        time_ns(st->st_ctim.tv_sec, st->st_ctim.tv_nsec),
        kint_from_i64(st->st_blksize),
        kint_from_i64(st->st_blocks),
        kint_from_u64(st->st_rdev),
    };
    for (int i = 0; i < 19; i++) {
        if (!v[i]) {
            for (int j = 0; j < 19; j++) {
                kval_xdecref(v[j]);
            }
            return KV_NULL;
        }
    }
    return kstructseq_new(&stat_result_type, v);
}

int kposix_fs_init(KValue m) {
    if (!stat_result_type.name) {
        stat_result_type.new_ = stat_result_new;
        if (kstructseq_init_type(&stat_result_type, &stat_desc) < 0 ||
            kstructseq_init_type(&statvfs_result_type, &statvfs_desc) < 0) {
            return -1;
        }
    }
    return kmod_add(m, "stat_result", kval_of(&stat_result_type)) < 0 ||
                   kmod_add(m, "statvfs_result", kval_of(&statvfs_result_type)) < 0
               ? -1
               : 0;
}

// ---------------------------------------------------------------------------
// Argument helpers

// Parses 'args' by 'kwlist' (as kargs_unpack) and converts the first into
// 'p'. The caller clears 'p' in every case.
static int parse_path(KPath *p, const KValue *args, size_t nargs, KValue kwnames,
                      const char *const *kwlist, int minpos, int maxpos, KValue *out) {
    if (kargs_unpack(p->fname, args, nargs, kwnames, kwlist, minpos, maxpos, out) < 0) {
        return -1;
    }
    return kpath_convert(out[0], p);
}

static int mode_arg(KValue v, int dflt, int *mode) {
    if (!v) {
        *mode = dflt;
        return 0;
    }
    return kposix_int_arg(v, mode);
}

// A uid or gid argument: -1 means "leave unchanged".
static int id_arg(KValue v, const char *what, unsigned *out) {
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        kerr_format(&kexc_TypeError, "%s should be integer, not %T", what, v);
        return -1;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    // As CPython's converter: a value the cast would truncate is "less
    // than minimum", one beyond a C long "greater than maximum".
    if (overflow < 0 || (!overflow && (n < -1 || n > (int64_t)UINT_MAX))) {
        kerr_format(&kexc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    if (overflow > 0) {
        kerr_format(&kexc_OverflowError, "%s is greater than maximum", what);
        return -1;
    }
    *out = (unsigned)n;
    return 0;
}

static KValue none_or_error(int failed, const KPath *p, const KPath *p2) {
    return failed ? kposix_path_error(p, p2) : kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// stat, lstat, fstat, access

static KValue do_stat(KPath *p, int dir_fd, int follow) {
    struct stat st;
    int r;
    if (p->fd >= 0) {
        r = fstat(p->fd, &st);
    } else if (dir_fd != AT_FDCWD || !follow) {
        r = fstatat(dir_fd, p->narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    } else {
        r = stat(p->narrow, &st);
    }
    return r ? kposix_path_error(p, NULL) : kposix_stat_result(&st);
}

static KValue stat_common(const char *fname, int allow_follow, const KValue *args, size_t nargs,
                          KValue kwnames) {
    static const char *const kw_stat[] = {"path", "dir_fd", "follow_symlinks", NULL};
    static const char *const kw_lstat[] = {"path", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, fname, NULL, 0, allow_follow);
    KValue a[3];
    int dir_fd, follow;
    KValue r = KV_NULL;
    if (parse_path(&p, args, nargs, kwnames, allow_follow ? kw_stat : kw_lstat, 1, 1, a) == 0 &&
        kposix_dir_fd_arg(a[1], &dir_fd) == 0 &&
        kposix_bool_arg(allow_follow ? a[2] : kval_from_int(0), 1, &follow) == 0 &&
        kposix_check_fd_combos(&p, dir_fd, follow) == 0) {
        r = do_stat(&p, dir_fd, follow);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_stat(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return stat_common("stat", 1, args, nargs, kwnames);
}

static KValue px_lstat(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return stat_common("lstat", 0, args, nargs, kwnames);
}

static KValue px_fstat(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"fd", NULL};
    KValue a[1];
    int fd;
    struct stat st;
    if (kargs_unpack("fstat", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        kposix_fd_arg(a[0], &fd) < 0) {
        return KV_NULL;
    }
    return fstat(fd, &st) ? kposix_error() : kposix_stat_result(&st);
}

static KValue px_access(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "mode", "dir_fd", "effective_ids",
                                         "follow_symlinks", NULL};
    KPath p;
    kpath_init(&p, "access", NULL, 0, 0);
    KValue a[5];
    int mode, dir_fd, eff, follow;
    KValue r = KV_NULL;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 2, 2, a) == 0 &&
        kposix_int_arg(a[1], &mode) == 0 && kposix_dir_fd_arg(a[2], &dir_fd) == 0 &&
        kposix_bool_arg(a[3], 0, &eff) == 0 && kposix_bool_arg(a[4], 1, &follow) == 0) {
        int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
        int ok = flags || dir_fd != AT_FDCWD ? faccessat(dir_fd, p.narrow, mode, flags) == 0
                                             : access(p.narrow, mode) == 0;
        r = kbool_from(ok);
    }
    kpath_clear(&p);
    return r;
}

// ---------------------------------------------------------------------------
// The current directory, listdir

static KValue px_chdir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KPath p;
    kpath_init(&p, "chdir", NULL, 0, 1);
    KValue a[1], r = KV_NULL;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 1, a) == 0) {
        r = none_or_error(p.fd >= 0 ? fchdir(p.fd) : chdir(p.narrow), &p, NULL);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_fchdir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"fd", NULL};
    KValue a[1];
    int fd;
    if (kargs_unpack("fchdir", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        kposix_fd_arg(a[0], &fd) < 0) {
        return KV_NULL;
    }
    return fchdir(fd) ? kposix_error() : kval_newref(KV_NONE);
}

static KValue getcwd_as(int as_bytes) {
    char *buf = getcwd(NULL, 0);
    if (!buf) {
        return kposix_error();
    }
    KValue r = kposix_fs_decode(buf, (ssize_t)strlen(buf), as_bytes);
    free(buf);
    return r;
}

static KValue px_getcwd(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return getcwd_as(0);
}

static KValue px_getcwdb(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return getcwd_as(1);
}

// The names in 'dir' but . and .., as str or bytes; closes 'dir'.
static KValue read_names(DIR *dir, int as_bytes, const KPath *p) {
    KValue list = klist_new(0);
    if (!list) {
        closedir(dir);
        return KV_NULL;
    }
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(dir);
        if (!e) {
            if (errno) {
                KVAL_CLEAR(list);
                kposix_path_error(p, NULL);
            }
            break;
        }
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) {
            continue;
        }
        KValue name = kposix_fs_decode(n, (ssize_t)strlen(n), as_bytes);
        if (!name || klist_append(list, name) < 0) {
            kval_xdecref(name);
            KVAL_CLEAR(list);
            break;
        }
        kval_decref(name);
    }
    closedir(dir);
    return list;
}

static KValue px_listdir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KPath p;
    kpath_init(&p, "listdir", NULL, 1, 1);
    KValue a[1], r = KV_NULL;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        kpath_clear(&p);
        return KV_NULL;
    }
    DIR *dir;
    if (p.fd >= 0) {
        // fdopendir takes the descriptor over: give it a copy, and start
        // from the beginning as CPython does.
        int fd = dup(p.fd);
        dir = fd < 0 ? NULL : fdopendir(fd);
        if (fd >= 0 && !dir) {
            int e = errno;
            close(fd);
            errno = e;
        }
        if (dir) {
            rewinddir(dir);
        }
    } else {
        dir = opendir(p.narrow ? p.narrow : ".");
    }
    if (!dir) {
        r = kposix_path_error(&p, NULL);
    } else {
        r = read_names(dir, p.is_bytes, &p);
    }
    kpath_clear(&p);
    return r;
}

// ---------------------------------------------------------------------------
// Making and removing

static KValue px_mkdir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "mode", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, "mkdir", NULL, 0, 0);
    KValue a[3], r = KV_NULL;
    int mode, dir_fd;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 2, a) == 0 &&
        mode_arg(a[1], 0777, &mode) == 0 && kposix_dir_fd_arg(a[2], &dir_fd) == 0) {
        r = none_or_error(mkdirat(dir_fd, p.narrow, (mode_t)mode), &p, NULL);
    }
    kpath_clear(&p);
    return r;
}

// rmdir, unlink, remove: (path, *, dir_fd=None).
static KValue remove_common(const char *fname, int flags, const KValue *args, size_t nargs,
                            KValue kwnames) {
    static const char *const kwlist[] = {"path", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, fname, NULL, 0, 0);
    KValue a[2], r = KV_NULL;
    int dir_fd;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 1, a) == 0 &&
        kposix_dir_fd_arg(a[1], &dir_fd) == 0) {
        r = none_or_error(unlinkat(dir_fd, p.narrow, flags), &p, NULL);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_rmdir(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return remove_common("rmdir", AT_REMOVEDIR, args, nargs, kwnames);
}

static KValue px_unlink(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return remove_common("unlink", 0, args, nargs, kwnames);
}

static KValue px_remove(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return remove_common("remove", 0, args, nargs, kwnames);
}

// rename, replace, link: (src, dst, *, src_dir_fd=None, dst_dir_fd=None[, follow_symlinks]).
static KValue two_paths(const char *fname, int is_link, const KValue *args, size_t nargs,
                        KValue kwnames) {
    static const char *const kw_rename[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    static const char *const kw_link[] = {"src", "dst", "src_dir_fd", "dst_dir_fd",
                                          "follow_symlinks", NULL};
    KPath src, dst;
    kpath_init(&src, fname, "src", 0, 0);
    kpath_init(&dst, fname, "dst", 0, 0);
    KValue a[5], r = KV_NULL;
    int sfd, dfd, follow;
    if (parse_path(&src, args, nargs, kwnames, is_link ? kw_link : kw_rename, 2, 2, a) == 0 &&
        kpath_convert(a[1], &dst) == 0 && kposix_dir_fd_arg(a[2], &sfd) == 0 &&
        kposix_dir_fd_arg(a[3], &dfd) == 0 &&
        kposix_bool_arg(is_link ? a[4] : KV_NULL, 1, &follow) == 0) {
        int failed = is_link ? linkat(sfd, src.narrow, dfd, dst.narrow,
                                      follow ? AT_SYMLINK_FOLLOW : 0)
                             : renameat(sfd, src.narrow, dfd, dst.narrow);
        r = none_or_error(failed, &src, &dst);
    }
    kpath_clear(&src);
    kpath_clear(&dst);
    return r;
}

static KValue px_rename(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return two_paths("rename", 0, args, nargs, kwnames);
}

static KValue px_replace(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return two_paths("replace", 0, args, nargs, kwnames);
}

static KValue px_link(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return two_paths("link", 1, args, nargs, kwnames);
}

static KValue px_symlink(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    KPath src, dst;
    kpath_init(&src, "symlink", "src", 0, 0);
    kpath_init(&dst, "symlink", "dst", 0, 0);
    KValue a[4], r = KV_NULL;
    int dir_fd, is_dir;
    if (parse_path(&src, args, nargs, kwnames, kwlist, 2, 3, a) == 0 &&
        kpath_convert(a[1], &dst) == 0 && kposix_bool_arg(a[2], 0, &is_dir) == 0 &&
        kposix_dir_fd_arg(a[3], &dir_fd) == 0) {
        r = none_or_error(symlinkat(src.narrow, dir_fd, dst.narrow), &src, &dst);
    }
    kpath_clear(&src);
    kpath_clear(&dst);
    return r;
}

static KValue px_readlink(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, "readlink", NULL, 0, 0);
    KValue a[2], r = KV_NULL;
    int dir_fd;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 1, a) == 0 &&
        kposix_dir_fd_arg(a[1], &dir_fd) == 0) {
        char buf[PATH_MAX + 1];
        ssize_t n = readlinkat(dir_fd, p.narrow, buf, sizeof buf);
        r = n < 0 ? kposix_path_error(&p, NULL) : kposix_fs_decode(buf, n, p.is_bytes);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_mkfifo(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "mode", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, "mkfifo", NULL, 0, 0);
    KValue a[3], r = KV_NULL;
    int mode, dir_fd;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 2, a) == 0 &&
        mode_arg(a[1], 0666, &mode) == 0 && kposix_dir_fd_arg(a[2], &dir_fd) == 0) {
        // CPython names no file in mkfifo's error.
        r = mkfifoat(dir_fd, p.narrow, (mode_t)mode) ? kposix_error() : kval_newref(KV_NONE);
    }
    kpath_clear(&p);
    return r;
}

// ---------------------------------------------------------------------------
// Permissions, owners, times, sizes

static KValue px_chmod(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    KPath p;
    kpath_init(&p, "chmod", NULL, 0, 1);
    KValue a[4], r = KV_NULL;
    int mode, dir_fd, follow;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 2, 2, a) < 0 ||
        kposix_int_arg(a[1], &mode) < 0 || kposix_dir_fd_arg(a[2], &dir_fd) < 0 ||
        kposix_bool_arg(a[3], 1, &follow) < 0 || kposix_check_fd_combos(&p, dir_fd, 1) < 0) {
        kpath_clear(&p);
        return KV_NULL;
    }
    // As CPython, an fd with follow_symlinks=False is simply fchmod.
    int failed;
    if (p.fd >= 0) {
        failed = fchmod(p.fd, (mode_t)mode);
    } else if (dir_fd != AT_FDCWD || !follow) {
        failed = fchmodat(dir_fd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
        if (failed && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
            kerr_set(&kexc_NotImplementedError,
                     "chmod: follow_symlinks unavailable on this platform");
            kpath_clear(&p);
            return KV_NULL;
        }
    } else {
        failed = chmod(p.narrow, (mode_t)mode);
    }
    r = none_or_error(failed, &p, NULL);
    kpath_clear(&p);
    return r;
}

static KValue px_fchmod(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"fd", "mode", NULL};
    KValue a[2];
    int fd, mode;
    if (kargs_unpack("fchmod", args, nargs, kwnames, kwlist, 2, 2, a) < 0 ||
        kposix_fd_arg(a[0], &fd) < 0 || kposix_int_arg(a[1], &mode) < 0) {
        return KV_NULL;
    }
    return fchmod(fd, (mode_t)mode) ? kposix_error() : kval_newref(KV_NONE);
}

static KValue chown_common(const char *fname, int nofollow, const KValue *args, size_t nargs,
                           KValue kwnames) {
    static const char *const kw_chown[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks",
                                           NULL};
    static const char *const kw_lchown[] = {"path", "uid", "gid", NULL};
    KPath p;
    kpath_init(&p, fname, NULL, 0, !nofollow);
    KValue a[5], r = KV_NULL;
    unsigned uid, gid;
    int dir_fd, follow;
    if (parse_path(&p, args, nargs, kwnames, nofollow ? kw_lchown : kw_chown, 3, 3, a) == 0 &&
        id_arg(a[1], "uid", &uid) == 0 && id_arg(a[2], "gid", &gid) == 0 &&
        kposix_dir_fd_arg(nofollow ? KV_NULL : a[3], &dir_fd) == 0 &&
        kposix_bool_arg(nofollow ? kval_from_int(0) : a[4], 1, &follow) == 0 &&
        kposix_check_fd_combos(&p, dir_fd, follow) == 0) {
        int failed = p.fd >= 0 ? fchown(p.fd, uid, gid)
                               : fchownat(dir_fd, p.narrow, uid, gid,
                                          follow ? 0 : AT_SYMLINK_NOFOLLOW);
        r = none_or_error(failed, &p, NULL);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_chown(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return chown_common("chown", 0, args, nargs, kwnames);
}

static KValue px_lchown(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return chown_common("lchown", 1, args, nargs, kwnames);
}

static KValue px_fchown(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"fd", "uid", "gid", NULL};
    KValue a[3];
    int fd;
    unsigned uid, gid;
    if (kargs_unpack("fchown", args, nargs, kwnames, kwlist, 3, 3, a) < 0 ||
        kposix_fd_arg(a[0], &fd) < 0 || id_arg(a[1], "uid", &uid) < 0 ||
        id_arg(a[2], "gid", &gid) < 0) {
        return KV_NULL;
    }
    return fchown(fd, uid, gid) ? kposix_error() : kval_newref(KV_NONE);
}

// A time in seconds (int or float, rounded towards minus infinity) as a timespec.
static int timespec_arg(KValue v, struct timespec *ts) {
    if (kfloat_check(v)) {
        double d = kfloat_value(v);
        if (isnan(d)) {
            kerr_set(&kexc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double sec = floor(d);
        if (!(sec >= -9.2233720368547758e18 && sec < 9.2233720368547758e18)) {
            kerr_set(&kexc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        double ns = floor((d - sec) * 1e9);
        ts->tv_sec = (time_t)sec;
        ts->tv_nsec = (long)ns;
        if (ts->tv_nsec >= 1000000000) {
            ts->tv_sec++;
            ts->tv_nsec -= 1000000000;
        }
        return 0;
    }
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    ts->tv_sec = (time_t)n;
    ts->tv_nsec = 0;
    return 0;
}

// A time in nanoseconds (an int) as a timespec.
static int ns_arg(KValue v, struct timespec *ts) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    KValue billion = kval_from_int(1000000000);
    KValue q = knum_divmod(i, billion);
    kval_decref(i);
    if (!q) {
        return -1;
    }
    ssize_t sec = knum_as_ssize(ktuple_items(q)[0], &kexc_OverflowError);
    ssize_t nsec = kval_int(ktuple_items(q)[1]);
    kval_decref(q);
    if (sec == -1 && kerr_occurred()) {
        return -1;
    }
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = (long)nsec;
    return 0;
}

static int pair_arg(KValue v, int (*conv)(KValue, struct timespec *), struct timespec *ts) {
    return conv(ktuple_items(v)[0], &ts[0]) < 0 || conv(ktuple_items(v)[1], &ts[1]) < 0 ? -1 : 0;
}

static int utime_times(KValue times, KValue ns, struct timespec ts[2]) {
    if (times && times != KV_NONE && ns) {
        kerr_set(&kexc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return -1;
    }
    if (times && times != KV_NONE) {
        if (!ktuple_check(times) || ktuple_len(times) != 2) {
            kerr_set(&kexc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return -1;
        }
        return pair_arg(times, timespec_arg, ts);
    }
    if (ns) {
        if (!ktuple_check(ns) || ktuple_len(ns) != 2) {
            kerr_set(&kexc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return -1;
        }
        return pair_arg(ns, ns_arg, ts);
    }
    ts[0].tv_sec = ts[1].tv_sec = 0;
    ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
    return 0;
}

static KValue px_utime(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks",
                                         NULL};
    KPath p;
    kpath_init(&p, "utime", NULL, 0, 1);
    KValue a[5], r = KV_NULL;
    int dir_fd, follow;
    struct timespec ts[2];
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 2, a) == 0 &&
        utime_times(a[1], a[2], ts) == 0 && kposix_dir_fd_arg(a[3], &dir_fd) == 0 &&
        kposix_bool_arg(a[4], 1, &follow) == 0 &&
        kposix_check_fd_combos(&p, dir_fd, follow) == 0) {
        int failed = p.fd >= 0 ? futimens(p.fd, ts)
                               : utimensat(dir_fd, p.narrow, ts,
                                           follow ? 0 : AT_SYMLINK_NOFOLLOW);
        // As CPython, utime's error names no file.
        r = failed ? kposix_error() : kval_newref(KV_NONE);
    }
    kpath_clear(&p);
    return r;
}

static int length_arg(KValue v, off_t *out) {
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = (off_t)n;
    return 0;
}

static KValue px_truncate(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "length", NULL};
    KPath p;
    kpath_init(&p, "truncate", NULL, 0, 1);
    KValue a[2], r = KV_NULL;
    off_t len;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 2, 2, a) == 0 &&
        length_arg(a[1], &len) == 0) {
        r = none_or_error(p.fd >= 0 ? ftruncate(p.fd, len) : truncate(p.narrow, len), &p, NULL);
    }
    kpath_clear(&p);
    return r;
}

static KValue statvfs_result(const struct statvfs *s) {
    KValue v[11] = {
        kint_from_u64(s->f_bsize),  kint_from_u64(s->f_frsize), kint_from_u64(s->f_blocks),
        kint_from_u64(s->f_bfree),  kint_from_u64(s->f_bavail), kint_from_u64(s->f_files),
        kint_from_u64(s->f_ffree),  kint_from_u64(s->f_favail), kint_from_u64(s->f_flag),
        kint_from_u64(s->f_namemax), kint_from_u64(s->f_fsid),
    };
    for (int i = 0; i < 11; i++) {
        if (!v[i]) {
            for (int j = 0; j < 11; j++) {
                kval_xdecref(v[j]);
            }
            return KV_NULL;
        }
    }
    return kstructseq_new(&statvfs_result_type, v);
}

static KValue px_statvfs(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KPath p;
    kpath_init(&p, "statvfs", NULL, 0, 1);
    KValue a[1], r = KV_NULL;
    if (parse_path(&p, args, nargs, kwnames, kwlist, 1, 1, a) == 0) {
        struct statvfs s;
        int failed = p.fd >= 0 ? fstatvfs(p.fd, &s) : statvfs(p.narrow, &s);
        r = failed ? kposix_path_error(&p, NULL) : statvfs_result(&s);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_fstatvfs(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    struct statvfs s;
    if (kargs_count("fstatvfs", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    return fstatvfs(fd, &s) ? kposix_error() : statvfs_result(&s);
}

static KValue px_sync(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    sync();
    return kval_newref(KV_NONE);
}

// major(device), minor(device), makedev(major, minor).
static int dev_arg(KValue v, uint64_t *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow < 0 || (!overflow && n < 0)) {
        kerr_set(&kexc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (overflow) {
        kerr_set(&kexc_OverflowError, "int too big to convert");
        return -1;
    }
    *out = (uint64_t)n;
    return 0;
}

static KValue px_major(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    uint64_t d;
    if (kargs_count("major", nargs, 1, 1) < 0 || dev_arg(args[0], &d) < 0) {
        return KV_NULL;
    }
    return kint_from_u64(major((dev_t)d));
}

static KValue px_minor(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    uint64_t d;
    if (kargs_count("minor", nargs, 1, 1) < 0 || dev_arg(args[0], &d) < 0) {
        return KV_NULL;
    }
    return kint_from_u64(minor((dev_t)d));
}

static KValue px_makedev(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int ma, mi;
    if (kargs_count("makedev", nargs, 2, 2) < 0 || kposix_int_arg(args[0], &ma) < 0 ||
        kposix_int_arg(args[1], &mi) < 0) {
        return KV_NULL;
    }
    return kint_from_u64(makedev((unsigned)ma, (unsigned)mi));
}

const KMethodDef kposix_fs_methods[] = {
    {"stat", px_stat, KMETH_KW, NULL},
    {"lstat", px_lstat, KMETH_KW, NULL},
    {"fstat", px_fstat, KMETH_KW, NULL},
    {"access", px_access, KMETH_KW, NULL},
    {"chdir", px_chdir, KMETH_KW, NULL},
    {"fchdir", px_fchdir, KMETH_KW, NULL},
    {"getcwd", px_getcwd, KMETH_NOARGS, NULL},
    {"getcwdb", px_getcwdb, KMETH_NOARGS, NULL},
    {"listdir", px_listdir, KMETH_KW, NULL},
    {"mkdir", px_mkdir, KMETH_KW, NULL},
    {"rmdir", px_rmdir, KMETH_KW, NULL},
    {"unlink", px_unlink, KMETH_KW, NULL},
    {"remove", px_remove, KMETH_KW, NULL},
    {"rename", px_rename, KMETH_KW, NULL},
    {"replace", px_replace, KMETH_KW, NULL},
    {"link", px_link, KMETH_KW, NULL},
    {"symlink", px_symlink, KMETH_KW, NULL},
    {"readlink", px_readlink, KMETH_KW, NULL},
    {"mkfifo", px_mkfifo, KMETH_KW, NULL},
    {"chmod", px_chmod, KMETH_KW, NULL},
    {"fchmod", px_fchmod, KMETH_KW, NULL},
    {"chown", px_chown, KMETH_KW, NULL},
    {"lchown", px_lchown, KMETH_KW, NULL},
    {"fchown", px_fchown, KMETH_KW, NULL},
    {"utime", px_utime, KMETH_KW, NULL},
    {"truncate", px_truncate, KMETH_KW, NULL},
    {"statvfs", px_statvfs, KMETH_KW, NULL},
    {"fstatvfs", px_fstatvfs, KMETH_O, NULL},
    {"sync", px_sync, KMETH_NOARGS, NULL},
    {"major", px_major, KMETH_O, NULL},
    {"minor", px_minor, KMETH_O, NULL},
    {"makedev", px_makedev, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};
