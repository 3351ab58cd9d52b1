// compiler/unparse.c: expressions back to source text, as CPython 3.11's
// Python/ast_unparse.c writes them for `from __future__ import
// annotations` (annotations are stored as these strings): minimal
// parentheses by precedence, constants by repr (infinity as 1e309),
// f-strings rebuilt and quoted as a whole.
#include "codegen.h"

#include <string.h>

enum {
    PR_TUPLE,
    PR_TEST,
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

static void expr(KBuf *b, const KAstExpr *e, int level);

static void exprs(KBuf *b, const KAstSeq *seq, int level) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (i) {
            kbuf_puts(b, ", ");
        }
        expr(b, seq->items[i], level);
    }
}

// repr() of a constant, with infinities spelled 1e309 so they read back.
static void constant(KBuf *b, const KAstExpr *e) {
    const KConst *k = &e->v.constant.value;
    if (k->kind == KCONST_ELLIPSIS) {
        kbuf_puts(b, "...");
        return;
    }
    if (e->v.constant.kind) {
        kbuf_puts(b, "u");
    }
    if (k->kind == KCONST_BIGINT) {
        kbuf_puts(b, k->str);
        return;
    }
    KBuf r = KBUF_INIT;
    klit_repr(k, &r);
    if (r.oom) {
        b->oom = 1;
        return;
    }
    if (k->kind == KCONST_FLOAT || k->kind == KCONST_COMPLEX) {
        for (size_t i = 0; i < r.len; i++) {
            if (i + 3 <= r.len && memcmp(r.data + i, "inf", 3) == 0) {
                kbuf_puts(b, "1e309");
                i += 2;
            } else {
                kbuf_putc(b, r.data[i]);
            }
        }
    } else {
        kbuf_put(b, r.data, r.len);
    }
    kbuf_free(&r);
}

static void fstring_body(KBuf *b, const KAstSeq *values, int is_spec);

static void formatted(KBuf *b, const KAstExpr *e) {
    KBuf inner = KBUF_INIT;
    expr(&inner, e->v.formatted_value.value, PR_TEST + 1);
    kbuf_putc(b, '{');
    if (inner.len && inner.data[0] == '{') {
        kbuf_putc(b, ' ');
    }
    kbuf_put(b, inner.data ? inner.data : "", inner.len);
    b->oom |= inner.oom;
    kbuf_free(&inner);
    int conv = e->v.formatted_value.conversion;
    if (conv == 's' || conv == 'r' || conv == 'a') {
        kbuf_putc(b, '!');
        kbuf_putc(b, (char)conv);
    }
    const KAstExpr *spec = e->v.formatted_value.format_spec;
    if (spec) {
        kbuf_putc(b, ':');
        if (spec->kind == KAST_JOINED_STR) {
            fstring_body(b, spec->v.joined_str.values, 1);
        }
    }
    kbuf_putc(b, '}');
}

static void fstring_body(KBuf *b, const KAstSeq *values, int is_spec) {
    (void)is_spec;
    for (int i = 0; i < KAST_LEN(values); i++) {
        const KAstExpr *v = values->items[i];
        if (v->kind == KAST_CONSTANT && v->v.constant.value.kind == KCONST_STR) {
            const KConst *k = &v->v.constant.value;
            for (size_t j = 0; j < k->len; j++) {
                char ch = k->str[j];
                if (ch == '{' || ch == '}') {
                    kbuf_putc(b, ch);
                }
                kbuf_putc(b, ch);
            }
        } else if (v->kind == KAST_FORMATTED_VALUE) {
            formatted(b, v);
        } else if (v->kind == KAST_JOINED_STR) {
            fstring_body(b, v->v.joined_str.values, is_spec);
        }
    }
}

// f'...': the body built, then quoted as repr() quotes a str.
static void fstring(KBuf *b, const KAstSeq *values) {
    KBuf body = KBUF_INIT;
    fstring_body(&body, values, 0);
    KConst k = {.kind = KCONST_STR, .str = body.data ? body.data : "", .len = body.len};
    kbuf_putc(b, 'f');
    klit_repr(&k, b);
    b->oom |= body.oom;
    kbuf_free(&body);
}

