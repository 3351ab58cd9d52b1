# Tests int() parsing in every base, underscores, whitespace, signs, and str/bin/oct/hex formatting.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(int(), int(0), int("0"), int("-0"), int("+17"), int("  42  "), int("\t\n-3\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("ZZ", 36), int("10", 2), int("777", 8), int("-10", 7))
print(int("1_000", 10), int("0x_ff", 0), int("0b_1_1", 0), int("1_0", 0))
print(int("0", 0), int("00", 0), int("0_0", 0), int("-0x10", 0), int("+0o10", 0))
print(int(3.99), int(-3.99), int(True), int(1e10), int(-0.0))
print(int("١٢٣"), int("１２"))
for s, base in [("", 10), (" ", 10), ("1.5", 10), ("0x", 16), ("12a", 10), ("1__0", 10), ("_1", 10),
                ("1_", 10), ("010", 0), ("0b2", 0), ("8", 8), ("g", 16), ("+-1", 10), ("- 1", 10),
                ("0x10", 10), ("10", 37), ("10", 1), ("10", -1), ("١٢x", 10)]:
    show(f"int({s!r}, {base})", lambda: int(s, base))
show("int(None)", lambda: int(None))
show("int([])", lambda: int([]))
show("int(1.5, 10)", lambda: int(1.5, 10))
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
show("int(-inf)", lambda: int(float("-inf")))
show("int(b'12')", lambda: int(b"12"))
show("int(bytearray)", lambda: int(bytearray(b" -7 ")))
show("int(b'ff',16)", lambda: int(b"ff", 16))
show("int('9'*5000)", lambda: len(str(int("9" * 4300))))
show("int('9'*4301)", lambda: int("9" * 4301))
show("int(x=1)", lambda: int(x=1))
show("int('12', base=5)", lambda: int("12", base=5))
print(str(0), str(-0), str(123), str(-123), repr(10 ** 20))
for n in [0, 1, -1, 10, 255, -255, 2 ** 40, -(2 ** 40)]:
    print(n, bin(n), oct(n), hex(n))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "#o"))
show("bin(1.0)", lambda: bin(1.0))
show("hex('a')", lambda: hex("a"))

class Idx:
    def __index__(self):
        return 42

class IntLike:
    def __int__(self):
        return 7

class TruncLike:
    def __trunc__(self):
        return 9

print(bin(Idx()), hex(Idx()), oct(Idx()), int(Idx()), int(IntLike()))
show("int(TruncLike)", lambda: int(TruncLike()))
show("int('10', Idx())", lambda: int("10", Idx()))

class BadInt:
    def __int__(self):
        return "x"

show("int(BadInt)", lambda: int(BadInt()))

class Sub(int):
    pass

v = int(Sub(5))
print(type(v).__name__, v, type(Sub(5)).__name__, Sub("12", 3))
print(int("  0b1010  ", 0), int("0B11", 0), int("0O7", 0), int("0XaB", 0))
