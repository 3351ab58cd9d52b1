// compiler/codegen.c: the code generator's frame: compilation units (one
// per code object), the instruction buffer and labels, the constant and
// name pools, variable access by scope (compiler_nameop), nested scopes
// and closures, and the entry point kcg_compile. Statements, expressions
// and patterns live in codegen_stmt.c, codegen_expr.c, codegen_pattern.c.
#include "codegen.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kcg_nomem(KCg *c) {
    return kdiag_nomem(c->diag);
}

int kcg_error(KCg *c, const char *fmt, ...) {
    if (c->diag->kind != KDIAG_NONE) {
        return -1;
    }
    char msg[sizeof c->diag->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    KfPosition p = c->u->loc;
    return kdiag_error(c->diag, KDIAG_SYNTAX_ERROR, p.lineno, p.col, p.end_lineno, p.end_col,
                       "%s", msg);
}

// ---------------------------------------------------------------------------
// Instructions and labels

static int grow_to(KCg *c, void **items, int *cap, int count, size_t size) {
    int ncap = *cap ? *cap * 2 : 16;
    void *n = karena_alloc(c->arena, size * (size_t)ncap);
    if (!n) {
        return kcg_nomem(c);
    }
    if (count) {
        memcpy(n, *items, size * (size_t)count);
    }
    *items = n;
    *cap = ncap;
    return 0;
}

// Makes room for one more item (of 'size' bytes) after 'count' in '*items'
// ('*cap' of them); 0, or -1 when out of memory. The check stays inline: a
// call per emitted instruction was 1.6% of kraitc's instructions.
static inline int grow(KCg *c, void **items, int *cap, int count, size_t size) {
    return count < *cap ? 0 : grow_to(c, items, cap, count, size);
}

// Inlined in its four callers: the call was a fifth of its cost.
static inline __attribute__((always_inline)) int emit(KCg *c, int op, int arg, int target,
                                                      const KfPosition *pos) {
    KcgUnit *u = c->u;
    if ((unsigned)arg > KF_MAX_ARG) {
        return kcg_error(c, "too many constants, names or arguments in one code object");
    }
    if (grow(c, (void **)&u->instrs, &u->instrcap, u->ninstrs, sizeof(KcgInstr)) < 0) {
        return -1;
    }
    KcgInstr *in = &u->instrs[u->ninstrs++];
    *in = (KcgInstr){op, arg, target, *pos, -1, u->pending_time};
    // python3.11 opens the block after a jump or exit right away (NEXT_BLOCK).
    if (target >= 0 || op == KF_OP_RETURN_VALUE || op == KF_OP_RAISE_VARARGS ||
        op == KF_OP_RERAISE) {
        u->pending_time = u->clock++;
    } else {
        u->pending_time = -1;
    }
    return 0;
}

int kcg_op(KCg *c, int op, int arg) {
    return emit(c, op, arg, -1, &c->u->loc);
}

int kcg_jump(KCg *c, int op, int label) {
    return emit(c, op, 0, label, &c->u->loc);
}

static const KfPosition NO_POS = {-1, -1, -1, -1};

int kcg_op_noline(KCg *c, int op, int arg) {
    return emit(c, op, arg, -1, &NO_POS);
}

int kcg_jump_noline(KCg *c, int op, int label) {
    return emit(c, op, 0, label, &NO_POS);
}

int kcg_new_label(KCg *c) {
    KcgUnit *u = c->u;
    int cap = u->labelcap;
    if (grow(c, (void **)&u->labels, &u->labelcap, u->nlabels, sizeof(int)) < 0 ||
        grow(c, (void **)&u->label_time, &cap, u->nlabels, sizeof(int)) < 0) {
        return -1;
    }
    u->labels[u->nlabels] = -1;
    u->label_time[u->nlabels] = u->clock++;
    return u->nlabels++;
}

void kcg_place(KCg *c, int label) {
    KcgUnit *u = c->u;
    u->labels[label] = u->ninstrs;
    // Out of memory is in the diag: the unit is not assembled.
    if (grow(c, (void **)&u->placed, &u->placedcap, u->nplaced, sizeof(KcgPlace)) == 0) {
        u->placed[u->nplaced++] = (KcgPlace){u->ninstrs, label};
    }
}

// ---------------------------------------------------------------------------
// Constants

KfConst kcg_str(const char *s) {
    KfConst k = {.kind = KF_CONST_STR, .str = s, .len = strlen(s)};
    return k;
}

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

// FNV-1a over 8-byte words, then the tail a byte at a time: docstrings
// made the byte-at-a-time loop 1.6% of kraitc's instructions.
// A long string (a docstring) is hashed by its length and its first and
// last 32 bytes: equal hashes are compared in full anyway.
static uint64_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ULL;
    size_t i = 0;
    if (len > 64) {
        h = (h ^ len) * 1099511628211ULL;
        for (; i < 32; i += 8) {
            uint64_t a, b;
            memcpy(&a, s + i, sizeof a);
            memcpy(&b, s + len - 32 + i, sizeof b);
            h = (h ^ a) * 1099511628211ULL;
            h ^= h >> 29;
            h = (h ^ b) * 1099511628211ULL;
            h ^= h >> 29;
        }
        return h;
    }
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        h = (h ^ w) * 1099511628211ULL;
        h ^= h >> 29;
    }
    for (; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    }
    return h;
}

