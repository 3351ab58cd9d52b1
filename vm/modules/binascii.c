// vm/modules/binascii.c: the binascii module base64, uu, quopri's users
// and email build on: hex (hexlify/unhexlify and the b2a_/a2b_ names),
// base64 (with 3.11's strict mode), uuencode lines, crc32 (zlib's) and
// crc_hqx, and the Error/Incomplete exceptions. The a2b_ functions take
// ASCII str as well as bytes-like objects, as CPython's. (a2b_qp/b2a_qp
// are not here: quopri falls back on its pure-Python codec.)
#include <stdarg.h>
#include <string.h>
#include <zlib.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

static KValue binascii_error;      // binascii.Error (a ValueError)
static KValue binascii_incomplete; // binascii.Incomplete

static void raise_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    kerr_vformat((KType *)kval_obj(binascii_error), fmt, ap);
    va_end(ap);
}

// The bytes of an a2b_ argument: a bytes-like object or an ASCII str.
// 'keep' receives an object to release after use (or KV_NULL).
static int ascii_data(KValue v, const char **data, ssize_t *len, KValue *keep) {
    *keep = KV_NULL;
    if (kstr_check(v)) {
        KValue b = kcodec_encode(v, "ascii", NULL);
        if (!b) {
            if (kerr_matches(&kexc_UnicodeEncodeError)) {
                kerr_clear();
                kerr_set(&kexc_ValueError, "string argument should contain only ASCII characters");
            }
            return -1;
        }
        *keep = b;
        *data = kbytes_data(b, len);
        return 0;
    }
    if (kbytes_get_buffer(v, data, len)) {
        return 0;
    }
    kerr_format(&kexc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                ktype_name(kval_type(v)));
    return -1;
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// ---------------------------------------------------------------------------
// Hex

// b2a_hex(data, sep=..., bytes_per_sep=1): bytes.hex()'s text as bytes.
METHOD(b_hexlify) {
    (void)self;
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "b2a_hex() missing required argument 'data' (pos 1)");
        return KV_NULL;
    }
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    KValue text = kbytes_hex_data(data, len, args + 1, nargs - 1, kw);
    KValue r = text ? kcodec_encode(text, "ascii", NULL) : KV_NULL;
    kval_xdecref(text);
    return r;
}

static int hex_value(unsigned char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

METHOD(b_unhexlify) {
    (void)self, (void)nargs, (void)kw;
    const char *data;
    ssize_t len;
    KValue keep;
    if (ascii_data(args[0], &data, &len, &keep) < 0) {
        return KV_NULL;
    }
    KValue r = KV_NULL;
    if (len % 2) {
        raise_error("Odd-length string");
    } else if ((r = kbytes_from_data(NULL, len / 2))) {
        char *out = (char *)kbytes_data(r, &(ssize_t){0});
        for (ssize_t i = 0; i < len; i += 2) {
            int hi = hex_value((unsigned char)data[i]), lo = hex_value((unsigned char)data[i + 1]);
            if (hi < 0 || lo < 0) {
                raise_error("Non-hexadecimal digit found");
                KVAL_CLEAR(r);
                break;
            }
            out[i / 2] = (char)(hi << 4 | lo);
        }
    }
    kval_xdecref(keep);
    return r;
}

// ---------------------------------------------------------------------------
// Base64

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c) {
    const char *p = c ? strchr(b64_alphabet, c) : NULL;
    return p ? (int)(p - b64_alphabet) : -1;
}

// b2a_base64(data, *, newline=True)
METHOD(b_b2a_base64) {
    (void)self;
    static const char *const kwlist[] = {"", "newline", NULL};
    KValue a[2];
    if (kargs_parse("b2a_base64", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    const char *data;
    ssize_t len;
    int newline = a[1] ? kobj_is_true(a[1]) : 1;
    if (newline < 0 || kbytes_need_buffer(a[0], &data, &len) < 0) {
        return KV_NULL;
    }
    KValue r = kbytes_from_data(NULL, (len + 2) / 3 * 4 + newline);
    if (!r) {
        return KV_NULL;
    }
    char *out = (char *)kbytes_data(r, &(ssize_t){0});
    const unsigned char *in = (const unsigned char *)data;
    ssize_t i = 0;
    for (; i + 2 < len; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = b64_alphabet[(v >> 6) & 63];
        *out++ = b64_alphabet[v & 63];
    }
    if (i < len) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < len ? (uint32_t)in[i + 1] << 8 : 0);
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = i + 1 < len ? b64_alphabet[(v >> 6) & 63] : '=';
        *out++ = '=';
    }
    if (newline) {
        *out = '\n';
    }
    return r;
}

