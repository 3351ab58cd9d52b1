# repr/str/format hooks: fallbacks between them, non-str results, str
# subclasses returned, recursion through containers, and ascii().

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class OnlyStr:
    def __str__(self):
        return "only str"


class Both:
    def __repr__(self):
        return "Both-repr"

    def __str__(self):
        return "Both-str"


for o in (OnlyRepr(), Both()):
    print(repr(o), str(o), f"{o}", f"{o!r}", f"{o!s}", "%s %r" % (o, o), format(o, ""))
print(str(OnlyStr()), repr(OnlyStr()).startswith("<__main__.OnlyStr object at "))
print([OnlyRepr(), Both()], (Both(),), {"k": Both()}, {Both()} if False else "", str([OnlyStr()])[:20])


class BadRepr:
    def __repr__(self):
        return 5


class BadStr:
    def __str__(self):
        return None


for f in (lambda: repr(BadRepr()), lambda: str(BadStr()), lambda: f"{BadStr()}",
          lambda: [BadRepr()].__repr__(), lambda: str(BadRepr())):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)


class StrSub(str):
    pass


class ReturnsSub:
    def __repr__(self):
        return StrSub("sub-repr")

    def __str__(self):
        return StrSub("sub-str")


r = ReturnsSub()
print(repr(r), type(repr(r)).__name__, str(r), type(str(r)).__name__)


class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"


print(format(Fmt(), "x>10"), f"{Fmt():abc}", "{:q}".format(Fmt()), f"{Fmt()}")


class BadFmt:
    def __format__(self, spec):
        return 1


try:
    format(BadFmt(), "")
except TypeError as e:
    print("TypeError", e)

# object.__format__ refuses a non-empty spec
try:
    format(OnlyRepr(), "10")
except TypeError as e:
    print("TypeError", e)
print(format(OnlyRepr(), ""), "{}".format(OnlyRepr()))


# recursive containers
l = [1]
l.append(l)
d = {"self": None}
d["self"] = d
print(l, d, repr(l) == str(l))


class Node:
    def __init__(self, children):
        self.children = children

    def __repr__(self):
        return f"Node({self.children!r})"


print(Node([Node([]), Node([Node([])])]))

# ascii escapes non-ASCII in what __repr__ returned
class Uni:
    def __repr__(self):
        return "caf\u00e9 \u2603"


print(ascii(Uni()), repr(Uni()), ascii(["\u00e9", b"\xe9"]))

# exceptions in __repr__ propagate from containers
class Raises:
    def __repr__(self):
        raise ValueError("repr failed")


try:
    repr([1, Raises()])
except ValueError as e:
    print("ValueError", e)

# repr of a class and of a metaclass-customised class
class Meta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"


class WithMeta(metaclass=Meta):
    pass


print(repr(WithMeta), str(WithMeta), [WithMeta], repr(OnlyRepr) , str(type))
# __str__ defined as repr's alias inherited from object
print(Both.__str__ is not object.__str__, OnlyRepr.__str__ is object.__str__)
