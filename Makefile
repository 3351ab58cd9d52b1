# krait's build. `make` builds the tools into build/bin; `make test` runs every
# test and ends with "N passed, N failed"; `make asan` does the same in
# build-asan/ under AddressSanitizer and UBSan.

BUILD ?= build
CC ?= cc
OPT ?= -O2
SAN ?=
WARN = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wshadow
# -ffunction-sections, -fdata-sections: each function and variable is a
# section of its own, so the krait link can put the ones start-up runs and
# writes together (tools/boot-order.txt, tools/boot.ld).
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE -I. -g $(OPT) $(WARN) -ffunction-sections -fdata-sections $(SAN) $(CFLAGS) \
             $(if $(STATIC_KRAIT),-DKV_STATIC_LIBC) \
             $(shell pkg-config --cflags zlib libxxhash 2>/dev/null)
# zlib, libxxhash, libbz2, liblzma and libexpat come from Debian's zlib1g-dev,
# libxxhash-dev, libbz2-dev, liblzma-dev and libexpat1-dev (libbz2 and liblzma
# for the _bz2 and _lzma modules, libexpat for pyexpat), linked
# from their static archives when those are installed: each shared library
# costs every start of krait its mapping and symbol lookups in the dynamic
# linker (hello.py: 880K -> 844K instructions). The programs are not
# position-independent, as Debian's own python3.11 is not: a PIE krait has
# ~6,000 relative relocations to apply (its type tables hold function
# pointers), which touch ~30 more pages at every start (hello.py: 2.6 ->
# 1.7 ms wall, 3.4 -> 3.1 MB peak RSS).
static_lib = $(if $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a)),$(shell $(CC) -print-file-name=lib$(1).a),-l$(1))
LIBS = $(call static_lib,z) $(call static_lib,xxhash) $(call static_lib,bz2) $(call static_lib,lzma) $(call static_lib,expat) -lm
# krait itself is linked statically when libc's archive is there and no
# sanitizer is on: mapping libc and libm at every start, and the pages their
# relocations and set-up touch (32 of hello.py's 152 page faults), were a
# quarter of hello.py's CPU time (1.5-1.9 -> 1.05-1.15 ms task-clock) and
# 0.7 MB of its peak RSS (2.6 -> 1.9 MB). glibc's name-service
# calls would load glibc's NSS modules into the static process, where
# libnss_systemd crashes: with KV_STATIC_LIBC (set for every object then) pwd
# and grp read only libc's built-in 'files' sources (vm/modules/pwd.c).
# iconv's converters (coding declarations) still load glibc's gconv modules.
# The linker's warnings about those calls are silenced (--no-warnings); they
# are the only ones this link gives.
comma := ,
STATIC_KRAIT := $(if $(SAN),,$(if $(filter /%,$(shell $(CC) -print-file-name=libc.a)),-static -Wl$(comma)--no-warnings))
LDFLAGS_ALL = -no-pie $(SAN) $(LDFLAGS)

