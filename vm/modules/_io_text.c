// vm/modules/_io_text.c: TextIOWrapper over a buffered binary stream,
// decoding through _io_decode.c's incremental decoder (or a registry codec's)
// and encoding with krait's codecs; tell() and seek() are in _io_text_seek.c.
#include "_io.h"
#include "_io_text.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// ---------------------------------------------------------------------------
// TextIOWrapper


// Initialised (__init__ ran); -1 with ValueError.
static int text_init_check(TextIO *t) {
    if (!t->ok) {
        kerr_set(&kexc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

// Initialised and not detached; -1 with ValueError.
static int text_check(TextIO *t) {
    if (text_init_check(t) < 0) {
        return -1;
    }
    if (t->detached) {
        kerr_set(&kexc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    return 0;
}

static int text_closed(TextIO *t) {
    if (t->fast_buffer) {
        return kio_buffered_closed(t->buffer);
    }
    return kio_is_closed(t->buffer);
}

// Attached and open; -1 with ValueError.
int kio_text_check_open(TextIO *t) {
    if (text_check(t) < 0) {
        return -1;
    }
    int c = text_closed(t);
    if (c > 0) {
        kio_closed_error(NULL);
        return -1;
    }
    return c;
}

static void clear_decoded(TextIO *t) {
    KVAL_CLEAR(t->decoded);
    t->decoded_used = 0;
}

int kio_text_reset_decoder(TextIO *t, int at_start) {
    t->dec.npend = 0;
    t->dec.bom_done = !at_start;
    t->dec.kind = kio_codec_kind(t->codec);
    if (!at_start && t->dec.kind == KIO_CK_UTF16) {
        t->dec.kind = KIO_CK_UTF16LE;
    } else if (!at_start && t->dec.kind == KIO_CK_UTF32) {
        t->dec.kind = KIO_CK_UTF32LE;
    } else if (!at_start && t->dec.kind == KIO_CK_UTF8SIG) {
        t->dec.kind = KIO_CK_UTF8;
    }
    t->pendingcr = 0;
    clear_decoded(t);
    t->has_snap = 0;
    KVAL_CLEAR(t->snap_input);
    return t->py.dec ? kio_pycodec_setstate(&t->py, KV_NULL, -1) : 0;
}

// Decodes 'data' through the byte decoder and the newline step.
static KValue decode_chunk(TextIO *t, const char *data, ssize_t len, int final) {
    KValue s = t->py.dec ? kio_pycodec_decode(&t->py, data, len, final)
                         : kio_bytedec_decode(&t->dec, t->codec, kstr_utf8(t->errors, NULL), data,
                                              len, final);
    if (!s || !t->readuniversal) {
        return s;
    }
    KValue r = kio_translate_newlines(s, &t->pendingcr, &t->seen, t->readtranslate, final);
    kval_decref(s);
    return r;
}

static int parse_newline(TextIO *t, KValue newline) {
    t->readnl = KV_NULL;
    t->writenl = NULL;
    if (!newline || newline == KV_NONE) {
        t->readuniversal = t->readtranslate = 1;
        return 0;
    }
    const char *nl = kstr_utf8(newline, NULL);
    if (!nl) {
        return -1;
    }
    if (strcmp(nl, "") == 0) {
        t->readuniversal = 1;
        t->readtranslate = 0;
        return 0;
    }
    if (strcmp(nl, "\n") != 0 && strcmp(nl, "\r") != 0 && strcmp(nl, "\r\n") != 0) {
        kerr_format(&kexc_ValueError, "illegal newline value: %U", newline);
        return -1;
    }
    t->readuniversal = t->readtranslate = 0;
    t->readnl = kval_newref(newline);
    t->writenl = strcmp(nl, "\n") == 0 ? NULL : strcmp(nl, "\r") == 0 ? "\r" : "\r\n";
    return 0;
}

static int call_bool(KValue obj, KValue name) {
    KValue r = kobj_call_method(obj, name, NULL, 0);
    if (!r) {
        return -1;
    }
    int b = kobj_is_true(r);
    kval_decref(r);
    return b;
}

static int check_str_arg(KValue v, const char *what) {
    if (v && v != KV_NONE && !kstr_check(v)) {
        kerr_format(&kexc_TypeError, "TextIOWrapper() argument '%s' must be str or None, not %T",
                    what, v);
        return -1;
    }
    return 0;
}

// Sets encoding and errors ('enc'/'errs' str or None) and the codec.
static int set_encoding(TextIO *t, KValue enc, KValue errs) {
    KValue encv;
    if (!enc || enc == KV_NONE || kstr_eq_cstr(enc, "locale")) {
        encv = kstr_from_cstr("UTF-8");
    } else {
        encv = kval_newref(enc);
    }
    if (!encv) {
        return -1;
    }
    ssize_t n;
    const char *e = kstr_utf8(encv, &n);
    if (!e) {
        kval_decref(encv);
        return -1;
    }
    if (strlen(e) != (size_t)n) {
        kval_decref(encv);
        kerr_set(&kexc_ValueError, "embedded null character");
        return -1;
    }
    const char *canon = kcodec_canonical(e);
    KValue errv = errs && errs != KV_NONE ? kval_newref(errs) : kstr_from_cstr("strict");
    if (!canon && errv && kio_pycodec_open(&t->py, encv, errv) < 0) {
        kval_decref(encv);
        kval_decref(errv);
        return -1;
    }
    if (canon) {
        kio_pycodec_close(&t->py);
    }
    char *codec = kmem_strdup(canon ? canon : e);
    if (!errv || !codec) {
        kval_decref(encv);
        kval_xdecref(errv);
        kmem_free(codec);
        if (!kerr_occurred()) {
            kerr_no_memory();
        }
        return -1;
    }
    kval_setref(&t->encoding, encv);
    kval_setref(&t->errors, errv);
    kmem_free(t->codec);
    t->codec = codec;
    t->dec.kind = kio_codec_kind(codec);
    t->plain_utf8 = strcmp(codec, "utf-8") == 0 && !t->writenl;
    return 0;
}

static int text_finish_setup(TextIO *t, KValue buffer, int fast);

static int text_setup(TextIO *t, KValue buffer, KValue enc, KValue errs, KValue newline,
                      int line_buffering, int write_through) {
    t->ok = 0;
    t->detached = 0;
    kiobuf_free(&t->pending);
    if (check_str_arg(enc, "encoding") < 0 || check_str_arg(errs, "errors") < 0) {
        return -1;
    }
    if (newline && newline != KV_NONE && !kstr_check(newline)) {
        kerr_format(&kexc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %T",
                    newline);
        return -1;
    }
    KVAL_CLEAR(t->readnl);
    if (parse_newline(t, newline) < 0 || set_encoding(t, enc, errs) < 0) {
        return -1;
    }
    kval_setref(&t->buffer, kval_newref(buffer));
    t->fast_buffer = kio_buffered_check(buffer);
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    t->chunk_size = KIO_DEFAULT_BUFFER_SIZE;
    t->seen = 0;
    if (t->fast_buffer && kio_buffered_caps(buffer, &t->readable, &t->writable, &t->seekable,
                                            &t->has_read1) == 0) {
        return text_finish_setup(t, buffer, 1);
    }
    if ((t->readable = call_bool(buffer, KIO_ID(readable))) < 0 ||
        (t->writable = call_bool(buffer, KIO_ID(writable))) < 0 ||
        (t->seekable = call_bool(buffer, KIO_ID(seekable))) < 0) {
        return -1;
    }
    KValue r1 = KV_NULL;
    if (kobj_lookup_attr(buffer, KIO_ID(read1), &r1) < 0) {
        return -1;
    }
    t->has_read1 = r1 != KV_NULL;
    kval_xdecref(r1);
    return text_finish_setup(t, buffer, 0);
}

// The rest of text_setup once the buffer's abilities are known ('fast':
// from kio_buffered_caps, so tell() needs no method call either).
static int text_finish_setup(TextIO *t, KValue buffer, int fast) {
    t->telling = t->seekable;
    if (kio_text_reset_decoder(t, 1) < 0) {
        return -1;
    }
    // As CPython's: an unseekable stream is not at its start as far as
    // UTF-16/32 go (no BOM), while utf-8-sig's encoder still writes one.
    int k = kio_codec_kind(t->codec);
    t->encoder_started = !t->seekable && (k == KIO_CK_UTF16 || k == KIO_CK_UTF32);
    if (t->seekable && t->writable && fast) {
        int64_t pos = kio_buffered_tell(buffer);
        if (pos < 0) {
            return -1;
        }
        t->encoder_started = pos != 0;
    } else if (t->seekable && t->writable) {
        KValue pos = kobj_call_method(buffer, KIO_ID(tell), NULL, 0);
        if (!pos) {
            return -1;
        }
        int at_zero = kval_is_int(pos) && kval_int(pos) == 0;
        kval_decref(pos);
        t->encoder_started = !at_zero;
    }
    t->ok = 1;
    return 0;
}

static int textio_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"buffer",         "encoding",      "errors", "newline",
                                         "line_buffering", "write_through", NULL};
    KValue a[6];
    if (kargs_parse("TextIOWrapper", args, nargs, kwnames, kwlist, 1, 6, a) < 0) {
        return -1;
    }
    int lb = a[4] ? kobj_is_true(a[4]) : 0;
    int wt = a[5] ? kobj_is_true(a[5]) : 0;
    if (lb < 0 || wt < 0) {
        return -1;
    }
    return text_setup(TIO(self), a[0], a[1], a[2], a[3], lb, wt);
}

static KValue textio_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

KValue kio_textio_new(KValue buffer, const char *encoding, const char *errors, int line_buffering,
                      int write_through) {
    KValue v = textio_new(&kio_textio_type, NULL, 0, KV_NULL);
    KValue enc = v ? kstr_from_cstr(encoding) : KV_NULL;
    KValue err = enc ? kstr_from_cstr(errors) : KV_NULL;
    if (!err || text_setup(TIO(v), buffer, enc, err, KV_NONE, line_buffering, write_through) < 0) {
        KVAL_CLEAR(v);
    }
    kval_xdecref(enc);
    kval_xdecref(err);
    return v;
}

static void textio_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    TextIO *t = (TextIO *)o;
    KVAL_CLEAR(t->buffer);
    KVAL_CLEAR(t->encoding);
    KVAL_CLEAR(t->errors);
    KVAL_CLEAR(t->readnl);
    KVAL_CLEAR(t->decoded);
    KVAL_CLEAR(t->snap_input);
    KVAL_CLEAR(t->dict);
    kio_pycodec_close(&t->py);
    kmem_free(t->codec);
    kiobuf_free(&t->pending);
    kobj_free(o);
}

static int textio_traverse(KObject *o, KVisitFn visit, void *arg) {
    TextIO *t = (TextIO *)o;
    return (t->buffer && visit(t->buffer, arg)) || (t->py.dec && visit(t->py.dec, arg)) ||
           (t->py.enc && visit(t->py.enc, arg)) || kio_traverse_dict(o, visit, arg);
}

static void textio_clear(KObject *o) {
    TextIO *t = (TextIO *)o;
    t->ok = 0;
    kio_pycodec_close(&t->py);
    KVAL_CLEAR(t->buffer);
    KVAL_CLEAR(t->dict);
}

// ---------------------------------------------------------------------------
// Writing.

static KValue encode_text(TextIO *t, KValue text) {
    if (t->py.enc) {
        return kio_pycodec_encode(&t->py, text);
    }
    const char *errors = kstr_utf8(t->errors, NULL);
    const char *codec = t->codec;
    if (t->encoder_started) {
        int k = kio_codec_kind(codec);
        codec = k == KIO_CK_UTF16 ? "utf-16-le" : k == KIO_CK_UTF32 ? "utf-32-le" : k == KIO_CK_UTF8SIG ? "utf-8" : codec;
    }
    KValue b = kcodec_encode(text, codec, errors);
    if (b && kstr_len(text) > 0) {
        t->encoder_started = 1;
    }
    return b;
}

// Hands the pending bytes to buffer.write().
static int flush_pending(TextIO *t) {
    if (t->pending.len == 0) {
        return 0;
    }
    KValue b = kiobuf_finish(&t->pending);
    if (!b) {
        return -1;
    }
    KValue r = kobj_call_method(t->buffer, KID(write), &b, 1);
    kval_decref(b);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

// Our own buffered objects take the bytes at once, an open FileIO (the
// streams under -u) gets them with write(2); any other buffer gets them in
// chunks of _CHUNK_SIZE, as CPython's pending bytes.
static int buffer_write(TextIO *t, const char *data, ssize_t len) {
    if (t->fast_buffer) {
        return kio_buffered_write_data(t->buffer, data, len);
    }
    if (kval_type(t->buffer) == &kio_fileio_type && ((KFileIO *)t->buffer)->fd >= 0 &&
        ((KFileIO *)t->buffer)->writable && t->pending.len == 0) {
        int fd = ((KFileIO *)t->buffer)->fd;
        while (len > 0) {
            ssize_t n = write(fd, data, (size_t)len);
            if (n < 0 && errno == EINTR && ksignal_retry()) {
                continue;
            }
            if (n < 0) {
                kerr_from_errno(KV_NULL);
                return -1;
            }
            data += n;
            len -= n;
        }
        return 0;
    }
    if (kiobuf_put(&t->pending, data, len) < 0) {
        return -1;
    }
    return t->pending.len >= t->chunk_size ? flush_pending(t) : 0;
}

int kio_text_flush(TextIO *t) {
    if (flush_pending(t) < 0) {
        return -1;
    }
    if (kval_type(t->buffer) == &kio_fileio_type && ((KFileIO *)t->buffer)->fd >= 0) {
        return 0; // FileIO.flush() does nothing on an open file
    }
    KValue r = kobj_call_method(t->buffer, KID(flush), NULL, 0);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static int has_char(KValue s, uint32_t c) {
    KStr *k = (KStr *)s;
    if (k->kind == 1) {
        return memchr(k->data, (int)c, (size_t)k->len) != NULL;
    }
    for (ssize_t i = 0; i < k->len; i++) {
        if (kstr_char(k, i) == c) {
            return 1;
        }
    }
    return 0;
}

static int text_write(TextIO *t, KValue text) {
    if (!t->writable) {
        kio_unsupported("not writable");
        return -1;
    }
    KValue s = kval_newref(text);
    int haslf = has_char(s, '\n');
    if (haslf && t->writenl) {
        KValue from = kstr_from_cstr("\n"), to = kstr_from_cstr(t->writenl);
        KValue r = from && to ? kobj_call_method(s, kstr_intern_cstr("replace"), (KValue[]){from, to}, 2)
                              : KV_NULL;
        kval_xdecref(from);
        kval_xdecref(to);
        kval_decref(s);
        if (!r) {
            return -1;
        }
        s = r;
    }
    int needflush = t->line_buffering && (haslf || has_char(s, '\r'));
    int rc;
    KStr *k = (KStr *)s;
    int plain_utf8 = t->plain_utf8 && k->ascii;
    if (plain_utf8) {
        ssize_t n;
        const char *u = kstr_utf8(s, &n);
        rc = u ? buffer_write(t, u, n) : -1;
    } else {
        KValue b = encode_text(t, s);
        rc = b ? buffer_write(t, ((KBytes *)b)->data, ((KBytes *)b)->len) : -1;
        kval_xdecref(b);
    }
    kval_decref(s);
    if (rc < 0) {
        return -1;
    }
    if ((t->decoded || t->has_snap) && kio_text_reset_decoder(t, 0) < 0) {
        return -1;
    }
    if (t->write_through || needflush) {
        return kio_text_flush(t);
    }
    return 0;
}

// print()'s common case: UTF-8 out, nothing to translate, text (a str)
// that is its own UTF-8 (ASCII), room in our buffer: 1 when appended (and
// flushed as line buffering or write-through ask), 0 when the general path
// must run, -1 on error.
static inline int append_ascii(TextIO *t, KValue text) {
    KStr *k = (KStr *)text;
    if (!t->plain_utf8 || !t->writable || !k->ascii || !t->fast_buffer || t->detached || t->decoded ||
        t->has_snap || !kio_buffered_append_fast(t->buffer, (const char *)k->data, k->len)) {
        return 0;
    }
    if (t->write_through || (t->line_buffering && (memchr(k->data, '\n', (size_t)k->len) ||
                                                   memchr(k->data, '\r', (size_t)k->len)))) {
        return kio_buffered_flush_data(t->buffer) < 0 ? -1 : 1;
    }
    return 1;
}

int kio_text_write_fast(KValue file, KValue text) {
    if (kval_type(file) != &kio_textio_type) {
        return 0;
    }
    TextIO *t = TIO(file);
    if (!t->ok || t->detached || !t->fast_buffer || !kstr_check(text)) {
        return 0;
    }
    int r = append_ascii(t, text);
    if (r != 0) {
        return r;
    }
    int c = kio_buffered_closed(t->buffer);
    if (c != 0) {
        if (c > 0) {
            kio_closed_error(NULL);
        }
        return -1;
    }
    return text_write(t, text) < 0 ? -1 : 1;
}


int kio_text_flush_fast(KValue file) {
    if (kval_type(file) != &kio_textio_type) {
        return 0;
    }
    TextIO *t = TIO(file);
    if (!t->ok || t->detached || !t->fast_buffer || kval_type(t->buffer) == &kio_random_type) {
        return 0;
    }
    int c = kio_buffered_closed(t->buffer);
    if (c != 0) {
        return c < 0 ? -1 : 1;
    }
    t->telling = t->seekable;
    if (kio_buffered_flush_data(t->buffer) < 0) {
        return -1;
    }
    return 1;
}

METHOD(textio_write) {
    (void)nargs, (void)kw;
    TextIO *t = TIO(self);
    if (t->ok && kstr_check(args[0])) {
        int r = append_ascii(t, args[0]);
        if (r != 0) {
            return r < 0 ? KV_NULL : kval_from_int(kstr_len(args[0]));
        }
    }
    if (kio_text_check_open(t) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "write() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    if (text_write(t, args[0]) < 0) {
        return KV_NULL;
    }
    return kval_from_int(kstr_len(args[0]));
}

// ---------------------------------------------------------------------------
// Reading.

static KValue buffer_read_chunk(TextIO *t, ssize_t n) {
    KValue r;
    if (t->fast_buffer && t->has_read1 && kval_type(t->buffer) != &kio_writer_type) {
        r = kio_buffered_read1(t->buffer, n);
    } else {
        r = kobj_call_method(t->buffer, t->has_read1 ? KIO_ID(read1) : KIO_ID(read),
                             (KValue[]){kval_from_int(n)}, 1);
    }
    if (r && !kbytes_check(r)) {
        kerr_format(&kexc_TypeError, "underlying %s() should have returned a bytes-like object, not '%T'",
                    t->has_read1 ? "read1" : "read", r);
        KVAL_CLEAR(r);
    }
    return r;
}

// Reads and decodes one chunk into t->decoded (whose characters must all
// have been taken): 1 when data came, 0 at EOF, -1 error.
int kio_text_read_chunk(TextIO *t, ssize_t size_hint) {
    if (!t->readable) {
        kio_unsupported("not readable");
        return -1;
    }
    KIOByteDec before = t->dec;
    int before_cr = t->pendingcr;
    KValue py_pending = KV_NULL; // a registry decoder's held bytes, and its flags
    int64_t py_flags = 0;
    if (t->telling && t->py.dec && kio_pycodec_getstate(&t->py, &py_pending, &py_flags) < 0) {
        return -1;
    }
    ssize_t n = t->chunk_size;
    if (size_hint > n) {
        n = size_hint;
    }
    KValue input = buffer_read_chunk(t, n);
    if (!input) {
        kval_xdecref(py_pending);
        return -1;
    }
    KBytes *b = (KBytes *)input;
    int eof = b->len == 0;
    KValue s = decode_chunk(t, b->data, b->len, eof);
    if (!s) {
        kval_xdecref(py_pending);
        kval_decref(input);
        return -1;
    }

    kval_setref(&t->decoded, s);
    t->decoded_used = 0;
    if (t->telling) {
        // The bytes held before this chunk (a registry decoder's too) start
        // the snapshot, which then begins in a clean state.
        const char *held = before.pend;
        ssize_t nheld = before.npend;
        if (py_pending) {
            held = kbytes_data(py_pending, &nheld);
        }
        KValue snap = input;
        if (nheld > 0) {
            KIOBuf all = {NULL, 0, 0};
            if (kiobuf_put(&all, held, nheld) < 0 || kiobuf_put(&all, b->data, b->len) < 0) {
                kiobuf_free(&all);
                kval_xdecref(py_pending);
                kval_decref(input);
                return -1;
            }
            snap = kiobuf_finish(&all);
            kval_decref(input);
            if (!snap) {
                kval_xdecref(py_pending);
                return -1;
            }
            before.npend = 0;
        }
        kval_xdecref(py_pending);
        t->snap_dec = before;
        t->snap_flags = py_flags;
        t->snap_cr = before_cr;
        kval_setref(&t->snap_input, snap);
        t->has_snap = 1;
    } else {
        kval_xdecref(py_pending);
        kval_decref(input);
    }
    return !eof;
}

ssize_t kio_text_available(TextIO *t) {
    return t->decoded ? kstr_len(t->decoded) - t->decoded_used : 0;
}

// Takes up to 'n' decoded characters (all with n < 0).
static KValue take_decoded(TextIO *t, ssize_t n) {
    ssize_t have = kio_text_available(t);
    if (n < 0 || n > have) {
        n = have;
    }
    if (n == 0) {
        return kstr_from_cstr("");
    }
    KValue r = kstr_substr(t->decoded, t->decoded_used, t->decoded_used + n);
    if (r) {
        t->decoded_used += n;
    }
    return r;
}

static KValue read_all_text(TextIO *t) {
    KValue data = kobj_call_method(t->buffer, KIO_ID(read), NULL, 0);
    if (!data) {
        return KV_NULL;
    }
    if (data == KV_NONE) {
        kval_decref(data);
        data = kbytes_from_data("", 0);
    } else if (!kbytes_check(data)) {
        kerr_format(&kexc_TypeError, "underlying read() should have returned a bytes object, not '%T'",
                    data);
        kval_decref(data);
        return KV_NULL;
    }
    KValue s = data ? decode_chunk(t, ((KBytes *)data)->data, ((KBytes *)data)->len, 1) : KV_NULL;
    kval_xdecref(data);
    if (!s) {
        return KV_NULL;
    }
    KValue head = take_decoded(t, -1);
    KValue r = head ? kstr_concat(head, s) : KV_NULL;
    kval_xdecref(head);
    kval_decref(s);
    clear_decoded(t);
    t->has_snap = 0;
    KVAL_CLEAR(t->snap_input);
    return r;
}

METHOD(textio_read) {
    (void)kw;
    TextIO *t = TIO(self);
    ssize_t n = -1;
    if (kargs_count("read", nargs, 0, 1) < 0 || kio_text_check_open(t) < 0 ||
        kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0) {
        return KV_NULL;
    }
    if (!t->readable) {
        return kio_unsupported("not readable");
    }
    if (t->writable && kio_text_flush(t) < 0) {
        return KV_NULL;
    }
    if (n < 0) {
        return read_all_text(t);
    }
    KValue out = take_decoded(t, n);
    while (out && kstr_len(out) < n) {
        int r = kio_text_read_chunk(t, n - kstr_len(out));
        if (r < 0) {
            KVAL_CLEAR(out);
            break;
        }
        KValue more = take_decoded(t, n - kstr_len(out));
        KValue joined = more ? kstr_concat(out, more) : KV_NULL;
        kval_xdecref(more);
        kval_decref(out);
        out = joined;
        if (r == 0) {
            break;
        }
    }
    return out;
}

// Finds the end of a line in 's' from 'start': the index just past the
// line ending, or -1 when there is none.
static ssize_t find_line_end(TextIO *t, KValue s, ssize_t start) {
    KStr *k = (KStr *)s;
    ssize_t len = k->len;
    if (t->readtranslate || (!t->readuniversal && t->readnl && kstr_len(t->readnl) == 1 &&
                             kstr_char((KStr *)t->readnl, 0) == '\n')) {
        if (k->kind == 1) {
            const char *p = memchr((const char *)k->data + start, '\n', (size_t)(len - start));
            return p ? p - (const char *)k->data + 1 : -1;
        }
        for (ssize_t i = start; i < len; i++) {
            if (kstr_char(k, i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
    if (t->readuniversal) {
        for (ssize_t i = start; i < len; i++) {
            uint32_t c = kstr_char(k, i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 < len && kstr_char(k, i + 1) == '\n') {
                    return i + 2;
                }
                return i + 1;
            }
        }
        return -1;
    }
    KStr *nl = (KStr *)t->readnl;
    for (ssize_t i = start; i + nl->len <= len; i++) {
        ssize_t j = 0;
        while (j < nl->len && kstr_char(k, i + j) == kstr_char(nl, j)) {
            j++;
        }
        if (j == nl->len) {
            return i + nl->len;
        }
    }
    return -1;
}

// Appends 'piece' (owned) to '*line' (owned or KV_NULL); -1 on error.
static int append_piece(KValue *line, KValue piece) {
    if (!piece) {
        return -1;
    }
    if (!*line) {
        *line = piece;
        return 0;
    }
    KValue j = kstr_concat(*line, piece);
    kval_decref(piece);
    kval_decref(*line);
    *line = j;
    return j ? 0 : -1;
}

static KValue readline_impl(TextIO *t, ssize_t limit) {
    if (!t->readable) {
        return kio_unsupported("not readable");
    }
    if (t->writable && kio_text_flush(t) < 0) {
        return KV_NULL;
    }
    KValue line = KV_NULL;
    for (;;) {
        ssize_t got = line ? kstr_len(line) : 0;
        ssize_t room = limit >= 0 ? limit - got : -1;
        if (room == 0) {
            break;
        }
        // A "\r\n" line end split between two chunks.
        if (line && t->readnl && kstr_len(t->readnl) == 2 && kio_text_available(t) > 0 &&
            kstr_char((KStr *)line, got - 1) == '\r' &&
            kstr_char((KStr *)t->decoded, t->decoded_used) == '\n') {
            if (append_piece(&line, take_decoded(t, 1)) < 0) {
                return KV_NULL;
            }
            break;
        }
        ssize_t end = kio_text_available(t) > 0 ? find_line_end(t, t->decoded, t->decoded_used) : -1;
        if (end >= 0) {
            ssize_t n = end - t->decoded_used;
            if (append_piece(&line, take_decoded(t, room >= 0 && room < n ? room : n)) < 0) {
                return KV_NULL;
            }
            break;
        }
        if (kio_text_available(t) > 0 && append_piece(&line, take_decoded(t, room)) < 0) {
            return KV_NULL;
        }
        if (limit >= 0 && line && kstr_len(line) >= limit) {
            break;
        }
        int r = kio_text_read_chunk(t, 0);
        if (r < 0) {
            kval_xdecref(line);
            return KV_NULL;
        }
        if (r == 0 && kio_text_available(t) == 0) {
            break;
        }
    }
    return line ? line : kstr_from_cstr("");
}

METHOD(textio_readline) {
    (void)kw;
    TextIO *t = TIO(self);
    ssize_t n = -1;
    if (kargs_count("readline", nargs, 0, 1) < 0 || kio_text_check_open(t) < 0) {
        return KV_NULL;
    }
    if (nargs && args[0] != KV_NONE && !kint_check(args[0])) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return KV_NULL;
    }
    if (kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0) {
        return KV_NULL;
    }
    return readline_impl(t, n);
}

static KValue textio_iternext(KValue self) {
    TextIO *t = TIO(self);
    KValue line;
    if (kval_type(self) == &kio_textio_type) {
        if (kio_text_check_open(t) < 0) {
            return KV_NULL;
        }
        t->telling = 0;
        line = readline_impl(t, -1);
    } else {
        line = kobj_call_method(self, KIO_ID(readline), NULL, 0);
        if (line && !kstr_check(line)) {
            kerr_format(&kexc_OSError, "readline() should have returned a str object, not '%T'", line);
            KVAL_CLEAR(line);
        }
    }
    if (line && kstr_len(line) == 0) {
        KVAL_CLEAR(line);
        t->has_snap = 0;
        KVAL_CLEAR(t->snap_input);
        t->telling = t->seekable;
    }
    return line;
}

// ---------------------------------------------------------------------------
// Other methods and attributes.

METHOD(textio_flush) {
    (void)args, (void)nargs, (void)kw;
    TextIO *t = TIO(self);
    if (kio_text_check_open(t) < 0) {
        return KV_NULL;
    }
    t->telling = t->seekable;
    return kio_text_flush(t) < 0 ? KV_NULL : KV_NONE;
}

METHOD(textio_close) {
    (void)args, (void)nargs, (void)kw;
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return KV_NULL;
    }
    int c = text_closed(t);
    if (c != 0) {
        return c < 0 ? KV_NULL : KV_NONE;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    KValue exc = r ? KV_NULL : kerr_fetch();
    kval_xdecref(r);
    r = kobj_call_method(t->buffer, KID(close), NULL, 0);
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

METHOD(textio_detach) {
    (void)args, (void)nargs, (void)kw;
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    KValue b = t->buffer;
    t->buffer = KV_NULL;
    t->fast_buffer = 0;
    t->detached = 1;
    return b;
}

METHOD(textio_truncate) {
    (void)kw;
    TextIO *t = TIO(self);
    if (kargs_count("truncate", nargs, 0, 1) < 0 || text_check(t) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    KValue pos = nargs && args[0] != KV_NONE ? kval_newref(args[0])
                                             : kobj_call_method(self, KIO_ID(tell), NULL, 0);
    if (!pos) {
        return KV_NULL;
    }
    r = kobj_call_method(t->buffer, KIO_ID(truncate), &pos, 1);
    kval_decref(pos);
    return r;
}

static KValue forward(KValue self, KValue name) {
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return KV_NULL;
    }
    return kobj_call_method(t->buffer, name, NULL, 0);
}

METHOD(textio_fileno) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(fileno));
}

METHOD(textio_isatty) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(isatty));
}

METHOD(textio_seekable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(seekable));
}

METHOD(textio_readable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(readable));
}

METHOD(textio_writable) {
    (void)args, (void)nargs, (void)kw;
    return forward(self, KIO_ID(writable));
}

METHOD(textio_getstate) {
    (void)args, (void)nargs, (void)kw;
    kerr_format(&kexc_TypeError, "cannot pickle '%s' object", ktype_name(kval_type(self)));
    return KV_NULL;
}

static int opt_bool(KValue v, int *out) {
    if (!v || v == KV_NONE) {
        return 0;
    }
    int b = kobj_is_true(v);
    if (b < 0) {
        return -1;
    }
    *out = b;
    return 0;
}

METHOD(textio_reconfigure) {
    static const char *const kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                                         "write_through", NULL};
    KValue a[5];
    TextIO *t = TIO(self);
    if (kargs_parse("reconfigure", args, nargs, kw, kwlist, 0, 0, a) < 0 || text_check(t) < 0) {
        return KV_NULL;
    }
    KValue enc = a[0] ? a[0] : KV_NONE, errs = a[1] ? a[1] : KV_NONE;
    if ((enc != KV_NONE && !kstr_check(enc)) || (errs != KV_NONE && !kstr_check(errs))) {
        kerr_set(&kexc_TypeError, "bad argument type for built-in operation");
        return KV_NULL;
    }
    if (a[2] && a[2] != KV_NONE && !kstr_check(a[2])) {
        kerr_format(&kexc_TypeError, "reconfigure() argument 'newline' must be str or None, not %T",
                    a[2]);
        return KV_NULL;
    }
    if (t->decoded && (enc != KV_NONE || errs != KV_NONE || a[2])) {
        return kio_unsupported("It is not possible to set the encoding or newline of stream after "
                               "the first read");
    }
    int lb = t->line_buffering, wt = t->write_through;
    if (opt_bool(a[3], &lb) < 0 || opt_bool(a[4], &wt) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    if (enc != KV_NONE || errs != KV_NONE) {
        KValue new_enc = enc != KV_NONE ? enc : t->encoding;
        KValue new_err = errs;
        if (enc == KV_NONE && errs == KV_NONE) {
            new_err = t->errors;
        }
        kval_incref(new_enc);
        int rc = set_encoding(t, new_enc, new_err);
        kval_decref(new_enc);
        if (rc < 0 || kio_text_reset_decoder(t, 0) < 0) {
            return KV_NULL;
        }
    }
    if (a[2]) {
        KValue old = t->readnl;
        t->readnl = KV_NULL;
        if (parse_newline(t, a[2]) < 0) {
            kval_xdecref(t->readnl);
            t->readnl = old;
            return KV_NULL;
        }
        kval_xdecref(old);
    }
    t->plain_utf8 = strcmp(t->codec, "utf-8") == 0 && !t->writenl;
    t->line_buffering = lb;
    t->write_through = wt;
    return KV_NONE;
}

static KValue buffer_attr(KValue self, KValue name) {
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return KV_NULL;
    }
    return kobj_getattr(t->buffer, name);
}

