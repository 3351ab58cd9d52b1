// vm/modules/_io_buffered.c: BufferedReader, BufferedWriter,
// BufferedRandom (one struct, one buffer) and BufferedRWPair. The buffer
// holds either unread data [pos, end) or unwritten data [0, wlen), never
// both: BufferedRandom writes back or rewinds the other side before
// switching. A raw stream that is exactly _io.FileIO is driven with system
// calls; any other goes through its Python methods (readinto, write, seek).
// Writers are linked in a list so their data is flushed at exit.
#include "_io.h"

#include <errno.h>
#include <time.h>
#include <string.h>
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
#include "../mem.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

typedef struct Buffered {
    KIO_HEAD;
    KValue raw;
    int ok, detached, readable, writable;
    char *buf;
    ssize_t size;
    ssize_t pos, end; // unread data buf[pos..end)
    ssize_t wlen;     // unwritten data buf[0..wlen)
    struct Buffered *next_w, *prev_w;
    int linked;
    int busy; // a thread is reading the raw file into 'buf' with the GIL released
} Buffered;

#define BUF(v) ((Buffered *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static Buffered *writers;

static void link_writer(Buffered *b) {
    if (b->linked) {
        return;
    }
    b->linked = 1;
    b->prev_w = NULL;
    b->next_w = writers;
    if (writers) {
        writers->prev_w = b;
    }
    writers = b;
}

static void unlink_writer(Buffered *b) {
    if (!b->linked) {
        return;
    }
    b->linked = 0;
    if (b->prev_w) {
        b->prev_w->next_w = b->next_w;
    } else {
        writers = b->next_w;
    }
    if (b->next_w) {
        b->next_w->prev_w = b->prev_w;
    }
}

int kio_buffered_check(KValue v) {
    KType *t = kval_type(v);
    return t == &kio_reader_type || t == &kio_writer_type || t == &kio_random_type;
}

static int is_fast(Buffered *b) {
    return kval_type(b->raw) == &kio_fileio_type;
}

// ---------------------------------------------------------------------------
// The raw stream.

// While another thread reads into 'b' with the GIL released (raw_read),
// waits for it, letting the GIL go meanwhile: CPython's per-object lock of
// buffered files, so no thread sees the buffer half-filled.
static void wait_idle(Buffered *b) {
    while (b->busy) {
        KThreadState *gil = kgil_save();
        if (!gil) {
            return; // shutting down: the reader never runs again
        }
        struct timespec pause = {0, 100000};
        nanosleep(&pause, NULL);
        kgil_restore(gil);
    }
}

// Reads up to 'n' bytes into 'dst': the count (0 at EOF), -2 when the raw
// stream would block (None), -1 on error. The read itself runs with the GIL
// released (a pipe or terminal may keep it waiting), 'b' marked busy.
static ssize_t raw_read(Buffered *b, char *dst, ssize_t n) {
    if (is_fast(b) && ((KFileIO *)b->raw)->fd >= 0 && ((KFileIO *)b->raw)->readable) {
        ssize_t r;
        int fd = ((KFileIO *)b->raw)->fd;
        do {
            b->busy = 1;
            KThreadState *gil = kgil_save();
            r = read(fd, dst, (size_t)n);
            kgil_restore(gil);
            b->busy = 0;
        } while (r < 0 && errno == EINTR && ksignal_retry());
        if (r < 0) {
            if (errno == EAGAIN) {
                return -2;
            }
            kerr_from_errno(KV_NULL);
            return -1;
        }
        return r;
    }
    KValue ba = kbytearray_from_data(NULL, n);
    if (!ba) {
        return -1;
    }
    KValue r = kobj_call_method(b->raw, KIO_ID(readinto), &ba, 1);
    ssize_t got = -1;
    if (r == KV_NONE) {
        got = -2;
    } else if (r) {
        got = knum_as_ssize(r, &kexc_OverflowError);
        if (!(got == -1 && kerr_occurred())) {
            if (got < 0 || got > n) {
                kerr_format(&kexc_OSError,
                            "raw readinto() returned invalid length %zd (should have been "
                            "between 0 and %zd)",
                            got, n);
                got = -1;
            } else {
                memcpy(dst, ((KByteArray *)ba)->data, (size_t)got);
            }
        }
    }
    kval_xdecref(r);
    kval_decref(ba);
    return got;
}

