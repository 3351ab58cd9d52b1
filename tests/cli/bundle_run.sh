#!/usr/bin/env bash
# tests/cli/bundle_run.sh: krait runs bundles as python3.11 runs zip
# applications: `krait app.kbz args` runs its __main__ with sys.argv as
# given and sys.path[0] the bundle; modules, packages and namespace packages
# import from it with __file__, __path__, __spec__ and co_filename named
# 'app.kbz/pkg/mod.py' (compared with python3.11 on a zipapp of the same
# tree); a bundle on KRAITPATH or appended to sys.path is searched like a
# directory; -m MAIN bundles run MAIN; nothing is written; a bundle without
# main, a truncated or garbage bundle and a corrupt member are reported with
# the file and the reason, exit status 1, never a crash.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

mkdir -p src/pkg/ns
cat >src/__main__.py <<'PY'
import sys
import pkg
import pkg.mod
print(__name__, __file__, __spec__.name, sys.argv, sys.path[0])
print(pkg.__file__, pkg.__path__, pkg.__package__, pkg.__spec__.origin, pkg.__spec__.parent)
print(pkg.mod.__file__, pkg.mod.f.__code__.co_filename, pkg.mod.__spec__.origin)
print(pkg.mod.__spec__.submodule_search_locations, pkg.mod.__package__, pkg.mod.f(20))
import pkg.ns.leaf
print(pkg.ns.leaf.__file__, pkg.ns.__file__, list(pkg.ns.__path__), pkg.ns.leaf.LEAF)
from pkg import mod as m2
print(m2 is pkg.mod, sorted(k for k in sys.modules if k.startswith("pkg")))
try:
    import pkg.nosuch
except ImportError as e:
    print(type(e).__name__, e)
try:
    pkg.mod.boom()
except ZeroDivisionError as e:
    print("raised", e, pkg.mod.boom.__code__.co_filename, pkg.mod.boom.__code__.co_firstlineno)
PY
printf 'from . import mod as _m\n' >src/pkg/__init__.py
printf 'def f(x):\n    return x + 1\n\ndef boom():\n    return 1 / 0\n' >src/pkg/mod.py
printf 'LEAF = "leaf"\n' >src/pkg/ns/leaf.py

"$KRAITC" --bundle app.kbz src || fail "kraitc --bundle failed"
(cd src && /usr/bin/python3.11 -m zipapp . -o ../app.pyz) || fail "zipapp failed"
out=$("$KRAIT" app.kbz one --two 2>&1) || fail "krait app.kbz: exit status $? ($out)"
exp=$(/usr/bin/python3.11 app.pyz one --two 2>&1 | sed 's/app\.pyz/app.kbz/g')
[ "$out" = "$exp" ] || fail "krait app.kbz printed
$out
python3.11 printed
$exp"
out=$("$KRAIT" "$SCRATCH/app.kbz" 2>&1) || fail "krait /abs/app.kbz: exit status $?"
case "$out" in "__main__ $SCRATCH/app.kbz/__main__.py __main__ ['$SCRATCH/app.kbz'] $SCRATCH/app.kbz"*) ;;
*) fail "krait /abs/app.kbz printed '$out'" ;; esac
[ -n "$(find . -name '__pycache__' -o -name '*.pyc')" ] && fail "running a bundle wrote caches"

# A bundle named otherwise is still run by its magic.
cp app.kbz app.bin
out=$("$KRAIT" app.bin 2>&1) || fail "krait app.bin: exit status $? ($out)"
case "$out" in "__main__ $SCRATCH/app.bin/__main__.py"*) ;; *) fail "krait app.bin printed '$out'" ;; esac

# A library bundle on KRAITPATH and on sys.path; an exception's traceback
# names the bundled file.
mkdir lib user
printf 'def hello():\n    return "hello from " + __name__\n\ndef bad():\n    raise ValueError("inner")\n' >lib/tool.py
"$KRAITC" --bundle lib.kbz lib || fail "library bundle failed"
printf 'import tool\nprint(tool.hello(), tool.__file__)\ntool.bad()\n' >user/use.py
out=$(KRAITPATH="$SCRATCH/lib.kbz" "$KRAIT" user/use.py 2>err)
[ $? -eq 1 ] || fail "KRAITPATH bundle: exit status not 1 ($out)"
[ "$out" = "hello from tool $SCRATCH/lib.kbz/tool.py" ] || fail "KRAITPATH bundle printed '$out'"
case "$(cat err)" in
*"File \"$SCRATCH/lib.kbz/tool.py\", line 5, in bad"*"ValueError: inner") ;;
*) fail "KRAITPATH bundle's traceback: '$(cat err)'" ;;
esac
printf 'import sys\nsys.path.append(sys.argv[1])\nimport tool\nprint(tool.hello())\n' >user/app.py
out=$("$KRAIT" user/app.py "$SCRATCH/lib.kbz" 2>&1)
[ "$out" = "hello from tool" ] || fail "sys.path.append(bundle) printed '$out'"
out=$("$KRAIT" user/app.py "$SCRATCH/lib.kbz/" 2>&1)
[ "$out" = "hello from tool" ] || fail "sys.path.append(bundle + '/') printed '$out'"
# A package directory inside a bundle as a path entry.
out=$("$KRAIT" -c 'import sys; sys.path.insert(0, sys.argv[1]); import leaf; print(leaf.LEAF, leaf.__name__)' \
    "$SCRATCH/app.kbz/pkg/ns" 2>&1)
