import threading, queue
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
lock = threading.Lock(); rl = threading.RLock()
with lock:
    print(lock.locked())
with rl:
    with rl:
        print("reentrant ok")
ev = threading.Event(); ev.set(); print(ev.is_set(), ev.wait(0))
cond = threading.Condition()
with cond:
    print(cond.wait(0))
q = queue.Queue()
for i in range(3): q.put(i)
print([q.get() for _ in range(3)], q.empty())
sem = threading.BoundedSemaphore(2); sem.acquire(); sem.release()
try: sem.release()
except ValueError as e: print("ValueError", e)
local = threading.local(); local.x = 5; print(local.x)
print(threading.get_ident() == threading.current_thread().ident, isinstance(threading.TIMEOUT_MAX, float))
t = threading.Timer(10, print)
print(t.daemon, t.is_alive())
