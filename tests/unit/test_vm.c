// tests/unit/test_vm.c: the runtime core on code trees built by hand (no
// compiler involved): a loop summing ints, recursive fib, a call with keyword
// arguments and defaults, an exception raised and caught; plus the object
// model's pieces called from C (big ints, strings, dicts, sorting, float
// repr, the cycle collector).
#include <math.h>
#include <string.h>

#include "check.h"
#include "format/format.h"
#include "vm/abstract.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/float.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/tuple.h"

#define I(op, arg) KF_INSTR(KF_OP_##op, (arg))
#define NO_POS {0, 0, -1, -1}

static KfPosition positions[64];

// A module-level code tree over 'code' with the given pools.
static KfCode module_code(const uint32_t *code, int ncode, const KfConst *consts, int nconsts,
                          const char *const *names, int nnames) {
    KfCode c;
    memset(&c, 0, sizeof c);
    c.name = "<module>";
    c.qualname = "<module>";
    c.filename = "<test>";
    c.firstlineno = 1;
    c.stacksize = 16;
    c.code = code;
    c.ncode = ncode;
    c.positions = positions;
    c.consts = consts;
    c.nconsts = nconsts;
    c.names = names;
    c.nnames = nnames;
    return c;
}

// Runs a module code tree; returns its result (new reference) or KV_NULL.
static KValue run(const KfCode *kc) {
    KValue code = kcode_from_kf(kc);
    if (!code) {
        return KV_NULL;
    }
    KValue globals = kdict_new();
    if (kdict_set(globals, KID(__builtins__), kruntime.builtins_mod) < 0) {
        kval_decref(code);
        kval_decref(globals);
        return KV_NULL;
    }
    KValue r = keval_code(code, globals, globals);
    kval_decref(code);
    kval_decref(globals);
    return r;
}

static int64_t as_int(KValue v) {
    int overflow;
    return v && kint_check(v) ? kint_as_i64_overflow(v, &overflow) : -999999;
}

static void test_loop(void) {
    // total = 0; for i in range(10): total = total + i; return total
    static const uint32_t code[] = {
        I(LOAD_CONST, 0), I(STORE_NAME, 0), I(PUSH_NULL, 0), I(LOAD_NAME, 1), I(LOAD_CONST, 1),
        I(CALL, 1),       I(GET_ITER, 0),   I(FOR_ITER, 14), I(STORE_NAME, 2), I(LOAD_NAME, 0),
        I(LOAD_NAME, 2),  I(BINARY_OP, KF_BINOP_ADD), I(STORE_NAME, 0), I(JUMP_BACKWARD, 7),
        I(LOAD_NAME, 0),  I(RETURN_VALUE, 0),
    };
    static const KfConst consts[] = {{.kind = KF_CONST_INT, .i = 0}, {.kind = KF_CONST_INT, .i = 10}};
    static const char *const names[] = {"total", "range", "i"};
    KfCode c = module_code(code, 16, consts, 2, names, 3);
    KValue r = run(&c);
    CHECK("loop sums range(10)", as_int(r) == 45);
    kval_xdecref(r);
}

