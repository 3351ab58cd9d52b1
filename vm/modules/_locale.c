// vm/modules/_locale.c: the _locale module under locale.py: setlocale,
// localeconv, nl_langinfo with its constants, strcoll, strxfrm,
// getencoding, the LC_* categories and locale.Error. As CPython at start-up,
// LC_CTYPE is taken from the environment (once, when the module is made).
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

static KValue locale_error; // the class locale.Error

static KValue locale_str(const char *s) {
    return kcodec_decode(s, (ssize_t)strlen(s), "utf-8", "surrogateescape");
}

static int int_arg(KValue v, int *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    ssize_t n = knum_as_ssize(i, &kexc_OverflowError);
    kval_decref(i);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    if (n > INT_MAX || n < INT_MIN) {
        kerr_set(&kexc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static KValue lc_setlocale(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int category;
    if (kargs_count("setlocale", nargs, 1, 2) < 0 || int_arg(args[0], &category) < 0) {
        return KV_NULL;
    }
    KValue a[2] = {args[0], nargs > 1 ? args[1] : KV_NULL};
    KValue enc = KV_NULL;
    if (a[1] && a[1] != KV_NONE) {
        if (!kstr_check(a[1])) {
            kerr_format(&kexc_TypeError, "setlocale() argument 2 must be str or None, not %T",
                        a[1]);
            return KV_NULL;
        }
        enc = kcodec_encode(a[1], "utf-8", "strict");
        if (!enc) {
            return KV_NULL;
        }
    }
    ssize_t len;
    const char *r = setlocale(category, enc ? kbytes_data(enc, &len) : NULL);
    kval_xdecref(enc);
    if (!r) {
        kerr_set((KType *)locale_error, a[1] && a[1] != KV_NONE ? "unsupported locale setting"
                                                                : "locale query failed");
        return KV_NULL;
    }
    return locale_str(r);
}

static int set_str(KValue d, const char *key, const char *value) {
    KValue v = locale_str(value);
    int r = v ? kdict_set_cstr(d, key, v) : -1;
    kval_xdecref(v);
    return r;
}

// The grouping string as CPython's copy_grouping: a list of ints ending at
// CHAR_MAX (kept) or 0 (dropped).
static int set_grouping(KValue d, const char *key, const char *g) {
    KValue l = klist_new(0);
    for (int i = 0; l && g[i]; i++) {
        if (klist_append(l, kval_from_int((unsigned char)g[i])) < 0) {
            KVAL_CLEAR(l);
        }
        if ((unsigned char)g[i] == CHAR_MAX) {
            break;
        }
    }
    int r = l ? kdict_set_cstr(d, key, l) : -1;
    kval_xdecref(l);
    return r;
}

static int set_char(KValue d, const char *key, char c) {
    return kdict_set_cstr(d, key, kval_from_int((unsigned char)c));
}

static KValue lc_localeconv(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    struct lconv *l = localeconv();
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    if (set_str(d, "int_curr_symbol", l->int_curr_symbol) < 0 ||
        set_str(d, "currency_symbol", l->currency_symbol) < 0 ||
        set_str(d, "mon_decimal_point", l->mon_decimal_point) < 0 ||
        set_str(d, "mon_thousands_sep", l->mon_thousands_sep) < 0 ||
        set_grouping(d, "mon_grouping", l->mon_grouping) < 0 ||
        set_str(d, "positive_sign", l->positive_sign) < 0 ||
        set_str(d, "negative_sign", l->negative_sign) < 0 ||
        set_char(d, "int_frac_digits", l->int_frac_digits) < 0 ||
        set_char(d, "frac_digits", l->frac_digits) < 0 ||
        set_char(d, "p_cs_precedes", l->p_cs_precedes) < 0 ||
        set_char(d, "p_sep_by_space", l->p_sep_by_space) < 0 ||
        set_char(d, "n_cs_precedes", l->n_cs_precedes) < 0 ||
        set_char(d, "n_sep_by_space", l->n_sep_by_space) < 0 ||
        set_char(d, "p_sign_posn", l->p_sign_posn) < 0 ||
        set_char(d, "n_sign_posn", l->n_sign_posn) < 0 ||
        set_str(d, "decimal_point", l->decimal_point) < 0 ||
        set_str(d, "thousands_sep", l->thousands_sep) < 0 ||
        set_grouping(d, "grouping", l->grouping) < 0) {
        kval_decref(d);
        return KV_NULL;
    }
    return d;
}

#define ITEM(name) {#name, name}
static const struct {
    const char *name;
    int value;
} langinfo[] = {
    ITEM(CODESET), ITEM(D_T_FMT), ITEM(D_FMT), ITEM(T_FMT), ITEM(AM_STR), ITEM(PM_STR),
    ITEM(DAY_1), ITEM(DAY_2), ITEM(DAY_3), ITEM(DAY_4), ITEM(DAY_5), ITEM(DAY_6), ITEM(DAY_7),
    ITEM(ABDAY_1), ITEM(ABDAY_2), ITEM(ABDAY_3), ITEM(ABDAY_4), ITEM(ABDAY_5), ITEM(ABDAY_6),
    ITEM(ABDAY_7), ITEM(MON_1), ITEM(MON_2), ITEM(MON_3), ITEM(MON_4), ITEM(MON_5), ITEM(MON_6),
    ITEM(MON_7), ITEM(MON_8), ITEM(MON_9), ITEM(MON_10), ITEM(MON_11), ITEM(MON_12),
    ITEM(ABMON_1), ITEM(ABMON_2), ITEM(ABMON_3), ITEM(ABMON_4), ITEM(ABMON_5), ITEM(ABMON_6),
    ITEM(ABMON_7), ITEM(ABMON_8), ITEM(ABMON_9), ITEM(ABMON_10), ITEM(ABMON_11), ITEM(ABMON_12),
    ITEM(RADIXCHAR), ITEM(THOUSEP), ITEM(YESEXPR), ITEM(NOEXPR), ITEM(CRNCYSTR), ITEM(ERA),
    ITEM(ERA_D_FMT), ITEM(ERA_D_T_FMT), ITEM(ERA_T_FMT), ITEM(ALT_DIGITS), ITEM(T_FMT_AMPM),
    ITEM(_DATE_FMT), {NULL, 0},
};
#undef ITEM

static KValue lc_nl_langinfo(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    int key;
    if (int_arg(args[0], &key) < 0) {
        return KV_NULL;
    }
    for (int i = 0; langinfo[i].name; i++) {
        if (langinfo[i].value == key) {
            const char *s = nl_langinfo((nl_item)key);
            return locale_str(s ? s : "");
        }
    }
    kerr_set(&kexc_ValueError, "unsupported langinfo constant");
    return KV_NULL;
}

// A str argument as a NUL-terminated wide string (kmem_alloc'd), or NULL.
static wchar_t *wide_arg(const char *fname, int pos, KValue v) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument %d must be str, not %T", fname, pos, v);
        return NULL;
    }
    ssize_t n = kstr_len(v);
    wchar_t *w = kmem_alloc(((size_t)n + 1) * sizeof(wchar_t));
    if (!w) {
        kerr_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        w[i] = (wchar_t)kstr_char((KStr *)v, i);
        if (w[i] == 0) {
            kmem_free(w);
            kerr_set(&kexc_ValueError, "embedded null character");
            return NULL;
        }
    }
    w[n] = 0;
    return w;
}

static KValue lc_strcoll(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("strcoll", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    wchar_t *a = wide_arg("strcoll", 1, args[0]);
    wchar_t *b = a ? wide_arg("strcoll", 2, args[1]) : NULL;
    KValue r = b ? kval_from_int(wcscoll(a, b)) : KV_NULL;
    kmem_free(a);
    kmem_free(b);
    return r;
}

static KValue lc_strxfrm(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    wchar_t *s = wide_arg("strxfrm", 1, args[0]);
    if (!s) {
        return KV_NULL;
    }
    size_t n = wcsxfrm(NULL, s, 0) + 1;
    wchar_t *buf = kmem_alloc(n * sizeof(wchar_t));
    KValue r = KV_NULL;
    if (buf) {
        size_t len = wcsxfrm(buf, s, n);
        uint32_t *cps = kmem_alloc((len + 1) * sizeof(uint32_t));
        if (cps) {
            for (size_t i = 0; i < len; i++) {
                cps[i] = (uint32_t)buf[i];
            }
            r = kstr_from_ucs4(cps, (ssize_t)len);
            kmem_free(cps);
        }
    }
    if (!r && !kerr_occurred()) {
        kerr_no_memory();
    }
    kmem_free(buf);
    kmem_free(s);
    return r;
}

// krait's text encoding is UTF-8 whatever the locale (as CPython's UTF-8 mode).
static KValue lc_getencoding(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kstr_from_cstr("UTF-8");
}

static const KMethodDef locale_methods[] = {
    {"setlocale", lc_setlocale, KMETH_FAST, NULL},
    {"localeconv", lc_localeconv, KMETH_NOARGS, NULL},
    {"nl_langinfo", lc_nl_langinfo, KMETH_O, NULL},
    {"strcoll", lc_strcoll, KMETH_FAST, NULL},
    {"strxfrm", lc_strxfrm, KMETH_O, NULL},
    {"getencoding", lc_getencoding, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_int(KValue m, const char *name, int v) {
    return kmod_add(m, name, kval_from_int(v));
}

static int make_error_class(void) {
    if (locale_error) {
        return 0;
    }
    locale_error = kmod_new_exception("locale", "Error", &kexc_Exception);
    return locale_error ? 0 : -1;
}

KValue kmod_locale_create(void) {
    static int ctype_set;
    if (!ctype_set) {
        setlocale(LC_CTYPE, "");
        ctype_set = 1;
    }
    if (make_error_class() < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_locale");
    if (!m || kmod_add_functions(m, locale_methods) < 0 || kmod_add(m, "Error", locale_error) < 0 ||
        add_int(m, "LC_CTYPE", LC_CTYPE) < 0 || add_int(m, "LC_COLLATE", LC_COLLATE) < 0 ||
        add_int(m, "LC_TIME", LC_TIME) < 0 || add_int(m, "LC_MONETARY", LC_MONETARY) < 0 ||
        add_int(m, "LC_NUMERIC", LC_NUMERIC) < 0 || add_int(m, "LC_ALL", LC_ALL) < 0 ||
        add_int(m, "LC_MESSAGES", LC_MESSAGES) < 0 || add_int(m, "CHAR_MAX", CHAR_MAX) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    for (int i = 0; langinfo[i].name; i++) {
        if (add_int(m, langinfo[i].name, langinfo[i].value) < 0) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    return m;
}
