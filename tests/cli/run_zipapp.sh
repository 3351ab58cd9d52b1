#!/usr/bin/env bash
# tests/cli/run_zipapp.sh: `krait APP.pyz [args]` runs a zip application as
# python3.11 does (sys.path[0] the archive, __main__ read by zipimport,
# sys.argv as given): archives python3.11's zipapp module made, with and
# without a #! line and with a -m entry point; an archive without __main__
# is refused with python3.11's message.
source tests/cli/lib/common.bash
cd "$SCRATCH" || exit 1
PY=/usr/bin/python3.11

mkdir -p src/pkg
cat >src/__main__.py <<'PYEOF'
import sys, os
import helper
from pkg import util
print("main", helper.X, util.twice(21), sys.argv[1:])
print(os.path.basename(sys.path[0]), os.path.basename(__file__), __name__, __spec__.name)
print(type(__loader__).__name__, __package__ == "", helper.__file__.endswith(".pyz/helper.py"))
PYEOF
printf 'X = 7\n' >src/helper.py
printf '' >src/pkg/__init__.py
printf 'def twice(n):\n    return n * 2\ndef main():\n    import sys\n    print("entry point", sys.argv[1:])\n' >src/pkg/util.py

"$PY" -m zipapp src -o plain.pyz || fail "zipapp failed"
"$PY" -m zipapp src -o shebang.pyz -p "/usr/bin/env python3" || fail "zipapp -p failed"
rm src/__main__.py
"$PY" -m zipapp src -o entry.pyz -m "pkg.util:main" || fail "zipapp -m failed"
"$PY" -m zipapp src -o nomain.pyz 2>/dev/null || cp plain.pyz nomain.pyz
"$PY" - <<'PYEOF' || fail "could not make an archive without __main__"
import zipfile
with zipfile.ZipFile("nomain.pyz", "w") as z:
    z.writestr("helper.py", "X = 1\n")
PYEOF

for app in plain.pyz shebang.pyz entry.pyz; do
    want=$("$PY" "$app" a 'b c' 2>&1)
    got=$("$KRAIT" "$app" a 'b c' 2>&1)
    [ "$got" = "$want" ] || fail "$app: krait printed
$got
where python3.11 printed
$want"
done

want=$("$PY" nomain.pyz 2>&1 | sed "s|^$PY:|PROG:|")
got=$("$KRAIT" nomain.pyz 2>&1 | sed "s|^$KRAIT:|PROG:|")
[ "$got" = "$want" ] || fail "no __main__: krait printed '$got', python3.11 '$want'"
"$KRAIT" nomain.pyz >/dev/null 2>&1 && fail "no __main__: exit status 0"
exit 0
