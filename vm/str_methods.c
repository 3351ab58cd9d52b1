// vm/str_methods.c: the methods of str: indexing and slicing, split/join,
// strip, find/replace/count, case mappings (full Unicode mappings, final
// sigma), character classes, padding, partition, encode, translate.
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "bytes.h"
#include "codecs.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "search.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

#define STRM(name) static KValue str_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)
#define UNUSED_KW (void)kwnames

static KStr *S(KValue v) {
    return (KStr *)v;
}

KValue kstr_getitem(KValue v, KValue key) {
    KStr *s = S(v);
    if (kval_is_int(key)) {
        intptr_t i = kval_int(key);
        if (i < 0) {
            i += s->len;
        }
        if (i < 0 || i >= s->len) {
            kerr_set(&kexc_IndexError, "string index out of range");
            return KV_NULL;
        }
        return kstr_from_char(kstr_char(s, i));
    }
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = kslice_indices(key, s->len, &start, &stop, &step);
        if (n < 0) {
            return KV_NULL;
        }
        if (step == 1) {
            return kstr_substr(v, start, start + n);
        }
        if (s->ascii && n > 1) {
            // Any selection of ASCII characters is ASCII: filled in place.
            KValue r = kstr_new(n, 0x7f);
            if (r) {
                char *d = S(r)->data;
                const char *p = s->data;
                for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
                    d[i] = p[j];
                }
            }
            return r;
        }
        KStrBuilder b;
        kstr_builder_init(&b);
        for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
            kstr_builder_char(&b, kstr_char(s, j));
        }
        return kstr_builder_finish(&b);
    }
    ssize_t i = kseq_index(key, s->len, "string");
    if (i < 0) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "string indices must be integers, not '%s'",
                        ktype_name(kval_type(key)));
        }
        return KV_NULL;
    }
    return kstr_from_char(kstr_char(s, i));
}

// Argument helpers.
static int need_str(KValue v, const char *what) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s arg must be None or str", what);
        return -1;
    }
    return 0;
}

