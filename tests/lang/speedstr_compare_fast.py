# COMPARE_OP takes a fast path for two exact strs and two exact floats; these
# cases check that everything around it still goes through the protocol:
# subclasses with their own __eq__/__lt__, NaN, mixed int/float, widths.

nan = float("nan")
inf = float("inf")
for a, b in [(1.5, 2.5), (2.5, 1.5), (1.0, 1.0), (nan, nan), (nan, 1.0), (1.0, nan),
             (inf, inf), (-inf, inf), (0.0, -0.0), (-0.0, 0.0), (1e308, inf)]:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)

x = nan
print("same nan object", x == x, x != x, x is x, [x] == [x], (x,) == (x,))

# Mixed int/float and big ints keep the generic path.
for a, b in [(1, 1.0), (1.0, 1), (2**53 + 1, float(2**53)), (float(2**53), 2**53 + 1),
             (True, 1.0), (10**400, inf), (-(10**400), -inf), (3, 2.999999)]:
    print(a < b, a == b, a > b, a != b)

words = ["", "a", "ab", "b", "é", "\u0101", "\U0001F600", "abc", "abd", "ab\x00",
         "Z", "z", "\xff", "\u0100", "\uffff", "\U00010000"]
for a in words:
    row = []
    for b in words:
        row.append("%d%d%d%d%d%d" % (a < b, a <= b, a == b, a != b, a > b, a >= b))
    print(ascii(a), " ".join(row))

# Equal strings that are different objects, with and without cached hashes.
p = "".join(["ab", "cd"])
q = "abc" + "d"
print(p == q, p != q, p < q, p >= q)
hash(p)
print(p == q, p == "abcd", hash(p) == hash(q))


class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__str__(self), other)
        return True

    def __lt__(self, other):
        print("Loud.__lt__")
        return "lt"

    __hash__ = str.__hash__


l = Loud("x")
print(l == "y", "y" == l, l != "y", l < "a", "a" > l)


class Rev(float):
    def __lt__(self, other):
        return float(self) > float(other)


print(Rev(1.0) < 2.0, 2.0 > Rev(1.0), Rev(1.0) == 1.0)


class Plain(str):
    pass


print(Plain("a") < "b", "a" == Plain("a"), Plain("b") > Plain("a"))

try:
    print("a" < 1)
except TypeError as e:
    print("TypeError", e)
try:
    print(1.5 < "a")
except TypeError as e:
    print("TypeError", e)
print("a" == 1, 1.5 != "x", 1.5 == None)

# Chained comparisons and comparisons in loops (the quickened form).
count = 0
for i in range(200):
    s = "k%03d" % i
    f = i / 7
    if "k050" <= s < "k100" and 3.0 < f <= 10.0:
        count += 1
print("chained", count)
