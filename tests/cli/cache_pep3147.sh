#!/usr/bin/env bash
# tests/cli/cache_pep3147.sh: kraitc writes each module's cache where PEP 3147
# puts it (pkg/__pycache__/mod.krait-1.pyc, .opt-1/.opt-2 for -o 1/2, beside
# the source with -b), leaves non-Python files alone, recurses unless -l, and
# a second run skips every valid cache.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
make_tree t

"$KRAITC" -q t || fail "kraitc -q t failed"
for f in t/pkg/__pycache__/__init__.krait-1.pyc t/pkg/__pycache__/mod.krait-1.pyc \
    t/pkg/sub/__pycache__/deep.krait-1.pyc; do
    [ -f "$f" ] || fail "no cache at $f"
done
[ "$(ls t/pkg/__pycache__ | wc -l)" -eq 2 ] || fail "unexpected files: $(ls t/pkg/__pycache__)"

out=$("$KRAITC" t) || fail "second run failed"
[ "$out" = "Listing 't'...
Listing 't/pkg'...
Listing 't/pkg/sub'..." ] || fail "second run did not skip: $out"

"$KRAITC" -q -o 1 -o 2 t/pkg/mod.py || fail "-o 1 -o 2 failed"
[ -f t/pkg/__pycache__/mod.krait-1.opt-1.pyc ] || fail "no .opt-1 cache"
[ -f t/pkg/__pycache__/mod.krait-1.opt-2.pyc ] || fail "no .opt-2 cache"

"$KRAITC" -q -b t/pkg/mod.py || fail "-b failed"
[ -f t/pkg/mod.pyc ] || fail "no legacy cache"

make_tree l
"$KRAITC" -q -l l/pkg || fail "-l failed"
[ -f l/pkg/__pycache__/mod.krait-1.pyc ] || fail "-l: no top-level cache"
[ -e l/pkg/sub/__pycache__ ] && fail "-l recursed"
"$KRAITC" -q -l -r 1 l/pkg || fail "-l -r 1 failed"
[ -f l/pkg/sub/__pycache__/deep.krait-1.pyc ] || fail "-r 1 did not win over -l"

# The same listing and compiling lines as python3.11 -m compileall.
make_tree p
make_tree k
exp=$(/usr/bin/python3.11 -m compileall p | sed "s/'p/'k/g")
act=$("$KRAITC" k)
[ "$act" = "$exp" ] || fail "output differs from compileall: $act"
exit 0
