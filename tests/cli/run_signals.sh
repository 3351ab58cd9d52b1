#!/usr/bin/env bash
# tests/cli/run_signals.sh: signals as CPython 3.11 handles them, compared
# with python3.11 in the same run: SIGINT raises KeyboardInterrupt (in a
# loop, in time.sleep, in a read), an uncaught one prints its traceback and
# ends the process by SIGINT (status 130 in a shell); SIGINT ignored at start
# stays ignored; SIGPIPE is ignored, so writing to a closed pipe raises
# BrokenPipeError; what the program printed is flushed before a traceback.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1

# Runs "$@" under krait and python3.11; both status and output must agree.
same() {
    local name=$1 out exp st1 st2
    shift
    out=$("$KRAIT" "$@" 2>&1)
    st1=$?
    exp=$(/usr/bin/python3.11 "$@" 2>&1)
    st2=$?
    [ "$st1" = "$st2" ] || fail "$name: exit status $st1, python3.11 $st2 ($out)"
    [ "$out" = "$exp" ] || fail "$name: printed '$out', python3.11 '$exp'"
}

cat >loop.py <<'PY'
import os, signal
print("start")
os.kill(os.getpid(), signal.SIGINT)
print("not reached")
PY
same "uncaught KeyboardInterrupt" loop.py

cat >caught.py <<'PY'
import os, signal, time
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def interrupt_soon():
    signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.signal(signal.SIGALRM, lambda *a: os.kill(os.getpid(), signal.SIGINT))
for what in ["sleep", "read", "loop"]:
    r, w = os.pipe()
    interrupt_soon()
    try:
        if what == "sleep":
            time.sleep(10)
        elif what == "read":
            os.read(r, 1)
        else:
            while True:
                pass
    except KeyboardInterrupt:
        print("KeyboardInterrupt in", what)
    os.close(r)
    os.close(w)
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as e:
    print("BrokenPipeError", e.errno, signal.getsignal(signal.SIGPIPE))
print(1 / 0)
PY
same "KeyboardInterrupt caught" caught.py

out=$(trap '' INT; "$KRAIT" -c 'import os, signal, time
print(signal.getsignal(signal.SIGINT))
os.kill(os.getpid(), signal.SIGINT)
print("still here")' 2>&1)
[ "$out" = $'1\nstill here' ] || fail "SIGINT ignored at start: printed '$out'"

# A shell sees the interrupt: the status of a process killed by SIGINT.
"$KRAIT" loop.py >/dev/null 2>&1
[ $? -eq 130 ] || fail "uncaught KeyboardInterrupt: status $?, not 130"
exit 0
