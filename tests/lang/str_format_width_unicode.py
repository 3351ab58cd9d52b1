# Tests width/alignment counting code points (not bytes or display width) for non-ASCII text in format specs, ljust/center, %-format and f-strings.

words = ["a", "é", "日本", "𝄞x", "e\u0301", "ﬁ", "\t"]
for w in words:
    print(repr(w), len(w), repr(f"{w:>5}"), repr(f"{w:^6}"), repr(w.ljust(4, "·")), repr("%-4s|" % w), repr(format(w, "*<4")))
print(f"{'日本語':.2}|{'𝄞𝄞𝄞':.1}|{'abc':.0}|")
print("{:→^9}".format("mid"), "{:ß<5}".format("x"), "{:𝄞>4}".format("y"))
table = [("naïve", 3), ("日本", 10), ("x", 100)]
for name, n in table:
    print(f"|{name:<8}|{n:>5}|")
print(len("ǅ".center(5)), "ǅ".center(5, "*"), "ǅ".upper().center(5, "-"))
print("%5s|%-5s|%.1s|" % ("é", "日", "𝄞x"))
print(str.rjust("αβγ", 6, "ω"), "αβγ".zfill(5), "-αβ".zfill(5))
