#!/usr/bin/env bash
# tests/cli/cache_force_refresh.sh: -f rewrites a valid cache; a touch that
# does not change the source refreshes the cache's header in place (new
# mtime, same payload) without recompiling; a real change recompiles; a
# truncated or bit-flipped cache is rebuilt.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
make_tree t
src=t/pkg/mod.py
cache=t/pkg/__pycache__/mod.krait-1.pyc
touch -d '2020-01-01 00:00:00' "$src"
"$KRAITC" -q t || fail "first compile failed"
first_payload=$(payload "$cache")
first_mtime=$(header_u64 "$cache" 24)
[ "$first_mtime" = "$(($(date -d '2020-01-01 00:00:00' +%s) * 1000000000))" ] ||
    fail "header mtime $first_mtime is not the source's"

out=$("$KRAITC" -f "$src") || fail "-f failed"
[ "$out" = "Compiling '$src'..." ] || fail "-f did not recompile: $out"

touch -d '2021-06-01 12:00:00' "$src"
out=$("$KRAITC" "$src") || fail "run after touch failed"
[ -z "$out" ] || fail "a touch recompiled: $out"
[ "$(payload "$cache")" = "$first_payload" ] || fail "a touch changed the payload"
[ "$(header_u64 "$cache" 24)" = "$(($(date -d '2021-06-01 12:00:00' +%s) * 1000000000))" ] ||
    fail "the header was not refreshed"
out=$("$KRAITC" "$src")
[ -z "$out" ] || fail "refreshed cache not valid: $out"

echo '# changed' >>"$src"
out=$("$KRAITC" "$src") || fail "run after change failed"
[ "$out" = "Compiling '$src'..." ] || fail "a change was not recompiled: $out"

good=$(od -An -v -t x1 "$cache" | tr -d ' \n')
truncate -s 100 "$cache"
out=$("$KRAITC" "$src")
[ "$out" = "Compiling '$src'..." ] || fail "a truncated cache was used: $out"
[ "$(od -An -v -t x1 "$cache" | tr -d ' \n')" = "$good" ] || fail "rebuilt cache differs"
printf '\x01' | dd of="$cache" bs=1 seek=200 conv=notrunc status=none
out=$("$KRAITC" "$src")
[ "$out" = "Compiling '$src'..." ] || fail "a corrupted cache was used: $out"
exit 0
