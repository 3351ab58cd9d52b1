# Tests f-strings: expressions, conversions (!r !s !a), format specs, nesting of specs, quotes, braces, concatenation.

x = 42
name = "Wörld"
items = [1, 2, 3]
d = {"k": "v", 1: "one"}
print(f"x={x}", f"{x + 1}", f"{x * 2:>6}", f"{name!r}", f"{name!s}", f"{name!a}", f"{name:^11}|")
print(f"{items}", f"{items[1]}", f"{d['k']}", f"{d[1]}", f"{len(items)}", f"{items[-1] ** 2}")
print(f'{"nested quotes"}', f"{'single'}", f"""{'triple' + "mix"}""", f'''{x}''')
print(f"{{literal}}", f"{{{x}}}", f"}}{x}{{", f"{x}{{}}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|", f"{3.14159:{width}}|", f"{'s':{'>'}{width}}", f"{x:{'0'}{5}}")
print(f"{x:#x}", f"{x:b}", f"{x:,}", f"{1234567.891:,.2f}", f"{0.25:.0%}", f"{x:c}" if False else f"{65:c}")
print(f"{'a' 'b'}", f"abc" "def", "ghi" f"{x}", f"{x}" f"{x}")
print(f"{x if x > 0 else -x}", f"{[i * i for i in range(4)]}", f"{(lambda y: y + 1)(x)}", f"{ {'a': 1}['a'] }")
print(f"{x!r:>5}", f"{name!a:>15}", f"{3.0!s:>5}|")
print(f"{x = }", f"{x=}", f"{x =:>5}", f"{name=!r}", f"{name=!s}", f"{x*2=}", f"{ x = }", f"{items[0]=}")
print(f"{3.14159=:.2f}", f"{name=:^9}", f"{x=!a}")
print(f"{chr(10)!r}")
print(f"{x:{'>' if x else '<'}5}", f"{f'{x}'}", f"{f'{x:>3}'}|", f"""{f'{f"{x}"}'}""")
s = "str"
print(f"{s.upper()}", f"{s[::-1]}", f"{s!r:*^9}", f"{len(s):03d}")
print(f"{1}{2}{3}", f"", f"{''}", repr(f"{None}"), f"{True}", f"{b'bytes'}", f"{1+2j}")
print(f"{x:}", f"{x!s:}", f"{'pct':%>6}")

class P:
    def __repr__(self):
        return "P-repr"

    def __str__(self):
        return "P-str"

    def __format__(self, spec):
        return "P-format(" + spec + ")"

p = P()
print(f"{p}", f"{p!s}", f"{p!r}", f"{p!a}", f"{p:xyz}", f"{p!r:>8}", f"{p=}", f"{p=:q}", f"{p=!s}")
print(f"{x:{width}{'d'}}", f"{'%'}", f"{x:{{}}}" if False else "")
values = [(1, "a"), (22, "bb"), (333, "ccc")]
for n, t in values:
    print(f"|{n:<5}|{t:>5}|{n:^7.1f}|{t!r:^7}|")
def fn():
    return "called"
print(f"{fn()}", f"{fn.__name__}", f"{(yield_ := 5)}" if False else f"{(w := 7)} {w}")
try:
    print(f"{undefined_name}")
except NameError as e:
    print(type(e).__name__, e)
try:
    print(f"{x:q}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{x!r:d}")
except ValueError as e:
    print(type(e).__name__, e)
print(f"{x:{'>'}{'1'}{'0'}}|")
print(f"""{'multi'
        'line'}""", f"""{x
        + 1}""")
