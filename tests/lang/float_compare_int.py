# Tests exact int/float comparison: large ints vs floats near 2**53, equality across types, ordering with inf/nan, and mixed containers.

big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), float(big + 1) == big, big + 1 > float(big), big + 1 < float(big) + 2)
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 == 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, 2 ** 64 + 1 > 2.0 ** 64)
print(10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float("inf"))
print(1 == 1.0, 1 is 1.0 if False else "skip", 0 == -0.0, -1 == -1.0, 3 == 3.0000000000000001, 3 < 3.0000000000000004)
print(0.1 + 0.2 > 0.3, 0.5 == 1 / 2, 1 / 3 * 3 == 1.0, 2 ** 0.5 * 2 ** 0.5 == 2)
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 10 ** 400 < nan, nan == 10 ** 400)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([1.0, 1, True]), sorted([True, 1.0, 1]))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 9007199254740993.0)
print(round(2 ** 53 + 1.0) == 2 ** 53, int(2.0 ** 53 + 1) == 2 ** 53)
print(float(2 ** 53 + 1), float(2 ** 54 + 3), float(2 ** 54 + 2), float(-(2 ** 53 + 1)))
print([x == 0 for x in (0, 0.0, -0.0, 0j, False, "")])
print({1: "a"}[1.0], {1.5: "f"}.get(3 / 2), 1.0 in {1}, 2 ** 60 in {2.0 ** 60})
print(1e308 * 10 > 10 ** 1000, -1e308 * 10 < -(10 ** 1000))
print(int(1e16) == 10 ** 16, int(1e23), 10 ** 23 == 1e23, int(1e23) == 10 ** 23)
print(123456789012345678 == 123456789012345678.0, float(123456789012345678))
for a, b in [(1, 1.5), (2 ** 70, 2.0 ** 70), (2 ** 70 + 1, 2.0 ** 70), (-5, -5.5), (0, -0.0)]:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
