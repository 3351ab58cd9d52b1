# Tests integer bit manipulation algorithms: popcount by hand vs bit_count, gray codes, bit reversal, lowest set bit, power-of-two checks, masks on big ints.

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print([popcount(n) for n in range(17)], all(popcount(n) == n.bit_count() for n in range(5000)), popcount(2 ** 200 - 1))
gray = [n ^ (n >> 1) for n in range(16)]
print(gray, all(popcount(gray[i] ^ gray[i + 1]) == 1 for i in range(15)))
def from_gray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n
print([from_gray(g) for g in gray] == list(range(16)))
def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
print([reverse_bits(n, 4) for n in range(16)], hex(reverse_bits(0x12345678, 32)))
print([n & -n for n in (1, 2, 12, 40, 96, 2 ** 70 + 2 ** 65)], [(n & (n - 1)) == 0 for n in (1, 2, 3, 64, 96, 2 ** 100)])
mask64 = (1 << 64) - 1
def rotl64(x, r):
    return ((x << r) | (x >> (64 - r))) & mask64
v = 0x0123456789ABCDEF
print(hex(rotl64(v, 8)), hex(rotl64(v, 60)), rotl64(rotl64(v, 13), 51) == v)
def xorshift(x):
    x ^= (x << 13) & mask64
    x ^= x >> 7
    x ^= (x << 17) & mask64
    return x
x = 88172645463325252
seq = []
for _ in range(5):
    x = xorshift(x)
    seq.append(x)
print(seq)
print(bin(0b1011 << 3), bin(-0b1011 >> 1), (-1) & 0xFF, (-256) & 0xFFFF, ~0 & mask64 == mask64, (-(2 ** 70)) >> 69)
subsets = []
full = 0b10110
sub = full
while True:
    subsets.append(bin(sub))
    if sub == 0:
        break
    sub = (sub - 1) & full
print(subsets)
print(sum(1 << i for i in range(0, 100, 10)).bit_count(), (2 ** 100).bit_length(), (2 ** 100 - 1).bit_length(), (-(2 ** 100)).bit_length())