static void test_fib(void) {
    static const uint32_t fib_code[] = {
        I(LOAD_FAST, 0),   I(LOAD_CONST, 1), I(COMPARE_OP, KF_CMP_LT), I(POP_JUMP_IF_FALSE, 6),
        I(LOAD_FAST, 0),   I(RETURN_VALUE, 0),
        I(LOAD_GLOBAL, 1), I(LOAD_FAST, 0), I(LOAD_CONST, 2), I(BINARY_OP, KF_BINOP_SUBTRACT),
        I(CALL, 1),
        I(LOAD_GLOBAL, 1), I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(BINARY_OP, KF_BINOP_SUBTRACT),
        I(CALL, 1),        I(BINARY_OP, KF_BINOP_ADD), I(RETURN_VALUE, 0),
    };
    static const KfConst fib_consts[] = {{.kind = KF_CONST_NONE},
                                         {.kind = KF_CONST_INT, .i = 2},
                                         {.kind = KF_CONST_INT, .i = 1}};
    static const char *const fib_names[] = {"fib"};
    static const char *const fib_locals[] = {"n"};
    static const uint8_t fib_kinds[] = {KF_LOCAL | KF_LOCAL_ARG};
    KfCode fib = module_code(fib_code, 18, fib_consts, 3, fib_names, 1);
    fib.name = fib.qualname = "fib";
    fib.argcount = 1;
    fib.flags = KF_CO_OPTIMIZED | KF_CO_NEWLOCALS;
    fib.localsplus = fib_locals;
    fib.localspluskinds = fib_kinds;
    fib.nlocalsplus = 1;
    static const uint32_t code[] = {
        I(LOAD_CONST, 0), I(MAKE_FUNCTION, 0), I(STORE_NAME, 0), I(PUSH_NULL, 0),
        I(LOAD_NAME, 0),  I(LOAD_CONST, 1),    I(CALL, 1),       I(RETURN_VALUE, 0),
    };
    KfConst consts[] = {{.kind = KF_CONST_CODE, .code = &fib}, {.kind = KF_CONST_INT, .i = 20}};
    static const char *const names[] = {"fib"};
    KfCode c = module_code(code, 8, consts, 2, names, 1);
    KValue r = run(&c);
    CHECK("recursive fib(20) without C recursion", as_int(r) == 6765);
    kval_xdecref(r);
}

static void test_keywords(void) {
    // def f(a, b=5, *, c): return a*100 + b*10 + c;  f(1, c=3)
    static const uint32_t f_code[] = {
        I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(BINARY_OP, KF_BINOP_MULTIPLY), I(LOAD_FAST, 1),
        I(LOAD_CONST, 2), I(BINARY_OP, KF_BINOP_MULTIPLY), I(BINARY_OP, KF_BINOP_ADD),
        I(LOAD_FAST, 2), I(BINARY_OP, KF_BINOP_ADD), I(RETURN_VALUE, 0),
    };
    static const KfConst f_consts[] = {{.kind = KF_CONST_NONE},
                                       {.kind = KF_CONST_INT, .i = 100},
                                       {.kind = KF_CONST_INT, .i = 10}};
    static const char *const f_locals[] = {"a", "b", "c"};
    static const uint8_t f_kinds[] = {KF_LOCAL | KF_LOCAL_ARG, KF_LOCAL | KF_LOCAL_ARG,
                                      KF_LOCAL | KF_LOCAL_ARG};
    KfCode f = module_code(f_code, 10, f_consts, 3, NULL, 0);
    f.name = f.qualname = "f";
    f.argcount = 2;
    f.kwonlyargcount = 1;
    f.flags = KF_CO_OPTIMIZED | KF_CO_NEWLOCALS;
    f.localsplus = f_locals;
    f.localspluskinds = f_kinds;
    f.nlocalsplus = 3;
    static const uint32_t code[] = {
        I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(MAKE_FUNCTION, KF_MAKE_DEFAULTS), I(STORE_NAME, 0),
        I(PUSH_NULL, 0),  I(LOAD_NAME, 0),  I(LOAD_CONST, 2), I(LOAD_CONST, 3), I(KW_NAMES, 4),
        I(CALL, 2),       I(RETURN_VALUE, 0),
    };
    static const KfConst five[] = {{.kind = KF_CONST_INT, .i = 5}};
    static const KfConst cname[] = {{.kind = KF_CONST_STR, .str = "c", .len = 1}};
    KfConst consts[] = {
        {.kind = KF_CONST_TUPLE, .items = five, .count = 1},
        {.kind = KF_CONST_CODE, .code = &f},
        {.kind = KF_CONST_INT, .i = 1},
        {.kind = KF_CONST_INT, .i = 3},
        {.kind = KF_CONST_TUPLE, .items = cname, .count = 1},
    };
    static const char *const names[] = {"f"};
    KfCode c = module_code(code, 11, consts, 5, names, 1);
    KValue r = run(&c);
    CHECK("keyword argument and default", as_int(r) == 153);
    kval_xdecref(r);
}

