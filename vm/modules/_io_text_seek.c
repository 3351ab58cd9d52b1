// vm/modules/_io_text_seek.c: TextIOWrapper's tell() and seek(). Cookies
// have CPython's layout (position | decoder flags << 64 | characters to skip
// << 128): the position is the start of a clean decoder state found by
// decoding prefixes of the last chunk, so a plain int comes back whenever
// the position falls on a character boundary with nothing pending.
#include "_io.h"
#include "_io_text.h"

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../str.h"

// ---------------------------------------------------------------------------
// Positions: tell() and seek() cookies.

// The tell() cookie, CPython's layout: the position, at bit 64 the decoder
// flags (bit 0 a pending '\r', above it a registry decoder's own flags), at
// bit 128 the characters to skip.
static KValue build_cookie(int64_t pos, int64_t flags, ssize_t skip) {
    KValue c = kint_from_i64(pos);
    if (!c || (flags == 0 && skip == 0)) {
        return c;
    }
    KValue parts[2] = {kint_from_i64(flags), kint_from_i64(skip)};
    int shifts[2] = {64, 128};
    for (int i = 0; i < 2 && c; i++) {
        KValue sh = parts[i] ? knum_binop(parts[i], kval_from_int(shifts[i]), KF_BINOP_LSHIFT) : KV_NULL;
        KValue nc = sh ? knum_binop(c, sh, KF_BINOP_OR) : KV_NULL;
        kval_xdecref(sh);
        kval_decref(c);
        c = nc;
    }
    kval_xdecref(parts[0]);
    kval_xdecref(parts[1]);
    return c;
}

static int unpack_cookie(KValue cookie, int64_t *pos, int64_t *flags, ssize_t *skip) {
    KValue mask = knum_binop(kval_from_int(1), kval_from_int(64), KF_BINOP_LSHIFT);
    KValue m1 = mask ? knum_binop(mask, kval_from_int(1), KF_BINOP_SUBTRACT) : KV_NULL;
    kval_xdecref(mask);
    if (!m1) {
        return -1;
    }
    // Fields at bits 0, 64, 96 and 128.
    static const int shifts[4] = {0, 64, 96, 128};
    int64_t out[4];
    for (int i = 0; i < 4; i++) {
        KValue sh = knum_binop(cookie, kval_from_int(shifts[i]), KF_BINOP_RSHIFT);
        KValue part = sh ? knum_binop(sh, m1, KF_BINOP_AND) : KV_NULL;
        kval_xdecref(sh);
        if (!part) {
            kval_decref(m1);
            return -1;
        }
        int ov = 0;
        out[i] = kint_as_i64_overflow(part, &ov);
        kval_decref(part);
        if (ov) {
            out[i] = INT64_MAX;
        }
        if (i > 0) {
            out[i] &= 0xffffffff;
        }
    }
    kval_decref(m1);
    *pos = out[0];
    *flags = out[1];
    *skip = (ssize_t)out[3];
    return 0;
}

// Characters the snapshot's first 'k' bytes decode to; '*clean' tells
// whether nothing is pending after them. -1 on error.
// A registry decoder's part of prefix_chars: the live decoder is set to the
// snapshot's state, fed the prefix and put back as it was.
static KValue py_prefix(TextIO *t, ssize_t k, int *clean, int64_t *dec_flags) {
    KValue saved, held = KV_NULL;
    int64_t saved_flags, flags = 0;
    if (kio_pycodec_getstate(&t->py, &saved, &saved_flags) < 0) {
        return KV_NULL;
    }
    KValue s = KV_NULL;
    if (kio_pycodec_setstate(&t->py, KV_NULL, t->snap_flags) == 0) {
        s = kio_pycodec_decode(&t->py, ((KBytes *)t->snap_input)->data, k, 0);
    }
    if (s && kio_pycodec_getstate(&t->py, &held, &flags) < 0) {
        KVAL_CLEAR(s);
    }
    *clean = held && kbytes_len(held) == 0; // its flags go into the cookie
    *dec_flags = flags;
    kval_xdecref(held);
    if (kio_pycodec_setstate(&t->py, saved, saved_flags) < 0) {
        KVAL_CLEAR(s);
    }
    kval_decref(saved);
    return s;
}

static ssize_t prefix_chars(TextIO *t, ssize_t k, int *clean, int64_t *flags_after) {
    KIOByteDec d = t->snap_dec;
    int cr = t->snap_cr, seen = 0;
    int py_clean = 1;
    int64_t dec_flags = 0;
    KValue s = t->py.dec ? py_prefix(t, k, &py_clean, &dec_flags)
                         : kio_bytedec_decode(&d, t->codec, kstr_utf8(t->errors, NULL),
                                              ((KBytes *)t->snap_input)->data, k, 0);
    if (!s) {
        return -1;
    }
    if (t->readuniversal) {
        KValue r = kio_translate_newlines(s, &cr, &seen, t->readtranslate, 0);
        kval_decref(s);
        if (!r) {
            return -1;
        }
        s = r;
    }
    ssize_t n = kstr_len(s);
    kval_decref(s);
    *clean = t->py.dec ? py_clean : d.npend == 0 && d.bom_done;
    *flags_after = dec_flags << 1 | cr;
    return n;
}

