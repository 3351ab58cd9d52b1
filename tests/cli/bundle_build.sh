#!/usr/bin/env bash
# tests/cli/bundle_build.sh: kraitc --bundle writes one bundle (FORMAT.md,
# "Bundles") from trees and single files: the same sources give the same
# bytes whatever their path, mtimes or the order of the roots; the header
# starts with the bundle magic and version 1.0; packages, modules and
# namespace packages get entries, __pycache__ and non-Python files do not; a
# module that does not compile, two modules with one name, an unknown -m or
# usage errors write nothing and fail with a message.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

make_tree a
printf 'import pkg\nprint("main", pkg.f(1))\n' >a/__main__.py
printf 'def g():\n    return 7\n' >a/solo.py
mkdir -p a/ns/inner a/__pycache__ a/not-a-module
printf 'Z = 1\n' >a/ns/inner/leaf.py
printf 'junk\n' >a/__pycache__/x.py
printf 'Q = 1\n' >a/not-a-module/q.py
"$KRAITC" -q a >/dev/null || fail "kraitc a failed" # caches must not end up in the bundle

"$KRAITC" --bundle one.kbz a || fail "kraitc --bundle failed"
[ "$(head -c 12 one.kbz | od -An -t x1 | tr -d ' \n')" = cb4b425a0d0a1a0a01000000 ] ||
    fail "bad magic or version: $(head -c 12 one.kbz | od -An -t x1)"
[ $(($(stat -c %s one.kbz) % 8)) -eq 0 ] || fail "bundle size not a multiple of 8"
# count (u32 at 16) and main (u32 at 20): __main__, ns, ns.inner, ns.inner.leaf,
# pkg, pkg.mod, pkg.sub, pkg.sub.deep, solo: 9 entries, __main__ (index 0) main.
[ "$(od -An -t u4 -j 16 -N 8 one.kbz | tr -s ' ')" = " 9 1" ] ||
    fail "count and main: $(od -An -t u4 -j 16 -N 8 one.kbz)"
names=$(tr '\0' '\n' <one.kbz | grep -a -x -E '[a-z_.]+' | head -n 9 | tr '\n' ' ')
[ "$names" = "__main__ ns ns.inner ns.inner.leaf pkg pkg.mod pkg.sub pkg.sub.deep solo " ] ||
    fail "names in the name table: '$names'"
grep -q -a "not-a-module" one.kbz && fail "a directory that is no identifier was bundled"

# Reproducible: another path, other mtimes, the same bytes.
cp -r a b
rm -rf b/__pycache__ b/pkg/__pycache__
touch -d '2003-03-03' b/pkg/mod.py b/__main__.py
"$KRAITC" --bundle two.kbz b || fail "second bundle failed"
cmp -s one.kbz two.kbz || fail "bundles of the same sources differ"
SOURCE_DATE_EPOCH=1 "$KRAITC" --bundle three.kbz a || fail "third bundle failed"
cmp -s one.kbz three.kbz || fail "SOURCE_DATE_EPOCH changed the bundle"

# Several roots; a single file is a top-level module; the order does not matter.
mkdir c
printf 'print("extra")\n' >c/extra.py
"$KRAITC" --bundle r1.kbz a c/extra.py || fail "two roots failed"
"$KRAITC" --bundle r2.kbz c/extra.py a || fail "two roots (swapped) failed"
cmp -s r1.kbz r2.kbz || fail "the roots' order changed the bundle"
[ "$(od -An -t u4 -j 16 -N 4 r1.kbz | tr -d ' ')" = 10 ] || fail "file root not added"

# -O and -z give other bytes, and still a bundle.
"$KRAITC" --bundle o.kbz -o 2 a || fail "-o 2 failed"
cmp -s o.kbz one.kbz && fail "-o 2 made the same bundle"
"$KRAITC" --bundle z.kbz -z a || fail "-z failed"
[ "$(stat -c %s z.kbz)" -lt "$(stat -c %s one.kbz)" ] || fail "-z did not shrink the bundle"

# Failures write nothing.
mkdir bad
printf 'x = (\n' >bad/broken.py
printf 'ok = 1\n' >bad/fine.py
out=$("$KRAITC" --bundle bad.kbz bad 2>&1)
[ $? -eq 1 ] || fail "a module with a SyntaxError: exit status not 1"
[ -e bad.kbz ] && fail "a failed bundle was written"
case "$out" in
*"bad/broken.py"*"SyntaxError"*) ;;
*) fail "the SyntaxError was reported as '$out'" ;;
esac
mkdir dup
printf 'V = 2\n' >dup/solo.py
out=$("$KRAITC" --bundle dup.kbz a dup 2>&1)
[ $? -eq 1 ] || fail "two modules named solo: exit status not 1"
case "$out" in *"same name"*) ;; *) fail "duplicate reported as '$out'" ;; esac
out=$("$KRAITC" --bundle m.kbz -m nosuch a 2>&1)
[ $? -eq 1 ] || fail "-m nosuch: exit status not 1"
case "$out" in *"'nosuch'"*"not in the bundle"*) ;; *) fail "-m nosuch reported as '$out'" ;; esac
[ -e m.kbz ] && fail "-m nosuch wrote a bundle"
"$KRAITC" --bundle >/dev/null 2>&1
[ $? -eq 2 ] || fail "--bundle without arguments: exit status not 2"
"$KRAITC" --bundle x.kbz >/dev/null 2>&1
[ $? -eq 2 ] || fail "--bundle without roots: exit status not 2"
"$KRAITC" --bundle x.kbz nowhere >/dev/null 2>&1
[ $? -eq 1 ] || fail "--bundle of a missing root: exit status not 1"

# No main: a library bundle has main 0.
"$KRAITC" --bundle lib.kbz a/pkg/.. c/extra.py -m solo || fail "-m solo failed"
[ "$(od -An -t u4 -j 20 -N 4 lib.kbz | tr -d ' ')" = 10 ] || fail "-m solo: main is not entry 10"
mkdir l
printf 'A = 1\n' >l/liba.py
"$KRAITC" --bundle nomain.kbz l || fail "a bundle without __main__ failed"
[ "$(od -An -t u4 -j 20 -N 4 nomain.kbz | tr -d ' ')" = 0 ] || fail "no main: main is not 0"
exit 0
