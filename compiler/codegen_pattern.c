// compiler/codegen_pattern.c: the match statement, in the shapes of
// CPython 3.11's compile.c. Each case copies the subject and runs its
// pattern; a pattern leaves the values it captures on the stack (beneath
// whatever must stay on top) and on failure jumps to fail_pop[n], the entry
// of a chain of POP_TOPs that drops the n items pushed so far. Names are
// stored only once the whole pattern (and guard) matched.
#include "codegen.h"

#include <string.h>

typedef struct Pc {
    const char **stores; // names captured so far, in stack order
    int nstores, storecap;
    int allow_irrefutable; // 0: a capture or wildcard here is an error
    int *fail_pop;         // labels: fail_pop[i] pops i items
    int fail_pop_size, fail_pop_cap;
    int on_top; // items on top of the stack that stay above the captures
} Pc;

static int pattern(KCg *c, const KAstPattern *p, Pc *pc);

static int is_wildcard(const KAstPattern *p) {
    return p->kind == KAST_MATCH_AS && !p->v.match_as.pattern && !p->v.match_as.name;
}

static int is_star_wildcard(const KAstPattern *p) {
    return p->kind == KAST_MATCH_STAR && !p->v.match_star.name;
}

static int ensure_fail_pop(KCg *c, Pc *pc, int n) {
    int size = n + 1;
    if (size <= pc->fail_pop_size) {
        return 0;
    }
    if (size > pc->fail_pop_cap) {
        int cap = size * 2;
        int *grown = karena_alloc(c->arena, sizeof(int) * (size_t)cap);
        if (!grown) {
            return kcg_nomem(c);
        }
        if (pc->fail_pop_size) {
            memcpy(grown, pc->fail_pop, sizeof(int) * (size_t)pc->fail_pop_size);
        }
        pc->fail_pop = grown;
        pc->fail_pop_cap = cap;
    }
    while (pc->fail_pop_size < size) {
        int l = kcg_new_label(c);
        TRY(l);
        pc->fail_pop[pc->fail_pop_size++] = l;
    }
    return 0;
}

// Jumps with 'op' to the block popping everything this pattern pushed.
static int jump_to_fail_pop(KCg *c, Pc *pc, int op) {
    int pops = pc->on_top + pc->nstores;
    TRY(ensure_fail_pop(c, pc, pops));
    return kcg_jump(c, op, pc->fail_pop[pops]);
}