static KValue textio_get_closed(KValue self) {
    return buffer_attr(self, KIO_ID(closed));
}

static KValue textio_get_name(KValue self) {
    return buffer_attr(self, KID(name));
}

static KValue textio_get_buffer(KValue self) {
    TextIO *t = TIO(self);
    return text_init_check(t) < 0 ? KV_NULL : kval_newref(t->buffer ? t->buffer : KV_NONE);
}

static KValue textio_get_encoding(KValue self) {
    TextIO *t = TIO(self);
    return text_init_check(t) < 0 ? KV_NULL : kval_newref(t->encoding);
}

static KValue textio_get_errors(KValue self) {
    TextIO *t = TIO(self);
    return text_init_check(t) < 0 ? KV_NULL : kval_newref(t->errors);
}

static KValue textio_get_newlines(KValue self) {
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return KV_NULL;
    }
    return t->readuniversal ? kio_newlines_value(t->seen) : KV_NONE;
}

static KValue textio_get_line_buffering(KValue self) {
    TextIO *t = TIO(self);
    return text_init_check(t) < 0 ? KV_NULL : kbool_from(t->line_buffering);
}

static KValue textio_get_write_through(KValue self) {
    TextIO *t = TIO(self);
    return text_init_check(t) < 0 ? KV_NULL : kbool_from(t->write_through);
}

