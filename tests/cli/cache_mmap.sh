#!/usr/bin/env bash
# tests/cli/cache_mmap.sh: the runtime maps caches read-only and uses them in
# place (DESIGN.md): while a program waits, /proc/PID/maps shows the caches
# of its main script and of an imported module, and a sourceless .pyc; a
# cache replaced by rename while a process has it mapped leaves that process
# running the code it loaded (the old inode), a function first called after
# the replacement included; a module of a zlib-compressed bundle (inflated
# once) and constants made on a function's first call, after the import,
# print what python3.11 prints; a checksum-valid cache broken in its
# section directory is compiled again, one broken in a function's names
# raises ImportError (naming the file) at that function's first call.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

# start_waiting DIR OUT ARGS...: starts `krait ARGS` in DIR, its output to
# OUT and its stdin a fifo held open on fd 3, and waits (bounded) until it
# has printed "ready"; its pid is PID. `finish OUT` lets it go on and waits.
start_waiting() {
    local dir=$1 out=$2
    shift 2
    rm -f "$SCRATCH/in.fifo"
    mkfifo "$SCRATCH/in.fifo"
    (cd "$dir" && exec "$KRAIT" "$@" <"$SCRATCH/in.fifo" >"$out" 2>&1) &
    PID=$!
    exec 3>"$SCRATCH/in.fifo"
    for _ in $(seq 300); do
        grep -q ready "$out" 2>/dev/null && break
        sleep 0.05
    done
    grep -q ready "$out" || fail "krait $* did not start: $(cat "$out")"
}
finish() {
    echo >&3
    exec 3>&-
    wait "$PID" || fail "krait failed: $(cat "$1")"
}
# is_mapped SUFFIX: a mapping of process PID is a file whose path ends so.
is_mapped() {
    grep -q -- "$1\$" "/proc/$PID/maps"
}

mkdir -p p q s b
printf '%s\n' 'VALUE = "old"' '' 'def later():' \
    '    return ("later", VALUE, 2 ** 70, (1.5, b"x\x00y"), frozenset({3}))' >p/m.py
printf '%s\n' 'import sys' 'import m' 'print("ready", m.VALUE)' 'sys.stdout.flush()' \
    'input()' 'print(m.later())' >p/main.py
"$KRAITC" -q p || fail "kraitc p failed"
later=$(cd p && /usr/bin/python3.11 -c 'import m; print(m.later())')

start_waiting p "$SCRATCH/out.txt" main.py
is_mapped "/p/__pycache__/m.krait-1.pyc" || fail "m's cache is not mapped"
is_mapped "/p/__pycache__/main.krait-1.pyc" || fail "main's cache is not mapped"
# Replace m's cache by rename while the process has it mapped.
sed -e 's/"old"/"new"/' -e 's/("later"/("LATER"/' p/m.py >q/m.py
"$KRAITC" -q q/m.py || fail "kraitc q/m.py failed"
cp q/__pycache__/m.krait-1.pyc p/__pycache__/m.new.tmp
mv p/__pycache__/m.new.tmp p/__pycache__/m.krait-1.pyc
finish "$SCRATCH/out.txt"
[ "$(cat out.txt)" = "ready old
$later" ] || fail "after the replacement the running process printed $(cat out.txt)"
# A new process reads the new cache: its stamp is q/m.py's, so m.py is
# hashed, differs, and is compiled again.
out=$(cd p && "$KRAIT" -c 'import m; print(m.VALUE, m.later()[1])' 2>&1)
[ "$out" = "old old" ] || fail "a new process printed '$out'"

# A sourceless .pyc is mapped too (after its verification).
printf '%s\n' 'import sys' 'def f():' '    return "sourceless", (1, (2, 3))' 'print("ready")' \
    'sys.stdout.flush()' 'input()' 'print(f())' >s/lone.py
"$KRAITC" -q -b s/lone.py || fail "kraitc -b failed"
rm s/lone.py
start_waiting s "$SCRATCH/out.txt" -c 'import lone'
is_mapped "/s/lone.pyc" || fail "lone.pyc is not mapped"
finish "$SCRATCH/out.txt"
[ "$(cat out.txt)" = "ready
('sourceless', (1, (2, 3)))" ] || fail "sourceless printed $(cat out.txt)"

# A module of a zlib-compressed bundle: inflated once, then used in place.
printf '%s\n' 'import util' 'print(util.twice(21), util.TABLE, util.twice.__code__.co_consts)' \
    >b/__main__.py
printf '%s\n' 'TABLE = (1, "one", 1.0)' '' 'def twice(x):' '    "doc"' \
    '    return x * 2, -7, "k"' >b/util.py
"$KRAITC" --bundle z.kbz -z -q b || fail "kraitc --bundle -z failed"
out=$("$KRAIT" z.kbz 2>&1)
exp=$(cd b && /usr/bin/python3.11 __main__.py)
[ "$out" = "$exp" ] || fail "compressed bundle printed '$out', python3.11 '$exp'"
# A cache whose checksums match but whose section directory is broken (only
# a crafted file can be) is compiled again; one broken in a record that only
# a function's first run reads imports, and that first call raises an
# ImportError naming the file (FORMAT.md, "Using a file in place").
PATCH="$BUILD/tests/patch_cache"
[ -x "$PATCH" ] || fail "no patch_cache helper (make builds it)"
mkdir -p c
printf '%s\n' 'VALUE = 5' '' 'def later():' '    return VALUE + 1' >c/m2.py
"$KRAITC" -q c/m2.py || fail "kraitc c/m2.py failed"
cache=c/__pycache__/m2.krait-1.pyc
"$PATCH" --poke "$cache" 0=255 || fail "poke failed"
out=$(cd c && "$KRAIT" -c 'import m2; print(m2.later())' 2>&1)
[ "$out" = "6" ] || fail "a cache with a broken directory: '$out'"
"$BUILD/bin/kdump" "$cache" >/dev/null 2>&1 || fail "the cache was not written again"
read -r off size < <("$BUILD/bin/kdump" "$cache" | awk '$1 == "NAMEREFS" { print $7, $9 }')
[ -n "$off" ] || fail "no NAMEREFS section in kdump's report"
last=$((off + size - 4))
"$PATCH" --poke "$cache" "$last=255" "$((last + 1))=255" "$((last + 2))=255" \
    "$((last + 3))=255" || fail "poke failed"
out=$(cd c && "$KRAIT" -c '
import m2
print("imported", m2.VALUE)
try:
    m2.later()
except ImportError as e:
    print("ImportError", "m2.krait-1.pyc" in str(e), "string index out of range" in str(e))' 2>&1)
[ "$out" = "imported 5
ImportError True True" ] || fail "a cache broken in a function's names: '$out'"
exit 0
