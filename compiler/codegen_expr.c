// compiler/codegen_expr.c: expressions to instructions, in the shapes of
// CPython 3.11's compile.c: names, constants, operators, chained
// comparisons, short-circuit conditions (kcg_jump_if), calls (LOAD_METHOD,
// KW_NAMES, CALL_FUNCTION_EX), displays with star-unpacking, assignment
// targets, comprehensions as nested functions, lambdas, yield/await and
// f-strings.
#include "codegen.h"

#include <string.h>

// CPython's STACK_USE_GUIDELINE: displays and calls bigger than this are
// built in pieces so the stack stays small.
enum { STACK_USE_GUIDELINE = 30 };

static int expr1(KCg *c, const KAstExpr *e);

int kcg_expr(KCg *c, const KAstExpr *e) {
    KfPosition saved = c->u->loc;
    KCG_SET_LOC(c, e);
    // Names, the commonest expression, skip the big switch's frame.
    int r = e->kind == KAST_NAME ? kcg_nameop(c, e->v.name.id, e->v.name.ctx) : expr1(c, e);
    c->u->loc = saved;
    return r;
}

int kcg_exprs(KCg *c, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        TRY(kcg_expr(c, seq->items[i]));
    }
    return 0;
}

static int new_labels(KCg *c, int n, int *out) {
    for (int i = 0; i < n; i++) {
        out[i] = kcg_new_label(c);
        if (out[i] < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Constants

KfConst kcg_const_from_ast(const KConst *k) {
    KfConst out = {.kind = KF_CONST_NONE};
    switch (k->kind) {
    case KCONST_NONE:
        break;
    case KCONST_TRUE:
        out.kind = KF_CONST_TRUE;
        break;
    case KCONST_FALSE:
        out.kind = KF_CONST_FALSE;
        break;
    case KCONST_ELLIPSIS:
        out.kind = KF_CONST_ELLIPSIS;
        break;
    case KCONST_INT:
        out.kind = KF_CONST_INT;
        out.i = k->i;
        break;
    case KCONST_BIGINT:
        out.kind = KF_CONST_BIGINT;
        out.str = k->str; // fold.c keeps a leading '-' in the digits when negative
        break;
    case KCONST_FLOAT:
        out.kind = KF_CONST_FLOAT;
        out.f = k->f;
        break;
    case KCONST_COMPLEX:
        out.kind = KF_CONST_COMPLEX;
        out.f = k->real;
        out.imag = k->f;
        break;
    case KCONST_STR:
        out.kind = KF_CONST_STR;
        out.str = k->str;
        out.len = k->len;
        break;
    case KCONST_BYTES:
        out.kind = KF_CONST_BYTES;
        out.str = k->str;
        out.len = k->len;
        break;
    }
    return out;
}

const KfConst *kcg_const_of(KCg *c, const KAstExpr *e) {
    if (e->kind == KAST_CONSTANT) {
        KfConst *k = karena_alloc(c->arena, sizeof(KfConst));
        if (k) {
            *k = kcg_const_from_ast(&e->v.constant.value);
        }
        return k;
    }
    if (e->kind == KAST_TUPLE || e->kind == KAST_SET) {
        return kfold_tuple(c->fold, e);
    }
    return NULL;
}

static int is_const(KCg *c, const KAstExpr *e) {
    return e->kind == KAST_CONSTANT ||
           ((e->kind == KAST_TUPLE || e->kind == KAST_SET) && kfold_tuple(c->fold, e));
}

static int all_const(KCg *c, const KAstSeq *seq, int begin, int end) {
    for (int i = begin; i < end; i++) {
        const KAstExpr *e = seq->items[i];
        if (!e || !is_const(c, e)) {
            return 0;
        }
    }
    return 1;
}

// A tuple constant of items [begin, end) of 'seq' (all constant).
static int const_tuple(KCg *c, const KAstSeq *seq, int begin, int end, KfConstKind kind,
                       KfConst *out) {
    int n = end - begin;
    KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
    if (!items) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < n; i++) {
        const KfConst *k = kcg_const_of(c, seq->items[begin + i]);
        if (!k) {
            return kcg_nomem(c);
        }
        items[i] = *k;
    }
    *out = (KfConst){.kind = kind, .items = items, .count = n};
    return 0;
}

// ---------------------------------------------------------------------------
// Operators

static int binop_arg(KAstOperator op) {
    switch (op) {
    case KAST_ADD:
        return KF_BINOP_ADD;
    case KAST_SUB:
        return KF_BINOP_SUBTRACT;
    case KAST_MULT:
        return KF_BINOP_MULTIPLY;
    case KAST_MAT_MULT:
        return KF_BINOP_MATRIX_MULTIPLY;
    case KAST_DIV:
        return KF_BINOP_TRUE_DIVIDE;
    case KAST_MOD:
        return KF_BINOP_REMAINDER;
    case KAST_POW:
        return KF_BINOP_POWER;
    case KAST_LSHIFT:
        return KF_BINOP_LSHIFT;
    case KAST_RSHIFT:
        return KF_BINOP_RSHIFT;
    case KAST_BIT_OR:
        return KF_BINOP_OR;
    case KAST_BIT_XOR:
        return KF_BINOP_XOR;
    case KAST_BIT_AND:
        return KF_BINOP_AND;
    case KAST_FLOOR_DIV:
        return KF_BINOP_FLOOR_DIVIDE;
    }
    return KF_BINOP_ADD;
}

static int compare_op(KCg *c, int op) {
    switch (op) {
    case KAST_IS:
        return kcg_op(c, KF_OP_IS_OP, 0);
    case KAST_IS_NOT:
        return kcg_op(c, KF_OP_IS_OP, 1);
    case KAST_IN:
        return kcg_op(c, KF_OP_CONTAINS_OP, 0);
    case KAST_NOT_IN:
        return kcg_op(c, KF_OP_CONTAINS_OP, 1);
    case KAST_EQ:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_EQ);
    case KAST_NOT_EQ:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_NE);
    case KAST_LT:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_LT);
    case KAST_LT_E:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_LE);
    case KAST_GT:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_GT);
    default:
        return kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_GE);
    }
}

