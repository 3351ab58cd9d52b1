# The charmap codec and the codecs of the encodings package reached through
# str.encode / bytes.decode / str(): tables, mappings, error handlers.
import codecs

# 8-bit codecs of the encodings package, round trips over every byte.
for enc in ["cp437", "cp850", "cp1253", "iso8859_7", "iso8859_15", "mac_roman", "koi8_r",
            "cp1251", "latin_1", "hp_roman8", "cp037"]:
    raw = bytes(range(256))
    text = raw.decode(enc, "replace")
    back = text.encode(enc, "replace")
    print(enc, len(text), text.count("\ufffd"), back == raw, ascii(text[120:140]))

print(b"\x81abc\xe9".decode("cp437"), "h\xe9llo".encode("cp850"), str(b"\xe4", "cp1252"))
print("\u03a9\u20ac".encode("iso8859_7", "replace"))
print("\u03a9\u20acx".encode("iso8859_7", "backslashreplace"))
print("\u03a9\u20ac".encode("cp437", "xmlcharrefreplace"))
print("\u03a9\u20ac".encode("cp437", "namereplace"))
print("\u03a9\u20ac".encode("cp437", "ignore"))
print(ascii(b"\x81\xff".decode("cp1253", "replace")))
print(b"\xaa\xd2".decode("cp1253", "backslashreplace"))
print(ascii(b"\xaa\xd2".decode("iso8859_7", "surrogateescape")))
print(ascii(b"\xaa\xd2".decode("iso8859_7", "ignore")))
print("\udcaa".encode("cp437", "surrogateescape"))

