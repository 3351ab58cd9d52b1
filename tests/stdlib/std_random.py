# random (CPython's random.py over _random, _sha512 and os.urandom): the
# same seeds must give python3.11's numbers for every distribution and
# helper, seeding from int/str/bytes, state round trips, and SystemRandom.
import random

r = random.Random(12345)
print(r.random(), r.randint(1, 6), r.randrange(0, 100, 7), r.choice("abcdef"), r.uniform(1, 2))
print(r.sample(range(100), 5), r.choices("abc", weights=[1, 2, 3], k=6), r.getrandbits(70))
deck = list(range(10))
r.shuffle(deck)
print(deck)
print([round(f(), 9) for f in (lambda: r.gauss(0, 1), lambda: r.normalvariate(5, 2),
                               lambda: r.expovariate(1.5), lambda: r.betavariate(2, 3),
                               lambda: r.gammavariate(2.5, 1), lambda: r.lognormvariate(0, 1),
                               lambda: r.vonmisesvariate(1, 2), lambda: r.paretovariate(3),
                               lambda: r.weibullvariate(1, 2), lambda: r.triangular(0, 10, 3))])
print(r.randbytes(6).hex())
for seed in ["hello", b"hello", bytearray(b"hi"), 2**100, -5, 3.25]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(10**12))
random.seed("x", version=1)
print(random.random())
s = random.getstate()
a = [random.random() for _ in range(5)]
random.setstate(s)
print(a == [random.random() for _ in range(5)], s[0], len(s[1]))
g = random.Random()
g.seed(7)
h = random.Random(7)
print(g.random() == h.random(), g.getstate() == h.getstate())
for bad in [lambda: random.randrange(0), lambda: random.choice([]), lambda: random.sample([1], 2),
            lambda: random.Random([1])]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
sr = random.SystemRandom()
print(0 <= sr.random() < 1, len(sr.randbytes(4)), sr.getrandbits(8) < 256)
class Mine(random.Random):
    def random(self):
        return 0.5
print(Mine(1).randrange(10), Mine(1).choice("xyz"))