static uint64_t bits_of(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static uint64_t const_hash(const KfConst *k) {
    uint64_t h = (uint64_t)k->kind;
    switch (k->kind) {
    case KF_CONST_INT:
        return mix(h, (uint64_t)k->i);
    case KF_CONST_FLOAT:
        return mix(h, bits_of(k->f));
    case KF_CONST_COMPLEX:
        return mix(mix(h, bits_of(k->f)), bits_of(k->imag));
    case KF_CONST_BIGINT:
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        return mix(h, hash_bytes(k->str, k->kind == KF_CONST_BIGINT ? strlen(k->str) : k->len));
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        for (int i = 0; i < k->count; i++) {
            h = mix(h, const_hash(&k->items[i]));
        }
        return mix(h, (uint64_t)k->count);
    case KF_CONST_CODE:
        return mix(h, (uint64_t)(uintptr_t)k->code);
    default:
        return h;
    }
}

// Equality as CPython's _PyCode_ConstantKey: same type and value, floats by
// their bits (0.0 and -0.0 stay apart).
static int const_equal(const KfConst *a, const KfConst *b) {
    if (a->kind != b->kind) {
        return 0;
    }
    switch (a->kind) {
    case KF_CONST_INT:
        return a->i == b->i;
    // A NaN (only folding makes one) is a new object each time: never shared.
    case KF_CONST_FLOAT:
        return bits_of(a->f) == bits_of(b->f) && !isnan(a->f);
    case KF_CONST_COMPLEX:
        return bits_of(a->f) == bits_of(b->f) && bits_of(a->imag) == bits_of(b->imag) &&
               !isnan(a->f) && !isnan(a->imag);
    case KF_CONST_BIGINT:
        return strcmp(a->str, b->str) == 0;
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        if (a->count != b->count) {
            return 0;
        }
        for (int i = 0; i < a->count; i++) {
            if (!const_equal(&a->items[i], &b->items[i])) {
                return 0;
            }
        }
        return 1;
    case KF_CONST_CODE:
        return a->code == b->code;
    default:
        return 1;
    }
}

static int rehash_consts(KCg *c, KcgUnit *u) {
    int n = u->nconst_slots ? u->nconst_slots * 2 : 32;
    int *slots = karena_calloc(c->arena, sizeof(int) * (size_t)n);
    if (!slots) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < u->nconsts; i++) {
        uint64_t j = u->const_hashes[i] & (uint64_t)(n - 1);
        while (slots[j]) {
            j = (j + 1) & (uint64_t)(n - 1);
        }
        slots[j] = i + 1;
    }
    u->const_slots = slots;
    u->nconst_slots = n;
    return 0;
}

