# subprocess over krait's _posixsubprocess.fork_exec and select: running,
# pipes, shells, environments, working directories, timeouts, failures to
# start (reported through the child's error pipe), preexec_fn, pass_fds,
# sessions, umask; selectors over epoll and poll.
import os
import selectors
import signal
import subprocess

print(subprocess.run(["echo", "hello"], capture_output=True))
r = subprocess.run("echo out; echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
big = subprocess.check_output(["cat"], input=b"0123456789" * 50000)
print(len(big), big[:12], big == b"0123456789" * 50000)
print(subprocess.run(["sh", "-c", "cat; echo done >&2"], input="text in\n", text=True,
                     capture_output=True))

for args, kw in [(["/nonexistent/prog"], {}), (["nonexistent-prog-krait"], {}),
                 (["ls"], {"cwd": "/nonexistent-dir-krait"}),
                 (["/etc/passwd"], {}), (["/tmp"], {})]:
    try:
        subprocess.run(args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
try:
    subprocess.check_output(["sh", "-c", "echo partial; kill -TERM $$"])
except subprocess.CalledProcessError as e:
    print(e, e.output)

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; exit 4"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
out, err = p.communicate(b"abc\n", timeout=10)
print(out, err, p.returncode, p.poll(), p.wait())
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write("line 1\nline 2\n")
    p.stdin.close()
    print(p.stdout.readlines())
print(p.returncode)

env = {"KRAIT_VAR": "value", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
print(subprocess.run(["sh", "-c", "echo $KRAIT_VAR; env | grep -c KRAIT_"], env=env,
                     capture_output=True).stdout)
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, round(e.timeout, 1))
print(subprocess.getoutput("echo hi; exit 2"), subprocess.getstatusoutput("exit 2"))
print(subprocess.call(["sh", "-c", "exit 7"]))

def pre():
    os.environ["SET_IN_CHILD"] = "1"
print(subprocess.run(["sh", "-c", "echo ${SET_IN_CHILD:-unset}"], preexec_fn=pre,
                     capture_output=True).stdout, os.environ.get("SET_IN_CHILD"))
def bad():
    raise ValueError("no")
try:
    subprocess.run(["true"], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

r, w = os.pipe()
print(subprocess.run(["sh", "-c", f"echo kept >&{w}"], pass_fds=[w]).returncode, os.read(r, 10))
print(subprocess.run(["sh", "-c", f"echo closed >&{w}"], stderr=subprocess.DEVNULL).returncode)
os.close(r)
os.close(w)
print(subprocess.run(["sh", "-c", "[ $(ps -o sid= -p $$) = $$ ] && echo leader"],
                     start_new_session=True, capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "umask"], umask=0o27, capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "echo e >&2"], stderr=subprocess.STDOUT,
                     stdout=subprocess.PIPE).stdout)
print(subprocess.run(["sh", "-c", "trap - PIPE; yes | head -1"], capture_output=True))
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGTERM)
print(p.wait(), p.returncode)

# selectors: the default one is epoll-based; poll and select work too.
for cls in [selectors.DefaultSelector, selectors.EpollSelector, selectors.PollSelector,
            selectors.SelectSelector]:
    r, w = os.pipe()
    with cls() as sel:
        sel.register(r, selectors.EVENT_READ, "reader")
        sel.register(w, selectors.EVENT_WRITE, "writer")
        first = sorted((key.data, ev) for key, ev in sel.select(timeout=1))
        os.write(w, b"x")
        second = sorted((key.data, ev) for key, ev in sel.select(timeout=1))
        sel.unregister(w)
        third = [(key.data, ev) for key, ev in sel.select(timeout=0)]
        print(cls.__name__, first, second, third, len(sel.get_map()))
    os.close(r)
    os.close(w)
