# Tests bitwise operators & | ^ ~ << >> on ints of both signs and sizes, and their errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

vals = [0, 1, 5, 12, 255, -1, -5, -12, -256]
for a in vals:
    print(a, [a & b for b in vals])
    print(a, [a | b for b in vals])
    print(a, [a ^ b for b in vals])
for a in vals:
    print(a, ~a, a << 3, a >> 1, a >> 3, a << 0, a >> 0)
print(1 << 62, 1 << 63, 1 << 64, 1 << 65)
print(-1 << 63, -1 << 64)
print((1 << 64) - 1 >> 32)
print(12345678901234567890 >> 7, -12345678901234567890 >> 7)
print(-12345678901234567890 & 0xFFFF, -12345678901234567890 | 0xFFFF)
print(0xF0F0 ^ -1, ~0xF0F0)
show("1 << -1", lambda: 1 << -1)
show("1 >> -1", lambda: 1 >> -1)
show("1 << 1.0", lambda: 1 << 1.0)
show("1.0 & 1", lambda: 1.0 & 1)
show("'a' | 1", lambda: "a" | 1)
show("1 << 2**100", lambda: 1 << 2 ** 100)
print(0 << 2 ** 100, 5 >> 2 ** 100, -5 >> 2 ** 100)
print(True & True, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(~True, ~False, True << 3)
x = 0b1010
x &= 0b0110; print(bin(x))
x |= 0b1001; print(bin(x))
x ^= 0b1111; print(bin(x))
x <<= 4; print(bin(x))
x >>= 2; print(bin(x))
print(5 & 3 | 8 ^ 2, 5 & (3 | 8) ^ 2, 1 + 2 << 3, 1 << 2 + 3, 1 | 2 == 3)
print((int.__and__(6, 3)), int.__or__(6, 3), int.__xor__(6, 3), int.__lshift__(1, 5), int.__rshift__(64, 5))
print(int.__rand__(6, 3), int.__rlshift__(2, 1), int.__invert__(7))
m = 0
for i in range(0, 80, 7):
    m |= 1 << i
print(m, bin(m), m.bit_count())
print([i for i in range(80) if m >> i & 1])
