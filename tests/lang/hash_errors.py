# The hash objects' argument errors, as CPython's: str data, non-buffers,
# wrong argument counts and keywords, shake lengths, blake2 parameters.
import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512


def attempt(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r.hexdigest(4) if hasattr(r, "_rate_bits") and r.digest_size == 0
              else getattr(r, "hexdigest", lambda: r)())


ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384,
         _sha512.sha512, _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512,
         _sha3.shake_128, _sha3.shake_256, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    attempt(c.__name__ + " str", c, "text")
    attempt(c.__name__ + " int", c, 5)
    attempt(c.__name__ + " list", c, [1, 2])
    attempt(c.__name__ + " two", c, b"a", b"b")
    attempt(c.__name__ + " kw", c, b"a", bogus=1)
    attempt(c.__name__ + " update str", lambda: c().update("s"))
    attempt(c.__name__ + " update none", lambda: c().update(None))

attempt("md5 data=", _md5.md5, data=b"x")
attempt("sha3 data=", _sha3.sha3_256, data=b"x")
attempt("md5 type()", type(_md5.md5()))
attempt("sha1 type()", type(_sha1.sha1()))

s = _sha3.shake_128(b"abc")
for n in (0, 1, 7, 168, 169, 500):
    print("shake_128", n, len(s.digest(n)), s.hexdigest(n)[:32])
for bad in (-1, 2 ** 29, 2 ** 64, 1.5, "3"):
    attempt("shake digest %r" % (bad,), s.digest, bad)
attempt("shake digest()", s.digest)
attempt("shake hexdigest()", s.hexdigest)

for mod in (_blake2.blake2b, _blake2.blake2s):
    for kw in [dict(digest_size=0), dict(digest_size=mod.MAX_DIGEST_SIZE + 1),
               dict(digest_size="1"), dict(digest_size=2 ** 70),
               dict(key=b"k" * (mod.MAX_KEY_SIZE + 1)), dict(key="k"),
               dict(salt=b"s" * (mod.SALT_SIZE + 1)), dict(person=b"p" * (mod.PERSON_SIZE + 1)),
               dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256),
               dict(leaf_size=-1), dict(leaf_size=2 ** 32), dict(leaf_size=2 ** 64), dict(leaf_size=1.5),
               dict(node_offset=-1), dict(node_offset=2 ** 48), dict(node_offset=2 ** 64), dict(node_offset="1"),
               dict(node_depth=-1), dict(node_depth=256), dict(inner_size=-1),
               dict(inner_size=mod.MAX_DIGEST_SIZE + 1), dict(fanout=1.0),
               dict(last_node=[]), dict(last_node=[0]), dict(usedforsecurity=False),
               dict(digest_size=0, salt=b"s" * 100)]:
        attempt("%s %s" % (mod.__name__, sorted(kw)), mod, b"data", **kw)
