# bytearray mutations checked against a list-of-ints model: item and slice
# assignment (including extended slices), deletion, insert/pop/remove,
# extend from many iterables, += and *=.
class Rng:
    # A small LCG, so the program needs no random module.
    def __init__(self, seed):
        self.state = seed
    def randrange(self, a, b=None):
        if b is None:
            a, b = 0, a
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return a + (self.state >> 33) % (b - a)
    def choice(self, seq):
        return seq[self.randrange(len(seq))]
rng = Rng(7)
ba = bytearray(b"0123456789")
model = list(ba)
ops = 0
for step in range(400):
    kind = rng.randrange(9)
    n = len(model)
    if kind == 0 and n:
        i = rng.randrange(-n, n)
        v = rng.randrange(256)
        ba[i] = v
        model[i] = v
    elif kind == 1:
        a, b = rng.randrange(-12, 13), rng.randrange(-12, 13)
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(4)))
        ba[a:b] = data
        model[a:b] = list(data)
    elif kind == 2 and n:
        a, b, c = rng.randrange(-n, n), rng.randrange(-n, n), rng.choice([-3, -2, -1, 2, 3])
        size = len(model[a:b:c])
        data = bytes(rng.randrange(256) for _ in range(size))
        ba[a:b:c] = data
        model[a:b:c] = list(data)
    elif kind == 3 and n:
        a, b, c = rng.randrange(-n, n), rng.randrange(-n, n), rng.choice([-2, -1, 1, 2, 3])
        del ba[a:b:c]
        del model[a:b:c]
    elif kind == 4:
        i, v = rng.randrange(-15, 15), rng.randrange(256)
        ba.insert(i, v)
        model.insert(i, v)
    elif kind == 5 and n:
        i = rng.randrange(-n, n)
        assert ba.pop(i) == model.pop(i)
    elif kind == 6 and n:
        v = rng.choice(model)
        ba.remove(v)
        model.remove(v)
    elif kind == 7:
        src = rng.choice([b"xy", [1, 2, 3], (9,), range(3), bytearray(b"z"), iter([5, 6]), memoryview(b"mv")])
        ba.extend(src)
        model.extend(list(bytes(src)) if not isinstance(src, type(iter([]))) else [5, 6])
    elif kind == 8 and len(model) < 60:
        ba += b"+"
        model += [43]
        if len(model) < 20:
            ba *= 2
            model *= 2
    ops += 1
    assert list(ba) == model, (step, kind, ba, model)
print(ops, len(ba), bytes(ba) == bytes(model), ba[:20])
tests = [
    ("ext slice size", lambda b: b.__setitem__(slice(None, None, 2), b"x")),
    ("assign int to slice", lambda b: b.__setitem__(slice(0, 2), 7)),
    ("assign str to slice", lambda b: b.__setitem__(slice(0, 2), "ab")),
    ("assign 256", lambda b: b.__setitem__(0, 256)),
    ("assign -1", lambda b: b.__setitem__(-1, -1)),
    ("assign float", lambda b: b.__setitem__(0, 1.0)),
    ("index out", lambda b: b.__setitem__(99, 1)),
    ("del out", lambda b: b.__delitem__(-99)),
    ("pop empty", lambda b: bytearray().pop()),
    ("pop out", lambda b: b.pop(50)),
    ("remove missing", lambda b: b.remove(200)),
    ("remove 300", lambda b: b.remove(300)),
    ("insert big", lambda b: b.insert(0, 999)),
    ("extend int", lambda b: b.extend(3)),
    ("extend bad item", lambda b: b.extend([1, "x"])),
    ("extend big item", lambda b: b.extend([1, 256])),
    ("iadd str", lambda b: b.__iadd__("s")),
]
for label, fn in tests:
    b = bytearray(b"abcdef")
    try:
        print(label, repr(fn(b)), b)
    except Exception as e:
        print(label, type(e).__name__, e, b)
b = bytearray(b"abc")
b[1:2] = b
print(b)
b = bytearray(b"abc")
b.extend(b)
b += bytes(b)
print(b, b.copy() == b, b.copy() is b)
b *= 0
print(b, len(b))
b = bytearray(b"xyz")
b[::-1] = b"ABC"
print(b, b.__alloc__() >= len(b))
