# Big-int arithmetic checked against algebraic identities: squares of sums,
# products against repeated addition, shifts against powers of two, the
# difference of squares, powers against repeated multiplication, and
# conversions through str and bytes.

import sys
sys.set_int_max_str_digits(0)
seed = 987654321
def rnd(bits):
    global seed
    r = 0
    for _ in range(bits // 61 + 1):
        seed = (seed * 1103515245 + 12345) % 2 ** 61
        r = (r << 61) | seed
    return r >> (r.bit_length() - bits) if r.bit_length() > bits else r

sizes = [10, 40, 63, 64, 65, 100, 127, 128, 129, 500, 1000, 1281, 2600, 5000, 12000]
fails = 0
for sa in sizes:
    for sb in sizes[::3]:
        a, b = rnd(sa), -rnd(sb)
        fails += (a + b) ** 2 != a * a + 2 * a * b + b * b
        fails += (a - b) * (a + b) != a * a - b * b
        fails += a * (b + 1) - a != a * b
        fails += (a << sb) != a * 2 ** sb
        fails += (a >> 7) != a // 128
        fails += (b >> 7) != b // 128
        fails += a * b // b != a
        fails += (a * b + 5) % a != 5 % a
        fails += int(str(a * b)) != a * b
        fails += int.from_bytes((a * a).to_bytes((2 * sa + 7) // 8, "big"), "big") != a * a
        fails += -(-a) != a
        fails += abs(b) != -b
        fails += (a ^ b) ^ b != a
        fails += (a & b) + (a | b) != a + b
        fails += ~a != -a - 1
print("identity failures", fails)
x = rnd(3000)
p = 1
for i in range(25):
    p *= x
print(p == x ** 25, (x ** 25).bit_length() // 100, str(x ** 3)[:30], hash(x ** 7) == hash(x ** 7 % (2 ** 61 - 1)))
print(2 ** 10000 % 1000007, 3 ** 5000 // 7 ** 2000 % 10 ** 12, (10 ** 500 - 1) // 9 % 10 ** 9)
print(len(str(2 ** 13000)), str(2 ** 13000)[:20], str(2 ** 13000)[-20:], str(-(3 ** 8000))[:25])
f = 1
for i in range(1, 501):
    f *= i
print(len(str(f)), str(f)[:30], f % (10 ** 9 + 7), f.bit_length(), (f >> 4000) % 997)
# Numbers made of all-one bits stress carries and borrows.
for n in [31, 32, 33, 63, 64, 65, 1279, 1280, 1281, 3000]:
    m = (1 << n) - 1
    print(n, (m * m + 2 * m + 1) == (m + 1) ** 2, (m + 1) >> n, (m * m) % 1000003, (-m) >> (n - 1), m ^ (m >> 1) == (1 << (n - 1)) | ((m >> 1) ^ (m >> 1)) + (1 << (n - 1)) - (1 << (n - 1)))
