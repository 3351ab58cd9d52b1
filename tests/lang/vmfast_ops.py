# The interpreter's fast paths give CPython's answers: small-int floor
# division, modulo and shifts at the edges of the tagged range, int / int,
# a float with a small int, float ** float, comparisons (NaN, a float with an
# int a double cannot hold) followed by a conditional jump, slices of exact
# lists, tuples and strs taken without a slice object, FOR_ITER into a local,
# and builtin calls with and without a fitting argument count.

SMALL_MAX = 2**62 - 1
SMALL_MIN = -2**62
ints = [0, 1, -1, 3, -3, 7, -7, 2**31, -2**31, 2**53, 2**53 + 1, SMALL_MAX, SMALL_MIN, 2**63]


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


for a in ints:
    for b in ints:
        show("%d // %d" % (a, b), lambda: a // b)
        show("%d %% %d" % (a, b), lambda: a % b)
        show("%d / %d" % (a, b), lambda: a / b)
for a in [1, -1, 5, -5, SMALL_MAX, SMALL_MIN]:
    for s in [0, 1, 2, 61, 62, 63, 64, 100, -1]:
        show("%d << %d" % (a, s), lambda: a << s)
        show("%d >> %d" % (a, s), lambda: a >> s)

floats = [0.0, -0.0, 1.5, -2.5, 1e308, 5e-324, float("inf"), float("nan")]
for x in floats:
    for y in floats + [0, 2, -3, SMALL_MAX]:
        show("%r + %r" % (x, y), lambda: x + y)
        show("%r * %r" % (y, x), lambda: y * x)
        show("%r - %r" % (y, x), lambda: y - x)
        show("%r / %r" % (x, y), lambda: x / y)
        show("%r / %r" % (y, x), lambda: y / x)
for x in [2.0, 0.5, 1.0, 1e300, 1e-300, -8.0, 0.0, float("inf")]:
    for y in [0.5, 2.0, -1.0, 0.0, 1e10, -1e10, float("nan")]:
        show("%r ** %r" % (x, y), lambda: x ** y)

# A result written into an operand only the stack holds must not change a
# value someone else still sees.
a = 1.5
b = a
c = (a * 2.0 + 1.0) * 3.0
d = a + a
print(a, b, c, d, a is b)
t = (a, 2.5)
print((t[0] + t[1]) * 2.0, t)

nan = float("nan")
cmp_vals = [0, 1, -1, 2**53, 2**53 + 1, 0.0, -0.0, 1.0, 0.5, 9007199254740992.0, nan,
            float("inf"), "a", "b"]
for x in cmp_vals:
    line = []
    for y in cmp_vals:
        try:
            r = ""
            if x < y:
                r += "<"
            if x <= y:
                r += "l"
            if x == y:
                r += "="
            if not (x != y):
                r += "!"
            if x > y:
                r += ">"
            if x >= y:
                r += "g"
        except TypeError:
            r = "T"
        line.append(r or ".")
    print(repr(x), " ".join(line))

seqs = [list(range(7)), tuple(range(7)), "abcdefg", "a\u20acb\u00e9c", []]
bounds = [None, 0, 2, -2, 5, 100, -100]
for s in seqs:
    out = []
    for i in bounds:
        for j in bounds:
            out.append(s[i:j])
            for k in [None, 1, 2, -1, -3]:
                out.append(s[i:j:k])
    print(type(s).__name__, out)
    show("step 0", lambda: s[1:2:0])
    show("float bound", lambda: s[1.0:2])

for i in [None, 0, 1, -1, 3]:
    for j in [None, 2, -2, 9]:
        for v in [[], ["x"], ["x", "y", "z"], "pq", (7,)]:
            l = list(range(6))
            try:
                l[i:j] = v
            except Exception as e:
                l = type(e).__name__
            m = list(range(6))
            try:
                m[i:j:-1] = v
            except Exception as e:
                m = "%s: %s" % (type(e).__name__, e)
            print(i, j, v, l, m)
l = [1, 2, 3]
l[1:] = l
print(l)
show("tuple store", lambda: exec("t = (1, 2); t[0:1] = [3]"))

total = 0
for n in range(10):
    total += n
for item in [3, 4]:
    total *= item
print(total, n, item)

l = []
l.append(1)
list.append(l, 2)
print(l, l.pop(), len(l), max(3, 4), abs(-2))
for call in ["l.append()", "l.append(1, 2)", "list.append()", "len()", "len(1, 2)", "l.pop(0, 1)",
             "l.clear(1)", "list.append(1, 2)", "l.append(x=1)"]:
    show(call, lambda: eval(call))


class MyList(list):
    pass


m = MyList([5])
m.append(6)
list.append(m, 7)
print(m, type(m[1:]).__name__)
