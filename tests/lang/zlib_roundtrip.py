# zlib over the system's libz: one-shot compress/decompress at every level,
# raw/zlib/gzip wbits and bufsize values, pseudo-random and repetitive data
# of every length 0..300, and streaming objects fed in random pieces (the
# compressed bytes must be libz's own, so they match CPython's exactly).
import random
import zlib

rng = random.Random(1950)


def sample(n):
    kind = n % 3
    if kind == 0:
        return bytes(rng.getrandbits(8) for _ in range(n))
    if kind == 1:
        return bytes(rng.choice(b"abc ") for _ in range(n))
    return (b"pattern-%d-" % (n % 7)) * (n // 10) + bytes(n % 10)


summary = 0
bad = 0
for n in range(301):
    data = sample(n)
    level = n % 11 - 1
    wbits = [15, 9, -15, -9, 31, 25][n % 6]
    z = zlib.compress(data, level, wbits)
    summary = zlib.crc32(z, summary)
    back = zlib.decompress(z, wbits if wbits != 31 else 47, n % 50)
    bad += back != data
    # The same through compressobj/decompressobj, in random pieces.
    co = zlib.compressobj(level, zlib.DEFLATED, wbits, 1 + n % 9, n % 5)
    parts = []
    pos = 0
    while pos < n:
        step = rng.randrange(0, 90)
        parts.append(co.compress(data[pos:pos + step]))
        pos += step
        if rng.random() < 0.1:
            parts.append(co.flush(zlib.Z_SYNC_FLUSH))
        if rng.random() < 0.1:
            co = co.copy()
    parts.append(co.flush())
    stream = b"".join(parts)
    do = zlib.decompressobj(wbits)
    out = []
    pos = 0
    while pos < len(stream):
        step = rng.randrange(1, 60)
        out.append(do.decompress(do.unconsumed_tail + stream[pos:pos + step], rng.choice([0, 1, 7, 100])))
        pos += step
    while do.unconsumed_tail:
        out.append(do.decompress(do.unconsumed_tail, 3))
    out.append(do.flush())
    bad += b"".join(out) != data
    bad += not do.eof
    summary = zlib.crc32(stream, summary)
print("mismatches", bad, "summary", summary)

for level in range(-1, 10):
    big = b"".join(b"%d:%d\n" % (i, i * i % 97) for i in range(5000))
    z = zlib.compress(big, level)
    print(level, len(z), zlib.crc32(z), zlib.adler32(z), zlib.decompress(z) == big)

for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
    z = co.compress(b"abcabcabd" * 300) + co.flush()
    print("strategy", strategy, len(z), zlib.crc32(z))

for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
             zlib.Z_BLOCK, zlib.Z_FINISH):
    co = zlib.compressobj()
    first = co.compress(b"hello " * 20)
    print("flush", mode, (first + co.flush(mode)).hex())

print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")),
      zlib.crc32(b"hello world"), zlib.adler32(b""), zlib.adler32(b"hello world"),
      zlib.crc32(memoryview(b"xhellox")[1:6]), zlib.adler32(bytearray(b"abc"), 2 ** 40 + 3),
      zlib.crc32(b"a", -1), zlib.crc32(b"a", True))
