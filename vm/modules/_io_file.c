// vm/modules/_io_file.c: _io.FileIO, the raw stream over a file
// descriptor (read/readall/readinto/write/seek/tell/truncate with the
// system calls, EINTR retried, EAGAIN reported as None), and open(),
// which stacks FileIO, a buffered stream and a TextIOWrapper as the mode
// asks, with CPython's argument checks and messages.
#include "_io.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../gil.h"
#include "../bytes.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define FIO(v) ((KFileIO *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static KValue err_closed(void) {
    kerr_set(&kexc_ValueError, "I/O operation on closed file");
    return KV_NULL;
}

static KValue err_mode(const char *action) {
    KValue m = kstr_from_format("File not open for %s", action);
    if (m) {
        const char *u = kstr_utf8(m, NULL);
        kio_unsupported(u);
        kval_decref(m);
    }
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// Construction.

static KValue fileio_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        FIO(v)->fd = -1;
        FIO(v)->seekable = -1;
        FIO(v)->closefd = 1;
    }
    return v;
}

// Parses FileIO's 'mode' into 'f' and the open(2) flags; -1 with ValueError.
static int parse_mode(KFileIO *f, const char *mode, int *flags) {
    int rwa = 0, plus = 0;
    f->created = f->readable = f->writable = f->appending = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
        case 'r':
        case 'w':
        case 'a':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            if (*s == 'x') {
                f->created = f->writable = 1;
                *flags = O_EXCL | O_CREAT;
            } else if (*s == 'r') {
                f->readable = 1;
                *flags = 0;
            } else if (*s == 'w') {
                f->writable = 1;
                *flags = O_CREAT | O_TRUNC;
            } else {
                f->writable = f->appending = 1;
                *flags = O_APPEND | O_CREAT;
            }
            break;
        case 'b':
            break;
        case '+':
            if (plus) {
                goto bad_mode;
            }
            f->readable = f->writable = 1;
            plus = 1;
            break;
        default:
            kerr_format(&kexc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa) {
        goto bad_mode;
    }
    *flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags |= O_CLOEXEC;
    return 0;
bad_mode:
    kerr_set(&kexc_ValueError,
             "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

// os.fspath(v): a new str or bytes, or TypeError.
static KValue fspath(KValue v) {
    if (kstr_check(v) || kbytes_check(v)) {
        return kval_newref(v);
    }
    int found = 0;
    KValue r = kobj_call_special(v, kstr_intern_cstr("__fspath__"), NULL, 0, &found);
    if (!found) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
        }
        return KV_NULL;
    }
    if (r && !kstr_check(r) && !kbytes_check(r)) {
        kerr_format(&kexc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", v,
                    r);
        KVAL_CLEAR(r);
    }
    return r;
}

// The C path of a str or bytes name (borrowed from 'name'); NULL with an error.
static const char *c_path(KValue name) {
    const char *p;
    ssize_t n;
    if (kbytes_check(name)) {
        p = kbytes_data(name, &n);
    } else {
        p = kstr_utf8(name, &n);
        if (!p) {
            return NULL;
        }
    }
    if (strlen(p) != (size_t)n) {
        kerr_set(&kexc_ValueError, "embedded null byte");
        return NULL;
    }
    return p;
}

static int open_with_opener(KValue opener, KValue name, int flags) {
    KValue r = kobj_call2(opener, name, kval_from_int(flags));
    if (!r) {
        return -1;
    }
    if (!kint_check(r)) {
        kval_decref(r);
        kerr_set(&kexc_TypeError, "expected integer from opener");
        return -1;
    }
    ssize_t fd = knum_as_ssize(r, &kexc_OverflowError);
    kval_decref(r);
    if (fd == -1 && kerr_occurred()) {
        return -1;
    }
    if (fd < 0) {
        kerr_format(&kexc_ValueError, "opener returned %zd", fd);
        return -1;
    }
    return (int)fd;
}

// Opens 'name' (str or bytes) into f->fd; -1 with OSError naming 'name'.
static int open_path(KFileIO *f, KValue name, int flags, KValue opener) {
    if (opener && opener != KV_NONE) {
        int fd = open_with_opener(opener, name, flags);
        if (fd < 0) {
            return -1;
        }
        f->fd = fd;
        return 0;
    }
    const char *path = c_path(name);
    if (!path) {
        return -1;
    }
    int fd;
    do {
        fd = open(path, flags, 0666);
    } while (fd < 0 && errno == EINTR && ksignal_retry());
    if (fd < 0) {
        kerr_from_errno(name);
        return -1;
    }
    f->fd = fd;
    return 0;
}

