# Tests slice objects: attributes, indices() normalisation, use with __getitem__, equality/hash, repr, custom classes receiving slices.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), repr(slice("a", [1], None)))
for sl in [slice(None), slice(2, None), slice(None, -2), slice(-100, 100), slice(None, None, -1), slice(5, 1, -2), slice(-1, None, -3), slice(3, 3)]:
    print(sl, sl.indices(10), sl.indices(0), sl.indices(3))
show("indices neg", lambda: slice(1).indices(-1))
show("indices step 0", lambda: slice(None, None, 0).indices(5))
show("indices str", lambda: slice("a").indices(5))
show("slice no args", lambda: slice())
show("slice 4 args", lambda: slice(1, 2, 3, 4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(0, 5) <= slice(0, 5))
try:
    print(hash(slice(1, 2)))
except TypeError as e:
    print(type(e).__name__, e)

class Recorder:
    def __getitem__(self, key):
        return key

r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2, 3], r[..., 1:], r[:], r[::], r[1:], r[:2:], r["a":"b":"c"], r[()], r[1,])
print(type(r[1:2]).__name__, r[:, :], r[None:None])

class Seq:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self.data))
            return Seq([self.data[i] for i in range(start, stop, step)])
        return self.data[key]

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"Seq({self.data})"

sq = Seq(list("abcdefgh"))
print(sq[2:5], sq[::-2], sq[-3:], sq[1], sq[10:], list(sq)[:3])
print([1, 2, 3, 4][slice(None, None, -1)], "hello"[slice(1, -1)], (1, 2, 3)[slice(2)])
x = [0] * 6
x[slice(0, 6, 2)] = [1, 1, 1]; print(x)
del x[slice(1, None, 2)]; print(x)
print(slice(1, 2, 3).__reduce__(), Ellipsis, ..., repr(...), ... is Ellipsis, type(...).__name__)
print(slice(10 ** 30, None).indices(5), slice(-(10 ** 30), 10 ** 30, 10 ** 30).indices(5))
class Ix:
    def __index__(self):
        return 2
print(slice(Ix(), None).indices(5), [10, 20, 30, 40][Ix():], "abcdef"[Ix():Ix()])
