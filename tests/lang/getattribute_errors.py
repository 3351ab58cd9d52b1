# __getattribute__ that raises, with and without __getattr__, on a class
# that keeps changing (each change makes the next method lookup miss the
# type's cache): the AttributeError must survive the lookup of __getattr__.
class L:
    def __getattribute__(self, name):
        raise AttributeError("no " + name)

o = L()
for i in range(3):
    setattr(L, "x%d" % i, i)
    try:
        getattr(o, "y")
    except AttributeError as e:
        print("getattr:", e)
    try:
        o.z
    except AttributeError as e:
        print("attribute:", e)
    print("default:", getattr(o, "w", "dflt"), "hasattr:", hasattr(o, "w"))

class WithFallback(L):
    def __getattr__(self, name):
        if name.startswith("f"):
            return "fallback " + name
        raise AttributeError("fallback refused " + name)

f = WithFallback()
for i in range(2):
    setattr(WithFallback, "y%d" % i, i)
    print(f.found, getattr(f, "fine"))
    try:
        f.nothing
    except AttributeError as e:
        print("fallback:", e)

class Other(L):
    def __getattribute__(self, name):
        if name == "boom":
            raise KeyError(name)
        return object.__getattribute__(self, name)

k = Other()
Other.extra = 5
print(k.extra)
try:
    k.boom
except KeyError as e:
    print("KeyError", e)
try:
    k.missing
except AttributeError as e:
    print("AttributeError", e)