static int fileio_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    KValue a[4];
    KFileIO *f = FIO(self);
    if (kargs_parse("FileIO", args, nargs, kwnames, kwlist, 1, 4, a) < 0) {
        return -1;
    }
    if (f->fd >= 0) {
        if (f->closefd) {
            close(f->fd);
        }
        f->fd = -1;
    }
    const char *mode = "r";
    if (a[1]) {
        if (!kstr_check(a[1])) {
            kerr_format(&kexc_TypeError, "FileIO() argument 'mode' must be str, not %T", a[1]);
            return -1;
        }
        if (!(mode = kstr_utf8(a[1], NULL))) {
            return -1;
        }
    }
    int closefd = 1;
    if (a[2] && (closefd = kobj_is_true(a[2])) < 0) {
        return -1;
    }
    KValue file = a[0];
    if (kval_type(file) == &kfloat_type) {
        kerr_set(&kexc_TypeError, "integer argument expected, got float");
        return -1;
    }
    int fd = -1;
    if (kint_check(file)) {
        ssize_t v = knum_as_ssize(file, &kexc_OverflowError);
        if (v == -1 && kerr_occurred()) {
            return -1;
        }
        if (v < 0) {
            kerr_set(&kexc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    }
    int flags = 0;
    if (parse_mode(f, mode, &flags) < 0) {
        return -1;
    }
    KValue name = KV_NULL;
    if (fd >= 0) {
        f->fd = fd;
        f->closefd = closefd != 0;
        name = kval_newref(file);
    } else {
        f->closefd = 1;
        if (!closefd) {
            kerr_set(&kexc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        if (!(name = fspath(file))) {
            return -1;
        }
        if (open_path(f, name, flags, a[3]) < 0) {
            goto error;
        }
    }
    struct stat st;
    f->blksize = KIO_DEFAULT_BUFFER_SIZE;
    if (fstat(f->fd, &st) < 0) {
        kerr_from_errno(KV_NULL);
        goto error;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        kerr_from_errno(name);
        goto error;
    }
    if (st.st_blksize > 1) {
        f->blksize = (ssize_t)st.st_blksize;
    }
    if (kobj_setattr(self, KID(name), name) < 0) {
        goto error;
    }
    if (f->appending && lseek(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        kerr_from_errno(KV_NULL);
        goto error;
    }
    kval_decref(name);
    return 0;
error:
    if (f->fd >= 0 && fd < 0) {
        close(f->fd);
    }
    f->fd = -1;
    kval_xdecref(name);
    return -1;
}

KValue kio_fileio_from_fd(int fd, const char *mode, int closefd, KValue name) {
    KValue v = fileio_new(&kio_fileio_type, NULL, 0, KV_NULL);
    if (!v) {
        return KV_NULL;
    }
    KFileIO *f = FIO(v);
    int flags;
    // The name goes straight into the instance dict (no type lookup at start-up).
    KValue dict = kobj_get_dict_borrow(v);
    if (parse_mode(f, mode, &flags) < 0 || !dict || kdict_set(dict, KID(name), name) < 0) {
        kval_decref(v);
        return KV_NULL;
    }
    f->fd = fd;
    f->closefd = closefd != 0;
    f->blksize = KIO_DEFAULT_BUFFER_SIZE;
    return v;
}

static void fileio_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    KFileIO *f = (KFileIO *)o;
    if (f->fd >= 0 && f->closefd) {
        close(f->fd);
    }
    KVAL_CLEAR(f->dict);
    kobj_free(o);
}

static void fileio_clear(KObject *o) {
    KVAL_CLEAR(((KFileIO *)o)->dict);
}

// ---------------------------------------------------------------------------
// Methods.

static ssize_t sys_read(int fd, char *buf, size_t n) {
    ssize_t r;
    do {
        KThreadState *gil = kgil_save();
        r = read(fd, buf, n);
        kgil_restore(gil);
    } while (r < 0 && errno == EINTR && ksignal_retry());
    return r;
}

static ssize_t sys_write(int fd, const char *buf, size_t n) {
    ssize_t r;
    do {
        KThreadState *gil = kgil_save();
        r = write(fd, buf, n);
        kgil_restore(gil);
    } while (r < 0 && errno == EINTR && ksignal_retry());
    return r;
}

static KValue fileio_readall_impl(KFileIO *f) {
    KIOBuf out = {NULL, 0, 0};
    struct stat st;
    ssize_t want = 0;
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos) {
            want = (ssize_t)(st.st_size - pos) + 1;
        }
    }
    if (want < KIO_DEFAULT_BUFFER_SIZE) {
        want = KIO_DEFAULT_BUFFER_SIZE;
    }
    for (;;) {
        if (kiobuf_reserve(&out, want) < 0) {
            return KV_NULL;
        }
        ssize_t n = sys_read(f->fd, out.data + out.len, (size_t)(out.cap - out.len));
        if (n < 0) {
            if (errno == EAGAIN && out.len == 0) {
                kiobuf_free(&out);
                return KV_NONE;
            }
            if (errno == EAGAIN) {
                break;
            }
            kiobuf_free(&out);
            kerr_from_errno(KV_NULL);
            return KV_NULL;
        }
        if (n == 0) {
            break;
        }
        out.len += n;
        want = out.cap;
    }
    return kiobuf_finish(&out);
}

// The usual guard of a method: open, and readable/writable when asked.
static int guard(KFileIO *f, int need_read, int need_write) {
    if (f->fd < 0) {
        err_closed();
        return -1;
    }
    if (need_read && !f->readable) {
        err_mode("reading");
        return -1;
    }
    if (need_write && !f->writable) {
        err_mode("writing");
        return -1;
    }
    return 0;
}

METHOD(fileio_read) {
    (void)kw;
    KFileIO *f = FIO(self);
    ssize_t size = -1;
    if (kargs_count("read", nargs, 0, 1) < 0 || guard(f, 1, 0) < 0 ||
        kio_size_arg(nargs ? args[0] : KV_NULL, &size) < 0) {
        return KV_NULL;
    }
    if (size < 0) {
        return fileio_readall_impl(f);
    }
    KValue b = kbytes_from_data(NULL, size);
    if (!b) {
        return KV_NULL;
    }
    ssize_t n = sys_read(f->fd, ((KBytes *)b)->data, (size_t)size);
    if (n < 0) {
        kval_decref(b);
        if (errno == EAGAIN) {
            return KV_NONE;
        }
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    if (n == size) {
        return b;
    }
    KValue r = kbytes_from_data(((KBytes *)b)->data, n);
    kval_decref(b);
    return r;
}

METHOD(fileio_readall) {
    (void)args, (void)nargs, (void)kw;
    if (guard(FIO(self), 0, 0) < 0) {
        return KV_NULL;
    }
    return fileio_readall_impl(FIO(self));
}

METHOD(fileio_readinto) {
    (void)nargs, (void)kw;
    KFileIO *f = FIO(self);
    char *data;
    ssize_t len;
    if (guard(f, 1, 0) < 0 || kio_writable_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    ssize_t n = sys_read(f->fd, data, (size_t)len);
    if (n < 0) {
        if (errno == EAGAIN) {
            return KV_NONE;
        }
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kval_from_int(n);
}

METHOD(fileio_write) {
    (void)nargs, (void)kw;
    KFileIO *f = FIO(self);
    const char *data;
    ssize_t len;
    if (guard(f, 0, 1) < 0 || kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    ssize_t n = sys_write(f->fd, data, (size_t)len);
    if (n < 0) {
        if (errno == EAGAIN) {
            return KV_NONE;
        }
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kval_from_int(n);
}

static KValue offset_result(off_t pos) {
    if (pos < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kint_from_i64((int64_t)pos);
}

METHOD(fileio_seek) {
    (void)kw;
    KFileIO *f = FIO(self);
    if (kargs_count("seek", nargs, 1, 2) < 0 || guard(f, 0, 0) < 0) {
        return KV_NULL;
    }
    if (kval_type(args[0]) == &kfloat_type) {
        kerr_set(&kexc_TypeError, "an integer is required");
        return KV_NULL;
    }
    ssize_t pos = knum_as_ssize(args[0], &kexc_OverflowError);
    if (pos == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    ssize_t whence = 0;
    if (nargs > 1 && (whence = knum_as_ssize(args[1], &kexc_OverflowError)) == -1 &&
        kerr_occurred()) {
        return KV_NULL;
    }
    return offset_result(lseek(f->fd, (off_t)pos, (int)whence));
}

METHOD(fileio_tell) {
    (void)args, (void)nargs, (void)kw;
    KFileIO *f = FIO(self);
    if (guard(f, 0, 0) < 0) {
        return KV_NULL;
    }
    return offset_result(lseek(f->fd, 0, SEEK_CUR));
}

METHOD(fileio_truncate) {
    (void)kw;
    KFileIO *f = FIO(self);
    if (kargs_count("truncate", nargs, 0, 1) < 0 || guard(f, 0, 1) < 0) {
        return KV_NULL;
    }
    off_t size;
    if (nargs == 0 || args[0] == KV_NONE) {
        size = lseek(f->fd, 0, SEEK_CUR);
        if (size < 0) {
            kerr_from_errno(KV_NULL);
            return KV_NULL;
        }
    } else {
        ssize_t s = knum_as_ssize(args[0], &kexc_OverflowError);
        if (s == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        size = (off_t)s;
    }
    int r;
    do {
        r = ftruncate(f->fd, size);
    } while (r < 0 && errno == EINTR && ksignal_retry());
    if (r < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kint_from_i64((int64_t)size);
}

METHOD(fileio_close) {
    (void)args, (void)nargs, (void)kw;
    KFileIO *f = FIO(self);
    KValue r = kio_iobase_close(self);
    if (!f->closefd || f->fd < 0) {
        f->fd = -1;
        return r;
    }
    int fd = f->fd;
    f->fd = -1;
    if (close(fd) < 0 && r) {
        kval_decref(r);
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return r;
}

METHOD(fileio_readable) {
    (void)args, (void)nargs, (void)kw;
    return guard(FIO(self), 0, 0) < 0 ? KV_NULL : kbool_from(FIO(self)->readable);
}

METHOD(fileio_writable) {
    (void)args, (void)nargs, (void)kw;
    return guard(FIO(self), 0, 0) < 0 ? KV_NULL : kbool_from(FIO(self)->writable);
}

METHOD(fileio_seekable) {
    (void)args, (void)nargs, (void)kw;
    KFileIO *f = FIO(self);
    if (guard(f, 0, 0) < 0) {
        return KV_NULL;
    }
    if (f->seekable < 0) {
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    }
    return kbool_from(f->seekable);
}

METHOD(fileio_fileno) {
    (void)args, (void)nargs, (void)kw;
    return guard(FIO(self), 0, 0) < 0 ? KV_NULL : kval_from_int(FIO(self)->fd);
}

METHOD(fileio_isatty) {
    (void)args, (void)nargs, (void)kw;
    return guard(FIO(self), 0, 0) < 0 ? KV_NULL : kbool_from(isatty(FIO(self)->fd));
}

METHOD(fileio_getstate) {
    (void)args, (void)nargs, (void)kw;
    kerr_format(&kexc_TypeError, "cannot pickle '%s' object", ktype_name(kval_type(self)));
    return KV_NULL;
}

static const char *mode_string(KFileIO *f) {
    if (f->created) {
        return f->readable ? "xb+" : "xb";
    }
    if (f->appending) {
        return f->readable ? "ab+" : "ab";
    }
    if (f->readable) {
        return f->writable ? "rb+" : "rb";
    }
    return "wb";
}

static KValue fileio_repr(KValue self) {
    KFileIO *f = FIO(self);
    const char *tname = ktype_name(kval_type(self));
    if (f->fd < 0) {
        return kstr_from_format("<%s [closed]>", tname);
    }
    KValue name = KV_NULL;
    if (kobj_lookup_attr(self, KID(name), &name) < 0) {
        return KV_NULL;
    }
    const char *cf = f->closefd ? "True" : "False";
    if (!name) {
        return kstr_from_format("<%s fd=%d mode='%s' closefd=%s>", tname, f->fd, mode_string(f),
                                cf);
    }
    int r = krepr_enter(self);
    if (r != 0) {
        kval_decref(name);
        if (r > 0) {
            kerr_format(&kexc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        }
        return KV_NULL;
    }
    KValue res = kstr_from_format("<%s name=%R mode='%s' closefd=%s>", tname, name,
                                  mode_string(f), cf);
    krepr_leave(self);
    kval_decref(name);
    return res;
}

static KValue fileio_get_closed(KValue self) {
    return kbool_from(FIO(self)->fd < 0);
}

static KValue fileio_get_closefd(KValue self) {
    return kbool_from(FIO(self)->closefd);
}

static KValue fileio_get_mode(KValue self) {
    return kstr_from_cstr(mode_string(FIO(self)));
}

static KValue fileio_get_blksize(KValue self) {
    return kval_from_int(FIO(self)->blksize);
}

static const KMethodDef fileio_methods[] = {
    {"read", fileio_read, KMETH_FAST, NULL},
    {"readall", fileio_readall, KMETH_NOARGS, NULL},
    {"readinto", fileio_readinto, KMETH_O, NULL},
    {"write", fileio_write, KMETH_O, NULL},
    {"seek", fileio_seek, KMETH_FAST, NULL},
    {"tell", fileio_tell, KMETH_NOARGS, NULL},
    {"truncate", fileio_truncate, KMETH_FAST, NULL},
    {"close", fileio_close, KMETH_NOARGS, NULL},
    {"seekable", fileio_seekable, KMETH_NOARGS, NULL},
    {"readable", fileio_readable, KMETH_NOARGS, NULL},
    {"writable", fileio_writable, KMETH_NOARGS, NULL},
    {"fileno", fileio_fileno, KMETH_NOARGS, NULL},
    {"isatty", fileio_isatty, KMETH_NOARGS, NULL},
    {"__getstate__", fileio_getstate, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef fileio_getsets[] = {
    {"closed", fileio_get_closed, NULL, "True if the file is closed"},
    {"closefd", fileio_get_closefd, NULL, "True if the file descriptor will be closed by close()."},
    {"mode", fileio_get_mode, NULL, "String giving the file mode"},
    {"_blksize", fileio_get_blksize, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kio_fileio_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.FileIO",
    .basicsize = sizeof(KFileIO),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(KFileIO, dict),
    .base = &kio_rawiobase_type,
    .dealloc = fileio_dealloc,
    .traverse = kio_traverse_dict,
    .clear = fileio_clear,
    .finalize = kio_finalize,
    .repr = fileio_repr,
    .new_ = fileio_new,
    .init = fileio_init,
    .methods = fileio_methods,
    .getsets = fileio_getsets,
};

// ---------------------------------------------------------------------------
// open()

// A str-or-None argument of open(): its UTF-8 (NULL for None/absent); -1 on error.
static int str_or_none(KValue v, const char *what, const char **out) {
    *out = NULL;
    if (!v || v == KV_NONE) {
        return 0;
    }
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "open() argument '%s' must be str or None, not %T", what, v);
        return -1;
    }
    *out = kstr_utf8(v, NULL);
    return *out ? 0 : -1;
}

typedef struct OpenMode {
    int creating, reading, writing, appending, updating, text, binary;
    char rawmode[6];
} OpenMode;

static int parse_open_mode(const char *mode, OpenMode *m) {
    memset(m, 0, sizeof *m);
    for (const char *s = mode; *s; s++) {
        int *flag;
        switch (*s) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (!flag || strchr(s + 1, *s)) {
            kerr_format(&kexc_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        *flag = 1;
    }
    char *p = m->rawmode;
    if (m->creating) {
        *p++ = 'x';
    }
    if (m->reading) {
        *p++ = 'r';
    }
    if (m->writing) {
        *p++ = 'w';
    }
    if (m->appending) {
        *p++ = 'a';
    }
    if (m->updating) {
        *p++ = '+';
    }
    *p = 0;
    if (m->text && m->binary) {
        kerr_set(&kexc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (m->creating + m->reading + m->writing + m->appending > 1) {
        kerr_set(&kexc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

// Closes 'obj' after a failure, keeping the pending exception.
static void close_after_error(KValue obj) {
    KValue exc = kerr_fetch();
    KValue r = kobj_call_method(obj, KID(close), NULL, 0);
    kval_xdecref(r);
    kerr_clear();
    kerr_restore(exc);
}

// The buffered layer and text layer of open(); 'raw' is borrowed.
static KValue open_layers(KValue raw, const OpenMode *m, ssize_t buffering, const char *enc,
                          const char *errors, KValue newline, KValue mode) {
    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        KValue tty = kobj_call_method(raw, KIO_ID(isatty), NULL, 0);
        if (!tty) {
            return KV_NULL;
        }
        int is_tty = tty == KV_TRUE;
        kval_decref(tty);
        if (buffering == 1 || is_tty) {
            buffering = -1;
            line_buffering = 1;
        }
    }
    if (buffering < 0) {
        buffering = FIO(raw)->blksize > 1 ? FIO(raw)->blksize : KIO_DEFAULT_BUFFER_SIZE;
    }
    if (buffering == 0) {
        if (m->binary) {
            return kval_newref(raw);
        }
        kerr_set(&kexc_ValueError, "can't have unbuffered text I/O");
        return KV_NULL;
    }
    KType *type = m->updating ? &kio_random_type
                  : (m->creating || m->writing || m->appending) ? &kio_writer_type
                                                                 : &kio_reader_type;
    KValue buffer = kio_buffered_new(type, raw, buffering);
    if (!buffer || m->binary) {
        return buffer;
    }
    KValue encv = enc ? kstr_from_cstr(enc) : kval_newref(KV_NONE);
    KValue errv = errors ? kstr_from_cstr(errors) : kval_newref(KV_NONE);
    KValue text = KV_NULL;
    if (encv && errv) {
        KValue a[5] = {buffer, encv, errv, newline ? newline : KV_NONE, kbool_from(line_buffering)};
        text = kobj_call(kval_of(&kio_textio_type), a, 5, KV_NULL);
    }
    kval_xdecref(encv);
    kval_xdecref(errv);
    if (!text) {
        close_after_error(buffer);
        kval_decref(buffer);
        return KV_NULL;
    }
    kval_decref(buffer);
    KValue modev = mode ? kval_newref(mode) : kstr_from_cstr("r");
    if (!modev || kobj_setattr(text, KIO_ID(mode), modev) < 0) {
        close_after_error(text);
        KVAL_CLEAR(text);
    }
    kval_xdecref(modev);
    return text;
}

KValue kio_open_impl(const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener",    NULL};
    KValue a[8];
    if (kio_ready() < 0 || kargs_parse("open", args, nargs, kwnames, kwlist, 1, 8, a) < 0) {
        return KV_NULL;
    }
    const char *mode = "r", *enc, *errors, *newline;
    if (a[1]) {
        if (!kstr_check(a[1])) {
            kerr_format(&kexc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
            return KV_NULL;
        }
        if (!(mode = kstr_utf8(a[1], NULL))) {
            return KV_NULL;
        }
    }
    ssize_t buffering = -1;
    if (a[2] && (buffering = knum_as_ssize(a[2], &kexc_OverflowError)) == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (str_or_none(a[3], "encoding", &enc) < 0 || str_or_none(a[4], "errors", &errors) < 0 ||
        str_or_none(a[5], "newline", &newline) < 0) {
        return KV_NULL;
    }
    OpenMode m;
    if (parse_open_mode(mode, &m) < 0) {
        return KV_NULL;
    }
    if (m.binary && enc) {
        kerr_set(&kexc_ValueError, "binary mode doesn't take an encoding argument");
        return KV_NULL;
    }
    if (m.binary && errors) {
        kerr_set(&kexc_ValueError, "binary mode doesn't take an errors argument");
        return KV_NULL;
    }
    if (m.binary && newline) {
        kerr_set(&kexc_ValueError, "binary mode doesn't take a newline argument");
        return KV_NULL;
    }
    if (m.binary && buffering == 1 &&
        kwarnings_warn(&kexc_RuntimeWarning,
                       "line buffering (buffering=1) isn't supported in binary mode, the "
                       "default buffer size will be used",
                       1) < 0) {
        return KV_NULL;
    }
    KValue rawmode = kstr_from_cstr(m.rawmode);
    if (!rawmode) {
        return KV_NULL;
    }
    KValue fa[4] = {a[0], rawmode, a[6] ? a[6] : KV_TRUE, a[7] ? a[7] : KV_NONE};
    KValue raw = KV_NULL;
    if (!kint_check(a[0]) && !kstr_check(a[0]) && !kbytes_check(a[0])) {
        KValue path = fspath(a[0]);
        if (path) {
            fa[0] = path;
            raw = kobj_call(kval_of(&kio_fileio_type), fa, 4, KV_NULL);
            kval_decref(path);
        }
    } else {
        raw = kobj_call(kval_of(&kio_fileio_type), fa, 4, KV_NULL);
    }
    kval_decref(rawmode);
    if (!raw) {
        return KV_NULL;
    }
    KValue r = open_layers(raw, &m, buffering, enc, errors, a[5], a[1] ? a[1] : KV_NULL);
    if (!r) {
        close_after_error(raw);
    }
    kval_decref(raw);
    return r;
}
