# Tests str classification predicates: isalpha, isdigit, isdecimal, isnumeric, isalnum, isspace, isidentifier, isprintable, isascii, istitle.

samples = ["", "abc", "ABC", "abc123", "123", "١٢٣", "²", "½", "Ⅻ", "一二三", "３", " ", "\t\n", "\u00a0", "\u200b", "\x1c",
           "a b", "_x", "x_1", "1x", "class", "é", "ǅ", "ﬁ", "😀", "\x7f", "\n", "a\u0301", "Σίσυφος", "𝟙", "⁵", "٣٫", "-1", "3.5",
           "__init__", "None", "a-b", "Ab Cd", "AB CD", "Ab cD", "\u2028", "\x85", "\U0001d7ce"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isidentifier(), s.isprintable(), s.isascii(), s.istitle(), s.isupper(), s.islower())
print([c for c in "a1 ²½Ⅻ\t_" if c.isalnum()], [hex(i) for i in range(0, 0x30) if chr(i).isspace()])
print([hex(i) for i in range(0x80, 0x3001) if chr(i).isspace()])
print(sum(1 for i in range(0x80) if chr(i).isprintable()), sum(1 for i in range(0x80, 0x100) if chr(i).isprintable()))
print(sum(1 for i in range(0x10000) if chr(i).isdecimal()), sum(1 for i in range(0x10000) if chr(i).isdigit()))
