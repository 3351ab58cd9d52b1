# Tests %-formatting with objects: %s/%r/%a dispatch to __str__/__repr__, tuples vs single objects, mapping keys with nested parens, %c/%d/%x via __index__/__int__.

class Obj:
    def __str__(self):
        return "Obj-str"

    def __repr__(self):
        return "Obj-repr-é"

o = Obj()
print("%s|%r|%a" % (o, o, o))
print("%s" % o, "%s" % [o], "%s" % (o,), "%r" % [o])
print("%s" % ((1, 2),), "%s %s" % (1, 2), "%s" % [1, 2], "%s" % {"a": 1})
try:
    print("%s %s" % [1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print("%(a)s %(b)r %(a)s" % {"a": o, "b": o})
print("%(key(with)parens)s" % {"key(with)parens": "nested ok"})
class Idx:
    def __index__(self):
        return 97
print("%c %d %x %o %X" % (Idx(), Idx(), Idx(), Idx(), Idx()))
class Flt:
    def __float__(self):
        return 2.5
print("%f %e %g %.1f" % (Flt(), Flt(), Flt(), Flt()))
try:
    "%d" % Flt()
except TypeError as e:
    print(type(e).__name__, e)
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%x" % True)
try:
    "%x" % 3.5
except TypeError as e:
    print(type(e).__name__, e)
class MapLike:
    def __getitem__(self, k):
        return k.upper()
print("%(hello)s %(world)s" % MapLike())
class StrSub(str):
    pass
print("%s" % StrSub("sub"), type("%s" % StrSub("sub")).__name__, type(StrSub("%s") % "x").__name__)
print("%-6s|%6r|%.3s|%-10a|" % ("ab", "cd", "efghij", "é"))
print("%5.1f%%" % 99.44, "%+d%%" % 5, "%%%s%%" % "wrapped")
print("%s" % None, "%r" % None, "%s" % True, "%d" % False, "%s" % b"bytes", "%r" % 1.0, "%s" % 1e100)
print("%*s|%-*s|" % (5, "r", 5, "l"), "%.*f" % (2, 3.14159), "%0*d" % (5, 42))
try:
    "%(a)s %(b)s" % {"a": 1}
except KeyError as e:
    print(type(e).__name__, e)
try:
    "%s" % ()
except TypeError as e:
    print(type(e).__name__, e)
print("no format" % (), "no format" % {}, "%s" % ((),))
try:
    "no format" % 5
except TypeError as e:
    print(type(e).__name__, e)
print("no format" % [] if False else "skip", "x" % {"unused": 1})
