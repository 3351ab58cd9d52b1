# Tests float formatting: format() with e/f/g/%/n-less specs, precision, alignment, sign, grouping, '#', 'z'-less.

vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 0.000123456, 1e-10, 1e20, 123456789012.0, 0.5, 1.5, 2.5, 9.995, 99.5]
specs = ["", "f", ".0f", ".2f", ".10f", "e", ".0e", ".3e", "E", "g", ".1g", ".3g", ".10g", "G", "%", ".1%", "#.0f", "#g", "#.3g", ".0%"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
for s in ["10.2f", "<10.2f", ">10.2f", "^10.2f", "=10.2f", "+.2f", " .2f", "-.2f", "010.2f", "+010.2f", "*^12.3f",
          "_>12.1f", ",.2f", "_.2f", "015,.2f", ",", ",.3e", "+015.3e", "#010x" if False else "08.3g", " 12g", ".3", "12"]:
    print(s, repr(format(1234.5678, s)), repr(format(-1234.5678, s)), repr(format(0.001, s)))
print(format(1e16, ""), format(1e16, "g"), format(1e15, ""), format(123.0, ""), format(123.0, "g"), format(1e-5, ""))
print(format(1.0, ".0"), format(1.5, ".1"), format(10.0, ".1"), format(12.5, ".2"), format(1e100, ".3"))
print(format(0.1, ".17f"), format(0.1, ".25f"), format(1 / 3, ".30f"))
print(format(2 ** 0.5, ".50f"))
print(format(123456789.0, ",.0f"), format(-0.0001, ",.2f"), format(1e6, "_g"), format(1e6, ",e"))
print("%.3f %e %g %G %10.4f %-10.1f| %+.0f %05.1f %.0e %#.0e %#x" % (3.14159, 12345.678, 0.00001234, 1e-20, 2.5, 2.5, 2.5, -2.5, 12345.0, 12345.0, 255))
print("%s %r %a" % (1.5, 1.5, 1.5))
print("%f %F" % (float("inf"), float("nan")))
for p in range(0, 18):
    print(p, format(1 / 7, f".{p}g"), format(123456.789, f".{p}g"), format(0.000987654321, f".{p}e"))
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, ".2x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, ",_f")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, "=")
except ValueError as e:
    print(type(e).__name__, e)
print(format(-0.0, ".1f"), format(-0.00001, ".1f"), format(-0.0, "g"), format(-0.0, "e"))
print(format(-0.0, "z.1f"), format(-0.00001, "z.1f"), format(-1.5, "z.0f"))
