#!/usr/bin/env bash
# tests/cli/cache_concurrent.sh: many kraitc processes forcing compiles of the
# same tree at once all succeed, leave no temporary file behind, and leave
# caches identical to a lone compile's (writes are a rename of a complete file).
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
make_tree t
make_tree ref
touch -d '2010-01-01' t/pkg/*.py t/pkg/sub/*.py
touch -d '2010-01-01' ref/pkg/*.py ref/pkg/sub/*.py
mv ref lone && mkdir ref && mv lone ref/t
(cd ref && "$KRAITC" -q t) || fail "lone compile failed"
pids=()
for i in 1 2 3 4 5 6 7 8; do
    "$KRAITC" -q -f t &
    pids+=($!)
done
for pid in "${pids[@]}"; do
    wait "$pid" || fail "a concurrent kraitc failed"
done
leftovers=$(find t -name '*.tmp')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
diff -r t ref/t >/dev/null || fail "concurrent caches differ from a lone compile's"
exit 0
