# _codecs' registry: register/unregister of search functions, lookup
# through the encodings package (name normalisation, caching, errors), the
# utf_8/latin_1/ascii encode/decode pairs, incremental UTF-8 decoding that
# keeps an unfinished sequence for the next call, and what this enables:
# tokenize's encoding detection and linecache.
import codecs
import _codecs

for name in ["utf-8", "UTF8", " utf_8 ", "latin-1", "Latin1", "iso-8859-1", "ascii", "US-ASCII", "utf-8-sig"]:
    info = codecs.lookup(name)
    print(repr(name), info.name, type(info).__name__, codecs.lookup(name) is info)
for bad in ["no-such-codec", "", 5]:
    try:
        codecs.lookup(bad)
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)

def search(name):
    print("  searched", repr(name))
    if name == "my_codec":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper().encode(), len(s)),
                                lambda b, e="strict": (bytes(b).decode().lower(), len(b)), name="mine")
    return None
codecs.register(search)
print(codecs.lookup("My-Codec").name, codecs.encode("abc", "my codec"), codecs.decode(b"XY", "MY_CODEC"))
print(codecs.lookup("my_codec").name)  # cached: not searched again
codecs.unregister(search)  # clears the cache too
try:
    codecs.lookup("my_codec")
except LookupError as e:
    print("LookupError", e)
try:
    codecs.register(42)
except TypeError as e:
    print(e)

print(_codecs.utf_8_encode("h\u00e9\u20ac"), _codecs.utf_8_encode("\ud800", "surrogatepass"))
print(_codecs.latin_1_encode("caf\u00e9"), _codecs.latin_1_decode(b"\xe9t\xe9"), _codecs.ascii_decode(b"ok"))
for data, errors, final in [(b"ab\xe2\x82", "strict", False), (b"ab\xe2\x82x", "replace", False),
                            (b"\xf0\x9f", None, False), (b"\xf0\x41", "replace", False), (b"\xc3", "strict", False),
                            (b"\xed\xa0", "replace", False), (b"\xed\xa0\x80", "replace", False),
                            (b"\xe0\x80", "replace", False), (b"\xf4\x90", "replace", False)]:
    print(data, _codecs.utf_8_decode(data, errors, final))
for call in [lambda: _codecs.utf_8_decode(b"ab\xe2\x82", "strict", True), lambda: _codecs.ascii_encode("\u00e9"),
             lambda: _codecs.utf_8_encode(b"x"), lambda: _codecs.latin_1_decode("x")]:
    try:
        call()
    except (UnicodeError, TypeError) as e:
        print(type(e).__name__, e)

dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([b])) for b in "\u20aca\U0001f600".encode()], repr(dec.decode(b"", final=True)))
dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
print(dec.decode(b"\xe2\x82"), repr(dec.decode(b"", final=True)))
enc = codecs.getincrementalencoder("utf-8")()
print(enc.encode("\u00e9"), codecs.iterdecode([b"\xc3", b"\xa9!"], "utf-8").__next__())
print(codecs.decode(b"\xef\xbb\xbfhi", "utf-8-sig"), codecs.encode("hi", "utf-8-sig"))

import io
import tokenize
print(tokenize.detect_encoding(io.BytesIO(b"# -*- coding: latin-1 -*-\nx = 1\n").readline))
print(tokenize.detect_encoding(io.BytesIO(b"\xef\xbb\xbfx = 1\n").readline))
try:
    tokenize.detect_encoding(io.BytesIO(b"# coding: bogus\n").readline)
except SyntaxError as e:
    print("SyntaxError", e)
import linecache
print(repr(linecache.getline(__file__, 1)), linecache.getline(__file__, 10**6) == "")

# Codecs beyond text encodings come from the registry too.
print(codecs.encode(b"ab", "hex"), codecs.decode(b"6162", "hex_codec"), codecs.decode("nop", "rot13"))
print(codecs.encode(b"hi", "base64"), codecs.decode(b"aGk=\n", "base64"), codecs.encode("x", "utf-8"))
for call in [lambda: codecs.encode("x", "nope"), lambda: codecs.decode(b"x", "nope"), lambda: codecs.encode("x", 5)]:
    try:
        call()
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
