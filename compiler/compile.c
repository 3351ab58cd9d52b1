// compiler/compile.c: the compiler's pipeline behind kc_compile: decode,
// tokenize and parse (parser.c), future statements, constant folding
// (fold.c), the symbol table (symtable.c), code generation and assembly
// (codegen*.c, assemble.c); and the error of a failed compilation in the
// shape of CPython's SyntaxError.
#include "compiler.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "ast_reflect.h"
#include "buf.h"
#include "codegen.h"
#include "diag.h"
#include "parser.h"
#include "symtable.h"

// Deepest AST compiled: CPython 3.11 raises RecursionError ("maximum
// recursion depth exceeded during compilation") at about this depth, and
// the passes here recurse once per level.
enum { MAX_COMPILE_DEPTH = 2990 };

struct KcUnit {
    KArena *arena;
    KDiag diag;
    int recursion_error;
    const char *filename;
    const char *src;
    size_t src_len;
    const KfCode *code;
    const KAstMod *mod; // kc_parse's tree
    long depth_mismatches;
    char *text; // the error's source line
};

static KParMode par_mode(KcMode mode) {
    return mode == KC_MODE_EVAL ? KPAR_EVAL : mode == KC_MODE_SINGLE ? KPAR_SINGLE : KPAR_EXEC;
}

static void compile_checked(KcUnit *u, KAstMod *mod, int optimize, int flags);

static void compile_ast(KcUnit *u, KAstMod *mod, int optimize, int flags) {
    int features, flineno, fcol;
    if (ksym_future(mod, &features, &flineno, &fcol, &u->diag) < 0) {
        return;
    }
    features |= flags & KC_FLAG_FUTURE_MASK;
    KFold *fold = kfold_module(u->arena, mod, optimize, features);
    if (!fold) {
        kdiag_nomem(&u->diag);
        return;
    }
    KSymTable *st = ksym_build(u->arena, mod, features, &u->diag);
    if (!st) {
        return;
    }
    KCg c = {.arena = u->arena,
             .diag = &u->diag,
             .st = st,
             .filename = u->filename,
             .optimize = optimize,
             .features = features,
             .future_lineno = flineno,
             .future_col = fcol,
             .top_level_await = (flags & KC_FLAG_ALLOW_TOP_LEVEL_AWAIT) != 0,
             .fold = fold};
    u->code = kcg_compile(&c, mod);
    u->depth_mismatches = c.depth_mismatches;
}

KcUnit *kc_compile(const char *filename, const char *bytes, size_t len, KcMode mode,
                   int optimize) {
    return kc_compile_flags(filename, bytes, len, mode, optimize, 0);
}

// A new unit with its arena and 'filename'; NULL when out of memory (a
// unit whose filename could not be copied holds a MemoryError).
static KcUnit *unit_new(const char *filename) {
    KcUnit *u = calloc(1, sizeof(KcUnit));
    if (!u) {
        return NULL;
    }
    u->arena = karena_new();
    if (!u->arena) {
        free(u);
        return NULL;
    }
    u->filename = karena_strndup(u->arena, filename, strlen(filename));
    if (!u->filename) {
        kdiag_nomem(&u->diag);
    }
    return u;
}

// Parses into 'u' (u->src set); the tree or NULL with the error in 'u'.
static KAstMod *parse_into(KcUnit *u, const char *bytes, size_t len, KcMode mode) {
    KAstMod *mod = kpar_parse_source(u->arena, bytes, len, par_mode(mode), &u->diag, &u->src,
                                     &u->src_len);
    if (!mod) {
        if (!u->src) {
            // Undecodable source: errors show the raw bytes' line, as python3.11.
            u->src = karena_strndup(u->arena, bytes, len);
            u->src_len = u->src ? len : 0;
        }
    }
    return mod;
}

KcUnit *kc_compile_flags(const char *filename, const char *bytes, size_t len, KcMode mode,
                         int optimize, int flags) {
    KcUnit *u = unit_new(filename);
    if (!u || u->diag.kind != KDIAG_NONE) {
        return u;
    }
    KAstMod *mod = parse_into(u, bytes, len, mode);
    if (!mod) {
        return u;
    }
    compile_checked(u, mod, optimize, flags);
    return u;
}

KcUnit *kc_parse(const char *filename, const char *bytes, size_t len, KcMode mode, int flags) {
    (void)flags;
    KcUnit *u = unit_new(filename);
    if (u && u->diag.kind == KDIAG_NONE) {
        u->mod = parse_into(u, bytes, len, mode);
    }
    return u;
}

const void *kc_unit_ast(const KcUnit *u) {
    return u->mod;
}