static KValue textio_get_chunk_size(KValue self) {
    TextIO *t = TIO(self);
    return text_check(t) < 0 ? KV_NULL : kval_from_int(t->chunk_size);
}

static int textio_set_chunk_size(KValue self, KValue v) {
    TextIO *t = TIO(self);
    if (text_check(t) < 0) {
        return -1;
    }
    if (!v) {
        kerr_set(&kexc_AttributeError, "cannot delete attribute");
        return -1;
    }
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    if (n <= 0) {
        kerr_set(&kexc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    t->chunk_size = n;
    return 0;
}

static KValue textio_repr(KValue self) {
    TextIO *t = TIO(self);
    KType *type = kval_type(self);
    const char *tname = ktype_name(type);
    if (text_init_check(t) < 0) {
        return KV_NULL;
    }
    int r = krepr_enter(self);
    if (r != 0) {
        if (r > 0) {
            kerr_format(&kexc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        }
        return KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_printf(&b, "<%s", tname);
    KValue attrs[2] = {KID(name), KIO_ID(mode)};
    const char *labels[2] = {" name=", " mode="};
    for (int i = 0; i < 2; i++) {
        KValue v = KV_NULL;
        if (kobj_lookup_attr(self, attrs[i], &v) < 0) {
            if (!kerr_matches(&kexc_ValueError)) {
                goto error;
            }
            kerr_clear();
        }
        if (v) {
            KValue rep = kobj_repr(v);
            kval_decref(v);
            if (!rep) {
                goto error;
            }
            kstr_builder_cstr(&b, labels[i]);
            kstr_builder_str(&b, rep);
            kval_decref(rep);
        }
    }
    KValue erep = kobj_repr(t->encoding);
    if (!erep) {
        goto error;
    }
    kstr_builder_cstr(&b, " encoding=");
    kstr_builder_str(&b, erep);
    kval_decref(erep);
    kstr_builder_cstr(&b, ">");
    krepr_leave(self);
    return kstr_builder_finish(&b);
error:
    krepr_leave(self);
    kstr_builder_discard(&b);
    return KV_NULL;
}

static const KMethodDef textio_methods[] = {
    {"write", textio_write, KMETH_O, NULL},
    {"read", textio_read, KMETH_FAST, NULL},
    {"readline", textio_readline, KMETH_FAST, NULL},
    {"tell", kio_textio_tell, KMETH_NOARGS, NULL},
    {"seek", kio_textio_seek, KMETH_FAST, NULL},
    {"flush", textio_flush, KMETH_NOARGS, NULL},
    {"close", textio_close, KMETH_NOARGS, NULL},
    {"detach", textio_detach, KMETH_NOARGS, NULL},
    {"truncate", textio_truncate, KMETH_FAST, NULL},
    {"fileno", textio_fileno, KMETH_NOARGS, NULL},
    {"isatty", textio_isatty, KMETH_NOARGS, NULL},
    {"seekable", textio_seekable, KMETH_NOARGS, NULL},
    {"readable", textio_readable, KMETH_NOARGS, NULL},
    {"writable", textio_writable, KMETH_NOARGS, NULL},
    {"reconfigure", textio_reconfigure, KMETH_KW, NULL},
    {"__getstate__", textio_getstate, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef textio_getsets[] = {
    {"closed", textio_get_closed, NULL, NULL},
    {"name", textio_get_name, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kio_textio_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(TextIO),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(TextIO, dict),
    .base = &kio_textiobase_type,
    .dealloc = textio_dealloc,
    .traverse = textio_traverse,
    .clear = textio_clear,
    .finalize = kio_finalize,
    .repr = textio_repr,
    .iternext = textio_iternext,
    .new_ = textio_new,
    .init = textio_init,
    .methods = textio_methods,
    .getsets = textio_getsets,
};