// a < b < c: each middle operand is kept for the next comparison; a false
// result short-circuits to 'cleanup' with the operand still on the stack.
static int compare(KCg *c, const KAstExpr *e) {
    const KAstSeq *args = e->v.compare.comparators;
    const KAstIntSeq *ops = e->v.compare.ops;
    int n = ops->count - 1;
    TRY(kcg_expr(c, e->v.compare.left));
    if (n == 0) {
        TRY(kcg_expr(c, args->items[0]));
        return compare_op(c, ops->items[0]);
    }
    int l[2]; // cleanup, end
    TRY(new_labels(c, 2, l));
    for (int i = 0; i < n; i++) {
        TRY(kcg_expr(c, args->items[i]));
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        TRY(kcg_op(c, KF_OP_COPY, 2));
        TRY(compare_op(c, ops->items[i]));
        TRY(kcg_jump(c, KF_OP_JUMP_IF_FALSE_OR_POP, l[0]));
    }
    TRY(kcg_expr(c, args->items[n]));
    TRY(compare_op(c, ops->items[n]));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_op(c, KF_OP_SWAP, 2));
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    kcg_place(c, l[1]);
    return 0;
}

static int boolop(KCg *c, const KAstExpr *e) {
    int jump = e->v.bool_op.op == KAST_AND ? KF_OP_JUMP_IF_FALSE_OR_POP : KF_OP_JUMP_IF_TRUE_OR_POP;
    int end = kcg_new_label(c);
    TRY(end);
    const KAstSeq *values = e->v.bool_op.values;
    int n = values->count - 1;
    for (int i = 0; i < n; i++) {
        TRY(kcg_expr(c, values->items[i]));
        TRY(kcg_jump(c, jump, end));
    }
    TRY(kcg_expr(c, values->items[n]));
    kcg_place(c, end);
    return 0;
}

static int jump_if_compare(KCg *c, const KAstExpr *e, int label, int cond) {
    const KAstSeq *args = e->v.compare.comparators;
    const KAstIntSeq *ops = e->v.compare.ops;
    int n = ops->count - 1;
    int l[2]; // cleanup, end
    TRY(new_labels(c, 2, l));
    TRY(kcg_expr(c, e->v.compare.left));
    for (int i = 0; i < n; i++) {
        TRY(kcg_expr(c, args->items[i]));
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        TRY(kcg_op(c, KF_OP_COPY, 2));
        TRY(compare_op(c, ops->items[i]));
        TRY(kcg_jump(c, KF_OP_POP_JUMP_IF_FALSE, l[0]));
    }
    TRY(kcg_expr(c, args->items[n]));
    TRY(compare_op(c, ops->items[n]));
    TRY(kcg_jump(c, cond ? KF_OP_POP_JUMP_IF_TRUE : KF_OP_POP_JUMP_IF_FALSE, label));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    if (!cond) {
        TRY(kcg_jump_noline(c, KCG_JUMP, label));
    }
    kcg_place(c, l[1]);
    return 0;
}

int kcg_jump_if(KCg *c, const KAstExpr *e, int label, int cond) {
    switch (e->kind) {
    case KAST_UNARY_OP:
        if (e->v.unary_op.op == KAST_NOT) {
            return kcg_jump_if(c, e->v.unary_op.operand, label, !cond);
        }
        break;
    case KAST_BOOL_OP: {
        const KAstSeq *s = e->v.bool_op.values;
        int n = s->count - 1;
        int cond2 = e->v.bool_op.op == KAST_OR;
        int next2 = label;
        if (!cond2 != !cond) {
            TRY(next2 = kcg_new_label(c));
        }
        for (int i = 0; i < n; i++) {
            TRY(kcg_jump_if(c, s->items[i], next2, cond2));
        }
        TRY(kcg_jump_if(c, s->items[n], label, cond));
        if (next2 != label) {
            kcg_place(c, next2);
        }
        return 0;
    }
    case KAST_IF_EXP: {
        int l[2]; // end, next2
        TRY(new_labels(c, 2, l));
        TRY(kcg_jump_if(c, e->v.if_exp.test, l[1], 0));
        TRY(kcg_jump_if(c, e->v.if_exp.body, label, cond));
        TRY(kcg_jump_noline(c, KCG_JUMP, l[0]));
        kcg_place(c, l[1]);
        TRY(kcg_jump_if(c, e->v.if_exp.orelse, label, cond));
        kcg_place(c, l[0]);
        return 0;
    }
    case KAST_COMPARE:
        // The jump after a comparison sits at the comparison, and so do the
        // jumps of the rest of the condition: python3.11's location stays set.
        KCG_SET_LOC(c, e);
        if (e->v.compare.ops->count > 1) {
            return jump_if_compare(c, e, label, cond);
        }
        break;
    default:
        break;
    }
    TRY(kcg_expr(c, e));
    return kcg_jump(c, cond ? KF_OP_POP_JUMP_IF_TRUE : KF_OP_POP_JUMP_IF_FALSE, label);
}

static int ifexp(KCg *c, const KAstExpr *e) {
    int l[2]; // end, next
    TRY(new_labels(c, 2, l));
    TRY(kcg_jump_if(c, e->v.if_exp.test, l[1], 0));
    TRY(kcg_expr(c, e->v.if_exp.body));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[0]));
    kcg_place(c, l[1]);
    TRY(kcg_expr(c, e->v.if_exp.orelse));
    kcg_place(c, l[0]);
    return 0;
}

// ---------------------------------------------------------------------------
// Displays and unpacking

