# Tests the format-spec mini-language on str and objects: alignment, fill, precision truncation, s type, __format__ dispatch.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for s in ["", "a", "abc", "héllo", "𝄞x"]:
    print(repr(s), [format(s, spec) for spec in ["", "s", "5", "<5", ">5", "^5", "*^6", ".2", "5.1", ">8.3s", "-^7", "^1", ".0"]])
show("= on str", lambda: format("a", "=5"))
show("+ on str", lambda: format("a", "+"))
show("space on str", lambda: format("a", " "))
show("# on str", lambda: format("a", "#"))
show("0 on str", lambda: format("a", "05"))
show(", on str", lambda: format("a", ","))
show("d on str", lambda: format("a", "d"))
print(format("ab", "0<5"), format("ab", "0>5"), format("ab", "00>5") if False else "")

class Obj:
    pass

o = Obj()  # one object: two would compare equal only if the second reused the first's address
print(format(o, "") == str(o) or "eq")
show("obj nonempty spec", lambda: format(Obj(), "10"))
show("object format", lambda: object.__format__(Obj(), "x"))

class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        if spec == "cents":
            return f"{self.v * 100}c"
        return f"${self.v:{spec}}"

    def __str__(self):
        return "Money!"

m = Money(12.5)
print(format(m), format(m, "cents"), format(m, ".1f"), f"{m}", f"{m:cents}", f"{m!s}", f"{m!r:.6}", "{:>8.2f}".format(m), str(m))

class BadFormat:
    def __format__(self, spec):
        return 42

show("bad __format__", lambda: format(BadFormat()))
show("bad __format__ f", lambda: f"{BadFormat()}")
show("format spec int", lambda: format("x", 5))

class SubStr(str):
    def __format__(self, spec):
        return "sub:" + spec

print(format(SubStr("x"), "^5"), f"{SubStr('y'):>3}", "{}".format(SubStr("z")))
print(format([1, 2]), format((1,)), format(None), format({1: 2}), format(1 + 2j, "^12"))
show("list spec", lambda: format([1], ">5"))
print(format(b"ab") if False else format(str(b"ab"), ">8"))
show("bytes spec", lambda: format(b"ab", ">8"))
print(format(range(3)), format(type), format(len) == str(len))
