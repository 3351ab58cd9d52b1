# The namereplace error handler: \N{NAME} escapes from the Unicode names
# (never an alias), backslashreplace's form for code points with no name.
import codecs

samples = ["café", "\u4e2d\u6587", "\U0001F600!", "\uac00\ud7a3", "\U00020000\U0002a6df",
           "\x00\x1f\x7f\x80\x9f", "\u01a2\u01a3", "\ufeff\u200b", "\U000e0001\U000e01ef",
           "\U0010ffff\U000f1000", "\u0378", "\u2028\u00a0", "\U0001d11e\u1100\u11a8"]
for s in samples:
    print(ascii(s), s.encode("ascii", "namereplace"))
print("é€ÿ".encode("latin-1", "namereplace"))
print("é€ÿ".encode("cp1252", "namereplace"))
print("a\u4e2db".encode("utf-8", "namereplace"))

handler = codecs.lookup_error("namereplace")
print(handler is codecs.namereplace_errors)
exc = UnicodeEncodeError("ascii", "x\u00e9\u4e2dy", 1, 3, "boom")
print(handler(exc))
exc = UnicodeEncodeError("ascii", "x\u00e9\u4e2dy", 2, 2, "empty")
print(handler(exc))
for bad in (UnicodeDecodeError("ascii", b"\xff", 0, 1, "bad"),
            UnicodeTranslateError("\u00e9", 0, 1, "bad"), ValueError("x")):
    try:
        handler(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    b"\xff".decode("ascii", "namereplace")
except TypeError as e:
    print(type(e).__name__, e)

# A custom handler built on it.
def loud(e):
    text, end = codecs.namereplace_errors(e)
    return text.upper().replace("\\N", "<") , end
codecs.register_error("loud", loud)
print("na\u00efve \u2603".encode("ascii", "loud"))

# Every code point, block by block: lengths and checksums of the escapes.
# (CPython 3.11 names U+F0000-U+F03CC after its internal alias and named
# sequence tables, a difference the README records; they are left out.)
digest = []
for start in range(0, 0x110000, 0x1000):
    chars = "".join(chr(c) for c in range(start, start + 0x1000)
                    if not 0xD800 <= c < 0xE000 and not 0xF0000 <= c < 0xF1000)
    r = chars.encode("ascii", "namereplace")
    digest.append((len(r), sum(r), sum(r[::7])))
total = [sum(d[i] for d in digest) for i in range(3)]
print(len(digest), total)
print([d[0] for d in digest[:16]])
print(sum(i * d[1] for i, d in enumerate(digest)) % 1000000007)
