# UTF-8 decoding of malformed input under every error handler: the error
# range (start, end), the reason and the replacement output match CPython's.
cases = [
    b"\x80", b"\xbf", b"\xc0\x80", b"\xc1\xbf", b"\xc2", b"\xc2\x41", b"\xdf\xc0",
    b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xe0\xa0", b"\xe0\xa0\x41", b"\xed\xa0\x80",
    b"\xed\xbf\xbf", b"\xed\x9f\xbf", b"\xef\xbf", b"\xf0\x80\x80\x80", b"\xf0\x8f\xbf\xbf",
    b"\xf0\x90\x80", b"\xf0\x90\x80\x41", b"\xf4\x90\x80\x80", b"\xf4\x8f\xbf\xbf",
    b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xfe", b"\xff", b"a\xffb\xfec",
    b"\xe2\x82", b"\xe2\x82\xac\xe2", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80\xf0",
    b"ok\xc3\xa9\xc3", b"\xed\xb2\x80\xed\xa0\xbd", b"\x00\x7f\x80",
]
handlers = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]
for raw in cases:
    for h in handlers:
        try:
            out = raw.decode("utf-8", h)
            print(raw, h, ascii(out))
        except UnicodeDecodeError as e:
            print(raw, h, "UDE", e.encoding, e.start, e.end, e.reason, e.object == raw)
# surrogateescape round trip for every byte value
bad = bytes(range(128, 256))
s = bad.decode("utf-8", "surrogateescape")
print(len(s), hex(ord(s[0])), hex(ord(s[-1])), s.encode("utf-8", "surrogateescape") == bad)
# surrogatepass round trip for lone surrogates
for cp in (0xD800, 0xDBFF, 0xDC00, 0xDFFF):
    enc = chr(cp).encode("utf-8", "surrogatepass")
    print(hex(cp), enc, hex(ord(enc.decode("utf-8", "surrogatepass"))))
# valid sequences at each length boundary
for cp in (0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF):
    enc = chr(cp).encode()
    print(hex(cp), enc, len(enc), enc.decode() == chr(cp))
# encoding surrogates
for text in ["\ud800", "a\udc80b", "\ud83d\ude00", "x\udcff\udc80y"]:
    for h in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(ascii(text), h, text.encode("utf-8", h))
        except UnicodeEncodeError as e:
            print(ascii(text), h, "UEE", e.start, e.end, e.reason, str(e))
