# _random.Random: the Mersenne Twister random.py builds on. The same seed
# must give CPython's numbers: ints by absolute value (big ones split into
# 32-bit words), other hashables by hash; getrandbits' word order;
# getstate/setstate; and random.py's own algorithms rebuilt on top of it.
import _random

R = _random.Random
r = R(42)
print([r.random() for _ in range(4)])
print([r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 64, 100, 257)])

for seed in [0, 1, -1, 2**31, 2**32 - 1, 2**32, 2**64 + 5, -2**100, 12345678901234567890123,
             10**200, True, 3.5, -0.25, 1e300, (1, 2), "seed" if False else 7, None if False else 9]:
    r.seed(seed)
    print(repr(seed)[:30], r.random(), r.getrandbits(64))

# Equal values seed alike: 3 and 3.0 and True/1 hash the same, -n is n.
a, b = R(3), R(3.0)
print(a.random() == b.random(), R(1).random() == R(True).random(), R(-77).random() == R(77).random())

# State: 624 words and an index.
r.seed(2024)
st = r.getstate()
print(type(st).__name__, len(st), st[-1], st[:3], all(0 <= w < 2**32 for w in st[:-1]))
first = [r.random() for _ in range(700)]  # crosses a regeneration of the state
r.setstate(st)
print(first == [r.random() for _ in range(700)], r.getstate()[-1])
for bad in [list(st), st[:-1], st[:-1] + (625,), st[:-1] + (-1,), ("x",) + st[1:],
            (-1,) + st[1:], (2**64,) + st[1:], st[:-1] + (2**70,)]:
    try:
        r.setstate(bad)
        print("accepted")
    except Exception as e:
        print(type(e).__name__, e)
r.setstate(st[:-1] + (624,))
print(r.random() == first[0])

for k in [-1, 2**31, 1.5, "3"]:
    try:
        r.getrandbits(k)
    except Exception as e:
        print(type(e).__name__, e)
for args, kw in [((1, 2), {}), ((), {"x": 1})]:
    try:
        R(*args, **kw)
    except TypeError as e:
        print(e)
try:
    R([1])
except TypeError as e:
    print(e)

# A subclass: the seed() of random.Random, its own __init__ arguments.
class Mine(R):
    def __init__(self, x, tag):
        self.tag = tag
        self.seed(x)
    def seed(self, a):
        super().seed(a * 2)
m = Mine(21, "t")
print(m.tag, m.random() == R(42).random(), isinstance(m, R), R.__name__, R.__module__)

# random.py's algorithms on top (as in CPython's random module).
def randbelow(gen, n):
    k = n.bit_length()
    v = gen.getrandbits(k)
    while v >= n:
        v = gen.getrandbits(k)
    return v

def shuffle(gen, x):
    for i in reversed(range(1, len(x))):
        j = randbelow(gen, i + 1)
        x[i], x[j] = x[j], x[i]

g = R(12345)
print([randbelow(g, n) for n in (1, 2, 3, 10, 1000, 2**40, 10**30)])
deck = list(range(20))
shuffle(g, deck)
print(deck)
print([round(g.random() * 6 + 1, 6) for _ in range(5)])
counts = [0] * 6
for _ in range(6000):
    counts[randbelow(g, 6)] += 1
print(counts)

# Seeding with no argument draws from the system: two generators differ.
print(R().getrandbits(128) != R().getrandbits(128))
