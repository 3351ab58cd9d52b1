# Signed zeros through complex construction and arithmetic: complex(r, i)
# follows CPython's rules for complex arguments, and ints/floats are promoted
# to complex before the operation, so the signs of zero parts come out as
# CPython's.

zeros = [0.0, -0.0]
parts = [0.0, -0.0, 0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), 0, 1.5]
for r in parts:
    print(repr(r), [repr(complex(r, i)) for i in parts])
print([repr(complex(z)) for z in parts])
print([repr(complex(real=z)) for z in zeros], [repr(complex(imag=z)) for z in zeros])

def sign(x):
    return "-" if str(x).startswith("-") else "+"

def parts_of(z):
    return sign(z.real) + sign(z.imag)

cs = [complex(a, b) for a in zeros for b in zeros]
for a in cs:
    row = []
    for b in cs:
        row.append(parts_of(a + b) + parts_of(a - b) + parts_of(a * b))
    print(repr(a), row)
for a in cs:
    print(repr(a), repr(-a), repr(+a), repr(a.conjugate()), repr(a * -1), repr(a * -1.0),
          repr(a + 0), repr(a - 0), repr(0 - a), repr(a * 0), repr(0.0 * a), repr(a / 1j),
          repr(a / -1), repr(a / 1))
for a in cs:
    print(repr(a), repr(a / (1 + 0j)), repr(a / (-1 + 0j)), repr(a / complex(0, -1)),
          repr(1j * a), repr(a * 1j))
print(repr(-(0j)), repr(-complex(0, 0)), repr(0j * -1), repr(-1 * 0j), repr(0j - 0j))
print(repr(complex(-0.0, -0.0) + 0), repr(complex(-0.0, 0) - 0.0), repr(complex(0, -0.0) - 0))
print([z == 0 for z in cs], [hash(z) for z in cs], len(set(cs)))
print([bool(z) for z in cs], [abs(z) for z in cs])
