#!/usr/bin/env bash
# tests/cli/compile_errors.sh: the compile-time SyntaxErrors of the symbol
# table and the code generator. For each tests/compile/err_NAME.py,
# `kraitc --dis` must exit 1 and print to stderr exactly err_NAME.err, which
# tools/gen-compile-exp made from python3.11's compile() (message, line,
# carets). All cases run; the failures are listed.
source tests/cli/lib/common.bash
failed=0
n=0
for py in tests/compile/err_*.py; do
    n=$((n + 1))
    exp="${py%.py}.err"
    [ -f "$exp" ] || { echo "FAIL: $exp missing (run tools/gen-compile-exp)"; failed=$((failed + 1)); continue; }
    "$KRAITC" --dis "$py" >/dev/null 2>"$SCRATCH/err"
    status=$?
    if [ "$status" -ne 1 ] || ! cmp -s "$exp" "$SCRATCH/err"; then
        failed=$((failed + 1))
        echo "FAIL: $py (exit status $status)"
        diff -u --label expected --label actual "$exp" "$SCRATCH/err" | head -n 12 | sed 's/^/    /'
    fi
done
echo "compile errors: $((n - failed)) of $n as python3.11"
[ "$failed" -eq 0 ]