// a2b_base64(data, /, *, strict_mode=False): characters outside the
// alphabet are skipped (strict: refused), decoding stops at the padding
// that ends a group.
METHOD(b_a2b_base64) {
    (void)self;
    static const char *const kwlist[] = {"", "strict_mode", NULL};
    KValue a[2];
    if (kargs_parse("a2b_base64", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    int strict = a[1] ? kobj_is_true(a[1]) : 0;
    const char *data;
    ssize_t len;
    KValue keep;
    if (strict < 0 || ascii_data(a[0], &data, &len, &keep) < 0) {
        return KV_NULL;
    }
    KValue r = kbytes_from_data(NULL, (len + 3) / 4 * 3);
    if (!r) {
        kval_xdecref(keep);
        return KV_NULL;
    }
    unsigned char *start = (unsigned char *)kbytes_data(r, &(ssize_t){0}), *out = start;
    const char *err = NULL;
    int quad = 0, pads = 0, padding = 0, done = 0;
    unsigned left = 0;
    if (strict && len > 0 && data[0] == '=') {
        err = "Leading padding not allowed";
    }
    for (ssize_t i = 0; !err && !done && i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '=') {
            padding = 1;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < len) {
                    err = "Excess data after padding";
                }
                done = 1;
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
            }
            continue;
        }
        if (strict && padding) {
            err = "Discontinuous padding not allowed";
            continue;
        }
        pads = 0;
        switch (quad) {
        case 0: left = (unsigned)v; break;
        case 1: *out++ = (unsigned char)(left << 2 | (unsigned)v >> 4); left = (unsigned)v & 15; break;
        case 2: *out++ = (unsigned char)(left << 4 | (unsigned)v >> 2); left = (unsigned)v & 3; break;
        default: *out++ = (unsigned char)(left << 6 | (unsigned)v); left = 0; break;
        }
        quad = (quad + 1) % 4;
    }
    kval_xdecref(keep);
    if (err) {
        raise_error("%s", err);
    } else if (!done && quad == 1) {
        raise_error("Invalid base64-encoded string: number of data characters (%zd) cannot be "
                    "1 more than a multiple of 4",
                    (ssize_t)(out - start) / 3 * 4 + 1);
    } else if (!done && quad != 0) {
        raise_error("Incorrect padding");
    } else {
        KValue res = kbytes_from_data((const char *)start, out - start);
        kval_decref(r);
        return res;
    }
    kval_decref(r);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// uuencode

// b2a_uu(data, *, backtick=False): one line for at most 45 bytes.
METHOD(b_b2a_uu) {
    (void)self;
    static const char *const kwlist[] = {"", "backtick", NULL};
    KValue a[2];
    if (kargs_parse("b2a_uu", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    int backtick = a[1] ? kobj_is_true(a[1]) : 0;
    const char *data;
    ssize_t len;
    if (backtick < 0 || kbytes_need_buffer(a[0], &data, &len) < 0) {
        return KV_NULL;
    }
    if (len > 45) {
        raise_error("At most 45 bytes at once");
        return KV_NULL;
    }
    KValue r = kbytes_from_data(NULL, 2 + (len + 2) / 3 * 4);
    if (!r) {
        return KV_NULL;
    }
    char *out = (char *)kbytes_data(r, &(ssize_t){0});
    *out++ = backtick && !len ? '`' : (char)(' ' + len);
    for (ssize_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)(unsigned char)data[i] << 16 |
                     (i + 1 < len ? (uint32_t)(unsigned char)data[i + 1] << 8 : 0) |
                     (i + 2 < len ? (unsigned char)data[i + 2] : 0);
        for (int k = 18; k >= 0; k -= 6) {
            unsigned ch = (v >> k) & 63;
            *out++ = backtick && !ch ? '`' : (char)(' ' + ch);
        }
    }
    *out = '\n';
    return r;
}

METHOD(b_a2b_uu) {
    (void)self, (void)nargs, (void)kw;
    const char *data;
    ssize_t len;
    KValue keep;
    if (ascii_data(args[0], &data, &len, &keep) < 0) {
        return KV_NULL;
    }
    const unsigned char *in = (const unsigned char *)data;
    ssize_t want = ((len ? in[0] : 0) - ' ') & 63, pos = 1;
    KValue r = kbytes_from_data(NULL, want);
    unsigned char *out = r ? (unsigned char *)kbytes_data(r, &(ssize_t){0}) : NULL;
    uint32_t left = 0;
    int bits = 0;
    const char *err = NULL;
    for (ssize_t n = want; r && n > 0 && !err; pos++) {
        unsigned c = pos < len ? in[pos] : 0;
        if (c == '\n' || c == '\r' || pos >= len) {
            c = 0;
        } else if (c < ' ' || c > ' ' + 64) {
            err = "Illegal char";
            break;
        } else {
            c = (c - ' ') & 63;
        }
        left = left << 6 | c;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *out++ = (unsigned char)(left >> bits);
            left &= (1u << bits) - 1;
            n--;
        }
    }
    for (; r && !err && pos < len; pos++) {
        unsigned c = in[pos];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            err = "Trailing garbage";
        }
    }
    kval_xdecref(keep);
    if (err) {
        raise_error("%s", err);
        KVAL_CLEAR(r);
    }
    return r;
}

