# Tests list construction/extension from diverse iterables: generators, dict views, strings, sets of ints, ranges, self-extension, iterator exhaustion, __iter__ classes.

base = [0]
base.extend(x * 2 for x in range(3))
base.extend({"k1": 1, "k2": 2})
base.extend({"v": 9}.values())
base.extend({"i": 7}.items())
base.extend("ab")
base.extend(sorted({3, 1, 2}))
base.extend(range(10, 13))
base.extend(b"AB")
base.extend(())
print(base)
self_ext = [1, 2]
self_ext.extend(self_ext)
self_ext += self_ext[:1]
print(self_ext)
it = iter([1, 2, 3])
first = list(it)
second = list(it)
print(first, second)
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return (i * i for i in range(self.n))
print(list(Squares(4)), [*Squares(3), *Squares(2)], sorted(Squares(5), reverse=True))
class LenHintLies:
    def __iter__(self):
        return iter([1, 2, 3])
    def __len__(self):
        return 100
print(list(LenHintLies()), len(list(LenHintLies())))
class LengthHint:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    def __length_hint__(self):
        return 5
print(list(LengthHint()))
nested = [[1], [2, 3], []]
flat = []
for sub in nested:
    flat.extend(sub)
print(flat, sum(nested, []))
l = [1, 2, 3]
l[len(l):] = [4, 5]
l[:0] = [-1, 0]
print(l)
try:
    [].extend(None)
except TypeError as e:
    print(type(e).__name__, e)
def gen_error():
    yield 1
    raise ValueError("mid-extend")
target = [0]
try:
    target.extend(gen_error())
except ValueError as e:
    print(type(e).__name__, e, target)
print(list(map(lambda p: p[0] + p[1], zip([1, 2], [10, 20]))), list(enumerate([])), list(zip(*[[1, 2], [3, 4], [5, 6]])))
print(list("héllo"), list(reversed(range(3))), list(filter(None, [0, 1, 0, 2])), list({}))
