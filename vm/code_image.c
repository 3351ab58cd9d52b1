// vm/code_image.c: code objects made from a cache file used in place
// (DESIGN.md, "The cache and the file format"). The loader maps the file
// read-only (or holds a just-written or inflated copy); kcode_from_image
// wraps it in a refcounted KCodeImage and returns the module's code as a
// shell: the record's counts, its names, its locals-plus kinds and its
// instruction words, both pointing into the map. When the code first runs
// (kframe_push) or is inspected, kcode_materialise checks its instructions,
// decodes its exception table, verifies the code as format/verify.c
// verifies a sourceless file's (stack depths, jump and handler targets,
// slot kinds, arguments: kf_verify_code) and makes co_names and the
// locals' names;
// each constant is made when an instruction first loads it
// (kcode_const_slow: nested code objects are shells in turn), and the
// positions when a line is first asked for (kcode_positions). So an import
// costs what runs, not the size of the module.
//
// The file passed its checksum, but its records are read as untrusted, as
// kf_read reads them: each record is checked by format/'s lazy reader when
// it is used, and the rules that tie records together are kept here as the
// tree is walked: every constant is claimed by one parent only and every
// code object named by one constant only ('const_marks', 'code_marks'),
// and constants nest at most KF_MAX_DEPTH deep. So a crafted file cannot
// make materialisation loop, blow up or read out of bounds; it is refused
// (ImportError naming the file) when the broken part is first needed. A
// constant that fails to be made (MemoryError) releases its claims, so the
// next attempt starts afresh.
//
// Materialising runs no Python code: the cycle collector (whose finalisers
// could) waits until it is done, so no code object is materialised
// reentrantly.
#include "code.h"
#include "internal.h"

#include <string.h>

#include "errors.h"
#include "gc.h"
#include "mem.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

struct KCodeImage {
    ssize_t refcnt;              // code objects made from it
    KfImage img;
    void (*release)(void *);     // frees the payload's bytes
    void *owner;
    char *where;                 // "cache file '...'", for errors
    KValue *strs;                // per string: the str made from it, or NULL
    uint8_t *str_state;          // per string: STR_* facts known
    uint8_t *const_marks;        // per constant: claimed by a parent
    uint8_t *code_marks;         // per code object: named by a constant
    KValue filename;             // co_filename for codes whose stored one is code 0's, or NULL
    uint32_t fix_index;          // code 0's stored filename
};

// What is known of a string (KCodeImage.str_state).
enum { STR_TEXT_OK = 1, STR_NAME_OK = 2, STR_INTERNED = 4, STR_BYTES_OK = 8 };

void kcode_image_decref(KCodeImage *im) {
    if (--im->refcnt > 0) {
        return;
    }
    for (uint32_t i = 0; im->strs && i < im->img.count[KF_IMAGE_STRINGS]; i++) {
        kval_xdecref(im->strs[i]);
    }
    kval_xdecref(im->filename);
    kmem_free(im->strs);
    kmem_free(im->where);
    if (im->release) {
        im->release(im->owner);
    }
    kmem_free(im);
}

// Raises the refusal of the image's file for 'detail'; returns KV_NULL.
static KValue corrupt(KCodeImage *im, const char *detail) {
    kerr_format(&kexc_ImportError, "bad %s: %s (%s)", im->where, kf_strerror(KF_ERR_CORRUPT),
                detail ? detail : "?");
    return KV_NULL;
}

// Stops the cycle collector (no finaliser may run while a code object is
// half made); returns what kgc_enabled was, for gc_resume.
static int gc_pause(void) {
    int was = kgc_enabled;
    kgc_enabled = 0;
    return was;
}

static void gc_resume(int was) {
    kgc_enabled = was;
}

// ---------------------------------------------------------------------------
// Strings, each made once per image.

