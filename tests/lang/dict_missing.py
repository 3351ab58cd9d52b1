# __missing__ on dict subclasses: only d[key] calls it (not get, in, pop,
# setdefault), it may store, raise, or be non-callable, and it is looked up on
# the type.

class Default(dict):
    def __missing__(self, key):
        return f"missing {key!r}"


d = Default(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d, d.get("b", 0), len(d))
print(d.setdefault("c", 3), d.pop("zz", "popdefault"), d)


class Storing(dict):
    def __missing__(self, key):
        self[key] = value = len(self)
        return value


s = Storing()
print(s["x"], s["y"], s["x"], s)


class Raising(dict):
    def __missing__(self, key):
        raise LookupError(f"no {key}")


try:
    Raising()["k"]
except LookupError as e:
    print(type(e).__name__, e)


# plain KeyError when __missing__ is absent; key repr in the message
class Plain(dict):
    pass


for key in ("s", 1, (1, 2)):
    try:
        Plain()[key]
    except KeyError as e:
        print("KeyError", e, e.args)

# an instance attribute is not used
p = Plain()
p.__missing__ = lambda k: "instance"
try:
    p["q"]
except KeyError as e:
    print("KeyError", e)


# __missing__ assigned on the class later works
Plain.__missing__ = lambda self, k: ("late", k)
print(Plain()["z"])
del Plain.__missing__


class NotCallable(dict):
    __missing__ = 3


try:
    NotCallable()["k"]
except TypeError as e:
    print("TypeError", e)


# counting with __missing__
class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()))


# nested auto-vivification
class Tree(dict):
    def __missing__(self, key):
        value = self[key] = Tree()
        return value


t = Tree()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
print(t)


# __missing__ only on dict subclasses: a plain class with __getitem__ ignores it
class Mapping:
    def __getitem__(self, key):
        raise KeyError(key)

    def __missing__(self, key):
        return "unused"


try:
    Mapping()["k"]
except KeyError as e:
    print("KeyError", e)

# unhashable keys fail before __missing__
try:
    Default()[[1]]
except TypeError as e:
    print("TypeError", e)


# super().__getitem__ inside __getitem__ still goes through __missing__
class Logged(Default):
    def __getitem__(self, key):
        return ("logged", super().__getitem__(key))


print(Logged(k=1)["k"], Logged()["n"])
# format_map uses __getitem__ and so __missing__
print("{a} and {b}".format_map(Default(a="A")))
