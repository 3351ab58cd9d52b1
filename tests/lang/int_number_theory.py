# Tests integer algorithms exercising arithmetic: gcd/lcm, extended Euclid, modular inverse, CRT, primality (Miller-Rabin), integer sqrt, base conversion, factorials.

def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def lcm(a, b):
    return abs(a * b) // gcd(a, b) if a and b else 0

def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y

def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m

def crt(residues, moduli):
    x, m = 0, 1
    for r, n in zip(residues, moduli):
        t = ((r - x) * modinv(m, n)) % n
        x += m * t
        m *= n
    return x % m, m

def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True

def isqrt(n):
    if n < 0:
        raise ValueError("negative")
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

print(gcd(462, 1071), gcd(-12, 18), gcd(0, 5), lcm(4, 6), lcm(21, 6), lcm(0, 3))
print(egcd(240, 46), modinv(3, 11), modinv(10, 17), [modinv(a, 13) for a in range(1, 13)])
try:
    modinv(6, 9)
except ValueError as e:
    print(type(e).__name__, e)
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))
print([n for n in range(100) if is_prime(n)])
print(is_prime(2 ** 61 - 1), is_prime(2 ** 61 + 1), is_prime(1000000007), is_prime(561), is_prime(2 ** 89 - 1))
print(isqrt(0), isqrt(15), isqrt(16), isqrt(10 ** 40), isqrt(2 * 10 ** 30), isqrt(2 ** 127 - 1))
import math
print(all(isqrt(n) == math.isqrt(n) for n in range(2000)), math.gcd(2 ** 100, 6 ** 50), math.lcm(4, 6, 10), math.comb(50, 25), math.perm(10, 3), math.factorial(25))
def digits_sum(n):
    return sum(int(d) for d in str(n))
print(digits_sum(math.factorial(100)), len(str(2 ** 10000)), str(3 ** 200)[-10:])
def fib_mod(n, m):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % m
    return a
print(fib_mod(1000, 10 ** 9 + 7), fib_mod(90, 10 ** 30))
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(max(range(1, 3000), key=collatz_len), collatz_len(837799))
