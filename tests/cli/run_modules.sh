#!/usr/bin/env bash
# tests/cli/run_modules.sh: krait's command line around modules: -m runs a
# module or a package's __main__ as '__main__' with sys.argv[0] its file;
# sourceless modules (kraitc -b, the source removed) import and run, and a
# corrupt one is an ImportError naming the file; KRAITPATH adds to sys.path
# (-E and -I ignore it, -I leaves the script's directory out); a SyntaxError
# in an imported module is reported with its file and line; usage errors
# read as python3.11's.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

mkdir -p app/pkg lib
printf 'print("pkg init", __name__)\n' >app/pkg/__init__.py
printf 'import sys\nprint(__name__, __package__, __spec__.name, sys.argv[0].endswith("pkg/__main__.py"), sys.argv[1:])\n' >app/pkg/__main__.py
printf 'import sys\nprint(__name__, sys.argv[0].endswith("tool.py"), sys.argv[1:])\n' >app/tool.py

out=$(cd app && "$KRAIT" -m pkg a b 2>&1) || fail "-m pkg: exit status $? ($out)"
exp=$(cd app && /usr/bin/python3.11 -m pkg a b 2>&1)
[ "$out" = "$exp" ] || fail "-m pkg printed '$out', python3.11 '$exp'"
out=$(cd app && "$KRAIT" -m tool x 2>&1) || fail "-m tool: exit status $?"
[ "$out" = "__main__ True ['x']" ] || fail "-m tool printed '$out'"
out=$(cd app && "$KRAIT" -m no_such_mod 2>&1)
[ $? -eq 1 ] || fail "-m no_such_mod: exit status not 1"
case "$out" in *": No module named no_such_mod") ;; *) fail "-m no_such_mod printed '$out'" ;; esac

# Sourceless modules.
printf 'W = 7\n' >lib/sm.py
printf 'print("direct run")\n' >lib/d.py
"$KRAITC" -q -b lib/sm.py lib/d.py || fail "kraitc -b failed"
rm lib/sm.py lib/d.py
out=$(cd lib && "$KRAIT" -c 'import sm; print(sm.W, sm.__file__.endswith("lib/sm.pyc"))' 2>&1)
[ "$out" = "7 True" ] || fail "sourceless import printed '$out'"
out=$("$KRAIT" lib/d.pyc 2>&1)
[ "$out" = "direct run" ] || fail "krait FILE.pyc printed '$out'"
head -c 50 lib/sm.pyc >lib/cut && mv lib/cut lib/sm.pyc
out=$(cd lib && "$KRAIT" -c 'import sm' 2>&1)
[ $? -eq 1 ] || fail "corrupt sourceless module: exit status not 1"
case "$out" in
*"ImportError: bad cache file '$SCRATCH/lib/sm.pyc': "*) ;;
*) fail "corrupt sourceless module reported as '$out'" ;;
esac

# KRAITPATH, -E, -I.
mkdir -p kp s
printf 'print("found on KRAITPATH")\n' >kp/kpmod.py
printf 'import kpmod\n' >s/use.py
printf 'print("next to the script")\n' >s/near.py
printf 'import near\n' >s/use_near.py
out=$(KRAITPATH="$SCRATCH/kp" "$KRAIT" s/use.py 2>&1)
[ "$out" = "found on KRAITPATH" ] || fail "KRAITPATH: '$out'"
KRAITPATH="$SCRATCH/kp" "$KRAIT" -E s/use.py >/dev/null 2>&1 && fail "-E: KRAITPATH was used"
"$KRAIT" -I s/use_near.py >/dev/null 2>&1 && fail "-I: the script's directory is on sys.path"
out=$("$KRAIT" s/use_near.py 2>&1)
[ "$out" = "next to the script" ] || fail "script directory: '$out'"

# A SyntaxError in an imported module.
printf 'x = (1,\ny = 2\n' >s/bad.py
printf 'import bad\n' >s/imp_bad.py
out=$("$KRAIT" s/imp_bad.py 2>&1)
[ $? -eq 1 ] || fail "SyntaxError on import: exit status not 1"
case "$out" in
*"File \"$SCRATCH/s/bad.py\", line 1"*"SyntaxError: '(' was never closed") ;;
*) fail "SyntaxError on import reported as '$out'" ;;
esac

# Usage errors.
out=$("$KRAIT" nofile.py 2>&1)
[ $? -eq 2 ] || fail "missing script: exit status not 2"
[ "$out" = "$KRAIT: can't open file '$SCRATCH/nofile.py': [Errno 2] No such file or directory" ] ||
    fail "missing script reported as '$out'"
"$KRAIT" -c >/dev/null 2>&1
[ $? -eq 2 ] || fail "-c without an argument: exit status not 2"
"$KRAIT" -Z >/dev/null 2>&1
[ $? -eq 2 ] || fail "-Z: exit status not 2"
out=$("$KRAIT" -V)
case "$out" in "Python 3.11."*) ;; *) fail "-V printed '$out'" ;; esac
[ "$("$KRAIT" --version)" = "$out" ] || fail "--version differs from -V"
exit 0
