# Tests bytes: literals, constructors, indexing (ints), slicing, repr, comparison, concatenation, hex/fromhex.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

b = b"hello\x00\xff\n\t'\"\\"
print(b, repr(b), len(b), b[0], b[-1], b[1:4], b[::-1], b[::3], list(b[:5]))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes(bytearray(b"ba")), bytes("é", "utf-8"), bytes("x", encoding="ascii"))
print(bytes((i for i in (104, 105))), bytes(memoryview(b"mv")), bytes.fromhex("de ad BE EF"), bytes.fromhex(""), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2))
show("bytes(-1)", lambda: bytes(-1))
show("bytes([256])", lambda: bytes([256]))
show("bytes([-1])", lambda: bytes([-1]))
show("bytes('a')", lambda: bytes("a"))
show("bytes(1.5)", lambda: bytes(1.5))
show("bytes(['a'])", lambda: bytes(["a"]))
show("bytes(b, enc)", lambda: bytes(b"a", "utf-8"))
show("fromhex odd", lambda: bytes.fromhex("abc"))
show("fromhex bad", lambda: bytes.fromhex("zz"))
show("b[20]", lambda: b[20])
show("b['a']", lambda: b["a"])
show("b[0]=1", lambda: b.__setitem__(0, 1))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(bytes(range(0, 256, 15))))
print(b"abc" + b"def", b"ab" * 3, 2 * b"x", b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"a" == "a", b"b" > b"abc")
show("bytes + str", lambda: b"a" + "b")
show("bytes < str", lambda: b"a" < "b")
show("bytes + int", lambda: b"a" + 1)
print(65 in b"ABC", b"B" in b"ABC", b"" in b"x", b"AC" in b"ABC", bytearray(b"B") in b"ABC")
show("300 in bytes", lambda: 300 in b"ABC")
show("'A' in bytes", lambda: "A" in b"ABC")
print(hash(b"abc") == hash(b"abc"), b"abc" == bytearray(b"abc"), {b"k": 1}[b"k"])
print(list(iter(b"ab")), [x for x in b"xyz"], tuple(b"\x01\x02"), sum(b"\x01\x02\x03"))
print(b"x".decode(), bytes.decode(b"\xc3\xa9"), str(b"x"), b"%s" % b"a")
print(bytes.maketrans(b"abc", b"xyz"), b"aabbcc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcdef".translate(None, b"bdf"))
print(b"\x61\x62", b"\141", b"a\
b", rb"\n", br"\x00", len(rb"\n"))
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "big"), (1).to_bytes(1, "little"), int.from_bytes([1, 2], "big"))
show("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
show("to_bytes neg", lambda: (-1).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(2, byteorder="little"), (0).to_bytes(0, "big"), (5).to_bytes())
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()), b"%b" % B())
