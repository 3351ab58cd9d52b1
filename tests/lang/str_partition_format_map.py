# Tests str.format_map and format with mapping subclasses, attribute/index chains in fields, Formatter-like behaviour done by hand, and template filling.

class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"

template = "Hello {name}, you are {age} years old. {unknown}!"
print(template.format_map(Default(name="Ann", age=30)))
print("{a[0]} {a[1][k]} {b.real}".format_map({"a": [1, {"k": "v"}], "b": 2 + 3j}))
class Lookup:
    def __getitem__(self, key):
        return key.upper() * 2
print("{x}-{yy}".format_map(Lookup()))
try:
    "{0}".format_map({"0": "zero"})
except ValueError as e:
    print(type(e).__name__, e)
print("{0}".format_map(["zero"]) if False else "{k:>5}|".format_map({"k": "r"}))
class Person:
    def __init__(self, name, tags):
        self.name = name
        self.tags = tags
p = Person("Bo", ["x", "y"])
print("{p.name} has {p.tags[1]} and {p.tags[0]!r}".format(p=p), "{0.name:*^8}".format(p))
def fill(tmpl, **values):
    out = []
    i = 0
    while i < len(tmpl):
        if tmpl[i] == "$" and tmpl[i + 1:i + 2] == "{":
            j = tmpl.index("}", i)
            key = tmpl[i + 2:j]
            out.append(str(values.get(key, "?")))
            i = j + 1
        else:
            out.append(tmpl[i])
            i += 1
    return "".join(out)
print(fill("${greet}, ${who}! ${missing}", greet="Hi", who="there"))
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 4.0)]
fmt = "{:<12}|{:>4}|{:>8.2f}"
print("\n".join(fmt.format(*r) for r in rows))
print("{:{w}.{p}f}|{:>{w}}|".format(3.14159, "r", w=8, p=3), "{!s:{}}|".format(1, 4))
print("{0}{1}{0}".format("ab", "-"), "{}{}".format(*"xy"), "{x}{y}".format(**{"x": 1, "y": 2}))
from string import Template
t = Template("$who likes $what; ${who}x costs $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"))
try:
    t.substitute(who="tim")
except KeyError as e:
    print(type(e).__name__, e)
