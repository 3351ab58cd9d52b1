# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases, lookups,
# iteration order, pickling support, errors.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias

print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color], list(Color.__members__))
print(Color.RED.name, Color.RED.value, Color.RED in Color, 1 in [m.value for m in Color])
print(type(Color.RED).__name__, isinstance(Color.RED, Color), Color.RED == 1, hash(Color.RED) == hash(Color.RED))
print(sorted(Color, key=lambda c: c.value, reverse=True))
print({Color.RED: "r"}[Color.CRIMSON], f"{Color.RED}", format(Color.GREEN), str(Color.BLUE))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    class Bigger(Color):
        PINK = 4
except TypeError as e:
    print("TypeError", e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.mass)

class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.SQUARE + 1, Shape.CIRCLE < Shape.SQUARE, Shape(2), int(Shape.CIRCLE), Shape.SQUARE == 2)
print(repr(Shape.CIRCLE), str(Shape.CIRCLE), format(Shape.SQUARE, "03d"), f"{Shape.SQUARE}")

class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print([(m.name, m.value) for m in Auto])

class Lower(StrEnum):
    X = auto()
    Y = "why"
print(Lower.X, Lower.Y.upper(), Lower.X == "x", repr(Lower.Y), Lower("why"))

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = R | W
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw is Perm.RW)
print(list(Perm.R | Perm.X), ~Perm.R, Perm(7), Perm(0), bool(Perm(0)))
print(rw ^ Perm.R, Perm.RW.name, (Perm.R | Perm.X).name)

class IP(IntFlag):
    A = 1
    B = 2
    C = 4
print(IP.A | IP.C, IP.A | 8, int(IP.B | IP.C), IP(5), IP.A + 1, repr(IP(3)))

try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Num = Enum("Num", [("ONE", 10), ("TWO", 20)])
print(Num.TWO.value, Num(10))

class WithMethods(Enum):
    UP = "u"
    DOWN = "d"
    def flip(self):
        return WithMethods.DOWN if self is WithMethods.UP else WithMethods.UP
    @classmethod
    def parse(cls, s):
        return cls(s)
print(WithMethods.UP.flip(), WithMethods.parse("d").flip())

class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    LOW = 1
    HIGH = 3
    MID = 2
print(sorted(Ordered), max(Ordered))

class Missing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A if value == "a" else None
print(Missing("a"))
try:
    Missing("b")
except ValueError as e:
    print("ValueError", e)

print(Color.RED.__reduce_ex__(2)[0] is Color, Color.RED.__reduce_ex__(2)[1])
import copy
print(copy.copy(Color.BLUE) is Color.BLUE, copy.deepcopy([Perm.RW])[0] is Perm.RW)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green matched")
print(enum.EnumType is enum.EnumMeta, type(Color).__name__)
