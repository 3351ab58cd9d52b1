a = b = c = 0
x = y = z[0] = w.v = 1 if False else 2
