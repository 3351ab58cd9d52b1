# f-strings in depth: conversions, nested replacement fields in specs, the
# '=' debug form with its whitespace, escapes, formats of every builtin type.
import datetime
import decimal

x, name, pi = 42, "krait", 3.14159265
print(f"{x}|{x!r}|{x!s}|{x!a}|{name!r}|{'é'!a}|{chr(9)!r}")
print(f"{x=}", f"{x = }", f"{x= }", f"{x =}", f"{name=!s}", f"{pi=:.3f}", f"{x*2=}")
print(f"{ x = }", f"{name.upper()=}", f"{[1,2][0]=}", f"{ {'a': 1}['a'] = }")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{name:^{width}}]", f"[{x:{'0'}{width}d}]")
print(f"[{x:#x}] [{x:#o}] [{x:#b}] [{x:_b}] [{1234567:,}] [{1234567:_}] [{-x:+d}] [{x: d}]")
print(f"[{pi:e}] [{pi:E}] [{pi:g}] [{1e20:g}] [{pi:%}] [{0.5:.0%}] [{pi:=+12.4f}] [{-pi:012.3f}]")
print(f"[{'abc':*<6}] [{'abc':*>6}] [{'abc':*^7}] [{'abc':.2}] [{'abc':6.2}]")
print(f"{{literal}} {{{x}}} {'{'}{x}{'}'}")
print(f"{'nested ' + f'{x:>4}'}", f"{x:{'>'}{5}}")
d = {"k": [1, {"z": 2}]}
print(f"{d['k'][1]['z']}", f"{d!r:>30}", f"{len(d)}")
print(f"{3+4j}", f"{(3+4j):.2f}", f"{True}", f"{True:d}", f"{None!r:>6}", f"{b'x'}")
print(f"{datetime.date(2020, 5, 17):%Y/%m/%d %A}", f"{datetime.time(7, 5):%H-%M}")
print(f"{decimal.Decimal('1.23456'):.3f}", f"{decimal.Decimal('12345.6'):,.2f}")
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
    def __repr__(self):
        return "Fmt()"
    def __str__(self):
        return "str-Fmt"
print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt()!r}", f"{Fmt()!s:>10}", f"{Fmt():{x}}")
multi = f"""a {x
} b {
name!r}"""
print(multi)
print(f"{x if x > 40 else 0}", f"{(lambda: 7)()}", f"{[i for i in range(3)]}", f"{(yield_ := 5)}")
print(f"\N{GREEK SMALL LETTER ALPHA}{x}\x41\u0042", rf"\n{x}\t", fr"{name}\d")
for bad in ['f"{x!z}"', 'f"{}"', 'f"{x:{y:{z}}}"', 'f"{"', 'f"}"', "f'{a b}'", 'f"{x!}"']:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
for spec in ["d", ".2f", "x", ">5s"]:
    try:
        print(f"{'text' if spec != '>5s' else 5:{spec}}")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(f"{x:>{width}_}", f"{12345.678:>{width},.1f}", f"{'%':%^5}")
