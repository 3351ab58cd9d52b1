# Unpacking, star targets, augmented assignment, chained assignment, walrus.
a, b = b, a
a, *rest, z = seq
x = y = z = 0
o.attr += 1
o[k] -= 2
n //= 3
if (m := f()) is not None:
    pass
[y := v for v in range(3)]