// Builds a list/set/tuple of 'elts' after 'pushed' items already on the
// stack (starunpack_helper): constants folded, small ones built in one
// instruction, starred or big ones built piecewise.
static int starunpack(KCg *c, const KAstSeq *elts, int pushed, int build, int add, int extend,
                      int tuple) {
    int n = KAST_LEN(elts);
    if (n > 2 && all_const(c, elts, 0, n)) {
        KfConst k;
        TRY(const_tuple(c, elts, 0, n, add == KF_OP_SET_ADD ? KF_CONST_FROZENSET : KF_CONST_TUPLE,
                        &k));
        if (tuple && !pushed) {
            return kcg_load_const(c, &k);
        }
        TRY(kcg_op(c, build, pushed));
        TRY(kcg_load_const(c, &k));
        TRY(kcg_op(c, extend, 1));
        return tuple ? kcg_op(c, KF_OP_LIST_TO_TUPLE, 0) : 0;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        if (((const KAstExpr *)elts->items[i])->kind == KAST_STARRED) {
            seen_star = 1;
        }
    }
    if (!seen_star && !big) {
        TRY(kcg_exprs(c, elts));
        return kcg_op(c, tuple ? KF_OP_BUILD_TUPLE : build, n + pushed);
    }
    int built = 0;
    if (big) {
        TRY(kcg_op(c, build, pushed));
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        const KAstExpr *elt = elts->items[i];
        if (elt->kind == KAST_STARRED) {
            if (!built) {
                TRY(kcg_op(c, build, i + pushed));
                built = 1;
            }
            TRY(kcg_expr(c, elt->v.starred.value));
            TRY(kcg_op(c, extend, 1));
        } else {
            TRY(kcg_expr(c, elt));
            if (built) {
                TRY(kcg_op(c, add, 1));
            }
        }
    }
    return tuple ? kcg_op(c, KF_OP_LIST_TO_TUPLE, 0) : 0;
}

