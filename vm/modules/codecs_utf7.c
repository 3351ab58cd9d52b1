// vm/modules/codecs_utf7.c: UTF-7 (RFC 2152) for _codecs.utf_7_encode and
// utf_7_decode, behaving as CPython's codec: characters of the direct sets
// (letters, digits, '(),-./:?, !"#$%&*;<=>@[]^_`{|} and space, tab, CR, LF)
// stand for themselves; others go as UTF-16 units in modified base64 between
// '+' and an optional '-'; "+-" is '+'. Errors are reported as codec 'utf7'.
#include "../internal.h"

#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../mem.h"
#include "../str.h"
#include "codecs_utf7.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int is_base64(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

static unsigned from_base64(unsigned c) {
    return c >= 'A' && c <= 'Z'   ? c - 'A'
           : c >= 'a' && c <= 'z' ? c - 'a' + 26
           : c >= '0' && c <= '9' ? c - '0' + 52
           : c == '+'             ? 62
                                  : 63;
}

// Written as itself by the encoder: printable ASCII but '+', '\\' and '~',
// plus space, tab, CR and LF.
static int encode_direct(uint32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') {
        return 1;
    }
    return c >= ' ' && c < 127 && c != '+' && c != '\\' && c != '~';
}

KValue kcodec_utf7_encode(KValue str) {
    KCodecBuf out = {NULL, 0, 0};
    ssize_t n = kstr_len(str);
    int in_shift = 0, bits = 0;
    uint32_t buffer = 0;
    char chunk[8];
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = kstr_char((KStr *)str, i);
        int k = 0;
        if (in_shift && encode_direct(c)) {
            if (bits) { // the last bits, zero-padded
                chunk[k++] = b64[(buffer << (6 - bits)) & 0x3F];
                bits = 0;
                buffer = 0;
            }
            in_shift = 0;
            // A direct character outside base64 ends the run by itself.
            if (is_base64(c) || c == '-') {
                chunk[k++] = '-';
            }
            chunk[k++] = (char)c;
        } else if (!in_shift && c == '+') {
            chunk[k++] = '+';
            chunk[k++] = '-';
        } else if (!in_shift && encode_direct(c)) {
            chunk[k++] = (char)c;
        } else {
            if (!in_shift) {
                chunk[k++] = '+';
                in_shift = 1;
            }
            uint32_t units[2] = {c, 0};
            int nunits = 1;
            if (c >= 0x10000) {
                units[0] = 0xD800 + ((c - 0x10000) >> 10);
                units[1] = 0xDC00 + ((c - 0x10000) & 0x3FF);
                nunits = 2;
            }
            for (int u = 0; u < nunits; u++) {
                if (kcodec_buf_put(&out, chunk, k) < 0) {
                    goto fail;
                }
                k = 0;
                buffer = (buffer << 16) | units[u];
                bits += 16;
                while (bits >= 6) {
                    chunk[k++] = b64[(buffer >> (bits - 6)) & 0x3F];
                    bits -= 6;
                }
                buffer &= (1u << bits) - 1;
            }
        }
        if (kcodec_buf_put(&out, chunk, k) < 0) {
            goto fail;
        }
    }
    int k = 0;
    if (bits) {
        chunk[k++] = b64[(buffer << (6 - bits)) & 0x3F];
    }
    if (in_shift) {
        chunk[k++] = '-';
    }
    if (kcodec_buf_put(&out, chunk, k) < 0) {
        goto fail;
    }
    KValue r = kbytes_from_data(out.data ? out.data : "", out.len);
    kmem_free(out.data);
    return r;
fail:
    kmem_free(out.data);
    return KV_NULL;
}

KValue kcodec_utf7_decode(const char *data, ssize_t n, const char *errors, int final,
                          ssize_t *consumed) {
    const unsigned char *p = (const unsigned char *)data;
    KStrBuilder out;
    kstr_builder_init(&out);
    KValue obj = KV_NULL; // the bytes a UnicodeDecodeError carries, made once
    int in_shift = 0, bits = 0;
    uint32_t buffer = 0, surrogate = 0;
    ssize_t start = 0;      // where the current shift (or error) began
    ssize_t shift_out = 0;  // output length when the current shift began
    ssize_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        const char *why = NULL;
        ssize_t end = 0;
        if (in_shift) {
            if (is_base64(c)) {
                buffer = (buffer << 6) | from_base64(c);
                bits += 6;
                i++;
                if (bits >= 16) {
                    uint32_t unit = buffer >> (bits - 16);
                    bits -= 16;
                    buffer &= (1u << bits) - 1;
                    if (surrogate) {
                        if (unit >= 0xDC00 && unit <= 0xDFFF) {
                            kstr_builder_char(&out, 0x10000 + ((surrogate - 0xD800) << 10) +
                                                        (unit - 0xDC00));
                            surrogate = 0;
                            continue;
                        }
                        kstr_builder_char(&out, surrogate);
                        surrogate = 0;
                    }
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        surrogate = unit;
                    } else {
                        kstr_builder_char(&out, unit);
                    }
                }
                continue;
            }
            in_shift = 0; // leaving the base64 run
            if (bits >= 6) {
                why = "partial character in shift sequence";
            } else if (bits > 0 && buffer != 0) {
                why = "non-zero padding bits in shift sequence";
            }
            if (why) {
                end = ++i;
            } else {
                if (surrogate && c <= 127) {
                    kstr_builder_char(&out, surrogate);
                }
                surrogate = 0;
                if (c == '-') { // absorbed; other terminators stay
                    i++;
                }
                continue;
            }
        } else if (c == '+') {
            start = i++;
            if (i < n && p[i] == '-') {
                i++;
                kstr_builder_char(&out, '+');
                continue;
            }
            if (i < n && !is_base64(p[i])) {
                why = "ill-formed sequence";
                end = ++i;
            } else {
                in_shift = 1;
                surrogate = 0;
                shift_out = out.len;
                bits = 0;
                buffer = 0;
                continue;
            }
        } else if (c <= 127) {
            kstr_builder_char(&out, c);
            i++;
            continue;
        } else {
            start = i;
            why = "unexpected special character";
            end = ++i;
        }
        i = kcodec_decode_error(&out, "utf7", errors, data, n, &obj, start, end, why);
        if (i < 0) {
            goto fail;
        }
    }
    if (in_shift && final) {
        in_shift = 0;
        if (surrogate || bits >= 6 || (bits > 0 && buffer != 0)) {
            // Resuming after the handler: CPython goes on from where it says.
            ssize_t at = kcodec_decode_error(&out, "utf7", errors, data, n, &obj, start, n,
                                             "unterminated shift sequence");
            if (at < 0) {
                goto fail;
            }
            if (at < n) {
                kval_xdecref(obj);
                KValue head = kstr_builder_finish(&out);
                ssize_t more;
                KValue tail = head ? kcodec_utf7_decode(data + at, n - at, errors, final, &more)
                                   : KV_NULL;
                KValue r = tail ? kstr_concat(head, tail) : KV_NULL;
                kval_xdecref(head);
                kval_xdecref(tail);
                *consumed = n;
                return r;
            }
        }
    }
    kval_xdecref(obj);
    KValue r = kstr_builder_finish(&out);
    if (r && in_shift) { // not final: the open shift is decoded again next time
        KValue head = kstr_substr(r, 0, shift_out);
        kval_decref(r);
        r = head;
        *consumed = start;
    } else {
        *consumed = n;
    }
    return r;
fail:
    kval_xdecref(obj);
    kstr_builder_discard(&out);
    return KV_NULL;
}
