# Tests format()/str.format/f-string dispatch through __format__ for builtins and subclasses, default object.__format__, and format_spec passing.

class Spy:
    def __init__(self, tag):
        self.tag = tag

    def __format__(self, spec):
        return f"<{self.tag}:{spec!r}>"

s = Spy("s")
print(format(s), format(s, "abc"), "{}".format(s), "{:xyz}".format(s), "{0:{1}}".format(s, "nested"), f"{s}", f"{s:>10}", f"{s!r:>10}"[:2])
print("%s" % Spy("pct") if False else "%-8s|" % "pct")

class IntSub(int):
    pass

class FloatSub(float):
    def __format__(self, spec):
        return "FloatSub:" + float.__format__(self, spec)

class StrSub(str):
    pass

print(format(IntSub(255), "x"), format(FloatSub(2.5), ".2f"), f"{FloatSub(1):e}", format(StrSub("ab"), "^6"), "{:>5}".format(IntSub(7)))
print(object.__format__(5, ""), int.__format__(5, "03"), float.__format__(0.5, "%"), str.__format__("x", "*>3"))
try:
    object.__format__(5, "03")
except TypeError as e:
    print(type(e).__name__, e)

class NoFormat:
    def __str__(self):
        return "NoFormat-str"

print(format(NoFormat()), f"{NoFormat()}", "{}".format(NoFormat()), f"{NoFormat()!s:>14}")
try:
    f"{NoFormat():>14}"
except TypeError as e:
    print(type(e).__name__, e)
print(format(True, ""), format(True, "d"), format(False, ">6"), format(None, ""), format(..., ""), format(b"x", ""))
print(format(3, "") == str(3), format(3.0, "") == str(3.0), format(1e16, "") == str(1e16), format(1 + 1j, "") == str(1 + 1j))
print(format(0.1 + 0.2, ""), format(0.1 + 0.2, "g"), format(123456789.0, ""), format(123456789.0, "g"), format(1e-5, ""), format(1e-5, "f"))
print("{!r:10}|{!s:^10}|{!a:>10}|".format("é", "é", "é"))
print("{0[1]:>4}{0[0]:<4}|".format(("L", "R")), "{x.real:+.1f}".format(x=2.25), "{:{}{}}".format(7, "0", "3"))
class Dyn:
    def __format__(self, spec):
        width = int(spec) if spec else 0
        return "dyn".center(width, ".")
print(f"{Dyn():9}", format(Dyn(), "5"), "{:7}".format(Dyn()), f"{Dyn()}")
