# Augmented assignment on numbers: every in-place operator on ints (small
# and big), floats and complex, with the results, the promotions, and the
# errors naming the augmented operator.

ops = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="]
starts = [7, -(2 ** 65) + 3, 2.5, 1 + 1j, True]
rhs = [3, -2, -1.5, 2j, False, 2 ** 64]
for op in ops:
    for a in starts:
        row = []
        for b in rhs:
            x = a
            if op in ("**=", "<<=") and b == 2 ** 64:
                row.append("-")  # too large to compute
                continue
            try:
                exec(f"x {op} b")
                s = repr(x)
                row.append(type(x).__name__[0] + ":" + (s if len(s) < 24 else s[:10] + ".." + s[-6:]))
            except Exception as e:
                row.append(type(e).__name__)
        print(f"{a!r:>22} {op:>3} {' '.join(row)}")
x = 10
for step in range(1, 30):
    x **= 2
    x %= 10 ** 40 + 7
    x += step
    x <<= step % 5
    x //= 3
print(x)
for expr in ["x += 'a'", "x @= 2", "x |= 1.5", "x **= 'a'"]:
    x = 5
    try:
        exec(expr)
    except TypeError as e:
        print(expr, "TypeError:", e)
class Acc:
    def __init__(self):
        self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
    def __radd__(self, o):
        return ("radd", o)
a = Acc()
a += 5
a += 2 ** 70
n = 1
n += a if False else 0
print(a.v, n, 3 + a)
