# Tests string comparison by code point, identity-free equality, building strings (join vs +=), repetition, hash consistency, and containment of substrings.

words = ["banana", "Banana", "apple", "Apple", "_x", "123", "", " ", "éclair", "zebra", "Zebra", "a", "aa", "ab"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(min(words), max(words), sorted(words, reverse=True)[:3])
pairs = [("a", "b"), ("a", "a"), ("a", "A"), ("abc", "abd"), ("ab", "abc"), ("", "a"), ("é", "f"), ("Z", "a"), ("10", "9"), ("𝄞", "\uffff")]
for x, y in pairs:
    print(repr(x), repr(y), x < y, x <= y, x == y, x != y, x > y, x >= y)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("".join(parts), "-".join(parts), len("".join(parts)))
s = ""
for ch in "hello":
    s += ch.upper()
    s = s + "."
print(s, s.count("."), s.rstrip("."))
built = "".join(chr(ord("a") + i % 26) for i in range(60))
print(built, len(built), built[25:27], built.count("a"))
print("ab" * 3 == "ababab", "ab" * 3 == "".join(["ab"] * 3), hash("ab" * 3) == hash("ababab"), "abc"[0:2] == "ab")
a = "".join(["x", "y"])
b = "xy"
print(a == b, a is not None, hash(a) == hash(b), {a: 1}[b], b in {a})
print("ell" in "hello", "" in "", "hello" in "hell", "lo" not in "hello", "L" in "hello")
print("abc".__eq__("abc"), "abc".__lt__("abd"), "abc".__eq__(5), "a".__add__("b"), "ab".__mul__(2), "ab".__rmul__(2), "ab".__contains__("b"))
multi = """line1
line2
    indented"""
print(multi.splitlines(), len(multi), multi.count("\n"))
implicit = ("one " "two "
            "three")
print(implicit, "con" "cat" == "concat")
raw = r"C:\new\table" + "\\end"
print(raw, len(raw), raw.split("\\"))
print("tab\there", "nl\\n", "quote\"s", 'single\'s', "\x41\u0042\U00000043\N{LATIN SMALL LETTER D}", "\101\102")
