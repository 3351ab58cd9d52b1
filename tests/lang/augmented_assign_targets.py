# Tests augmented assignment on every target kind: names, attributes, subscripts, slices; single evaluation of target expressions; tuple-item list += quirk.

calls = []
def idx(i):
    calls.append(("idx", i))
    return i
def obj(o):
    calls.append("obj")
    return o
data = [1, 2, 3]
obj(data)[idx(1)] += 10
print(data, calls)
calls.clear()
d = {"k": "a"}
obj(d)[idx("k")] *= 3
print(d, calls)
calls.clear()
class Box:
    def __init__(self):
        self.v = 1
b = Box()
obj(b).v += 41
print(b.v, calls)
s = [1, 2, 3, 4]
s[1:3] += ["x"]
print(s)
s[::2] *= 1
print(s)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
t2 = ([1],)
t2[0].extend([3])
print(t2)
x = 10
x -= 3; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 3; x >>= 1; x |= 1; x &= 0b1111; x ^= 0b101
print(x)
f = 1.5
f /= 2; f -= 0.25; f **= 2
print(f)
st = "ab"
st *= 2; st += "!"
print(st)
lst = [1]
lst *= 3
lst += (2,)
print(lst)
c = 1 + 2j
c *= 1j
print(c)
class Deep:
    def __init__(self):
        self.items = {"n": [0]}
deep = Deep()
deep.items["n"][0] += 5
deep.items["n"] += [6]
print(deep.items)
try:
    undefined_var += 1
except NameError as e:
    print(type(e).__name__, e)
def local_aug():
    try:
        v += 1
    except UnboundLocalError as e:
        return type(e).__name__
print(local_aug())
for src in ["a, b += 1", "[a] += [1]", "f() += 1", "1 += 1", "a.b += 1", "a[0:1] += [1]"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
