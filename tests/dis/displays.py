# Lists, tuples, sets, dicts with unpacking; constant displays.
a = [1, 2, 3]
b = (x, *y, z)
c = {1, 2, x}
d = {'a': 1, 'b': 2}
e = {**m, 'k': v, **n}
f = [*a, *b]
g = {x: y}
h = x in [1, 2, 3]
i = x in {1, 2, 3}
