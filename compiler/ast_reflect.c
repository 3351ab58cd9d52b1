// compiler/ast_reflect.c: the compiler's tree read and built field by field
// through ast_info.c's tables (compiler.h's kc_ast_* functions), for the
// runtime's _ast module. A field is found at its table offset; sequences
// are KAstSeq (nodes, identifiers) or KAstIntSeq (simple sums).
#include "ast_reflect.h"

#include <string.h>

#include "codegen.h"

static void *slot(const void *node, const KcAstField *f) {
    return (char *)node + f->offset;
}

int kc_ast_class_of(const void *node, int type) {
    const KcAstType *t = &kc_ast_types[type];
    if (!t->is_sum) {
        return t->first_class;
    }
    // Every sum node starts with its kind, numbered from 1 (ast.h).
    int kind = *(const int *)node;
    return t->first_class + kind - 1;
}

// KConst of the tree -> the neutral KfConst (a scalar).
static void const_to_kf(const KConst *k, KfConst *out) {
    *out = kcg_const_from_ast(k);
    if (k->kind == KCONST_BIGINT) {
        out->len = strlen(k->str);
    }
}

static void get_value(const KcAstField *f, const void *p, KcAstValue *out) {
    memset(out, 0, sizeof *out);
    switch (f->kind) {
    case KC_AST_NODE:
        out->node = *(void *const *)p;
        break;
    case KC_AST_SIMPLE:
    case KC_AST_INT:
        out->i = *(const int *)p;
        break;
    case KC_AST_IDENTIFIER:
    case KC_AST_STRING:
        out->str = *(const char *const *)p;
        break;
    case KC_AST_CONSTANT:
        const_to_kf((const KConst *)p, &out->constant);
        break;
    }
}

void kc_ast_get(const void *node, const KcAstField *f, KcAstValue *out) {
    get_value(f, slot(node, f), out);
}

int kc_ast_seq_len(const void *node, const KcAstField *f) {
    if (f->kind == KC_AST_SIMPLE) {
        const KAstIntSeq *s = *(KAstIntSeq *const *)slot(node, f);
        return KAST_LEN(s);
    }
    const KAstSeq *s = *(KAstSeq *const *)slot(node, f);
    return KAST_LEN(s);
}

void kc_ast_seq_get(const void *node, const KcAstField *f, int i, KcAstValue *out) {
    memset(out, 0, sizeof *out);
    if (f->kind == KC_AST_SIMPLE) {
        const KAstIntSeq *s = *(KAstIntSeq *const *)slot(node, f);
        out->i = s->items[i];
    } else if (f->kind == KC_AST_NODE) {
        const KAstSeq *s = *(KAstSeq *const *)slot(node, f);
        out->node = s->items[i];
    } else {
        const KAstSeq *s = *(KAstSeq *const *)slot(node, f);
        out->str = s->items[i];
    }
}

void kc_ast_get_attrs(const void *node, int type, int out[4]) {
    memcpy(out, (const char *)node + kc_ast_types[type].attr_offset, 4 * sizeof(int));
}

void kc_ast_set_attrs(void *node, int type, const int attrs[4]) {
    memcpy((char *)node + kc_ast_types[type].attr_offset, attrs, 4 * sizeof(int));
}

// ---------------------------------------------------------------------------
// Building

void *kc_ast_new(KcUnit *b, int cls) {
    const KcAstClass *c = &kc_ast_classes[cls];
    const KcAstType *t = &kc_ast_types[c->type];
    void *n = karena_calloc(kcompile_arena(b), t->size);
    if (n && t->is_sum) {
        *(int *)n = cls - t->first_class + 1;
    }
    return n;
}

// The neutral KfConst -> the tree's KConst (strings copied into 'a').
static int const_from_kf(KArena *a, const KfConst *k, KConst *out) {
    memset(out, 0, sizeof *out);
    switch (k->kind) {
    case KF_CONST_TRUE:
        out->kind = KCONST_TRUE;
        break;
    case KF_CONST_FALSE:
        out->kind = KCONST_FALSE;
        break;
    case KF_CONST_ELLIPSIS:
        out->kind = KCONST_ELLIPSIS;
        break;
    case KF_CONST_INT:
        out->kind = KCONST_INT;
        out->i = k->i;
        break;
    case KF_CONST_BIGINT:
        // fold.c's convention: the digits keep a leading '-' when negative.
        out->kind = KCONST_BIGINT;
        out->big_neg = k->str[0] == '-';
        out->str = karena_strndup(a, k->str, k->len);
        out->len = k->len;
        return out->str ? 0 : -1;
    case KF_CONST_FLOAT:
        out->kind = KCONST_FLOAT;
        out->f = k->f;
        break;
    case KF_CONST_COMPLEX:
        out->kind = KCONST_COMPLEX;
        out->real = k->f;
        out->f = k->imag;
        break;
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        out->kind = k->kind == KF_CONST_STR ? KCONST_STR : KCONST_BYTES;
        out->str = karena_strndup(a, k->str, k->len);
        out->len = k->len;
        return out->str ? 0 : -1;
    default:
        out->kind = KCONST_NONE;
        break;
    }
    return 0;
}

static int set_value(KArena *a, const KcAstField *f, void *p, const KcAstValue *v) {
    switch (f->kind) {
    case KC_AST_NODE:
        *(const void **)p = v->node;
        return 0;
    case KC_AST_SIMPLE:
    case KC_AST_INT:
        *(int *)p = v->i;
        return 0;
    case KC_AST_IDENTIFIER:
    case KC_AST_STRING:
        if (!v->str) {
            *(const char **)p = NULL;
            return 0;
        }
        *(const char **)p = karena_strndup(a, v->str, strlen(v->str));
        return *(const char **)p ? 0 : -1;
    case KC_AST_CONSTANT:
        return const_from_kf(a, &v->constant, (KConst *)p);
    }
    return 0;
}

int kc_ast_set(KcUnit *b, void *node, const KcAstField *f, const KcAstValue *v) {
    return set_value(kcompile_arena(b), f, slot(node, f), v);
}

int kc_ast_seq_new(KcUnit *b, void *node, const KcAstField *f, int count) {
    KArena *a = kcompile_arena(b);
    void *s = f->kind == KC_AST_SIMPLE ? (void *)kast_int_seq_new(a, count)
                                       : (void *)kast_seq_new(a, count);
    *(void **)slot(node, f) = s;
    return s ? 0 : -1;
}

int kc_ast_seq_set(KcUnit *b, void *node, const KcAstField *f, int i, const KcAstValue *v) {
    if (f->kind == KC_AST_SIMPLE) {
        KAstIntSeq *s = *(KAstIntSeq **)slot(node, f);
        s->items[i] = v->i;
        return 0;
    }
    KAstSeq *s = *(KAstSeq **)slot(node, f);
    if (f->kind == KC_AST_NODE) {
        s->items[i] = (void *)v->node;
        return 0;
    }
    KArena *a = kcompile_arena(b);
    s->items[i] = karena_strndup(a, v->str, strlen(v->str));
    return s->items[i] ? 0 : -1;
}
