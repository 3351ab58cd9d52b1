# array.array as a sequence, for every type code: pseudo-random items in
# range, indexing and slicing (extended, negative, empty), comparisons,
# tobytes/frombytes, pickling at protocols 0-5, copy, byteswap twice,
# slice assignment and deletion (also of the array into itself), +=, *=,
# insert/pop/remove/count/index, tofile/fromfile with EOFError; subclasses
# (repr by name, pickled with their __dict__), 'u' arrays, weak references.
from array import array
import pickle, copy, random, io
r = random.Random(3)
def t(label, f):
    try: v = f(); print(label, repr(v)[:150])
    except Exception as e: print(label, type(e).__name__, e)
for tc in 'bBhHiIlLqQfdu':
    if tc == 'u':
        vals = [chr(r.randrange(32, 0x10FFFF)) if r.random() < 0.5 else chr(r.randrange(32, 127)) for _ in range(20)]
        vals = [v if not 0xD800 <= ord(v) < 0xE000 else 'x' for v in vals]
    elif tc in 'fd':
        vals = [r.uniform(-1e6, 1e6) if tc == 'd' else float(r.randrange(-1000, 1000)) / 4 for _ in range(20)]
    else:
        size = array(tc).itemsize * 8
        lo, hi = (-(1 << (size - 1)), (1 << (size - 1)) - 1) if tc.islower() else (0, (1 << size) - 1)
        vals = [r.randint(lo, hi) for _ in range(18)] + [lo, hi]
    a = array(tc, vals)
    print(tc, a.itemsize, len(a), a.tolist() == vals, a[3], a[-1], a[2:9:3], a[::-4], a[5:2])
    b = array(tc, a.tobytes())
    print(' ', a == b, a != b, a < b, a[:5] < a, bytes(a.tobytes()[:8]).hex())
    for proto in range(0, 6):
        c = pickle.loads(pickle.dumps(a, proto))
        assert c == a and c.typecode == tc, (tc, proto)
    c = copy.copy(a); d = copy.deepcopy(a)
    c[0] = c[1]; print(' ', c == a, d == a, c[0] == a[1])
    a2 = array(tc, vals); a2.byteswap(); a2.byteswap(); print(' ', a2 == a)
    x = a[:]
    x[1:4] = a[10:15]; x[::5] = array(tc, vals[:len(x[::5])]); del x[2:6]; del x[::3]; x += a[:2]; x *= 2
    print(' ', len(x), x.tolist()[:6])
    x.reverse(); x.insert(3, vals[0]); x.insert(-100, vals[1]); x.append(vals[2]); p = x.pop(); q = x.pop(0)
    print(' ', len(x), p == vals[2], q == vals[1], x.count(vals[0]), x.index(vals[0]), vals[0] in x)
    f = io.BytesIO(); a.tofile(f); f.seek(0); y = array(tc); y.fromfile(f, 5); print(' ', y == a[:5], f.tell())
    try:
        y.fromfile(f, 100)
    except EOFError as e:
        print('  EOFError', e, len(y))
a = array('i', range(10))
a[2:5] = a; print(a)
a = array('i', range(10)); a[::-1] = a; print(a)
a = array('i', range(10)); a[8:2:-2] = array('i', [0, 0, 0]); print(a)
a = array('i', range(10)); del a[8:2:-2]; print(a)
a = array('i', range(10)); del a[::-1]; print(a)
t('idx float', lambda: array('i', [1])[1.0])
t('idx set', lambda: array('i', [1]).__setitem__(3, 1))
t('iter', lambda: list(iter(array('d', [1, 2]))))
t('3 * a', lambda: 3 * array('b', [1]))
t('a * "x"', lambda: array('b', [1]) * 'x')
t('a += list', lambda: array('b').__iadd__([1]))
class A(array):
    pass
s = A('i', [1, 2])
s.extra = 5
print(repr(s), type(s[:1]), type(s + s), type(copy.copy(s)), s.__reduce_ex__(2)[2], s.__reduce_ex__(3)[1][0])
s2 = pickle.loads(pickle.dumps(s, 4)); print(type(s2), s2, s2.extra)
print(array('u', 'hello').tounicode(), array('u', 'hé') + array('u', '€'))
print(array('i', [1, 2, 3]).index(3, -2), array('i', [1, 2, 3]).index(1, 0, 1))
t('index range', lambda: array('i', [1, 2, 3]).index(1, 1))
print(array('d', [1.5]) == array('f', [1.5]), array('i', [1, 2]) == array('q', [1, 2]), array('b', [1]) < array('b', [1, 0]))
print(sorted([array('i', [3]), array('i', [1, 5]), array('i', [1])]))
import weakref
w = weakref.ref(a); print(w() is a)
