# marshal.dumps for versions 0, 1 and 2 (no references): the bytes must be
# CPython's exactly, for every marshallable type; plus the version 3/4 cases
# whose reference flags do not depend on reference counts.
import marshal

values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 256, -5, -6, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**32, 2**45 - 1, 2**45, 2**60 + 12345, -2**63, 2**64, 2**100 - 1, -(2**150) + 7,
    10**40, -(10**25),
    0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e22, 1e-5, 5e-324, 1.7976931348623157e308,
    123456.789, -2.5e-300, float('inf'), float('-inf'), float('nan'), 1/3,
    1j, -0.5j, complex(1.25, -3e100), complex(float('inf'), 0.0), complex(-0.0, 2.0),
    '', 'a', 'hello', 'hello world', 'x' * 300, 'caf\xe9', '\u20ac', '\U0001f600 ok',
    '\ud800', 'a\udfffb', 'ma\x00ul',
    b'', b'abc', b'\x00\xff' * 40, bytearray(b'mutable'), memoryview(b'view'),
    bytearray(), memoryview(b'abcdef')[1:4],
    (), (1,), (1, 'two', 3.0), tuple(range(300)),
    [], [1, [2, [3, []]]], list(range(5)),
    {}, {1: 2}, {'a': [1], 'b': (2,), 3: None},
    set(), {1, 2, 3}, frozenset(), frozenset({5, 6}), {(1, 2), (3, 4)},
    [None, True, ..., StopIteration, b'x', 2.5, 3j, 'y', (), [], {}],
]

for v in values:
    print(type(v).__name__, v.tobytes() if isinstance(v, memoryview) else repr(v)[:60])
    for version in (0, 1, 2):
        print(' ', version, marshal.dumps(v, version))

# versions 3 and 4: singletons never carry FLAG_REF
for v in (None, True, False, ..., StopIteration):
    print(marshal.dumps(v, 3), marshal.dumps(v, 4))

# an object held by a variable and met twice: flagged once, then referenced
shared = [1.5]
pair = [shared, shared]
print(marshal.dumps(pair, 3))
print(marshal.dumps(pair, 4))
print(marshal.dumps((shared, shared, shared), 4))
fs = 2.25
print(marshal.dumps([fs, fs, fs], 4))
b = b'shared bytes'
print(marshal.dumps({'k': b, 'j': b}, 4))

# a list that holds itself
me = []
me.append(me)
print(marshal.dumps(me, 3))
print(marshal.dumps(me, 4))
d = {}
d[1] = d
print(marshal.dumps(d, 4))

# the default version is 4; versions beyond 4 write as 4
print(marshal.version)
print(marshal.dumps(pair) == marshal.dumps(pair, 4), marshal.dumps(pair, 7) == marshal.dumps(pair, 4))
print(marshal.dumps((1, 2), -3), marshal.dumps((1, 2), 3) == marshal.dumps((1, 2), 4))
print(marshal.dumps(tuple(range(256)), 4)[:10], marshal.dumps(tuple(range(255)), 4)[:10])
