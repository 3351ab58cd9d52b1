# dataclasses (CPython's own: generated methods through exec, fields through
# inspect): defaults and factories, order/frozen/eq/unsafe_hash, __post_init__,
# InitVar and ClassVar, inheritance, slots, kw_only, match_args, asdict/
# astuple/replace/fields, make_dataclass, errors.
import dataclasses
import inspect
from dataclasses import (InitVar, KW_ONLY, asdict, astuple, dataclass, field, fields,
                         is_dataclass, make_dataclass, replace)
from typing import ClassVar, List


@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False, repr=False)


p = Point(1, 2)
print(p, p == Point(1, 2, ["t"]), p < Point(1, 3), sorted([Point(3), Point(1, 5), Point(1)]))
print(asdict(p), astuple(p), replace(p, y=9), [f.name for f in fields(p)])
print(inspect.signature(Point), Point.__match_args__, is_dataclass(p), is_dataclass(Point))
print(Point.__eq__.__qualname__, Point.__init__.__doc__, Point.__doc__)


@dataclass(frozen=True)
class Frozen:
    a: str = "q"
    b: tuple = ()


f = Frozen()
try:
    f.a = "z"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    del f.b
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(hash(f) == hash(Frozen()), f == Frozen("q", ()), {f: 1}[Frozen()])


@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    total: int = field(init=False)
    count: ClassVar[int] = 0

    def __post_init__(self, scale):
        self.total = self.a * scale
        WithPost.count += 1


w = WithPost(5)
print(w, WithPost(5, 3).total, WithPost.count, [f.name for f in fields(WithPost)])
print(inspect.signature(WithPost))


@dataclass
class Base:
    name: str
    items: List[int] = field(default_factory=lambda: [1, 2])


@dataclass
class Derived(Base):
    extra: bool = False

    def describe(self):
        return f"{self.name}:{len(self.items)}:{self.extra}"


d = Derived("n", extra=True)
print(d, d.describe(), asdict(d), Derived("m").items is not Derived("m").items)


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))


@dataclass(kw_only=True)
class KwOnly:
    a: int
    b: int = 2


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3


print(KwOnly(a=1), inspect.signature(KwOnly), Mixed(1, b=2), inspect.signature(Mixed))
try:
    KwOnly(1)
except TypeError as e:
    print("TypeError", e)


@dataclass(eq=True, unsafe_hash=True)
class Hashable:
    k: int


print(hash(Hashable(3)) == hash(Hashable(3)), len({Hashable(1), Hashable(1), Hashable(2)}))

Dyn = make_dataclass("Dyn", ["a", ("b", int), ("c", int, field(default=4))],
                     namespace={"total": lambda self: self.a + self.b + self.c})
print(Dyn(1, 2), Dyn(1, 2).total(), inspect.signature(Dyn))

for bad in ["x: list = []", "x: int = 1\n    y: int"]:
    try:
        exec(f"@dataclass\nclass Bad:\n    {bad}\n", {"dataclass": dataclass})
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    asdict(3)
except TypeError as e:
    print("TypeError", e)
try:
    replace(p, nope=1)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(astuple(tree))
print(repr(Node(1, [Node(2)])))
