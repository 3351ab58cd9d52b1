# Tests int true division: correctly rounded results for big operands, results near float limits, overflow errors, negative zero, mixed int/float division.

print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2, 0 / 5, -0 / 5, 0 / -5, type(4 / 2).__name__)
print(10 ** 400 / 10 ** 399, (10 ** 400 + 1) / 10 ** 399, 2 ** 2000 / 2 ** 1999, (3 * 10 ** 300) / (10 ** 300))
print((2 ** 53 + 1) / 1, (2 ** 53 + 3) / 1, (2 ** 64 + 1) / 2 ** 11, 1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076)
print(10 ** 20 / 3, -(10 ** 20) / 3, 123456789123456789 / 1000, 2 ** 1023 * 2 / 2 ** 1023)
for num, den in [(10 ** 400, 1), (1, 10 ** 400), (-(10 ** 400), 3), (2 ** 1024, 2), (2 ** 1025, 2)]:
    try:
        print(num.bit_length(), den.bit_length(), num / den)
    except OverflowError as e:
        print(num.bit_length(), den.bit_length(), type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(1 / 3 * 3 == 1, 49 / 49, 0.1 / 3, 1 / 0.1, 1e308 / 1e-10 if False else 1e300 / 1e-8)
print(7 / 7.0, 7.0 / 7, True / 2, 3 / True, (2 ** 60) / 2.0 ** 60, 5 / 2 == 2.5, (-5) / 2 == -2.5)
exact = [(1, 10), (1, 3), (2, 7), (22, 7), (355, 113), (10 ** 17 + 1, 10 ** 17)]
for a, b in exact:
    q = a / b
    print(a, b, q, q.as_integer_ratio()[1].bit_length() <= 1075)
print((10 ** 30 + 1) / (10 ** 30), (10 ** 30 + 10 ** 14) / (10 ** 30), 999999999999999999999 / 1000000000000000000000)
