# UTF-16 and UTF-32: byte orders, the BOM of the plain codecs, surrogate
# pairs, and the errors of truncated or ill-formed input.
samples = ["", "A", "\xe9", "\u20ac", "\U0001f600", "a\U0010ffffb", "\ufeff", "mixed \u4e2d\U0001d11e!"]
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf_16", "UTF-16LE", "u32"]:
    for s in samples:
        b = s.encode(enc)
        print(enc, ascii(s), b.hex(" "), ascii(b.decode(enc)), b.decode(enc) == s)
# BOM detection
for raw in [b"\xff\xfeA\x00", b"\xfe\xff\x00A", b"A\x00", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00A\x00\x00\x00",
            b"\x00\x00\xfe\xff\x00\x00\x00A", b"A\x00\x00\x00"]:
    for enc in ["utf-16", "utf-32"]:
        try:
            print(raw.hex(), enc, ascii(raw.decode(enc)))
        except UnicodeDecodeError as e:
            print(raw.hex(), enc, "UDE", e.encoding, e.start, e.end, e.reason)
bad16 = [b"A", b"A\x00B", b"\x00\xd8", b"\x00\xd8A\x00", b"\x00\xdc", b"\x00\xd8\x00\xd8\x00\xdc", b"\x3d\xd8\x00\xde",
         b"\x00\xd8\x00"]
for raw in bad16:
    for h in ["strict", "ignore", "replace", "backslashreplace", "surrogatepass"]:
        try:
            print(raw.hex(), h, ascii(raw.decode("utf-16-le", h)))
        except UnicodeDecodeError as e:
            print(raw.hex(), h, "UDE", e.start, e.end, e.reason)
bad32 = [b"A\x00\x00", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"A\x00\x00\x00\xff\xff\xff\xff", b"\x00\xdc\x00\x00B\x00\x00\x00"]
for raw in bad32:
    for h in ["strict", "ignore", "replace", "backslashreplace", "surrogatepass"]:
        try:
            print(raw.hex(), h, ascii(raw.decode("utf-32-le", h)))
        except UnicodeDecodeError as e:
            print(raw.hex(), h, "UDE", e.start, e.end, e.reason)
for enc in ["utf-16", "utf-16-be", "utf-32-le"]:
    for h in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "surrogatepass"]:
        try:
            print(enc, h, "a\ud800b".encode(enc, h).hex())
        except UnicodeEncodeError as e:
            print(enc, h, "UEE", e.encoding, e.start, e.end, e.reason)
# every BMP-boundary code point round trips
ok = 0
for cp in list(range(0, 0x10000, 0x3F1)) + [0x10000, 0x1F600, 0x10FFFF]:
    if 0xD800 <= cp <= 0xDFFF:
        continue
    for enc in ["utf-16-le", "utf-16-be", "utf-32-be"]:
        ok += chr(cp).encode(enc).decode(enc) == chr(cp)
print("round trips", ok)
# decode errors name the byte order actually used; encode errors the codec asked for
for raw in [b"A", b"\xff\xfeA", b"\xfe\xff\x00", b"\x00\xdc", b"\xfe\xff\xdc\x00"]:
    for enc in ["utf-16", "utf-32", "utf-16-be", "utf-32-be"]:
        try:
            print(raw, enc, ascii(raw.decode(enc)))
        except UnicodeDecodeError as e:
            print(raw, enc, e.encoding, e.start, e.end, e.reason)
for enc in ["utf-16", "utf-32", "utf-16-le", "utf-32-be"]:
    try:
        "\ud800".encode(enc)
    except UnicodeEncodeError as e:
        print(enc, e.encoding, str(e))
