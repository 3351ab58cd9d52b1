# tests/cli/lib/common.bash: helpers sourced by the tests/cli/*.sh scripts
# (not a test itself: the runner only runs tests/cli/*.sh). Each script runs
# from the repository root with KRAITC (and KRAIT, BUILD) set to absolute
# paths, and exits 0 when it passes.
set -u
export LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/krait-cli.XXXXXX") || exit 1
trap 'rm -rf "$SCRATCH"' EXIT

# fail MESSAGE...: reports and exits 1.
fail() {
    echo "FAIL: $*"
    exit 1
}

# skip_without_codegen: exits 0 (skipped) while kraitc cannot yet compile a
# file to a cache (the code generator is being written).
skip_without_codegen() {
    mkdir -p "$SCRATCH/probe"
    echo 'x = 1' >"$SCRATCH/probe/p.py"
    if "$KRAITC" -q "$SCRATCH/probe/p.py" 2>&1 | grep -q "code generator is not built yet"; then
        echo "skipped: kraitc has no code generator yet"
        exit 0
    fi
    rm -rf "$SCRATCH/probe"
}

# header_u64 FILE OFFSET: the little-endian u64 at OFFSET of a cache header
# (FORMAT.md: 24 mtime, 32 size, 40 source hash, 48 payload size).
header_u64() {
    od -An -t u8 -j "$2" -N 8 "$1" | tr -d ' '
}

# payload FILE: the bytes after the 80-byte header, as hex.
payload() {
    tail -c +81 "$1" | od -An -v -t x1 | tr -d ' \n'
}

# make_tree DIR: a small package tree with a subpackage and a non-Python file.
make_tree() {
    mkdir -p "$1/pkg/sub"
    printf 'import os\n\ndef f(x, *, y=2):\n    return x + y\n' >"$1/pkg/__init__.py"
    printf 'class C:\n    def m(self):\n        return [i * i for i in range(3)]\n' >"$1/pkg/mod.py"
    printf 'try:\n    pass\nexcept Exception as e:\n    print(e)\n' >"$1/pkg/sub/deep.py"
    printf 'not python\n' >"$1/pkg/data.txt"
}
