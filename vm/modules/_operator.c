// vm/modules/_operator.c: the _operator module, so far only
// _compare_digest (hmac.compare_digest, secrets.compare_digest). operator.py
// keeps its pure-Python functions: its `from _operator import *` finds no
// public names here.
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../type.h"

// Compares in time that depends on the length of 'b' only, never on where
// the first difference lies.
static int equal_in_constant_time(const unsigned char *a, ssize_t alen, const unsigned char *b,
                                  ssize_t blen) {
    const unsigned char *left = alen == blen ? a : b;
    unsigned result = alen != blen;
    for (ssize_t i = 0; i < blen; i++) {
        result |= (unsigned)(left[i] ^ b[i]);
    }
    return result == 0;
}

// _compare_digest(a, b): two ASCII str or two bytes-like objects.
static KValue m_compare_digest(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("_compare_digest", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue a = args[0], b = args[1];
    const char *pa, *pb;
    ssize_t la, lb;
    if (kstr_check(a) && kstr_check(b)) {
        if (!((KStr *)a)->ascii || !((KStr *)b)->ascii) {
            kerr_set(&kexc_TypeError, "comparing strings with non-ASCII characters is not supported");
            return KV_NULL;
        }
        pa = kstr_utf8(a, &la);
        pb = kstr_utf8(b, &lb);
        if (!pa || !pb) {
            return KV_NULL;
        }
    } else {
        int a_ok = kbytes_get_buffer(a, &pa, &la), b_ok = kbytes_get_buffer(b, &pb, &lb);
        if (!a_ok && !b_ok) {
            kerr_format(&kexc_TypeError,
                        "unsupported operand types(s) or combination of types: '%s' and '%s'",
                        ktype_name(kval_type(a)), ktype_name(kval_type(b)));
            return KV_NULL;
        }
        if (kbytes_need_buffer(a, &pa, &la) < 0 || kbytes_need_buffer(b, &pb, &lb) < 0) {
            return KV_NULL;
        }
    }
    int eq = equal_in_constant_time((const unsigned char *)pa, la, (const unsigned char *)pb, lb);
    return kval_newref(kbool_from(eq));
}

static const KMethodDef operator_functions[] = {
    {"_compare_digest", m_compare_digest, KMETH_FAST,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, "
     "making it appropriate for cryptography.\n\na and b must both be of the same type: either "
     "str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different lengths, "
     "or if an error occurs,\na timing attack could theoretically reveal information about the\n"
     "types and lengths of a and b--but not their values."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_operator_create(void) {
    KValue m = kmod_new("_operator");
    KValue doc = kstr_from_cstr(
        "Operator interface.\n\nThis module exports a set of functions implemented in C "
        "corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n"
        "is equivalent to the expression x+y.  The function names are those\nused for special "
        "methods; variants without leading and trailing\n'__' are also provided for convenience.");
    if (!m || !doc || kmod_add_functions(m, operator_functions) < 0 ||
        kmod_add(m, "__doc__", doc) < 0) {
        kval_xdecref(m);
        kval_xdecref(doc);
        return KV_NULL;
    }
    kval_decref(doc);
    return m;
}
