a = *b, c = d
x, y = z = 1, 2
[a, b] = c, d = e
