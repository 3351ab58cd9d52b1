// vm/modules/posix.h: what the files of the posix module share (private to
// vm/modules/posix*.c): path arguments as CPython's path_t, file
// descriptor and dir_fd arguments, errors carrying file names, and the
// method tables each file contributes to the module.
#ifndef KRAIT_VM_MODULES_POSIX_H
#define KRAIT_VM_MODULES_POSIX_H

#include "../func.h"
#include "../object.h"

// A path argument (CPython's path_t). Set 'fname', 'argname' (NULL: "path"),
// 'nullable' and 'allow_fd' before kpath_convert; release with kpath_clear.
typedef struct KPath {
    const char *fname;
    const char *argname;
    int nullable, allow_fd;
    KValue object;      // the argument as given (borrowed), for error messages
    KValue bytes;       // owned: the encoded path, or KV_NULL
    KValue converted;   // owned: what __fspath__ returned, or KV_NULL
    const char *narrow; // NUL-terminated path, or NULL (None, or an fd)
    int fd;             // the file descriptor given, or -1
    int is_bytes;       // results are bytes (the path was bytes or gave bytes)
} KPath;

// Initialises 'p' for function 'fname' ('argname' NULL: "path").
void kpath_init(KPath *p, const char *fname, const char *argname, int nullable, int allow_fd);
// Converts 'arg' (KV_NULL: the parameter's default, None) into 'p': str is
// encoded with the file system encoding, bytes taken as they are, an
// os.PathLike through __fspath__, an int as a file descriptor when allowed.
// -1 with CPython's TypeError/ValueError.
K_MUST_CHECK int kpath_convert(KValue arg, KPath *p);
void kpath_clear(KPath *p);

// Raises OSError for errno, naming 'p' (and 'p2', may be NULL) as given; returns
// KV_NULL.
KValue kposix_path_error(const KPath *p, const KPath *p2);
// Raises OSError for errno with no file name; returns KV_NULL.
KValue kposix_error(void);

// A file descriptor argument: an int (any __index__ object) within C int.
K_MUST_CHECK int kposix_fd_arg(KValue v, int *fd);
// A descriptor as fsync takes it (CPython's fildes): an int or an object
// with fileno(); negative ones raise ValueError.
K_MUST_CHECK int kposix_fileno_arg(KValue v, int *fd);
// A C int argument, with CPython's messages for _PyLong_AsInt.
K_MUST_CHECK int kposix_int_arg(KValue v, int *out);
// dir_fd=: None or absent gives AT_FDCWD.
K_MUST_CHECK int kposix_dir_fd_arg(KValue v, int *fd);
// follow_symlinks= and similar flags: absent gives 'dflt', else truth value.
K_MUST_CHECK int kposix_bool_arg(KValue v, int dflt, int *out);
// The argument count of functions CPython parses with a format string
// (those taking a pid): "kill() takes exactly 2 arguments (1 given)".
K_MUST_CHECK int kposix_parse_stack(const char *fname, size_t nargs, int count);
// CPython's checks: "fname: can't specify dir_fd without matching path" etc.
K_MUST_CHECK int kposix_check_fd_combos(const KPath *p, int dir_fd, int follow_symlinks);

// A str from file system bytes (utf-8, surrogateescape), or bytes when
// 'as_bytes'.
KValue kposix_fs_decode(const char *s, ssize_t len, int as_bytes);
// Runs os.register_at_fork's hooks of one phase, as os.fork does.
enum { KPOSIX_BEFORE_FORK, KPOSIX_FORK_CHILD, KPOSIX_FORK_PARENT };
void kposix_fork_hooks(int phase);
// A name or value for putenv/exec: str, bytes or os.PathLike, as bytes
// without NUL (CPython's PyUnicode_FSConverter); new reference.
KValue kposix_fs_bytes(KValue v);
// os.fspath(v): str or bytes, new reference.
KValue kposix_fspath(KValue v);

// pwd.c: called before any call that may reach glibc's name services
// (getpwuid, getgrnam, getlogin, ...). A statically linked krait (built with
// KV_STATIC_LIBC) cannot load glibc's NSS modules safely (libnss_systemd
// crashes in a static process), so there the user, group, service and
// protocol databases are read from the files sources built into libc
// (/etc/passwd, /etc/group, ...), and host names from /etc/hosts and DNS.
void kposix_nss_setup(void);

// posix_fs.c: the stat family, directories, links, permissions.
extern const KMethodDef kposix_fs_methods[];
K_MUST_CHECK int kposix_fs_init(KValue module);
// An os.stat_result from 'st' (struct stat *).
KValue kposix_stat_result(const void *st);
// posix_fd.c: file descriptors.
extern const KMethodDef kposix_fd_methods[];
K_MUST_CHECK int kposix_fd_init(KValue module);
// posix_proc.c: processes, users, the environment, system information.
extern const KMethodDef kposix_proc_methods[];
K_MUST_CHECK int kposix_proc_init(KValue module);
// posix_conf.c: sysconf, confstr, pathconf and their name tables.
extern const KMethodDef kposix_conf_methods[];
K_MUST_CHECK int kposix_conf_init(KValue module);
// posix_scandir.c: scandir() and DirEntry.
extern const KMethodDef kposix_scandir_methods[];
K_MUST_CHECK int kposix_scandir_init(KValue module);

#endif
