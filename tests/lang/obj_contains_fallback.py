# The 'in' operator: __contains__ first (result converted with truth), then
# iteration via __iter__, then the old __getitem__ protocol; identity before
# equality; errors for non-containers; 'not in'.

class WithContains:
    def __contains__(self, item):
        print("contains", item)
        return item == 3


class Truthy:
    def __contains__(self, item):
        return [item]


class IterOnly:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])


class GetItemOnly:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        print("getitem", i)
        return i * 10


print(3 in WithContains(), 4 in WithContains(), 4 not in WithContains())
print(1 in Truthy(), 0 not in Truthy(), None in Truthy())
print(2 in IterOnly(), 5 in IterOnly())
print(20 in GetItemOnly(), 25 in GetItemOnly())


class Nothing:
    pass


for c in (Nothing(), 5, None):
    try:
        1 in c
    except TypeError as e:
        print("TypeError", e)


class NoneContains:
    __contains__ = None

    def __iter__(self):
        return iter([1])


try:
    1 in NoneContains()
except TypeError as e:
    print("TypeError", e)


# identity is checked before __eq__ in builtin containers
class NeverEqual:
    def __eq__(self, other):
        return False

    __hash__ = object.__hash__


n = NeverEqual()
nan = float("nan")
print(n in [n], n in (n,), n in {n}, n in {n: 1}, n == n, nan in [nan], nan == nan)


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = None


print(AlwaysEqual() in [1], 1 in [AlwaysEqual()], AlwaysEqual() in [])


# __eq__ raising propagates from list.__contains__
class RaisingEq:
    def __eq__(self, other):
        raise RuntimeError("eq")


try:
    1 in [RaisingEq()]
except RuntimeError as e:
    print("RuntimeError", e)

# strings and bytes: substring tests and their type errors
print("ab" in "xaby", "" in "", "ba" in "ab", b"b" in b"abc", 98 in b"abc", b"" in b"x")
for bad in (lambda: 1 in "abc", lambda: "a" in b"abc", lambda: 300 in b"abc", lambda: [] in {}):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# dict views, ranges, sets
print(2 in {1: 2}.values(), (1, 2) in {1: 2}.items(), 1 in {1: 2}.keys(), 10 ** 20 in range(10 ** 21))
print(1.0 in range(3), 1.5 in range(3), "1" in range(3), True in range(3))


# a generator is consumed up to the match
def gen():
    for i in range(5):
        print("yield", i)
        yield i


g = gen()
print(2 in g, next(g))


# __contains__ inherited from a builtin
class MyList(list):
    pass


class MyDict(dict):
    def __contains__(self, key):
        return str(key) in map(str, self.keys())


print(2 in MyList([1, 2]), "1" in MyDict({1: "a"}), 1 in MyDict({"1": "a"}))
