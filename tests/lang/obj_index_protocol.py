# __index__ wherever an integer is required: sequence indexing and slicing,
# range, bin/hex/oct, repetition, int(), operator.index-like uses, and errors
# when it returns a non-int.

class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


lst = list(range(10))
print(lst[Idx(3)], lst[Idx(-1)], "abcdef"[Idx(2)], (1, 2, 3)[Idx(0)], b"xyz"[Idx(1)])
print(lst[Idx(2):Idx(8):Idx(2)], "abcdef"[Idx(1):], lst[:Idx(3)])
print(list(range(Idx(2), Idx(10), Idx(3))), range(Idx(5))[Idx(-1)], len(range(Idx(4))))
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print([0] * Idx(3), "ab" * Idx(2), Idx(2) * "cd", (1,) * Idx(2), b"-" * Idx(3))
print(int(Idx(7)) if hasattr(Idx, "__int__") else "no __int__", bytes(Idx(3)), bytearray(Idx(2)))
print(chr(Idx(65)), round(2.5, Idx(0)), round(1234, Idx(-2)))

l2 = list(range(5))
l2[Idx(0)] = "zero"
del l2[Idx(1)]
l2[Idx(1):Idx(3)] = ["x"]
print(l2)
print(lst.pop(Idx(0)), lst.index(5, Idx(2)), "hello".find("l", Idx(3)))
l3 = [1, 2]
l3.insert(Idx(1), "in")
print(l3)
print(slice(1, 5).indices(Idx(3)), slice(Idx(1), Idx(5)).indices(10))


class Bad:
    def __index__(self):
        return "not an int"


for expr in (lambda: lst[Bad()], lambda: range(Bad()), lambda: bin(Bad()), lambda: [1] * Bad()):
    try:
        expr()
    except TypeError as e:
        print("TypeError", e)


class Big:
    def __index__(self):
        return 10 ** 30


try:
    lst[Big()]
except IndexError as e:
    print("IndexError", e)
try:
    [0] * Big()
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)


# no __index__: floats and plain objects
for bad in (1.5, "3", object()):
    try:
        lst[bad]
    except TypeError as e:
        print("TypeError", e)
try:
    range(1.0)
except TypeError as e:
    print("TypeError", e)
try:
    hex(2.0)
except TypeError as e:
    print("TypeError", e)


# int subclass with __index__: the int value is used for indexing
class MyInt(int):
    def __index__(self):
        return 0


print(lst[MyInt(2)], hex(MyInt(17)), range(MyInt(3)))


# __index__ used by int() when __int__ is missing (3.11 falls back, no warning)
class OnlyIndex:
    def __index__(self):
        return 42


print(int(OnlyIndex()), (10).to_bytes(Idx(2), "big"), "abc".center(Idx(7), "*"))
print(int.__index__(5), Idx(9).__index__(), [1, 2, 3, 4][Idx(1):Idx(-1)])
