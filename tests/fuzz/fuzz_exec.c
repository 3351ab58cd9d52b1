// tests/fuzz/fuzz_exec.c: libFuzzer target for caches the runtime uses in
// place (vm/code_image.c) and then runs: no input, however crafted, may
// crash the VM. Each input is taken as a cache file and "sealed" as
// fuzz_reader.c does (this build's instruction-set fingerprint, the payload
// size of the input and both checksums recomputed), so that mutations reach
// the structure of the payload and its code instead of a checksum. It then
// goes the way of a cache with its source beside it: the loader's checks at
// load (header, length, payload checksum, section directory, the module's
// record: loader/cache.c), kcode_from_image over the raw payload (lazy code
// objects, lazy constants, each code object verified when it first runs),
// the module executed in a fresh namespace, every function it left in its
// globals called once, and every constant and line table of its tree made.
// Every failure must be a Python exception.
//
// A crafted module may loop: `make fuzz` builds the VM with KV_FUZZ_BUDGET,
// a step budget (vm/eval.h) that stops each run after STEPS instructions,
// calls and handlers. It may also reach what the host offers: the
// builtins that read or write files, run code or import (open, exec, eval,
// compile, __import__, input, breakpoint) are left out of its namespace;
// run the fuzzer from a scratch directory all the same (absolute paths for
// its corpus), as the README says. Seeds: caches of the programs in
// tests/fuzz/exec-seeds/ (tests/fuzz/corpus/exec/ holds them).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <xxhash.h>

#include "format/format.h"
#include "vm/abstract.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/finder.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/module.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/tuple.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);


// Steps a module's run (and each call after it) may take.
#define STEPS 200000

// Header offsets of FORMAT.md.
enum { ISA = 16, PAYLOAD_SIZE = 48, PAYLOAD_SUM = 64, HEADER_SUM = 72 };

static uint8_t isa[8];
static KValue safe_builtins; // the builtins a run sees: a copy without the dangerous ones

static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

// This build's fingerprint, from the header of a file kf_write makes.
static int current_isa(void) {
    static const uint32_t code[] = {KF_INSTR(KF_OP_NOP, 0)};
    KfCode m;
    memset(&m, 0, sizeof m);
    m.name = m.qualname = m.filename = "";
    m.code = code;
    m.ncode = 1;
    KfWriteInfo info;
    memset(&info, 0, sizeof info);
    uint8_t *bytes = NULL;
    size_t len = 0;
    if (kf_write(&m, &info, &bytes, &len, NULL) != KF_OK) {
        return -1;
    }
    memcpy(isa, bytes + ISA, 8);
    free(bytes);
    return 0;
}

static void set_budget(void) {
#ifdef KV_FUZZ_BUDGET
    keval_fuzz_budget = STEPS;
#endif
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    static char *args[] = {"fuzz_exec", NULL};
    if (current_isa() < 0 || kstate_init(1, args) < 0) {
        abort();
    }
    kfinder_install();
    safe_builtins = kdict_copy(kruntime.builtins);
    static const char *const drop[] = {"open",  "exec",       "eval", "compile", "__import__",
                                       "input", "breakpoint", "help", "exit",    "quit"};
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
        KValue k = kstr_from_cstr(drop[i]);
        if (!safe_builtins || !k || kdict_discard(safe_builtins, k) < 0) {
            abort();
        }
        kval_decref(k);
    }
    // Output goes nowhere.
    int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, 1) < 0) {
        abort();
    }
    close(null);
    return 0;
}

static void release_payload(void *p) {
    free(p);
}

// Makes every constant and line table of 'code' and of the code objects
// among its constants (tuples searched too), 'depth' levels at most.
static void touch_code(KValue code, int depth);

static void touch_value(KValue v, int depth) {
    if (depth <= 0 || !v || kval_is_int(v)) {
        return;
    }
    if (kcode_check(v)) {
        touch_code(v, depth - 1);
    } else if (kval_type(v) == &ktuple_type) {
        for (ssize_t i = 0; i < ktuple_len(v); i++) {
            touch_value(ktuple_items(v)[i], depth - 1);
        }
    }
}

