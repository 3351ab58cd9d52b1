#!/usr/bin/env bash
# tests/cli/dis_listings.sh: golden listings of the code generator. For each
# tests/dis/NAME.py, `kraitc --dis` (plus the flag of a "# dis: -O" first
# line) must print exactly NAME.dis. The listings were made by
# tools/gen-dis-exp and checked against python3.11's compilation with
# tools/dis-compare. All cases run; the failures are listed.
source tests/cli/lib/common.bash
failed=0
n=0
for py in tests/dis/*.py; do
    n=$((n + 1))
    exp="${py%.py}.dis"
    flags=$(sed -n '1,2s/^# dis: //p' "$py")
    # shellcheck disable=SC2086  # flags is empty or one word
    "$KRAITC" --dis $flags "$py" >"$SCRATCH/out" 2>"$SCRATCH/err"
    status=$?
    if [ "$status" -ne 0 ] || ! cmp -s "$exp" "$SCRATCH/out"; then
        failed=$((failed + 1))
        echo "FAIL: $py (exit status $status)"
        head -n 3 "$SCRATCH/err" | sed 's/^/    stderr: /'
        diff -u --label expected --label actual "$exp" "$SCRATCH/out" | head -n 16 | sed 's/^/    /'
    fi
done
echo "dis listings: $((n - failed)) of $n"
[ "$failed" -eq 0 ]
