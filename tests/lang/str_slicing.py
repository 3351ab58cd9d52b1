# Tests str indexing and slicing: negative indices, steps, out-of-range bounds, slice objects, errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = "0123456789"
print(s[0], s[9], s[-1], s[-10], s[5])
show("s[10]", lambda: s[10])
show("s[-11]", lambda: s[-11])
show("s['a']", lambda: s["a"])
show("s[1.0]", lambda: s[1.0])
show("s[None]", lambda: s[None])
show("''[0]", lambda: ""[0])
show("s[2**70]", lambda: s[2 ** 70])
bounds = [None, -15, -10, -3, -1, 0, 1, 3, 9, 10, 15]
for a in bounds:
    print(a, [s[a:b] for b in bounds])
for step in [1, 2, 3, -1, -2, -3, 9, -9, 100]:
    print(step, s[::step], s[1::step], s[:5:step], s[8:2:step], s[-2:-8:step], s[2:8:step])
show("step 0", lambda: s[::0])
show("slice float", lambda: s[1.5:])
show("slice str", lambda: s[:"a"])
print(s[2 ** 70:], s[:2 ** 70], s[-(2 ** 70):3], s[::2 ** 70], s[::-(2 ** 70)])
print(s[slice(2, 5)], s[slice(None, None, -2)], s[slice(-3, None)], s[slice(5)])
class I:
    def __index__(self):
        return 3
print(s[I()], s[I():], s[:I()], s[::I()])
u = "aé∑𝄞bc"
print(len(u), [u[i] for i in range(len(u))], u[::-1], u[1:4], u[-3:], u[::2])
print("".join(reversed(u)) == u[::-1], s[::-1][::-1] == s)
t = "abc"
show("item assign", lambda: t.__setitem__(0, "x"))
try:
    t[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
print(list("abc"), tuple("ab"), [c for c in "xyz"], list(iter("hé")))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print(s[3:3], s[5:2], s[-1:-5], s[100:200], repr(s[10:]))