// Checks string 'index' for 'use' once; -1 with ImportError. On a first
// check, '*s' and '*len' (when 's' is not NULL) get its bytes; otherwise
// '*s' is NULL.
static int check_string(KCodeImage *im, uint32_t index, KfStrUse use, const char **s,
                        size_t *len) {
    uint8_t want = use == KF_STR_NAME ? STR_NAME_OK : use == KF_STR_TEXT ? STR_TEXT_OK
                                                                         : STR_BYTES_OK;
    const char *p, *detail;
    size_t n;
    if (s) {
        *s = NULL;
    }
    if (index < im->img.count[KF_IMAGE_STRINGS] && (im->str_state[index] & want)) {
        return 0;
    }
    if (kf_image_string(&im->img, index, use, &p, &n, &detail) != KF_OK) {
        corrupt(im, detail);
        return -1;
    }
    im->str_state[index] |= want | (want == STR_NAME_OK ? STR_TEXT_OK : 0) | STR_BYTES_OK;
    if (s) {
        *s = p;
        *len = n;
    }
    return 0;
}

// The str of string 'index' for 'use' (a name is interned; a str constant
// as kcode_maybe_intern leaves it): borrowed from the image's table, or
// KV_NULL with an exception.
static KValue string_value(KCodeImage *im, uint32_t index, KfStrUse use) {
    const char *s = NULL, *detail;
    size_t len = 0;
    if (index < im->img.count[KF_IMAGE_STRINGS] && im->strs[index] &&
        (im->str_state[index] & (use == KF_STR_NAME ? STR_INTERNED : STR_TEXT_OK))) {
        return im->strs[index]; // the common case: made and checked before
    }
    if (check_string(im, index, use, &s, &len) < 0) {
        return KV_NULL;
    }
    if (!im->strs[index]) {
        if (!s && kf_image_string(&im->img, index, KF_STR_BYTES, &s, &len, &detail) != KF_OK) {
            return corrupt(im, detail);
        }
        // A name is interned whatever it looks like, a str constant as
        // kcode_maybe_intern decides: looked up by its bytes, so a str is
        // made only for a new one.
        KValue v = use == KF_STR_NAME || kcode_text_interns(s, len)
                       ? kstr_intern_utf8(s, len)
                       : kstr_from_utf8(s, (ssize_t)len);
        if (!v) {
            return KV_NULL;
        }
        if (im->strs[index]) { // made meanwhile (a collection ran code): keep the first
            kval_decref(v);
        } else {
            im->strs[index] = v;
        }
    }
    if (use == KF_STR_NAME && !(im->str_state[index] & STR_INTERNED)) {
        kstr_intern(&im->strs[index]);
        im->str_state[index] |= STR_INTERNED;
    }
    return im->strs[index];
}

// co_filename for a code whose stored filename is string 'index'.
static KValue filename_value(KCodeImage *im, uint32_t index) {
    if (im->filename) {
        const char *a, *b, *detail;
        size_t alen, blen;
        if (index == im->fix_index ||
            (kf_image_string(&im->img, index, KF_STR_BYTES, &a, &alen, &detail) == KF_OK &&
             kf_image_string(&im->img, im->fix_index, KF_STR_BYTES, &b, &blen, &detail) ==
                 KF_OK &&
             alen == blen && memcmp(a, b, alen) == 0)) {
            return kval_newref(im->filename);
        }
    }
    KValue v = string_value(im, index, KF_STR_NAME);
    return v ? kval_newref(v) : KV_NULL;
}

// ---------------------------------------------------------------------------
// Shells