static int unpack_helper(KCg *c, const KAstSeq *elts) {
    int n = KAST_LEN(elts), seen_star = 0;
    for (int i = 0; i < n; i++) {
        const KAstExpr *elt = elts->items[i];
        if (elt->kind == KAST_STARRED && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
                return kcg_error(c, "too many expressions in star-unpacking assignment");
            }
            TRY(kcg_op(c, KF_OP_UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == KAST_STARRED) {
            return kcg_error(c, "multiple starred expressions in assignment");
        }
    }
    return seen_star ? 0 : kcg_op(c, KF_OP_UNPACK_SEQUENCE, n);
}

static int assignment_helper(KCg *c, const KAstSeq *elts) {
    TRY(unpack_helper(c, elts));
    for (int i = 0; i < KAST_LEN(elts); i++) {
        const KAstExpr *elt = elts->items[i];
        TRY(kcg_expr(c, elt->kind == KAST_STARRED ? elt->v.starred.value : elt));
    }
    return 0;
}

static int sequence(KCg *c, const KAstExpr *e, const KAstSeq *elts, KAstExprContext ctx,
                    int tuple) {
    if (ctx == KAST_STORE) {
        return assignment_helper(c, elts);
    }
    if (ctx == KAST_LOAD) {
        return starunpack(c, elts, 0, KF_OP_BUILD_LIST, KF_OP_LIST_APPEND, KF_OP_LIST_EXTEND,
                          tuple);
    }
    (void)e;
    return kcg_exprs(c, elts);
}

// Items [begin, end) of a dict display as one dict.
static int subdict(KCg *c, const KAstExpr *e, int begin, int end) {
    const KAstSeq *keys = e->v.dict.keys, *values = e->v.dict.values;
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && all_const(c, keys, begin, end)) {
        for (int i = begin; i < end; i++) {
            TRY(kcg_expr(c, values->items[i]));
        }
        KfConst k;
        TRY(const_tuple(c, keys, begin, end, KF_CONST_TUPLE, &k));
        TRY(kcg_load_const(c, &k));
        return kcg_op(c, KF_OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big) {
        TRY(kcg_op(c, KF_OP_BUILD_MAP, 0));
    }
    for (int i = begin; i < end; i++) {
        TRY(kcg_expr(c, keys->items[i]));
        TRY(kcg_expr(c, values->items[i]));
        if (big) {
            TRY(kcg_op(c, KF_OP_MAP_ADD, 1));
        }
    }
    return big ? 0 : kcg_op(c, KF_OP_BUILD_MAP, n);
}

static int dict(KCg *c, const KAstExpr *e) {
    int n = KAST_LEN(e->v.dict.values), elements = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        if (!e->v.dict.keys->items[i]) {
            if (elements) {
                TRY(subdict(c, e, i - elements, i));
                if (have_dict) {
                    TRY(kcg_op(c, KF_OP_DICT_UPDATE, 1));
                }
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                TRY(kcg_op(c, KF_OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            TRY(kcg_expr(c, e->v.dict.values->items[i]));
            TRY(kcg_op(c, KF_OP_DICT_UPDATE, 1));
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            TRY(subdict(c, e, i - elements, i + 1));
            if (have_dict) {
                TRY(kcg_op(c, KF_OP_DICT_UPDATE, 1));
            }
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        TRY(subdict(c, e, n - elements, n));
        if (have_dict) {
            TRY(kcg_op(c, KF_OP_DICT_UPDATE, 1));
        }
        have_dict = 1;
    }
    return have_dict ? 0 : kcg_op(c, KF_OP_BUILD_MAP, 0);
}

// ---------------------------------------------------------------------------
// Calls

static int validate_keywords(KCg *c, const KAstSeq *keywords) {
    int n = KAST_LEN(keywords);
    KMap seen;
    kmap_init(&seen, ksym_atoms(c->st));
    for (int i = 0; i < n; i++) {
        const KAstKeyword *k = keywords->items[i];
        if (!k->arg) {
            continue;
        }
        if (strcmp(k->arg, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
        if (kmap_find(&seen, k->arg) >= 0) {
            KCG_SET_LOC(c, k);
            return kcg_error(c, "keyword argument repeated: %s", k->arg);
        }
        if (kmap_put(&seen, k->arg, i) < 0) {
            return kcg_nomem(c);
        }
    }
    return 0;
}

static int keyword_values(KCg *c, const KAstSeq *keywords, int begin, int end) {
    for (int i = begin; i < end; i++) {
        const KAstKeyword *k = keywords->items[i];
        TRY(kcg_expr(c, k->value));
    }
    return 0;
}

// KW_NAMES with the tuple of the keyword names.
static int kw_names(KCg *c, const KAstSeq *keywords) {
    int n = KAST_LEN(keywords);
    KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)n);
    if (!items) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < n; i++) {
        items[i] = kcg_str(((const KAstKeyword *)keywords->items[i])->arg);
    }
    KfConst names = {.kind = KF_CONST_TUPLE, .items = items, .count = n};
    int i = kcg_const_index(c, &names);
    return i < 0 ? -1 : kcg_op(c, KF_OP_KW_NAMES, i);
}

// Keywords [begin, end) (none is **) as one dict.
static int subkwargs(KCg *c, const KAstSeq *keywords, int begin, int end) {
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        TRY(keyword_values(c, keywords, begin, end));
        KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)n);
        if (!items) {
            return kcg_nomem(c);
        }
        for (int i = 0; i < n; i++) {
            items[i] = kcg_str(((const KAstKeyword *)keywords->items[begin + i])->arg);
        }
        KfConst k = {.kind = KF_CONST_TUPLE, .items = items, .count = n};
        TRY(kcg_load_const(c, &k));
        return kcg_op(c, KF_OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big) {
        TRY(kcg_op(c, KF_OP_BUILD_MAP, 0));
    }
    for (int i = begin; i < end; i++) {
        const KAstKeyword *k = keywords->items[i];
        TRY(kcg_load_str(c, k->arg));
        TRY(kcg_expr(c, k->value));
        if (big) {
            TRY(kcg_op(c, KF_OP_MAP_ADD, 1));
        }
    }
    return big ? 0 : kcg_op(c, KF_OP_BUILD_MAP, n);
}

static int call_ex(KCg *c, int n, const KAstSeq *args, const KAstSeq *keywords) {
    int nelts = KAST_LEN(args), nkw = KAST_LEN(keywords);
    if (n == 0 && nelts == 1 && ((const KAstExpr *)args->items[0])->kind == KAST_STARRED) {
        TRY(kcg_expr(c, ((const KAstExpr *)args->items[0])->v.starred.value));
    } else {
        TRY(starunpack(c, args, n, KF_OP_BUILD_LIST, KF_OP_LIST_APPEND, KF_OP_LIST_EXTEND, 1));
    }
    if (nkw) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkw; i++) {
            const KAstKeyword *k = keywords->items[i];
            if (k->arg) {
                nseen++;
                continue;
            }
            if (nseen) {
                TRY(subkwargs(c, keywords, i - nseen, i));
                if (have_dict) {
                    TRY(kcg_op(c, KF_OP_DICT_MERGE, 1));
                }
                have_dict = 1;
                nseen = 0;
            }
            if (!have_dict) {
                TRY(kcg_op(c, KF_OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            TRY(kcg_expr(c, k->value));
            TRY(kcg_op(c, KF_OP_DICT_MERGE, 1));
        }
        if (nseen) {
            TRY(subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict) {
                TRY(kcg_op(c, KF_OP_DICT_MERGE, 1));
            }
        }
    }
    return kcg_op(c, KF_OP_CALL_FUNCTION_EX, nkw > 0);
}

int kcg_call_helper(KCg *c, int n, const KAstSeq *args, const KAstSeq *keywords) {
    TRY(validate_keywords(c, keywords));
    int nelts = KAST_LEN(args), nkw = KAST_LEN(keywords);
    if (nelts + nkw * 2 > STACK_USE_GUIDELINE) {
        return call_ex(c, n, args, keywords);
    }
    for (int i = 0; i < nelts; i++) {
        if (((const KAstExpr *)args->items[i])->kind == KAST_STARRED) {
            return call_ex(c, n, args, keywords);
        }
    }
    for (int i = 0; i < nkw; i++) {
        if (!((const KAstKeyword *)keywords->items[i])->arg) {
            return call_ex(c, n, args, keywords);
        }
    }
    TRY(kcg_exprs(c, args));
    if (nkw) {
        TRY(keyword_values(c, keywords, 0, nkw));
        TRY(kw_names(c, keywords));
    }
    return kcg_op(c, KF_OP_CALL, n + nelts + nkw);
}

// A call's or attribute's instructions after the object sit on the
// attribute's line when the object spans lines (update_start_location_to_match_attr).
static void match_attr_location(KCg *c, const KAstExpr *attr) {
    KfPosition *p = &c->u->loc;
    if (p->lineno == attr->end_lineno) {
        return;
    }
    p->lineno = attr->end_lineno;
    int len = (int)strlen(attr->v.attribute.attr);
    if (len <= attr->end_col_offset) {
        p->col = attr->end_col_offset - len;
    } else {
        p->col = -1;
        p->end_col = -1;
    }
    if (p->end_lineno < p->lineno) {
        p->end_lineno = p->lineno;
    }
    if (p->lineno == p->end_lineno && p->end_col < p->col) {
        p->end_col = p->col;
    }
}

// 1 when 'e' is a name the module binds by import (a module, whose
// functions are called as plain attributes).
static int is_import_originated(KCg *c, const KAstExpr *e) {
    if (e->kind != KAST_NAME) {
        return 0;
    }
    const KSymbol *s = ksym_symbol(ksym_top(c->st), e->v.name.id);
    return s && (s->flags & KSYM_DEF_IMPORT);
}

// obj.meth(args): LOAD_METHOD + CALL, when no * or ** argument is used
// and 'obj' is not an imported module.
static int method_call(KCg *c, const KAstExpr *e) {
    const KAstExpr *meth = e->v.call.func;
    const KAstSeq *args = e->v.call.args, *kwds = e->v.call.keywords;
    int nargs = KAST_LEN(args), nkw = KAST_LEN(kwds);
    if (meth->kind != KAST_ATTRIBUTE || meth->v.attribute.ctx != KAST_LOAD ||
        is_import_originated(c, meth->v.attribute.value) ||
        nargs + nkw + (nkw != 0) >= STACK_USE_GUIDELINE) {
        return 0;
    }
    for (int i = 0; i < nargs; i++) {
        if (((const KAstExpr *)args->items[i])->kind == KAST_STARRED) {
            return 0;
        }
    }
    for (int i = 0; i < nkw; i++) {
        if (!((const KAstKeyword *)kwds->items[i])->arg) {
            return 0;
        }
    }
    TRY(validate_keywords(c, kwds));
    TRY(kcg_expr(c, meth->v.attribute.value));
    KfPosition saved = c->u->loc;
    match_attr_location(c, meth);
    TRY(kcg_op_name(c, KF_OP_LOAD_METHOD, kcg_mangle(c, meth->v.attribute.attr)));
    TRY(kcg_exprs(c, args));
    if (nkw) {
        TRY(keyword_values(c, kwds, 0, nkw));
        TRY(kw_names(c, kwds));
    }
    match_attr_location(c, meth);
    TRY(kcg_op(c, KF_OP_CALL, nargs + nkw));
    c->u->loc = saved;
    return 1;
}

static int call(KCg *c, const KAstExpr *e) {
    int r = method_call(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    KfPosition saved = c->u->loc;
    KCG_SET_LOC(c, e->v.call.func);
    TRY(kcg_op(c, KF_OP_PUSH_NULL, 0));
    c->u->loc = saved;
    TRY(kcg_expr(c, e->v.call.func));
    return kcg_call_helper(c, 0, e->v.call.args, e->v.call.keywords);
}

// ---------------------------------------------------------------------------
// Generators and coroutines

int kcg_yield(KCg *c) {
    if (c->u->ste->is_generator && c->u->ste->is_coroutine) {
        TRY(kcg_op(c, KF_OP_ASYNC_GEN_WRAP, 0));
    }
    return kcg_op(c, KF_OP_YIELD_VALUE, 0);
}

int kcg_yield_from(KCg *c, int await) {
    (void)await;
    int l[3]; // start, resume, exit
    TRY(new_labels(c, 3, l));
    kcg_place(c, l[0]);
    TRY(kcg_jump(c, KF_OP_SEND, l[2]));
    kcg_place(c, l[1]);
    TRY(kcg_op(c, KF_OP_YIELD_VALUE, 0));
    TRY(kcg_jump(c, KCG_JUMP_NO_INTERRUPT, l[0]));
    kcg_place(c, l[2]);
    return 0;
}

static int yield_expr(KCg *c, const KAstExpr *e) {
    if (c->u->ste->type != KSYM_FUNCTION) {
        return kcg_error(c, "'yield' outside function");
    }
    if (e->kind == KAST_YIELD_FROM) {
        if (c->u->scope == KCG_SCOPE_ASYNC_FUNCTION) {
            return kcg_error(c, "'yield from' inside async function");
        }
        TRY(kcg_expr(c, e->v.yield_from.value));
        TRY(kcg_op(c, KF_OP_GET_YIELD_FROM_ITER, 0));
        TRY(kcg_load_none(c));
        return kcg_yield_from(c, 0);
    }
    if (e->v.yield.value) {
        TRY(kcg_expr(c, e->v.yield.value));
    } else {
        TRY(kcg_load_none(c));
    }
    return kcg_yield(c);
}

static int await_expr(KCg *c, const KAstExpr *e) {
    if (!kcg_top_level_await(c)) {
        if (c->u->ste->type != KSYM_FUNCTION) {
            return kcg_error(c, "'await' outside function");
        }
        if (c->u->scope != KCG_SCOPE_ASYNC_FUNCTION && c->u->scope != KCG_SCOPE_COMPREHENSION) {
            return kcg_error(c, "'await' outside async function");
        }
    }
    TRY(kcg_expr(c, e->v.await.value));
    TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 0));
    TRY(kcg_load_none(c));
    return kcg_yield_from(c, 1);
}

// ---------------------------------------------------------------------------
// Comprehensions

typedef struct Comp {
    KSymComp kind;
    const KAstSeq *gens;
    const KAstExpr *elt;
    const KAstExpr *value; // dict comprehensions
} Comp;

static int comp_generator(KCg *c, const Comp *comp, int index, int depth);

// The innermost step: yield the element or add it to the collection.
static int comp_element(KCg *c, const Comp *comp, int depth) {
    switch (comp->kind) {
    case KSYM_GENEXP:
        TRY(kcg_expr(c, comp->elt));
        TRY(kcg_yield(c));
        return kcg_op(c, KF_OP_POP_TOP, 0);
    case KSYM_LISTCOMP:
        TRY(kcg_expr(c, comp->elt));
        return kcg_op(c, KF_OP_LIST_APPEND, depth + 1);
    case KSYM_SETCOMP:
        TRY(kcg_expr(c, comp->elt));
        return kcg_op(c, KF_OP_SET_ADD, depth + 1);
    default:
        TRY(kcg_expr(c, comp->elt));
        TRY(kcg_expr(c, comp->value));
        return kcg_op(c, KF_OP_MAP_ADD, depth + 1);
    }
}

static int comp_ifs_and_rest(KCg *c, const Comp *comp, const KAstComprehension *gen, int index,
                             int depth, int if_cleanup) {
    for (int i = 0; i < KAST_LEN(gen->ifs); i++) {
        TRY(kcg_jump_if(c, gen->ifs->items[i], if_cleanup, 0));
    }
    if (index + 1 < comp->gens->count) {
        return comp_generator(c, comp, index + 1, depth);
    }
    return comp_element(c, comp, depth);
}

static int sync_comp_generator(KCg *c, const Comp *comp, int index, int depth) {
    const KAstComprehension *gen = comp->gens->items[index];
    int l[3]; // start, if_cleanup, anchor
    TRY(new_labels(c, 3, l));
    int has_start = 1;
    if (index == 0) {
        c->u->argcount = 1;
        TRY(kcg_op(c, KF_OP_LOAD_FAST, 0));
    } else {
        // for y in [f(x)]: binds y without a loop.
        const KAstExpr *it = gen->iter;
        const KAstSeq *elts = it->kind == KAST_LIST    ? it->v.list.elts
                              : it->kind == KAST_TUPLE ? it->v.tuple.elts
                                                       : NULL;
        if (KAST_LEN(elts) == 1 && ((const KAstExpr *)elts->items[0])->kind != KAST_STARRED &&
            !kfold_tuple(c->fold, it)) {
            TRY(kcg_expr(c, elts->items[0]));
            has_start = 0;
        } else {
            TRY(kcg_expr(c, it));
            TRY(kcg_op(c, KF_OP_GET_ITER, 0));
        }
    }
    if (has_start) {
        depth++;
        kcg_place(c, l[0]);
        TRY(kcg_jump(c, KF_OP_FOR_ITER, l[2]));
    }
    TRY(kcg_expr(c, gen->target));
    TRY(comp_ifs_and_rest(c, comp, gen, index, depth, l[1]));
    kcg_place(c, l[1]);
    if (has_start) {
        TRY(kcg_jump(c, KCG_JUMP, l[0]));
        kcg_place(c, l[2]);
    }
    return 0;
}

static int async_comp_generator(KCg *c, const Comp *comp, int index, int depth) {
    const KAstComprehension *gen = comp->gens->items[index];
    int l[3]; // start, except, if_cleanup
    TRY(new_labels(c, 3, l));
    if (index == 0) {
        c->u->argcount = 1;
        TRY(kcg_op(c, KF_OP_LOAD_FAST, 0));
    } else {
        TRY(kcg_expr(c, gen->iter));
        TRY(kcg_op(c, KF_OP_GET_AITER, 0));
    }
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_ASYNC_COMPREHENSION_GENERATOR, l[0], -1, NULL));
    TRY(kcg_jump(c, KCG_SETUP_FINALLY, l[1]));
    TRY(kcg_op(c, KF_OP_GET_ANEXT, 0));
    TRY(kcg_load_none(c));
    TRY(kcg_yield_from(c, 1));
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_expr(c, gen->target));
    TRY(comp_ifs_and_rest(c, comp, gen, index, depth + 1, l[2]));
    kcg_place(c, l[2]);
    TRY(kcg_jump(c, KCG_JUMP, l[0]));
    kcg_pop_fblock(c);
    kcg_place(c, l[1]);
    return kcg_op(c, KF_OP_END_ASYNC_FOR, 0);
}