static int const_lookup(KCg *c, const KfConst *k) {
    KcgUnit *u = c->u;
    if ((u->nconsts + 1) * 2 > u->nconst_slots && rehash_consts(c, u) < 0) {
        return -1;
    }
    uint64_t mask = (uint64_t)u->nconst_slots - 1;
    uint64_t h = const_hash(k);
    uint64_t j = h & mask;
    for (; u->const_slots[j]; j = (j + 1) & mask) {
        int i = u->const_slots[j] - 1;
        if (u->const_hashes[i] == h && const_equal(&u->consts[i], k)) {
            return i;
        }
    }
    int cap = u->constcap;
    if (grow(c, (void **)&u->consts, &u->constcap, u->nconsts, sizeof(KfConst)) < 0 ||
        grow(c, (void **)&u->const_hashes, &cap, u->nconsts, sizeof(uint64_t)) < 0) {
        return -1;
    }
    u->consts[u->nconsts] = *k;
    u->const_hashes[u->nconsts] = h;
    u->const_slots[j] = u->nconsts + 1;
    return u->nconsts++;
}

int kcg_const_index(KCg *c, const KfConst *k) {
    // None, True, False and Ellipsis (None above all) are remembered by kind.
    if ((unsigned)k->kind <= KF_CONST_ELLIPSIS) {
        int *known = &c->u->singletons[k->kind];
        if (!*known) {
            int i = const_lookup(c, k);
            if (i < 0) {
                return -1;
            }
            *known = i + 1;
        }
        return *known - 1;
    }
    return const_lookup(c, k);
}

int kcg_load_const(KCg *c, const KfConst *k) {
    int i = kcg_const_index(c, k);
    return i < 0 ? -1 : kcg_op(c, KF_OP_LOAD_CONST, i);
}

int kcg_load_none(KCg *c) {
    KfConst k = {.kind = KF_CONST_NONE};
    return kcg_load_const(c, &k);
}

int kcg_load_int(KCg *c, int64_t v) {
    KfConst k = {.kind = KF_CONST_INT, .i = v};
    return kcg_load_const(c, &k);
}

int kcg_load_str(KCg *c, const char *s) {
    KfConst k = kcg_str(s);
    return kcg_load_const(c, &k);
}

// ---------------------------------------------------------------------------
// Names

int kcg_name_index(KCg *c, const char *name) {
    int i = kmap_index(&c->u->names, name);
    return i < 0 ? kcg_nomem(c) : i;
}

int kcg_op_name(KCg *c, int op, const char *name) {
    if (!name || !(name = kcg_mangle(c, name))) {
        return -1;
    }
    int i = kcg_name_index(c, name);
    return i < 0 ? -1 : kcg_op(c, op, i);
}

const char *kcg_mangle_private(KCg *c, const char *name) {
    const char *m = ksym_mangle_private(c->arena, c->u->private_, name);
    if (!m) {
        kcg_nomem(c);
    }
    return m;
}

static int forbidden_name(KCg *c, const char *name, KAstExprContext ctx) {
    if (ctx == KAST_STORE && strcmp(name, "__debug__") == 0) {
        return kcg_error(c, "cannot assign to __debug__");
    }
    if (ctx == KAST_DEL && strcmp(name, "__debug__") == 0) {
        return kcg_error(c, "cannot delete __debug__");
    }
    return 0;
}

static int deref_op(KCg *c, KAstExprContext ctx) {
    switch (ctx) {
    case KAST_LOAD:
        return c->u->ste->type == KSYM_CLASS ? KF_OP_LOAD_CLASSDEREF : KF_OP_LOAD_DEREF;
    case KAST_STORE:
        return KF_OP_STORE_DEREF;
    default:
        return KF_OP_DELETE_DEREF;
    }
}

