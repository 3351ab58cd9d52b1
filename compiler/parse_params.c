// compiler/parse_params.c: the parameter lists of def and lambda
// (Grammar/python.gram "Function parameters" and lambda_params), read left
// to right in one pass with CPython 3.11's messages for its
// invalid_parameters, invalid_star_etc, invalid_kwds and invalid_default
// rules (and their lambda twins), each at the place python3.11 reports it.
#include "parser.h"

// The parameters read so far.
typedef struct Params {
    KParList pos;         // positional parameters, the positional-only ones first
    KParList defaults;    // defaults of the last positional parameters
    KParList kwonly;      // keyword-only parameters
    KParList kw_defaults; // one per keyword-only parameter, NULL when it has none
    KAstArg *vararg;
    KAstArg *kwarg;
    int posonly_count; // parameters before '/'
    int is_lambda;
    int term; // the token after the list: ')' for def, ':' for lambda
    int has_slash, has_star, has_kwarg;
    int star_annotated; // *args has a starred annotation ("*args: *Ts")
} Params;

static int syntax_error(KParser *p) {
    kpar_syntax_error(p);
    return -1;
}

static int error_at_token(KParser *p, const KToken *t, const char *msg) {
    if (t->kind == KTOK_ERRORTOKEN) {
        return syntax_error(p);
    }
    kpar_error_tokens(p, t, t, "%s", msg);
    return -1;
}

// 1 when the current token ends a parameter: ',' or the list's end.
static int item_ends(const KParser *p, const Params *ps) {
    return kpar_kind(p) == KTOK_COMMA || kpar_kind(p) == ps->term;
}

// star_expression: '*' bitwise_or, the annotation of *args ("*args: *Ts").
static KAstExpr *starred_annotation(KParser *p) {
    const KToken *star = kpar_advance(p);
    KAstExpr *value = kpar_bitwise_or(p);
    if (!value) {
        return NULL;
    }
    KAstExpr *e = kast_starred(p->arena, value, KAST_LOAD, star->lineno, star->col,
                               value->end_lineno, value->end_col_offset);
    return e ? e : kpar_nomem(p);
}

// param: NAME annotation?            annotation: ':' expression
// param_star_annotation: NAME star_annotation   (when 'star_annotation')
// lambda_param: NAME
// The arg spans the name and its annotation.
static KAstArg *param(KParser *p, const Params *ps, int star_annotation) {
    const KToken *name = kpar_expect(p, KTOK_NAME);
    if (!name) {
        return NULL;
    }
    KAstExpr *annotation = NULL;
    if (!ps->is_lambda && kpar_accept(p, KTOK_COLON)) {
        annotation = star_annotation && kpar_kind(p) == KTOK_STAR ? starred_annotation(p)
                                                                  : kpar_expression(p);
        if (!annotation) {
            return NULL;
        }
    }
    const char *id = kpar_ident(p, name);
    if (!id) {
        return NULL;
    }
    const KToken *end = kpar_prev(p);
    KAstArg *a = kast_arg(p->arena, id, annotation, NULL, name->lineno, name->col, end->end_lineno,
                          end->end_col);
    return a ? a : kpar_nomem(p);
}

// default: '=' expression
// invalid_default: '=' &(')'|',') -> "expected default value expression"
static KAstExpr *default_value(KParser *p) {
    const KToken *eq = kpar_advance(p);
    if (kpar_kind(p) == KTOK_RPAR || kpar_kind(p) == KTOK_COMMA) {
        return kpar_error_tokens(p, eq, eq, "expected default value expression");
    }
    return kpar_expression(p);
}

// A parameter without '*' or '**': positional, or keyword-only after '*'.
// invalid_parameters: param_no_default* invalid_parameters_helper param_no_default
//     -> "non-default argument follows default argument"
static int plain_param(KParser *p, Params *ps) {
    KAstArg *a = param(p, ps, 0);
    if (!a) {
        return -1;
    }
    KAstExpr *dflt = NULL;
    if (kpar_kind(p) == KTOK_EQUAL && !(dflt = default_value(p))) {
        return -1;
    }
    if (!item_ends(p, ps)) {
        return syntax_error(p);
    }
    if (ps->has_star) {
        if (kpar_list_push(p, &ps->kwonly, a) < 0 ||
            kpar_list_push(p, &ps->kw_defaults, dflt) < 0) {
            return -1;
        }
        return 0;
    }
    if (!dflt && ps->defaults.count > 0) {
        kpar_error_at(p, KDIAG_SYNTAX_ERROR, a->lineno, a->col_offset, a->end_lineno,
                      a->end_col_offset, "non-default argument follows default argument");
        return -1;
    }
    if (dflt && kpar_list_push(p, &ps->defaults, dflt) < 0) {
        return -1;
    }
    return kpar_list_push(p, &ps->pos, a);
}

