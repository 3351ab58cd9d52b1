# Tests __getitem__/__setitem__/__delitem__ receiving slices, tuples, Ellipsis and __index__ objects; negative index normalisation done by the class.

class Log:
    def __getitem__(self, key):
        return ("get", key)

    def __setitem__(self, key, value):
        print("  set", key, value)

    def __delitem__(self, key):
        print("  del", key)

L = Log()
print(L[0], L[-1], L[1:2], L[:], L[::2], L[1:2:3], L[:, 1], L[..., None], L[1, 2:3, ...], L["k"], L[()], L[(1,)])
L[1:3] = "x"
L[::2, 0] = [1]
del L[..., :]
del L[5]

class Idx:
    def __index__(self):
        return 2

print(type(L[Idx()][1]).__name__, type(L[Idx():][1]).__name__, type(L[Idx():][1].start).__name__)

class Seq:
    def __init__(self, n):
        self.data = list(range(n))

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.data[j] for j in range(*i.indices(len(self)))]
        if isinstance(i, tuple):
            return [self[j] for j in i]
        i = i.__index__()
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Seq index out of range")
        return self.data[i] * 10

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idxs = range(*i.indices(len(self)))
            for j, val in zip(idxs, v):
                self.data[j] = val
        else:
            self.data[i] = v

    def __delitem__(self, i):
        if isinstance(i, slice):
            for j in sorted(range(*i.indices(len(self))), reverse=True):
                del self.data[j]
        else:
            del self.data[i]

s = Seq(6)
print(s[0], s[-1], s[1:4], s[::-2], s[0, 2, -1], s[Idx()], list(s), len(s), 30 in s, 35 in s)
try:
    s[6]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["x"]
except AttributeError as e:
    print(type(e).__name__, e)
s[1:3] = [100, 200]
s[5] = -1
print(s.data)
del s[::2]
print(s.data)
del s[0]
print(s.data, list(s), list(reversed(s)))
class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, key):
        r, c = key
        if isinstance(r, slice):
            return [row[c] for row in self.rows[r]]
        return self.rows[r][c]

m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(m[0, 0], m[2, 1], m[1, :], m[:, 0], m[::2, ::2], m[-1, -1])
try:
    m[0]
except TypeError as e:
    print(type(e).__name__, e)
