#!/usr/bin/env bash
# tests/cli/tools_kdis.sh: kdis disassembles a source file exactly as
# kraitc --dis does (the golden tests/dis listings included), and the same
# module from its cache file, from its legacy .pyc and from a bundle member
# (app.kbz:pkg.mod, an executable's member too) with the same listing; a
# qualified name prints only that code object and what it holds; missing
# members, names and damaged files are errors with messages.
source tests/cli/lib/common.bash
skip_without_codegen
KDIS="$BUILD/bin/kdis"

# The golden listings, through kdis.
n=0
for py in tests/dis/*.py; do
    flags=$(sed -n '1,2s/^# dis: //p' "$py")
    # shellcheck disable=SC2086
    "$KDIS" $flags "$py" >"$SCRATCH/out" 2>"$SCRATCH/err" ||
        fail "kdis $py: exit status $? ($(head -3 "$SCRATCH/err"))"
    cmp -s "$SCRATCH/out" "${py%.py}.dis" || fail "kdis $py differs from its golden listing"
    n=$((n + 1))
done
[ "$n" -gt 10 ] || fail "only $n golden listings"
cd "$SCRATCH" || exit 1

mkdir -p t/pkg
printf '' >t/pkg/__init__.py
cat >t/pkg/mod.py <<'PY'
class Shape:
    def area(self):
        return 0

    class Inner:
        def deep(self, x):
            return [x * i for i in range(3)]

def top(a, b=2):
    try:
        return a / b
    except ZeroDivisionError:
        return None
PY
printf 'import pkg.mod\n' >t/__main__.py
(cd t && "$KDIS" pkg/mod.py) >src.dis || fail "kdis pkg/mod.py failed"
(cd t && "$KRAITC" --dis pkg/mod.py) >kraitc.dis || fail "kraitc --dis failed"
cmp -s src.dis kraitc.dis || fail "kdis and kraitc --dis differ"
grep -q "Disassembly of <code object deep" src.dis || fail "nested code objects not listed"

(cd t && "$KRAITC" -q pkg/mod.py && "$KDIS" pkg/__pycache__/mod.krait-1.pyc) >cache.dis ||
    fail "kdis of the cache failed"
cmp -s src.dis cache.dis || fail "the cache's listing differs from the source's"
(cd t && "$KRAITC" -q -b pkg/mod.py && "$KDIS" pkg/mod.pyc) >legacy.dis || fail "kdis of the .pyc failed"
cmp -s src.dis legacy.dis || fail "the legacy .pyc's listing differs"
rm -rf t/pkg/__pycache__ t/pkg/mod.pyc
"$KRAITC" --bundle app.kbz t || fail "kraitc --bundle failed"
(cd t && "$KRAITC" --bundle ../rel.kbz .) || fail "kraitc --bundle . failed"
"$KDIS" rel.kbz:pkg.mod >member.dis || fail "kdis rel.kbz:pkg.mod failed"
cmp -s src.dis member.dis || fail "the member's listing differs from the source's"
"$KRAITC" --exe app t || fail "kraitc --exe failed"
"$KDIS" app:pkg.mod >exe.dis || fail "kdis app:pkg.mod failed"
cmp -s member.dis exe.dis || fail "the executable's member differs from the bundle's"

# One code object by qualified name.
"$KDIS" app.kbz:pkg.mod Shape.Inner.deep >deep.dis || fail "kdis ... Shape.Inner.deep failed"
head -n 3 deep.dis | grep -q "^  7 " ||
    fail "Shape.Inner.deep starts with '$(head -n 1 deep.dis)'"
grep -q "Disassembly of <code object <listcomp>" deep.dis || fail "the comprehension is missing"
grep -q "area\|top" deep.dis && fail "Shape.Inner.deep printed other functions"
"$KDIS" t/pkg/mod.py top >top.dis || fail "kdis FILE top failed"
grep -q "ExceptionTable:" top.dis || fail "top's exception table is missing"
[ "$(grep -c "Disassembly of" top.dis)" -eq 0 ] || fail "top printed nested code"

# Errors.
out=$("$KDIS" app.kbz:pkg.nosuch 2>&1)
[ $? -eq 1 ] || fail "missing member: exit status not 1"
[ "$out" = "kdis: no module 'pkg.nosuch' in app.kbz" ] || fail "missing member: '$out'"
out=$("$KDIS" app.kbz:pkg.mod nosuch 2>&1)
[ $? -eq 1 ] || fail "missing qualname: exit status not 1"
[ "$out" = "kdis: no code object named 'nosuch' in app.kbz:pkg.mod" ] || fail "missing qualname: '$out'"
out=$("$KDIS" app.kbz 2>&1)
[ $? -eq 2 ] || fail "a bundle without a member: exit status not 2"
head -c 200 t/../app.kbz >cut.kbz
out=$("$KDIS" cut.kbz:pkg.mod 2>&1)
[ $? -eq 1 ] || fail "truncated bundle: exit status not 1"
case "$out" in "kdis: ImportError: bad bundle 'cut.kbz': truncated bundle"*) ;;
*) fail "truncated bundle: '$out'" ;; esac
"$KRAITC" -q t/pkg/mod.py
head -c 100 t/pkg/__pycache__/mod.krait-1.pyc >cut.pyc
out=$("$KDIS" cut.pyc 2>&1)
[ $? -eq 1 ] || fail "truncated cache: exit status not 1"
[ "$out" = "kdis: cut.pyc: truncated cache file (payload shorter than the header says)" ] ||
    fail "truncated cache: '$out'"
printf 'x = (\n' >bad.py
out=$("$KDIS" bad.py 2>&1)
[ $? -eq 1 ] || fail "SyntaxError: exit status not 1"
case "$out" in *"SyntaxError: '(' was never closed"*) ;; *) fail "SyntaxError: '$out'" ;; esac
"$KDIS" >/dev/null 2>&1
[ $? -eq 2 ] || fail "no arguments: exit status not 2"
exit 0
