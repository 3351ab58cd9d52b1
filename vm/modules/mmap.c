// vm/modules/mmap.c: the mmap module: mmap.mmap, a file (or anonymous
// memory) mapped into memory, as CPython 3.11 has it on Linux: the
// constructor's access/flags/prot rules, the file-like methods (read, write,
// seek, find...), resize by mremap, indexing and slicing (ints for single
// bytes), iteration (one-byte bytes), the buffer protocol (read-only for
// ACCESS_READ; close and resize refused while exported) and the constants.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../gil.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../search.h"
#include "../slice.h"
#include "../str.h"
#include "../type.h"
#include "posix.h"

enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct MmapObj {
    KOBJ_HEAD;
    char *data; // NULL once closed
    ssize_t size, pos;
    off_t offset;
    int fd; // a dup of the mapped file's descriptor; -1 for anonymous maps
    int access;
    ssize_t exports;
} MmapObj;

#define MM(v) ((MmapObj *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static KType mmap_type, mmap_iter_type;

// 0, or -1 with CPython's ValueError once the map is closed.
static int check_valid(MmapObj *m) {
    if (!m->data) {
        kerr_set(&kexc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

static int check_writable(MmapObj *m) {
    if (m->access == ACCESS_READ) {
        kerr_set(&kexc_TypeError, "mmap can't modify a readonly memory map.");
        return -1;
    }
    return 0;
}

// An argument as CPython's "n" converter: through __index__, OverflowError
// when it does not fit a C ssize_t.
static int ssize_arg(KValue v, ssize_t *out) {
    if (kval_is_int(v)) {
        *out = kval_int(v);
        return 0;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    *out = kint_as_ssize(i);
    kval_decref(i);
    return *out == -1 && kerr_occurred() ? -1 : 0;
}

static int has_index(KValue v) {
    return kval_is_int(v) || knb(kval_type(v))->index != NULL;
}

static KValue none(void) {
    return kval_newref(KV_NONE);
}

// Positional-only arguments of a METH_VARARGS method: no keywords, between
// 'min' and 'max' of them (CPython's PyArg_ParseTuple messages).
static int varargs(const char *fname, size_t nargs, KValue kw, size_t min, size_t max) {
    char full[32];
    snprintf(full, sizeof full, "mmap.%s", fname);
    if (kargs_no_kw(full, kw) < 0) {
        return -1;
    }
    if (nargs < min || nargs > max) {
        if (min == max) {
            kerr_format(&kexc_TypeError, "%s() takes exactly %zu argument%s (%zu given)", fname,
                        min, min == 1 ? "" : "s", nargs);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", fname,
                        nargs < min ? "least" : "most", nargs < min ? min : max,
                        (nargs < min ? min : max) == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Creation and destruction

static const char *const new_kwlist[] = {"fileno", "length", "flags", "prot", "access", "offset", NULL};

static KValue mmap_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    KValue a[6];
    if (kargs_parse(NULL, args, nargs, kwnames, new_kwlist, 2, 6, a) < 0) {
        return KV_NULL;
    }
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    ssize_t size;
    long offset = 0;
    if (knum_as_int(a[0], &fd) < 0 || ssize_arg(a[1], &size) < 0 ||
        (a[2] && knum_as_int(a[2], &flags) < 0) || (a[3] && knum_as_int(a[3], &prot) < 0) ||
        (a[4] && knum_as_int(a[4], &access) < 0) || (a[5] && knum_as_long(a[5], &offset) < 0)) {
        return KV_NULL;
    }
    if (size < 0) {
        kerr_set(&kexc_OverflowError, "memory mapped length must be positive");
        return KV_NULL;
    }
    if (offset < 0) {
        kerr_set(&kexc_OverflowError, "memory mapped offset must be positive");
        return KV_NULL;
    }
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
        kerr_set(&kexc_ValueError, "mmap can't specify both access and flags, prot.");
        return KV_NULL;
    }
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        // The access the protection amounts to.
        if (!((prot & PROT_READ) && (prot & PROT_WRITE))) {
            access = prot & PROT_WRITE ? ACCESS_WRITE : ACCESS_READ;
        }
        break;
    default:
        kerr_set(&kexc_ValueError, "mmap invalid access parameter.");
        return KV_NULL;
    }
    struct stat st;
    if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (size == 0) {
            if (st.st_size == 0) {
                kerr_set(&kexc_ValueError, "cannot mmap an empty file");
                return KV_NULL;
            }
            if (offset >= st.st_size) {
                kerr_set(&kexc_ValueError, "mmap offset is greater than file size");
                return KV_NULL;
            }
            size = (ssize_t)(st.st_size - offset);
        } else if (offset > st.st_size || st.st_size - offset < size) {
            kerr_set(&kexc_ValueError, "mmap length is greater than file size");
            return KV_NULL;
        }
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        return KV_NULL;
    }
    MmapObj *m = MM(v);
    m->size = size;
    m->offset = (off_t)offset;
    m->fd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else {
        m->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (m->fd < 0) {
            kval_decref(v);
            return kposix_error();
        }
    }
    void *p = mmap(NULL, (size_t)size, prot, flags, fd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        kval_decref(v);
        errno = e;
        return kposix_error();
    }
    m->data = p;
    m->access = access;
    return v;
}

static void unmap(MmapObj *m) {
    if (m->fd >= 0) {
        close(m->fd);
        m->fd = -1;
    }
    if (m->data) {
        munmap(m->data, (size_t)m->size);
        m->data = NULL;
    }
}

static void mmap_dealloc(KObject *o) {
    unmap(MM(o));
    kobj_free(o);
}

METHOD(m_close) {
    (void)args, (void)nargs, (void)kw;
    MmapObj *m = MM(self);
    if (m->exports > 0) {
        kerr_set(&kexc_BufferError, "cannot close exported pointers exist");
        return KV_NULL;
    }
    unmap(m);
    return none();
}

static KValue get_closed(KValue self) {
    return kval_newref(MM(self)->data ? KV_FALSE : KV_TRUE);
}

METHOD(m_enter) {
    (void)args, (void)nargs, (void)kw;
    return check_valid(MM(self)) < 0 ? KV_NULL : kval_newref(self);
}

METHOD(m_exit) {
    (void)args, (void)nargs;
    return m_close(self, NULL, 0, kw);
}

static KValue mmap_repr(KValue self) {
    MmapObj *m = MM(self);
    const char *tname = ktype_name(kval_type(self));
    if (!m->data) {
        return kstr_from_format("<%s closed=True>", tname);
    }
    static const char *const names[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                        "ACCESS_COPY"};
    return kstr_from_format("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>",
                            tname, names[m->access], m->size, m->pos, (long long)m->offset);
}

// ---------------------------------------------------------------------------
// File-like methods

// The bytes left after the position (0 when it is past the end).
static ssize_t remaining(MmapObj *m) {
    return m->pos < m->size ? m->size - m->pos : 0;
}

METHOD(m_read) {
    MmapObj *m = MM(self);
    ssize_t n = -1;
    if (check_valid(m) < 0 || varargs("read", nargs, kw, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs > 0 && args[0] != KV_NONE) {
        if (!has_index(args[0])) {
            kerr_format(&kexc_TypeError, "argument should be integer or None, not '%s'",
                        ktype_name(kval_type(args[0])));
            return KV_NULL;
        }
        n = knum_as_ssize(args[0], &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    ssize_t left = remaining(m);
    if (n < 0 || n > left) {
        n = left;
    }
    KValue r = kbytes_from_data(m->data + m->pos, n);
    if (r) {
        m->pos += n;
    }
    return r;
}

METHOD(m_read_byte) {
    (void)args, (void)nargs, (void)kw;
    MmapObj *m = MM(self);
    if (check_valid(m) < 0) {
        return KV_NULL;
    }
    if (m->pos >= m->size) {
        kerr_set(&kexc_ValueError, "read byte out of range");
        return KV_NULL;
    }
    return kval_from_int((unsigned char)m->data[m->pos++]);
}

METHOD(m_readline) {
    (void)args, (void)nargs, (void)kw;
    MmapObj *m = MM(self);
    if (check_valid(m) < 0) {
        return KV_NULL;
    }
    ssize_t left = remaining(m);
    const char *start = m->data + m->pos;
    const char *eol = left ? memchr(start, '\n', (size_t)left) : NULL;
    ssize_t n = eol ? eol - start + 1 : left;
    KValue r = kbytes_from_data(start, n);
    if (r) {
        m->pos += n;
    }
    return r;
}

METHOD(m_write) {
    MmapObj *m = MM(self);
    const char *p;
    ssize_t n;
    if (check_valid(m) < 0 || varargs("write", nargs, kw, 1, 1) < 0 ||
        kbytes_need_buffer(args[0], &p, &n) < 0 || check_writable(m) < 0) {
        return KV_NULL;
    }
    if (m->pos > m->size || m->size - m->pos < n) {
        kerr_set(&kexc_ValueError, "data out of range");
        return KV_NULL;
    }
    memmove(m->data + m->pos, p, (size_t)n);
    m->pos += n;
    return kint_from_i64(n);
}

METHOD(m_write_byte) {
    MmapObj *m = MM(self);
    long v;
    if (check_valid(m) < 0 || varargs("write_byte", nargs, kw, 1, 1) < 0 ||
        knum_as_long(args[0], &v) < 0) {
        return KV_NULL;
    }
    if (v < 0 || v > 255) {
        kerr_set(&kexc_OverflowError, v < 0 ? "unsigned byte integer is less than minimum"
                                            : "unsigned byte integer is greater than maximum");
        return KV_NULL;
    }
    if (check_writable(m) < 0) {
        return KV_NULL;
    }
    if (m->pos >= m->size) {
        kerr_set(&kexc_ValueError, "write byte out of range");
        return KV_NULL;
    }
    m->data[m->pos++] = (char)v;
    return none();
}

METHOD(m_seek) {
    MmapObj *m = MM(self);
    ssize_t dist;
    int how = 0;
    if (check_valid(m) < 0 || varargs("seek", nargs, kw, 1, 2) < 0 ||
        ssize_arg(args[0], &dist) < 0 || (nargs > 1 && knum_as_int(args[1], &how) < 0)) {
        return KV_NULL;
    }
    ssize_t where;
    switch (how) {
    case 0:
        where = dist;
        break;
    case 1:
        if (__builtin_add_overflow(m->pos, dist, &where)) {
            goto out_of_range;
        }
        break;
    case 2:
        if (__builtin_add_overflow(m->size, dist, &where)) {
            goto out_of_range;
        }
        break;
    default:
        kerr_set(&kexc_ValueError, "unknown seek type");
        return KV_NULL;
    }
    if (where < 0 || where > m->size) {
        goto out_of_range;
    }
    m->pos = where;
    return none();
out_of_range:
    kerr_set(&kexc_ValueError, "seek out of range");
    return KV_NULL;
}

METHOD(m_tell) {
    (void)args, (void)nargs, (void)kw;
    MmapObj *m = MM(self);
    return check_valid(m) < 0 ? KV_NULL : kint_from_i64(m->pos);
}

// size(): the size of the mapped file (OSError EBADF for anonymous memory).
METHOD(m_size) {
    (void)args, (void)nargs, (void)kw;
    MmapObj *m = MM(self);
    struct stat st;
    if (check_valid(m) < 0) {
        return KV_NULL;
    }
    if (fstat(m->fd, &st) < 0) {
        return kposix_error();
    }
    return kint_from_i64((int64_t)st.st_size);
}

// Clips a find bound as CPython: negative counts from the end.
static ssize_t clip(ssize_t i, ssize_t size) {
    if (i < 0) {
        i += size;
    }
    return i < 0 ? 0 : i > size ? size : i;
}

static KValue find(KValue self, const KValue *args, size_t nargs, KValue kw, int reverse) {
    MmapObj *m = MM(self);
    const char *fname = reverse ? "rfind" : "find";
    const char *needle;
    ssize_t n, start = m->pos, end = m->size;
    if (check_valid(m) < 0 || varargs(fname, nargs, kw, 1, 3) < 0 ||
        kbytes_need_buffer(args[0], &needle, &n) < 0 ||
        (nargs > 1 && ssize_arg(args[1], &start) < 0) ||
        (nargs > 2 && ssize_arg(args[2], &end) < 0)) {
        return KV_NULL;
    }
    start = clip(start, m->size);
    end = clip(end, m->size);
    if (n == 0) {
        return kint_from_i64(reverse ? end : start);
    }
    if (end - start < n) {
        return kval_from_int(-1);
    }
    const char *hay = m->data + start;
    const char *p = reverse ? ksearch_rfind(hay, (size_t)(end - start), needle, (size_t)n)
                            : ksearch_find(hay, (size_t)(end - start), needle, (size_t)n);
    return kint_from_i64(p ? p - m->data : -1);
}

METHOD(m_find) {
    return find(self, args, nargs, kw, 0);
}

METHOD(m_rfind) {
    return find(self, args, nargs, kw, 1);
}

METHOD(m_flush) {
    MmapObj *m = MM(self);
    ssize_t offset = 0, size = m->size;
    if (check_valid(m) < 0 || varargs("flush", nargs, kw, 0, 2) < 0 ||
        (nargs > 0 && ssize_arg(args[0], &offset) < 0) ||
        (nargs > 1 && ssize_arg(args[1], &size) < 0)) {
        return KV_NULL;
    }
    if (size < 0 || offset < 0 || m->size - offset < size) {
        kerr_set(&kexc_ValueError, "flush values out of range");
        return KV_NULL;
    }
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) {
        return none();
    }
    KThreadState *saved = kgil_save();
    int r = msync(m->data + offset, (size_t)size, MS_SYNC);
    kgil_restore(saved);
    return r < 0 ? kposix_error() : none();
}

METHOD(m_madvise) {
    MmapObj *m = MM(self);
    int option;
    ssize_t start = 0, length = m->size;
    if (check_valid(m) < 0 || varargs("madvise", nargs, kw, 1, 3) < 0 ||
        knum_as_int(args[0], &option) < 0 || (nargs > 1 && ssize_arg(args[1], &start) < 0) ||
        (nargs > 2 && ssize_arg(args[2], &length) < 0)) {
        return KV_NULL;
    }
    if (start < 0 || start >= m->size) {
        kerr_set(&kexc_ValueError, "madvise start out of bounds");
        return KV_NULL;
    }
    if (length < 0) {
        kerr_set(&kexc_ValueError, "madvise length invalid");
        return KV_NULL;
    }
    if (PTRDIFF_MAX - start < length) {
        kerr_set(&kexc_OverflowError, "madvise length too large");
        return KV_NULL;
    }
    if (start + length > m->size) {
        length = m->size - start;
    }
    if (madvise(m->data + start, (size_t)length, option) != 0) {
        return kposix_error();
    }
    return none();
}

METHOD(m_move) {
    MmapObj *m = MM(self);
    ssize_t dest, src, cnt;
    if (check_valid(m) < 0 || varargs("move", nargs, kw, 3, 3) < 0 ||
        ssize_arg(args[0], &dest) < 0 || ssize_arg(args[1], &src) < 0 ||
        ssize_arg(args[2], &cnt) < 0 || check_writable(m) < 0) {
        return KV_NULL;
    }
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt) {
        kerr_set(&kexc_ValueError, "source, destination, or count out of range");
        return KV_NULL;
    }
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return none();
}

// resize(n): the file (if any) truncated or extended to offset + n, then
// the mapping moved to its new size by mremap.
METHOD(m_resize) {
    MmapObj *m = MM(self);
    ssize_t n;
    if (check_valid(m) < 0 || varargs("resize", nargs, kw, 1, 1) < 0 ||
        ssize_arg(args[0], &n) < 0) {
        return KV_NULL;
    }
    if (m->exports > 0) {
        kerr_set(&kexc_BufferError, "mmap can't resize with extant buffers exported.");
        return KV_NULL;
    }
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT) {
        kerr_set(&kexc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
        return KV_NULL;
    }
    if (n < 0 || PTRDIFF_MAX - n < m->offset) {
        kerr_set(&kexc_ValueError, "new size out of range");
        return KV_NULL;
    }
    if (m->fd != -1 && ftruncate(m->fd, m->offset + n) == -1) {
        return kposix_error();
    }
    void *p = mremap(m->data, (size_t)m->size, (size_t)n, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) {
        return kposix_error();
    }
    m->data = p;
    m->size = n;
    return none();
}

// ---------------------------------------------------------------------------
// Sequence protocol

static ssize_t mmap_len(KValue self) {
    MmapObj *m = MM(self);
    return check_valid(m) < 0 ? -1 : m->size;
}

static KValue mmap_getitem(KValue self, KValue key) {
    MmapObj *m = MM(self);
    if (check_valid(m) < 0) {
        return KV_NULL;
    }
    if (has_index(key)) {
        ssize_t i = knum_as_ssize(key, &kexc_IndexError);
        if (i == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (i < 0) {
            i += m->size;
        }
        if (i < 0 || i >= m->size) {
            kerr_set(&kexc_IndexError, "mmap index out of range");
            return KV_NULL;
        }
        return kval_from_int((unsigned char)m->data[i]);
    }
    if (!kslice_check(key)) {
        kerr_set(&kexc_TypeError, "mmap indices must be integers");
        return KV_NULL;
    }
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, m->size, &start, &stop, &step);
    if (n < 0 || check_valid(m) < 0) {
        return KV_NULL;
    }
    if (step == 1) {
        return kbytes_from_data(m->data + start, n);
    }
    KValue r = kbytes_from_data(NULL, n);
    if (r) {
        char *out = ((KBytes *)r)->data;
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            out[i] = m->data[j];
        }
    }
    return r;
}

static int mmap_setitem(KValue self, KValue key, KValue value) {
    MmapObj *m = MM(self);
    if (check_valid(m) < 0 || check_writable(m) < 0) {
        return -1;
    }
    if (has_index(key)) {
        ssize_t i = knum_as_ssize(key, &kexc_IndexError);
        if (i == -1 && kerr_occurred()) {
            return -1;
        }
        if (i < 0) {
            i += m->size;
        }
        if (i < 0 || i >= m->size) {
            kerr_set(&kexc_IndexError, "mmap index out of range");
            return -1;
        }
        if (!value) {
            kerr_set(&kexc_TypeError, "mmap doesn't support item deletion");
            return -1;
        }
        if (!has_index(value)) {
            kerr_set(&kexc_TypeError, "mmap item value must be an int");
            return -1;
        }
        ssize_t v = knum_as_ssize(value, &kexc_TypeError);
        if (v == -1 && kerr_occurred()) {
            return -1;
        }
        if (v < 0 || v > 255) {
            kerr_set(&kexc_ValueError, "mmap item value must be in range(0, 256)");
            return -1;
        }
        if (check_valid(m) < 0) {
            return -1;
        }
        m->data[i] = (char)v;
        return 0;
    }
    if (!kslice_check(key)) {
        kerr_set(&kexc_TypeError, "mmap indices must be integer");
        return -1;
    }
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, m->size, &start, &stop, &step);
    if (n < 0) {
        return -1;
    }
    if (!value) {
        kerr_set(&kexc_TypeError, "mmap object doesn't support slice deletion");
        return -1;
    }
    const char *p;
    ssize_t len;
    if (kbytes_need_buffer(value, &p, &len) < 0) {
        return -1;
    }
    if (len != n) {
        kerr_set(&kexc_IndexError, "mmap slice assignment is wrong size");
        return -1;
    }
    if (check_valid(m) < 0) {
        return -1;
    }
    if (step == 1) {
        memmove(m->data + start, p, (size_t)n);
    } else {
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            m->data[j] = p[i];
        }
    }
    return 0;
}

// Iteration goes through the sequence protocol's item (CPython's sq_item):
// one-byte bytes, not ints.
typedef struct MmapIter {
    KOBJ_HEAD;
    KValue map; // KV_NULL once exhausted
    ssize_t index;
} MmapIter;

static KValue mmap_iter(KValue self) {
    if (check_valid(MM(self)) < 0) {
        return KV_NULL;
    }
    MmapIter *it = (MmapIter *)kobj_alloc(&mmap_iter_type, sizeof(MmapIter));
    if (!it) {
        return KV_NULL;
    }
    it->map = kval_newref(self);
    return kval_of(it);
}

static KValue mmap_iter_next(KValue self) {
    MmapIter *it = (MmapIter *)self;
    if (!it->map) {
        return KV_NULL;
    }
    MmapObj *m = MM(it->map);
    if (check_valid(m) < 0) {
        return KV_NULL;
    }
    if (it->index >= m->size) {
        KVAL_CLEAR(it->map);
        return KV_NULL;
    }
    return kbytes_from_data(m->data + it->index++, 1);
}

static void mmap_iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((MmapIter *)o)->map);
    kobj_free(o);
}

