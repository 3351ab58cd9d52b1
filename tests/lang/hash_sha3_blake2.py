# _sha3 (FIPS 202) and _blake2 (RFC 7693): test vectors, attributes, and
# pseudo-random data of every length 0..300 in random update() splits
# (shake at many output lengths; blake2 with keys, salts, persons, tree
# parameters and digest sizes), summarised per algorithm.
import _blake2
import _sha3
import _sha256
import random

FIXED = [_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]
XOF = [_sha3.shake_128, _sha3.shake_256]

for v in [b"", b"abc", b"\xa3" * 200, b"a" * 135, b"a" * 136, b"a" * 137, b"a" * 168]:
    for c in FIXED:
        print(c.__name__, len(v), c(v).hexdigest())
    for c in XOF:
        print(c.__name__, len(v), c(v).hexdigest(64))
for c in FIXED + XOF:
    h = c()
    print(c.__name__, h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits,
          h._suffix, type(h) is c)

for v in [b"", b"abc", bytes(range(256))]:
    print("blake2b", len(v), _blake2.blake2b(v).hexdigest())
    print("blake2s", len(v), _blake2.blake2s(v).hexdigest())
    print("blake2b keyed", _blake2.blake2b(v, key=bytes(range(64))).hexdigest())
    print("blake2s keyed", _blake2.blake2s(v, key=bytes(range(32))).hexdigest())
for c in (_blake2.blake2b, _blake2.blake2s):
    h = c(digest_size=20)
    print(c.__name__, h.name, h.digest_size, h.block_size, c.SALT_SIZE, c.PERSON_SIZE,
          c.MAX_KEY_SIZE, c.MAX_DIGEST_SIZE, h.MAX_DIGEST_SIZE)
print(sorted((n, getattr(_blake2, n)) for n in dir(_blake2) if n.isupper()))

rng = random.Random(202)


def split_hash(make, data, final):
    h = make()
    pos = 0
    while pos < len(data):
        step = rng.randrange(0, 300)
        h.update(data[pos:pos + step])
        pos += step
        if rng.random() < 0.2:
            h = h.copy()
    return final(h)


for c in FIXED + XOF:
    summary = _sha256.sha256()
    bad = 0
    for n in range(301):
        data = bytes(rng.getrandbits(8) for _ in range(n))
        if c in XOF:
            out = n * 3 % 400
            whole = c(data).digest(out)
            bad += split_hash(c, data, lambda h: h.digest(out)) != whole
            bad += c(data).digest(out + 10)[:out] != whole
        else:
            whole = c(data).digest()
            bad += split_hash(c, data, lambda h: h.digest()) != whole
        summary.update(whole)
    print(c.__name__, "mismatches", bad, summary.hexdigest())

for c in (_blake2.blake2b, _blake2.blake2s):
    summary = _sha256.sha256()
    bad = 0
    for n in range(301):
        data = bytes(rng.getrandbits(8) for _ in range(n))
        kw = {}
        if n % 3 == 1:
            kw["key"] = bytes(rng.getrandbits(8) for _ in range(n % (c.MAX_KEY_SIZE + 1)))
        if n % 4 == 2:
            kw["digest_size"] = 1 + n % c.MAX_DIGEST_SIZE
        if n % 5 == 3:
            kw["salt"] = bytes(rng.getrandbits(8) for _ in range(n % (c.SALT_SIZE + 1)))
            kw["person"] = b"p" * (n % (c.PERSON_SIZE + 1))
        if n % 7 == 4:
            kw.update(fanout=n % 256, depth=1 + n % 255, leaf_size=n * 1001,
                      node_offset=n * 99991, node_depth=n % 256,
                      inner_size=n % (c.MAX_DIGEST_SIZE + 1), last_node=bool(n % 2))
        whole = c(data, **kw).digest()
        bad += split_hash(lambda: c(**kw), data, lambda h: h.digest()) != whole
        bad += len(whole) != kw.get("digest_size", c.MAX_DIGEST_SIZE)
        summary.update(whole)
    print(c.__name__, "mismatches", bad, summary.hexdigest())
