a[*b]
a[1, *b]
a[*b, *c]
x: tuple[*Ts] = ()
a[*b] = c
del a[*b]
