# Integer-heavy loops: a sieve of Eratosthenes over a list of flags,
# Collatz sequence lengths, Euclid's gcd, modular exponentiation by
# squaring, bit counting with shifts and masks, and a little big-integer
# arithmetic (a factorial's digit sum, Fibonacci numbers past 64 bits).


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [i for i in range(limit + 1) if flags[i]]


def collatz_length(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def main():
    primes = sieve(500000)
    longest = 0
    arg = 0
    for n in range(1, 80000):
        k = collatz_length(n)
        if k > longest:
            longest, arg = k, n
    g = 0
    for a in range(1, 400):
        for b in range(1, 200, 3):
            g += gcd(a * 7919, b * 104729)
    fermat = sum(1 for p in primes[:3000] if power_mod(2, p - 1, p) == 1)
    bits = sum(popcount(i * 2654435761 & 0xFFFFFFFF) for i in range(60000))
    f = 1
    for i in range(2, 400):
        f *= i
    digits = sum(int(c) for c in str(f))
    a, b = 0, 1
    for _ in range(300):
        a, b = b, a + b
    print("primes", len(primes), primes[-1], "collatz", arg, longest, "gcd", g)
    print("fermat", fermat, "bits", bits, "digits", digits, "fib300 mod", a % 1000000007, a.bit_length())


main()