// The fields a shell takes from its record 'rec'; -1 with an exception.
static int fill_shell(KCode *c, KCodeImage *im, const KfImageCode *rec) {
    c->ncode = rec->ncode;
    c->nconsts = rec->nconsts;
    c->nnames = rec->nnames;
    c->nlocalsplus = rec->nlocalsplus;
    c->argcount = rec->argcount;
    c->posonlyargcount = rec->posonlyargcount;
    c->kwonlyargcount = rec->kwonlyargcount;
    c->flags = rec->flags;
    c->stacksize = rec->stacksize;
    c->framesize = rec->nlocalsplus + rec->stacksize;
    c->firstlineno = rec->firstlineno;
    c->nexceptions = rec->nexceptions;
    c->image_consts = rec->consts_start;
    c->localspluskinds = (uint8_t *)(uintptr_t)rec->kinds;
    c->kinds_in_image = 1;
    int nargslots = 0, nfree = 0, ncells = 0; // counted in registers, stored once
    for (int i = 0; i < rec->nlocalsplus; i++) {
        uint8_t k = rec->kinds[i];
        nfree += (k & KF_LOCAL_FREE) != 0;
        ncells += (k & (KF_LOCAL_CELL | KF_LOCAL_FREE)) == KF_LOCAL_CELL;
        nargslots += (k & KF_LOCAL_ARG) != 0;
    }
    c->nfree = nfree;
    c->ncells = ncells;
    c->has_cells = c->ncells + c->nfree > 0;
    // As kcode_from_kf: co_argcount counts positional-only parameters too.
    int extra = ((rec->flags & KF_CO_VARARGS) != 0) + ((rec->flags & KF_CO_VARKEYWORDS) != 0);
    if (c->posonlyargcount &&
        rec->argcount + rec->posonlyargcount + rec->kwonlyargcount + extra == nargslots) {
        c->argcount = rec->argcount + rec->posonlyargcount;
    }
    if (rec->code) {
        c->code = (uint32_t *)(uintptr_t)rec->code; // read only: never written
        c->code_in_image = 1;
    } else {
        const char *detail;
        c->code = kmem_alloc((size_t)rec->ncode * sizeof(uint32_t) + 1);
        if (!c->code) {
            kerr_no_memory();
            return -1;
        }
        if (kf_image_instructions(&im->img, rec, c->code, &detail) != KF_OK) {
            corrupt(im, detail);
            return -1;
        }
    }
    KValue name = string_value(im, rec->name, KF_STR_NAME);
    c->name = kval_xnewref(name);
    KValue qualname = !name                         ? KV_NULL
                      : rec->qualname == rec->name ? name // a module-level function's
                                                   : string_value(im, rec->qualname, KF_STR_NAME);
    c->qualname = kval_xnewref(qualname);
    c->filename = qualname ? filename_value(im, rec->filename) : KV_NULL;
    return c->filename ? 0 : -1;
}

// A shell for code object 'index' (the caller has claimed it).
static KValue make_shell(KCodeImage *im, uint32_t index) {
    KfImageCode rec;
    const char *detail;
    if (kf_image_code(&im->img, index, &rec, &detail) != KF_OK) {
        return corrupt(im, detail);
    }
    KCode *c = (KCode *)kobj_alloc(&kcode_type, sizeof(KCode));
    if (!c) {
        return kerr_no_memory();
    }
    c->image = im;
    im->refcnt++;
    c->image_index = index;
    c->state = KCODE_SHELL;
    if (fill_shell(c, im, &rec) < 0) {
        kval_decref(kval_of(c));
        return KV_NULL;
    }
    return kval_of(c);
}

KValue kcode_from_image(const uint8_t *payload, size_t len, void (*release)(void *), void *owner,
                        const char *where, KValue filename) {
    KCodeImage *im = kmem_zalloc(sizeof *im);
    if (!im) {
        release(owner);
        return kerr_no_memory();
    }
    im->refcnt = 1;
    im->release = release;
    im->owner = owner;
    im->where = kmem_alloc(strlen(where) + 1);
    if (!im->where) {
        kcode_image_decref(im);
        return kerr_no_memory();
    }
    strcpy(im->where, where);
    const char *detail;
    if (kf_image_open(&im->img, payload, len, &detail) != KF_OK) {
        corrupt(im, detail);
        kcode_image_decref(im);
        return KV_NULL;
    }
    // One block for the per-record tables: strings, their state, the marks.
    const uint32_t *count = im->img.count;
    size_t nstr = count[KF_IMAGE_STRINGS], nconst = count[KF_IMAGE_CONSTS];
    size_t ncode = count[KF_IMAGE_CODES];
    im->strs = kmem_zalloc(nstr * sizeof(KValue) + nstr + nconst + ncode + 1);
    if (!im->strs) {
        kcode_image_decref(im);
        return kerr_no_memory();
    }
    im->str_state = (uint8_t *)(im->strs + nstr);
    im->const_marks = im->str_state + nstr;
    im->code_marks = im->const_marks + nconst;
    KfImageCode rec;
    if (kf_image_code(&im->img, 0, &rec, &detail) != KF_OK) {
        corrupt(im, detail);
        kcode_image_decref(im);
        return KV_NULL;
    }
    im->fix_index = rec.filename;
    im->filename = kval_xnewref(filename);
    im->code_marks[0] = 1;
    KValue code = make_shell(im, 0);
    kcode_image_decref(im); // the module's code holds it now
    return code;
}

