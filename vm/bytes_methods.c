// vm/bytes_methods.c: the methods bytes and bytearray share (search,
// split/strip/partition, padding, ASCII case mappings and predicates, hex,
// translate, join). They read the bytes of 'self' through kbytes_data and
// build their results with kbytes_new_like, so a bytearray gets bytearrays
// back and a bytes (or a subclass of it) gets exact bytes, as in CPython.
#include "bytes.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "search.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define BYTESM(name)                                                                             \
    KValue kbytes_m_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)

// ASCII classes as CPython's pyctype.h (bytes methods ignore the locale).
static int b_isspace(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
static int b_islower(unsigned char c) {
    return c >= 'a' && c <= 'z';
}
static int b_isupper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
static int b_isalpha(unsigned char c) {
    return b_islower(c) || b_isupper(c);
}
static int b_isdigit(unsigned char c) {
    return c >= '0' && c <= '9';
}
static int b_isalnum(unsigned char c) {
    return b_isalpha(c) || b_isdigit(c);
}
static unsigned char b_lower(unsigned char c) {
    return b_isupper(c) ? (unsigned char)(c + 32) : c;
}
static unsigned char b_upper(unsigned char c) {
    return b_islower(c) ? (unsigned char)(c - 32) : c;
}

// ---------------------------------------------------------------------------
// Argument helpers.

// A byte value from an int-like 'v'; -1 with ValueError/TypeError set.
int kbytes_byte_value(KValue v) {
    ssize_t c = knum_as_ssize(v, &kexc_ValueError);
    if (c == -1 && kerr_occurred()) {
        if (kerr_matches(&kexc_ValueError)) {
            kerr_clear();
            kerr_set(&kexc_ValueError, "byte must be in range(0, 256)");
        }
        return -1;
    }
    if (c < 0 || c > 255) {
        kerr_set(&kexc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)c;
}

// The needle of find/count/index: a bytes-like object or an int in
// range(256) (stored in '*one'). -1 with TypeError or ValueError set.
static int get_needle(KValue v, const char **p, ssize_t *n, char *one) {
    if (kbytes_get_buffer(v, p, n)) {
        return 0;
    }
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        kerr_format(&kexc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                    ktype_name(kval_type(v)));
        return -1;
    }
    int c = kbytes_byte_value(v);
    if (c < 0) {
        return -1;
    }
    *one = (char)c;
    *p = one;
    *n = 1;
    return 0;
}

// Clips the optional start/end arguments 'args[first]', 'args[first+1]' to
// 'len' as slice indices; -1 with TypeError set.
static int clip_range(const KValue *args, size_t nargs, size_t first, ssize_t len,
                      ssize_t *start, ssize_t *end) {
    *start = 0;
    *end = len;
    for (size_t k = first; k < nargs && k < first + 2; k++) {
        if (args[k] == KV_NONE) {
            continue;
        }
        ssize_t v = knum_as_ssize(args[k], NULL);
        if (v == -1 && kerr_occurred()) {
            if (kerr_matches(&kexc_TypeError)) {
                kerr_clear();
                kerr_set(&kexc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
            }
            return -1;
        }
        if (v < 0) {
            v += len;
            if (v < 0) {
                v = 0;
            }
        }
        if (k == first) {
            *start = v;
        } else {
            *end = v > len ? len : v;
        }
    }
    return 0;
}

// Index of the first (or last, 'reverse') 'q'[0:m] in 'p'[start:end], or -1.
static ssize_t find_in(const char *p, ssize_t start, ssize_t end, const char *q, ssize_t m,
                       int reverse) {
    if (start > end || end - start < m) {
        return -1;
    }
    if (!reverse) {
        const char *r = ksearch_find(p + start, (size_t)(end - start), q, (size_t)m);
        return r ? r - p : -1;
    }
    const char *r = ksearch_rfind(p + start, (size_t)(end - start), q, (size_t)m);
    return r ? r - p : -1;
}

static int to_ssize(KValue v, ssize_t *out) {
    *out = knum_as_ssize(v, &kexc_OverflowError);
    return *out == -1 && kerr_occurred() ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Searching.

static KValue find_common(KValue self, const KValue *args, size_t nargs, int reverse, int raise,
                          const char *name) {
    if (nargs < 1) {
        kerr_format(&kexc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return KV_NULL;
    }
    if (nargs > 3) {
        kerr_format(&kexc_TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
        return KV_NULL;
    }
    const char *q;
    ssize_t m, n, start, end;
    char one;
    if (get_needle(args[0], &q, &m, &one) < 0) {
        return KV_NULL;
    }
    kbytes_data(self, &n);
    if (clip_range(args, nargs, 1, n, &start, &end) < 0) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    if (q != &one) {
        kbytes_get_buffer(args[0], &q, &m);
    }
    ssize_t r = start <= n ? find_in(p, start, end, q, m, reverse) : -1;
    if (r < 0 && raise) {
        kerr_set(&kexc_ValueError, "subsection not found");
        return KV_NULL;
    }
    return kval_from_int(r);
}

BYTESM(find) {
    (void)kwnames;
    return find_common(self, args, nargs, 0, 0, "find");
}
BYTESM(rfind) {
    (void)kwnames;
    return find_common(self, args, nargs, 1, 0, "rfind");
}
BYTESM(index) {
    (void)kwnames;
    return find_common(self, args, nargs, 0, 1, "index");
}
BYTESM(rindex) {
    (void)kwnames;
    return find_common(self, args, nargs, 1, 1, "rindex");
}

BYTESM(count) {
    (void)kwnames;
    if (kargs_count("count", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    const char *q;
    ssize_t m, n, start, end;
    char one;
    if (get_needle(args[0], &q, &m, &one) < 0) {
        return KV_NULL;
    }
    kbytes_data(self, &n);
    if (clip_range(args, nargs, 1, n, &start, &end) < 0) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    if (start > n || start > end) {
        return kval_from_int(0);
    }
    if (m == 0) {
        return kval_from_int(end - start + 1);
    }
    ssize_t c = 0;
    for (ssize_t i = start; (i = find_in(p, i, end, q, m, 0)) >= 0; i += m) {
        c++;
    }
    return kval_from_int(c);
}

// One prefix test of startswith/endswith.
static int affix_matches(const char *p, ssize_t start, ssize_t end, const char *q, ssize_t m,
                         int atend) {
    if (end - start < m) {
        return 0;
    }
    return memcmp(p + (atend ? end - m : start), q, (size_t)m) == 0;
}

static KValue affix_common(KValue self, const KValue *args, size_t nargs, int atend) {
    const char *name = atend ? "endswith" : "startswith";
    if (kargs_count(name, nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    ssize_t n, start, end;
    kbytes_data(self, &n);
    if (clip_range(args, nargs, 1, n, &start, &end) < 0) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n), *q;
    ssize_t m;
    if (ktuple_check(args[0])) {
        for (ssize_t i = 0; i < ktuple_len(args[0]); i++) {
            if (kbytes_need_buffer(ktuple_items(args[0])[i], &q, &m) < 0) {
                return KV_NULL;
            }
            if (start <= n && affix_matches(p, start, end, q, m, atend)) {
                return kbool_from(1);
            }
        }
        return kbool_from(0);
    }
    if (!kbytes_get_buffer(args[0], &q, &m)) {
        kerr_format(&kexc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T", name,
                    args[0]);
        return KV_NULL;
    }
    return kbool_from(start <= n && affix_matches(p, start, end, q, m, atend));
}

BYTESM(startswith) {
    (void)kwnames;
    return affix_common(self, args, nargs, 0);
}
BYTESM(endswith) {
    (void)kwnames;
    return affix_common(self, args, nargs, 1);
}

// ---------------------------------------------------------------------------
// strip, split, partition.

static KValue strip_common(KValue self, const KValue *args, size_t nargs, int which,
                           const char *name) {
    if (kargs_count(name, nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    const char *chars = NULL;
    ssize_t nchars = 0;
    if (nargs && args[0] != KV_NONE && kbytes_need_buffer(args[0], &chars, &nchars) < 0) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    ssize_t a = 0, z = n;
#define STRIPPED(c) (chars ? memchr(chars, (c), (size_t)nchars) != NULL : b_isspace(c))
    if (which & 1) {
        while (a < z && STRIPPED((unsigned char)p[a])) {
            a++;
        }
    }
    if (which & 2) {
        while (z > a && STRIPPED((unsigned char)p[z - 1])) {
            z--;
        }
    }
#undef STRIPPED
    return kbytes_new_like(self, p + a, z - a);
}

BYTESM(strip) {
    (void)kwnames;
    return strip_common(self, args, nargs, 3, "strip");
}
BYTESM(lstrip) {
    (void)kwnames;
    return strip_common(self, args, nargs, 1, "lstrip");
}
BYTESM(rstrip) {
    (void)kwnames;
    return strip_common(self, args, nargs, 2, "rstrip");
}

static int append_piece(KValue list, KValue self, const char *p, ssize_t a, ssize_t z) {
    KValue piece = kbytes_new_like(self, p + a, z - a);
    if (!piece) {
        return -1;
    }
    int r = klist_append(list, piece);
    kval_decref(piece);
    return r;
}

// split()/rsplit() without a separator: runs of ASCII whitespace.
static int split_whitespace(KValue list, KValue self, const char *p, ssize_t n,
                            ssize_t maxsplit, int right) {
    if (!right) {
        ssize_t i = 0;
        for (; maxsplit > 0; maxsplit--) {
            while (i < n && b_isspace((unsigned char)p[i])) {
                i++;
            }
            if (i == n) {
                break;
            }
            ssize_t j = i;
            while (j < n && !b_isspace((unsigned char)p[j])) {
                j++;
            }
            if (append_piece(list, self, p, i, j) < 0) {
                return -1;
            }
            i = j;
        }
        while (i < n && b_isspace((unsigned char)p[i])) {
            i++;
        }
        return i < n ? append_piece(list, self, p, i, n) : 0;
    }
    ssize_t i = n;
    for (; maxsplit > 0; maxsplit--) {
        while (i > 0 && b_isspace((unsigned char)p[i - 1])) {
            i--;
        }
        if (i == 0) {
            break;
        }
        ssize_t j = i;
        while (j > 0 && !b_isspace((unsigned char)p[j - 1])) {
            j--;
        }
        if (append_piece(list, self, p, j, i) < 0) {
            return -1;
        }
        i = j;
    }
    while (i > 0 && b_isspace((unsigned char)p[i - 1])) {
        i--;
    }
    if (i > 0 && append_piece(list, self, p, 0, i) < 0) {
        return -1;
    }
    klist_reverse(list);
    return 0;
}

static int split_sep(KValue list, KValue self, const char *p, ssize_t n, const char *q,
                     ssize_t m, ssize_t maxsplit, int right) {
    if (!right) {
        ssize_t i = 0;
        for (; maxsplit > 0; maxsplit--) {
            ssize_t j = find_in(p, i, n, q, m, 0);
            if (j < 0) {
                break;
            }
            if (append_piece(list, self, p, i, j) < 0) {
                return -1;
            }
            i = j + m;
        }
        return append_piece(list, self, p, i, n);
    }
    ssize_t i = n;
    for (; maxsplit > 0; maxsplit--) {
        ssize_t j = find_in(p, 0, i, q, m, 1);
        if (j < 0) {
            break;
        }
        if (append_piece(list, self, p, j + m, i) < 0) {
            return -1;
        }
        i = j;
    }
    if (append_piece(list, self, p, 0, i) < 0) {
        return -1;
    }
    klist_reverse(list);
    return 0;
}

static KValue split_common(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                           int right) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    KValue a[2];
    if (kargs_parse(right ? "rsplit" : "split", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    ssize_t maxsplit = -1;
    if (a[1] && to_ssize(a[1], &maxsplit) < 0) {
        return KV_NULL;
    }
    if (maxsplit < 0) {
        maxsplit = PTRDIFF_MAX;
    }
    const char *q = NULL;
    ssize_t m = 0;
    if (a[0] && a[0] != KV_NONE) {
        if (kbytes_need_buffer(a[0], &q, &m) < 0) {
            return KV_NULL;
        }
        if (m == 0) {
            kerr_set(&kexc_ValueError, "empty separator");
            return KV_NULL;
        }
    }
    KValue list = klist_new(0);
    if (!list) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    int r = q ? split_sep(list, self, p, n, q, m, maxsplit, right)
              : split_whitespace(list, self, p, n, maxsplit, right);
    if (r < 0) {
        kval_decref(list);
        return KV_NULL;
    }
    return list;
}

BYTESM(split) {
    return split_common(self, args, nargs, kwnames, 0);
}
BYTESM(rsplit) {
    return split_common(self, args, nargs, kwnames, 1);
}

BYTESM(splitlines) {
    static const char *const kwlist[] = {"keepends", NULL};
    KValue a[1];
    if (kargs_parse("splitlines", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    int keep = a[0] ? kobj_is_true(a[0]) : 0;
    if (keep < 0) {
        return KV_NULL;
    }
    KValue list = klist_new(0);
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    for (ssize_t i = 0; list && i < n;) {
        ssize_t j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') {
            j++;
        }
        ssize_t eol = j;
        if (j < n) {
            j += p[j] == '\r' && j + 1 < n && p[j + 1] == '\n' ? 2 : 1;
            if (keep) {
                eol = j;
            }
        }
        if (append_piece(list, self, p, i, eol) < 0) {
            KVAL_CLEAR(list);
        }
        i = j;
    }
    return list;
}

static KValue partition_common(KValue self, KValue sepv, int right) {
    const char *q;
    ssize_t m, n;
    if (kbytes_need_buffer(sepv, &q, &m) < 0) {
        return KV_NULL;
    }
    if (m == 0) {
        kerr_set(&kexc_ValueError, "empty separator");
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    ssize_t at = find_in(p, 0, n, q, m, right);
    KValue parts[3] = {KV_NULL, KV_NULL, KV_NULL};
    if (at < 0) {
        parts[0] = kbytes_new_like(self, right ? "" : p, right ? 0 : n);
        parts[1] = kbytes_new_like(self, "", 0);
        parts[2] = kbytes_new_like(self, right ? p : "", right ? n : 0);
    } else {
        parts[0] = kbytes_new_like(self, p, at);
        // bytes hands back the separator object itself, bytearray a copy.
        parts[1] = kbytearray_check(self) ? kbytearray_from_data(q, m) : kval_newref(sepv);
        parts[2] = kbytes_new_like(self, p + at + m, n - at - m);
    }
    KValue t = parts[0] && parts[1] && parts[2] ? ktuple_pack(3, parts[0], parts[1], parts[2])
                                                : KV_NULL;
    for (int i = 0; i < 3; i++) {
        kval_xdecref(parts[i]);
    }
    return t;
}

BYTESM(partition) {
    (void)nargs, (void)kwnames;
    return partition_common(self, args[0], 0);
}
BYTESM(rpartition) {
    (void)nargs, (void)kwnames;
    return partition_common(self, args[0], 1);
}

// ---------------------------------------------------------------------------
// Building new byte strings.

BYTESM(join) {
    (void)nargs, (void)kwnames;
    KValue seq = kseq_fast(args[0], "can only join an iterable");
    if (!seq) {
        return KV_NULL;
    }
    ssize_t cnt = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
    KValue *items = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
    ssize_t seplen, total = 0;
    const char *sep = kbytes_data(self, &seplen), *p;
    for (ssize_t i = 0; i < cnt; i++) {
        ssize_t n;
        if (!kbytes_get_buffer(items[i], &p, &n)) {
            kerr_format(&kexc_TypeError,
                        "sequence item %zd: expected a bytes-like object, %s found", i,
                        ktype_name(kval_type(items[i])));
            kval_decref(seq);
            return KV_NULL;
        }
        total += n + (i ? seplen : 0);
    }
    char *buf = kmem_alloc((size_t)total + 1);
    if (!buf) {
        kval_decref(seq);
        return kerr_no_memory();
    }
    ssize_t o = 0;
    for (ssize_t i = 0; i < cnt; i++) {
        ssize_t n;
        if (i) {
            memcpy(buf + o, sep, (size_t)seplen);
            o += seplen;
        }
        kbytes_get_buffer(items[i], &p, &n);
        memcpy(buf + o, p, (size_t)n);
        o += n;
    }
    kval_decref(seq);
    KValue r = kbytes_new_like(self, buf, o);
    kmem_free(buf);
    return r;
}

BYTESM(replace) {
    (void)kwnames;
    if (kargs_count("replace", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    const char *old, *new;
    ssize_t no, nn, count = -1, n;
    if (kbytes_need_buffer(args[0], &old, &no) < 0 || kbytes_need_buffer(args[1], &new, &nn) < 0 ||
        (nargs > 2 && to_ssize(args[2], &count) < 0)) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    if (count < 0) {
        count = PTRDIFF_MAX;
    }
    // Count the replacements first so the result is allocated once.
    ssize_t hits = 0;
    if (no == 0) {
        hits = n + 1 < count ? n + 1 : count;
    } else {
        for (ssize_t i = 0; hits < count && (i = find_in(p, i, n, old, no, 0)) >= 0; i += no) {
            hits++;
        }
    }
    if (nn > no && hits > (PTRDIFF_MAX - n) / (nn - no + 1)) {
        kerr_set(&kexc_OverflowError, "replace bytes is too long");
        return KV_NULL;
    }
    ssize_t total = n + hits * (nn - no);
    char *buf = kmem_alloc((size_t)total + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t o = 0, i = 0;
    for (ssize_t k = 0; k < hits; k++) {
        ssize_t j = no == 0 ? i : find_in(p, i, n, old, no, 0);
        memcpy(buf + o, p + i, (size_t)(j - i));
        o += j - i;
        memcpy(buf + o, new, (size_t)nn);
        o += nn;
        i = j + no;
        if (no == 0 && i < n) {
            buf[o++] = p[i++];
        }
    }
    memcpy(buf + o, p + i, (size_t)(n - i));
    o += n - i;
    KValue r = kbytes_new_like(self, buf, o);
    kmem_free(buf);
    return r;
}

static KValue affix_remove(KValue self, KValue arg, int suffix) {
    const char *q;
    ssize_t m, n;
    if (kbytes_need_buffer(arg, &q, &m) < 0) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    if (m <= n && memcmp(suffix ? p + n - m : p, q, (size_t)m) == 0) {
        return kbytes_new_like(self, suffix ? p : p + m, n - m);
    }
    return kbytes_new_like(self, p, n);
}

BYTESM(removeprefix) {
    (void)nargs, (void)kwnames;
    return affix_remove(self, args[0], 0);
}
BYTESM(removesuffix) {
    (void)nargs, (void)kwnames;
    return affix_remove(self, args[0], 1);
}

// ljust/rjust/center: 'where' 0 left-justifies, 1 right-justifies, 2 centres.
static KValue pad_common(KValue self, const KValue *args, size_t nargs, int where,
                         const char *name) {
    if (kargs_count(name, nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    ssize_t width, n;
    if (to_ssize(args[0], &width) < 0) {
        return KV_NULL;
    }
    char fill = ' ';
    if (nargs > 1) {
        const char *f;
        ssize_t fn;
        if (!kbytes_get_buffer(args[1], &f, &fn) || fn != 1) {
            kerr_format(&kexc_TypeError,
                        "%s() argument 2 must be a byte string of length 1, not %T", name, args[1]);
            return KV_NULL;
        }
        fill = f[0];
    }
    const char *p = kbytes_data(self, &n);
    if (width <= n) {
        return kbytes_new_like(self, p, n);
    }
    ssize_t total = width - n, left = where == 1 ? total : where == 0 ? 0 : total / 2;
    if (where == 2 && (total & width & 1)) {
        left++;
    }
    char *buf = kmem_alloc((size_t)width + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    memset(buf, fill, (size_t)width);
    memcpy(buf + left, p, (size_t)n);
    KValue r = kbytes_new_like(self, buf, width);
    kmem_free(buf);
    return r;
}

BYTESM(ljust) {
    (void)kwnames;
    return pad_common(self, args, nargs, 0, "ljust");
}
BYTESM(rjust) {
    (void)kwnames;
    return pad_common(self, args, nargs, 1, "rjust");
}
BYTESM(center) {
    (void)kwnames;
    return pad_common(self, args, nargs, 2, "center");
}

BYTESM(zfill) {
    (void)nargs, (void)kwnames;
    ssize_t width, n;
    if (to_ssize(args[0], &width) < 0) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    if (width <= n) {
        return kbytes_new_like(self, p, n);
    }
    char *buf = kmem_alloc((size_t)width + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t fill = width - n;
    memset(buf, '0', (size_t)fill);
    memcpy(buf + fill, p, (size_t)n);
    if (n && (p[0] == '+' || p[0] == '-')) {
        buf[0] = p[0];
        buf[fill] = '0';
    }
    KValue r = kbytes_new_like(self, buf, width);
    kmem_free(buf);
    return r;
}

BYTESM(expandtabs) {
    static const char *const kwlist[] = {"tabsize", NULL};
    KValue a[1];
    ssize_t tab = 8, n;
    if (kargs_parse("expandtabs", args, nargs, kwnames, kwlist, 0, 1, a) < 0 ||
        (a[0] && to_ssize(a[0], &tab) < 0)) {
        return KV_NULL;
    }
    const char *p = kbytes_data(self, &n);
    ssize_t total = 0, col = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            ssize_t add = tab > 0 ? tab - col % tab : 0;
            total += add;
            col += add;
        } else {
            total++;
            col = p[i] == '\n' || p[i] == '\r' ? 0 : col + 1;
        }
    }
    char *buf = kmem_alloc((size_t)total + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t o = 0;
    col = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            ssize_t add = tab > 0 ? tab - col % tab : 0;
            memset(buf + o, ' ', (size_t)add);
            o += add;
            col += add;
        } else {
            buf[o++] = p[i];
            col = p[i] == '\n' || p[i] == '\r' ? 0 : col + 1;
        }
    }
    KValue r = kbytes_new_like(self, buf, o);
    kmem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// ASCII case mappings and predicates.

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static KValue map_case(KValue self, int how) {
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    char *buf = kmem_alloc((size_t)n + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    int prev_cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i], r = c;
        switch (how) {
        case CASE_LOWER:
            r = b_lower(c);
            break;
        case CASE_UPPER:
            r = b_upper(c);
            break;
        case CASE_SWAP:
            r = b_islower(c) ? b_upper(c) : b_lower(c);
            break;
        case CASE_TITLE:
            r = prev_cased ? b_lower(c) : b_upper(c);
            prev_cased = b_isalpha(c);
            break;
        default:
            r = i == 0 ? b_upper(c) : b_lower(c);
            break;
        }
        buf[i] = (char)r;
    }
    KValue r = kbytes_new_like(self, buf, n);
    kmem_free(buf);
    return r;
}

BYTESM(lower) {
    (void)args, (void)nargs, (void)kwnames;
    return map_case(self, CASE_LOWER);
}
BYTESM(upper) {
    (void)args, (void)nargs, (void)kwnames;
    return map_case(self, CASE_UPPER);
}
BYTESM(swapcase) {
    (void)args, (void)nargs, (void)kwnames;
    return map_case(self, CASE_SWAP);
}
BYTESM(title) {
    (void)args, (void)nargs, (void)kwnames;
    return map_case(self, CASE_TITLE);
}
BYTESM(capitalize) {
    (void)args, (void)nargs, (void)kwnames;
    return map_case(self, CASE_CAPITALIZE);
}

// True when 'self' is non-empty and every byte passes 'pred'.
static KValue all_bytes(KValue self, int (*pred)(unsigned char)) {
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    for (ssize_t i = 0; i < n; i++) {
        if (!pred((unsigned char)p[i])) {
            return kbool_from(0);
        }
    }
    return kbool_from(n > 0);
}

BYTESM(isalnum) {
    (void)args, (void)nargs, (void)kwnames;
    return all_bytes(self, b_isalnum);
}
BYTESM(isalpha) {
    (void)args, (void)nargs, (void)kwnames;
    return all_bytes(self, b_isalpha);
}
BYTESM(isdigit) {
    (void)args, (void)nargs, (void)kwnames;
    return all_bytes(self, b_isdigit);
}
BYTESM(isspace) {
    (void)args, (void)nargs, (void)kwnames;
    return all_bytes(self, b_isspace);
}
BYTESM(isascii) {
    (void)args, (void)nargs, (void)kwnames;
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    for (ssize_t i = 0; i < n; i++) {
        if ((unsigned char)p[i] >= 0x80) {
            return kbool_from(0);
        }
    }
    return kbool_from(1);
}

// islower/isupper: some cased byte, and none of the 'avoid' case.
static KValue case_check(KValue self, int (*want)(unsigned char), int (*avoid)(unsigned char)) {
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    int seen = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (avoid((unsigned char)p[i])) {
            return kbool_from(0);
        }
        seen |= want((unsigned char)p[i]);
    }
    return kbool_from(seen);
}

BYTESM(islower) {
    (void)args, (void)nargs, (void)kwnames;
    return case_check(self, b_islower, b_isupper);
}
BYTESM(isupper) {
    (void)args, (void)nargs, (void)kwnames;
    return case_check(self, b_isupper, b_islower);
}
BYTESM(istitle) {
    (void)args, (void)nargs, (void)kwnames;
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    int cased = 0, prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (b_isupper(c)) {
            if (prev) {
                return kbool_from(0);
            }
            prev = cased = 1;
        } else if (b_islower(c)) {
            if (!prev) {
                return kbool_from(0);
            }
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return kbool_from(cased);
}

// ---------------------------------------------------------------------------
// hex / fromhex, translate / maketrans.

KValue kbytes_hex_data(const char *p, ssize_t n, const KValue *args, size_t nargs,
                       KValue kwnames) {
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    KValue a[2];
    if (kargs_parse("hex", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    char sep = 0;
    ssize_t group = 1;
    if (a[0]) {
        ssize_t len = kobj_len(a[0]);
        if (len < 0) {
            return KV_NULL;
        }
        if (len != 1) {
            kerr_set(&kexc_ValueError, "sep must be length 1.");
            return KV_NULL;
        }
        uint32_t c;
        if (kstr_check(a[0])) {
            c = kstr_char((KStr *)a[0], 0);
        } else {
            const char *sp;
            ssize_t sn;
            if (kbytes_need_buffer(a[0], &sp, &sn) < 0) {
                return KV_NULL;
            }
            c = (unsigned char)sp[0];
        }
        if (c >= 128) {
            kerr_set(&kexc_ValueError, "sep must be ASCII.");
            return KV_NULL;
        }
        sep = (char)c;
        if (a[1]) {
            int overflow;
            KValue idx = knum_index(a[1]);
            if (!idx) {
                return KV_NULL;
            }
            int64_t g = kint_as_i64_overflow(idx, &overflow);
            kval_decref(idx);
            if (overflow || g > INT32_MAX || g < INT32_MIN) {
                kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
                return KV_NULL;
            }
            group = (ssize_t)g;
        }
    }
    if (group == 0) {
        sep = 0;
    }
    ssize_t per = group < 0 ? -group : group;
    ssize_t nseps = sep && n > 0 ? (n - 1) / per : 0;
    KValue s = kstr_new(n * 2 + nseps, 0x7f);
    if (!s) {
        return KV_NULL;
    }
    char *d = ((KStr *)s)->data;
    ssize_t o = 0;
    for (ssize_t i = 0; i < n; i++) {
        // Groups count from the right for a positive bytes_per_sep.
        ssize_t pos = group > 0 ? n - i : i;
        if (sep && i > 0 && pos % per == 0) {
            d[o++] = sep;
        }
        d[o++] = "0123456789abcdef"[(unsigned char)p[i] >> 4];
        d[o++] = "0123456789abcdef"[(unsigned char)p[i] & 15];
    }
    return s;
}

BYTESM(hex) {
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    return kbytes_hex_data(p, n, args, nargs, kwnames);
}

static int hex_digit(uint32_t c) {
    return c >= '0' && c <= '9'   ? (int)(c - '0')
           : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10)
                                  : -1;
}

// cls.fromhex(string): pairs of hex digits, ASCII whitespace between pairs.
BYTESM(fromhex) {
    (void)nargs, (void)kwnames;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "fromhex() argument must be str, not %s",
                    args[0] == KV_NONE ? "None" : ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    KStr *s = (KStr *)args[0];
    char *buf = kmem_alloc((size_t)s->len / 2 + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t n = 0;
    for (ssize_t i = 0; i < s->len;) {
        uint32_t c = kstr_char(s, i);
        if (c < 128 && b_isspace((unsigned char)c)) {
            i++;
            continue;
        }
        int hi = hex_digit(c);
        int lo = i + 1 < s->len ? hex_digit(kstr_char(s, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            kmem_free(buf);
            kerr_format(&kexc_ValueError,
                        "non-hexadecimal number found in fromhex() arg at position %zd",
                        hi < 0 ? i : i + 1);
            return KV_NULL;
        }
        buf[n++] = (char)(hi * 16 + lo);
        i += 2;
    }
    KValue r = self == kval_of(&kbytearray_type) ? kbytearray_from_data(buf, n)
                                                 : kbytes_from_data(buf, n);
    kmem_free(buf);
    if (r && self != kval_of(&kbytearray_type) && self != kval_of(&kbytes_type)) {
        KValue sub = kobj_call1(self, r);
        kval_decref(r);
        return sub;
    }
    return r;
}

BYTESM(maketrans) {
    (void)self, (void)kwnames;
    if (kargs_count("maketrans", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    const char *from, *to;
    ssize_t nf, nt;
    if (kbytes_need_buffer(args[0], &from, &nf) < 0 || kbytes_need_buffer(args[1], &to, &nt) < 0) {
        return KV_NULL;
    }
    if (nf != nt) {
        kerr_set(&kexc_ValueError, "maketrans arguments must have same length");
        return KV_NULL;
    }
    char table[256];
    for (int i = 0; i < 256; i++) {
        table[i] = (char)i;
    }
    for (ssize_t i = 0; i < nf; i++) {
        table[(unsigned char)from[i]] = to[i];
    }
    return kbytes_from_data(table, 256);
}

BYTESM(translate) {
    static const char *const kwlist[] = {"", "delete", NULL};
    KValue a[2];
    if (kargs_parse("translate", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    const char *table = NULL, *del = "";
    ssize_t nt = 0, nd = 0, n;
    if (a[0] != KV_NONE) {
        if (kbytes_need_buffer(a[0], &table, &nt) < 0) {
            return KV_NULL;
        }
        if (nt != 256) {
            kerr_set(&kexc_ValueError, "translation table must be 256 characters long");
            return KV_NULL;
        }
    }
    if (a[1] && kbytes_need_buffer(a[1], &del, &nd) < 0) {
        return KV_NULL;
    }
    char deleted[256] = {0};
    for (ssize_t i = 0; i < nd; i++) {
        deleted[(unsigned char)del[i]] = 1;
    }
    const char *p = kbytes_data(self, &n);
    char *buf = kmem_alloc((size_t)n + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t o = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!deleted[c]) {
            buf[o++] = table ? table[c] : (char)c;
        }
    }
    KValue r = kbytes_new_like(self, buf, o);
    kmem_free(buf);
    return r;
}
