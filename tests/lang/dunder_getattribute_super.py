# Tests __getattribute__ overrides delegating via super()/object: counting lookups, hiding attributes, special names bypass for implicit calls, interaction with descriptors.

class Counting:
    def __init__(self):
        object.__setattr__(self, "counts", {})
        self.a = 1

    def __getattribute__(self, name):
        counts = super().__getattribute__("counts")
        counts[name] = counts.get(name, 0) + 1
        return super().__getattribute__(name)

    def method(self):
        return self.a

c = Counting()
c.a; c.a; c.method(); c.method
print(sorted(object.__getattribute__(c, "counts").items()))

class Hiding:
    secret = "hidden"
    visible = "visible"

    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError(f"{name} is hidden")
        return object.__getattribute__(self, name)

h = Hiding()
print(h.visible, hasattr(h, "secret"), getattr(h, "secret", "default"), Hiding.secret)

class Implicit:
    def __getattribute__(self, name):
        print(f"  __getattribute__({name})")
        return object.__getattribute__(self, name)

    def __len__(self):
        return 3

    def __repr__(self):
        return "Implicit()"

    def __add__(self, o):
        return "added"

i = Implicit()
print(len(i), i + 1, repr(i))
print(i.__len__())

class WithProp:
    @property
    def p(self):
        return "property value"

    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        return f"wrapped({value})" if isinstance(value, str) else value

w = WithProp()
w.plain = "plain"
print(w.p, w.plain, w.__class__.__name__)

class Fallback:
    def __getattribute__(self, name):
        if name.startswith("virtual_"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"__getattr__ handled {name}"

f = Fallback()
print(f.virtual_x, f.__class__.__name__)

class Base:
    def __getattribute__(self, name):
        if name == "tag":
            return "Base intercept"
        return super().__getattribute__(name)

class Child(Base):
    tag = "class tag"

    def __getattribute__(self, name):
        if name == "other":
            return "Child intercept"
        return super().__getattribute__(name)

ch = Child()
print(ch.tag, ch.other, type(ch).tag)
