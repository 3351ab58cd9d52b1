# The select module: select() over pipes (readiness, order and duplicates
# of the returned objects, fileno() objects, timeouts, argument errors),
# poll objects (register/modify/unregister, masks, errors) and epoll objects
# (the same, plus close/closed/fileno/fromfd/context manager).
import errno
import os
import select
import time

r, w = os.pipe()

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
    def __repr__(self):
        return "F(%s)" % ("r" if self.fd == r else "w")

def show(triple):
    return tuple([("r" if x == r else "w" if x == w else x) for x in part] for part in triple)

print(show(select.select([r], [w], [], 0)))
print(select.select([F(r)], [F(w), w, F(w)], [r], 0.0))
os.write(w, b"data")
print(show(select.select([r, r], [], [], None)))
print(show(select.select((r,), iter([w]), [], 1)))
print(select.select([], [], [], 0.01))
t = time.monotonic()
select.select([r if False else os.pipe()[0]], [], [], 0.05)
print("waited", time.monotonic() - t >= 0.04)
for args in [(1, [], []), ([], [], [], "x"), ([], [], [], -1), ([-1], [], []),
             ([F("x")], [], []), ([object()], [], []), ([], []), ([r], [], [], float("nan")),
             ([5000], [], [], 0)]:
    try:
        select.select(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(select.error is OSError, select.PIPE_BUF, select.POLLIN, select.POLLOUT,
      select.POLLPRI, select.POLLHUP, select.POLLNVAL, select.EPOLLIN, select.EPOLLET)

p = select.poll()
print(type(p).__name__, p.poll(0))
p.register(r, select.POLLIN)
p.register(F(w))
print(sorted((fd == r, ev) for fd, ev in p.poll(0)))
p.modify(w, select.POLLIN)
print([(fd == r, ev) for fd, ev in p.poll()])
p.register(r, select.POLLOUT)
print(p.poll(0))
p.unregister(w)
for call in [lambda: p.unregister(w), lambda: p.modify(w, 1), lambda: p.poll("x"),
             lambda: p.register(r, -1), lambda: p.register(r, 1 << 20), lambda: p.register("x"),
             lambda: p.poll(1, 2)]:
    try:
        call()
    except (KeyError, OSError, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, "w" if e.args == (w,) else e)
os.read(r, 100)
p.modify(r, select.POLLIN)
print(p.poll(1.5))
os.close(w)
print([(fd == r, ev) for fd, ev in p.poll(100)])

r, w = os.pipe()
ep = select.epoll()
print(type(ep).__name__, ep.closed, ep.fileno() > 2, ep.poll(0))
ep.register(r, select.EPOLLIN)
ep.register(w, select.EPOLLOUT)
print([(fd == w, ev) for fd, ev in ep.poll(0)])
os.write(w, b"x")
print(sorted((fd == r, ev) for fd, ev in ep.poll(timeout=1, maxevents=4)))
print(len(ep.poll(0, 1)))
ep.modify(w, select.EPOLLIN)
print([(fd == r, ev) for fd, ev in ep.poll(-1)])
ep.unregister(w)
for call in [lambda: ep.register(r), lambda: ep.unregister(w), lambda: ep.modify(w, 1),
             lambda: ep.poll(0, 0), lambda: ep.poll(0, -5), lambda: ep.poll("x"),
             lambda: select.epoll(0), lambda: ep.register(-1)]:
    try:
        call()
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
ep2 = select.epoll.fromfd(os.dup(ep.fileno()))
print(type(ep2).__name__, ep2.closed)
ep2.close()
ep2.close()
print(ep2.closed)
with select.epoll() as ep3:
    print(ep3.closed)
print(ep3.closed)
for call in [ep3.fileno, lambda: ep3.poll(0), lambda: ep3.register(r), lambda: ep3.__enter__()]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
ep.close()
os.close(r)
os.close(w)
