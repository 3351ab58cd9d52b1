#!/usr/bin/env bash
# tests/cli/compile_regex.sh: kraitc -x takes compileall's Python regular
# expressions (loader/pyregex.c): for each pattern, the files kraitc skips
# are those python3.11 -m compileall -x skips on an identical tree; patterns
# POSIX cannot say, and invalid ones, are refused (exit 2, the reason named).
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
PY=/usr/bin/python3.11

tree() {
    mkdir -p "$1/t/sub" "$1/t/Tests"
    for f in mod1 mod22 a_test ab bb TEST_x xx xxy weird_ab_c x-y 'br]ack' A_up tab_b \
        sub/deep sub/mod3 Tests/unit_test; do
        printf 'v = 1\n' >"$1/t/$f.py"
    done
}
tree k
tree p

# compiled ROOT SUFFIX: the sources under ROOT/t with a cache, one a line.
compiled() {
    (cd "$1" && find t -name "*$2" | sed -e 's|__pycache__/||' -e "s|$2\$|.py|" | sort)
}

n=0
while IFS= read -r pat; do
    n=$((n + 1))
    find k p -name __pycache__ -exec rm -rf {} +
    (cd k && "$KRAITC" -q -x "$pat" t >/dev/null 2>&1) || fail "-x '$pat': kraitc failed"
    (cd p && "$PY" -m compileall -q -x "$pat" t >/dev/null 2>&1)
    got=$(compiled k .krait-1.pyc)
    want=$(compiled p .cpython-311.pyc)
    [ "$got" = "$want" ] || fail "-x '$pat': kraitc compiled
$got
where compileall compiled
$want"
done <<'EOF'
\d
mod\d+\.py$
[\w]+_test
(?:a|b)\.py$
(?i)readme|test
x{2,}
x{,1}y\.py
{weird}|weird_{1}ab
a.*?b
\At/sub
\.py\Z
[^a-m]\.py$
[.]x
sub/
[-_]y
[\]]
(?P<n>ab)\.py
(?#a comment)mod
\bmod
\x41_
\s
[\d]{2}
(a|b)b\.py
t/[A-Z]
\\
\D\d\.py
[a-c\-]_
\W\w\.py
tab\tb|tab_b
EOF
[ $n -ge 25 ] || fail "only $n patterns read"

# Refused: exit 2, the pattern and the reason named, nothing compiled.
while IFS='|' read -r pat reason; do
    out=$(cd k && "$KRAITC" -q -x "$pat" t 2>&1)
    status=$?
    [ $status -eq 2 ] || fail "-x '$pat': exit status $status, expected 2"
    case "$out" in
    *"kraitc: error: bad regular expression '$pat': $reason"*) ;;
    *) fail "-x '$pat': $out" ;;
    esac
done <<'EOF'
(?=a)b|look-around assertions are not supported
(|missing ), unterminated subpattern
*a|nothing to repeat at position 0
\q|bad escape \q at position 0
a**|multiple repeat at position 2
a)|unbalanced parenthesis at position 1
[ab|unterminated character set at position 0
(?x)a b|verbose patterns (?x) are not supported
EOF
exit 0
