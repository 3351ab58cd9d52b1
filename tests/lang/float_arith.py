# Tests float arithmetic: operators, mixing with int, comparisons with int, signed zero, methods.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.1 * 3, 1 / 3, 2 / 3, 10 / 4)
print(1.5 + 2, 2 + 1.5, 3 * 0.5, 7 - 0.25, 2 ** 0.5, 2.0 ** -1, 4 ** 0.5)
print(-0.0, 0.0 == -0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, abs(-0.0))
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324, 5e-324 / 2)
print(1e16 + 1, 2 ** 53 + 1.0, float(2 ** 53 + 1))
print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 400 > 1e308)
print(-(10 ** 400) < -1e308, 10 ** 400 < float("inf"), 0.5 < True, True == 1.0)
print(3.0.is_integer(), 3.5.is_integer(), (-0.0).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (0.0).as_integer_ratio())
show("inf ratio", lambda: float("inf").as_integer_ratio())
show("nan ratio", lambda: float("nan").as_integer_ratio())
print((1.5).hex(), (0.1).hex(), (-0.0).hex(), (1e-320).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print(float.fromhex("0x.8"), float.fromhex("1"), float.fromhex(" 0XAp0 "), float.fromhex("inf"))
show("fromhex bad", lambda: float.fromhex("0x1.g"))
show("fromhex big", lambda: float.fromhex("0x1p10000"))
print((2.5).conjugate(), (2.5).real, (2.5).imag)
print(float(), float(3), float("1.5"), float(" -2.5e3 "), float("1_000.5"), float(".5"), float("5."))
print(float("inf"), float("-Infinity"), float("nan"), float("+iNF"), float("-nan"))
for s in ["", "1.5.2", "1e", "e5", "1_", "_1", "0x10", "1,5", "infinit", "1 5", "nan(1)"]:
    show(f"float({s!r})", lambda: float(s))
show("float(None)", lambda: float(None))
show("float([])", lambda: float([]))
show("float(10**400)", lambda: float(10 ** 400))
print(float(b"2.5"), float(bytearray(b"-1")))

class F:
    def __float__(self):
        return 2.25

class I:
    def __index__(self):
        return 3

print(float(F()), float(I()))
x = 1.0
x += 1; print(x)
x *= 2.5; print(x)
x /= 4; print(x)
x //= 0.5; print(x)
x %= 1.5; print(x)
x **= 2; print(x)
print(float.__add__(1.0, 2), float.__radd__(1.0, 2), float.__rsub__(1.0, 3), float.__rtruediv__(2.0, 1))
print(float.__add__(1.0, "a"))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(1e-7, 1e-5, 1e-4, 1e15, 1e16, 1e17, 123456789012345678.0)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
