# Sequence patterns: fixed and starred lengths, what counts as a sequence
# (not str/bytes/bytearray, not dicts or iterators), nested patterns, and
# the order in which subjects are measured and indexed.

def kind(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case [first, *middle, last]:
            return f"many {first!r}..{last!r} middle={middle}"
        case _:
            return "not a sequence"


for x in ([], (), [1], (1,), [1, 2], range(2), [1, 2, 3, 4], range(5), "ab", b"ab", bytearray(b"ab"),
          {1: 2}, {1, 2}, iter([1, 2]), 5, None):
    print(type(x).__name__, kind(x))

# star captures are always lists
match (1, 2, 3):
    case (*init, tail):
        print(init, type(init).__name__, tail)
match range(4):
    case [0, *rest]:
        print(rest)

# literal, capture, wildcard and value sub-patterns
class Const:
    ZERO = 0


for seq in ([0, "x", None], [1, "y", True], [0, 5, 6], [Const.ZERO, 1, 2, 3]):
    match seq:
        case [Const.ZERO, str() as s, None]:
            print("zero-str-none", s)
        case [1, _, True]:
            print("one-any-true")
        case [0, *_, 6]:
            print("zero..six")
        case [0, *_]:
            print("starts zero", len(seq))

# nested sequences and or-patterns inside
for cmd in (["go", ["north"]], ["go", ["east", 3]], ["look"], ["take", "lamp", "key"], ["drop"]):
    match cmd:
        case ["go", [("north" | "south") as d]]:
            print("vertical", d)
        case ["go", [d, int(n)]]:
            print("move", d, n)
        case ["look" | "drop"] as single:
            print("single", single)
        case ["take", *items]:
            print("take", items)


# a custom sequence registered by subclassing list/tuple
class MyList(list):
    pass


class MyTuple(tuple):
    pass


print(kind(MyList([1, 2])), kind(MyTuple((3,))))


# a class with __getitem__/__len__ but not a registered Sequence does not match
class Fake:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


print(kind(Fake()))


# subject length is taken once; items fetched by index for fixed patterns
class Loud(list):
    def __len__(self):
        print("len")
        return super().__len__()

    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)


match Loud([1, 2, 3]):
    case [a, b]:
        print("no")
    case [a, b, c]:
        print("three", a, b, c)

# repeated names in a pattern are a SyntaxError
for src in ("match x:\n case [a, a]: pass\n", "match x:\n case [*a, *b]: pass\n",
            "match x:\n case [a, *_, *_]: pass\n"):
    try:
        compile(src, "<m>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# bindings stay after a successful match
match [10, 20]:
    case [p, q]:
        pass
print(p, q)
# tuple subject against a list pattern and vice versa
match (1, 2):
    case [1, 2]:
        print("list pattern matches tuple")
match [1, 2]:
    case (1, 2):
        print("tuple pattern matches list")
