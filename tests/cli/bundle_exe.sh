#!/usr/bin/env bash
# tests/cli/bundle_exe.sh: kraitc --exe writes one self-contained executable
# (the runtime, a bundle, a trailer): copied alone into an empty directory,
# with the sources gone, it runs its __main__ (or -m MAIN) with every
# argument its own (krait's options are not parsed), exits with the
# program's status, prints what python3.11 prints for the same sources, and
# writes nothing (`krait app` runs it the same); the same inputs give the
# same bytes; an exe rebuilt from an exe keeps one bundle; a damaged bundle
# is reported with the file and the reason, never a crash.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

mkdir -p src/calc
cat >src/__main__.py <<'PY'
import sys
from calc import ops
from calc.fmt import show
args = sys.argv[1:]
print(show(ops.total(int(a) for a in args if a.lstrip("-").isdigit())), args)
print(__name__, ops.__name__, ops.__package__, ops.__file__.endswith("/calc/ops.py"))
if "--fail" in args:
    sys.exit(3)
PY
printf '' >src/calc/__init__.py
printf 'def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n' >src/calc/ops.py
printf 'def show(n):\n    return f"total={n:>5}"\n' >src/calc/fmt.py
printf 'import sys\nprint("tool", sys.argv[1:])\n' >src/calc/tool.py

"$KRAITC" --exe app src || fail "kraitc --exe failed"
[ -x app ] || fail "the executable is not executable"
"$KRAITC" --exe app2 src || fail "second kraitc --exe failed"
cmp -s app app2 || fail "two executables of the same sources differ"
# The trailer: offset (a multiple of 4096), size, magic; the bundle's magic there.
size=$(stat -c %s app)
[ "$(tail -c 8 app | od -An -t x1 | tr -d ' \n')" = cb4b45580d0a1a0a ] || fail "no trailer magic"
off=$(tail -c 24 app | od -An -t u8 -N 8 | tr -d ' ')
blen=$(tail -c 16 app | od -An -t u8 -N 8 | tr -d ' ')
[ $((off % 4096)) -eq 0 ] || fail "bundle offset $off not page aligned"
[ $((off + blen + 24)) -eq "$size" ] || fail "trailer does not describe the file"
[ "$(tail -c +$((off + 1)) app | head -c 4 | od -An -t x1 | tr -d ' \n')" = cb4b425a ] ||
    fail "no bundle at the trailer's offset"

exp=$(cd src && /usr/bin/python3.11 __main__.py 1 2 39 -c x)
mkdir alone
cp app alone/
rm -rf src/__pycache__ src/calc/__pycache__
mv src src.gone
out=$(cd alone && env -i ./app 1 2 39 -c x 2>&1) || fail "the executable failed: $out"
[ "$out" = "$exp" ] || fail "the executable printed '$out', python3.11 '$exp'"
[ "$(ls -A alone)" = app ] || fail "the executable wrote $(ls -A alone)"
(cd alone && ./app --fail >/dev/null 2>&1)
[ $? -eq 3 ] || fail "sys.exit(3) in the executable: other exit status"
out=$(cd / && KRAITPATH=/nowhere "$SCRATCH/alone/app" -E -V 2>&1) || fail "run from / failed: $out"
case "$out" in "total=    0 ['-E', '-V']"*) ;; *) fail "options reached krait: '$out'" ;; esac
# krait runs an executable's bundle as it runs a .kbz.
out=$(cd alone && "$KRAIT" ./app 1 2 39 -c x 2>&1) || fail "krait ./app failed: $out"
[ "$out" = "$exp" ] || fail "krait ./app printed '$out', python3.11 '$exp'"
mv src.gone src

# -m MAIN; an executable as the runtime keeps only its runtime part.
"$KRAITC" --exe tool -m calc.tool --runtime app src || fail "kraitc --exe -m calc.tool failed"
out=$(./tool a b 2>&1)
[ "$out" = "tool ['a', 'b']" ] || fail "-m calc.tool executable printed '$out'"
[ "$(stat -c %s tool)" -lt $((size + 4096)) ] || fail "the runtime's old bundle was kept"
mkdir nomain
printf 'X = 1\n' >nomain/m.py
out=$("$KRAITC" --exe nm nomain 2>&1)
[ $? -eq 1 ] || fail "--exe without a main: exit status not 1"
case "$out" in *"no __main__ module"*) ;; *) fail "--exe without a main reported as '$out'" ;; esac
[ -e nm ] && fail "--exe without a main wrote a file"

# A damaged bundle inside the executable.
cp app broken
printf '\x00\x00\x00\x00' | dd of=broken bs=1 seek=$((off + 60)) conv=notrunc 2>/dev/null
out=$(./broken 2>&1)
[ $? -eq 1 ] || fail "damaged executable: exit status not 1 ($out)"
case "$out" in *"ImportError: bad bundle '$SCRATCH/broken': bundle checksum mismatch"*) ;;
*) fail "damaged executable reported as '$out'" ;; esac
cp app moved
printf '\x10' | dd of=moved bs=1 seek=$((size - 24)) conv=notrunc 2>/dev/null
out=$(./moved 2>&1)
[ $? -eq 1 ] || fail "bad trailer: exit status not 1 ($out)"
case "$out" in *"bad bundle '$SCRATCH/moved': corrupted bundle (executable trailer out of place)"*) ;;
*) fail "bad trailer reported as '$out'" ;; esac
exit 0
