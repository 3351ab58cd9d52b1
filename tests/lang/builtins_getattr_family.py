# Tests getattr/setattr/hasattr/delattr thoroughly: defaults, non-str names, dunder access, properties raising, class-level vs instance operations.

class C:
    cls_attr = 1

    @property
    def raises_attr(self):
        raise AttributeError("prop missing")

    @property
    def raises_value(self):
        raise ValueError("prop value error")

c = C()
print(getattr(c, "cls_attr"), getattr(c, "nope", None), getattr(C, "cls_attr"), getattr(c, "__class__").__name__)
print(hasattr(c, "cls_attr"), hasattr(c, "nope"), hasattr(c, "raises_attr"), getattr(c, "raises_attr", "default used"))
try:
    hasattr(c, "raises_value")
except ValueError as e:
    print(type(e).__name__, e)
try:
    getattr(c, "raises_value", "no default for ValueError")
except ValueError as e:
    print(type(e).__name__, e)
for name in [1, None, b"cls_attr"]:
    for fn in (lambda: getattr(c, name), lambda: hasattr(c, name), lambda: setattr(c, name, 1), lambda: delattr(c, name)):
        try:
            fn()
        except TypeError as e:
            print(repr(name), type(e).__name__, e)
setattr(c, "dynamic", 5)
setattr(c, "with space", "ok")
setattr(c, "123", "numeric name")
print(c.dynamic, getattr(c, "with space"), getattr(c, "123"), sorted(vars(c)))
delattr(c, "dynamic")
print(hasattr(c, "dynamic"))
try:
    delattr(c, "cls_attr")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(C, "added", "class level")
print(c.added, C.added)
delattr(C, "added")
print(hasattr(c, "added"))
class S(str):
    pass
print(getattr(c, S("cls_attr")), hasattr(c, S("cls_attr")))
try:
    getattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is c)
print(getattr(5, "bit_length")(), getattr("x", "__len__")(), getattr([], "append").__name__, getattr(int, "__name__"))
try:
    getattr()
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, "a", "b", "c")
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(c, "x")
except TypeError as e:
    print(type(e).__name__, e)
