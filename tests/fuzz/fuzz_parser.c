// tests/fuzz/fuzz_parser.c: libFuzzer target for the front end: any bytes go
// through decoding, tokenizing, parsing (in each mode), the depth check and
// ast.dump, and an error report when they fail. Nothing may crash, hang or
// leak. Build: make fuzz; run: build-fuzz/fuzz_parser tests/fuzz/corpus
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "diag.h"
#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    KParMode mode = KPAR_EXEC;
    if (size > 0 && data[0] == 0x01) {
        mode = KPAR_EVAL;
    } else if (size > 0 && data[0] == 0x02) {
        mode = KPAR_SINGLE;
    }
    KArena *a = karena_new();
    if (!a) {
        return 0;
    }
    KDiag diag;
    memset(&diag, 0, sizeof diag);
    const char *text = NULL;
    size_t text_len = 0;
    KAstMod *m = kpar_parse_source(a, (const char *)data, size, mode, &diag, &text, &text_len);
    KBuf b = KBUF_INIT;
    if (m) {
        if (kast_check_depth(m, 2990) == 0) {
            kast_dump_mod(m, 1, &b);
        }
    } else {
        kdiag_format(&diag, "<fuzz>", text, text_len, &b);
    }
    kbuf_free(&b);
    karena_free(a);
    return 0;
}
