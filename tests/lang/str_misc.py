# Tests str odds and ends: str() of objects, len, ord/chr, repr quoting and escapes, encode/decode, constructors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(str(), str(1), str(1.5), str(None), str([1, "a"]), str((1,)), str({"a": 1}), str(b"x"), str(str))
print(str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(b"\xff", errors="ignore"))
show("str(b, bad)", lambda: str(b"\xff", "utf-8"))
show("str(1, 'utf-8')", lambda: str(1, "utf-8"))
show("str('a', 'utf-8')", lambda: str("a", "utf-8"))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\n\t\r\\"), repr("\x00\x1f\x7f\x80\xa0\xff"), repr("é∑𝄞"),
      repr("\u200b\u2028\ud800"), repr("\U000e0001"), repr("\x85"), repr(""))
print(ascii("é∑𝄞\n'"), ascii("abc"), ascii(["é"]), ascii("\x7f\xff\uffff\U0010ffff"))
print(ord("a"), ord("é"), ord("∑"), ord("𝄞"), ord("\x00"), chr(97), chr(233), chr(0x1d11e), repr(chr(0)), chr(0x10ffff) == "\U0010ffff")
show("ord('')", lambda: ord(""))
show("ord('ab')", lambda: ord("ab"))
show("ord(1)", lambda: ord(1))
show("chr(-1)", lambda: chr(-1))
show("chr(0x110000)", lambda: chr(0x110000))
show("chr('a')", lambda: chr("a"))
show("chr(1.0)", lambda: chr(1.0))
print(ord(b"a"), ord(bytearray(b"z")))
for enc in ["utf-8", "utf-16-le", "utf-16-be", "latin-1", "ascii", "utf-32-be", "UTF8", "cp1252"]:
    try:
        print(enc, "héllo".encode(enc))
    except Exception as e:
        print(enc, type(e).__name__, e)
print("a∑".encode("ascii", "replace"), "a∑".encode("ascii", "ignore"), "a∑".encode("ascii", "backslashreplace"), "a∑".encode("ascii", "xmlcharrefreplace"))
show("encode strict", lambda: "a∑b".encode("ascii"))
show("encode bad codec", lambda: "a".encode("nope"))
show("encode surrogate", lambda: "\ud800".encode())
print("\ud800".encode("utf-8", "surrogatepass"), "\ud800".encode("utf-8", "replace"), "𝄞".encode(), "𝄞".encode("utf-16"))
print(b"\xe2\x88\x91".decode(), b"abc".decode("ascii"), b"\xff\xfe".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "backslashreplace"))
show("decode bad", lambda: b"a\xff".decode())
show("decode truncated", lambda: b"\xe2\x88".decode("utf-8"))
show("decode ascii", lambda: b"\x80".decode("ascii"))
print(len(""), len("abc"), len("é"), len("𝄞"), len("\r\n"), len("a" * 1000))
print("%d chars" % len("héllo"), str.__len__("abc"), "abc".__contains__("b"), "abc".__getitem__(1))
print(str.__new__(str, 5), type(str("x")).__name__)

class S(str):
    pass

v = S("hello")
print(type(v).__name__, v, type(v + "x").__name__, type(v.upper()).__name__, type(str(v)).__name__, v == "hello")

class WithStr:
    def __str__(self):
        return "WS"

class WithRepr:
    def __repr__(self):
        return "WR"

class BadStr:
    def __str__(self):
        return 1

print(str(WithStr()), str(WithRepr()), repr(WithRepr()), [WithStr()] if False else [WithRepr()], f"{WithStr()}")
show("BadStr", lambda: str(BadStr()))
print("abc".__hash__() == hash("abc"), hash("") == 0 or True)
