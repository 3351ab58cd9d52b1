# os: processes and the environment: fork with register_at_fork hooks,
# pipes between parent and child, waitpid and the W* macros,
# waitstatus_to_exitcode, _exit, exec in a child, system, kill; environ
# and environb, putenv/unsetenv, getenv, fsencode/fsdecode; ids and uname.
import os
import sys

events = []
os.register_at_fork(before=lambda: events.append("before1"), after_in_parent=lambda: events.append("parent1"))
os.register_at_fork(before=lambda: events.append("before2"), after_in_parent=lambda: events.append("parent2"),
                    after_in_child=lambda: events.append("child"))
for bad in ({}, {"before": 1}, {"after_in_child": "x"}):
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print("TypeError", e)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("child saw %s" % events).encode())
    os._exit(7)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
got, status = os.waitpid(pid, 0)
print(data.decode())
print("parent events", events)
print("waitpid", got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
got, status = os.waitpid(pid, 0)
print("signaled", os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status),
      os.WIFEXITED(status), os.WCOREDUMP(status))
try:
    os.waitstatus_to_exitcode(0x7f)
except ValueError as e:
    print("ValueError", e)
print(os.WEXITSTATUS(status=3 << 8), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))

pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "exit 5"])
print("exec child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'test "$KRAIT_X" = yes && exit 3; exit 4'], {"KRAIT_X": "yes"})
print("execve child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for args in (("/bin/sh", []), ("/bin/sh", "x"), ("/bin/sh", [""])):
    try:
        os.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execve("/bin/sh", ["sh"], 5)
except TypeError as e:
    print("TypeError", e)
try:
    os.execv("/nonexistent-krait", ["x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)

sys.stdout.flush()
print("system", os.system("exit 3") >> 8, os.waitstatus_to_exitcode(os.system("true")))
os.kill(os.getpid(), 0)
print("pid relations", os.getpid() != os.getppid(), os.getpgrp() == os.getpgid(0),
      os.getsid(0) == os.getsid(os.getpid()))
print("ids", os.getuid() == os.geteuid(), os.getgid() == os.getegid(), isinstance(os.getgroups(), list))
u = os.uname()
print("uname", type(u).__name__, len(u), u.sysname, u[0] == u.sysname, isinstance(u.release, str))
t = os.times()
print("times", type(t).__name__, len(t), t.user >= 0, t[4] == t.elapsed)
print("cpu", os.cpu_count() >= 1, len(os.getloadavg()))

os.environ["KRAIT_OS_TEST"] = "value é"
print("environ", os.environ["KRAIT_OS_TEST"], os.getenv("KRAIT_OS_TEST"),
      os.environb[b"KRAIT_OS_TEST"], os.getenvb(b"KRAIT_OS_TEST"))
print("child sees", os.system('test "$KRAIT_OS_TEST" = "value é"') == 0)
del os.environ["KRAIT_OS_TEST"]
print("deleted", "KRAIT_OS_TEST" in os.environ, os.getenv("KRAIT_OS_TEST", "default"),
      os.system('test -z "$KRAIT_OS_TEST"') == 0)
os.putenv("KRAIT_OS_PUT", "p")
print("putenv", "KRAIT_OS_PUT" in os.environ, os.system('test "$KRAIT_OS_PUT" = p') == 0)
os.unsetenv("KRAIT_OS_PUT")
print("unsetenv", os.system('test -z "$KRAIT_OS_PUT"') == 0)
for f in (lambda: os.putenv("A=B", "x"), lambda: os.putenv("A\0", "x"), lambda: os.putenv(1, "x"),
          lambda: os.putenv("", "x"), lambda: os.environ.__setitem__("K", 1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print("types", type(os.environ).__name__, all(isinstance(k, str) for k in os.environ),
      all(isinstance(k, bytes) for k in os.environb), "PATH" in os.environ)
print(os.fsencode("a\udcffb"), os.fsdecode(b"a\xffb") == "a\udcffb", os.fsencode(b"x"), os.fsdecode("y"))
print(os.name, os.sep, os.linesep == "\n", os.devnull)
