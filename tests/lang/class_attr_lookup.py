# Tests attribute lookup order: data descriptors on type > instance __dict__ > non-data descriptors/class attrs > __getattr__; metaclass attrs; class vs instance.

class DataDesc:
    def __get__(self, obj, owner):
        return "data descriptor"

    def __set__(self, obj, value):
        obj.__dict__["_set_via_desc"] = value

class NonDataDesc:
    def __get__(self, obj, owner):
        return "non-data descriptor"

class Meta(type):
    meta_attr = "from metaclass"
    shadowed = "metaclass version"

    @property
    def meta_prop(cls):
        return "metaclass property"

class Base(metaclass=Meta):
    base_attr = "from base"
    shadowed = "class version"

class K(Base):
    data = DataDesc()
    nondata = NonDataDesc()
    plain = "class plain"

    def method(self):
        return "method"

    def __getattr__(self, name):
        return f"__getattr__({name})"

k = K()
k.__dict__.update({"data": "instance dict data", "nondata": "instance dict nondata", "plain": "instance plain", "method": "instance shadows method"})
print(k.data, "|", k.nondata, "|", k.plain, "|", k.method, "|", k.base_attr, "|", k.missing)
print(K.data, "|", K.nondata, "|", K.plain, "|", K.shadowed, "|", K.meta_attr, "|", K.meta_prop)
try:
    k.meta_attr
    print("instance sees", k.meta_attr)
except AttributeError as e:
    print(type(e).__name__, e)
k.data = "assigned"
print(k.__dict__["_set_via_desc"], k.data)
del k.__dict__["nondata"]
print(k.nondata)
K.plain = "class plain changed"
print(k.plain, K().plain)
del k.__dict__["method"]
print(k.method())
class Child(K):
    plain = "child plain"
c = Child()
print(c.plain, c.base_attr, c.data, Child.__mro__[1].__name__)
K.new_class_attr = "added later"
print(c.new_class_attr)
Base.base_attr = "base changed"
print(c.base_attr, Child.base_attr)
class NoGetattr:
    x = 1
n = NoGetattr()
try:
    n.y
except AttributeError as e:
    print(type(e).__name__, e)
print(type(n).__dict__["x"], "x" in vars(n), getattr(n, "x"))
class Shadow:
    def __len__(self):
        return 5
sh = Shadow()
sh.__len__ = lambda: 99
print(len(sh), sh.__len__())
