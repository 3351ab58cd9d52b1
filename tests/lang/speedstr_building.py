# String building fast paths: join (one allocation, every width), replace,
# splitting on whitespace and lines, stepped slices, f-string int specs and
# %-formatting of small ints. Each is checked on the three widths and on
# subclasses, which must come back as plain str.

class S(str):
    pass


def show(label, v):
    print(label, type(v).__name__, ascii(v))


# join
show("join", ",".join(["a", "b", "c"]))
show("join-empty", "".join([]))
show("join-one", "-".join(["x"]))
show("join-one-sub", "-".join([S("x")]))
show("join-empties", "ab".join(["", "", ""]))
show("join-latin1", "\xe9".join(["a", "b"]))
show("join-wide", "a".join(["\xe9", "\u0101", "\U0001F600"]))
show("join-narrowing", "".join(["\xe9", "a"]))
show("join-gen", "+".join(str(i) for i in range(5)))
show("join-tuple", "".join(("a", S("b"), "c")))
print("join-ascii-flag", "".join(["a", "b"]).isascii(), "".join(["a", "\xe9"]).isascii())
for bad in (["a", 1], [b"a"], [None, "a"]):
    try:
        "".join(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    "".join(5)
except TypeError as e:
    print("TypeError", e)

# replace
for a, b, c in [("aaa", "a", "bb"), ("abcabc", "bc", ""), ("abc", "x", "y"),
                ("aaaa", "aa", "b"), ("abab", "ab", "\xe9"), ("a\xe9b", "\xe9", "e"),
                ("abc", "b", "\u0101"), ("", "a", "b"), ("abc", "", "-"), ("", "", "x"),
                ("x\U0001F600x", "x", "yy"), ("aaaa", "a", "")]:
    print("replace", ascii(a.replace(b, c)), ascii(a.replace(b, c, 1)),
          ascii(a.replace(b, c, 0)), ascii(a.replace(b, c, -1)), ascii(a.replace(b, c, 2)))
show("replace-sub-nomatch", S("abc").replace("x", "y"))
show("replace-sub-match", S("abc").replace("b", "y"))
print("replace-ascii-flag", "a\xe9".replace("\xe9", "e").isascii())
try:
    "abc".replace("a", 1)
except TypeError as e:
    print("TypeError", e)

# split on whitespace: Latin-1 spaces (\x1c-\x1f, \x85, \xa0) and wider ones
print("split", "  a b\tc\n d  ".split(), "a\x1cb\x85c\xa0d e\x1f f".split())
print("split-wide", "\u2003a\u2003b\u3000c".split(), "\xe9 \u0101".split())
print("split-max", " a  b  c ".split(None, 1), " a  b  c ".rsplit(None, 1),
      " a b ".split(maxsplit=0), "".split(), "   ".split())
print("split-sep", "a,b,,c,".split(","), "a--b--c".split("--", 1), "abc".split("x"))

# splitlines: every break character, keepends, \r\n as one break
print("lines", "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines())
print("lines-keep", "a\nb\r\n\r".splitlines(True), "\n".splitlines(), "".splitlines())
print("lines-not", "x\x1fy\x84z\x86w".splitlines(), ascii("\xe9\nb\x85c".splitlines(True)))

# stepped slices
for t in ["abcdef", "h\xe9llo", "a\u0101b\u0102", "x\U0001F600y\U0001F601z", "", "a"]:
    print("slice", ascii(t[::-1]), ascii(t[::2]), ascii(t[1::3]), ascii(t[::-2]),
          t[::-1].isascii(), ascii(t[4:0:-1]))
show("slice-sub", S("abc")[::-1])
show("slice-sub-full", S("abc")[::1])
show("slice-latin1-to-ascii", "a\xe9b"[::2])

# f-string and format() specs on ints, floats and strs
for v in [0, 7, -7, 255, -98765, 2**40, -(2**62), 2**62 - 1, 2**70, True]:
    print("fmt", v, [format(v, s) for s in
                     ["04d", "x", "#x", "#X", "b", "#o", "+d", " d", "<6", "^7", "=+8",
                      "*>9", "#010x", "_", ",", "", "\xe9^7", "\u0101<5", "e", ".1%"]])
print("fmt-f", f"{3.5:8.2f}|{'ab':>5}|{'ab':*^6}|{12:,}|{-12:_}|{1.0:g}|{-0.0:z}")
for v, spec in [(5, "c"), (3, ".2d"), ("s", "d"), (1.5, "d"), (5, "zd"), (5, "-c")]:
    try:
        print(format(v, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class F(int):
    def __format__(self, spec):
        return "F" + spec


print("fmt-sub", f"{F(3):04d}", format(F(3), "x"))

# %-formatting
print("%s-%d" % ("ab", 5), "%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%#o|%.3d|%3.5d" %
      (1, 2, 3, 4, 5, 255, 255, 255, 8, 7, 42))
print("%d %i %u" % (-7, True, -0), ascii("a%%b%s\xe9%s" % ("\u0101", 1)), "%c%c" % (65, "z"))
print("%(a)s %(b)05d" % {"a": 1, "b": -3}, "%-6x|" % -255, "%08.3d|" % -5, "%+05d" % 3)
print("%d" % 2**70, "%x" % -(2**64), "%5.1d|" % 0, "%.0d|" % 0, "%o" % -8)
print(b"%d %s %x" % (3, b"q", 255))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%", ()), ("%y", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
