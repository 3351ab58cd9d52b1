# _md5, _sha1, _sha256 and _sha512 (the modules hashlib falls back on
# without OpenSSL): published test vectors, then every length 0..300 of
# pseudo-random data hashed at once and in random update() splits, with
# copies taken midway; each digest must agree, and the digests of all
# lengths are summarised per algorithm.
import _md5
import _sha1
import _sha256
import _sha512
import random

ALGOS = [("md5", _md5.md5), ("sha1", _sha1.sha1), ("sha224", _sha256.sha224),
         ("sha256", _sha256.sha256), ("sha384", _sha512.sha384), ("sha512", _sha512.sha512)]

VECTORS = [b"", b"a", b"abc", b"message digest", b"abcdefghijklmnopqrstuvwxyz",
           b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
           b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
           b"\x00" * 55, b"\x00" * 56, b"\x00" * 63, b"\x00" * 64, b"\xff" * 111, b"\xff" * 112,
           b"\xff" * 127, b"\xff" * 128, b"\xff" * 129]

for name, ctor in ALGOS:
    print(name)
    for v in VECTORS:
        print(" ", len(v), ctor(v).hexdigest())
    print("  a*1000000", ctor(b"a" * 1000000).hexdigest())

rng = random.Random(1321)
for name, ctor in ALGOS:
    summary = _sha256.sha256()
    mismatches = 0
    for n in range(301):
        data = bytes(rng.getrandbits(8) for _ in range(n))
        whole = ctor(data).digest()
        h = ctor()
        pos = 0
        copies = []
        while pos < n:
            step = rng.randrange(0, 150)
            h.update(data[pos:pos + step])
            pos += step
            copies.append((pos, h.copy()))
        if h.digest() != whole:
            mismatches += 1
        for at, c in copies:
            c.update(data[at:])
            if c.digest() != whole:
                mismatches += 1
        if h.hexdigest() != whole.hex():
            mismatches += 1
        summary.update(whole)
    print(name, "mismatches", mismatches, "summary", summary.hexdigest())

# bytes-like arguments and the constructors' keywords.
for name, ctor in ALGOS:
    a = ctor(bytearray(b"xyz")).hexdigest()
    b = ctor(memoryview(b"--xyz--")[2:5]).hexdigest()
    c = ctor(string=b"xyz", usedforsecurity=False).hexdigest()
    h = ctor()
    print(name, a == b == c, h.name, h.digest_size, h.block_size, type(h).__name__,
          type(h).__module__, h.update(b"") is None)

print(_md5.MD5Type.__name__, _sha1.SHA1Type.__name__, _sha256.SHA224Type.__name__,
      _sha256.SHA256Type.__name__, _sha512.SHA384Type.__name__)
