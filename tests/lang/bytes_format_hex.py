# Tests bytes hex()/fromhex() variations, bytes %-formatting, bytes.join and iteration building, and bytes repr of every byte range.

print(bytes(range(256)))
print(b"\x00\x01\xff".hex(), b"".hex(), b"abc".hex(" "), b"abcdef".hex("_", 1), b"abcdef".hex(".", 3), b"abcdefg".hex(":", 2), b"abcdefg".hex(":", -2))
print(bytes.fromhex("00 ff 10"), bytes.fromhex("  aB  cD  "), bytearray.fromhex("0a0b"))
for bad in ["0", "zz", "0 0", "\x00", "0g"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
try:
    b"ab".hex("::")
except ValueError as e:
    print(type(e).__name__, e)
print(b"%d %5d %-5d| %05d %x %X %o %c %c" % (1, 2, 3, 4, 255, 255, 8, 65, b"B"))
print(b"%s %b %r %a" % (b"bytes", bytearray(b"ba"), b"r", "é"))
print(b"%(a)s-%(b)d" % {b"a": b"A", b"b": 2})
print(b"%.2f %e %g" % (3.14159, 1000.0, 0.0001))
print(b"%%" % (), b"%5s|%-5s|" % (b"ab", b"cd"), b"%.1s" % b"xyz")
for label, fn in [("str arg", lambda: b"%s" % "x"), ("too few", lambda: b"%s %s" % (b"x",)), ("%c big", lambda: b"%c" % 256),
                  ("%c str", lambda: b"%c" % "a"), ("%d str", lambda: b"%d" % b"1"), ("%b int", lambda: b"%b" % 5)]:
    try:
        fn()
    except (TypeError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)
parts = [bytes([i]) for i in range(65, 70)]
print(b"".join(parts), b"-".join(parts), b"".join([b"a", bytearray(b"b"), memoryview(b"c")]))
acc = b""
for i in range(5):
    acc += bytes([48 + i])
print(acc, acc * 2, acc[::-1], acc[1:3], list(acc))
print(bytes([0x7f, 0x80, 0x5c, 0x27, 0x22, 0x09, 0x0a, 0x0d]), repr(b"'\""), repr(b"\\"))
print(b"abc" == b"abc", b"abc" is not b"abd", b"a" < b"b", b"A" < b"a", sorted([b"b", b"a", b"ab", b""]))
