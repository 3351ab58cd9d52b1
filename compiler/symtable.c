// compiler/symtable.c: the symbol table (see symtable.h). The first pass
// walks the AST and records, per block, how each name is used (bound,
// used, declared global/nonlocal, a parameter...); the second pass
// (analyze_block, from the module down) decides each name's scope and turns
// locals captured by inner functions into cells, as CPython 3.11 does.
#include "symtable.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct KSymTable {
    KArena *arena;
    KAtoms *atoms; // of every name map of this compilation (codegen's too)
    KDiag *diag;
    KSymEntry *top;
    KSymEntry *cur;
    const char *private_; // name of the innermost class, for mangling
    int features;
    int depth;
    // AST node -> entry, open addressing on the pointer
    const void **keys;
    KSymEntry **vals;
    int nslots, count;
};

// Deepest block nesting accepted (CPython reports a RecursionError near
// here; the parser's own limit normally comes first).
enum { MAX_DEPTH = 2000 };

static int nomem(KSymTable *st) {
    return kdiag_nomem(st->diag);
}

// ---------------------------------------------------------------------------
// Names and mangling

const char *ksym_mangle_private(KArena *a, const char *private_, const char *name) {
    size_t len = strlen(name);
    if ((len >= 2 && name[len - 1] == '_' && name[len - 2] == '_') || strchr(name, '.')) {
        return name;
    }
    while (*private_ == '_') {
        private_++;
    }
    if (!*private_) {
        return name;
    }
    size_t plen = strlen(private_);
    char *out = karena_alloc(a, plen + len + 2);
    if (!out) {
        return NULL;
    }
    out[0] = '_';
    memcpy(out + 1, private_, plen);
    memcpy(out + 1 + plen, name, len + 1);
    return out;
}

// ---------------------------------------------------------------------------
// The node -> entry map

static uint32_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static int map_grow(KSymTable *st) {
    int n = st->nslots ? st->nslots * 2 : 64;
    const void **keys = karena_calloc(st->arena, sizeof(void *) * (size_t)n);
    KSymEntry **vals = karena_alloc(st->arena, sizeof(KSymEntry *) * (size_t)n);
    if (!keys || !vals) {
        return -1;
    }
    for (int i = 0; i < st->nslots; i++) {
        if (st->keys[i]) {
            uint32_t j = hash_ptr(st->keys[i]) & (uint32_t)(n - 1);
            while (keys[j]) {
                j = (j + 1) & (uint32_t)(n - 1);
            }
            keys[j] = st->keys[i];
            vals[j] = st->vals[i];
        }
    }
    st->keys = keys;
    st->vals = vals;
    st->nslots = n;
    return 0;
}

static int map_put(KSymTable *st, const void *key, KSymEntry *ste) {
    if ((st->count + 1) * 2 > st->nslots && map_grow(st) < 0) {
        return -1;
    }
    uint32_t mask = (uint32_t)st->nslots - 1;
    uint32_t j = hash_ptr(key) & mask;
    while (st->keys[j] && st->keys[j] != key) {
        j = (j + 1) & mask;
    }
    if (!st->keys[j]) {
        st->count++;
    }
    st->keys[j] = key;
    st->vals[j] = ste;
    return 0;
}

KSymEntry *ksym_lookup(const KSymTable *st, const void *key) {
    if (!st->nslots) {
        return NULL;
    }
    uint32_t mask = (uint32_t)st->nslots - 1;
    for (uint32_t j = hash_ptr(key) & mask; st->keys[j]; j = (j + 1) & mask) {
        if (st->keys[j] == key) {
            return st->vals[j];
        }
    }
    return NULL;
}

KSymEntry *ksym_top(const KSymTable *st) {
    return st->top;
}

KAtoms *ksym_atoms(const KSymTable *st) {
    return st->atoms;
}

const KSymbol *ksym_symbol(const KSymEntry *ste, const char *name) {
    int i = kmap_find(&ste->index, name);
    return i < 0 ? NULL : &ste->symbols[ste->index.vals[i]];
}

// ---------------------------------------------------------------------------
// Entries and definitions

static int grow_array(KArena *a, void **items, int *cap, int count, size_t size) {
    if (count < *cap) {
        return 0;
    }
    int ncap = *cap ? *cap * 2 : 4;
    void *n = karena_alloc(a, size * (size_t)ncap);
    if (!n) {
        return -1;
    }
    if (count) {
        memcpy(n, *items, size * (size_t)count);
    }
    *items = n;
    *cap = ncap;
    return 0;
}

static int enter_block(KSymTable *st, const char *name, KSymBlock type, const void *key,
                       int lineno, int col) {
    if (++st->depth > MAX_DEPTH) {
        return kdiag_error(st->diag, KDIAG_MEMORY_ERROR, 0, -1, 0, -1,
                           "too many nested blocks");
    }
    KSymEntry *ste = karena_calloc(st->arena, sizeof(KSymEntry));
    if (!ste) {
        return nomem(st);
    }
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->lineno = lineno;
    ste->col = col;
    kmap_init(&ste->index, st->atoms);
    KSymEntry *prev = st->cur;
    ste->parent = prev;
    if (prev && (prev->is_nested || prev->type == KSYM_FUNCTION)) {
        ste->is_nested = 1;
    }
    if (prev) {
        if (grow_array(st->arena, (void **)&prev->children, &prev->childcap, prev->nchildren,
                       sizeof(KSymEntry *)) < 0) {
            return nomem(st);
        }
        prev->children[prev->nchildren++] = ste;
    }
    if (type != KSYM_ANNOTATION && map_put(st, key, ste) < 0) {
        return nomem(st);
    }
    st->cur = ste;
    return 0;
}

static void exit_block(KSymTable *st) {
    st->depth--;
    st->cur = st->cur->parent;
}

