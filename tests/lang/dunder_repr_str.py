# Tests __repr__/__str__/__format__ dispatch: str falls back to repr, containers use repr, print uses str, format delegation, errors.

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"

class Both:
    def __repr__(self):
        return "Both-repr"

    def __str__(self):
        return "Both-str"

print(OnlyRepr(), str(OnlyRepr()), repr(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])
print(OnlyStr(), str(OnlyStr()), "%s" % OnlyStr(), f"{OnlyStr()!s}")
print(Both(), repr(Both()), [Both()], (Both(),), {"k": Both()}, f"{Both()}", f"{Both()!r}", "%s %r" % (Both(), Both()), "{} {!r}".format(Both(), Both()))
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at "), str(object()).startswith("<object object at "))

class BadRepr:
    def __repr__(self):
        return 42

class BadStr:
    def __str__(self):
        return None

for label, fn in [("repr", lambda: repr(BadRepr())), ("str->repr", lambda: str(BadRepr())), ("str", lambda: str(BadStr())),
                  ("list repr", lambda: repr([BadRepr()])), ("print", lambda: print(BadStr())), ("fmt", lambda: f"{BadStr()}")]:
    try:
        fn()
    except TypeError as e:
        print(label, type(e).__name__, e)

class StrSubclass(str):
    def __str__(self):
        return "overridden"

print(str(StrSubclass("x")), StrSubclass("x"), repr(StrSubclass("x")), f"{StrSubclass('x')}", "%s" % StrSubclass("x"))

class ReturnsStrSub:
    def __repr__(self):
        return StrSubclass("sub-repr")

r = repr(ReturnsStrSub())
print(r, type(r).__name__)

class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"

    def __str__(self):
        return "Fmt-str"

print(format(Fmt()), format(Fmt(), "x>5"), f"{Fmt():abc}", "{:q}".format(Fmt()), str(Fmt()), f"{Fmt()!s:>8}")

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

class Point3(Point):
    pass

print(Point(1, "a"), Point3(2.5, None), [Point(0, [1])])

class ReprRecursive:
    def __init__(self):
        self.children = []

    def __repr__(self):
        return f"R{self.children}"

root = ReprRecursive()
root.children.append(ReprRecursive())
root.children[0].children.append(ReprRecursive())
print(root)
print(repr("str"), str("str"), repr(1.0), str(1.0), repr(None), str(True), repr(b"x"), str(b"x"), repr([1, "a"]), str([1, "a"]))
print(str(int), repr(int), str(len), repr(type(None)), repr(NotImplemented), repr(Ellipsis))
print(repr(Point.__repr__).startswith("<function Point.__repr__"), repr(print), repr(str.upper), repr([].append).startswith("<built-in method append of list object"))
import sys
print(type(sys).__name__, repr(sys), repr(Point)[:25])
