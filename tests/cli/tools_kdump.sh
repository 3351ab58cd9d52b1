#!/usr/bin/env bash
# tests/cli/tools_kdump.sh: kdump prints a cache file's header fields (the
# values FORMAT.md puts at their offsets), its eight sections and checksums,
# and its state against its source as the loader judges it: valid,
# stale-mtime after a touch, stale-hash after an edit (in each invalidation
# mode), corrupt with the reason; for a bundle or an executable, the header,
# checksums and every entry with its member's state, compared with a source
# tree on request. Exit status 0 only when everything is valid.
source tests/cli/lib/common.bash
skip_without_codegen
KDUMP="$BUILD/bin/kdump"
cd "$SCRATCH" || exit 1

# field OUTPUT NAME: the value kdump printed for NAME.
field() {
    printf '%s\n' "$1" | sed -n "s/^  $2   *//p" | head -n 1
}

mkdir -p t/pkg
printf 'def f(x):\n    return [x, "s", 1.5]\n' >t/pkg/mod.py
printf '' >t/pkg/__init__.py
"$KRAITC" -q t || fail "kraitc t failed"
cache=t/pkg/__pycache__/mod.krait-1.pyc
out=$("$KDUMP" "$cache") || fail "kdump of a fresh cache: exit status $? ($out)"
[ "$(field "$out" version)" = 1.0 ] || fail "version: '$(field "$out" version)'"
[ "$(field "$out" flags)" = "timestamp, optimize 0" ] || fail "flags: '$(field "$out" flags)'"
[ "$(field "$out" "source size")" = "$(header_u64 "$cache" 32)" ] || fail "source size differs"
[ "$(field "$out" "source hash")" = "$(printf '0x%016x' "$(header_u64 "$cache" 40)")" ] ||
    fail "source hash: '$(field "$out" "source hash")'"
[ "$(field "$out" payload)" = "$(header_u64 "$cache" 48) bytes stored, $(header_u64 "$cache" 56) raw" ] ||
    fail "payload: '$(field "$out" payload)'"
[ "$(field "$out" sections)" = 8 ] || fail "sections: '$(field "$out" sections)'"
for s in STRINGS CONSTS CODES INSTRS NAMEREFS KINDS LINES EXCEPTS; do
    printf '%s\n' "$out" | grep -q "^    $s " || fail "section $s not listed"
done
[ "$(field "$out" source)" = "t/pkg/mod.py (size $(stat -c %s t/pkg/mod.py), hash $(field "$out" "source hash"))" ] ||
    fail "source: '$(field "$out" source)'"
[ "$(field "$out" state)" = valid ] || fail "fresh cache: '$(field "$out" state)'"
case "$(field "$out" contents)" in "2 code objects, "*"module t/pkg/mod.py") ;;
*) fail "contents: '$(field "$out" contents)'" ;; esac

touch -d '2002-02-02' t/pkg/mod.py
out=$("$KDUMP" "$cache")
[ $? -eq 1 ] || fail "touched source: exit status not 1"
case "$(field "$out" state)" in "stale-mtime "*) ;; *) fail "touched: '$(field "$out" state)'" ;; esac
printf 'def f(x):\n    return [x, "t", 1.5]\n' >t/pkg/mod.py
out=$("$KDUMP" "$cache")
[ $? -eq 1 ] || fail "edited source: exit status not 1"
case "$(field "$out" state)" in "stale-hash "*) ;; *) fail "edited: '$(field "$out" state)'" ;; esac
out=$("$KDUMP" --source t/pkg/__init__.py "$cache")
case "$(field "$out" source)" in "t/pkg/__init__.py "*) ;; *) fail "--source ignored" ;; esac

# Hash modes; the legacy layout; a sourceless file.
"$KRAITC" -q -f --invalidation-mode checked-hash t/pkg/mod.py || fail "checked-hash failed"
touch -d '2001-01-01' t/pkg/mod.py
out=$("$KDUMP" "$cache") || fail "checked-hash after a touch: exit status $?"
[ "$(field "$out" flags)" = "checked-hash, optimize 0" ] || fail "flags: '$(field "$out" flags)'"
[ "$(field "$out" state)" = valid ] || fail "checked-hash touched: '$(field "$out" state)'"
"$KRAITC" -q -f --invalidation-mode unchecked-hash t/pkg/mod.py || fail "unchecked-hash failed"
printf '# edited\n' >>t/pkg/mod.py
out=$("$KDUMP" "$cache")
case "$(field "$out" state)" in "stale-hash "*"unchecked-hash"*) ;; *) fail "unchecked: '$(field "$out" state)'" ;; esac
"$KRAITC" -q -b t/pkg/mod.py || fail "kraitc -b failed"
out=$("$KDUMP" t/pkg/mod.pyc) || fail "legacy .pyc: exit status $?"
case "$(field "$out" source)" in "t/pkg/mod.py "*) ;; *) fail "legacy source: '$(field "$out" source)'" ;; esac
rm t/pkg/mod.py
out=$("$KDUMP" t/pkg/mod.pyc) || fail "no source: exit status $?"
[ "$(field "$out" state)" = "no source to compare with" ] || fail "no source: '$(field "$out" state)'"

