# Substring search in str (one-byte and wider kinds), bytes and bytearray:
# find/rfind/index/rindex/count/in/split/replace/partition against a naive
# search written here, for needles of every short length at every place,
# haystacks where the needle's first byte is everywhere (the candidate
# loop gives up and searches linearly), and start/end windows.


def naive_find(h, n, start=0, end=None):
    end = len(h) if end is None else end
    start, end = max(start, 0), min(end, len(h))
    for i in range(start, end - len(n) + 1):
        if h[i:i + len(n)] == n:
            return i
    return -1 if len(n) or start > len(h) else start


def naive_rfind(h, n, start=0, end=None):
    end = len(h) if end is None else end
    start, end = max(start, 0), min(end, len(h))
    for i in range(end - len(n), start - 1, -1):
        if h[i:i + len(n)] == n:
            return i
    return -1


def check(label, hay, needles):
    bad = []
    for n in needles:
        for start, end in ((0, None), (1, None), (0, len(hay) - 1), (3, len(hay) - 2)):
            f = hay.find(n, start) if end is None else hay.find(n, start, end)
            r = hay.rfind(n, start) if end is None else hay.rfind(n, start, end)
            if f != naive_find(hay, n, start, end) or (len(n) and r != naive_rfind(hay, n, start, end)):
                bad.append((n, start, end, f, r))
        if (n in hay) != (naive_find(hay, n) >= 0):
            bad.append((n, "in"))
    print(label, len(needles), "needles, mismatches:", bad[:3])


text = "echo,12,0084,ECHO-12,ohce\nhotel,7,0049,HOTEL-7,letoh\nfoxtrot,5,0035,FOXTROT-5"
subs = sorted({text[i:i + k] for k in range(1, 9) for i in range(0, len(text) - k + 1, 3)})
check("ascii lines", text, subs + ["TELX", "zz", "FOXTROT-6", "\nh", "oh\n", "h\nhx"])

latin = "caf\xe9 na\xefve \xff\xfe-\xe9\xe9t\xe9 " * 5
check("latin-1", latin, [latin[i:i + k] for k in (1, 2, 3, 5) for i in range(0, 40, 7)]
      + ["\xe9t\xe9 c", "\xff\xfd"])

wide = "\u20acuro \u4e2d\u6587 \U0001f600 mix\u20ac" * 4
check("wide", wide, [wide[i:i + k] for k in (1, 2, 4) for i in range(0, 30, 5)] + ["\u20acx"])
print("mixed kinds", "caf\xe9".find("\u20ac"), wide.find("mix"), latin.find("\u4e2d"),
      "abc".find("\xe9"), "ab\xe9".rfind("\xe9"))

# The first byte of the needle is everywhere: many false candidates.
runs = "a" * 3000 + "ab" + "a" * 50 + "aXa"
for n in ["a" * 20 + "b", "ab", "aab", "aXa", "a" * 40, "b" + "a" * 50, "aa" * 30 + "X",
          "a" * 51 + "X", "Xa", "aaXa", "ba"]:
    print("runs", len(n), runs.find(n), runs.rfind(n), naive_find(runs, n), runs.count(n),
          n in runs)
pattern = "abcabcabd" * 200 + "abcabcabcabd"
for n in ["abcabcabd", "abcabcabcabd", "abd", "cabcabcabc", "dabcabcabd", "abcabd"]:
    print("periodic", n, pattern.find(n), pattern.rfind(n), pattern.count(n),
          pattern.find(n) == naive_find(pattern, n))

# Edges: empty needles and haystacks, windows past the end, index errors.
print("empty", "".find(""), "abc".find(""), "abc".find("", 3), "abc".find("", 4),
      "abc".rfind(""), "abc".rfind("", 1, 2), "".rfind("a"), "abc".find("abcd"),
      "abc".count(""), "".count(""))
print("windows", "hello hello".find("llo", 3), "hello hello".find("llo", 3, 8),
      "hello hello".rfind("llo", 0, 8), "hello hello".find("llo", -5),
      "hello hello".rfind("hel", -20, -3), "hello".find("lo", 10))
for call in (lambda: "abc".index("d"), lambda: "abc".rindex("cb"), lambda: b"abc".index(b"x")):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)

# Methods built on the search.
line = "alpha, bravo, charlie,, delta, , echo"
print(line.split(", "), line.split(",,"), line.rsplit(", ", 2))
print(line.partition("ch"), line.rpartition("ch"), line.partition("zz"), line.rpartition("zz"))
print(line.replace(", ", "|"), line.replace("a", "A", 3), line.replace("ch", ""))
print(line.count("a"), line.count(", "), line.count("ch"), line.count("a", 5, 20))
print("x" * 10 .replace("xx", "y") if False else ("x" * 10).replace("xx", "y"),
      ("ab" * 6).split("ba"), ("ab" * 6).count("bab"))

# bytes and bytearray share the search.
bt = text.encode()
check("bytes", bt, [s.encode() for s in subs[::4]] + [b"TELX", b"\nh"])
ba = bytearray(latin.encode("latin-1"))
check("bytearray", ba, [bytearray(latin[i:i + k].encode("latin-1"))
                        for k in (1, 2, 4) for i in range(0, 30, 6)])
print("bytes in", b"OTEL" in bt, b"otel," in bt, b"zz" in bt, 72 in bt, b"" in bt,
      bytearray(b"ab") in ba, b"\xe9t" in ba)
print("bytes misc", bt.count(b"o"), bt.rfind(b"ECHO"), bt.rindex(b"-"), bt.split(b",0")[1:3],
      bt.replace(b"HOTEL", b"H").count(b"H"), bytearray(bt).rfind(b"oh", 0, 30))
rb = b"a" * 3000 + b"ab" + b"a" * 10
print("bytes runs", rb.find(b"a" * 20 + b"b"), rb.rfind(b"ab"), rb.count(b"aab"),
      rb.find(b"aaaXa"), bytearray(rb).find(b"aab", 2990))
