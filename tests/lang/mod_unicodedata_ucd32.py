# unicodedata.ucd_3_2_0: the Unicode 3.2 view of the database (IDNA and
# stringprep use it): properties as of 3.2, names only for what 3.2 had,
# normalization that keeps characters 3.2 lacked.
import unicodedata

old = unicodedata.ucd_3_2_0
print(type(old).__name__, type(old).__module__, old.unidata_version)
print(unicodedata.UCD is type(old), isinstance(old, unicodedata.UCD))
try:
    unicodedata.UCD()
except TypeError as e:
    print("TypeError:", e)

# A sample of the code space: where 3.2 and today differ, and where not.
diffs = {}
for cp in list(range(0, 0x3400, 7)) + list(range(0x9F00, 0xA000, 3)) + \
        list(range(0x1D000, 0x1D800, 11)) + list(range(0x2A6D0, 0x2A6E0)):
    c = chr(cp)
    now = (unicodedata.category(c), unicodedata.bidirectional(c),
           unicodedata.east_asian_width(c), unicodedata.mirrored(c),
           unicodedata.combining(c), unicodedata.decomposition(c),
           unicodedata.numeric(c, None), unicodedata.name(c, None))
    then = (old.category(c), old.bidirectional(c), old.east_asian_width(c),
            old.mirrored(c), old.combining(c), old.decomposition(c),
            old.numeric(c, None), old.name(c, None))
    for i, field in enumerate(("category", "bidi", "eaw", "mirrored", "combining",
                               "decomposition", "numeric", "name")):
        if now[i] != then[i]:
            diffs[field] = diffs.get(field, 0) + 1
print(sorted(diffs.items()))

for c in ["A", "\u00e9", "\u0221", "\u20ac", "\u20b9", "\u0e33", "\u1e9e", "\u2603",
          "\u26c4", "\u4db5", "\u4db6", "\u9fa5", "\u9fa6", "\uac00", "\U0001d400",
          "\U0001f600", "\U0002a6d6", "\U0002a6d7", "\u0660", "\u07c0", "\u00bd", "\u2189"]:
    print("%-6X" % ord(c), old.category(c), repr(old.bidirectional(c)),
          old.east_asian_width(c), old.mirrored(c), old.combining(c),
          repr(old.decomposition(c)), old.decimal(c, None), old.digit(c, None),
          old.numeric(c, None), old.name(c, "-"))

for name in ["LATIN SMALL LETTER A", "latin small letter e with acute", "EURO SIGN",
             "INDIAN RUPEE SIGN", "SNOWMAN", "SNOWMAN WITHOUT SNOW", "NULL",
             "BYTE ORDER MARK", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
             "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-9FA6",
             "HANGUL SYLLABLE GAG", "GRINNING FACE", "MATHEMATICAL BOLD CAPITAL A"]:
    try:
        print(name, "->", ascii(old.lookup(name)), ascii(unicodedata.lookup(name)))
    except KeyError as e:
        print(name, "-> KeyError", e)
for c in ["\u9fa6", "\x00", "\U0001f600"]:
    try:
        print(old.name(c))
    except ValueError as e:
        print("ValueError:", e)

# Normalization: 3.2 corrected a few CJK compatibility ideographs since, and
# does not decompose what it did not have; composition is today's.
samples = ["\uf951", "\U0002f868", "\U0002f874", "\U0002f91f", "\U0002f95f", "\U0002f9bf",
           "e\u0301", "\u1e9b\u0323", "\ufb01x", "\u0344", "\u0f73\u0f75",
           "\U0001d15e\U0001d165", "\u1b06", "\u1b05\u1b35", "\u2adc", "\u0220",
           "\u1100\u1161\u11a8", "\uac00\u11a8", "A\u030a\u0301", "\u00c5\u0327"]
for s in samples:
    out = []
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        r = old.normalize(form, s)
        out.append("%s=%s%s" % (form, ascii(r), "" if r == unicodedata.normalize(form, s) else "*"))
        assert old.is_normalized(form, r)
    print(ascii(s), " ".join(out))
print(old.is_normalized("NFD", "\u1b06"), unicodedata.is_normalized("NFD", "\u1b06"))

for bad in [lambda: old.category("ab"), lambda: old.normalize("NFX", "a"),
            lambda: old.numeric("a"), lambda: old.decimal("\u07c0"),
            lambda: old.lookup("NO SUCH NAME")]:
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(old.decimal("\u07c0", "none"), unicodedata.decimal("\u07c0"))