static void arguments(KBuf *b, const KAstArguments *a) {
    int first = 1;
    int nposonly = KAST_LEN(a->posonlyargs), nargs = KAST_LEN(a->args);
    int ndefaults = KAST_LEN(a->defaults);
    int total = nposonly + nargs;
    for (int i = 0; i < total; i++) {
        const KAstArg *arg = i < nposonly ? a->posonlyargs->items[i]
                                          : a->args->items[i - nposonly];
        kbuf_puts(b, first ? "" : ", ");
        first = 0;
        kbuf_puts(b, arg->arg);
        int di = i - (total - ndefaults);
        if (di >= 0) {
            kbuf_putc(b, '=');
            expr(b, a->defaults->items[di], PR_TEST);
        }
        if (i + 1 == nposonly) {
            kbuf_puts(b, ", /");
        }
    }
    if (a->vararg || KAST_LEN(a->kwonlyargs)) {
        kbuf_puts(b, first ? "*" : ", *");
        first = 0;
        if (a->vararg) {
            kbuf_puts(b, a->vararg->arg);
        }
    }
    for (int i = 0; i < KAST_LEN(a->kwonlyargs); i++) {
        const KAstArg *arg = a->kwonlyargs->items[i];
        kbuf_puts(b, ", ");
        kbuf_puts(b, arg->arg);
        const KAstExpr *d = a->kw_defaults ? a->kw_defaults->items[i] : NULL;
        if (d) {
            kbuf_putc(b, '=');
            expr(b, d, PR_TEST);
        }
    }
    if (a->kwarg) {
        kbuf_puts(b, first ? "**" : ", **");
        kbuf_puts(b, a->kwarg->arg);
    }
}

static void comprehensions(KBuf *b, const KAstSeq *gens) {
    for (int i = 0; i < KAST_LEN(gens); i++) {
        const KAstComprehension *g = gens->items[i];
        kbuf_puts(b, g->is_async ? " async for " : " for ");
        expr(b, g->target, PR_TUPLE);
        kbuf_puts(b, " in ");
        expr(b, g->iter, PR_TEST + 1);
        for (int j = 0; j < KAST_LEN(g->ifs); j++) {
            kbuf_puts(b, " if ");
            expr(b, g->ifs->items[j], PR_TEST + 1);
        }
    }
}

static const char *binop_str(KAstOperator op, int *pr) {
    switch (op) {
    case KAST_ADD: *pr = PR_ARITH; return " + ";
    case KAST_SUB: *pr = PR_ARITH; return " - ";
    case KAST_MULT: *pr = PR_TERM; return " * ";
    case KAST_MAT_MULT: *pr = PR_TERM; return " @ ";
    case KAST_DIV: *pr = PR_TERM; return " / ";
    case KAST_MOD: *pr = PR_TERM; return " % ";
    case KAST_LSHIFT: *pr = PR_SHIFT; return " << ";
    case KAST_RSHIFT: *pr = PR_SHIFT; return " >> ";
    case KAST_BIT_OR: *pr = PR_BOR; return " | ";
    case KAST_BIT_XOR: *pr = PR_BXOR; return " ^ ";
    case KAST_BIT_AND: *pr = PR_BAND; return " & ";
    case KAST_FLOOR_DIV: *pr = PR_TERM; return " // ";
    default: *pr = PR_POWER; return " ** ";
    }
}

static const char *cmpop_str(int op) {
    switch (op) {
    case KAST_EQ: return " == ";
    case KAST_NOT_EQ: return " != ";
    case KAST_LT: return " < ";
    case KAST_LT_E: return " <= ";
    case KAST_GT: return " > ";
    case KAST_GT_E: return " >= ";
    case KAST_IS: return " is ";
    case KAST_IS_NOT: return " is not ";
    case KAST_IN: return " in ";
    default: return " not in ";
    }
}

static void open_if(KBuf *b, int cond) {
    if (cond) {
        kbuf_putc(b, '(');
    }
}

static void close_if(KBuf *b, int cond) {
    if (cond) {
        kbuf_putc(b, ')');
    }
}

static void call(KBuf *b, const KAstExpr *e) {
    expr(b, e->v.call.func, PR_ATOM);
    const KAstSeq *args = e->v.call.args, *kws = e->v.call.keywords;
    if (KAST_LEN(args) == 1 && KAST_LEN(kws) == 0 &&
        ((const KAstExpr *)args->items[0])->kind == KAST_GENERATOR_EXP) {
        expr(b, args->items[0], PR_TEST);
        return;
    }
    kbuf_putc(b, '(');
    int first = 1;
    for (int i = 0; i < KAST_LEN(args); i++) {
        kbuf_puts(b, first ? "" : ", ");
        first = 0;
        expr(b, args->items[i], PR_TEST);
    }
    for (int i = 0; i < KAST_LEN(kws); i++) {
        const KAstKeyword *k = kws->items[i];
        kbuf_puts(b, first ? "" : ", ");
        first = 0;
        if (k->arg) {
            kbuf_puts(b, k->arg);
            kbuf_putc(b, '=');
            expr(b, k->value, PR_TEST);
        } else {
            kbuf_puts(b, "**");
            expr(b, k->value, PR_EXPR);
        }
    }
    kbuf_putc(b, ')');
}

