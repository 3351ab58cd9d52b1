# format() of ints and floats across the spec mini-language: types e/f/g/%/n/x/b/c,
# precision, alternate form, sign, zero padding, grouping, fill and alignment,
# 'z', inf/nan, and printf-style % formatting of numbers, with the errors.

def show(e):
    try: return repr(eval(e))
    except Exception as ex: return type(ex).__name__ + ": " + str(ex)
vals = [0, -0.0, 1.5, -1234567.891, 1e-7, 1e22, 2.5, float("inf"), float("nan"), 123, -2**70]
specs = ["", "e", ".3", ".0e", "#.0f", "g", ".10g", "%", ".1%", ",", "_", "08.2f", "+08,.1f", "=+12.3", "^12", "x<10.2e", " g", "#g", "n", ".2n", "z.0f", "#x", "_b", "c"]
for v in vals:
    for s in specs:
        print(repr(v), repr(s), show(f"format({v!r}, {s!r})"))
for e in ["'%d' % 3.7", "'%x' % 255", "'%x' % 2.5", "'%.3e' % 12345", "'%g' % 1e-5", "'%r' % 1j", "'%5.1f|' % -0.05", "'%i' % True",
          "'%o' % -8", "'%#x' % 2**70", "'%c' % 65", "'%e' % float('inf')", "'%+.2f' % 2**0.5", "'%s' % (2**100)", "'%d' % '1'"]:
    print(e, show(e))
