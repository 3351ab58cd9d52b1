# hash() across int, float, complex and bool: equal numbers hash equal
# (modulo 2**61 - 1 for ints, exact rational hashing for floats), -1 maps to
# -2, infinities have fixed hashes, and sets/dicts merge equal keys of
# different types.

M = 2 ** 61 - 1
ints = [0, 1, -1, 2, -2, 7, 2 ** 31, 2 ** 32, 2 ** 60, M - 1, M, M + 1, -M, 2 ** 61, 2 ** 62, 2 ** 63 - 1,
        -(2 ** 63), 2 ** 64, 2 ** 100, -(2 ** 100), 3 ** 70, 10 ** 30, -(10 ** 30) - 1]
bad = 0
for i in ints:
    h = hash(i)
    expect = (abs(i) % M) * (1 if i >= 0 else -1)
    expect = -2 if expect == -1 else expect
    bad += h != expect
    f = float(i)
    if f == i:
        bad += hash(f) != h
        bad += hash(complex(i, 0)) != h
    print(i, h, f == i, hash(f) == h)
print("int hash mismatches", bad)
print(hash(-1), hash(-1.0), hash(complex(-1, 0)), hash(True), hash(False), hash(-2))
fracs = [0.5, -0.5, 0.25, 1.5, 0.1, 1e-300, 5e-324, 1e300, -2.5e-7, 1 / 3]
for x in fracs:
    n, d = x.as_integer_ratio()
    # hash(n/d) == n * inverse(d) mod M, with the sign of x.
    inv = pow(d, M - 2, M)
    e = (abs(n) * inv) % M
    e = -e if x < 0 else e
    e = -2 if e == -1 else e
    print(repr(x), hash(x), hash(x) == e, hash(complex(x, 0)) == hash(x), hash(-x) == -hash(x) or hash(x) in (-2, 1))
print(hash(float("inf")), hash(float("-inf")), hash(complex(float("inf"), 0)) == hash(float("inf")))
for z in [1j, -1j, 1 + 1j, 2.5 - 3j, complex(0, -0.0), complex(1e300, 1e-300)]:
    print(repr(z), hash(z), hash(z) == (hash(z.real) + 1000003 * hash(z.imag)) % 2 ** 64 - (2 ** 64 if (hash(z.real) + 1000003 * hash(z.imag)) % 2 ** 64 >= 2 ** 63 else 0))
s = {1, 1.0, 1 + 0j, True, 2, 2.0, 0, 0.0, -0.0, False, 0j, 2 ** 64, float(2 ** 64)}
print(sorted(s, key=lambda v: (abs(v), str(type(v)))), len(s))
d = {}
for k in [1, 1.0, True, 1 + 0j, 0.5, 2 ** 70, float(2 ** 70), 3, 3.0000000000000004]:
    d[k] = d.get(k, 0) + 1
print(list(d.items()))
print(hash(0.0) == hash(-0.0) == hash(0) == hash(0j) == 0, hash(10 ** 400) == hash(10 ** 400 % M))
