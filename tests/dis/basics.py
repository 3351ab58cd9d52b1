# Names, constants, operators, folding, chained comparisons, conditionals.
import os.path as osp
from . import sibling
from ..pkg import a as b, c
x = 1 + 2 * 3
y = -x ** 2 if x else ~x
z = 1 < x <= 10 != y
s = "ab" * 3 + "c"
t = (1, 2, (3, 4))[2]
big = 1 << 100
del x
print(not x in y, x is not None, f"{x!r:>{y}} and {z}")