static void test_exception(void) {
    // try: raise ValueError("x")
    // except ValueError: r = 42
    // return r
    static const uint32_t code[] = {
        /* 0 */ I(NOP, 0),
        /* 1 */ I(PUSH_NULL, 0), I(LOAD_NAME, 0), I(LOAD_CONST, 0), I(CALL, 1),
        /* 5 */ I(RAISE_VARARGS, 1),
        /* 6 */ I(PUSH_EXC_INFO, 0), I(LOAD_NAME, 0), I(CHECK_EXC_MATCH, 0),
        /* 9 */ I(POP_JUMP_IF_FALSE, 15), I(POP_TOP, 0), I(LOAD_CONST, 1), I(STORE_NAME, 1),
        /* 13 */ I(POP_EXCEPT, 0), I(JUMP_FORWARD, 19),
        /* 15 */ I(RERAISE, 0),
        /* 16 */ I(COPY, 3), I(POP_EXCEPT, 0), I(RERAISE, 1),
        /* 19 */ I(LOAD_NAME, 1), I(RETURN_VALUE, 0),
    };
    static const KfExceptEntry table[] = {
        {.start = 0, .end = 6, .target = 6, .depth = 0, .lasti = 0},
        {.start = 6, .end = 16, .target = 16, .depth = 1, .lasti = 1},
    };
    static const KfConst consts[] = {{.kind = KF_CONST_STR, .str = "x", .len = 1},
                                     {.kind = KF_CONST_INT, .i = 42}};
    static const char *const names[] = {"ValueError", "r"};
    KfCode c = module_code(code, 21, consts, 2, names, 2);
    c.exceptions = table;
    c.nexceptions = 2;
    KValue r = run(&c);
    CHECK("raised exception caught by its handler", as_int(r) == 42);
    CHECK("no exception left pending", !kerr_occurred());
    CHECK("handled exception cleared after the handler", kerr_handled_borrow() == KV_NONE);
    kval_xdecref(r);

    // An uncaught raise returns NULL with the exception pending and a traceback.
    static const uint32_t code2[] = {I(PUSH_NULL, 0), I(LOAD_NAME, 0), I(LOAD_CONST, 0),
                                     I(CALL, 1), I(RAISE_VARARGS, 1)};
    KfCode c2 = module_code(code2, 5, consts, 1, names, 1);
    r = run(&c2);
    KValue exc = kerr_fetch();
    CHECK("uncaught exception returns NULL", r == KV_NULL);
    CHECK("the exception is a ValueError", exc && kval_type(exc) == &kexc_ValueError);
    CHECK("with a traceback entry", exc && ((KException *)exc)->traceback != KV_NULL);
    kval_xdecref(exc);
}

static KValue int_of(const char *s) {
    return kint_from_string(s, (ssize_t)strlen(s), 10);
}

static int str_is(KValue v, const char *s) {
    int ok = v && kstr_check(v) && kstr_eq_cstr(v, s);
    kval_xdecref(v);
    return ok;
}

// str() of a new reference, which is released.
static KValue str_of(KValue v) {
    KValue s = v ? kobj_str(v) : KV_NULL;
    kval_xdecref(v);
    return s;
}

