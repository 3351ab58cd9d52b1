# codecs.lookup through the encodings package's search function, the
# per-codec functions of _codecs, and incremental decoding across chunks.
import codecs

for name in ["utf-8", "UTF8", "utf_8", "Latin-1", "iso8859-1", "ascii", "us-ascii",
             "utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "unicode_escape",
             "raw-unicode-escape", "U8", "utf-8-sig"]:
    info = codecs.lookup(name)
    print(f"{name!r:22} -> {info.name}", type(info).__name__, isinstance(info, tuple), len(info))
print(codecs.lookup("utf-8") is codecs.lookup("UTF-8"))
for bad in ["no-such-codec", "", "utf-9"]:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print("LookupError", e)
try:
    codecs.lookup(8)
except TypeError as e:
    print("TypeError", e)

print(codecs.utf_8_encode("héllo"), codecs.utf_8_decode(b"h\xc3\xa9llo"))
print(codecs.utf_8_decode(b"ab\xc3", None, False), codecs.utf_8_decode(b"ab\xe2\x82", "strict", False))
print(codecs.utf_8_decode(b"ab\xf0\x9f\x98", None, False), codecs.utf_8_decode(b"ab\xc3", "replace", True))
try:
    codecs.utf_8_decode(b"ab\xc3", "strict", True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(codecs.latin_1_encode("ÿa"), codecs.latin_1_decode(b"\xff\xfe"), codecs.ascii_encode("abc"))
print(codecs.ascii_decode(b"\xffab", "replace"), codecs.ascii_encode("é", "xmlcharrefreplace"))
print(codecs.utf_16_le_encode("a€"), codecs.utf_16_be_decode(b"\x00a\x20\xac"))
print(codecs.utf_16_le_decode(b"a\x00=\xd8", None, False), codecs.utf_16_le_decode(b"a\x00b", None, False))
print(codecs.utf_16_encode("hi"), codecs.utf_16_encode("hi", None, 1), codecs.utf_16_encode("hi", None, -1))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00h\x00i"), codecs.utf_16_ex_decode(b"\xff\xfeh\x00"))
print(codecs.utf_16_ex_decode(b"h\x00i\x00"), codecs.utf_16_ex_decode(b"\xff", None, 0, False))
print(codecs.utf_16_decode(b"\xff\xfeh\x00i\x00"), codecs.utf_32_decode(b"\xff\xfe\x00\x00h\x00\x00\x00"))
print(codecs.utf_32_encode("x")[0][:4], codecs.utf_32_le_decode(b"h\x00\x00\x00i\x00", None, False))
print(codecs.unicode_escape_encode("a\né\U0001f600"), codecs.unicode_escape_decode(b"a\\n\\u00e9"))
print(codecs.raw_unicode_escape_encode("a\\é\u20ac"), codecs.raw_unicode_escape_decode(b"\\u20ac x"))
try:
    codecs.utf_8_encode(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    codecs.utf_8_encode("x", 5)
except TypeError as e:
    print("TypeError", e)

def chunks(data, size):
    return [data[i:i + size] for i in range(0, len(data), size)]

text = "Grüße, мир, 世界, 😀! " * 3
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1", "ascii"]:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode(enc, "replace")
    for size in (1, 2, 3, 5):
        dec = codecs.getincrementaldecoder(enc)()
        out = "".join(dec.decode(c) for c in chunks(data, size)) + dec.decode(b"", final=True)
        assert out == data.decode(enc), (enc, size)
    enc_i = codecs.getincrementalencoder(enc)("replace")
    joined = b"".join(enc_i.encode(ch) for ch in text) + enc_i.encode("", final=True)
    print(enc, len(data), joined == data, codecs.decode(data, enc) == data.decode(enc))

dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe4\xb8")), repr(dec.decode(b"\x96x")), dec.getstate())
try:
    dec.decode(b"\xe4", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason, e.start, e.end)
print(codecs.encode("abc", "utf-16-le"), codecs.decode(b"a\x00", "utf-16-le"))
print(codecs.getencoder("latin-1")("é"), codecs.getdecoder("ascii")(b"ok"))
import io
r = codecs.getreader("utf-8")(io.BytesIO("línea\nzwei\n".encode()))
print(r.readline(), r.read())
