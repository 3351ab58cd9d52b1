del a
del a, b
del a[0], a.b
del (a, b)
del [a, b]
del (a), [b], c.d
del a[1:2], a[::2]
del (a,)
del a,