static void dict(KBuf *b, const KAstExpr *e) {
    kbuf_putc(b, '{');
    for (int i = 0; i < KAST_LEN(e->v.dict.values); i++) {
        kbuf_puts(b, i ? ", " : "");
        const KAstExpr *k = e->v.dict.keys->items[i];
        if (k) {
            expr(b, k, PR_TEST);
            kbuf_puts(b, ": ");
            expr(b, e->v.dict.values->items[i], PR_TEST);
        } else {
            kbuf_puts(b, "**");
            expr(b, e->v.dict.values->items[i], PR_EXPR);
        }
    }
    kbuf_putc(b, '}');
}

static void slice(KBuf *b, const KAstExpr *e) {
    if (e->v.slice.lower) {
        expr(b, e->v.slice.lower, PR_TEST);
    }
    kbuf_putc(b, ':');
    if (e->v.slice.upper) {
        expr(b, e->v.slice.upper, PR_TEST);
    }
    if (e->v.slice.step) {
        kbuf_putc(b, ':');
        expr(b, e->v.slice.step, PR_TEST);
    }
}

static void tuple(KBuf *b, const KAstSeq *elts, int level) {
    int n = KAST_LEN(elts);
    if (n == 0) {
        kbuf_puts(b, "()");
        return;
    }
    open_if(b, level > PR_TUPLE);
    exprs(b, elts, PR_TEST);
    if (n == 1) {
        kbuf_putc(b, ',');
    }
    close_if(b, level > PR_TUPLE);
}

static void operators(KBuf *b, const KAstExpr *e, int level) {
    int pr;
    switch (e->kind) {
    case KAST_BOOL_OP: {
        pr = e->v.bool_op.op == KAST_AND ? PR_AND : PR_OR;
        open_if(b, level > pr);
        const KAstSeq *v = e->v.bool_op.values;
        for (int i = 0; i < KAST_LEN(v); i++) {
            kbuf_puts(b, i ? (pr == PR_AND ? " and " : " or ") : "");
            expr(b, v->items[i], pr + 1);
        }
        close_if(b, level > pr);
        return;
    }
    case KAST_BIN_OP: {
        const char *op = binop_str(e->v.bin_op.op, &pr);
        int rassoc = e->v.bin_op.op == KAST_POW;
        open_if(b, level > pr);
        expr(b, e->v.bin_op.left, pr + rassoc);
        kbuf_puts(b, op);
        expr(b, e->v.bin_op.right, pr + !rassoc);
        close_if(b, level > pr);
        return;
    }
    case KAST_UNARY_OP: {
        const char *op = "-";
        pr = PR_FACTOR;
        switch (e->v.unary_op.op) {
        case KAST_INVERT: op = "~"; break;
        case KAST_NOT: op = "not "; pr = PR_NOT; break;
        case KAST_UADD: op = "+"; break;
        default: break;
        }
        open_if(b, level > pr);
        kbuf_puts(b, op);
        expr(b, e->v.unary_op.operand, pr);
        close_if(b, level > pr);
        return;
    }
    default: {
        open_if(b, level > PR_CMP);
        expr(b, e->v.compare.left, PR_CMP + 1);
        for (int i = 0; i < e->v.compare.ops->count; i++) {
            kbuf_puts(b, cmpop_str(e->v.compare.ops->items[i]));
            expr(b, e->v.compare.comparators->items[i], PR_CMP + 1);
        }
        close_if(b, level > PR_CMP);
        return;
    }
    }
}

static void comprehension(KBuf *b, const KAstExpr *e) {
    switch (e->kind) {
    case KAST_GENERATOR_EXP:
        kbuf_putc(b, '(');
        expr(b, e->v.generator_exp.elt, PR_TEST);
        comprehensions(b, e->v.generator_exp.generators);
        kbuf_putc(b, ')');
        return;
    case KAST_LIST_COMP:
        kbuf_putc(b, '[');
        expr(b, e->v.list_comp.elt, PR_TEST);
        comprehensions(b, e->v.list_comp.generators);
        kbuf_putc(b, ']');
        return;
    case KAST_SET_COMP:
        kbuf_putc(b, '{');
        expr(b, e->v.set_comp.elt, PR_TEST);
        comprehensions(b, e->v.set_comp.generators);
        kbuf_putc(b, '}');
        return;
    default:
        kbuf_putc(b, '{');
        expr(b, e->v.dict_comp.key, PR_TEST);
        kbuf_puts(b, ": ");
        expr(b, e->v.dict_comp.value, PR_TEST);
        comprehensions(b, e->v.dict_comp.generators);
        kbuf_putc(b, '}');
        return;
    }
}