// slash_no_default / slash_with_default: the '/' after positional-only ones.
// invalid_parameters:
//     | "/" ','                              -> "at least one argument must precede /"
//     | (slash_no_default | slash_with_default) param_maybe_default* '/'
//                                            -> "/ may appear only once"
//     | ... '*' (',' | param_no_default) param_maybe_default* '/'
//                                            -> "/ must be ahead of *"
//     | param_maybe_default+ '/' '*'         -> "expected comma between / and *"
static int slash(KParser *p, Params *ps) {
    const KToken *t = kpar_peek(p);
    if (ps->has_star) {
        // The rule wants '*' (',' | param_no_default): not "*args: *Ts".
        return ps->star_annotated ? syntax_error(p) : error_at_token(p, t, "/ must be ahead of *");
    }
    if (ps->has_slash) {
        return error_at_token(p, t, "/ may appear only once");
    }
    if (ps->pos.count == 0) {
        if (kpar_kind_at(p, 1) == KTOK_COMMA) {
            return error_at_token(p, t, "at least one argument must precede /");
        }
        return syntax_error(p);
    }
    kpar_advance(p);
    if (kpar_kind(p) == KTOK_STAR) {
        return error_at_token(p, kpar_peek(p), "expected comma between / and *");
    }
    ps->has_slash = 1;
    ps->posonly_count = ps->pos.count;
    return item_ends(p, ps) ? 0 : syntax_error(p);
}

// A second '*' (token 't', consumed): "* argument may appear only once" when
// a param_no_default or ',' follows it, else "invalid syntax" at it.
static int second_star(KParser *p, Params *ps, const KToken *t) {
    int ok = kpar_kind(p) == KTOK_COMMA;
    if (kpar_kind(p) == KTOK_NAME) {
        KParMark m = kpar_mark(p);
        ok = param(p, ps, 0) && item_ends(p, ps);
        kpar_reset(p, m);
    }
    if (ok) {
        return error_at_token(p, t, "* argument may appear only once");
    }
    kpar_seek(p, (int)(t - p->toks));
    return syntax_error(p);
}

// star_etc:
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
// invalid_star_etc:
//     | '*' (')' | ',' (')' | '**'))  -> "named arguments must follow bare *"
//     | '*' param '='                 -> "var-positional argument cannot have default value"
//     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
//                                     -> "* argument may appear only once"
static int star(KParser *p, Params *ps) {
    const KToken *t = kpar_advance(p);
    int kind = kpar_kind(p);
    if (ps->has_star) {
        return second_star(p, ps, t);
    }
    ps->has_star = 1;
    if (kind == KTOK_NAME) {
        if (!(ps->vararg = param(p, ps, 1))) {
            return -1;
        }
        ps->star_annotated = ps->vararg->annotation && ps->vararg->annotation->kind == KAST_STARRED;
        if (kpar_kind(p) == KTOK_EQUAL) {
            return error_at_token(p, kpar_peek(p),
                                  "var-positional argument cannot have default value");
        }
        return item_ends(p, ps) ? 0 : syntax_error(p);
    }
    int next = kpar_kind_at(p, 1);
    if (kind == ps->term || (kind == KTOK_COMMA && (next == ps->term || next == KTOK_DOUBLESTAR))) {
        // def reports at the '*'; lambda's rule uses RAISE_SYNTAX_ERROR,
        // which points at the last token read: the ':' or the '**'.
        const KToken *at = t;
        if (ps->is_lambda) {
            at = kind == ps->term ? kpar_peek(p) : kpar_peek_at(p, 1);
        }
        return error_at_token(p, at, "named arguments must follow bare *");
    }
    return kind == KTOK_COMMA ? 0 : syntax_error(p);
}

// kwds: '**' param_no_default
// invalid_kwds: '**' param '=' -> "var-keyword argument cannot have default value"
static int double_star(KParser *p, Params *ps) {
    kpar_advance(p);
    if (!(ps->kwarg = param(p, ps, 0))) {
        return -1;
    }
    if (kpar_kind(p) == KTOK_EQUAL) {
        return error_at_token(p, kpar_peek(p), "var-keyword argument cannot have default value");
    }
    ps->has_kwarg = 1;
    return item_ends(p, ps) ? 0 : syntax_error(p);
}

