# signal over krait's _signal: Python handlers run after raise_signal, after
# os.kill at the next loop iteration, from interval timers inside busy loops;
# a handler's exception propagates; masks, wakeup fds, errors as CPython's.
import signal, os, time
got = []
def h(signum, frame):
    got.append((signum, type(frame).__name__))
print(signal.getsignal(signal.SIGUSR1), signal.signal(signal.SIGUSR1, h))
print(signal.getsignal(signal.SIGUSR1) is h)
signal.raise_signal(signal.SIGUSR1)
print(got)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(3): pass
print(got)
signal.signal(signal.SIGALRM, lambda s, f: got.append('alarm'))
signal.setitimer(signal.ITIMER_REAL, 0.05)
while 'alarm' not in got:
    pass
print(got, signal.getitimer(signal.ITIMER_REAL))
def boom(s, f): raise ValueError('from handler')
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print('caught', e)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    while True:
        pass
except ValueError as e:
    print('caught in loop', e)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is h, signal.getsignal(signal.SIGUSR1))
print(signal.Signals(2).name, signal.SIGTERM, signal.Handlers.SIG_IGN, signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGUSR1))
for a in [(99, signal.SIG_DFL), (0, 0), (2, 5), (2, 'x'), ('a', 0)]:
    try: signal.signal(*a)
    except Exception as e: print(type(e).__name__, e)
try: signal.signal(signal.SIGKILL, 1)
except OSError as e: print('OSError', e.errno)
print(sorted(signal.valid_signals())[:5], len(signal.valid_signals()))
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(old, signal.pthread_sigmask(signal.SIG_SETMASK, old))
try: signal.default_int_handler(2, None)
except KeyboardInterrupt as e: print('KI', repr(e))
r, w = os.pipe()
try: signal.set_wakeup_fd(w)
except ValueError as e: print(e)
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
try: signal.setitimer(99, 1)
except signal.ItimerError as e: print('ItimerError', e)
print(signal.alarm(0), signal.SIGRTMIN, signal.NSIG)

# traceback objects can be cut (unittest does) and finished frames cleared
def inner():
    1 / 0
try:
    inner()
except ZeroDivisionError as e:
    tb = e.__traceback__
print(tb.tb_next is not None, tb.tb_next.tb_frame.f_code.co_name)
tb.tb_next = None
print(tb.tb_next)
for bad in [3, tb]:
    try:
        tb.tb_next = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
frame = sys_frame = None
import sys
def finished():
    x = 1
    return sys._getframe()
fr = finished()
print(fr.clear(), fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