static int comp_generator(KCg *c, const Comp *comp, int index, int depth) {
    const KAstComprehension *gen = comp->gens->items[index];
    if (gen->is_async) {
        return async_comp_generator(c, comp, index, depth);
    }
    return sync_comp_generator(c, comp, index, depth);
}

static const char *comp_name(KSymComp kind) {
    switch (kind) {
    case KSYM_LISTCOMP:
        return "<listcomp>";
    case KSYM_SETCOMP:
        return "<setcomp>";
    case KSYM_DICTCOMP:
        return "<dictcomp>";
    default:
        return "<genexpr>";
    }
}

static int comprehension_body(KCg *c, const Comp *comp, KcgScope outer_scope,
                              int top_level_await) {
    int is_async_gen = c->u->ste->is_coroutine;
    if (is_async_gen && comp->kind != KSYM_GENEXP && outer_scope != KCG_SCOPE_ASYNC_FUNCTION &&
        outer_scope != KCG_SCOPE_COMPREHENSION && !top_level_await) {
        return kcg_error(c, "asynchronous comprehension outside of an asynchronous function");
    }
    static const int build[] = {[KSYM_LISTCOMP] = KF_OP_BUILD_LIST,
                                [KSYM_SETCOMP] = KF_OP_BUILD_SET,
                                [KSYM_DICTCOMP] = KF_OP_BUILD_MAP};
    if (comp->kind != KSYM_GENEXP) {
        TRY(kcg_op(c, build[comp->kind], 0));
    }
    TRY(comp_generator(c, comp, 0, 0));
    if (comp->kind != KSYM_GENEXP) {
        TRY(kcg_op(c, KF_OP_RETURN_VALUE, 0));
    }
    return 0;
}