KArena *kcompile_arena(KcUnit *u) {
    return u->arena;
}

KcUnit *kc_ast_builder_new(const char *filename) {
    return unit_new(filename);
}

int kc_compile_ast(KcUnit *b, void *mod, KcMode mode, int optimize, int flags, const char **msg,
                   int *is_type_error) {
    (void)mode;
    *msg = NULL;
    *is_type_error = 0;
    if (b->diag.kind != KDIAG_NONE) {
        return 0;
    }
    if (kast_check_depth(mod, MAX_COMPILE_DEPTH) < 0) {
        b->recursion_error = 1;
        return 0;
    }
    if (kast_validate(b->arena, mod, msg, is_type_error) < 0) {
        if (!*msg) {
            kdiag_nomem(&b->diag);
            return 0;
        }
        return -1;
    }
    compile_checked(b, mod, optimize, flags);
    return 0;
}

// Compiles the parsed or built tree 'mod' into 'u' (code or error).
static void compile_checked(KcUnit *u, KAstMod *mod, int optimize, int flags) {
    if (kast_check_depth(mod, MAX_COMPILE_DEPTH) < 0) {
        u->recursion_error = 1;
        return;
    }
    compile_ast(u, mod, optimize, flags);
    if (u->diag.kind != KDIAG_NONE) {
        u->code = NULL;
        // python3.11 reports the symbol table's and the code generator's
        // errors with UTF-8 byte offsets (visible after non-ASCII text).
        u->diag.byte_columns = 1;
    }
}

const KfCode *kc_unit_code(const KcUnit *u) {
    return u->code;
}

long kc_unit_depth_mismatches(const KcUnit *u) {
    return u->depth_mismatches;
}

// Line 'lineno' of the source (with its newline), or NULL.
static const char *source_line(const KcUnit *u, int lineno, size_t *len) {
    const char *p = u->src, *end = u->src + u->src_len;
    if (!p || lineno < 1) {
        return NULL;
    }
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);
    return p;
}

// CPython's 1-based character offset of byte column 'col' in 'line'.
static int char_offset(const char *line, size_t len, int col) {
    int n = 0;
    for (int i = 0; i < col && (size_t)i < len; i++) {
        if (((unsigned char)line[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    if ((size_t)col > len) {
        n += col - (int)len;
    }
    return n + 1;
}

int kc_unit_error(const KcUnit *u, KcError *err) {
    memset(err, 0, sizeof *err);
    if (u->recursion_error) {
        err->type = "RecursionError";
        err->msg = "maximum recursion depth exceeded during compilation";
        err->filename = u->filename;
        return 1;
    }
    const KDiag *d = &u->diag;
    if (d->kind == KDIAG_NONE) {
        return 0;
    }
    err->type = kdiag_kind_name(d->kind);
    err->msg = d->msg;
    err->filename = u->filename;
    if (d->kind == KDIAG_MEMORY_ERROR) {
        err->msg = "";
        return 1;
    }
    err->lineno = d->lineno;
    err->end_lineno = d->end_lineno;
    size_t len = 0;
    const char *line = d->text ? d->text : source_line(u, d->lineno, &len);
    if (d->text) {
        len = d->text_len;
    }
    if (line) {
        KcUnit *mu = (KcUnit *)u;
        if (!mu->text) {
            mu->text = karena_strndup(mu->arena, line, len);
        }
        err->text = mu->text;
        err->offset = d->col < 0 ? 0 : d->byte_columns ? d->col + 1 : char_offset(line, len, d->col);
    } else if (d->col >= 0) {
        err->offset = d->col + 1;
    }
    if (d->end_col >= 0 && d->end_lineno > 0 && d->byte_columns) {
        err->end_offset = d->end_col + 1;
    } else if (d->end_col >= 0 && d->end_lineno > 0) {
        size_t elen = 0;
        const char *eline = source_line(u, d->end_lineno, &elen);
        err->end_offset = eline ? char_offset(eline, elen, d->end_col) : d->end_col + 1;
    }
    return 1;
}

char *kc_format_error(const KcUnit *u) {
    if (u->recursion_error) {
        return strdup("RecursionError: maximum recursion depth exceeded during compilation\n");
    }
    if (u->diag.kind == KDIAG_NONE) {
        return NULL;
    }
    KBuf b = KBUF_INIT;
    kdiag_format(&u->diag, u->filename, u->src, u->src_len, &b);
    if (b.oom) {
        kbuf_free(&b);
        return NULL;
    }
    return b.data;
}

void kc_unit_free(KcUnit *u) {
    if (!u) {
        return;
    }
    karena_free(u->arena);
    free(u);
}
