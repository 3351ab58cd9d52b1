// vm/code_image.c: code objects made from a cache file used in place
// (DESIGN.md, "The cache and the file format"). The loader maps the file
// read-only (or holds a just-written or inflated copy); kcode_from_image
// wraps it in a refcounted KCodeImage and returns the module's code as a
// shell: the record's counts, its names, its locals-plus kinds and its
// instruction words, both pointing into the map. Everything else (the
// checks of its instructions, positions, exception table, co_names,
// co_varnames and the constants, whose nested code objects are shells in
// turn) is made by kcode_materialise when the code first runs or is
// inspected, so an import costs what runs, not the size of the module.
//
// The file passed its checksum, but its records are read as untrusted, as
// kf_read reads them: each record is checked by format/'s lazy reader when
// it is used, and the rules that tie records together are kept here as the
// tree is walked: every constant is claimed by one parent only and every
// code object named by one constant only ('const_marks', 'code_marks'),
// and constants nest at most KF_MAX_DEPTH deep. So a crafted file cannot
// make materialisation loop, blow up or read out of bounds; it is refused
// (ImportError naming the file) when the broken part is first needed.
//
// Materialisation runs in two steps so that it can be retried after a
// MemoryError: a check step that allocates only plain memory (never an
// object, so no collection and no Python code can run inside it) and claims
// the constants, then a step that makes the objects, filling only the
// slots still empty (a finaliser run by a collection may have materialised
// the same code meanwhile).
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
        KValue v = kstr_from_utf8(s, (ssize_t)len);
        if (!v) {
            return KV_NULL;
        }
        kcode_maybe_intern(&v);
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
    int nargslots = 0;
    for (int i = 0; i < rec->nlocalsplus; i++) {
        uint8_t k = rec->kinds[i];
        c->nfree += (k & KF_LOCAL_FREE) != 0;
        c->ncells += (k & KF_LOCAL_CELL) && !(k & KF_LOCAL_FREE);
        nargslots += (k & KF_LOCAL_ARG) != 0;
    }
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
    KValue qualname = name ? string_value(im, rec->qualname, KF_STR_NAME) : KV_NULL;
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
// Materialisation, step one: checks, plain arrays, claims.

// Claims constant 'index' and what it refers to, at nesting 'depth'.
static int claim_const(KCodeImage *im, uint32_t index, int depth) {
    KfConst k;
    uint32_t ref;
    const char *detail;
    if (depth > KF_MAX_DEPTH) {
        corrupt(im, "constants nested too deeply");
        return -1;
    }
    if (index >= im->img.count[KF_IMAGE_CONSTS] || im->const_marks[index]) {
        corrupt(im, "a constant with two parents");
        return -1;
    }
    im->const_marks[index] = 1;
    if (kf_image_const(&im->img, index, &k, &ref, &detail) != KF_OK) {
        corrupt(im, detail);
        return -1;
    }
    if (k.kind == KF_CONST_STR || k.kind == KF_CONST_BYTES) {
        return check_string(im, ref, k.kind == KF_CONST_STR ? KF_STR_TEXT : KF_STR_BYTES, NULL,
                            NULL);
    } else if (k.kind == KF_CONST_TUPLE || k.kind == KF_CONST_FROZENSET) {
        for (int i = 0; i < k.count; i++) {
            if (claim_const(im, ref + (uint32_t)i, depth + 1) < 0) {
                return -1;
            }
        }
    } else if (k.kind == KF_CONST_CODE) {
        if (im->code_marks[ref]) {
            corrupt(im, "code object named by none or two constants");
            return -1;
        }
        im->code_marks[ref] = 1; // its record is read when its shell is made
    }
    return 0;
}

