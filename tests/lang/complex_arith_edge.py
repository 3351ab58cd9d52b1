# Tests complex arithmetic edge cases: division algorithm results, powers with int/float/complex exponents, mixed-type ops, signed zeros, abs overflow, comparisons.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for a, b in [(1 + 1j, 1 - 1j), (1, 1j), (1e300 + 1e300j, 1e300 + 1e300j), (3 + 4j, 2), (1j, 1e-320j), (complex(0, -0.0), 1j)]:
    show(f"{a!r}/{b!r}", lambda: a / b)
for base, exp in [(1j, 2), (1j, 3), (1j, 4), (1j, -1), (2 + 0j, 10), (1 + 1j, 0.5), (2, 1j), (0j, 0j), (0j, 1), (1j, 1j), (-1, 0.5), (1 + 2j, 2 + 3j)]:
    show(f"{base!r}**{exp!r}", lambda: base ** exp)
show("0j ** -1", lambda: 0j ** -1)
show("0j ** 1j", lambda: 0j ** 1j)
show("0j ** (1+1j)", lambda: 0j ** (1 + 1j))
show("pow(1j, 2, 3)", lambda: pow(1j, 2, 3))
show("abs big", lambda: abs(complex(1e308, 1e308)))
show("abs inf nan", lambda: abs(complex(float("inf"), float("nan"))))
print((1 + 2j) + 1, 1 - (1 + 2j), 2 * (1 + 2j), (1 + 2j) * 1.5, True + 1j, (1 + 2j) - True)
print(-(0j), -complex(0, 0), complex(-0.0, -0.0) + 0, 0j * -1, complex(1, 2) == complex(1.0, 2.0), (1 + 0j) == 1.0 == 1)
print(complex(2, 3).__add__(1), complex(2, 3).__radd__(1), complex(2, 3).__rsub__(1), complex(2, 3).__rmul__(2), complex(2, 3).__add__("x"))
for op in ["<", "<=", ">", ">="]:
    show(f"1j {op} 2j", lambda: eval(f"1j {op} 2j"))
print(1j == 1j, 1j != 2j, 1j == "1j", hash(1j) == hash(complex(0, 1)), {1j: "x"}[complex(0, 1)])
print(sum([1j, 2j, 3]), sum([0.5j] * 4), [z.real for z in (1j, 2 + 0j)], max([1j, 2j], key=abs))
z = complex("1e400+1e-400j")
print(z, z.real, z.imag)
print((1e308 + 1e308j) * 10, (1 + 1j) ** 1000 if False else "skip", (0.5 + 0.5j) ** 100)
show("overflow pow", lambda: (1e200 + 1e200j) ** 2)
show("int ** complex big", lambda: 10 ** (400 + 0j))
