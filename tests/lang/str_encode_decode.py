# Tests str.encode/bytes.decode across codecs and error handlers: strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = "Aé€𝄞"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-be", "latin-1", "ascii"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        show(f"{enc}/{errors}", lambda: s.encode(enc, errors))
raw = b"A\xc3\xa9\xff\xfe\xe2\x82"
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    show(f"decode utf-8/{errors}", lambda: raw.decode("utf-8", errors))
print(raw.decode("latin-1"), raw.decode("ascii", "replace"))
esc = raw.decode("utf-8", "surrogateescape")
print(esc.encode("utf-8", "surrogateescape") == raw, len(esc))
show("surrogatepass", lambda: "\udc80".encode("utf-8", "surrogatepass"))
show("surrogatepass decode", lambda: b"\xed\xb2\x80".decode("utf-8", "surrogatepass"))
show("bad handler", lambda: "é".encode("ascii", "nonexistent"))
show("bad codec", lambda: "x".encode("no-such-codec"))
show("decode str", lambda: "x".decode())
show("encode bytes", lambda: b"x".encode())
show("utf-16 odd", lambda: b"\x00".decode("utf-16-le"))
show("utf-8 overlong", lambda: b"\xc0\x80".decode("utf-8"))
show("utf-8 surrogate bytes", lambda: b"\xed\xa0\x80".decode("utf-8"))
show("utf-8 too high", lambda: b"\xf4\x90\x80\x80".decode("utf-8"))
try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    "ab€".encode("latin-1")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
print("x".encode(encoding="utf-8", errors="strict"), b"x".decode(encoding="ascii"), "BOM".encode("utf-8-sig"), b"\xef\xbb\xbfBOM".decode("utf-8-sig"))
print("\u00e9".encode("UTF-8"), "\u00e9".encode("utf8"), "\u00e9".encode("U8"), "\u00e9".encode("Latin1"))
print(bytes("é", "utf-16-be"), str(b"\x00\xe9", "utf-16-be"), bytearray("é", "utf-8").decode())
print(b"\\u00e9".decode("unicode_escape"), "é\n".encode("unicode_escape"), b"\\x41".decode("unicode_escape"), "é".encode("raw_unicode_escape"))
