// tests/cli/lib/patch_cache.c: makes bad caches for the verifier's tests.
// Reads a valid cache, applies edits to one code object of its tree and
// writes it back with kf_write (as a sourceless file), so the checksums and
// every rule of the reader still hold and only the verifier can object.
//
// usage: patch_cache IN OUT QUALNAME EDIT...
//   instr=I:OPNAME:ARG   instruction I becomes OPNAME ARG
//   stacksize=N          co_stacksize
//   flags=N              co_flags
//   kind=S:K             the kind byte of locals-plus slot S
//   except=K:D:T:L       exception entry K gets depth D, target T, lasti L
// Exit status 0, or 1 with a message.
//
// usage: patch_cache --poke-code FILE QUALNAME EDIT...
//   edits code object QUALNAME of FILE (a stored, not compressed cache) in
//   place, header and source stamp kept, and reseals both checksums: a cache
//   still valid for its source whose code only a check of the code refuses.
//   Edits: instr=I:OPNAME:ARG (any argument, even past the code's tables),
//   stacksize=N.
//
// usage: patch_cache --poke FILE OFFSET=BYTE...
//   sets the payload byte at OFFSET (from the payload's start) to BYTE
//   (decimal) in place and recomputes both checksums: a checksum-valid file
//   that breaks a rule of the format, as only a crafted file can.
#include "format/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static const char *const NAMES[] = {
#define NAME(name, arg, in, pop, effect, jump_effect) #name,
    KF_OPCODES(NAME)
#undef NAME
};