// ---------------------------------------------------------------------------
// Materialisation: what a first run needs.

// For kf_verify_code: whether constant 'index' of the code whose record is
// 'ctx' is a tuple of str, reading the records only (the tuple is made, and
// its strings checked, when KW_NAMES first loads it).
typedef struct KwCtx {
    KCodeImage *im;
    const KfImageCode *rec;
} KwCtx;

static int kw_names_of(void *ctx, int index, int *count) {
    KwCtx *kw = ctx;
    const KfImage *img = &kw->im->img;
    KfConst k;
    uint32_t ref;
    if (kf_image_const(img, kw->rec->consts_start + (uint32_t)index, &k, &ref, NULL) != KF_OK ||
        k.kind != KF_CONST_TUPLE) {
        return 0;
    }
    for (int i = 0; i < k.count; i++) {
        KfConst item;
        uint32_t r;
        if (kf_image_const(img, ref + (uint32_t)i, &item, &r, NULL) != KF_OK ||
            item.kind != KF_CONST_STR) {
            return 0;
        }
    }
    *count = k.count;
    return 1;
}

// Verifies the words of 'c' (record 'rec', exception table 'exceptions')
// before they first run, as format/verify.c verifies a sourceless file's
// (FORMAT.md, "Verification"): -1 with ImportError naming the file, the
// reason, the code object and the instruction, or MemoryError.
static int verify(KCode *c, KCodeImage *im, const KfImageCode *rec,
                  const KfExceptEntry *exceptions) {
    const char *qualname = "?", *detail;
    size_t len;
    if (kf_image_string(&im->img, rec->qualname, KF_STR_NAME, &qualname, &len, &detail) != KF_OK) {
        corrupt(im, detail);
        return -1;
    }
    KfCode view;
    memset(&view, 0, sizeof view);
    view.name = view.qualname = qualname;
    view.flags = rec->flags;
    view.stacksize = rec->stacksize;
    view.code = c->code;
    view.ncode = rec->ncode;
    view.nconsts = rec->nconsts;
    view.nnames = rec->nnames;
    view.localspluskinds = rec->kinds;
    view.nlocalsplus = rec->nlocalsplus;
    view.exceptions = exceptions;
    view.nexceptions = rec->nexceptions;
    KwCtx ctx = {im, rec};
    char why[256];
    KfError err = kf_verify_code(&view, c->image_index == 0, kw_names_of, &ctx, why, sizeof why);
    if (err == KF_ERR_NOMEM) {
        kerr_no_memory();
        return -1;
    }
    if (err != KF_OK) {
        kerr_format(&kexc_ImportError, "bad %s: %s: %s", im->where, kf_strerror(err), why);
        return -1;
    }
    return 0;
}

// Checks 'c' (record 'rec'), decodes its exception table, verifies its
// words (verify) and makes its names; on success 'c' is KCODE_READY with its constants still to make.
static int ready_code(KCode *c, KCodeImage *im, const KfImageCode *rec) {
    const char *detail = NULL;
    uint32_t s;
    KfExceptEntry *exceptions = kmem_alloc((size_t)rec->nexceptions * sizeof(KfExceptEntry) + 1);
    KValue *consts = kmem_zalloc((size_t)rec->nconsts * sizeof(KValue) + 1);
    KValue *names = kmem_zalloc((size_t)rec->nnames * sizeof(KValue) + 1);
    KValue lpnames = ktuple_new(rec->nlocalsplus);
    if (!exceptions || !consts || !names || !lpnames) {
        kerr_no_memory();
        goto fail;
    }
    if (kf_image_instructions(&im->img, rec, NULL, &detail) != KF_OK ||
        kf_image_exceptions(&im->img, rec, exceptions, &detail) != KF_OK) {
        corrupt(im, detail);
        goto fail;
    }
    if (verify(c, im, rec, exceptions) < 0) {
        goto fail;
    }
    // One resize for a module's thousands of names, not one per doubling.
    kstr_intern_reserve((size_t)rec->nnames + (size_t)rec->nlocalsplus);
    for (int i = 0; i < rec->nnames + rec->nlocalsplus; i++) {
        if (kf_image_nameref(&im->img, rec, i, &s, &detail) != KF_OK) {
            corrupt(im, detail);
            goto fail;
        }
        KValue v = string_value(im, s, KF_STR_NAME);
        if (!v) {
            goto fail;
        }
        if (i < rec->nnames) {
            names[i] = kval_newref(v);
        } else {
            ktuple_items(lpnames)[i - rec->nnames] = kval_newref(v);
        }
    }
    c->exceptions = exceptions;
    c->consts = consts;
    c->names = names;
    c->localsplusnames = lpnames;
    c->state = KCODE_READY;
    return 0;
fail:
    for (int i = 0; names && i < rec->nnames; i++) {
        kval_xdecref(names[i]);
    }
    kval_xdecref(lpnames);
    kmem_free(exceptions);
    kmem_free(consts);
    kmem_free(names);
    return -1;
}

