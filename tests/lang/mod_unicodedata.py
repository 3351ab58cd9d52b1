# unicodedata against python3.11: every property of the code points below
# U+3400 and of a stride beyond (hashed), the four normalization forms of
# single characters and of random strings of letters, combining marks,
# Hangul jamo and syllables; names, lookup, defaults and errors.
import unicodedata as ud, hashlib
h = hashlib.sha256()
for cp in list(range(0, 0x3400)) + list(range(0x3400, 0x110000, 29)):
    c = chr(cp)
    h.update(("%s|%s|%s|%d|%d|%s|%r|%r|%r\n" % (ud.category(c), ud.bidirectional(c), ud.east_asian_width(c), ud.mirrored(c), ud.combining(c), ud.decomposition(c), ud.numeric(c, None), ud.decimal(c, None), ud.digit(c, None))).encode())
print("props", h.hexdigest()[:16])
h = hashlib.sha256()
for cp in list(range(0, 0x3400)) + list(range(0x3400, 0x110000, 29)):
    c = chr(cp)
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        h.update(ud.normalize(f, c).encode("utf-8", "surrogatepass"))
print("norm1", h.hexdigest()[:16])
import random
rng = random.Random(5)
pool = [chr(x) for x in list(range(0x41, 0x7b)) + list(range(0x300, 0x370)) + list(range(0xC0, 0x180)) + list(range(0x1100, 0x1200)) + list(range(0xAC00, 0xAC40)) + list(range(0x1E00, 0x1F00)) + [0x11A8, 0x11A9, 0x0F73, 0x0F75, 0x0F81, 0x3099, 0x309A, 0x304B, 0x2126, 0xFB01, 0x1D15E, 0x05B0, 0x0591]]
h = hashlib.sha256(); changed = 0
for i in range(4000):
    s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        r = ud.normalize(f, s)
        changed += r != s
        h.update(r.encode("utf-8", "surrogatepass"))
        h.update(b"1" if ud.is_normalized(f, s) else b"0")
print("norm2", h.hexdigest()[:16], changed)
print(ud.unidata_version, ud.name("é"), ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), ud.name("\U0001F600"), ud.lookup("HANGUL SYLLABLE GAG"))
for call in [lambda: ud.name("\x00"), lambda: ud.lookup("NO SUCH THING"), lambda: ud.category("ab"), lambda: ud.category(5), lambda: ud.normalize("NFX", "a"), lambda: ud.normalize("NFC", 5), lambda: ud.decimal("a"), lambda: ud.digit("a"), lambda: ud.numeric("a"), lambda: ud.lookup("x" * 300)]:
    try: print(call())
    except (ValueError, KeyError, TypeError) as e: print(type(e).__name__, e)
print(ud.name("\x00", "dflt"), ud.numeric("½"), ud.decimal("a", None), ud.digit("²"), ud.lookup(b"DIGIT ONE"))