// The opcode and argument of a load, store or delete of 'atom' (text
// 'mangled') in the current unit, adding it to co_names or the locals at
// its first use; 0, or -1 with the error recorded.
static int resolve_name(KCg *c, int atom, const char *mangled, KAstExprContext ctx, int *op,
                        int *arg) {
    KcgUnit *u = c->u;
    int is_function = u->ste->type == KSYM_FUNCTION;
    const KSymbol *sym = ksym_symbol_atom(u->ste, atom);
    int i;
    switch (sym ? sym->scope : KSYM_SCOPE_NONE) {
    case KSYM_FREE:
        i = kmap_get_atom(&u->freevars, atom, -1);
        if (i < 0) {
            return kcg_error(c, "internal error: no free slot for '%s'", mangled);
        }
        *op = deref_op(c, ctx);
        *arg = i;
        return 0;
    case KSYM_CELL:
        i = kmap_get_atom(&u->cellvars, atom, -1);
        if (i < 0) {
            return kcg_error(c, "internal error: no cell for '%s'", mangled);
        }
        *op = deref_op(c, ctx);
        *arg = i;
        return 0;
    case KSYM_LOCAL:
        if (!is_function) {
            break;
        }
        i = kmap_index_atom(&u->varnames, atom);
        if (i < 0) {
            return kcg_nomem(c);
        }
        *op = ctx == KAST_LOAD    ? KF_OP_LOAD_FAST
              : ctx == KAST_STORE ? KF_OP_STORE_FAST
                                  : KF_OP_DELETE_FAST;
        *arg = i;
        return 0;
    case KSYM_GLOBAL_IMPLICIT:
        if (!is_function) {
            break;
        }
        // fall through
    case KSYM_GLOBAL_EXPLICIT:
        i = kmap_index_atom(&u->names, atom);
        if (i < 0) {
            return kcg_nomem(c);
        }
        *op = ctx == KAST_LOAD    ? KF_OP_LOAD_GLOBAL
              : ctx == KAST_STORE ? KF_OP_STORE_GLOBAL
                                  : KF_OP_DELETE_GLOBAL;
        *arg = ctx == KAST_LOAD ? i << 1 : i;
        return 0;
    default:
        break;
    }
    i = kmap_index_atom(&u->names, atom);
    if (i < 0) {
        return kcg_nomem(c);
    }
    *op = ctx == KAST_LOAD    ? KF_OP_LOAD_NAME
          : ctx == KAST_STORE ? KF_OP_STORE_NAME
                              : KF_OP_DELETE_NAME;
    *arg = i;
    return 0;
}

int kcg_nameop(KCg *c, const char *name, KAstExprContext ctx) {
    if (forbidden_name(c, name, ctx) < 0) {
        return -1;
    }
    const char *mangled = kcg_mangle(c, name);
    if (!mangled) {
        return -1;
    }
    // One string lookup; the unit's recent results, the symbol and the
    // unit's maps are then probed by atom.
    int atom = katom(ksym_atoms(c->st), mangled);
    if (atom < 0) {
        return kcg_nomem(c);
    }
    // A result depends only on the unit, the atom and the context, and
    // the first one added the name where it goes: a repeat is looked up.
    unsigned key = (unsigned)atom * 4u + (unsigned)ctx;
    KcgNameOp *slot = &c->u->nameops[(key * 2654435761u) >> (32 - 5)];
    _Static_assert(KCG_NAMEOPS == 1 << 5, "nameops is indexed by 5 bits");
    if (slot->key != key) {
        int op = 0, arg = 0;
        if (resolve_name(c, atom, mangled, ctx, &op, &arg) < 0) {
            return -1;
        }
        *slot = (KcgNameOp){key, op, arg};
    }
    return kcg_op(c, slot->op, slot->arg);
}

// ---------------------------------------------------------------------------
// Frame blocks

