# termios (and tty) over a pseudo-terminal from os.openpty: tcgetattr's 7-item
# lists, raw/cbreak modes and back, window sizes, flush/flow/drain/break,
# termios.error(errno, strerror) and CPython's argument errors.
import os, termios as T, tty
names = sorted(n for n in dir(T) if not n.startswith('__'))
print(len(names), [n for n in names if not n.isupper()], T.B9600, T.VMIN, T.TCSANOW, T.ICANON, T.TIOCGWINSZ, T.VSWTCH)
print(T.error.__mro__, T.error.__module__)
master, slave = os.openpty()
print(os.isatty(slave), os.get_inheritable(master), os.ttyname(slave).startswith("/dev/pts/"))
attrs = T.tcgetattr(slave)
print(len(attrs), [type(a).__name__ for a in attrs], len(attrs[6]), attrs[6][T.VINTR], attrs[6][T.VEOF])
print(bool(attrs[3] & T.ICANON), bool(attrs[3] & T.ECHO))
new = list(attrs); new[3] &= ~(T.ECHO | T.ICANON); new[6] = list(attrs[6]); new[6][T.VMIN] = 1; new[6][T.VTIME] = 0
T.tcsetattr(slave, T.TCSANOW, new)
after = T.tcgetattr(slave)
print(bool(after[3] & T.ICANON), bool(after[3] & T.ECHO), after[6][T.VMIN], after[6][T.VTIME])
T.tcsetattr(slave, T.TCSADRAIN, attrs)
print(T.tcgetattr(slave) == attrs)
T.tcsetwinsize(slave, (40, 120)); print(T.tcgetwinsize(slave), os.get_terminal_size(slave))
tty.setraw(slave)
raw = T.tcgetattr(slave); print(bool(raw[3] & T.ICANON), bool(raw[0] & T.ICRNL), raw[6][T.VMIN])
tty.setcbreak(slave)
T.tcflush(slave, T.TCIOFLUSH); T.tcflow(slave, T.TCOON); T.tcdrain(slave); T.tcsendbreak(slave, 0)
os.write(master, b"hi\n")
print(os.read(slave, 10))
for f in [lambda: T.tcgetattr(-1), lambda: T.tcgetattr('x'), lambda: T.tcsetattr(slave, 0, []),
          lambda: T.tcsetattr(slave, 0, [1, 2, 3, 4, 5, 6, []]), lambda: T.tcsetattr(slave, 0, attrs[:6] + [[1.5] * T.NCCS]),
          lambda: T.tcsetwinsize(slave, (1,)), lambda: T.tcsetwinsize(slave, (70000, 1)), lambda: T.tcflush(slave),
          lambda: T.tcgetattr(os.open("/dev/null", os.O_RDONLY)), lambda: T.tcgetwinsize(os.open("/dev/null", os.O_RDONLY))]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e, e.args if isinstance(e, T.error) else "")
os.close(master); os.close(slave)