// The symbol 'name' (mangled) of 'ste', created with no flags when absent.
// Symbols are numbered in the order 'index' learns their names, so one
// probe finds or adds (a find, then a put, hashed the name twice).
static KSymbol *get_symbol(KSymTable *st, KSymEntry *ste, const char *name) {
    int i = kmap_index(&ste->index, name);
    if (i < 0) {
        nomem(st);
        return NULL;
    }
    if (i < ste->nsymbols) {
        return &ste->symbols[i];
    }
    if (grow_array(st->arena, (void **)&ste->symbols, &ste->symcap, ste->nsymbols,
                   sizeof(KSymbol)) < 0) {
        nomem(st);
        return NULL;
    }
    KSymbol *s = &ste->symbols[ste->nsymbols++];
    memset(s, 0, sizeof *s);
    s->name = ste->index.keys[i]; // the canonical text
    s->atom = ste->index.ids[i];
    return s;
}

static int lookup_flags(KSymTable *st, const char *name) {
    const char *m = ksym_mangle(st->arena, st->private_, name);
    if (!m) {
        return nomem(st);
    }
    const KSymbol *s = ksym_symbol(st->cur, m);
    return s ? s->flags : 0;
}

// A node's location for errors: lineno, col, end_lineno, end_col.
typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;

#define LOC(n) ((Loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

static int error_at(KSymTable *st, Loc loc, const char *fmt, const char *name) {
    return kdiag_error(st->diag, KDIAG_SYNTAX_ERROR, loc.lineno, loc.col, loc.end_lineno,
                       loc.end_col, fmt, name);
}

static int add_def_in(KSymTable *st, const char *name, int flag, KSymEntry *ste, Loc loc) {
    const char *mangled = ksym_mangle(st->arena, st->private_, name);
    if (!mangled) {
        return nomem(st);
    }
    KSymbol *s = get_symbol(st, ste, mangled);
    if (!s) {
        return -1;
    }
    if ((flag & KSYM_DEF_PARAM) && (s->flags & KSYM_DEF_PARAM)) {
        return error_at(st, loc, "duplicate argument '%s' in function definition", name);
    }
    int val = s->flags | flag;
    if (ste->comp_iter_target) {
        if (val & (KSYM_DEF_GLOBAL | KSYM_DEF_NONLOCAL)) {
            return error_at(st, loc,
                            "comprehension inner loop cannot rebind assignment expression "
                            "target '%s'",
                            name);
        }
        val |= KSYM_DEF_COMP_ITER;
    }
    s->flags = val;
    if (flag & KSYM_DEF_PARAM) {
        if (grow_array(st->arena, (void **)&ste->varnames, &ste->varcap, ste->nvarnames,
                       sizeof(char *)) < 0) {
            return nomem(st);
        }
        ste->varnames[ste->nvarnames++] = s->name;
    } else if (flag & KSYM_DEF_GLOBAL) {
        KSymbol *g = get_symbol(st, st->top, mangled);
        if (!g) {
            return -1;
        }
        g->flags |= flag;
    }
    return 0;
}

static int add_def(KSymTable *st, const char *name, int flag, Loc loc) {
    return add_def_in(st, name, flag, st->cur, loc);
}

