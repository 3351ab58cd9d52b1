# format(complex, spec): every float presentation type, precision, sign,
# width/alignment/fill, grouping, '#', 'z', and the specs complex refuses.

vals = [1 + 2j, -1.5 - 0.5j, 0j, complex(-0.0, 0.0), complex(0.0, -0.0),
        complex(-0.0, -0.0), 3j, -3j, 1e20 + 1e-20j, complex(1234567.891, -9876543.21),
        complex(float("inf"), -1), complex(1, float("nan")), complex(-float("inf"), float("inf")),
        complex(123456789, 0.1), 2.5 + 0j, complex(1e-7, 1e7)]
specs = ["", "g", "e", "E", "f", "F", "G", "n", ".0f", ".1f", ".3e", ".2g", ".10g",
         "+", "+.2f", " ", " .1e", "-", "20", "<20", ">20", "^20", "*^24.2f",
         "_<18", ",", ",.2f", "_.1f", "#g", "#.0f", "#.0e", "z.1f", "z", ".0", ".3",
         "12.3", "+25.4e"]
for z in vals:
    print(repr(z))
    for spec in specs:
        print("  %-8r %r" % (spec, format(z, spec)))

# f-strings and str.format take the same path.
z = complex(3.14159, -2.71828)
print(f"{z}|{z:.2f}|{z:>30.4e}|{z!r:>20}|{z!s:<22}|")
print("{0:.3g} {0:+} {1:^16}".format(z, 1j))

for spec in ["=10", "010", "0", "=", "%", "d", "x", "c", "s", "b", ".2%", "05.1f", "xx"]:
    try:
        print(repr(spec), format(1 + 2j, spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
try:
    format(1j, 5)
except TypeError as e:
    print("TypeError:", e)

class C(complex):
    pass

print(format(C(1, 2), ".1f"), format(C(0, -1), ""), str(C(2, 0)), repr(C(-0.0, 1)))