static KValue text_tell(TextIO *t) {
    if (!t->seekable) {
        return kio_unsupported("underlying stream is not seekable");
    }
    if (!t->telling) {
        kerr_set(&kexc_OSError, "telling position disabled by next() call");
        return KV_NULL;
    }
    if (t->writable && kio_text_flush(t) < 0) {
        return KV_NULL;
    }
    KValue posv = kobj_call_method(t->buffer, KIO_ID(tell), NULL, 0);
    if (!posv || !t->has_snap || !t->decoded) {
        return posv;
    }
    int ov = 0;
    int64_t pos = kint_as_i64_overflow(posv, &ov);
    kval_decref(posv);
    if (ov) {
        kerr_set(&kexc_OverflowError, "position out of range");
        return KV_NULL;
    }
    ssize_t inlen = ((KBytes *)t->snap_input)->len;
    int64_t start = pos - inlen;
    ssize_t used = t->decoded_used;
    if (used == 0) {
        return build_cookie(start, t->snap_flags << 1 | t->snap_cr, 0);
    }
    // The smallest prefix that decodes to at least 'used' characters.
    ssize_t lo = 0, hi = inlen;
    int clean;
    int64_t cr;
    while (lo < hi) {
        ssize_t mid = lo + (hi - lo) / 2;
        ssize_t c = prefix_chars(t, mid, &clean, &cr);
        if (c < 0) {
            return KV_NULL;
        }
        if (c >= used) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    // Step back to a clean state whose characters do not pass 'used'.
    for (ssize_t k = lo; k >= 0; k--) {
        ssize_t c = prefix_chars(t, k, &clean, &cr);
        if (c < 0) {
            return KV_NULL;
        }
        if (c <= used && clean) {
            return build_cookie(start + k, cr, used - c);
        }
    }
    return build_cookie(start, t->snap_flags << 1 | t->snap_cr, used);
}

KValue kio_textio_tell(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    TextIO *t = TIO(self);
    if (kio_text_check_open(t) < 0) {
        return KV_NULL;
    }
    return text_tell(t);
}

static KValue seek_buffer(TextIO *t, KValue pos, int whence) {
    KValue a[2] = {pos, kval_from_int(whence)};
    return kobj_call_method(t->buffer, KIO_ID(seek), a, 2);
}

KValue kio_textio_seek(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    TextIO *t = TIO(self);
    if (kargs_count("seek", nargs, 1, 2) < 0 || kio_text_check_open(t) < 0) {
        return KV_NULL;
    }
    ssize_t whence = 0;
    if (nargs > 1 && (whence = knum_as_ssize(args[1], &kexc_OverflowError)) == -1 &&
        kerr_occurred()) {
        return KV_NULL;
    }
    if (!t->seekable) {
        return kio_unsupported("underlying stream is not seekable");
    }
    KValue cookie = knum_index(args[0]);
    if (!cookie) {
        return KV_NULL;
    }
    int zero = kval_is_int(cookie) && kval_int(cookie) == 0;
    if (whence == 1) {
        if (!zero) {
            kval_decref(cookie);
            return kio_unsupported("can't do nonzero cur-relative seeks");
        }
        kval_decref(cookie);
        if (!(cookie = text_tell(t))) {
            return KV_NULL;
        }
    } else if (whence == 2) {
        kval_decref(cookie);
        if (!zero) {
            return kio_unsupported("can't do nonzero end-relative seeks");
        }
        if (kio_text_flush(t) < 0) {
            return KV_NULL;
        }
        if (kio_text_reset_decoder(t, 0) < 0) {
            return KV_NULL;
        }
        KValue r = seek_buffer(t, kval_from_int(0), 2);
        if (r) {
            t->encoder_started = !(kval_is_int(r) && kval_int(r) == 0);
        }
        return r;
    } else if (whence != 0) {
        kval_decref(cookie);
        kerr_format(&kexc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
        return KV_NULL;
    }
    if (kint_sign(cookie) < 0) {
        kerr_format(&kexc_ValueError, "negative seek position %R", cookie);
        kval_decref(cookie);
        return KV_NULL;
    }
    if (kio_text_flush(t) < 0) {
        kval_decref(cookie);
        return KV_NULL;
    }
    int64_t pos, flags;
    ssize_t skip;
    if (unpack_cookie(cookie, &pos, &flags, &skip) < 0) {
        kval_decref(cookie);
        return KV_NULL;
    }
    KValue posv = kint_from_i64(pos);
    KValue r = posv ? seek_buffer(t, posv, 0) : KV_NULL;
    kval_xdecref(posv);
    if (!r) {
        kval_decref(cookie);
        return KV_NULL;
    }
    kval_decref(r);
    if (kio_text_reset_decoder(t, pos == 0) < 0 ||
        (t->py.dec && (flags >> 1) && kio_pycodec_setstate(&t->py, KV_NULL, flags >> 1) < 0)) {
        kval_decref(cookie);
        return KV_NULL;
    }
    t->pendingcr = flags & 1;
    t->encoder_started = !zero;
    // Skip 'skip' characters, over several chunks when a chunk decodes to
    // fewer (a registry decoder holding a UTF-7 run, a tiny _CHUNK_SIZE).
    while (skip > 0) {
        int got = kio_text_read_chunk(t, 0);
        if (got < 0) {
            kval_decref(cookie);
            return KV_NULL;
        }
        ssize_t have = kio_text_available(t);
        if (have >= skip) {
            t->decoded_used = skip;
            break;
        }
        if (got == 0) {
            kval_decref(cookie);
            kerr_set(&kexc_OSError, "can't restore logical file position");
            return KV_NULL;
        }
        skip -= have;
        t->decoded_used += have;
    }
    return cookie;
}

