# UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: the
# constructor's checks, attributes (writable), str() for one character or a
# range and for each escape width, and the errors raised by encode/decode.

def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


enc = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(enc.encoding, repr(enc.object), enc.start, enc.end, enc.reason)
print(str(enc))
print(repr(enc), enc.args)
for ch in ["\xe9", "\u20ac", "\U0001f600", "\x07"]:
    print(str(UnicodeEncodeError("latin-1", "a" + ch, 1, 2, "nope")))
print(str(UnicodeEncodeError("ascii", "abcdef", 1, 4, "range")))
print(str(UnicodeEncodeError("ascii", "abc", 5, 6, "past the end")))

dec = UnicodeDecodeError("utf-8", b"ab\xff\xfe", 2, 3, "invalid start byte")
print(dec.encoding, dec.object, dec.start, dec.end, dec.reason)
print(str(dec))
print(str(UnicodeDecodeError("utf-8", b"ab\xff\xfe", 2, 4, "two bytes")))
print(str(UnicodeDecodeError("utf-16", bytearray(b"\x00"), 0, 1, "truncated")),
      type(UnicodeDecodeError("x", bytearray(b"z"), 0, 1, "r").object).__name__)

tr = UnicodeTranslateError("caf\xe9", 3, 4, "no mapping")
print(tr.encoding, repr(tr.object), tr.start, tr.end, tr.reason)
print(str(tr))
print(str(UnicodeTranslateError("abc", 0, 3, "all of it")))

attempt("no args", lambda: UnicodeEncodeError())
attempt("too few", lambda: UnicodeDecodeError("utf-8", b"", 0, 1))
attempt("enc not str", lambda: UnicodeEncodeError(1, "x", 0, 1, "r"))
attempt("object bytes for encode", lambda: UnicodeEncodeError("a", b"x", 0, 1, "r"))
attempt("object str for decode", lambda: UnicodeDecodeError("a", "x", 0, 1, "r"))
attempt("start not int", lambda: UnicodeEncodeError("a", "x", "0", 1, "r"))
attempt("reason not str", lambda: UnicodeTranslateError("x", 0, 1, 2))
attempt("keywords", lambda: UnicodeEncodeError("a", "x", 0, 1, reason="r"))
attempt("plain UnicodeError", lambda: str(UnicodeError("free form", 2)))

e = UnicodeEncodeError("ascii", "xyz", 0, 1, "r")
e.start = 1
e.end = 3
e.reason = "changed"
e.encoding = "latin-1"
print(str(e), e.args)

attempt("encode ascii", lambda: "na\xefve caf\xe9".encode("ascii"))
attempt("encode run", lambda: "ab\xe9\xe8cd".encode("ascii"))
attempt("decode ascii", lambda: b"ok\x80".decode("ascii"))
attempt("decode utf-8", lambda: b"\xff".decode("utf-8"))
try:
    "\u20ac".encode("latin-1")
except UnicodeEncodeError as err:
    print(err.encoding, repr(err.object), err.start, err.end, err.reason)
    print(isinstance(err, UnicodeError), isinstance(err, ValueError))
try:
    b"abc\xc3".decode("ascii")
except UnicodeDecodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason)
print([c.__name__ for c in UnicodeDecodeError.__mro__])
