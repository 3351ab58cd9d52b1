# base64 (over binascii and struct): the standard, URL-safe, base32,
# base32hex, base16, ascii85 and base85 codecs both ways, validate=True,
# altchars, and the errors for bad input.
import base64 as b

data = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(0, 256, 7))]
for d in data:
    row = [b.b64encode(d), b.urlsafe_b64encode(d), b.b32encode(d), b.b32hexencode(d),
           b.b16encode(d), b.a85encode(d), b.b85encode(d)]
    back = [b.b64decode(row[0]), b.urlsafe_b64decode(row[1]), b.b32decode(row[2]),
            b.b32hexdecode(row[3]), b.b16decode(row[4]), b.a85decode(row[5]), b.b85decode(row[6])]
    print(d[:6], [x[:16] for x in row], all(x == d for x in back))
print(b.b64encode(b"\xfb\xff\xfe", altchars=b"-_"), b.b64decode(b"-__-", altchars=b"-_"))
print(b.standard_b64encode(b"hi"), b.standard_b64decode("aGk="), b.encodebytes(b"x" * 60))
print(b.decodebytes(b"eHh4\neHh4\n"), b.a85encode(b"hello world", foldspaces=True, wrapcol=8, adobe=True))
print(b.b32decode(b"mzxw6===", casefold=True), b.b16decode(b"cafe", casefold=True))
for f, arg in [(b.b64decode, b"abc"), (lambda s: b.b64decode(s, validate=True), b"ab!c"),
               (b.b32decode, b"AAA"), (b.b16decode, b"XY"), (b.b64decode, "é"),
               (b.a85decode, b"~>x"), (b.b85decode, b"|||||")]:
    try:
        print(f(arg))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