// Remembers where a global/nonlocal statement named 'name', for the errors
// the analysis reports later.
static int record_directive(KSymTable *st, const char *name, Loc loc) {
    const char *mangled = ksym_mangle(st->arena, st->private_, name);
    KSymbol *s = mangled ? get_symbol(st, st->cur, mangled) : NULL;
    if (!s) {
        return mangled ? -1 : nomem(st);
    }
    if (!s->dir_lineno) {
        s->dir_lineno = loc.lineno;
        s->dir_col = loc.col;
        s->dir_end_lineno = loc.end_lineno;
        s->dir_end_col = loc.end_col;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The walk

static int visit_stmts(KSymTable *st, const KAstSeq *seq);
static int visit_expr_node(KSymTable *st, const KAstExpr *e);
static int visit_name(KSymTable *st, const KAstExpr *e);
static int visit_pattern(KSymTable *st, const KAstPattern *p);

// An expression: the leaves (names and constants, half of all nodes) go
// straight to their work, without the big switch's call.
static inline int visit_expr(KSymTable *st, const KAstExpr *e) {
    if (e->kind == KAST_NAME) {
        return visit_name(st, e);
    }
    return e->kind == KAST_CONSTANT ? 0 : visit_expr_node(st, e);
}

static int visit_exprs(KSymTable *st, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (seq->items[i] && visit_expr(st, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_opt(KSymTable *st, const KAstExpr *e) {
    return e ? visit_expr(st, e) : 0;
}

static int in_annotation_block(KSymTable *st, const char *what, const KAstExpr *e) {
    if (st->cur->type != KSYM_ANNOTATION) {
        return 0;
    }
    return error_at(st, LOC(e), "'%s' can not be used within an annotation", what);
}

static int visit_annotation(KSymTable *st, const KAstExpr *ann) {
    int future = st->features & KSYM_FUTURE_ANNOTATIONS;
    if (future && enter_block(st, "_annotation", KSYM_ANNOTATION, ann, ann->lineno,
                              ann->col_offset) < 0) {
        return -1;
    }
    if (visit_expr(st, ann) < 0) {
        return -1;
    }
    if (future) {
        exit_block(st);
    }
    return 0;
}

static int visit_arg_annotations(KSymTable *st, const KAstSeq *args) {
    for (int i = 0; i < KAST_LEN(args); i++) {
        const KAstArg *arg = args->items[i];
        if (arg->annotation && visit_expr(st, arg->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_annotations(KSymTable *st, const KAstStmt *s, const KAstArguments *a,
                             const KAstExpr *returns) {
    int future = st->features & KSYM_FUTURE_ANNOTATIONS;
    if (future && enter_block(st, "_annotation", KSYM_ANNOTATION, s, s->lineno,
                              s->col_offset) < 0) {
        return -1;
    }
    if (visit_arg_annotations(st, a->posonlyargs) < 0 ||
        visit_arg_annotations(st, a->args) < 0 ||
        (a->vararg && a->vararg->annotation && visit_expr(st, a->vararg->annotation) < 0) ||
        (a->kwarg && a->kwarg->annotation && visit_expr(st, a->kwarg->annotation) < 0) ||
        visit_arg_annotations(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (future) {
        exit_block(st);
    }
    return returns ? visit_annotation(st, returns) : 0;
}

static int visit_params(KSymTable *st, const KAstSeq *args) {
    for (int i = 0; i < KAST_LEN(args); i++) {
        const KAstArg *arg = args->items[i];
        if (add_def(st, arg->arg, KSYM_DEF_PARAM, LOC(arg)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_arguments(KSymTable *st, const KAstArguments *a) {
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 ||
        visit_params(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, KSYM_DEF_PARAM, LOC(a->vararg)) < 0) {
            return -1;
        }
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, KSYM_DEF_PARAM, LOC(a->kwarg)) < 0) {
            return -1;
        }
        st->cur->varkeywords = 1;
    }
    return 0;
}

// def / async def: name, defaults, annotations, decorators in the
// enclosing block; parameters and body in a new one.
static int visit_function(KSymTable *st, const KAstStmt *s, const char *name,
                          const KAstArguments *args, const KAstSeq *body,
                          const KAstSeq *decorators, const KAstExpr *returns, int is_async) {
    if (add_def(st, name, KSYM_DEF_LOCAL, LOC(s)) < 0 || visit_exprs(st, args->defaults) < 0 ||
        visit_exprs(st, args->kw_defaults) < 0 || visit_annotations(st, s, args, returns) < 0 ||
        visit_exprs(st, decorators) < 0) {
        return -1;
    }
    if (enter_block(st, name, KSYM_FUNCTION, s, s->lineno, s->col_offset) < 0) {
        return -1;
    }
    if (is_async) {
        st->cur->is_coroutine = 1;
    }
    if (visit_arguments(st, args) < 0 || visit_stmts(st, body) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

static int visit_class(KSymTable *st, const KAstStmt *s) {
    if (add_def(st, s->v.class_def.name, KSYM_DEF_LOCAL, LOC(s)) < 0 ||
        visit_exprs(st, s->v.class_def.bases) < 0) {
        return -1;
    }
    for (int i = 0; i < KAST_LEN(s->v.class_def.keywords); i++) {
        const KAstKeyword *k = s->v.class_def.keywords->items[i];
        if (visit_expr(st, k->value) < 0) {
            return -1;
        }
    }
    if (visit_exprs(st, s->v.class_def.decorator_list) < 0 ||
        enter_block(st, s->v.class_def.name, KSYM_CLASS, s, s->lineno, s->col_offset) < 0) {
        return -1;
    }
    const char *saved = st->private_;
    st->private_ = s->v.class_def.name;
    if (visit_stmts(st, s->v.class_def.body) < 0) {
        return -1;
    }
    st->private_ = saved;
    exit_block(st);
    return 0;
}

static int visit_ann_assign(KSymTable *st, const KAstStmt *s) {
    const KAstExpr *target = s->v.ann_assign.target;
    if (target->kind == KAST_NAME) {
        const char *name = target->v.name.id;
        int cur = lookup_flags(st, name);
        if (cur < 0) {
            return -1;
        }
        if ((cur & (KSYM_DEF_GLOBAL | KSYM_DEF_NONLOCAL)) && st->cur != st->top &&
            s->v.ann_assign.simple) {
            return error_at(st, LOC(s),
                            (cur & KSYM_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                    : "annotated name '%s' can't be nonlocal",
                            name);
        }
        if (s->v.ann_assign.simple) {
            if (add_def(st, name, KSYM_DEF_ANNOT | KSYM_DEF_LOCAL, LOC(target)) < 0) {
                return -1;
            }
        } else if (s->v.ann_assign.value &&
                   add_def(st, name, KSYM_DEF_LOCAL, LOC(target)) < 0) {
            return -1;
        }
    } else if (visit_expr(st, target) < 0) {
        return -1;
    }
    if (visit_annotation(st, s->v.ann_assign.annotation) < 0) {
        return -1;
    }
    return visit_opt(st, s->v.ann_assign.value);
}

// global / nonlocal statements.
static int visit_declaration(KSymTable *st, const KAstStmt *s, int is_global) {
    const KAstSeq *names = is_global ? s->v.global.names : s->v.nonlocal.names;
    const char *what = is_global ? "global" : "nonlocal";
    for (int i = 0; i < KAST_LEN(names); i++) {
        const char *name = names->items[i];
        int cur = lookup_flags(st, name);
        if (cur < 0) {
            return -1;
        }
        if (cur & (KSYM_DEF_PARAM | KSYM_DEF_LOCAL | KSYM_USE | KSYM_DEF_ANNOT)) {
            char fmt[80];
            if (cur & KSYM_DEF_PARAM) {
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", what);
            } else if (cur & KSYM_USE) {
                snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", what);
            } else if (cur & KSYM_DEF_ANNOT) {
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", what);
            } else {
                snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration",
                         what);
            }
            return error_at(st, LOC(s), fmt, name);
        }
        if (add_def(st, name, is_global ? KSYM_DEF_GLOBAL : KSYM_DEF_NONLOCAL, LOC(s)) < 0 ||
            record_directive(st, name, LOC(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_alias(KSymTable *st, const KAstAlias *a) {
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != KSYM_MODULE) {
            return error_at(st, LOC(a), "%s", "import * only allowed at module level");
        }
        return 0;
    }
    const char *dot = strchr(name, '.');
    const char *store = name;
    if (dot) {
        store = karena_strndup(st->arena, name, (size_t)(dot - name));
        if (!store) {
            return nomem(st);
        }
    }
    return add_def(st, store, KSYM_DEF_IMPORT, LOC(a));
}

static int visit_handlers(KSymTable *st, const KAstSeq *handlers) {
    for (int i = 0; i < KAST_LEN(handlers); i++) {
        const KAstExcepthandler *h = handlers->items[i];
        if (visit_opt(st, h->v.except_handler.type) < 0) {
            return -1;
        }
        if (h->v.except_handler.name &&
            add_def(st, h->v.except_handler.name, KSYM_DEF_LOCAL, LOC(h)) < 0) {
            return -1;
        }
        if (visit_stmts(st, h->v.except_handler.body) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_withitems(KSymTable *st, const KAstSeq *items) {
    for (int i = 0; i < KAST_LEN(items); i++) {
        const KAstWithitem *w = items->items[i];
        if (visit_expr(st, w->context_expr) < 0 || visit_opt(st, w->optional_vars) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_match(KSymTable *st, const KAstStmt *s) {
    if (visit_expr(st, s->v.match.subject) < 0) {
        return -1;
    }
    for (int i = 0; i < KAST_LEN(s->v.match.cases); i++) {
        const KAstMatchCase *c = s->v.match.cases->items[i];
        if (visit_pattern(st, c->pattern) < 0 || visit_opt(st, c->guard) < 0 ||
            visit_stmts(st, c->body) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_loop(KSymTable *st, const KAstExpr *target, const KAstExpr *iter,
                      const KAstSeq *body, const KAstSeq *orelse) {
    if (visit_expr(st, target) < 0 || visit_expr(st, iter) < 0 || visit_stmts(st, body) < 0) {
        return -1;
    }
    return visit_stmts(st, orelse);
}

static int visit_try(KSymTable *st, const KAstSeq *body, const KAstSeq *handlers,
                     const KAstSeq *orelse, const KAstSeq *finalbody) {
    if (visit_stmts(st, body) < 0 || visit_stmts(st, orelse) < 0 ||
        visit_handlers(st, handlers) < 0) {
        return -1;
    }
    return visit_stmts(st, finalbody);
}

static int visit_stmt(KSymTable *st, const KAstStmt *s) {
    switch (s->kind) {
    case KAST_FUNCTION_DEF:
        return visit_function(st, s, s->v.function_def.name, s->v.function_def.args,
                              s->v.function_def.body, s->v.function_def.decorator_list,
                              s->v.function_def.returns, 0);
    case KAST_ASYNC_FUNCTION_DEF:
        return visit_function(st, s, s->v.async_function_def.name, s->v.async_function_def.args,
                              s->v.async_function_def.body,
                              s->v.async_function_def.decorator_list,
                              s->v.async_function_def.returns, 1);
    case KAST_CLASS_DEF:
        return visit_class(st, s);
    case KAST_RETURN:
        if (s->v.return_.value) {
            if (visit_expr(st, s->v.return_.value) < 0) {
                return -1;
            }
            st->cur->returns_value = 1;
        }
        return 0;
    case KAST_DELETE:
        return visit_exprs(st, s->v.delete.targets);
    case KAST_ASSIGN:
        if (visit_exprs(st, s->v.assign.targets) < 0) {
            return -1;
        }
        return visit_expr(st, s->v.assign.value);
    case KAST_AUG_ASSIGN:
        if (visit_expr(st, s->v.aug_assign.target) < 0) {
            return -1;
        }
        return visit_expr(st, s->v.aug_assign.value);
    case KAST_ANN_ASSIGN:
        return visit_ann_assign(st, s);
    case KAST_FOR:
        return visit_loop(st, s->v.for_.target, s->v.for_.iter, s->v.for_.body, s->v.for_.orelse);
    case KAST_ASYNC_FOR:
        return visit_loop(st, s->v.async_for.target, s->v.async_for.iter, s->v.async_for.body,
                          s->v.async_for.orelse);
    case KAST_WHILE:
        if (visit_expr(st, s->v.while_.test) < 0 || visit_stmts(st, s->v.while_.body) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.while_.orelse);
    case KAST_IF:
        if (visit_expr(st, s->v.if_.test) < 0 || visit_stmts(st, s->v.if_.body) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.if_.orelse);
    case KAST_WITH:
        if (visit_withitems(st, s->v.with.items) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.with.body);
    case KAST_ASYNC_WITH:
        if (visit_withitems(st, s->v.async_with.items) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.async_with.body);
    case KAST_MATCH:
        return visit_match(st, s);
    case KAST_RAISE:
        if (visit_opt(st, s->v.raise.exc) < 0) {
            return -1;
        }
        return visit_opt(st, s->v.raise.cause);
    case KAST_TRY:
        return visit_try(st, s->v.try_.body, s->v.try_.handlers, s->v.try_.orelse,
                         s->v.try_.finalbody);
    case KAST_TRY_STAR:
        return visit_try(st, s->v.try_star.body, s->v.try_star.handlers, s->v.try_star.orelse,
                         s->v.try_star.finalbody);
    case KAST_ASSERT:
        if (visit_expr(st, s->v.assert.test) < 0) {
            return -1;
        }
        return visit_opt(st, s->v.assert.msg);
    case KAST_IMPORT:
    case KAST_IMPORT_FROM: {
        const KAstSeq *names =
            s->kind == KAST_IMPORT ? s->v.import.names : s->v.import_from.names;
        for (int i = 0; i < KAST_LEN(names); i++) {
            if (visit_alias(st, names->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case KAST_GLOBAL:
        return visit_declaration(st, s, 1);
    case KAST_NONLOCAL:
        return visit_declaration(st, s, 0);
    case KAST_EXPR:
        return visit_expr(st, s->v.expr.value);
    case KAST_PASS:
    case KAST_BREAK:
    case KAST_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmts(KSymTable *st, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (visit_stmt(st, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- expressions

// A walrus inside a comprehension binds in the nearest enclosing function
// or module block (PEP 572).
static int extend_namedexpr_scope(KSymTable *st, const KAstExpr *target) {
    const char *name = target->v.name.id;
    for (KSymEntry *ste = st->cur; ste; ste = ste->parent) {
        if (ste->comprehension) {
            const KSymbol *s = ksym_symbol(ste, name);
            if (s && (s->flags & KSYM_DEF_COMP_ITER)) {
                return error_at(st, LOC(target),
                                "assignment expression cannot rebind comprehension iteration "
                                "variable '%s'",
                                name);
            }
            continue;
        }
        if (ste->type == KSYM_FUNCTION) {
            const KSymbol *s = ksym_symbol(ste, name);
            int flag = s && (s->flags & KSYM_DEF_GLOBAL) ? KSYM_DEF_GLOBAL : KSYM_DEF_NONLOCAL;
            if (add_def(st, name, flag, LOC(target)) < 0 ||
                record_directive(st, name, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, KSYM_DEF_LOCAL, ste, LOC(target));
        }
        if (ste->type == KSYM_MODULE) {
            if (add_def(st, name, KSYM_DEF_GLOBAL, LOC(target)) < 0 ||
                record_directive(st, name, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, KSYM_DEF_GLOBAL, ste, LOC(target));
        }
        if (ste->type == KSYM_CLASS) {
            return error_at(st, LOC(target), "%s",
                            "assignment expression within a comprehension cannot be used in a "
                            "class body");
        }
    }
    return 0;
}

static int visit_namedexpr(KSymTable *st, const KAstExpr *e) {
    if (in_annotation_block(st, "named expression", e) < 0) {
        return -1;
    }
    if (st->cur->comp_iter_expr > 0) {
        return error_at(st, LOC(e), "%s",
                        "assignment expression cannot be used in a comprehension iterable "
                        "expression");
    }
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.named_expr.target) < 0) {
        return -1;
    }
    if (visit_expr(st, e->v.named_expr.value) < 0) {
        return -1;
    }
    return visit_expr(st, e->v.named_expr.target);
}

static int visit_comprehension(KSymTable *st, const KAstComprehension *c) {
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, c->target) < 0) {
        return -1;
    }
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(st, c->iter) < 0) {
        return -1;
    }
    st->cur->comp_iter_expr--;
    if (visit_exprs(st, c->ifs) < 0) {
        return -1;
    }
    if (c->is_async) {
        st->cur->is_coroutine = 1;
    }
    return 0;
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

// The outermost iterable is evaluated in the enclosing block; the rest of
// the comprehension runs in a function block receiving it as '.0'.
static int visit_comp(KSymTable *st, const KAstExpr *e, KSymComp kind, const KAstSeq *gens,
                      const KAstExpr *elt, const KAstExpr *value) {
    const KAstComprehension *outer = gens->items[0];
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outer->iter) < 0) {
        return -1;
    }
    st->cur->comp_iter_expr--;
    if (enter_block(st, comp_name(kind), KSYM_FUNCTION, e, e->lineno, e->col_offset) < 0) {
        return -1;
    }
    KSymEntry *ste = st->cur;
    ste->comprehension = kind;
    if (outer->is_async) {
        ste->is_coroutine = 1;
    }
    if (add_def(st, ".0", KSYM_DEF_PARAM, LOC(e)) < 0) {
        return -1;
    }
    ste->comp_iter_target = 1;
    if (visit_expr(st, outer->target) < 0) {
        return -1;
    }
    ste->comp_iter_target = 0;
    if (visit_exprs(st, outer->ifs) < 0) {
        return -1;
    }
    for (int i = 1; i < gens->count; i++) {
        if (visit_comprehension(st, gens->items[i]) < 0) {
            return -1;
        }
    }
    if (value && visit_expr(st, value) < 0) {
        return -1;
    }
    if (visit_expr(st, elt) < 0) {
        return -1;
    }
    int is_generator = kind == KSYM_GENEXP;
    if (is_generator) {
        ste->is_generator = 1;
    }
    int is_async = ste->is_coroutine && !is_generator;
    exit_block(st);
    if (is_async) {
        st->cur->is_coroutine = 1;
    }
    return 0;
}

static int visit_yield(KSymTable *st, const KAstExpr *e, const KAstExpr *value) {
    if (in_annotation_block(st, "yield expression", e) < 0 || visit_opt(st, value) < 0) {
        return -1;
    }
    st->cur->is_generator = 1;
    switch (st->cur->comprehension) {
    case KSYM_NOT_COMP:
        return 0;
    case KSYM_LISTCOMP:
        return error_at(st, LOC(e), "%s", "'yield' inside list comprehension");
    case KSYM_SETCOMP:
        return error_at(st, LOC(e), "%s", "'yield' inside set comprehension");
    case KSYM_DICTCOMP:
        return error_at(st, LOC(e), "%s", "'yield' inside dict comprehension");
    default:
        return error_at(st, LOC(e), "%s", "'yield' inside generator expression");
    }
}

static int visit_lambda(KSymTable *st, const KAstExpr *e) {
    const KAstArguments *args = e->v.lambda.args;
    if (visit_exprs(st, args->defaults) < 0 || visit_exprs(st, args->kw_defaults) < 0 ||
        enter_block(st, "lambda", KSYM_FUNCTION, e, e->lineno, e->col_offset) < 0 ||
        visit_arguments(st, args) < 0 || visit_expr(st, e->v.lambda.body) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

static int visit_name(KSymTable *st, const KAstExpr *e) {
    int load = e->v.name.ctx == KAST_LOAD;
    if (add_def(st, e->v.name.id, load ? KSYM_USE : KSYM_DEF_LOCAL, LOC(e)) < 0) {
        return -1;
    }
    // super() needs the __class__ cell of the enclosing class.
    const char *id = e->v.name.id;
    if (load && id[0] == 's' && st->cur->type == KSYM_FUNCTION && strcmp(id, "super") == 0) {
        return add_def(st, "__class__", KSYM_USE, LOC(e));
    }
    return 0;
}

static int visit_call(KSymTable *st, const KAstExpr *e) {
    if (visit_expr(st, e->v.call.func) < 0 || visit_exprs(st, e->v.call.args) < 0) {
        return -1;
    }
    for (int i = 0; i < KAST_LEN(e->v.call.keywords); i++) {
        const KAstKeyword *k = e->v.call.keywords->items[i];
        if (visit_expr(st, k->value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_expr_node(KSymTable *st, const KAstExpr *e) {
    switch (e->kind) {
    case KAST_NAMED_EXPR:
        return visit_namedexpr(st, e);
    case KAST_BOOL_OP:
        return visit_exprs(st, e->v.bool_op.values);
    case KAST_BIN_OP:
        if (visit_expr(st, e->v.bin_op.left) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.bin_op.right);
    case KAST_UNARY_OP:
        return visit_expr(st, e->v.unary_op.operand);
    case KAST_LAMBDA:
        return visit_lambda(st, e);
    case KAST_IF_EXP:
        if (visit_expr(st, e->v.if_exp.test) < 0 || visit_expr(st, e->v.if_exp.body) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.if_exp.orelse);
    case KAST_DICT:
        if (visit_exprs(st, e->v.dict.keys) < 0) {
            return -1;
        }
        return visit_exprs(st, e->v.dict.values);
    case KAST_SET:
        return visit_exprs(st, e->v.set.elts);
    case KAST_GENERATOR_EXP:
        return visit_comp(st, e, KSYM_GENEXP, e->v.generator_exp.generators,
                          e->v.generator_exp.elt, NULL);
    case KAST_LIST_COMP:
        return visit_comp(st, e, KSYM_LISTCOMP, e->v.list_comp.generators, e->v.list_comp.elt,
                          NULL);
    case KAST_SET_COMP:
        return visit_comp(st, e, KSYM_SETCOMP, e->v.set_comp.generators, e->v.set_comp.elt,
                          NULL);
    case KAST_DICT_COMP:
        return visit_comp(st, e, KSYM_DICTCOMP, e->v.dict_comp.generators, e->v.dict_comp.key,
                          e->v.dict_comp.value);
    case KAST_YIELD:
        return visit_yield(st, e, e->v.yield.value);
    case KAST_YIELD_FROM:
        return visit_yield(st, e, e->v.yield_from.value);
    case KAST_AWAIT:
        if (in_annotation_block(st, "await expression", e) < 0 ||
            visit_expr(st, e->v.await.value) < 0) {
            return -1;
        }
        st->cur->is_coroutine = 1;
        return 0;
    case KAST_COMPARE:
        if (visit_expr(st, e->v.compare.left) < 0) {
            return -1;
        }
        return visit_exprs(st, e->v.compare.comparators);
    case KAST_CALL:
        return visit_call(st, e);
    case KAST_FORMATTED_VALUE:
        if (visit_expr(st, e->v.formatted_value.value) < 0) {
            return -1;
        }
        return visit_opt(st, e->v.formatted_value.format_spec);
    case KAST_JOINED_STR:
        return visit_exprs(st, e->v.joined_str.values);
    case KAST_CONSTANT:
        return 0;
    case KAST_ATTRIBUTE:
        return visit_expr(st, e->v.attribute.value);
    case KAST_SUBSCRIPT:
        if (visit_expr(st, e->v.subscript.value) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.subscript.slice);
    case KAST_STARRED:
        return visit_expr(st, e->v.starred.value);
    case KAST_SLICE:
        if (visit_opt(st, e->v.slice.lower) < 0 || visit_opt(st, e->v.slice.upper) < 0) {
            return -1;
        }
        return visit_opt(st, e->v.slice.step);
    case KAST_NAME:
        return visit_name(st, e);
    case KAST_LIST:
        return visit_exprs(st, e->v.list.elts);
    case KAST_TUPLE:
        return visit_exprs(st, e->v.tuple.elts);
    }
    return 0;
}

static int visit_patterns(KSymTable *st, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (visit_pattern(st, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_pattern(KSymTable *st, const KAstPattern *p) {
    switch (p->kind) {
    case KAST_MATCH_VALUE:
        return visit_expr(st, p->v.match_value.value);
    case KAST_MATCH_SINGLETON:
        return 0;
    case KAST_MATCH_SEQUENCE:
        return visit_patterns(st, p->v.match_sequence.patterns);
    case KAST_MATCH_STAR:
        return p->v.match_star.name ? add_def(st, p->v.match_star.name, KSYM_DEF_LOCAL, LOC(p))
                                    : 0;
    case KAST_MATCH_MAPPING:
        if (visit_exprs(st, p->v.match_mapping.keys) < 0 ||
            visit_patterns(st, p->v.match_mapping.patterns) < 0) {
            return -1;
        }
        return p->v.match_mapping.rest
                   ? add_def(st, p->v.match_mapping.rest, KSYM_DEF_LOCAL, LOC(p))
                   : 0;
    case KAST_MATCH_CLASS:
        if (visit_expr(st, p->v.match_class.cls) < 0 ||
            visit_patterns(st, p->v.match_class.patterns) < 0) {
            return -1;
        }
        return visit_patterns(st, p->v.match_class.kwd_patterns);
    case KAST_MATCH_AS:
        if (p->v.match_as.pattern && visit_pattern(st, p->v.match_as.pattern) < 0) {
            return -1;
        }
        return p->v.match_as.name ? add_def(st, p->v.match_as.name, KSYM_DEF_LOCAL, LOC(p)) : 0;
    case KAST_MATCH_OR:
        return visit_patterns(st, p->v.match_or.patterns);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Analysis. Name sets are KMaps whose value is 1 for members (0 after a
// removal); a NULL set (no enclosing function) differs from an empty one.

static int set_has(const KMap *s, int atom) {
    return s && kmap_get_atom(s, atom, 0) != 0;
}

static int set_add(KMap *s, int atom) {
    return kmap_put_atom(s, atom, 1) < 0 ? -1 : 0;
}

static void set_discard(KMap *s, int atom) {
    int i = s ? kmap_find_atom(s, atom) : -1;
    if (i >= 0) {
        s->vals[i] = 0;
    }
}

static int set_update(KMap *dst, const KMap *src) {
    for (int i = 0; src && i < src->count; i++) {
        if (src->vals[i] && kmap_put_atom(dst, src->ids[i], 1) < 0) {
            return -1;
        }
    }
    return 0;
}

static int error_at_directive(KSymTable *st, const KSymbol *s, const char *fmt) {
    return kdiag_error(st->diag, KDIAG_SYNTAX_ERROR, s->dir_lineno, s->dir_col,
                       s->dir_end_lineno, s->dir_end_col, fmt, s->name);
}

// Decides the scope of symbol 's' of 'ste' (analyze_name).
static int analyze_name(KSymTable *st, KSymEntry *ste, KSymbol *s, KMap *bound, KMap *local,
                        KMap *free, KMap *global) {
    int flags = s->flags;
    if (flags & KSYM_DEF_GLOBAL) {
        if (flags & KSYM_DEF_NONLOCAL) {
            return error_at_directive(st, s, "name '%s' is nonlocal and global");
        }
        s->scope = KSYM_GLOBAL_EXPLICIT;
        set_discard(bound, s->atom);
        return set_add(global, s->atom);
    }
    if (flags & KSYM_DEF_NONLOCAL) {
        if (!bound) {
            return error_at_directive(st, s, "nonlocal declaration not allowed at module level");
        }
        if (!set_has(bound, s->atom)) {
            return error_at_directive(st, s, "no binding for nonlocal '%s' found");
        }
        s->scope = KSYM_FREE;
        ste->has_free = 1;
        return set_add(free, s->atom);
    }
    if (flags & KSYM_DEF_BOUND) {
        s->scope = KSYM_LOCAL;
        set_discard(global, s->atom);
        return set_add(local, s->atom);
    }
    if (set_has(bound, s->atom)) {
        s->scope = KSYM_FREE;
        ste->has_free = 1;
        return set_add(free, s->atom);
    }
    if (set_has(global, s->atom)) {
        s->scope = KSYM_GLOBAL_IMPLICIT;
        return 0;
    }
    if (ste->is_nested) {
        ste->has_free = 1;
    }
    s->scope = KSYM_GLOBAL_IMPLICIT;
    return 0;
}

// Free names of children that are locals here become cells (analyze_cells);
// a class drops '__class__' and notes it needs the cell (drop_class_free);
// names still free are added to the block as FREE (update_symbols).
static int finish_block(KSymTable *st, KSymEntry *ste, const KMap *bound, KMap *newfree) {
    for (int i = 0; i < ste->nsymbols && ste->type == KSYM_FUNCTION; i++) {
        KSymbol *s = &ste->symbols[i];
        if (s->scope == KSYM_LOCAL && set_has(newfree, s->atom)) {
            s->scope = KSYM_CELL;
            set_discard(newfree, s->atom);
        }
    }
    int class_atom = ste->type == KSYM_CLASS ? katom_find(st->atoms, "__class__") : -1;
    if (class_atom >= 0 && set_has(newfree, class_atom)) {
        set_discard(newfree, class_atom);
        ste->needs_class_closure = 1;
    }
    for (int i = 0; i < newfree->count; i++) {
        const char *name = newfree->keys[i];
        if (!newfree->vals[i]) {
            continue;
        }
        int atom = newfree->ids[i];
        int j = kmap_find_atom(&ste->index, atom);
        if (j >= 0) {
            KSymbol *s = &ste->symbols[ste->index.vals[j]];
            if (ste->type == KSYM_CLASS && (s->flags & (KSYM_DEF_BOUND | KSYM_DEF_GLOBAL))) {
                s->flags |= KSYM_DEF_FREE_CLASS;
            }
            continue;
        }
        if (bound && !set_has(bound, atom)) {
            continue;
        }
        KSymbol *s = get_symbol(st, ste, name);
        if (!s) {
            return -1;
        }
        s->scope = KSYM_FREE;
    }
    return 0;
}

static int analyze_block(KSymTable *st, KSymEntry *ste, KMap *bound, KMap *free, KMap *global);

// Analyses 'child' with copies of the sets, adding its free names to 'allfree'.
static int analyze_child(KSymTable *st, KSymEntry *child, const KMap *bound, const KMap *global,
                         KMap *allfree) {
    KMap b, f, g;
    kmap_init(&f, st->atoms);
    if (kmap_copy(&b, bound) < 0 || kmap_copy(&g, global) < 0) {
        return nomem(st);
    }
    if (analyze_block(st, child, &b, &f, &g) < 0) {
        return -1;
    }
    return set_update(allfree, &f) < 0 ? nomem(st) : 0;
}

static int analyze_block(KSymTable *st, KSymEntry *ste, KMap *bound, KMap *free, KMap *global) {
    KMap local, newglobal, newfree, newbound, allfree;
    kmap_init(&local, st->atoms);
    kmap_init(&newglobal, st->atoms);
    kmap_init(&newfree, st->atoms);
    kmap_init(&newbound, st->atoms);
    kmap_init(&allfree, st->atoms);
    // newbound and newglobal are what the children see: a block without
    // children (most functions) needs neither.
    int has_children = ste->nchildren > 0;
    if (ste->type == KSYM_CLASS && has_children &&
        (set_update(&newglobal, global) < 0 || set_update(&newbound, bound) < 0)) {
        return nomem(st);
    }
    for (int i = 0; i < ste->nsymbols; i++) {
        if (analyze_name(st, ste, &ste->symbols[i], bound, &local, free, global) < 0) {
            return st->diag->kind != KDIAG_NONE ? -1 : nomem(st);
        }
    }
    if (!has_children) {
        // nothing for children to see
    } else if (ste->type != KSYM_CLASS) {
        if ((ste->type == KSYM_FUNCTION && set_update(&newbound, &local) < 0) ||
            set_update(&newbound, bound) < 0 || set_update(&newglobal, global) < 0) {
            return nomem(st);
        }
    } else if (set_add(&newbound, katom(st->atoms, "__class__")) < 0) {
        return nomem(st);
    }
    for (int i = 0; i < ste->nchildren; i++) {
        KSymEntry *child = ste->children[i];
        if (analyze_child(st, child, &newbound, &newglobal, &allfree) < 0) {
            return -1;
        }
        if (child->has_free || child->child_free) {
            ste->child_free = 1;
        }
    }
    if (set_update(&newfree, &allfree) < 0 || finish_block(st, ste, bound, &newfree) < 0 ||
        set_update(free, &newfree) < 0) {
        return st->diag->kind != KDIAG_NONE ? -1 : nomem(st);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Entry points

KSymTable *ksym_build(KArena *a, const KAstMod *mod, int features, KDiag *diag) {
    KSymTable *st = karena_calloc(a, sizeof(KSymTable));
    if (!st) {
        kdiag_nomem(diag);
        return NULL;
    }
    st->arena = a;
    st->diag = diag;
    st->features = features;
    st->atoms = mod->atoms ? mod->atoms : katoms_new(a);
    if (!st->atoms) {
        kdiag_nomem(diag);
        return NULL;
    }
    if (enter_block(st, "top", KSYM_MODULE, mod, 0, 0) < 0) {
        return NULL;
    }
    st->top = st->cur;
    int r = 0;
    switch (mod->kind) {
    case KAST_MODULE:
        r = visit_stmts(st, mod->v.module.body);
        break;
    case KAST_INTERACTIVE:
        r = visit_stmts(st, mod->v.interactive.body);
        break;
    case KAST_EXPRESSION:
        r = visit_expr(st, mod->v.expression.body);
        break;
    default:
        break;
    }
    if (r < 0) {
        return NULL;
    }
    KMap free, global;
    kmap_init(&free, st->atoms);
    kmap_init(&global, st->atoms);
    if (analyze_block(st, st->top, NULL, &free, &global) < 0) {
        return NULL;
    }
    return st;
}

// ---------------------------------------------------------------------------
// Future statements (future.c)

static int future_feature(const KAstStmt *s, const char *name, int *features, KDiag *diag) {
    static const struct {
        const char *name;
        int flag;
    } known[] = {
        {"nested_scopes", 0},
        {"generators", 0},
        {"division", KSYM_FUTURE_DIVISION},
        {"absolute_import", KSYM_FUTURE_ABSOLUTE_IMPORT},
        {"with_statement", KSYM_FUTURE_WITH_STATEMENT},
        {"print_function", KSYM_FUTURE_PRINT_FUNCTION},
        {"unicode_literals", KSYM_FUTURE_UNICODE_LITERALS},
        {"barry_as_FLUFL", KSYM_FUTURE_BARRY_AS_BDFL},
        {"generator_stop", KSYM_FUTURE_GENERATOR_STOP},
        {"annotations", KSYM_FUTURE_ANNOTATIONS},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strcmp(name, known[i].name) == 0) {
            *features |= known[i].flag;
            return 0;
        }
    }
    if (strcmp(name, "braces") == 0) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, s->lineno, s->col_offset, 0, -1,
                           "not a chance");
    }
    return kdiag_error(diag, KDIAG_SYNTAX_ERROR, s->lineno, s->col_offset, 0, -1,
                       "future feature %.100s is not defined", name);
}

static int is_docstring(const KAstStmt *s) {
    return s->kind == KAST_EXPR && s->v.expr.value->kind == KAST_CONSTANT &&
           s->v.expr.value->v.constant.value.kind == KCONST_STR;
}

int ksym_future(const KAstMod *mod, int *features, int *lineno, int *col, KDiag *diag) {
    *features = 0;
    *lineno = 0;
    *col = 0;
    const KAstSeq *body = NULL;
    if (mod->kind == KAST_MODULE) {
        body = mod->v.module.body;
    } else if (mod->kind == KAST_INTERACTIVE) {
        body = mod->v.interactive.body;
    }
    int i = 0, done = 0, prev_line = 0;
    if (KAST_LEN(body) > 0 && is_docstring(body->items[0])) {
        i = 1;
    }
    for (; i < KAST_LEN(body); i++) {
        const KAstStmt *s = body->items[i];
        if (done && s->lineno > prev_line) {
            return 0;
        }
        prev_line = s->lineno;
        if (s->kind != KAST_IMPORT_FROM || !s->v.import_from.module ||
            strcmp(s->v.import_from.module, "__future__") != 0) {
            done = 1;
            continue;
        }
        if (done) {
            // python3.11 gives the 0-based column as the 1-based offset here.
            return kdiag_error(diag, KDIAG_SYNTAX_ERROR, s->lineno, s->col_offset - 1, 0, -1,
                               "from __future__ imports must occur at the beginning of the "
                               "file");
        }
        for (int j = 0; j < KAST_LEN(s->v.import_from.names); j++) {
            const KAstAlias *a = s->v.import_from.names->items[j];
            if (future_feature(s, a->name, features, diag) < 0) {
                return -1;
            }
        }
        *lineno = s->lineno;
        *col = s->col_offset;
    }
    return 0;
}
