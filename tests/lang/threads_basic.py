# Threads under the GIL: start/join, locks and contention, RLock ownership,
# conditions, semaphores, events, barriers, queues, thread pools,
# thread-local data, exceptions in threads, daemon threads, timers, and a
# busy loop that only ends because the GIL switches threads.
import _thread
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# Start and join, results by index.
results = [None] * 8
def square(i):
    results[i] = i * i
threads = [threading.Thread(target=square, args=(i,), name="sq%d" % i) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, [t.is_alive() for t in threads][:2], threads[3].name)

# A lock keeps a shared counter exact under contention.
counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)

# RLock: re-entrant for its owner, refused to others.
rl = threading.RLock()
with rl:
    with rl:
        print("rlock nested", rl._is_owned())
err = []
def release_foreign():
    try:
        rl.release()
    except RuntimeError as e:
        err.append(str(e))
rl.acquire()
t = threading.Thread(target=release_foreign)
t.start(); t.join()
rl.release()
print(err, rl._is_owned())
def try_acquire():
    err.append(rl.acquire(blocking=False))
rl.acquire()
t = threading.Thread(target=try_acquire); t.start(); t.join()
rl.release()
print(err[-1])

# Condition: a consumer waits for items a producer makes.
cond = threading.Condition()
items = []
got = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            got.append(items.pop(0))
c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
    time.sleep(0.001)
c.join()
print("condition", got)
with cond:
    print("wait timeout", cond.wait(0.01))

# Semaphores, events, barriers.
sem = threading.BoundedSemaphore(2)
inside = []
peak = [0]
def limited(i):
    with sem:
        inside.append(i)
        peak[0] = max(peak[0], len(inside))
        time.sleep(0.005)
        inside.remove(i)
ts = [threading.Thread(target=limited, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak <= 2:", peak[0] <= 2)
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
ev = threading.Event()
seen = []
def waiter():
    seen.append(ev.wait(5))
w = threading.Thread(target=waiter)
w.start()
time.sleep(0.01)
ev.set()
w.join()
print("event", seen, ev.is_set(), threading.Event().wait(0.01))
barrier = threading.Barrier(3)
order = []
def at_barrier(i):
    order.append(("before", i))
    barrier.wait()
    order.append(("after", i))
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("barrier", [o[0] for o in order])

# Queues between threads.
q = queue.Queue(maxsize=2)
out = []
def producer():
    for i in range(6):
        q.put(i)
    q.put(None)
p = threading.Thread(target=producer)
p.start()
while (x := q.get()) is not None:
    out.append(x)
p.join()
print("queue", out)
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("queue.Empty after timeout")

# Thread pools.
with ThreadPoolExecutor(max_workers=3) as ex:
    print("map", list(ex.map(lambda x: x * 10, range(6))))
    futs = [ex.submit(pow, 2, i) for i in range(5)]
    print("submit", sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("future raised", e)

# Thread-local data.
local = threading.local()
local.name = "main"
names = []
def set_local(n):
    local.name = n
    time.sleep(0.002)
    names.append(local.name)
ts = [threading.Thread(target=set_local, args=("t%d" % i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("local", sorted(names), local.name)

# An exception in a thread goes to threading.excepthook.
def hook(args):
    print("excepthook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="Divider")
t.start()
t.join()
threading.excepthook = threading.__excepthook__

# Idents, names, counts.
idents = set()
def record():
    idents.add(threading.get_ident())
    idents.add(threading.current_thread().ident)
ts = [threading.Thread(target=record) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("idents", 1 <= len(idents) <= 3, threading.get_ident() not in idents)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print("active", threading.active_count(), len(threading.enumerate()))

# _thread directly, and its argument checks.
done = _thread.allocate_lock()
done.acquire()
box = []
_thread.start_new_thread(lambda a, b=0: (box.append(a + b), done.release()), (1,), {"b": 2})
done.acquire()
print("_thread", box)
for bad_args in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad_args)
    except TypeError as e:
        print("TypeError", e)

# A busy loop in one thread ends only because the GIL switches to the other.
flag = []
def spinner():
    n = 0
    while not flag:
        n += 1
    flag.append(n > 0)
s = threading.Thread(target=spinner)
s.start()
time.sleep(0.02)
flag.append(True)
s.join(10)
print("switched", flag[-1], s.is_alive())

# The switch interval.
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
sys.setswitchinterval(0.005)

# fork() while another thread runs: the child has one thread, and can start more.
import os
bg = threading.Thread(target=time.sleep, args=(0.05,))
bg.start()
pid = os.fork()
if pid == 0:
    t = threading.Thread(target=lambda: print("child thread ran", flush=True))
    t.start()
    t.join()
    print("child active", threading.active_count(), flush=True)
    os._exit(0)
print("child status", os.waitpid(pid, 0)[1])
bg.join()

# Timers and daemon threads.
fired = []
tm = threading.Timer(0.01, fired.append, args=("timer",))
tm.start()
tm.join()
cancelled = threading.Timer(10, fired.append, args=("never",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)
d = threading.Thread(target=time.sleep, args=(60,), daemon=True)
d.start()
print("daemon", d.daemon, d.is_alive())
late = threading.Thread(target=lambda: (time.sleep(0.02), print("non-daemon finished")))
late.start()
print("main done")
