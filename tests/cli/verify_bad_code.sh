#!/usr/bin/env bash
# tests/cli/verify_bad_code.sh: a sourceless module is verified before it
# runs. Each case takes a valid cache (kraitc -b, source removed), changes one
# thing in one code object with tests/cli/lib/patch_cache.c (which writes the
# tree back with fresh checksums, so the reader accepts it and only the
# verifier can object), and expects `import m` to fail with an ImportError
# naming the file and the reason, and `krait m.pyc` the same. The unchanged
# tree written back the same way imports and runs.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
PATCH="$BUILD/tests/patch_cache"
[ -x "$PATCH" ] || PATCH="$(dirname "$KRAITC")/../tests/patch_cache"
[ -x "$PATCH" ] || fail "no patch_cache helper (make builds it)"

mkdir -p src
cat >src/m.py <<'EOF'
def f(a, b):
    try:
        c = a + b
    except TypeError:
        c = None
    return c

def g(n):
    def inner():
        return n
    return inner

def gen():
    yield 1

def kw(x):
    return dict(x=x)

print(f(1, 2), f(1, "a"), g(3)(), list(gen()), kw(4))
EOF
"$KRAITC" -q -b src/m.py || fail "kraitc -b failed"
mv src/m.pyc good.pyc
exp="3 None 3 [1] {'x': 4}"

# expect_bad REASON QUALNAME EDIT...: the patched module is refused for REASON.
expect_bad() {
    local reason=$1
    shift
    rm -rf t && mkdir t
    "$PATCH" good.pyc t/m.pyc "$@" || fail "patch_cache $* failed"
    local out
    out=$(cd t && "$KRAIT" -c 'import m' 2>&1)
    [ $? -eq 1 ] || fail "$*: import: exit status not 1 ($out)"
    case "$out" in
    *"ImportError: bad cache file '$SCRATCH/t/m.pyc': bytecode failed verification: $reason"*) ;;
    *) fail "$*: import reported '$out', expected '$reason'" ;;
    esac
    out=$("$KRAIT" t/m.pyc 2>&1)
    [ $? -eq 1 ] || fail "$*: krait m.pyc: exit status not 1 ($out)"
    case "$out" in
    *"bad cache file '$SCRATCH/t/m.pyc': bytecode failed verification: $reason"*) ;;
    *) fail "$*: krait m.pyc reported '$out'" ;;
    esac
}

# The control: written back unchanged, it runs.
rm -rf t && mkdir t
"$PATCH" good.pyc t/m.pyc f stacksize=4 || fail "patch_cache (control) failed"
out=$(cd t && "$KRAIT" -c 'import m' 2>&1) || fail "control: import failed: $out"
[ "$out" = "$exp" ] || fail "control printed '$out', expected '$exp'"
out=$("$KRAIT" t/m.pyc 2>&1) || fail "control: krait m.pyc failed: $out"
[ "$out" = "$exp" ] || fail "control: krait m.pyc printed '$out'"

# The stack.
expect_bad "stack underflow (code object 'f', instruction 3)" f instr=2:NOP:0
expect_bad "stack underflow (code object 'f', instruction 2)" f instr=2:COPY:5
expect_bad "stack underflow (code object 'f', instruction 19)" f instr=19:POP_TOP:0
expect_bad "stack deeper than the recorded stacksize (code object 'kw', instruction 1)" kw stacksize=2
expect_bad "inconsistent stack depth where paths merge (code object 'f', instruction 19)" f instr=4:NOP:0
expect_bad "execution runs past the end of the code (code object 'f', instruction 20)" f instr=20:POP_TOP:0
expect_bad "execution runs past the end of the code (code object 'kw', instruction 4)" kw instr=4:NOP:0
# Exception handlers: deeper than the covered stack; a target reached with two depths.
expect_bad "an exception handler deeper than the stack it covers (code object 'f', instruction 1)" \
    f except=0:1:6:0
expect_bad "inconsistent stack depth where paths merge (code object 'f', instruction 19)" \
    f except=0:0:19:0
expect_bad "an exception handler past the stacksize (code object 'f', instruction 1)" \
    f except=0:3:6:1
# Slots, the prefix, generators.
expect_bad "a *_FAST instruction on a cell or free slot (code object 'g.<locals>.inner', instruction 1)" \
    g.\<locals\>.inner instr=1:LOAD_FAST:0
expect_bad "a cell instruction on a plain local (code object 'f', instruction 1)" f instr=1:LOAD_DEREF:0
expect_bad "a cell slot without its MAKE_CELL in the prefix (code object 'g', instruction 0)" \
    g instr=0:NOP:0
expect_bad "free slots without COPY_FREE_VARS of them all first (code object 'g.<locals>.inner', instruction 0)" \
    g.\<locals\>.inner instr=0:COPY_FREE_VARS:2
expect_bad "a jump into the prefix (code object 'g', instruction 5)" g instr=5:JUMP_BACKWARD:0
expect_bad "generator code without RETURN_GENERATOR (code object 'f', instruction 0)" f flags=35
expect_bad "an argument the instruction does not allow (code object 'kw', instruction 4)" \
    kw instr=4:YIELD_VALUE:0
expect_bad "an argument the instruction does not allow (code object 'gen', instruction 4)" \
    gen instr=4:RETURN_GENERATOR:0
# Arguments: an operator past the table, keyword names the CALL does not cover.
expect_bad "an argument the instruction does not allow (code object 'f', instruction 3)" \
    f instr=3:BINARY_OP:200
expect_bad "an argument the instruction does not allow (code object 'kw', instruction 2)" \
    kw instr=3:CALL:0
exit 0
