# Tests str as a sequence of code points: non-BMP characters, combining marks, surrogates, len/index/slice/iteration, ordering by code point.

s = "aé中𝄞😀\u0301z"
print(len(s), [c for c in s] == list(s), [hex(ord(c)) for c in s])
print(s[3], s[4], s[-2] == "\u0301", s[1:4], s[::-1] == "".join(reversed(s)), s.index("😀"), s.find("z"))
print("e\u0301" == "é", len("e\u0301"), len("é"), "é".encode(), "e\u0301".encode())
print(sorted("zAaé中𝄞1 "), min("héllo"), max("héllo"), "é" > "z", "中" > "é", "𝄞" > "\uffff")
print("\ud83d\ude00" == "😀", len("\ud83d\ude00"), repr("\ud83d"), "\ud83d".isprintable())
try:
    "\ud83d".encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
print("😀".encode("utf-16-le"), "😀".encode("utf-32-le"), len("😀".encode("utf-16-le")))
print("ab😀cd".upper(), "Ǆ".lower(), "ǆ".upper(), "ǅ".swapcase(), "ß".upper(), "ﬃ".upper(), len("ﬃ".upper()))
print([c.isalpha() for c in "a中😀1_"], [c.isupper() for c in "AÉΣa"], "Ⅷ".isnumeric(), "Ⅷ".isdigit(), "Ⅷ".lower())
text = "naïve café 中文 😀!"
print(text.split(), text.title(), text.center(25, "·"), text.count("é"), text.replace("é", "e"))
print("".join(chr(ord(c) + 1) for c in "HAL"), "".join(chr(c) for c in range(0x1f600, 0x1f605)))
print([ord(c) for c in "\t\n\r\x00\x7f\x80"], "\N{GREEK SMALL LETTER ALPHA}", "\N{SNOWMAN}", "\u00e9" == "\xe9", "\U0001F600" == "😀")
print(repr("\x1b[0m"), repr("\u2029"), repr("\xad"), repr("\u200e"), repr("\U000e0041"), repr("\ufeff"))
print(str("é", ) * 3, "é" * 0, ("😀" * 3)[1], "😀😀".find("😀", 1))
print(" ".join(["é", "中"]), "|".join("😀😀"), "x".join([]))
data = "héllo wörld"
for enc in ("utf-8", "latin-1", "utf-16-be"):
    b = data.encode(enc)
    print(enc, len(b), b.decode(enc) == data)
print(ascii("é中😀"), "é中😀".encode("ascii", "backslashreplace"), "é中😀".encode("ascii", "namereplace"))
print("ſ".upper(), "ſ".casefold(), "K".lower(), "İ".lower(), len("İ".lower()), "ı".upper())
