# _string: formatter_parser and formatter_field_name_split, the parser that
# string.Formatter is built on; it must split and reject format strings
# exactly as str.format does.
import _string

def chunks(f):
    try:
        return list(_string.formatter_parser(f))
    except Exception as e:
        return f"{type(e).__name__}: {e}"

cases = [
    "", "plain", "a{{b}}c{0!r:>{1}}d", "{0}", "{}{}", "{a.b[c][0]!s}",
    "{0!x}", "}}", "{{", "{{}}", "{:{}}", "{0:{1}.{2}f}", "x{0:}y", "{!r}",
    "{0!a:^10}", "{[}]}", "{a[{]}", "{0:}}}", "{0:{{}}}", "ab{0}c}", "{0[}", "{!}",
    "{0!r", "{0!rx}", "{:", "{", "}", "a}b", "{٠}", "{{{0}}}", "{0}{1}{2}", "é{0}ü",
    "{ 0 }", "{0 !r}", "{:::}", "{0!:}", "{a{b}",
]
for f in cases:
    print(repr(f), chunks(f))

# The iterator is lazy: chunks before an error are produced first.
it = _string.formatter_parser("ok{0}then}")
print(next(it))
try:
    next(it)
except ValueError as e:
    print("later:", e)
print(type(it).__name__, iter(it) is it)

def split(n):
    try:
        first, rest = _string.formatter_field_name_split(n)
        return repr(first), list(rest)
    except Exception as e:
        return f"{type(e).__name__}: {e}"

names = [
    "a.b[c][0]", "0", "", "12.x", "a[]", "a.", "a[x", "a]x", "٣[٤]", "[1]",
    "99999999999999999999999", "a[99999999999999999999999]", "x[ 1]", "x[-1]",
    "x[1.5]", "x.y.z", "x[a.b]", "x[[]", "x.[0]", "x[0]y", "0[0][0]",
    "9223372036854775807", "9223372036854775808",
]
for n in names:
    print(repr(n), split(n))

first, rest = _string.formatter_field_name_split("a.b[2]")
print(type(rest).__name__, iter(rest) is rest, next(rest), next(rest))
try:
    next(rest)
except StopIteration:
    print("exhausted")

for bad in [1, b"x", None, ["{0}"]]:
    for fn in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            fn(bad)
        except TypeError as e:
            print(fn.__name__, e)

# A small Formatter on top of the two functions, checked against str.format.
def vformat(fmt, args, kwargs, depth=2):
    out = []
    auto = 0
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        if first == "":
            first = auto
            auto += 1
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == "r":
            obj = repr(obj)
        elif conv == "s":
            obj = str(obj)
        elif conv == "a":
            obj = ascii(obj)
        spec = vformat(spec, args, kwargs, depth - 1) if depth > 1 else spec
        out.append(format(obj, spec))
    return "".join(out)

class P:
    x = 3
    name = "point"

tests = [
    ("{0:>{1}}|{name!r}|{x[1]}", ("hi", 6), {"name": "n", "x": [1, 2]}),
    ("{}-{}-{}", (1, 2.5, "s"), {}),
    ("{p.x}{p.name!a}{{lit}}", (), {"p": P}),
    ("{0[a]:*^9}", ({"a": "mid"},), {}),
    ("{٠}·{١!r}", ("u", "v"), {}),
    ("{0:{1}{2}}", (3.14159, ".", "3"), {}),
    ("{:,}", (1234567,), {}),
]
for fmt, a, k in tests:
    mine = vformat(fmt, a, k)
    print(repr(mine), mine == fmt.format(*a, **k))

# str.format shares the parser: the same errors, Unicode digits as indexes.
for fmt in ["{٠}", "{0[٣]}", "{0[99999999999999999999999]}", "{0.}", "{0[}", "{0]}"]:
    try:
        print(repr(fmt.format("u", {3: "three"})))
    except Exception as e:
        print(fmt, type(e).__name__, e)
print("{0[٣]}".format({3: "three"}))
