# Comparisons between bytes, bytearray and memoryview in both orders (memoryview
# answers == and !=, ordering across them is a TypeError), and property's
# read-only messages.
m = memoryview(b"mv")
print(b"mv" == m, m == b"mv", bytearray(b"mv") == m, m == bytearray(b"mv"), m == memoryview(b"mv"), m != b"mx", b"mv" != m)
print(memoryview(b"abc")[1:] == b"bc", b"bc" == memoryview(b"abc")[1:])
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
p = P()
try: p.x = 1
except AttributeError as e: print(e)
try: del p.x
except AttributeError as e: print(e)
def getter(self): return 1
class Q:
    y = property(getter)
try: Q().y = 2
except AttributeError as e: print(e)
for op in ["<", "<=", ">", ">="]:
    try:
        print(eval("b'a' %s memoryview(b'b')" % op))
    except TypeError as e:
        print("TypeError", e)
print(b"a" < bytearray(b"b"), bytearray(b"a") < b"b", b"ab" == bytearray(b"ab"), b"" == memoryview(b""))
import array
print(b"\x01\x00\x00\x00" == memoryview(b"\x01\x00\x00\x00").cast("i"))