static int comprehension(KCg *c, const KAstExpr *e, const Comp *comp) {
    KcgScope outer_scope = c->u->scope;
    int top_level_await = kcg_top_level_await(c);
    const KAstComprehension *outermost = comp->gens->items[0];
    TRY(kcg_enter_scope(c, comp_name(comp->kind), KCG_SCOPE_COMPREHENSION, e, e->lineno));
    KCG_SET_LOC(c, e);
    int is_async_gen = c->u->ste->is_coroutine;
    int r = comprehension_body(c, comp, outer_scope, top_level_await);
    KfCode *code = kcg_leave_scope(c, 1);
    if (r < 0 || !code) {
        return -1;
    }
    if (top_level_await && is_async_gen) {
        c->u->ste->is_coroutine = 1;
    }
    TRY(kcg_make_closure(c, code, 0));
    TRY(kcg_expr(c, outermost->iter));
    TRY(kcg_op(c, outermost->is_async ? KF_OP_GET_AITER : KF_OP_GET_ITER, 0));
    TRY(kcg_op(c, KF_OP_CALL, 0));
    if (is_async_gen && comp->kind != KSYM_GENEXP) {
        TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 0));
        TRY(kcg_load_none(c));
        TRY(kcg_yield_from(c, 1));
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Functions: defaults, annotations, lambda

