# bytes/bytearray find, rfind, index, rindex, count, startswith, endswith
# over a grid of needles (bytes and ints) and start/end arguments, checked
# against a slice-based model.
hay = b"abracadabra\x00\xffab"
needles = [b"", b"a", b"ab", b"abra", b"ra", b"\x00", b"\xff", b"zz", ord("a"), 0, 255, bytearray(b"ca"),
           memoryview(b"da")]
bounds = [None, 0, 1, 3, -1, -4, 20, -20]

def model_find(h, n, s, e, rev):
    sub = h[s:e] if s is not None or e is not None else h
    base = 0 if s is None else (s if s >= 0 else max(len(h) + s, 0))
    if isinstance(n, int):
        n = bytes([n])
    n = bytes(n)
    r = sub.rfind(n) if rev else sub.find(n)
    return r if r < 0 else r + min(base, len(h))

mismatch = 0
total = 0
for kind in (bytes, bytearray):
    h = kind(hay)
    for n in needles:
        for s in bounds:
            for e in bounds:
                args = (n,) if s is None and e is None else (n, s) if e is None else (n, s, e)
                if s is None and e is not None:
                    args = (n, None, e)
                f, rf, c = h.find(*args), h.rfind(*args), h.count(*args)
                total += 1
                if bytes(h[s:e]).find(bytes([n]) if isinstance(n, int) else bytes(n)) < 0:
                    if f != -1:
                        mismatch += 1
                print(kind.__name__[:2], bytes([n]) if isinstance(n, int) else bytes(n), s, e, f, rf, c)
print("total", total, "mismatch", mismatch)
for args in [(b"zz",), (ord("q"),), (b"a", 5, 6), (b"", 99)]:
    for name in ["index", "rindex"]:
        try:
            print(name, args, getattr(hay, name)(*args))
        except ValueError as e:
            print(name, args, "ValueError", e)
for prefix in [b"", b"a", b"abra", b"bra", (b"x", b"ab"), (b"x",), ()]:
    for s, e in [(None, None), (1, None), (0, 4), (-3, None), (5, 2)]:
        a = (prefix,) if s is None else (prefix, s) if e is None else (prefix, s, e)
        print(prefix, s, e, hay.startswith(*a), hay.endswith(*a), bytearray(hay).startswith(*a))
for bad in ["a", 1.5, 256, -1, [1], None]:
    for name in ["find", "count", "index"]:
        try:
            getattr(hay, name)(bad)
        except (TypeError, ValueError) as e:
            print(name, repr(bad), type(e).__name__, e)
for bad in ["a", 1, ("a",), [b"a"]]:
    try:
        hay.startswith(bad)
    except TypeError as e:
        print("startswith", repr(bad), e)
print(hay.find(b"a", True), hay.count(b"a", False, True))
