# Tests the legacy sequence iteration protocol (__getitem__ with IndexError/StopIteration): for loops, unpacking, in, list(), enumerate, iter() wrappers, infinite sequences.

class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

class Forever:
    def __getitem__(self, i):
        return i

class StopsViaStop:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return chr(97 + i)

class KeyErrorIsNotEnd:
    def __getitem__(self, i):
        if i == 2:
            raise KeyError(i)
        return i

print(list(Squares()), [x for x in Squares()], tuple(Squares()), sum(Squares()), 9 in Squares(), 10 in Squares())
a, b, *rest = Squares()
print(a, b, rest)
print(list(enumerate(Squares())), list(zip(Squares(), "abc")), sorted(Squares(), reverse=True))
it = iter(Squares())
print(type(it).__name__, next(it), next(it), list(it), next(it, "done"))
for v in Forever():
    if v > 3:
        break
print("Forever stopped at", v, 50 in Forever())
print(list(StopsViaStop()))
try:
    list(KeyErrorIsNotEnd())
except KeyError as e:
    print(type(e).__name__, e)
print(dict.fromkeys(Squares()), set(Squares()) == {0, 1, 4, 9, 16}, max(Squares()), "-".join(map(str, Squares())))
try:
    len(Squares())
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(Squares())
except TypeError as e:
    print(type(e).__name__, e)
class WithLen(Squares):
    def __len__(self):
        return 5
print(list(reversed(WithLen())), len(WithLen()))
class IterNoneFallback(Squares):
    __iter__ = None
try:
    list(IterNoneFallback())
except TypeError as e:
    print(type(e).__name__, e)
