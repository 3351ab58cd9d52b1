# __class_getitem__: implicit classmethod, C[...] on classes only, precedence
# of a metaclass __getitem__, and the builtin generic aliases.

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


print(Box[int], Box["x"], Box[1, 2], Box[()])
print(type(Box.__dict__["__class_getitem__"]).__name__)


class SubBox(Box):
    pass


print(SubBox[str])

try:
    Box()[0]
except TypeError as e:
    print("TypeError", e)


class Meta(type):
    def __getitem__(cls, item):
        return "meta " + str(item)


class Both(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"


print(Both[1])


class NotCallable:
    __class_getitem__ = None


try:
    NotCallable[int]
except TypeError as e:
    print("TypeError", e)


class NoGeneric:
    pass


try:
    NoGeneric[int]
except TypeError as e:
    print("TypeError", e)

# builtin generic aliases
for alias in (list[int], dict[str, int], tuple[int, ...], type[int], set[bytes], frozenset[str]):
    print(repr(alias), alias.__origin__.__name__, alias.__args__)

print(list[int]([1, 2]), dict[str, int](a=1), list[int] == list[int], list[int] == list[str])
la = list[int]
print(la.__parameters__, isinstance([], list), type(la) is type(dict[int, int]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)

# a staticmethod __class_getitem__ does not receive cls
class Static:
    @staticmethod
    def __class_getitem__(item):
        return ("static", item)


print(Static[5])


# explicit classmethod is fine too
class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(Explicit[5])

# instances with __getitem__ are not affected
class Seq:
    def __getitem__(self, i):
        return i * 2

    def __class_getitem__(cls, i):
        return "class"


print(Seq()[4], Seq[4])