static KfCode *find(const KfCode *c, const char *qualname) {
    if (strcmp(c->qualname, qualname) == 0) {
        return (KfCode *)(uintptr_t)c;
    }
    for (int i = 0; i < c->nconsts; i++) {
        if (c->consts[i].kind == KF_CONST_CODE) {
            KfCode *found = find(c->consts[i].code, qualname);
            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

static int edit(KfCode *c, const char *e) {
    int a = 0, b = 0, d = 0, l = 0;
    char op[64];
    if (sscanf(e, "instr=%d:%63[A-Z_]:%d", &a, op, &b) == 3 && a >= 0 && a < c->ncode) {
        for (int k = 0; k < KF_OP_COUNT; k++) {
            if (strcmp(NAMES[k], op) == 0) {
                ((uint32_t *)(uintptr_t)c->code)[a] = KF_INSTR(k, b);
                return 0;
            }
        }
    } else if (sscanf(e, "stacksize=%d", &a) == 1) {
        c->stacksize = a;
        return 0;
    } else if (sscanf(e, "flags=%d", &a) == 1) {
        c->flags = a;
        return 0;
    } else if (sscanf(e, "kind=%d:%d", &a, &b) == 2 && a >= 0 && a < c->nlocalsplus) {
        ((uint8_t *)(uintptr_t)c->localspluskinds)[a] = (uint8_t)b;
        return 0;
    } else if (sscanf(e, "except=%d:%d:%d:%d", &a, &d, &b, &l) == 4 && a >= 0 &&
               a < c->nexceptions) {
        KfExceptEntry *x = (KfExceptEntry *)(uintptr_t)&c->exceptions[a];
        x->depth = d;
        x->target = b;
        x->lasti = l;
        return 0;
    }
    fprintf(stderr, "patch_cache: bad edit '%s'\n", e);
    return -1;
}

static void reseal(uint8_t *buf, size_t n) {
    put64(buf + 64, XXH3_64bits(buf + KF_HEADER_SIZE, n - KF_HEADER_SIZE));
    put64(buf + 72, XXH3_64bits(buf, 72));
}

static int opcode_of(const char *name) {
    for (int k = 0; k < KF_OP_COUNT; k++) {
        if (strcmp(NAMES[k], name) == 0) {
            return k;
        }
    }
    return -1;
}

// Applies 'e' to code record 'rec' (index 'index') of 'img' in place.
static int poke_edit(const KfImage *img, uint32_t index, const KfImageCode *rec, const char *e) {
    int a = 0, b = 0, op;
    char name[64];
    if (sscanf(e, "instr=%d:%63[A-Z_]:%d", &a, name, &b) == 3 && a >= 0 && a < rec->ncode &&
        (op = opcode_of(name)) >= 0) {
        uint8_t *w = (uint8_t *)(uintptr_t)(img->sec[4].p + 4 * ((size_t)rec->instr_start + a));
        uint32_t word = KF_INSTR(op, b);
        memcpy(w, &word, 4); // a little-endian host, as krait's tests assume
        return 0;
    }
    if (sscanf(e, "stacksize=%d", &a) == 1) {
        uint8_t *r = (uint8_t *)(uintptr_t)(img->sec[3].p + 88 * (size_t)index + 32);
        uint32_t v = (uint32_t)a;
        memcpy(r, &v, 4);
        return 0;
    }
    fprintf(stderr, "patch_cache: bad edit '%s'\n", e);
    return -1;
}

static int poke_code(int argc, char **argv) {
    FILE *f = fopen(argv[2], "r+b");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    static uint8_t buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    KfHeader h;
    KfImage img;
    const uint8_t *payload = NULL;
    uint8_t *inflated = NULL;
    if (kf_check_file(buf, n, &h) != KF_OK || h.is_compressed ||
        kf_raw_payload(buf, &h, &payload, &inflated) != KF_OK ||
        kf_image_open(&img, payload, (size_t)h.payload_raw_size, NULL) != KF_OK) {
        fprintf(stderr, "patch_cache: %s: not a valid stored cache\n", argv[2]);
        fclose(f);
        return 1;
    }
    for (uint32_t i = 0; i < img.count[KF_IMAGE_CODES]; i++) {
        KfImageCode rec;
        const char *q;
        size_t len;
        if (kf_image_code(&img, i, &rec, NULL) != KF_OK ||
            kf_image_string(&img, rec.qualname, KF_STR_NAME, &q, &len, NULL) != KF_OK ||
            strcmp(q, argv[3]) != 0) {
            continue;
        }
        for (int k = 4; k < argc; k++) {
            if (poke_edit(&img, i, &rec, argv[k]) < 0) {
                fclose(f);
                return 1;
            }
        }
        reseal(buf, n);
        rewind(f);
        int ok = fwrite(buf, 1, n, f) == n;
        return fclose(f) == 0 && ok ? 0 : 1;
    }
    fprintf(stderr, "patch_cache: no code object '%s'\n", argv[3]);
    fclose(f);
    return 1;
}

static int poke(int argc, char **argv) {
    FILE *f = fopen(argv[2], "r+b");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    static uint8_t buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    if (n < KF_HEADER_SIZE) {
        fprintf(stderr, "patch_cache: %s: too short\n", argv[2]);
        fclose(f);
        return 1;
    }
    for (int i = 3; i < argc; i++) {
        unsigned long off, byte;
        if (sscanf(argv[i], "%lu=%lu", &off, &byte) != 2 || off >= n - KF_HEADER_SIZE) {
            fprintf(stderr, "patch_cache: bad poke '%s'\n", argv[i]);
            fclose(f);
            return 1;
        }
        buf[KF_HEADER_SIZE + off] = (uint8_t)byte;
    }
    reseal(buf, n);
    rewind(f);
    int ok = fwrite(buf, 1, n, f) == n;
    return fclose(f) == 0 && ok ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc >= 4 && !strcmp(argv[1], "--poke")) {
        return poke(argc, argv);
    }
    if (argc >= 5 && !strcmp(argv[1], "--poke-code")) {
        return poke_code(argc, argv);
    }
    if (argc < 5) {
        fprintf(stderr, "usage: patch_cache IN OUT QUALNAME EDIT...\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    static uint8_t buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    const KfCode *tree = NULL;
    KfHeader h;
    const char *detail = NULL;
    if (kf_read(buf, n, &h, &tree, &detail) != KF_OK) {
        fprintf(stderr, "patch_cache: %s: unreadable (%s)\n", argv[1], detail ? detail : "?");
        return 1;
    }
    KfCode *c = find(tree, argv[3]);
    if (!c) {
        fprintf(stderr, "patch_cache: no code object '%s'\n", argv[3]);
        return 1;
    }
    for (int i = 4; i < argc; i++) {
        if (edit(c, argv[i]) != 0) {
            return 1;
        }
    }
    KfWriteInfo info;
    memset(&info, 0, sizeof info);
    info.invalidation = KF_INVALIDATE_UNCHECKED_HASH;
    info.is_sourceless = 1;
    uint8_t *out = NULL;
    size_t len = 0;
    KfError err = kf_write(tree, &info, &out, &len, &detail);
    if (err != KF_OK) {
        fprintf(stderr, "patch_cache: kf_write: %s (%s)\n", kf_strerror(err), detail ? detail : "");
        return 1;
    }
    f = fopen(argv[2], "wb");
    if (!f || fwrite(out, 1, len, f) != len || fclose(f) != 0) {
        perror(argv[2]);
        return 1;
    }
    free(out);
    kf_free(tree);
    return 0;
}
