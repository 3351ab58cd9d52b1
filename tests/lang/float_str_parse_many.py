# float(str) and float(bytes): decimal syntax with signs, points, exponents,
# underscores between digits, surrounding whitespace (ASCII and Unicode),
# non-ASCII decimal digits, the words inf/infinity/nan, and the ValueError
# for everything else; results that round to 0 or overflow to inf.

good = ["0", "-0", "+0", "0.0", "-0.0", "1", "1.", ".1", "1.5", "-1.5", "+1.5", "1e5", "1E5", "1e+5", "1e-5",
        "1.e5", ".5e-3", "1_000", "1_000.000_1", "1e1_0", "0_0.0_0", "  42  ", "\t\n3.25\r\f\v", "\u200953\u3000",
        "\u0661\u0662.\u0663", "\uff11e\uff12", "00012", "1" * 400, "0." + "0" * 400 + "1", "1e308", "1.8e308",
        "-1e400", "4.9e-324", "2.5e-324", "2.4e-324", "1e-400", "123456789012345678901234567890",
        "inf", "INF", "-inf", "+Infinity", "infinity", "nan", "-NaN", "+nan", "  nan\n"]
bad = ["", " ", "+", "-", ".", "e5", "1e", "1e+", "1.5.5", "1e5.5", "1_", "_1", "1__0", "1_.5", "1._5", "1e_5",
       "1_e5", "0x10", "0b1", "1,5", "1 5", "infin", "nann", "inf inf", "--1", "+-1", "1+", "1j", "\x00", "1\x00",
       "\u0663x", "\u00bd", "one", "- 1", "NaN(1)", "1f", "1d"]
for s in good:
    print(repr(s)[:30], repr(float(s)))
for s in bad:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for b in [b"1.5", b" -2e3 ", b"inf", bytearray(b"7_0"), b"\xff", b"1e", b"\xc2\xa01"]:
    try:
        print(b, repr(float(b)))
    except ValueError as e:
        print(b, "ValueError:", e)
class S(str):
    pass
class F(float):
    pass
print(float(S("2.5")), F("1e3"), type(F("1e3")).__name__, F(), float(), float(" 1_2 "), float(True), float(2 ** 60))
for v in [None, [1], {}, 1j, object()]:
    try:
        float(v)
    except TypeError as e:
        print(type(v).__name__, "TypeError:", e)
