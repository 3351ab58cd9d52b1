# UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError built by
# hand: argument checks, attributes, str() for one or many positions.
def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)

for start, end in [(0, 1), (1, 2), (0, 3), (2, 2), (5, 9), (3, 4)]:
    e = UnicodeEncodeError("ascii", "a\xe9\u4e2d", start, end, "nope")
    print("enc", start, end, str(e), e.args, e.start, e.end)
    d = UnicodeDecodeError("utf-8", b"a\xff\xfe", start, end, "bad")
    print("dec", start, end, str(d), e.encoding, d.object)
    t = UnicodeTranslateError("x\U0001f600y", start, end, "tr")
    print("tr", start, end, str(t), t.encoding)
for ch in ["\x00", "\x7f", "\xff", "\u0100", "\uffff", "\U00010000", "\U0010ffff"]:
    print(str(UnicodeEncodeError("enc", ch, 0, 1, "r")))
show("enc bad encoding", lambda: UnicodeEncodeError(1, "a", 0, 1, "r"))
show("enc bad object", lambda: UnicodeEncodeError("a", b"a", 0, 1, "r"))
show("enc bad start", lambda: UnicodeEncodeError("a", "a", "0", 1, "r"))
show("enc bad reason", lambda: UnicodeEncodeError("a", "a", 0, 1, 2))
show("enc few args", lambda: UnicodeEncodeError("a", "a", 0, 1))
show("dec str object", lambda: UnicodeDecodeError("a", "a", 0, 1, "r"))
show("dec bytearray", lambda: UnicodeDecodeError("a", bytearray(b"xy"), 0, 1, "r").object)
show("dec memoryview", lambda: UnicodeDecodeError("a", memoryview(b"xy"), 0, 2, "r").object)
show("tr few", lambda: UnicodeTranslateError("a", 0, 1))
print(repr(str(UnicodeError())), repr(str(UnicodeError("plain"))), UnicodeError("x", 1).args)
print(issubclass(UnicodeEncodeError, UnicodeError), issubclass(UnicodeError, ValueError))
e = UnicodeEncodeError("ascii", "abc", 0, 1, "r")
e.start = 1
e.end = 3
e.reason = "changed"
e.encoding = "other"
print(str(e), e.args)
try:
    "\xe9".encode("ascii")
except UnicodeEncodeError as exc:
    print(type(exc).__name__, exc.args, exc.object, exc.start, exc.end)
try:
    b"\xe9".decode("ascii")
except UnicodeDecodeError as exc:
    print(type(exc).__name__, exc.args, exc.object, exc.start, exc.end)
try:
    b"\xe9".decode("utf-8")
except ValueError as exc:
    print("caught as ValueError", isinstance(exc, UnicodeError), exc.reason)