static void expr(KBuf *b, const KAstExpr *e, int level) {
    switch (e->kind) {
    case KAST_BOOL_OP:
    case KAST_BIN_OP:
    case KAST_UNARY_OP:
    case KAST_COMPARE:
        operators(b, e, level);
        return;
    case KAST_LAMBDA:
        open_if(b, level > PR_TEST);
        kbuf_puts(b, "lambda");
        {
            KBuf args = KBUF_INIT;
            arguments(&args, e->v.lambda.args);
            if (args.len) {
                kbuf_putc(b, ' ');
                kbuf_put(b, args.data, args.len);
            }
            b->oom |= args.oom;
            kbuf_free(&args);
        }
        kbuf_puts(b, ": ");
        expr(b, e->v.lambda.body, PR_TEST);
        close_if(b, level > PR_TEST);
        return;
    case KAST_IF_EXP:
        open_if(b, level > PR_TEST);
        expr(b, e->v.if_exp.body, PR_TEST + 1);
        kbuf_puts(b, " if ");
        expr(b, e->v.if_exp.test, PR_TEST + 1);
        kbuf_puts(b, " else ");
        expr(b, e->v.if_exp.orelse, PR_TEST);
        close_if(b, level > PR_TEST);
        return;
    case KAST_DICT:
        dict(b, e);
        return;
    case KAST_SET:
        if (KAST_LEN(e->v.set.elts) == 0) {
            kbuf_puts(b, "{*()}");
            return;
        }
        kbuf_putc(b, '{');
        exprs(b, e->v.set.elts, PR_TEST);
        kbuf_putc(b, '}');
        return;
    case KAST_GENERATOR_EXP:
    case KAST_LIST_COMP:
    case KAST_SET_COMP:
    case KAST_DICT_COMP:
        comprehension(b, e);
        return;
    case KAST_AWAIT:
        open_if(b, level > PR_AWAIT);
        kbuf_puts(b, "await ");
        expr(b, e->v.await.value, PR_ATOM);
        close_if(b, level > PR_AWAIT);
        return;
    case KAST_YIELD:
        if (!e->v.yield.value) {
            kbuf_puts(b, "(yield)");
            return;
        }
        kbuf_puts(b, "(yield ");
        expr(b, e->v.yield.value, PR_TEST);
        kbuf_putc(b, ')');
        return;
    case KAST_YIELD_FROM:
        kbuf_puts(b, "(yield from ");
        expr(b, e->v.yield_from.value, PR_TEST);
        kbuf_putc(b, ')');
        return;
    case KAST_CALL:
        call(b, e);
        return;
    case KAST_CONSTANT:
        constant(b, e);
        return;
    case KAST_JOINED_STR:
        fstring(b, e->v.joined_str.values);
        return;
    case KAST_FORMATTED_VALUE: {
        KBuf body = KBUF_INIT;
        formatted(&body, e);
        KConst k = {.kind = KCONST_STR, .str = body.data ? body.data : "", .len = body.len};
        kbuf_putc(b, 'f');
        klit_repr(&k, b);
        kbuf_free(&body);
        return;
    }
    case KAST_ATTRIBUTE: {
        const KAstExpr *v = e->v.attribute.value;
        expr(b, v, PR_ATOM);
        int is_int = v->kind == KAST_CONSTANT && (v->v.constant.value.kind == KCONST_INT ||
                                                  v->v.constant.value.kind == KCONST_BIGINT);
        kbuf_puts(b, is_int ? " ." : ".");
        kbuf_puts(b, e->v.attribute.attr);
        return;
    }
    case KAST_SUBSCRIPT:
        expr(b, e->v.subscript.value, PR_ATOM);
        kbuf_putc(b, '[');
        expr(b, e->v.subscript.slice, PR_TUPLE);
        kbuf_putc(b, ']');
        return;
    case KAST_STARRED:
        kbuf_putc(b, '*');
        expr(b, e->v.starred.value, PR_EXPR);
        return;
    case KAST_SLICE:
        slice(b, e);
        return;
    case KAST_NAME:
        kbuf_puts(b, e->v.name.id);
        return;
    case KAST_LIST:
        kbuf_putc(b, '[');
        exprs(b, e->v.list.elts, PR_TEST);
        kbuf_putc(b, ']');
        return;
    case KAST_TUPLE:
        tuple(b, e->v.tuple.elts, level);
        return;
    case KAST_NAMED_EXPR:
        open_if(b, level > PR_TUPLE);
        expr(b, e->v.named_expr.target, PR_ATOM);
        kbuf_puts(b, " := ");
        expr(b, e->v.named_expr.value, PR_ATOM);
        close_if(b, level > PR_TUPLE);
        return;
    }
}

const char *kunparse_expr(KArena *a, const KAstExpr *e) {
    KBuf b = KBUF_INIT;
    expr(&b, e, PR_TEST);
    char *out = b.oom ? NULL : karena_strndup(a, b.data ? b.data : "", b.len);
    kbuf_free(&b);
    return out;
}
