# Tests operator precedence and associativity: arithmetic, power/unary, bitwise vs comparison, not/and/or, conditional expressions, lambda.

print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 100 / (10 / 5), 17 // 5 * 5 + 17 % 5, -7 // 2 * 2)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3 & 4, (1 | 2) ^ 3 & 4, ~1 + 1, ~(1 + 1), -~5, ~-5)
print(1 < 2 | 4, (1 < 2) | 4, 3 & 1 == 1, 3 & (1 == 1), 5 > 3 == True)
print(not 1 == 2, not 1 + 1, not None or 5, True or False and False, (True or False) and False, not True and False)
print(1 if True else 2 if False else 3, (1 if False else 2) if True else 3, 0 or 1 if 0 else 2, [0 or 1 if 0 else 2])
f = lambda: 1 if True else 2
print(f(), (lambda x: x * 2 + 1)(3), (lambda: 1, 2)[1])
print(2 * -3, 2 ** -2, -2 ** -2, - - 3, + - 3, not - 1, 4 -- 2, 4 +- 2)
print(3 * 2 ** 2, 3 ** 2 * 2, 2 ** 2 ** 0, -3 ** 2 * 2)
print("a" + "b" * 2, ("a" + "b") * 2, "x" * 2 + "y", [1] * 2 + [3])
print(1 + 2 == 3 and 2 * 2 == 4, 1 + (2 == 3), 1 == 1.0 is not False)
print(10 % 3 ** 2, (10 % 3) ** 2, 10 * 3 % 7, 10 * (3 % 7), 2 * 5 // 3, 2 * (5 // 3))
print(1 in [1] == True, (1 in [1]) == True, "a" in "abc" and "z" not in "abc")
x = 5
print(x > 3 and x < 10 or x == 0, x > 3 and (x < 10 or x == 0), not x > 3 or x, -x ** 2, (-x) ** 2)
print(0 and 1 / 0, 1 or 1 / 0, None and None.attr, [] or {} or () or "last")
print((1, 2) + (3,) * 2, [1, 2][1:] * 2, {"a": 1}.get("a") + 1, "abc"[1:][::-1])
a = b = 2
a += b * 3
print(a, b)
print(2 ** 3 if a else 0, (await_ := 3) * 2)
print(1 & 2 == 0, (1 & 2) == 0, 1 & (2 == 0))
print(5 - 3 - 1 - 1, 2 ** 2 ** 2 ** 1, 64 / 4 / 2 / 2)
print(True + True * 2, (True + True) * 2, -True, ~True, not -0)
print("%d %s" % (1, "x") + "!", "%s" % "a" * 3, ("%s" % "a") * 3)
print([x for x in range(10) if x % 2 == 0 if x > 2], [x if x % 2 else -x for x in range(4)])
print(1 < 2 and 2 < 3 or 1 / 0, not not 5, not (not 5))
