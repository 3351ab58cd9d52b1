# Tests float.hex/fromhex round trips and as_integer_ratio exactness for many values, subnormals, and limits; int/float conversion via ratios.

vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1 / 3, 2.0 ** -1074, 2.0 ** -1022, 2.0 ** -1023, 1.7976931348623157e308, 123.456, -2.5e-300, 3.141592653589793, 1e22, 4503599627370497.0]
for v in vals:
    h = v.hex()
    n, d = v.as_integer_ratio()
    print(repr(v), h, float.fromhex(h) == v, n / d == v, d & (d - 1) == 0, d.bit_length())
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x0.8p-1073", "0X1P+2", " 0x1.0p3 ", "0x.1", "0x1.", "inf", "-Infinity", "nan", "0x1p+1024", "0x1.fffffffffffff8p1023"]:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
for bad in ["", "0x", "1p", "0x1p", "0xg", "0x1.2.3", "0x1p1.5"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
print((0.1).as_integer_ratio(), (1e-300).as_integer_ratio()[1].bit_length(), (2.0 ** 70).as_integer_ratio(), (-0.75).as_integer_ratio())
class F(float):
    pass
print(type(F.fromhex("0x1p1")).__name__, F.fromhex("0x1p1"), F(2.5).hex())
print(float.hex(1.5), float.fromhex(float.hex(0.1)) == 0.1, (0.1 + 0.2).hex(), (0.3).hex())
