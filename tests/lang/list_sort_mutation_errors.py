# Tests list.sort robustness: list appears empty during sort, mutation detected (ValueError), exceptions from key/comparison leave a permutation, sort of self-referencing items.

data = [3, 1, 2]
seen_lengths = []
def key(x):
    seen_lengths.append(len(data))
    return x
data.sort(key=key)
print(data, set(seen_lengths))
lst = [5, 4, 3, 2, 1]
def mutating_key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(lst)[:5], len(lst) >= 5)
class Bomb:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ArithmeticError("cannot compare 3")
        return self.v < other.v
    def __repr__(self):
        return f"B{self.v}"
items = [Bomb(v) for v in [5, 3, 4, 1, 2]]
try:
    items.sort()
except ArithmeticError as e:
    print(type(e).__name__, e)
print(sorted(b.v for b in items), len(items))
def raising_key(x):
    if x == 2:
        raise KeyError("key failed")
    return x
vals = [4, 2, 3]
try:
    vals.sort(key=raising_key)
except KeyError as e:
    print(type(e).__name__, e, vals)
nested = [[3], [1], [2]]
nested.sort()
print(nested)
self_ref = [1, 2]
self_ref.append(self_ref)
try:
    self_ref.sort()
except TypeError as e:
    print(type(e).__name__, "not supported between instances of" in str(e))
try:
    [[1], [1, 2], [1, "a"]].sort()
    print("sorted without comparing mismatched tails")
except TypeError as e:
    print(type(e).__name__, "not supported between instances of" in str(e))
print(sorted([[1, "a"], [0, 2]]), sorted([(2, "x"), (1, None)]))
try:
    sorted([(1, None), (1, 2)])
except TypeError as e:
    print(type(e).__name__, "not supported between instances of" in str(e))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print([o.v for o in sorted([OnlyLt(i % 7) for i in range(20)])])
