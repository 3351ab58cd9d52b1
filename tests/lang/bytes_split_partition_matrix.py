# split/rsplit (with and without separator, maxsplit from -1 to 4),
# splitlines(keepends), partition/rpartition on bytes and bytearray.
samples = [b"", b" ", b"a", b"a b", b"  a  b  ", b"a,b,,c,", b",a,", b"\t\na\x0bb\x0cc\rd ", b"x\x1cy\x85z",
           b"one::two::::three", b"::", b"a\r\nb\rc\nd\n\n", b"\r\n\r\n"]
seps = [None, b",", b"::", b" ", b"\n", b"ab"]
for s in samples:
    for sep in seps:
        for maxsplit in (-1, 0, 1, 2, 4):
            a = s.split(sep, maxsplit)
            b = s.rsplit(sep, maxsplit)
            c = bytearray(s).split(sep, maxsplit)
            assert [bytes(x) for x in c] == a and all(type(x) is bytearray for x in c)
            print(s, sep, maxsplit, a, b)
for s in samples:
    print(s, s.splitlines(), s.splitlines(True), s.splitlines(keepends=True) == s.splitlines(True))
for s in samples:
    for sep in [b",", b"::", b"a", b"\r\n", bytearray(b":")]:
        p, r = s.partition(sep), s.rpartition(sep)
        bp = bytearray(s).partition(sep)
        print(s, bytes(sep), p, r, [type(x).__name__ for x in bp])
for bad in [b"", "", 5, None]:
    for f in ["split", "rsplit", "partition", "rpartition"]:
        try:
            print(f, repr(bad), getattr(b"a,b", f)(bad))
        except (TypeError, ValueError) as e:
            print(f, repr(bad), type(e).__name__, e)
print(b"a b c".split(maxsplit=1), b"a b c".rsplit(sep=None, maxsplit=1), b"a,b".split(sep=b","))
try:
    b"a".split(maxsplit="1")
except TypeError as e:
    print("maxsplit str", e)
