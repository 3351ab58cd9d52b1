# Comparisons between ints and floats are exact (no rounding of the int to a
# float), for values around 2**53, 2**63, 2**64, 2**1024 and beyond, and
# hash() agrees wherever == does.

ops = [("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
       ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b)]
def cmp_row(i, f):
    return "".join("1" if fn(i, f) else "0" for _, fn in ops) + "/" + "".join("1" if fn(f, i) else "0" for _, fn in ops)

for base in [2 ** 53, 2 ** 54, 2 ** 63, 2 ** 64, 2 ** 100, 10 ** 22, 10 ** 23]:
    f = float(base)
    for d in (-2, -1, 0, 1, 2):
        i = base + d
        print(base.bit_length(), d, cmp_row(i, f), cmp_row(-i, -f), i == f, hash(i) == hash(f) if i == f else "-")
big = 2 ** 1024
print(cmp_row(big, 1.7976931348623157e308), cmp_row(big, float("inf")), cmp_row(-big, float("-inf")))
print(cmp_row(10 ** 400, float("inf")), cmp_row(-(10 ** 400), float("-inf")), cmp_row(10 ** 400, 1e308))
nan = float("nan")
print(cmp_row(0, nan), cmp_row(2 ** 100, nan), cmp_row(-1, nan))
print(cmp_row(0, -0.0), cmp_row(1, 0.9999999999999999), cmp_row(1, 1.0000000000000002))
print(cmp_row(-1, -1.0000000000000002), cmp_row(2 ** 53 + 1, 9007199254740992.0))
for v in [0.5, 1.5, -0.5, 2.0 ** 52 + 0.5, -(2.0 ** 52) - 0.5, 1e-300]:
    i = int(v)
    print(v, i, cmp_row(i, v), cmp_row(i + 1, v), cmp_row(i - 1, v))
# Sorting mixes ints and floats by exact value.
vals = [2 ** 53 + 1, float(2 ** 53), 2 ** 53, 2 ** 53 - 1, 9007199254740991.0, -0.0, 0, False, True, 0.5]
print(sorted(vals, key=lambda x: x), max(2 ** 53 + 1, float(2 ** 53)), min(float(2 ** 53), 2 ** 53 + 1))
# int(f) and float(i) are exact / correctly rounded.
for i in [2 ** 53 + 1, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 64 - 1, 2 ** 63 + 2 ** 10 + 1, 3 ** 40, -(3 ** 40)]:
    print(i, repr(float(i)), int(float(i)) - i)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
print(float(2 ** 1024 - 2 ** 971), float(2 ** 1024 - 2 ** 970 - 1), (2 ** 1024 - 2 ** 970) > 1.7976931348623157e308)
for i in [2 ** 1024 - 2 ** 970, 2 ** 1024 - 1]:
    try:
        float(i)
    except OverflowError as e:
        print("OverflowError:", e)
print(2 ** 1023 * 1.5 == 2 ** 1023 + 2 ** 1022, 2 ** 1023 * 1.0 == 2 ** 1023, 1e300 * 10 ** 10)