static void test_ints(void) {
    KValue a = int_of("123456789012345678901234567890");
    KValue b = int_of("-987654321098765432109876543210");
    CHECK("bigint add", str_is(str_of(kint_add(a, b)), "-864197532086419753208641975320"));
    CHECK("bigint mul",
          str_is(str_of(kint_mul(a, b)),
                 "-121932631137021795226185032733622923332237463801111263526900"));
    CHECK("bigint floordiv rounds down", str_is(str_of(kint_floordiv(b, a)), "-9"));
    CHECK("bigint mod takes the divisor's sign",
          str_is(str_of(kint_mod(b, a)), "123456780012345678001234567800"));
    KValue big = kint_from_i64(INT64_MAX);
    KValue sum = kint_add(big, kval_from_int(1));
    CHECK("tagged overflow promotes", str_is(str_of(sum), "9223372036854775808"));
    KValue big2 = kint_from_i64(1LL << 62);
    KValue small = kint_sub(big2, kval_from_int(1));
    CHECK("2**62 is a heap int", !kval_is_int(big2));
    CHECK("small results stay tagged", kval_is_int(small));
    kval_decref(big2);
    CHECK("hash(-1) == -2", kobj_hash(kval_from_int(-1)) == -2);
    KValue p61 = int_of("2305843009213693952");
    CHECK("hash of 2**61 is 1", kobj_hash(p61) == 1);
    kval_decref(p61);
    KValue f = kfloat_new(1.0);
    CHECK("hash(1.0) == hash(1)", kobj_hash(f) == kobj_hash(kval_from_int(1)));
    kval_decref(f);
    kval_decref(a);
    kval_decref(b);
    kval_decref(big);
}

static void test_strings_and_containers(void) {
    char buf[64];
    kfloat_repr_buf(0.1, buf);
    CHECK("float repr 0.1", strcmp(buf, "0.1") == 0);
    kfloat_repr_buf(1e16, buf);
    CHECK("float repr 1e+16", strcmp(buf, "1e+16") == 0);
    kfloat_repr_buf(123.0, buf);
    CHECK("float repr 123.0", strcmp(buf, "123.0") == 0);
    KValue s = kstr_from_cstr("h\xc3\xa9llo \xe2\x82\xac");
    CHECK("str length counts code points", kstr_len(s) == 7);
    CHECK("str picks the 2-byte width", ((KStr *)s)->kind == 2);
    CHECK("str repr keeps printable non-ASCII", str_is(kobj_repr(s), "'h\xc3\xa9llo \xe2\x82\xac'"));
    kval_decref(s);
    KValue d = kdict_new();
    for (int i = 0; i < 100; i++) {
        CHECK("dict insert", kdict_set(d, kint_from_i64(i * 7919), kval_from_int(i)) == 0);
    }
    for (int i = 0; i < 100; i += 2) {
        CHECK("dict delete", kdict_del(d, kint_from_i64(i * 7919)) == 0);
    }
    KValue keys = kdict_keys_list(d);
    CHECK("dict keeps insertion order after deletes",
          klist_len(keys) == 50 && as_int(klist_items(keys)[0]) == 7919 &&
              as_int(klist_items(keys)[49]) == 99 * 7919);
    kval_decref(keys);
    kval_decref(d);
    KValue l = klist_new(0);
    int vals[] = {5, 3, 9, 1, 3, 7, 0};
    for (int i = 0; i < 7; i++) {
        if (klist_append(l, kval_from_int(vals[i])) < 0) {
            break;
        }
    }
    CHECK("list sort", klist_sort(l, KV_NULL, 0) == 0 &&
                           str_is(kobj_repr(l), "[0, 1, 3, 3, 5, 7, 9]"));
    kval_decref(l);
}

static void test_gc(void) {
    kgc_collect();
    // Two lists referring to each other, dropped: only the collector frees them.
    KValue a = klist_new(0), b = klist_new(0);
    int ok = klist_append(a, b) == 0 && klist_append(b, a) == 0;
    kval_decref(a);
    kval_decref(b);
    ssize_t found = kgc_collect();
    CHECK("cycle built", ok);
    CHECK("the collector frees a reference cycle", found >= 2);
    CHECK("a second collection finds nothing", kgc_collect() == 0);
}

int main(void) {
    char *argv[] = {"test_vm", NULL};
    if (kstate_init(1, argv) < 0) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    test_loop();
    test_fib();
    test_keywords();
    test_exception();
    test_ints();
    test_strings_and_containers();
    test_gc();
    kstate_fini();
    return CHECK_DONE();
}
