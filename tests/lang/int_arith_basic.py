# Tests int arithmetic: + - * // % ** on small and mixed-sign ints, unary ops, and errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

vals = [-7, -3, -1, 0, 1, 2, 3, 7, 10]
for a in vals:
    row = []
    for b in vals:
        row.append(a + b)
        row.append(a - b)
        row.append(a * b)
    print(a, row)

for a in vals:
    for b in vals:
        if b == 0:
            continue
        print(a, b, a // b, a % b, divmod(a, b))

print(-(-5), +5, -0, ~0, ~5, ~-5)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 10 ** -2, (-2) ** -2)
print(type(2 ** -1).__name__, type(2 ** 2).__name__)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("divmod(1,0)", lambda: divmod(1, 0))
show("1/0", lambda: 1 / 0)
show("0**-1", lambda: 0 ** -1)
show("int+str", lambda: 1 + "a")
show("str+int", lambda: "a" + 1)
show("int*None", lambda: 3 * None)
show("int-list", lambda: 3 - [])
show("neg str", lambda: -"a")
show("inv float", lambda: ~1.5)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(1 + True, True + True, True * 10, False - 1)
x = 5
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x = 100
x /= 8; print(x)
print(int.__add__(3, 4), int.__sub__(3, 4), int.__mul__(3, 4))
print(int.__add__(3, 4.0))
print((3).__radd__(4), (3).__rsub__(10), (3).__rfloordiv__(10), (3).__rmod__(10))
print((3).__truediv__(2), (3).__rtruediv__(2))
print(abs(-5), abs(0), abs(5))
print((12).bit_length(), (0).bit_length(), (-12).bit_length(), (255).bit_length())
print((12).bit_count(), (-1).bit_count(), (0).bit_count())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((10).as_integer_ratio(), (-3).as_integer_ratio())
print(True.as_integer_ratio())
print(int.is_integer if hasattr(int, "is_integer") else "no is_integer")
# integer literal forms
print(0x1F, 0o17, 0b1011, 1_000_000, 0x_ff, 0b_1_0)
print(00, 0_0)
