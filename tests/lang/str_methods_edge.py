# Tests remaining str method edge cases: center/ljust odd padding, zfill with signs, count overlapping, replace empty, join on generators, startswith tuples, istitle rules.

print(repr("ab".center(5)), repr("ab".center(6)), repr("abc".center(6)), repr("abc".center(5, "-")), repr("".center(3, "x")))
print("12".zfill(1), "-12".zfill(2), "+5".zfill(4), "-".zfill(3), "abc".zfill(5), "٣".zfill(3), "-0.5".zfill(6))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "abab".replace("ab", "ba"), "aaa".replace("aa", "b"))
print("abc".replace("", "|"), "abc".replace("", "|", 0), "abc".replace("", "|", 1), "".replace("", ""), "x".replace("x", "", 5))
print(",".join(str(i) for i in range(4)), "".join(reversed("abc")), "-".join(map(str.upper, "xyz")), " ".join(sorted("cab")))
print("hello".startswith(("he", "x")), "hello".startswith(("x", "y")), "hello".endswith(("lo",), 0, 5), "hello".endswith("l", 0, 4))
for s in ["Hello World", "Hello world", "HELLO", "Hello  World", "Hello-World", "Hello1World", "1st Place", "ǅungla", "", "A", "a"]:
    print(repr(s), s.istitle(), s.title(), s.title().istitle())
print("a\tb\tc".expandtabs(0), "a\tb".expandtabs(1), "\t".expandtabs(), "ab\tc\nde\tf".expandtabs(4))
print("x".ljust(0), "x".rjust(-5), "x".center(1), "long string".ljust(3), "ab".rjust(4, "0"))
print("Straße".casefold() == "strasse", "ǅ".casefold(), "ﬀ".casefold(), "ΣΑΣ".casefold(), "İ".casefold() == "i̇")
print("a-b_c d".split("-"), "a-b_c d".replace("_", " ").split(), "  lead".lstrip(" l"), "trail..".rstrip("."), "xxaxx".strip("x"))
print("%s" % "x".join(["a"] * 3), "ab".join("12"), ",".join([]), ",".join(["only"]))
print("abc".isidentifier(), "_".isidentifier(), "1abc".isidentifier(), "a b".isidentifier(), "élan".isidentifier(), "a$".isidentifier(), "class".isidentifier(), "".isidentifier())
import keyword
print([w for w in ["class", "def", "match", "case", "_", "print", "None", "True", "async", "await", "type"] if keyword.iskeyword(w)])
print([w for w in ["match", "case", "_", "type"] if keyword.issoftkeyword(w)])
print("Mixed Case".swapcase().swapcase(), "ß".swapcase(), "ǅ".swapcase(), "ﬁ".upper(), "İ".lower().upper())
print("abc"[::-1].upper().center(9, "*").replace("*", "-", 2))
print("title case words".title().split(), "UPPER lower".lower().capitalize(), "x".join("abc").upper())
