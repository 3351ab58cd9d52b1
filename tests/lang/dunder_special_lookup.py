# Tests that implicit special-method lookup goes to the type, not the instance: instance attributes named __len__/__add__/__iter__ etc. are ignored by operators.

class K:
    def __len__(self):
        return 1

    def __add__(self, o):
        return "type __add__"

    def __iter__(self):
        return iter("type")

    def __repr__(self):
        return "K()"

    def __call__(self):
        return "type __call__"

    def __getitem__(self, i):
        return "type __getitem__"

k = K()
k.__len__ = lambda: 99
k.__add__ = lambda o: "instance __add__"
k.__iter__ = lambda: iter("instance")
k.__repr__ = lambda: "instance repr"
k.__call__ = lambda: "instance __call__"
k.__getitem__ = lambda i: "instance __getitem__"
print(len(k), k + 1, list(k), repr(k), k(), k[0])
print(k.__len__(), k.__add__(1), list(k.__iter__()), k.__repr__(), k.__call__(), k.__getitem__(0))

class Plain:
    pass

p = Plain()
p.__len__ = lambda: 5
p.__bool__ = lambda: False
p.__eq__ = lambda o: True
p.__hash__ = lambda: 1
p.__str__ = lambda: "instance str"
for label, fn in [("len", lambda: len(p)), ("bool", lambda: bool(p)), ("eq", lambda: p == 1), ("str", lambda: str(p).startswith("<")), ("hash", lambda: hash(p) == hash(p))]:
    try:
        print(label, fn())
    except TypeError as e:
        print(label, type(e).__name__, e)

class Meta(type):
    def __len__(cls):
        return 42

    def __iter__(cls):
        return iter([cls.__name__])

    def __getitem__(cls, k):
        return f"Meta.__getitem__({k})"

class WithMeta(metaclass=Meta):
    def __len__(self):
        return 7

print(len(WithMeta), len(WithMeta()), list(WithMeta), WithMeta["x"])
K.__len__ = lambda self: 1000
print(len(k))
del K.__len__
try:
    len(k)
except TypeError as e:
    print(type(e).__name__, e)

class GetattrNotUsed:
    def __getattr__(self, name):
        return lambda *a: f"__getattr__ {name}"

g = GetattrNotUsed()
print(g.__len__())
try:
    len(g)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g + 1
except TypeError as e:
    print(type(e).__name__, e)

class GetattributeNotUsed:
    def __getattribute__(self, name):
        return lambda *a: "from __getattribute__"

    def __len__(self):
        return 3

ga = GetattributeNotUsed()
print(len(ga), ga.__len__())
class EnterOnInstance:
    pass
e = EnterOnInstance()
e.__enter__ = lambda: None
e.__exit__ = lambda *a: None
try:
    with e:
        pass
except (TypeError, AttributeError) as ex:
    print(type(ex).__name__, ex)
