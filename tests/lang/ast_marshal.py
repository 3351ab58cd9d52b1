# marshal (which importlib imports): CPython's format for every marshallable
# type and version 0-4, shared objects written once and loaded as one
# object, dump/load on files, and the errors of bad data.
import io
import marshal

vals = [None, True, False, ..., StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
        2**64, -(2**100) + 7, 10**50, 1.5, -0.0, float('inf'), 1e300, 2+3j, 'abc', 'é€𝄞',
        'x' * 300, b'\x00\xff', (), (1, 'a', (2.5, None)), [1, [2]], {'a': 1, 2: (3,)},
        {1, 2, 3}, frozenset({'q'}), tuple(range(300)), bytearray(b'ba')]
print(marshal.loads(marshal.dumps(memoryview(b'mv'))))
for v in vals:
    for ver in range(5):
        back = marshal.loads(marshal.dumps(v, ver))
        if ver == 4:
            print(repr(back)[:60], back == v or v != v, type(back).__name__)
        elif back != v and v == v:
            print("mismatch", ver, repr(v)[:40])
# Versions 0-2 write no back-references: the bytes are fixed.
for v in [0, 5, -7, 2**40, -(2**70), 'abc', 'é', b'xy', (1, 2), [], {}, 1.5, 1e-7, None, 1j,
          -2.5+0.1j, {1}, frozenset(), ('s', ('t',))]:
    print([marshal.dumps(v, ver) for ver in range(3)])
x = (1.5, "shared")
a, b = marshal.loads(marshal.dumps([x, x]))
print(a, a is b)
a, b = marshal.loads(marshal.dumps([x, x], 2))
print(a == b, a is b)
print(marshal.loads(b'\xe9\x05\x00\x00\x00'), marshal.loads(b'[\x02\x00\x00\x00\xda\x01ar\x00\x00\x00\x00'))
print(marshal.loads(b'l\x02\x00\x00\x00\x01\x00\x01\x00'), marshal.loads(b'l\xfe\xff\xff\xff\x00\x00\x01\x00'))
print(marshal.loads(b'i\x01\x00\x00\x00trailing'))
for bad in [b'', b'i\x01', b'?', b'[\x05\x00\x00\x00N', b'r\x00\x00\x00\x00',
            b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'{N', b'u\x05\x00\x00\x00ab']:
    try:
        print(marshal.loads(bad))
    except (EOFError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [object(), [1, print], {1: 2, 3: int}]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    marshal.loads("str")
except TypeError as e:
    print("TypeError", e)
f = io.BytesIO()
marshal.dump([1, 'two'], f)
marshal.dump({3: 4}, f, 2)
marshal.dump(2**80, f)
f.seek(0)
print(marshal.load(f), marshal.load(f), marshal.load(f), f.read())
try:
    marshal.load(f)
except EOFError as e:
    print("EOFError", e)
try:
    marshal.load(io.BytesIO(b'(\x02\x00\x00\x00N'))
except EOFError as e:
    print("EOFError", e)
print(marshal.version)
