#!/usr/bin/env bash
# tests/cli/compile_links.sh: symbolic links in a compiled tree, and the
# options about them, against python3.11 -m compileall on a copy of the same
# tree: a linked directory is never entered; a linked file is compiled unless
# -e DIR is given and the link's resolved target is not inside the resolved
# DIR (an empty DIR is no limit); a dangling link is nothing to compile.
# --hardlink-dupes needs two -o levels (compileall's message, exit 2), and
# with them each level keeps its own file (a krait cache records its level).
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
PY=/usr/bin/python3.11

# tree DIR: files and links of every kind the walk meets.
tree() {
    mkdir -p "$1/sub" outside
    printf 'a = 1\n' >outside/o.py
    printf 'b = 2\n' >"$1/sub/real.py"
    printf 'c = 3\n' >"$1/plain.py"
    ln -s ../outside/o.py "$1/out_link.py"
    ln -s sub/real.py "$1/in_link.py"
    ln -s nowhere.py "$1/dangling.py"
    ln -s ../outside "$1/dirlink"
}

# compiled DIR SUFFIX: the sources under DIR that got a cache, one a line.
compiled() {
    find "$1" -name "*$2" | sed -e "s|^$1/||" -e 's|__pycache__/||' -e "s|$2\$|.py|" | sort
}

# same CASE ARGS...: kraitc and compileall, each with ARGS (where ROOT is
# the tree's own name), compile the same sources of two fresh trees.
same() {
    local name=$1 k p
    shift
    rm -rf k p
    tree k
    tree p
    "$KRAITC" -q "${@//ROOT/k}" k >/dev/null 2>&1
    "$PY" -m compileall -q "${@//ROOT/p}" p >/dev/null 2>&1
    k=$(compiled k .krait-1.pyc)
    p=$(compiled p .cpython-311.pyc)
    [ -n "$p" ] || fail "$name: compileall compiled nothing"
    [ "$k" = "$p" ] || fail "$name: kraitc compiled
$k
where compileall compiled
$p"
}

same "no limit"
same "-e the tree itself" -e ROOT
same "-e the tree's parent" -e .
same "-e the subdirectory" -e ROOT/sub
same "-e outside" -e outside
same "-e empty" -e ""
same "-e missing" -e nosuchdir
same "-e and -x" -e ROOT -x 'plain'

# What the checks above rest on: the link out is the one -e drops.
rm -rf k && tree k
"$KRAITC" -q -e k k || fail "-e k: exit status $?"
[ -f k/__pycache__/in_link.krait-1.pyc ] || fail "-e k: the link inside was not compiled"
[ -e k/__pycache__/out_link.krait-1.pyc ] && fail "-e k: the link outside was compiled"
[ -e k/dirlink/__pycache__ ] && fail "a linked directory was entered"

# --hardlink-dupes
out=$("$KRAITC" --hardlink-dupes k 2>&1)
[ $? -eq 2 ] || fail "--hardlink-dupes with one level: exit status not 2"
case "$out" in
*"kraitc: error: Hardlinking of duplicated bytecode makes sense only for more than one optimization level.") ;;
*) fail "--hardlink-dupes with one level: $out" ;;
esac
"$KRAITC" -q --hardlink-dupes -o 0 -o 1 k/plain.py || fail "--hardlink-dupes -o 0 -o 1: exit status $?"
a=k/__pycache__/plain.krait-1.pyc
b=k/__pycache__/plain.krait-1.opt-1.pyc
[ -f "$a" ] && [ -f "$b" ] || fail "--hardlink-dupes: a level's cache is missing"
[ "$(stat -c %h "$b")" = 1 ] || fail "--hardlink-dupes linked two different files"
cmp -s "$a" "$b" && fail "two levels' caches have the same bytes"
exit 0
