# Text files in several encodings: BOMs written once and read once,
# characters split across chunk boundaries, error handlers on both sides.
P = "io_tmp_text_encodings.txt"

def cleanup():
    try:
        import os
    except ImportError:
        return
    try:
        os.remove(P)
    except OSError:
        pass

def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def raw():
    with open(P, "rb") as f:
        return f.read()

text = "héllo wörld €\n\U0001F600 end\n"
for enc in ["utf-8", "UTF8", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
            "utf-32-be", "utf-8-sig", "ascii", "cp1252"]:
    try:
        with open(P, "w", encoding=enc) as f:
            print(enc, f.encoding, f.errors, f.write(text))
    except UnicodeEncodeError as e:
        print(enc, "encode error", e.reason, e.start, e.end)
        continue
    data = raw()
    print(len(data), data[:6])
    with open(P, encoding=enc) as f:
        back = f.read()
        print(back == text, len(back))
    # tiny chunks split every multi-byte character
    with open(P, encoding=enc) as f:
        f._CHUNK_SIZE = 1
        print(f.readlines() == text.splitlines(True))

# Two writes write one BOM
for enc in ["utf-16", "utf-32", "utf-8-sig"]:
    with open(P, "w", encoding=enc) as f:
        f.write("ab")
        f.write("cd")
    data = raw()
    print(enc, len(data), data[:4])
    with open(P, "a", encoding=enc) as f:
        f.write("ef")
    with open(P, encoding=enc) as f:
        print(repr(f.read()))

# Error handlers
with open(P, "wb") as f:
    f.write(b"ok \xff\xfe bad \xc3\xa9 \xe2\x82")
for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
    with open(P, encoding="utf-8", errors=errors) as f:
        t(lambda: f.read())
with open(P, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve €")
print(raw())
with open(P, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("naïve €")
print(raw())
with open(P, "w", encoding="latin-1") as f:
    t(lambda: f.write("a€b"))
with open(P, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write("x\udcff\udcfey")
print(raw())

t(lambda: open(P, encoding="no-such-codec"))
t(lambda: open(P, "w", encoding="utf-8", errors=3))
with open(P, "w", encoding="utf-8", errors="bogus") as f:
    t(lambda: f.write("\udc80"))
cleanup()