// ---------------------------------------------------------------------------
// Checksums

// The 'crc' argument: any int, reduced modulo 2**32 as C's unsigned.
static int crc_arg(KValue v, uint32_t *out) {
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(v)));
        return -1;
    }
    KValue m = kint_mod(v, kint_from_i64((int64_t)1 << 32));
    if (!m) {
        return -1;
    }
    *out = (uint32_t)kint_as_ssize(m);
    kval_decref(m);
    return 0;
}

METHOD(b_crc32) {
    (void)self, (void)kw;
    if (kargs_count("crc32", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    const char *data;
    ssize_t len;
    uint32_t crc = 0;
    if (kbytes_need_buffer(args[0], &data, &len) < 0 || (nargs > 1 && crc_arg(args[1], &crc) < 0)) {
        return KV_NULL;
    }
    uLong c = crc;
    for (ssize_t off = 0; off < len;) {
        uInt chunk = len - off > (ssize_t)0x40000000 ? 0x40000000u : (uInt)(len - off);
        c = crc32(c, (const Bytef *)data + off, chunk);
        off += chunk;
    }
    return kint_from_u64((uint32_t)c);
}

// crc_hqx(data, crc): CRC-CCITT (polynomial 0x1021, most significant bit first).
METHOD(b_crc_hqx) {
    (void)self, (void)kw;
    if (kargs_count("crc_hqx", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    const char *data;
    ssize_t len;
    uint32_t crc;
    if (kbytes_need_buffer(args[0], &data, &len) < 0 || crc_arg(args[1], &crc) < 0) {
        return KV_NULL;
    }
    crc &= 0xffff;
    for (ssize_t i = 0; i < len; i++) {
        crc ^= (uint32_t)(unsigned char)data[i] << 8;
        for (int k = 0; k < 8; k++) {
            crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
        }
        crc &= 0xffff;
    }
    return kval_from_int(crc);
}

static const KMethodDef binascii_functions[] = {
    {"b2a_hex", b_hexlify, KMETH_KW, NULL},
    {"hexlify", b_hexlify, KMETH_KW, NULL},
    {"a2b_hex", b_unhexlify, KMETH_O, NULL},
    {"unhexlify", b_unhexlify, KMETH_O, NULL},
    {"b2a_base64", b_b2a_base64, KMETH_KW, NULL},
    {"a2b_base64", b_a2b_base64, KMETH_KW, NULL},
    {"b2a_uu", b_b2a_uu, KMETH_KW, NULL},
    {"a2b_uu", b_a2b_uu, KMETH_O, NULL},
    {"crc32", b_crc32, KMETH_FAST, NULL},
    {"crc_hqx", b_crc_hqx, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_binascii_create(void) {
    if (!binascii_error && !(binascii_error = kmod_new_exception("binascii", "Error", &kexc_ValueError))) {
        return KV_NULL;
    }
    if (!binascii_incomplete &&
        !(binascii_incomplete = kmod_new_exception("binascii", "Incomplete", &kexc_Exception))) {
        return KV_NULL;
    }
    KValue m = kmod_new("binascii");
    if (!m || kmod_add_functions(m, binascii_functions) < 0 ||
        kmod_add(m, "Error", binascii_error) < 0 ||
        kmod_add(m, "Incomplete", binascii_incomplete) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
