x = 1, 2
x = 1,
x = *a, *b
x = *a,
a, b = b, a