// invalid_kwds: '**' param ',' (param | '*' | '**' | '/')
//     -> "arguments cannot follow var-keyword argument", at what follows.
static int after_kwarg(KParser *p, Params *ps) {
    const char *msg = "arguments cannot follow var-keyword argument";
    switch (kpar_kind(p)) {
    case KTOK_NAME: {
        KAstArg *a = param(p, ps, 0);
        if (a) {
            kpar_error_at(p, KDIAG_SYNTAX_ERROR, a->lineno, a->col_offset, a->end_lineno,
                          a->end_col_offset, "%s", msg);
        }
        return -1;
    }
    case KTOK_STAR:
    case KTOK_DOUBLESTAR:
    case KTOK_SLASH:
        return error_at_token(p, kpar_peek(p), msg);
    default:
        return syntax_error(p);
    }
}

// invalid_parameters: param_no_default* '(' param_no_default+ ','? ')'
//     -> "Function parameters cannot be parenthesized"
// invalid_lambda_parameters: lambda_param_no_default* '(' ','.lambda_param+ ','? ')'
//     -> "Lambda expression parameters cannot be parenthesized"
// The current token is the '('; "invalid syntax" there when the rule fails.
static int parenthesized(KParser *p, Params *ps) {
    KParMark m = kpar_mark(p);
    const KToken *open = kpar_advance(p);
    int n = 0, ok = 1;
    while (kpar_kind(p) == KTOK_NAME) {
        if (!param(p, ps, 0)) {
            ok = 0;
            break;
        }
        n++;
        if (!kpar_accept(p, KTOK_COMMA)) {
            break;
        }
    }
    const KToken *close = kpar_peek(p);
    ok = ok && n > 0 && close->kind == KTOK_RPAR;
    kpar_reset(p, m);
    if (!ok) {
        return syntax_error(p);
    }
    kpar_error_tokens(p, open, close, "%s",
                      ps->is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                    : "Function parameters cannot be parenthesized");
    return -1;
}

// One parameter, '/', '*' or '**' item, up to the ',' or the list's end.
static int item(KParser *p, Params *ps) {
    if (ps->has_kwarg) {
        return after_kwarg(p, ps);
    }
    switch (kpar_kind(p)) {
    case KTOK_NAME:
        return plain_param(p, ps);
    case KTOK_SLASH:
        return slash(p, ps);
    case KTOK_STAR:
        return star(p, ps);
    case KTOK_DOUBLESTAR:
        return double_star(p, ps);
    case KTOK_LPAR:
        if (ps->defaults.count == 0 && !ps->has_slash && !ps->has_star) {
            return parenthesized(p, ps);
        }
        return syntax_error(p);
    default:
        return syntax_error(p);
    }
}

// Items 'from'..'to' of 'l' as a sequence (NULL when empty).
static KAstSeq *slice(KParser *p, const KParList *l, int from, int to) {
    if (to <= from) {
        return NULL;
    }
    KAstSeq *s = kast_seq_new(p->arena, to - from);
    if (!s) {
        return kpar_nomem(p);
    }
    for (int i = from; i < to; i++) {
        s->items[i - from] = l->items[i];
    }
    return s;
}

static KAstArguments *build(KParser *p, const Params *ps) {
    KAstSeq *posonly = slice(p, &ps->pos, 0, ps->posonly_count);
    KAstSeq *args = slice(p, &ps->pos, ps->posonly_count, ps->pos.count);
    KAstSeq *defaults = kpar_list_seq(p, &ps->defaults);
    KAstSeq *kwonly = kpar_list_seq(p, &ps->kwonly);
    KAstSeq *kw_defaults = kpar_list_seq(p, &ps->kw_defaults);
    if (kpar_failed(p)) {
        return NULL;
    }
    KAstArguments *a = kast_arguments(p->arena, posonly, args, ps->vararg, kwonly, kw_defaults,
                                      ps->kwarg, defaults);
    return a ? a : kpar_nomem(p);
}

// params (def, up to ')') or lambda_params (up to ':'); the closing token is
// not consumed.
// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
KAstArguments *kpar_parameters(KParser *p, int is_lambda) {
    if (kpar_enter(p) < 0) {
        return NULL;
    }
    Params ps = {.is_lambda = is_lambda, .term = is_lambda ? KTOK_COLON : KTOK_RPAR};
    kpar_list_init(&ps.pos);
    kpar_list_init(&ps.defaults);
    kpar_list_init(&ps.kwonly);
    kpar_list_init(&ps.kw_defaults);
    KAstArguments *r = NULL;
    int ok = 1;
    while (ok && kpar_kind(p) != ps.term) {
        ok = item(p, &ps) == 0;
        if (ok && !kpar_accept(p, KTOK_COMMA) && kpar_kind(p) != ps.term) {
            ok = syntax_error(p) == 0;
        }
    }
    if (ok) {
        r = build(p, &ps);
    }
    kpar_leave(p);
    return r;
}
