# Tests sequence patterns: fixed length, star captures, nested, tuples vs lists, strings/bytes/dicts not treated as sequences, iterators not matched.

def seq(x):
    match x:
        case []:
            return "empty"
        case [only]:
            return f"one: {only!r}"
        case [first, second]:
            return f"two: {first!r}, {second!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first!r} ... {last!r} (middle {middle})"
        case (a, b, c):
            return f"three: {a} {b} {c}"
        case [a, *rest]:
            return f"head {a!r} rest {rest!r}"

for v in [[], [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3), [1, 2, 3, 4], list(range(6)), range(3), "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, iter([1, 2])]:
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", seq(v))

def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(a, b), *_]:
            return f"pairs starting {a},{b}"
        case [[*inner], *outer]:
            return f"inner={inner} outer={outer}"
    return "no"

print(nested([[1, 2], [3, 4]]), nested([(1, 2), "x", "y"]), nested([[1, 2, 3], 4]), nested([1]))

def star_positions(x):
    match x:
        case [*start, 0]:
            return f"ends with 0 after {start}"
        case [0, *_, 0]:
            return "unreachable"
        case [*_]:
            return "any sequence"

print(star_positions([1, 2, 0]), star_positions([0]), star_positions([5]), star_positions(()))

def types_in_seq(x):
    match x:
        case [int(), str()]:
            return "int,str"
        case [int(a), int(b)] if a < b:
            return "ascending ints"
        case [float() | int(), *_]:
            return "number first"
    return "none"

print(types_in_seq([1, "a"]), types_in_seq([1, 2]), types_in_seq([2, 1]), types_in_seq([1.5]), types_in_seq(["x"]))

class MySeq:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

import collections.abc
collections.abc.Sequence.register(MySeq)
match MySeq(1, 2):
    case [a, b]:
        print("registered Sequence matched", a, b)
match MySeq(1, 2, 3):
    case [a, *rest]:
        print("star on custom seq", a, rest, type(rest).__name__)

class NotSeq:
    def __getitem__(self, i):
        return i

match NotSeq():
    case [a]:
        print("should not match")
    case _:
        print("plain __getitem__ object is not a sequence")
match (1, [2, (3, 4)]):
    case (1, [2, (x, y)]):
        print("deep", x, y)
match [1, 2]:
    case (1, 2):
        print("tuple pattern matches list")
match (1, 2):
    case [1, 2]:
        print("list pattern matches tuple")
import collections
dq = collections.deque([1, 2, 3])
match dq:
    case [1, *rest]:
        print("deque matched rest", rest)
match memoryview(b"ab"):
    case [a, b]:
        print("memoryview matched", a, b)
