# Tests type() with three arguments: dynamic class creation with bases, methods, class attributes, __slots__, __init_subclass__ kwargs, __qualname__ in namespace.

Point = type("Point", (), {"x": 0, "y": 0, "__init__": lambda self, x, y: (setattr(self, "x", x), setattr(self, "y", y)) and None,
                           "norm": lambda self: (self.x ** 2 + self.y ** 2) ** 0.5, "__repr__": lambda self: f"Point({self.x}, {self.y})"})
p = Point(3, 4)
print(p, p.norm(), Point.x, type(Point).__name__, Point.__name__, Point.__qualname__, Point.__module__)
Point3 = type("Point3", (Point,), {"z": 0, "__qualname__": "Custom.Point3"})
print(Point3(1, 2), Point3.z, Point3.__qualname__, [c.__name__ for c in Point3.__mro__], isinstance(Point3(0, 0), Point))
Slotted = type("Slotted", (), {"__slots__": ("a",)})
s = Slotted()
s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
Tagged = type("Tagged", (Base,), {}, tag="hello")
print(Tagged.tag)
Counter = type("Counter", (), {"count": 0, "inc": classmethod(lambda cls: setattr(cls, "count", cls.count + 1) or cls.count), "helper": staticmethod(lambda: "static")})
print(Counter.inc(), Counter.inc(), Counter.helper(), Counter().helper())
WithProp = type("WithProp", (), {"_v": 5, "v": property(lambda self: self._v * 2)})
print(WithProp().v)
Meta = type("Meta", (type,), {"describe": lambda cls: f"I am {cls.__name__}"})
Made = Meta("Made", (), {})
print(Made.describe(), type(Made).__name__, isinstance(Made, type))
Empty = type("Empty", (object,), {})
print(Empty.__bases__, Empty.__doc__, sorted(k for k in vars(Empty) if not k.startswith("__")))
Doc = type("Doc", (), {"__doc__": "documented"})
print(Doc.__doc__)
for args in [("X", (int, str), {}), ("X", (1,), {}), (1, (), {}), ("X", (), [])]:
    try:
        type(*args)
        print("created")
    except TypeError as e:
        print(type(e).__name__, e)
IntSub = type("IntSub", (int,), {"double": lambda self: self * 2})
print(IntSub(21).double(), type(IntSub(21) + 1).__name__, IntSub("7"))
ns = {"counter": 0}
def method(self):
    return "method via function"
Dyn = type("Dyn", (), {"method": method, **ns})
print(Dyn().method(), Dyn.counter, Dyn.method.__qualname__)
