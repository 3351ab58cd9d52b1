# multiprocessing unchanged from CPython's library over krait's _multiprocessing
# (SemLock on POSIX named semaphores) and _posixshmem: pools, processes, queues,
# pipes, locks and semaphores across processes, managers, the spawn context.
import multiprocessing as mp
import os, sys, time
import _multiprocessing

def sq(x):
    return x * x

def fail(x):
    raise ValueError("bad %d" % x)

def worker(q, lock, n):
    with lock:
        q.put(("worker", n))

def child_exit(code):
    sys.exit(code)

def pinger(conn):
    while (m := conn.recv()) is not None:
        conn.send(m * 2)
    conn.close()

def waiter(ev, sem, out):
    ev.wait(5)
    with sem:
        out.put("passed")

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(8)))
        print(sorted(pool.imap_unordered(sq, range(5))))
        r = pool.apply_async(sq, (7,))
        print(r.get(10))
        e = pool.apply_async(fail, (3,))
        try:
            e.get(10)
        except ValueError as exc:
            print("ValueError", exc)
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
    q = mp.Queue()
    lock = mp.Lock()
    ps = [mp.Process(target=worker, args=(q, lock, i)) for i in range(3)]
    for p in ps:
        p.start()
    got = sorted(q.get(timeout=10) for _ in ps)
    for p in ps:
        p.join()
    print(got, [p.exitcode for p in ps])
    for code in (0, 3):
        p = mp.Process(target=child_exit, args=(code,))
        p.start()
        p.join()
        print("exitcode", p.exitcode)
    a, b = mp.Pipe()
    p = mp.Process(target=pinger, args=(b,))
    p.start()
    for m in (1, 5, "ab"):
        a.send(m)
        print("pipe", a.recv())
    a.send(None)
    p.join()
    ev, sem, out = mp.Event(), mp.Semaphore(1), mp.Queue()
    p = mp.Process(target=waiter, args=(ev, sem, out))
    p.start()
    ev.set()
    print(out.get(timeout=10))
    p.join()
    rl = mp.RLock()
    with rl:
        with rl:
            print("rlock", rl)
    s = mp.BoundedSemaphore(1)
    s.acquire()
    s.release()
    try:
        s.release()
    except ValueError as exc:
        print("ValueError", exc)
    print(mp.Lock().acquire(timeout=0.01), mp.current_process().name, mp.cpu_count() >= 1)
    l = mp.Lock()
    l.acquire()
    print("held", l.acquire(timeout=0.05), l.acquire(False))

def add(d, k):
    d[k] = k * 10

if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        ps = [mp.Process(target=add, args=(d, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print("manager dict", sorted(d.items()))
        lst = m.list([1, 2])
        lst.append(3)
        print("manager list", list(lst))
    with mp.get_context("spawn").Pool(1) as p:
        print("spawn", p.map(abs, [-1, -2]))
    print(_multiprocessing.flags, _multiprocessing.SemLock.SEM_VALUE_MAX > 0)
    try:
        _multiprocessing.SemLock(7, 1, 1, "/krait-bad-kind", True)
    except ValueError as e:
        print("ValueError", e)
