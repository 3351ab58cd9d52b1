// tests/fuzz/replay.c: runs a fuzz target's entry point over files given on
// the command line (the committed corpus and every crash ever found), so
// `make test` replays them in a normal or sanitizer build without libFuzzer.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
// Called once first when the target defines it (as libFuzzer does).
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

int main(int argc, char **argv) {
    int count = 0;
    if (LLVMFuzzerInitialize) {
        LLVMFuzzerInitialize(&argc, &argv);
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "replay: can't open %s\n", argv[i]);
            return 1;
        }
        size_t cap = 4096, n = 0;
        uint8_t *buf = malloc(cap);
        size_t got;
        while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                uint8_t *bigger = realloc(buf, cap * 2);
                if (!bigger) {
                    break;
                }
                buf = bigger;
                cap *= 2;
            }
        }
        fclose(f);
        if (!buf) {
            return 1;
        }
        LLVMFuzzerTestOneInput(buf, n);
        free(buf);
        count++;
    }
    printf("replayed %d inputs\n", count);
    return 0;
}
