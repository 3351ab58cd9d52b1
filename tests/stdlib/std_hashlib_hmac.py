# hashlib and hmac from CPython's library over krait's _md5, _sha1,
# _sha256, _sha512, _sha3, _blake2 and _operator (CPython itself uses
# OpenSSL here: digests, names and sizes must agree all the same).
import hashlib
import hmac
import io
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # pure-Python pbkdf2_hmac

print(sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"The quick brown fox")
    h.update(b" jumps over the lazy dog")
    c = h.copy()
    c.update(b".")
    args = (16,) if name.startswith("shake") else ()
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(*args), c.hexdigest(*args))
    print(" ", getattr(hashlib, name)(b"abc", usedforsecurity=False).hexdigest(*args))
    print(" ", hashlib.new(name.upper() if name in ("md5", "sha1") else name,
                           data=b"abc").hexdigest(*args))

print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1).hex())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 4096, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"passwordPASSWORDpassword",
                          b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 50, 25).hex())
print(hashlib.pbkdf2_hmac("sha512", b"pw", b"s", 3, 100).hex())
for digestmod in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256",
                  "blake2b", "blake2s", hashlib.sha256]:
    m = hmac.new(b"key" * 30, b"The quick brown fox", digestmod)
    m2 = m.copy()
    m2.update(b"!")
    print(m.name, m.digest_size, m.block_size, m.hexdigest(), m2.hexdigest())
print(hmac.new(b"Jefe", b"what do ya want for nothing?", "md5").hexdigest())
print(hmac.digest(b"k", b"m", "sha256").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(bytearray(b"x"), b"x"),
      hmac.compare_digest(b"ab", b"abc"))
for a, b in [("é", "é"), (b"a", "a"), (1, 2), (1, b"a")]:
    try:
        hmac.compare_digest(a, b)
    except TypeError as e:
        print("TypeError", e)
try:
    hmac.new(b"k")
except TypeError as e:
    print("TypeError", e)

print(hashlib.file_digest(io.BytesIO(b"x" * 300000), "sha256").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), hashlib.md5).hexdigest())
for bad in ["nope", "MD5x"]:
    try:
        hashlib.new(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    hashlib.sha1("text")
except TypeError as e:
    print("TypeError", e)
