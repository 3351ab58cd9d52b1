# Tests str case methods: upper, lower, casefold, capitalize, title, swapcase, incl. non-ASCII and special casing.

samples = ["", "hello world", "HELLO", "hElLo WoRlD", "123abc", "abc123def", "ß", "straße", "ﬁ", "ǅungla",
           "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "i̇stanbul", "İ", "they're bill's friends", "o'neil mc-donald", "  leading space",
           "émile zola", "ÀÉÎÕÜ", "a1b2c3", "hello\tworld\nnew", "UPPER_snake_Case", "ǈ", "Σ", "aΣ", "aΣb", "ΑΣ ΣΑ",
           "ﬀ", "ŉ", "ǰ", "ΐ", "\u1e9e", "dž"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()))
for s in samples:
    print(repr(s), s.isupper(), s.islower(), s.istitle(), len(s.upper()), len(s.lower()))
print("ß".upper() == "SS", "ß".casefold() == "ss", "Straße".casefold() == "STRASSE".casefold())
print("hello".upper().lower() == "hello", "ΣΑΣ".lower(), "ΣΑΣ ΣΑΣ".lower(), "Σ".lower(), "AΣ.".lower(), "AΣ'".lower())
print("1st 2nd 3rd".title(), "x-y_z.w".title(), "ab\u0301c de".title())
print("ǆemal".capitalize(), "ǆemal".title(), "ﬂow".capitalize(), "ﬂow".title())
try:
    "a".upper(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.lower(5)
except TypeError as e:
    print(type(e).__name__, e)
print(str.upper("abc"), str.title("abc def"))
