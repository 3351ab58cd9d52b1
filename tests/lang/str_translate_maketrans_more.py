# Tests str.translate with various tables: dict of ints/strs/None, sequences (str as table), __getitem__ raising LookupError/IndexError, multi-char replacements, maketrans forms.

print("hello".translate({ord("h"): "J", ord("o"): "0", ord("l"): None}))
print("abc".translate({97: "xyz", 98: "", 99: 65}))
table = "".join(chr(i).upper() if chr(i).isalpha() else chr(i) for i in range(128))
print("mixed Case 123".translate(table), "é is beyond table".translate(table))
class Rot13:
    def __getitem__(self, c):
        if 97 <= c <= 122:
            return (c - 97 + 13) % 26 + 97
        if 65 <= c <= 90:
            return (c - 65 + 13) % 26 + 65
        raise LookupError
print("Hello, World!".translate(Rot13()), "Hello, World!".translate(Rot13()).translate(Rot13()))
class IndexErr:
    def __getitem__(self, c):
        raise IndexError
print("unchanged".translate(IndexErr()))
class OtherErr:
    def __getitem__(self, c):
        raise ValueError("boom")
try:
    "x".translate(OtherErr())
except ValueError as e:
    print(type(e).__name__, e)
t1 = str.maketrans("abc", "ABC")
t2 = str.maketrans("abc", "ABC", "xyz")
t3 = str.maketrans({"a": "1", "b": None, 99: "3"})
print(sorted(t1.items()), sorted(t2.items()), sorted(t3.items()))
print("abcxyz".translate(t1), "abcxyz".translate(t2), "abcd".translate(t3))
for args in [("ab", "a"), ({"ab": 1},), (1,), ("a", "b", 5), ({1.5: "x"},)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for bad in [{97: 1.5}, {97: b"x"}, {97: -1}]:
    try:
        "a".translate(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
print("".translate({}), "ñandú".translate({ord("ñ"): "n", ord("ú"): "u"}), "𝄞".translate({0x1d11e: "clef"}))
print(bytes.maketrans(b"ab", b"AB"), b"abc".translate(bytes.maketrans(b"ab", b"AB"), b"c"))
try:
    b"abc".translate(b"short")
except ValueError as e:
    print(type(e).__name__, e)
