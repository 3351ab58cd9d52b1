# Tests bytearray: mutation (item/slice assign, del, extended slices), methods append/extend/insert/pop/remove/reverse/clear, +=.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

ba = bytearray(b"hello")
print(ba, repr(ba), len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
print(ba)
ba[1:3] = b"EEEE"
print(ba)
ba[::2] = b"xxxx"
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba.append(33); ba.extend(b"ab"); ba.extend([1, 2]); ba.extend(bytearray(b"z")); ba.insert(0, 64); ba.insert(-1, 35); ba.insert(100, 36)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("a"))
print(ba)
ba.reverse(); print(ba)
c = ba.copy(); ba.clear(); print(ba, c)
show("ba[0]=256", lambda: bytearray(b"a").__setitem__(0, 256))
show("ba[0]='a'", lambda: bytearray(b"a").__setitem__(0, "a"))
show("append 300", lambda: bytearray().append(300))
show("append str", lambda: bytearray().append("a"))
show("pop empty", lambda: bytearray().pop())
show("pop range", lambda: bytearray(b"a").pop(5))
show("remove missing", lambda: bytearray(b"a").remove(98))
show("ext slice size", lambda: bytearray(b"abcd").__setitem__(slice(None, None, 2), b"xyz"))
show("extend int", lambda: bytearray().extend(5))
show("extend str", lambda: bytearray().extend("ab"))
show("slice assign int", lambda: bytearray(b"ab").__setitem__(slice(0, 1), 5))
x = bytearray(b"ab")
x += b"cd"; print(x)
x *= 2; print(x)
x[2:2] = b"--"; print(x)
x[:] = b""; print(x)
y = bytearray(b"abc")
y[1:2] = [120, 121]; print(y)
y[5:] = b"end"; print(y)
y[-100:1] = b"S"; print(y)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") + b"y", b"x" + bytearray(b"y"), type(b"x" + bytearray(b"y")).__name__)
print(bytearray(b"abc") == b"abc", bytearray(b"a") < bytearray(b"b"), bytearray(b"  x ").strip(), bytearray(b"a b").split())
show("hash ba", lambda: hash(bytearray(b"a")))
z = bytearray(b"0123456789")
z[1:9:3] = b"ABC"; print(z)
del z[::-3]; print(z)
z[len(z):] = b"!"; print(z)
print(bytearray.fromhex("41 42"), bytearray(b"AB").hex(), bytearray(b"a").upper(), bytearray(b"q").decode())
z = bytearray(b"abc")
for i in range(len(z)):
    z[i] += 1
print(z, list(z))