[ "$out" = "leaf leaf" ] || fail "a directory inside a bundle on sys.path printed '$out'"
# A compressed bundle runs the same.
"$KRAITC" --bundle appz.kbz -z src || fail "kraitc --bundle -z failed"
out=$("$KRAIT" appz.kbz one --two 2>&1 | sed 's/appz\.kbz/app.kbz/g')
[ "$out" = "$exp" ] || fail "the compressed bundle printed '$out'"
out=$("$KRAIT" lib.kbz 2>&1)
[ $? -eq 1 ] || fail "a bundle without main: exit status not 1"
[ "$out" = "$KRAIT: can't find '__main__' module in '$SCRATCH/lib.kbz'" ] ||
    fail "a bundle without main printed '$out'"

# -m MAIN: a module, or a package's __main__.
mkdir -p cli/app
printf '' >cli/app/__init__.py
printf 'import sys\nprint("cli", __name__, __spec__.name, sys.argv[1:])\n' >cli/app/run.py
printf 'print("pkg main", __name__, __spec__.name)\n' >cli/app/__main__.py
"$KRAITC" --bundle run.kbz -m app.run cli || fail "-m app.run failed"
out=$("$KRAIT" run.kbz x 2>&1)
[ "$out" = "cli __main__ app.run ['x']" ] || fail "-m app.run bundle printed '$out'"
"$KRAITC" --bundle pm.kbz -m app cli || fail "-m app failed"
out=$("$KRAIT" pm.kbz 2>&1)
[ "$out" = "pkg main __main__ app.__main__" ] || fail "-m app bundle printed '$out'"

# Broken bundles.
head -c 100 app.kbz >cut.kbz
out=$("$KRAIT" cut.kbz 2>&1)
[ $? -eq 1 ] || fail "truncated bundle: exit status not 1 ($out)"
case "$out" in *"ImportError: bad bundle '$SCRATCH/cut.kbz': truncated bundle"*) ;;
*) fail "truncated bundle reported as '$out'" ;; esac
printf 'just text\n' >junk.kbz
out=$("$KRAIT" junk.kbz 2>&1)
[ $? -eq 1 ] || fail "garbage .kbz: exit status not 1"
case "$out" in *"bad bundle '$SCRATCH/junk.kbz': not a krait bundle (bad magic number)"*) ;;
*) fail "garbage .kbz reported as '$out'" ;; esac
out=$(KRAITPATH="$SCRATCH/cut.kbz" "$KRAIT" user/use.py 2>&1)
[ $? -eq 1 ] || fail "truncated bundle on KRAITPATH: exit status not 1"
case "$out" in *"ImportError: bad bundle '$SCRATCH/cut.kbz': truncated bundle"*) ;;
*) fail "truncated bundle on KRAITPATH reported as '$out'" ;; esac
# Every truncation of a small bundle is refused cleanly.
size=$(stat -c %s lib.kbz)
for n in 0 7 8 11 12 63 64 100 $((size / 2)) $((size - 8)) $((size - 1)); do
    head -c "$n" lib.kbz >t.kbz
    out=$("$KRAIT" t.kbz 2>&1)
    st=$?
    [ $st -eq 1 ] || fail "bundle cut to $n bytes: exit status $st ($out)"
    case "$out" in *"bad bundle '$SCRATCH/t.kbz': "*) ;; *) fail "cut to $n: '$out'" ;; esac
done
# A flipped byte in the index: checksum; in a member: that module's ImportError.
cp app.kbz flip.kbz
printf '\x01' | dd of=flip.kbz bs=1 seek=70 conv=notrunc 2>/dev/null
out=$("$KRAIT" flip.kbz 2>&1)
case "$out" in *"bad bundle '$SCRATCH/flip.kbz': bundle checksum mismatch"*) ;;
*) fail "flipped index reported as '$out'" ;; esac
cp app.kbz flip.kbz
size=$(stat -c %s flip.kbz)
printf '\xee' | dd of=flip.kbz bs=1 seek=$((size - 12)) conv=notrunc 2>/dev/null
out=$("$KRAIT" flip.kbz 2>&1)
[ $? -eq 1 ] || fail "flipped member: exit status not 1"
case "$out" in *"ImportError: bad module '"*"' in bundle '$SCRATCH/flip.kbz': cache file checksum mismatch"*) ;;
*) fail "flipped member reported as '$out'" ;; esac
exit 0