// Clips optional start/end arguments as str.find does.
static int clip_range(const KValue *args, size_t nargs, size_t first, ssize_t len, ssize_t *start,
                      ssize_t *end) {
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

static ssize_t rfind_in(KValue v, KValue sub, ssize_t start, ssize_t end) {
    KStr *s = S(v), *t = S(sub);
    if (end > s->len) {
        end = s->len;
    }
    if (s->kind == 1 && t->kind == 1 && start >= 0 && start <= end) {
        const char *hay = (const char *)s->data;
        const char *r = ksearch_rfind(hay + start, (size_t)(end - start), t->data, (size_t)t->len);
        return r ? r - hay : -1;
    }
    for (ssize_t i = end - t->len; i >= start; i--) {
        ssize_t j = 0;
        while (j < t->len && kstr_char(s, i + j) == kstr_char(t, j)) {
            j++;
        }
        if (j == t->len) {
            return i;
        }
    }
    return -1;
}

static KValue find_common(KValue self, const KValue *args, size_t nargs, int reverse, int raise,
                          const char *name) {
    if (kargs_count(name, nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "must be str, not %s", ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    ssize_t start, end;
    if (clip_range(args, nargs, 1, S(self)->len, &start, &end) < 0) {
        return KV_NULL;
    }
    ssize_t r = -1;
    if (start <= S(self)->len && end - start >= S(args[0])->len) {
        r = reverse ? rfind_in(self, args[0], start, end) : kstr_find(self, args[0], start, end);
    }
    if (r < 0 && raise) {
        kerr_set(&kexc_ValueError, "substring not found");
        return KV_NULL;
    }
    return kval_from_int(r);
}

STRM(find) {
    UNUSED_KW;
    return find_common(self, args, nargs, 0, 0, "find");
}
STRM(rfind) {
    UNUSED_KW;
    return find_common(self, args, nargs, 1, 0, "rfind");
}
STRM(index) {
    UNUSED_KW;
    return find_common(self, args, nargs, 0, 1, "index");
}
STRM(rindex) {
    UNUSED_KW;
    return find_common(self, args, nargs, 1, 1, "rindex");
}

STRM(count) {
    UNUSED_KW;
    if (kargs_count("count", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "must be str, not %s", ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    ssize_t start, end;
    if (clip_range(args, nargs, 1, S(self)->len, &start, &end) < 0) {
        return KV_NULL;
    }
    ssize_t n = S(args[0])->len, c = 0;
    if (start > S(self)->len) {
        return kval_from_int(0);
    }
    if (n == 0) {
        return kval_from_int(end >= start ? end - start + 1 : 0);
    }
    for (ssize_t i = start; (i = kstr_find(self, args[0], i, end)) >= 0; i += n) {
        c++;
    }
    return kval_from_int(c);
}

static int starts_at(KValue self, KValue sub, ssize_t start, ssize_t end, int atend) {
    KStr *s = S(self), *t = S(sub);
    if (end - start < t->len || start > s->len) {
        return 0;
    }
    ssize_t at = atend ? end - t->len : start;
    for (ssize_t j = 0; j < t->len; j++) {
        if (kstr_char(s, at + j) != kstr_char(t, j)) {
            return 0;
        }
    }
    return 1;
}

static KValue startsend(KValue self, const KValue *args, size_t nargs, int atend) {
    const char *name = atend ? "endswith" : "startswith";
    if (kargs_count(name, nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    ssize_t start, end;
    if (clip_range(args, nargs, 1, S(self)->len, &start, &end) < 0) {
        return KV_NULL;
    }
    KValue sub = args[0];
    if (ktuple_check(sub)) {
        for (ssize_t i = 0; i < ktuple_len(sub); i++) {
            KValue x = ktuple_items(sub)[i];
            if (!kstr_check(x)) {
                kerr_format(&kexc_TypeError, "tuple for %s must only contain str, not %s", name,
                            ktype_name(kval_type(x)));
                return KV_NULL;
            }
            if (starts_at(self, x, start, end, atend)) {
                return KV_TRUE;
            }
        }
        return KV_FALSE;
    }
    if (!kstr_check(sub)) {
        kerr_format(&kexc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                    ktype_name(kval_type(sub)));
        return KV_NULL;
    }
    return kbool_from(starts_at(self, sub, start, end, atend));
}

STRM(startswith) {
    UNUSED_KW;
    return startsend(self, args, nargs, 0);
}
STRM(endswith) {
    UNUSED_KW;
    return startsend(self, args, nargs, 1);
}

// strip: 'which' 1 left, 2 right, 3 both.
static KValue strip_common(KValue self, const KValue *args, size_t nargs, int which,
                           const char *name) {
    if (kargs_count(name, nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KValue chars = nargs && args[0] != KV_NONE ? args[0] : KV_NULL;
    if (chars && need_str(chars, name) < 0) {
        return KV_NULL;
    }
    KStr *s = S(self);
    ssize_t a = 0, z = s->len;
    if (which & 1) {
        while (a < z) {
            uint32_t c = kstr_char(s, a);
            int strip = kuni_isspace(c);
            if (chars) {
                strip = 0;
                for (ssize_t k = 0; k < S(chars)->len; k++) {
                    if (kstr_char(S(chars), k) == c) {
                        strip = 1;
                        break;
                    }
                }
            }
            if (!strip) {
                break;
            }
            a++;
        }
    }
    if (which & 2) {
        while (z > a) {
            uint32_t c = kstr_char(s, z - 1);
            int strip = kuni_isspace(c);
            if (chars) {
                strip = 0;
                for (ssize_t k = 0; k < S(chars)->len; k++) {
                    if (kstr_char(S(chars), k) == c) {
                        strip = 1;
                        break;
                    }
                }
            }
            if (!strip) {
                break;
            }
            z--;
        }
    }
    return kstr_substr(self, a, z);
}

STRM(strip) {
    UNUSED_KW;
    return strip_common(self, args, nargs, 3, "strip");
}
STRM(lstrip) {
    UNUSED_KW;
    return strip_common(self, args, nargs, 1, "lstrip");
}
STRM(rstrip) {
    UNUSED_KW;
    return strip_common(self, args, nargs, 2, "rstrip");
}

// str.isspace() for a Latin-1 character: \t-\r, \x1c-\x1f, space, \x85, \xa0.
static inline int latin1_space(uint32_t c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0;
}

// Whether s[i] is whitespace; narrow strings skip the Unicode tables.
static inline int space_at(const KStr *s, ssize_t i) {
    if (s->kind == 1) {
        return latin1_space(((const uint8_t *)s->data)[i]);
    }
    return kuni_isspace(kstr_char(s, i));
}

static int append_piece(KValue list, KValue s, ssize_t a, ssize_t z) {
    KValue piece = kstr_substr(s, a, z);
    if (!piece) {
        return -1;
    }
    int r = klist_append(list, piece);
    kval_decref(piece);
    return r;
}

static KValue split_common(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                           int right) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    KValue a[2];
    if (kargs_parse(right ? "rsplit" : "split", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    KValue sep = a[0] && a[0] != KV_NONE ? a[0] : KV_NULL;
    ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = knum_as_ssize(a[1], &kexc_OverflowError);
        if (maxsplit == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (sep && !kstr_check(sep)) {
        kerr_format(&kexc_TypeError, "must be str or None, not %s", ktype_name(kval_type(sep)));
        return KV_NULL;
    }
    if (sep && S(sep)->len == 0) {
        kerr_set(&kexc_ValueError, "empty separator");
        return KV_NULL;
    }
    KValue list = klist_new(0);
    if (!list) {
        return KV_NULL;
    }
    KStr *s = S(self);
    ssize_t n = s->len;
    if (maxsplit < 0) {
        maxsplit = PTRDIFF_MAX;
    }
    if (!sep) {
        if (!right) {
            ssize_t i = 0;
            while (maxsplit > 0) {
                while (i < n && space_at(s, i)) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                ssize_t j = i;
                while (j < n && !space_at(s, j)) {
                    j++;
                }
                if (append_piece(list, self, i, j) < 0) {
                    goto error;
                }
                i = j;
                maxsplit--;
            }
            while (i < n && space_at(s, i)) {
                i++;
            }
            if (i < n && append_piece(list, self, i, n) < 0) {
                goto error;
            }
        } else {
            ssize_t i = n;
            while (maxsplit > 0) {
                while (i > 0 && space_at(s, i - 1)) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                ssize_t j = i;
                while (j > 0 && !space_at(s, j - 1)) {
                    j--;
                }
                if (append_piece(list, self, j, i) < 0) {
                    goto error;
                }
                i = j;
                maxsplit--;
            }
            while (i > 0 && space_at(s, i - 1)) {
                i--;
            }
            if (i > 0 && append_piece(list, self, 0, i) < 0) {
                goto error;
            }
            klist_reverse(list);
        }
        return list;
    }
    ssize_t m = S(sep)->len;
    if (!right && m == 1 && s->kind == 1 && S(sep)->kind == 1) {
        // One Latin-1 character in a Latin-1 string (line.split(",")): memchr.
        const uint8_t *p = (const uint8_t *)s->data;
        int ch = ((const uint8_t *)S(sep)->data)[0];
        ssize_t i = 0;
        const uint8_t *q;
        while (maxsplit > 0 && (q = memchr(p + i, ch, (size_t)(n - i))) != NULL) {
            ssize_t j = q - p;
            if (append_piece(list, self, i, j) < 0) {
                goto error;
            }
            i = j + 1;
            maxsplit--;
        }
        if (append_piece(list, self, i, n) < 0) {
            goto error;
        }
        return list;
    }
    if (!right) {
        ssize_t i = 0;
        while (maxsplit > 0) {
            ssize_t j = kstr_find(self, sep, i, n);
            if (j < 0) {
                break;
            }
            if (append_piece(list, self, i, j) < 0) {
                goto error;
            }
            i = j + m;
            maxsplit--;
        }
        if (append_piece(list, self, i, n) < 0) {
            goto error;
        }
    } else {
        ssize_t i = n;
        while (maxsplit > 0) {
            ssize_t j = rfind_in(self, sep, 0, i);
            if (j < 0) {
                break;
            }
            if (append_piece(list, self, j + m, i) < 0) {
                goto error;
            }
            i = j;
            maxsplit--;
        }
        if (append_piece(list, self, 0, i) < 0) {
            goto error;
        }
        klist_reverse(list);
    }
    return list;
error:
    kval_decref(list);
    return KV_NULL;
}

STRM(split) {
    return split_common(self, args, nargs, kwnames, 0);
}
STRM(rsplit) {
    return split_common(self, args, nargs, kwnames, 1);
}

static int is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
           c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// The end of the line starting at 'i' in a narrow string: the index of its
// line break, or 'n'. Most bytes are above 0x1e and not 0x85: one compare.
static ssize_t narrow_line_end(const uint8_t *p, ssize_t i, ssize_t n) {
    const uint32_t breaks = (1u << 0x0a) | (1u << 0x0b) | (1u << 0x0c) | (1u << 0x0d) |
                            (1u << 0x1c) | (1u << 0x1d) | (1u << 0x1e);
    for (; i < n; i++) {
        uint8_t c = p[i];
        if (c <= 0x1e ? (breaks >> c) & 1 : c == 0x85) {
            return i;
        }
    }
    return n;
}

STRM(splitlines) {
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
    KStr *s = S(self);
    ssize_t i = 0, n = s->len;
    while (list && i < n) {
        ssize_t j = i;
        if (s->kind == 1) {
            j = narrow_line_end(s->data, i, n);
        } else {
            while (j < n && !is_linebreak(kstr_char(s, j))) {
                j++;
            }
        }
        ssize_t eol = j;
        if (j < n) {
            if (kstr_char(s, j) == '\r' && j + 1 < n && kstr_char(s, j + 1) == '\n') {
                j += 2;
            } else {
                j++;
            }
            if (keep) {
                eol = j;
            }
        }
        if (append_piece(list, self, i, eol) < 0) {
            KVAL_CLEAR(list);
        }
        i = j;
    }
    return list;
}

STRM(join) {
    (void)nargs, UNUSED_KW;
    return kstr_join(self, args[0]);
}

// replace() on an ASCII string with an ASCII replacement ('old' non-empty):
// the matches are counted first, then the result is written in one piece.
static KValue replace_ascii(KValue self, KValue old, KValue new, ssize_t count) {
    KStr *s = S(self), *o = S(old), *w = S(new);
    ssize_t m = o->len, found = 0;
    for (ssize_t i = 0; found < count; found++) {
        ssize_t j = kstr_find(self, old, i, s->len);
        if (j < 0) {
            break;
        }
        i = j + m;
    }
    if (found == 0) {
        return kstr_check_exact(self) ? kval_newref(self) : kstr_substr(self, 0, s->len);
    }
    if (w->len > m && found > (PTRDIFF_MAX / 8 - s->len) / (w->len - m)) {
        kerr_set(&kexc_OverflowError, "replace string is too long");
        return KV_NULL;
    }
    ssize_t len = s->len + found * (w->len - m);
    if (len == 0) {
        return kval_newref(kstr_ids.empty);
    }
    KValue r = kstr_new(len, 0x7f);
    if (!r) {
        return KV_NULL;
    }
    char *d = S(r)->data;
    const char *p = s->data;
    ssize_t i = 0;
    for (ssize_t k = 0; k < found; k++) {
        ssize_t j = kstr_find(self, old, i, s->len);
        memcpy(d, p + i, (size_t)(j - i));
        d += j - i;
        memcpy(d, w->data, (size_t)w->len);
        d += w->len;
        i = j + m;
    }
    memcpy(d, p + i, (size_t)(s->len - i));
    return r;
}

STRM(replace) {
    UNUSED_KW;
    if (kargs_count("replace", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    KValue old = args[0], new = args[1];
    if (!kstr_check(old) || !kstr_check(new)) {
        kerr_format(&kexc_TypeError, "replace() argument %d must be str, not %s",
                    kstr_check(old) ? 2 : 1, ktype_name(kval_type(kstr_check(old) ? new : old)));
        return KV_NULL;
    }
    ssize_t count = -1;
    if (nargs > 2) {
        count = knum_as_ssize(args[2], &kexc_OverflowError);
        if (count == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (count < 0) {
        count = PTRDIFF_MAX;
    }
    KStr *s = S(self);
    ssize_t m = S(old)->len;
    KStrBuilder b;
    kstr_builder_init(&b);
    ssize_t i = 0;
    if (m == 0) {
        for (; i <= s->len; i++) {
            if (count > 0) {
                kstr_builder_str(&b, new);
                count--;
            }
            if (i < s->len) {
                kstr_builder_char(&b, kstr_char(s, i));
            }
        }
        return kstr_builder_finish(&b);
    }
    if (s->ascii && S(new)->ascii) {
        return replace_ascii(self, old, new, count);
    }
    while (count > 0) {
        ssize_t j = kstr_find(self, old, i, s->len);
        if (j < 0) {
            break;
        }
        kstr_builder_range(&b, self, i, j);
        kstr_builder_str(&b, new);
        i = j + m;
        count--;
    }
    if (i == 0 && kstr_check_exact(self)) {
        kstr_builder_discard(&b);
        return kval_newref(self);
    }
    kstr_builder_range(&b, self, i, s->len);
    return kstr_builder_finish(&b);
}

// Case mappings: 'kind' 0 lower, 1 upper, 2 title, 3 casefold.
static void put_mapped(KStrBuilder *b, uint32_t c, int kind) {
    const KUniSpecial *sp = c >= 0xdf ? kuni_special(c) : NULL;
    if (sp) {
        const uint32_t *m = kind == 0 ? sp->lower : kind == 1 ? sp->upper : kind == 2 ? sp->title : sp->casefold;
        for (int i = 0; m[i]; i++) {
            kstr_builder_char(b, m[i]);
        }
        return;
    }
    uint32_t r = kind == 1 ? kuni_toupper(c) : kind == 2 ? kuni_totitle(c) : kuni_tolower(c);
    kstr_builder_char(b, r);
}

// The lowercase of capital sigma depends on its context (final sigma).
static int final_sigma(KStr *s, ssize_t i) {
    ssize_t j = i - 1;
    while (j >= 0 && kuni_has(kstr_char(s, j), KUNI_CASE_IGNORABLE)) {
        j--;
    }
    if (j < 0 || !kuni_has(kstr_char(s, j), KUNI_CASED)) {
        return 0;
    }
    j = i + 1;
    while (j < s->len && kuni_has(kstr_char(s, j), KUNI_CASE_IGNORABLE)) {
        j++;
    }
    return j == s->len || !kuni_has(kstr_char(s, j), KUNI_CASED);
}

static KValue map_case(KValue self, int kind) {
    KStr *s = S(self);
    if (s->ascii) {
        KValue r = kstr_new(s->len, 0x7f);
        if (!r) {
            return KV_NULL;
        }
        // Eight characters at a time: in each byte (all below 0x80) adding
        // 0x80 - lo sets the top bit when the byte is >= lo, adding
        // 0x80 - hi - 1 when it is > hi, with no carry into the next byte;
        // the letters' top bits, shifted to 0x20 (the case bit), flip it.
        uint8_t *d = (uint8_t *)S(r)->data;
        const uint8_t *p = (const uint8_t *)s->data;
        ssize_t n = s->len, i = 0;
        uint8_t lo = kind == 1 ? 'a' : 'A';
        uint64_t ones = 0x0101010101010101u;
        uint64_t add_lo = ones * (uint64_t)(0x80 - lo), add_hi = ones * (uint64_t)(0x80 - lo - 26);
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t in = (w + add_lo) & ~(w + add_hi) & (ones * 0x80);
            w ^= in >> 2;
            memcpy(d + i, &w, 8);
        }
        for (; i < n; i++) {
            d[i] = (uint8_t)(p[i] ^ (((uint8_t)(p[i] - lo) < 26) << 5));
        }
        return r;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (c == 0x3a3 && kind == 0 && final_sigma(s, i)) {
            kstr_builder_char(&b, 0x3c2);
        } else {
            put_mapped(&b, c, kind);
        }
    }
    return kstr_builder_finish(&b);
}

STRM(lower) {
    (void)args, (void)nargs, UNUSED_KW;
    return map_case(self, 0);
}
STRM(upper) {
    (void)args, (void)nargs, UNUSED_KW;
    return map_case(self, 1);
}
STRM(casefold) {
    (void)args, (void)nargs, UNUSED_KW;
    return map_case(self, 3);
}

STRM(capitalize) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (i == 0) {
            put_mapped(&b, c, 2);
        } else if (c == 0x3a3 && final_sigma(s, i)) {
            kstr_builder_char(&b, 0x3c2);
        } else {
            put_mapped(&b, c, 0);
        }
    }
    return kstr_builder_finish(&b);
}

STRM(title) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    KStrBuilder b;
    kstr_builder_init(&b);
    int prev_cased = 0;
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (prev_cased) {
            if (c == 0x3a3 && final_sigma(s, i)) {
                kstr_builder_char(&b, 0x3c2);
            } else {
                put_mapped(&b, c, 0);
            }
        } else {
            put_mapped(&b, c, 2);
        }
        prev_cased = kuni_has(c, KUNI_CASED);
    }
    return kstr_builder_finish(&b);
}

STRM(swapcase) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (kuni_has(c, KUNI_UPPER)) {
            if (c == 0x3a3 && final_sigma(s, i)) {
                kstr_builder_char(&b, 0x3c2);
            } else {
                put_mapped(&b, c, 0);
            }
        } else if (kuni_has(c, KUNI_LOWER)) {
            put_mapped(&b, c, 1);
        } else {
            kstr_builder_char(&b, c);
        }
    }
    return kstr_builder_finish(&b);
}

// Character class predicates: true when non-empty and all chars have 'flag'.
static KValue all_have(KValue self, int flag) {
    KStr *s = S(self);
    if (s->len == 0) {
        return KV_FALSE;
    }
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        int ok = flag == KUNI_SPACE ? kuni_isspace(c) : kuni_has(c, flag);
        if (!ok) {
            return KV_FALSE;
        }
    }
    return KV_TRUE;
}

STRM(isdigit) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_DIGIT);
}
STRM(isdecimal) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_DECIMAL);
}
STRM(isnumeric) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_NUMERIC);
}
STRM(isalpha) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_ALPHA);
}
STRM(isalnum) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_ALNUM);
}
STRM(isspace) {
    (void)args, (void)nargs, UNUSED_KW;
    return all_have(self, KUNI_SPACE);
}

