# Tests f-string nesting and edge cases: nested f-strings, nested format specs, dict/attribute access, calls with kwargs, lambdas, escaped braces in specs.

data = {"name": "Ada", "langs": ["py", "c"], "n": 3.14159}
w, p, align = 12, 3, ">"
print(f"{data['name']:{align}{w}}|", f"{data['n']:{w}.{p}f}|", f"{data['langs'][-1]!r:^{w}}|")
print(f"{f'inner {data[chr(110)]:.1f}'}", f"""{f'{data["name"]}'}""")
print(f"{'-' * 10}", f"{', '.join(data['langs'])}", f"{len(data):03}", f"{sorted(data)}")
print(f"{(lambda x: x * 2)(21)}", f"{dict(a=1)['a']}", f"{[x for x in range(3)]}", f"{ {'set'} }", f"{ {1: 2}[1] }")
class Obj:
    attr = "value"
    def method(self, k=1):
        return f"method({k})"
o = Obj()
print(f"{o.attr}", f"{o.method()}", f"{o.method(k=5)}", f"{o.attr.upper()!r}", f"{Obj.__name__}")
val = 255
for spec in ["x", "#x", "08b", "^10", "+", ",", "e"]:
    print(f"{val:{spec}}", end=" | ")
print()
fill = "*"
print(f"{'mid':{fill}^{9}}", f"{val:{fill}>{w},}")
print(f"{3.14159:.{p}}", f"{3.14159:.{p + 1}f}", f"{'abc':.{1}}")
print(f"{'{'}", f"{'}'}", f"{{{val}}}", f"{{}}", f"{'{}'.format(1)}")
print(f"""{
    val
    + 1
}""", f'''{"triple" + 'mix'}''')
nested_dict = {"a": {"b": {"c": "deep"}}}
print(f"{nested_dict['a']['b']['c']}", f"{nested_dict['a']}")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for name, price, qty in items:
    print(f"{name:<8}{price:>6.2f}{qty:>4d}{price * qty:>8.2f}")
print(f"{'nested ' + f'{1 + 1}' + ' levels'}")
print(f"{val!s:>5}", f"{val!r:<5}|", f"{'q'!a}", f"{'é'!a:>8}")
print(f"{(1, 2)}", f"{1, 2}" if False else f"{(1, 2)[0]}", f"{None!r}", f"{...}")
x = 10
print(f"{x=}, {x*2=}, {x = :>5}, {x=!r:^7}|")
print(f"{x:{'' if x else '>'}{4}}|", f"{'%'}{x}", f"{x:%}" if False else f"{x/100:.0%}")
print(f"{'a' if x > 5 else 'b'}{'c' if x < 5 else 'd'}")
def fmt(v, spec):
    return f"{v:{spec}}"
print(fmt(1234.5, ",.1f"), fmt("s", "~^5"), fmt(42, "#o"))