int kcode_materialise(KCode *c) {
    KCodeImage *im = c->image;
    if (c->state == KCODE_READY || !im) {
        return 0;
    }
    KfImageCode rec;
    const char *detail;
    if (kf_image_code(&im->img, c->image_index, &rec, &detail) != KF_OK) {
        corrupt(im, detail);
        return -1;
    }
    int was = gc_pause();
    int r = ready_code(c, im, &rec);
    gc_resume(was);
    return r;
}

// ---------------------------------------------------------------------------
// Constants, each made when first loaded.

// The marks one constant's tree set, undone when making it fails: constant
// indices, and code indices with CLAIM_CODE set.
typedef struct Claims {
    uint32_t *v;
    size_t count, cap;
    uint32_t small[32];
} Claims;

#define CLAIM_CODE 0x80000000u

// Makes room for one more claim in 'cl': 0, or -1 with MemoryError.
static K_NOINLINE int claims_grow(Claims *cl) {
    size_t cap = cl->cap * 2;
    uint32_t *v = kmem_alloc(cap * sizeof *v);
    if (!v) {
        kerr_no_memory();
        return -1;
    }
    memcpy(v, cl->v, cl->count * sizeof *v);
    if (cl->v != cl->small) {
        kmem_free(cl->v);
    }
    cl->v = v;
    cl->cap = cap;
    return 0;
}

// Claims record 'index' of the table 'marks' (constants, or code objects
// with CLAIM_CODE); -1 with ImportError when it has a parent already.
static inline int claim(KCodeImage *im, Claims *cl, uint32_t index, uint32_t code_flag) {
    uint8_t *marks = code_flag ? im->code_marks : im->const_marks;
    uint32_t count = im->img.count[code_flag ? KF_IMAGE_CODES : KF_IMAGE_CONSTS];
    if (K_UNLIKELY(index >= count || marks[index])) {
        corrupt(im, code_flag ? "code object named by none or two constants"
                              : "a constant with two parents");
        return -1;
    }
    if (K_UNLIKELY(cl->count == cl->cap) && claims_grow(cl) < 0) {
        return -1;
    }
    cl->v[cl->count++] = index | code_flag;
    marks[index] = 1;
    return 0;
}

// Takes the constant tuple 't' off the cycle collector's list when none of
// its items is tracked: no cycle can pass through it, ever (CPython
// untracks such tuples at their first collection). A module's constant
// tuples (default values, say) then cost the collector nothing: the
// collections that their allocation would trigger during an import were a
// tenth of tools/bench/import-large's instructions.
static void untrack_if_atomic(KValue t) {
    for (ssize_t i = 0; i < ktuple_len(t); i++) {
        if (kgc_is_tracked(ktuple_items(t)[i])) {
            return;
        }
    }
    kgc_untrack(kval_obj(t));
}

