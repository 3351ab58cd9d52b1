# Tests float format-spec corner cases: 'g' trailing-zero removal and '#', exponent thresholds, '%' with precision, 'n' type, width with signs and zero padding, rounding halves.

vals = [0.0001, 0.00001, 123456.0, 1234567.0, 1e15, 1e16, 0.5, 1.0, 100.0, 2.5e-5]
for v in vals:
    print(repr(v), format(v, "g"), format(v, "#g"), format(v, ".3g"), format(v, "#.3g"), format(v, ".10g"), format(v, "G"), format(v, ""), format(v, ".3"))
for v in [0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, -0.5, 1e-10, 123.456]:
    print(repr(v), format(v, ".0f"), format(v, ".1f"), format(v, ".2f"), format(v, ".2e"), format(v, ".0e"), format(v, ".0%"), format(v, ".1%"))
for spec in ["+010.2f", "-010.2f", " 010.2f", "=+10.1f", "*<+10.1f", "0=10.1e", ",.3f", "_.1f", "010,.1f", "+.0%", " .2g", "#.0e", "#.0%", "#x" if False else "#.0g"]:
    print(spec, repr(format(1234.5678, spec)), repr(format(-0.001234, spec)))
print(format(1234567.891, "n"), format(0.000012, "n"), format(1e20, "n"), format(12, "n"), format(-1.5, "n"))
print(format(float("inf"), "+.2f"), format(float("-inf"), "010.1f"), format(float("nan"), "+010"), format(float("nan"), "E"), format(-0.0, "+.1f"))
print(format(1e-300, ".3g"), format(9.999999e-5, ".3g"), format(9.9995, ".4g"), format(99999.5, ".6g"), format(999999.5, ".6g"))
print(format(0.1, ".60f"))
print(format(5e-324, ".3e"), format(1.7976931348623157e308, ".3e"), format(1.7976931348623157e308, ".0f")[:20])