static int mmap_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue m = ((MmapIter *)o)->map;
    return m && visit(m, arg);
}

static KValue iter_self(KValue self) {
    return kval_newref(self);
}

static KType mmap_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "iterator",
    .basicsize = sizeof(MmapIter),
    .flags = KTF_GC,
    .dealloc = mmap_iter_dealloc,
    .traverse = mmap_iter_traverse,
    .iter = iter_self,
    .iternext = mmap_iter_next,
};

// ---------------------------------------------------------------------------
// Buffer protocol: the mapped bytes in place, read-only for ACCESS_READ.

static int mmap_getbuffer(KValue self, KBuffer *view) {
    MmapObj *m = MM(self);
    if (check_valid(m) < 0) {
        return -1;
    }
    view->buf = m->data;
    view->len = m->size;
    view->itemsize = 1;
    view->format = 'B';
    view->readonly = m->access == ACCESS_READ;
    m->exports++;
    return 0;
}

static void mmap_releasebuffer(KValue self) {
    MM(self)->exports--;
}

static const KBufferSlots mmap_buffer = {mmap_getbuffer, mmap_releasebuffer};

static const KMethodDef mmap_methods[] = {
    {"close", m_close, KMETH_NOARGS, NULL},
    {"find", m_find, KMETH_KW, NULL},
    {"rfind", m_rfind, KMETH_KW, NULL},
    {"flush", m_flush, KMETH_KW, NULL},
    {"madvise", m_madvise, KMETH_KW, NULL},
    {"move", m_move, KMETH_KW, NULL},
    {"read", m_read, KMETH_KW, NULL},
    {"read_byte", m_read_byte, KMETH_NOARGS, NULL},
    {"readline", m_readline, KMETH_NOARGS, NULL},
    {"resize", m_resize, KMETH_KW, NULL},
    {"seek", m_seek, KMETH_KW, NULL},
    {"size", m_size, KMETH_NOARGS, NULL},
    {"tell", m_tell, KMETH_NOARGS, NULL},
    {"write", m_write, KMETH_KW, NULL},
    {"write_byte", m_write_byte, KMETH_KW, NULL},
    {"__enter__", m_enter, KMETH_NOARGS, NULL},
    {"__exit__", m_exit, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef mmap_getsets[] = {
    {"closed", get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType mmap_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "mmap.mmap",
    .buffer = &mmap_buffer,
    .basicsize = sizeof(MmapObj),
    .flags = KTF_BASETYPE | KTF_WEAKREF,
    .dealloc = mmap_dealloc,
    .repr = mmap_repr,
    .iter = mmap_iter,
    .new_ = mmap_new,
    .len = mmap_len,
    .getitem = mmap_getitem,
    .setitem = mmap_setitem,
    .methods = mmap_methods,
    .getsets = mmap_getsets,
};

static const KModInt constants[] = {
    {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
    {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
    KMOD_INT(MADV_NORMAL), KMOD_INT(MADV_RANDOM), KMOD_INT(MADV_SEQUENTIAL),
    KMOD_INT(MADV_WILLNEED), KMOD_INT(MADV_DONTNEED), KMOD_INT(MADV_FREE),
    KMOD_INT(MADV_REMOVE), KMOD_INT(MADV_DONTFORK), KMOD_INT(MADV_DOFORK),
    KMOD_INT(MADV_MERGEABLE), KMOD_INT(MADV_UNMERGEABLE), KMOD_INT(MADV_HUGEPAGE),
    KMOD_INT(MADV_NOHUGEPAGE), KMOD_INT(MADV_DONTDUMP), KMOD_INT(MADV_DODUMP),
    KMOD_INT(MADV_HWPOISON), KMOD_INT(MAP_SHARED), KMOD_INT(MAP_PRIVATE),
    KMOD_INT(MAP_ANON), KMOD_INT(MAP_ANONYMOUS), KMOD_INT(MAP_DENYWRITE),
    KMOD_INT(MAP_EXECUTABLE), KMOD_INT(MAP_POPULATE), KMOD_INT(MAP_STACK),
    KMOD_INT(PROT_EXEC), KMOD_INT(PROT_READ), KMOD_INT(PROT_WRITE),
};

KValue kmod_mmap_create(void) {
    if (ktype_ready(&mmap_type) < 0 || ktype_ready(&mmap_iter_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("mmap");
    long page = sysconf(_SC_PAGESIZE);
    KModInt sizes[] = {{"PAGESIZE", page}, {"ALLOCATIONGRANULARITY", page}};
    if (!m || kmod_add(m, "mmap", kval_of(&mmap_type)) < 0 ||
        kmod_add(m, "error", kval_of(&kexc_OSError)) < 0 ||
        kmod_add_ints(m, constants, KMOD_NINTS(constants)) < 0 ||
        kmod_add_ints(m, sizes, KMOD_NINTS(sizes)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
