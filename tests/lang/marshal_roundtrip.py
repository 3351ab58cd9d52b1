# marshal round trips: loads(dumps(x, v)) == x with the same types for every
# marshallable type and every version; dump/load through files; identity of
# shared and recursive objects from version 3 on.
import io
import marshal

values = [
    None, True, False, ..., StopIteration,
    0, 7, -7, 2**31 - 1, -2**31, 2**31, 2**62, -2**62 - 1, 2**63, 3**200, -(7**99),
    0.0, -0.0, 2.5, 1e-310, 1e308, float('inf'), -float('inf'), 0.1 + 0.2,
    3j, complex(-1.5, 1e-20), complex(2.0, -0.0),
    '', 'ascii', 'x' * 1000, 'caf\xe9' * 100, '\u0394\u03b1', '\U0010ffff', '\ud83d\ude00', '\udfff',
    b'', b'\x00' * 3, b'bytes' * 100,
    (), ('t',), tuple(range(1000)), ((), ((),)),
    [], [[], [[]]], list('abc'),
    {}, {'a': 1, 2: 'b', (3, 4): [5], 2.5: None, b'k': frozenset({1})},
    set(), {1, 2, 3, 100}, frozenset(), frozenset(range(20)),
]


def same(a, b):
    # equal, same types all the way down (nan aside)
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and a != a:
        return b != b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b and str(a) == str(b)
    if isinstance(a, complex):
        return str(a) == str(b)
    return a == b


for version in range(5):
    bad = [repr(v)[:40] for v in values if not same(marshal.loads(marshal.dumps(v, version)), v)]
    print(version, 'mismatches:', bad)
    nan = marshal.loads(marshal.dumps(float('nan'), version))
    print('  nan', nan != nan, type(nan).__name__)
    print('  bytearray', marshal.loads(marshal.dumps(bytearray(b'ba'), version)))
    print('  memoryview', marshal.loads(marshal.dumps(memoryview(b'mv'), version)))

# every value through one file, one after the other
f = io.BytesIO()
for v in values:
    marshal.dump(v, f)
f.seek(0)
print('file', all(same(marshal.load(f), v) for v in values), f.read())
print('dump returns', marshal.dump('abc', io.BytesIO()), marshal.dump(1, io.BytesIO(), 0))

# identity: shared objects and cycles
inner = [1, 2]
outer = [inner, inner, (inner,)]
for version in range(5):
    r = marshal.loads(marshal.dumps(outer, version))
    print(version, r, r[0] is r[1], r[2][0] is r[0])
cyc = {'name': 'cycle'}
cyc['me'] = [cyc, cyc]
r = marshal.loads(marshal.dumps(cyc))
print(r['me'][0] is r, r['me'][1] is r, r['name'])
t = ([],)
t[0].append(t)
r = marshal.loads(marshal.dumps(t, 3))
print(type(r).__name__, len(r), r[0][0] is r)
s = set()
holder = [s, s, {'s': s}]
r = marshal.loads(marshal.dumps(holder))
print(r[0] is r[1] is r[2]['s'], type(r[0]).__name__)

# deep but within the limit
deep = []
for i in range(1990):
    deep = [deep]
r = marshal.loads(marshal.dumps(deep))
n = 0
while r:
    r = r[0]
    n += 1
print('depth', n)

# a value marshalled with dumps reads back whole from a longer buffer
data = marshal.dumps(values) + b'trailing'
print(same(marshal.loads(data), values))