STRM(isprintable) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    for (ssize_t i = 0; i < s->len; i++) {
        if (!kuni_isprintable(kstr_char(s, i))) {
            return KV_FALSE;
        }
    }
    return KV_TRUE;
}

STRM(isascii) {
    (void)args, (void)nargs, UNUSED_KW;
    return kbool_from(S(self)->ascii);
}

static KValue case_check(KValue self, int want, int avoid) {
    KStr *s = S(self);
    int cased = 0;
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (kuni_has(c, avoid) || kuni_has(c, KUNI_TITLE)) {
            return KV_FALSE;
        }
        if (kuni_has(c, want)) {
            cased = 1;
        }
    }
    return kbool_from(cased);
}

STRM(islower) {
    (void)args, (void)nargs, UNUSED_KW;
    return case_check(self, KUNI_LOWER, KUNI_UPPER);
}
STRM(isupper) {
    (void)args, (void)nargs, UNUSED_KW;
    return case_check(self, KUNI_UPPER, KUNI_LOWER);
}

STRM(istitle) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    int cased = 0, prev_cased = 0;
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (kuni_has(c, KUNI_UPPER) || kuni_has(c, KUNI_TITLE)) {
            if (prev_cased) {
                return KV_FALSE;
            }
            prev_cased = cased = 1;
        } else if (kuni_has(c, KUNI_LOWER)) {
            if (!prev_cased) {
                return KV_FALSE;
            }
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return kbool_from(cased);
}

