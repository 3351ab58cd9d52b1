#!/usr/bin/env bash
# tests/cli/run_sourceless.sh: bytecode without source, as python3.11 runs
# it: `krait FILE.pyc` runs a legacy (kraitc -b) or a __pycache__ cache file
# directly, with __file__ the .pyc; a tree compiled with kraitc -b and its
# sources removed imports modules, packages (pkg/__init__.pyc) and
# subpackages with __file__, __cached__ and the loader's kind as CPython's
# SourcelessFileLoader gives them; -m runs a sourceless module; a source
# beside a legacy .pyc wins; a cache file of another format is refused by
# name.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

mkdir -p t/app/sub
cat >t/main.py <<'PY'
import sys
import app
import app.sub.deep
from app import util
print(__name__, __file__.endswith("t/main.pyc"), sys.argv[1:])
print(app.__file__.endswith("t/app/__init__.pyc"), app.__cached__ == app.__file__)
print(util.__file__.endswith("app/util.pyc"), util.double(21), type(util.__loader__).__name__)
print(app.sub.deep.__name__, app.sub.deep.__package__, app.sub.__path__[0].endswith("t/app/sub"))
print(util.double.__code__.co_filename.endswith("app/util.py"))
PY
printf 'print("init", __name__)\n' >t/app/__init__.py
printf 'def double(x):\n    return 2 * x\n' >t/app/util.py
printf '' >t/app/sub/__init__.py
printf 'print("deep", __name__)\n' >t/app/sub/deep.py
printf 'import sys\nprint("tool", __name__, sys.argv[1:])\n' >t/app/tool.py
mkdir py && cp -r t py/t
"$KRAITC" -q -b t || fail "kraitc -b failed"
find t -name '*.py' -delete
[ -z "$(find t -name '*.py')" ] || fail "sources left"

exp=$(cd py && /usr/bin/python3.11 -c '
import py_compile, glob
for f in glob.glob("t/**/*.py", recursive=True):
    py_compile.compile(f, cfile=f + "c")
' && find . -name '*.py' -delete && /usr/bin/python3.11 t/main.pyc a b 2>&1)
out=$("$KRAIT" t/main.pyc a b 2>&1) || fail "krait t/main.pyc: exit status $? ($out)"
[ "$out" = "$exp" ] || fail "krait t/main.pyc printed
$out
python3.11 printed
$exp"

out=$(cd t && "$KRAIT" -m app.tool x 2>&1) || fail "-m app.tool: exit status $? ($out)"
exp=$(cd py/t && /usr/bin/python3.11 -m app.tool x 2>&1)
[ "$out" = "$exp" ] || fail "-m app.tool printed '$out', python3.11 '$exp'"

# A PEP 3147 cache file runs directly too.
mkdir p
printf 'print("from pycache", __file__.endswith(".krait-1.pyc"))\n' >p/c.py
"$KRAITC" -q p/c.py || fail "kraitc p/c.py failed"
out=$("$KRAIT" p/__pycache__/c.krait-1.pyc 2>&1)
[ "$out" = "from pycache True" ] || fail "krait __pycache__/c.krait-1.pyc printed '$out'"

# A source beside a legacy .pyc wins (FileFinder tries sources first).
mkdir w
printf 'V = "old"\n' >w/m.py
"$KRAITC" -q -b w/m.py || fail "kraitc -b w/m.py failed"
printf 'V = "new"\n' >w/m.py
out=$(cd w && "$KRAIT" -c 'import m; print(m.V, m.__file__)' 2>&1)
[ "$out" = "new $SCRATCH/w/m.py" ] || fail "source beside .pyc: '$out'"

# A file that is not a krait cache.
printf 'not bytecode at all\n' >w/junk.pyc
out=$("$KRAIT" w/junk.pyc 2>&1)
[ $? -eq 1 ] || fail "krait junk.pyc: exit status not 1"
case "$out" in *"bad cache file '$SCRATCH/w/junk.pyc': not a krait cache file"*) ;;
*) fail "junk.pyc reported as '$out'" ;; esac
exit 0
