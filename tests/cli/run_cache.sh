#!/usr/bin/env bash
# tests/cli/run_cache.sh: krait runs a script and its imports from their
# caches: a cold run writes __pycache__/NAME.krait-1.pyc for both, a warm run
# uses them without reading the sources (a garbage source with the same mtime
# and size still runs the cached code; in unchecked-hash mode any garbage
# does), a changed source is recompiled, a corrupt cache is rebuilt silently,
# -O/-OO use .opt-1/.opt-2 names and drop asserts, -B and
# KRAITDONTWRITEBYTECODE write nothing, -X pycache_prefix moves the caches.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

# expect_run WHAT EXPECTED KRAIT-ARGS...: krait's stdout must be EXPECTED, exit 0.
expect_run() {
    local what=$1 exp=$2 out
    shift 2
    out=$("$KRAIT" "$@" 2>&1) || fail "$what: exit status $? ($out)"
    [ "$out" = "$exp" ] || fail "$what: printed '$out', expected '$exp'"
}

mkdir t
printf 'import helper\nprint("main", helper.V)\n' >t/prog.py
printf 'V = 1\n' >t/helper.py
expect_run "cold run" "main 1" t/prog.py
[ -f t/__pycache__/prog.krait-1.pyc ] || fail "cold run: no cache for the script"
[ -f t/__pycache__/helper.krait-1.pyc ] || fail "cold run: no cache for the import"

# Warm: the same mtime and size, other bytes: the cache is trusted.
before=$(stat -c %Y.%s t/__pycache__/helper.krait-1.pyc)
for f in prog helper; do
    size=$(stat -c %s t/$f.py)
    head -c "$size" /dev/zero | tr '\0' '#' >t/$f.new
    touch -r t/$f.py t/$f.new
    mv t/$f.new t/$f.py
done
expect_run "warm run (garbage sources, same mtime and size)" "main 1" t/prog.py
[ "$(stat -c %Y.%s t/__pycache__/helper.krait-1.pyc)" = "$before" ] ||
    fail "warm run rewrote the cache"

# Stale: a new source is recompiled and the cache rewritten.
printf 'import helper\nprint("main", helper.V, "again")\n' >t/prog.py
printf 'V = 22\n' >t/helper.py
touch -d '2001-01-01' t/helper.py
expect_run "stale run" "main 22 again" t/prog.py
expect_run "run after the rebuild" "main 22 again" t/prog.py

# Corrupt: truncated and bit-flipped caches are rebuilt, silently.
head -c 40 t/__pycache__/helper.krait-1.pyc >t/cut && mv t/cut t/__pycache__/helper.krait-1.pyc
expect_run "truncated cache" "main 22 again" t/prog.py
size=$(stat -c %s t/__pycache__/prog.krait-1.pyc)
printf '\xff' | dd of=t/__pycache__/prog.krait-1.pyc bs=1 seek=$((size - 3)) conv=notrunc 2>/dev/null
expect_run "bit-flipped cache" "main 22 again" t/prog.py
expect_run "run after the repairs" "main 22 again" t/prog.py

# unchecked-hash: the source is never looked at.
mkdir u
printf 'print("sealed")\n' >u/s.py
"$KRAITC" -q --invalidation-mode unchecked-hash u/s.py || fail "kraitc unchecked-hash failed"
printf 'this is not python at all\n' >u/s.py
expect_run "unchecked-hash cache" "sealed" u/s.py

# -O / -OO: their own cache names, asserts gone.
mkdir o
printf 'assert False, "kept"\nprint("no assert", __debug__)\n' >o/a.py
expect_run "-O" "no assert False" -O o/a.py
expect_run "-OO" "no assert False" -OO o/a.py
[ -f o/__pycache__/a.krait-1.opt-1.pyc ] || fail "-O: no .opt-1 cache"
[ -f o/__pycache__/a.krait-1.opt-2.pyc ] || fail "-OO: no .opt-2 cache"
"$KRAIT" o/a.py >/dev/null 2>&1 && fail "without -O the assert did not fire"
[ -f o/__pycache__/a.krait-1.pyc ] || fail "no plain cache after a plain run"

# -B and KRAITDONTWRITEBYTECODE write nothing; -E ignores the variable.
mkdir b
printf 'import helper\nprint("b", helper.V)\n' >b/prog.py
printf 'V = 3\n' >b/helper.py
expect_run "-B" "b 3" -B b/prog.py
[ -e b/__pycache__ ] && fail "-B wrote $(ls b/__pycache__)"
KRAITDONTWRITEBYTECODE=1 expect_run "KRAITDONTWRITEBYTECODE" "b 3" b/prog.py
[ -e b/__pycache__ ] && fail "KRAITDONTWRITEBYTECODE wrote $(ls b/__pycache__)"
KRAITDONTWRITEBYTECODE=1 expect_run "-E" "b 3" -E b/prog.py
[ -f b/__pycache__/helper.krait-1.pyc ] || fail "-E: KRAITDONTWRITEBYTECODE was obeyed"

# -X pycache_prefix: the source's absolute directory mirrored under it.
mkdir x
printf 'import helper\nimport sys\nprint(sys.pycache_prefix == sys.argv[1])\n' >x/prog.py
printf 'V = 4\n' >x/helper.py
expect_run "-X pycache_prefix" "True" -X pycache_prefix="$SCRATCH/pp" x/prog.py "$SCRATCH/pp"
[ -f "$SCRATCH/pp$SCRATCH/x/helper.krait-1.pyc" ] || fail "-X pycache_prefix: no cache in the prefix"
[ -e x/__pycache__ ] && fail "-X pycache_prefix: wrote __pycache__ too"
exit 0