static int emit_and_reset_fail_pop(KCg *c, Pc *pc) {
    if (!pc->fail_pop_size) {
        return 0;
    }
    while (--pc->fail_pop_size) {
        kcg_place(c, pc->fail_pop[pc->fail_pop_size]);
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    kcg_place(c, pc->fail_pop[0]);
    pc->fail_pop = NULL;
    pc->fail_pop_cap = 0;
    return 0;
}

static int find_store(const Pc *pc, const char *name) {
    for (int i = 0; i < pc->nstores; i++) {
        if (strcmp(pc->stores[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

static int push_store(KCg *c, Pc *pc, const char *name) {
    if (pc->nstores == pc->storecap) {
        int cap = pc->storecap ? pc->storecap * 2 : 8;
        const char **grown = karena_alloc(c->arena, sizeof(char *) * (size_t)cap);
        if (!grown) {
            return kcg_nomem(c);
        }
        if (pc->nstores) {
            memcpy(grown, pc->stores, sizeof(char *) * (size_t)pc->nstores);
        }
        pc->stores = grown;
        pc->storecap = cap;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int duplicate_store(KCg *c, const char *name) {
    KConst k = {.kind = KCONST_STR, .str = name, .len = strlen(name)};
    KBuf b = KBUF_INIT;
    klit_repr(&k, &b);
    int r = kcg_error(c, "multiple assignments to name %s in pattern", b.data ? b.data : "");
    kbuf_free(&b);
    return r;
}

// The SWAPs that move the top item 'count' - 1 places down.
static int rotate(KCg *c, int count) {
    while (count > 1) {
        TRY(kcg_op(c, KF_OP_SWAP, count--));
    }
    return 0;
}

static int store_name(KCg *c, const char *name, Pc *pc) {
    if (!name) {
        return kcg_op(c, KF_OP_POP_TOP, 0);
    }
    if (strcmp(name, "__debug__") == 0) {
        return kcg_error(c, "cannot assign to __debug__");
    }
    if (find_store(pc, name) >= 0) {
        return duplicate_store(c, name);
    }
    TRY(rotate(c, pc->on_top + pc->nstores + 1));
    return push_store(c, pc, name);
}

static int subpattern(KCg *c, const KAstPattern *p, Pc *pc) {
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    TRY(pattern(c, p, pc));
    pc->allow_irrefutable = allow;
    return 0;
}

// ---------------------------------------------------------------------------
// Sequences

static int unpack_patterns(KCg *c, const KAstSeq *elts) {
    int n = KAST_LEN(elts), seen_star = 0;
    for (int i = 0; i < n; i++) {
        const KAstPattern *elt = elts->items[i];
        if (elt->kind == KAST_MATCH_STAR && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
                return kcg_error(c, "too many expressions in star-unpacking sequence pattern");
            }
            TRY(kcg_op(c, KF_OP_UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == KAST_MATCH_STAR) {
            return kcg_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    return seen_star ? 0 : kcg_op(c, KF_OP_UNPACK_SEQUENCE, n);
}

static int sequence_unpack(KCg *c, const KAstSeq *patterns, Pc *pc) {
    TRY(unpack_patterns(c, patterns));
    int size = KAST_LEN(patterns);
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        TRY(subpattern(c, patterns->items[i], pc));
    }
    return 0;
}

// [first, *_, last]: items fetched by index instead of unpacking.
static int sequence_subscr(KCg *c, const KAstSeq *patterns, int star, Pc *pc) {
    pc->on_top++;
    int size = KAST_LEN(patterns);
    for (int i = 0; i < size; i++) {
        const KAstPattern *p = patterns->items[i];
        if (is_wildcard(p) || i == star) {
            continue;
        }
        TRY(kcg_op(c, KF_OP_COPY, 1));
        if (i < star) {
            TRY(kcg_load_int(c, i));
        } else {
            TRY(kcg_op(c, KF_OP_GET_LEN, 0));
            TRY(kcg_load_int(c, size - i));
            TRY(kcg_op(c, KF_OP_BINARY_OP, KF_BINOP_SUBTRACT));
        }
        TRY(kcg_op(c, KF_OP_BINARY_SUBSCR, 0));
        TRY(subpattern(c, p, pc));
    }
    pc->on_top--;
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

static int pattern_sequence(KCg *c, const KAstPattern *p, Pc *pc) {
    const KAstSeq *patterns = p->v.match_sequence.patterns;
    int size = KAST_LEN(patterns), star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        const KAstPattern *sub = patterns->items[i];
        if (sub->kind == KAST_MATCH_STAR) {
            if (star >= 0) {
                return kcg_error(c, "multiple starred names in sequence pattern");
            }
            star_wildcard = is_star_wildcard(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(sub);
    }
    pc->on_top++;
    TRY(kcg_op(c, KF_OP_MATCH_SEQUENCE, 0));
    TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    if (star < 0) {
        TRY(kcg_op(c, KF_OP_GET_LEN, 0));
        TRY(kcg_load_int(c, size));
        TRY(kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_EQ));
        TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    } else if (size > 1) {
        // len(subject) >= 0 needs no test
        TRY(kcg_op(c, KF_OP_GET_LEN, 0));
        TRY(kcg_load_int(c, size - 1));
        TRY(kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_GE));
        TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        return kcg_op(c, KF_OP_POP_TOP, 0);
    }
    if (star_wildcard) {
        return sequence_subscr(c, patterns, star, pc);
    }
    return sequence_unpack(c, patterns, pc);
}

// ---------------------------------------------------------------------------
// Mappings

// Checks the keys (literals or attributes, no two equal constants) and
// pushes them.
static int mapping_keys(KCg *c, const KAstSeq *keys) {
    int size = KAST_LEN(keys);
    KfConst *seen = karena_alloc(c->arena, sizeof(KfConst) * (size_t)(size ? size : 1));
    if (!seen) {
        return kcg_nomem(c);
    }
    int nseen = 0;
    for (int i = 0; i < size; i++) {
        const KAstExpr *key = keys->items[i];
        const KfConst *k = key->kind == KAST_CONSTANT ? kcg_const_of(c, key) : NULL;
        if (k) {
            for (int j = 0; j < nseen; j++) {
                if (kfold_equal(&seen[j], k)) {
                    KBuf b = KBUF_INIT;
                    klit_repr(&key->v.constant.value, &b);
                    int r = kcg_error(c, "mapping pattern checks duplicate key (%s)",
                                      b.data ? b.data : "");
                    kbuf_free(&b);
                    return r;
                }
            }
            seen[nseen++] = *k;
        } else if (key->kind != KAST_ATTRIBUTE) {
            return kcg_error(c, "mapping pattern keys may only match literals and attribute "
                                "lookups");
        }
        TRY(kcg_expr(c, key));
    }
    return 0;
}

// **rest: a copy of the subject without the matched keys.
static int mapping_rest(KCg *c, int size, const char *rest, Pc *pc) {
    TRY(kcg_op(c, KF_OP_BUILD_MAP, 0));
    TRY(kcg_op(c, KF_OP_SWAP, 3));
    TRY(kcg_op(c, KF_OP_DICT_UPDATE, 2));
    TRY(kcg_op(c, KF_OP_UNPACK_SEQUENCE, size));
    while (size) {
        TRY(kcg_op(c, KF_OP_COPY, 1 + size--));
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        TRY(kcg_op(c, KF_OP_DELETE_SUBSCR, 0));
    }
    return store_name(c, rest, pc);
}

static int pattern_mapping(KCg *c, const KAstPattern *p, Pc *pc) {
    const KAstSeq *keys = p->v.match_mapping.keys, *patterns = p->v.match_mapping.patterns;
    int size = KAST_LEN(keys);
    const char *rest = p->v.match_mapping.rest;
    pc->on_top++;
    TRY(kcg_op(c, KF_OP_MATCH_MAPPING, 0));
    TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    if (!size && !rest) {
        pc->on_top--;
        return kcg_op(c, KF_OP_POP_TOP, 0);
    }
    if (size) {
        TRY(kcg_op(c, KF_OP_GET_LEN, 0));
        TRY(kcg_load_int(c, size));
        TRY(kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_GE));
        TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    }
    TRY(mapping_keys(c, keys));
    TRY(kcg_op(c, KF_OP_BUILD_TUPLE, size));
    TRY(kcg_op(c, KF_OP_MATCH_KEYS, 0));
    pc->on_top += 2;
    TRY(kcg_op(c, KF_OP_COPY, 1));
    TRY(kcg_load_none(c));
    TRY(kcg_op(c, KF_OP_IS_OP, 1));
    TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    TRY(kcg_op(c, KF_OP_UNPACK_SEQUENCE, size));
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        TRY(subpattern(c, patterns->items[i], pc));
    }
    pc->on_top -= 2;
    if (rest) {
        return mapping_rest(c, size, rest, pc);
    }
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

// ---------------------------------------------------------------------------
// Classes, values, alternatives

static int validate_kwd_attrs(KCg *c, const KAstSeq *attrs, const KAstSeq *patterns) {
    int n = KAST_LEN(attrs);
    for (int i = 0; i < n; i++) {
        const char *attr = attrs->items[i];
        const KAstPattern *pi = patterns->items[i];
        KCG_SET_LOC(c, pi);
        if (strcmp(attr, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
        for (int j = i + 1; j < n; j++) {
            if (strcmp(attr, (const char *)attrs->items[j]) == 0) {
                const KAstPattern *pj = patterns->items[j];
                KCG_SET_LOC(c, pj);
                return kcg_error(c, "attribute name repeated in class pattern: %s", attr);
            }
        }
    }
    return 0;
}

static int pattern_class(KCg *c, const KAstPattern *p, Pc *pc) {
    const KAstSeq *patterns = p->v.match_class.patterns;
    const KAstSeq *kwd_attrs = p->v.match_class.kwd_attrs;
    const KAstSeq *kwd_patterns = p->v.match_class.kwd_patterns;
    int nargs = KAST_LEN(patterns), nattrs = KAST_LEN(kwd_attrs);
    if (nattrs) {
        TRY(validate_kwd_attrs(c, kwd_attrs, kwd_patterns));
        KCG_SET_LOC(c, p);
    }
    TRY(kcg_expr(c, p->v.match_class.cls));
    KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)(nattrs ? nattrs : 1));
    if (!items) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < nattrs; i++) {
        items[i] = kcg_str(kwd_attrs->items[i]);
    }
    KfConst names = {.kind = KF_CONST_TUPLE, .items = items, .count = nattrs};
    TRY(kcg_load_const(c, &names));
    TRY(kcg_op(c, KF_OP_MATCH_CLASS, nargs));
    TRY(kcg_op(c, KF_OP_COPY, 1));
    TRY(kcg_load_none(c));
    TRY(kcg_op(c, KF_OP_IS_OP, 1));
    pc->on_top++;
    TRY(jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE));
    TRY(kcg_op(c, KF_OP_UNPACK_SEQUENCE, nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        const KAstPattern *sub = i < nargs ? patterns->items[i] : kwd_patterns->items[i - nargs];
        if (is_wildcard(sub)) {
            TRY(kcg_op(c, KF_OP_POP_TOP, 0));
            continue;
        }
        TRY(subpattern(c, sub, pc));
    }
    return 0;
}

static int pattern_as(KCg *c, const KAstPattern *p, Pc *pc) {
    if (!p->v.match_as.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.match_as.name) {
                KConst k = {.kind = KCONST_STR, .str = p->v.match_as.name,
                            .len = strlen(p->v.match_as.name)};
                KBuf b = KBUF_INIT;
                klit_repr(&k, &b);
                int r = kcg_error(c, "name capture %s makes remaining patterns unreachable",
                                  b.data ? b.data : "");
                kbuf_free(&b);
                return r;
            }
            return kcg_error(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, p->v.match_as.name, pc);
    }
    pc->on_top++;
    TRY(kcg_op(c, KF_OP_COPY, 1));
    TRY(pattern(c, p->v.match_as.pattern, pc));
    pc->on_top--;
    return store_name(c, p->v.match_as.name, pc);
}

static int pattern_value(KCg *c, const KAstPattern *p, Pc *pc) {
    const KAstExpr *v = p->v.match_value.value;
    if (v->kind != KAST_CONSTANT && v->kind != KAST_ATTRIBUTE) {
        return kcg_error(c, "patterns may only match literals and attribute lookups");
    }
    TRY(kcg_expr(c, v));
    TRY(kcg_op(c, KF_OP_COMPARE_OP, KF_CMP_EQ));
    return jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE);
}

static int pattern_singleton(KCg *c, const KAstPattern *p, Pc *pc) {
    KfConst k = kcg_const_from_ast(&p->v.match_singleton.value);
    TRY(kcg_load_const(c, &k));
    TRY(kcg_op(c, KF_OP_IS_OP, 0));
    return jump_to_fail_pop(c, pc, KF_OP_POP_JUMP_IF_FALSE);
}

// Checks that alternative 'pc' binds the names of 'control' and reorders
// its captures on the stack to the control's order.
static int or_align(KCg *c, Pc *pc, const Pc *control) {
    if (pc->nstores != control->nstores) {
        return kcg_error(c, "alternative patterns bind different names");
    }
    for (int icontrol = pc->nstores - 1; icontrol >= 0; icontrol--) {
        int istores = find_store(pc, control->stores[icontrol]);
        if (istores < 0) {
            return kcg_error(c, "alternative patterns bind different names");
        }
        if (icontrol == istores) {
            continue;
        }
        // rotated = stores[:rotations]; del stores[:rotations];
        // stores[icontrol-istores:icontrol-istores] = rotated
        int rotations = istores + 1;
        const char *moved[64];
        const char **tmp = rotations <= 64 ? moved
                                           : karena_alloc(c->arena, sizeof(char *) * (size_t)rotations);
        if (!tmp) {
            return kcg_nomem(c);
        }
        memcpy(tmp, pc->stores, sizeof(char *) * (size_t)rotations);
        memmove(pc->stores, pc->stores + rotations,
                sizeof(char *) * (size_t)(pc->nstores - rotations));
        int at = icontrol - istores;
        memmove(pc->stores + at + rotations, pc->stores + at,
                sizeof(char *) * (size_t)(pc->nstores - rotations - at));
        memcpy(pc->stores + at, tmp, sizeof(char *) * (size_t)rotations);
        while (rotations--) {
            TRY(rotate(c, icontrol + 1));
        }
    }
    return 0;
}

static int pattern_or(KCg *c, const KAstPattern *p, Pc *pc) {
    int end = kcg_new_label(c);
    TRY(end);
    const KAstSeq *alts = p->v.match_or.patterns;
    int size = KAST_LEN(alts);
    Pc old = *pc, control = {0};
    for (int i = 0; i < size; i++) {
        const KAstPattern *alt = alts->items[i];
        KCG_SET_LOC(c, alt);
        Pc sub = {0};
        sub.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
        TRY(kcg_op(c, KF_OP_COPY, 1));
        TRY(pattern(c, alt, &sub));
        if (i == 0) {
            control = sub;
        } else {
            TRY(or_align(c, &sub, &control));
        }
        TRY(kcg_jump(c, KCG_JUMP, end));
        TRY(emit_and_reset_fail_pop(c, &sub));
    }
    *pc = old;
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    TRY(jump_to_fail_pop(c, pc, KCG_JUMP));
    kcg_place(c, end);
    int nrots = control.nstores + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < control.nstores; i++) {
        TRY(rotate(c, nrots));
        const char *name = control.stores[i];
        if (find_store(pc, name) >= 0) {
            return duplicate_store(c, name);
        }
        TRY(push_store(c, pc, name));
    }
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

static int pattern(KCg *c, const KAstPattern *p, Pc *pc) {
    KCG_SET_LOC(c, p);
    switch (p->kind) {
    case KAST_MATCH_VALUE:
        return pattern_value(c, p, pc);
    case KAST_MATCH_SINGLETON:
        return pattern_singleton(c, p, pc);
    case KAST_MATCH_SEQUENCE:
        return pattern_sequence(c, p, pc);
    case KAST_MATCH_MAPPING:
        return pattern_mapping(c, p, pc);
    case KAST_MATCH_CLASS:
        return pattern_class(c, p, pc);
    case KAST_MATCH_STAR:
        return store_name(c, p->v.match_star.name, pc);
    case KAST_MATCH_AS:
        return pattern_as(c, p, pc);
    case KAST_MATCH_OR:
        return pattern_or(c, p, pc);
    }
    return kcg_error(c, "invalid match pattern node in AST");
}

// ---------------------------------------------------------------------------
// The statement

static int match_case(KCg *c, const KAstMatchCase *m, int copy_subject, int is_last, int end) {
    KCG_SET_LOC(c, m->pattern);
    if (copy_subject) {
        TRY(kcg_op(c, KF_OP_COPY, 1));
    }
    Pc pc = {0};
    pc.allow_irrefutable = m->guard != NULL || is_last;
    TRY(pattern(c, m->pattern, &pc));
    for (int n = 0; n < pc.nstores; n++) {
        TRY(kcg_nameop(c, pc.stores[n], KAST_STORE));
    }
    if (m->guard) {
        TRY(ensure_fail_pop(c, &pc, 0));
        TRY(kcg_jump_if(c, m->guard, pc.fail_pop[0], 0));
    }
    if (copy_subject) {
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    TRY(kcg_stmts(c, m->body));
    TRY(kcg_jump(c, KCG_JUMP, end));
    KCG_SET_LOC(c, m->pattern);
    return emit_and_reset_fail_pop(c, &pc);
}

int kcg_match(KCg *c, const KAstStmt *s) {
    TRY(kcg_expr(c, s->v.match.subject));
    int end = kcg_new_label(c);
    TRY(end);
    const KAstSeq *cases = s->v.match.cases;
    int n = KAST_LEN(cases);
    const KAstMatchCase *last = cases->items[n - 1];
    int has_default = is_wildcard(last->pattern) && n > 1;
    for (int i = 0; i < n - has_default; i++) {
        TRY(match_case(c, cases->items[i], i != n - has_default - 1, i == n - 1, end));
    }
    if (has_default) {
        KCG_SET_LOC(c, last->pattern);
        TRY(kcg_op(c, n == 1 ? KF_OP_POP_TOP : KF_OP_NOP, 0));
        if (last->guard) {
            TRY(kcg_jump_if(c, last->guard, end, 0));
        }
        TRY(kcg_stmts(c, last->body));
    }
    kcg_place(c, end);
    return 0;
}