// Checks 'c' (record 'rec') and decodes its positions and exception table.
static int check_code(KCode *c, KCodeImage *im, const KfImageCode *rec) {
    const char *detail = NULL;
    KfPosition *positions = kmem_alloc((size_t)rec->ncode * sizeof(KfPosition) + 1);
    KfExceptEntry *exceptions = kmem_alloc((size_t)rec->nexceptions * sizeof(KfExceptEntry) + 1);
    KValue *consts = kmem_zalloc((size_t)rec->nconsts * sizeof(KValue) + 1);
    KValue *names = kmem_zalloc((size_t)rec->nnames * sizeof(KValue) + 1);
    if (!positions || !exceptions || !consts || !names) {
        kerr_no_memory();
        goto fail;
    }
    if (kf_image_instructions(&im->img, rec, NULL, &detail) != KF_OK ||
        kf_image_positions(&im->img, rec, positions, &detail) != KF_OK ||
        kf_image_exceptions(&im->img, rec, exceptions, &detail) != KF_OK) {
        corrupt(im, detail);
        goto fail;
    }
    for (int i = 0; i < rec->nnames + rec->nlocalsplus; i++) {
        uint32_t s;
        if (kf_image_nameref(&im->img, rec, i, &s, &detail) != KF_OK) {
            corrupt(im, detail);
            goto fail;
        }
        if (check_string(im, s, KF_STR_NAME, NULL, NULL) < 0) {
            goto fail;
        }
    }
    for (int i = 0; i < rec->nconsts; i++) {
        if (claim_const(im, rec->consts_start + (uint32_t)i, 1) < 0) {
            goto fail;
        }
    }
    c->positions = positions;
    c->exceptions = exceptions;
    c->consts = consts;
    c->names = names;
    c->state = KCODE_CHECKED;
    return 0;
fail:
    kmem_free(positions);
    kmem_free(exceptions);
    kmem_free(consts);
    kmem_free(names);
    return -1;
}

// ---------------------------------------------------------------------------
// Materialisation, step two: the objects.

// The value of constant 'index' (claimed): a new reference, or KV_NULL.
static KValue const_value(KCodeImage *im, uint32_t index) {
    KfConst k;
    uint32_t ref;
    const char *detail;
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
            KValue v = const_value(im, ref + (uint32_t)i);
            if (!v) {
                KVAL_CLEAR(t);
                break;
            }
            ktuple_items(t)[i] = v;
        }
        if (!t || k.kind == KF_CONST_TUPLE) {
            return t;
        }
        KValue fs = kfrozenset_new(t);
        kval_decref(t);
        return fs;
    }
    case KF_CONST_CODE:
        return make_shell(im, ref);
    default:
        return kcode_scalar_const(&k);
    }
}

// Stores 'v' (new) in the empty slot '*slot', or drops it when the slot was
// filled meanwhile. -1 when 'v' is KV_NULL.
static int fill(KValue *slot, KValue v) {
    if (!v) {
        return -1;
    }
    if (*slot) {
        kval_decref(v);
    } else {
        *slot = v;
    }
    return 0;
}

static int make_objects(KCode *c, KCodeImage *im, const KfImageCode *rec) {
    const char *detail;
    uint32_t s;
    for (int i = 0; i < rec->nnames; i++) {
        if (!c->names[i]) {
            KValue v = kf_image_nameref(&im->img, rec, i, &s, &detail) == KF_OK
                           ? string_value(im, s, KF_STR_NAME)
                           : corrupt(im, detail);
            if (fill(&c->names[i], kval_xnewref(v)) < 0) {
                return -1;
            }
        }
    }
    if (!c->localsplusnames) {
        KValue t = ktuple_new(rec->nlocalsplus);
        for (int i = 0; t && i < rec->nlocalsplus; i++) {
            KValue v = kf_image_nameref(&im->img, rec, rec->nnames + i, &s, &detail) == KF_OK
                           ? string_value(im, s, KF_STR_NAME)
                           : corrupt(im, detail);
            if (!v) {
                KVAL_CLEAR(t);
                break;
            }
            ktuple_items(t)[i] = kval_newref(v);
        }
        if (fill(&c->localsplusnames, t) < 0) {
            return -1;
        }
    }
    for (int i = 0; i < rec->nconsts; i++) {
        if (!c->consts[i] && fill(&c->consts[i], const_value(im, rec->consts_start + (uint32_t)i)) < 0) {
            return -1;
        }
    }
    return 0;
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
    if (c->state == KCODE_SHELL && check_code(c, im, &rec) < 0) {
        return -1;
    }
    if (make_objects(c, im, &rec) < 0) {
        return -1;
    }
    c->state = KCODE_READY;
    return 0;
}

KValue kcode_doc_borrow(KCode *c) {
    if (!(c->flags & KF_CO_OPTIMIZED) || c->nconsts == 0) {
        return KV_NONE;
    }
    if (c->state == KCODE_READY || (c->consts && c->consts[0])) {
        return c->consts[0] && kstr_check(c->consts[0]) ? c->consts[0] : KV_NONE;
    }
    // A shell: only constant 0 is looked at. Its str is the one the image
    // makes once, so co_consts[0] will be this same object.
    KCodeImage *im = c->image;
    KfConst k;
    uint32_t ref;
    const char *detail;
    if (kf_image_const(&im->img, c->image_consts, &k, &ref, &detail) != KF_OK) {
        return corrupt(im, detail);
    }
    return k.kind == KF_CONST_STR ? string_value(im, ref, KF_STR_TEXT) : KV_NONE;
}
