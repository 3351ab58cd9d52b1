# Tests complex numbers: literals, arithmetic, repr, conversions, comparisons, errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

z = 3 + 4j
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w, -z, +z, abs(z), z.conjugate())
print(z.real, z.imag, type(z.real).__name__, 1j * 1j, 1j ** 2, (1 + 1j) ** 8)
print(z == 3 + 4j, z != w, 1 + 0j == 1, 1j == 1, complex(2) == 2.0)
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(complex(-0.0, -0.0)))
print(repr(1 + 0j), repr(1.5 - 2.5j), repr(1e20j), repr(1e-20 + 1j), repr(complex(1, float("inf"))), repr(complex(float("nan"), 1)))
print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-j"), complex("2"), complex("1e3j"))
print(complex(1j, 1j), complex(1 + 1j, 2))
for s in ["1+", "1+2", "(1+2j", "1 + 2j", "j1", "", "1+2jj", "nan+nanj"]:
    show(f"complex({s!r})", lambda: complex(s))
show("complex('1', 2)", lambda: complex("1", 2))
show("complex(1, '2')", lambda: complex(1, "2"))
show("complex(None)", lambda: complex(None))
show("z < w", lambda: z < w)
show("1/0j", lambda: 1 / 0j)
show("z // 2", lambda: z // 2)
show("z % 2", lambda: z % 2)
show("int(z)", lambda: int(z))
show("float(z)", lambda: float(z))
show("divmod(z,1)", lambda: divmod(z, 1))
show("0j**-1", lambda: 0j ** -1)
show("round(z)", lambda: round(z))
print(0j ** 0, 0j ** 2, 2 ** 1j, (1j) ** 0.5)
print(hash(1 + 0j) == hash(1), hash(0j), hash(1.5 + 0j) == hash(1.5), hash(complex(1, 1)), hash(complex(-1, 0)))
print(bool(0j), bool(1j), bool(complex(0, -0.0)))
print(format(z, ""), format(z, ".2f"), format(z, "^20"), format(w, "+.1e"), format(1j, ""), format(1 + 0j, "g"))
print(f"{z:10.3f}|{w:<15}|{(1.5+2.25j):.1%}" if False else f"{z:>15.3f}|{w:<15}|")
show("format z =", lambda: format(z, "=10"))
show("format z 0", lambda: format(z, "010"))
print("%s %r" % (z, w))
print(z * 2, 2 * z, z + 1.5, 1.5 - z, z / 2, 2 / z, z ** 2, z ** -1)
c = 1 + 1j
c += 1; print(c)
c *= 1j; print(c)
c /= 2; print(c)
c -= 1j; print(c)
print(complex.__add__(z, 1), complex.__radd__(z, 1), complex.__rtruediv__(z, 25))
print(complex(True, False), (2 + 3j).__getnewargs__())

class C:
    def __complex__(self):
        return 2 + 2j

print(complex(C()))
print(1e308j * 10, complex("inf+nanj"), complex("-infj"))
