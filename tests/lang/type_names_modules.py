# Names of builtin types that live in modules: messages use the dotted
# name (CPython's tp_name), __name__/__qualname__ and most reprs the short one.
import array, collections, functools, io, itertools, re, struct, sys, zlib, pickle

samples = [
    ("deque", collections.deque([1, 2])),
    ("defaultdict", collections.defaultdict(int, {1: 2})),
    ("partial", functools.partial(max, 1)),
    ("count", itertools.count(3)),
    ("repeat", itertools.repeat("x", 2)),
    ("chain", itertools.chain([1], [2])),
    ("Pattern", re.compile("a+")),
    ("Match", re.match("a", "a")),
    ("StringIO", io.StringIO("x")),
    ("BytesIO", io.BytesIO(b"x")),
    ("Struct", struct.Struct("i")),
    ("Compress", zlib.compressobj()),
    ("array", array.array("i", [1, 2])),
    ("flags", sys.flags),
]

def err(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"

for label, o in samples:
    t = type(o)
    print(label, t, t.__name__, t.__qualname__, t.__module__)
    print("  matmul:", err(lambda: o @ 1))
    print("  neg:   ", err(lambda: -o))
    print("  attr:  ", err(lambda: o.no_such_attribute))
    print("  call:  ", err(lambda: o()))
    print("  index: ", err(lambda: [1][o]))
    print("  lt:    ", err(lambda: o < 1.5))
    print("  int:   ", err(lambda: int(o)))
    print("  class attr:", err(lambda: t.no_such_attribute))

# Reprs that use the short name.
print(repr(collections.deque([1, 2])), repr(collections.deque([], maxlen=3)))
print(repr(collections.defaultdict(list)))
print(repr(itertools.count(2, 3)), repr(itertools.repeat(1, 2)))
print(repr(array.array("b", [1])), repr(array.array("u")))
print(repr(bytearray(b"ab")))
print(repr(zlib.error("boom")), repr(struct.error("bad")), repr(re.error("x")))

# Reprs and names of method descriptors use the dotted owner name.
print(repr(re.Pattern.search), repr(io.StringIO.getvalue))
print(re.Pattern.search.__qualname__, io.StringIO.getvalue.__qualname__)
print(repr(re.compile("a").search)[:45])

# Argument-count messages use the method's qualified name.
print(err(lambda: struct.Struct("i").unpack()))
print(err(lambda: re.compile("a").search()))
print(err(lambda: io.StringIO().write()))
print(err(lambda: collections.deque().append()))

# Creating and pickling.
print(err(lambda: type(re.match("a", "a"))()))
print(err(lambda: pickle.dumps(zlib.compressobj())))
print(err(lambda: pickle.dumps(re.compile("a").finditer("a"))))

# Subclasses are heap types: their own name everywhere.
class MyDeque(collections.deque):
    pass
d = MyDeque([1])
print(repr(d), type(d).__name__, err(lambda: d @ 1), err(lambda: d.nothing))

# iter(callable, sentinel) pickles as the call that makes it.
import copy
it = iter([1, 2, 3, None].pop, 1)
print(it.__reduce__()[0] is iter, it.__reduce__()[1][1])
print(list(it), it.__reduce__()[1])