int kcg_push_fblock(KCg *c, KcgFBlockType type, int block, int exit, const void *datum) {
    KcgUnit *u = c->u;
    if (u->nfblocks >= KCG_MAX_FBLOCKS) {
        return kcg_error(c, "too many statically nested blocks");
    }
    KcgFBlock *f = &u->fblocks[u->nfblocks++];
    f->type = type;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void kcg_pop_fblock(KCg *c) {
    c->u->nfblocks--;
}

// ---------------------------------------------------------------------------
// Scopes

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// Adds the names of 'ste' whose scope is 'scope' (or that carry 'flag'),
// sorted, to 'map' with values from 'offset' (CPython's dictbytype).
static int add_sorted(KCg *c, KMap *map, const KSymEntry *ste, KSymScope scope, int flag,
                      int offset) {
    int n = 0;
    const char **names = karena_alloc(c->arena, sizeof(char *) * (size_t)(ste->nsymbols + 1));
    if (!names) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < ste->nsymbols; i++) {
        const KSymbol *s = &ste->symbols[i];
        if (s->scope == scope || (s->flags & flag)) {
            names[n++] = s->name;
        }
    }
    if (n > 1) {
        qsort(names, (size_t)n, sizeof(char *), cmp_names);
    }
    for (int i = 0; i < n; i++) {
        if (kmap_put(map, names[i], offset + map->count) < 0) {
            return kcg_nomem(c);
        }
    }
    return 0;
}

static int is_function_scope(KcgScope s) {
    return s == KCG_SCOPE_FUNCTION || s == KCG_SCOPE_ASYNC_FUNCTION || s == KCG_SCOPE_LAMBDA;
}

// co_qualname: the parent's qualname, '.<locals>' inside functions, then
// the name; a name declared global in the parent stands alone.
static int set_qualname(KCg *c, KcgUnit *u) {
    KcgUnit *parent = u->parent;
    if (!parent || parent->scope == KCG_SCOPE_MODULE) {
        u->qualname = u->name;
        return 0;
    }
    if (u->scope == KCG_SCOPE_FUNCTION || u->scope == KCG_SCOPE_ASYNC_FUNCTION ||
        u->scope == KCG_SCOPE_CLASS) {
        const char *mangled = ksym_mangle(c->arena, parent->private_, u->name);
        if (!mangled) {
            return kcg_nomem(c);
        }
        if (ksym_scope(parent->ste, mangled) == KSYM_GLOBAL_EXPLICIT) {
            u->qualname = u->name;
            return 0;
        }
    }
    // Joined by hand: snprintf's format parsing was 1% of kraitc's instructions.
    const char *sep = is_function_scope(parent->scope) ? ".<locals>." : ".";
    size_t np = strlen(parent->qualname), ns = strlen(sep), nn = strlen(u->name);
    char *q = karena_alloc(c->arena, np + ns + nn + 1);
    if (!q) {
        return kcg_nomem(c);
    }
    memcpy(q, parent->qualname, np);
    memcpy(q + np, sep, ns);
    memcpy(q + np + ns, u->name, nn + 1);
    u->qualname = q;
    return 0;
}

int kcg_enter_scope(KCg *c, const char *name, KcgScope scope, const void *key, int lineno) {
    KcgUnit *u = karena_calloc(c->arena, sizeof(KcgUnit));
    if (!u) {
        return kcg_nomem(c);
    }
    u->ste = ksym_lookup(c->st, key);
    if (!u->ste) {
        return kcg_error(c, "internal error: no symbol table entry");
    }
    if (c->nspares) {
        KcgUnit *spare = c->spares[--c->nspares];
        u->instrs = spare->instrs;
        u->instrcap = spare->instrcap;
        u->labels = spare->labels;
        u->label_time = spare->label_time;
        u->labelcap = spare->labelcap;
        u->placed = spare->placed;
        u->placedcap = spare->placedcap;
    }
    u->parent = c->u;
    u->scope = scope;
    u->name = name;
    u->firstlineno = lineno;
    u->pending_time = -1;
    u->private_ = c->u ? c->u->private_ : NULL;
    // A new scope's first instructions (a class body's __module__ and
    // __qualname__) sit on its first line.
    u->loc = scope == KCG_SCOPE_MODULE ? NO_POS : (KfPosition){lineno, lineno, 0, 0};
    KAtoms *atoms = ksym_atoms(c->st);
    kmap_init(&u->names, atoms);
    kmap_init(&u->varnames, atoms);
    kmap_init(&u->cellvars, atoms);
    kmap_init(&u->freevars, atoms);
    for (int i = 0; i < u->ste->nvarnames; i++) {
        if (kmap_index(&u->varnames, u->ste->varnames[i]) < 0) {
            return kcg_nomem(c);
        }
    }
    if (add_sorted(c, &u->cellvars, u->ste, KSYM_CELL, 0, 0) < 0) {
        return -1;
    }
    if (u->ste->needs_class_closure && kmap_put(&u->cellvars, "__class__", 0) < 0) {
        return kcg_nomem(c);
    }
    if (add_sorted(c, &u->freevars, u->ste, KSYM_FREE, KSYM_DEF_FREE_CLASS,
                   u->cellvars.count) < 0) {
        return -1;
    }
    c->u = u;
    c->nestlevel++;
    if (scope == KCG_SCOPE_MODULE) {
        u->qualname = name;
        return 0;
    }
    return set_qualname(c, u);
}

