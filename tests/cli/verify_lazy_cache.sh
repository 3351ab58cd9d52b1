#!/usr/bin/env bash
# tests/cli/verify_lazy_cache.sh: a cache with its source beside it is used
# in place (vm/code_image.c), and each of its code objects is verified when
# it first runs, as a sourceless file is before it runs (FORMAT.md,
# "Verification"). Each case edits one code object of a valid cache in place
# with tests/cli/lib/patch_cache --poke-code (source stamp kept, checksums
# recomputed, so the loader takes the cache as valid for its source) and
# expects a clean ImportError naming the file and the reason: at import for
# the module's own code, at the first call for a function (the rest of the
# module still works, and a second call fails the same way). Before this
# check a bad jump target crashed the interpreter.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
PATCH="$BUILD/tests/patch_cache"
[ -x "$PATCH" ] || PATCH="$(dirname "$KRAITC")/../tests/patch_cache"
[ -x "$PATCH" ] || fail "no patch_cache helper (make builds it)"

cat >m.py <<'EOF2'
def f(a, b):
    try:
        c = a + b
    except TypeError:
        c = None
    return c

def g(x):
    return [x, x * 2]

VALUE = 7
EOF2
cat >main.py <<'EOF2'
import m
print("imported", m.VALUE)
for i in range(2):
    try:
        print(m.f(1, 2))
    except ImportError as e:
        print("ImportError:", e)
print(m.g(3))
EOF2
"$KRAITC" -q m.py || fail "kraitc m.py failed"
CACHE="$SCRATCH/__pycache__/m.krait-1.pyc"
cp "$CACHE" good.pyc
out=$("$KRAIT" main.py 2>&1) || fail "control run failed: $out"
[ "$out" = "imported 7
3
3
[3, 6]" ] || fail "control printed '$out'"

# call_fails WHY EDIT...: f's first call (and its second) raise ImportError
# for WHY; import, g and the cache's source stamp are untouched.
call_fails() {
    local why=$1
    shift
    cp good.pyc "$CACHE"
    "$PATCH" --poke-code "$CACHE" f "$@" || fail "patch_cache f $* failed"
    local stamp out msg
    stamp=$(header_u64 "$CACHE" 24)
    out=$("$KRAIT" main.py 2>&1) || fail "f $*: exit status not 0 ($out)"
    msg="ImportError: bad cache file '$CACHE': $why"
    [ "$out" = "imported 7
$msg
$msg
[3, 6]" ] || fail "f $*: printed '$out', expected '$msg'"
    [ "$(header_u64 "$CACHE" 24)" = "$stamp" ] || fail "f $*: the cache was rewritten"
}
V="bytecode failed verification"
# A jump to an instruction reached with another stack depth (it crashed).
call_fails "$V: stack underflow (code object 'f', instruction 18)" instr=5:JUMP_FORWARD:18
call_fails "$V: inconsistent stack depth where paths merge (code object 'f', instruction 19)" \
    instr=10:NOP:0
# A jump past the end, a constant and a local past their tables: the reader's rules.
call_fails "corrupted cache file (instruction argument out of range)" instr=5:JUMP_FORWARD:50
call_fails "corrupted cache file (instruction argument out of range)" instr=11:LOAD_CONST:99
call_fails "corrupted cache file (instruction argument out of range)" instr=1:LOAD_FAST:40
# The stack: too small a stacksize, an underflow, a handler deeper than its stack.
call_fails "$V: an exception handler past the stacksize (code object 'f', instruction 6)" \
    stacksize=2
call_fails "$V: stack underflow (code object 'f', instruction 3)" instr=2:NOP:0
call_fails "$V: an argument the instruction does not allow (code object 'f', instruction 3)" \
    instr=3:BINARY_OP:200

# The module's own code: refused at import, with the file named.
cp good.pyc "$CACHE"
"$PATCH" --poke-code "$CACHE" '<module>' instr=8:POP_TOP:0 || fail "patch_cache <module> failed"
out=$("$KRAIT" -c 'import m' 2>&1)
[ $? -eq 1 ] || fail "<module>: exit status not 1 ($out)"
case "$out" in
*"ImportError: bad cache file '$CACHE': $V: stack underflow (code object '<module>', instruction 8)"*) ;;
*) fail "<module>: import reported '$out'" ;;
esac
out=$("$KRAIT" -c '
try:
    import m
except ImportError as e:
    print(type(e).__name__, "m" in __import__("sys").modules)
' 2>&1) || fail "<module>: caught import failed: $out"
[ "$out" = "ImportError False" ] || fail "<module>: caught import printed '$out'"
exit 0
