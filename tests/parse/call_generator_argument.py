f(x for x in y)
f((x for x in y), 1)
f(1, (x for x in y))
sum(x * 2 for x in range(10) if x)
f(
    x
    for x in y
)
f(x for x in y for z in x if z)