// co_flags of the current unit (compute_code_flags).
static int code_flags(KCg *c) {
    const KSymEntry *ste = c->u->ste;
    int flags = 0;
    if (ste->type == KSYM_FUNCTION) {
        flags |= KF_CO_NEWLOCALS | KF_CO_OPTIMIZED;
        if (ste->is_nested) {
            flags |= KF_CO_NESTED;
        }
        if (ste->is_generator && !ste->is_coroutine) {
            flags |= KF_CO_GENERATOR;
        }
        if (!ste->is_generator && ste->is_coroutine) {
            flags |= KF_CO_COROUTINE;
        }
        if (ste->is_generator && ste->is_coroutine) {
            flags |= KF_CO_ASYNC_GENERATOR;
        }
        if (ste->varargs) {
            flags |= KF_CO_VARARGS;
        }
        if (ste->varkeywords) {
            flags |= KF_CO_VARKEYWORDS;
        }
    }
    if (kcg_top_level_await(c) && ste->is_coroutine && !ste->is_generator) {
        flags |= KF_CO_COROUTINE;
    }
    return flags | c->features;
}

// 1 when the code emitted so far cannot fall off its end.
static int ends_with_return(const KcgUnit *u) {
    if (u->ninstrs == 0 || u->instrs[u->ninstrs - 1].op != KF_OP_RETURN_VALUE) {
        return 0;
    }
    // Placements are in instruction order: only the last can be at the end.
    for (int i = u->nplaced - 1; i >= 0 && u->placed[i].pos == u->ninstrs; i--) {
        if (u->labels[u->placed[i].label] == u->ninstrs) {
            return 0;
        }
    }
    return 1;
}

KfCode *kcg_leave_scope(KCg *c, int add_none) {
    KcgUnit *u = c->u;
    KfCode *code = NULL;
    if (c->diag->kind == KDIAG_NONE) {
        if (!ends_with_return(u)) {
            kcg_unset_loc(c);
            if ((add_none && kcg_load_none(c) < 0) || kcg_op(c, KF_OP_RETURN_VALUE, 0) < 0) {
                goto done;
            }
        }
        code = kasm_assemble(c, u, code_flags(c));
    }
done:
    // Nothing refers to the unit's buffers any more: kept, unless the
    // spares are all larger.
    if (c->nspares < (int)(sizeof c->spares / sizeof c->spares[0])) {
        c->spares[c->nspares++] = u;
    } else if (u->instrcap > c->spares[0]->instrcap) {
        c->spares[0] = u;
    }
    c->u = u->parent;
    c->nestlevel--;
    return code;
}

int kcg_make_closure(KCg *c, const KfCode *code, int flags) {
    int nfree = 0;
    for (int i = 0; i < code->nlocalsplus; i++) {
        if (!(code->localspluskinds[i] & KF_LOCAL_FREE)) {
            continue;
        }
        const char *name = code->localsplus[i];
        int arg;
        if ((c->u->scope == KCG_SCOPE_CLASS && strcmp(name, "__class__") == 0) ||
            ksym_scope(c->u->ste, name) == KSYM_CELL) {
            arg = kmap_get(&c->u->cellvars, name, -1);
        } else {
            arg = kmap_get(&c->u->freevars, name, -1);
        }
        if (arg < 0) {
            return kcg_error(c, "internal error: no closure cell for '%s'", name);
        }
        if (kcg_op(c, KF_OP_LOAD_CLOSURE, arg) < 0) {
            return -1;
        }
        nfree++;
    }
    if (nfree) {
        flags |= KF_MAKE_CLOSURE;
        if (kcg_op(c, KF_OP_BUILD_TUPLE, nfree) < 0) {
            return -1;
        }
    }
    KfConst k = {.kind = KF_CONST_CODE, .code = code};
    if (kcg_load_const(c, &k) < 0) {
        return -1;
    }
    return kcg_op(c, KF_OP_MAKE_FUNCTION, flags);
}

