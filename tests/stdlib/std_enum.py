# enum from CPython's library: Enum, IntEnum, Flag, IntFlag, StrEnum, auto,
# unique, lookups by value and name, iteration, aliases and errors.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.__members__.keys(), isinstance(Color.RED, Color), Color.RED in Color)
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)


class Num(enum.IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + 1, Num.TWO > Num.ONE, int(Num.TWO), Num(2), sorted([Num.TWO, Num.ONE]), f"{Num.ONE}")


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, list(rw), ~Perm.R, Perm(0), bool(Perm(0)), Perm.R.value, Perm.X.value)


class Bits(enum.IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, Bits.A | 4, int(Bits.B), Bits(3))


class S(enum.StrEnum):
    X = enum.auto()
    Y = "why"


print(S.X, S.Y.upper(), S("why"), S.X == "x")
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
Dyn = enum.Enum("Dyn", "a b c")
print(list(Dyn), Dyn.b.value, enum.Enum("D2", [("x", 10)]).x)


class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def g(self):
        return round(6.673e-11 * self.mass / self.radius**2, 2)


print(Planet.EARTH.g, Planet.EARTH.value)
