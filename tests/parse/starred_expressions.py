print(*args)
print(*args, *more, sep="")
x = [*a]
x = [*a, 1, *b]
x = (*a,)
x = {*a}
*a, b = range(3)
for x in *a, *b: pass