// ---------------------------------------------------------------------------
// Entry

// 1 when 'stmts' contain an annotated assignment (not inside nested
// functions or classes), so the module or class needs __annotations__.
static int find_ann(const KAstSeq *stmts);

static int find_ann_in(const KAstStmt *s) {
    switch (s->kind) {
    case KAST_ANN_ASSIGN:
        return 1;
    case KAST_FOR:
        return find_ann(s->v.for_.body) || find_ann(s->v.for_.orelse);
    case KAST_ASYNC_FOR:
        return find_ann(s->v.async_for.body) || find_ann(s->v.async_for.orelse);
    case KAST_WHILE:
        return find_ann(s->v.while_.body) || find_ann(s->v.while_.orelse);
    case KAST_IF:
        return find_ann(s->v.if_.body) || find_ann(s->v.if_.orelse);
    case KAST_WITH:
        return find_ann(s->v.with.body);
    case KAST_ASYNC_WITH:
        return find_ann(s->v.async_with.body);
    case KAST_TRY:
    case KAST_TRY_STAR: {
        const KAstSeq *handlers = s->kind == KAST_TRY ? s->v.try_.handlers : s->v.try_star.handlers;
        for (int i = 0; i < KAST_LEN(handlers); i++) {
            const KAstExcepthandler *h = handlers->items[i];
            if (find_ann(h->v.except_handler.body)) {
                return 1;
            }
        }
        if (s->kind == KAST_TRY) {
            return find_ann(s->v.try_.body) || find_ann(s->v.try_.finalbody) ||
                   find_ann(s->v.try_.orelse);
        }
        return find_ann(s->v.try_star.body) || find_ann(s->v.try_star.finalbody) ||
               find_ann(s->v.try_star.orelse);
    }
    default:
        return 0;
    }
}

static int find_ann(const KAstSeq *stmts) {
    for (int i = 0; i < KAST_LEN(stmts); i++) {
        if (find_ann_in(stmts->items[i])) {
            return 1;
        }
    }
    return 0;
}

int kcg_find_ann(const KAstSeq *stmts) {
    return find_ann(stmts);
}

KfCode *kcg_compile(KCg *c, const KAstMod *mod) {
    if (kcg_enter_scope(c, "<module>", KCG_SCOPE_MODULE, mod, 1) < 0) {
        return NULL;
    }
    int add_none = 1, r = 0;
    switch (mod->kind) {
    case KAST_MODULE:
        // The module's buffer, sized once from its statements (about 8
        // instructions each) rather than doubled from 16.
        if (c->u->instrcap == 0) {
            int cap = 64 + 8 * KAST_LEN(mod->v.module.body);
            c->u->instrs = karena_alloc(c->arena, sizeof(KcgInstr) * (size_t)cap);
            if (!c->u->instrs) {
                r = kcg_nomem(c);
                break;
            }
            c->u->instrcap = cap;
        }
        r = kcg_body(c, mod->v.module.body);
        break;
    case KAST_INTERACTIVE:
        c->interactive = 1;
        if (find_ann(mod->v.interactive.body)) {
            r = kcg_op(c, KF_OP_SETUP_ANNOTATIONS, 0);
        }
        if (r == 0) {
            r = kcg_stmts(c, mod->v.interactive.body);
        }
        break;
    case KAST_EXPRESSION:
        r = kcg_expr(c, mod->v.expression.body);
        add_none = 0;
        break;
    default:
        r = kcg_error(c, "unsupported module kind");
        break;
    }
    (void)r;
    return kcg_leave_scope(c, add_none);
}