// Writes up to 'n' bytes: the count written, -2 for None, -1 on error.
static ssize_t raw_write(Buffered *b, const char *src, ssize_t n) {
    if (is_fast(b) && ((KFileIO *)b->raw)->fd >= 0 && ((KFileIO *)b->raw)->writable) {
        ssize_t r;
        do {
            r = write(((KFileIO *)b->raw)->fd, src, (size_t)n);
        } while (r < 0 && errno == EINTR && ksignal_retry());
        if (r < 0) {
            if (errno == EAGAIN) {
                return -2;
            }
            kerr_from_errno(KV_NULL);
            return -1;
        }
        return r;
    }
    KValue data = kbytes_from_data(src, n);
    if (!data) {
        return -1;
    }
    KValue r = kobj_call_method(b->raw, KID(write), &data, 1);
    kval_decref(data);
    if (!r) {
        return -1;
    }
    if (r == KV_NONE) {
        return -2;
    }
    ssize_t w = knum_as_ssize(r, &kexc_OverflowError);
    kval_decref(r);
    if (w == -1 && kerr_occurred()) {
        return -1;
    }
    if (w < 0 || w > n) {
        kerr_format(&kexc_OSError,
                    "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                    w, n);
        return -1;
    }
    return w;
}

// raw.seek(off, whence): the new position, -1 on error.
static int64_t raw_seek(Buffered *b, int64_t off, int whence) {
    if (is_fast(b) && ((KFileIO *)b->raw)->fd >= 0) {
        off_t r = lseek(((KFileIO *)b->raw)->fd, (off_t)off, whence);
        if (r < 0) {
            kerr_from_errno(KV_NULL);
            return -1;
        }
        return (int64_t)r;
    }
    KValue a[2] = {kint_from_i64(off), kval_from_int(whence)};
    if (!a[0]) {
        return -1;
    }
    KValue r = kobj_call_method(b->raw, KIO_ID(seek), a, 2);
    kval_decref(a[0]);
    if (!r) {
        return -1;
    }
    ssize_t pos = knum_as_ssize(r, &kexc_OverflowError);
    kval_decref(r);
    if (pos == -1 && kerr_occurred()) {
        return -1;
    }
    if (pos < 0) {
        kerr_format(&kexc_OSError, "Raw stream returned invalid position %zd", pos);
        return -1;
    }
    return pos;
}

static int ensure_buffer(Buffered *b);

static int raw_closed(Buffered *b) {
    if (is_fast(b)) {
        return ((KFileIO *)b->raw)->fd < 0;
    }
    return kio_is_closed(b->raw);
}

int kio_buffered_closed(KValue self) {
    Buffered *b = BUF(self);
    wait_idle(b);
    if (!b->ok) {
        kerr_set(&kexc_ValueError,
                 b->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
        return -1;
    }
    return raw_closed(b);
}

// Initialised and attached; 'msg' names the operation for the closed check
// (NULL: no closed check). -1 with ValueError.
static int check(Buffered *b, const char *msg) {
    wait_idle(b);
    if (!b->ok) {
        kerr_set(&kexc_ValueError,
                 b->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
        return -1;
    }
    if (msg) {
        int c = raw_closed(b);
        if (c < 0) {
            return -1;
        }
        if (c) {
            kerr_set(&kexc_ValueError, msg);
            return -1;
        }
    }
    return ensure_buffer(b);
}

// ---------------------------------------------------------------------------
// Buffer management.

static int flush_writes(Buffered *b) {
    ssize_t done = 0;
    while (done < b->wlen) {
        ssize_t n = raw_write(b, b->buf + done, b->wlen - done);
        if (n == -1) {
            memmove(b->buf, b->buf + done, (size_t)(b->wlen - done));
            b->wlen -= done;
            return -1;
        }
        if (n == -2) {
            memmove(b->buf, b->buf + done, (size_t)(b->wlen - done));
            b->wlen -= done;
            KValue args = ktuple_pack(3, kval_from_int(EAGAIN),
                                      kstr_from_cstr("write could not complete without blocking"),
                                      kval_from_int(0));
            if (args) {
                kval_decref(ktuple_items(args)[1]);
                KValue exc = kobj_call_tuple(kval_of(&kexc_BlockingIOError), args, KV_NULL);
                if (exc) {
                    kerr_raise(exc);
                    kval_decref(exc);
                }
                kval_decref(args);
            }
            return -1;
        }
        done += n;
    }
    b->wlen = 0;
    return 0;
}

// Forgets the read-ahead, moving the raw position back to the logical one.
static int drop_reads(Buffered *b) {
    ssize_t ahead = b->end - b->pos;
    b->pos = b->end = 0;
    if (ahead > 0 && raw_seek(b, -ahead, SEEK_CUR) < 0) {
        return -1;
    }
    return 0;
}

static int ensure_buffer(Buffered *b) {
    if (!b->buf) {
        b->buf = kmem_alloc((size_t)b->size);
        if (!b->buf) {
            kerr_no_memory();
            return -1;
        }
    }
    return 0;
}

// Refills the read buffer with one raw read: bytes read, 0 at EOF, -2 blocked, -1 error.
static ssize_t fill(Buffered *b) {
    if (ensure_buffer(b) < 0 || flush_writes(b) < 0) {
        return -1;
    }
    b->pos = b->end = 0;
    ssize_t n = raw_read(b, b->buf, b->size);
    if (n > 0) {
        b->end = n;
    }
    return n;
}

int kio_buffered_write_data(KValue self, const char *data, ssize_t len) {
    Buffered *b = BUF(self);
    if (check(b, "write to closed file") < 0 || ensure_buffer(b) < 0) {
        return -1;
    }
    if (b->end > b->pos && drop_reads(b) < 0) {
        return -1;
    }
    b->pos = b->end = 0;
    if (b->wlen + len <= b->size) {
        memcpy(b->buf + b->wlen, data, (size_t)len);
        b->wlen += len;
        return 0;
    }
    if (flush_writes(b) < 0) {
        return -1;
    }
    if (len < b->size) {
        memcpy(b->buf, data, (size_t)len);
        b->wlen = len;
        return 0;
    }
    ssize_t done = 0;
    while (done < len) {
        ssize_t n = raw_write(b, data + done, len - done);
        if (n < 0) {
            if (n == -2) {
                kerr_set(&kexc_BlockingIOError, "write could not complete without blocking");
            }
            return -1;
        }
        done += n;
    }
    return 0;
}

int kio_buffered_append_fast(KValue self, const char *data, ssize_t len) {
    Buffered *b = BUF(self);
    wait_idle(b);
    if (!b->ok || !b->buf || b->end != b->pos || b->wlen + len > b->size || !is_fast(b) ||
        ((KFileIO *)b->raw)->fd < 0) {
        return 0;
    }
    memcpy(b->buf + b->wlen, data, (size_t)len);
    b->wlen += len;
    return 1;
}

// Whether the instance dict holds anything: an attribute there (say, a
// 'tell' set on the object) hides the type's method of that name.
static int has_own_attrs(Buffered *b) {
    return b->dict && kdict_len(b->dict) > 0;
}

int kio_buffered_caps(KValue self, int *readable, int *writable, int *seekable,
                      int *has_read1) {
    Buffered *b = BUF(self);
    wait_idle(b);
    if (!b->ok || !is_fast(b) || ((KFileIO *)b->raw)->fd < 0 || has_own_attrs(b)) {
        return -1;
    }
    KFileIO *f = (KFileIO *)b->raw;
    KType *t = kval_type(self);
    int rd = t == &kio_reader_type || t == &kio_random_type;
    int wr = t == &kio_writer_type || t == &kio_random_type;
    if (f->seekable < 0) {
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    }
    *readable = rd && f->readable;
    *writable = wr && f->writable;
    *seekable = f->seekable;
    *has_read1 = rd;
    return 0;
}

int kio_buffered_flush_data(KValue self) {
    Buffered *b = BUF(self);
    if (check(b, "flush of closed file") < 0) {
        return -1;
    }
    return flush_writes(b);
}

void kio_flush_all_writers(void) {
    KValue saved = kerr_fetch();
    for (Buffered *b = writers; b;) {
        Buffered *next = b->next_w;
        if (b->wlen > 0 && b->ok) {
            kval_incref(kval_of(b));
            if (next) {
                kval_incref(kval_of(next));
            }
            if (flush_writes(b) < 0) {
                kerr_clear();
                b->wlen = 0;
            }
            kval_decref(kval_of(b));
            if (next) {
                int alive = next->refcnt > 1;
                kval_decref(kval_of(next));
                if (!alive) {
                    break;
                }
            }
        }
        b = next;
    }
    kerr_restore(saved);
}

// ---------------------------------------------------------------------------
// Construction.

static KValue buffered_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static int raw_can(KValue raw, KValue what, const char *msg) {
    if (kval_type(raw) == &kio_fileio_type && ((KFileIO *)raw)->fd >= 0) {
        // An open FileIO answers in C (no method lookup at start-up).
        KFileIO *f = (KFileIO *)raw;
        if (what == KIO_ID(seekable) && f->seekable < 0) {
            f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
        }
        int ok = what == KIO_ID(readable) ? f->readable
                 : what == KIO_ID(writable) ? f->writable
                                            : f->seekable;
        if (!ok) {
            kio_unsupported(msg);
            return -1;
        }
        return 0;
    }
    KValue r = kobj_call_method(raw, what, NULL, 0);
    if (!r) {
        return -1;
    }
    int ok = r == KV_TRUE;
    kval_decref(r);
    if (!ok) {
        kio_unsupported(msg);
        return -1;
    }
    return 0;
}

static int setup(Buffered *b, KValue raw, ssize_t size) {
    KType *t = kval_type(kval_of(b));
    int rd = ktype_is_subtype(t, &kio_reader_type) || ktype_is_subtype(t, &kio_random_type);
    int wr = ktype_is_subtype(t, &kio_writer_type) || ktype_is_subtype(t, &kio_random_type);
    b->ok = 0;
    if (ktype_is_subtype(t, &kio_random_type) &&
        raw_can(raw, KIO_ID(seekable), "File or stream is not seekable.") < 0) {
        return -1;
    }
    if (rd && raw_can(raw, KIO_ID(readable), "File or stream is not readable.") < 0) {
        return -1;
    }
    if (wr && raw_can(raw, KIO_ID(writable), "File or stream is not writable.") < 0) {
        return -1;
    }
    if (size <= 0) {
        kerr_set(&kexc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    if (b->buf && b->size != size) {
        kmem_free(b->buf);
        b->buf = NULL;
    }
    kval_setref(&b->raw, kval_newref(raw));
    b->size = size;
    b->readable = rd;
    b->writable = wr;
    b->pos = b->end = b->wlen = 0;
    b->detached = 0;
    b->ok = 1;
    if (wr) {
        link_writer(b);
    }
    return 0;
}

static int buffered_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"raw", "buffer_size", NULL};
    KValue a[2];
    const char *name = ktype_is_subtype(kval_type(self), &kio_reader_type)   ? "BufferedReader"
                       : ktype_is_subtype(kval_type(self), &kio_writer_type) ? "BufferedWriter"
                                                                             : "BufferedRandom";
    if (kargs_parse(name, args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return -1;
    }
    ssize_t size = KIO_DEFAULT_BUFFER_SIZE;
    if (a[1] && (size = knum_as_ssize(a[1], &kexc_OverflowError)) == -1 && kerr_occurred()) {
        return -1;
    }
    return setup(BUF(self), a[0], size);
}

KValue kio_buffered_new(KType *type, KValue raw, ssize_t size) {
    KValue v = buffered_new(type, NULL, 0, KV_NULL);
    if (v && setup(BUF(v), raw, size) < 0) {
        KVAL_CLEAR(v);
    }
    return v;
}

static void buffered_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    Buffered *b = (Buffered *)o;
    unlink_writer(b);
    KVAL_CLEAR(b->raw);
    KVAL_CLEAR(b->dict);
    kmem_free(b->buf);
    kobj_free(o);
}

static int buffered_traverse(KObject *o, KVisitFn visit, void *arg) {
    Buffered *b = (Buffered *)o;
    return (b->raw && visit(b->raw, arg)) || kio_traverse_dict(o, visit, arg);
}

static void buffered_clear(KObject *o) {
    Buffered *b = (Buffered *)o;
    b->ok = 0;
    KVAL_CLEAR(b->raw);
    KVAL_CLEAR(b->dict);
}

// ---------------------------------------------------------------------------
// Reading.

// Reads 'n' bytes (n >= 0) into a new bytes; stops early at EOF or a block.
static KValue read_n(Buffered *b, ssize_t n) {
    ssize_t have = b->end - b->pos;
    if (n <= have) {
        KValue r = kbytes_from_data(b->buf + b->pos, n);
        if (r) {
            b->pos += n;
        }
        return r;
    }
    if (flush_writes(b) < 0) {
        return KV_NULL;
    }
    KValue out = kbytes_from_data(NULL, n);
    if (!out) {
        return KV_NULL;
    }
    char *dst = ((KBytes *)out)->data;
    memcpy(dst, b->buf + b->pos, (size_t)have);
    ssize_t got = have;
    b->pos = b->end = 0;
    int blocked = 0;
    while (got < n) {
        ssize_t r;
        if (n - got >= b->size) {
            r = raw_read(b, dst + got, n - got);
            if (r > 0) {
                got += r;
            }
        } else {
            r = fill(b);
            if (r > 0) {
                ssize_t take = n - got < b->end ? n - got : b->end;
                memcpy(dst + got, b->buf, (size_t)take);
                b->pos = take;
                got += take;
            }
        }
        if (r == -1) {
            kval_decref(out);
            return KV_NULL;
        }
        if (r == -2) {
            blocked = 1;
        }
        if (r <= 0) {
            break;
        }
    }
    if (got == 0 && blocked) {
        kval_decref(out);
        return KV_NONE;
    }
    if (got == n) {
        return out;
    }
    KValue r = kbytes_from_data(dst, got);
    kval_decref(out);
    return r;
}

static KValue read_all(Buffered *b) {
    KIOBuf out = {NULL, 0, 0};
    if (kiobuf_put(&out, b->buf + b->pos, b->end - b->pos) < 0) {
        return KV_NULL;
    }
    b->pos = b->end = 0;
    if (flush_writes(b) < 0) {
        kiobuf_free(&out);
        return KV_NULL;
    }
    KValue rest = KV_NULL;
    if (kobj_lookup_attr(b->raw, KIO_ID(readall), &rest) < 0) {
        kiobuf_free(&out);
        return KV_NULL;
    }
    if (rest) {
        KValue data = kobj_call0(rest);
        kval_decref(rest);
        if (!data) {
            kiobuf_free(&out);
            return KV_NULL;
        }
        if (data == KV_NONE) {
            if (out.len == 0) {
                kiobuf_free(&out);
                return data;
            }
            kval_decref(data);
            return kiobuf_finish(&out);
        }
        if (!kbytes_check(data)) {
            kerr_set(&kexc_TypeError, "readall() should return bytes");
            kval_decref(data);
            kiobuf_free(&out);
            return KV_NULL;
        }
        int r = kiobuf_put(&out, ((KBytes *)data)->data, ((KBytes *)data)->len);
        kval_decref(data);
        if (r < 0) {
            return KV_NULL;
        }
        return kiobuf_finish(&out);
    }
    for (;;) {
        if (kiobuf_reserve(&out, KIO_DEFAULT_BUFFER_SIZE) < 0) {
            return KV_NULL;
        }
        ssize_t n = raw_read(b, out.data + out.len, out.cap - out.len);
        if (n == -1) {
            kiobuf_free(&out);
            return KV_NULL;
        }
        if (n == -2 && out.len == 0) {
            kiobuf_free(&out);
            return KV_NONE;
        }
        if (n <= 0) {
            break;
        }
        out.len += n;
    }
    return kiobuf_finish(&out);
}

METHOD(buf_read) {
    (void)kw;
    Buffered *b = BUF(self);
    ssize_t n = -1;
    if (kargs_count("read", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0 ||
        check(b, NULL) < 0) {
        return KV_NULL;
    }
    if (n < -1) {
        kerr_set(&kexc_ValueError, "read length must be non-negative or -1");
        return KV_NULL;
    }
    if (check(b, "read of closed file") < 0) {
        return KV_NULL;
    }
    return n < 0 ? read_all(b) : read_n(b, n);
}

// read1(n): buffered bytes when there are any, else one raw read.
static KValue read1_impl(Buffered *b, ssize_t n) {
    if (n < 0) {
        n = b->size;
    }
    if (n == 0) {
        return kbytes_from_data("", 0);
    }
    ssize_t have = b->end - b->pos;
    if (have > 0) {
        KValue r = kbytes_from_data(b->buf + b->pos, n < have ? n : have);
        if (r) {
            b->pos += n < have ? n : have;
        }
        return r;
    }
    if (flush_writes(b) < 0) {
        return KV_NULL;
    }
    b->pos = b->end = 0;
    if (n <= b->size) {
        ssize_t r = fill(b);
        if (r < 0) {
            return r == -2 ? kbytes_from_data("", 0) : KV_NULL;
        }
        ssize_t take = n < b->end ? n : b->end;
        KValue res = kbytes_from_data(b->buf, take);
        if (res) {
            b->pos = take;
        }
        return res;
    }
    KValue out = kbytes_from_data(NULL, n);
    if (!out) {
        return KV_NULL;
    }
    ssize_t r = raw_read(b, ((KBytes *)out)->data, n);
    if (r < 0) {
        kval_decref(out);
        return r == -2 ? kbytes_from_data("", 0) : KV_NULL;
    }
    KValue res = kbytes_from_data(((KBytes *)out)->data, r);
    kval_decref(out);
    return res;
}

KValue kio_buffered_read1(KValue self, ssize_t n) {
    Buffered *b = BUF(self);
    if (check(b, "read of closed file") < 0) {
        return KV_NULL;
    }
    return read1_impl(b, n);
}

METHOD(buf_read1) {
    (void)kw;
    Buffered *b = BUF(self);
    ssize_t n = -1;
    if (kargs_count("read1", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0 ||
        check(b, "read of closed file") < 0) {
        return KV_NULL;
    }
    return read1_impl(b, n);
}

METHOD(buf_peek) {
    (void)kw;
    Buffered *b = BUF(self);
    ssize_t n = 0;
    if (kargs_count("peek", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0 ||
        check(b, "peek of closed file") < 0) {
        return KV_NULL;
    }
    if (b->end - b->pos == 0) {
        ssize_t r = fill(b);
        if (r == -1) {
            return KV_NULL;
        }
    }
    return kbytes_from_data(b->buf ? b->buf + b->pos : "", b->end - b->pos);
}

static KValue readinto_impl(KValue self, KValue buf, int one) {
    Buffered *b = BUF(self);
    char *data;
    ssize_t len;
    if (check(b, "readinto of closed file") < 0 || kio_writable_buffer(buf, &data, &len) < 0) {
        return KV_NULL;
    }
    KValue r = one ? read1_impl(b, len) : read_n(b, len);
    if (!r || r == KV_NONE) {
        return r;
    }
    ssize_t n = ((KBytes *)r)->len;
    memcpy(data, ((KBytes *)r)->data, (size_t)n);
    kval_decref(r);
    return kval_from_int(n);
}

METHOD(buf_readinto) {
    (void)nargs, (void)kw;
    return readinto_impl(self, args[0], 0);
}

METHOD(buf_readinto1) {
    (void)nargs, (void)kw;
    return readinto_impl(self, args[0], 1);
}

static KValue readline_impl(Buffered *b, ssize_t limit) {
    KIOBuf out = {NULL, 0, 0};
    if (flush_writes(b) < 0) {
        return KV_NULL;
    }
    for (;;) {
        ssize_t have = b->end - b->pos;
        if (have == 0) {
            ssize_t r = fill(b);
            if (r == -1) {
                kiobuf_free(&out);
                return KV_NULL;
            }
            if (r <= 0) {
                break;
            }
            have = b->end - b->pos;
        }
        if (limit >= 0 && have > limit - out.len) {
            have = limit - out.len;
        }
        const char *start = b->buf + b->pos;
        const char *nl = memchr(start, '\n', (size_t)have);
        ssize_t take = nl ? nl - start + 1 : have;
        if (kiobuf_put(&out, start, take) < 0) {
            return KV_NULL;
        }
        b->pos += take;
        if (nl || (limit >= 0 && out.len >= limit)) {
            break;
        }
    }
    return kiobuf_finish(&out);
}

METHOD(buf_readline) {
    (void)kw;
    Buffered *b = BUF(self);
    ssize_t n = -1;
    if (kargs_count("readline", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0 ||
        check(b, "readline of closed file") < 0) {
        return KV_NULL;
    }
    return readline_impl(b, n);
}

static KValue buffered_iternext(KValue self) {
    Buffered *b = BUF(self);
    if (kval_type(self) != &kio_reader_type && kval_type(self) != &kio_random_type) {
        KValue line = kobj_call_method(self, KIO_ID(readline), NULL, 0);
        if (line && kobj_len(line) == 0) {
            KVAL_CLEAR(line);
        }
        return line;
    }
    if (check(b, "readline of closed file") < 0) {
        return KV_NULL;
    }
    KValue line = readline_impl(b, -1);
    if (line && ((KBytes *)line)->len == 0) {
        KVAL_CLEAR(line);
    }
    return line;
}

// ---------------------------------------------------------------------------
// Writing, positions, closing.

METHOD(buf_write) {
    (void)nargs, (void)kw;
    const char *data;
    ssize_t len;
    if (check(BUF(self), NULL) < 0 || kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    // Copy first: a bytearray argument may be the buffer of a raw write callback.
    if (kio_buffered_write_data(self, data, len) < 0) {
        return KV_NULL;
    }
    return kval_from_int(len);
}

METHOD(buf_flush) {
    (void)args, (void)nargs, (void)kw;
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    if (!b->writable) {
        return kobj_call_method(b->raw, KID(flush), NULL, 0);
    }
    if (check(b, "flush of closed file") < 0 || flush_writes(b) < 0) {
        return KV_NULL;
    }
    if (b->readable && drop_reads(b) < 0) {
        return KV_NULL;
    }
    return kobj_call_method(b->raw, KID(flush), NULL, 0);
}

static int64_t logical_tell(Buffered *b) {
    int64_t pos;
    if (is_fast(b) && ((KFileIO *)b->raw)->fd >= 0) {
        off_t r = lseek(((KFileIO *)b->raw)->fd, 0, SEEK_CUR);
        if (r < 0) {
            kerr_from_errno(KV_NULL);
            return -1;
        }
        pos = r;
    } else {
        KValue r = kobj_call_method(b->raw, KIO_ID(tell), NULL, 0);
        if (!r) {
            return -1;
        }
        pos = knum_as_ssize(r, &kexc_OverflowError);
        kval_decref(r);
        if (pos == -1 && kerr_occurred()) {
            return -1;
        }
        if (pos < 0) {
            kerr_format(&kexc_OSError, "Raw stream returned invalid position %zd", (ssize_t)pos);
            return -1;
        }
    }
    pos = pos - (b->end - b->pos) + b->wlen;
    return pos < 0 ? 0 : pos;
}

int64_t kio_buffered_tell(KValue self) {
    Buffered *b = BUF(self);
    return check(b, NULL) < 0 ? -1 : logical_tell(b);
}

METHOD(buf_tell) {
    (void)args, (void)nargs, (void)kw;
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    int64_t pos = logical_tell(b);
    return pos < 0 ? KV_NULL : kint_from_i64(pos);
}

METHOD(buf_seek) {
    (void)kw;
    Buffered *b = BUF(self);
    if (kargs_count("seek", nargs, 1, 2) < 0 || check(b, NULL) < 0) {
        return KV_NULL;
    }
    ssize_t whence = 0;
    if (nargs > 1 && (whence = knum_as_ssize(args[1], &kexc_OverflowError)) == -1 &&
        kerr_occurred()) {
        return KV_NULL;
    }
    if (whence < 0 || whence > 2) {
        kerr_format(&kexc_ValueError, "whence value %zd unsupported", whence);
        return KV_NULL;
    }
    if (check(b, "seek of closed file") < 0 ||
        raw_can(b->raw, KIO_ID(seekable), "File or stream is not seekable.") < 0) {
        return KV_NULL;
    }
    KValue tv = knum_index(args[0]);
    if (!tv) {
        return KV_NULL;
    }
    ssize_t target = knum_as_ssize(tv, &kexc_OverflowError);
    kval_decref(tv);
    if (target == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (whence != 2 && b->end > b->pos && b->wlen == 0) {
        // Within the read-ahead: move in the buffer only.
        int64_t cur = logical_tell(b);
        if (cur < 0) {
            return KV_NULL;
        }
        int64_t abs = whence == 0 ? target : cur + target;
        int64_t start = cur - b->pos;
        if (abs >= start && abs <= start + b->end) {
            b->pos = (ssize_t)(abs - start);
            return kint_from_i64(abs);
        }
    }
    if (flush_writes(b) < 0) {
        return KV_NULL;
    }
    if (whence == 1) {
        target -= b->end - b->pos;
    }
    b->pos = b->end = 0;
    int64_t r = raw_seek(b, target, (int)whence);
    return r < 0 ? KV_NULL : kint_from_i64(r);
}

METHOD(buf_truncate) {
    (void)kw;
    Buffered *b = BUF(self);
    if (kargs_count("truncate", nargs, 0, 1) < 0 || check(b, "truncate of closed file") < 0 ||
        raw_can(b->raw, KIO_ID(writable), "File or stream is not writable.") < 0 ||
        flush_writes(b) < 0 || drop_reads(b) < 0) {
        return KV_NULL;
    }
    KValue pos = nargs ? kval_newref(args[0]) : KV_NULL;
    if (!pos || pos == KV_NONE) {
        kval_xdecref(pos);
        int64_t p = logical_tell(b);
        if (p < 0 || !(pos = kint_from_i64(p))) {
            return KV_NULL;
        }
    }
    KValue r = kobj_call_method(b->raw, KIO_ID(truncate), &pos, 1);
    kval_decref(pos);
    return r;
}

METHOD(buf_close) {
    (void)args, (void)nargs, (void)kw;
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    int c = raw_closed(b);
    if (c != 0) {
        return c < 0 ? KV_NULL : KV_NONE;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    KValue exc = r ? KV_NULL : kerr_fetch();
    kval_xdecref(r);
    r = kobj_call_method(b->raw, KID(close), NULL, 0);
    b->pos = b->end = b->wlen = 0;
    kmem_free(b->buf);
    b->buf = NULL;
    if (exc) {
        if (r) {
            kval_decref(r);
            kerr_restore(exc);
        } else {
            kerr_chain(exc);
        }
        return KV_NULL;
    }
    return r;
}

METHOD(buf_detach) {
    (void)args, (void)nargs, (void)kw;
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    KValue raw = b->raw;
    b->raw = KV_NULL;
    b->ok = 0;
    b->detached = 1;
    unlink_writer(b);
    return raw;
}

// Methods that forward to the raw stream after the checks.
static KValue forward(KValue self, KValue name) {
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    return kobj_call_method(b->raw, name, NULL, 0);
}

METHOD(buf_fileno) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(fileno));
}

METHOD(buf_isatty) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(isatty));
}

METHOD(buf_seekable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(seekable));
}

METHOD(buf_readable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(readable));
}

METHOD(buf_writable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(writable));
}

METHOD(buf_getstate) {
    (void)args, (void)nargs, (void)kw;
    kerr_format(&kexc_TypeError, "cannot pickle '%s' object", ktype_name(kval_type(self)));
    return KV_NULL;
}

static KValue raw_attr(KValue self, KValue name) {
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    return kobj_getattr(b->raw, name);
}

static KValue buf_get_closed(KValue self) {
    return raw_attr(self, KIO_ID(closed));
}

static KValue buf_get_name(KValue self) {
    return raw_attr(self, KID(name));
}

static KValue buf_get_mode(KValue self) {
    return raw_attr(self, KIO_ID(mode));
}

static KValue buf_get_raw(KValue self) {
    Buffered *b = BUF(self);
    if (check(b, NULL) < 0) {
        return KV_NULL;
    }
    return kval_newref(b->raw);
}

static KValue buffered_repr(KValue self) {
    const char *tname = ktype_name(kval_type(self));
    KValue name = KV_NULL;
    if (kobj_lookup_attr(self, KID(name), &name) < 0) {
        if (!kerr_matches(&kexc_ValueError)) {
            return KV_NULL;
        }
        kerr_clear();
    }
    if (!name) {
        return kstr_from_format("<%s>", tname);
    }
    int r = krepr_enter(self);
    if (r != 0) {
        kval_decref(name);
        if (r > 0) {
            kerr_format(&kexc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        }
        return KV_NULL;
    }
    KValue res = kstr_from_format("<%s name=%R>", tname, name);
    krepr_leave(self);
    kval_decref(name);
    return res;
}

#define COMMON_METHODS                                                                           \
    {"flush", buf_flush, KMETH_NOARGS, NULL}, {"close", buf_close, KMETH_NOARGS, NULL},          \
        {"detach", buf_detach, KMETH_NOARGS, NULL}, {"seek", buf_seek, KMETH_FAST, NULL},        \
        {"tell", buf_tell, KMETH_NOARGS, NULL}, {"fileno", buf_fileno, KMETH_NOARGS, NULL},      \
        {"isatty", buf_isatty, KMETH_NOARGS, NULL},                                              \
        {"seekable", buf_seekable, KMETH_NOARGS, NULL},                                          \
        {"__getstate__", buf_getstate, KMETH_NOARGS, NULL},
#define READ_METHODS                                                                             \
    {"read", buf_read, KMETH_FAST, NULL}, {"read1", buf_read1, KMETH_FAST, NULL},                \
        {"peek", buf_peek, KMETH_FAST, NULL}, {"readinto", buf_readinto, KMETH_O, NULL},         \
        {"readinto1", buf_readinto1, KMETH_O, NULL}, {"readline", buf_readline, KMETH_FAST, NULL}, \
        {"readable", buf_readable, KMETH_NOARGS, NULL},
#define WRITE_METHODS                                                                            \
    {"write", buf_write, KMETH_O, NULL}, {"truncate", buf_truncate, KMETH_FAST, NULL},           \
        {"writable", buf_writable, KMETH_NOARGS, NULL},

static const KMethodDef reader_methods[] = {COMMON_METHODS READ_METHODS{NULL, NULL, 0, NULL}};
static const KMethodDef writer_methods[] = {COMMON_METHODS WRITE_METHODS{NULL, NULL, 0, NULL}};
static const KMethodDef random_methods[] = {
    COMMON_METHODS READ_METHODS WRITE_METHODS{NULL, NULL, 0, NULL}};

static const KGetSetDef buffered_getsets[] = {
    {"closed", buf_get_closed, NULL, NULL},
    {"name", buf_get_name, NULL, NULL},
    {"mode", buf_get_mode, NULL, NULL},
    {"raw", buf_get_raw, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(cname, pyname, meths)                                                      \
    KType cname = {                                                                              \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = pyname,                                                                          \
        .basicsize = sizeof(Buffered),                                                           \
        .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,                                            \
        .dictoffset = offsetof(Buffered, dict),                                                  \
        .base = &kio_bufferediobase_type,                                                        \
        .dealloc = buffered_dealloc,                                                             \
        .traverse = buffered_traverse,                                                           \
        .clear = buffered_clear,                                                                 \
        .finalize = kio_finalize,                                                                \
        .repr = buffered_repr,                                                                   \
        .iternext = buffered_iternext,                                                           \
        .new_ = buffered_new,                                                                    \
        .init = buffered_init,                                                                   \
        .methods = meths,                                                                        \
        .getsets = buffered_getsets,                                                             \
    }

BUFFERED_TYPE(kio_reader_type, "_io.BufferedReader", reader_methods);
BUFFERED_TYPE(kio_writer_type, "_io.BufferedWriter", writer_methods);
BUFFERED_TYPE(kio_random_type, "_io.BufferedRandom", random_methods);

// ---------------------------------------------------------------------------
// BufferedRWPair

typedef struct RWPair {
    KIO_HEAD;
    KValue reader, writer;
} RWPair;

#define PAIR(v) ((RWPair *)(v))

static int rwpair_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("BufferedRWPair", kwnames) < 0 ||
        kargs_count("BufferedRWPair", nargs, 2, 3) < 0) {
        return -1;
    }
    ssize_t size = KIO_DEFAULT_BUFFER_SIZE;
    if (nargs > 2 && (size = knum_as_ssize(args[2], &kexc_OverflowError)) == -1 && kerr_occurred()) {
        return -1;
    }
    if (raw_can(args[0], KIO_ID(readable), "File or stream is not readable.") < 0 ||
        raw_can(args[1], KIO_ID(writable), "File or stream is not writable.") < 0) {
        return -1;
    }
    KValue r = kio_buffered_new(&kio_reader_type, args[0], size);
    if (!r) {
        return -1;
    }
    KValue w = kio_buffered_new(&kio_writer_type, args[1], size);
    if (!w) {
        kval_decref(r);
        return -1;
    }
    kval_setref(&PAIR(self)->reader, r);
    kval_setref(&PAIR(self)->writer, w);
    return 0;
}

static KValue pair_side(KValue self, int writer) {
    KValue v = writer ? PAIR(self)->writer : PAIR(self)->reader;
    if (!v) {
        kerr_set(&kexc_ValueError, "I/O operation on uninitialized object");
    }
    return v;
}

static KValue pair_call(KValue self, int writer, const char *name, const KValue *args,
                        size_t nargs) {
    KValue side = pair_side(self, writer);
    if (!side) {
        return KV_NULL;
    }
    KValue n = kstr_intern_cstr(name);
    if (!n) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(side, n, args, nargs);
    kval_decref(n);
    return r;
}

#define PAIR_METHOD(fname, side, pyname)                                                         \
    METHOD(fname) {                                                                              \
        (void)kw;                                                                                \
        return pair_call(self, side, pyname, args, nargs);                                       \
    }
PAIR_METHOD(pair_read, 0, "read")
PAIR_METHOD(pair_peek, 0, "peek")
PAIR_METHOD(pair_read1, 0, "read1")
PAIR_METHOD(pair_readinto, 0, "readinto")
PAIR_METHOD(pair_readinto1, 0, "readinto1")
PAIR_METHOD(pair_readable, 0, "readable")
PAIR_METHOD(pair_write, 1, "write")
PAIR_METHOD(pair_flush, 1, "flush")
PAIR_METHOD(pair_writable, 1, "writable")

METHOD(pair_close) {
    (void)args, (void)nargs, (void)kw;
    KValue r = pair_call(self, 1, "close", NULL, 0);
    KValue exc = r ? KV_NULL : kerr_fetch();
    kval_xdecref(r);
    r = pair_call(self, 0, "close", NULL, 0);
    if (exc) {
        if (r) {
            kval_decref(r);
            kerr_restore(exc);
        } else {
            kerr_chain(exc);
        }
        return KV_NULL;
    }
    return r;
}

METHOD(pair_isatty) {
    (void)args, (void)nargs, (void)kw;
    KValue r = pair_call(self, 1, "isatty", NULL, 0);
    if (!r || r == KV_TRUE) {
        return r;
    }
    kval_decref(r);
    return pair_call(self, 0, "isatty", NULL, 0);
}

METHOD(pair_detach) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("detach");
}

static KValue pair_get_closed(KValue self) {
    KValue w = pair_side(self, 1);
    return w ? kobj_getattr(w, KIO_ID(closed)) : KV_NULL;
}

static void rwpair_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    KVAL_CLEAR(PAIR(o)->reader);
    KVAL_CLEAR(PAIR(o)->writer);
    KVAL_CLEAR(PAIR(o)->dict);
    kobj_free(o);
}

static int rwpair_traverse(KObject *o, KVisitFn visit, void *arg) {
    RWPair *p = (RWPair *)o;
    return (p->reader && visit(p->reader, arg)) || (p->writer && visit(p->writer, arg)) ||
           kio_traverse_dict(o, visit, arg);
}

static void rwpair_clear(KObject *o) {
    KVAL_CLEAR(PAIR(o)->reader);
    KVAL_CLEAR(PAIR(o)->writer);
    KVAL_CLEAR(PAIR(o)->dict);
}

static const KMethodDef rwpair_methods[] = {
    {"read", pair_read, KMETH_FAST, NULL},
    {"peek", pair_peek, KMETH_FAST, NULL},
    {"read1", pair_read1, KMETH_FAST, NULL},
    {"readinto", pair_readinto, KMETH_FAST, NULL},
    {"readinto1", pair_readinto1, KMETH_FAST, NULL},
    {"write", pair_write, KMETH_FAST, NULL},
    {"flush", pair_flush, KMETH_NOARGS, NULL},
    {"readable", pair_readable, KMETH_NOARGS, NULL},
    {"writable", pair_writable, KMETH_NOARGS, NULL},
    {"close", pair_close, KMETH_NOARGS, NULL},
    {"isatty", pair_isatty, KMETH_NOARGS, NULL},
    {"detach", pair_detach, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef rwpair_getsets[] = {
    {"closed", pair_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kio_rwpair_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.BufferedRWPair",
    .basicsize = sizeof(RWPair),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(RWPair, dict),
    .base = &kio_bufferediobase_type,
    .dealloc = rwpair_dealloc,
    .traverse = rwpair_traverse,
    .clear = rwpair_clear,
    .finalize = kio_finalize,
    .new_ = buffered_new,
    .init = rwpair_init,
    .methods = rwpair_methods,
    .getsets = rwpair_getsets,
};
