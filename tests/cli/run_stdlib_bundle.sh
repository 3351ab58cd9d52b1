#!/usr/bin/env bash
# tests/cli/run_stdlib_bundle.sh: the standard library krait runs is CPython's
# own pure-Python library compiled by `make` into BUILD/lib/python311.kbz,
# the last entry of sys.path (after the script's directory and KRAITPATH, as
# CPython's python311.zip), also under -I. Its modules import from the bundle
# with their sources' real names as co_filename (kraitc --bundle -d), so a
# traceback through them shows the source lines exactly as python3.11 does;
# a module of the same name in the script's directory or on KRAITPATH
# shadows the bundle's; a symbolic link to krait finds it too; importing from it writes nothing. kraitc --bundle -d
# DIR on its own tree: members keep DIR/rel as co_filename.
source tests/cli/lib/common.bash
skip_without_codegen
STDLIB=${STDLIB:-/usr/lib/python3.11}
LIB="$(dirname "$KRAIT")/../lib/python311.kbz"
if [ ! -f "$STDLIB/os.py" ] || [ ! -f "$LIB" ]; then
    echo "skipped: no $STDLIB to bundle"
    exit 0
fi
LIB=$(realpath "$LIB")
cd "$SCRATCH" || exit 1

# sys.path's last entry, with and without -I and KRAITPATH.
printf 'import sys\nprint(sys.path[-1])\n' >p.py
for opts in "" "-I" "-E"; do
    got=$(KRAITPATH=/nowhere "$KRAIT" $opts p.py) || fail "krait $opts p.py failed"
    [ "$got" = "$LIB" ] || fail "krait $opts: sys.path[-1] is '$got', expected '$LIB'"
done
got=$(KRAITPATH=/a:/b "$KRAIT" -c 'import sys; print(sys.path[1:])')
[ "$got" = "['/a', '/b', '$LIB']" ] || fail "KRAITPATH order: $got"
# Through a symbolic link to krait (and a linked directory), sys.executable
# is the real binary, as realpath names it, and the bundle is still found.
REAL=$(realpath "$KRAIT")
mkdir -p linkdir/bin && ln -s "$REAL" linkdir/bin/krait && ln -s linkdir linked
got=$(linked/bin/krait -c 'import sys, os; print(sys.executable, sys.prefix, sys.path[-1], os.sep)') ||
    fail "krait through a symbolic link failed: $got"
[ "$got" = "$REAL $(dirname "$(dirname "$REAL")") $LIB /" ] ||
    fail "krait through a symbolic link: sys.executable/prefix/path are '$got'"

# Modules from the bundle: the same output as python3.11, __file__ inside it.
cat >m.py <<'PY'
import collections, collections.abc, heapq, keyword, sys
print(collections.Counter("mississippi").most_common(2))
print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), keyword.iskeyword("match"))
print(collections.OrderedDict.__module__, type(collections.abc.Mapping).__name__)
print(collections.namedtuple.__code__.co_filename)
PY
"$KRAIT" m.py >k.out 2>&1 || fail "krait m.py: $(cat k.out)"
/usr/bin/python3.11 m.py >p.out 2>&1
sed -i "s|$STDLIB|STDLIB|" k.out p.out
cmp -s k.out p.out || fail "bundle modules differ from python3.11: $(diff k.out p.out)"
got=$("$KRAIT" -c 'import heapq; print(heapq.__file__)')
[ "$got" = "$LIB/heapq.py" ] || fail "heapq.__file__ is '$got'"

# A traceback through a bundle module shows its source line from STDLIB.
printf 'import collections\ncollections.namedtuple("P", 3)\n' >t.py
"$KRAIT" t.py >k.err 2>&1 && fail "t.py should fail"
/usr/bin/python3.11 t.py >p.err 2>&1
grep -q "^  File \"$STDLIB/collections/__init__.py\", line [0-9]*, in namedtuple\$" k.err ||
    fail "no bundle frame in the traceback: $(cat k.err)"
grep -q '^    field_names = list(map(str, field_names))$' k.err ||
    fail "no source line in the traceback: $(cat k.err)"
[ "$(tail -n 1 k.err)" = "$(tail -n 1 p.err)" ] || fail "last line: $(tail -n 1 k.err)"

# The script's directory and KRAITPATH shadow the bundle.
mkdir -p over
printf 'SHADOW = "script dir"\n' >heapq.py
printf 'SHADOW = "kraitpath"\n' >over/bisect.py
printf 'import heapq, bisect\nprint(heapq.SHADOW, bisect.SHADOW)\n' >s.py
got=$(KRAITPATH=over "$KRAIT" s.py) || fail "shadowing run failed"
[ "$got" = "script dir kraitpath" ] || fail "shadowing: $got"

# Nothing is written beside the library or the bundle.
[ -z "$(find "$STDLIB" "$(dirname "$LIB")" -name '*.krait-*.pyc' -print -quit)" ] ||
    fail "a krait cache was written into the standard library"

# kraitc --bundle -d DIR: co_filename is DIR/rel, and kept by the importer.
mkdir -p tree/pkg
printf 'def f():\n    return 1 / 0\n' >tree/pkg/mod.py
: >tree/pkg/__init__.py
"$KRAITC" --bundle b.kbz -q -d /src/here tree || fail "kraitc --bundle -d failed"
got=$(KRAITPATH=b.kbz "$KRAIT" -c 'import pkg.mod; print(pkg.mod.f.__code__.co_filename, pkg.mod.__file__)')
[ "$got" = "/src/here/pkg/mod.py b.kbz/pkg/mod.py" ] || fail "-d names: $got"
"$KRAITC" --bundle c.kbz -q tree || fail "kraitc --bundle failed"
got=$(KRAITPATH=c.kbz "$KRAIT" -c 'import pkg.mod; print(pkg.mod.f.__code__.co_filename)')
[ "$got" = "c.kbz/pkg/mod.py" ] || fail "names without -d: $got"
echo ok
