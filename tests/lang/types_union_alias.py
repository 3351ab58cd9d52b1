# types.GenericAlias and types.UnionType (PEP 585/604): subscripting builtin
# and collections.abc classes, | between types, aliases (subclasses too, as
# collections.abc.Callable[...] is), None and typing objects; equality,
# hashing, flattening and dedup, isinstance/issubclass with unions, reprs,
# __args__/__origin__/__parameters__, and the errors.
import collections.abc as cabc
import typing
from collections.abc import Callable, Iterable, Mapping

HookType = Callable[["Response"], typing.Any]
print(type(HookType).__name__, isinstance(HookType, type(list[int])))
u = Iterable[HookType] | HookType
print(type(u).__name__, u)
print(Mapping[str, Iterable[HookType] | HookType])
print(int | str, (int | str) == (str | int), int | str | int, int | None)
print((int | str).__args__, (int | (str | bytes)).__args__, type(None | int).__name__)
print(hash(int | str) == hash(str | int), len({int | str, str | int}))
print(isinstance(3, int | str), isinstance("a", int | str), isinstance(3.0, int | str))
print(issubclass(bool, int | str), issubclass(float, int | None), isinstance(None, int | None))
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], cabc.Sequence[int])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]))
print(list[int] | None, list[int] | typing.List[str], typing.Optional[int] | str)
print(int | typing.List[str], typing.List[str] | int)
print(Callable[[int], str] | None, type(Callable[[int], str] | None).__name__)
T = typing.TypeVar("T")
print(list[T].__parameters__, list[T][int], (list[T] | None).__parameters__, (list[T] | set[T])[int])
for bad in (lambda: int | 3, lambda: list[int] | "x", lambda: 3 | int):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    isinstance(3, list[int])
except TypeError as e:
    print("TypeError", e)
try:
    isinstance(3, int | list[int])
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __or__(cls, other):
        return "Meta.__or__"
class WithMeta(metaclass=Meta):
    pass
print(WithMeta | int, int | WithMeta)
print(repr(int | str | None), str(list[int | None]))
U = typing.TypeVar("U")
print(dict[str, T][int], dict[T, list[U]][int, str], (list[T] | dict[str, T])[bytes])
print(dict[T, list[U]].__parameters__, (int | list[T]).__parameters__, (list[T] | None)[int])
print(list[typing.List[T]][int], Callable[[T], U][int, str], Mapping[T, int | U][str, bytes])
for bad in (lambda: list[int][str], lambda: dict[T, U][int], lambda: dict[T, U][int, str, bytes],
            lambda: (int | str)[int]):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
