#!/usr/bin/env bash
# tests/cli/cache_reproducible.sh: the same tree compiled in two directories
# (relative paths, so the embedded file names agree) gives identical cache
# bytes: in timestamp mode when the sources carry the same mtimes, and in the
# hash modes (SOURCE_DATE_EPOCH selects checked-hash, as py_compile does)
# whatever the mtimes.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
mkdir a b c
make_tree a/t
cp -R -p a/t b/t
make_tree c/t
touch -d '2001-02-03 04:05:06' c/t/pkg/mod.py
(cd a && "$KRAITC" -q t) || fail "compile in a failed"
(cd b && "$KRAITC" -q t) || fail "compile in b failed"
diff -r a b >/dev/null || fail "timestamp caches differ between directories"
rm -rf a/t/pkg/__pycache__ a/t/pkg/sub/__pycache__
(cd a && SOURCE_DATE_EPOCH=1 "$KRAITC" -q t) || fail "checked-hash compile in a failed"
(cd c && SOURCE_DATE_EPOCH=1 "$KRAITC" -q t) || fail "checked-hash compile in c failed"
diff -r a c >/dev/null || fail "checked-hash caches depend on mtimes"
[ "$(header_u64 c/t/pkg/__pycache__/mod.krait-1.pyc 24)" = 0 ] || fail "hash mode stored an mtime"
exit 0
