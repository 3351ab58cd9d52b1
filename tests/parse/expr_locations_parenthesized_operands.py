(a) + (b)
(-x) ** 2
(a) if (b) else (c)
(a) < (b) == (c)
(a) and (b) or (c)
(f)(x)(y)
(a).b.c
(a)[b][c]
x = lambda: (a)
x = lambda a=(b): (c)
f(*(a), **(b), c=(d))
x = *(a), *(b),
await_ = [(a) for (b) in (c) if (d)]
x[(a):(b)]
