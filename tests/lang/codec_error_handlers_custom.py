# _codecs.register_error / lookup_error: custom handlers get the exception,
# return (replacement, position); positions may go back or forward, and
# bad return values raise CPython's errors.
import _codecs

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)

seen = []
def record(exc):
    seen.append((type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ("<%d>" % ord(exc.object[exc.start]), exc.start + 1)
    return ("[%02x]" % exc.object[exc.start], exc.start + 1)

_codecs.register_error("test.record", record)
print(_codecs.lookup_error("test.record") is record)
print("a\xe9\u4e2db".encode("ascii", "test.record"))
print(b"a\xff\xfeb".decode("utf-8", "test.record"))
print(b"\x80\x81".decode("ascii", "test.record"))
for item in seen:
    print(item)

def skip_all(exc):
    return ("!", exc.end)
_codecs.register_error("test.skip", skip_all)
print("\xe9\xe8\xe7x".encode("ascii", "test.skip"), "x\xe9\xe8".encode("latin-1", "test.skip"))

def as_bytes(exc):
    return (b"??", exc.end)
_codecs.register_error("test.bytes", as_bytes)
print("a\xe9b".encode("ascii", "test.bytes"))
show("bytes in decode", lambda: b"\xff".decode("utf-8", "test.bytes"))

def negative(exc):
    return ("<neg>", -1)
_codecs.register_error("test.neg", negative)
print("ab\xe9c".encode("ascii", "test.neg"))

for name, result in [("test.badtype", 5), ("test.short", ("x",)), ("test.pos", ("x", "1")),
                     ("test.far", ("x", 100)), ("test.farneg", ("x", -100))]:
    _codecs.register_error(name, lambda exc, r=result: r)
    show(name + " enc", lambda name=name: "\xe9".encode("ascii", name))
    show(name + " dec", lambda name=name: b"\xff".decode("ascii", name))

def raiser(exc):
    raise KeyError("from handler")
_codecs.register_error("test.raise", raiser)
show("raising handler", lambda: "\xe9".encode("ascii", "test.raise"))
show("unknown handler", lambda: "\xe9".encode("ascii", "no.such.handler"))
show("unknown not needed", lambda: "abc".encode("ascii", "no.such.handler"))
show("lookup unknown", lambda: _codecs.lookup_error("no.such"))
show("register non-callable", lambda: _codecs.register_error("x", 5))
for name in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    h = _codecs.lookup_error(name)
    exc = UnicodeEncodeError("ascii", "a\xe9\u4e2db", 1, 3, "bad")
    show(name + " on encode", lambda h=h, exc=exc: h(exc))
    exc = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "bad")
    show(name + " on decode", lambda h=h, exc=exc: h(exc))
show("handler on non-exception", lambda: _codecs.lookup_error("ignore")(5))
print(_codecs.encode("\xe9", "latin-1"), _codecs.decode(b"\xc3\xa9"), _codecs.decode(b"\xff", "utf-8", "replace"))
show("encode unknown", lambda: _codecs.encode("x", "klingon"))
show("decode unknown", lambda: _codecs.decode(b"x", "klingon"))
