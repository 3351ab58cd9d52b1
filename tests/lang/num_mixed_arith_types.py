# Binary operators across bool, int, big int, float and complex: the result
# type and value of every combination, and the TypeErrors for the
# combinations that are not defined (//, %, divmod with complex, bitwise with
# float).

vals = [True, 3, -(2 ** 70), 2.5, -0.0, 1 - 2j]
ops = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>"]
for op in ops:
    for a in vals:
        row = []
        for b in vals:
            try:
                r = eval(f"a {op} b")
                s = repr(r)
                row.append(type(r).__name__[0] + ":" + (s if len(s) < 26 else s[:12] + "..." + s[-6:]))
            except ZeroDivisionError:
                row.append("ZDE")
            except OverflowError:
                row.append("OVF")
            except TypeError:
                row.append("TE")
            except ValueError:
                row.append("VE")
        print(f"{a!r:>26} {op:2} {' '.join(row)}")
for expr in ["1 + '1'", "1.5 & 1", "1j // 2", "divmod(1j, 1)", "2 % 1j", "1 << 1.0", "[] - 1", "None * 2",
             "1.5 >> 1", "~1.5", "~1j", "-'a'", "abs('a')", "1j < 2j", "1 < 1j", "2.0 ** 1j ** 2"]:
    try:
        print(expr, "->", repr(eval(expr)))
    except TypeError as e:
        print(expr, "TypeError:", e)
# Reflected operators of numbers return NotImplemented for foreign types.
for name in ["__add__", "__radd__", "__mul__", "__rtruediv__", "__floordiv__", "__pow__", "__and__", "__rlshift__"]:
    row = []
    for x in [5, 2.5, 1j, True]:
        m = getattr(x, name, None)
        row.append("-" if m is None else repr(m("x")) + "/" + repr(m(2)))
    print(name, row)
