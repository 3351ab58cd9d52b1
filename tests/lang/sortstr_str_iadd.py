# 's += x' on a local str that nothing else references grows it in place;
# every other case (aliases, containers, interned or cached strs, other
# kinds, subclasses, globals, cells) must still build a new str, and the
# grown str must hash, compare, encode and print as a fresh one would.


def grow(n, piece):
    s = "".join(["st", "art"])
    for _ in range(n):
        s += piece
    return s


print(grow(5, "ab"), len(grow(1000, "xyz")), grow(3, "") == "start")

# An alias keeps the old value.
s = "".join(["a", "b"])
t = s
s += "c"
print("alias", s, t, s is t)


def aliased():
    s = "".join(["q", "r"])
    kept = [s]
    for _ in range(3):
        s += "!"
        kept.append(s)
    return kept


print("aliased", aliased())


# Hash caches are reset: the grown str is an equal dict key to a fresh one.
def hashed():
    s = "".join(["ke", "y"])
    h1 = hash(s)
    s += "2"
    d = {"key2": 1}
    return h1 == hash("key"), hash(s) == hash("key2"), d[s], s in {"key2"}, s == "key2"


print("hashed", hashed())


# Interned and cached strs are never written over.
def interned():
    s = "abc"
    s += "d"
    a = "x"
    a += "y"
    e = ""
    e += "z"
    return s, "abc", a, "x", e, ""


print("interned", interned())


# Kinds: ASCII + Latin-1 clears the ASCII flag; wider pieces make a new str.
def kinds():
    out = []
    s = "".join(["ca", "f"])
    print(s)  # may cache its UTF-8 form
    s += "\xe9"
    out.append((s, len(s), s.encode(), s.isascii()))
    s += "\u20ac"
    out.append((s, len(s), s.encode("utf-8"), s.isascii()))
    s += "\u20ac\u4e2d"
    out.append((s, len(s), s.encode(), s.upper()))
    s += "\U0001f600"
    s += "!"
    out.append((len(s), s.encode()))
    w = "".join(["\u4e2d", "x"])
    w += "\u6587"
    out.append((w, w.encode()))
    return out


for row in kinds():
    print("kinds", row)


# The right side is the left side, a subclass, or not a str at all.
class S(str):
    pass


def others():
    s = "".join(["d", "o"])
    s += s
    u = S("sub")
    u += "x"
    v = "".join(["p", "q"])
    v += S("Z")
    try:
        v += 5
    except TypeError as e:
        print("TypeError", e)
    return s, type(u).__name__, u, v, type(v).__name__


print("others", others())

# Globals and cells take the ordinary path.
g = "".join(["g", "l"])
for _ in range(3):
    g += "o"
print("global", g)


def cells():
    c = "".join(["c", "e"])

    def inner():
        return c

    for _ in range(2):
        c += "ll"
    return c, inner()


print("cells", cells())


# Growth over many sizes matches a join; slices of the result are sound.
def build(n):
    s = ""
    s = "".join([s, "#"])
    parts = ["#"]
    for i in range(n):
        piece = "abcdefghij"[: i % 11]
        s += piece
        parts.append(piece)
    return s, "".join(parts)


a, b = build(2000)
print("build", a == b, len(a), a[-15:], a[1000:1010], a.count("j"), hash(a) == hash(b))

# Strings as dict values and loop variables stay intact.
d = {"k": "".join(["v", "0"])}
v = d["k"]
v += "1"
print("dict", d, v)
words = ["".join(["w", str(i)]) for i in range(3)]
acc = ""
for w in words:
    w += "."
    acc += w
print("loop", words, acc)
