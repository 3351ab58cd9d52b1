#!/usr/bin/env bash
# tests/cli/run_readonly.sh: a tree krait cannot write to still runs, with
# its imports, and no error: the caches are simply not written. As root the
# tree is made unwritable by running krait as nobody (setpriv) when possible,
# else by a file standing where __pycache__ would be made.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
mkdir -p ro/pkg
printf 'from pkg import mod\nprint("ro", mod.X)\n' >ro/prog.py
printf '' >ro/pkg/__init__.py
printf 'X = 5\n' >ro/pkg/mod.py
chmod -R a-w ro
chmod 755 "$SCRATCH"
run=("$KRAIT")
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null &&
        setpriv --reuid=65534 --regid=65534 --clear-groups "$KRAIT" -c 'pass' 2>/dev/null; then
        run=(setpriv --reuid=65534 --regid=65534 --clear-groups "$KRAIT")
    else
        chmod -R u+w ro
        printf 'in the way\n' >ro/__pycache__
        printf 'in the way\n' >ro/pkg/__pycache__
    fi
fi
out=$("${run[@]}" ro/prog.py 2>&1) || fail "read-only run: exit status $? ($out)"
[ "$out" = "ro 5" ] || fail "read-only run printed: $out"
[ -d ro/__pycache__ ] && fail "a cache directory was made in the read-only tree"
chmod -R u+w ro
exit 0
