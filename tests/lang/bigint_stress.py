# Tests big integer arithmetic identities on pseudo-random operands: division/modulo invariants, multiplication/division round trips, pow/mod consistency, str/hex round trips.

state = 99
def rnd_bits(bits):
    global state
    v = 0
    for _ in range(bits // 30 + 1):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        v = (v << 30) | (state & 0x3FFFFFFF)
    return v >> (v.bit_length() - bits) if v.bit_length() > bits else v

failures = []
for i in range(200):
    a = rnd_bits(30 + (i * 37) % 600)
    b = rnd_bits(10 + (i * 53) % 400) or 1
    if i % 3 == 0:
        a = -a
    if i % 5 == 0:
        b = -b
    q, r = divmod(a, b)
    if q * b + r != a or not (0 <= r < b if b > 0 else b < r <= 0):
        failures.append(("divmod", i))
    if (a * b) // b != a or (a * b) % b != 0:
        failures.append(("muldiv", i))
    if int(str(a)) != a or int(hex(a), 16) != a or int(bin(a), 2) != a or int(oct(a), 8) != a:
        failures.append(("str", i))
    if (a + b) - b != a or -(-a) != a or a - a != 0:
        failures.append(("addsub", i))
    if (a << 17) >> 17 != a or (a >> 3) != a // 8:
        failures.append(("shift", i))
    if (a & b) + (a | b) != a + b or (a ^ b) != (a | b) - (a & b):
        failures.append(("bits", i))
    m = abs(b) + 2
    if pow(a, 5, m) != (a ** 5) % m:
        failures.append(("pow", i))
print("failures:", failures)
x = rnd_bits(2000)
y = rnd_bits(1000)
print(x.bit_length(), y.bit_length(), (x * y).bit_length(), len(str(x)), str(x)[:20], str(x % 10 ** 20))
print(x // y > 0, (x // y).bit_length(), x % y < y, hash(x) == hash(int(str(x))))
f = 1
for k in range(1, 301):
    f *= k
print(len(str(f)), str(f)[:15], sum(map(int, str(f))), f % (10 ** 9 + 7))
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(7, -1, 10 ** 9 + 7), (2 ** 3000 - 1) % 1000003)
fib_a, fib_b = 0, 1
for _ in range(2000):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(len(str(fib_a)), str(fib_a)[-12:], fib_a % 999983)
