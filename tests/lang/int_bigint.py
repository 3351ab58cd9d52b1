# Tests big integers: arithmetic past 64 bits, signs, division, powers, conversions, comparisons.

a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 12345, a % 12345)
print(-a // 12345, -a % 12345)
print(a // -12345, a % -12345)
print(b // a, b % a, divmod(b, a))
print(divmod(-b, a), divmod(b, -a), divmod(-b, -a))
print(a * a * a)
print((a * b) // b == a, (a * b) % b)
print(2 ** 64 - 1, 2 ** 64, -2 ** 63, -(2 ** 63) - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, 4611686018427387904 * 2)
print((-9223372036854775808) // -1)
print((-9223372036854775808) * -1)
print(abs(-9223372036854775808))
print(-(-9223372036854775808))
print(1 << 200)
print((1 << 200) >> 199, (1 << 200) >> 300)
print(-(1 << 200) >> 100)
print(-1 >> 1000, 1 >> 1000)
print(hex(a), oct(b), bin(2 ** 70 + 5))
print(hex(-a))
f = 1
for i in range(1, 61):
    f *= i
print("60! =", f)
print(f // (2 ** 56), f % 1000000007)
print(len(str(2 ** 1000)))
print(str(7 ** 150))
print(int("1" * 50) * 9)
print(int("-" + "9" * 40) + 1)
print(a == 2 ** 100, a != b, a < b, b > a, a <= a, -a < a)
print(a == float(a), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(2 ** 1000 > 1e300, 2 ** 1100 > 1e300)
print(float(2 ** 100), float(-(3 ** 50)))
try:
    float(2 ** 1100)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 1100 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((2 ** 1100) // (2 ** 1099))
print((2 ** 200 + 1) / (2 ** 199))
print(a.bit_length(), (-a).bit_length(), b.bit_count())
print((a - 1).bit_count())
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print(hash(2 ** 61 - 2), hash(-(2 ** 61 - 1)))
print(pow(3, 200))
print(pow(-3, 201))
print(a & b, a | b, a ^ b, ~a)
print(-a & b, -a | b, -a ^ b, -a & -b)
print((2 ** 128 - 1) & (2 ** 64 - 1))
print(int(1e20), int(-1.5e19), int(2.0 ** 80))
print(round(a, -20), round(b, -30), round(-b, -30))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
x = 1
for i in range(100):
    x = x * 31 + i
print(x)
print(x % 97, x // 10 ** 100)
print((10 ** 50) // 7, (10 ** 50) % 7, -(10 ** 50) // 7, -(10 ** 50) % 7)
print(int.from_bytes(b"\xff" * 20, "big"), int.from_bytes(b"\xff" * 20, "big", signed=True))
print((2 ** 100).to_bytes(13, "big"))
print((-(2 ** 100)).to_bytes(14, "little", signed=True))
