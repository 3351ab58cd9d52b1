# unicode_escape and raw_unicode_escape in both directions: every escape
# form, truncated escapes under each error handler, round trips.
def show(label, fn):
    try:
        print(label, ascii(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)

texts = ["", "plain", "tab\there", "nl\n cr\r", "back\\slash", "quote'\"", "\x00\x01\x1f\x7f",
         "\x80\xa0\xff", "\u0100\u20ac\uffff", "\U00010000\U0001f600\U0010ffff", "\ud800\udfff"]
for t in texts:
    u = t.encode("unicode_escape")
    r = t.encode("raw_unicode_escape")
    print(ascii(t), u, r, u.decode("unicode_escape") == t, r.decode("raw_unicode_escape") == t)
escapes = [b"\\\\", b"\\'", b'\\"', b"\\a\\b\\f\\n\\r\\t\\v", b"\\0", b"\\12", b"\\101", b"\\1234",
           b"\\777", b"\\x41", b"\\xfF", b"\\u20ac", b"\\U0001F600", b"\\N{BULLET}", b"\\N{latin small letter a}",
           b"line\\\ncont", b"\\z", b"\\8\\9", b"\xe9\\x41"]
for e in escapes:
    show(e, lambda e=e: e.decode("unicode_escape"))
bad = [b"\\", b"abc\\", b"\\x", b"\\x4", b"\\x4g", b"\\u123", b"\\u12345"[:5], b"\\U1234567", b"\\U00110000",
       b"\\N", b"\\N{", b"\\N{}", b"\\N{NO SUCH NAME}", b"\\Nx", b"ok\\xzz end"]
for e in bad:
    for h in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(e, h, ascii(e.decode("unicode_escape", h)))
        except UnicodeDecodeError as exc:
            print(e, h, "UDE", exc.encoding, exc.start, exc.end, exc.reason)
raw = [b"\\u0041", b"\\\\u0041", b"\\\\\\u0041", b"\\U0001f600", b"\\x41", b"\\n", b"\\", b"\\u12",
       b"\\U00110000", b"\\U0011", b"\xff\\u00ff"]
for e in raw:
    for h in ["strict", "replace", "backslashreplace"]:
        try:
            print(e, h, ascii(e.decode("raw_unicode_escape", h)))
        except UnicodeDecodeError as exc:
            print(e, h, "UDE", exc.encoding, exc.start, exc.end, exc.reason)
ok = sum(chr(c).encode("unicode_escape").decode("unicode_escape") == chr(c) for c in range(0, 0x3000, 7))
print("round trips", ok)
