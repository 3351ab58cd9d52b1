// vm/modules/_decomp.c: the decompress(data, max_length=-1) protocol of
// CPython's bz2 and lzma decompressors over a library's streaming call: the
// output grows until the stream ends, the input runs out or max_length is
// reached; input not yet consumed is kept for the next call; after the end,
// what follows is unused_data and another call raises EOFError.
#include "_decomp.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../int.h"
#include "../mem.h"

int kdecomp_init(KDecomp *d) {
    d->input = NULL;
    d->input_len = 0;
    d->eof = 0;
    d->needs_input = 1;
    d->unused_data = kbytes_from_data("", 0);
    return d->unused_data ? 0 : -1;
}

void kdecomp_release(KDecomp *d) {
    kmem_free(d->input);
    d->input = NULL;
    kval_xdecref(d->unused_data);
    d->unused_data = KV_NULL;
}

// Keeps in[0..left) as the input for the next call ('in' may point into the
// kept input itself). -1 on MemoryError.
static int keep_input(KDecomp *d, const uint8_t *in, size_t left) {
    if (left == 0) {
        kmem_free(d->input);
        d->input = NULL;
        d->input_len = 0;
        return 0;
    }
    if (d->input && in >= d->input && in < d->input + d->input_len) {
        memmove(d->input, in, left);
        d->input_len = left;
        return 0;
    }
    uint8_t *p = kmem_alloc(left);
    if (!p) {
        kerr_no_memory();
        return -1;
    }
    memcpy(p, in, left);
    kmem_free(d->input);
    d->input = p;
    d->input_len = left;
    return 0;
}

KValue kdecomp_decompress(KDecomp *d, const KValue *args, size_t nargs, KValue kwnames,
                          KDecompStep step, const char *eof_message) {
    static const char *const kwlist[] = {"data", "max_length", NULL};
    KValue a[2];
    if (kargs_unpack("decompress", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    const char *data;
    ssize_t n, max_length = -1;
    if (kbytes_need_buffer(a[0], &data, &n) < 0) {
        return KV_NULL;
    }
    if (a[1]) {
        max_length = knum_as_ssize(a[1], &kexc_OverflowError);
        if (max_length == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (d->eof) {
        kerr_set(&kexc_EOFError, eof_message);
        return KV_NULL;
    }
    // The input: what was kept from the last call, then 'data'.
    const uint8_t *in = (const uint8_t *)data;
    size_t in_left = (size_t)n;
    if (d->input_len > 0) {
        uint8_t *p = kmem_realloc(d->input, d->input_len + (size_t)n);
        if (!p) {
            return kerr_no_memory();
        }
        memcpy(p + d->input_len, data, (size_t)n);
        d->input = p;
        d->input_len += (size_t)n;
        in = p;
        in_left = d->input_len;
    }
    size_t limit = max_length < 0 ? SIZE_MAX : (size_t)max_length;
    size_t cap = limit < 8192 ? limit : 8192, len = 0, room = 0;
    uint8_t *buf = kmem_alloc(cap ? cap : 1);
    if (!buf) {
        return kerr_no_memory();
    }
    int ended = 0, stalled = 0;
    while (len < limit) {
        if (len == cap) {
            size_t grow = cap < limit - cap ? cap : limit - cap;
            uint8_t *p = kmem_realloc(buf, cap + grow);
            if (!p) {
                kmem_free(buf);
                return kerr_no_memory();
            }
            buf = p;
            cap += grow;
        }
        uint8_t *out = buf + len;
        room = cap - len;
        size_t before_in = in_left, before_room = room;
        int r = step(d, &in, &in_left, &out, &room);
        len = (size_t)(out - buf);
        if (r < 0) {
            kmem_free(buf);
            return KV_NULL;
        }
        if (r > 0) {
            ended = 1;
            break;
        }
        if (in_left == 0 && room > 0) {
            break; // the library wants more input
        }
        // A call may consume and produce nothing (liblzma's auto decoder
        // choosing its format); the libraries report an error when that
        // repeats, but a library that does not must not hang the loop.
        stalled = in_left == before_in && room == before_room ? stalled + 1 : 0;
        if (stalled > 8) {
            break;
        }
    }
    int ok = 0;
    if (ended) {
        d->eof = 1;
        d->needs_input = 0;
        KValue rest = kbytes_from_data((const char *)in, (ssize_t)in_left);
        ok = rest ? keep_input(d, in, 0) : -1;
        if (rest) {
            kval_setref(&d->unused_data, rest);
        }
    } else if (in_left == 0) {
        // With the output full, the library may hold more: call again first.
        d->needs_input = len < limit;
        ok = keep_input(d, in, 0);
    } else {
        d->needs_input = 0;
        ok = keep_input(d, in, in_left);
    }
    KValue result = ok == 0 ? kbytes_from_data((const char *)buf, (ssize_t)len) : KV_NULL;
    kmem_free(buf);
    return result;
}

static KValue get_eof(KValue self) {
    return kbool_from(((KDecomp *)self)->eof);
}

static KValue get_unused_data(KValue self) {
    return kval_newref(((KDecomp *)self)->unused_data);
}

static KValue get_needs_input(KValue self) {
    return kbool_from(((KDecomp *)self)->needs_input);
}

const KGetSetDef kdecomp_getsets[] = {
    {"eof", get_eof, NULL, "True if the end-of-stream marker has been reached."},
    {"unused_data", get_unused_data, NULL, "Data found after the end of the compressed stream."},
    {"needs_input", get_needs_input, NULL,
     "True if more input is needed before more decompressed data can be produced."},
    {NULL, NULL, NULL, NULL},
};