int kstr_is_identifier(KValue v) {
    KStr *s = S(v);
    if (s->len == 0) {
        return 0;
    }
    if (!kuni_has(kstr_char(s, 0), KUNI_XID_START)) {
        return 0;
    }
    for (ssize_t i = 1; i < s->len; i++) {
        if (!kuni_has(kstr_char(s, i), KUNI_XID_CONTINUE)) {
            return 0;
        }
    }
    return 1;
}

STRM(isidentifier) {
    (void)args, (void)nargs, UNUSED_KW;
    return kbool_from(kstr_is_identifier(self));
}

// Padding: 'where' -1 ljust, 0 center, 1 rjust.
static KValue pad(KValue self, const KValue *args, size_t nargs, int where, const char *name) {
    if (kargs_count(name, nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    ssize_t width = knum_as_ssize(args[0], &kexc_OverflowError);
    if (width == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    uint32_t fill = ' ';
    if (nargs > 1) {
        if (!kstr_check(args[1]) || S(args[1])->len != 1) {
            kerr_set(&kexc_TypeError, "The fill character must be exactly one character long");
            return KV_NULL;
        }
        fill = kstr_char(S(args[1]), 0);
    }
    KStr *s = S(self);
    if (width <= s->len) {
        return kstr_check_exact(self) ? kval_newref(self) : kstr_substr(self, 0, s->len);
    }
    ssize_t total = width - s->len, left;
    if (where < 0) {
        left = 0;
    } else if (where > 0) {
        left = total;
    } else {
        left = total / 2 + (total & width & 1);
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < left; i++) {
        kstr_builder_char(&b, fill);
    }
    kstr_builder_str(&b, self);
    for (ssize_t i = 0; i < total - left; i++) {
        kstr_builder_char(&b, fill);
    }
    return kstr_builder_finish(&b);
}

STRM(ljust) {
    UNUSED_KW;
    return pad(self, args, nargs, -1, "ljust");
}
STRM(rjust) {
    UNUSED_KW;
    return pad(self, args, nargs, 1, "rjust");
}
STRM(center) {
    UNUSED_KW;
    return pad(self, args, nargs, 0, "center");
}

STRM(zfill) {
    (void)nargs, UNUSED_KW;
    ssize_t width = knum_as_ssize(args[0], &kexc_OverflowError);
    if (width == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KStr *s = S(self);
    if (width <= s->len) {
        return kval_newref(self);
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    ssize_t start = 0;
    if (s->len > 0 && (kstr_char(s, 0) == '+' || kstr_char(s, 0) == '-')) {
        kstr_builder_char(&b, kstr_char(s, 0));
        start = 1;
    }
    for (ssize_t i = 0; i < width - s->len; i++) {
        kstr_builder_char(&b, '0');
    }
    for (ssize_t i = start; i < s->len; i++) {
        kstr_builder_char(&b, kstr_char(s, i));
    }
    return kstr_builder_finish(&b);
}

static KValue partition_common(KValue self, KValue sep, int right) {
    if (!kstr_check(sep)) {
        kerr_format(&kexc_TypeError, "must be str, not %s", ktype_name(kval_type(sep)));
        return KV_NULL;
    }
    if (S(sep)->len == 0) {
        kerr_set(&kexc_ValueError, "empty separator");
        return KV_NULL;
    }
    KStr *s = S(self);
    ssize_t i = right ? rfind_in(self, sep, 0, s->len) : kstr_find(self, sep, 0, s->len);
    if (i < 0) {
        KValue e = kstr_ids.empty;
        return right ? ktuple_pack(3, e, e, self) : ktuple_pack(3, self, e, e);
    }
    KValue a = kstr_substr(self, 0, i);
    KValue c = kstr_substr(self, i + S(sep)->len, s->len);
    KValue r = a && c ? ktuple_pack(3, a, sep, c) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(c);
    return r;
}

STRM(partition) {
    (void)nargs, UNUSED_KW;
    return partition_common(self, args[0], 0);
}
STRM(rpartition) {
    (void)nargs, UNUSED_KW;
    return partition_common(self, args[0], 1);
}

STRM(removeprefix) {
    (void)nargs, UNUSED_KW;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "removeprefix() argument must be str, not %s",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    if (starts_at(self, args[0], 0, S(self)->len, 0)) {
        return kstr_substr(self, S(args[0])->len, S(self)->len);
    }
    return kstr_substr(self, 0, S(self)->len);
}

STRM(removesuffix) {
    (void)nargs, UNUSED_KW;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "removesuffix() argument must be str, not %s",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    if (S(args[0])->len && starts_at(self, args[0], 0, S(self)->len, 1)) {
        return kstr_substr(self, 0, S(self)->len - S(args[0])->len);
    }
    return kstr_substr(self, 0, S(self)->len);
}

STRM(expandtabs) {
    static const char *const kwlist[] = {"tabsize", NULL};
    KValue a[1];
    if (kargs_parse("expandtabs", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    ssize_t tab = 8;
    if (a[0]) {
        tab = knum_as_ssize(a[0], &kexc_OverflowError);
        if (tab == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    KStr *s = S(self);
    KStrBuilder b;
    kstr_builder_init(&b);
    ssize_t col = 0;
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (c == '\t') {
            if (tab > 0) {
                ssize_t n = tab - col % tab;
                for (ssize_t k = 0; k < n; k++) {
                    kstr_builder_char(&b, ' ');
                }
                col += n;
            }
        } else {
            kstr_builder_char(&b, c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return kstr_builder_finish(&b);
}

STRM(encode) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    KValue a[2];
    if (kargs_parse("encode", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    return kcodec_encode_obj(self, a[0], a[1], "encode");
}

STRM(maketrans) {
    (void)self, UNUSED_KW;
    if (kargs_count("maketrans", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    if (nargs == 1) {
        if (!kdict_check(args[0])) {
            kval_decref(d);
            kerr_set(&kexc_TypeError, "if you give only one argument to maketrans it must be a dict");
            return KV_NULL;
        }
        ssize_t pos = 0;
        KValue k, v;
        while (kdict_next(args[0], &pos, &k, &v)) {
            KValue key = k;
            if (kstr_check(k)) {
                if (S(k)->len != 1) {
                    kval_decref(d);
                    kerr_set(&kexc_ValueError, "string keys in translate table must be of length 1");
                    return KV_NULL;
                }
                key = kval_from_int(kstr_char(S(k), 0));
            } else if (!kint_check(k)) {
                kval_decref(d);
                kerr_set(&kexc_TypeError, "keys in translate table must be strings or integers");
                return KV_NULL;
            }
            if (kdict_set(d, key, v) < 0) {
                kval_decref(d);
                return KV_NULL;
            }
        }
        return d;
    }
    if (!kstr_check(args[0])) {
        kval_decref(d);
        kerr_set(&kexc_TypeError,
                 "first maketrans argument must be a string if there is a second argument");
        return KV_NULL;
    }
    for (size_t i = 1; i < nargs; i++) {
        if (!kstr_check(args[i])) {
            kval_decref(d);
            kerr_format(&kexc_TypeError, "maketrans() argument %zu must be str, not %T", i + 1,
                        args[i]);
            return KV_NULL;
        }
    }
    if (S(args[0])->len != S(args[1])->len) {
        kval_decref(d);
        kerr_set(&kexc_ValueError, "the first two maketrans arguments must have equal length");
        return KV_NULL;
    }
    for (ssize_t i = 0; i < S(args[0])->len; i++) {
        if (kdict_set(d, kval_from_int(kstr_char(S(args[0]), i)),
                      kval_from_int(kstr_char(S(args[1]), i))) < 0) {
            kval_decref(d);
            return KV_NULL;
        }
    }
    if (nargs == 3) {
        for (ssize_t i = 0; i < S(args[2])->len; i++) {
            if (kdict_set(d, kval_from_int(kstr_char(S(args[2]), i)), KV_NONE) < 0) {
                kval_decref(d);
                return KV_NULL;
            }
        }
    }
    return d;
}

STRM(translate) {
    (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        KValue r = kobj_getitem(args[0], kval_from_int(c));
        if (!r) {
            if (kerr_matches(&kexc_LookupError)) {
                kerr_clear();
                kstr_builder_char(&b, c);
                continue;
            }
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        if (r == KV_NONE) {
            continue;
        }
        if (kint_check(r)) {
            ssize_t c2 = knum_as_ssize(r, &kexc_ValueError);
            if ((c2 == -1 && kerr_occurred()) || c2 < 0 || c2 > 0x10FFFF) {
                kval_decref(r);
                kstr_builder_discard(&b);
                kerr_clear();
                kerr_set(&kexc_ValueError, "character mapping must be in range(0x110000)");
                return KV_NULL;
            }
            kstr_builder_char(&b, (uint32_t)c2);
        } else if (kstr_check(r)) {
            kstr_builder_str(&b, r);
        } else {
            kval_decref(r);
            kstr_builder_discard(&b);
            kerr_set(&kexc_TypeError, "character mapping must return integer, None or str");
            return KV_NULL;
        }
        kval_decref(r);
    }
    return kstr_builder_finish(&b);
}

STRM(getnewargs) {
    (void)args, (void)nargs, UNUSED_KW;
    KValue c = kstr_substr(self, 0, S(self)->len);
    KValue t = c ? ktuple_pack(1, c) : KV_NULL;
    kval_xdecref(c);
    return t;
}

STRM(sizeof) {
    (void)args, (void)nargs, UNUSED_KW;
    KStr *s = S(self);
    return kint_from_i64((int64_t)(s->ascii ? 49 : 73) + (s->len + 1) * s->kind - (s->ascii ? 1 : 0));
}

KValue kstr_format_method(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kstr_format_map(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kstr_format_spec(KValue self, KValue spec);

STRM(format_spec) {
    (void)nargs, UNUSED_KW;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    return kstr_format_spec(self, args[0]);
}

const KMethodDef kstr_methods[] = {
    {"find", str_find, KMETH_FAST, NULL},
    {"rfind", str_rfind, KMETH_FAST, NULL},
    {"index", str_index, KMETH_FAST, NULL},
    {"rindex", str_rindex, KMETH_FAST, NULL},
    {"count", str_count, KMETH_FAST, NULL},
    {"startswith", str_startswith, KMETH_FAST, NULL},
    {"endswith", str_endswith, KMETH_FAST, NULL},
    {"strip", str_strip, KMETH_FAST, NULL},
    {"lstrip", str_lstrip, KMETH_FAST, NULL},
    {"rstrip", str_rstrip, KMETH_FAST, NULL},
    {"split", str_split, KMETH_KW, NULL},
    {"rsplit", str_rsplit, KMETH_KW, NULL},
    {"splitlines", str_splitlines, KMETH_KW, NULL},
    {"join", str_join, KMETH_O, NULL},
    {"replace", str_replace, KMETH_FAST, NULL},
    {"lower", str_lower, KMETH_NOARGS, NULL},
    {"upper", str_upper, KMETH_NOARGS, NULL},
    {"casefold", str_casefold, KMETH_NOARGS, NULL},
    {"capitalize", str_capitalize, KMETH_NOARGS, NULL},
    {"title", str_title, KMETH_NOARGS, NULL},
    {"swapcase", str_swapcase, KMETH_NOARGS, NULL},
    {"isdigit", str_isdigit, KMETH_NOARGS, NULL},
    {"isdecimal", str_isdecimal, KMETH_NOARGS, NULL},
    {"isnumeric", str_isnumeric, KMETH_NOARGS, NULL},
    {"isalpha", str_isalpha, KMETH_NOARGS, NULL},
    {"isalnum", str_isalnum, KMETH_NOARGS, NULL},
    {"isspace", str_isspace, KMETH_NOARGS, NULL},
    {"isprintable", str_isprintable, KMETH_NOARGS, NULL},
    {"isascii", str_isascii, KMETH_NOARGS, NULL},
    {"islower", str_islower, KMETH_NOARGS, NULL},
    {"isupper", str_isupper, KMETH_NOARGS, NULL},
    {"istitle", str_istitle, KMETH_NOARGS, NULL},
    {"isidentifier", str_isidentifier, KMETH_NOARGS, NULL},
    {"ljust", str_ljust, KMETH_FAST, NULL},
    {"rjust", str_rjust, KMETH_FAST, NULL},
    {"center", str_center, KMETH_FAST, NULL},
    {"zfill", str_zfill, KMETH_O, NULL},
    {"partition", str_partition, KMETH_O, NULL},
    {"rpartition", str_rpartition, KMETH_O, NULL},
    {"removeprefix", str_removeprefix, KMETH_O, NULL},
    {"removesuffix", str_removesuffix, KMETH_O, NULL},
    {"expandtabs", str_expandtabs, KMETH_KW, NULL},
    {"encode", str_encode, KMETH_KW, NULL},
    {"maketrans", str_maketrans, KMETH_FAST | KMETH_STATIC, NULL},
    {"translate", str_translate, KMETH_O, NULL},
    {"format", kstr_format_method, KMETH_KW, NULL},
    {"format_map", kstr_format_map, KMETH_O, NULL},
    {"__format__", str_format_spec, KMETH_O, NULL},
    {"__getnewargs__", str_getnewargs, KMETH_NOARGS, NULL},
    {"__sizeof__", str_sizeof, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

// str(object), str(bytes, encoding, errors)
KValue kstr_new_from_object(KType *type, KValue obj, KValue encoding, KValue errors) {
    (void)type;
    if (!encoding && !errors) {
        return kobj_str(obj);
    }
    if (encoding && !kstr_check(encoding)) {
        kerr_format(&kexc_TypeError, "str() argument 'encoding' must be str, not %T", encoding);
        return KV_NULL;
    }
    if (errors && !kstr_check(errors)) {
        kerr_format(&kexc_TypeError, "str() argument 'errors' must be str, not %T", errors);
        return KV_NULL;
    }
    const char *p;
    ssize_t n;
    if (kstr_check(obj)) {
        kerr_set(&kexc_TypeError, "decoding str is not supported");
        return KV_NULL;
    }
    if (!kbytes_get_buffer(obj, &p, &n)) {
        kerr_format(&kexc_TypeError, "decoding to str: need a bytes-like object, %s found",
                    ktype_name(kval_type(obj)));
        return KV_NULL;
    }
    return kcodec_decode_obj(p, n, encoding, errors, "str");
}
