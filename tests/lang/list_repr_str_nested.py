# Tests repr/str of containers holding special values: floats, strings with quotes/escapes, nested empties, recursion markers in lists/dicts/mixed, custom reprs inside.

print([1.0, 1e100, 1e-7, float("inf"), float("-inf"), float("nan"), -0.0, 0.1 + 0.2])
print(["it's", 'say "hi"', 'both \' and "', "\\", "\t\n", "\x00", "é", "\u200b", "𝄞"])
print((), ((),), ([],), [[], {}], {(): []}, {frozenset(): set()}, [set(), frozenset({1})])
print({1: {2: {3: {}}}}, [[[[[]]]]], ((((1,),),),))
a = [1]
a.append(a)
b = {"self": None}
b["self"] = b
c = [b, a]
print(a, b, c)
d = {"list": []}
d["list"].append(d)
print(d)
t = ([],)
t[0].append(t)
print(t, str(t) == repr(t))
class R:
    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return f"<R {self.tag}>"

    def __str__(self):
        return "never used inside containers"

print([R(1), (R(2),), {R(3): R(4)}] if False else [R(1), (R(2),), {"k": R(4)}], str([R(5)]))
print(repr([None, True, False, Ellipsis, NotImplemented]), repr([int, str, type(None)]))
print({1: "a", "1": 1, 1.5: [1.5], (1,): (1,), None: None})
print(repr(b"\x00\xffa'"), [b"x", bytearray(b"y")], [range(3), slice(1, 2)], [1 + 2j, -1j])
long_list = list(range(30))
print(long_list)
print(repr("a" * 3 + "'" + '"'), repr("'"), repr('"'), repr("'\""), repr("\\'"))
