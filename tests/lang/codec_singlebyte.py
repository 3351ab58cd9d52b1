# ascii, latin-1 and cp1252: every byte value decoded, every error handler
# on unencodable text, and the charmap codec's names in errors.
allbytes = bytes(range(256))
for enc in ["ascii", "latin-1", "cp1252"]:
    for h in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        try:
            s = allbytes.decode(enc, h)
            print(enc, h, len(s), sum(map(ord, s)), ascii(s[120:170]))
        except UnicodeDecodeError as e:
            print(enc, h, "UDE", e.encoding, e.start, e.end, e.reason)
for enc in ["cp1252", "windows-1252"]:
    mapped = [(i, hex(ord(bytes([i]).decode(enc, "replace")))) for i in range(0x80, 0xA0)]
    print(enc, mapped)
texts = ["plain", "caf\xe9", "\u20ac10", "\u0100\u0101x", "\U0001f600!", "\x80\x9f", "\u2018q\u2019", "\udcff"]
for enc in ["ascii", "latin-1", "cp1252"]:
    for t in texts:
        for h in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "surrogateescape"]:
            try:
                print(enc, ascii(t), h, t.encode(enc, h))
            except UnicodeEncodeError as e:
                print(enc, ascii(t), h, "UEE", e.encoding, e.start, e.end, e.reason, str(e))
# runs of unencodable characters are reported together
for t in ["ab\xe9\xe8cd", "\u4e2d\u6587", "x\u4e2dy\u6587z"]:
    try:
        t.encode("ascii")
    except UnicodeEncodeError as e:
        print(ascii(t), e.start, e.end, str(e))
print(bytes(range(256)).decode("latin-1").encode("latin-1") == bytes(range(256)))