# Corrupt files.
head -c 100 "$cache" >cut.pyc
out=$("$KDUMP" cut.pyc)
[ $? -eq 1 ] || fail "truncated: exit status not 1"
[ "$(field "$out" state)" = "corrupt: truncated cache file (payload shorter than the header says)" ] ||
    fail "truncated: '$(field "$out" state)'"
cp "$cache" flip.pyc
printf '\x55' | dd of=flip.pyc bs=1 seek=100 conv=notrunc 2>/dev/null
out=$("$KDUMP" flip.pyc)
[ "$(field "$out" state)" = "corrupt: cache file checksum mismatch (corrupted file) (payload checksum)" ] ||
    fail "flipped: '$(field "$out" state)'"
printf 'garbage' >g.pyc
out=$("$KDUMP" g.pyc)
[ $? -eq 1 ] || fail "garbage: exit status not 1"
case "$(field "$out" state)" in "corrupt: not a krait cache file"*) ;; *) fail "garbage: '$out'" ;; esac

# Bundles and executables.
mkdir -p b/app/ns
printf 'import app\n' >b/__main__.py
printf 'A = 1\n' >b/app/__init__.py
printf 'B = 2\n' >b/app/ns/leaf.py
"$KRAITC" --bundle b.kbz b || fail "kraitc --bundle failed"
out=$("$KDUMP" b.kbz) || fail "kdump b.kbz: exit status $? ($out)"
[ "$(field "$out" entries)" = 4 ] || fail "entries: '$(field "$out" entries)'"
[ "$(field "$out" main)" = "__main__ (entry 0)" ] || fail "main: '$(field "$out" main)'"
[ "$(field "$out" "contents checksum" | sed 's/.* //')" = "(ok)" ] || fail "contents checksum not ok"
printf '%s\n' "$out" | grep -q "^  app.ns  *namespace  *0  *0  -$" || fail "namespace entry: $out"
printf '%s\n' "$out" | grep -q "^  app.ns.leaf  *module  *[0-9]*  *[0-9]*  ok$" || fail "leaf entry: $out"
out=$("$KDUMP" --source b b.kbz) || fail "kdump --source b: exit status $?"
[ "$(printf '%s\n' "$out" | grep -c ' valid$')" = 3 ] || fail "--source: not 3 valid members: $out"
printf 'B = 3\n' >b/app/ns/leaf.py
out=$("$KDUMP" --source b b.kbz)
[ $? -eq 1 ] || fail "a changed source: exit status not 1"
printf '%s\n' "$out" | grep -q "app.ns.leaf .*stale-hash (b/app/ns/leaf.py changed)" ||
    fail "a changed source: $out"
size=$(stat -c %s b.kbz)
cp b.kbz f.kbz
printf '\x55' | dd of=f.kbz bs=1 seek=$((size - 10)) conv=notrunc 2>/dev/null
out=$("$KDUMP" f.kbz)
[ $? -eq 1 ] || fail "flipped member: exit status not 1"
[ "$(field "$out" "contents checksum" | sed 's/.* //')" = "(MISMATCH)" ] || fail "contents checksum: $out"
printf '%s\n' "$out" | grep -q "corrupt: cache file checksum mismatch" || fail "flipped member: $out"
head -c 70 b.kbz >c.kbz
out=$("$KDUMP" c.kbz)
[ $? -eq 1 ] || fail "truncated bundle: exit status not 1"
[ "$out" = "c.kbz: corrupt: bad bundle 'c.kbz': truncated bundle (bundle shorter than its header says)" ] ||
    fail "truncated bundle: '$out'"
"$KRAITC" --exe exe b || fail "kraitc --exe failed"
out=$("$KDUMP" exe) || fail "kdump exe: exit status $?"
case "$(printf '%s\n' "$out" | head -n 1)" in "exe: executable, $(stat -c %s exe) bytes; bundle at offset "*) ;;
*) fail "executable: $(printf '%s\n' "$out" | head -n 1)" ;; esac
"$KDUMP" >/dev/null 2>&1
[ $? -eq 2 ] || fail "no arguments: exit status not 2"
exit 0
