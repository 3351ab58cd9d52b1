# Tests a hand-written enum via metaclass: members created from class body, iteration order, lookup by value/name, identity, immutability, reprs.

class EnumMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {}

    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        for k in members:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        cls._by_value = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            object.__setattr__(inst, "name", k)
            object.__setattr__(inst, "value", v)
            cls._members[k] = inst
            cls._by_value.setdefault(v, inst)
        return cls

    def __getattr__(cls, name):
        try:
            return cls.__dict__["_members"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(cls):
        return iter(cls._members.values())

    def __len__(cls):
        return len(cls._members)

    def __call__(cls, value):
        try:
            return cls._by_value[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a valid {cls.__name__}") from None

    def __getitem__(cls, name):
        return cls._members[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member.name in cls._members

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_members", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

    def __setattr__(self, name, value):
        raise AttributeError("members are immutable")

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

print(list(Color), len(Color), Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON)
print(Color.RED is Color(1), Color.CRIMSON is Color.RED, Color.CRIMSON == Color.RED, Color.RED in Color, 1 in Color)
print(Color.BLUE.describe(), [c.name for c in Color], {c: c.value for c in Color}[Color.GREEN])
for bad in [lambda: Color(9), lambda: Color["PINK"], lambda: Color.PINK]:
    try:
        bad()
    except (ValueError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), type(Color).__name__, sorted(Color, key=lambda c: -c.value))
class Empty(Enum):
    pass
print(list(Empty), len(Empty))
