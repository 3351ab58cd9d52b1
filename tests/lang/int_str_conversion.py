# Tests int<->str conversions: str()/repr() of ints, format with bases, int() round trips in all bases 2..36, digit limit errors and sys.set_int_max_str_digits.

import sys
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return ("-" if neg else "") + "".join(reversed(out))
for b in range(2, 37):
    s = to_base(123456789, b)
    print(b, s, int(s, b) == 123456789, int(s.upper(), b) == 123456789, int("-" + s, b))
print(str(10 ** 30), repr(-(10 ** 30)), str(0), str(-0), f"{2 ** 64:_}", f"{-255:#x}")
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, str(e)[:40])
try:
    int("9" * 5000)
except ValueError as e:
    print(type(e).__name__, str(e)[:40])
print(len(hex(10 ** 5000)), int("f" * 5000, 16) > 0)
sys.set_int_max_str_digits(6000)
print(len(str(10 ** 5000)), int("9" * 5000) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
sys.set_int_max_str_digits(4300)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
print(int("  +0000123  "), int("-0"), int("0_0_1"), int("1" + "0" * 30), int("０１２"))
for s in ["0x", "0b", "0o", "x10", "1e3", "1.0", "١٫٢", "++1", "1 000", "0X1F"]:
    try:
        print(repr(s), int(s, 0))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
