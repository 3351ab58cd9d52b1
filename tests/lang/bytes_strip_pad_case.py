# strip/lstrip/rstrip with and without chars, center/ljust/rjust/zfill,
# expandtabs, and the ASCII case mappings and predicates on every byte.
samples = [b"", b"x", b"  x  ", b"\t\n\x0b\x0c\r x \r\n", b"\x00x\x00", b"xyxhixyx", b"--42--", b"\x1cx\x1f"]
for s in samples:
    print(s, s.strip(), s.lstrip(), s.rstrip(), s.strip(b"x"), s.strip(b"xy\x00"), s.lstrip(None), s.rstrip(b"-2"))
for s in [b"", b"a", b"ab", b"abc", b"-5", b"+5", b"5", b"--"]:
    for w in (-1, 0, 2, 3, 4, 5, 6):
        print(s, w, s.center(w), s.center(w, b"*"), s.ljust(w, b"."), s.rjust(w), s.zfill(w))
for s in [b"a\tb", b"\t", b"ab\tcd\tef", b"a\nb\tc", b"abcdefgh\tx", b"\r\t"]:
    print(s, [s.expandtabs(n) for n in (-1, 0, 1, 2, 4, 8)], s.expandtabs(tabsize=3))
allb = bytes(range(256))
print(allb.upper() == bytes(c - 32 if 97 <= c <= 122 else c for c in allb))
print(allb.lower() == bytes(c + 32 if 65 <= c <= 90 else c for c in allb))
print(allb.swapcase().swapcase() == allb, allb.upper().hex()[190:260])
preds = ["isalnum", "isalpha", "isdigit", "isspace", "islower", "isupper", "istitle", "isascii"]
for p in preds:
    members = [c for c in range(256) if getattr(bytes([c]), p)()]
    print(p, len(members), members[:12], getattr(b"", p)())
words = [b"hello world", b"Hello World", b"HELLO", b"hELLO wORLD", b"h3llo w0rld", b"they're bill's",
         b"\xe9t\xe9", b"a1b2", b"", b"123 abc", b"ABC DEF1"]
for w in words:
    print(w, w.title(), w.capitalize(), w.swapcase(), w.istitle(), w.islower(), w.isupper(), bytearray(w).title())
for bad in [(b"x", 5, "*"), (b"x", 5, b"**"), (b"x", "5"), (b"x", 5, 42)]:
    try:
        bad[0].center(*bad[1:])
    except TypeError as e:
        print("center", bad[1:], e)
try:
    b"x".strip("x")
except TypeError as e:
    print("strip str", e)