static void touch_code(KValue code, int depth) {
    KCode *c = (KCode *)code;
    if (kcode_fill_consts(c) < 0) {
        kerr_clear();
        return;
    }
    volatile unsigned sink = 0;
    const KfPosition *p = kcode_positions(c);
    for (int i = 0; p && i < c->ncode; i++) {
        sink += (unsigned)p[i].lineno + (unsigned)p[i].end_col;
    }
    for (int i = 0; i < c->nconsts; i++) {
        touch_value(c->consts[i], depth);
    }
}

// Calls each function among the values of 'globals' once, with its
// positional parameters set to small ints.
static void call_functions(KValue globals) {
    KValue values = kdict_values_list(globals);
    if (!values) {
        kerr_clear();
        return;
    }
    KValue args[8];
    for (int i = 0; i < 8; i++) {
        args[i] = kval_from_int(i + 1);
    }
    ssize_t n = ((KList *)values)->len;
    for (ssize_t i = 0; i < n; i++) {
        KValue f = ((KList *)values)->items[i];
        if (kval_is_int(f) || kval_type(f) != &kfunction_type) {
            continue;
        }
        int argc = ((KCode *)((KFunction *)f)->code)->argcount;
        set_budget();
        KValue r = kobj_call(f, args, argc < 8 ? (size_t)argc : 8, KV_NULL);
        kval_xdecref(r);
        kerr_clear();
    }
    kval_decref(values);
}

// Runs the cache file 'data' ('size' bytes) as the runtime runs a cache
// found beside its source.
static void run_cache(const uint8_t *data, size_t size) {
    KfHeader h;
    KfImage img;
    KfImageCode module;
    const uint8_t *payload = NULL;
    uint8_t *inflated = NULL;
    if (kf_check_file(data, size, &h) != KF_OK ||
        kf_raw_payload(data, &h, &payload, &inflated) != KF_OK) {
        return;
    }
    size_t len = (size_t)h.payload_raw_size;
    uint8_t *owned = inflated;
    if (!owned) { // a stored payload: an aligned copy the code objects own
        owned = malloc(len + 1);
        if (!owned) {
            return;
        }
        memcpy(owned, payload, len);
    }
    if (kf_image_open(&img, owned, len, NULL) != KF_OK ||
        kf_image_code(&img, 0, &module, NULL) != KF_OK) {
        free(owned);
        return;
    }
    KValue code = kcode_from_image(owned, len, release_payload, owned,
                                   "cache file 'fuzz.krait-1.pyc'", KV_NULL);
    if (!code) {
        kerr_clear();
        return;
    }
    KValue mod = kmod_new("fuzzmod");
    KValue globals = mod ? kmod_dict_borrow(mod) : KV_NULL;
    if (globals && kdict_set(globals, KID(__builtins__), safe_builtins) == 0) {
        set_budget();
        KValue r = keval_code(code, globals, globals);
        kval_xdecref(r);
        kerr_clear();
        call_functions(globals);
        touch_code(code, 50);
        kdict_clear(globals);
    }
    kerr_clear();
    kval_xdecref(mod);
    kval_decref(code);
    kgc_collect();
    kerr_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < KF_HEADER_SIZE || memcmp(data, "\xCBKRT", 4) != 0) {
        return 0;
    }
    uint8_t *copy = malloc(size);
    if (!copy) {
        return 0;
    }
    memcpy(copy, data, size);
    memcpy(copy + ISA, isa, 8);
    put64(copy + PAYLOAD_SIZE, size - KF_HEADER_SIZE);
    put64(copy + PAYLOAD_SUM, XXH3_64bits(copy + KF_HEADER_SIZE, size - KF_HEADER_SIZE));
    put64(copy + HEADER_SUM, XXH3_64bits(copy, HEADER_SUM));
    run_cache(copy, size);
    free(copy);
    return 0;
}
