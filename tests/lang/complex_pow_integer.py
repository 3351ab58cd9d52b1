# complex ** n: integer exponents up to 100 in size go through repeated
# squaring (exact for Gaussian integers), other exponents through polar form;
# zero to negative/complex powers, overflow, and the 3-argument form.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)

bases = [1j, -1j, 1 + 1j, 2 - 3j, -1 + 0j, 0.5 + 0.5j, complex(-0.0, 1), complex(1, -0.0)]
for b in bases:
    print(repr(b), [b ** n for n in range(-3, 9)])
for b in [complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0)]:
    print(repr(b), [b ** n for n in range(0, 5)])
for b in [1j, 1 + 1j, 3 + 4j]:
    print(repr(b), b ** 100, b ** -100 if b != 3 + 4j else "-", (b ** 101).real == (b ** 101).real)
# Float exponents that are integral behave like ints; others use the polar form.
for e in [2.0, -2.0, 0.0, 0.5, -0.5, 1.5, 100.0, 101.0, 2 + 0j, 2.5 + 0j, 1j, -1j, 1 + 1j]:
    show(f"(1+2j)**{e!r}", lambda: (1 + 2j) ** e)
# Mixed operand types.
print(2 ** (1 + 0j), 2.0 ** 1j, (2 + 0j) ** 2, True ** 1j, 1j ** True, 1j ** False)
print(pow(1j, 2), pow(2, 1j), pow(1j, -1), (-8) ** (1 / 3))
# Zero bases.
for e in [0, 1, 2, 0j, 1 + 0j, 0.5, -1, -1.0, 1j, -1j, 1 + 1j, -0.5 + 0j]:
    show(f"0j**{e!r}", lambda: 0j ** e)
show("0.0 ** -1j", lambda: 0.0 ** -1j)
show("0 ** 1j", lambda: 0 ** 1j)
# Overflow and non-finite results.
for b, e in [(1e200 + 1e200j, 2), (10 + 0j, 400), (10, 400 + 0j), (1e308 + 0j, 1.5),
             (complex(float("inf"), 0), 2), (2 + 0j, 1e10), (0.5 + 0j, 2000), (1j, 1e300)]:
    show(f"{b!r}**{e!r}", lambda: b ** e)
# Three-argument pow is refused for complex operands, whichever is complex.
for args in [(1j, 2, 3), (2, 1j, 3), (2, 3, 1j), (1j, 2, None)]:
    show(f"pow{args!r}", lambda: pow(*args))
# ** binds tighter than unary minus; in-place power.
z = 1 + 1j
z **= 4
print(-1j ** 2, (-1j) ** 2, z)