// The value of constant 'index' at nesting 'depth', claiming what it
// reaches: a new reference, or KV_NULL.
static KValue const_value(KCodeImage *im, uint32_t index, int depth, Claims *cl) {
    KfConst k;
    uint32_t ref;
    const char *detail;
    if (depth > KF_MAX_DEPTH) {
        return corrupt(im, "constants nested too deeply");
    }
    if (claim(im, cl, index, 0) < 0) {
        return KV_NULL;
    }
    if (kf_image_const(&im->img, index, &k, &ref, &detail) != KF_OK) {
        return corrupt(im, detail);
    }
    switch (k.kind) {
    case KF_CONST_STR: {
        KValue s = string_value(im, ref, KF_STR_TEXT);
        return s ? kval_newref(s) : KV_NULL;
    }
    case KF_CONST_BYTES:
        if (kf_image_string(&im->img, ref, KF_STR_BYTES, &k.str, &k.len, &detail) != KF_OK) {
            return corrupt(im, detail);
        }
        return kcode_scalar_const(&k);
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET: {
        KValue t = ktuple_new(k.count);
        for (int i = 0; t && i < k.count; i++) {
            KValue v = const_value(im, ref + (uint32_t)i, depth + 1, cl);
            if (!v) {
                KVAL_CLEAR(t);
                break;
            }
            ktuple_items(t)[i] = v;
        }
        if (t && k.kind == KF_CONST_TUPLE) {
            untrack_if_atomic(t);
            return t;
        }
        if (!t) {
            return t;
        }
        KValue fs = kfrozenset_new(t);
        kval_decref(t);
        return fs;
    }
    case KF_CONST_CODE:
        return claim(im, cl, ref, CLAIM_CODE) < 0 ? KV_NULL : make_shell(im, ref);
    default:
        return kcode_scalar_const(&k);
    }
}

KValue kcode_const_slow(KCode *c, int i) {
    if (c->consts[i]) {
        return c->consts[i];
    }
    KCodeImage *im = c->image;
    Claims cl;
    cl.v = cl.small;
    cl.count = 0;
    cl.cap = sizeof cl.small / sizeof cl.small[0];
    int was = gc_pause();
    KValue v = const_value(im, c->image_consts + (uint32_t)i, 1, &cl);
    gc_resume(was);
    if (!v) {
        for (size_t k = 0; k < cl.count; k++) { // afresh next time
            uint32_t x = cl.v[k];
            (x & CLAIM_CODE ? im->code_marks : im->const_marks)[x & ~CLAIM_CODE] = 0;
        }
    }
    if (cl.v != cl.small) {
        kmem_free(cl.v);
    }
    c->consts[i] = v;
    return v;
}

int kcode_fill_consts(KCode *c) {
    if (kcode_ready(c) < 0) {
        return -1;
    }
    for (int i = 0; i < c->nconsts; i++) {
        if (!c->consts[i] && !kcode_const_slow(c, i)) {
            return -1;
        }
    }
    return 0;
}

const KfPosition *kcode_positions(KCode *c) {
    if (c->positions || !c->image) {
        return c->positions;
    }
    KCodeImage *im = c->image;
    KfImageCode rec;
    KfPosition *p = kmem_alloc((size_t)c->ncode * sizeof(KfPosition) + 1);
    if (!p) {
        return NULL;
    }
    // A line lookup cannot fail: a crafted line table leaves every
    // instruction without a position rather than raising.
    if (kf_image_code(&im->img, c->image_index, &rec, NULL) != KF_OK ||
        kf_image_positions(&im->img, &rec, p, NULL) != KF_OK) {
        memset(p, 0, (size_t)c->ncode * sizeof(KfPosition));
        for (int i = 0; i < c->ncode; i++) {
            p[i].col = p[i].end_col = -1;
        }
    }
    c->positions = p;
    return p;
}

KValue kcode_doc_borrow(KCode *c) {
    if (!(c->flags & KF_CO_OPTIMIZED) || c->nconsts == 0) {
        return KV_NONE;
    }
    if (!c->image || (c->consts && c->consts[0])) {
        return kstr_check(c->consts[0]) ? c->consts[0] : KV_NONE;
    }
    // Constant 0 not made yet: its record is looked at. Its str is the one
    // the image makes once, so co_consts[0] will be this same object.
    KCodeImage *im = c->image;
    KfConst k;
    uint32_t ref;
    const char *detail;
    if (kf_image_const(&im->img, c->image_consts, &k, &ref, &detail) != KF_OK) {
        return corrupt(im, detail);
    }
    return k.kind == KF_CONST_STR ? string_value(im, ref, KF_STR_TEXT) : KV_NONE;
}
