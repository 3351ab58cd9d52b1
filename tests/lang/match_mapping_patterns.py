# Mapping patterns: key lookup through get() semantics on dicts and dict
# subclasses, **rest, literal and value keys, duplicate-key errors, and what
# counts as a mapping.

def describe(m):
    match m:
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": "rect", "w": w, "h": h, **rest}:
            return f"rect {w}x{h} extra={rest}"
        case {"type": t}:
            return f"unknown shape {t}"
        case {}:
            return f"mapping with {len(m)} keys"
        case _:
            return "not a mapping"


for m in ({"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2},
          {"type": "rect", "w": 1, "h": 2, "color": "red", "z": 0}, {"type": "tri"},
          {"r": 1}, {}, [("type", "circle")], "type", None):
    print(describe(m))

# numeric and other literal keys; value patterns as keys
class K:
    KEY = "dotted"


for m in ({1: "one"}, {1.0: "float one"}, {True: "true"}, {None: "none"}, {"dotted": 5},
          {(1, 2): "tuple"}, {b"b": "bytes"}, {-1: "neg"}, {1j: "complex"}):
    match m:
        case {None: v}:
            print("None key", v)
        case {K.KEY: v}:
            print("value key", v)
        case {1: v}:
            print("key 1", v)
        case {b"b": v}:
            print("bytes key", v)
        case {-1: v}:
            print("negative key", v)
        case {1j: v}:
            print("complex key", v)
        case _:
            print("no case for", m)

# **rest is a new dict without the matched keys
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **rest}:
        print(rest, rest is d, d)


# dict subclasses: __missing__ is not used (match uses get)
class Missing(dict):
    def __missing__(self, key):
        return "invented"


match Missing(a=1):
    case {"b": v}:
        print("should not match", v)
    case {"a": v}:
        print("a via get", v)


# a subclass overriding get is consulted
class Gets(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return super().get(key, default)


match Gets(x=1, y=2):
    case {"x": 1, "y": 3}:
        print("no")
    case {"x": 1, **others}:
        print("others", others)

# duplicate literal keys, and keys that are not literals or values, are
# SyntaxErrors at compile time
for src in ("match x:\n case {'a': 1, 'a': 2}: pass\n", "match x:\n case {(1, 2): v}: pass\n"):
    try:
        compile(src, "<m>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# a duplicate found only at run time (value patterns) is a ValueError
class V:
    A = "k"
    B = "k"


try:
    match {"k": 1}:
        case {V.A: 1, V.B: 1}:
            pass
except ValueError as e:
    print("ValueError", e)

# mappingproxy and dict views
mp = type("T", (), {"attr": 1}).__dict__
match mp:
    case {"attr": a}:
        print("mappingproxy", a)
match {"k": 1}.keys():
    case {}:
        print("keys view is a mapping?")
    case _:
        print("keys view is not a mapping")

# nested mappings and sequences
event = {"kind": "move", "to": {"x": 1, "y": [2, 3]}}
match event:
    case {"kind": "move", "to": {"x": x, "y": [y0, *ys]}}:
        print("nested", x, y0, ys)

# guard sees bound names; failed match leaves earlier bindings unspecified but real
match {"n": 5}:
    case {"n": n} if n > 10:
        print("big")
    case {"n": n}:
        print("small", n)
