# Tests float() string parsing edge cases: whitespace, signs, underscores, exponents, special values in any case, unicode digits, and errors.

def show(s):
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)

for s in ["1", " 1 ", "+1.5", "-.5", "5.", ".", "1e10", "1E-10", "1e+10", "1e", "e1", "1.5e3.2", "1_000.000_1", "1__0", "_1", "1_", "1._5",
          "inf", "-INF", "Infinity", "+infinity", "infinit", "nan", "NaN", "-nan", "nan0", "0x1p3", "1e400", "-1e400", "1e-400",
          "\t\n 2.5 \r", "١٫٥", "١٢٣", "1,5", "", "  ", "0e0", "-0.0", "00012.5000", "1e0001", "9" * 30, "0." + "0" * 400 + "1",
          "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4e-324", "2.5e-324"]:
    show(s)
print(float(b" 3.25 "), float(bytearray(b"1e2")), float(memoryview(b"7")))
for bad in [None, [], {}, "1" * 1]:
    try:
        print(float(bad))
    except TypeError as e:
        print(type(e).__name__, e)
class Str(str):
    pass
print(float(Str("2.5")), float(True), float(10 ** 20), float(-(2 ** 63)))
