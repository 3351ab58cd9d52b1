# bytes.maketrans/translate (with delete), replace with counts and empty
# patterns, join, removeprefix/removesuffix on bytes and bytearray.
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], bytearray.maketrans(b"a", b"b")[97], type(bytearray.maketrans(b"", b"")).__name__)
samples = [b"", b"abc", b"aabbccdd", b"\x00\xff", b"cab"]
for s in samples:
    print(s, s.translate(t), s.translate(None), s.translate(t, b"a"), s.translate(None, b"bc"),
          s.translate(t, delete=b"x"), bytearray(s).translate(t))
rot = bytes((i + 1) % 256 for i in range(256))
print(bytes(range(250, 256)).translate(rot), b"xyz".translate(bytearray(rot)), b"ab".translate(memoryview(rot)))
for bad in [b"short", "x" * 256, 5]:
    try:
        b"a".translate(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for args in [(b"ab", b"c"), ("a", "b"), (b"a", 1)]:
    try:
        bytes.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__, e)
src = b"one two one two one"
for old, new in [(b"one", b"1"), (b"one", b"ONE!"), (b"", b"-"), (b"o", b""), (b"zz", b"y"), (b"two one", b"X")]:
    print(old, new, [src.replace(old, new, n) for n in (-1, 0, 1, 2, 5)])
print(b"".replace(b"", b"x"), b"".replace(b"", b"x", 0), b"ab".replace(b"", b"-", 2), bytearray(b"aa").replace(b"a", b"bb"))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), bytearray(b", ").join([b"x", b"y"]), b"".join([]), b"x".join([b"only"]))
for items in [[b"a", "b"], [b"a", 1], 5]:
    try:
        b"-".join(items)
    except TypeError as e:
        print(type(e).__name__, e)
for s in [b"prefix-body-suffix", b"prefix", b"", b"pre"]:
    print(s.removeprefix(b"prefix"), s.removesuffix(b"suffix"), s.removeprefix(b""), bytearray(s).removesuffix(b"fix"))
print(b"abc".replace(b"b", bytearray(b"B")), b"abc".replace(memoryview(b"c"), b"C"))