int kcg_check_debug_args(KCg *c, const KAstArguments *args) {
    const KAstSeq *seqs[] = {args->posonlyargs, args->args, args->kwonlyargs};
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < KAST_LEN(seqs[s]); i++) {
            const KAstArg *a = seqs[s]->items[i];
            if (strcmp(a->arg, "__debug__") == 0) {
                return kcg_error(c, "cannot assign to __debug__");
            }
        }
    }
    const KAstArg *extra[] = {args->vararg, args->kwarg};
    for (int i = 0; i < 2; i++) {
        if (extra[i] && strcmp(extra[i]->arg, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
    }
    return 0;
}

int kcg_default_arguments(KCg *c, const KAstArguments *args) {
    int flags = 0;
    if (KAST_LEN(args->defaults)) {
        TRY(kcg_exprs(c, args->defaults));
        TRY(kcg_op(c, KF_OP_BUILD_TUPLE, args->defaults->count));
        flags |= KF_MAKE_DEFAULTS;
    }
    int n = 0;
    for (int i = 0; i < KAST_LEN(args->kwonlyargs); i++) {
        const KAstArg *a = args->kwonlyargs->items[i];
        const KAstExpr *d = args->kw_defaults ? args->kw_defaults->items[i] : NULL;
        if (d) {
            n++;
        }
        (void)a;
    }
    if (n) {
        KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)n);
        if (!items) {
            return kcg_nomem(c);
        }
        int j = 0;
        for (int i = 0; i < args->kwonlyargs->count; i++) {
            const KAstArg *a = args->kwonlyargs->items[i];
            const KAstExpr *d = args->kw_defaults->items[i];
            if (!d) {
                continue;
            }
            const char *mangled = kcg_mangle(c, a->arg);
            TRY(mangled ? 0 : -1);
            items[j++] = kcg_str(mangled);
            TRY(kcg_expr(c, d));
        }
        KfConst keys = {.kind = KF_CONST_TUPLE, .items = items, .count = n};
        TRY(kcg_load_const(c, &keys));
        TRY(kcg_op(c, KF_OP_BUILD_CONST_KEY_MAP, n));
        flags |= KF_MAKE_KWDEFAULTS;
    }
    return flags;
}

int kcg_annotation(KCg *c, const KAstExpr *ann) {
    if (c->features & KSYM_FUTURE_ANNOTATIONS) {
        const char *text = kunparse_expr(c->arena, ann);
        return text ? kcg_load_str(c, text) : kcg_nomem(c);
    }
    if (ann->kind == KAST_STARRED) {
        TRY(kcg_expr(c, ann->v.starred.value));
        return kcg_op(c, KF_OP_UNPACK_SEQUENCE, 1);
    }
    return kcg_expr(c, ann);
}

static int arg_annotation(KCg *c, const char *name, const KAstExpr *ann, int *count) {
    if (!ann) {
        return 0;
    }
    const char *mangled = kcg_mangle(c, name);
    TRY(mangled ? kcg_load_str(c, mangled) : -1);
    TRY(kcg_annotation(c, ann));
    *count += 2;
    return 0;
}

static int arg_annotations(KCg *c, const KAstSeq *args, int *count) {
    for (int i = 0; i < KAST_LEN(args); i++) {
        const KAstArg *a = args->items[i];
        TRY(arg_annotation(c, a->arg, a->annotation, count));
    }
    return 0;
}

int kcg_annotations(KCg *c, const KAstArguments *args, const KAstExpr *returns) {
    int count = 0;
    TRY(arg_annotations(c, args->args, &count));
    TRY(arg_annotations(c, args->posonlyargs, &count));
    if (args->vararg) {
        TRY(arg_annotation(c, args->vararg->arg, args->vararg->annotation, &count));
    }
    TRY(arg_annotations(c, args->kwonlyargs, &count));
    if (args->kwarg) {
        TRY(arg_annotation(c, args->kwarg->arg, args->kwarg->annotation, &count));
    }
    TRY(arg_annotation(c, "return", returns, &count));
    if (count) {
        TRY(kcg_op(c, KF_OP_BUILD_TUPLE, count));
        return 1;
    }
    return 0;
}

int kcg_lambda(KCg *c, const KAstExpr *e) {
    const KAstArguments *args = e->v.lambda.args;
    TRY(kcg_check_debug_args(c, args));
    int flags = kcg_default_arguments(c, args);
    TRY(flags);
    TRY(kcg_enter_scope(c, "<lambda>", KCG_SCOPE_LAMBDA, e, e->lineno));
    KfConst none = {.kind = KF_CONST_NONE};
    int r = kcg_const_index(c, &none);
    c->u->argcount = KAST_LEN(args->args);
    c->u->posonlyargcount = KAST_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KAST_LEN(args->kwonlyargs);
    if (r >= 0) {
        r = kcg_expr(c, e->v.lambda.body);
    }
    if (r >= 0 && !c->u->ste->is_generator) {
        r = kcg_op(c, KF_OP_RETURN_VALUE, 0);
    }
    KfCode *code = kcg_leave_scope(c, 0);
    if (r < 0 || !code) {
        return -1;
    }
    return kcg_make_closure(c, code, flags);
}

// ---------------------------------------------------------------------------
// f-strings, attributes, subscripts

static int formatted_value(KCg *c, const KAstExpr *e) {
    TRY(kcg_expr(c, e->v.formatted_value.value));
    int arg = 0;
    switch (e->v.formatted_value.conversion) {
    case 's':
        arg = 1;
        break;
    case 'r':
        arg = 2;
        break;
    case 'a':
        arg = 3;
        break;
    default:
        break;
    }
    if (e->v.formatted_value.format_spec) {
        TRY(kcg_expr(c, e->v.formatted_value.format_spec));
        arg |= 4;
    }
    return kcg_op(c, KF_OP_FORMAT_VALUE, arg);
}

static int joined_str(KCg *c, const KAstExpr *e) {
    const KAstSeq *values = e->v.joined_str.values;
    int n = KAST_LEN(values);
    if (n > STACK_USE_GUIDELINE) {
        TRY(kcg_load_str(c, ""));
        TRY(kcg_op_name(c, KF_OP_LOAD_METHOD, "join"));
        TRY(kcg_op(c, KF_OP_BUILD_LIST, 0));
        for (int i = 0; i < n; i++) {
            TRY(kcg_expr(c, values->items[i]));
            TRY(kcg_op(c, KF_OP_LIST_APPEND, 1));
        }
        return kcg_op(c, KF_OP_CALL, 1);
    }
    TRY(kcg_exprs(c, values));
    return n == 1 ? 0 : kcg_op(c, KF_OP_BUILD_STRING, n);
}

