#!/usr/bin/env bash
# tests/cli/cache_json.sh: `kraitc --json` prints one JSON document on stdout
# (python3.11's json module reads it): each file compiled, skipped (valid
# cache) or failed with the error's type, file, line and message (checked
# against python3.11's own SyntaxError), totals and ok; the exit status stays
# compileall's. The progress bar appears on stderr only when it
# is a terminal and -q is not given.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
PY=/usr/bin/python3.11

mkdir -p t/pkg t/empty
printf 'x = 1\n' >t/a.py
printf 'import os\n\ndef f(:\n    pass\n' >t/pkg/bad.py
printf 'y = "\xc3\xbc"\n' >t/pkg/ok.py
printf 'z = 3\n' >t/pkg/café.py

"$KRAITC" --json -j 2 t >first.json 2>first.err
status=$?
[ $status -eq 1 ] || fail "first run: exit status $status, expected 1"
[ -s first.err ] && fail "first run wrote to stderr: $(cat first.err)"
"$KRAITC" --json t >second.json 2>/dev/null
status=$?
[ $status -eq 1 ] || fail "second run: exit status $status, expected 1"
mv t/pkg/bad.py bad.src
"$KRAITC" -q --json t >third.json 2>/dev/null || fail "third run: exit status $?"

out=$("$PY" - <<'EOF' 2>&1
import json, os
def load(name):
    with open(name, encoding="utf-8") as f:
        return json.load(f)
first, second, third = load("first.json"), load("second.json"), load("third.json")
bad = "t/pkg/bad.py"
cafe = "t/pkg/caf\u00e9.py"
def status(doc):
    return {f["path"]: f["status"] for f in doc["files"]}
assert status(first) == {"t/a.py": "compiled", bad: "failed", cafe: "compiled",
                         "t/pkg/ok.py": "compiled"}, status(first)
assert first["totals"] == {"files": 4, "compiled": 3, "skipped": 0, "failed": 1}, first["totals"]
assert first["ok"] is False and first["errors"] == [], first
err = [f for f in first["files"] if f["path"] == bad][0]["error"]
try:
    compile(open("bad.src").read(), bad, "exec")
except SyntaxError as e:
    want = {"type": "SyntaxError", "file": bad, "line": e.lineno, "message": e.msg}
assert err == want, (err, want)
assert status(second) == {"t/a.py": "skipped", bad: "failed", cafe: "skipped",
                          "t/pkg/ok.py": "skipped"}, status(second)
assert second["totals"] == {"files": 4, "compiled": 0, "skipped": 3, "failed": 1}
assert third["ok"] is True and third["totals"]["failed"] == 0 and third["totals"]["files"] == 3
print("ok")
EOF
)
[ "$out" = ok ] || fail "JSON report: $out"

# A directory that cannot be listed is an entry of "errors", not a failure.
if [ "$(id -u)" != 0 ]; then
    mkdir -p u/locked && chmod 000 u/locked && printf 'x = 1\n' >u/m.py
    "$KRAITC" --json u >u.json || fail "unlistable directory: exit status $?"
    chmod 755 u/locked
    out=$("$PY" -c 'import json; d = json.load(open("u.json")); print(d["errors"], d["ok"])')
    [ "$out" = "[\"Can't list 'u/locked'\"] True" ] || fail "unlistable directory: $out"
fi

# The progress bar: never on a file or a pipe; on a terminal unless -q.
rm -rf t/pkg/__pycache__ t/__pycache__
"$KRAITC" -f t >/dev/null 2>bar.err
[ -s bar.err ] && fail "progress bar written to a file: $(cat bar.err)"
tty_stderr() {
    "$PY" - "$@" <<'EOF'
import os, pty, subprocess, sys
master, slave = os.openpty()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
sys.stdout.write(repr(data))
EOF
}
out=$(tty_stderr "$KRAITC" -f t)
case "$out" in
*"kraitc ["*"] 3/3 files"*) ;;
*) fail "no progress bar on a terminal: $out" ;;
esac
out=$(tty_stderr "$KRAITC" -q -f t)
[ "$out" = "b''" ] || fail "progress bar with -q: $out"
exit 0
