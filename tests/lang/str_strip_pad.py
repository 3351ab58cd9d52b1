# Tests str strip/lstrip/rstrip (chars), center/ljust/rjust (fill), zfill, expandtabs.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for s in ["  hi  ", "\t\n hi \r\x0b\x0c", "hi", "", "   ", "\u3000hi\u2003", "\x1chi\x1f", "\x00hi\x00", "xxhixx"]:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(None)))
print(repr("www.example.com".strip("cmowz.")), repr("abcba".strip("ab")), repr("abc".strip("")), repr("aaa".lstrip("a")))
print(repr("mississippi".rstrip("ipz")), repr("mississippi".lstrip("mis")), repr("  a b  ".strip(" a")))
show("strip int", lambda: "a".strip(1))
for w in [-1, 0, 3, 5, 6, 7, 10]:
    print(w, repr("abc".center(w)), repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")))
print(repr("".center(4, "x")), repr("a".center(4)), repr("a".center(5)), repr("ab".center(5)), repr("abc".center(6)), repr("abcd".center(7)))
show("center 2-char fill", lambda: "a".center(5, "ab"))
show("ljust empty fill", lambda: "a".ljust(5, ""))
show("rjust float", lambda: "a".rjust(5.0))
show("center no arg", lambda: "a".center())
print(repr("é".center(5, "ü")), repr("x".ljust(3, "∑")))
for s in ["42", "-42", "+42", "", "-", "abc", "3.14", "-0", "١٢", "+-1", "00"]:
    print(repr(s), [s.zfill(w) for w in (0, 1, 3, 5)])
t = "a\tbc\tdef\tghij\tk\n\tx\r\ty"
for ts in [None, 0, 1, 2, 4, 8, -1]:
    print(ts, repr(t.expandtabs() if ts is None else t.expandtabs(ts)))
print(repr("\t".expandtabs(tabsize=3)), repr("abc".expandtabs()), repr("12345678\t9".expandtabs()))