static int attribute(KCg *c, const KAstExpr *e) {
    TRY(kcg_expr(c, e->v.attribute.value));
    match_attr_location(c, e);
    const char *name = kcg_mangle(c, e->v.attribute.attr);
    TRY(name ? 0 : -1);
    switch (e->v.attribute.ctx) {
    case KAST_LOAD:
        return kcg_op_name(c, KF_OP_LOAD_ATTR, name);
    case KAST_STORE:
        if (strcmp(e->v.attribute.attr, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
        return kcg_op_name(c, KF_OP_STORE_ATTR, name);
    default:
        return kcg_op_name(c, KF_OP_DELETE_ATTR, name);
    }
}

static int subscript(KCg *c, const KAstExpr *e) {
    TRY(kcg_expr(c, e->v.subscript.value));
    TRY(kcg_expr(c, e->v.subscript.slice));
    switch (e->v.subscript.ctx) {
    case KAST_LOAD:
        return kcg_op(c, KF_OP_BINARY_SUBSCR, 0);
    case KAST_STORE:
        return kcg_op(c, KF_OP_STORE_SUBSCR, 0);
    default:
        return kcg_op(c, KF_OP_DELETE_SUBSCR, 0);
    }
}

static int slice(KCg *c, const KAstExpr *e) {
    int n = 2;
    if (e->v.slice.lower) {
        TRY(kcg_expr(c, e->v.slice.lower));
    } else {
        TRY(kcg_load_none(c));
    }
    if (e->v.slice.upper) {
        TRY(kcg_expr(c, e->v.slice.upper));
    } else {
        TRY(kcg_load_none(c));
    }
    if (e->v.slice.step) {
        n++;
        TRY(kcg_expr(c, e->v.slice.step));
    }
    return kcg_op(c, KF_OP_BUILD_SLICE, n);
}

static int unary(KCg *c, const KAstExpr *e) {
    TRY(kcg_expr(c, e->v.unary_op.operand));
    switch (e->v.unary_op.op) {
    case KAST_INVERT:
        return kcg_op(c, KF_OP_UNARY_INVERT, 0);
    case KAST_NOT:
        return kcg_op(c, KF_OP_UNARY_NOT, 0);
    case KAST_UADD:
        return kcg_op(c, KF_OP_UNARY_POSITIVE, 0);
    default:
        return kcg_op(c, KF_OP_UNARY_NEGATIVE, 0);
    }
}

static int expr1(KCg *c, const KAstExpr *e) {
    switch (e->kind) {
    case KAST_NAMED_EXPR:
        TRY(kcg_expr(c, e->v.named_expr.value));
        TRY(kcg_op(c, KF_OP_COPY, 1));
        return kcg_expr(c, e->v.named_expr.target);
    case KAST_BOOL_OP:
        return boolop(c, e);
    case KAST_BIN_OP:
        TRY(kcg_expr(c, e->v.bin_op.left));
        TRY(kcg_expr(c, e->v.bin_op.right));
        return kcg_op(c, KF_OP_BINARY_OP, binop_arg(e->v.bin_op.op));
    case KAST_UNARY_OP:
        return unary(c, e);
    case KAST_LAMBDA:
        return kcg_lambda(c, e);
    case KAST_IF_EXP:
        return ifexp(c, e);
    case KAST_DICT:
        return dict(c, e);
    case KAST_SET: {
        const KfConst *k = kfold_tuple(c->fold, e);
        if (k) {
            return kcg_load_const(c, k);
        }
        return starunpack(c, e->v.set.elts, 0, KF_OP_BUILD_SET, KF_OP_SET_ADD, KF_OP_SET_UPDATE,
                          0);
    }
    case KAST_GENERATOR_EXP: {
        Comp comp = {KSYM_GENEXP, e->v.generator_exp.generators, e->v.generator_exp.elt, NULL};
        return comprehension(c, e, &comp);
    }
    case KAST_LIST_COMP: {
        Comp comp = {KSYM_LISTCOMP, e->v.list_comp.generators, e->v.list_comp.elt, NULL};
        return comprehension(c, e, &comp);
    }
    case KAST_SET_COMP: {
        Comp comp = {KSYM_SETCOMP, e->v.set_comp.generators, e->v.set_comp.elt, NULL};
        return comprehension(c, e, &comp);
    }
    case KAST_DICT_COMP: {
        Comp comp = {KSYM_DICTCOMP, e->v.dict_comp.generators, e->v.dict_comp.key,
                     e->v.dict_comp.value};
        return comprehension(c, e, &comp);
    }
    case KAST_YIELD:
    case KAST_YIELD_FROM:
        return yield_expr(c, e);
    case KAST_AWAIT:
        return await_expr(c, e);
    case KAST_COMPARE:
        return compare(c, e);
    case KAST_CALL:
        return call(c, e);
    case KAST_CONSTANT: {
        KfConst k = kcg_const_from_ast(&e->v.constant.value);
        return kcg_load_const(c, &k);
    }
    case KAST_JOINED_STR:
        return joined_str(c, e);
    case KAST_FORMATTED_VALUE:
        return formatted_value(c, e);
    case KAST_ATTRIBUTE:
        return attribute(c, e);
    case KAST_SUBSCRIPT:
        return subscript(c, e);
    case KAST_STARRED:
        if (e->v.starred.ctx == KAST_STORE) {
            return kcg_error(c, "starred assignment target must be in a list or tuple");
        }
        return kcg_error(c, "can't use starred expression here");
    case KAST_SLICE:
        return slice(c, e);
    case KAST_NAME:
        return kcg_nameop(c, e->v.name.id, e->v.name.ctx);
    case KAST_LIST:
        return sequence(c, e, e->v.list.elts, e->v.list.ctx, 0);
    case KAST_TUPLE: {
        const KfConst *k = e->v.tuple.ctx == KAST_LOAD ? kfold_tuple(c->fold, e) : NULL;
        if (k) {
            return kcg_load_const(c, k);
        }
        return sequence(c, e, e->v.tuple.elts, e->v.tuple.ctx, 1);
    }
    }
    return kcg_error(c, "unknown expression kind");
}
