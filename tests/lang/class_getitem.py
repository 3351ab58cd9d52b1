# Tests __class_getitem__ and generic aliases: implicit classmethod, builtins' list[int] etc., subscription precedence vs metaclass __getitem__.

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"

class SubBox(Box):
    pass

print(Box[int], Box["x"], Box[1, 2], SubBox[None])
print(type(Box.__dict__["__class_getitem__"]).__name__)
try:
    Box()[0]
except TypeError as e:
    print(type(e).__name__, e)

class Meta(type):
    def __getitem__(cls, item):
        return "meta wins"

class Both(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"

print(Both[0])
la = list[int]
print(la, type(la).__name__, la.__origin__ is list, la.__args__, la([1, 2]), la is not list)
print(dict[str, int], tuple[int, ...], set[bytes], type[object], list[list[int]])
print(list[int] == list[int], list[int] == list[str], list[int] == list)
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(list[int], type), issubclass(list, object))

class NotCallable:
    __class_getitem__ = "not a function"

try:
    NotCallable[0]
except TypeError as e:
    print(type(e).__name__, e)

class Record:
    fields = {}

    def __class_getitem__(cls, spec):
        name, kind = spec
        return type(f"Record_{name}", (cls,), {"fields": {name: kind.__name__}})

R = Record["age", int]
print(R.__name__, R.fields, issubclass(R, Record), Record.fields)
print((int | str), type(int | str).__name__, (int | None), isinstance(1, int | str), isinstance(None, int | None), issubclass(bool, int | str))
print(list[int] | None)
