# _sha512: SHA-512 and SHA-384 (FIPS 180-4), as random.py uses them to
# seed from str and bytes: digests of the standard vectors, inputs around
# the 112- and 128-byte padding boundaries, incremental update(), copy(),
# the attributes and the argument checks.
import _sha512

vectors = [b"", b"abc",
           b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
           b"a" * 1000]
for v in vectors:
    print(len(v), _sha512.sha512(v).hexdigest())
    print(len(v), _sha512.sha384(v).hexdigest())

# Every length around the padding boundaries, checked against a one-shot
# digest of the same bytes fed in pieces.
data = bytes((i * 37 + 11) & 255 for i in range(300))
lens = list(range(100, 135)) + list(range(235, 260)) + [0, 1, 300]
digests = []
for n in lens:
    whole = _sha512.sha512(data[:n]).digest()
    h = _sha512.sha512()
    for i in range(0, n, 7):
        h.update(data[i:min(i + 7, n)])
    assert h.digest() == whole, n
    digests.append(whole[:3].hex())
print(digests)

h = _sha512.sha512(b"ab")
c = h.copy()
c.update(b"c")
print(h.hexdigest()[:16], c.hexdigest()[:16], c.digest() == _sha512.sha512(b"abc").digest())
print(h.name, h.digest_size, h.block_size, len(h.digest()), type(h).__name__)
s = _sha512.sha384(bytearray(b"xyz"))
print(s.name, s.digest_size, s.block_size, len(s.digest()), s.hexdigest()[:20])
print(_sha512.sha512(memoryview(b"abc")).hexdigest() == _sha512.sha512(b"abc").hexdigest())
print(_sha512.sha512(string=b"abc", usedforsecurity=False).hexdigest()[:8])
# digest() does not end the hash: more data can follow.
h = _sha512.sha512(b"a")
first = h.digest()
h.update(b"bc")
print(first != h.digest(), h.digest() == _sha512.sha512(b"abc").digest())

for bad in ["text", 5, None, [1]]:
    try:
        _sha512.sha512(bad)
    except TypeError as e:
        print(type(bad).__name__, e)
try:
    _sha512.sha512().update("x")
except TypeError as e:
    print(e)

# random.py's seed for str/bytes: int.from_bytes(a + sha512(a).digest()).
import _random
def seed_like_random(text):
    a = text.encode() if isinstance(text, str) else text
    a += _sha512.sha512(a).digest()
    return _random.Random(int.from_bytes(a, "big"))
print(seed_like_random("hello").random(), seed_like_random(b"hello").getrandbits(40))
