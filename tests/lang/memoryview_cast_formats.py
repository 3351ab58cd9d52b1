# memoryview.cast to every native format, tolist/tobytes/len/shape, item
# assignment with range checks per format, multi-dimensional shapes.
raw = bytearray(range(1, 25))
for fmt in "BbcHhIiLlQqNnfd?":
    try:
        m = memoryview(raw).cast(fmt)
    except TypeError as e:
        print(fmt, "TypeError", e)
        continue
    vals = m.tolist()
    print(fmt, m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.ndim,
          [round(v, 3) if isinstance(v, float) else v for v in vals][:4])
print(memoryview(raw).cast("B", (24,)).shape)
for shape in [(4, 6), (2, 3, 4), (24,), [6, 4], (1, 24)]:
    m = memoryview(raw).cast("B", shape)
    print(shape, m.shape, m.strides, len(m), m.tolist() if len(shape) < 3 else m.tolist()[1][2], m.tobytes() == bytes(raw))
m2 = memoryview(raw).cast("H", (3, 4))
print(m2.shape, m2.tolist()[2], m2.c_contiguous, m2.contiguous)
bad = [("x",), ("BB",), ("<H",), ("H", (5,)), ("B", (0, 24)), ("B", (5, 5))]
for args in bad:
    try:
        memoryview(raw).cast(*args)
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
try:
    memoryview(raw).cast("H").cast("I")
except TypeError as e:
    print("two non-byte", e)
try:
    memoryview(raw)[::2].cast("B")
except TypeError as e:
    print("non-contiguous", e)
try:
    memoryview(bytearray(3)).cast("H")
except TypeError as e:
    print("not multiple", e)
limits = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
for fmt, (lo, hi) in limits.items():
    m = memoryview(bytearray(16)).cast(fmt)
    out = []
    for v in (lo, hi, lo - 1, hi + 1, 0, True, 2.0, "1"):
        try:
            m[0] = v
            out.append(m[0])
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(fmt, out)
mf = memoryview(bytearray(8)).cast("d")
mf[0] = 1.5
print(mf[0], mf.tolist())
mf[0] = 3
print(mf[0])
try:
    mf[0] = "x"
except TypeError as e:
    print("float str", e)
mc = memoryview(bytearray(b"ab")).cast("c")
mc[1] = b"z"
print(mc.tolist(), mc.tobytes())
for v in [b"", b"yy", 1, "y"]:
    try:
        mc[0] = v
    except (ValueError, TypeError) as e:
        print(repr(v), type(e).__name__, e)
mq = memoryview(bytearray(2)).cast("?")
mq[0] = 5
mq[1] = []
print(mq.tolist(), bytes(mq.obj))
print(memoryview(b"\x01\x00\x02\x00").cast("H") == memoryview(b"\x01\x02").cast("B").tolist(),
      memoryview(b"\x01\x00\x02\x00").cast("H").tolist() == [1, 2],
      memoryview(b"ab").cast("c") == b"ab", memoryview(b"ab").cast("b") == b"ab")
