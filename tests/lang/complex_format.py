# Tests complex formatting and parsing: repr with signed zeros/inf/nan, format specs (f/e/g/alignment), complex() string forms and errors.

vals = [1 + 2j, -1.5 - 0.5j, 1e20 + 1e-20j, complex(0, 0), complex(-0.0, 0), complex(0, -0.0), complex(float("inf"), -1),
        complex(1, float("nan")), 3j, -3j, complex(1e-7, 1e7), complex(123456789, 0.1)]
for z in vals:
    print(repr(z), str(z), format(z, ""), format(z, ".2f"), format(z, "e"), format(z, ".3g"), format(z, "+"), format(z, "^24"))
for s in ["1+2j", "1-2j", "-1-2j", "+1+2j", "2j", "-2J", "j", "+j", "-j", "1.5e3+2.5e-3j", "(1+2j)", " ( 1+2j ) ", "inf+infj", "nanj",
          "1e5j", "0j", "1_0+2_0j", "1+-2j", "1+2", "1+j2", "(1+2j", "1 +2j", "", "j j"]:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
print(complex(1, 2).conjugate(), (1 + 2j).real, (1 + 2j).imag, abs(-3 - 4j), (1 + 2j) == complex(1.0, 2.0), complex("1") == 1)
print(f"{1+2j:>12.1f}|", f"{-1j:<8}|", f"{complex(2, -3)!r}", "%s %r" % (1j, -1j))
for spec in ["=10", "010", "%", "d", "x"]:
    try:
        print(spec, format(1 + 2j, spec))
    except ValueError as e:
        print(spec, type(e).__name__, e)