for data, enc in [(b"\xaa\xd2", "cp1253"), (b"ab\x81", "cp1253")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("decode:", e, e.encoding, e.start, e.end, e.object)
for text, enc, errors in [("a\u20acb\u20ac\u20acc", "cp437", "strict"),
                          ("\u20ac", "cp437", "surrogatepass"),
                          ("\u20ac", "cp437", "surrogateescape")]:
    try:
        text.encode(enc, errors)
    except UnicodeEncodeError as e:
        print("encode:", e, e.encoding, e.start, e.end)

# A Python error handler sees the whole unencodable run and may return str
# (encoded through the map again) or bytes (copied as they are).
seen = []
def handler(exc):
    seen.append((type(exc).__name__, exc.start, exc.end))
    if isinstance(exc, UnicodeEncodeError):
        return ("<%d>" % (exc.end - exc.start), exc.end)
    return ("[%02x]" % exc.object[exc.start], exc.start + 1)
codecs.register_error("krait.test", handler)
print("x\u20ac\u20acy\u20ac".encode("cp437", "krait.test"))
print(b"a\x81b\x81".decode("cp1253", "krait.test"))
def to_bytes(exc):
    return (b"##", exc.end)
codecs.register_error("krait.bytes", to_bytes)
print("x\u20acy".encode("cp850", "krait.bytes"))
def unmappable(exc):
    return ("\u20ac", exc.end)
codecs.register_error("krait.bad", unmappable)
try:
    "x\u20ac".encode("cp850", "krait.bad")
except UnicodeEncodeError as e:
    print("replacement unmappable:", e)
print(seen)

# charmap_build: an EncodingMap for a full table, else a dict.
m = codecs.charmap_build("".join(map(chr, range(256))))
print(type(m).__name__, codecs.charmap_build("abc"), codecs.charmap_build("a\U0001f600"))
print(codecs.charmap_encode("abc\xff", "strict", m))
table = "".join(chr(0x400 + i) if i >= 128 else chr(i) for i in range(256))
tm = codecs.charmap_build(table)
print(codecs.charmap_encode("\u0480\u04ffz", "strict", tm), codecs.charmap_decode(b"\x80\xffz", "strict", table))
try:
    codecs.charmap_encode("\u0400", "strict", tm)
except UnicodeEncodeError as e:
    print(e)

# Generic mappings in both directions.
print(codecs.charmap_encode("abc", "replace", {97: b"XY", 98: 66, 63: 0x3F}))
try:
    codecs.charmap_encode("abc", "strict", {97: b"XY", 98: 66, 99: None})
except UnicodeEncodeError as e:
    print(e)
try:
    codecs.charmap_encode("ab", "replace", {97: 1})
except UnicodeEncodeError as e:
    print("no '?' in the map:", e)
print(codecs.charmap_decode(b"\x00\x01\x02", "replace", {0: "abc", 1: 0x41, 2: None}))
print(codecs.charmap_decode(b"\x00\x01\x02\x03", "replace", {0: "", 1: "\ufffe", 2: 0xFFFE}))
print(codecs.charmap_decode(b"\x00\x01\x02", "ignore", "xy"))
print(codecs.charmap_decode(bytearray(b"ab")), codecs.charmap_encode("\xe9"))
print(codecs.charmap_decode(memoryview(b"\x00\x01"), None, ["p", "q"]))
class Lookup:
    def __getitem__(self, key):
        if key == 1:
            raise KeyError(key)
        if key == 2:
            raise ValueError("boom")
        return key + 0x60
try:
    print(codecs.charmap_decode(b"\x00\x01", "replace", Lookup()))
    codecs.charmap_decode(b"\x02", "strict", Lookup())
except ValueError as e:
    print("ValueError", e)
for bad in [{0: 3.5}, {0: -1}, {0: 0x110000}]:
    try:
        codecs.charmap_decode(b"\x00", "strict", bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [{97: 3.5}, {97: 256}, {97: -1}, {97: "x"}]:
    try:
        codecs.charmap_encode("a", "strict", bad)
    except Exception as e:
        print(type(e).__name__, e)
for call in [lambda: codecs.charmap_build(5), lambda: codecs.charmap_encode(b"x"),
             lambda: codecs.charmap_decode("x"), lambda: codecs.charmap_decode(b"x", 5),
             lambda: codecs.charmap_decode()]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# Only text encodings serve str.encode / bytes.decode.
for call in [lambda: "abc".encode("rot13"), lambda: b"6162".decode("hex"),
             lambda: "x".encode("no-such-codec"), lambda: b"x".decode("no-such-codec")]:
    try:
        call()
    except LookupError as e:
        print("LookupError", e)
print(codecs.encode("abc", "rot13"), codecs.decode(b"6162", "hex"))

# A registered codec that returns the wrong type.
def search(name):
    if name == "krait_wrong":
        return codecs.CodecInfo(lambda s, errors="strict": (s, len(s)),
                                lambda b, errors="strict": (b, len(b)), name="krait_wrong")
    if name == "krait_upper":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode().upper() + errors, len(b)),
                                name="krait_upper")
    return None
codecs.register(search)
print("abc".encode("krait_upper"), b"abc".decode("krait_upper"), b"x".decode("krait_upper", "ignore"))
for call in [lambda: "x".encode("krait_wrong"), lambda: b"x".decode("krait_wrong")]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# The surrogate handlers are in the registry, not in _codecs.
import _codecs
print(codecs.lookup_error("surrogateescape").__name__, codecs.lookup_error("surrogatepass").__name__,
      hasattr(_codecs, "surrogateescape_errors"))
h = codecs.lookup_error("surrogatepass")
for enc in ["utf-8", "utf-16-be", "utf-32", "UTF_16LE", "latin-1"]:
    try:
        print(enc, h(UnicodeEncodeError(enc, "a\ud800b", 1, 2, "x")))
    except UnicodeEncodeError as e:
        print(enc, "re-raised:", e)
print(codecs.lookup_error("surrogateescape")(UnicodeDecodeError("x", b"\xff\xfe\x41\xff", 0, 4, "r")))
try:
    codecs.lookup_error("surrogateescape")(UnicodeDecodeError("x", b"\x41\xff", 0, 2, "r"))
except UnicodeDecodeError as e:
    print("re-raised:", e)
