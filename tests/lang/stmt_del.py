# Tests del: names (local/global), list items and slices, dict keys, attributes, tuples of targets, del of unbound names, __delitem__/__delattr__ dispatch.

x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
try:
    del x
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
try:
    del lst[10]
except IndexError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
print(d)

class Obj:
    cls_attr = "c"

o = Obj()
o.attr = 1
del o.attr
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))
a, b, c = 1, 2, 3
del a, b
print("a" in dir(), "b" in dir(), c)
p, q = [1], [2]
del (p, q)
r = [[1, 2], [3, 4]]
del r[0][1], r[1]
print(r)
s = [1, 2, 3]
del [s[0]]
print(s)

class Log:
    def __delitem__(self, key):
        print("  __delitem__", key)

    def __delattr__(self, name):
        print("  __delattr__", name)

lg = Log()
del lg[1], lg["k"], lg[1:2]
del lg.anything

def local_del():
    v = "local"
    del v
    try:
        print(v)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    v = "rebound"
    return v

print(local_del())
g_var = "global"
def global_del():
    global g_var
    del g_var

global_del()
print("g_var" in globals())
def del_in_loop():
    items = list(range(5))
    while items:
        del items[0]
    return items
print(del_in_loop())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
st = "abc"
try:
    del st[0]
except TypeError as e:
    print(type(e).__name__, e)
for src in ["del 1", "del f()", "del (a + b)", "del *a", "del [a, b]", "del ()"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
def closure_del():
    cv = 1
    def inner():
        return cv
    del cv
    try:
        return inner()
    except NameError as e:
        return f"{type(e).__name__}: {e}"
print(closure_del())
ba = bytearray(b"abcdef")
del ba[1::2]
print(ba)
