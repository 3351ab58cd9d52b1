for a, (b, c) in x:
    pass
for *a, b in x:
    pass
for x, in y:
    pass
for [a, b] in c:
    pass
for a.b in c:
    pass
for a[0] in c:
    pass
for x in 1, 2, 3:
    pass
for x in *a, *b:
    pass
for (x) in (y):
    pass