COMPILER_SRC = $(filter-out compiler/kraitc.c,$(wildcard compiler/*.c))
COMPILER_OBJ = $(COMPILER_SRC:%.c=$(BUILD)/obj/%.o)
FORMAT_SRC = $(wildcard format/*.c)
FORMAT_OBJ = $(FORMAT_SRC:%.c=$(BUILD)/obj/%.o)
LOADER_SRC = $(wildcard loader/*.c)
LOADER_OBJ = $(LOADER_SRC:%.c=$(BUILD)/obj/%.o)
VM_SRC = $(filter-out vm/main.c,$(wildcard vm/*.c vm/modules/*.c))
VM_OBJ = $(VM_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps test asan clean bench fuzz demo
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/%)

KRAIT_BIN = $(if $(wildcard vm/main.c),$(BUILD)/bin/krait)

TOOLS_BIN = $(BUILD)/bin/kdis $(BUILD)/bin/kdump

# The standard library krait runs: CPython 3.11's own pure-Python library,
# compiled into one bundle that krait puts on sys.path (as CPython's
# python311.zip). Built from the system's copy when there is one.
STDLIB_SRC ?= /usr/lib/python3.11
STDLIB_KBZ = $(if $(KRAIT_BIN),$(if $(wildcard $(STDLIB_SRC)/os.py),$(BUILD)/lib/python311.kbz))

all: deps $(BUILD)/bin/kraitc $(KRAIT_BIN) $(STDLIB_KBZ) $(TOOLS_BIN) $(UNIT_BIN) $(FUZZ_REPLAY) \
     $(BUILD)/tests/patch_cache

$(BUILD)/lib/python311.kbz: $(BUILD)/bin/kraitc
	@mkdir -p $(dir $@)
	$(BUILD)/bin/kraitc --bundle $@ -q -d $(STDLIB_SRC) $(STDLIB_SRC)

deps:
	@./tools/ensure-deps

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# format/hash_avx2.c is XXH3 built for AVX2, called only on CPUs that have it.
$(BUILD)/obj/format/hash_avx2.o: CFLAGS_ALL += $(if $(filter x86_64,$(shell uname -m)),-mavx2)

$(BUILD)/libkc.a: $(COMPILER_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libkf.a: $(FORMAT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libkl.a: $(LOADER_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libkv.a: $(VM_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/kraitc: $(BUILD)/obj/compiler/kraitc.o $(BUILD)/libkl.a $(BUILD)/libkc.a $(BUILD)/libkf.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

# The inspection tools (tools/kdis.c, tools/kdump.c): the compiler, loader
# and format, no VM.
$(BUILD)/bin/kdis: $(BUILD)/obj/tools/kdis.o $(BUILD)/libkl.a $(BUILD)/libkc.a $(BUILD)/libkf.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

$(BUILD)/bin/kdump: $(BUILD)/obj/tools/kdump.o $(BUILD)/libkl.a $(BUILD)/libkc.a $(BUILD)/libkf.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

# The runtime, once vm/main.c exists: the VM, the format reader and the
# compiler (to recompile stale modules and for compile()/exec()/eval()).
#
# The functions start-up runs come first in its text: the kernel maps file
# pages in 64 KB fault-around windows, so start-up code spread over the 1.1 MB
# made 930 KB of it resident; gathered, it fills three windows (hello.py:
# 3.16 -> 2.35 MiB peak RSS, 165 -> 151 page faults). Objects are compiled
# with -ffunction-sections (.text.NAME each); krait links copies of the
# archives whose sections named in tools/boot-order.txt (made by
# tools/gen-boot-order) are renamed .text.hot.NAME, which ld's default script
# puts together inside .text (one .text, so gdb and valgrind see the code as
# before); libxxhash's code goes with them, and tools/boot.ld moves
# .fini (run by exit) from the end of the text to before it. The variables
# start-up writes are in the list too: with -fdata-sections their sections
# (.data.NAME, .data.rel.NAME for those holding pointers, .bss.NAME) are
# renamed .data.hot.NAME / .bss.hot.NAME, which tools/boot.ld puts first in
# the data and the bss (each page written is a fault of its own; hello.py:
# 57 -> 49 pages of data and bss).
KRAIT_LIBS = $(BUILD)/libkv.a $(BUILD)/libkl.a $(BUILD)/libkc.a $(BUILD)/libkf.a
XXHASH_A = $(filter /%,$(call static_lib,xxhash))
BOOT_LIBS = $(KRAIT_LIBS:$(BUILD)/%=$(BUILD)/boot/%) $(if $(XXHASH_A),$(BUILD)/boot/libxxhash.a)
$(BUILD)/boot/rename.args: tools/boot-order.txt
	@mkdir -p $(dir $@)
	sed -n '/^[^#]/s/.*/--rename-section .text.&=.text.hot.&\n--rename-section .data.&=.data.hot.&\n--rename-section .data.rel.&=.data.hot.&\n--rename-section .data.rel.local.&=.data.hot.&\n--rename-section .bss.&=.bss.hot.&/p' $< > $@
$(BUILD)/boot/libxxhash.a: $(XXHASH_A)
	@mkdir -p $(dir $@)
	objcopy --rename-section .text=.text.hot.xxhash $< $@
$(BUILD)/boot/%.a: $(BUILD)/%.a $(BUILD)/boot/rename.args
	objcopy @$(BUILD)/boot/rename.args $< $@
# A static krait also gathers the C library's start-up code (tools/boot-libc):
# copies of the libc, libm and libgcc_eh members that define a function of
# the list, their sections renamed .text.hot.*, linked whole (every one ran,
# so each would be linked anyway; whole, none is left to the C library's copy
# by the order in which archives are searched).
BOOT_LIBC = $(if $(STATIC_KRAIT),-Wl$(comma)--whole-archive $(BUILD)/boot/libbootc.a -Wl$(comma)--no-whole-archive)
$(BUILD)/boot/libbootc.a: tools/boot-order.txt tools/boot-libc
	@mkdir -p $(dir $@)
	tools/boot-libc $@ tools/boot-order.txt $(CC)
$(BUILD)/bin/krait: $(BUILD)/obj/vm/main.o $(BOOT_LIBS) $(if $(STATIC_KRAIT),$(BUILD)/boot/libbootc.a) \
                    tools/boot.ld
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_ALL) $(STATIC_KRAIT) -Wl,-T,tools/boot.ld -o $@ $(BUILD)/obj/vm/main.o $(BOOT_LIBS) \
	    $(BOOT_LIBC) $(LIBS) -lpthread

# Unit tests see every component's private headers; each links all libraries
# that exist so far.
UNIT_LIBS = $(if $(VM_SRC),$(BUILD)/libkv.a) $(BUILD)/libkl.a $(BUILD)/libkc.a $(BUILD)/libkf.a
$(BUILD)/tests/%: tests/unit/%.c $(UNIT_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -I. -Icompiler -Iformat -Iloader -Ivm -o $@ $< $(UNIT_LIBS) $(LIBS) -lpthread

# tests/cli's helper that makes caches only the verifier refuses.
$(BUILD)/tests/patch_cache: tests/cli/lib/patch_cache.c $(BUILD)/libkf.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libkf.a $(LIBS)

$(BUILD)/bin/parse_bench: tools/bench/parse_bench.c $(BUILD)/libkc.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Icompiler -o $@ $< $(BUILD)/libkc.a $(LIBS)

# The fuzz targets' entry points replayed over their corpus by `make test`.
$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libkc.a $(BUILD)/libkf.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Icompiler -o $@ $< tests/fuzz/replay.c $(BUILD)/libkc.a $(BUILD)/libkf.a $(LIBS)

# fuzz_exec runs what it loads: it links the runtime.
$(BUILD)/tests/fuzz_exec: tests/fuzz/fuzz_exec.c tests/fuzz/replay.c $(UNIT_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< tests/fuzz/replay.c $(UNIT_LIBS) $(LIBS) -lpthread

# libFuzzer builds (clang): build-fuzz/fuzz_parser, fuzz_reader, fuzz_bundle, fuzz_exec; run
# with a corpus dir. The runtime is built with KV_FUZZ_BUDGET (a step budget: vm/eval.h).
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT=-O1 SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	    CFLAGS=-DKV_FUZZ_BUDGET build-fuzz/libkc.a build-fuzz/libkf.a build-fuzz/libkl.a build-fuzz/libkv.a
	clang -std=c11 -D_GNU_SOURCE -g -O1 $(FUZZ_FLAGS) -Icompiler -o build-fuzz/fuzz_parser \
	    tests/fuzz/fuzz_parser.c build-fuzz/libkc.a $(LIBS)
	clang -std=c11 -D_GNU_SOURCE -g -O1 $(FUZZ_FLAGS) -I. -o build-fuzz/fuzz_bundle \
	    tests/fuzz/fuzz_bundle.c build-fuzz/libkf.a $(LIBS)
	clang -std=c11 -D_GNU_SOURCE -g -O1 $(FUZZ_FLAGS) -I. -o build-fuzz/fuzz_reader \
	    tests/fuzz/fuzz_reader.c build-fuzz/libkf.a $(LIBS)
	clang -std=c11 -D_GNU_SOURCE -g -O1 $(FUZZ_FLAGS) -DKV_FUZZ_BUDGET -I. -o build-fuzz/fuzz_exec \
	    tests/fuzz/fuzz_exec.c build-fuzz/libkv.a build-fuzz/libkl.a build-fuzz/libkc.a \
	    build-fuzz/libkf.a $(LIBS) -lpthread

bench: all $(BUILD)/bin/parse_bench
	./tools/bench/parse-speed

# The main job: compile an example tree with kraitc, run it warm with krait,
# compare with python3.11.
demo: all
	BUILD=$(BUILD) ./tools/demo

test: all
	@BUILD=$(BUILD) ./tests/run

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
